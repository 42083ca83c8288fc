// The words full-text search indexes: what separates words, how they are folded, and
// that no input (bytes that are not UTF-8, very long words) can make a bad lexeme.
#include "text/search_words.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sitrep {
namespace {

std::vector<std::string> Lexemes(std::string_view text, bool keep_stopwords = true) {
  std::vector<std::string> out;
  SearchWord word;
  for (SearchWords w(text); w.Next(&word);)
    if (keep_stopwords || !word.stopword) out.emplace_back(word.lexeme);
  return out;
}

using Words = std::vector<std::string>;

TEST(SearchWords, PunctuationSeparatesAndCaseIsFolded) {
  EXPECT_EQ(Lexemes("Dar's al-Qaeda visit, 3.5 km (NEAR) Lahore!"),
            (Words{"dar", "s", "al", "qaeda", "visit", "3", "5", "km", "near", "lahore"}));
  EXPECT_EQ(Lexemes("'it''s' : & | ! \\ <-> *"), (Words{"it", "s"}));
  EXPECT_TRUE(Lexemes(" \t\n--—…").empty());
}

TEST(SearchWords, SpansAreTheWordsBytes) {
  const std::string text = "The café, reopened";
  std::vector<Span> spans;
  SearchWord word;
  for (SearchWords w(text); w.Next(&word);) spans.push_back(word.span);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(text.substr(spans[1].begin, spans[1].size()), "café");
  EXPECT_EQ(text.substr(spans[2].begin, spans[2].size()), "reopened");
}

TEST(SearchWords, LatinDiacriticsAreRemovedOtherScriptsKept) {
  EXPECT_EQ(Lexemes("Café CAFÉ Ürümqi Señor Ångström"),
            (Words{"cafe", "cafe", "urumqi", "senor", "angstrom"}));
  // A decomposed accent (e + U+0301) folds like the composed one.
  EXPECT_EQ(Lexemes("cafe\xCC\x81"), (Words{"cafe"}));
  EXPECT_EQ(Lexemes("Straße ΑΘΉΝΑ Москва"), (Words{"straße", "αθηνα", "москва"}));
  // Urdu and Hindi words stay whole, their vowel signs with them.
  EXPECT_EQ(Lexemes("پاکستان کراچی"), (Words{"پاکستان", "کراچی"}));
  EXPECT_EQ(Lexemes("नमस्ते दिल्ली"), (Words{"नमस्ते", "दिल्ली"}));
  EXPECT_EQ(Lexemes("東京"), (Words{"東京"}));
}

TEST(SearchWords, StopwordsAreMarkedNotDropped) {
  EXPECT_EQ(Lexemes("The minister of defence", /*keep_stopwords=*/false), (Words{"minister", "defence"}));
  EXPECT_TRUE(IsSearchStopword("the"));
  EXPECT_TRUE(IsSearchStopword("with"));
  EXPECT_FALSE(IsSearchStopword("theory"));
  EXPECT_FALSE(IsSearchStopword("us"));
  EXPECT_FALSE(IsSearchStopword(""));
}

TEST(SearchWords, BadBytesSeparateAndLongWordsAreCut) {
  EXPECT_EQ(Lexemes("ab\xFF" "cd\xC3"), (Words{"ab", "cd"}));
  EXPECT_EQ(Lexemes(std::string("a\0b", 3)), (Words{"a", "b"}));
  const std::string long_word(5000, 'x');
  Words words = Lexemes(long_word + " end");
  ASSERT_EQ(words.size(), 2u);
  EXPECT_EQ(words[0].size(), kMaxLexemeBytes);
  // Cut at a character boundary: still valid UTF-8.
  std::string accented;
  for (int i = 0; i < 3000; ++i) accented += "é";
  words = Lexemes(accented);
  ASSERT_EQ(words.size(), 1u);
  EXPECT_LE(words[0].size(), kMaxLexemeBytes);
  EXPECT_EQ(words[0], std::string(words[0].size(), 'e'));
}

}  // namespace
}  // namespace sitrep
