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
//
// With a cue model (quote_cue_model.h), verbs the rule lexicon does not know are also
// read as cues when the model says so; without one, the rules work alone.
#pragma once

#include <memory>

#include "annotate/quote_cue_model.h"
#include "sitrep/pipeline.h"

namespace sitrep {

class QuoteStage : public Stage {
 public:
  QuoteStage() = default;
  explicit QuoteStage(bool with_entities, std::shared_ptr<const QuoteCueModel> cues = nullptr)
      : with_entities_(with_entities), cues_(std::move(cues)) {}
  // The stage with the default cue model (QuoteCueModel::LoadDefault): a missing or
  // damaged model file is an error naming it.
  static Result<std::unique_ptr<QuoteStage>> MakeDefault(bool with_entities);
  std::string name() const override { return "quotes"; }
  std::vector<std::string> reads() const override {
    if (with_entities_) return {"token", "sentence", "paragraph", "entity"};
    return {"token", "sentence", "paragraph"};
  }
  std::vector<std::string> writes() const override { return {"quote", "quote_warning"}; }
  Status Process(Doc& doc) const override;

 private:
  bool with_entities_ = false;
  std::shared_ptr<const QuoteCueModel> cues_;  // shared read-only by every worker
};

}  // namespace sitrep
