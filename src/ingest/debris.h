// Web debris: lines that came with an article but are not part of it ("Read More »",
// "Related Post", "Image Credits: geo", "Also See: ...", teaser lists of other stories).
// Shared by every reader, so plain text and HTML are held to the same rules.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/span.h"

namespace sitrep {

// Why one line, on its own, is debris; nullopt when it may be content.
std::optional<std::string> DebrisReason(std::string_view line);

// Where an image credit glued to the end of a line starts ("...TalksImage Credits: geo",
// "... in Islamabad. [Image via The Express Tribune/File]"), if the line ends in one.
std::optional<size_t> FindTrailingCredit(std::string_view line);

// A block of lines (a paragraph or a line of plain text) with where it is in the input.
struct TextBlock {
  Span span;              // in the (decoded) input
  std::string_view text;  // the block's text, trimmed
  bool heading = false;   // an <h1>-<h6>, or a short line with no final punctuation
  double link_density = 0;  // share of the text inside links (HTML); 0 for plain text
};

// Marks which blocks are debris, with the reason; an empty string keeps the block.
// Beyond single lines it finds the tail of teasers that follows a "Recent" or "Related"
// heading, and lists of other stories' headlines each followed by "Read More".
std::vector<std::string> ClassifyDebris(const std::vector<TextBlock>& blocks);

}  // namespace sitrep
