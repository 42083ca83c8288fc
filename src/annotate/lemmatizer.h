// The lemmatizer: the dictionary form of each word given its Penn Treebank tag ("went" VBD
// -> "go", "studies" NNS -> "study"), from the rules in models/lemmatizer.model.
//
// The rules and their order (training lookup, then learnt suffix rules per tag, then the
// form itself) are described in train/lemma_model.h. Immutable once loaded: one instance
// serves every worker thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "sitrep/status.h"
#include "train/lemma_model.h"

namespace sitrep {

class Lemmatizer {
 public:
  explicit Lemmatizer(LemmaModel model) : model_(std::move(model)) {}

  // Loads and verifies a model file. Errors: Code::kModel with the file and byte offset.
  static Result<std::shared_ptr<const Lemmatizer>> Load(const std::string& path);

  // The lemma of `form` tagged `xpos`; never empty for a non-empty form. Thread-safe.
  std::string Lemmatize(std::string_view form, std::string_view xpos) const { return model_.Lemmatize(form, xpos); }

  const LemmaModel& model() const { return model_; }

 private:
  LemmaModel model_;
};

}  // namespace sitrep
