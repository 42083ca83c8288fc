// Consolidation's write-back on PostgreSQL: the same contract and the same SQL shape as
// the SQLite engine (sqlite_store_merges.cc). Two consolidations at once would undo
// each other's merges half-way, so WriteEventMerges takes one advisory lock for the
// whole rewrite; ingest writers do not take it and are not held up, since they only
// add new coded events, which the next consolidation picks up.
#include <fmt/format.h>

#include <algorithm>
#include <pqxx/pqxx>
#include <set>

#include "code/event_rows.h"
#include "store/pg/pg_annotations.h"
#include "store/pg/pg_store.h"

namespace sitrep::pg {

namespace {

constexpr int64_t kMergesLock = 0x5349545245500003;  // "SITREP" and a 3

}  // namespace

Status PgStore::RewriteLayers(int64_t doc_id, const Doc& doc, const std::vector<std::string>& layers) {
  return InTransaction("rewriting a document's layers", [&](pqxx::dbtransaction& tx) -> Status {
    if (tx.exec_params("SELECT 1 FROM documents WHERE id = $1", doc_id).empty())
      return Status(Code::kNotFound, fmt::format("there is no document {}", doc_id));
    for (const std::string& layer : layers)
      tx.exec_params("DELETE FROM annotation_layers WHERE doc_id = $1 AND layer = $2", doc_id, PgText(layer));
    LayerRows rows(LayerRowType(tx));
    rows.Add(doc, doc_id, &layers);
    const std::string bytes = rows.Take();
    tx.exec_params("INSERT INTO annotation_layers (doc_id, layer, span_begins, span_ends, labels, attrs) " +
                       SelectLayerRows("", 1),
                   pqxx::binarystring(bytes.data(), bytes.size()));
    if (std::find(layers.begin(), layers.end(), "events") != layers.end()) {
      tx.exec_params(
          "DELETE FROM events WHERE coded_by = 'coder' AND id IN (SELECT event_id FROM event_mentions WHERE doc_id = $1)",
          doc_id);
      if (std::vector<NewEvent> events = code::EventRowsOf(doc, doc_id); !events.empty()) {
        Result<std::vector<int64_t>> ids = WriteEvents(tx, events, /*drop_invalid=*/true);
        if (!ids.ok()) return ids.status();
      }
    }
    return Status::Ok();
  });
}

Result<MergeWriteStats> PgStore::WriteEventMerges(const std::vector<EventMergeGroup>& groups) {
  MergeWriteStats stats;
  Status status = InTransaction("writing event merges", [&](pqxx::dbtransaction& tx) -> Status {
    stats = MergeWriteStats();  // a retried transaction starts over
    tx.exec_params("SELECT pg_advisory_xact_lock($1)", kMergesLock);
    // Undo the last run's merges (SET sees the row as it was), keeping an analyst's status.
    tx.exec0(
        "UPDATE events SET status = CASE WHEN status = 'merged' THEN 'coded' ELSE status END,"
        " merged_into = CASE WHEN status = 'merged' THEN NULL ELSE merged_into END,"
        " merged_by = NULL, merge_note = NULL WHERE merged_by = 'consolidation'");
    for (const EventMergeGroup& group : groups) {
      struct Row {
        int64_t id;
        std::string status;
        size_t member;
      };
      std::vector<Row> rows;
      std::set<int64_t> seen;
      for (size_t i = 0; i < group.events.size(); ++i) {
        const EventRef& ref = group.events[i];
        pqxx::result found = tx.exec_params(
            "SELECT e.id, e.status FROM event_mentions AS m JOIN events AS e ON e.id = m.event_id"
            " WHERE m.doc_id = $1 AND m.evidence_begin = $2 AND m.evidence_end = $3 AND e.type = $4"
            " AND e.coded_by = 'coder' ORDER BY e.id",
            ref.doc_id, static_cast<int64_t>(ref.evidence.begin), static_cast<int64_t>(ref.evidence.end),
            PgText(ref.type));
        stats.not_stored += found.empty();
        for (const auto& r : found)
          if (seen.insert(r[0].as<int64_t>()).second) rows.push_back({r[0].as<int64_t>(), r[1].as<std::string>(), i});
      }
      if (rows.size() < 2) continue;
      ++stats.groups;
      auto kept = std::find_if(rows.begin(), rows.end(),
                               [](const Row& r) { return r.status == "coded" || r.status == "corrected"; });
      if (kept == rows.end()) continue;
      for (const Row& r : rows) {
        if (&r == &*kept) continue;
        if (r.status != "coded") {
          ++stats.left_to_analyst;
          continue;
        }
        std::optional<std::string> note;
        if (r.member < group.notes.size() && !group.notes[r.member].empty()) note = PgText(group.notes[r.member]);
        tx.exec_params(
            "UPDATE events SET status = 'merged', merged_into = $2, merged_by = 'consolidation', merge_note = $3::json"
            " WHERE id = $1 AND status = 'coded'",
            r.id, kept->id, note);
        ++stats.merged;
      }
    }
    tx.exec0(
        "UPDATE events SET story_id = (SELECT min(sd.story_id) FROM event_mentions AS m"
        " JOIN story_documents AS sd ON sd.doc_id = m.doc_id WHERE m.event_id = events.id)"
        " WHERE coded_by = 'coder'");
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return stats;
}

Result<uint64_t> PgStore::WriteEventActors(const std::vector<EventActorLink>& links) {
  uint64_t stored = 0;
  Status status = InTransaction("linking events to actors", [&](pqxx::dbtransaction& tx) -> Status {
    stored = 0;  // a retried transaction starts over
    tx.exec_params("SELECT pg_advisory_xact_lock($1)", kMergesLock);  // one consolidation at a time
    tx.exec0("DELETE FROM event_actors WHERE event_id IN (SELECT id FROM events WHERE coded_by = 'coder')");
    for (const EventActorLink& l : links) {
      pqxx::result r = tx.exec_params(
          "INSERT INTO event_actors (event_id, actor_id, role)"
          " SELECT e.id, $5, $6 FROM event_mentions AS m JOIN events AS e ON e.id = m.event_id"
          " WHERE m.doc_id = $1 AND m.evidence_begin = $2 AND m.evidence_end = $3 AND e.type = $4"
          " AND e.coded_by = 'coder' AND EXISTS (SELECT 1 FROM actors WHERE id = $5) ON CONFLICT DO NOTHING",
          l.event.doc_id, static_cast<int64_t>(l.event.evidence.begin), static_cast<int64_t>(l.event.evidence.end),
          PgText(l.event.type), l.actor_id, PgText(l.role));
      stored += r.affected_rows();
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return stored;
}

}  // namespace sitrep::pg
