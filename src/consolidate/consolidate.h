// Consolidation of a set of annotated documents: copies, stories, and dates across
// documents, in that order (each step uses the one before).
#pragma once

#include <vector>

#include "consolidate/near_duplicates.h"
#include "consolidate/stories.h"
#include "sitrep/doc.h"
#include "sitrep/status.h"

namespace sitrep {

struct ConsolidateOptions {
  NearDuplicateOptions duplicates;
  StoryOptions stories;
  bool tighten_dct = true;
};

struct Consolidation {
  std::vector<int> copy_of;      // per document: the original it copies, or -1
  StoryGrouping stories;
  std::vector<int> dct_tightened;  // documents whose DCT a dated twin tightened
};

// Consolidates `docs` (annotated by the default pipeline; fewer layers give weaker but
// valid results). Rewrites the "timex" and "dct" layers of the undated documents that
// get a twin's date. The result depends on the set of documents, not on their order,
// except for the indexes it is expressed in.
Result<Consolidation> Consolidate(std::vector<Doc*>& docs, const ConsolidateOptions& options = {});

}  // namespace sitrep
