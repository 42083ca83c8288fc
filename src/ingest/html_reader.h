// Main text and metadata from an HTML page, with a map back to the page's bytes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/doc.h"
#include "sitrep/status.h"

namespace sitrep {

struct HtmlArticle {
  std::string text;             // paragraphs separated by "\n\n"
  OffsetMap map;                // text -> html bytes
  Metadata meta;                // evidence spans are html byte ranges
  std::vector<Dropped> dropped; // debris blocks the extractor left out
};

// The charset a page declares in its first 1024 bytes (<meta charset>, or
// http-equiv Content-Type), lower case, or "" when it declares none.
std::string SniffHtmlCharset(std::string_view bytes);

// Parses `html` (valid UTF-8) with an HTML5 parser and extracts the article.
Result<HtmlArticle> ExtractHtml(std::string_view html);

}  // namespace sitrep
