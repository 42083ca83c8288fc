// The foundation's acceptance test on the seed corpus, through the real binary and a
// real SQLite file: five documents in, metadata right, no debris, re-ingest a no-op.
#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace sitrep {
namespace {

using namespace sitrep::testing;

class Seeds : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("seeds");
    db_ = *dir_ / "seeds.db";
    first_ = RunCommand(Sitrep() + " ingest " + SeedsDir() + " --db " + db_);
  }
  static void TearDownTestSuite() { delete dir_; }
  void SetUp() override {
    if (!fs::exists(SeedsDir())) GTEST_SKIP() << "no ../shared/seeds";
  }
  static std::string Show(const std::string& key) { return RunCommand(Sitrep() + " show " + key + " --db " + db_ + " --text").output; }
  static std::string CleanText(const std::string& path_part) {
    return QueryOne(db_, "SELECT clean_text FROM documents WHERE input_path LIKE '%" + path_part + "%'");
  }

  static TempDir* dir_;
  static std::string db_;
  static CommandResult first_;
};
TempDir* Seeds::dir_ = nullptr;
std::string Seeds::db_;
CommandResult Seeds::first_;

TEST_F(Seeds, FiveDocumentsAreStored) {
  EXPECT_EQ(first_.exit_code, 0) << first_.output;
  EXPECT_EQ(QueryOne(db_, "SELECT count(*) FROM documents"), "5");
  EXPECT_EQ(QueryOne(db_, "SELECT count(*) FROM failures"), "0");
}

TEST_F(Seeds, PublicationTimeOf001FromItsByline) {
  EXPECT_EQ(QueryOne(db_, "SELECT published FROM documents WHERE input_path LIKE '%001_%'"), "2024-09-17T17:50");
  std::string shown = Show("001_");
  EXPECT_NE(shown.find("2024-09-17T17:50"), std::string::npos) << shown;
}

TEST_F(Seeds, DatelineAndAgencyOf002) {
  EXPECT_EQ(QueryOne(db_, "SELECT dateline_place || '/' || dateline_agency FROM documents WHERE input_path LIKE '%002_%'"),
            "ISLAMABAD/PEN");
  std::string shown = Show("002_");
  EXPECT_NE(shown.find("ISLAMABAD (agency PEN)"), std::string::npos) << shown;
}

TEST_F(Seeds, UndatedSeedsStayUndated) {
  for (const char* seed : {"000_", "002_", "003_", "004_"})
    EXPECT_EQ(QueryOne(db_, std::string("SELECT coalesce(published, 'none') FROM documents WHERE input_path LIKE '%") +
                                seed + "%'"),
              "none")
        << seed;
}

// The debris EXPECTED.md lists for 001 and 004 must not reach the clean text, and the
// article's own text must all be there.
TEST_F(Seeds, NoDebrisIn001) {
  std::string text = CleanText("001_");
  ASSERT_FALSE(text.empty());
  for (const char* debris : {"Image Credits", "Related Post", "Web Desk", "PMpolitics"})
    EXPECT_EQ(text.find(debris), std::string::npos) << debris;
  EXPECT_NE(text.find("delegation-level talks"), std::string::npos);
  EXPECT_NE(text.find("global security."), std::string::npos);  // the last sentence is kept
}

TEST_F(Seeds, NoDebrisIn004) {
  std::string text = CleanText("004_");
  ASSERT_FALSE(text.empty());
  for (const char* debris : {"[Image via", "Also See:", "Read More", "News Desk", "Your trusted source", "Recent",
                             "Durand Line", "Doha", "Paktika", "Multipolar", "political consensus"})
    EXPECT_EQ(text.find(debris), std::string::npos) << debris;
  EXPECT_NE(text.find("Jaffar Express"), std::string::npos);
  EXPECT_NE(text.find("Counter-Terrorism Dialogue in June"), std::string::npos);
}

TEST_F(Seeds, EveryByteIsAccountedFor) {
  // Each document keeps its original bytes, and the hash it is keyed by is theirs.
  EXPECT_EQ(QueryOne(db_, "SELECT count(*) FROM documents WHERE length(original) = 0"), "0");
  std::string total = QueryOne(db_, "SELECT sum(length(original)) FROM documents");
  uintmax_t on_disk = 0;
  for (const auto& e : fs::directory_iterator(SeedsDir()))
    if (e.path().extension() == ".txt") on_disk += fs::file_size(e.path());
  EXPECT_EQ(total, std::to_string(on_disk));
}

TEST_F(Seeds, SecondIngestAddsNothing) {
  CommandResult again = RunCommand(Sitrep() + " ingest " + SeedsDir() + " --db " + db_);
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("0 documents added"), std::string::npos) << again.output;
  EXPECT_NE(again.output.find("5 unchanged"), std::string::npos) << again.output;
  EXPECT_EQ(QueryOne(db_, "SELECT count(*) FROM documents"), "5");
}

TEST_F(Seeds, SearchFindsWords) {
  CommandResult r = RunCommand(Sitrep() + " search Musakhail --db " + db_);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.output.find("[Musakhail]"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace sitrep
