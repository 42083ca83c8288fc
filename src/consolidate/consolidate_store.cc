// Consolidating a store (see consolidate_store.h).
#include "consolidate/consolidate_store.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "consolidate/event_merge.h"

namespace sitrep {

namespace {

// Why `joined` is one event with `kept` (the first mention of the merged event `e`):
// what `sitrep explain` prints.
nlohmann::json MergeNote(const MergedEvent& e, const CodedMention& kept, const CodedMention& joined,
                         const std::string& story) {
  return {{"story", story},
          {"type", e.type},
          {"actors", {{"source", joined.source}, {"target", joined.target}}},
          {"kept_actors", {{"source", kept.source}, {"target", kept.target}}},
          {"two_sided", joined.reciprocal || e.type == "CONSULT" || e.type == "COOPERATE"},
          {"date", joined.date},
          {"date_from", joined.date_from},
          {"event_date", e.date},
          {"persons", joined.persons},
          {"event_persons", e.persons},
          {"outlet", joined.outlet},
          {"sources", e.num_sources},
          {"articles", e.num_articles}};
}

// The corpus's people with a code, as actors: one row per person (the same person in
// many articles is one actor), one role per office read, dated by its article. Returns
// each person's actor id (0: not written, no code).
Result<std::vector<int64_t>> WriteActors(Store& store, const code::ActorKnowledge& knowledge,
                                         const std::vector<int64_t>& ids) {
  std::vector<int64_t> actor_ids(knowledge.people().size(), 0);
  for (size_t k = 0; k < knowledge.people().size(); ++k) {
    const code::KnownPerson& p = knowledge.people()[k];
    if (p.code.size() < 3) continue;
    Actor actor;
    actor.code = p.code, actor.name = p.name, actor.kind = "person";
    if (!p.code.starts_with("IGO") && !p.code.starts_with("IMG")) actor.country = p.code.substr(0, 3);
    for (const code::KnownOffice& o : p.offices)
      actor.roles.push_back(ActorRole{o.office, o.code, o.date, o.date, ids[o.doc]});
    auto id = store.UpsertActor(actor);
    if (!id.ok()) return id.status();
    actor_ids[k] = *id;
  }
  return actor_ids;
}

// Each coder event of `doc` with the people among its sources and targets: an actor
// span holding a name the "actor" layer gives a person.
void LinkPeople(const Doc& doc, int doc_index, int64_t doc_id, const code::ActorKnowledge& knowledge,
                const std::vector<int64_t>& actor_ids, std::vector<EventActorLink>* links) {
  const std::vector<Annotation>* events = doc.Layer("events");
  const std::vector<Annotation>* people = doc.Layer("actor");
  if (!events || !people) return;
  for (const Annotation& e : *events) {
    const nlohmann::json j = nlohmann::json::parse(e.attrs, nullptr, false);
    if (!j.is_object()) continue;
    for (const char* role : {"sources", "targets"}) {
      if (!j.contains(role) || !j[role].is_array()) continue;
      for (const nlohmann::json& a : j[role]) {
        if (!a.contains("span") || !a["span"].is_array() || a["span"].size() != 2) continue;
        const Span span{a["span"][0].get<uint32_t>(), a["span"][1].get<uint32_t>()};
        // The layer is sorted by span: only the mentions starting inside the actor's words.
        auto first = std::lower_bound(people->begin(), people->end(), span.begin,
                                      [](const Annotation& m, uint32_t b) { return m.span.begin < b; });
        for (auto it = first; it != people->end() && it->span.begin < span.end; ++it) {
          const Annotation& m = *it;
          if (!span.Contains(m.span)) continue;
          const nlohmann::json mj = nlohmann::json::parse(m.attrs, nullptr, false);
          if (!mj.is_object() || !mj.contains("person") || !mj["person"].is_number_integer()) continue;
          const int id = knowledge.IdOf(doc_index, mj["person"].get<int>());
          if (id < 0 || actor_ids[id] == 0) continue;
          links->push_back(EventActorLink{EventRef{doc_id, e.span, e.label}, actor_ids[id],
                                          std::string(role) == "sources" ? "source" : "target"});
          break;
        }
      }
    }
  }
}

}  // namespace

Result<StoreConsolidation> ConsolidateStore(Store& store, const ConsolidateOptions& options) {
  // Every document id, a page at a time (ListDocuments pages are at most 1000).
  std::vector<int64_t> ids;
  for (Page page{0, 1000};; page.offset += page.limit) {
    auto rows = store.ListDocuments("", page);
    if (!rows.ok()) return rows.status();
    for (const DocumentRow& r : *rows) ids.push_back(r.id);
    if (rows->size() < static_cast<size_t>(page.limit)) break;
  }
  std::sort(ids.begin(), ids.end());
  std::vector<Doc> docs;
  docs.reserve(ids.size());
  for (int64_t id : ids) {
    auto stored = store.LoadDocument(id);
    if (!stored.ok()) return stored.status();
    docs.push_back(std::move(stored->doc));
  }
  std::vector<Doc*> ptrs;
  for (Doc& d : docs) ptrs.push_back(&d);
  auto result = Consolidate(ptrs, options);
  if (!result.ok()) return result.status();

  std::vector<StoryRecord> records;
  StoreConsolidation out;
  out.documents = docs.size();
  for (size_t s = 0; s < result->stories.stories.size(); ++s) {
    StoryRecord r{result->stories.story_keys[s], {}};
    for (int m : result->stories.stories[s]) r.doc_ids.push_back(ids[m]);
    std::sort(r.doc_ids.begin(), r.doc_ids.end());
    out.multi_doc_stories += r.doc_ids.size() > 1;
    records.push_back(std::move(r));
  }
  // Byte-identical texts stored twice (two URLs) share a key; the first story keeps it.
  for (size_t s = 1; s < records.size(); ++s)
    for (size_t t = 0; t < s; ++t)
      if (records[t].label == records[s].label) records[s].label += "#" + std::to_string(s);
  auto written = store.ReplaceStories(records);
  if (!written.ok()) return written.status();
  out.stories = records.size();
  for (int c : result->copy_of) out.copies += c >= 0;
  out.dct_tightened = result->dct_tightened.size();
  // An undated article dated through its twin: its resolved dates and re-coded events
  // are what the desk should show from now on.
  static const std::vector<std::string> kRedated = {"dct", "timex", "events"};
  for (int i : result->dct_tightened) SITREP_RETURN_IF_ERROR(store.RewriteLayers(ids[i], docs[i], kRedated));
  // Events coded again with what other articles say of their people.
  static const std::vector<std::string> kRecoded = {"events"};
  for (int i : result->recoded)
    if (std::find(result->dct_tightened.begin(), result->dct_tightened.end(), i) == result->dct_tightened.end())
      SITREP_RETURN_IF_ERROR(store.RewriteLayers(ids[i], docs[i], kRecoded));
  auto actor_ids = WriteActors(store, result->actors, ids);
  if (!actor_ids.ok()) return actor_ids.status();
  out.actors = std::count_if(actor_ids->begin(), actor_ids->end(), [](int64_t id) { return id != 0; });
  std::vector<EventActorLink> links;
  for (size_t i = 0; i < docs.size(); ++i)
    LinkPeople(docs[i], static_cast<int>(i), ids[i], result->actors, *actor_ids, &links);
  auto linked = store.WriteEventActors(links);
  if (!linked.ok()) return linked.status();
  out.actor_links = *linked;
  out.recoded = result->recoded.size();

  std::vector<CodedMention> mentions;
  for (size_t i = 0; i < docs.size(); ++i) {
    const Doc& original = docs[result->copy_of[i] >= 0 ? result->copy_of[i] : i];
    for (CodedMention& m : MentionsOf(docs[i], static_cast<int>(i))) {
      m.story = result->stories.story_of[i];
      m.outlet = original.meta().source.empty() ? original.text_hash() : original.meta().source;
      mentions.push_back(std::move(m));
    }
  }
  std::vector<MergedEvent> merged = MergeEvents(mentions);
  out.event_mentions = mentions.size();
  out.merged_events = merged.size();
  std::vector<EventMergeGroup> groups;
  for (const MergedEvent& e : merged) {
    out.corroborated += e.num_sources > 1;
    if (e.mentions.size() < 2) continue;
    EventMergeGroup group;
    const CodedMention& first = mentions[e.mentions.front()];
    for (int m : e.mentions) {
      const CodedMention& cm = mentions[m];
      group.events.push_back(EventRef{ids[cm.doc], cm.trigger, cm.type});
      group.notes.push_back(MergeNote(e, first, cm, records[result->stories.story_of[cm.doc]].label).dump());
    }
    groups.push_back(std::move(group));
  }
  auto written_merges = store.WriteEventMerges(groups);
  if (!written_merges.ok()) return written_merges.status();
  out.merges = *written_merges;
  return out;
}

}  // namespace sitrep
