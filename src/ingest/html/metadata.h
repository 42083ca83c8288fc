// An article's metadata from its page: title, publication and modification dates,
// authors, site name, language, canonical URL and description. Each field is taken from
// the most trusted source that has it (OpenGraph and article: meta tags, JSON-LD, other
// meta tags, <time>, <title>, <h1>, bylines), with the page bytes it was read from.
#pragma once

#include <vector>

#include "ingest/html/dom.h"
#include "ingest/html/node_stats.h"
#include "sitrep/doc.h"

namespace sitrep::html {

// REQUIRES: `stats` after RemoveFurniture (a removed <h1> or <time> is not the article's).
Metadata ReadMetadata(const Page& page, const std::vector<NodeStats>& stats);

}  // namespace sitrep::html
