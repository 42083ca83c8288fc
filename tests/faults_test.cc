// Bad input of every kind, in one batch with good articles: each bad one becomes a
// failure row naming the file, the offset and the problem; the good ones are stored;
// what was stored before is untouched; the database stays sound.
#include <gtest/gtest.h>
#include <zlib.h>

#include "tests/test_util.h"

namespace sitrep {
namespace {

using namespace sitrep::testing;

std::string Gzip(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string WarcRecord(const std::string& url, const std::string& html) {
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html;
  return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + url +
         "\r\nWARC-Date: 2024-09-16T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
         std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
}

const char* kGood = "Envoy Meets Minister\n\nThe envoy met the minister in the capital on Monday to discuss trade.\n";

class Faults : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("faults");
    db_ = *dir_ / "store.db";
    TempDir& d = *dir_;
    d.Write("before/earlier.txt", "Earlier Story\n\nA story stored before the bad batch arrived, on Sunday.\n");
    before_ = RunCommand(Sitrep() + " ingest " + d / "before" + " --db " + db_);

    d.Write("in/a_good.txt", kGood);
    d.Write("in/empty.txt", "");
    d.Write("in/binary.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20));
    d.Write("in/invalid_utf8.txt", "Caf\xC3\xA9 talks \xFF\xFE ended without agreement.");
    std::string big(100u << 20, 'a');
    for (size_t i = 80; i < big.size(); i += 81) big[i] = '\n';
    d.Write("in/huge.txt", big);
    std::string line(1u << 20, 'w');
    for (size_t i = 7; i < line.size(); i += 8) line[i] = ' ';
    d.Write("in/one_line.txt", line);
    std::string nested;
    for (int i = 0; i < 10000; ++i) nested += "<div>";
    nested += "<p>Deeply nested words about talks in the capital, said the minister.</p>";
    d.Write("in/nested.html", "<html><body>" + nested + "</body></html>");
    std::string gz = Gzip(std::string(kGood) + std::string(5000, 'x'));
    d.Write("in/truncated.txt.gz", gz.substr(0, gz.size() / 2));
    std::string warc = Gzip(WarcRecord("https://news.example/a", "<html><body><article><p>First archived story about the meeting in the capital.</p></article></body></html>")) +
                       Gzip(WarcRecord("https://news.example/b", "<html><body><article><p>Second archived story, which is cut off.</p></article></body></html>"));
    d.Write("in/truncated.warc.gz", warc.substr(0, warc.size() - 40));
    d.Write("in/feed.jsonl",
            R"({"url":"https://news.example/1","title":"One","text":"A first good record about the talks."})" "\n"
            "this line is not JSON\n"
            R"({"url":"https://news.example/3","title":"No text here"})" "\n"
            R"({"url":"https://news.example/4","title":"Four","text":"A last good record about the talks."})" "\n");
    run_ = RunCommand(Sitrep() + " ingest " + d / "in" + " --db " + db_ + " --batch 3");
  }
  static void TearDownTestSuite() { delete dir_; }

  static std::string FailureOf(const std::string& file) {
    return QueryOne(db_, "SELECT code || ' @' || coalesce(byte_offset, -1) || ' ' || message FROM failures WHERE input_path LIKE '%/" +
                             file + "' ORDER BY id LIMIT 1");
  }

  static TempDir* dir_;
  static std::string db_;
  static CommandResult before_, run_;
};
TempDir* Faults::dir_ = nullptr;
std::string Faults::db_;
CommandResult Faults::before_, Faults::run_;

TEST_F(Faults, TheBatchGoesOnAndSaysSomeFailed) {
  EXPECT_EQ(before_.exit_code, 0) << before_.output;
  EXPECT_EQ(run_.exit_code, 1) << run_.output;  // done, with failures
  EXPECT_EQ(QueryOne(db_, "PRAGMA integrity_check"), "ok");
}

TEST_F(Faults, EarlierDocumentsAreUntouched) {
  EXPECT_EQ(QueryOne(db_, "SELECT count(*) FROM documents WHERE input_path LIKE '%/earlier.txt'"), "1");
}

TEST_F(Faults, GoodInputsAreStored) {
  for (const char* good : {"a_good.txt", "one_line.txt"})
    EXPECT_EQ(QueryOne(db_, std::string("SELECT count(*) FROM documents WHERE input_path LIKE '%/") + good + "'"), "1")
        << good;
  EXPECT_EQ(QueryOne(db_, "SELECT count(*) FROM documents WHERE input_path LIKE '%/feed.jsonl'"), "2");
  EXPECT_EQ(QueryOne(db_, "SELECT count(*) FROM documents WHERE url = 'https://news.example/a'"), "1");
}

TEST_F(Faults, EachBadInputHasAFailureRowWithItsPlace) {
  EXPECT_EQ(FailureOf("empty.txt").substr(0, 5), "empty");
  // The first NUL byte of the PNG signature is at offset 8; the broken byte at 12.
  EXPECT_EQ(FailureOf("binary.txt").substr(0, 9), "binary @8");
  EXPECT_EQ(FailureOf("invalid_utf8.txt").substr(0, 12), "encoding @12");
  EXPECT_EQ(FailureOf("huge.txt").substr(0, 9), "too-large");
  EXPECT_EQ(FailureOf("truncated.txt.gz").substr(0, 9), "truncated");
  EXPECT_NE(FailureOf("truncated.warc.gz"), "");
  // The JSON Lines failures point at their lines: the second starts after the first.
  std::string line1 = R"({"url":"https://news.example/1","title":"One","text":"A first good record about the talks."})";
  std::string not_json = QueryOne(db_, "SELECT code || ' ' || record_offset FROM failures WHERE input_path LIKE '%/feed.jsonl' AND code = 'parse'");
  EXPECT_EQ(not_json, "parse " + std::to_string(line1.size() + 1));
  EXPECT_EQ(QueryOne(db_, "SELECT count(*) FROM failures WHERE input_path LIKE '%/feed.jsonl' AND code = 'missing-field'"), "1");
}

TEST_F(Faults, DeeplyNestedHtmlIsReadOrRefusedButNeverCrashes) {
  std::string stored = QueryOne(db_, "SELECT count(*) FROM documents WHERE input_path LIKE '%/nested.html'");
  std::string failed = QueryOne(db_, "SELECT count(*) FROM failures WHERE input_path LIKE '%/nested.html'");
  EXPECT_EQ(std::stoi(stored) + std::stoi(failed), 1);
}

TEST_F(Faults, MessagesNameTheFile) {
  EXPECT_NE(run_.output.find("invalid_utf8.txt:byte 12"), std::string::npos) << run_.output;
}

}  // namespace
}  // namespace sitrep
