#include "code/event_stage.h"

#include <algorithm>

namespace sitrep::code {

Status EventStage::Process(Doc& doc) const { return Process(doc, {}); }

Status EventStage::Process(Doc& doc, const NameCodes& known) const {
  std::vector<CodedEvent> events = coder_.CodeDocument(doc, known);
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
