#include "code/actor_stage.h"

#include "code/acronyms.h"
#include "code/people.h"

namespace sitrep::code {

Status ActorStage::Process(Doc& doc) const {
  doc.SetLayer("acronym", AcronymLayer(doc, FindAcronymDefinitions(doc)));
  doc.SetLayer("actor", PeopleLayer(FindPeople(doc, lexicon_ ? *lexicon_ : ActorLexicon::Default())));
  return Status::Ok();
}

}  // namespace sitrep::code
