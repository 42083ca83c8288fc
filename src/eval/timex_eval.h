// The TempEval-3 time-expression scorer (task A, TIMEX3): sitrep's TIMEX3 tags against
// the gold ones of a TimeML corpus.
//
// As TempEval-3 scores it: a system timex matches a gold one strictly when the two cover
// the same text, and in the relaxed sense when they overlap (each timex matches at most
// one other, exact matches first). Precision, recall and F1 for both; type and value
// accuracy over the relaxed matches; and the ranking figure, value F1 = relaxed F1 x value
// accuracy. The creation time (functionInDocument="CREATION_TIME") is not scored: it is
// given to the system, not found by it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "annotate/timeml.h"
#include "sitrep/status.h"

namespace sitrep {

struct TimexCounts {
  size_t docs = 0, gold = 0, system = 0;
  size_t strict = 0, relaxed = 0;     // matched pairs
  size_t type_ok = 0, value_ok = 0;   // among relaxed matches
  void Add(const TimexCounts& other);
};

// One gold/system pairing (or a miss or a spurious timex), for error analysis.
struct TimexPair {
  const TimemlTimex* gold = nullptr;    // null: spurious system timex
  const TimemlTimex* system = nullptr;  // null: missed gold timex
};

// Scores one document; both lists have spans into the same text. `pairs` (optional)
// receives every pairing, miss and spurious timex.
TimexCounts ScoreTimexes(const std::vector<TimemlTimex>& gold, const std::vector<TimemlTimex>& system,
                         std::vector<TimexPair>* pairs = nullptr);

struct TimexScores {
  double strict_p = 0, strict_r = 0, strict_f1 = 0;
  double relaxed_p = 0, relaxed_r = 0, relaxed_f1 = 0;
  double type_accuracy = 0, value_accuracy = 0;
  double type_f1 = 0, value_f1 = 0;  // relaxed F1 x accuracy
};
TimexScores Summarize(const TimexCounts& counts);  // percentages

// The fixed split of a corpus: "dev" (looked at while building sitrep), "heldout" (only
// measured), "all". A file's part depends only on its name (FNV-1a parity), so the split
// is the same wherever the corpus sits.
bool InTimexSplit(std::string_view file_name, std::string_view split);

// Every *.tml file under `dir` (recursively; `dir` may also be one file), sorted.
Result<std::vector<std::string>> FindTimemlFiles(const std::string& dir);

}  // namespace sitrep
