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
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "code/event_rows.h"
#include "store/doc_json.h"
#include "store/pg/pg_schema.h"
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

// Every annotation of `doc` as one JSON array, so a document's annotations are one
// statement rather than one round trip each.
std::string AnnotationsJson(const Doc& doc) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& [layer, annotations] : doc.layers()) {
    for (size_t seq = 0; seq < annotations.size(); ++seq) {
      const Annotation& a = annotations[seq];
      rows.push_back({layer, seq, a.span.begin, a.span.end, a.label,
                      a.attrs.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.attrs)});
    }
  }
  return rows.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
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

}  // namespace

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
    }
  } catch (const std::exception& e) {
    return Status(Code::kStore, fmt::format("{}: opening the store failed: {}", shown, e.what()));
  }
  return std::unique_ptr<Store>(std::make_unique<PgStore>(std::move(conn), shown));
}

PgStore::PgStore(std::unique_ptr<pqxx::connection> conn, std::string shown_uri)
    : conn_(std::move(conn)), shown_uri_(std::move(shown_uri)) {}

PgStore::~PgStore() = default;

Status PgStore::Failed(std::string_view what, const std::exception& error) const {
  std::string why = error.what();
  while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
  if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&error); sql && sql->sqlstate() == "25006")
    why = "the store was opened read-only (" + why + ")";
  return Status(Code::kStore, fmt::format("{} failed: {}", what, why)).At(shown_uri_);
}

Status PgStore::NotYet(std::string_view what) const {
  return Status(Code::kInvalidArgument, fmt::format("{} is not yet available on PostgreSQL", what)).At(shown_uri_);
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
    for (const std::string& key : keys) tx.exec_params("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", key);
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
  if (!tx.exec_params("SELECT 1 FROM documents WHERE content_hash = $1", doc.content_hash()).empty())
    return Written::kUnchanged;
  const Metadata& meta = doc.meta();
  std::optional<int64_t> previous_id;
  int revision = 1;
  if (!meta.url.empty()) {
    pqxx::result latest = tx.exec_params(
        "SELECT id, revision FROM documents WHERE url = $1 ORDER BY revision DESC LIMIT 1", PgText(meta.url));
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
  pqxx::result inserted = tx.exec_params(
      "INSERT INTO documents (content_hash, text_hash, url, source, title, published,"
      " published_precision, published_from, author, dateline_place, dateline_agency, language,"
      " description, metadata, input_path, input_offset, input_format, original, clean_text,"
      " offset_map, dropped, layers, revision, previous_id, ingested_at, tokens, sentences)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,"
      " $20, $21, $22, $23, $24, $25, $26, $27) ON CONFLICT (content_hash) DO NOTHING RETURNING id",
      doc.content_hash(), doc.text_hash(), OrNull(meta.url), OrNull(meta.source), OrNull(meta.title), published,
      precision, found_in, OrNull(sqlite::JoinAuthors(meta.authors)), OrNull(meta.dateline_place),
      OrNull(meta.dateline_agency), OrNull(meta.language), OrNull(meta.description),
      sqlite::MetadataToJson(meta), PgText(doc.origin().path), static_cast<int64_t>(doc.origin().offset),
      PgText(doc.origin().format), pqxx::binarystring(doc.original().data(), doc.original().size()),
      doc.text(), pqxx::binarystring(offset_map.data(), offset_map.size()),
      sqlite::DroppedToJson(doc.dropped()), sqlite::StringsToJson(sqlite::LayerNames(doc)), revision, previous_id, now,
      sqlite::TokensToJson(doc.tokens()), sqlite::SentencesToJson(doc.sentences()));
  if (inserted.empty()) return Written::kUnchanged;
  const int64_t id = inserted[0][0].as<int64_t>();
  tx.exec_params(
      "INSERT INTO annotations (doc_id, layer, seq, span_begin, span_end, label, attrs)"
      " SELECT $1, a->>0, (a->>1)::integer, (a->>2)::bigint, (a->>3)::bigint, a->>4, a->>5"
      " FROM json_array_elements($2::json) AS a",
      id, AnnotationsJson(doc));
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
