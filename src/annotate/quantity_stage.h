// The quantities stage: counts and amounts of every sentence (see quantities.h), as the
// "quantity" layer. Each annotation spans the whole quantity ("at least 170 militant
// attacks"); its label says what is counted and its attrs hold the figures:
//   {"value": n|null, "min": n|null, "max": n|null, "exact": bool, "unit": "count",
//    "counted_span": [b,e]|null, "outcome": "killed"|"injured"|null,
//    "source_span": [b,e]|null, "warning": "..."|null}
// A plain figure has value = min = max; "over 50" has only min; "around 1,000" has a
// value with exact = false. A number too long to hold exactly has value null and a warning.
#pragma once

#include "sitrep/pipeline.h"

namespace sitrep {

class QuantityStage : public Stage {
 public:
  std::string name() const override { return "quantities"; }
  std::vector<std::string> reads() const override { return {"token", "sentence"}; }
  std::vector<std::string> writes() const override { return {"quantity"}; }
  Status Process(Doc& doc) const override;
};

}  // namespace sitrep
