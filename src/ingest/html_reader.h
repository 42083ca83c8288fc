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
  Metadata meta;                // evidence and caption spans are html byte ranges;
                                // captions are also among `dropped`
  std::vector<Dropped> dropped; // debris blocks the extractor left out
};

// The charset a page declares in its first 1024 bytes (<meta charset>, or
// http-equiv Content-Type), lower case, or "" when it declares none.
std::string SniffHtmlCharset(std::string_view bytes);

// Parses `html` (valid UTF-8) and extracts the article. Any bytes give a result: a page
// with no article gives empty text, never an error; only a page of 4 GiB or more fails.
Result<HtmlArticle> ExtractHtml(std::string_view html);

}  // namespace sitrep
