// DCT inference across documents: an article with no stated date, grouped in a story
// with a dated report, takes that report's date (give or take a day) as the bounds of
// its own creation time, and its relative dates ("on Monday") are resolved again
// against the tighter bounds, through the timex stage's hook (ResolveTimexAgainst).
#pragma once

#include <memory>
#include <vector>

#include "code/lexicon.h"
#include "consolidate/stories.h"
#include "sitrep/doc.h"
#include "sitrep/status.h"

namespace sitrep {

// For every undated document of every story with a dated member, tightens its DCT and
// re-resolves its "timex" and "dct" layers. The twin is the earliest dated member whose
// date agrees with the document's own content estimate (any, when it has none), so
// the choice depends on the story, not on the order of arrival. A document with an
// "events" layer has its events coded again against the new dates, with `lexicon` (the
// user's dictionaries, verbs included, as the pipeline had them; null: sitrep's own).
// Returns the indexes of the documents changed. Documents without tokens are left alone.
Result<std::vector<int>> TightenDctFromTwins(std::vector<Doc*>& docs, const StoryGrouping& stories,
                                             std::shared_ptr<const code::ActorLexicon> lexicon = nullptr);

}  // namespace sitrep
