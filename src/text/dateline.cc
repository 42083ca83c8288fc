#include "text/dateline.h"

#include <re2/re2.h>

#include <algorithm>

namespace sitrep {

std::optional<Dateline> FindDateline(std::string_view paragraph) {
  // Place, then ", Region" (one to three capitalised words, not a month abbreviation
  // followed by a day: that is the date), then ", Mon 12", then "(Agency)", then the separator.
  static const RE2 kDateline(
      R"(^([A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3}))"
      R"((?:, ([A-Z][a-z]+(?: [A-Z][a-z]+){0,2}))?)"
      R"((?:, [A-Z][a-z]{2,8}\.? \d{1,2})?)"
      R"(\s*(?:\(([A-Za-z][A-Za-z.&' ]{0,30})\))?)"
      R"(\s*(?::|\x{2014}|\x{2013}|--?)\s+)");
  re2::StringPiece m[4];
  re2::StringPiece input(paragraph.data(), std::min<size_t>(paragraph.size(), 120));
  if (!kDateline.Match(input, 0, input.size(), RE2::ANCHOR_START, m, 4)) return std::nullopt;
  std::string place(m[1].data(), m[1].size());
  if (place.size() < 3) return std::nullopt;
  return Dateline{place, std::string(m[2].data(), m[2].size()), std::string(m[3].data(), m[3].size()), m[0].size()};
}

}  // namespace sitrep
