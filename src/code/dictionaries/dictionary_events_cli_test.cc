// `sitrep annotate --verbs FILE --actors FILE`: the user's verb dictionary codes the
// events of the pipeline (its CAMEO code on the verb, "lexicon":"dictionary"), and a verb
// file that cannot be read stops the command with its name.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "tests/test_util.h"

namespace {

namespace fs = std::filesystem;

// The sitrep binary with `arguments`; standard output and error together.
sitrep::testing::CommandResult Sitrep(const std::string& arguments) {
  return sitrep::testing::RunCommand(sitrep::testing::Sitrep() + " " + arguments);
}

class VerbsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("sitrep_verbs_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    // Countries sitrep's lexicon does not know, in a sentence written for this test.
    std::ofstream(dir_ / "report.txt") << "Rivendale condemned Quartz on Tuesday.\n";
    std::ofstream(dir_ / "my.actors") << "RIVENDALE_ [RVD]\nQUARTZ_ [QTZ]\n";
    std::ofstream(dir_ / "my.verbs") << "# a user's verb dictionary, PETRARCH-2 style\n"
                                        "--- CONDEMN [112] ---\n"
                                        "CONDEMN\n"
                                        "- * BADLY_FORMED [\n";
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
};

TEST_F(VerbsCliTest, VerbsFileCodesTheEvent) {
  sitrep::testing::CommandResult plain = Sitrep("annotate --actors " + Path("my.actors") + " " + Path("report.txt"));
  ASSERT_EQ(plain.exit_code, 0) << plain.output;
  EXPECT_EQ(plain.output.find("\"lexicon\":\"dictionary\""), std::string::npos) << plain.output;

  sitrep::testing::CommandResult with = Sitrep("annotate --verbs " + Path("my.verbs") + " --actors " + Path("my.actors") + " " +
                           Path("report.txt"));
  ASSERT_EQ(with.exit_code, 0) << with.output;
  EXPECT_NE(with.output.find("\"cameo\":\"112\""), std::string::npos) << with.output;
  EXPECT_NE(with.output.find("\"lexicon\":\"dictionary\""), std::string::npos) << with.output;
  EXPECT_NE(with.output.find("\"type\":\"ACCUSE\""), std::string::npos) << with.output;
  EXPECT_NE(with.output.find("dictionary " + Path("my.actors") + ":1"), std::string::npos) << with.output;
  // sitrep's own code for "condemned" (111) gave way to the dictionary's on the same verb.
  EXPECT_EQ(with.output.find("\"cameo\":\"111\""), std::string::npos) << with.output;
  // The malformed pattern is a warning naming file and line; the rest loaded (112 above).
  EXPECT_NE(with.output.find("warning: " + Path("my.verbs") + ":4"), std::string::npos) << with.output;
}

TEST_F(VerbsCliTest, UnreadableVerbsFileStopsTheCommand) {
  sitrep::testing::CommandResult r = Sitrep("annotate " + Path("report.txt") + " --actors " + Path("my.actors") + " --verbs " +
                        Path("missing.verbs"));
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find(Path("missing.verbs")), std::string::npos) << r.output;
}

TEST_F(VerbsCliTest, EvalsKeepTheirVerbsFlag) {
  // `eval petrarch` reads --verbs into its own list (AddVerbFlags), and loads it.
  std::ofstream(dir_ / "my.agents") << "SOLDIER_ [~MIL]\n";
  std::ofstream(dir_ / "none.jsonl") << "";
  sitrep::testing::CommandResult r = Sitrep("eval petrarch --data " + Path("none.jsonl") + " --actors " + Path("my.actors") + " --agents " + Path("my.agents") + " --verbs " +
                        Path("missing.verbs"));
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find(Path("missing.verbs") + ": cannot open the verb dictionary"), std::string::npos) << r.output;
}

}  // namespace
