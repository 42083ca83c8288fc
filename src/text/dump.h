// A readable dump of a document: what `sitrep show` prints and what golden tests diff.
#pragma once

#include <string>

#include "sitrep/doc.h"

namespace sitrep {

struct DumpOptions {
  bool full_path = true;   // golden tests print the file name only, so they run anywhere
  size_t max_layer_items = 200;
  // Print a hash and a length in place of each piece of article text, so a golden file
  // of an article we may not republish holds its structure but none of its words.
  bool redact_text = false;
};

std::string DumpDoc(const Doc& doc, const DumpOptions& options = {});

// `text` shortened to `max` bytes on a UTF-8 boundary, new lines shown as "⏎".
std::string Excerpt(std::string_view text, size_t max);

}  // namespace sitrep
