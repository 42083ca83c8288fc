// The user's PETRARCH/TABARI dictionaries behind sitrep's actor lexicon: MakeDefaultPipeline
// and consolidation load them once (--actors, --agents) and hand the one read-only
// lexicon to ActorStage, EventStage and the re-coding of consolidation.
#pragma once

#include <memory>

#include "code/lexicon.h"
#include "sitrep/pipeline.h"

namespace sitrep::code::dictionaries {

// Loads the files of `options` (warnings to options.warn) into a copy of sitrep's actor
// lexicon. Null when `options` names no file; an error names a file that cannot be read.
Result<std::shared_ptr<const ActorLexicon>> LexiconWithDictionaries(const DictionaryOptions& options);

}  // namespace sitrep::code::dictionaries
