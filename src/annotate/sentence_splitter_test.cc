#include "annotate/sentence_splitter.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "annotate/paragraphs.h"
#include "annotate/token_stage.h"
#include "annotate/tokenizer.h"

namespace sitrep {
namespace {

using S = std::vector<std::string>;

// The sentences of `text` taken as one paragraph, as strings.
S Sentences(std::string_view text, SentenceSplitOptions options = {}) {
  std::vector<Token> tokens = Tokenize(text, {0, static_cast<uint32_t>(text.size())});
  S sentences;
  for (const Sentence& sentence : SplitSentences(text, tokens, options))
    sentences.emplace_back(text.substr(sentence.span.begin, sentence.span.size()));
  return sentences;
}

// Sentences must partition tokens[begin, end) in order, each with its exact span.
void ExpectPartition(const std::vector<Token>& tokens, uint32_t begin, uint32_t end,
                     const std::vector<Sentence>& sentences) {
  uint32_t next = begin;
  for (const Sentence& sentence : sentences) {
    ASSERT_EQ(sentence.token_begin, next);
    ASSERT_LT(sentence.token_begin, sentence.token_end);
    ASSERT_EQ(sentence.span.begin, tokens[sentence.token_begin].span.begin);
    ASSERT_EQ(sentence.span.end, tokens[sentence.token_end - 1].span.end);
    next = sentence.token_end;
  }
  ASSERT_EQ(next, end);
}

struct Case {
  std::string text;
  S sentences;
};

void ExpectCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) EXPECT_EQ(Sentences(c.text), c.sentences) << "input: " << c.text;
}

TEST(SentenceSplitter, BreaksAtSentencePunctuation) {
  ExpectCases({
      {"Wait! What happened? Nobody knows.", {"Wait!", "What happened?", "Nobody knows."}},
      {"The rate rose 3.5 percent. It fell 1,524 points.", {"The rate rose 3.5 percent.", "It fell 1,524 points."}},
      {"He paused... then left.", {"He paused... then left."}},
      {"He paused... Then he left.", {"He paused...", "Then he left."}},
      {"Really?! Yes.", {"Really?!", "Yes."}},
      {"No punctuation at all", {"No punctuation at all"}},
  });
}

TEST(SentenceSplitter, NoBreakAfterAbbreviationsOrInitials) {
  ExpectCases({
      {"U.S. officials met Gen. Asim Munir on Monday. Talks followed.",
       {"U.S. officials met Gen. Asim Munir on Monday.", "Talks followed."}},
      {"He lives at No. 10 Downing St. in London.", {"He lives at No. 10 Downing St. in London."}},
      {"J. Bass visited Islamabad with Mr. Dar and Dr. Khan.", {"J. Bass visited Islamabad with Mr. Dar and Dr. Khan."}},
      {"The U.S. State Department spoke on Sept. 11 at 5 p.m. on Monday.",
       {"The U.S. State Department spoke on Sept. 11 at 5 p.m. on Monday."}},
      {"Food, fuel, e.g. rice, etc. were sent.", {"Food, fuel, e.g. rice, etc. were sent."}},
  });
}

TEST(SentenceSplitter, BreaksWhenAnAbbreviationEndsTheSentence) {
  ExpectCases({
      {"Talks were held in the U.S. The next round is in Islamabad.",
       {"Talks were held in the U.S.", "The next round is in Islamabad."}},
      {"They sent food, fuel, etc. The army helped.", {"They sent food, fuel, etc.", "The army helped."}},
  });
}

TEST(SentenceSplitter, Quotations) {
  ExpectCases({
      {"\u201cI don\u2019t have anything for you on that,\u201d he said. \u201cI\u2019d refer you to my colleagues.\u201d",
       {"\u201cI don\u2019t have anything for you on that,\u201d he said.", "\u201cI\u2019d refer you to my colleagues.\u201d"}},
      {"He noted, \"The under secretary expressed his gratitude.\" This statement underscores it.",
       {"He noted, \"The under secretary expressed his gratitude.\"", "This statement underscores it."}},
      {"\u201cWhy?\u201d he asked.", {"\u201cWhy?\u201d he asked."}},
      // EWT splits inside a quotation at sentence punctuation, as a reader would.
      {"\u201cWe agreed. We will meet again,\u201d she said.", {"\u201cWe agreed.", "We will meet again,\u201d she said."}},
      // An elision mark is not a sentence end.
      {"He said: \u201cWe will work with Pakistan [\u2026] It\u2019s been a priority for us.\u201d",
       {"He said: \u201cWe will work with Pakistan [\u2026] It\u2019s been a priority for us.\u201d"}},
  });
}

TEST(SentenceSplitter, ListsLettersAndLinks) {
  ExpectCases({
      {"We will do so. 2. The change reads well.", {"We will do so.", "2. The change reads well."}},
      {"Thanks, Gregg", {"Thanks,", "Gregg"}},
      {"Dear Mr. Horton, I have been made aware of it.", {"Dear Mr. Horton,", "I have been made aware of it."}},
      {"See http://example.org/a http://example.org/b", {"See http://example.org/a", "http://example.org/b"}},
      {"Regards ======= Next part", {"Regards", "=======", "Next part"}},
      {"Sara Shackleton 09/16/99 10:16 AM How about this?",
       {"Sara Shackleton", "09/16/99 10:16 AM", "How about this?"}},
  });
}

TEST(SentenceSplitter, LineBreaksInsideAParagraph) {
  ExpectCases({
      {"Breaking News\nThe minister resigned on Monday.", {"Breaking News", "The minister resigned on Monday."}},
      {"Highlights:\n\u2022 Talks held.\n\u2022 Ties improved", {"Highlights:", "\u2022 Talks held.", "\u2022 Ties improved"}},
      {"The minister met\nofficials on Monday.", {"The minister met\nofficials on Monday."}},
      {"The minister met with\nJohn Bass on Monday.", {"The minister met with\nJohn Bass on Monday."}},
  });
}

TEST(SentenceSplitter, SplitsOnlyTheGivenRange) {
  std::string text = "One. Two. Three. Four.";
  std::vector<Token> tokens = Tokenize(text, {0, static_cast<uint32_t>(text.size())});
  ASSERT_EQ(tokens.size(), 8u);
  std::vector<Sentence> sentences = SplitSentences(text, tokens, 2, 6);
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[0].token_begin, 2u);
  EXPECT_EQ(sentences[1].token_end, 6u);
  ExpectPartition(tokens, 2, 6, sentences);
  EXPECT_TRUE(SplitSentences(text, tokens, 5, 5).empty());
  EXPECT_TRUE(SplitSentences(text, tokens, 7, 3).empty());
  ExpectPartition(tokens, 6, 8, SplitSentences(text, tokens, 6, 100));  // end is clamped
}

// --- Bad input. ---

TEST(SentenceSplitterBadInput, VeryLongSentencesAreCutLinearly) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += "word ";
  std::vector<Token> tokens = Tokenize(text, {0, static_cast<uint32_t>(text.size())});
  ASSERT_EQ(tokens.size(), 10000u);
  auto start = std::chrono::steady_clock::now();
  std::vector<Sentence> sentences = SplitSentences(text, tokens);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  ExpectPartition(tokens, 0, 10000, sentences);
  ASSERT_EQ(sentences.size(), 20u);
  for (const Sentence& s : sentences) EXPECT_EQ(s.token_end - s.token_begin, 500u);

  SentenceSplitOptions tiny;
  tiny.max_tokens = 3;
  EXPECT_EQ(Sentences("a b c d e f g", tiny), (S{"a b c", "d e f", "g"}));
  // Closing quotes taken in after a full stop do not push a sentence past the cap.
  EXPECT_EQ(Sentences("a b .\u201d x", tiny), (S{"a b .", "\u201d x"}));
}

TEST(SentenceSplitterBadInput, PunctuationOnlyAndMixedScripts) {
  // Punctuation that follows sentence punctuation continues the sentence.
  EXPECT_EQ(Sentences("!!! ??? ... ,,,"), (S{"!!! ??? ... ,,,"}));
  EXPECT_EQ(Sentences(". . . Yes"), (S{". . .", "Yes"}));
  EXPECT_EQ(Sentences("\u067e\u0627\u06a9\u0633\u062a\u0627\u0646. \u041c\u043e\u0441\u043a\u0432\u0430."),
            (S{"\u067e\u0627\u06a9\u0633\u062a\u0627\u0646.", "\u041c\u043e\u0441\u043a\u0432\u0430."}));
  EXPECT_TRUE(Sentences("").empty());
}

TEST(SentenceSplitterBadInput, TokensOfAnotherTextDoNotCrash) {
  std::string text = "Short.";
  std::vector<Token> tokens(3);
  tokens[0].span = {0, 5};
  tokens[1].span = {100, 200};  // past the end of the text
  tokens[2].span = {7, 3};      // reversed
  std::vector<Sentence> sentences = SplitSentences(text, tokens);
  ASSERT_FALSE(sentences.empty());
  EXPECT_EQ(sentences.back().token_end, 3u);
}

TEST(SentenceSplitterBadInput, RandomTextAlwaysPartitionsTheTokens) {
  std::mt19937 random(7);
  const std::vector<std::string> pieces = {"a", "The", "1", ".", "!", "?", "\u201d", "\u201c", "\"", "'", " ", " ",
                                           "\n", "...", "\u2026", "U.S.", "[", "]", ":)", "\xff", "\u2022", ",",
                                           "AM", "09/16/99", "10:16", "Thanks", "http://x.org", "====="};
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    int length = static_cast<int>(random() % 60);
    for (int i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
    std::vector<Token> tokens = Tokenize(text, {0, static_cast<uint32_t>(text.size())});
    SentenceSplitOptions options;
    options.max_tokens = 1 + random() % 20;
    ExpectPartition(tokens, 0, static_cast<uint32_t>(tokens.size()), SplitSentences(text, tokens, options));
    for (const Sentence& s : SplitSentences(text, tokens, options))
      ASSERT_LE(s.token_end - s.token_begin, options.max_tokens) << text;
    if (HasFatalFailure()) {
      ADD_FAILURE() << "input: " << text;
      return;
    }
  }
}

// --- The stage. ---

Doc MakeDoc(const std::string& text) {
  return Doc({}, text, text, OffsetMap::Identity(static_cast<uint32_t>(text.size())), {});
}

std::vector<std::string> DocSentences(const Doc& doc) {
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences()) out.emplace_back(doc.Slice(s.span));
  return out;
}

TEST(TokenStage, WholeTextWithoutParagraphLayer) {
  Doc doc = MakeDoc("One. Two.");
  TokenStage stage;
  EXPECT_EQ(stage.name(), "tokens");
  EXPECT_EQ(stage.reads(), (std::vector<std::string>{"paragraph"}));
  EXPECT_EQ(stage.writes(), (std::vector<std::string>{"token", "sentence"}));
  ASSERT_TRUE(stage.Process(doc).ok());
  EXPECT_EQ(doc.tokens().size(), 4u);
  EXPECT_EQ(DocSentences(doc), (S{"One.", "Two."}));
  // Running again replaces the layers instead of appending to them.
  ASSERT_TRUE(stage.Process(doc).ok());
  EXPECT_EQ(doc.tokens().size(), 4u);
  EXPECT_EQ(doc.sentences().size(), 2u);
}

TEST(TokenStage, SentencesNeverCrossParagraphs) {
  Doc doc = MakeDoc(
      "Envoy Visits Islamabad\n\n\u2022 A highlight\n\nThe envoy met the minister in the U.S.\n\n"
      "They talked about \u201ctrade\n\nand security\u201d at length. Then they left.");
  ASSERT_TRUE(ParagraphStage().Process(doc).ok());
  ASSERT_TRUE(TokenStage().Process(doc).ok());
  EXPECT_EQ(DocSentences(doc), (S{"Envoy Visits Islamabad", "\u2022 A highlight", "The envoy met the minister in the U.S.",
                                  "They talked about \u201ctrade", "and security\u201d at length.", "Then they left."}));
  ExpectPartition(doc.tokens(), 0, static_cast<uint32_t>(doc.tokens().size()), doc.sentences());
  for (const Sentence& s : doc.sentences())
    EXPECT_EQ(doc.Slice(s.span).find("\n\n"), std::string_view::npos);
}

TEST(TokenStage, OverlappingOrOutOfRangeParagraphsKeepTokensInOrder) {
  Doc doc = MakeDoc("Alpha beta. Gamma delta.");
  doc.SetLayer("paragraph", {{{0, 11}, "body", ""}, {{6, 18}, "body", ""}, {{12, 900}, "body", ""}});
  ASSERT_TRUE(TokenStage().Process(doc).ok());
  std::vector<std::string> words;
  for (const Token& token : doc.tokens()) words.emplace_back(doc.Slice(token.span));
  EXPECT_EQ(words, (std::vector<std::string>{"Alpha", "beta", ".", "Gamma", "delta", "."}));
  ExpectPartition(doc.tokens(), 0, static_cast<uint32_t>(doc.tokens().size()), doc.sentences());
}

TEST(TokenStage, EmptyAndBlankDocuments) {
  for (std::string text : {"", "   ", "\n\n\n\n"}) {
    Doc doc = MakeDoc(text);
    ASSERT_TRUE(ParagraphStage().Process(doc).ok());
    ASSERT_TRUE(TokenStage().Process(doc).ok());
    EXPECT_TRUE(doc.tokens().empty());
    EXPECT_TRUE(doc.sentences().empty());
  }
}

}  // namespace
}  // namespace sitrep
