// IOB2 files: one token a line with its entity tag, sentences separated by blank lines,
// "#" comment lines kept with the sentence that follows them. This is the format of
// Universal NER (https://www.universalner.org): five tab-separated columns
//   id  token  tag  -  annotator
// Lines with two columns are read as "token tag", with one as a bare token (tag O), so
// CoNLL-2003-style files and plain token lists read too.
//
// Tags are "O", "B-TYPE" or "I-TYPE". Spans are read the way conlleval reads them: an
// I- tag that does not continue an entity of its type starts a new one.
//
// Also here: BILOU labels (the recogniser's inner encoding) and exact-span scoring, shared
// by the trainer, the evaluator and the tests.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sitrep/status.h"

namespace sitrep {

struct Iob2Sentence {
  std::vector<std::string> comments;  // as written, with their '#'
  std::vector<std::string> ids;       // first column ("" when the file had none)
  std::vector<std::string> words;
  std::vector<std::string> tags;
  uint64_t offset = 0;                // byte offset of the sentence's first line

  // The value of a "# key = value" comment, or "".
  std::string Comment(std::string_view key) const;
};

// Parses IOB2 `data`; `name` is the file name used in errors (Code::kParse with the byte
// offset of the line). A tag that is neither O nor B-X / I-X is an error.
Result<std::vector<Iob2Sentence>> ParseIob2(std::string_view data, const std::string& name);
Result<std::vector<Iob2Sentence>> ReadIob2File(const std::string& path);

// The IOB2 file of one split in a Universal NER folder: the one named *-SPLIT.iob2
// ("en_ewt-ud-dev.iob2"); for a split without such a file, the one *-SPLIT.*cleaned.iob2,
// then any *-SPLIT.*.iob2 (UNER English's pre-release train). Code::kNotFound otherwise.
Result<std::string> FindIob2Split(const std::string& dir, const std::string& split);

// The documents of a file as sentence ranges [first, second): each "# newdoc" comment
// starts one; in a file without such comments every sentence is a document of its own.
std::vector<std::pair<size_t, size_t>> Iob2Documents(const std::vector<Iob2Sentence>& sents);

// Appends `sent` with `tags` in five columns (id, token, tag, -, -) and a blank line.
// REQUIRES: tags.size() == sent.words.size().
void WriteIob2(const Iob2Sentence& sent, const std::vector<std::string>& tags, std::string* out);

// An entity as token indexes [begin, end) of its sentence.
struct TokenSpan {
  uint32_t begin = 0, end = 0;
  std::string type;
  friend bool operator==(const TokenSpan&, const TokenSpan&) = default;
};

std::vector<TokenSpan> SpansFromIob2(const std::vector<std::string>& tags);
std::vector<std::string> Iob2FromSpans(const std::vector<TokenSpan>& spans, size_t num_words);

// Exact-match span counts per entity type; precision, recall and F1 as percentages.
struct SpanCounts {
  size_t tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp ? 100.0 * tp / (tp + fp) : 0; }
  double recall() const { return tp + fn ? 100.0 * tp / (tp + fn) : 0; }
  double f1() const { return 2 * tp + fp + fn ? 200.0 * tp / (2 * tp + fp + fn) : 0; }
  void Add(const SpanCounts& o) { tp += o.tp, fp += o.fp, fn += o.fn; }
};
struct NerScores {
  std::map<std::string, SpanCounts> by_type;
  SpanCounts all;
  // Counts one sentence. Types outside `keep` (when not empty) are ignored on both sides.
  void AddSentence(const std::vector<TokenSpan>& gold, const std::vector<TokenSpan>& predicted,
                   const std::vector<std::string>& keep = {});
};

}  // namespace sitrep
