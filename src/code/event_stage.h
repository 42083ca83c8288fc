// The event stage: the last stage of the default pipeline. Codes the events of a Doc
// (event_coder.h) and writes them as the "events" layer: one Annotation per event,
// spanning its trigger word, labelled with its PLOVER type, attrs = EventToJson (type,
// mode, context, CAMEO, actors, date, place, size, evidence spans, modes, quotation,
// confidence). The store turns the layer into event rows (event_rows.h).
#pragma once

#include "code/event_coder.h"
#include "sitrep/pipeline.h"

namespace sitrep::code {

class EventStage : public Stage {
 public:
  EventStage() = default;
  explicit EventStage(EventCoder coder) : coder_(std::move(coder)) {}

  std::string name() const override { return "events"; }
  std::vector<std::string> reads() const override {
    return {"token", "sentence", "dependency", "entity", "timex", "quantity", "quote"};
  }
  std::vector<std::string> writes() const override { return {"events"}; }
  Status Process(Doc& doc) const override;
  // Codes `doc` again knowing what the corpus says about its people (consolidation).
  Status Process(Doc& doc, const NameCodes& known) const;

 private:
  EventCoder coder_;
};

}  // namespace sitrep::code

namespace sitrep {
using code::EventStage;
}
