// Writing events with their mentions and actor links, named actors with their roles,
// and the stories consolidation found.
//
// Idempotence: a mention is keyed by (event, document, evidence span) and an actor
// link by (event, actor, role), both written ON CONFLICT DO NOTHING; the coder's events
// are written only with a new document (pg_store.cc), so a redelivered article adds
// no event. Concurrency: UpsertActor serialises on the actor's row (ON CONFLICT DO
// UPDATE locks it to the end of the transaction); ReplaceStories, which replaces the
// whole set, takes one advisory lock so two consolidations run one after the other.
#include <fmt/format.h>

#include <pqxx/pqxx>
#include <set>
#include <unordered_set>

#include "store/event_filter_sql.h"
#include "store/pg/pg_store.h"

namespace sitrep::pg {

namespace {

constexpr int64_t kStoriesLock = 0x5349545245500002;  // "SITREP" and a 2

std::string PrecisionOf(const std::string& date) {
  switch (date.size()) {
    case 4: return "year";
    case 7: return "month";
    case 10: return "day";
    case 16: return "minute";
    default: return "second";
  }
}

Status Invalid(std::string message) { return Status(Code::kInvalidArgument, std::move(message)); }

std::optional<std::string> OrNull(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return PgText(text);
}

// "{1,2,3}": a bigint[] parameter.
std::string IdArray(const std::vector<int64_t>& ids) {
  std::string out = "{";
  for (int64_t id : ids) out += (out.size() > 1 ? "," : "") + std::to_string(id);
  return out + "}";
}

}  // namespace

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
  // Corrections are replayed onto re-coded events in SQLite; here Correct is not yet
  // available, so a store with corrections in it (copied from elsewhere) is refused
  // rather than silently losing the analysts' work.
  if (tx.exec1("SELECT EXISTS (SELECT 1 FROM correction_anchors)")[0].as<bool>())
    return NotYet("replaying analysts' corrections onto new events");
  const std::string now = UtcNow();
  std::vector<int64_t> ids;
  ids.reserve(events.size());
  for (const NewEvent& n : events) {
    const DeskEvent& e = n.event;
    if (drop_invalid && !sqlite::CheckEventFields(e).ok()) continue;
    const int quad = e.quad_class ? e.quad_class : QuadClassOf(e.type);
    std::optional<int> quad_or_null;
    if (quad >= 1 && quad <= 4) quad_or_null = quad;
    const int64_t id =
        tx.exec_params1(
              "INSERT INTO events (date, date_precision, type, mode, context, cameo, quad_class, goldstein,"
              " source_actor, target_actor, place, country, admin1, latitude, longitude, killed, injured,"
              " confidence, story_id, coded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,"
              " $12, $13, $14, $15, $16, $17, $18, $19, $20, $21) RETURNING id",
              e.date, e.date_precision.empty() ? PrecisionOf(e.date) : e.date_precision, e.type, OrNull(e.mode),
              OrNull(e.context), OrNull(e.cameo), quad_or_null, e.goldstein, OrNull(e.source_actor),
              OrNull(e.target_actor), OrNull(e.place), OrNull(e.country), OrNull(e.admin1), e.latitude, e.longitude,
              e.killed, e.injured, e.confidence, e.story_id, e.coded_by, now)[0]
            .as<int64_t>();
    ids.push_back(id);
    for (const DeskMention& m : n.mentions) {
      std::optional<int64_t> sentence_begin, sentence_end;
      if (!m.sentence.empty()) sentence_begin = m.sentence.begin, sentence_end = m.sentence.end;
      tx.exec_params0(
          "INSERT INTO event_mentions (event_id, doc_id, sentence_begin, sentence_end, evidence_begin,"
          " evidence_end, confidence) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
          id, m.doc_id, sentence_begin, sentence_end, static_cast<int64_t>(m.evidence.begin),
          static_cast<int64_t>(m.evidence.end), m.confidence);
    }
    for (const auto& [actor_id, role] : n.actors) {
      tx.exec_params0("INSERT INTO event_actors (event_id, actor_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                      id, actor_id, role);
    }
  }
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
