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
#include <cassert>
#include <chrono>
#include <climits>
#include <cstring>
#include <ctime>
#include <iterator>
#include <pqxx/pqxx>
#include <unordered_map>
#include <unordered_set>

#include "code/event_rows.h"
#include "store/doc_json.h"
#include "store/event_filter_sql.h"
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

// A text[] parameter of `values`, in binary.
pqxx::binarystring TextArray(const std::vector<std::string>& values) {
  PgArray array(PgArray::Of::kText);
  for (const std::string& value : values) array.Add(std::string_view(value));
  const std::string bytes = array.Take();
  return pqxx::binarystring(bytes.data(), bytes.size());
}

// The statements a batch runs, prepared once per connection: the server parses and
// plans them once instead of once per batch or article.
constexpr char kLockKeys[] = "sitrep_lock_keys";
constexpr char kLookUpBatch[] = "sitrep_look_up_batch";
constexpr char kInsertDocuments[] = "sitrep_insert_documents";

// What a batch needs to know before it writes, in one round trip: which of its content
// hashes are stored, the latest revision of each of its URLs, and whether the store has
// any correction to replay onto new events.
constexpr char kLookUpBatchSql[] =
    "SELECT 'document', content_hash, NULL::bigint, NULL::integer FROM documents"
    " WHERE content_hash = ANY ($1::text[])"
    " UNION ALL SELECT 'url', u.url, l.id, l.revision FROM unnest($2::text[]) AS u(url),"
    " LATERAL (SELECT id, revision FROM documents WHERE url = u.url ORDER BY revision DESC LIMIT 1) AS l"
    " UNION ALL SELECT 'corrections', NULL, NULL, NULL WHERE EXISTS (SELECT 1 FROM correction_anchors)";

// The documents' columns, in the order of the parameters and of DocumentArrays.
constexpr std::string_view kDocumentColumns[][2] = {
    {"content_hash", "text"},   {"text_hash", "text"},       {"url", "text"},
    {"source", "text"},         {"title", "text"},           {"published", "text"},
    {"published_precision", "text"}, {"published_from", "text"}, {"author", "text"},
    {"dateline_place", "text"}, {"dateline_agency", "text"}, {"language", "text"},
    {"description", "text"},    {"metadata", "json"},        {"input_path", "text"},
    {"input_offset", "bigint"}, {"input_format", "text"},    {"original", "bytea"},
    {"clean_text", "text"},     {"offset_map", "bytea"},     {"dropped", "json"},
    {"layers", "json"},         {"revision", "integer"},     {"previous_id", "bigint"},
    {"ingested_at", "text"},    {"tokens", "bytea"},         {"sentences", "json"},
    {"search", "tsvector"}};
constexpr int kDocumentColumnCount = std::size(kDocumentColumns);

// Documents with their annotations and the coder's events (with their mentions) in one
// statement and one round trip: one array per column, a document's row at its place in
// the batch (1, 2, ...). A document that is there already (ON CONFLICT) is not in `d`,
// so no annotation or event of it is written; `dk` gives the ones written their places.
// A row comes back per event written (the document's place and id, the event's id), or
// one with a NULL event for a document without events. The full-text vector comes in
// tsvector's binary form (pg_search_vector.h).
std::string InsertDocumentsSql() {
  std::string columns, arrays;
  for (int i = 0; i < kDocumentColumnCount; ++i) {
    columns += fmt::format("{}{}", i ? ", " : "", kDocumentColumns[i][0]);
    arrays += fmt::format("{}${}::{}[]", i ? ", " : "", i + 1, kDocumentColumns[i][1]);
  }
  const int layers = kDocumentColumnCount + 1, events = layers + 1;
  return fmt::format(
      "WITH d AS (INSERT INTO documents ({0}) SELECT * FROM unnest({1})"
      " ON CONFLICT (content_hash) DO NOTHING RETURNING id, content_hash),"
      " dk AS (SELECT d.id, h.doc FROM d JOIN unnest($1::text[]) WITH ORDINALITY AS h(content_hash, doc)"
      " USING (content_hash)),"
      " a AS (INSERT INTO annotation_layers (doc_id, layer, span_begins, span_ends, labels, attrs) {2}), {3}"
      " SELECT dk.doc, dk.id, i.id FROM dk LEFT JOIN i USING (doc) ORDER BY dk.doc, i.id",
      columns, arrays, SelectLayerRows("dk", layers), EventInsertCtes(events, "dk"));
}

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

namespace {

void PutInt32(std::string& out, uint32_t value) {
  const char bytes[4] = {static_cast<char>(value >> 24), static_cast<char>(value >> 16),
                         static_cast<char>(value >> 8), static_cast<char>(value)};
  out.append(bytes, 4);
}

}  // namespace

PgArray::PgArray(Of type) : type_(type) {}

void PgArray::Reserve(size_t element_bytes) { out_.reserve(kHeader + element_bytes); }

void PgArray::Element(const void* bytes, uint32_t n) {
  Begin();
  PutInt32(out_, n);
  out_.append(static_cast<const char*>(bytes), n);
  ++size_;
}

void PgArray::Add(std::string_view bytes) {
  assert(type_ != Of::kBool && type_ != Of::kBigint && type_ != Of::kInteger && type_ != Of::kFloat8);
  Element(bytes.data(), static_cast<uint32_t>(bytes.size()));
}

void PgArray::Add(int64_t number) {
  Begin();
  if (type_ == Of::kInteger) {
    assert(number >= INT32_MIN && number <= INT32_MAX);
    PutInt32(out_, 4);
    PutInt32(out_, static_cast<uint32_t>(static_cast<int32_t>(number)));
  } else {
    assert(type_ == Of::kBigint);
    PutInt32(out_, 8);
    PutInt32(out_, static_cast<uint32_t>(static_cast<uint64_t>(number) >> 32));
    PutInt32(out_, static_cast<uint32_t>(number));
  }
  ++size_;
}

void PgArray::Add(double number) {
  assert(type_ == Of::kFloat8);
  uint64_t bits = 0;
  static_assert(sizeof bits == sizeof number);
  std::memcpy(&bits, &number, sizeof bits);
  Begin();
  PutInt32(out_, 8);
  PutInt32(out_, static_cast<uint32_t>(bits >> 32));
  PutInt32(out_, static_cast<uint32_t>(bits));
  ++size_;
}

void PgArray::AddBool(bool value) {
  assert(type_ == Of::kBool);
  const char byte = value ? 1 : 0;
  Element(&byte, 1);
}

void PgArray::AddNull() {
  Begin();
  PutInt32(out_, 0xFFFFFFFF);  // length -1
  has_null_ = true;
  ++size_;
}

// The header: dimensions (1), whether any element is NULL, the element type, then the
// one dimension's length and lower bound (1). An empty array has no dimension.
std::string PgArray::Take() {
  std::string header;
  PutInt32(header, size_ == 0 ? 0 : 1);
  PutInt32(header, has_null_ ? 1 : 0);
  PutInt32(header, static_cast<uint32_t>(type_));
  if (size_ == 0) return header;
  PutInt32(header, static_cast<uint32_t>(size_));
  PutInt32(header, 1);
  out_.replace(0, kHeader, header);
  size_ = 0;
  has_null_ = false;
  std::string out = std::move(out_);
  out_.clear();
  return out;
}

PgRecord::PgRecord(uint32_t columns) { PutInt32(out_, columns); }

void PgRecord::Add(uint32_t type, std::string_view bytes) {
  PutInt32(out_, type);
  PutInt32(out_, static_cast<uint32_t>(bytes.size()));
  out_.append(bytes.data(), bytes.size());
}

void PgRecord::Add(int64_t bigint) {
  PutInt32(out_, kBigint);
  PutInt32(out_, 8);
  PutInt32(out_, static_cast<uint32_t>(static_cast<uint64_t>(bigint) >> 32));
  PutInt32(out_, static_cast<uint32_t>(bigint));
}

void PgRecord::AddNull(uint32_t type) {
  PutInt32(out_, type);
  PutInt32(out_, 0xFFFFFFFF);  // length -1
}

std::string PgText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const size_t bad = FindInvalidUtf8(text);
    // Copied a run at a time between NULs: labels and attributes of every annotation
    // pass through here, so this is on the writer's hot path.
    for (std::string_view good = text.substr(0, std::min(bad, text.size())); !good.empty();) {
      const size_t nul = std::min(good.find('\0'), good.size());
      out.append(good.data(), nul);
      good.remove_prefix(std::min(nul + 1, good.size()));
    }
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
  // The batch's statements are planned once, generically, for the rest of its
  // transaction: a custom plan for every article's values (the server's default while
  // it judges a custom plan cheaper) was a fifth of the server's time for a write.
  conn_->prepare(kLockKeys,
                 "SELECT set_config('plan_cache_mode', 'force_generic_plan', true),"
                 " count(pg_advisory_xact_lock(hashtextextended(k, 0))) FROM unnest($1::text[]) AS k");
  conn_->prepare(kLookUpBatch, kLookUpBatchSql);
  conn_->prepare(kInsertDocuments, InsertDocumentsSql());
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

// The documents of one statement, as its parameters.
class PgStore::DocumentArrays {
 public:
  using Of = PgArray::Of;

  // `layer_row_type`: the oid of annotation_layers' row type (LayerRowType).
  explicit DocumentArrays(uint32_t layer_row_type) : layers_(layer_row_type) {}

  // Adds `doc` at place docs().size() + 1, with its layers and the coder's events
  // (those the store would refuse are left out rather than failing the batch).
  void Add(const Doc& doc, const std::string& url, int revision, std::optional<int64_t> previous_id,
           const std::string& now) {
    const auto place = static_cast<int64_t>(docs_.size()) + 1;
    docs_.push_back({&doc, url, revision, previous_id.has_value()});
    keys_.insert("doc:" + doc.content_hash());
    if (!url.empty()) keys_.insert("url:" + url);
    const Metadata& meta = doc.meta();
    std::optional<std::string> published, precision, found_in;
    if (meta.published) {
      published = PgText(meta.published->iso);
      precision = std::string(PrecisionName(meta.published->precision));
      found_in = OrNull(meta.published->found_in);
    }
    const std::optional<std::string> title = OrNull(meta.title);
    // One value a column, in kDocumentColumns' order.
    PgArray* column = columns_.data();
    auto text = [&column](const std::optional<std::string>& value) {
      if (value) {
        column->Add(std::string_view(*value));
      } else {
        column->AddNull();
      }
      ++column;
    };
    auto bytes = [&column](std::string_view value) { (column++)->Add(value); };
    auto number = [&column](std::optional<int64_t> value) {
      if (value) {
        column->Add(*value);
      } else {
        column->AddNull();
      }
      ++column;
    };
    text(doc.content_hash()), text(doc.text_hash()), text(OrNull(meta.url)), text(OrNull(meta.source)), text(title);
    text(published), text(precision), text(found_in), text(OrNull(sqlite::JoinAuthors(meta.authors)));
    text(OrNull(meta.dateline_place)), text(OrNull(meta.dateline_agency)), text(OrNull(meta.language));
    text(OrNull(meta.description)), text(sqlite::MetadataToJson(meta)), text(PgText(doc.origin().path));
    number(static_cast<int64_t>(doc.origin().offset)), text(PgText(doc.origin().format)), bytes(doc.original());
    // The clean text goes in unchanged (it is valid UTF-8 by construction): altered, it
    // would no longer match its text hash.
    bytes(doc.text()), bytes(doc.offset_map().Serialize()), text(sqlite::DroppedToJson(doc.dropped()));
    text(sqlite::StringsToJson(sqlite::LayerNames(doc))), number(revision), number(previous_id), text(now);
    bytes(EncodeTokens(doc.tokens())), text(sqlite::SentencesToJson(doc.sentences()));
    bytes(SearchVector::Of(title.value_or(""), doc.text()).Binary());
    assert(column == columns_.data() + kDocumentColumnCount);
    layers_.Add(doc, place);  // doc_id holds the place until the statement knows the id
    for (const NewEvent& event : code::EventRowsOf(doc, /*doc_id=*/0))
      if (sqlite::CheckEventFields(event.event).ok()) events_.Add(event, now, place);
  }

  // A document added, at its place (1, 2, ...).
  struct Placed {
    const Doc* doc;
    std::string url;  // as stored
    int revision;
    bool is_revision;
  };
  const std::vector<Placed>& docs() const { return docs_; }
  // Whether the statement holds a document with the content hash or URL of `doc`:
  // then `doc` must wait for the next one, which will know that document's row.
  bool Holds(const Doc& doc, const std::string& url) const {
    return keys_.count("doc:" + doc.content_hash()) || (!url.empty() && keys_.count("url:" + url));
  }

  std::vector<pqxx::binarystring> Take() {
    std::vector<pqxx::binarystring> out;
    for (PgArray& column : columns_) {
      const std::string bytes = column.Take();
      out.emplace_back(bytes.data(), bytes.size());
    }
    const std::string layers = layers_.Take();
    out.emplace_back(layers.data(), layers.size());
    for (pqxx::binarystring& array : events_.Take(/*in_documents_statement=*/true)) out.push_back(std::move(array));
    docs_.clear();
    keys_.clear();
    return out;
  }

 private:
  static Of TypeOf(std::string_view sql) {
    if (sql == "bigint") return Of::kBigint;
    if (sql == "integer") return Of::kInteger;
    if (sql == "bytea") return Of::kBytea;
    if (sql == "json") return Of::kJson;
    if (sql == "tsvector") return Of::kTsvector;
    return Of::kText;
  }
  static std::vector<PgArray> Columns() {
    std::vector<PgArray> columns;
    for (const auto& [name, type] : kDocumentColumns) columns.emplace_back(TypeOf(type));
    return columns;
  }

  std::vector<Placed> docs_;
  std::unordered_set<std::string> keys_;
  std::vector<PgArray> columns_ = Columns();
  LayerRows layers_;
  EventArrays events_;
};

// What kLookUpBatch found, kept up to date as the batch writes: a batch can carry two
// copies of an article, or two versions of one URL.
struct PgStore::BatchLookup {
  std::unordered_set<std::string> stored;                            // content hashes
  std::unordered_map<std::string, std::pair<int64_t, int>> latest;  // url: id, revision
  bool corrections = false;
};

Result<BatchStats> PgStore::WriteBatch(std::vector<Outcome>& batch) {
  const std::string now = UtcNow();  // one time for the whole batch
  const std::vector<std::string> keys = LockKeys(batch);
  std::vector<std::string> hashes, urls;
  for (const Outcome& outcome : batch) {
    if (!outcome.doc) continue;
    hashes.push_back(outcome.doc->content_hash());
    if (!outcome.doc->meta().url.empty()) urls.push_back(PgText(outcome.doc->meta().url));
  }
  BatchStats stats;
  Status status = InTransaction("writing a batch", [&](pqxx::dbtransaction& tx) {
    stats = BatchStats();  // a retried batch counts from zero
    BatchLookup lookup;
    if (!keys.empty()) {
      // One statement for all the locks, taken in the array's (sorted) order. Then,
      // holding them, what is stored already: no other writer can add any of these
      // hashes or URLs until we commit, so what this finds stays true.
      tx.exec_prepared(kLockKeys, TextArray(keys));
      for (const auto& row : tx.exec_prepared(kLookUpBatch, TextArray(hashes), TextArray(urls))) {
        const std::string kind = row[0].as<std::string>();
        if (kind == "document") lookup.stored.insert(row[1].as<std::string>());
        if (kind == "url") lookup.latest[row[1].as<std::string>()] = {row[2].as<int64_t>(), row[3].as<int>()};
        if (kind == "corrections") lookup.corrections = true;
      }
    }
    // The batch's new documents in as few statements as can be: one, unless the batch
    // carries an article twice or two versions of one URL, when the second waits for a
    // statement of its own (it is then unchanged, or the next revision of the first).
    if (!layer_row_type_) layer_row_type_ = LayerRowType(tx);
    DocumentArrays documents(layer_row_type_);
    for (const Outcome& outcome : batch) {
      if (!outcome.doc) continue;
      const Doc& doc = *outcome.doc;
      const std::string url = PgText(doc.meta().url);
      if (documents.Holds(doc, url)) SITREP_RETURN_IF_ERROR(WriteDocuments(tx, documents, &lookup, &stats));
      if (lookup.stored.count(doc.content_hash())) {
        ++stats.unchanged;
        continue;
      }
      std::optional<int64_t> previous_id;
      int revision = 1;
      if (auto latest = lookup.latest.find(url); !url.empty() && latest != lookup.latest.end()) {
        previous_id = latest->second.first;
        revision = latest->second.second + 1;
      }
      documents.Add(doc, url, revision, previous_id, now);
    }
    SITREP_RETURN_IF_ERROR(WriteDocuments(tx, documents, &lookup, &stats));
    for (const Outcome& outcome : batch) {
      const std::string content_hash = outcome.doc ? outcome.doc->content_hash() : "";
      for (const Failure& failure : outcome.failures) {
        try {
          if (InsertFailure(tx, failure, content_hash, now)) ++stats.failures;
        } catch (const pqxx::sql_error& e) {
          if (IsRetryable(e)) throw;
          return Status(Code::kStore, fmt::format("the failure of {} (record at byte {}) was not stored: {}",
                                                  failure.origin.path, failure.origin.offset, e.what()))
              .At(shown_uri_);
        }
      }
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return stats;
}

Status PgStore::WriteDocuments(pqxx::dbtransaction& tx, DocumentArrays& documents, BatchLookup* lookup,
                               BatchStats* stats) {
  if (documents.docs().empty()) return Status::Ok();
  const std::vector<DocumentArrays::Placed> placed = documents.docs();  // Take() empties `documents`
  pqxx::result rows;
  try {
    rows = tx.exec_prepared(kInsertDocuments, pqxx::prepare::make_dynamic_params(documents.Take()));
  } catch (const pqxx::sql_error& e) {
    if (IsRetryable(e)) throw;
    const Doc& first = *placed.front().doc;
    return Status(Code::kStore,
                  fmt::format("the document of {} (record at byte {}){} was not stored: {}", first.origin().path,
                              first.origin().offset,
                              placed.size() > 1 ? fmt::format(" or one of the {} after it", placed.size() - 1) : "",
                              e.what()))
        .At(shown_uri_);
  }
  // ON CONFLICT: a writer that does not take the locks (an older sitrep, a hand-run
  // script) can still not make a second copy; the document is then simply unchanged.
  std::vector<std::optional<int64_t>> ids(placed.size());
  std::vector<std::vector<int64_t>> events(placed.size());
  for (const auto& row : rows) {
    const auto at = row[0].as<size_t>() - 1;
    ids[at] = row[1].as<int64_t>();
    if (!row[2].is_null()) events[at].push_back(row[2].as<int64_t>());
  }
  for (size_t at = 0; at < placed.size(); ++at) {
    const DocumentArrays::Placed& doc = placed[at];
    lookup->stored.insert(doc.doc->content_hash());
    if (!ids[at]) {
      ++stats->unchanged;
      continue;
    }
    ++stats->added;
    if (doc.is_revision) ++stats->revisions;
    if (!doc.url.empty()) lookup->latest[doc.url] = {*ids[at], doc.revision};
    // An analyst's corrections survive re-coding (pg_store_review.cc).
    if (lookup->corrections) SITREP_RETURN_IF_ERROR(ReplayCorrections(tx, events[at]));
  }
  return Status::Ok();
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
