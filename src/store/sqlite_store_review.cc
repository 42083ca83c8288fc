// The corrections layer: an analyst marks an event wrong, changes its type, actors or
// date, merges it into another or splits mentions off it.
//
// A correction is applied to the events table at once, so every list, aggregate and
// export shows the analyst's view without a join, and is logged in `corrections` with
// who, when, the values it replaced, and an anchor: the event's evidence spans keyed by
// the text hash of their documents. Text hashes and clean-text offsets do not change
// when the same article is ingested again, and re-coding finds the same sentences, so
// when events are inserted again the corrections whose anchors match them are
// replayed (ReplayCorrections, called by InsertEvents).
#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>
#include <set>

#include "store/correction_rules.h"
#include "store/event_filter_sql.h"
#include "store/sqlite_store.h"

namespace sitrep::sqlite {

using nlohmann::json;

namespace {

std::string UtcNow() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(now));
}

Status Invalid(std::string message) { return Status(Code::kInvalidArgument, std::move(message)); }

using Current = CorrectableFields;

const json* Field(const json& payload, const char* name) {
  auto it = payload.find(name);
  return it == payload.end() ? nullptr : &*it;
}

}  // namespace

Result<std::string> SqliteStore::AnchorOf(int64_t event_id) {
  Result<Statement> stmt = db_->Prepare(
      "SELECT d.text_hash, m.evidence_begin, m.evidence_end FROM event_mentions AS m"
      " JOIN documents AS d ON d.id = m.doc_id WHERE m.event_id = ?1 ORDER BY 1, 2, 3");
  if (!stmt.ok()) return stmt.status();
  stmt->BindInt(1, event_id);
  json anchor = json::array();
  for (;;) {
    Result<bool> row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    anchor.push_back({stmt->Text(0), stmt->Int(1), stmt->Int(2)});
  }
  return anchor.dump();
}

Result<Correction> SqliteStore::Correct(const Correction& correction) {
  SITREP_RETURN_IF_ERROR(CheckCorrectionAuthor(correction.author, correction.note));
  Result<Transaction> tx = Transaction::Begin(*db_);
  if (!tx.ok()) return tx.status();
  Correction applied = correction;
  applied.created_at = UtcNow();
  SITREP_RETURN_IF_ERROR(ApplyCorrection(applied, /*log=*/true));
  SITREP_RETURN_IF_ERROR(tx->Commit());
  return applied;
}

Status SqliteStore::ApplyCorrection(Correction& c, bool log) {
  Current now;
  {
    Result<Statement> stmt = db_->Prepare(
        "SELECT date, ifnull(date_precision, ''), type, ifnull(cameo, ''), ifnull(source_actor, ''),"
        " ifnull(target_actor, ''), status, ifnull(quad_class, 0), merged_into FROM events WHERE id = ?1");
    if (!stmt.ok()) return stmt.status();
    stmt->BindInt(1, c.event_id);
    Result<bool> row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status(Code::kNotFound, fmt::format("there is no event {}", c.event_id));
    now = {stmt->Text(0), stmt->Text(1), stmt->Text(2), stmt->Text(3), stmt->Text(4), stmt->Text(5),
           stmt->Text(6), static_cast<int>(stmt->Int(7)),
           stmt->IsNull(8) ? std::nullopt : std::optional<int64_t>(stmt->Int(8))};
  }
  json payload = json::parse(c.payload, nullptr, false);
  if (!payload.is_object()) return Invalid("a correction's payload must be a JSON object");
  if (log) {
    Result<std::string> anchor = AnchorOf(c.event_id);
    if (!anchor.ok()) return anchor.status();
    c.anchor = *anchor;
  }

  // Each action: check the payload, note what it replaces, then one UPDATE.
  std::string sql;
  std::vector<std::string> texts;  // ?2, ?3, ... after ?1 = event id
  json replaced;
  const std::string& a = c.action;
  if (IsFieldCorrection(a)) {
    Result<FieldUpdate> plan = PlanFieldUpdate(a, payload, now);
    if (!plan.ok()) return plan.status();
    sql = std::move(plan->sql), texts = std::move(plan->values), replaced = std::move(plan->replaced);
  } else if (a == "merge") {
    Result<int64_t> into = MergeTarget(payload, c.event_id);
    if (!into.ok()) return into.status();
    const int64_t target = *into;
    Result<DeskEvent> kept = GetEvent(target);
    if (!kept.ok()) return kept.status();
    if (kept->status == "merged") return Invalid(fmt::format("event {} is itself merged into another", target));
    if (log) {
      Result<std::string> anchor = AnchorOf(target);
      if (!anchor.ok()) return anchor.status();
      payload["into_anchor"] = json::parse(*anchor);
    }
    replaced = now.ToJson({"status", "merged_into"});
    // Events merged into this one follow it.
    Result<Statement> follow = db_->Prepare("UPDATE events SET merged_into = ?2 WHERE merged_into = ?1");
    if (!follow.ok()) return follow.status();
    follow->BindInt(1, c.event_id).BindInt(2, target);
    SITREP_RETURN_IF_ERROR(follow->Run());
    sql = "UPDATE events SET status = 'merged', merged_into = ?2 WHERE id = ?1";
    texts = {std::to_string(target)};
  } else if (a == "split") {
    return SplitEvent(c, payload, log);
  } else {
    return UnknownCorrection(a);
  }
  Result<Statement> update = db_->Prepare(sql);
  if (!update.ok()) return update.status();
  update->BindInt(1, c.event_id);
  for (size_t i = 0; i < texts.size(); ++i) update->BindText(static_cast<int>(i) + 2, texts[i]);
  SITREP_RETURN_IF_ERROR(update->Run());
  c.payload = payload.dump();
  c.before = replaced.dump();
  return log ? LogCorrection(c) : Status::Ok();
}

// Moves the named mentions to a new event, a copy of this one made by the analyst.
Status SqliteStore::SplitEvent(Correction& c, json& payload, bool log) {
  const json* mentions = Field(payload, "mentions");
  if (!mentions || !mentions->is_array() || mentions->empty())
    return Invalid("split needs \"mentions\": [[doc_id, evidence_begin, evidence_end], ...] to move");
  int64_t own = 0, made = 0;
  {
    Result<Statement> count = db_->Prepare("SELECT count(*) FROM event_mentions WHERE event_id = ?1");
    if (!count.ok()) return count.status();
    count->BindInt(1, c.event_id);
    Result<bool> row = count->Step();
    if (!row.ok()) return row.status();
    own = count->Int(0);
  }
  if (static_cast<int64_t>(mentions->size()) >= own) return Invalid("split must leave at least one mention with the event");
  {
    Result<Statement> copy = db_->Prepare(
        "INSERT INTO events (date, date_precision, type, mode, context, cameo, quad_class, goldstein, source_actor,"
        " target_actor, place, country, admin1, place_id, latitude, longitude, killed, injured, confidence, story_id,"
        " status, coded_by, created_at) SELECT date, date_precision, type, mode, context, cameo, quad_class,"
        " goldstein, source_actor, target_actor, place, country, admin1, place_id, latitude, longitude, killed,"
        " injured, confidence, story_id, 'corrected', 'analyst', ?2 FROM events WHERE id = ?1 RETURNING id");
    if (!copy.ok()) return copy.status();
    copy->BindInt(1, c.event_id).BindText(2, UtcNow());
    Result<bool> row = copy->Step();
    if (!row.ok()) return row.status();
    made = copy->Int(0);
  }
  Result<Statement> move = db_->Prepare(
      "UPDATE event_mentions SET event_id = ?2 WHERE event_id = ?1 AND doc_id = ?3 AND evidence_begin = ?4"
      " AND evidence_end = ?5");
  if (!move.ok()) return move.status();
  for (const json& m : *mentions) {
    if (!m.is_array() || m.size() != 3 || !m[0].is_number_integer() || !m[1].is_number_integer() ||
        !m[2].is_number_integer())
      return Invalid("split: each mention is [doc_id, evidence_begin, evidence_end]");
    move->BindInt(1, c.event_id).BindInt(2, made).BindInt(3, m[0]).BindInt(4, m[1]).BindInt(5, m[2]);
    SITREP_RETURN_IF_ERROR(move->Run());
    if (sqlite3_changes(db_->handle()) != 1)
      return Invalid(fmt::format("split: event {} has no mention [{}, {}, {}]", c.event_id, m[0].dump(),
                                 m[1].dump(), m[2].dump()));
  }
  Result<Statement> actors = db_->Prepare(
      "INSERT INTO event_actors (event_id, actor_id, role) SELECT ?2, actor_id, role FROM event_actors"
      " WHERE event_id = ?1");
  if (!actors.ok()) return actors.status();
  actors->BindInt(1, c.event_id).BindInt(2, made);
  SITREP_RETURN_IF_ERROR(actors->Run());
  c.result_event = made;
  c.payload = payload.dump();
  c.before = json::object().dump();
  return log ? LogCorrection(c) : Status::Ok();
}

Status SqliteStore::LogCorrection(Correction& c) {
  {
    Result<Statement> insert = db_->Prepare(
        "INSERT INTO corrections (event_id, action, payload, replaced, anchor, result_event, author, note, created_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id");
    if (!insert.ok()) return insert.status();
    insert->BindInt(1, c.event_id).BindText(2, c.action).BindText(3, c.payload).BindText(4, c.before);
    insert->BindText(5, c.anchor).BindText(7, c.author).BindTextOrNull(8, c.note).BindText(9, c.created_at);
    if (c.result_event) insert->BindInt(6, *c.result_event);
    else insert->BindNull(6);
    Result<bool> row = insert->Step();
    if (!row.ok()) return row.status();
    c.id = insert->Int(0);
  }
  Result<Statement> anchor = db_->Prepare(
      "INSERT OR IGNORE INTO correction_anchors (text_hash, evidence_begin, evidence_end, correction_id)"
      " VALUES (?1, ?2, ?3, ?4)");
  if (!anchor.ok()) return anchor.status();
  for (const json& span : json::parse(c.anchor)) {
    anchor->BindText(1, span[0].get<std::string>()).BindInt(2, span[1]).BindInt(3, span[2]).BindInt(4, c.id);
    SITREP_RETURN_IF_ERROR(anchor->Run());
  }
  return Status::Ok();
}

// For each new event, the corrections anchored on any of its evidence spans, oldest
// first, applied again without a new log row. A correction that no longer fits (the
// event to merge into is gone, the mentions to split off are not there) is skipped.
Status SqliteStore::ReplayCorrections(const std::vector<int64_t>& new_events) {
  Result<int64_t> any = db_->QueryInt("SELECT EXISTS (SELECT 1 FROM correction_anchors)");
  if (!any.ok()) return any.status();
  if (*any == 0) return Status::Ok();
  for (int64_t id : new_events) {
    std::vector<Correction> matched;
    {
      Result<Statement> stmt = db_->Prepare(
          "SELECT DISTINCT c.id, c.action, c.payload FROM event_mentions AS m JOIN documents AS d ON d.id = m.doc_id"
          " JOIN correction_anchors AS a ON a.text_hash = d.text_hash AND a.evidence_begin = m.evidence_begin"
          " AND a.evidence_end = m.evidence_end JOIN corrections AS c ON c.id = a.correction_id"
          " WHERE m.event_id = ?1 ORDER BY c.id");
      if (!stmt.ok()) return stmt.status();
      stmt->BindInt(1, id);
      for (;;) {
        Result<bool> row = stmt->Step();
        if (!row.ok()) return row.status();
        if (!*row) break;
        Correction c;
        c.id = stmt->Int(0), c.event_id = id, c.action = stmt->Text(1), c.payload = stmt->Text(2);
        matched.push_back(std::move(c));
      }
    }
    for (Correction& c : matched) {
      if (c.action == "merge") {
        // The event to merge into, found again by its own anchor.
        json payload = json::parse(c.payload);
        std::optional<int64_t> into = FindByAnchor(payload.value("into_anchor", json::array()), id);
        if (!into) continue;
        payload["into"] = *into;
        c.payload = payload.dump();
      }
      Status status = ApplyCorrection(c, /*log=*/false);
      if (!status.ok() && status.code() != Code::kInvalidArgument && status.code() != Code::kNotFound) return status;
    }
  }
  return Status::Ok();
}

std::optional<int64_t> SqliteStore::FindByAnchor(const json& anchor, int64_t except) {
  if (!anchor.is_array()) return std::nullopt;
  for (const json& span : anchor) {
    if (!span.is_array() || span.size() != 3) continue;
    Result<Statement> stmt = db_->Prepare(
        "SELECT m.event_id FROM event_mentions AS m JOIN documents AS d ON d.id = m.doc_id"
        " JOIN events AS e ON e.id = m.event_id WHERE d.text_hash = ?1 AND m.evidence_begin = ?2"
        " AND m.evidence_end = ?3 AND m.event_id <> ?4 AND e.status <> 'merged' ORDER BY m.event_id DESC LIMIT 1");
    if (!stmt.ok()) return std::nullopt;
    stmt->BindText(1, span[0].get<std::string>()).BindInt(2, span[1]).BindInt(3, span[2]).BindInt(4, except);
    Result<bool> row = stmt->Step();
    if (row.ok() && *row) return stmt->Int(0);
  }
  return std::nullopt;
}

Status SqliteStore::ForEachCorrection(std::optional<int64_t> event_id,
                                      const std::function<bool(const Correction&)>& fn) {
  Result<Statement> stmt = db_->Prepare(
      "SELECT id, event_id, action, payload, replaced, anchor, result_event, author, ifnull(note, ''), created_at"
      " FROM corrections WHERE ?1 IS NULL OR event_id = ?1 OR result_event = ?1 ORDER BY id");
  if (!stmt.ok()) return stmt.status();
  if (event_id) stmt->BindInt(1, *event_id);
  for (;;) {
    Result<bool> row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    Correction c;
    c.id = stmt->Int(0), c.event_id = stmt->Int(1), c.action = stmt->Text(2), c.payload = stmt->Text(3);
    c.before = stmt->Text(4), c.anchor = stmt->Text(5);
    if (!stmt->IsNull(6)) c.result_event = stmt->Int(6);
    c.author = stmt->Text(7), c.note = stmt->Text(8), c.created_at = stmt->Text(9);
    if (!fn(c)) return Status::Ok();
  }
}

}  // namespace sitrep::sqlite
