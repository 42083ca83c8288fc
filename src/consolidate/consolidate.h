// Consolidation of a set of annotated documents: copies, stories, and dates across
// documents, in that order (each step uses the one before).
#pragma once

#include <memory>
#include <vector>

#include "code/actor_knowledge.h"
#include "code/lexicon.h"
#include "consolidate/near_duplicates.h"
#include "consolidate/stories.h"
#include "sitrep/doc.h"
#include "sitrep/status.h"

namespace sitrep {

struct ConsolidateOptions {
  NearDuplicateOptions duplicates;
  StoryOptions stories;
  bool tighten_dct = true;
  bool recode_known_people = true;  // code events again with what other articles say of their people
  // The actor lexicon events are coded again with: the one ingest used (with the user's
  // dictionaries, code/dictionaries/dictionary_lexicon.h), or null for sitrep's own.
  std::shared_ptr<const code::ActorLexicon> lexicon;
};

struct Consolidation {
  std::vector<int> copy_of;      // per document: the original it copies, or -1
  StoryGrouping stories;
  std::vector<int> dct_tightened;  // documents whose DCT a dated twin tightened
  code::ActorKnowledge actors;     // the corpus's people, one actor per person
  std::vector<int> recoded;        // documents whose events changed when coded again with `actors`
};

// Consolidates `docs` (annotated by the default pipeline; fewer layers give weaker but
// valid results). Rewrites the "timex" and "dct" layers of the undated documents that
// get a twin's date, and the "events" layer of those and of the documents naming people
// the rest of the corpus gives an office to. The result depends on the set of documents,
// not on their order, except for the indexes it is expressed in.
Result<Consolidation> Consolidate(std::vector<Doc*>& docs, const ConsolidateOptions& options = {});

}  // namespace sitrep
