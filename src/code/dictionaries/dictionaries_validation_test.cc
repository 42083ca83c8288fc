// `sitrep eval petrarch` and `sitrep eval tabari` on the real suites in ../shared (skipped
// when they are absent): the last line keeps its contract, and the share of records
// passed stays above a floor a little below what the coder reaches today.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>

#include "tests/test_util.h"

namespace {

namespace fs = std::filesystem;

// A little below the share of records passed measured when the floors were set (see
// docs/dictionaries.md), so that a regression fails the test.
constexpr double kPetrarchPassFloor = 0.90;  // measured 0.901 (255 of 283): the issue's target
constexpr double kPetrarchF1Floor = 0.91;    // measured 0.931
constexpr double kTabariPassFloor = 0.80;    // measured 0.815
constexpr double kTabariF1Floor = 0.83;      // measured 0.843
// TABARI's target is a share of events: its recall (measured 0.865).
constexpr double kTabariRecallFloor = 0.85;  // the issue's target

// The sitrep binary with `arguments`; standard output and error together.
sitrep::testing::CommandResult Sitrep(const std::string& arguments) {
  return sitrep::testing::RunCommand(sitrep::testing::Sitrep() + " " + arguments);
}

std::string LastLine(const std::string& out) {
  std::string s = out;
  while (!s.empty() && s.back() == '\n') s.pop_back();
  const size_t nl = s.rfind('\n');
  return nl == std::string::npos ? s : s.substr(nl + 1);
}

// Runs one suite with its files given explicitly (the defaults are relative to the
// source tree) and returns pass and f1 read from the last line.
void RunSuite(const std::string& name, const std::string& args, double* pass, double* f1, double* recall = nullptr) {
  sitrep::testing::CommandResult r = Sitrep("eval " + name + " " + args);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string last = LastLine(r.output);
  std::smatch m;
  ASSERT_TRUE(std::regex_match(last, m, std::regex(name + R"(: pass=([01]\.\d{3}) f1=([01]\.\d{3}))"))) << last;
  *pass = std::stod(m[1]);
  *f1 = std::stod(m[2]);
  EXPECT_NE(r.output.find("\nprecision: "), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("\nrecall: "), std::string::npos) << r.output;
  if (recall) {
    std::smatch rm;
    ASSERT_TRUE(std::regex_search(r.output, rm, std::regex(R"(\nrecall: ([01]\.\d{3})\n)"))) << r.output;
    *recall = std::stod(rm[1]);
  }
}

TEST(DictionaryValidationTest, PetrarchUnitTests) {
  const fs::path events = fs::path(SITREP_SHARED_DIR) / "data/events";
  const fs::path records = events / "derived/petrarch_unittest_records.jsonl";
  const fs::path p2 = events / "petrarch2/petrarch2/data/dictionaries";
  const fs::path actors = p2 / "PETR.Validate.actors.txt";
  // The records' own file, for the <Config> settings between them (require_dyad, ...).
  const fs::path config = events / "petrarch2/petrarch2/data/text/PETR.UnitTest.records.xml";
  if (!fs::exists(records) || !fs::exists(actors) || !fs::exists(p2 / "PETR.Validate.verbs.txt") || !fs::exists(config))
    GTEST_SKIP() << "the PETRARCH suite is not in " << events;
  double pass = 0, f1 = 0;
  RunSuite("petrarch",
           "--data " + records.string() + " --actors " + actors.string() + " --agents " +
               (p2 / "PETR.Validate.agents.txt").string() + " --verbs " + (p2 / "PETR.Validate.verbs.txt").string() +
               " --discards " + (p2 / "PETR.Validate.discards.txt").string() + " --config " + config.string(),
           &pass, &f1);
  EXPECT_GE(pass, kPetrarchPassFloor);
  EXPECT_GE(f1, kPetrarchF1Floor);
}

TEST(DictionaryValidationTest, TabariValidationSuite) {
  const fs::path events = fs::path(SITREP_SHARED_DIR) / "data/events";
  const fs::path records = events / "derived/tabari_validation_records.jsonl";
  const fs::path tabari = events / "tabari";
  if (!fs::exists(records) || !fs::exists(tabari / "TABARI.Demo.verbs")) GTEST_SKIP() << "the TABARI suite is not in " << events;
  double pass = 0, f1 = 0, recall = 0;
  RunSuite("tabari",
           "--data " + records.string() + " --actors " + (tabari / "TABARI.Demo.actors").string() + " --agents " +
               (tabari / "Validate.agents").string() + " --verbs " + (tabari / "TABARI.Demo.verbs").string(),
           &pass, &f1, &recall);
  EXPECT_GE(pass, kTabariPassFloor);
  EXPECT_GE(f1, kTabariF1Floor);
  EXPECT_GE(recall, kTabariRecallFloor);
}

}  // namespace
