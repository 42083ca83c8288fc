// Tests of Store::ReplaceStories on a real SQLite file: ids stay with labels from one
// run to the next, dropped stories go, unknown documents are refused whole.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "sitrep/store.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

Doc PlainDoc(const std::string& path, const std::string& text) {
  return Doc({path, 0, "text"}, text, text, OffsetMap::Identity(static_cast<uint32_t>(text.size())), Metadata{});
}

class StoriesStore : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("sitrep-stories-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    auto store = Store::Open((dir_ / "s.db").string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
    std::vector<Outcome> batch;
    for (int i = 0; i < 3; ++i) {
      Outcome o;
      o.doc = PlainDoc("doc" + std::to_string(i) + ".txt", "Text number " + std::to_string(i) + ".");
      batch.push_back(std::move(o));
    }
    ASSERT_TRUE(store_->WriteBatch(batch).ok());
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  fs::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoriesStore, IdsFollowLabelsAcrossRuns) {
  auto first = store_->ReplaceStories({{"aaa", {1, 2}}, {"bbb", {3}}});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_EQ(first->size(), 2u);
  // Document 2 moves to the second story; a third story appears; the first keeps its id.
  auto second = store_->ReplaceStories({{"bbb", {2, 3}}, {"aaa", {1}}});
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ((*second)[0], (*first)[1]);
  EXPECT_EQ((*second)[1], (*first)[0]);
  auto story = store_->GetStory((*first)[1]);
  ASSERT_TRUE(story.ok());
  EXPECT_EQ(story->doc_ids, (std::vector<int64_t>{2, 3}));
  auto summary = store_->Summary();
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->stories, 2u);
  // A run without "aaa" deletes it.
  ASSERT_TRUE(store_->ReplaceStories({{"bbb", {1, 2, 3}}}).ok());
  EXPECT_EQ(store_->Summary()->stories, 1u);
  EXPECT_FALSE(store_->GetStory((*first)[0]).ok());
}

TEST_F(StoriesStore, UnknownDocumentRollsBackEverything) {
  ASSERT_TRUE(store_->ReplaceStories({{"aaa", {1}}}).ok());
  auto bad = store_->ReplaceStories({{"ccc", {2}}, {"ddd", {99}}});
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(store_->Summary()->stories, 1u);
  EXPECT_FALSE(store_->ReplaceStories({{"", {1}}}).ok());
  EXPECT_FALSE(store_->ReplaceStories({{"x", {1}}, {"x", {2}}}).ok());
}

}  // namespace
}  // namespace sitrep
