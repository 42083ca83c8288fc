// The actor stage: who the people of a document are. Writes the "acronym" layer (every
// use of a short form the document defines, acronyms.h) and the "actor" layer (every
// mention of a person, with the person it refers to, the office the text gives them and
// the actor code it carries, people.h). The event stage reads neither yet beyond what
// the actor coder learns itself; consolidation learns the corpus's people from the
// "actor" layers (actor_knowledge.h).
#pragma once

#include <memory>

#include "code/lexicon.h"
#include "sitrep/pipeline.h"

namespace sitrep::code {

class ActorStage : public Stage {
 public:
  // `lexicon`: the actor lexicon to code with (one carrying the user's dictionaries,
  // dictionaries/dictionary_lexicon.h); null for sitrep's own.
  explicit ActorStage(std::shared_ptr<const ActorLexicon> lexicon = nullptr) : lexicon_(std::move(lexicon)) {}

  std::string name() const override { return "actors"; }
  std::vector<std::string> reads() const override { return {"token", "sentence", "dependency", "entity"}; }
  std::vector<std::string> writes() const override { return {"acronym", "actor"}; }
  Status Process(Doc& doc) const override;

 private:
  std::shared_ptr<const ActorLexicon> lexicon_;
};

}  // namespace sitrep::code

namespace sitrep {
using code::ActorStage;
}
