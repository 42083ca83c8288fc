#include "ingest/html/strings.h"

namespace sitrep::html {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  return true;
}

size_t FindIgnoreCase(std::string_view hay, std::string_view needle, size_t from) {
  if (needle.empty() || hay.size() < needle.size()) return npos;
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    if (AsciiLower(hay[i]) != needle[0]) continue;
    if (EqualsIgnoreCase(hay.substr(i, needle.size()), needle)) return i;
  }
  return npos;
}

std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

size_t SpaceLength(std::string_view s, size_t i) {
  if (IsAsciiSpace(s[i])) return 1;
  if (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') return 2;
  return 0;
}

bool IsAllSpace(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = SpaceLength(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size();) {
    if (size_t n = SpaceLength(s, i)) {
      space = true;
      i += n;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(s[i++]);
  }
  return out;
}

size_t CountWords(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = IsAsciiSpace(c);
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

size_t Utf8Length(char lead) {
  auto b = static_cast<unsigned char>(lead);
  if (b < 0xC0) return 1;
  if (b < 0xE0) return 2;
  if (b < 0xF0) return 3;
  return 4;
}

bool HasWord(std::string_view list, std::string_view word) {
  size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && IsAsciiSpace(list[i])) ++i;
    size_t start = i;
    while (i < list.size() && !IsAsciiSpace(list[i])) ++i;
    if (i > start && EqualsIgnoreCase(list.substr(start, i - start), word)) return true;
  }
  return false;
}

}  // namespace sitrep::html
