// How a FindDocuments key (store.h) is read, the same on every engine: all digits is a
// document id, six or more hex digits a prefix of a content hash; anything else (and
// either of those when it matches nothing) part of an input path or URL.
#pragma once

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sitrep::sqlite {

// The id `key` names, if it is all digits and fits in 64 bits.
inline std::optional<int64_t> DocumentIdKey(std::string_view key) {
  if (key.empty() || !std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  int64_t id = 0;
  auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), id);
  if (error != std::errc() || end != key.data() + key.size()) return std::nullopt;
  return id;
}

// The lower-case hash prefix `key` names, if it is six or more hex digits.
inline std::optional<std::string> HashPrefixKey(std::string_view key) {
  auto hex = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); };
  if (key.size() < 6 || !std::all_of(key.begin(), key.end(), hex)) return std::nullopt;
  std::string prefix(key);
  for (char& c : prefix)
    if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
  return prefix;
}

}  // namespace sitrep::sqlite
