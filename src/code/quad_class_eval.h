// How often the event coder finds the right kind of event in real news sentences: the
// CAMEO-annotated sentences of ConfliBERT's cameo_class set (one "sentence<TAB>label" a
// line). The labels follow the Phoenix pipeline's five-way QuadClass, which the label
// distribution and the sentences bear out: 0 neutral (CAMEO 01-02, statements and
// appeals), 1 verbal cooperation (03-05), 2 material cooperation (06-08), 3 verbal
// conflict (09-13, and 16, reducing relations), 4 material conflict (14-15, 17-20).
//
// Each sentence goes through the whole pipeline on its own. The sentence's prediction is
// that class of the CAMEO code of its most confident event; a sentence with no event
// predicts nothing. Precision: right predictions over sentences with an event; recall:
// right predictions over all sentences.
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
  static constexpr int kNone = 5;  // the predicted column of sentences with no event
  // confusion[gold][predicted]: gold label 0-4, predicted class 0-4 or kNone.
  std::array<std::array<int, 6>, 5> confusion{};
  int right() const;
  int predicted() const;  // sentences with an event
  int gold() const;       // all sentences
  double precision() const { return predicted() ? double(right()) / predicted() : 0; }
  double recall() const { return gold() ? double(right()) / gold() : 0; }
  double f1() const { double p = precision(), r = recall(); return p + r > 0 ? 2 * p * r / (p + r) : 0; }
};

// The Phoenix five-way class of a CAMEO code ("0412" -> 1, "163" -> 3), -1 if malformed.
int PhoenixQuadClass(std::string_view cameo);

using SentenceAnnotator = std::function<std::optional<Doc>(const std::string& id, const std::string& text)>;

// Reads DIR/cameo_class/SPLIT.tsv. kNotFound naming the file when it is missing; a
// malformed line is kInvalidArgument naming the file and line.
Result<QuadClassResult> EvalQuadClasses(const std::string& dir, const std::string& split,
                                        const SentenceAnnotator& annotate);

}  // namespace sitrep::code
