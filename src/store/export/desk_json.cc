#include "store/export/desk_json.h"

namespace sitrep::exporting {

using nlohmann::json;

namespace {
template <typename T>
json Opt(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}
json Text(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
json Parsed(const std::string& s) { return json::parse(s, nullptr, false); }
}  // namespace

json ToJson(const DeskEvent& e) {
  return {{"id", e.id},           {"date", e.date},
          {"date_precision", Text(e.date_precision)},
          {"type", e.type},       {"mode", Text(e.mode)},
          {"context", Text(e.context)},
          {"cameo", Text(e.cameo)},
          {"quad_class", e.quad_class ? json(e.quad_class) : json(nullptr)},
          {"goldstein", Opt(e.goldstein)},
          {"source_actor", Text(e.source_actor)},
          {"target_actor", Text(e.target_actor)},
          {"place", Text(e.place)},
          {"country", Text(e.country)},
          {"admin1", Text(e.admin1)},
          {"latitude", Opt(e.latitude)},
          {"longitude", Opt(e.longitude)},
          {"killed", Opt(e.killed)},
          {"injured", Opt(e.injured)},
          {"confidence", e.confidence},
          {"story_id", Opt(e.story_id)},
          {"status", e.status},
          {"merged_into", Opt(e.merged_into)},
          // Why consolidation merged it (story, type, actors, dates, people): null otherwise.
          {"merge_note", e.merge_note.empty() ? json(nullptr) : Parsed(e.merge_note)},
          {"coded_by", e.coded_by},
          {"created_at", e.created_at},
          {"mentions", e.mentions}};
}

json ToJson(const DeskMention& m) {
  return {{"event_id", m.event_id},
          {"doc_id", m.doc_id},
          {"sentence", m.sentence.empty() ? json(nullptr) : json::array({m.sentence.begin, m.sentence.end})},
          {"evidence", {m.evidence.begin, m.evidence.end}},
          {"evidence_text", m.evidence_text},
          {"confidence", m.confidence},
          {"title", m.title},
          {"source", Text(m.source)},
          {"url", Text(m.url)},
          {"published", Text(m.published)},
          {"text_hash", m.text_hash},
          {"path", m.path}};
}

json ToJson(const CountCell& c) {
  json j = {{"period", c.period}, {"events", c.events}};
  if (!c.type.empty()) j["type"] = c.type;
  if (!c.country.empty()) j["country"] = c.country;
  return j;
}

json ToJson(const CasualtyCell& c) {
  return {{"country", Text(c.country)}, {"admin1", Text(c.admin1)}, {"month", c.month},
          {"killed", c.killed},         {"injured", c.injured},     {"events", c.events}};
}

json ToJson(const NetworkEdge& e) {
  return {{"source", e.source}, {"target", e.target}, {"quad_class", e.quad_class}, {"events", e.events}};
}

json ToJson(const PlaceCell& p) {
  return {{"place", p.place},         {"country", Text(p.country)}, {"admin1", Text(p.admin1)},
          {"latitude", p.latitude},   {"longitude", p.longitude},  {"events", p.events},
          {"killed", p.killed}};
}

json ToJson(const Actor& a) {
  json roles = json::array();
  for (const ActorRole& r : a.roles)
    roles.push_back({{"role", r.role}, {"code", Text(r.code)}, {"start", Text(r.start)}, {"end", Text(r.end)},
                     {"doc_id", Opt(r.doc_id)}});
  return {{"id", a.id},           {"code", a.code},           {"name", a.name},
          {"kind", a.kind},       {"country", Text(a.country)}, {"added_by", a.added_by}, {"roles", roles},
          {"as_source", a.as_source}, {"as_target", a.as_target}};
}

json ToJson(const ActorCode& c) {
  json partners = json::array(), members = json::array();
  for (const NetworkEdge& e : c.partners) partners.push_back(ToJson(e));
  for (const Actor& a : c.members) members.push_back(ToJson(a));
  return {{"code", c.code}, {"as_source", c.as_source}, {"as_target", c.as_target},
          {"partners", partners}, {"members", members}};
}

json ToJson(const Story& s) {
  return {{"id", s.id}, {"label", s.label}, {"created_at", s.created_at}, {"doc_ids", s.doc_ids},
          {"events", s.events}};
}

json ToJson(const DocumentRow& d) {
  return {{"id", d.id},           {"title", d.title},         {"source", Text(d.source)},
          {"url", Text(d.url)},   {"published", Text(d.published)}, {"ingested_at", d.ingested_at},
          {"path", d.path},           {"events", d.events}};
}

json ToJson(const Correction& c) {
  return {{"id", c.id},
          {"event_id", c.event_id},
          {"action", c.action},
          {"payload", Parsed(c.payload)},
          {"replaced", Parsed(c.before)},
          {"anchor", Parsed(c.anchor)},
          {"result_event", Opt(c.result_event)},
          {"author", c.author},
          {"note", Text(c.note)},
          {"created_at", c.created_at}};
}

}  // namespace sitrep::exporting
