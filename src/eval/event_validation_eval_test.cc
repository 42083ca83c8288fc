// The PETRARCH/TABARI validation scorer on records written for this test.
#include "eval/event_validation_eval.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace sitrep {
namespace {

namespace fs = std::filesystem;

std::string WriteTemp(const std::string& name, const std::string& text) {
  const fs::path p = fs::temp_directory_path() / (name + "_" + std::to_string(::getpid()) + ".jsonl");
  std::ofstream(p) << text;
  return p.string();
}

TEST(EventValidationEvalTest, PetrarchRecordsAndScores) {
  const std::string path = WriteTemp(
      "petrarch_records",
      R"({"id": "A-1", "date": "19950101", "text": "Rivendale met Quartz.", "expected": [{"sourcecode": "RVD", "targetcode": "QTZ", "eventcode": "031"}, {"sourcecode": "QTZ", "targetcode": "RVD", "eventcode": "031"}]})"
      "\n"
      R"({"id": "A-2", "date": "19950101", "text": "Nothing here.", "expected": [{"noevents": true}]})"
      "\n"
      R"({"id": "A-3", "date": "19950101", "text": "Bad input.", "expected": [{"error": "bad_input_parse"}]})"
      "\n");
  auto records = ReadValidationRecords(path, ValidationSuite::kPetrarch);
  fs::remove(path);
  ASSERT_TRUE(records.ok()) << records.status().message();
  ASSERT_EQ(records->size(), 3u);
  EXPECT_EQ((*records)[0].day, 19950101);
  EXPECT_EQ((*records)[0].expected.size(), 2u);
  EXPECT_TRUE((*records)[1].expected.empty());

  // One of two events right on A-1 (so it fails), nothing on A-2 and A-3 (they pass).
  ValidationScores s = ScoreValidation(*records, [](const std::string& text, std::optional<int>) {
    std::vector<CodedTriple> out;
    if (text.starts_with("Rivendale")) out.push_back({"RVD", "QTZ", "031"});
    return out;
  });
  EXPECT_EQ(s.records, 3u);
  EXPECT_EQ(s.passed, 2u);
  EXPECT_DOUBLE_EQ(s.precision(), 1.0);
  EXPECT_DOUBLE_EQ(s.recall(), 0.5);
  ASSERT_EQ(s.failures.size(), 1u);
  EXPECT_EQ(s.failures[0].id, "A-1");
  EXPECT_EQ(FormatTriples(s.failures[0].got), "RVD/QTZ/031");
}

TEST(EventValidationEvalTest, TabariFlagsSpecialsAndOptions) {
  const std::string path = WriteTemp(
      "tabari_records",
      R"({"id": "T-1", "date": "950101", "text": "A.", "expected": [{"source": "RVD", "target": "QTZ", "code": "064", "date": null, "flag": ""}, {"source": "X", "target": "Y", "code": "000", "date": null, "flag": "-"}]})"
      "\n"
      R"({"id": "T-2", "date": "9501201", "text": "B.", "expected": [{"special": "---", "flag": ""}]})"
      "\n"
      R"({"id": "T-3", "date": "950101", "text": "C.", "expected": [{"option": "OPTION: SET: CODE ALL"}]})"
      "\n");
  auto records = ReadValidationRecords(path, ValidationSuite::kTabari);
  fs::remove(path);
  ASSERT_TRUE(records.ok()) << records.status().message();
  ASSERT_EQ(records->size(), 2u);  // the option record is not scored
  ASSERT_EQ((*records)[0].expected.size(), 1u);  // the "-" known failure is left out
  EXPECT_EQ((*records)[0].expected[0].code, "064");
  EXPECT_TRUE((*records)[1].expected.empty());
  EXPECT_EQ((*records)[1].day, 19950120);  // TABARI's fixed-width YYMMDD
}

TEST(EventValidationEvalTest, MalformedLineNamesFileAndLine) {
  const std::string path = WriteTemp("bad_records", "{\"id\": \"x\"}\n");
  auto records = ReadValidationRecords(path, ValidationSuite::kPetrarch);
  fs::remove(path);
  ASSERT_FALSE(records.ok());
  EXPECT_NE(records.status().message().find(":1:"), std::string::npos) << records.status().message();
  EXPECT_FALSE(ReadValidationRecords("/nonexistent/records.jsonl", ValidationSuite::kTabari).ok());
}

}  // namespace
}  // namespace sitrep
