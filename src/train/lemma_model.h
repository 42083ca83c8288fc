// The lemmatizer's model: edit rules learnt from CoNLL-U (form, XPOS, lemma) triples.
//
// A lemma is stored as a rule that rewrites the form: optionally lower-case it, strip
// some bytes from its end, append a string ("studies" NNS -> lower, strip 3, add "y").
// Lemmatizing tries, in order:
//   1. the exact (form, XPOS) seen in training, then the lower-cased form with that XPOS;
//   2. the rule most often used for each ending of the form seen with that XPOS (endings
//      of up to kMaxSuffix bytes, kept when seen with two different words and covering
//      what the rule strips), longest ending first: the first whose lemma was seen in training
//      wins, else the longest ending's;
//   3. the form itself, lower-cased unless the XPOS is a proper noun.
// Rules never produce an empty lemma: a rule that would strip the whole form is skipped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "train/conllu.h"
#include "train/model_file.h"

namespace sitrep {

inline constexpr std::string_view kLemmatizerKind = "lemmatizer";

struct LemmaRule {
  bool lower = false;
  uint8_t strip = 0;
  std::string add;
  friend bool operator==(const LemmaRule&, const LemmaRule&) = default;
};

class LemmaModel {
 public:
  static constexpr int kMaxSuffix = 7;

  // The lemma of `form` tagged `xpos`. Thread-safe.
  std::string Lemmatize(std::string_view form, std::string_view xpos) const;

  // Learns the tables from gold sentences.
  static LemmaModel Train(const std::vector<ConlluSentence>& train);

  size_t num_rules() const { return rules_.size(); }
  Status Write(const std::string& path) const;
  static Result<LemmaModel> Load(const std::string& path);
  static Result<LemmaModel> FromFile(const ModelFile& file);

  // The rule that turns `form` into `lemma` (exposed for tests).
  static LemmaRule RuleFor(std::string_view form, std::string_view lemma);
  static bool Apply(const LemmaRule& rule, std::string_view form, std::string* lemma);

 private:
  std::vector<LemmaRule> rules_;
  std::unordered_map<uint64_t, uint32_t> known_;    // hash(form \t xpos) -> rule
  std::unordered_map<uint64_t, uint32_t> endings_;  // hash(xpos, ending) -> rule
  std::unordered_set<uint64_t> lemmas_;             // lower-cased lemmas seen in training
};

}  // namespace sitrep
