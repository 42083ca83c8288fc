// kill -9 in the middle of an ingest: the database must pass integrity_check, hold only
// whole batches, and a re-run must complete the job without duplicates.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "tests/test_util.h"

namespace sitrep {
namespace {

using namespace sitrep::testing;

TEST(Crash, KillNineMidIngestLeavesWholeBatchesAndAReRunCompletes) {
  TempDir dir("crash");
  constexpr int kDocs = 3000, kBatch = 50;
  for (int i = 0; i < kDocs; ++i) {
    char name[48];
    std::snprintf(name, sizeof name, "corpus/%02d/story%05d.txt", i / 500, i);
    std::string body;
    for (int p = 0; p < 20; ++p)
      body += "Paragraph " + std::to_string(p) + " of story " + std::to_string(i) +
              " reports that officials met in the capital to discuss trade and security.\n";
    dir.Write(name, "Story " + std::to_string(i) + "\n\n" + body);
  }
  std::string db = dir / "store.db";
  std::string corpus = dir / "corpus";

  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    freopen("/dev/null", "w", stdout);
    execl(SITREP_BINARY, "sitrep", "ingest", corpus.c_str(), "--db", db.c_str(), "--batch", "50", "--threads", "1",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // Wait until some batches are in, then kill without warning.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  int stored = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    std::string n = fs::exists(db) ? QueryOne(db, "SELECT count(*) FROM documents") : "";
    if (!n.empty() && n[0] != '<') stored = std::stoi(n);
    if (stored >= 200) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the ingest finished before it could be killed";

  EXPECT_EQ(QueryOne(db, "PRAGMA integrity_check"), "ok");
  int after_kill = std::stoi(QueryOne(db, "SELECT count(*) FROM documents"));
  EXPECT_GT(after_kill, 0);
  EXPECT_LT(after_kill, kDocs);
  EXPECT_EQ(after_kill % kBatch, 0) << "a partial batch was left behind";

  CommandResult rerun = RunCommand(Sitrep() + " ingest " + corpus + " --db " + db + " --batch 50");
  EXPECT_EQ(rerun.exit_code, 0) << rerun.output;
  EXPECT_EQ(QueryOne(db, "SELECT count(*) FROM documents"), std::to_string(kDocs));
  EXPECT_EQ(QueryOne(db, "SELECT count(DISTINCT content_hash) FROM documents"), std::to_string(kDocs));
  EXPECT_NE(rerun.output.find(std::to_string(after_kill) + " unchanged"), std::string::npos) << rerun.output;
  EXPECT_EQ(QueryOne(db, "PRAGMA integrity_check"), "ok");
}

}  // namespace
}  // namespace sitrep
