// Character references, following the HTML standard's tokenizer ("character reference
// state"): a name is matched against the standard's table (entities.inc), the longest
// match winning; a number is read in decimal or hex and the code points the standard
// forbids are replaced.
#include "ingest/html/entities.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

#include "ingest/html/strings.h"
#include "text/encoding.h"

namespace sitrep::html {
namespace {

struct NamedReference {
  std::string_view name;
  std::string_view value;
};

constexpr NamedReference kNamed[] = {
#include "ingest/html/entities.inc"
};

// Names valid without ';' are at most this long ("frac34", "middot").
constexpr size_t kMaxLegacyName = 6;
constexpr size_t kMaxName = 32;

const NamedReference* FindNamed(std::string_view name) {
  auto it = std::lower_bound(std::begin(kNamed), std::end(kNamed), name,
                             [](const NamedReference& r, std::string_view n) { return r.name < n; });
  return it != std::end(kNamed) && it->name == name ? it : nullptr;
}

// What a numeric reference to C1 control codes (0x80-0x9F) stands for: pages written in
// Windows-1252 meant the characters of that code page (0 where it has none).
constexpr uint16_t kWindows1252C1[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

bool IsHexDigit(char c) { return IsAsciiDigit(c) || (AsciiLower(c) >= 'a' && AsciiLower(c) <= 'f'); }

size_t DecodeNumeric(std::string_view s, size_t at, std::string* out) {
  size_t i = at + 2;  // past "&#"
  bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
  if (hex) ++i;
  size_t digits_begin = i;
  uint32_t value = 0;
  bool too_large = false;
  for (; i < s.size() && (hex ? IsHexDigit(s[i]) : IsAsciiDigit(s[i])); ++i) {
    uint32_t digit = IsAsciiDigit(s[i]) ? s[i] - '0' : AsciiLower(s[i]) - 'a' + 10;
    if (value > 0x10FFFF) too_large = true;
    else value = value * (hex ? 16 : 10) + digit;
  }
  if (i == digits_begin) return 0;  // "&#" or "&#x" with no digits is text
  if (i < s.size() && s[i] == ';') ++i;
  if (too_large || value > 0x10FFFF || value == 0 || (value >= 0xD800 && value <= 0xDFFF)) value = 0xFFFD;
  else if (value >= 0x80 && value <= 0x9F && kWindows1252C1[value - 0x80] != 0) value = kWindows1252C1[value - 0x80];
  AppendUtf8(value, out);
  return i - at;
}

size_t DecodeNamed(std::string_view s, size_t at, bool in_attribute, std::string* out) {
  size_t name_begin = at + 1;
  size_t name_end = name_begin;
  while (name_end < s.size() && IsAsciiAlnum(s[name_end]) && name_end - name_begin < kMaxName) ++name_end;
  if (name_end == name_begin) return 0;
  if (name_end < s.size() && s[name_end] == ';') {
    if (const NamedReference* r = FindNamed(s.substr(name_begin, name_end + 1 - name_begin))) {
      out->append(r->value);
      return name_end + 1 - at;
    }
  }
  // Only the legacy names hold without ';', and the longest one that fits wins.
  for (size_t length = std::min(name_end - name_begin, kMaxLegacyName); length >= 2; --length) {
    const NamedReference* r = FindNamed(s.substr(name_begin, length));
    if (!r) continue;
    size_t after = name_begin + length;
    if (in_attribute && after < s.size() && (s[after] == '=' || IsAsciiAlnum(s[after]))) return 0;
    out->append(r->value);
    return after - at;
  }
  return 0;
}

}  // namespace


size_t DecodeReference(std::string_view s, size_t at, bool in_attribute, std::string* out) {
  if (at + 1 >= s.size()) return 0;
  if (s[at + 1] == '#') return DecodeNumeric(s, at, out);
  return DecodeNamed(s, at, in_attribute, out);
}

std::string DecodeEntities(std::string_view s, bool in_attribute) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t amp = s.find('&', i);
    if (amp == npos) amp = s.size();
    out.append(s.substr(i, amp - i));
    i = amp;
    if (i >= s.size()) break;
    size_t used = DecodeReference(s, i, in_attribute, &out);
    if (used == 0) {
      out.push_back('&');
      used = 1;
    }
    i += used;
  }
  return out;
}

}  // namespace sitrep::html
