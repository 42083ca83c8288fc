// Choosing the elements that hold the article. A semantic element (<article>,
// [itemprop=articleBody], <main>) wins when it holds a fair share of the text; otherwise
// a scoring in the spirit of Readability decides: every paragraph gives points for its
// length and commas to its parent and grandparents, candidates lose the share of their
// text inside links, and siblings of the winner that read like content join it.
#pragma once

#include <vector>

#include "ingest/html/dom.h"
#include "ingest/html/node_stats.h"

namespace sitrep::html {

// The elements whose text is the article, in document order; empty when none is found.
// REQUIRES: `stats` after RemoveFurniture.
std::vector<int> ChooseContainers(const Page& page, const std::vector<NodeStats>& stats);

}  // namespace sitrep::html
