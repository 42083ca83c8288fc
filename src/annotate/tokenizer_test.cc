#include "annotate/tokenizer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <string>
#include <vector>

#include "annotate/tokenizer_eval.h"

namespace sitrep {
namespace {

// The tokens of `text` (one paragraph), as strings.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  for (const Token& token : Tokenize(text, {0, static_cast<uint32_t>(text.size())}))
    words.emplace_back(text.substr(token.span.begin, token.span.size()));
  return words;
}

using W = std::vector<std::string>;

// Checks the invariants every tokenization keeps, whatever the input: tokens are
// non-empty, in order, inside `within`, and never contain an ASCII space or newline.
void ExpectWellFormed(std::string_view text, Span within, const std::vector<Token>& tokens) {
  uint32_t previous_end = within.begin;
  for (const Token& token : tokens) {
    ASSERT_LT(token.span.begin, token.span.end);
    ASSERT_GE(token.span.begin, previous_end);
    ASSERT_LE(token.span.end, within.end);
    for (uint32_t i = token.span.begin; i < token.span.end; ++i) {
      ASSERT_NE(text[i], ' ');
      ASSERT_NE(text[i], '\n');
    }
    previous_end = token.span.end;
  }
}

struct Case {
  std::string text;
  W words;
};

void ExpectCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) EXPECT_EQ(Words(c.text), c.words) << "input: " << c.text;
}

TEST(Tokenizer, SplitsCliticsLikeEwt) {
  ExpectCases({
      {"Pakistan\u2019s army", {"Pakistan", "\u2019s", "army"}},
      {"the minister's aide", {"the", "minister", "'s", "aide"}},
      {"They don't know.", {"They", "do", "n't", "know", "."}},
      {"We can't, we won't.", {"We", "ca", "n't", ",", "we", "wo", "n't", "."}},
      {"I\u2019d say I'm sure they're right and we'll see, you've seen", {"I", "\u2019d", "say", "I", "'m", "sure", "they", "'re", "right", "and", "we", "'ll", "see", ",", "you", "'ve", "seen"}},
      {"DON'T", {"DO", "N'T"}},
      {"gonna wanna gotta cannot", {"gon", "na", "wan", "na", "got", "ta", "can", "not"}},
      {"dont im", {"do", "nt", "i", "m"}},
      {"the agents\u2019 link", {"the", "agents", "\u2019", "link"}},
      {"O'Connell and ma'am", {"O'Connell", "and", "ma'am"}},
      {"its a trap; its roots", {"it", "s", "a", "trap", ";", "its", "roots"}},
      {"in the '90s", {"in", "the", "'90s"}},
  });
}

TEST(Tokenizer, KeepsAbbreviationPeriodsUnlessTheSentenceEnds) {
  ExpectCases({
      {"U.S. officials met Gen. Asim Munir.", {"U.S.", "officials", "met", "Gen.", "Asim", "Munir", "."}},
      {"talks in the U.S. The next round", {"talks", "in", "the", "U.S", ".", "The", "next", "round"}},
      {"the U.S. State Department", {"the", "U.S.", "State", "Department"}},
      {"Mr. Dar and Dr. Khan met Lt. Col. Ahmed", {"Mr.", "Dar", "and", "Dr.", "Khan", "met", "Lt.", "Col.", "Ahmed"}},
      {"No. 10 Downing St. in London", {"No.", "10", "Downing", "St.", "in", "London"}},
      {"He said no. Then", {"He", "said", "no", ".", "Then"}},
      {"on Jan. 5 and Sept. 11", {"on", "Jan.", "5", "and", "Sept.", "11"}},
      {"Acme Inc. said", {"Acme", "Inc.", "said"}},
      {"shares of Acme Corp.", {"shares", "of", "Acme", "Corp", "."}},
      {"e.g. rice, i.e. food", {"e.g.", "rice", ",", "i.e.", "food"}},
      {"J. Bass visited", {"J.", "Bass", "visited"}},
      {"bread, milk, etc. The shop", {"bread", ",", "milk", ",", "etc", ".", "The", "shop"}},
      {"at 5 p.m. on Monday", {"at", "5", "p.m.", "on", "Monday"}},
      {"the U.S., China", {"the", "U.S.", ",", "China"}},
  });
}

TEST(Tokenizer, QuotesDashesAndEllipses) {
  ExpectCases({
      {"\u201cWe confirmed,\u201d he said.", {"\u201c", "We", "confirmed", ",", "\u201d", "he", "said", "."}},
      {"\"Go home.\"", {"\"", "Go", "home", ".", "\""}},
      {"terrorism \u2013 specifically", {"terrorism", "\u2013", "specifically"}},
      {"Act\u2014Misplaced", {"Act", "\u2014", "Misplaced"}},
      {"hearing--it went", {"hearing", "--", "it", "went"}},
      {"wait... what", {"wait", "...", "what"}},
      {"wait\u2026 what", {"wait", "\u2026", "what"}},
      {"Really?!", {"Really", "?!"}},
      {"Pakistan [\u2026] It", {"Pakistan", "[", "\u2026", "]", "It"}},
      {"(TTP),", {"(", "TTP", ")", ","}},
  });
}

TEST(Tokenizer, NumbersAndHyphens) {
  ExpectCases({
      {"1,524 deaths, 3.5 percent at 05:50", {"1,524", "deaths", ",", "3.5", "percent", "at", "05:50"}},
      {"the 2025-2026 term", {"the", "2025", "-", "2026", "term"}},
      {"call 713-853-3989 now", {"call", "713-853-3989", "now"}},
      {"after 9/11, a 1/2 share", {"after", "9/11", ",", "a", "1", "/", "2", "share"}},
      {"$5 and 5% and \u00a3300", {"$", "5", "and", "5", "%", "and", "\u00a3", "300"}},
      {"7:30PM and 65k", {"7:30", "PM", "and", "65", "k"}},
      {"the 2nd and 1990s", {"the", "2nd", "and", "1990s"}},
      {"Tehreek-e-Taliban Pakistan", {"Tehreek", "-", "e", "-", "Taliban", "Pakistan"}},
      {"Operation Azm-e-Istehkam", {"Operation", "Azm", "-", "e", "-", "Istehkam"}},
      {"Pak-US ties", {"Pak", "-", "US", "ties"}},
      {"a decades-long insurgency", {"a", "decades", "-", "long", "insurgency"}},
      {"an e-mail to a non-permanent co-chair on counter-terrorism",
       {"an", "e-mail", "to", "a", "non-permanent", "co-chair", "on", "counter-terrorism"}},
      {"AT&T and PG&E but Smith&Wesson", {"AT&T", "and", "PG&E", "but", "Smith", "&", "Wesson"}},
      {"+44 20 and -5", {"+44", "20", "and", "-", "5"}},
  });
}

TEST(Tokenizer, WebThings) {
  ExpectCases({
      {"see https://www.dawn.com/news/1826190?a=b.", {"see", "https://www.dawn.com/news/1826190?a=b", "."}},
      {"(www.state.gov)", {"(", "www.state.gov", ")"}},
      {"write to press@state.gov, please", {"write", "to", "press@state.gov", ",", "please"}},
      {"Rice@ENRON", {"Rice@ENRON"}},
      {"follow @StateDept and #Pakistan or # 5", {"follow", "@StateDept", "and", "#Pakistan", "or", "#", "5"}},
      {"at get-a-free-house.com now", {"at", "get-a-free-house.com", "now"}},
      {"great :) thanks", {"great", ":)", "thanks"}},
      {"great:)", {"great", ":)"}},
  });
}

TEST(Tokenizer, OffsetsAndSpaceAfter) {
  std::string text = "xx Pakistan\u2019s (TTP). yy";
  Span within = {3, static_cast<uint32_t>(text.size() - 3)};  // leaves out "xx " and " yy"
  std::vector<Token> tokens = Tokenize(text, within);
  ASSERT_EQ(tokens.size(), 6u);
  EXPECT_EQ(tokens[0].span, (Span{3, 11}));   // Pakistan
  EXPECT_EQ(tokens[1].span, (Span{11, 15}));  // ’s: three bytes of ’ and the s
  EXPECT_FALSE(tokens[0].space_after);
  EXPECT_TRUE(tokens[1].space_after);
  EXPECT_EQ(text.substr(tokens[2].span.begin, tokens[2].span.size()), "(");
  EXPECT_FALSE(tokens[2].space_after);
  EXPECT_EQ(text.substr(tokens[5].span.begin, tokens[5].span.size()), ".");
  EXPECT_TRUE(tokens[5].space_after);  // the last token of a paragraph
  ExpectWellFormed(text, within, tokens);
}

TEST(Tokenizer, AppendsAfterEarlierParagraphs) {
  std::string text = "One two.\n\nThree.";
  std::vector<Token> tokens;
  TokenizeInto(text, {0, 8}, &tokens);
  TokenizeInto(text, {10, 16}, &tokens);
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_TRUE(tokens[2].space_after);  // "." ends its paragraph
  EXPECT_EQ(tokens[3].span, (Span{10, 15}));
}

TEST(Tokenizer, ClassifiesAbbreviations) {
  EXPECT_EQ(ClassifyAbbreviation("Gen"), AbbreviationKind::kTitle);
  EXPECT_EQ(ClassifyAbbreviation("gen"), AbbreviationKind::kNone);
  EXPECT_EQ(ClassifyAbbreviation("U.S"), AbbreviationKind::kGeneral);
  EXPECT_EQ(ClassifyAbbreviation("No"), AbbreviationKind::kBeforeNumber);
  EXPECT_EQ(ClassifyAbbreviation("J"), AbbreviationKind::kInitial);
  EXPECT_EQ(ClassifyAbbreviation("Sept"), AbbreviationKind::kDate);
  EXPECT_EQ(ClassifyAbbreviation("etc"), AbbreviationKind::kEndsList);
  EXPECT_EQ(ClassifyAbbreviation("e.g"), AbbreviationKind::kNeverFinal);
  EXPECT_EQ(ClassifyAbbreviation("Pakistan"), AbbreviationKind::kNone);
  EXPECT_TRUE(IsSentenceStarter("The"));
  EXPECT_FALSE(IsSentenceStarter("State"));
}

// --- Bad input: never a crash, never out of bounds, never quadratic. ---

TEST(TokenizerBadInput, OneMegabyteWordIsOneTokenInLinearTime) {
  std::string text(1 << 20, 'a');
  auto start = std::chrono::steady_clock::now();
  std::vector<Token> tokens = Tokenize(text, {0, static_cast<uint32_t>(text.size())});
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].span.size(), text.size());
  // Generous: linear work takes milliseconds; quadratic work would take hours.
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
}

TEST(TokenizerBadInput, LongChunksOfJoinersStayLinear) {
  // 256 KB of each: linear work takes milliseconds, quadratic work minutes.
  for (std::string piece : {"a-", "1-", "a.", "x@", "a'", "1,", "http://a", "a/", "--", "#a", "+1", "its "}) {
    std::string text;
    while (text.size() < (1 << 18)) text += piece;
    text += "1x";  // a word glued to the end ("1-2-...-3x") must not make a scan restart
    auto start = std::chrono::steady_clock::now();
    std::vector<Token> tokens = Tokenize(text, {0, static_cast<uint32_t>(text.size())});
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5)) << piece;
    ExpectWellFormed(text, {0, static_cast<uint32_t>(text.size())}, tokens);
  }
}

TEST(TokenizerBadInput, OnlyPunctuation) {
  EXPECT_EQ(Words("!!! ??? ... ,,, ;;"), (W{"!!!", "???", "...", ",,,", ";;"}));
  EXPECT_EQ(Words("-.-.-"), (W{"-", ".", "-", ".", "-"}));
  EXPECT_TRUE(Words("   \n\n \t ").empty());
  EXPECT_TRUE(Words("").empty());
}

TEST(TokenizerBadInput, MixedScripts) {
  EXPECT_EQ(Words("\u067e\u0627\u06a9\u0633\u062a\u0627\u0646 \u06a9\u06cc \u0641\u0648\u062c\u06d4"),
            (W{"\u067e\u0627\u06a9\u0633\u062a\u0627\u0646", "\u06a9\u06cc", "\u0641\u0648\u062c", "\u06d4"}));
  EXPECT_EQ(Words("\u041c\u043e\u0441\u043a\u0432\u0430 \u0437\u0430\u044f\u0432\u0438\u043b\u0430."),
            (W{"\u041c\u043e\u0441\u043a\u0432\u0430", "\u0437\u0430\u044f\u0432\u0438\u043b\u0430", "."}));
  // A combining accent and a zero-width non-joiner stay inside their word.
  EXPECT_EQ(Words("cafe\u0301 \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"),
            (W{"cafe\u0301", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"}));
  EXPECT_EQ(Words("Pakistan\u00a0army"), (W{"Pakistan", "army"}));  // no-break space
}

TEST(TokenizerBadInput, ControlCharactersSeparateTokens) {
  EXPECT_EQ(Words(std::string("one\x01two\x7f three\x00" "four", 19)), (W{"one", "two", "three", "four"}));
  EXPECT_EQ(Words("a\u0085b"), (W{"a", "b"}));  // C1 control
}

TEST(TokenizerBadInput, InvalidUtf8NeverReadsOutOfBounds) {
  // Truncated sequences at the very end of the span, overlong forms, lone continuation
  // bytes: the tokenizer must stay inside `within` and keep going.
  for (std::string text : {std::string("abc\xe2\x80"), std::string("\xff\xfe ok"), std::string("x\xc0\xaf y"),
                           std::string("\x80\x80\x80"), std::string("U.S\xe2"), std::string("don'\xe2\x80")}) {
    Span within = {0, static_cast<uint32_t>(text.size())};
    std::vector<Token> tokens = Tokenize(text, within);
    ExpectWellFormed(text, within, tokens);
    EXPECT_FALSE(tokens.empty()) << text;
  }
  // A span that stops inside a multi-byte character, and spans past the end.
  std::string text = "na\u00efve";
  ExpectWellFormed(text, {0, 3}, Tokenize(text, {0, 3}));
  EXPECT_TRUE(Tokenize(text, {50, 60}).empty());
  EXPECT_FALSE(Tokenize(text, {0, 60}).empty());
}

TEST(TokenizerBadInput, RandomBytesKeepInvariants) {
  std::mt19937 random(20240917);
  const std::vector<std::string> pieces = {"a", "Z", "1", ".", ",", "-", "'", "\u2019", "@", "#", "/", ":", "&",
                                           " ", "\n", "http://", "www.", "U.S.", "n't", "\u2026", "\u201c",
                                           "\xff", "\xe2\x80", "\u067e", "(", ")", "$", "_", "+", "\x01"};
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    int length = static_cast<int>(random() % 40);
    for (int i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
    // Half of the rounds cut the paragraph anywhere, even inside a character.
    auto size = static_cast<uint32_t>(text.size());
    Span within = {0, size};
    if (round % 2 == 1 && size > 0) {
      uint32_t a = random() % (size + 1), b = random() % (size + 1);
      within = {std::min(a, b), std::max(a, b)};
    }
    std::vector<Token> tokens = Tokenize(text, within);
    ExpectWellFormed(text, within, tokens);
    if (HasFatalFailure()) {
      ADD_FAILURE() << "input: " << text;
      return;
    }
  }
}

// --- The scorer. ---

// Two documents written for this test, in CoNLL-U, with a multiword token and no space
// before a comma.
constexpr std::string_view kConllu =
    "# newdoc id = a\n"
    "# text = They don't know, he said.\n"
    "1\tThey\tthey\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t,\t,\tPUNCT\t,\t_\t4\tpunct\t_\t_\n"
    "6\the\the\tPRON\tPRP\t_\t7\tnsubj\t_\t_\n"
    "7\tsaid\tsay\tVERB\tVBD\t_\t4\tparataxis\t_\tSpaceAfter=No\n"
    "8\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# text = It rained.\n"
    "1\tIt\tit\tPRON\tPRP\t_\t2\texpl\t_\t_\n"
    "2\trained\train\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
    "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# newpar\n"
    "# text = Fine\n"
    "1\tFine\tfine\tADJ\tJJ\t_\t0\troot\t_\t_\n"
    "\n";

TEST(TokenizerEval, RebuildsTextAndGoldSpans) {
  TreebankText tb = ReadTreebankText(kConllu);
  EXPECT_EQ(tb.text, "They don't know, he said. It rained.\n\nFine");
  ASSERT_EQ(tb.paragraphs.size(), 2u);
  EXPECT_EQ(tb.paragraphs[1], (Span{38, 42}));
  ASSERT_EQ(tb.sentences.size(), 3u);
  EXPECT_EQ(tb.sentences[1], (Span{26, 36}));
  ASSERT_EQ(tb.tokens.size(), 12u);
  EXPECT_EQ(tb.tokens[1], (Span{5, 7}));  // "do"
  EXPECT_EQ(tb.tokens[2], (Span{7, 10}));  // "n't"
  EXPECT_EQ(tb.unaligned_words, 0u);
}

TEST(TokenizerEval, ScoresAPerfectTokenization) {
  TokenizationScores scores = ScoreTokenizationText(kConllu);
  EXPECT_TRUE(scores.status.ok());
  EXPECT_EQ(scores.tokens.gold, 12u);
  EXPECT_DOUBLE_EQ(scores.tokens.f1, 1.0);
  EXPECT_EQ(scores.sentences.correct, 3u);
  EXPECT_DOUBLE_EQ(scores.sentences.f1, 1.0);
}

TEST(TokenizerEval, ReportsAMissingFile) {
  TokenizationScores scores = ScoreTokenization("/nonexistent/dir/x.conllu");
  EXPECT_FALSE(scores.status.ok());
  EXPECT_EQ(scores.status.code(), Code::kNotFound);
  EXPECT_EQ(scores.tokens.gold, 0u);
}

// Quality floors on UD English EWT (CC BY-SA, in ../shared; never committed). The
// numbers reached are in the report of the change that set these floors.
TEST(TokenizerEval, EwtQualityFloors) {
  for (std::string part : {"dev", "test"}) {
    std::string path = std::string(SITREP_SHARED_DIR) + "/data/nlp/ud-ewt/en_ewt-ud-" + part + ".conllu";
    TokenizationScores scores = ScoreTokenization(path);
    if (!scores.status.ok()) GTEST_SKIP() << "no EWT data: " << scores.status.ToString();
    EXPECT_GE(scores.tokens.f1, 0.99) << part;
    EXPECT_GE(scores.sentences.f1, 0.85) << part;
  }
}

}  // namespace
}  // namespace sitrep
