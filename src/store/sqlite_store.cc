// Opening a SQLite store and writing batches to it.
//
// A batch is one BEGIN IMMEDIATE transaction: either every document, annotation and
// failure row of the batch is in the file afterwards, or none is. Documents are
// identified by the hash of their original bytes, so writing the same input twice adds
// nothing; a known URL with new bytes becomes the next revision of that URL.
#include "store/sqlite_store.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <ctime>

#include "code/event_rows.h"
#include "store/doc_json.h"

namespace sitrep::sqlite {

namespace {

// Set after the file is known to be a sitrep store, never before: switching to WAL
// rewrites the file header, and a refused file must be left as it was.
constexpr std::string_view kConnectionSettings =
    "PRAGMA journal_mode = WAL;"
    // In WAL mode NORMAL cannot corrupt the file; a power cut may lose only the last
    // commits, and a batch is always whole or absent.
    "PRAGMA synchronous = NORMAL;"
    "PRAGMA foreign_keys = ON;";

std::string UtcNow() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(now));
}


}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, std::span<const Migration> steps) {
  Result<std::unique_ptr<SqliteDb>> db = SqliteDb::Open(path);
  if (!db.ok()) return db.status();
  sqlite3_busy_timeout((*db)->handle(), kBusyTimeoutMs);
  SITREP_RETURN_IF_ERROR(VerifyStoreFile(**db, steps));
  SITREP_RETURN_IF_ERROR((*db)->Exec(kConnectionSettings));
  SITREP_RETURN_IF_ERROR(Migrate(**db, steps));
  return std::unique_ptr<Store>(std::make_unique<SqliteStore>(std::move(*db)));
}

Result<BatchStats> SqliteStore::WriteBatch(std::vector<Outcome>& batch) {
  Result<Transaction> tx = Transaction::Begin(*db_);
  if (!tx.ok()) return tx.status();
  const std::string now = UtcNow();  // one time for the whole batch
  BatchStats stats;
  for (const Outcome& outcome : batch) SITREP_RETURN_IF_ERROR(WriteOutcome(outcome, now, &stats));
  // Any return above destroys `tx` uncommitted, which rolls the whole batch back.
  SITREP_RETURN_IF_ERROR(tx->Commit());
  return stats;
}

Status SqliteStore::WriteOutcome(const Outcome& outcome, const std::string& now, BatchStats* stats) {
  std::string content_hash;
  if (outcome.doc) {
    content_hash = outcome.doc->content_hash();
    Result<Written> written = WriteDocument(*outcome.doc, now);
    if (!written.ok()) {
      return Status(Code::kStore, fmt::format("the document of {} (record at byte {}) was not stored: {}",
                                              outcome.origin.path, outcome.origin.offset,
                                              written.status().message()))
          .At(db_->path());
    }
    if (*written == Written::kUnchanged) ++stats->unchanged;
    if (*written != Written::kUnchanged) ++stats->added;
    if (*written == Written::kRevision) ++stats->revisions;
  }
  for (const Failure& failure : outcome.failures) {
    Result<bool> inserted = InsertFailure(failure, content_hash, now);
    if (!inserted.ok()) {
      return Status(Code::kStore, fmt::format("the failure of {} (record at byte {}) was not stored: {}",
                                              failure.origin.path, failure.origin.offset,
                                              inserted.status().message()))
          .At(db_->path());
    }
    if (*inserted) ++stats->failures;
  }
  return Status::Ok();
}

Result<SqliteStore::Written> SqliteStore::WriteDocument(const Doc& doc, const std::string& now) {
  // The lookups see the rows this batch has written so far, so a duplicate inside one
  // batch is found like any other.
  Result<bool> stored = IsStored(doc.content_hash());
  if (!stored.ok()) return stored.status();
  if (*stored) return Written::kUnchanged;

  std::optional<Revision> previous;
  if (!doc.meta().url.empty()) {
    Result<std::optional<Revision>> latest = LatestRevision(doc.meta().url);
    if (!latest.ok()) return latest.status();
    previous = *latest;
  }
  Result<int64_t> id = InsertDocument(doc, previous, now);
  if (!id.ok()) return id.status();
  SITREP_RETURN_IF_ERROR(InsertAnnotations(*id, doc));
  // The coder's events (the "events" layer) go in with their document, in one transaction.
  if (std::vector<NewEvent> events = code::EventRowsOf(doc, *id); !events.empty()) {
    Result<std::vector<int64_t>> ids = WriteEvents(events, /*drop_invalid=*/true);
    if (!ids.ok()) return ids.status();
  }
  return previous ? Written::kRevision : Written::kAdded;
}

Result<bool> SqliteStore::IsStored(const std::string& content_hash) {
  Result<Statement> stmt = db_->Prepare("SELECT 1 FROM documents WHERE content_hash = ?1");
  if (!stmt.ok()) return stmt.status();
  stmt->BindText(1, content_hash);
  return stmt->Step();
}

Result<std::optional<SqliteStore::Revision>> SqliteStore::LatestRevision(const std::string& url) {
  Result<Statement> stmt =
      db_->Prepare("SELECT id, revision FROM documents WHERE url = ?1 ORDER BY revision DESC LIMIT 1");
  if (!stmt.ok()) return stmt.status();
  stmt->BindText(1, url);
  Result<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<Revision>();
  return std::optional<Revision>(Revision{stmt->Int(0), static_cast<int>(stmt->Int(1))});
}

Result<int64_t> SqliteStore::InsertDocument(const Doc& doc, const std::optional<Revision>& previous,
                                            const std::string& now) {
  Result<Statement> stmt = db_->Prepare(
      "INSERT INTO documents (content_hash, text_hash, url, source, title, published,"
      " published_precision, published_from, author, dateline_place, dateline_agency, language,"
      " description, metadata, input_path, input_offset, input_format, original, clean_text,"
      " offset_map, dropped, layers, revision, previous_id, ingested_at, tokens, sentences)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,"
      " ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27) RETURNING id");
  if (!stmt.ok()) return stmt.status();
  const Metadata& meta = doc.meta();
  stmt->BindText(1, doc.content_hash())
      .BindText(2, doc.text_hash())
      .BindTextOrNull(3, meta.url)
      .BindTextOrNull(4, meta.source)
      .BindTextOrNull(5, meta.title)
      .BindTextOrNull(9, JoinAuthors(meta.authors))
      .BindTextOrNull(10, meta.dateline_place)
      .BindTextOrNull(11, meta.dateline_agency)
      .BindTextOrNull(12, meta.language)
      .BindTextOrNull(13, meta.description)
      .BindText(14, MetadataToJson(meta))
      .BindText(15, doc.origin().path)
      .BindInt(16, static_cast<int64_t>(doc.origin().offset))
      .BindText(17, doc.origin().format)
      .BindBlob(18, doc.original())
      .BindText(19, doc.text())
      .BindBlob(20, doc.offset_map().Serialize())
      .BindText(21, DroppedToJson(doc.dropped()))
      .BindText(22, StringsToJson(LayerNames(doc)))
      .BindInt(23, previous ? previous->number + 1 : 1)
      .BindText(25, now)
      .BindText(26, TokensToJson(doc.tokens()))
      .BindText(27, SentencesToJson(doc.sentences()));
  if (meta.published) {
    stmt->BindText(6, meta.published->iso)
        .BindText(7, PrecisionName(meta.published->precision))
        .BindTextOrNull(8, meta.published->found_in);
  }
  if (previous) stmt->BindInt(24, previous->id);
  // Parameters left unbound (no published date, no previous revision) are NULL.
  Result<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  int64_t id = stmt->Int(0);
  SITREP_RETURN_IF_ERROR(IndexForSearch(id, meta.title, doc.text()));
  return id;
}

Status SqliteStore::IndexForSearch(int64_t id, const std::string& title, const std::string& text) {
  Result<Statement> stmt = db_->Prepare("INSERT INTO documents_fts (rowid, title, clean_text) VALUES (?1, ?2, ?3)");
  if (!stmt.ok()) return stmt.status();
  stmt->BindInt(1, id).BindTextOrNull(2, title).BindText(3, text);
  Result<bool> row = stmt->Step();
  return row.ok() ? Status::Ok() : row.status();
}

Status SqliteStore::InsertAnnotations(int64_t doc_id, const Doc& doc, const std::vector<std::string>* only) {
  Result<Statement> stmt = db_->Prepare(
      "INSERT INTO annotations (doc_id, layer, seq, span_begin, span_end, label, attrs)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!stmt.ok()) return stmt.status();
  for (const auto& [layer, annotations] : doc.layers()) {
    if (only && std::find(only->begin(), only->end(), layer) == only->end()) continue;
    for (size_t seq = 0; seq < annotations.size(); ++seq) {
      const Annotation& annotation = annotations[seq];
      stmt->BindInt(1, doc_id)
          .BindText(2, layer)
          .BindInt(3, static_cast<int64_t>(seq))
          .BindInt(4, annotation.span.begin)
          .BindInt(5, annotation.span.end)
          .BindText(6, annotation.label)
          .BindTextOrNull(7, annotation.attrs);
      SITREP_RETURN_IF_ERROR(stmt->Run());
    }
  }
  return Status::Ok();
}

// True when a row was written; false when the same failure was already stored.
Result<bool> SqliteStore::InsertFailure(const Failure& failure, const std::string& content_hash,
                                        const std::string& now) {
  // ON CONFLICT DO NOTHING skips only the duplicate (failures_once); unlike OR IGNORE it
  // would not hide a CHECK or NOT NULL violation.
  Result<Statement> stmt = db_->Prepare(
      "INSERT INTO failures (input_path, record_offset, stage, code, byte_offset, message,"
      " content_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
      " ON CONFLICT DO NOTHING RETURNING id");
  if (!stmt.ok()) return stmt.status();
  const Status& status = failure.status;
  const std::string& path = failure.origin.path.empty() ? status.file() : failure.origin.path;
  stmt->BindText(1, path)
      .BindInt(2, static_cast<int64_t>(failure.origin.offset))
      .BindText(3, failure.stage)
      .BindText(4, CodeName(status.code()))
      .BindText(6, status.message())
      .BindTextOrNull(7, content_hash)
      .BindText(8, now);
  if (status.offset()) stmt->BindInt(5, static_cast<int64_t>(*status.offset()));
  return stmt->Step();
}

}  // namespace sitrep::sqlite
