#include "code/muc4_eval.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "code/event_stage.h"
#include "code/test_doc.h"

namespace sitrep::code {
namespace {

TEST(Muc4Eval, ScoresHeadNounsPerRoleAndSkipsBadLines) {
  const auto dir = std::filesystem::temp_directory_path() / ("sitrep_muc4_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "dev.json")
      << R"({"docid": "D1", "doctext": "guerrillas attacked villagers with a bomb", "extracts": {"PerpInd": [[["the guerrillas", 0]]], "PerpOrg": [], "Target": [], "Victim": [[["three villagers", 20]]], "Weapon": [[["bomb", 36]]]}})"
      << "\nnot json\n";
  // The annotator stands in for the pipeline: a hand-made tree, coded by the real stage.
  auto annotate = [](const std::string&, const std::string&) -> std::optional<Doc> {
    Doc doc = testing::MakeDoc({{{"guerrillas", "NOUN", "guerrilla", 2, "nsubj"},
                                 {"attacked", "VERB", "attack", 0, "root"},
                                 {"villagers", "NOUN", "villager", 2, "obj"},
                                 {"with", "ADP", "with", 5, "case"},
                                 {"a", "DET", "a", 5, "det"},
                                 {"bomb", "NOUN", "bomb", 2, "obl"}}});
    if (!EventStage().Process(doc).ok()) return std::nullopt;
    return doc;
  };
  auto result = EvalMuc4(dir.string(), "dev", annotate);
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->documents, 1);
  EXPECT_EQ(result->roles[0].matched_gold, 1);  // PerpInd: "guerrillas"
  EXPECT_EQ(result->roles[4].matched_gold, 1);  // Weapon: "bomb"
  EXPECT_GT(result->micro.f1(), 0.5);
  EXPECT_FALSE(EvalMuc4("/nonexistent", "dev", annotate).ok());
}

}  // namespace
}  // namespace sitrep::code
