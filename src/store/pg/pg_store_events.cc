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
#include <iterator>
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

// "{1,2,3}": a bigint[] parameter.
std::string IdArray(const std::vector<int64_t>& ids) {
  std::string out = "{";
  for (int64_t id : ids) out += (out.size() > 1 ? "," : "") + std::to_string(id);
  return out + "}";
}

using Of = PgArray::Of;

// The events' columns, in the order of the parameters and of EventArrays.
constexpr std::string_view kEventColumnList[] = {
    "date",      "date_precision", "type",     "mode",    "context", "cameo",      "quad_class",
    "goldstein", "source_actor",   "target_actor", "place", "country", "admin1",   "latitude",
    "longitude", "killed",         "injured",  "confidence", "story_id", "coded_by", "created_at"};
constexpr std::string_view kEventColumnTypes[] = {
    "text",   "text",   "text",   "text",   "text",   "text",   "integer",
    "float8", "text",   "text",   "text",   "text",   "text",   "float8",
    "float8", "bigint", "bigint", "float8", "bigint", "text",   "text"};
static_assert(std::size(kEventColumnList) == std::size(kEventColumnTypes));

// Empty text as NULL, as OrNull does for a single row.
void AddText(PgArray& array, const std::string& text) {
  if (text.empty()) {
    array.AddNull();
  } else {
    array.Add(std::string_view(PgText(text)));
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

// The statement that writes events on their own (InsertEvents, RewriteLayers), and
// returns their ids.
constexpr char kInsertEvents[] = "sitrep_insert_events";

}  // namespace

void EventArrays::Add(const NewEvent& row, const std::string& now, std::optional<int64_t> doc_place) {
  const auto n = static_cast<int64_t>(size_) + 1;
  ++size_;
  if (doc_place) doc_places.Add(*doc_place);
  const DeskEvent& e = row.event;
  const int quad_class = e.quad_class ? e.quad_class : QuadClassOf(e.type);
  date.Add(std::string_view(e.date));
  precision.Add(std::string_view(e.date_precision.empty() ? sqlite::PrecisionOf(e.date) : e.date_precision));
  type.Add(std::string_view(e.type));
  AddText(mode, e.mode);
  AddText(context, e.context);
  AddText(cameo, e.cameo);
  AddOptional(quad, quad_class >= 1 && quad_class <= 4 ? std::optional<int64_t>(quad_class) : std::nullopt);
  AddOptional(goldstein, e.goldstein);
  AddText(source, e.source_actor);
  AddText(target, e.target_actor);
  AddText(place, e.place);
  AddText(country, e.country);
  AddText(admin1, e.admin1);
  AddOptional(latitude, e.latitude);
  AddOptional(longitude, e.longitude);
  AddOptional(killed, e.killed);
  AddOptional(injured, e.injured);
  confidence.Add(e.confidence);
  AddOptional(story, e.story_id);
  coded_by.Add(std::string_view(e.coded_by));
  created_at.Add(std::string_view(now));
  for (const DeskMention& m : row.mentions) {
    mention_event.Add(n);
    doc.Add(m.doc_id);
    if (m.sentence.empty()) {
      sentence_begin.AddNull();
      sentence_end.AddNull();
    } else {
      sentence_begin.Add(static_cast<int64_t>(m.sentence.begin));
      sentence_end.Add(static_cast<int64_t>(m.sentence.end));
    }
    evidence_begin.Add(static_cast<int64_t>(m.evidence.begin));
    evidence_end.Add(static_cast<int64_t>(m.evidence.end));
    mention_confidence.Add(m.confidence);
  }
  for (const auto& [actor_id, actor_role] : row.actors) {
    actor_event.Add(n);
    actor.Add(actor_id);
    role.Add(std::string_view(actor_role));
  }
}

std::vector<pqxx::binarystring> EventArrays::Take(bool in_documents_statement) {
  std::vector<pqxx::binarystring> out;
  auto take = [&out](PgArray& array) {
    const std::string bytes = array.Take();
    out.emplace_back(bytes.data(), bytes.size());
  };
  if (in_documents_statement) take(doc_places);
  for (PgArray* a : {&date, &precision, &type, &mode, &context, &cameo, &quad, &goldstein, &source, &target, &place,
                     &country, &admin1, &latitude, &longitude, &killed, &injured, &confidence, &story, &coded_by,
                     &created_at, &mention_event})
    take(*a);
  if (!in_documents_statement) take(doc);
  for (PgArray* a : {&sentence_begin, &sentence_end, &evidence_begin, &evidence_end, &mention_confidence,
                     &actor_event, &actor, &role})
    take(*a);
  size_ = 0;
  return out;
}

std::string EventInsertCtes(int first, std::string_view docs) {
  const bool standalone = docs.empty();  // each mention names its document
  int p = standalone ? first : first + 1;
  std::string columns, selected, arrays;
  for (size_t i = 0; i < std::size(kEventColumnList); ++i, ++p) {
    const std::string_view sep = i ? ", " : "";
    columns += fmt::format("{}{}", sep, kEventColumnList[i]);
    selected += fmt::format(", u.{}", kEventColumnList[i]);
    arrays += fmt::format("{}${}::{}[]", sep, p, kEventColumnTypes[i]);
  }
  const int mention = p, spans = standalone ? p + 2 : p + 1, actors = spans + 5;
  // The ids, increasing with the events' places in the list, as one insert each gave
  // them: nextval runs over the places in order (a sorted subquery is not flattened).
  const std::string ids =
      standalone ? fmt::format("SELECT n, nextval(pg_get_serial_sequence('events', 'id')) AS id"
                               " FROM generate_series(1, cardinality(${}::text[])) AS n",
                               first + 0)
                 : fmt::format("SELECT n, doc, nextval(pg_get_serial_sequence('events', 'id')) AS id FROM"
                               " (SELECT u.n, u.doc FROM unnest(${}::bigint[]) WITH ORDINALITY AS u(doc, n)"
                               " JOIN {} USING (doc) ORDER BY u.n) AS s",
                               first, docs);
  return fmt::format(
      "i AS ({0}),"
      " e AS (INSERT INTO events (id, {1}) SELECT i.id{2} FROM unnest({3}) WITH ORDINALITY AS u({1}, n)"
      " JOIN i USING (n)),"
      // Mentions and actor links are keyed, ON CONFLICT DO NOTHING, as the one-row inserts
      // were; a duplicate within the arrays is skipped the same way. Their foreign keys are
      // checked at the end of the statement, when the events are in.
      " m AS (INSERT INTO event_mentions (event_id, doc_id, sentence_begin, sentence_end, evidence_begin,"
      " evidence_end, confidence) SELECT i.id, {4}, u.sentence_begin, u.sentence_end, u.evidence_begin,"
      " u.evidence_end, u.confidence FROM unnest(${5}::bigint[], {6}${7}::bigint[], ${8}::bigint[],"
      " ${9}::bigint[], ${10}::bigint[], ${11}::float8[]) AS u(n, {12}sentence_begin, sentence_end, evidence_begin,"
      " evidence_end, confidence) JOIN i USING (n){13} ON CONFLICT DO NOTHING),"
      " x AS (INSERT INTO event_actors (event_id, actor_id, role) SELECT i.id, u.actor, u.role FROM"
      " unnest(${14}::bigint[], ${15}::bigint[], ${16}::text[]) AS u(n, actor, role) JOIN i USING (n)"
      " ON CONFLICT DO NOTHING)",
      ids, columns, selected, arrays, standalone ? std::string("u.doc") : fmt::format("{}.id", docs), mention,
      standalone ? fmt::format("${}::bigint[], ", mention + 1) : "", spans, spans + 1, spans + 2, spans + 3,
      spans + 4, standalone ? "doc, " : "", standalone ? "" : fmt::format(" JOIN {} USING (doc)", docs), actors,
      actors + 1, actors + 2);
}

// Registers the statements WriteEvents runs (the PgStore constructor calls this).
void PrepareEventWrites(pqxx::connection& conn) {
  conn.prepare(kInsertEvents, "WITH " + EventInsertCtes(1, "") + " SELECT id FROM i ORDER BY id");
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
    EventArrays arrays;
    const std::string now = UtcNow();
    for (const NewEvent* event : kept) arrays.Add(*event, now, std::nullopt);
    const std::vector<pqxx::binarystring> params = arrays.Take(/*in_documents_statement=*/false);
    for (const auto& row : tx.exec_prepared(kInsertEvents, pqxx::prepare::make_dynamic_params(params)))
      ids.push_back(row[0].as<int64_t>());
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
