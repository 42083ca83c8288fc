// Page furniture: the parts of a page that are never the article (navigation, share
// bars, cookie banners, related-story lists, comments, captions and credits, ads),
// found by tag, ARIA role, and the words of class and id. A class that also speaks for
// content ("entry-content"), or an element that holds most of the page's prose (a
// layout wrapper called "content-with-sidebar"), is kept whatever else it says.
#pragma once

#include <string_view>
#include <vector>

#include "ingest/html/dom.h"
#include "ingest/html/node_stats.h"
#include "sitrep/doc.h"

namespace sitrep::html {

// What the class and id of an element say.
struct Hints {
  std::string_view furniture;  // the reason, when a class or id names furniture
  bool content = false;        // a class or id of content words only ("article-body")
};
Hints ReadHints(const Page& page, size_t i);

// Marks furniture as removed in `stats` (which must come from DescribeNodes), fills in
// the text sums, and returns what was removed: the outermost element of each removed
// subtree that had text, largest first, at most `limit` of them. The elements removed
// as captions or credits are also listed in *captions (if given), in page order.
std::vector<Dropped> RemoveFurniture(const Page& page, std::vector<NodeStats>& stats, size_t limit,
                                     std::vector<int>* captions = nullptr);

}  // namespace sitrep::html
