// A document's full-text vector, made by sitrep (schema version 6) rather than by the
// server's to_tsvector: reading the text with PostgreSQL's parser was the largest cost
// of writing an article (about 0.7 ms of server CPU in 1.7). The words are those of
// text/search_words.h, the same the queries are made of (store/search_query.h).
//
// As the generated column of earlier versions had it: the title's words weigh A and the
// text's B; positions count every word from 1 (the title's first, then the text's, one
// position apart so that a phrase cannot run from the title into the text), so a
// stopword, left out, still takes its place. PostgreSQL's limits apply as its own
// to_tsvector applies them: positions stop at 16383, a word keeps its first 255
// positions, a lexeme is at most 2047 bytes.
//
// The server receives the vector in tsvector's binary format: it copies it in, with no
// text to parse (the text form costs the server about 0.2 ms an article).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::pg {

class SearchVector {
 public:
  static SearchVector Of(std::string_view title, std::string_view text);

  // tsvector's binary format (tsvectorrecv): a parameter sent as binary into a tsvector
  // column or cast.
  std::string Binary() const;
  // The text form, 'flood':1A,6 'multan':4A,9: for tests and for reading.
  std::string Text() const;
  bool empty() const { return entries_.empty(); }

 private:
  // A lexeme (bytes of pool_) and its positions (positions_[first, first + count)),
  // weight in the top two bits. Entries are in the order PostgreSQL keeps them: by
  // bytes, a prefix before what extends it (std::string_view's own order).
  struct Entry {
    uint32_t offset, size, first, count;
  };
  std::string_view Lexeme(const Entry& e) const { return std::string_view(pool_).substr(e.offset, e.size); }

  // Built without a node or a string per lexeme: an article has about 600 words and
  // a map of them cost more than the server's parser saved.
  std::string pool_;
  std::vector<Entry> entries_;
  std::vector<uint16_t> positions_;
  size_t data_bytes_ = 0;  // what the server will count against its limit
};

}  // namespace sitrep::pg
