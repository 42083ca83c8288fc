// Containers that hold articles: gzip streams, WARC files, JSON Lines records.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "sitrep/doc.h"
#include "sitrep/ingest.h"
#include "sitrep/status.h"

namespace sitrep {

bool LooksGzip(std::string_view bytes);

// Inflates every member of a gzip stream. A stream that ends early is kTruncated at
// the compressed byte offset where the data stops; output over `max_out` is kTooLarge.
Result<std::string> Gunzip(std::string_view bytes, uint64_t max_out);

// Inflates the one gzip member that starts at `begin` of `bytes`, handing each piece of
// output to `sink` in order; `sink` returns false to stop early. Returns the offset just
// past the member (where the next one would start), or the error with its compressed
// offset in `bytes`. Gunzip and the WARC reader (one member per record) are built on it.
using InflateSink = std::function<bool(std::string_view piece)>;
struct MemberEnd {
  uint64_t end = 0;      // offset just past the member; valid when !stopped
  bool stopped = false;  // the sink asked to stop before the member ended
};
Result<MemberEnd> InflateGzipMember(std::string_view bytes, uint64_t begin, const InflateSink& sink);

// Cuts a WARC file (plain, or gzip with one member per record) into records. Calls
// `emit` for each HTTP response or resource record with an HTML or text payload (the
// record's offset is its offset in the file as stored; bytes are the HTTP body; url,
// date and charset come from the WARC and HTTP headers) and `fail` for each record that
// cannot be read, then goes on with the next one where it can.
void ReadWarc(std::string_view file_bytes, const std::string& path, uint64_t max_record_bytes,
              const std::function<void(Record)>& emit, const std::function<void(Failure)>& fail);

// One JSON Lines record as an article. `text` is the article body unescaped, with a map
// from it to the bytes of the line; other fields are taken as they are. Text fields
// tried in order: text, body, content, articleBody, article, maintext.
struct JsonArticle {
  std::string text;
  OffsetMap map;  // text -> line bytes
  Metadata meta;  // evidence spans are line byte ranges
};
Result<JsonArticle> ParseJsonArticle(std::string_view line);

}  // namespace sitrep
