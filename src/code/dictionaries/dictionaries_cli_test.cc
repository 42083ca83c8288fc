// `sitrep annotate --actors FILE`: the user's dictionary reaches the coder through the
// command line, a malformed line is a warning naming file and line, and a file that
// cannot be read stops the command with its name.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace {

namespace fs = std::filesystem;

struct CommandRun {
  int exit_code = -1;
  std::string out;  // standard output and error together
};

CommandRun Sitrep(const std::string& arguments) {
  CommandRun r;
  FILE* pipe = popen((std::string(SITREP_BINARY) + " " + arguments + " 2>&1").c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  const int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
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
  CommandRun plain = Sitrep("annotate " + Path("report.txt"));
  ASSERT_EQ(plain.exit_code, 0) << plain.out;
  EXPECT_EQ(plain.out.find("\"RVD\""), std::string::npos) << plain.out;

  // One file per flag: the input after it stays an input, and the flag can repeat.
  CommandRun with =
      Sitrep("annotate --actors " + Path("my.actors") + " " + Path("report.txt") + " --actors " + Path("my.actors"));
  ASSERT_EQ(with.exit_code, 0) << with.out;
  EXPECT_NE(with.out.find("\"code\":\"RVD\""), std::string::npos) << with.out;
  EXPECT_NE(with.out.find("dictionary " + Path("my.actors") + ":2"), std::string::npos) << with.out;
  // The malformed line is named; the rest of the file was loaded (RVD above).
  EXPECT_NE(with.out.find("warning: " + Path("my.actors") + ":3: \"991301\" is not a date"), std::string::npos)
      << with.out;
}

TEST_F(DictionaryCliTest, UnreadableDictionaryStopsTheCommand) {
  CommandRun r = Sitrep("annotate " + Path("report.txt") + " --agents " + Path("missing.agents"));
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.out.find(Path("missing.agents")), std::string::npos) << r.out;
}

}  // namespace
