// Golden tests: a readable dump of each seed and each sample article, diffed against
// tests/golden/. After a deliberate change, rerun with SITREP_UPDATE_GOLDEN=1 and read
// the diff before committing it. Seed dumps are redacted (hashes, not text): the seeds
// are other people's articles and stay in ../shared.
#include <gtest/gtest.h>

#include "sitrep/pipeline.h"
#include "tests/test_util.h"
#include "text/dump.h"

namespace sitrep {
namespace {

using testing::ReadFile;

std::string DumpAll(const std::string& input, bool redact) {
  auto pipeline = MakeDefaultPipeline({.threads = 1});
  EXPECT_TRUE(pipeline.ok());
  RecordSource source({input}, {});
  std::string out;
  Status run = (*pipeline)->Run(source, [&](std::vector<Outcome>& batch) {
    for (const Outcome& o : batch) {
      for (const Failure& f : o.failures) out += "failure [" + f.stage + "] " + f.status.ToString() + "\n";
      if (o.doc) out += DumpDoc(*o.doc, {.full_path = false, .redact_text = redact}) + "\n";
    }
    return Status::Ok();
  });
  EXPECT_TRUE(run.ok()) << run.ToString();
  return out;
}

void CheckGolden(const std::string& name, const std::string& actual) {
  std::filesystem::path golden = std::filesystem::path(SITREP_SOURCE_DIR) / "tests/golden" / name;
  if (std::getenv("SITREP_UPDATE_GOLDEN")) {
    std::ofstream(golden, std::ios::binary) << actual;
    GTEST_SKIP() << "rewrote " << golden;
  }
  ASSERT_TRUE(std::filesystem::exists(golden)) << golden << " is missing: run with SITREP_UPDATE_GOLDEN=1";
  EXPECT_EQ(ReadFile(golden), actual) << "golden file " << golden << " differs";
}

TEST(Golden, Seeds) {
  if (!std::filesystem::exists(testing::SeedsDir())) GTEST_SKIP() << "no ../shared/seeds";
  for (const auto& entry : std::filesystem::directory_iterator(testing::SeedsDir())) {
    if (entry.path().extension() != ".txt") continue;
    SCOPED_TRACE(entry.path().filename().string());
    CheckGolden("seed_" + entry.path().stem().string() + ".dump", DumpAll(entry.path().string(), true));
  }
}

TEST(Golden, Examples) {
  CheckGolden("examples_news.dump", DumpAll(std::string(SITREP_SOURCE_DIR) + "/examples/news", false));
}

}  // namespace
}  // namespace sitrep
