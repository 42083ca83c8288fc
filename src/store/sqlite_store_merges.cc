// Consolidation's write-back: layers derived again for a document dated through its
// twin, and the event merges (store.h RewriteLayers, WriteEventMerges).
//
// Consolidation is a function of the whole store, run again and again as documents
// arrive, so its merges are rewritten wholesale each run: undone, then made again from
// the new groups. Only merges marked merged_by = 'consolidation' are undone; an
// analyst's merge, correction or rejection stays as the analyst left it.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "code/event_rows.h"
#include "store/sqlite_store.h"

namespace sitrep::sqlite {

Status SqliteStore::RewriteLayers(int64_t doc_id, const Doc& doc, const std::vector<std::string>& layers) {
  Result<Transaction> tx = Transaction::Begin(*db_);
  if (!tx.ok()) return tx.status();
  Result<Statement> exists = db_->Prepare("SELECT 1 FROM documents WHERE id = ?1");
  if (!exists.ok()) return exists.status();
  exists->BindInt(1, doc_id);
  Result<bool> found = exists->Step();
  if (!found.ok()) return found.status();
  SITREP_RETURN_IF_ERROR(exists->Run());
  if (!*found) return Status(Code::kNotFound, fmt::format("there is no document {}", doc_id));

  Result<Statement> drop = db_->Prepare("DELETE FROM annotations WHERE doc_id = ?1 AND layer = ?2");
  if (!drop.ok()) return drop.status();
  for (const std::string& layer : layers) {
    drop->BindInt(1, doc_id).BindText(2, layer);
    SITREP_RETURN_IF_ERROR(drop->Run());
  }
  SITREP_RETURN_IF_ERROR(InsertAnnotations(doc_id, doc, &layers));
  if (std::find(layers.begin(), layers.end(), "events") != layers.end()) {
    // The coder's rows of this document go, and the new layer's come in: corrections
    // anchored on the same evidence are replayed onto them (WriteEvents).
    Result<Statement> old = db_->Prepare(
        "DELETE FROM events WHERE coded_by = 'coder' AND id IN (SELECT event_id FROM event_mentions WHERE doc_id = ?1)");
    if (!old.ok()) return old.status();
    old->BindInt(1, doc_id);
    SITREP_RETURN_IF_ERROR(old->Run());
    if (std::vector<NewEvent> events = code::EventRowsOf(doc, doc_id); !events.empty()) {
      Result<std::vector<int64_t>> ids = WriteEvents(events, /*drop_invalid=*/true);
      if (!ids.ok()) return ids.status();
    }
  }
  return tx->Commit();
}

Result<MergeWriteStats> SqliteStore::WriteEventMerges(const std::vector<EventMergeGroup>& groups) {
  Result<Transaction> tx = Transaction::Begin(*db_);
  if (!tx.ok()) return tx.status();
  // Undo the last run's merges (every SET sees the row as it was before the UPDATE). An
  // event an analyst has since restored or corrected keeps the analyst's status.
  SITREP_RETURN_IF_ERROR(db_->Exec(
      "UPDATE events SET status = CASE WHEN status = 'merged' THEN 'coded' ELSE status END,"
      " merged_into = CASE WHEN status = 'merged' THEN NULL ELSE merged_into END,"
      " merged_by = NULL, merge_note = NULL WHERE merged_by = 'consolidation'"));

  Result<Statement> find = db_->Prepare(
      "SELECT e.id, e.status FROM event_mentions AS m JOIN events AS e ON e.id = m.event_id"
      " WHERE m.doc_id = ?1 AND m.evidence_begin = ?2 AND m.evidence_end = ?3 AND e.type = ?4"
      " AND e.coded_by = 'coder' ORDER BY e.id");
  Result<Statement> merge = db_->Prepare(
      "UPDATE events SET status = 'merged', merged_into = ?2, merged_by = 'consolidation', merge_note = ?3"
      " WHERE id = ?1 AND status = 'coded'");
  for (auto* s : {&find, &merge})
    if (!s->ok()) return s->status();

  MergeWriteStats stats;
  for (const EventMergeGroup& group : groups) {
    struct Row {
      int64_t id;
      std::string status;
      size_t member;  // index into group.events
    };
    std::vector<Row> rows;
    std::set<int64_t> seen;
    for (size_t i = 0; i < group.events.size(); ++i) {
      const EventRef& ref = group.events[i];
      find->BindInt(1, ref.doc_id).BindInt(2, ref.evidence.begin).BindInt(3, ref.evidence.end).BindText(4, ref.type);
      size_t before = rows.size();
      for (;;) {
        Result<bool> row = find->Step();
        if (!row.ok()) return row.status();
        if (!*row) break;
        if (seen.insert(find->Int(0)).second) rows.push_back({find->Int(0), find->Text(1), i});
      }
      SITREP_RETURN_IF_ERROR(find->Run());
      stats.not_stored += rows.size() == before;
    }
    if (rows.size() < 2) continue;
    ++stats.groups;
    // The event kept: the first that still stands (coded, or corrected by an analyst).
    const Row* kept = nullptr;
    for (const Row& r : rows)
      if (r.status == "coded" || r.status == "corrected") {
        kept = &r;
        break;
      }
    if (!kept) continue;
    for (const Row& r : rows) {
      if (&r == kept) continue;
      if (r.status != "coded") {
        ++stats.left_to_analyst;
        continue;
      }
      const std::string& note = r.member < group.notes.size() ? group.notes[r.member] : std::string();
      merge->BindInt(1, r.id).BindInt(2, kept->id).BindTextOrNull(3, note);
      SITREP_RETURN_IF_ERROR(merge->Run());
      ++stats.merged;
    }
  }
  // Every coder event files under its document's story.
  SITREP_RETURN_IF_ERROR(db_->Exec(
      "UPDATE events SET story_id = (SELECT min(sd.story_id) FROM event_mentions AS m"
      " JOIN story_documents AS sd ON sd.doc_id = m.doc_id WHERE m.event_id = events.id)"
      " WHERE coded_by = 'coder'"));
  SITREP_RETURN_IF_ERROR(tx->Commit());
  return stats;
}

Result<uint64_t> SqliteStore::WriteEventActors(const std::vector<EventActorLink>& links) {
  Result<Transaction> tx = Transaction::Begin(*db_);
  if (!tx.ok()) return tx.status();
  SITREP_RETURN_IF_ERROR(
      db_->Exec("DELETE FROM event_actors WHERE event_id IN (SELECT id FROM events WHERE coded_by = 'coder')"));
  Result<Statement> link = db_->Prepare(
      "INSERT OR IGNORE INTO event_actors (event_id, actor_id, role)"
      " SELECT e.id, ?5, ?6 FROM event_mentions AS m JOIN events AS e ON e.id = m.event_id"
      " WHERE m.doc_id = ?1 AND m.evidence_begin = ?2 AND m.evidence_end = ?3 AND e.type = ?4"
      " AND e.coded_by = 'coder' AND EXISTS (SELECT 1 FROM actors WHERE id = ?5)");
  if (!link.ok()) return link.status();
  uint64_t stored = 0;
  for (const EventActorLink& l : links) {
    link->BindInt(1, l.event.doc_id).BindInt(2, l.event.evidence.begin).BindInt(3, l.event.evidence.end);
    link->BindText(4, l.event.type).BindInt(5, l.actor_id).BindText(6, l.role);
    SITREP_RETURN_IF_ERROR(link->Run());
    stored += static_cast<uint64_t>(sqlite3_changes(db_->handle()));
  }
  SITREP_RETURN_IF_ERROR(tx->Commit());
  return stored;
}

}  // namespace sitrep::sqlite
