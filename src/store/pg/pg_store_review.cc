// The corrections layer on PostgreSQL: an analyst's correction applied to the events
// table and logged with its anchor, and replayed onto events coded again. The rules
// (actions, payloads, the UPDATEs) are shared with SQLite (store/correction_rules.h);
// the steps are those of sqlite_store_review.cc, so both engines store the same rows.
//
// Concurrency. SQLite has one writer at a time; here ingest workers and analysts write
// at once, so a correction takes locks:
//   - the event's row (FOR NO KEY UPDATE), and the row of the event a merge keeps: two
//     analysts correcting one event take turns, and each records as "replaced" what the
//     other left; a merge cannot keep an event that is being merged elsewhere meanwhile;
//   - an advisory lock "anchor:<text hash>" for each document its event is reported in,
//     taken before the rows. Replaying takes the same locks for the documents of the new
//     events before it reads the anchors, so a correction and the events it should be
//     replayed onto come out as if one ran after the other: either the replay sees the
//     committed correction, or the correction comes after the new events.
// Locks are taken in one order (anchors sorted, then rows); what still deadlocks (two
// batches meeting the same texts in opposite orders) is broken by the server and run
// again by InTransaction.
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "store/correction_rules.h"
#include "store/pg/pg_rows.h"
#include "store/pg/pg_store.h"

namespace sitrep::pg {

using nlohmann::json;
using sqlite::CorrectableFields;

namespace {

Status Invalid(std::string message) { return Status(Code::kInvalidArgument, std::move(message)); }

const json* Field(const json& payload, const char* name) {
  auto it = payload.find(name);
  return it == payload.end() ? nullptr : &*it;
}

// The shared rules write SQLite's numbered parameters (?1, ?2): the same numbers in
// PostgreSQL's form. The statements are our own text, with no '?' of another meaning.
std::string Numbered(std::string sql) {
  std::replace(sql.begin(), sql.end(), '?', '$');
  return sql;
}

// "{1,2,3}": a bigint[] parameter.
std::string IdArray(const std::vector<int64_t>& ids) {
  std::string out = "{";
  for (int64_t id : ids) out += (out.size() > 1 ? "," : "") + std::to_string(id);
  return out + "}";
}

void LockAnchors(pqxx::dbtransaction& tx, std::vector<std::string> text_hashes) {
  std::sort(text_hashes.begin(), text_hashes.end());
  text_hashes.erase(std::unique(text_hashes.begin(), text_hashes.end()), text_hashes.end());
  for (const std::string& hash : text_hashes)
    tx.exec_params("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", "anchor:" + hash);
}

// The event's evidence keyed by the text hash of its documents: [[text_hash, begin, end], ...].
json AnchorOf(pqxx::dbtransaction& tx, int64_t event_id) {
  json anchor = json::array();
  for (const auto& r : tx.exec_params(
           "SELECT d.text_hash, m.evidence_begin, m.evidence_end FROM event_mentions AS m"
           " JOIN documents AS d ON d.id = m.doc_id WHERE m.event_id = $1"
           " ORDER BY d.text_hash COLLATE \"C\", m.evidence_begin, m.evidence_end",
           event_id))
    anchor.push_back({Text(r[0]), r[1].as<int64_t>(), r[2].as<int64_t>()});
  return anchor;
}

std::vector<std::string> HashesOf(const json& anchor) {
  std::vector<std::string> hashes;
  for (const json& span : anchor) hashes.push_back(span[0].get<std::string>());
  return hashes;
}

Status LogCorrection(pqxx::dbtransaction& tx, Correction& c) {
  std::optional<std::string> note;
  if (!c.note.empty()) note = PgText(c.note);
  c.id = tx.exec_params1(
               "INSERT INTO corrections (event_id, action, payload, replaced, anchor, result_event, author, note,"
               " created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
               c.event_id, c.action, c.payload, c.before, c.anchor, c.result_event, PgText(c.author), note,
               c.created_at)[0]
             .as<int64_t>();
  for (const json& span : json::parse(c.anchor))
    tx.exec_params0(
        "INSERT INTO correction_anchors (text_hash, evidence_begin, evidence_end, correction_id)"
        " VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        span[0].get<std::string>(), span[1].get<int64_t>(), span[2].get<int64_t>(), c.id);
  return Status::Ok();
}

// Moves the named mentions to a new event, a copy of this one made by the analyst.
Status SplitEvent(pqxx::dbtransaction& tx, Correction& c, json& payload, bool log) {
  const json* mentions = Field(payload, "mentions");
  if (!mentions || !mentions->is_array() || mentions->empty())
    return Invalid("split needs \"mentions\": [[doc_id, evidence_begin, evidence_end], ...] to move");
  const int64_t own =
      tx.exec_params1("SELECT count(*) FROM event_mentions WHERE event_id = $1", c.event_id)[0].as<int64_t>();
  if (static_cast<int64_t>(mentions->size()) >= own)
    return Invalid("split must leave at least one mention with the event");
  const int64_t made =
      tx.exec_params1(
            "INSERT INTO events (date, date_precision, type, mode, context, cameo, quad_class, goldstein, source_actor,"
            " target_actor, place, country, admin1, place_id, latitude, longitude, killed, injured, confidence,"
            " story_id, status, coded_by, created_at) SELECT date, date_precision, type, mode, context, cameo,"
            " quad_class, goldstein, source_actor, target_actor, place, country, admin1, place_id, latitude,"
            " longitude, killed, injured, confidence, story_id, 'corrected', 'analyst', $2 FROM events WHERE id = $1"
            " RETURNING id",
            c.event_id, UtcNow())[0]
          .as<int64_t>();
  for (const json& m : *mentions) {
    if (!m.is_array() || m.size() != 3 || !m[0].is_number_integer() || !m[1].is_number_integer() ||
        !m[2].is_number_integer())
      return Invalid("split: each mention is [doc_id, evidence_begin, evidence_end]");
    pqxx::result moved = tx.exec_params(
        "UPDATE event_mentions SET event_id = $2 WHERE event_id = $1 AND doc_id = $3 AND evidence_begin = $4"
        " AND evidence_end = $5",
        c.event_id, made, m[0].get<int64_t>(), m[1].get<int64_t>(), m[2].get<int64_t>());
    if (moved.affected_rows() != 1)
      return Invalid(fmt::format("split: event {} has no mention [{}, {}, {}]", c.event_id, m[0].dump(),
                                 m[1].dump(), m[2].dump()));
  }
  tx.exec_params0(
      "INSERT INTO event_actors (event_id, actor_id, role) SELECT $2, actor_id, role FROM event_actors"
      " WHERE event_id = $1",
      c.event_id, made);
  c.result_event = made;
  c.payload = payload.dump();
  c.before = json::object().dump();
  return log ? LogCorrection(tx, c) : Status::Ok();
}

// Applies `c` to its event; with `log`, records it with its anchor (Correct), without,
// only changes the event (a replay of a recorded correction).
Status ApplyCorrection(pqxx::dbtransaction& tx, Correction& c, bool log) {
  pqxx::result rows = tx.exec_params(
      "SELECT date, coalesce(date_precision, ''), type, coalesce(cameo, ''), coalesce(source_actor, ''),"
      " coalesce(target_actor, ''), status, coalesce(quad_class, 0), merged_into FROM events WHERE id = $1"
      " FOR NO KEY UPDATE",
      c.event_id);
  if (rows.empty()) return Status(Code::kNotFound, fmt::format("there is no event {}", c.event_id));
  const pqxx::row r = rows[0];
  const CorrectableFields now{Text(r[0]), Text(r[1]), Text(r[2]), Text(r[3]), Text(r[4]),
                              Text(r[5]), Text(r[6]), r[7].as<int>(), Opt<int64_t>(r[8])};
  json payload = json::parse(c.payload, nullptr, false);
  if (!payload.is_object()) return Invalid("a correction's payload must be a JSON object");
  if (log) c.anchor = AnchorOf(tx, c.event_id).dump();

  std::string sql;
  std::vector<std::string> values;  // $2, $3, ... after $1 = event id
  json replaced;
  const std::string& a = c.action;
  if (sqlite::IsFieldCorrection(a)) {
    Result<sqlite::FieldUpdate> plan = sqlite::PlanFieldUpdate(a, payload, now);
    if (!plan.ok()) return plan.status();
    sql = Numbered(std::move(plan->sql)), values = std::move(plan->values), replaced = std::move(plan->replaced);
  } else if (a == "merge") {
    Result<int64_t> into = sqlite::MergeTarget(payload, c.event_id);
    if (!into.ok()) return into.status();
    const int64_t target = *into;
    pqxx::result kept = tx.exec_params("SELECT status FROM events WHERE id = $1 FOR NO KEY UPDATE", target);
    if (kept.empty()) return Status(Code::kNotFound, fmt::format("there is no event {}", target));
    if (Text(kept[0][0]) == "merged") return Invalid(fmt::format("event {} is itself merged into another", target));
    if (log) payload["into_anchor"] = AnchorOf(tx, target);
    replaced = now.ToJson({"status", "merged_into"});
    // Events merged into this one follow it.
    tx.exec_params0("UPDATE events SET merged_into = $2 WHERE merged_into = $1", c.event_id, target);
    sql = "UPDATE events SET status = 'merged', merged_into = $2 WHERE id = $1";
    values = {std::to_string(target)};
  } else if (a == "split") {
    return SplitEvent(tx, c, payload, log);
  } else {
    return sqlite::UnknownCorrection(a);
  }
  tx.exec_params0(sql, c.event_id, pqxx::prepare::make_dynamic_params(values));
  c.payload = payload.dump();
  c.before = replaced.dump();
  return log ? LogCorrection(tx, c) : Status::Ok();
}

// The newest event other than `except`, not merged, that has one of the anchor's spans.
std::optional<int64_t> FindByAnchor(pqxx::dbtransaction& tx, const json& anchor, int64_t except) {
  if (!anchor.is_array()) return std::nullopt;
  for (const json& span : anchor) {
    if (!span.is_array() || span.size() != 3 || !span[0].is_string() || !span[1].is_number_integer() ||
        !span[2].is_number_integer())
      continue;
    pqxx::result found = tx.exec_params(
        "SELECT m.event_id FROM event_mentions AS m JOIN documents AS d ON d.id = m.doc_id"
        " JOIN events AS e ON e.id = m.event_id WHERE d.text_hash = $1 AND m.evidence_begin = $2"
        " AND m.evidence_end = $3 AND m.event_id <> $4 AND e.status <> 'merged' ORDER BY m.event_id DESC LIMIT 1",
        span[0].get<std::string>(), span[1].get<int64_t>(), span[2].get<int64_t>(), except);
    if (!found.empty()) return found[0][0].as<int64_t>();
  }
  return std::nullopt;
}

}  // namespace

Result<Correction> PgStore::Correct(const Correction& correction) {
  SITREP_RETURN_IF_ERROR(sqlite::CheckCorrectionAuthor(correction.author, correction.note));
  Correction applied;
  Status status =
      InTransaction(fmt::format("correcting event {}", correction.event_id), [&](pqxx::dbtransaction& tx) {
        applied = correction;  // a retried transaction starts from the request again
        applied.created_at = UtcNow();
        // Anchors before rows, as the replay takes them (see the top of this file).
        LockAnchors(tx, HashesOf(AnchorOf(tx, correction.event_id)));
        return ApplyCorrection(tx, applied, /*log=*/true);
      });
  if (!status.ok()) return status;
  return applied;
}

// For each new event, the corrections anchored on any of its evidence spans, oldest
// first, applied again without a new log row. A correction that no longer fits (the
// event to merge into is gone, the mentions to split off are not there) is skipped.
Status PgStore::ReplayCorrections(pqxx::dbtransaction& tx, const std::vector<int64_t>& new_events) {
  if (new_events.empty() || !tx.exec1("SELECT EXISTS (SELECT 1 FROM correction_anchors)")[0].as<bool>())
    return Status::Ok();
  std::vector<std::string> hashes;
  for (const auto& r : tx.exec_params(
           "SELECT DISTINCT d.text_hash FROM event_mentions AS m JOIN documents AS d ON d.id = m.doc_id"
           " WHERE m.event_id = ANY ($1::bigint[])",
           IdArray(new_events)))
    hashes.push_back(Text(r[0]));
  LockAnchors(tx, std::move(hashes));
  for (int64_t id : new_events) {
    std::vector<Correction> matched;
    // payload as text: json has no equality, which DISTINCT needs.
    for (const auto& r : tx.exec_params(
             "SELECT DISTINCT c.id, c.action, c.payload::text FROM event_mentions AS m"
             " JOIN documents AS d ON d.id = m.doc_id JOIN correction_anchors AS a ON a.text_hash = d.text_hash"
             " AND a.evidence_begin = m.evidence_begin AND a.evidence_end = m.evidence_end"
             " JOIN corrections AS c ON c.id = a.correction_id WHERE m.event_id = $1 ORDER BY c.id",
             id)) {
      Correction c;
      c.id = r[0].as<int64_t>(), c.event_id = id, c.action = Text(r[1]), c.payload = Text(r[2]);
      matched.push_back(std::move(c));
    }
    for (Correction& c : matched) {
      if (c.action == "merge") {
        // The event to merge into, found again by its own anchor.
        json payload = json::parse(c.payload, nullptr, false);
        if (!payload.is_object()) continue;
        std::optional<int64_t> into = FindByAnchor(tx, payload.value("into_anchor", json::array()), id);
        if (!into) continue;
        payload["into"] = *into;
        c.payload = payload.dump();
      }
      Status status = ApplyCorrection(tx, c, /*log=*/false);
      if (!status.ok() && status.code() != Code::kInvalidArgument && status.code() != Code::kNotFound) return status;
    }
  }
  return Status::Ok();
}

}  // namespace sitrep::pg
