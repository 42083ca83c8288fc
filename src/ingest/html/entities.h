// HTML character references ("&amp;", "&#8217;", "&#x2019;", "&copy" without its ';'),
// decoded as the HTML standard's tokenizer decodes them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sitrep::html {

// The reference that starts at s[at] (an '&'): appends its UTF-8 value to *out and returns
// how many bytes of `s` it spans, or returns 0 when the '&' is plain text. In an attribute
// value a name without its ';' followed by '=' or a letter or digit is text too
// ("?a=1&copy=2" keeps its "&copy").
size_t DecodeReference(std::string_view s, size_t at, bool in_attribute, std::string* out);

// `s` with every reference decoded.
std::string DecodeEntities(std::string_view s, bool in_attribute);

}  // namespace sitrep::html
