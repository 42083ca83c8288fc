// Search boxes' text as tsqueries (search_query.h), the full-text vectors of the
// PostgreSQL store (pg/pg_search_vector.h) and the snippets of hits: what each makes of
// words, phrases, stopwords and hostile text. pg/pg_search_test.cc hands the same
// strings to a real server.
#include "store/search_query.h"

#include <gtest/gtest.h>

#include "store/pg/pg_search_vector.h"

namespace sitrep::sqlite {
namespace {

std::string Ts(std::string_view text) { return ParseSearchQuery(text).tsquery; }

TEST(SearchQuery, PlainWordsAreAllRequired) {
  EXPECT_EQ(Ts("officials met"), "('officials' & 'met')");
  EXPECT_EQ(Ts("Multan"), "'multan'");
  EXPECT_EQ(Ts("  CAFÉ  "), "'cafe'");
}

TEST(SearchQuery, WordsThatSplitArePhrases) {
  EXPECT_EQ(Ts("Dar's al-Qaeda"), "(('dar' <-> 's') & ('al' <-> 'qaeda'))");
}

TEST(SearchQuery, QuotedPhrasesKeepTheStopwordsPlaces) {
  EXPECT_EQ(Ts("\"Donald Bass\""), "('donald' <-> 'bass')");
  EXPECT_EQ(Ts("\"minister of the interior\" Sindh"), "(('minister' <3> 'interior') & 'sindh')");
  EXPECT_EQ(Ts("\"the minister\""), "'minister'");
  EXPECT_EQ(Ts("\"unclosed phrase"), "('unclosed' <-> 'phrase')");
}

TEST(SearchQuery, OperatorsAndGrouping) {
  EXPECT_EQ(Ts("\"Donald Bass\" OR floods"), "(('donald' <-> 'bass') | 'floods')");
  EXPECT_EQ(Ts("floods -cricket"), "('floods' & !'cricket')");
  EXPECT_EQ(Ts("floods NOT cricket"), "('floods' & !'cricket')");
  EXPECT_EQ(Ts("floods AND rain"), "('floods' & 'rain')");
  EXPECT_EQ(Ts("(floods OR rain) Sindh"), "(('floods' | 'rain') & 'sindh')");
  EXPECT_EQ(Ts("a OR b c"), "('b' & 'c')");  // 'a' is a stopword: nothing on its side
  EXPECT_EQ(Ts("x OR y z"), "('x' | ('y' & 'z'))");  // AND binds tighter, as in FTS5
  EXPECT_EQ(Ts("-cricket"), "!'cricket'");
  EXPECT_EQ(Ts("anti-government"), "('anti' <-> 'government')");  // a hyphen inside a word is not NOT
}

TEST(SearchQuery, PrefixesAreMarked) {
  SearchQuery q = ParseSearchQuery("negotiat* \"prime min\"*");
  EXPECT_EQ(q.tsquery, "('negotiat':* & ('prime' <-> 'min':*))");
  EXPECT_EQ(q.prefixes, (std::vector<std::string>{"min", "negotiat"}));
  EXPECT_EQ(q.terms, (std::vector<std::string>{"prime"}));
  EXPECT_EQ(Ts("the*"), "'the':*");  // a stopword as a prefix is kept
}

TEST(SearchQuery, NothingToSearchForIsEmpty) {
  for (const char* text : {"", "   ", "the of and", "\"\"", "()", "-", "OR AND NOT", "' : & | !", "*", "^"})
    EXPECT_EQ(Ts(text), "") << text;
}

// Whatever is typed, every lexeme is quoted and every parenthesis balanced: the result
// is always a valid tsquery (pg_search_test.cc checks this against the server).
TEST(SearchQuery, HostileTextMakesAWellFormedQuery) {
  EXPECT_EQ(Ts("'; DROP TABLE documents; --"), "('drop' & 'table' & 'documents')");
  EXPECT_EQ(Ts("Dar's 'quoted' \\ back\\slash"), "(('dar' <-> 's') & 'quoted' & ('back' <-> 'slash'))");
  EXPECT_EQ(Ts("a:* & b | !c <-> d"), "('a':* & 'b' & 'c' & 'd')");
  EXPECT_EQ(Ts("((((x"), "'x'");
  EXPECT_EQ(Ts("x))))y"), "('x' & 'y')");
  EXPECT_EQ(Ts(std::string(500, '(') + "deep" + std::string(500, ')')), "'deep'");  // past 32 levels, ignored
  for (const std::string& text : {std::string("x) OR (y"), std::string("NOT NOT x"), std::string("- - x"),
                                  std::string("\"a\"*\"b\"* OR"), std::string("x OR")}) {
    const std::string ts = Ts(text);
    int depth = 0;
    for (char c : ts) depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    EXPECT_EQ(depth, 0) << text << " -> " << ts;
  }
  EXPECT_EQ(QuoteLexeme("it's \\"), "'it''s \\\\'");
}

TEST(SearchVector, WeightsPositionsAndStopwords) {
  const pg::SearchVector v = pg::SearchVector::Of("Flood talks in Multan", "Relief officials met in Multan.");
  // Title 1-4 (A), a gap at 5, text from 6 (B); "in" keeps its place but is not indexed.
  EXPECT_EQ(v.Text(), "'flood':1A 'met':8B 'multan':4A,10B 'officials':7B 'relief':6B 'talks':2A");
  EXPECT_TRUE(pg::SearchVector::Of("", "the of").empty());
  EXPECT_EQ(pg::SearchVector::Of("", "Café").Text(), "'cafe':1B");
}

TEST(SearchVector, BinaryFormIsWhatTsvectorrecvReads) {
  const std::string b = pg::SearchVector::Of("", "y x y").Binary();
  // Two lexemes, sorted: 'x' (one position, 2, weight B), then 'y' (positions 1 and 3).
  const std::string expected("\0\0\0\2" "x\0" "\0\1" "\x80\x02" "y\0" "\0\2" "\x80\x01" "\x80\x03", 18);
  EXPECT_EQ(b, expected);
}

TEST(SearchVector, PositionsStopAtPostgresLimits) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += i % 2 ? "word " : "filler ";
  const pg::SearchVector v = pg::SearchVector::Of("", text);
  const std::string t = v.Text();
  // At most 255 positions a lexeme, strictly increasing, none past 16383.
  size_t commas = 0;
  for (size_t at = t.find("'word'"); at < t.size() && t[at] != ' '; ++at) commas += t[at] == ',';
  EXPECT_EQ(commas, 254u);
}

TEST(MarkSnippet, MarksTheMatchesAsWritten) {
  const SearchQuery q = ParseSearchQuery("cafe lahore");
  EXPECT_EQ(MarkSnippet("The Café in Lahore reopened.", q), "The [Café] in [Lahore] reopened.");
  EXPECT_EQ(MarkSnippet("Nothing here.", q), "");
  std::string longer;
  for (int i = 0; i < 40; ++i) longer += "word ";
  longer += "near Lahore at last ";
  for (int i = 0; i < 40; ++i) longer += "more ";
  const std::string snippet = MarkSnippet(longer, q, 8);
  EXPECT_EQ(snippet, "…word near [Lahore] at last more more more…");
  EXPECT_EQ(MarkSnippet("Negotiations began", ParseSearchQuery("negotiat*")), "[Negotiations] began");
}

}  // namespace
}  // namespace sitrep::sqlite
