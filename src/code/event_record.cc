#include "code/event_record.h"

#include <nlohmann/json.hpp>

namespace sitrep::code {

using nlohmann::json;

namespace {

json SpanJson(Span s) { return json::array({s.begin, s.end}); }
Span SpanOf(const json& j) {
  if (!j.is_array() || j.size() != 2) return Span{};
  return Span{j[0].get<uint32_t>(), j[1].get<uint32_t>()};
}

json ActorsJson(const std::vector<CodedActor>& actors) {
  json out = json::array();
  for (const CodedActor& a : actors)
    out.push_back({{"text", a.text}, {"span", SpanJson(a.span)}, {"code", a.code}, {"how", a.how}});
  return out;
}

std::vector<CodedActor> ActorsOf(const json& j) {
  std::vector<CodedActor> out;
  if (!j.is_array()) return out;
  for (const json& a : j)
    out.push_back(CodedActor{a.value("text", ""), SpanOf(a.value("span", json())), a.value("code", ""), a.value("how", "")});
  return out;
}

template <typename T>
json Opt(const std::optional<T>& v) { return v ? json(*v) : json(nullptr); }

json GeoJson(const std::optional<CodedEvent::Geo>& g) {
  if (!g) return nullptr;
  return {{"name", g->name}, {"level", g->level}, {"geonames_id", g->geonames_id}, {"country", g->country},
          {"admin1", g->admin1}, {"lat", Opt(g->latitude)}, {"lon", Opt(g->longitude)}, {"confidence", g->confidence}};
}

std::optional<CodedEvent::Geo> GeoOf(const json& j) {
  if (!j.is_object()) return std::nullopt;
  CodedEvent::Geo g;
  g.name = j.value("name", ""), g.level = j.value("level", ""), g.geonames_id = j.value("geonames_id", int64_t{0});
  g.country = j.value("country", ""), g.admin1 = j.value("admin1", ""), g.confidence = j.value("confidence", 0.0);
  if (j.contains("lat") && j["lat"].is_number() && j.contains("lon") && j["lon"].is_number())
    g.latitude = j["lat"].get<double>(), g.longitude = j["lon"].get<double>();
  return g;
}

}  // namespace

std::string EventToJson(const CodedEvent& e) {
  json modes = json::array();
  if (e.negated) modes.push_back("negated");
  if (e.future) modes.push_back("future");
  if (e.hypothetical) modes.push_back("hypothetical");
  if (e.historical) modes.push_back("historical");
  json args = json::array();
  for (const auto& [role, span] : e.arguments) args.push_back({{"role", role}, {"span", SpanJson(span)}});
  json j = {
      {"type", e.type}, {"mode", e.mode}, {"context", e.context}, {"cameo", e.cameo},
      {"quad_class", e.quad_class}, {"goldstein", e.goldstein},
      {"sources", ActorsJson(e.sources)}, {"targets", ActorsJson(e.targets)}, {"reciprocal", e.reciprocal},
      {"date", {{"value", e.date_value}, {"iso", e.date_iso}, {"precision", e.date_precision},
                {"from", e.date_from}, {"best", e.date_best}, {"best_precision", e.date_best_precision}, {"span", e.date_from == "timex" || e.date_from == "context" ? SpanJson(e.date_span) : json(nullptr)}}},
      {"place", {{"text", e.place}, {"from", e.place_from},
                 {"span", e.place.empty() || e.place_from != "entity" ? json(nullptr) : SpanJson(e.place_span)},
                 {"geo", GeoJson(e.place_geo)}}},
      {"size", {{"killed", Opt(e.killed)}, {"killed_lower_bound", e.killed_lower_bound},
                {"injured", Opt(e.injured)}, {"injured_lower_bound", e.injured_lower_bound},
                {"span", e.killed || e.injured ? SpanJson(e.size_span) : json(nullptr)}}},
      {"evidence", {{"sentence", SpanJson(e.sentence)}, {"trigger", SpanJson(e.trigger)}, {"arguments", args}}},
      {"aux_modes", modes}, {"root_event", e.root_event},
      {"quote", {{"inside", e.in_quote}, {"speaker", e.speaker}, {"speaker_code", e.speaker_code},
                 {"speaker_span", e.in_quote ? SpanJson(e.speaker_span) : json(nullptr)}}},
      {"lexicon", e.lexicon_source}, {"confidence", e.confidence}};
  return j.dump();
}

bool EventFromJson(const std::string& text, CodedEvent* e) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return false;
  try {
    e->type = j.value("type", ""), e->mode = j.value("mode", ""), e->context = j.value("context", "");
    e->cameo = j.value("cameo", ""), e->quad_class = j.value("quad_class", 0), e->goldstein = j.value("goldstein", 0.0);
    e->sources = ActorsOf(j.value("sources", json())), e->targets = ActorsOf(j.value("targets", json()));
    e->reciprocal = j.value("reciprocal", false);
    const json& d = j.at("date");
    e->date_value = d.value("value", ""), e->date_iso = d.value("iso", ""), e->date_precision = d.value("precision", "");
    e->date_from = d.value("from", ""), e->date_best = d.value("best", ""), e->date_best_precision = d.value("best_precision", ""), e->date_span = SpanOf(d.value("span", json()));
    const json& p = j.at("place");
    e->place = p.value("text", ""), e->place_from = p.value("from", ""), e->place_span = SpanOf(p.value("span", json()));
    e->place_geo = GeoOf(p.value("geo", json()));
    const json& s = j.at("size");
    if (s.contains("killed") && s["killed"].is_number()) e->killed = s["killed"].get<int64_t>();
    if (s.contains("injured") && s["injured"].is_number()) e->injured = s["injured"].get<int64_t>();
    e->killed_lower_bound = s.value("killed_lower_bound", false), e->injured_lower_bound = s.value("injured_lower_bound", false);
    const json& ev = j.at("evidence");
    e->sentence = SpanOf(ev.value("sentence", json())), e->trigger = SpanOf(ev.value("trigger", json()));
    for (const json& m : j.value("aux_modes", json::array())) {
      std::string mode = m.get<std::string>();
      e->negated |= mode == "negated", e->future |= mode == "future";
      e->hypothetical |= mode == "hypothetical", e->historical |= mode == "historical";
    }
    e->root_event = j.value("root_event", false);
    const json& q = j.at("quote");
    e->in_quote = q.value("inside", false), e->speaker = q.value("speaker", ""), e->speaker_code = q.value("speaker_code", "");
    e->confidence = j.value("confidence", 0.0);
  } catch (const json::exception&) {
    return false;
  }
  return true;
}

}  // namespace sitrep::code
