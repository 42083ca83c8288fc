// The dependency parser: a head and a Universal Dependencies relation for every word of a
// tagged sentence, from the arc-eager model in models/parser.model.
//
// The transition system, oracle, features and the pseudo-projective encoding that lets a
// projective parser produce crossing arcs are described in train/parser_model.h and
// train/projectivize.h. Immutable once loaded: one instance serves every worker thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/status.h"
#include "train/parser_model.h"

namespace sitrep {

class Parser {
 public:
  explicit Parser(ParserModel model) : model_(std::move(model)) {}

  // Loads and verifies a model file. Errors: Code::kModel with the file and byte offset.
  static Result<std::shared_ptr<const Parser>> Load(const std::string& path);

  // Parses one sentence of words with their XPOS and UPOS tags (same length as `words`)
  // and the tagger's runner-up XPOS tags (PosTag::xpos2; may be empty).
  // `heads` gets the 0-based index of each word's head, -1 for the one root; `labels` the
  // relation ("nsubj", "obl:tmod", "root"). Time and memory are linear in the number of
  // words, so a 10,000-word "sentence" is safe. Thread-safe.
  void Parse(const std::vector<std::string_view>& words, const std::vector<std::string_view>& xpos,
             const std::vector<std::string_view>& upos, const std::vector<std::string_view>& xpos2,
             std::vector<int>* heads,
             std::vector<std::string>* labels) const;

  const ParserModel& model() const { return model_; }

 private:
  ParserModel model_;
};

}  // namespace sitrep
