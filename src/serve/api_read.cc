// The GET endpoints of the HTTP API: thin wrappers that parse parameters, ask the
// store (desk.h) and shape JSON (desk_json.h). No logic of their own beyond cutting an
// evidence sentence's paragraph out of its article for the event page.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "serve/api.h"
#include "store/export/desk_json.h"
#include "text/doc_json.h"

namespace sitrep::serve {

using nlohmann::json;
using exporting::ToJson;

namespace {

Result<int64_t> Id(const ApiRequest& r, size_t i = 0) { return ParseInt("id", r.captures.at(i)); }

template <typename T>
json List(const std::vector<T>& items) {
  json out = json::array();
  for (const T& item : items) out.push_back(ToJson(item));
  return out;
}

// The paragraph around a span of `text`, at most ~1200 bytes, as three strings so a
// client need not convert byte offsets: before, the evidence, after.
json InContext(const std::string& text, Span evidence) {
  size_t begin = evidence.begin, end = std::min<size_t>(evidence.end, text.size());
  if (begin > end) begin = end;
  size_t from = text.rfind('\n', begin == 0 ? 0 : begin - 1);
  from = (from == std::string::npos || begin == 0) ? 0 : from + 1;
  size_t to = text.find('\n', end);
  if (to == std::string::npos) to = text.size();
  auto utf8_start = [&](size_t i) {  // never cut inside a character
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    return i;
  };
  if (begin - from > 600) from = utf8_start(begin - 600);
  if (to - end > 600) to = utf8_start(end + 600);
  return {{"before", text.substr(from, begin - from)},
          {"evidence", text.substr(begin, end - begin)},
          {"after", text.substr(end, to - end)},
          {"truncated_before", from > 0 && text[from - 1] != '\n'},
          {"truncated_after", to < text.size() && text[to] != '\n'}};
}

Result<json> Events(Store& store, const ApiRequest& r) {
  Result<EventFilter> filter = ParseFilter(r.params);
  if (!filter.ok()) return filter.status();
  Result<Page> page = ParsePage(r.params);
  if (!page.ok()) return page.status();
  Result<EventPage> events = store.QueryEvents(*filter, *page);
  if (!events.ok()) return events.status();
  return json{{"events", List(events->events)},
              {"total", events->total},
              {"total_capped", events->total_capped},
              {"offset", page->offset},
              {"limit", page->limit}};
}

Result<json> Event(Store& store, const ApiRequest& r) {
  Result<int64_t> id = Id(r);
  if (!id.ok()) return id.status();
  Result<DeskEvent> event = store.GetEvent(*id);
  if (!event.ok()) return event.status();
  Result<std::vector<DeskMention>> mentions = store.EventMentions(*id);
  if (!mentions.ok()) return mentions.status();
  std::map<int64_t, std::string> texts;  // each document read once
  json list = json::array();
  for (const DeskMention& m : *mentions) {
    if (!texts.count(m.doc_id)) {
      Result<StoredDoc> doc = store.LoadDocument(m.doc_id);
      if (!doc.ok()) return doc.status();
      texts[m.doc_id] = doc->doc.text();
    }
    json item = ToJson(m);
    item["context"] = InContext(texts[m.doc_id], m.evidence);
    list.push_back(std::move(item));
  }
  json corrections = json::array();
  SITREP_RETURN_IF_ERROR(store.ForEachCorrection(*id, [&](const Correction& c) {
    corrections.push_back(ToJson(c));
    return true;
  }));
  json merged = json::array();
  for (const DeskMention& m : *mentions)
    if (m.event_id != *id && std::find(merged.begin(), merged.end(), json(m.event_id)) == merged.end())
      merged.push_back(m.event_id);
  return json{{"event", ToJson(*event)}, {"mentions", list}, {"corrections", corrections}, {"merged", merged}};
}

Result<json> Corrections(Store& store, const ApiRequest& r) {
  Result<std::string> event = One(r.params, "event");
  if (!event.ok()) return event.status();
  std::optional<int64_t> id;
  if (!event->empty()) {
    Result<int64_t> n = ParseInt("event", *event);
    if (!n.ok()) return n.status();
    id = *n;
  }
  json out = json::array();
  SITREP_RETURN_IF_ERROR(store.ForEachCorrection(id, [&](const Correction& c) {
    out.push_back(ToJson(c));
    return out.size() < 10000;
  }));
  return json{{"corrections", out}};
}

Result<json> Documents(Store& store, const ApiRequest& r) {
  Result<std::string> q = One(r.params, "q");
  if (!q.ok()) return q.status();
  Result<Page> page = ParsePage(r.params);
  if (!page.ok()) return page.status();
  Result<std::vector<DocumentRow>> docs = store.ListDocuments(*q, *page);
  if (!docs.ok()) return docs.status();
  return json{{"documents", List(*docs)}, {"offset", page->offset}, {"limit", page->limit}};
}

Result<json> Document(Store& store, const ApiRequest& r) {
  Result<int64_t> id = Id(r);
  if (!id.ok()) return id.status();
  Result<StoredDoc> stored = store.LoadDocument(*id);
  if (!stored.ok()) return stored.status();
  json out = DocToJson(stored->doc);
  out["store_id"] = stored->id;
  out["revision"] = stored->revision;
  out["previous"] = stored->previous ? json(*stored->previous) : json(nullptr);
  out["ingested_at"] = stored->ingested_at;
  out["text_hash"] = stored->doc.text_hash();
  json sentences = json::array();
  for (const Sentence& s : stored->doc.sentences()) sentences.push_back({s.span.begin, s.span.end});
  out["sentences"] = sentences;
  out.erase("original");  // the raw bytes stay in the store; offsets into them are in every layer
  EventFilter filter;
  filter.doc_id = *id;
  Result<EventPage> events = store.QueryEvents(filter, Page{0, 1000});
  if (!events.ok()) return events.status();
  json list = json::array();
  for (const DeskEvent& e : events->events) {
    Result<std::vector<DeskMention>> mentions = store.EventMentions(e.id);
    if (!mentions.ok()) return mentions.status();
    json spans = json::array();
    for (const DeskMention& m : *mentions)
      if (m.doc_id == *id) spans.push_back({m.evidence.begin, m.evidence.end});
    json item = ToJson(e);
    item["evidence"] = spans;
    list.push_back(std::move(item));
  }
  out["events"] = list;
  return out;
}

Result<json> Actors(Store& store, const ApiRequest& r) {
  Result<std::string> q = One(r.params, "q");
  if (!q.ok()) return q.status();
  Result<Page> page = ParsePage(r.params);
  if (!page.ok()) return page.status();
  Result<std::vector<Actor>> actors = store.ListActors(*q, *page);
  if (!actors.ok()) return actors.status();
  return json{{"actors", List(*actors)}, {"offset", page->offset}, {"limit", page->limit}};
}

// /api/actors/17: a named actor; /api/actors/PAKGOV: everything under an actor code.
Result<json> ActorOrCode(Store& store, const ApiRequest& r) {
  const std::string& key = r.captures.at(0);
  EventFilter as_source, as_target;
  as_source.actor_role = "source", as_target.actor_role = "target";
  json out;
  if (std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    Result<int64_t> id = Id(r);
    if (!id.ok()) return id.status();
    Result<Actor> actor = store.GetActor(*id);
    if (!actor.ok()) return actor.status();
    out = {{"actor", ToJson(*actor)}};
    as_source.actor_id = as_target.actor_id = *id;
  } else {
    Result<ActorCode> code = store.GetActorCode(key);
    if (!code.ok()) return code.status();
    out = {{"code", ToJson(*code)}};
    as_source.actor = as_target.actor = key;
  }
  for (auto [name, filter] : {std::pair{"events_as_source", &as_source}, std::pair{"events_as_target", &as_target}}) {
    Result<EventPage> page = store.QueryEvents(*filter, Page{0, 25});
    if (!page.ok()) return page.status();
    out[name] = {{"events", List(page->events)}, {"total", page->total}, {"total_capped", page->total_capped}};
  }
  EventFilter any = as_source;
  any.actor_role = "any";
  Result<std::vector<CountCell>> timeline = store.CountEvents(any, "month", true, false);
  if (!timeline.ok()) return timeline.status();
  out["timeline"] = List(*timeline);
  return out;
}

Result<json> Stories(Store& store, const ApiRequest& r) {
  Result<Page> page = ParsePage(r.params);
  if (!page.ok()) return page.status();
  Result<std::vector<Story>> stories = store.ListStories(*page);
  if (!stories.ok()) return stories.status();
  return json{{"stories", List(*stories)}, {"offset", page->offset}, {"limit", page->limit}};
}

Result<json> StoryById(Store& store, const ApiRequest& r) {
  Result<int64_t> id = Id(r);
  if (!id.ok()) return id.status();
  Result<Story> story = store.GetStory(*id);
  if (!story.ok()) return story.status();
  EventFilter filter;
  filter.story_id = *id;
  Result<EventPage> events = store.QueryEvents(filter, Page{0, 200});
  if (!events.ok()) return events.status();
  return json{{"story", ToJson(*story)}, {"events", List(events->events)}};
}

Result<int> Limit(const ApiRequest& r, int fallback, int most) {
  Result<std::string> limit = One(r.params, "limit");
  if (!limit.ok()) return limit.status();
  if (limit->empty()) return fallback;
  Result<int64_t> n = ParseInt("limit", *limit);
  if (!n.ok()) return n.status();
  if (*n < 1 || *n > most) return Status(Code::kInvalidArgument, fmt::format("parameter 'limit': must be between 1 and {}", most));
  return static_cast<int>(*n);
}

Result<json> PlacesAgg(Store& store, const ApiRequest& r) {
  Result<EventFilter> filter = ParseFilter(r.params);
  if (!filter.ok()) return filter.status();
  Result<int> limit = Limit(r, 500, 5000);
  if (!limit.ok()) return limit.status();
  Result<std::vector<PlaceCell>> places = store.Places(*filter, *limit);
  if (!places.ok()) return places.status();
  return json{{"places", List(*places)}};
}

Result<json> Counts(Store& store, const ApiRequest& r) {
  Result<EventFilter> filter = ParseFilter(r.params);
  if (!filter.ok()) return filter.status();
  Result<std::string> bucket = One(r.params, "bucket", "month");
  if (!bucket.ok()) return bucket.status();
  Result<std::string> by = One(r.params, "by", "type");
  if (!by.ok()) return by.status();
  bool by_type = false, by_country = false;
  for (size_t b = 0; b < by->size();) {
    size_t e = by->find(',', b);
    if (e == std::string::npos) e = by->size();
    std::string part = by->substr(b, e - b);
    if (part == "type") by_type = true;
    else if (part == "country") by_country = true;
    else if (!part.empty()) return Status(Code::kInvalidArgument, "parameter 'by': a list of type and country");
    b = e + 1;
  }
  Result<std::vector<CountCell>> cells = store.CountEvents(*filter, *bucket, by_type, by_country);
  if (!cells.ok()) return cells.status();
  return json{{"bucket", *bucket}, {"by", *by}, {"counts", List(*cells)}};
}

Result<json> CasualtiesAgg(Store& store, const ApiRequest& r) {
  Result<EventFilter> filter = ParseFilter(r.params);
  if (!filter.ok()) return filter.status();
  Result<std::vector<CasualtyCell>> cells = store.Casualties(*filter);
  if (!cells.ok()) return cells.status();
  return json{{"casualties", List(*cells)}};
}

Result<json> Network(Store& store, const ApiRequest& r) {
  Result<EventFilter> filter = ParseFilter(r.params);
  if (!filter.ok()) return filter.status();
  Result<int> limit = Limit(r, 150, 5000);
  if (!limit.ok()) return limit.status();
  Result<std::vector<NetworkEdge>> edges = store.ActorNetwork(*filter, *limit);
  if (!edges.ok()) return edges.status();
  return json{{"edges", List(*edges)}};
}

Result<json> Health(Store& store, const ApiRequest&) {
  Result<StoreSummary> s = store.Summary();
  if (!s.ok()) return s.status();
  return json{{"status", "ok"},          {"documents", s->documents}, {"events", s->events},
              {"mentions", s->mentions}, {"stories", s->stories},     {"schema_version", s->schema_version}};
}

Result<json> Types(Store&, const ApiRequest&) {
  json out = json::array();
  for (const char* t : {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                        "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
    out.push_back({{"type", t}, {"quad_class", QuadClassOf(t)}});
  return json{{"types", out},
              {"quad_classes",
               {{"1", "verbal cooperation"}, {"2", "material cooperation"}, {"3", "verbal conflict"},
                {"4", "material conflict"}}}};
}

}  // namespace

std::vector<ReadRoute> ReadRoutes() {
  const std::set<std::string> page = {"offset", "limit"};
  return {
      {R"(/api/health)", {}, false, Health},
      {R"(/api/types)", {}, false, Types},
      {R"(/api/events)", page, true, Events},
      {R"(/api/events/(\d{1,18}))", {}, false, Event},
      {R"(/api/corrections)", {"event"}, false, Corrections},
      {R"(/api/documents)", {"q", "offset", "limit"}, false, Documents},
      {R"(/api/documents/(\d{1,18}))", {}, false, Document},
      {R"(/api/actors)", {"q", "offset", "limit"}, false, Actors},
      {R"(/api/actors/([A-Za-z0-9]{1,18}))", {}, false, ActorOrCode},
      {R"(/api/stories)", page, false, Stories},
      {R"(/api/stories/(\d{1,18}))", {}, false, StoryById},
      {R"(/api/places)", {"limit"}, true, PlacesAgg},
      {R"(/api/aggregates/counts)", {"bucket", "by"}, true, Counts},
      {R"(/api/aggregates/casualties)", {}, true, CasualtiesAgg},
      {R"(/api/aggregates/network)", {"limit"}, true, Network},
  };
}

}  // namespace sitrep::serve
