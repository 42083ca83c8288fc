// `sitrep annotate --actors FILE`: the user's dictionary reaches the coder through the
// command line, a malformed line is a warning naming file and line, and a file that
// cannot be read stops the command with its name.
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

class DictionaryCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("sitrep_dictionaries_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    // A country sitrep's lexicon does not know, in a sentence written for this test.
    std::ofstream(dir_ / "report.txt") << "Rivendale condemned the attack on the embassy on Tuesday, officials said.\n";
    std::ofstream(dir_ / "my.actors") << "# a user's dictionary\n"
                                         "RIVENDALE_ [RVD]\n"
                                         "BROKEN_ENTRY [QQQ 991301-000101]\n";
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
};

TEST_F(DictionaryCliTest, ActorsFileChangesTheCode) {
  sitrep::testing::CommandResult plain = Sitrep("annotate " + Path("report.txt"));
  ASSERT_EQ(plain.exit_code, 0) << plain.output;
  EXPECT_EQ(plain.output.find("\"RVD\""), std::string::npos) << plain.output;

  // One file per flag: the input after it stays an input, and the flag can repeat.
  sitrep::testing::CommandResult with =
      Sitrep("annotate --actors " + Path("my.actors") + " " + Path("report.txt") + " --actors " + Path("my.actors"));
  ASSERT_EQ(with.exit_code, 0) << with.output;
  EXPECT_NE(with.output.find("\"code\":\"RVD\""), std::string::npos) << with.output;
  EXPECT_NE(with.output.find("dictionary " + Path("my.actors") + ":2"), std::string::npos) << with.output;
  // The malformed line is named; the rest of the file was loaded (RVD above).
  EXPECT_NE(with.output.find("warning: " + Path("my.actors") + ":3: \"991301\" is not a date"), std::string::npos)
      << with.output;
}

TEST_F(DictionaryCliTest, UnreadableDictionaryStopsTheCommand) {
  sitrep::testing::CommandResult r = Sitrep("annotate " + Path("report.txt") + " --agents " + Path("missing.agents"));
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find(Path("missing.agents")), std::string::npos) << r.output;
}

}  // namespace
