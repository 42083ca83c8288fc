#include <zlib.h>

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/containers.h"

namespace sitrep {
namespace {

const std::string kPath = "crawl.warc";

std::string Gzip(std::string_view data) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, data.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// One WARC record: version line, the given header lines, Content-Length, block, CRLFs.
std::string WarcRecord(std::string_view headers, std::string_view block, std::string_view version = "WARC/1.1") {
  return std::string(version) + "\r\n" + std::string(headers) +
         "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + std::string(block) + "\r\n\r\n";
}

std::string HttpResponse(std::string_view head, std::string_view body) {
  return "HTTP/1.1 " + std::string(head) + "\r\n\r\n" + std::string(body);
}

std::string Response(std::string_view uri, std::string_view http) {
  return WarcRecord("WARC-Type: response\r\nWARC-Target-URI: " + std::string(uri) +
                        "\r\nWARC-Date: 2024-09-17T05:50:00Z\r\n"
                        "Content-Type: application/http; msgtype=response\r\n",
                    http);
}

const char kHtml[] = "<html><body><p>Talks resumed in Islamabad.</p></body></html>";
const char kPlain[] = "Plain text article about the talks.";

// A crawl with every kind of record: two of them are articles.
std::vector<std::string> SampleRecords() {
  return {
      WarcRecord("WARC-Type: warcinfo\r\nWARC-Date: 2024-09-17T05:49:00Z\r\n"
                 "Content-Type: application/warc-fields\r\n",
                 "software: test-crawler\r\nformat: WARC File Format 1.1\r\n"),
      WarcRecord("WARC-Type: request\r\nWARC-Target-URI: https://news.example/a\r\n"
                 "Content-Type: application/http; msgtype=request\r\n",
                 "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n"),
      Response("https://news.example/a",
               HttpResponse("200 OK\r\nContent-Type: text/html; charset=\"ISO-8859-1\"\r\nServer: x", kHtml)),
      Response("https://news.example/logo.png",
               HttpResponse("200 OK\r\nContent-Type: image/png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16))),
      WarcRecord("WARC-Type: metadata\r\nWARC-Target-URI: https://news.example/a\r\n"
                 "Content-Type: application/warc-fields\r\n",
                 "fetchTimeMs: 120\r\n"),
      WarcRecord("WARC-Type: resource\r\nWARC-Target-URI: <file:///notes/b.txt>\r\n"
                 "WARC-Date: 2024-09-18T00:00:00Z\r\nContent-Type: text/plain; charset=utf-8\r\n",
                 kPlain),
  };
}

struct Collected {
  std::vector<Record> records;
  std::vector<Failure> failures;
};

Collected Read(std::string_view bytes, uint64_t max_record_bytes = 1 << 20) {
  Collected out;
  ReadWarc(
      bytes, kPath, max_record_bytes, [&](Record r) { out.records.push_back(std::move(r)); },
      [&](Failure f) { out.failures.push_back(std::move(f)); });
  return out;
}

// Joins records, each gzipped on its own when `gzip`, and notes where each one starts.
std::string Join(const std::vector<std::string>& records, bool gzip, std::vector<uint64_t>* offsets) {
  std::string file;
  for (const std::string& record : records) {
    offsets->push_back(file.size());
    file += gzip ? Gzip(record) : record;
  }
  return file;
}

std::string FailureList(const Collected& out) {
  std::string list;
  for (const Failure& f : out.failures) list += f.status.ToString() + "\n";
  return list;
}

void ExpectSampleArticles(const Collected& out, const std::vector<uint64_t>& offsets) {
  ASSERT_EQ(out.records.size(), 2u) << FailureList(out);
  const Record& html = out.records[0];
  EXPECT_EQ(html.origin.path, kPath);
  EXPECT_EQ(html.origin.offset, offsets[2]);
  EXPECT_EQ(html.origin.format, "warc");
  EXPECT_EQ(html.format, Format::kHtml);
  EXPECT_EQ(html.bytes, kHtml);
  EXPECT_EQ(html.url, "https://news.example/a");
  EXPECT_EQ(html.date, "2024-09-17T05:50:00Z");
  EXPECT_EQ(html.charset, "iso-8859-1");

  const Record& text = out.records[1];
  EXPECT_EQ(text.origin.offset, offsets[5]);
  EXPECT_EQ(text.format, Format::kText);
  EXPECT_EQ(text.bytes, kPlain);
  EXPECT_EQ(text.url, "file:///notes/b.txt");
  EXPECT_EQ(text.date, "2024-09-18T00:00:00Z");
  EXPECT_EQ(text.charset, "utf-8");
}

TEST(WarcTest, PlainFileYieldsHtmlResponsesAndTextResources) {
  std::vector<uint64_t> offsets;
  Collected out = Read(Join(SampleRecords(), false, &offsets));
  EXPECT_TRUE(out.failures.empty()) << FailureList(out);
  ExpectSampleArticles(out, offsets);
}

TEST(WarcTest, GzipFileYieldsTheSameRecordsAtMemberOffsets) {
  std::vector<uint64_t> offsets;
  Collected out = Read(Join(SampleRecords(), true, &offsets));
  EXPECT_TRUE(out.failures.empty()) << FailureList(out);
  ExpectSampleArticles(out, offsets);
}

TEST(WarcTest, Warc10AndBareBodiesAreRead) {
  std::string file = WarcRecord("WARC-Type: response\r\nWARC-Target-URI: https://x.example/\r\n",
                                HttpResponse("200 OK", "  <!doctype html><p>Hi</p>"), "WARC/1.0") +
                     WarcRecord("WARC-Type: resource\r\n", "no type given, so text");
  Collected out = Read(file);
  ASSERT_EQ(out.records.size(), 2u) << FailureList(out);
  EXPECT_EQ(out.records[0].format, Format::kHtml);  // no Content-Type: sniffed from the markup
  EXPECT_EQ(out.records[0].charset, "");
  EXPECT_EQ(out.records[1].format, Format::kText);
}

TEST(WarcTest, RedirectsAndErrorPagesAreSkipped) {
  std::string file = Response("https://x.example/old", HttpResponse("301 Moved\r\nContent-Type: text/html", "<a>")) +
                     Response("https://x.example/gone", HttpResponse("404 Not Found\r\nContent-Type: text/html", "<p>"));
  Collected out = Read(file);
  EXPECT_TRUE(out.records.empty());
  EXPECT_TRUE(out.failures.empty()) << FailureList(out);
}

TEST(WarcTest, ChunkedBodyIsJoined) {
  std::string body = "5\r\n<p>He\r\n10;ext=1\r\nllo, chunked wor\r\n5\r\nld</p\r\n1\r\n>\r\n0\r\nX-Trailer: 1\r\n\r\n";
  std::string file = Response("https://x.example/c",
                              HttpResponse("200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked", body));
  Collected out = Read(file);
  ASSERT_EQ(out.records.size(), 1u) << FailureList(out);
  EXPECT_EQ(out.records[0].bytes, "<p>Hello, chunked world</p>");
}

TEST(WarcTest, GzipContentEncodingInsideChunkedBodyIsUndone) {
  std::string page = std::string(kHtml) + std::string(2000, ' ') + "<p>end</p>";
  std::string compressed = Gzip(page);
  std::string half = compressed.substr(0, compressed.size() / 2), rest = compressed.substr(half.size());
  char size_line[32];
  std::string body;
  for (const std::string& chunk : {half, rest}) {
    snprintf(size_line, sizeof size_line, "%zx\r\n", chunk.size());
    body += size_line + chunk + "\r\n";
  }
  body += "0\r\n\r\n";
  std::string http = HttpResponse(
      "200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked", body);
  Collected out = Read(Response("https://x.example/z", http));
  ASSERT_EQ(out.records.size(), 1u) << FailureList(out);
  EXPECT_EQ(out.records[0].bytes, page);
}

TEST(WarcTest, BadChunkSizeFailsThatRecordOnly) {
  std::vector<std::string> records = {
      Response("https://x.example/bad",
               HttpResponse("200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked", "zz\r\nabc\r\n0\r\n\r\n")),
      Response("https://x.example/good", HttpResponse("200 OK\r\nContent-Type: text/html", kHtml))};
  std::vector<uint64_t> offsets;
  Collected out = Read(Join(records, false, &offsets));
  ASSERT_EQ(out.failures.size(), 1u);
  EXPECT_EQ(out.failures[0].status.code(), Code::kParse);
  EXPECT_EQ(out.failures[0].origin.offset, 0u);
  ASSERT_EQ(out.records.size(), 1u);
  EXPECT_EQ(out.records[0].url, "https://x.example/good");
}

void ExpectTruncatedLastRecord(bool gzip) {
  std::vector<uint64_t> offsets;
  std::vector<std::string> records = SampleRecords();
  records.push_back(Response("https://news.example/cut",
                             HttpResponse("200 OK\r\nContent-Type: text/html", std::string(3000, 'x'))));
  std::string file = Join(records, gzip, &offsets);
  // Every cut inside the last record: its version line, headers, HTTP head, body. (A plain
  // record that lost only its closing CRLFs is still whole.)
  size_t last_cut = gzip ? file.size() - 1 : file.size() - 5;
  for (size_t keep = offsets.back() + 1; keep <= last_cut; ++keep) {
    SCOPED_TRACE("kept " + std::to_string(keep) + " of " + std::to_string(file.size()));
    Collected out = Read(std::string_view(file).substr(0, keep));
    ExpectSampleArticles(out, offsets);
    ASSERT_EQ(out.failures.size(), 1u) << FailureList(out);
    const Failure& failure = out.failures[0];
    EXPECT_EQ(failure.status.code(), Code::kTruncated) << failure.status.ToString();
    EXPECT_EQ(failure.origin.offset, offsets.back());
    EXPECT_EQ(failure.origin.path, kPath);
    EXPECT_EQ(failure.stage, "ingest");
    EXPECT_EQ(failure.status.file(), kPath);
    EXPECT_EQ(failure.status.offset(), offsets.back());
  }
}

TEST(WarcTest, TruncatedPlainFileKeepsEarlierRecords) { ExpectTruncatedLastRecord(false); }
TEST(WarcTest, TruncatedGzipFileKeepsEarlierRecords) { ExpectTruncatedLastRecord(true); }

TEST(WarcTest, GarbageBetweenPlainRecordsIsReportedAndSkipped) {
  std::vector<std::string> records = SampleRecords();
  std::string file = records[0] + records[1] + records[2];
  uint64_t junk_at = file.size();
  file += "garbage that is not a record\r\nWARC/2.0 is not a version we read\r\n";
  uint64_t resource_at = file.size();
  file += records[5];
  Collected out = Read(file);
  ASSERT_EQ(out.failures.size(), 1u) << FailureList(out);
  EXPECT_EQ(out.failures[0].status.code(), Code::kParse);
  EXPECT_EQ(out.failures[0].origin.offset, junk_at);
  ASSERT_EQ(out.records.size(), 2u);
  EXPECT_EQ(out.records[1].origin.offset, resource_at);
}

TEST(WarcTest, GarbageBetweenGzipMembersIsReportedAndSkipped) {
  std::vector<std::string> records = SampleRecords();
  std::string file = Gzip(records[2]);
  uint64_t junk_at = file.size();
  file += "junk between members";
  uint64_t resource_at = file.size();
  file += Gzip(records[5]);
  Collected out = Read(file);
  ASSERT_EQ(out.failures.size(), 1u) << FailureList(out);
  EXPECT_EQ(out.failures[0].origin.offset, junk_at);
  ASSERT_EQ(out.records.size(), 2u);
  EXPECT_EQ(out.records[1].origin.offset, resource_at);
}

TEST(WarcTest, BadHeadersFailTheRecordAndReadingResumes) {
  std::vector<std::string> records = {
      "WARC/1.1\r\nWARC-Type: resource\r\nthis line has no colon\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n",
      "WARC/1.1\r\nWARC-Type: resource\r\nContent-Type: text/plain\r\n\r\nno length\r\n\r\n",
      "WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 12x\r\n\r\nbad length\r\n\r\n",
      WarcRecord("WARC-Target-URI: https://x.example/\r\nContent-Type: text/plain\r\n", "no type"),
      WarcRecord("WARC-Type: resource\r\nContent-Type: text/plain\r\n", kPlain)};
  std::vector<uint64_t> offsets;
  Collected out = Read(Join(records, false, &offsets));
  ASSERT_EQ(out.failures.size(), 4u) << FailureList(out);
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(out.failures[i].status.code(), Code::kParse) << out.failures[i].status.ToString();
    EXPECT_EQ(out.failures[i].origin.offset, offsets[i]);
  }
  EXPECT_NE(out.failures[1].status.message().find("Content-Length"), std::string::npos);
  ASSERT_EQ(out.records.size(), 1u);
  EXPECT_EQ(out.records[0].origin.offset, offsets[4]);
}

TEST(WarcTest, RecordOverTheLimitFailsAndTheNextIsRead) {
  std::string big(5000, 'a');
  for (bool gzip : {false, true}) {
    SCOPED_TRACE(gzip ? "gzip" : "plain");
    std::vector<std::string> records = {WarcRecord("WARC-Type: resource\r\nContent-Type: text/plain\r\n", big),
                                        WarcRecord("WARC-Type: resource\r\nContent-Type: text/plain\r\n", kPlain)};
    std::vector<uint64_t> offsets;
    Collected out = Read(Join(records, gzip, &offsets), 1000);
    ASSERT_EQ(out.failures.size(), 1u) << FailureList(out);
    EXPECT_EQ(out.failures[0].status.code(), Code::kTooLarge);
    EXPECT_EQ(out.failures[0].origin.offset, 0u);
    ASSERT_EQ(out.records.size(), 1u);
    EXPECT_EQ(out.records[0].bytes, kPlain);
  }
}

TEST(WarcTest, CorruptGzipMemberFailsAndTheNextMemberIsRead) {
  std::vector<std::string> records = SampleRecords();
  std::string bad = Gzip(records[2]);
  bad[bad.size() / 2] ^= 0x33;
  bad[bad.size() / 2 + 1] ^= 0x71;
  std::string file = bad + Gzip(records[5]);
  Collected out = Read(file);
  ASSERT_GE(out.failures.size(), 1u);
  EXPECT_EQ(out.failures[0].origin.offset, 0u);
  ASSERT_EQ(out.records.size(), 1u) << FailureList(out);
  EXPECT_EQ(out.records[0].origin.offset, bad.size());
}

TEST(WarcTest, GarbageNeverCrashes) {
  std::vector<uint64_t> offsets;
  std::string plain = Join(SampleRecords(), false, &offsets);
  std::string gzip = Join(SampleRecords(), true, &offsets);
  for (const std::string& file : {plain, gzip}) {
    for (size_t cut = 0; cut < file.size(); cut += 7) Read(std::string_view(file).substr(0, cut));
    for (size_t i = 0; i < file.size(); i += 3) {
      std::string bad = file;
      bad[i] ^= 0x5a;
      Read(bad);
    }
  }
  Collected noise = Read("\x01\x02 not a WARC file at all \xff\xfe");
  EXPECT_TRUE(noise.records.empty());
  EXPECT_EQ(noise.failures.size(), 1u);
  EXPECT_TRUE(Read("").failures.empty());
}

}  // namespace
}  // namespace sitrep
