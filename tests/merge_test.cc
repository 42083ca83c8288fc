// Pipe mode: `sitrep annotate --format coded` on the seeds, split into shards, and
// `sitrep merge` of the shards in another order gives the same store as `sitrep ingest`
// (documents, layers, events and mentions, compared by content); merging again changes
// nothing; a damaged line is reported with its file and line and the rest is stored.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/test_util.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;
using testing::QueryOne;
using testing::RunCommand;
using testing::Sitrep;

// What a store holds, independent of row ids: documents by content, with their text,
// metadata, tokens and layers, and every event mention with its event's fields.
std::string Content(const std::string& db) {
  return QueryOne(db,
                  "SELECT group_concat(x, char(10)) FROM (SELECT d.content_hash || ' ' || length(d.clean_text) || ' ' ||"
                  " d.metadata || d.tokens || d.sentences || d.layers AS x FROM documents d ORDER BY d.content_hash)") +
         QueryOne(db,
                  "SELECT group_concat(x, char(10)) FROM (SELECT d.content_hash || ' ' || a.layer || a.seq || ' ' ||"
                  " a.span_begin || '-' || a.span_end || a.label || ifnull(a.attrs, '') AS x FROM annotations a"
                  " JOIN documents d ON d.id = a.doc_id ORDER BY 1)") +
         QueryOne(db,
                  "SELECT group_concat(x, char(10)) FROM (SELECT d.content_hash || ' ' || m.evidence_begin || '-' ||"
                  " m.evidence_end || ' ' || e.date || e.type || ifnull(e.cameo, '') || ifnull(e.source_actor, '') ||"
                  " '>' || ifnull(e.target_actor, '') AS x FROM events e JOIN event_mentions m ON m.event_id = e.id"
                  " JOIN documents d ON d.id = m.doc_id ORDER BY 1)");
}

std::vector<std::string> Lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

void Write(const fs::path& path, const std::vector<std::string>& lines) {
  std::ofstream out(path);
  for (const std::string& l : lines) out << l << "\n";
}

TEST(MergeCommand, ShardsInAnyOrderGiveTheStoreIngestGives) {
  if (!fs::exists(testing::SeedsDir())) GTEST_SKIP() << "no ../shared/seeds";
  testing::TempDir dir("merge");
  const std::string coded = (dir.path() / "seeds.coded").string();
  // In a subshell, so the runner's 2>&1 leaves standard error out of the shard.
  auto annotate =
      RunCommand("(" + Sitrep() + " annotate --threads 1 --format coded " + testing::SeedsDir() + " > " + coded + ")");
  ASSERT_EQ(annotate.exit_code, 0) << annotate.output;
  std::vector<std::string> lines = Lines(coded);
  ASSERT_EQ(lines.size(), 5u);
  Write(dir.path() / "a", {lines[0], lines[1]});
  Write(dir.path() / "b", {lines[2], lines[3], lines[4]});

  const std::string merged = (dir.path() / "merged.db").string(), ingested = (dir.path() / "ingested.db").string();
  auto merge = RunCommand(Sitrep() + " merge " + (dir.path() / "b").string() + " " + (dir.path() / "a").string() +
                          " --db " + merged);
  ASSERT_EQ(merge.exit_code, 0) << merge.output;
  EXPECT_NE(merge.output.find("5 documents added"), std::string::npos) << merge.output;
  ASSERT_EQ(RunCommand(Sitrep() + " ingest -q --threads 1 " + testing::SeedsDir() + " --db " + ingested).exit_code, 0);
  const std::string want = Content(ingested);
  EXPECT_FALSE(want.empty());
  EXPECT_EQ(Content(merged), want);

  // A shard delivered twice is stored once.
  auto again = RunCommand(Sitrep() + " merge " + (dir.path() / "a").string() + " --db " + merged);
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("0 documents added (0 new revisions), 2 unchanged"), std::string::npos) << again.output;
  EXPECT_EQ(Content(merged), want);
}

TEST(MergeCommand, ADamagedLineIsNamedAndTheRestIsStored) {
  if (!fs::exists(testing::SeedsDir())) GTEST_SKIP() << "no ../shared/seeds";
  testing::TempDir dir("merge-bad");
  const std::string coded = (dir.path() / "seeds.coded").string();
  ASSERT_EQ(
      RunCommand("(" + Sitrep() + " annotate --threads 1 --format coded " + testing::SeedsDir() + " > " + coded + ")")
          .exit_code,
      0);
  std::vector<std::string> lines = Lines(coded);
  ASSERT_EQ(lines.size(), 5u);
  std::string edited = lines[1];
  const size_t at = edited.find("\"text\":\"");
  ASSERT_NE(at, std::string::npos);
  edited.insert(at + 8, "X");  // the text no longer matches its hash
  const fs::path shard = dir.path() / "shard";
  Write(shard, {lines[0], "{not json", edited, lines[2]});
  const std::string db = (dir.path() / "m.db").string();
  auto merge = RunCommand(Sitrep() + " merge " + shard.string() + " --db " + db);
  EXPECT_EQ(merge.exit_code, 1) << merge.output;
  EXPECT_NE(merge.output.find(shard.string() + ":2"), std::string::npos) << merge.output;
  EXPECT_NE(merge.output.find(shard.string() + ":3"), std::string::npos) << merge.output;
  EXPECT_NE(merge.output.find("text hash"), std::string::npos) << merge.output;
  EXPECT_EQ(QueryOne(db, "SELECT count(*) FROM documents"), "2");
}

}  // namespace
}  // namespace sitrep
