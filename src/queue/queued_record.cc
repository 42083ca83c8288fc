#include "queue/queued_record.h"

#include <fmt/format.h>

#include <charconv>

namespace sitrep::queue {
namespace {

// Header names. One place, so submit and worker cannot disagree.
constexpr const char* kPath = "Sitrep-Path";
constexpr const char* kOffset = "Sitrep-Offset";
constexpr const char* kOriginFormat = "Sitrep-Origin-Format";  // Origin::format, as reported
constexpr const char* kFormat = "Sitrep-Format";               // the reader to use
constexpr const char* kUrl = "Sitrep-Url";
constexpr const char* kDate = "Sitrep-Date";
constexpr const char* kCharset = "Sitrep-Charset";
constexpr const char* kSource = "Sitrep-Source";

// NATS headers are lines: a value may not hold a line break, and an empty value is
// dropped on some paths, so empty fields are simply left out.
Status Add(Headers& headers, const char* key, const std::string& value) {
  if (value.empty()) return Status::Ok();
  if (value.find_first_of("\r\n") != std::string::npos)
    return Status(Code::kInvalidArgument, fmt::format("{} holds a line break, which a queue header cannot", key));
  headers.emplace_back(key, value);
  return Status::Ok();
}

std::string Get(HeaderLookup lookup, void* message, const char* key) {
  const char* value = lookup(message, key);
  return value ? std::string(value) : std::string();
}

}  // namespace

Result<Headers> RecordHeaders(const Record& record) {
  Headers headers;
  for (auto [key, value] : {std::pair{kPath, record.origin.path}, std::pair{kOriginFormat, record.origin.format},
                            std::pair{kFormat, std::string(FormatName(record.format))}, std::pair{kUrl, record.url},
                            std::pair{kDate, record.date}, std::pair{kCharset, record.charset},
                            std::pair{kSource, record.source}}) {
    Status s = Add(headers, key, value);
    if (!s.ok()) return Status(s.code(), fmt::format("{}: {}", record.origin.path, s.message()));
  }
  headers.emplace_back(kOffset, std::to_string(record.origin.offset));
  return headers;
}

Result<Record> RecordFromMessage(std::string payload, HeaderLookup lookup, void* message) {
  Record record;
  record.origin.path = Get(lookup, message, kPath);
  if (record.origin.path.empty())
    return Status(Code::kParse, fmt::format("queue message without a {} header: not from sitrep submit", kPath));
  std::string offset = Get(lookup, message, kOffset);
  auto [end, ec] = std::from_chars(offset.data(), offset.data() + offset.size(), record.origin.offset);
  if (ec != std::errc() || end != offset.data() + offset.size() || offset.empty())
    return Status(Code::kParse, fmt::format("{}: queue message with a bad {} header '{}'", record.origin.path,
                                            kOffset, offset));
  record.origin.format = Get(lookup, message, kOriginFormat);
  std::string format = Get(lookup, message, kFormat);
  auto parsed = ParseFormat(format.empty() ? "auto" : format);
  if (!parsed.ok())
    return Status(Code::kParse, fmt::format("{}: queue message with a bad {} header: {}", record.origin.path, kFormat,
                                            parsed.status().message()));
  record.format = *parsed;
  record.url = Get(lookup, message, kUrl);
  record.date = Get(lookup, message, kDate);
  record.charset = Get(lookup, message, kCharset);
  record.source = Get(lookup, message, kSource);
  record.bytes = std::move(payload);
  return record;
}

std::string MessageId(const Record& record) { return HashHex(record.bytes); }

}  // namespace sitrep::queue
