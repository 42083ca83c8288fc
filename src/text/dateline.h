// Datelines: "ISLAMABAD (PEN) :", "WASHINGTON, Sept 16 (Reuters) -", "WOODSIDE, California —"
// at the start of a news paragraph. One rule for the whole pipeline: the readers take the
// place and agency into the metadata, and the syntax stage parses the sentence after it,
// because a parser trained on treebanks without datelines makes the place the subject.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sitrep {

struct Dateline {
  std::string place;   // "WOODSIDE"
  std::string region;  // "California", or empty
  std::string agency;  // "Reuters", or empty
  size_t size = 0;     // bytes of the dateline, up to and including its separator and the spaces after it
};

// The dateline that opens `paragraph`, if any: an upper-case place of up to four words,
// perhaps a region in title case and a date after commas, perhaps an agency in brackets,
// then a colon or a dash. "US: talks end" is a headline style, not a dateline.
std::optional<Dateline> FindDateline(std::string_view paragraph);

}  // namespace sitrep
