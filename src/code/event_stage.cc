#include "code/event_stage.h"

#include <algorithm>

#include "code/dictionaries/dictionary_events.h"

namespace sitrep::code {

EventStage::EventStage(std::shared_ptr<const ActorLexicon> lexicon)
    : EventStage(lexicon, dictionaries::DictionaryEventsOf(lexicon)) {}

EventStage::EventStage(std::shared_ptr<const ActorLexicon> lexicon,
                       std::shared_ptr<const dictionaries::DictionaryEventCoder> dictionary)
    : lexicon_(std::move(lexicon)),
      coder_(lexicon_ ? EventCoder(PredicateLexicon::Default(), *lexicon_) : EventCoder()),
      dictionary_(std::move(dictionary)) {}

EventStage::~EventStage() = default;

Status EventStage::Process(Doc& doc) const { return Process(doc, {}); }

Status EventStage::Process(Doc& doc, const NameCodes& known) const {
  std::vector<CodedEvent> events = coder_.CodeDocument(doc, known);
  if (dictionary_) dictionary_->CodeDocument(doc, lexicon_ ? *lexicon_ : ActorLexicon::Default(), &events);
  std::vector<Annotation> layer;
  layer.reserve(events.size());
  for (const CodedEvent& e : events) layer.push_back(Annotation{e.trigger, e.type, EventToJson(e)});
  std::stable_sort(layer.begin(), layer.end(), [](const Annotation& a, const Annotation& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end < b.span.end;
  });
  doc.SetLayer("events", std::move(layer));
  return Status::Ok();
}

}  // namespace sitrep::code
