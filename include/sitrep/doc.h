// The document: the one data model every stage reads and writes.
//
// A Doc owns its original input bytes and the clean UTF-8 text made from them; the text
// is fixed once ingest is done. Everything found later is an annotation: a span of byte
// offsets into the clean text, kept in a named layer. The OffsetMap takes any span back
// to the exact bytes of the original input, which is how every fact stays traceable.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/span.h"

namespace sitrep {

// A point in time read from a document, with how much of it is known.
struct DateTime {
  enum class Precision : uint8_t { kYear, kMonth, kDay, kMinute, kSecond };

  std::string iso;  // "2024-09-17T17:50", "2024-09-17", "2024-09" (local time as stated)
  Precision precision = Precision::kDay;
  std::optional<int> utc_offset_minutes;  // known only when the source states it
  std::string found_in;                   // where it came from: "meta:article:published_time", "byline", ...

  friend bool operator==(const DateTime&, const DateTime&) = default;
};

// "year", "month", "day", "minute", "second": the names stored and printed everywhere.
std::string_view PrecisionName(DateTime::Precision precision);

// What the reader learnt about an article besides its text. Every field found in the
// original input keeps the original byte range it was read from.
// A figure caption or photo credit: not article text, kept beside it.
struct Caption {
  std::string text;
  Span original;  // the caption's bytes in the original input
};

struct Metadata {
  std::string title;
  std::optional<DateTime> published;
  std::optional<DateTime> modified;
  std::vector<std::string> authors;
  std::string dateline_place;   // "ISLAMABAD" in "ISLAMABAD (PEN) :"
  std::string dateline_agency;  // "PEN"
  std::string source;           // outlet or site name
  std::string url;
  std::string language;
  std::string description;
  std::vector<Caption> captions;         // in page order
  std::map<std::string, Span> evidence;  // field name -> original byte range
};

// Where a document came from: the input file and the byte offset of its record in it
// (a line of a JSONL file, a record of a WARC file; 0 for a whole file).
struct Origin {
  std::string path;
  uint64_t offset = 0;
  std::string format;  // "text", "html", "jsonl", "warc"
};

// One annotation: a span of the clean text, a label, and optional attributes (JSON).
// A part of the original input that ingest left out of the clean text, and why
// ("debris: read-more teaser", "html: nav"), so an analyst can audit every drop.
struct Dropped {
  Span original;
  std::string reason;
};

struct Annotation {
  Span span;
  std::string label;
  std::string attrs;
};

// A token of the clean text with what the language core found about it. Heads are
// indexes into the document's token vector (-1 for the root of a sentence).
struct Token {
  Span span;
  std::string upos;    // Universal POS tag: NOUN, VERB, PROPN, ...
  std::string xpos;    // Penn Treebank tag: NN, VBD, NNP, ...
  std::string lemma;
  int32_t head = -1;
  std::string deprel;  // Universal Dependencies relation: nsubj, obj, ...
  bool space_after = true;
};

// A sentence: its span and the tokens [token_begin, token_end) that make it up.
struct Sentence {
  Span span;
  uint32_t token_begin = 0;
  uint32_t token_end = 0;
};

class Doc {
 public:
  Doc(Origin origin, std::string original, std::string text, OffsetMap map, Metadata meta);

  const Origin& origin() const { return origin_; }
  const std::string& original() const { return original_; }
  const std::string& text() const { return text_; }
  const OffsetMap& offset_map() const { return map_; }
  const Metadata& meta() const { return meta_; }
  Metadata& mutable_meta() { return meta_; }

  // XXH3-128 of the original bytes, hex: the identity used to make re-ingest a no-op.
  const std::string& content_hash() const { return content_hash_; }
  // XXH3-128 of the clean text, hex: equal for byte-identical articles from any source.
  const std::string& text_hash() const { return text_hash_; }

  std::string_view Slice(Span span) const;
  Span ToOriginal(Span clean) const { return map_.ToOriginal(clean); }

  // What ingest left out, in original byte ranges.
  const std::vector<Dropped>& dropped() const { return dropped_; }
  void set_dropped(std::vector<Dropped> dropped) { dropped_ = std::move(dropped); }

  // The language core's layers: tokens and sentences, in text order.
  const std::vector<Token>& tokens() const { return tokens_; }
  std::vector<Token>& mutable_tokens() { return tokens_; }
  const std::vector<Sentence>& sentences() const { return sentences_; }
  std::vector<Sentence>& mutable_sentences() { return sentences_; }

  // Annotation layers by name ("paragraph", "debris", "sentence", ...), each sorted by span.
  const std::map<std::string, std::vector<Annotation>>& layers() const { return layers_; }
  const std::vector<Annotation>* Layer(const std::string& name) const;
  void SetLayer(const std::string& name, std::vector<Annotation> annotations);

 private:
  Origin origin_;
  std::string original_;
  std::string text_;
  OffsetMap map_;
  Metadata meta_;
  std::string content_hash_;
  std::string text_hash_;
  std::vector<Dropped> dropped_;
  std::vector<Token> tokens_;
  std::vector<Sentence> sentences_;
  std::map<std::string, std::vector<Annotation>> layers_;
};

// XXH3-128 as 32 lowercase hex digits.
std::string HashHex(std::string_view bytes);

}  // namespace sitrep
