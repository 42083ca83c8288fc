// Turning input bytes of any common encoding into valid UTF-8, with a map back.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "sitrep/span.h"
#include "sitrep/status.h"

namespace sitrep {

struct Decoded {
  std::string text;    // valid UTF-8
  OffsetMap map;       // text -> input bytes
  std::string encoding;  // what the input was read as: "UTF-8", "UTF-16LE", "windows-1252", ...
};

// Decodes `bytes`. `declared` is an encoding the container claims (an HTTP header or a
// <meta charset>); it is used when the bytes agree with it, since a declaration can lie.
// Order of trust: a byte-order mark; valid UTF-8; the declaration; uchardet's guess;
// Windows-1252 as the last resort (every byte decodes). Fails on binary input (NUL bytes
// or mostly control characters) with the offset of the first offending byte.
Result<Decoded> DecodeToUtf8(std::string_view bytes, std::string_view declared = {});

// Appends `code_point` as UTF-8; a surrogate or a value past U+10FFFF becomes U+FFFD.
void AppendUtf8(uint32_t code_point, std::string* out);

// The offset of the first byte that is not part of valid UTF-8, or npos.
size_t FindInvalidUtf8(std::string_view bytes);

// The offset of the first byte that marks the input as binary, or npos.
size_t FindBinaryMarker(std::string_view bytes);

}  // namespace sitrep
