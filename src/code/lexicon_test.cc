#include "code/lexicon.h"

#include <gtest/gtest.h>

#include "code/cameo_table.h"
#include "code/wordnet.h"

namespace sitrep::code {
namespace {

TEST(PredicateLexicon, ParsesEntriesAndNamesBadLines) {
  std::vector<std::string> warnings;
  PredicateLexicon lex = PredicateLexicon::Parse(
      "# comment\n"
      "V\tmeet\t-\tCONSULT\t-\t040\tdiplomatic\n"
      "V\tcall\ton\tCONSULT\tvisit\t042\tdiplomatic\n"
      "V\tbroken line\n"
      "X\tfoo\t-\tCONSULT\t-\t040\t-\n"
      "V\tfoo\t-\tNOTATYPE\t-\t040\t-\n"
      "V\tbar\t-\tACCUSE\t-\t999\t-\n"
      "N\tmeeting\t-\tCONSULT\t-\t040\tdiplomatic\n",
      "test.tsv", &warnings);
  EXPECT_EQ(lex.size(), 3u);
  ASSERT_EQ(warnings.size(), 4u);
  EXPECT_EQ(warnings[0].rfind("test.tsv:4:", 0), 0u) << warnings[0];
  EXPECT_EQ(warnings[3].rfind("test.tsv:7:", 0), 0u) << warnings[3];
  ASSERT_EQ(lex.Find('V', "call").size(), 1u);
  EXPECT_EQ(lex.Find('V', "call")[0].pattern, "on");
  EXPECT_TRUE(lex.Has('N', "meeting"));
  EXPECT_FALSE(lex.Has('V', "meeting"));
}

TEST(PredicateLexicon, DefaultLoadsWithoutWarnings) {
  std::vector<std::string> warnings;
  PredicateLexicon lex = PredicateLexicon::Parse(EmbeddedPredicatesTsv(), "predicates.tsv", &warnings);
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  EXPECT_GT(lex.size(), 100u);
  EXPECT_GE(PredicateLexicon::Default().size(), lex.size());
}

TEST(ActorLexicon, DefaultLoadsWithoutWarnings) {
  std::vector<std::string> warnings;
  ActorLexicon lex = ActorLexicon::Parse(EmbeddedActorsTsv(), "actors.tsv", &warnings);
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  ASSERT_NE(lex.Find("chief of army staff"), nullptr);
  EXPECT_EQ(lex.Find("chief of army staff")->code, "MIL");
  ASSERT_NE(lex.Find("washington"), nullptr);
  EXPECT_EQ(lex.Find("washington")->code, "USA");
  EXPECT_GE(lex.max_words(), 3);
}

TEST(CameoTable, FactsAndFallbackToParent) {
  auto phone = LookupCameo("041");
  ASSERT_TRUE(phone);
  EXPECT_EQ(phone->quad_class, 1);
  EXPECT_DOUBLE_EQ(phone->goldstein, 1.0);
  auto sanction = LookupCameo("163");
  ASSERT_TRUE(sanction);
  EXPECT_EQ(sanction->quad_class, 4);
  auto child = LookupCameo("0419");  // not listed: its parent answers
  ASSERT_TRUE(child);
  EXPECT_EQ(child->code, "041");
  EXPECT_FALSE(LookupCameo("99"));
  EXPECT_TRUE(IsPloverEventType("ASSAULT"));
  EXPECT_FALSE(IsPloverEventType("STATEMENT"));
}

TEST(WordNet, GrowsOnlyFromFirstSenseAndKeepsCodes) {
  PredicateLexicon lex = PredicateLexicon::Parse("V\tcondemn\t-\tACCUSE\tdisapprove\t111\tdiplomatic\n", "t", nullptr);
  int added = GrowWithWordNet(&lex, DefaultWordNetDir());
  if (added == 0) GTEST_SKIP() << "WordNet data not installed at " << DefaultWordNetDir();
  for (const std::string& lemma : lex.Lemmas('V')) {
    ASSERT_FALSE(lex.Find('V', lemma).empty());
    EXPECT_EQ(lex.Find('V', lemma)[0].cameo, "111") << lemma;
  }
  EXPECT_EQ(GrowWithWordNet(&lex, "/nonexistent"), 0);
}

}  // namespace
}  // namespace sitrep::code
