// The last step of the HTML reader: which of the container's paragraphs are the article.
// Left out: the headline and byline blocks (they are metadata); blocks that are mostly
// link text, unless they are long sentences; blocks before the story's first paragraph
// or after its last that lie outside the element holding its paragraphs (kickers,
// standfirsts, lists of other stories, author boxes); and what the shared debris rules
// (ingest/debris.h) call web debris. The rest is joined with blank lines, so later
// stages see the paragraph boundaries.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ingest/html/text_builder.h"
#include "sitrep/doc.h"

namespace sitrep::html {

// Why each block is left out ("" to keep it), in block order.
std::vector<std::string> ClassifyBlocks(const Page& page, const std::vector<Block>& blocks, const Metadata& meta);

// Joins the kept blocks with "\n\n" (anchored where the previous block ends) into *text
// and *map, and appends the others to *dropped.
void AssembleText(const std::vector<Block>& blocks, const std::vector<std::string>& reasons,
                  std::string_view page, std::string* text, OffsetMap* map, std::vector<Dropped>* dropped);

}  // namespace sitrep::html
