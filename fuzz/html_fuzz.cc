// libFuzzer entry for the HTML path: any bytes, read as an HTML record the way ingest
// reads a page (charset sniffing, decoding, parsing, extraction, debris rules). The
// reader must never crash, hang or read out of bounds, and what it returns must hold
// together: the offset map covers the text, and every span stays inside the input.
//
// Build (clang only): cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
//   -DSITREP_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo && ninja -C build-fuzz html_fuzz
// Run:  build-fuzz/fuzz/html_fuzz -max_len=65536 NEW_CORPUS_DIR fuzz/corpus/html
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ingest/html_reader.h"
#include "sitrep/ingest.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();  // libFuzzer reports the input that broke an invariant
}

void CheckSpan(sitrep::Span span, size_t size) { Check(span.begin <= span.end && span.end <= size); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);

  sitrep::Record record;
  record.origin = {"fuzz.html", 0, "html"};
  record.format = sitrep::Format::kHtml;
  record.bytes = std::string(bytes);
  sitrep::Result<sitrep::Doc> doc = sitrep::ReadRecord(record, sitrep::IngestOptions{});
  if (doc.ok()) {
    Check(doc->offset_map().clean_size() == doc->text().size());
    for (const auto& [field, span] : doc->meta().evidence) CheckSpan(span, doc->original().size());
    for (const sitrep::Dropped& d : doc->dropped()) CheckSpan(d.original, doc->original().size());
  }

  // The extractor alone, on the bytes as they are (ReadRecord decodes first, so this
  // also feeds it what no decoder would produce).
  sitrep::Result<sitrep::HtmlArticle> article = sitrep::ExtractHtml(bytes);
  if (article.ok()) {
    Check(article->map.clean_size() == article->text.size());
    for (const sitrep::OffsetMap::Piece& p : article->map.pieces()) {
      Check(uint64_t{p.orig_begin} + p.orig_size <= size);
      if (p.verbatim)
        Check(std::string_view(article->text).substr(p.clean_begin, p.clean_size) == bytes.substr(p.orig_begin, p.orig_size));
    }
    for (const sitrep::HtmlCaption& c : article->captions) CheckSpan(c.original, size);
  }
  return 0;
}
