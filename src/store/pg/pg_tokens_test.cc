// The PostgreSQL store's binary tokens carry what the SQLite store's JSON carries: any
// token list decodes to what TokensFromJson(TokensToJson(list)) gives, and a damaged
// value is refused rather than misread.
#include "store/pg/pg_tokens.h"

#include <gtest/gtest.h>

#include <random>

#include "store/doc_json.h"

namespace sitrep::pg {
namespace {

bool Same(const Token& a, const Token& b) {
  return a.span == b.span && a.upos == b.upos && a.xpos == b.xpos && a.lemma == b.lemma && a.head == b.head &&
         a.deprel == b.deprel && a.space_after == b.space_after;
}

// What the JSON form of `tokens` reads back as: the reference for the binary form.
std::vector<Token> ThroughJson(const std::vector<Token>& tokens) {
  std::vector<Token> out;
  EXPECT_TRUE(sqlite::TokensFromJson(sqlite::TokensToJson(tokens), &out));
  return out;
}

void ExpectSameAsJson(const std::vector<Token>& tokens) {
  std::vector<Token> decoded = {{{9, 9}, "X", "X", "x", 0, "dep", false}};  // must be replaced
  ASSERT_TRUE(DecodeTokens(EncodeTokens(tokens), &decoded));
  const std::vector<Token> want = ThroughJson(tokens);
  ASSERT_EQ(decoded.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) EXPECT_TRUE(Same(decoded[i], want[i])) << "token " << i;
}

TEST(PgTokens, EmptyListRoundTrips) { ExpectSameAsJson({}); }

TEST(PgTokens, OrdinaryTokensRoundTrip) {
  ExpectSameAsJson({{{0, 5}, "PROPN", "NNP", "Multan", 1, "nsubj", true},
                    {{6, 12}, "VERB", "VBD", "attack", -1, "root", false},
                    {{12, 13}, "PUNCT", ".", ".", 1, "punct", true},
                    {{14, 14}, "", "", "", 0, "", false}});
}

// Spans out of order or reversed, heads far away, strings with quotes, NUL and bytes
// that are not UTF-8 (which the JSON writer replaces): all come back as JSON gives them.
TEST(PgTokens, OddValuesComeBackAsTheJsonGivesThem) {
  ExpectSameAsJson({{{4000000000u, 4294967295u}, "A\"B\\", "\t", std::string("nul\0in", 6), INT32_MIN, "x", true},
                    {{10, 3}, "\xff\xfe", "ok \xc3\xa9", "\xe2\x82", INT32_MAX, "d\xc3", false},
                    {{0, 0}, "A\"B\\", "\t", "same strings again", 0, "x", true}});
}

TEST(PgTokens, RandomListsRoundTrip) {
  std::mt19937 random(7);
  const std::vector<std::string> words = {"NOUN", "VERB", "NN", "VBZ", "the", "said", "obj", "", "\xc3\xa9t\xc3\xa9"};
  for (int round = 0; round < 50; ++round) {
    std::vector<Token> tokens(random() % 300);
    uint32_t at = random() % 1000;
    for (Token& t : tokens) {
      at += random() % 12;
      t.span = {at, at + static_cast<uint32_t>(random() % 20)};
      t.upos = words[random() % words.size()], t.xpos = words[random() % words.size()];
      t.lemma = words[random() % words.size()] + std::to_string(random() % 40);
      t.deprel = words[random() % words.size()];
      t.head = static_cast<int32_t>(random() % 300) - 1;
      t.space_after = random() % 2;
    }
    ExpectSameAsJson(tokens);
  }
}

TEST(PgTokens, IsMuchSmallerThanTheJson) {
  std::vector<Token> tokens;
  for (uint32_t i = 0; i < 500; ++i)
    tokens.push_back({{i * 6, i * 6 + 5}, "NOUN", "NN", "word" + std::to_string(i % 50), static_cast<int32_t>(i) - 1,
                      "nmod", true});
  EXPECT_LT(EncodeTokens(tokens).size() * 4, sqlite::TokensToJson(tokens).size());
}

TEST(PgTokens, DamagedValuesAreRefusedAndLeaveTheOutputAlone) {
  const std::vector<Token> tokens = {{{0, 5}, "PROPN", "NNP", "Multan", 1, "nsubj", true},
                                     {{6, 12}, "VERB", "VBD", "attack", -1, "root", false}};
  const std::string good = EncodeTokens(tokens);
  const std::vector<Token> before = {{{1, 2}, "X", "X", "x", 0, "dep", false}};
  auto refused = [&](const std::string& bytes) {
    std::vector<Token> out = before;
    const bool ok = DecodeTokens(bytes, &out);
    return !ok && out.size() == 1 && Same(out[0], before[0]);
  };
  EXPECT_TRUE(refused(""));
  EXPECT_TRUE(refused("\x02" + good.substr(1)));  // a format version this sitrep does not know
  EXPECT_TRUE(refused(good + "x"));               // trailing bytes
  for (size_t cut = 0; cut < good.size(); ++cut) EXPECT_TRUE(refused(good.substr(0, cut))) << "cut at " << cut;
  // A string index past the table.
  std::string bad_index = good;
  bad_index[bad_index.size() - 2] = '\x7f';
  EXPECT_TRUE(refused(bad_index));
  // A count far beyond the bytes there are.
  EXPECT_TRUE(refused(std::string("\x01\xff\xff\xff\xff\x0f", 6)));
}

}  // namespace
}  // namespace sitrep::pg
