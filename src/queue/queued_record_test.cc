// A record survives the trip through message headers, and what cannot travel is
// refused with a clear error. No server needed: headers are looked up in a map.
#include "queue/queued_record.h"

#include <gtest/gtest.h>

#include <map>

namespace sitrep::queue {
namespace {

using HeaderMap = std::map<std::string, std::string>;

const char* Lookup(void* message, const char* key) {
  auto& headers = *static_cast<HeaderMap*>(message);
  auto it = headers.find(key);
  return it == headers.end() ? nullptr : it->second.c_str();
}

HeaderMap ToMap(const Headers& headers) { return HeaderMap(headers.begin(), headers.end()); }

TEST(QueuedRecord, RoundTrip) {
  Record record;
  record.origin = {"crawl/2024.warc.gz", 123456, "warc"};
  record.format = Format::kHtml;
  record.bytes = std::string("<html>caf\xc3\xa9 \0 bytes</html>", 27);
  record.url = "https://example.org/a";
  record.date = "2024-05-01T10:00:00Z";
  record.charset = "utf-8";
  record.source = "Kohsar Review";
  auto headers = RecordHeaders(record);
  ASSERT_TRUE(headers.ok()) << headers.status().ToString();
  HeaderMap map = ToMap(*headers);
  auto back = RecordFromMessage(record.bytes, Lookup, &map);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->origin.path, record.origin.path);
  EXPECT_EQ(back->origin.offset, record.origin.offset);
  EXPECT_EQ(back->origin.format, record.origin.format);
  EXPECT_EQ(back->format, Format::kHtml);
  EXPECT_EQ(back->bytes, record.bytes);
  EXPECT_EQ(back->url, record.url);
  EXPECT_EQ(back->date, record.date);
  EXPECT_EQ(back->charset, record.charset);
  EXPECT_EQ(back->source, record.source);
}

TEST(QueuedRecord, EmptyFieldsStayEmpty) {
  Record record;
  record.origin.path = "a.txt";
  record.bytes = "Text.";
  HeaderMap map = ToMap(*RecordHeaders(record));
  EXPECT_EQ(map.count("Sitrep-Url"), 0u);
  auto back = RecordFromMessage(record.bytes, Lookup, &map);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->format, Format::kAuto);
  EXPECT_EQ(back->origin.offset, 0u);
  EXPECT_TRUE(back->url.empty());
}

TEST(QueuedRecord, LineBreakInAHeaderIsRefused) {
  Record record;
  record.origin.path = "odd\nname.txt";
  auto headers = RecordHeaders(record);
  ASSERT_FALSE(headers.ok());
  EXPECT_EQ(headers.status().code(), Code::kInvalidArgument);
  EXPECT_NE(headers.status().message().find("line break"), std::string::npos);
}

TEST(QueuedRecord, ForeignMessagesAreParseErrors) {
  HeaderMap none;
  auto r = RecordFromMessage("hello", Lookup, &none);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kParse);
  EXPECT_NE(r.status().message().find("Sitrep-Path"), std::string::npos);

  HeaderMap bad_offset = {{"Sitrep-Path", "a.txt"}, {"Sitrep-Offset", "12x"}};
  r = RecordFromMessage("hello", Lookup, &bad_offset);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("Sitrep-Offset"), std::string::npos);

  HeaderMap bad_format = {{"Sitrep-Path", "a.txt"}, {"Sitrep-Offset", "0"}, {"Sitrep-Format", "pdf"}};
  r = RecordFromMessage("hello", Lookup, &bad_format);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("Sitrep-Format"), std::string::npos);
}

TEST(QueuedRecord, MessageIdIsTheContentHash) {
  Record a, b;
  a.bytes = b.bytes = "same bytes";
  a.origin.path = "one.txt";
  b.origin.path = "two.txt";
  EXPECT_EQ(MessageId(a), MessageId(b));
  EXPECT_EQ(MessageId(a), HashHex("same bytes"));
  b.bytes += "!";
  EXPECT_NE(MessageId(a), MessageId(b));
}

}  // namespace
}  // namespace sitrep::queue
