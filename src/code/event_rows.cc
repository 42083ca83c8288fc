#include "code/event_rows.h"

#include "code/event_record.h"

namespace sitrep::code {

namespace {

bool IsCode(const std::string& code) {
  if (code.size() < 3 || code.size() > 15) return false;
  for (char c : code)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

// The store row keeps one source and one target: the first of each, and for a reciprocal
// event the first target that is not the source.
std::string FirstTarget(const CodedEvent& e, const std::string& source) {
  for (const CodedActor& a : e.targets)
    if (!e.reciprocal || a.code != source) return a.code;
  return "";
}

}  // namespace

std::vector<NewEvent> EventRowsOf(const Doc& doc, int64_t doc_id, int* skipped) {
  std::vector<NewEvent> rows;
  const std::vector<Annotation>* layer = doc.Layer("events");
  if (!layer) return rows;
  for (const Annotation& a : *layer) {
    CodedEvent e;
    if (!EventFromJson(a.attrs, &e) || e.date_best.empty()) {
      if (skipped) ++*skipped;
      continue;
    }
    NewEvent row;
    DeskEvent& d = row.event;
    d.date = e.date_best, d.date_precision = e.date_best_precision;
    d.type = e.type, d.mode = e.mode, d.context = e.context, d.cameo = e.cameo;
    d.quad_class = e.quad_class, d.goldstein = e.goldstein;
    d.source_actor = e.sources.empty() ? "" : e.sources.front().code;
    d.target_actor = FirstTarget(e, d.source_actor);
    if (!d.source_actor.empty() && !IsCode(d.source_actor)) d.source_actor.clear();
    if (!d.target_actor.empty() && !IsCode(d.target_actor)) d.target_actor.clear();
    d.place = e.place;
    if (e.place_geo) {
      d.country = e.place_geo->country, d.admin1 = e.place_geo->admin1;
      d.latitude = e.place_geo->latitude, d.longitude = e.place_geo->longitude;
    }
    d.killed = e.killed, d.injured = e.injured;
    d.confidence = e.confidence;
    d.coded_by = "coder";
    DeskMention m;
    m.doc_id = doc_id, m.sentence = e.sentence, m.evidence = e.trigger, m.confidence = e.confidence;
    row.mentions.push_back(m);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace sitrep::code
