// The event stage: the last stage of the default pipeline. Codes the events of a Doc
// (event_coder.h) and writes them as the "events" layer: one Annotation per event,
// spanning its trigger word, labelled with its PLOVER type, attrs = EventToJson (type,
// mode, context, CAMEO, actors, date, place, size, evidence spans, modes, quotation,
// confidence). The store turns the layer into event rows (event_rows.h).
#pragma once

#include <memory>

#include "code/event_coder.h"
#include "sitrep/pipeline.h"

namespace sitrep::code {

class EventStage : public Stage {
 public:
  EventStage() = default;
  explicit EventStage(EventCoder coder) : coder_(std::move(coder)) {}
  // Codes actors with `lexicon` (null: sitrep's own), which the stage keeps alive.
  explicit EventStage(std::shared_ptr<const ActorLexicon> lexicon)
      : lexicon_(std::move(lexicon)),
        coder_(lexicon_ ? EventCoder(PredicateLexicon::Default(), *lexicon_) : EventCoder()) {}

  std::string name() const override { return "events"; }
  std::vector<std::string> reads() const override {
    return {"token", "sentence", "dependency", "entity", "timex", "quantity", "quote"};
  }
  std::vector<std::string> writes() const override { return {"events"}; }
  Status Process(Doc& doc) const override;
  // Codes `doc` again knowing what the corpus says about its people (consolidation).
  Status Process(Doc& doc, const NameCodes& known) const;

 private:
  std::shared_ptr<const ActorLexicon> lexicon_;  // declared first: coder_ refers to it
  EventCoder coder_;
};

}  // namespace sitrep::code

namespace sitrep {
using code::EventStage;
}
