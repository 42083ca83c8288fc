// PLOVER JSON Lines: one event per line with the field names of the PLOVER manual's
// "Data Fields" chapter (id, date, actor, recipient, event, mode, context, quad_code,
// event_loc with its Mordecai/Geonames names, event_text, size, cite_info, coder,
// coded_date). Actor codes split into PLOVER's code (the country, 3 characters) and
// sector (the rest: GOV, MIL, ...). Extra fields sitrep adds, as the manual allows:
// sitrep_status, sitrep_coded_by, sitrep_mentions (document id and evidence offsets).
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "store/export/export_internal.h"

namespace sitrep::exporting {

using nlohmann::json;

namespace {

json Entity(const std::string& code) {
  if (code.empty()) return json::array();
  json entity = {{"code", code.substr(0, 3)}};
  if (code.size() > 3) entity["sector"] = code.substr(3);
  return json::array({entity});
}

json List(const std::string& text) { return text.empty() ? json(nullptr) : json::array({text}); }

}  // namespace

Status ExportPlover(Store& store, const EventFilter& filter, const Writer& write) {
  Buffered out(write);
  Status inner;
  Status status = store.ForEachEvent(filter, [&](const DeskEvent& e) {
    json record = {{"id", fmt::format("sitrep-{}", e.id)},
                   {"date", e.date.substr(0, 10)},
                   {"actor", Entity(e.source_actor)},
                   {"recipient", Entity(e.target_actor)},
                   {"event", json::array({e.type})},
                   {"mode", List(e.mode)},
                   {"context", List(e.context)},
                   {"quad_code", e.quad_class ? json(e.quad_class) : json(nullptr)},
                   {"event_scale", e.goldstein ? json(*e.goldstein) : json(nullptr)},
                   {"coder", e.coded_by == "coder" ? "sitrep 0.1.0" : "sitrep 0.1.0 (" + e.coded_by + ")"},
                   {"coded_date", e.created_at.substr(0, 10)},
                   {"sitrep_status", e.status},
                   {"sitrep_coded_by", e.coded_by}};
    if (e.date.size() > 10) record["time"] = e.date.substr(11);
    if (!e.cameo.empty()) record["cameo"] = e.cameo;
    if (e.latitude && e.longitude) {
      record["event_loc"] = {{"resolved_place", e.place},   {"lat", *e.latitude},
                             {"lon", *e.longitude},         {"province", e.admin1},
                             {"country", std::string(CountryName(e.country))},
                             {"country_code", e.country}};
    }
    if (e.killed || e.injured) {
      json size = json::object();
      if (e.killed) size["dead"] = *e.killed;
      if (e.injured) size["injured"] = *e.injured;
      record["size"] = size;
    }
    Result<std::vector<DeskMention>> mentions = store.EventMentions(e.id);
    if (!mentions.ok()) return inner = mentions.status(), false;
    json texts = json::array(), where = json::array();
    for (const DeskMention& m : *mentions) {
      texts.push_back(m.evidence_text);
      where.push_back({{"doc_id", m.doc_id}, {"start", m.evidence.begin}, {"end", m.evidence.end},
                       {"url", m.url}, {"title", m.title}, {"publication", m.source}});
    }
    record["event_text"] = texts;
    record["sitrep_mentions"] = where;
    if (!mentions->empty())
      record["cite_info"] = {{"url", (*mentions)[0].url}, {"title", (*mentions)[0].title},
                             {"publication", (*mentions)[0].source}, {"coder", "sitrep"},
                             {"codebook", "plover-base"}};
    return out.Add(record.dump() + "\n");
  });
  return inner.ok() ? status : inner;
}

}  // namespace sitrep::exporting
