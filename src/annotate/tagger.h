// The part-of-speech tagger: Universal (UPOS) and Penn Treebank (XPOS) tags for the words
// of a sentence, from the averaged-perceptron model in models/tagger.model.
//
// The model and its features are defined in train/tagger_model.h (shared with the trainer,
// so a model scores the same in `sitrep train` and here). A Tagger is immutable once
// loaded: one instance serves every worker thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/status.h"
#include "train/tagger_model.h"

namespace sitrep {

struct PosTag {
  std::string_view upos;  // points into the model; valid while the Tagger lives
  std::string_view xpos;
  std::string_view xpos2;  // the runner-up XPOS where the tagger hesitated, else empty
};

class Tagger {
 public:
  explicit Tagger(TaggerModel model) : model_(std::move(model)) {}

  // Loads and verifies a model file. Errors: Code::kModel with the file and byte offset.
  static Result<std::shared_ptr<const Tagger>> Load(const std::string& path);

  // Tags one sentence; `tags` gets one entry per word. Linear in the number of words; any
  // input (empty, 10,000 words, arbitrary bytes) is safe. Thread-safe.
  void Tag(const std::vector<std::string_view>& words, std::vector<PosTag>* tags) const;

  const TaggerModel& model() const { return model_; }

 private:
  TaggerModel model_;
};

}  // namespace sitrep
