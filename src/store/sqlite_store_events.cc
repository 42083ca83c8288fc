// The analyst's desk, writing events with their mentions and actors (from the coder,
// the synthetic-data generator or a test fixture) and named actors with their roles.
// Inserting events replays the corrections whose anchors match them
// (sqlite_store_review.cc), so an analyst's work survives re-coding.
#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>
#include <set>

#include "store/event_filter_sql.h"
#include "store/sqlite_store.h"

namespace sitrep {

int QuadClassOf(const std::string& type) {
  static const std::pair<const char*, int> kQuads[] = {
      {"AGREE", 1},   {"CONSULT", 1},  {"SUPPORT", 1},  {"CONCEDE", 1},  {"COOPERATE", 2}, {"AID", 2},
      {"RETREAT", 2}, {"REQUEST", 3},  {"ACCUSE", 3},   {"REJECT", 3},   {"THREATEN", 3},  {"PROTEST", 4},
      {"SANCTION", 4}, {"MOBILIZE", 4}, {"COERCE", 4},  {"ASSAULT", 4}};
  for (const auto& [name, quad] : kQuads)
    if (type == name) return quad;
  return 0;
}

}  // namespace sitrep

namespace sitrep::sqlite {

using nlohmann::json;

namespace {

std::string UtcNow() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(now));
}

Status Invalid(std::string message) { return Status(Code::kInvalidArgument, std::move(message)); }

template <typename T>
void BindOpt(Statement& s, int index, const std::optional<T>& value) {
  if (!value) s.BindNull(index);
  else if constexpr (std::is_floating_point_v<T>) s.BindReal(index, *value);
  else s.BindInt(index, *value);
}

}  // namespace

Status SqliteStore::MakeReadOnly() {
  // query_only refuses writes on this connection. No memory map: with dozens of
  // connections on one file it would multiply the resident size for nothing.
  return db_->Exec("PRAGMA query_only = 1; PRAGMA cache_size = -8192;");
}

// ---- Events ----

Result<std::vector<int64_t>> SqliteStore::InsertEvents(const std::vector<NewEvent>& events) {
  for (const NewEvent& e : events) SITREP_RETURN_IF_ERROR(CheckEventFields(e.event));
  Result<Transaction> tx = Transaction::Begin(*db_);
  if (!tx.ok()) return tx.status();
  Result<std::vector<int64_t>> ids = WriteEvents(events, /*drop_invalid=*/false);
  if (!ids.ok()) return ids.status();
  SITREP_RETURN_IF_ERROR(tx->Commit());
  return ids;
}

// Inside the caller's transaction. With drop_invalid (events coded while a batch is
// stored), an event the store would refuse is left out instead of failing the batch.
Result<std::vector<int64_t>> SqliteStore::WriteEvents(const std::vector<NewEvent>& events, bool drop_invalid) {
  const std::string now = UtcNow();
  Result<Statement> insert = db_->Prepare(
      "INSERT INTO events (date, date_precision, type, mode, context, cameo, quad_class, goldstein, source_actor,"
      " target_actor, place, country, admin1, latitude, longitude, killed, injured, confidence, story_id,"
      " coded_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
      " ?17, ?18, ?19, ?20, ?21) RETURNING id");
  if (!insert.ok()) return insert.status();
  Result<Statement> mention = db_->Prepare(
      "INSERT OR IGNORE INTO event_mentions (event_id, doc_id, sentence_begin, sentence_end, evidence_begin,"
      " evidence_end, confidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!mention.ok()) return mention.status();
  Result<Statement> link =
      db_->Prepare("INSERT OR IGNORE INTO event_actors (event_id, actor_id, role) VALUES (?1, ?2, ?3)");
  if (!link.ok()) return link.status();

  std::vector<int64_t> ids;
  ids.reserve(events.size());
  for (const NewEvent& n : events) {
    const DeskEvent& e = n.event;
    if (drop_invalid && !CheckEventFields(e).ok()) continue;
    Statement& s = *insert;
    s.BindText(1, e.date).BindText(2, e.date_precision.empty() ? PrecisionOf(e.date) : e.date_precision);
    s.BindText(3, e.type).BindTextOrNull(4, e.mode).BindTextOrNull(5, e.context).BindTextOrNull(6, e.cameo);
    s.BindInt(7, e.quad_class ? e.quad_class : QuadClassOf(e.type));
    BindOpt(s, 8, e.goldstein);
    s.BindTextOrNull(9, e.source_actor).BindTextOrNull(10, e.target_actor).BindTextOrNull(11, e.place);
    s.BindTextOrNull(12, e.country).BindTextOrNull(13, e.admin1);
    BindOpt(s, 14, e.latitude), BindOpt(s, 15, e.longitude), BindOpt(s, 16, e.killed), BindOpt(s, 17, e.injured);
    s.BindReal(18, e.confidence);
    BindOpt(s, 19, e.story_id);
    s.BindText(20, e.coded_by).BindText(21, now);
    Result<bool> row = s.Step();
    if (!row.ok()) return row.status();
    const int64_t id = s.Int(0);
    SITREP_RETURN_IF_ERROR(s.Run());  // finish the statement so it can be bound again
    ids.push_back(id);
    for (const DeskMention& m : n.mentions) {
      mention->BindInt(1, id).BindInt(2, m.doc_id);
      if (m.sentence.empty()) mention->BindNull(3).BindNull(4);
      else mention->BindInt(3, m.sentence.begin).BindInt(4, m.sentence.end);
      mention->BindInt(5, m.evidence.begin).BindInt(6, m.evidence.end).BindReal(7, m.confidence);
      SITREP_RETURN_IF_ERROR(mention->Run());
    }
    for (const auto& [actor_id, role] : n.actors) {
      link->BindInt(1, id).BindInt(2, actor_id).BindText(3, role);
      SITREP_RETURN_IF_ERROR(link->Run());
    }
  }
  SITREP_RETURN_IF_ERROR(ReplayCorrections(ids));
  return ids;
}

Result<int64_t> SqliteStore::UpsertActor(const Actor& actor) {
  if (!IsActorCode(actor.code)) return Invalid(fmt::format("'{}' is not an actor code", actor.code));
  if (actor.name.empty()) return Invalid("an actor needs a name");
  Result<Transaction> tx = Transaction::Begin(*db_);
  if (!tx.ok()) return tx.status();
  int64_t id = 0;
  {
    Result<Statement> upsert = db_->Prepare(
        "INSERT INTO actors (code, name, kind, country, added_by) VALUES (?1, ?2, ?3, ?4, ?5)"
        " ON CONFLICT (code, name) DO UPDATE SET kind = excluded.kind RETURNING id");
    if (!upsert.ok()) return upsert.status();
    upsert->BindText(1, actor.code).BindText(2, actor.name).BindText(3, actor.kind).BindTextOrNull(4, actor.country);
    upsert->BindText(5, actor.added_by);
    Result<bool> row = upsert->Step();
    if (!row.ok()) return row.status();
    id = upsert->Int(0);
  }
  for (const ActorRole& role : actor.roles) {
    Result<Statement> add = db_->Prepare(
        "INSERT INTO actor_roles (actor_id, role, code, start_date, end_date, doc_id)"
        " SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE NOT EXISTS (SELECT 1 FROM actor_roles WHERE actor_id = ?1"
        " AND role = ?2 AND ifnull(start_date, '') = ifnull(?4, ''))");
    if (!add.ok()) return add.status();
    add->BindInt(1, id).BindText(2, role.role).BindTextOrNull(3, role.code).BindTextOrNull(4, role.start);
    add->BindTextOrNull(5, role.end);
    BindOpt(*add, 6, role.doc_id);
    SITREP_RETURN_IF_ERROR(add->Run());
  }
  SITREP_RETURN_IF_ERROR(tx->Commit());
  return id;
}

}  // namespace sitrep::sqlite
