// Scoring the entity recogniser on gold IOB2 sentences (Universal NER): exact-span
// precision, recall and F1 per type and overall, as conlleval counts them, and the speed.
#pragma once

#include <string>
#include <vector>

#include "annotate/iob2.h"
#include "annotate/ner.h"

namespace sitrep {

struct NerEvaluation {
  NerScores scores;
  size_t sentences = 0, tokens = 0;
  double seconds = 0;  // CPU time of recognition alone (reading and scoring excluded)
  double tokens_per_second() const { return seconds > 0 ? tokens / seconds : 0; }
};

// Runs `ner` over the gold words of `gold`, a document at a time (Iob2Documents), and
// scores its entities against the gold tags.
// Only the types in `types` count (empty: the recogniser's types).
NerEvaluation EvaluateNer(const NamedEntityRecognizer& ner, const std::vector<Iob2Sentence>& gold,
                          const std::vector<std::string>& types = {});

// One line per type and one for all types:
//   "PER: precision=91.20 recall=88.00 f1=89.57 gold=343 predicted=331"
// then the summary line "ner: f1=.. per=.. org=.. loc=.." (types lower-cased, in `types` order).
std::string FormatNerScores(const NerScores& scores, const std::vector<std::string>& types);

}  // namespace sitrep
