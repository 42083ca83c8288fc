// Opening a PostgreSQL store and writing batches to it.
//
// A batch is one transaction, as in SQLite. What SQLite gets from its single writer,
// PostgreSQL gets from locks: before writing, a batch takes a transaction-scoped
// advisory lock for each content hash and each URL it carries, in one global order
// (sorted keys), so two workers holding the same article, or two versions of the same
// URL, take turns and cannot deadlock on each other. The inserts themselves use
// ON CONFLICT, so a redelivered batch finds its rows and writes nothing.
// docs/postgres.md has the argument.
#include "store/pg/pg_store.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <iterator>
#include <pqxx/pqxx>

#include "code/event_rows.h"
#include "store/doc_json.h"
#include "store/pg/pg_annotations.h"
#include "store/pg/pg_schema.h"
#include "store/pg/pg_search_vector.h"
#include "store/pg/pg_tokens.h"
#include "store/pg/pg_uri.h"
#include "text/encoding.h"

namespace sitrep::pg {

namespace {

// A deadlock the server broke, or a serialization failure: the transaction lost a race
// with another writer and may simply run again.
bool IsRetryable(const pqxx::sql_error& e) { return e.sqlstate() == "40001" || e.sqlstate() == "40P01"; }
constexpr int kAttempts = 5;


// Empty text is stored as NULL, as the SQLite store does.
std::optional<std::string> OrNull(std::string_view text) {
  if (text.empty()) return std::nullopt;
  return PgText(text);
}

// The advisory-lock keys of a batch, sorted: every writer locks in the same order.
std::vector<std::string> LockKeys(const std::vector<Outcome>& batch) {
  std::vector<std::string> keys;
  for (const Outcome& outcome : batch) {
    if (!outcome.doc) continue;
    keys.push_back("doc:" + outcome.doc->content_hash());
    if (!outcome.doc->meta().url.empty()) keys.push_back("url:" + PgText(outcome.doc->meta().url));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

// The statements a batch runs for each document, prepared once per connection: the
// server parses and plans them once instead of once per article.
constexpr char kFindDocument[] = "sitrep_find_document";
constexpr char kLatestRevision[] = "sitrep_latest_revision";
constexpr char kInsertDocument[] = "sitrep_insert_document";

// The document and its annotations in one statement and one round trip. When the
// document is there already (ON CONFLICT), `d` is empty, so no annotation is written
// and no id comes back. $33, the full-text vector, comes in tsvector's binary form
// (pg_search_vector.h): its type is the column's.
const std::string kInsertDocumentSql =
    "WITH d AS (INSERT INTO documents (content_hash, text_hash, url, source, title, published,"
    " published_precision, published_from, author, dateline_place, dateline_agency, language,"
    " description, metadata, input_path, input_offset, input_format, original, clean_text,"
    " offset_map, dropped, layers, revision, previous_id, ingested_at, tokens, sentences, search)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,"
    " $20, $21, $22, $23, $24, $25, $26, $27, $33) ON CONFLICT (content_hash) DO NOTHING RETURNING id),"
    " a AS (INSERT INTO annotation_layers (doc_id, layer, span_begins, span_ends, labels, attrs) " +
    SelectLayerRows("d.id", "d", 28) + ") SELECT id FROM d";

// Whether the server can compress large values with lz4 (PostgreSQL 14 and later, when
// built with it, as Debian's and most packages are).
bool HasLz4(pqxx::connection& conn) {
  pqxx::nontransaction tx(conn);
  return !tx.exec("SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression'"
                  " AND 'lz4' = ANY (enumvals)")
              .empty();
}

}  // namespace

void PrepareEventWrites(pqxx::connection& conn);  // pg_store_events.cc

void PgArray::Add(std::string_view text) {
  Separate();
  out_ += '"';
  // Copied a run at a time between the characters that need a backslash: an element
  // can be a whole layer's array literal, so this loop is on the writer's hot path.
  for (size_t at; (at = text.find_first_of("\"\\")) != std::string_view::npos; text.remove_prefix(at + 1)) {
    out_.append(text.data(), at);
    out_ += '\\';
    out_ += text[at];
  }
  out_.append(text.data(), text.size());
  out_ += '"';
}

void PgArray::Add(int64_t number) {
  Separate();
  const fmt::format_int digits(number);
  out_.append(digits.data(), digits.size());
}

void PgArray::Add(double number) {
  Separate();
  fmt::format_to(std::back_inserter(out_), "{}", number);
}

void PgArray::AddNull() {
  Separate();
  out_ += "NULL";
}

std::string PgText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const size_t bad = FindInvalidUtf8(text);
    std::string_view good = text.substr(0, std::min(bad, text.size()));
    for (char c : good)
      if (c != '\0') out += c;
    if (bad == std::string_view::npos || bad >= text.size()) break;
    out += "\xEF\xBF\xBD";  // U+FFFD
    text.remove_prefix(bad + 1);
  }
  return out;
}

std::string UtcNow() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(now));
}

Result<std::unique_ptr<Store>> OpenPgStore(const std::string& uri, bool read_only) {
  const std::string shown = RedactUri(uri);
  std::unique_ptr<pqxx::connection> conn;
  try {
    conn = std::make_unique<pqxx::connection>(uri);
  } catch (const std::exception& e) {
    std::string why = e.what();
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    // libpq's own message names the host and port, never the password.
    return Status(Code::kStore, fmt::format("cannot connect to the PostgreSQL store {}: {}", shown, why));
  }
  try {
    // Notices (an empty search query, say) are answered as Status values, not printed.
    conn->set_variable("client_min_messages", "warning");
    if (read_only) {
      conn->set_variable("default_transaction_read_only", "on");
      SITREP_RETURN_IF_ERROR(VerifyPgSchema(*conn, shown));
    } else {
      SITREP_RETURN_IF_ERROR(MigratePg(*conn, shown));
      // Large values (the text, the original bytes, the tokens) compressed with lz4
      // rather than the default pglz: pglz was a third of the server's time for a
      // document's row when the tokens were 30 kB of JSON. Only new values change; both read back the
      // same, and a server without lz4 keeps pglz.
      if (HasLz4(*conn)) conn->set_variable("default_toast_compression", "lz4");
    }
  } catch (const std::exception& e) {
    return Status(Code::kStore, fmt::format("{}: opening the store failed: {}", shown, e.what()));
  }
  return std::unique_ptr<Store>(std::make_unique<PgStore>(std::move(conn), shown));
}

PgStore::PgStore(std::unique_ptr<pqxx::connection> conn, std::string shown_uri)
    : conn_(std::move(conn)), shown_uri_(std::move(shown_uri)) {
  // Registered here, prepared by the server on first use.
  conn_->prepare(kFindDocument, "SELECT 1 FROM documents WHERE content_hash = $1");
  conn_->prepare(kLatestRevision, "SELECT id, revision FROM documents WHERE url = $1 ORDER BY revision DESC LIMIT 1");
  conn_->prepare(kInsertDocument, kInsertDocumentSql);
  PrepareEventWrites(*conn_);
}

PgStore::~PgStore() = default;

Status PgStore::Failed(std::string_view what, const std::exception& error) const {
  std::string why = error.what();
  while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
  if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&error); sql && sql->sqlstate() == "25006")
    why = "the store was opened read-only (" + why + ")";
  return Status(Code::kStore, fmt::format("{} failed: {}", what, why)).At(shown_uri_);
}

Status PgStore::InTransaction(std::string_view what, const std::function<Status(pqxx::dbtransaction&)>& body) {
  for (int attempt = 1;; ++attempt) {
    try {
      pqxx::work tx(*conn_);
      Status status = body(tx);
      if (!status.ok()) return status;  // ~work rolls back
      tx.exec0("INSERT INTO store_commits DEFAULT VALUES");  // DataVersion moves on
      tx.commit();
      return Status::Ok();
    } catch (const pqxx::sql_error& e) {
      if (IsRetryable(e) && attempt < kAttempts) continue;
      return Failed(what, e);
    } catch (const std::exception& e) {
      return Failed(what, e);
    }
  }
}

// ---- Batches ----

Result<BatchStats> PgStore::WriteBatch(std::vector<Outcome>& batch) {
  const std::string now = UtcNow();  // one time for the whole batch
  const std::vector<std::string> keys = LockKeys(batch);
  BatchStats stats;
  Status status = InTransaction("writing a batch", [&](pqxx::dbtransaction& tx) {
    stats = BatchStats();  // a retried batch counts from zero
    // One statement for all the locks, taken in the array's (sorted) order.
    if (!keys.empty()) {
      PgArray array;
      for (const std::string& key : keys) array.Add(key);
      tx.exec_params("SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) FROM unnest($1::text[]) AS k",
                     array.Take());
    }
    for (const Outcome& outcome : batch) SITREP_RETURN_IF_ERROR(WriteOutcome(tx, outcome, now, &stats));
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return stats;
}

Status PgStore::WriteOutcome(pqxx::dbtransaction& tx, const Outcome& outcome, const std::string& now,
                             BatchStats* stats) {
  std::string content_hash;
  if (outcome.doc) {
    content_hash = outcome.doc->content_hash();
    Result<Written> written = Status::Ok();
    try {
      written = WriteDocument(tx, *outcome.doc, now);
    } catch (const pqxx::sql_error& e) {
      if (IsRetryable(e)) throw;
      written = Status(Code::kStore, e.what());
    }
    if (!written.ok()) {
      return Status(Code::kStore, fmt::format("the document of {} (record at byte {}) was not stored: {}",
                                              outcome.origin.path, outcome.origin.offset,
                                              written.status().message()))
          .At(shown_uri_);
    }
    if (*written == Written::kUnchanged) ++stats->unchanged;
    if (*written != Written::kUnchanged) ++stats->added;
    if (*written == Written::kRevision) ++stats->revisions;
  }
  for (const Failure& failure : outcome.failures) {
    try {
      if (InsertFailure(tx, failure, content_hash, now)) ++stats->failures;
    } catch (const pqxx::sql_error& e) {
      if (IsRetryable(e)) throw;
      return Status(Code::kStore, fmt::format("the failure of {} (record at byte {}) was not stored: {}",
                                              failure.origin.path, failure.origin.offset, e.what()))
          .At(shown_uri_);
    }
  }
  return Status::Ok();
}

Result<PgStore::Written> PgStore::WriteDocument(pqxx::dbtransaction& tx, const Doc& doc, const std::string& now) {
  // The batch holds this hash's and this URL's locks: no other writer can add either
  // until we commit, so what these reads find stays true.
  if (!tx.exec_prepared(kFindDocument, doc.content_hash()).empty()) return Written::kUnchanged;
  const Metadata& meta = doc.meta();
  std::optional<int64_t> previous_id;
  int revision = 1;
  if (!meta.url.empty()) {
    pqxx::result latest = tx.exec_prepared(kLatestRevision, PgText(meta.url));
    if (!latest.empty()) {
      previous_id = latest[0][0].as<int64_t>();
      revision = latest[0][1].as<int>() + 1;
    }
  }
  std::optional<std::string> published, precision, found_in;
  if (meta.published) {
    published = PgText(meta.published->iso);
    precision = std::string(PrecisionName(meta.published->precision));
    found_in = OrNull(meta.published->found_in);
  }
  const std::string offset_map = doc.offset_map().Serialize();
  // The clean text goes in unchanged (it is valid UTF-8 by construction): altered, it
  // would no longer match its text hash.
  // ON CONFLICT: a writer that does not take the locks (an older sitrep, a hand-run
  // script) can still not make a second copy; the document is then simply unchanged.
  LayerArrays layers = LayerArraysOf(doc);
  const std::string tokens = EncodeTokens(doc.tokens());
  const std::optional<std::string> title = OrNull(meta.title);
  const std::string search = SearchVector::Of(title.value_or(""), doc.text()).Binary();
  pqxx::result inserted = tx.exec_prepared(
      kInsertDocument, doc.content_hash(), doc.text_hash(), OrNull(meta.url), OrNull(meta.source),
      title, published, precision, found_in, OrNull(sqlite::JoinAuthors(meta.authors)),
      OrNull(meta.dateline_place), OrNull(meta.dateline_agency), OrNull(meta.language), OrNull(meta.description),
      sqlite::MetadataToJson(meta), PgText(doc.origin().path), static_cast<int64_t>(doc.origin().offset),
      PgText(doc.origin().format), pqxx::binarystring(doc.original().data(), doc.original().size()),
      doc.text(), pqxx::binarystring(offset_map.data(), offset_map.size()),
      sqlite::DroppedToJson(doc.dropped()), sqlite::StringsToJson(sqlite::LayerNames(doc)), revision, previous_id, now,
      pqxx::binarystring(tokens.data(), tokens.size()), sqlite::SentencesToJson(doc.sentences()),
      layers.layers.Take(), layers.begins.Take(), layers.ends.Take(), layers.labels.Take(), layers.attrs.Take(),
      pqxx::binarystring(search.data(), search.size()));
  if (inserted.empty()) return Written::kUnchanged;
  const int64_t id = inserted[0][0].as<int64_t>();
  // The coder's events go in with their document, so they are written exactly when it is.
  if (std::vector<NewEvent> events = code::EventRowsOf(doc, id); !events.empty()) {
    Result<std::vector<int64_t>> ids = WriteEvents(tx, events, /*drop_invalid=*/true);
    if (!ids.ok()) return ids.status();
  }
  return previous_id ? Written::kRevision : Written::kAdded;
}

// True when a row was written; false when the same failure was already stored.
bool PgStore::InsertFailure(pqxx::dbtransaction& tx, const Failure& failure, const std::string& content_hash,
                            const std::string& now) {
  const Status& status = failure.status;
  const std::string& path = failure.origin.path.empty() ? status.file() : failure.origin.path;
  std::optional<int64_t> byte_offset;
  if (status.offset()) byte_offset = static_cast<int64_t>(*status.offset());
  pqxx::result row = tx.exec_params(
      "INSERT INTO failures (input_path, record_offset, stage, code, byte_offset, message, content_hash,"
      " created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id",
      PgText(path), static_cast<int64_t>(failure.origin.offset), PgText(failure.stage),
      std::string(CodeName(status.code())), byte_offset, PgText(status.message()), OrNull(content_hash), now);
  return !row.empty();
}

}  // namespace sitrep::pg
