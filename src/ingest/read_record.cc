// ReadRecord: one record's bytes to a Doc, whatever its format and encoding.
#include <fmt/format.h>

#include "ingest/containers.h"
#include "ingest/dates.h"
#include "ingest/html_reader.h"
#include "ingest/text_reader.h"
#include "sitrep/ingest.h"
#include "text/encoding.h"

namespace sitrep {

namespace {

// Sniffs a record whose container did not say what it is.
Format SniffFormat(std::string_view bytes) {
  size_t i = bytes.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (i == std::string_view::npos) return Format::kText;
  std::string head;
  for (char c : bytes.substr(i, 512)) head.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0 ||
      (head[0] == '<' && (head.find("<body") != std::string::npos || head.find("<p") != std::string::npos ||
                          head.find("<div") != std::string::npos || head.find("<head") != std::string::npos)))
    return Format::kHtml;
  if (head[0] == '{') return Format::kJsonl;
  if (head.rfind("warc/1.", 0) == 0) return Format::kWarc;
  return Format::kText;
}

// Spans found in a decoded text, taken back to the record's bytes.
void MapEvidence(Metadata* meta, std::vector<Dropped>* dropped, const OffsetMap& to_original) {
  for (auto& [field, span] : meta->evidence) span = to_original.ToOriginal(span);
  for (Caption& c : meta->captions) c.original = to_original.ToOriginal(c.original);
  for (Dropped& d : *dropped) d.original = to_original.ToOriginal(d.original);
}

// Fields the container knew fill what the article itself did not say.
void FillFromContainer(const Record& record, Metadata* meta) {
  if (meta->url.empty()) meta->url = record.url;
  if (meta->source.empty()) meta->source = record.source;
  if (!meta->published && !record.date.empty()) {
    if (auto d = ParseDate(record.date)) {
      meta->published = *d;
      meta->published->found_in = "container";
    }
  }
}

struct Article {
  std::string text;
  OffsetMap map;  // text -> record bytes
  Metadata meta;
  std::vector<Dropped> dropped;
};

Result<Article> ReadTextRecord(std::string_view bytes, const Record& record, const IngestOptions& options) {
  auto decoded = DecodeToUtf8(bytes, record.charset);
  if (!decoded.ok()) return decoded.status();
  TextArticle a = ReadPlainText(decoded->text, {.find_header = true, .keep_debris = options.keep_debris});
  MapEvidence(&a.meta, &a.dropped, decoded->map);
  return Article{std::move(a.text), a.map.Then(decoded->map), std::move(a.meta), std::move(a.dropped)};
}

Result<Article> ReadHtmlRecord(std::string_view bytes, const Record& record) {
  std::string declared = record.charset.empty() ? SniffHtmlCharset(bytes) : record.charset;
  auto decoded = DecodeToUtf8(bytes, declared);
  if (!decoded.ok()) return decoded.status();
  auto html = ExtractHtml(decoded->text);
  if (!html.ok()) return html.status();
  MapEvidence(&html->meta, &html->dropped, decoded->map);
  return Article{std::move(html->text), html->map.Then(decoded->map), std::move(html->meta), std::move(html->dropped)};
}

Result<Article> ReadJsonRecord(std::string_view bytes, const IngestOptions& options) {
  if (size_t bad = FindInvalidUtf8(bytes); bad != std::string_view::npos)
    return Status(Code::kEncoding, "JSON Lines record is not valid UTF-8").At("", bad);
  auto json = ParseJsonArticle(bytes);
  if (!json.ok()) return json.status();
  // The body goes through the plain-text reader for paragraphs, dateline and debris;
  // the record's own fields win over anything guessed from the body.
  TextArticle a = ReadPlainText(json->text, {.find_header = false, .keep_debris = options.keep_debris});
  MapEvidence(&a.meta, &a.dropped, json->map);
  Metadata meta = std::move(json->meta);
  return Article{std::move(a.text), a.map.Then(json->map), std::move(meta), std::move(a.dropped)};
}

}  // namespace

Result<Doc> ReadRecord(const Record& record, const IngestOptions& options) {
  auto fail = [&](Status status) -> Result<Doc> {
    std::optional<uint64_t> at;
    if (status.offset()) at = record.origin.offset + *status.offset();
    else at = record.origin.offset;
    return std::move(status).At(record.origin.path, at);
  };
  if (record.bytes.size() > options.max_record_bytes)
    return fail(Status(Code::kTooLarge, fmt::format("record of {} bytes, over the limit of {}", record.bytes.size(),
                                                    options.max_record_bytes)));
  std::string inflated;
  std::string_view bytes = record.bytes;
  if (LooksGzip(bytes)) {
    auto out = Gunzip(bytes, options.max_record_bytes);
    if (!out.ok()) return fail(out.status());
    inflated = std::move(out).value();
    bytes = inflated;
  }
  if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) return fail(Status(Code::kEmpty, "no text in this input"));

  Format format = record.format == Format::kAuto ? SniffFormat(bytes) : record.format;
  Result<Article> article = Status(Code::kInvalidArgument, "unsupported format");
  switch (format) {
    case Format::kHtml: article = ReadHtmlRecord(bytes, record); break;
    case Format::kJsonl: article = ReadJsonRecord(bytes, options); break;
    case Format::kText: article = ReadTextRecord(bytes, record, options); break;
    default:
      return fail(Status(Code::kInvalidArgument,
                         fmt::format("format {} is not an article format here", FormatName(format))));
  }
  if (!article.ok()) return fail(article.status());
  if (article->text.empty()) return fail(Status(Code::kEmpty, "no article text found"));
  FillFromContainer(record, &article->meta);
  // Every format can open with a dateline; it is read from the clean text, so the same
  // rule holds for a text file, a page and a feed record.
  if (auto dateline = FindDatelineInText(article->text); dateline && article->meta.dateline_place.empty()) {
    article->meta.dateline_place = dateline->first.place;
    article->meta.dateline_agency = dateline->first.agency;
    article->meta.evidence["dateline"] = article->map.ToOriginal(dateline->second);
  }

  Origin origin = record.origin;
  origin.format = std::string(FormatName(format));
  Doc doc(std::move(origin), std::string(bytes), std::move(article->text), std::move(article->map),
          std::move(article->meta));
  doc.set_dropped(std::move(article->dropped));
  return doc;
}

}  // namespace sitrep
