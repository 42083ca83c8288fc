// `sitrep annotate --verbs FILE --actors FILE`: the user's verb dictionary codes the
// events of the pipeline (its CAMEO code on the verb, "lexicon":"dictionary"), and a verb
// file that cannot be read stops the command with its name.
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
  CommandRun plain = Sitrep("annotate --actors " + Path("my.actors") + " " + Path("report.txt"));
  ASSERT_EQ(plain.exit_code, 0) << plain.out;
  EXPECT_EQ(plain.out.find("\"lexicon\":\"dictionary\""), std::string::npos) << plain.out;

  CommandRun with = Sitrep("annotate --verbs " + Path("my.verbs") + " --actors " + Path("my.actors") + " " +
                           Path("report.txt"));
  ASSERT_EQ(with.exit_code, 0) << with.out;
  EXPECT_NE(with.out.find("\"cameo\":\"112\""), std::string::npos) << with.out;
  EXPECT_NE(with.out.find("\"lexicon\":\"dictionary\""), std::string::npos) << with.out;
  EXPECT_NE(with.out.find("\"type\":\"ACCUSE\""), std::string::npos) << with.out;
  EXPECT_NE(with.out.find("dictionary " + Path("my.actors") + ":1"), std::string::npos) << with.out;
  // sitrep's own code for "condemned" (111) gave way to the dictionary's on the same verb.
  EXPECT_EQ(with.out.find("\"cameo\":\"111\""), std::string::npos) << with.out;
  // The malformed pattern is a warning naming file and line; the rest loaded (112 above).
  EXPECT_NE(with.out.find("warning: " + Path("my.verbs") + ":4"), std::string::npos) << with.out;
}

TEST_F(VerbsCliTest, UnreadableVerbsFileStopsTheCommand) {
  CommandRun r = Sitrep("annotate " + Path("report.txt") + " --actors " + Path("my.actors") + " --verbs " +
                        Path("missing.verbs"));
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.out.find(Path("missing.verbs")), std::string::npos) << r.out;
}

TEST_F(VerbsCliTest, EvalsKeepTheirVerbsFlag) {
  // `eval petrarch` reads --verbs into its own list (AddVerbFlags), and loads it.
  std::ofstream(dir_ / "my.agents") << "SOLDIER_ [~MIL]\n";
  std::ofstream(dir_ / "none.jsonl") << "";
  CommandRun r = Sitrep("eval petrarch --data " + Path("none.jsonl") + " --actors " + Path("my.actors") + " --agents " + Path("my.agents") + " --verbs " +
                        Path("missing.verbs"));
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.out.find(Path("missing.verbs") + ": cannot open the verb dictionary"), std::string::npos) << r.out;
}

}  // namespace
