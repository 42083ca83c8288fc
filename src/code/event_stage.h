// The event stage: the last stage of the default pipeline. Codes the events of a Doc
// (event_coder.h) and writes them as the "events" layer: one Annotation per event,
// spanning its trigger word, labelled with its PLOVER type, attrs = EventToJson (type,
// mode, context, CAMEO, actors, date, place, size, evidence spans, modes, quotation,
// confidence). The store turns the layer into event rows (event_rows.h).
// With the user's verb dictionaries (--verbs; dictionaries/dictionary_events.h) the
// dictionary coder codes each sentence too, and its events join the layer.
#pragma once

#include <memory>

#include "code/event_coder.h"
#include "sitrep/pipeline.h"

namespace sitrep::code {

namespace dictionaries {
class DictionaryEventCoder;
}

class EventStage : public Stage {
 public:
  EventStage() = default;
  explicit EventStage(EventCoder coder) : coder_(std::move(coder)) {}
  // Codes actors with `lexicon` (null: sitrep's own), which the stage keeps alive; a
  // lexicon made with the user's verb dictionaries (dictionaries::LexiconWithVerbs) also
  // codes with those.
  explicit EventStage(std::shared_ptr<const ActorLexicon> lexicon);
  // The same with the verb dictionaries' coder given explicitly (null: none).
  EventStage(std::shared_ptr<const ActorLexicon> lexicon,
             std::shared_ptr<const dictionaries::DictionaryEventCoder> dictionary);
  ~EventStage() override;

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
  std::shared_ptr<const dictionaries::DictionaryEventCoder> dictionary_;  // the user's verbs, or null
};

}  // namespace sitrep::code

namespace sitrep {
using code::EventStage;
}
