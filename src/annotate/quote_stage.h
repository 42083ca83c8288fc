// The quotes stage: direct, mixed and indirect quotations with their cue and speaker
// (see quotes.h), as the "quote" layer. Each annotation spans the quote's content, cue
// and the speaker words next to the cue; its label is "direct", "mixed" or "indirect";
// its attrs are QuoteAttrsJson's object, with "speaker_entity": null until the entities
// stage fills it (ResolveSpeakerEntities).
//
// Problems with the document's quotation marks (a mark never closed, a closer without
// an opener) go to the "quote_warning" layer, one annotation per problem with the
// message as its label, and one over the whole text that counts them.
#pragma once

#include "sitrep/pipeline.h"

namespace sitrep {

class QuoteStage : public Stage {
 public:
  std::string name() const override { return "quotes"; }
  std::vector<std::string> reads() const override { return {"token", "sentence", "paragraph"}; }
  std::vector<std::string> writes() const override { return {"quote", "quote_warning"}; }
  Status Process(Doc& doc) const override;
};

}  // namespace sitrep
