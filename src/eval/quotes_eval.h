// The attribution scorer: sitrep's "quote" layer against PolNeAR's source, cue and
// content spans (annotate/polnear.h).
//
// Units. A gold attribution is one unit; its content may be discontinuous (a quote
// interrupted by "he said", or running over several paragraphs). On the system side,
// quotes that continue another one (speaker_from "previous-quote") or share its cue
// ("“A,” he said, “B.”") are merged into one unit the same way.
//
// Matching. Contents are paired one-to-one, largest byte overlap first; a pair counts
// for overlap scores when the two share at least one non-space, non-punctuation byte,
// and for exact scores when their trimmed extents are equal (spaces, punctuation and
// quotation marks at either end do not count: annotators disagree about them). Source
// and cue are scored within the content pairs: a system source is right when it
// overlaps (or, for exact, equals) the gold source of the attribution whose content it
// was paired with. Precision divides by the system units that have that role, recall by
// the gold units that have it. The system's source is the speaker as written next to the
// cue (speaker_mention: "he", not the name it resolves to), which is what PolNeAR marks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/doc.h"
#include "sitrep/status.h"

namespace sitrep {

// One attribution as pieces of text, gold or system.
struct AttributionUnit {
  std::vector<Span> source, cue, content;
};

struct RoleCounts {
  size_t gold = 0, system = 0;
  size_t exact = 0, overlap = 0;  // matched units
  void Add(const RoleCounts& other);
};

struct AttributionCounts {
  RoleCounts source, cue, content;
  void Add(const AttributionCounts& other);
};

struct RoleScores {
  double exact_p = 0, exact_r = 0, exact_f1 = 0;
  double overlap_p = 0, overlap_r = 0, overlap_f1 = 0;
};
RoleScores Summarize(const RoleCounts& counts);  // fractions in [0, 1]

// Scores one article; all spans index `text`.
AttributionCounts ScoreAttributions(std::string_view text, const std::vector<AttributionUnit>& gold,
                                    const std::vector<AttributionUnit>& system);

// The "quote" layer of a Doc as units: continuations and shared cues merged.
std::vector<AttributionUnit> UnitsFromQuoteLayer(const Doc& doc);

struct QuotesEvalOptions {
  std::string data;          // the PolNeAR folder with train/, dev/, test/
  std::string split = "dev";
  size_t skip = 0, limit = 0;  // articles in name order, to tune on part of a split
  bool syntax = true;        // run the syntax stage when its models load
  std::string models;        // model folder; empty: the default one
  // When set: misses (MISS), false alarms (FALSE) and contents found with the wrong
  // speaker (SOURCE: the gold unit, then SOURCE-WAS: ours) written here, one a line.
  std::string errors;
  bool cue_model = true;     // use the learnt cues (quote_cues.model in the model folder)
};

struct QuotesEvalResult {
  size_t articles = 0;
  AttributionCounts counts;
  size_t direct = 0, mixed = 0, indirect = 0;  // system quotes by kind
  bool used_syntax = false;
  bool used_cue_model = false;
  double core_seconds = 0;    // CPU: reading, paragraphs, tokens, sentences (and syntax when used)
  double layer_seconds = 0;   // CPU: the quantities and quotes stages
};

// Reads the split, annotates every article (read as a plain-text file is, then the
// paragraph, token, syntax when its models load, quantities and quotes stages) and scores it.
Result<QuotesEvalResult> RunQuotesEval(const QuotesEvalOptions& options);

// Trains the learnt cue classifier (annotate/quote_cue_model.h) on a PolNeAR split and
// writes it to `out`. Each verb of the parsed articles is one example, a cue when it
// overlaps a gold cue span. Deterministic for a given seed.
struct QuoteCueTrainOptions {
  std::string data;
  std::string split = "train";
  size_t skip = 0, limit = 0;
  std::string models;        // the syntax models; empty: the default folder
  std::string out;           // the model file to write
  int epochs = 8;
  float min_weight = 0.05f;  // averaged weights smaller than this are dropped
  uint64_t seed = 1;
};

struct QuoteCueTrainResult {
  size_t articles = 0, examples = 0, positives = 0, features = 0;
  std::vector<double> epoch_accuracy;  // on the training examples, while learning
};

Result<QuoteCueTrainResult> TrainQuoteCues(const QuoteCueTrainOptions& options);

}  // namespace sitrep
