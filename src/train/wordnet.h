// What WordNet (Princeton WordNet 3.0, Debian package wordnet-base) says about an English
// word form: which parts of speech it can be, directly or as an inflection of a lemma.
// Used as a feature by the tagger for words it never saw in training, and by the
// lemmatizer to prefer real lemmas. The lexicon is read from the WordNet database files
// when training and stored inside the model files, so sitrep needs no WordNet at run time.
//
// The analysis follows WordNet's own "morphy": the form itself, the exception lists
// (irregular forms: "went" -> "go", "mice" -> "mouse"), then the detachment rules per part
// of speech ("-ies" -> "-y", "-ing" -> "", "-est" -> "-e", ...), each kept only when it
// gives a lemma of that part of speech.
//
// Licence: WordNet 3.0 Copyright 2006 by Princeton University (see models/README.md).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/status.h"
#include "train/model_file.h"

namespace sitrep {

class WordNetLexicon {
 public:
  // Bits of a signature.
  enum : uint32_t {
    kNoun = 1 << 0, kNounPlural = 1 << 1,
    kVerb = 1 << 2, kVerbS = 1 << 3, kVerbEd = 1 << 4, kVerbIng = 1 << 5,
    kAdj = 1 << 6, kAdjEr = 1 << 7, kAdjEst = 1 << 8,
    kAdv = 1 << 9,
    kNounIrregular = 1 << 10, kVerbIrregular = 1 << 11, kAdjIrregular = 1 << 12, kAdvIrregular = 1 << 13,
  };
  // Lemma part-of-speech bits.
  enum : uint8_t { kPosNoun = 1, kPosVerb = 2, kPosAdj = 4, kPosAdv = 8 };

  bool empty() const { return lemmas_.empty(); }
  size_t size() const { return lemmas_.size(); }

  // The signature of a lower-cased word form; 0 when WordNet knows nothing of it.
  uint32_t Signature(std::string_view lower) const;
  // Part-of-speech bits of a lemma (lower-cased), 0 if it is not a WordNet lemma.
  uint8_t LemmaPos(std::string_view lower) const;
  // The base forms the exception lists give for an irregular form of part of speech
  // `pos` (one kPos* bit), e.g. "went" kPosVerb -> {"go"}.
  std::vector<std::string> Exceptions(std::string_view lower, uint8_t pos) const;

  // Reads index.{noun,verb,adj,adv} and {noun,verb,adj,adv}.exc from `dir`.
  static Result<WordNetLexicon> ReadDatabase(const std::string& dir);
  // The glosses and example sentences of data.{noun,verb,adj,adv}: text for word classes.
  static Result<std::vector<std::vector<std::string>>> ReadGlosses(const std::string& dir);

  void Write(SectionWriter* w) const;
  static Result<WordNetLexicon> Read(SectionReader* r);

 private:
  std::unordered_map<uint64_t, uint8_t> lemmas_;  // hash(lemma) -> kPos* bits
  // hash(form) -> (pos bit, base form): the exception lists.
  std::unordered_multimap<uint64_t, std::pair<uint8_t, std::string>> exceptions_;
};

}  // namespace sitrep
