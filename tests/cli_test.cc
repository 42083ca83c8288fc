// The sitrep command end to end on the sample corpus: every subcommand, its formats and
// its exit codes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/test_util.h"

namespace sitrep {
namespace {

using namespace sitrep::testing;

std::string Examples() { return std::string(SITREP_SOURCE_DIR) + "/examples/news"; }

class Cli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("cli");
    db_ = *dir_ / "news.db";
    ingest_ = RunCommand(Sitrep() + " ingest " + Examples() + " --db " + db_);
  }
  static void TearDownTestSuite() { delete dir_; }
  static TempDir* dir_;
  static std::string db_;
  static CommandResult ingest_;
};
TempDir* Cli::dir_ = nullptr;
std::string Cli::db_;
CommandResult Cli::ingest_;

TEST_F(Cli, IngestStoresEverySampleArticle) {
  EXPECT_EQ(ingest_.exit_code, 0) << ingest_.output;
  EXPECT_EQ(QueryOne(db_, "SELECT count(*) FROM documents"), "10");
  EXPECT_EQ(QueryOne(db_, "SELECT count(*) FROM documents WHERE published IS NULL"), "1") << "only the undated one";
  EXPECT_EQ(QueryOne(db_, "PRAGMA integrity_check"), "ok");
}

TEST_F(Cli, ShowFindsByPathPart) {
  CommandResult r = RunCommand(Sitrep() + " show capital-ledger --db " + db_);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("published:"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("layer paragraph"), std::string::npos) << r.output;
}

TEST_F(Cli, ShowOfAnUnknownDocumentIsNotFound) {
  CommandResult r = RunCommand(Sitrep() + " show no-such-thing --db " + db_);
  EXPECT_EQ(r.exit_code, 3) << r.output;
  EXPECT_NE(r.output.find("no document matches"), std::string::npos);
}

TEST_F(Cli, ShowOfAnAmbiguousKeyListsTheCandidates) {
  CommandResult r = RunCommand(Sitrep() + " show .txt --db " + db_);
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("documents match"), std::string::npos);
}

TEST_F(Cli, SearchFindsAndSurvivesHostileQueries) {
  CommandResult r = RunCommand(Sitrep() + " search Munir --db " + db_);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("[Munir]"), std::string::npos) << r.output;
  CommandResult bad = RunCommand(Sitrep() + " search '\"; DROP TABLE documents; --' --db " + db_);
  EXPECT_NE(bad.output.find("sitrep"), std::string::npos);
  EXPECT_EQ(QueryOne(db_, "SELECT count(*) FROM documents"), "10");
}

TEST_F(Cli, EventsInEveryFormat) {
  for (const char* format : {"table", "jsonl", "csv"}) {
    CommandResult r = RunCommand(Sitrep() + " events --format " + format + " --db " + db_);
    EXPECT_EQ(r.exit_code, 0) << format << ": " << r.output;
  }
  EXPECT_EQ(RunCommand(Sitrep() + " events --format xml --db " + db_).exit_code, 2);
}

TEST_F(Cli, AnnotatePrintsOneJsonObjectPerDocument) {
  CommandResult r = RunCommand(Sitrep() + " annotate " + Examples() + "/feed_2024.jsonl 2>/dev/null");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::istringstream lines(r.output);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    auto j = nlohmann::json::parse(line);
    EXPECT_FALSE(j["articleBody"].get<std::string>().empty());
    EXPECT_TRUE(j.contains("title") && j.contains("published") && j.contains("author"));
    EXPECT_TRUE(j["layers"].contains("paragraph"));
    ++n;
  }
  EXPECT_EQ(n, 4);
}

TEST_F(Cli, AnnotateReadsStandardInput) {
  CommandResult r = RunCommand("printf 'ISLAMABAD (APP): Talks were held on Monday.\\n' | " + Sitrep() +
                        " annotate - --format json");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  auto j = nlohmann::json::parse(r.output);
  EXPECT_EQ(j["metadata"]["dateline"]["place"], "ISLAMABAD");
  EXPECT_EQ(j["metadata"]["dateline"]["agency"], "APP");
}

TEST_F(Cli, HelpAndUsageErrors) {
  EXPECT_EQ(RunCommand(Sitrep() + " --help").exit_code, 0);
  for (const char* cmd : {"ingest", "annotate", "show", "events", "search"})
    EXPECT_EQ(RunCommand(Sitrep() + " " + cmd + " --help").exit_code, 0) << cmd;
  EXPECT_EQ(RunCommand(Sitrep()).exit_code, 2);
  EXPECT_EQ(RunCommand(Sitrep() + " ingest").exit_code, 2);
  EXPECT_EQ(RunCommand(Sitrep() + " frobnicate").exit_code, 2);
  EXPECT_EQ(RunCommand(Sitrep() + " ingest x --input-format pdf --db " + *dir_ / "x.db").exit_code, 2);
}

TEST_F(Cli, ANonSitrepFileIsRefusedByName) {
  dir_->Write("not-a-db.db", "this is not a database at all, just text long enough to look like a file");
  CommandResult r = RunCommand(Sitrep() + " ingest " + Examples() + " --db " + *dir_ / "not-a-db.db");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("not-a-db.db"), std::string::npos) << r.output;
}


// `sitrep eval cameo` on sentences written for this test: the confusion, the contract's
// last line, and a malformed line named by file and line.
TEST(EvalCameo, ScoresQuadClassesAndNamesAMalformedLine) {
  TempDir dir("eval_cameo");
  dir.Write("cameo_class/test.tsv",
            "Pakistani troops shelled militant hideouts in North Waziristan.\t4\r\n"
            "The two foreign ministers met in Islamabad on Monday.\t1\r\n"
            "The weather was mild.\t0\r\n");
  CommandResult r = RunCommand(Sitrep() + " eval cameo --data " + dir.path().string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("label 4"), std::string::npos) << r.output;
  const std::string last = r.output.substr(r.output.rfind("cameo: "));
  EXPECT_EQ(last.rfind("cameo: f1=", 0), 0u) << r.output;
  EXPECT_NE(last.find(" p="), std::string::npos);
  EXPECT_NE(last.find(" r="), std::string::npos);

  dir.Write("cameo_class/train.tsv", "A sentence with no label\n");
  r = RunCommand(Sitrep() + " eval cameo --split train --data " + dir.path().string());
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("train.tsv:1: expected sentence<TAB>label"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace sitrep
