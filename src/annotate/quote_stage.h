// The quotes stage: direct, mixed and indirect quotations with their cue and speaker
// (see quotes.h), as the "quote" layer. Each annotation spans the quote's content, cue
// and the speaker words next to the cue; its label is "direct", "mixed" or "indirect";
// its attrs are QuoteAttrsJson's object. Built with_entities (after the entities stage),
// it ties each speaker to an entity of the "entity" layer ("speaker_entity",
// quote_speakers.h); without, "speaker_entity" is null.
//
// Problems with the document's quotation marks (a mark never closed, a closer without
// an opener) go to the "quote_warning" layer, one annotation per problem with the
// message as its label, and one over the whole text that counts them.
#pragma once

#include "sitrep/pipeline.h"

namespace sitrep {

class QuoteStage : public Stage {
 public:
  QuoteStage() = default;
  explicit QuoteStage(bool with_entities) : with_entities_(with_entities) {}
  std::string name() const override { return "quotes"; }
  std::vector<std::string> reads() const override {
    if (with_entities_) return {"token", "sentence", "paragraph", "entity"};
    return {"token", "sentence", "paragraph"};
  }
  std::vector<std::string> writes() const override { return {"quote", "quote_warning"}; }
  Status Process(Doc& doc) const override;

 private:
  bool with_entities_ = false;
};

}  // namespace sitrep
