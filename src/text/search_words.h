// The words of a text as full-text search sees them, made by sitrep itself so that what
// a store indexes and what a query asks for come from the same code.
//
// A word is a run of Unicode letters, digits, marks and private-use characters; every
// other character (spaces, punctuation, symbols, bytes that are not UTF-8) separates
// words, as in SQLite FTS5's unicode61 tokenizer. "Dar's al-Qaeda" is four words: dar,
// s, al, qaeda. A word's lexeme is lower-cased with the diacritics of Latin, Greek and
// Cyrillic letters removed (unicode61's remove_diacritics 2): "Café" is cafe. No
// stemming: "talks" and "talk" are different words, as they are in FTS5.
//
// The PostgreSQL store (src/store/pg/pg_search_vector.h) builds its tsvector from these
// words and its tsquery (src/store/search_query.h) too.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "sitrep/span.h"

namespace sitrep {

struct SearchWord {
  std::string_view lexeme;  // valid until the next call of SearchWords::Next
  Span span;                // the word's bytes in the text
  bool stopword = false;    // one of the few English words not worth indexing
};

// PostgreSQL's limit for one lexeme (MAXSTRLEN): longer words are cut, at a character
// boundary, the same way on both sides, so they still match themselves.
constexpr size_t kMaxLexemeBytes = 2047;

// Walks the words of `text`, in order:  for (SearchWords w(text); w.Next(&word);) ...
class SearchWords {
 public:
  explicit SearchWords(std::string_view text) : text_(text) {}
  bool Next(SearchWord* word);

 private:
  std::string_view text_;
  size_t at_ = 0;
  std::string lexeme_;
};

// The stopwords: Lucene's English set (a, an, and, the, of, to, ...), 33 words that are
// in nearly every article. Left out of the index they take no space there and cost no
// index entry; a query skips them and a phrase keeps their place ("minister of
// defence" is minister, two positions on, defence).
bool IsSearchStopword(std::string_view lexeme);

}  // namespace sitrep
