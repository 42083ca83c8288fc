// WARC files (ISO 28500, versions 1.0 and 1.1) cut into article records.
//
// A WARC file is a sequence of records: a version line ("WARC/1.1"), header fields, a
// blank line, a block of exactly Content-Length bytes, and two CRLFs. A compressed WARC
// is a gzip stream with one member per record, so each member is inflated on its own and
// its compressed offset names the record. Only HTTP responses and resources that carry
// HTML or plain text become Records; the rest (warcinfo, requests, metadata, images,
// revisits) is skipped without a word. A record that cannot be read becomes a Failure,
// and reading goes on from the next place a record can start: the next gzip member, or
// the next "WARC/1." at the start of a line.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "ingest/containers.h"

namespace sitrep {
namespace {

constexpr size_t npos = std::string_view::npos;
// Room for the WARC and HTTP headers of a gzip member on top of the body limit.
constexpr uint64_t kHeaderAllowance = 1 << 20;

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), AsciiLower);
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return AsciiLower(x) == AsciiLower(y); });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::optional<uint64_t> ParseDecimal(std::string_view s) {
  if (s.empty() || s.size() > 18) return std::nullopt;  // 18 digits cannot overflow
  uint64_t value = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  return value;
}

// ---- Header blocks (WARC and HTTP share the syntax) ----

// Header fields in order, looked up by name without regard to case.
class HeaderFields {
 public:
  void Add(std::string_view name, std::string_view value) {
    fields_.emplace_back(std::string(name), std::string(value));
  }
  void Continue(std::string_view more) { fields_.back().second.append(" ").append(more); }
  bool empty() const { return fields_.empty(); }
  std::string_view Get(std::string_view name) const {
    for (const auto& [key, value] : fields_)
      if (EqualsIgnoreCase(key, name)) return value;
    return {};
  }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

struct HeaderBlock {
  std::string_view first_line;  // "WARC/1.1" or "HTTP/1.1 200 OK"
  HeaderFields fields;
  size_t body_begin = 0;  // offset just past the blank line
};

// The next line of `bytes` from `*pos`, without its line break; advances `*pos`.
std::string_view NextLine(std::string_view bytes, size_t* pos) {
  size_t nl = bytes.find('\n', *pos);
  size_t end = nl == npos ? bytes.size() : nl;
  std::string_view line = bytes.substr(*pos, end - *pos);
  *pos = nl == npos ? bytes.size() : nl + 1;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// Reads a first line and "Name: value" fields up to a blank line. Strict mode (WARC)
// rejects a line that is not a field; lenient mode (HTTP, written by any server) skips it.
Result<HeaderBlock> ParseHeaderBlock(std::string_view bytes, bool strict) {
  HeaderBlock block;
  size_t pos = 0;
  block.first_line = NextLine(bytes, &pos);
  for (;;) {
    if (pos >= bytes.size()) {
      return Status(Code::kTruncated, "headers end before the blank line that closes them");
    }
    std::string_view line = NextLine(bytes, &pos);
    if (pos == bytes.size() && bytes.back() != '\n') {
      return Status(Code::kTruncated, "headers end in the middle of a line");
    }
    if (line.empty()) break;
    if ((line.front() == ' ' || line.front() == '\t') && !block.fields.empty()) {
      block.fields.Continue(Trim(line));  // a folded continuation of the previous field
      continue;
    }
    size_t colon = line.find(':');
    if (colon == npos || colon == 0 || Trim(line.substr(0, colon)).size() != colon) {
      if (!strict) continue;
      return Status(Code::kParse, fmt::format("bad header line \"{}\"", line.substr(0, 80)));
    }
    block.fields.Add(line.substr(0, colon), Trim(line.substr(colon + 1)));
  }
  block.body_begin = pos;
  return block;
}

// ---- HTTP payloads ----

// A Content-Type value split into its lower-case media type and charset parameter.
struct MediaType {
  std::string type;
  std::string charset;
};

MediaType ParseMediaType(std::string_view value) {
  MediaType media;
  size_t semi = value.find(';');
  media.type = Lower(Trim(value.substr(0, semi)));
  while (semi != npos) {
    size_t next = value.find(';', semi + 1);
    std::string_view param = Trim(value.substr(semi + 1, next == npos ? npos : next - semi - 1));
    if (param.size() > 8 && EqualsIgnoreCase(param.substr(0, 8), "charset=")) {
      std::string_view charset = Trim(param.substr(8));
      if (charset.size() >= 2 && charset.front() == '"' && charset.back() == '"')
        charset = charset.substr(1, charset.size() - 2);
      media.charset = Lower(charset);
    }
    semi = next;
  }
  return media;
}

// The reader for a media type: HTML, plain text, or none (not an article).
std::optional<Format> ArticleFormat(const MediaType& media, std::string_view body) {
  if (media.type == "text/html" || media.type == "application/xhtml+xml") return Format::kHtml;
  if (media.type == "text/plain") return Format::kText;
  if (!media.type.empty()) return std::nullopt;
  // No type given: a page that opens with markup is HTML, anything else is text.
  size_t first = body.find_first_not_of(" \t\r\n");
  if (body.substr(0, 3) == "\xEF\xBB\xBF") first = body.find_first_not_of(" \t\r\n", 3);
  return first != npos && body[first] == '<' ? Format::kHtml : Format::kText;
}

// Undoes "Transfer-Encoding: chunked": hex size lines, each followed by that many bytes.
// A body that stops cleanly between chunks is kept (crawlers cut long pages).
Result<std::string> Dechunk(std::string_view body, uint64_t max_out) {
  std::string out;
  size_t pos = 0;
  while (pos < body.size()) {
    std::string_view line = Trim(NextLine(body, &pos));
    line = Trim(line.substr(0, line.find(';')));  // drop chunk extensions
    if (line.empty() && pos >= body.size()) break;
    if (line.empty() || line.size() > 15 ||
        line.find_first_not_of("0123456789abcdefABCDEF") != npos) {
      return Status(Code::kParse, fmt::format("bad chunk size line \"{}\" in a chunked HTTP body",
                                              line.substr(0, 40)));
    }
    uint64_t size = std::stoull(std::string(line), nullptr, 16);  // checked: 1-15 hex digits
    if (size == 0) break;  // the last chunk; trailer fields after it are of no use here
    if (size > body.size() - pos) {
      return Status(Code::kTruncated,
                    fmt::format("chunked HTTP body ends inside a chunk of {} bytes", size));
    }
    if (out.size() + size > max_out) {
      return Status(Code::kTooLarge, fmt::format("HTTP body over the limit of {} bytes", max_out));
    }
    out.append(body.substr(pos, size));
    pos += size;
    NextLine(body, &pos);  // the CRLF that closes the chunk
  }
  return out;
}

Status BodyTooLarge(uint64_t size, uint64_t max_out) {
  return Status(Code::kTooLarge,
                fmt::format("record body of {} bytes is over the limit of {}", size, max_out));
}

// The HTTP body with its transfer and content codings undone.
Result<std::string> DecodeHttpBody(const HeaderFields& http, std::string_view body, uint64_t max_out) {
  std::string dechunked;
  if (Lower(http.Get("Transfer-Encoding")).find("chunked") != npos) {
    Result<std::string> result = Dechunk(body, max_out);
    if (!result.ok()) return result.status();
    dechunked = std::move(result).value();
    body = dechunked;
  }
  std::string coding = Lower(Trim(http.Get("Content-Encoding")));
  if (coding.empty() || coding == "identity") {
    if (body.size() > max_out) return BodyTooLarge(body.size(), max_out);
    return std::string(body);
  }
  if (coding == "gzip" || coding == "x-gzip" || coding == "deflate") {
    Result<std::string> inflated = Gunzip(body, max_out);
    if (!inflated.ok()) {
      return Status(inflated.status().code(),
                    fmt::format("HTTP body with Content-Encoding {}: {}", coding, inflated.status().message()));
    }
    return inflated;
  }
  return Status(Code::kParse, fmt::format("HTTP Content-Encoding \"{}\" is not supported", coding));
}

// "HTTP/1.1 200 OK" -> 200; nullopt when the line is not an HTTP status line. Any
// version is taken: some crawlers record HTTP/2 responses as "HTTP/2 200".
std::optional<int> HttpStatusCode(std::string_view line) {
  if (line.substr(0, 5) != "HTTP/") return std::nullopt;
  size_t space = line.find(' ');
  if (space == npos || line.size() < space + 4) return std::nullopt;
  std::optional<uint64_t> code = ParseDecimal(line.substr(space + 1, 3));
  if (!code) return std::nullopt;
  return static_cast<int>(*code);
}

// ---- WARC records ----

bool StartsWithWarcVersion(std::string_view bytes) { return bytes.substr(0, 7) == "WARC/1."; }

// The next "WARC/1." at the start of a line, at or after `from`.
size_t FindRecordStart(std::string_view bytes, size_t from) {
  for (size_t at = bytes.find("WARC/1.", from); at != npos; at = bytes.find("WARC/1.", at + 1)) {
    if (at == 0 || bytes[at - 1] == '\n') return at;
  }
  return npos;
}

// The next gzip member header at or after `from`: magic, deflate, no reserved flag bits.
size_t FindGzipMember(std::string_view bytes, size_t from) {
  for (size_t at = bytes.find("\x1f\x8b\x08", from); at != npos; at = bytes.find("\x1f\x8b\x08", at + 1)) {
    if (at + 3 < bytes.size() && (static_cast<uint8_t>(bytes[at + 3]) & 0xe0) == 0) return at;
  }
  return npos;
}

bool IsZeroPadding(std::string_view bytes) {
  return bytes.find_first_not_of('\0') == npos;
}

size_t SkipLineBreaks(std::string_view bytes, size_t pos) {
  while (pos < bytes.size() && (bytes[pos] == '\r' || bytes[pos] == '\n')) ++pos;
  return pos;
}

// What an article record holds: its decoded body and the type the server gave it.
struct Article {
  std::string body;
  MediaType media;
};
// No value: the record is not an article (skipped silently); an error: it should be one
// but cannot be read.
using MaybeArticle = std::optional<Result<Article>>;

// One record's headers and block, cut from the stream but not yet interpreted.
struct RawRecord {
  HeaderFields headers;
  std::string_view block;
  size_t end = 0;  // offset just past the block
};

Result<RawRecord> CutRecord(std::string_view bytes, size_t begin) {
  Result<HeaderBlock> head = ParseHeaderBlock(bytes.substr(begin), /*strict=*/true);
  if (!head.ok()) {
    return Status(head.status().code(), "WARC record " + head.status().message());
  }
  std::string_view length_field = head->fields.Get("Content-Length");
  std::optional<uint64_t> length = ParseDecimal(Trim(length_field));
  if (!length) {
    return Status(Code::kParse, length_field.empty()
                                    ? std::string("WARC record has no Content-Length")
                                    : fmt::format("WARC record has a bad Content-Length \"{}\"",
                                                  length_field.substr(0, 40)));
  }
  size_t block_begin = begin + head->body_begin;
  uint64_t available = bytes.size() - block_begin;
  if (*length > available) {
    return Status(Code::kTruncated,
                  fmt::format("WARC record declares Content-Length {} but its input ends {} "
                              "bytes into the block",
                              *length, available));
  }
  RawRecord record;
  record.headers = std::move(head->fields);
  record.block = bytes.substr(block_begin, *length);
  record.end = block_begin + *length;
  return record;
}

std::string_view StripAngleBrackets(std::string_view uri) {
  uri = Trim(uri);
  if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') uri = uri.substr(1, uri.size() - 2);
  return uri;
}

// Reads records and reports each one, to `emit` or `fail`.
class WarcReader {
 public:
  WarcReader(const std::string& path, uint64_t max_record_bytes,
             const std::function<void(Record)>& emit, const std::function<void(Failure)>& fail)
      : path_(path), max_record_bytes_(max_record_bytes), emit_(emit), fail_(fail) {}

  void ReadPlain(std::string_view bytes) { ReadRecords(bytes, std::nullopt); }
  void ReadGzip(std::string_view bytes);

 private:
  // Reads the records of the gzip member at `begin`; returns where the next member
  // starts, or npos when none can be found.
  uint64_t ReadMember(std::string_view bytes, uint64_t begin);
  // Reads the records in `bytes`: the whole plain file, or one inflated gzip member
  // (then every record is reported at the member's offset in the file).
  void ReadRecords(std::string_view bytes, std::optional<uint64_t> member_offset);
  // Emits the record if it is an article; fails it if it should be one but is unreadable.
  void TakeRecord(const RawRecord& raw, uint64_t offset);
  MaybeArticle ResponseArticle(const RawRecord& raw) const;
  MaybeArticle ResourceArticle(const RawRecord& raw) const;
  void Fail(uint64_t offset, Status status) {
    fail_(Failure{Origin{path_, offset, "warc"}, "ingest", std::move(status).At(path_, offset)});
  }

  const std::string& path_;
  uint64_t max_record_bytes_;
  const std::function<void(Record)>& emit_;
  const std::function<void(Failure)>& fail_;
};

void WarcReader::ReadGzip(std::string_view bytes) {
  uint64_t pos = 0;
  while (pos < bytes.size()) {  // npos, for "no further member", ends it too
    std::string_view rest = bytes.substr(pos);
    // A lone 0x1f at the very end is a member cut after its first byte: inflating it
    // reports the truncation.
    if (LooksGzip(rest) || rest == "\x1f") {
      pos = ReadMember(bytes, pos);
      continue;
    }
    if (IsZeroPadding(rest)) return;
    uint64_t next = FindGzipMember(bytes, pos + 1);
    uint64_t junk = (next == npos ? bytes.size() : next) - pos;
    Fail(pos, Status(Code::kParse, fmt::format("{} bytes that are not a gzip member", junk)));
    pos = next;
  }
}

uint64_t WarcReader::ReadMember(std::string_view bytes, uint64_t begin) {
  std::string member;
  bool too_large = false;
  auto keep = [&](std::string_view piece) {
    // Past the limit the output is dropped but inflating goes on, to find the next member.
    too_large = too_large || member.size() + piece.size() > max_record_bytes_ + kHeaderAllowance;
    if (!too_large) member.append(piece);
    return true;
  };
  Result<MemberEnd> end = InflateGzipMember(bytes, begin, keep);
  if (!end.ok()) {
    Fail(begin, Status(end.status().code(), "WARC record: " + end.status().message()));
    return FindGzipMember(bytes, begin + 1);  // a damaged member has no trustworthy end
  }
  if (too_large) {
    Fail(begin, Status(Code::kTooLarge,
                       fmt::format("WARC record inflates to more than the limit of {} bytes", max_record_bytes_)));
  } else {
    ReadRecords(member, begin);
  }
  return end->end;
}

void WarcReader::ReadRecords(std::string_view bytes, std::optional<uint64_t> member_offset) {
  size_t pos = SkipLineBreaks(bytes, 0);
  while (pos < bytes.size()) {
    uint64_t offset = member_offset.value_or(pos);
    size_t next = npos;
    std::string_view rest = bytes.substr(pos);
    if (rest.size() < 7 && std::string_view("WARC/1.").starts_with(rest)) {
      Fail(offset, Status(Code::kTruncated, "input ends inside a WARC version line"));
      return;
    }
    if (!StartsWithWarcVersion(rest)) {
      next = FindRecordStart(bytes, pos + 1);
      size_t junk = (next == npos ? bytes.size() : next) - pos;
      Fail(offset, Status(Code::kParse, fmt::format("{} bytes where a WARC record should start "
                                                    "(no \"WARC/1.0\" or \"WARC/1.1\" line)",
                                                    junk)));
    } else if (Result<RawRecord> raw = CutRecord(bytes, pos); raw.ok()) {
      TakeRecord(*raw, offset);
      next = raw->end;
    } else {
      Fail(offset, raw.status());
      next = FindRecordStart(bytes, pos + 1);  // resynchronise on the next record
    }
    if (next == npos) return;
    pos = SkipLineBreaks(bytes, next);
  }
}

void WarcReader::TakeRecord(const RawRecord& raw, uint64_t offset) {
  std::string type = Lower(Trim(raw.headers.Get("WARC-Type")));
  if (type.empty()) {
    Fail(offset, Status(Code::kParse, "WARC record has no WARC-Type"));
    return;
  }
  MaybeArticle article;
  if (type == "response") article = ResponseArticle(raw);
  if (type == "resource") article = ResourceArticle(raw);
  if (!article) return;
  if (!article->ok()) {
    Fail(offset, article->status());
    return;
  }
  Article& found = article->value();
  Record record;
  record.origin = Origin{path_, offset, "warc"};
  // Both kinds of article record checked the type already, so a format is always found.
  record.format = ArticleFormat(found.media, found.body).value_or(Format::kText);
  record.bytes = std::move(found.body);
  record.url = std::string(StripAngleBrackets(raw.headers.Get("WARC-Target-URI")));
  record.date = std::string(Trim(raw.headers.Get("WARC-Date")));
  record.charset = found.media.charset;
  emit_(std::move(record));
}

MaybeArticle WarcReader::ResourceArticle(const RawRecord& raw) const {
  MediaType media = ParseMediaType(raw.headers.Get("Content-Type"));
  if (!ArticleFormat(media, "")) return std::nullopt;
  if (raw.block.size() > max_record_bytes_) return BodyTooLarge(raw.block.size(), max_record_bytes_);
  return Article{std::string(raw.block), std::move(media)};
}

MaybeArticle WarcReader::ResponseArticle(const RawRecord& raw) const {
  // Responses to dns: and other non-HTTP requests carry their own content types.
  std::string block_type = ParseMediaType(raw.headers.Get("Content-Type")).type;
  if (!block_type.empty() && block_type != "application/http") return std::nullopt;
  Result<HeaderBlock> http = ParseHeaderBlock(raw.block, /*strict=*/false);
  if (!http.ok()) return Status(http.status().code(), "HTTP response " + http.status().message());
  std::optional<int> code = HttpStatusCode(http->first_line);
  if (!code) {
    return Status(Code::kParse, fmt::format("response record without an HTTP status line (\"{}\")",
                                            http->first_line.substr(0, 40)));
  }
  if (*code < 200 || *code > 299) return std::nullopt;  // redirects and error pages are not articles
  MediaType media = ParseMediaType(http->fields.Get("Content-Type"));
  if (!ArticleFormat(media, "")) return std::nullopt;  // skip images before decoding them
  Result<std::string> body =
      DecodeHttpBody(http->fields, raw.block.substr(http->body_begin), max_record_bytes_);
  if (!body.ok()) return body.status();
  return Article{std::move(body).value(), std::move(media)};
}

}  // namespace

void ReadWarc(std::string_view file_bytes, const std::string& path, uint64_t max_record_bytes,
              const std::function<void(Record)>& emit, const std::function<void(Failure)>& fail) {
  WarcReader reader(path, max_record_bytes, emit, fail);
  if (LooksGzip(file_bytes)) {
    reader.ReadGzip(file_bytes);
  } else {
    reader.ReadPlain(file_bytes);
  }
}

}  // namespace sitrep
