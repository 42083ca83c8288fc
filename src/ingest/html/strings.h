// Small ASCII string helpers shared by the HTML reader's passes. HTML's syntax (tag and
// attribute names, white space, class lists) is ASCII, so none of these need Unicode.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sitrep::html {

inline constexpr size_t npos = std::string_view::npos;

inline bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
inline bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }
inline char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string Lower(std::string_view s);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
// The first occurrence of `needle` (which must be lower case) at or after `from`.
size_t FindIgnoreCase(std::string_view hay, std::string_view needle, size_t from = 0);
std::string_view TrimAscii(std::string_view s);
bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);

// The length of the white space at s[i], or 0. A no-break space counts: pages use it as
// a plain space.
size_t SpaceLength(std::string_view s, size_t i);
bool IsAllSpace(std::string_view s);
// White-space runs become one space, and the ends are trimmed: for metadata values.
std::string CollapseSpace(std::string_view s);
size_t CountWords(std::string_view s);
// The byte length of the UTF-8 sequence that starts with `lead`.
size_t Utf8Length(char lead);

// Whether a white-space separated list ("a b c", as in class and rel) holds `word`,
// compared without case.
bool HasWord(std::string_view list, std::string_view word);

}  // namespace sitrep::html
