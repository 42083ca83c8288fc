#include "sitrep/pipeline.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace sitrep {
namespace {

namespace fs = std::filesystem;

class NeedsLayer : public Stage {
 public:
  std::string name() const override { return "needs"; }
  std::vector<std::string> reads() const override { return {"nothing-writes-this"}; }
  std::vector<std::string> writes() const override { return {}; }
  Status Process(Doc&) const override { return Status::Ok(); }
};

// Fails on documents whose text mentions "boom", and throws on "throw": a stand-in for
// a stage with a bug, to show one document's trouble never stops the others.
class Fussy : public Stage {
 public:
  std::string name() const override { return "fussy"; }
  std::vector<std::string> reads() const override { return {}; }
  std::vector<std::string> writes() const override { return {"fussy"}; }
  Status Process(Doc& doc) const override {
    if (doc.text().find("boom") != std::string::npos) return Status(Code::kInternal, "boom").At("", 0);
    if (doc.text().find("throw") != std::string::npos) throw std::runtime_error("thrown");
    doc.SetLayer("fussy", {{{0, 1}, "ok", ""}});
    return Status::Ok();
  }
};

Record TextRecord(const std::string& name, const std::string& text) {
  Record r;
  r.origin = {name, 0, "text"};
  r.format = Format::kText;
  r.bytes = text;
  return r;
}

TEST(Pipeline, RefusesAStageThatReadsAnUnwrittenLayer) {
  Pipeline p({});
  Status s = p.Add(std::make_unique<NeedsLayer>());
  EXPECT_EQ(s.code(), Code::kInvalidArgument);
  EXPECT_NE(s.message().find("nothing-writes-this"), std::string::npos);
}

TEST(Pipeline, StageFailuresAreRecordedAndTheDocumentKept) {
  Pipeline p({});
  ASSERT_TRUE(p.Add(std::make_unique<Fussy>()).ok());
  Outcome boom = p.RunOne(TextRecord("a.txt", "It went boom."));
  ASSERT_TRUE(boom.doc);
  ASSERT_EQ(boom.failures.size(), 1u);
  EXPECT_EQ(boom.failures[0].stage, "fussy");
  EXPECT_EQ(boom.failures[0].status.file(), "a.txt");
  Outcome thrown = p.RunOne(TextRecord("b.txt", "Please throw."));
  ASSERT_EQ(thrown.failures.size(), 1u);
  EXPECT_EQ(thrown.failures[0].status.code(), Code::kInternal);
  Outcome fine = p.RunOne(TextRecord("c.txt", "All fine."));
  EXPECT_TRUE(fine.failures.empty());
  EXPECT_NE(fine.doc->Layer("fussy"), nullptr);
}

TEST(Pipeline, ReadFailuresBecomeFailureOutcomes) {
  Pipeline p({});
  Outcome empty = p.RunOne(TextRecord("empty.txt", "  \n"));
  EXPECT_FALSE(empty.doc);
  ASSERT_EQ(empty.failures.size(), 1u);
  EXPECT_EQ(empty.failures[0].stage, "ingest");
  EXPECT_EQ(empty.failures[0].status.code(), Code::kEmpty);
  EXPECT_NE(empty.failures[0].status.ToString().find("empty.txt"), std::string::npos);
}

TEST(Pipeline, OutputOrderIsInputOrderWhateverTheThreads) {
  fs::path dir = fs::temp_directory_path() / ("sitrep_pipe_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (int i = 0; i < 300; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "doc%04d.txt", i);
    // Sizes vary so that threads finish out of order.
    std::ofstream(dir / name) << "Article number " << i << ". " << std::string((i * 7919) % 5000, 'x') << "\n";
  }
  for (unsigned threads : {1u, 2u, 4u}) {
    PipelineOptions options;
    options.threads = threads;
    options.batch_size = 64;
    auto pipeline = MakeDefaultPipeline(options);
    ASSERT_TRUE(pipeline.ok());
    RecordSource source({dir.string()}, {});
    std::vector<std::string> seen;
    Status run = (*pipeline)->Run(source, [&](std::vector<Outcome>& batch) {
      for (auto& o : batch) seen.push_back(fs::path(o.origin.path).filename().string());
      return Status::Ok();
    });
    ASSERT_TRUE(run.ok());
    ASSERT_EQ(seen.size(), 300u);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end())) << threads << " threads";
  }
  fs::remove_all(dir);
}

TEST(Pipeline, ASinkErrorStopsTheRun) {
  Pipeline p({});
  RecordSource source({SITREP_SOURCE_DIR "/examples/news"}, {});
  int calls = 0;
  Status run = p.Run(source, [&](std::vector<Outcome>&) {
    ++calls;
    return Status(Code::kStore, "disk full");
  });
  EXPECT_EQ(run.code(), Code::kStore);
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace sitrep
