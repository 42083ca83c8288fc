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
#include "annotate/seed_test_util.h"

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

// --- Golden test on the seed articles (read from ../shared; never copied here). ---

struct SeedParagraphs {
  std::string text;
  std::vector<Span> paragraphs;  // each non-empty line of the file
};

bool ReadSeed(const std::string& name, SeedParagraphs* seed) {
  std::optional<std::string> bytes = testing::ReadSeedBytes(name);
  if (!bytes) return false;
  seed->text = std::move(*bytes);
  size_t pos = 0;
  while (pos < seed->text.size()) {
    size_t end = seed->text.find('\n', pos);
    if (end == std::string::npos) end = seed->text.size();
    if (end > pos) seed->paragraphs.push_back({static_cast<uint32_t>(pos), static_cast<uint32_t>(end)});
    pos = end + 1;
  }
  return true;
}

struct Split {
  std::vector<Token> tokens;
  std::vector<std::vector<Sentence>> by_paragraph;
};

Split SplitSeed(const SeedParagraphs& seed) {
  Split split;
  for (Span paragraph : seed.paragraphs) {
    auto first = static_cast<uint32_t>(split.tokens.size());
    TokenizeInto(seed.text, paragraph, &split.tokens);
    split.by_paragraph.push_back(
        SplitSentences(seed.text, split.tokens, first, static_cast<uint32_t>(split.tokens.size())));
  }
  return split;
}

const std::vector<std::string> kSeedFiles = {"000_f04eedd9927520f6.txt", "001_70c30224e34ffb25.txt",
                                             "002_8cde5b0ce9f04583.txt", "003_dfd4e36ddf2bca27.txt",
                                             "004_db562c23b77159dc.txt"};

bool SeedsAvailable() { return std::filesystem::is_directory(std::string(SITREP_SHARED_DIR) + "/seeds"); }

TEST(SeedGolden, EverySentenceOf003) {
  if (!SeedsAvailable()) GTEST_SKIP() << "no seeds in " << SITREP_SHARED_DIR;
  SeedParagraphs seed;
  ASSERT_TRUE(ReadSeed("003_dfd4e36ddf2bca27.txt", &seed));
  Split split = SplitSeed(seed);
  // The first words of each sentence, as a reader splits the article.
  const std::vector<std::string> expected_starts = {
      "ISLAMABAD: The United States said on Monday",
      "The dialogue was initiated after",
      "The most recent phase of the dialogue",
      "\u201cWe confirmed with Pakistan today",
      "\u201cWe also agreed about preventing",
      "The latest round of the Counterterrorism Dialogue",
      "Officials in Islamabad have frequently complained",
      "The US withdrawal from Afghanistan",
      "The agreement was signed in February 2020",
      "The State Department official was also asked",
      "However, he did not answer the question.",
      "\u201cI don\u2019t have anything for you on that,\u201d he said.",
      "\u201cI\u2019d refer you to my colleagues at the Pentagon.\u201d",
  };
  std::vector<std::string> sentences;
  for (const auto& paragraph : split.by_paragraph)
    for (const Sentence& s : paragraph) sentences.emplace_back(seed.text.substr(s.span.begin, s.span.size()));
  ASSERT_EQ(sentences.size(), expected_starts.size());
  for (size_t i = 0; i < sentences.size(); ++i)
    EXPECT_TRUE(sentences[i].starts_with(expected_starts[i])) << "sentence " << i << ": " << sentences[i];
}

// Byte ranges [open, close] of the quotations in a paragraph: “…” pairs and "…" pairs.
std::vector<Span> Quotations(std::string_view text, Span paragraph) {
  std::vector<Span> quotes;
  std::string_view p = text.substr(paragraph.begin, paragraph.size());
  size_t curly_open = std::string_view::npos, straight_open = std::string_view::npos;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p.substr(i, 3) == "\u201c") curly_open = i;
    if (p.substr(i, 3) == "\u201d" && curly_open != std::string_view::npos) {
      quotes.push_back({static_cast<uint32_t>(paragraph.begin + curly_open), static_cast<uint32_t>(paragraph.begin + i)});
      curly_open = std::string_view::npos;
    }
    if (p[i] == '"') {
      if (straight_open == std::string_view::npos) {
        straight_open = i;
      } else {
        quotes.push_back({static_cast<uint32_t>(paragraph.begin + straight_open), static_cast<uint32_t>(paragraph.begin + i)});
        straight_open = std::string_view::npos;
      }
    }
  }
  return quotes;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

TEST(SeedGolden, NoBreakInsideQuotationsAbbreviationsOrNumbers) {
  if (!SeedsAvailable()) GTEST_SKIP() << "no seeds in " << SITREP_SHARED_DIR;
  for (const std::string& name : kSeedFiles) {
    SeedParagraphs seed;
    ASSERT_TRUE(ReadSeed(name, &seed)) << name;
    Split split = SplitSeed(seed);
    const std::string& text = seed.text;
    for (size_t p = 0; p < seed.paragraphs.size(); ++p) {
      const std::vector<Sentence>& sentences = split.by_paragraph[p];
      std::vector<Span> quotes = Quotations(text, seed.paragraphs[p]);
      for (size_t k = 1; k < sentences.size(); ++k) {
        uint32_t boundary = sentences[k].span.begin;
        std::string where = name + ": " + text.substr(sentences[k - 1].span.begin, 60) + " || " +
                            text.substr(boundary, 40);
        for (Span quote : quotes)
          EXPECT_FALSE(quote.begin < boundary && boundary <= quote.end) << "inside a quotation: " << where;
        // Sentences are separated by white space, so no break falls inside a number.
        uint32_t previous_end = sentences[k - 1].span.end;
        EXPECT_LT(previous_end, boundary) << where;
        EXPECT_FALSE(IsDigit(text[previous_end - 1]) && IsDigit(text[boundary])) << "inside a number: " << where;
        // The sentence before does not end with an abbreviation ("U.S.", "Gen.").
        uint32_t last = sentences[k - 1].token_end - 1;
        while (last > sentences[k - 1].token_begin) {
          std::string_view token = std::string_view(text).substr(split.tokens[last].span.begin, split.tokens[last].span.size());
          if (token != "\u201d" && token != "\"" && token != "\u2019" && token != ")") break;
          --last;
        }
        std::string_view final_token = std::string_view(text).substr(split.tokens[last].span.begin, split.tokens[last].span.size());
        if (final_token == "." && last > sentences[k - 1].token_begin) {
          Span before = split.tokens[last - 1].span;
          EXPECT_EQ(ClassifyAbbreviation(std::string_view(text).substr(before.begin, before.size())),
                    AbbreviationKind::kNone) << "after an abbreviation: " << where;
        } else {
          EXPECT_FALSE(final_token.size() > 1 && final_token.back() == '.') << "after an abbreviation: " << where;
        }
      }
    }
  }
}

}  // namespace
}  // namespace sitrep
