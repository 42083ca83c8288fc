// Plain-text articles as people save them from the web: a headline, a byline line, a
// dateline, paragraphs one per line or separated by blank lines, and web debris.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "sitrep/doc.h"
#include "text/dateline.h"

namespace sitrep {

struct TextArticle {
  std::string text;              // paragraphs separated by "\n\n"
  OffsetMap map;                 // text -> input bytes
  Metadata meta;                 // evidence spans are input byte ranges
  std::vector<Dropped> dropped;  // byline lines, debris
};

struct TextReaderOptions {
  bool find_header = true;   // look for a headline and byline at the top (off for JSON bodies)
  bool keep_debris = false;
};

// `text` must be valid UTF-8.
TextArticle ReadPlainText(std::string_view text, const TextReaderOptions& options = {});

// The dateline of an article's clean text (paragraphs separated by "\n\n"), with its
// span in that text: at the start of the first paragraph that is not a heading or bullet.
std::optional<std::pair<Dateline, Span>> FindDatelineInText(std::string_view text);

}  // namespace sitrep
