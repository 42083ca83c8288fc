// Writing events with their mentions and actor links, named actors with their roles,
// and the stories consolidation found.
//
// Corrections whose anchors match new events are replayed onto them (pg_store_review.cc).
//
// Idempotence: a mention is keyed by (event, document, evidence span) and an actor
// link by (event, actor, role), both written ON CONFLICT DO NOTHING; the coder's events
// are written only with a new document (pg_store.cc), so a redelivered article adds
// no event. Concurrency: UpsertActor serialises on the actor's row (ON CONFLICT DO
// UPDATE locks it to the end of the transaction); ReplaceStories, which replaces the
// whole set, takes one advisory lock so two consolidations run one after the other.
#include <fmt/format.h>

#include <algorithm>
#include <pqxx/pqxx>
#include <set>
#include <unordered_set>

#include "store/event_filter_sql.h"
#include "store/pg/pg_store.h"

namespace sitrep::pg {

namespace {

constexpr int64_t kStoriesLock = 0x5349545245500002;  // "SITREP" and a 2

Status Invalid(std::string message) { return Status(Code::kInvalidArgument, std::move(message)); }

std::optional<std::string> OrNull(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return PgText(text);
}

// A document's events go in with their mentions and actor links in one statement, under
// ids taken from the events' own sequence first (one round trip for all of them), so
// the mentions can name their event without waiting for the insert to say its id.
constexpr char kReserveEventIds[] = "sitrep_reserve_event_ids";
constexpr char kInsertEvents[] = "sitrep_insert_events";

// "{1,2,3}": a bigint[] parameter.
std::string IdArray(const std::vector<int64_t>& ids) {
  std::string out = "{";
  for (int64_t id : ids) out += (out.size() > 1 ? "," : "") + std::to_string(id);
  return out + "}";
}

// Events with their mentions and actor links, one array per column.
struct EventColumns {
  PgArray id, date, precision, type, mode, context, cameo, quad, goldstein, source, target, place, country, admin1,
      latitude, longitude, killed, injured, confidence, story, coded_by, created_at;
  PgArray mention_event, doc, sentence_begin, sentence_end, evidence_begin, evidence_end, mention_confidence;
  PgArray actor_event, actor, role;
};

// Empty text as NULL, as OrNull does for a single row.
void AddText(PgArray& array, const std::string& text) {
  if (text.empty()) {
    array.AddNull();
  } else {
    array.Add(PgText(text));
  }
}

template <typename T>
void AddOptional(PgArray& array, const std::optional<T>& value) {
  if (value) {
    array.Add(*value);
  } else {
    array.AddNull();
  }
}

void AddEvent(int64_t id, const NewEvent& n, const std::string& now, EventColumns* c) {
  const DeskEvent& e = n.event;
  const int quad = e.quad_class ? e.quad_class : QuadClassOf(e.type);
  c->id.Add(id);
  c->date.Add(e.date);
  c->precision.Add(e.date_precision.empty() ? sqlite::PrecisionOf(e.date) : e.date_precision);
  c->type.Add(e.type);
  AddText(c->mode, e.mode);
  AddText(c->context, e.context);
  AddText(c->cameo, e.cameo);
  AddOptional(c->quad, quad >= 1 && quad <= 4 ? std::optional<int64_t>(quad) : std::nullopt);
  AddOptional(c->goldstein, e.goldstein);
  AddText(c->source, e.source_actor);
  AddText(c->target, e.target_actor);
  AddText(c->place, e.place);
  AddText(c->country, e.country);
  AddText(c->admin1, e.admin1);
  AddOptional(c->latitude, e.latitude);
  AddOptional(c->longitude, e.longitude);
  AddOptional(c->killed, e.killed);
  AddOptional(c->injured, e.injured);
  c->confidence.Add(e.confidence);
  AddOptional(c->story, e.story_id);
  c->coded_by.Add(e.coded_by);
  c->created_at.Add(now);
  for (const DeskMention& m : n.mentions) {
    c->mention_event.Add(id);
    c->doc.Add(m.doc_id);
    if (m.sentence.empty()) {
      c->sentence_begin.AddNull();
      c->sentence_end.AddNull();
    } else {
      c->sentence_begin.Add(static_cast<int64_t>(m.sentence.begin));
      c->sentence_end.Add(static_cast<int64_t>(m.sentence.end));
    }
    c->evidence_begin.Add(static_cast<int64_t>(m.evidence.begin));
    c->evidence_end.Add(static_cast<int64_t>(m.evidence.end));
    c->mention_confidence.Add(m.confidence);
  }
  for (const auto& [actor_id, role] : n.actors) {
    c->actor_event.Add(id);
    c->actor.Add(actor_id);
    c->role.Add(role);
  }
}

}  // namespace

// Registers the statements WriteEvents runs (the PgStore constructor calls this).
void PrepareEventWrites(pqxx::connection& conn) {
  conn.prepare(kReserveEventIds,
               "SELECT nextval(pg_get_serial_sequence('events', 'id')) FROM generate_series(1, $1)");
  // Mentions and actor links are keyed, ON CONFLICT DO NOTHING, as the one-row inserts
  // were; a duplicate within the arrays is skipped the same way. Their foreign keys are
  // checked at the end of the statement, when the events are in.
  conn.prepare(kInsertEvents,
               "WITH e AS (INSERT INTO events (id, date, date_precision, type, mode, context, cameo, quad_class,"
               " goldstein, source_actor, target_actor, place, country, admin1, latitude, longitude, killed, injured,"
               " confidence, story_id, coded_by, created_at) SELECT * FROM unnest($1::bigint[], $2::text[],"
               " $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::integer[], $9::float8[],"
               " $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::float8[], $16::float8[],"
               " $17::bigint[], $18::bigint[], $19::float8[], $20::bigint[], $21::text[], $22::text[])),"
               " m AS (INSERT INTO event_mentions (event_id, doc_id, sentence_begin, sentence_end, evidence_begin,"
               " evidence_end, confidence) SELECT * FROM unnest($23::bigint[], $24::bigint[], $25::bigint[],"
               " $26::bigint[], $27::bigint[], $28::bigint[], $29::float8[]) ON CONFLICT DO NOTHING)"
               " INSERT INTO event_actors (event_id, actor_id, role) SELECT * FROM unnest($30::bigint[],"
               " $31::bigint[], $32::text[]) ON CONFLICT DO NOTHING");
}

// ---- Events ----

Result<std::vector<int64_t>> PgStore::InsertEvents(const std::vector<NewEvent>& events) {
  for (const NewEvent& e : events) SITREP_RETURN_IF_ERROR(sqlite::CheckEventFields(e.event));
  std::vector<int64_t> ids;
  Status status = InTransaction("inserting events", [&](pqxx::dbtransaction& tx) {
    Result<std::vector<int64_t>> written = WriteEvents(tx, events, /*drop_invalid=*/false);
    if (!written.ok()) return written.status();
    ids = std::move(*written);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return ids;
}

// Inside the caller's transaction. With drop_invalid (events coded while a batch is
// stored), an event the store would refuse is left out instead of failing the batch.
Result<std::vector<int64_t>> PgStore::WriteEvents(pqxx::dbtransaction& tx, const std::vector<NewEvent>& events,
                                                  bool drop_invalid) {
  std::vector<const NewEvent*> kept;
  for (const NewEvent& n : events)
    if (!drop_invalid || sqlite::CheckEventFields(n.event).ok()) kept.push_back(&n);
  std::vector<int64_t> ids;
  if (!kept.empty()) {
    // Sorted, so that the events get increasing ids in their order, as one insert each did.
    for (const auto& row : tx.exec_prepared(kReserveEventIds, static_cast<int64_t>(kept.size())))
      ids.push_back(row[0].as<int64_t>());
    std::sort(ids.begin(), ids.end());
    const std::string now = UtcNow();
    EventColumns c;
    for (size_t i = 0; i < kept.size(); ++i) AddEvent(ids[i], *kept[i], now, &c);
    tx.exec_prepared0(kInsertEvents, c.id.Take(), c.date.Take(), c.precision.Take(), c.type.Take(), c.mode.Take(),
                      c.context.Take(), c.cameo.Take(), c.quad.Take(), c.goldstein.Take(), c.source.Take(),
                      c.target.Take(), c.place.Take(), c.country.Take(), c.admin1.Take(), c.latitude.Take(),
                      c.longitude.Take(), c.killed.Take(), c.injured.Take(), c.confidence.Take(), c.story.Take(),
                      c.coded_by.Take(), c.created_at.Take(), c.mention_event.Take(), c.doc.Take(),
                      c.sentence_begin.Take(), c.sentence_end.Take(), c.evidence_begin.Take(), c.evidence_end.Take(),
                      c.mention_confidence.Take(), c.actor_event.Take(), c.actor.Take(), c.role.Take());
  }
  // An analyst's corrections survive re-coding (pg_store_review.cc).
  SITREP_RETURN_IF_ERROR(ReplayCorrections(tx, ids));
  return ids;
}

// ---- Actors ----

Result<int64_t> PgStore::UpsertActor(const Actor& actor) {
  if (!sqlite::IsActorCode(actor.code)) return Invalid(fmt::format("'{}' is not an actor code", actor.code));
  if (actor.name.empty()) return Invalid("an actor needs a name");
  int64_t id = 0;
  Status status = InTransaction(fmt::format("storing actor {} ({})", actor.name, actor.code),
                                [&](pqxx::dbtransaction& tx) {
    id = tx.exec_params1(
               "INSERT INTO actors (code, name, kind, country, added_by) VALUES ($1, $2, $3, $4, $5)"
               " ON CONFLICT (code, name) DO UPDATE SET kind = excluded.kind RETURNING id",
               actor.code, PgText(actor.name), actor.kind, OrNull(actor.country), actor.added_by)[0]
             .as<int64_t>();
    for (const ActorRole& role : actor.roles) {
      tx.exec_params0(
          "INSERT INTO actor_roles (actor_id, role, code, start_date, end_date, doc_id)"
          " SELECT $1, $2, $3, $4, $5, $6 WHERE NOT EXISTS (SELECT 1 FROM actor_roles WHERE actor_id = $1"
          " AND role = $2 AND coalesce(start_date, '') = coalesce($4, ''))",
          id, PgText(role.role), OrNull(role.code), OrNull(role.start), OrNull(role.end), role.doc_id);
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return id;
}

// ---- Stories ----

// As in SQLite (sqlite_store_stories.cc): the whole set is replaced, and a label
// already stored keeps its id, so events linked to its story stay linked.
Result<std::vector<int64_t>> PgStore::ReplaceStories(const std::vector<StoryRecord>& stories) {
  std::unordered_set<std::string> labels;
  for (const StoryRecord& s : stories) {
    if (s.label.empty()) return Status(Code::kInvalidArgument, "a story needs a label");
    if (!labels.insert(s.label).second)
      return Status(Code::kInvalidArgument, fmt::format("story label '{}' given twice", s.label));
  }
  std::vector<int64_t> ids;
  Status status = InTransaction("replacing the stories", [&](pqxx::dbtransaction& tx) {
    ids.clear();
    tx.exec_params("SELECT pg_advisory_xact_lock($1)", kStoriesLock);
    const std::string now = UtcNow();
    for (const StoryRecord& story : stories) {
      const std::string label = PgText(story.label);
      pqxx::result found = tx.exec_params("SELECT id FROM stories WHERE label = $1 ORDER BY id LIMIT 1", label);
      const int64_t id =
          !found.empty() ? found[0][0].as<int64_t>()
                         : tx.exec_params1("INSERT INTO stories (label, created_at) VALUES ($1, $2) RETURNING id",
                                           label, now)[0]
                               .as<int64_t>();
      tx.exec_params0("DELETE FROM story_documents WHERE story_id = $1", id);
      for (int64_t doc : story.doc_ids) {
        if (tx.exec_params("SELECT 1 FROM documents WHERE id = $1", doc).empty())
          return Status(Code::kInvalidArgument, fmt::format("story '{}': there is no document {}", story.label, doc));
        tx.exec_params0("INSERT INTO story_documents (story_id, doc_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", id,
                        doc);
      }
      ids.push_back(id);
    }
    tx.exec_params0("DELETE FROM stories WHERE NOT (id = ANY ($1::bigint[]))", IdArray(ids));
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return ids;
}

// Newest first, each with its documents and the number of events linked to it.
Result<std::vector<Story>> PgStore::ListStories(const Page& page) {
  if (page.limit < 1 || page.limit > 1000)
    return Status(Code::kInvalidArgument, fmt::format("limit {} is not between 1 and 1000", page.limit));
  if (page.offset < 0) return Status(Code::kInvalidArgument, "offset is negative");
  try {
    pqxx::read_transaction tx(*conn_);
    pqxx::result rows = tx.exec_params(
        "SELECT s.id, s.label, s.created_at,"
        " (SELECT coalesce(string_agg(doc_id::text, ',' ORDER BY doc_id), '') FROM story_documents"
        "  WHERE story_id = s.id),"
        " (SELECT count(*) FROM events WHERE story_id = s.id)"
        " FROM stories AS s ORDER BY s.id DESC LIMIT $1 OFFSET $2",
        page.limit, page.offset);
    std::vector<Story> out;
    for (const auto& row : rows) {
      Story story{row[0].as<int64_t>(), row[1].as<std::string>(), row[2].as<std::string>(), {},
                  row[4].as<int64_t>()};
      const std::string ids = row[3].as<std::string>();
      for (size_t begin = 0; begin < ids.size();) {
        size_t end = ids.find(',', begin);
        if (end == std::string::npos) end = ids.size();
        story.doc_ids.push_back(std::stoll(ids.substr(begin, end - begin)));
        begin = end + 1;
      }
      out.push_back(std::move(story));
    }
    return out;
  } catch (const std::exception& e) {
    return Failed("listing stories", e);
  }
}

Result<Story> PgStore::GetStory(int64_t id) {
  try {
    pqxx::read_transaction tx(*conn_);
    pqxx::result rows = tx.exec_params(
        "SELECT label, created_at, (SELECT count(*) FROM events WHERE story_id = $1) FROM stories WHERE id = $1", id);
    if (rows.empty()) return Status(Code::kNotFound, fmt::format("there is no story {}", id));
    Story story{id, rows[0][0].as<std::string>(), rows[0][1].as<std::string>(), {}, rows[0][2].as<int64_t>()};
    for (const auto& row : tx.exec_params("SELECT doc_id FROM story_documents WHERE story_id = $1 ORDER BY doc_id", id))
      story.doc_ids.push_back(row[0].as<int64_t>());
    return story;
  } catch (const std::exception& e) {
    return Failed(fmt::format("reading story {}", id), e);
  }
}

}  // namespace sitrep::pg
