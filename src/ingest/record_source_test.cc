#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "sitrep/ingest.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

class RecordSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("sitrep_rs_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "sub");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name, std::ios::binary) << text; }
  std::vector<Record> ReadAll(std::vector<std::string> inputs, std::vector<Failure>* failures) {
    RecordSource source(std::move(inputs), {});
    std::vector<Record> out;
    Record r;
    std::optional<Failure> f;
    while (source.Next(&r, &f)) {
      if (f) failures->push_back(*f);
      else out.push_back(r);
    }
    return out;
  }
  fs::path dir_;
};

TEST_F(RecordSourceTest, DirectoriesAreWalkedInSortedOrderSkippingNonArticles) {
  Write("b.txt", "Second article.");
  Write("a.html", "<p>First article.</p>");
  Write("sub/c.txt", "Third article.");
  Write("README.md", "not an article");
  Write(".hidden.txt", "not an article");
  std::vector<Failure> failures;
  auto records = ReadAll({dir_.string()}, &failures);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(fs::path(records[0].origin.path).filename(), "a.html");
  EXPECT_EQ(records[0].format, Format::kHtml);
  EXPECT_EQ(fs::path(records[1].origin.path).filename(), "b.txt");
  EXPECT_EQ(fs::path(records[2].origin.path).filename(), "c.txt");
  EXPECT_TRUE(failures.empty());
}

TEST_F(RecordSourceTest, JsonLinesAreOneRecordPerLineWithOffsets) {
  std::string line1 = R"({"text": "one"})";
  std::string line2 = R"({"text": "two"})";
  Write("feed.jsonl", line1 + "\n\n" + line2 + "\n");
  std::vector<Failure> failures;
  auto records = ReadAll({(dir_ / "feed.jsonl").string()}, &failures);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].origin.offset, 0u);
  EXPECT_EQ(records[0].bytes, line1);
  EXPECT_EQ(records[1].origin.offset, line1.size() + 2);
  EXPECT_EQ(records[1].bytes, line2);
}

TEST_F(RecordSourceTest, MissingFilesAndEmptyGlobsAreFailuresNotStops) {
  Write("a.txt", "An article.");
  std::vector<Failure> failures;
  auto records = ReadAll({(dir_ / "missing.txt").string(), (dir_ / "*.none").string(), (dir_ / "a.txt").string()},
                         &failures);
  ASSERT_EQ(records.size(), 1u);
  ASSERT_EQ(failures.size(), 2u);
  EXPECT_EQ(failures[0].status.code(), Code::kNotFound);
  EXPECT_NE(failures[0].status.ToString().find("missing.txt"), std::string::npos);
  EXPECT_EQ(failures[1].status.code(), Code::kNotFound);
}

TEST_F(RecordSourceTest, GlobsExpandInOrder) {
  Write("x1.txt", "one");
  Write("x2.txt", "two");
  std::vector<Failure> failures;
  auto records = ReadAll({(dir_ / "x*.txt").string()}, &failures);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].bytes, "two");
}

}  // namespace
}  // namespace sitrep
