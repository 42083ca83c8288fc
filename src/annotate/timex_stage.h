// The timex stage: time expressions of a Doc, with TIMEX3 values resolved against its
// creation time (DCT).
//
// Writes two layers:
//   "timex": one Annotation per expression; label = TIMEX3 type (DATE, TIME, DURATION,
//            SET); attrs = TimexAttrsJson (value, granularity, mod, range, anchor,
//            direction, warning).
//   "dct":   one Annotation (span {0,0}, label "dct"): the DCT used, stated or estimated
//            from content, with its bounds and evidence (DctAttrsJson).
// The DCT is the article's own date (meta().published) when it has one; otherwise the
// content estimate of dct_inference.h, and values it cannot decide stay underspecified.
#pragma once

#include "annotate/dct_inference.h"
#include "sitrep/pipeline.h"

namespace sitrep {

class TimexStage : public Stage {
 public:
  std::string name() const override { return "timex"; }
  std::vector<std::string> reads() const override { return {"token", "sentence"}; }
  std::vector<std::string> writes() const override { return {"timex", "dct"}; }
  Status Process(Doc& doc) const override;
};

// Finds, resolves and writes the "timex" and "dct" layers. `estimate` null: the stated
// DCT, or else the content estimate. REQUIRES: doc has tokens and sentences.
void AnnotateTimexes(Doc& doc, const DctEstimate* estimate);

}  // namespace sitrep
