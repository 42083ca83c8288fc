// A search box's text as a PostgreSQL tsquery, made from the same words
// (text/search_words.h) the PostgreSQL store indexes, so that what is asked for and what
// was indexed agree by construction, and the server does no text analysis at all.
//
// What is understood is what FTS5 understands in the SQLite store, and what
// websearch_to_tsquery understood before:
//   plain words        all required                      officials met
//   "a phrase"         the words in order, adjacent      "Donald Bass"
//   word*              a prefix                          negotiat*
//   OR, AND            either / both (AND is implied)    floods OR rain
//   -word, NOT word    without                           floods -cricket, floods NOT cricket
//   ( ... )            grouping                          (floods OR rain) Sindh
// A word that the tokenizer splits ("al-Qaeda", "Dar's") is a phrase of its parts.
// Stopwords are skipped, and inside a phrase they keep their place: "minister of
// defence" is 'minister' <2> 'defence'. NOT binds tighter than AND, AND than OR, as
// in FTS5. FTS5's NEAR and ^ are not understood (NEAR is a word, ^ a separator).
//
// Nothing the user types can break the tsquery: the text is parsed into words and
// operators, and the tsquery is written from those with every lexeme quoted; stray
// quotes, parentheses and operators are tolerated the way websearch_to_tsquery
// tolerated them. The result is sent as a bound parameter, never spliced into SQL.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sitrep::sqlite {

struct SearchQuery {
  // The tsquery in PostgreSQL's text form, e.g. ('talks' <2> 'multan') & 'flood':*.
  // Empty when the text has no word to search for (only stopwords or punctuation).
  std::string tsquery;
  // The lexemes a match may contain (not those under NOT), for marking snippets;
  // `prefixes` are those written with a trailing *.
  std::vector<std::string> terms;
  std::vector<std::string> prefixes;
};

SearchQuery ParseSearchQuery(std::string_view text);

// A lexeme quoted for a tsquery or tsvector literal: 'it''s' (quotes doubled,
// backslashes escaped). Our lexemes never hold either, but nothing relies on that.
std::string QuoteLexeme(std::string_view lexeme);

}  // namespace sitrep::sqlite

namespace sitrep::sqlite {

// About `words` words of `text` around the best cluster of the query's terms, each match
// in [brackets] and "…" where text was cut: the snippet of a search hit, marked with
// the same words the index matched (so "cafe" marks "[Café]"). Empty when no word of
// `text` matches.
std::string MarkSnippet(std::string_view text, const SearchQuery& query, int words = 16);

}  // namespace sitrep::sqlite
