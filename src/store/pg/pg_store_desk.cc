// The analyst's desk on PostgreSQL: one event with its mentions and corrections (what
// `sitrep explain` and the event page read). The filtered lists, aggregates, actors, corrections and
// consolidation's write-back are not written yet: each of those calls answers with a
// Status that says so, naming the store, rather than a wrong or empty answer, so
// `sitrep serve` and the exports still need a SQLite store (docs/postgres.md).
#include <fmt/format.h>

#include <pqxx/pqxx>

#include "store/pg/pg_store.h"

namespace sitrep::pg {

namespace {

std::string Text(const pqxx::field& field) { return field.is_null() ? std::string() : field.as<std::string>(); }
template <typename T>
std::optional<T> Opt(const pqxx::field& field) {
  return field.is_null() ? std::nullopt : std::optional<T>(field.as<T>());
}

}  // namespace

// With the mentions of the events merged into it counted, as in SQLite.
Result<DeskEvent> PgStore::GetEvent(int64_t id) {
  try {
    pqxx::read_transaction tx(*conn_);
    pqxx::result rows = tx.exec_params(
        "SELECT id, date, date_precision, type, mode, context, cameo, quad_class, goldstein, source_actor,"
        " target_actor, place, country, admin1, latitude, longitude, killed, injured, confidence, story_id, status,"
        " merged_into, coded_by, created_at, merge_note::text,"
        " (SELECT count(*) FROM event_mentions WHERE event_id = $1"
        "  OR event_id IN (SELECT id FROM events WHERE merged_into = $1))"
        " FROM events WHERE id = $1",
        id);
    if (rows.empty()) return Status(Code::kNotFound, fmt::format("there is no event {}", id));
    const pqxx::row r = rows[0];
    DeskEvent e;
    e.id = r[0].as<int64_t>(), e.date = Text(r[1]), e.date_precision = Text(r[2]), e.type = Text(r[3]);
    e.mode = Text(r[4]), e.context = Text(r[5]), e.cameo = Text(r[6]), e.quad_class = Opt<int>(r[7]).value_or(0);
    e.goldstein = Opt<double>(r[8]), e.source_actor = Text(r[9]), e.target_actor = Text(r[10]);
    e.place = Text(r[11]), e.country = Text(r[12]), e.admin1 = Text(r[13]);
    e.latitude = Opt<double>(r[14]), e.longitude = Opt<double>(r[15]);
    e.killed = Opt<int64_t>(r[16]), e.injured = Opt<int64_t>(r[17]), e.confidence = Opt<double>(r[18]).value_or(0);
    e.story_id = Opt<int64_t>(r[19]), e.status = Text(r[20]), e.merged_into = Opt<int64_t>(r[21]);
    e.coded_by = Text(r[22]), e.created_at = Text(r[23]), e.merge_note = Text(r[24]);
    e.mentions = r[25].as<int64_t>();
    return e;
  } catch (const std::exception& e) {
    return Failed(fmt::format("reading event {}", id), e);
  }
}

// Reading the corrections layer works (Correct does not yet, so on a store written by
// sitrep alone it is empty): `sitrep explain` lists them with every event.
Status PgStore::ForEachCorrection(std::optional<int64_t> event_id, const std::function<bool(const Correction&)>& fn) {
  try {
    pqxx::read_transaction tx(*conn_);
    pqxx::result rows = tx.exec_params(
        "SELECT id, event_id, action, payload::text, replaced::text, anchor::text, result_event, author,"
        " coalesce(note, ''), created_at FROM corrections"
        " WHERE $1::bigint IS NULL OR event_id = $1 OR result_event = $1 ORDER BY id",
        event_id);
    for (const auto& r : rows) {
      Correction c;
      c.id = r[0].as<int64_t>(), c.event_id = r[1].as<int64_t>(), c.action = Text(r[2]), c.payload = Text(r[3]);
      c.before = Text(r[4]), c.anchor = Text(r[5]), c.result_event = Opt<int64_t>(r[6]);
      c.author = Text(r[7]), c.note = Text(r[8]), c.created_at = Text(r[9]);
      if (!fn(c)) break;
    }
    return Status::Ok();
  } catch (const std::exception& e) {
    return Failed("reading corrections", e);
  }
}

// The evidence is cut from the text's bytes (offsets are byte offsets) and handed back
// as bytes, so a span that splits a character cannot fail the query.
Result<std::vector<DeskMention>> PgStore::EventMentions(int64_t id) {
  try {
    pqxx::read_transaction tx(*conn_);
    pqxx::result rows = tx.exec_params(
        "SELECT m.event_id, m.doc_id, coalesce(m.sentence_begin, 0), coalesce(m.sentence_end, 0), m.evidence_begin,"
        " m.evidence_end, coalesce(m.confidence, 0), coalesce(d.title, ''), coalesce(d.source, ''),"
        " coalesce(d.url, ''), coalesce(d.published, ''), d.text_hash,"
        " substring(convert_to(d.clean_text, 'UTF8') FROM (m.evidence_begin + 1)::integer"
        "  FOR (m.evidence_end - m.evidence_begin)::integer),"
        " octet_length(d.clean_text), d.input_path"
        " FROM event_mentions AS m JOIN documents AS d ON d.id = m.doc_id"
        " WHERE m.event_id = $1 OR m.event_id IN (SELECT id FROM events WHERE merged_into = $1)"
        " ORDER BY d.published, m.doc_id, m.evidence_begin",
        id);
    std::vector<DeskMention> out;
    for (const auto& r : rows) {
      DeskMention m;
      m.event_id = r[0].as<int64_t>(), m.doc_id = r[1].as<int64_t>();
      m.sentence = {r[2].as<uint32_t>(), r[3].as<uint32_t>()};
      m.evidence = {r[4].as<uint32_t>(), r[5].as<uint32_t>()};
      m.confidence = r[6].as<double>(), m.title = Text(r[7]), m.source = Text(r[8]), m.url = Text(r[9]);
      m.published = Text(r[10]), m.text_hash = Text(r[11]), m.evidence_text = pqxx::binarystring(r[12]).str();
      m.doc_bytes = r[13].as<int64_t>(), m.path = Text(r[14]);
      out.push_back(std::move(m));
    }
    return out;
  } catch (const std::exception& e) {
    return Failed(fmt::format("reading the mentions of event {}", id), e);
  }
}

Result<EventPage> PgStore::QueryEvents(const EventFilter&, const Page&) { return NotYet("QueryEvents"); }
Status PgStore::ForEachEvent(const EventFilter&, const std::function<bool(const DeskEvent&)>&) {
  return NotYet("ForEachEvent");
}
Result<std::vector<CountCell>> PgStore::CountEvents(const EventFilter&, const std::string&, bool, bool) {
  return NotYet("CountEvents");
}
Result<std::vector<CasualtyCell>> PgStore::Casualties(const EventFilter&) { return NotYet("Casualties"); }
Result<std::vector<NetworkEdge>> PgStore::ActorNetwork(const EventFilter&, int) { return NotYet("ActorNetwork"); }
Result<std::vector<PlaceCell>> PgStore::Places(const EventFilter&, int) { return NotYet("Places"); }
Result<std::vector<Actor>> PgStore::ListActors(const std::string&, const Page&) { return NotYet("ListActors"); }
Result<Actor> PgStore::GetActor(int64_t) { return NotYet("GetActor"); }
Result<ActorCode> PgStore::GetActorCode(const std::string&) { return NotYet("GetActorCode"); }
Result<Correction> PgStore::Correct(const Correction&) { return NotYet("Correct"); }

}  // namespace sitrep::pg
