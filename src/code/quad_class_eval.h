// How often the event coder finds the right kind of event in real news sentences: the
// CAMEO-annotated sentences of ConfliBERT's cameo_class set (one "sentence<TAB>label" a
// line; labels 1-4 read as CAMEO QuadClasses: verbal and material cooperation, verbal
// and material conflict; label 0, statements with no cooperation or conflict, is
// reported apart and not scored).
//
// Each sentence goes through the whole pipeline on its own. The sentence's prediction is
// the QuadClass of its most confident event; a sentence with no event predicts nothing.
// Precision: right predictions over sentences predicted (of labels 1-4); recall: right
// predictions over sentences of labels 1-4.
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <string>

#include "sitrep/doc.h"
#include "sitrep/status.h"

namespace sitrep::code {

struct QuadClassResult {
  int sentences = 0;
  // confusion[gold][predicted]: gold label 0-4, predicted QuadClass 1-4 or 0 for no event.
  std::array<std::array<int, 5>, 5> confusion{};
  int right() const;
  int predicted() const;  // sentences of labels 1-4 with an event
  int gold() const;       // sentences of labels 1-4
  double precision() const { return predicted() ? double(right()) / predicted() : 0; }
  double recall() const { return gold() ? double(right()) / gold() : 0; }
  double f1() const { double p = precision(), r = recall(); return p + r > 0 ? 2 * p * r / (p + r) : 0; }
};

using SentenceAnnotator = std::function<std::optional<Doc>(const std::string& id, const std::string& text)>;

// Reads DIR/cameo_class/SPLIT.tsv. kNotFound naming the file when it is missing; a
// malformed line is kInvalidArgument naming the file and line.
Result<QuadClassResult> EvalQuadClasses(const std::string& dir, const std::string& split,
                                        const SentenceAnnotator& annotate);

}  // namespace sitrep::code
