#include "eval/extraction_eval.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace sitrep {
namespace {

std::vector<std::string> Tokens(std::string_view text) {
  std::vector<std::string> out;
  for (std::string_view t : WordTokens(text)) out.emplace_back(t);
  return out;
}

TEST(WordTokens, AsciiWordsDigitsAndUnderscore) {
  EXPECT_EQ(Tokens("It's 9:30, snake_case--done!"),
            (std::vector<std::string>{"It", "s", "9", "30", "snake_case", "done"}));
  EXPECT_TRUE(Tokens("").empty());
  EXPECT_TRUE(Tokens(" ,.;- ").empty());
}

// Checked against Python's re.findall(r'\w+', ...) by hand.
TEST(WordTokens, UnicodeAsPythonReadsIt) {
  EXPECT_EQ(Tokens("na\u00EFve caf\u00E9_au-lait 3\u00BD \u6771\u4EAC \u0663 \u216B x\u00B2"),
            (std::vector<std::string>{"na\u00EFve", "caf\u00E9_au", "lait", "3\u00BD", "\u6771\u4EAC",
                                      "\u0663", "\u216B", "x\u00B2"}));
  // A combining mark is not a word character: it splits the word.
  EXPECT_EQ(Tokens("cafe\u0301s"), (std::vector<std::string>{"cafe", "s"}));
  EXPECT_EQ(Tokens("\u0939\u093F\u0928\u094D\u0926\u0940"),
            (std::vector<std::string>{"\u0939", "\u0928", "\u0926"}));
  // No-break spaces and typographic quotes separate words.
  EXPECT_EQ(Tokens("\u201CYes\u201D\u00A0no"), (std::vector<std::string>{"Yes", "no"}));
}

TEST(WordTokens, InvalidUtf8SplitsButNeverFails) {
  EXPECT_EQ(Tokens("ab\xFF" "cd\xC3"), (std::vector<std::string>{"ab", "cd"}));
}

TEST(MatchShingles, IdenticalTextsMatchFully) {
  ShingleMatch m = MatchShingles("a b c d e", "a  b\nc, d. e");
  EXPECT_DOUBLE_EQ(m.tp, 1.0);
  EXPECT_DOUBLE_EQ(m.fp, 0.0);
  EXPECT_DOUBLE_EQ(m.fn, 0.0);
}

// Truth shingles {1234, 2345}, predicted {1234, 2346}: one of each kind, a third each.
TEST(MatchShingles, OneWrongWordAtTheEnd) {
  ShingleMatch m = MatchShingles("one two three four five", "one two three four six");
  EXPECT_DOUBLE_EQ(m.tp, 1.0 / 3);
  EXPECT_DOUBLE_EQ(m.fp, 1.0 / 3);
  EXPECT_DOUBLE_EQ(m.fn, 1.0 / 3);
}

// Fewer than four tokens make one shingle of all of them; tokens keep their case.
TEST(MatchShingles, ShortTextsAreOneShingle) {
  EXPECT_DOUBLE_EQ(MatchShingles("Hello world", "Hello, world!").tp, 1.0);
  ShingleMatch m = MatchShingles("Hello world", "hello world");
  EXPECT_DOUBLE_EQ(m.tp, 0.0);
  EXPECT_DOUBLE_EQ(m.fp, 0.5);
  EXPECT_DOUBLE_EQ(m.fn, 0.5);
  // "a b c" is not a shingle of "a b c d": lengths differ.
  EXPECT_DOUBLE_EQ(MatchShingles("a b c d", "a b c").tp, 0.0);
}

// Truth x y z w x y z w has shingles xyzw twice, yzwx, zwxy, wxyz; the prediction has
// xyzw once: tp 1, fp 0, fn 4, so 0.2 / 0 / 0.8.
TEST(MatchShingles, ShinglesAreAMultiset) {
  ShingleMatch m = MatchShingles("x y z w x y z w", "x y z w");
  EXPECT_DOUBLE_EQ(m.tp, 0.2);
  EXPECT_DOUBLE_EQ(m.fp, 0.0);
  EXPECT_DOUBLE_EQ(m.fn, 0.8);
}

TEST(MatchShingles, EmptyTexts) {
  ShingleMatch none = MatchShingles("", "...");
  EXPECT_EQ(none.tp + none.fp + none.fn, 0.0);
  ShingleMatch missed = MatchShingles("a b c d", "");
  EXPECT_DOUBLE_EQ(missed.fn, 1.0);
}

TEST(SameTokens, IgnoresEverythingButTokens) {
  EXPECT_TRUE(SameTokens("A b, c.\n\nD!", "A b c D"));
  EXPECT_FALSE(SameTokens("A b c D", "A b c d"));
  EXPECT_TRUE(SameTokens("", " - "));
}

// Page 1: P 0.5, R 0.5. Page 2: nothing predicted, so no precision; recall 0. Page 3:
// both empty, in neither mean, but exact. P = 0.5, R = 0.25, F1 = 1/3, accuracy = 1/3.
TEST(Summarise, AveragesOverThePagesThatHaveEach) {
  std::vector<PageScore> pages = {ScorePage("one two three four five", "one two three four six"),
                                  ScorePage("a b c d", ""), ScorePage("", "")};
  ExtractionScore s = Summarise(pages);
  EXPECT_DOUBLE_EQ(s.precision, 0.5);
  EXPECT_DOUBLE_EQ(s.recall, 0.25);
  EXPECT_DOUBLE_EQ(s.f1, 1.0 / 3);
  EXPECT_DOUBLE_EQ(s.accuracy, 1.0 / 3);
}

// Truth a b c d e (shingles abcd, bcde); the prediction goes on with f g h i (abcd bcde
// cdef defg efgh fghi): tp 2, fp 4, so P = 1/3 and R = 1.
TEST(Summarise, ExtraTextCostsPrecisionOnly) {
  ExtractionScore s = Summarise({ScorePage("a b c d e", "a b c d e f g h i")});
  EXPECT_DOUBLE_EQ(s.precision, 1.0 / 3);
  EXPECT_DOUBLE_EQ(s.recall, 1.0);
  EXPECT_DOUBLE_EQ(s.f1, 0.5);
  EXPECT_DOUBLE_EQ(s.accuracy, 0.0);
}

TEST(Summarise, NoPagesIsAllZero) {
  ExtractionScore s = Summarise({});
  EXPECT_EQ(s.f1, 0.0);
  EXPECT_EQ(s.accuracy, 0.0);
}

TEST(BootstrapSpread, ZeroForIdenticalPagesAndRepeatable) {
  std::vector<PageScore> same(10, ScorePage("a b c d", "a b c d"));
  EXPECT_EQ(BootstrapSpread(same).f1, 0.0);
  std::vector<PageScore> mixed = {ScorePage("a b c d", "a b c d"), ScorePage("a b c d", "e f g h")};
  ExtractionScore a = BootstrapSpread(mixed, 200, 7), b = BootstrapSpread(mixed, 200, 7);
  EXPECT_GT(a.recall, 0.0);
  EXPECT_EQ(a.recall, b.recall);
}

TEST(ScoreLine, ThreeDecimals) {
  EXPECT_EQ(ScoreLine({0.97049, 0.96, 0.981, 0.3}),
            "extraction: f1=0.970 precision=0.960 recall=0.981 accuracy=0.300");
}

std::string WriteTemp(const std::string& name, const std::string& content) {
  std::string path = testing::TempDir() + name;
  std::ofstream(path) << content;
  return path;
}

TEST(ReadArticleBodies, PlainAndWrappedFiles) {
  auto plain = ReadArticleBodies(
      WriteTemp("plain.json", R"({"a": {"articleBody": "Text", "url": "u"}, "b": {"articleBody": null}, "c": {}})"));
  ASSERT_TRUE(plain.ok()) << plain.status().ToString();
  EXPECT_EQ(plain->at("a"), "Text");
  EXPECT_EQ(plain->at("b"), "");
  EXPECT_EQ(plain->at("c"), "");
  auto wrapped = ReadArticleBodies(WriteTemp("wrapped.json", R"({"version": "1", "output": {"a": {"articleBody": "X"}}})"));
  ASSERT_TRUE(wrapped.ok());
  EXPECT_EQ(wrapped->size(), 1u);
}

TEST(ReadArticleBodies, ErrorsNameTheFile) {
  auto missing = ReadArticleBodies("/nonexistent/ground-truth.json");
  EXPECT_EQ(missing.status().code(), Code::kNotFound);
  auto bad = ReadArticleBodies(WriteTemp("bad.json", "{\"a\": "));
  EXPECT_EQ(bad.status().code(), Code::kParse);
  EXPECT_NE(bad.status().ToString().find("bad.json"), std::string::npos);
  auto wrong = ReadArticleBodies(WriteTemp("wrong.json", R"({"a": {"articleBody": 3}})"));
  EXPECT_EQ(wrong.status().code(), Code::kParse);
}

}  // namespace
}  // namespace sitrep
