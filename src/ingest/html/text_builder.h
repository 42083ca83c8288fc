// From the chosen elements to paragraphs of clean text, each byte traced back to the
// page. The text is cut into paragraphs at block-level elements; white space collapses
// to one space (none at either end of a paragraph); one <br> is a line break and two in
// a row end the paragraph, as pages that lay out text with <br>s mean them; <pre> keeps
// its line breaks. Character references are decoded, and each one maps to the whole
// reference it came from.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ingest/html/dom.h"
#include "ingest/html/node_stats.h"
#include "sitrep/span.h"

namespace sitrep::html {

// One paragraph before the debris rules have seen it: its text, and the steps that
// rebuild that text, with its map, in a CleanTextBuilder.
struct Block {
  struct Step {
    uint32_t orig_begin, orig_size, clean_begin, clean_size;
    bool verbatim;
  };
  std::string text;
  std::vector<Step> steps;
  Span original;
  uint32_t link_bytes = 0;
  Tag tag = Tag::kUnknown;  // the block element it came from
  int element = -1;         // and its node index

  bool heading() const { return IsHeadingTag(tag); }
  double link_density() const { return text.empty() ? 0.0 : double(link_bytes) / text.size(); }
  void AppendTo(CleanTextBuilder* out) const;
};

// The visible text of an element's subtree, removed or not, on one line: references
// decoded, white space collapsed. For text kept apart from the article (captions).
std::string PlainText(const Page& page, const std::vector<NodeStats>& stats, int element);

// The paragraphs of the kept text under each of `containers`, in document order.
std::vector<Block> CollectBlocks(const Page& page, const std::vector<NodeStats>& stats,
                                 const std::vector<int>& containers);

}  // namespace sitrep::html
