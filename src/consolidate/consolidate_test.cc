// Unit tests of consolidation on hand-made inputs: MinHash copies, clustering scores,
// and story grouping (time windows, order independence).
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <sstream>

#include "consolidate/near_duplicates.h"
#include "consolidate/story_scores.h"
#include "consolidate/stories.h"

namespace sitrep {
namespace {

std::vector<std::string> Words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// A pseudo-article of `n` words drawn from a vocabulary by `seed`.
std::vector<std::string> RandomWords(unsigned seed, int n) {
  std::mt19937 rng(seed);
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) out.push_back("w" + std::to_string(rng() % 5000));
  return out;
}

TEST(NearDuplicates, IdenticalTextsHaveIdenticalSignatures) {
  auto w = RandomWords(1, 200);
  EXPECT_EQ(SignatureSimilarity(MinHashSignature(w, 5), MinHashSignature(w, 5)), 1.0);
}

TEST(NearDuplicates, CopiesPointToTheEarliestAndStrangersStayApart) {
  auto original = RandomWords(7, 300);
  auto copy = original;
  copy[150] = "edited";                             // a light edit
  copy.insert(copy.begin(), {"by", "wire", "desk"});  // a syndication credit
  auto other = RandomWords(8, 300);
  // The copy arrives first but was published later (order 5 > 2).
  auto copy_of = FindNearDuplicates({copy, other, original}, {5, 1, 2});
  EXPECT_EQ(copy_of, (std::vector<int>{2, -1, -1}));
}

TEST(NearDuplicates, ShortTextsAndEmptyOnes) {
  auto copy_of = FindNearDuplicates({Words("a b"), {}, Words("a b")}, {0, 0, 0});
  EXPECT_EQ(copy_of, (std::vector<int>{-1, -1, 0}));
}

TEST(NearDuplicates, ManyDocumentsInLinearTime) {
  std::vector<std::vector<std::string>> docs;
  for (unsigned i = 0; i < 3000; ++i) docs.push_back(RandomWords(100 + i, 120));
  for (unsigned i = 0; i < 50; ++i) docs.push_back(docs[i * 7]);  // exact copies
  auto copy_of = FindNearDuplicates(docs, std::vector<int64_t>(docs.size(), 0));
  int copies = 0;
  for (size_t i = 0; i < copy_of.size(); ++i) copies += copy_of[i] >= 0;
  EXPECT_EQ(copies, 50);
  EXPECT_EQ(copy_of[3000], 0);
}

TEST(ClusterScores, PerfectAndOneMerge) {
  std::map<std::string, std::string> gold = {{"a", "1"}, {"b", "1"}, {"c", "2"}, {"d", "3"}};
  ClusterScores same = ScoreClustering(gold, gold);
  EXPECT_DOUBLE_EQ(same.pair_f1, 1.0);
  EXPECT_DOUBLE_EQ(same.bcubed_f1, 1.0);
  // c and d wrongly merged: pairs: system {ab, cd}, gold {ab}: p = 1/2, r = 1.
  std::map<std::string, std::string> sys = {{"a", "x"}, {"b", "x"}, {"c", "y"}, {"d", "y"}};
  ClusterScores s = ScoreClustering(sys, gold);
  EXPECT_DOUBLE_EQ(s.pair_p, 0.5);
  EXPECT_DOUBLE_EQ(s.pair_r, 1.0);
  // B-cubed precision: a, b: 1; c, d: 1/2 -> 0.75; recall 1.
  EXPECT_DOUBLE_EQ(s.bcubed_p, 0.75);
  EXPECT_DOUBLE_EQ(s.bcubed_r, 1.0);
}

DocFeatures Features(const std::string& key, const std::string& terms, const std::string& names, int64_t day) {
  DocFeatures f;
  f.key = key;
  f.terms = Words(terms);
  f.names = Words(names);
  if (day >= 0) f.when.first = f.when.last = day, f.dated = true;
  return f;
}

std::vector<DocFeatures> Corpus() {
  return {
      Features("k1", "minister meet envoy talk trade security", "PER:dar PER:bass LOC:islamabad", 100),
      Features("k2", "envoy call minister talk security cooperation", "PER:bass PER:dar LOC:islamabad", 101),
      Features("k3", "minister meet envoy talk trade energy", "PER:dar PER:bass PER:horst", -1),
      // Same topic and people a month later: another story.
      Features("k4", "minister meet envoy talk trade security", "PER:dar PER:blome LOC:washington", 135),
      Features("k5", "flood rain river village rescue", "LOC:sindh ORG:ndma", 100),
      Features("k6", "rain flood rescue boat village", "LOC:sindh", 102),
      Features("k7", "election vote count result parliament", "LOC:jakarta PER:prabowo", 50),
  };
}

// The partition as a set of sorted key lists, which does not depend on indexes.
std::set<std::vector<std::string>> Partition(const std::vector<DocFeatures>& docs, const StoryGrouping& g) {
  std::set<std::vector<std::string>> out;
  for (const auto& members : g.stories) {
    std::vector<std::string> keys;
    for (int m : members) keys.push_back(docs[m].key);
    std::sort(keys.begin(), keys.end());
    out.insert(keys);
  }
  return out;
}

TEST(Stories, GroupsByContentAndKeepsAMonthApartSeparate) {
  auto docs = Corpus();
  auto g = GroupStories(docs, {});
  EXPECT_EQ(g.story_of[0], g.story_of[1]);
  EXPECT_EQ(g.story_of[0], g.story_of[2]);  // undated: joins by content
  EXPECT_NE(g.story_of[0], g.story_of[3]);  // a month later
  EXPECT_EQ(g.story_of[4], g.story_of[5]);
  EXPECT_NE(g.story_of[4], g.story_of[0]);
  EXPECT_NE(g.story_of[6], g.story_of[0]);
  EXPECT_EQ(g.stories.size(), 4u);
}

TEST(Stories, SameResultInAnyArrivalOrder) {
  auto docs = Corpus();
  auto expected = Partition(docs, GroupStories(docs, {}));
  std::mt19937 rng(3);
  for (int round = 0; round < 20; ++round) {
    std::shuffle(docs.begin(), docs.end(), rng);
    auto g = GroupStories(docs, {});
    EXPECT_EQ(Partition(docs, g), expected);
  }
}

TEST(Stories, CopiesFollowTheirOriginal) {
  auto docs = Corpus();
  docs.push_back(Features("k8", "unrelated words entirely", "LOC:nowhere", 100));
  std::vector<int> copy_of(docs.size(), -1);
  copy_of[7] = 4;
  auto g = GroupStories(docs, copy_of);
  EXPECT_EQ(g.story_of[7], g.story_of[4]);
}

}  // namespace
}  // namespace sitrep
