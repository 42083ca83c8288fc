// The learnt half of cue finding: a binary averaged perceptron that reads a verb in its
// parse and says whether it carries an attribution ("mentioned", "backed", "is
// raising questions about", "her criticism of"). The rule lexicon of quote_cues.h knows the reporting verbs
// of wire copy; political news attributes far more (stances, endorsements, accusations),
// and PolNeAR marks them, so the long tail is learnt from its train split instead of
// listed by hand.
//
// Features of a verb or noun token: its word, lemma and Penn tag; its own relation and its
// head's tag; the relation of each dependent and which side it is on, with the lemma;
// the words beside it; whether the rule lexicon knows it; whether a quotation mark is
// in its sentence. Scores are sums of float weights over hashed features, kept in a
// sorted table (binary search per feature).
//
// The file is a model file (train/model_file.h) of kind "quote_cues" with sections
// "params" (threshold) and "weights" (feature hashes, then weights). It is made by
// `sitrep train quotes` (eval/quotes_eval.h: TrainQuoteCues) and read once per process;
// a loaded model is immutable and safe to share between threads.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "sitrep/doc.h"
#include "sitrep/status.h"

namespace sitrep {

inline constexpr const char* kQuoteCueModelFile = "quote_cues.model";

// True for the tokens the model is asked about: verbs and nouns with a parse.
bool IsCueCandidate(const Doc& doc, uint32_t k);

// The hashed features of token k. REQUIRES: k indexes doc.tokens() and lies in a sentence.
void CueFeatures(const Doc& doc, uint32_t k, std::vector<uint64_t>* out);

class QuoteCueModel {
 public:
  // Errors: Code::kModel (damaged, foreign) or kNotFound, naming the file.
  static Result<QuoteCueModel> Load(const std::string& path);
  // DefaultModelDir()/quote_cues.model.
  static Result<QuoteCueModel> LoadDefault();
  Status Save(const std::string& path) const;

  // The margin of token k: above zero, the model takes it for a cue.
  float Score(const Doc& doc, uint32_t k) const;
  bool IsCue(const Doc& doc, uint32_t k) const { return IsCueCandidate(doc, k) && Score(doc, k) > threshold_; }
  size_t num_features() const { return keys_.size(); }

 private:
  friend class QuoteCueTrainer;
  std::vector<uint64_t> keys_;  // sorted
  std::vector<float> weights_;  // weights_[i] belongs to keys_[i]
  float threshold_ = 0;
};

// Averaged perceptron training (Collins 2002), with lazily updated totals.
class QuoteCueTrainer {
 public:
  // One example; returns whether the current weights got it right.
  bool Learn(const std::vector<uint64_t>& features, bool is_cue);
  // The averaged weights, dropping those smaller than `min_weight` in magnitude.
  QuoteCueModel Finish(float min_weight) const;

 private:
  struct Weight {
    float w = 0, total = 0;
    uint64_t stamp = 0;
  };
  std::unordered_map<uint64_t, Weight> weights_;
  uint64_t step_ = 0;
};

}  // namespace sitrep
