// Paragraphs: the blocks that ingest separated with blank lines, labelled "heading",
// "bullet" or "body". Later stages read them to know where a sentence cannot cross.
#pragma once

#include "sitrep/pipeline.h"

namespace sitrep {

class ParagraphStage : public Stage {
 public:
  std::string name() const override { return "paragraphs"; }
  std::vector<std::string> reads() const override { return {}; }
  std::vector<std::string> writes() const override { return {"paragraph"}; }
  Status Process(Doc& doc) const override;
};

}  // namespace sitrep
