// Reading a SQLite store: finding and reloading documents, failures, full-text search,
// events, counts and the consistency check.
//
// A reloaded document is rebuilt through the Doc constructor, which hashes its bytes
// again; a hash that no longer matches the stored one means the row was damaged, and
// the document is refused rather than handed on with wrong provenance.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>

#include "store/doc_json.h"
#include "store/document_key.h"
#include "store/sqlite_store.h"

namespace sitrep::sqlite {

namespace {

// The first column of every row, as ids.
Result<std::vector<int64_t>> CollectIds(Statement& stmt) {
  std::vector<int64_t> ids;
  for (;;) {
    Result<bool> row = stmt.Step();
    if (!row.ok()) return row.status();
    if (!*row) return ids;
    ids.push_back(stmt.Int(0));
  }
}

// FTS5 query syntax: the characters and (upper-case) words that make a query more than
// a list of words.
bool UsesFtsSyntax(std::string_view query) {
  if (query.find_first_of("\"()*^") != std::string_view::npos) return true;
  size_t begin = 0;
  while (begin < query.size()) {
    size_t end = query.find_first_of(" \t\r\n", begin);
    if (end == std::string_view::npos) end = query.size();
    std::string_view word = query.substr(begin, end - begin);
    if (word == "AND" || word == "OR" || word == "NOT" || word == "NEAR") return true;
    begin = end + 1;
  }
  return false;
}

// Plain text becomes one quoted phrase per word, all required: `Dar's al-Qaeda visit`
// would be a syntax error as written (' and - are not FTS5 barewords) but as
// "Dar's" "al-Qaeda" "visit" it finds what the user meant.
std::string QuoteWords(std::string_view query) {
  std::string out;
  size_t begin = 0;
  while (begin < query.size()) {
    size_t end = query.find_first_of(" \t\r\n", begin);
    if (end == std::string_view::npos) end = query.size();
    if (end > begin) out += fmt::format("{}\"{}\"", out.empty() ? "" : " ", query.substr(begin, end - begin));
    begin = end + 1;
  }
  return out;
}

// A snippet is shown as one line: paragraph breaks in it become spaces.
std::string OneLine(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

}  // namespace

Status SqliteStore::Damaged(int64_t id, std::string_view why) const {
  return Status(Code::kStore, fmt::format("document {} is damaged: {}", id, why)).At(db_->path());
}

// ---- Finding documents ----

// Each kind of key is tried in turn and the first that matches anything wins, so
// "123456" finds document 123456 if there is one, and hashes starting 123456 otherwise.
Result<std::vector<int64_t>> SqliteStore::FindDocuments(const std::string& key) {
  if (key.empty()) return Status(Code::kInvalidArgument, "an empty key names no document");
  if (std::optional<int64_t> id = DocumentIdKey(key)) {
    Result<std::vector<int64_t>> ids = IdsById(*id);
    if (!ids.ok() || !ids->empty()) return ids;
  }
  if (std::optional<std::string> prefix = HashPrefixKey(key)) {
    Result<std::vector<int64_t>> ids = IdsByHashPrefix(*prefix);
    if (!ids.ok() || !ids->empty()) return ids;
  }
  return IdsByPathOrUrl(key);
}

Result<std::vector<int64_t>> SqliteStore::IdsById(int64_t id) {
  Result<Statement> stmt = db_->Prepare("SELECT id FROM documents WHERE id = ?1");
  if (!stmt.ok()) return stmt.status();
  stmt->BindInt(1, id);
  return CollectIds(*stmt);
}

Result<std::vector<int64_t>> SqliteStore::IdsByHashPrefix(const std::string& prefix) {
  // Hashes are lower-case hex, so every hash starting with the prefix sorts between the
  // prefix and the prefix followed by 'g': a range scan of the unique index.
  Result<Statement> stmt = db_->Prepare(
      "SELECT id FROM documents WHERE content_hash >= ?1 AND content_hash < ?1 || 'g' ORDER BY id");
  if (!stmt.ok()) return stmt.status();
  stmt->BindText(1, prefix);
  return CollectIds(*stmt);
}

Result<std::vector<int64_t>> SqliteStore::IdsByPathOrUrl(const std::string& key) {
  Result<Statement> stmt = db_->Prepare(
      "SELECT id FROM documents WHERE input_path LIKE ?1 ESCAPE '\\' OR url LIKE ?1 ESCAPE '\\' ORDER BY id");
  if (!stmt.ok()) return stmt.status();
  stmt->BindText(1, "%" + EscapeLike(key) + "%");
  return CollectIds(*stmt);
}

// ---- Loading a document ----

Result<StoredDoc> SqliteStore::LoadDocument(int64_t id) {
  Result<Statement> stmt = db_->Prepare(
      "SELECT input_path, input_offset, input_format, original, clean_text, offset_map, metadata,"
      " dropped, layers, content_hash, text_hash, revision, previous_id, ingested_at, tokens, sentences"
      " FROM documents WHERE id = ?1");
  if (!stmt.ok()) return stmt.status();
  stmt->BindInt(1, id);
  Result<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status(Code::kNotFound, fmt::format("there is no document {} in {}", id, db_->path()));

  Origin origin{stmt->Text(0), static_cast<uint64_t>(stmt->Int(1)), stmt->Text(2)};
  OffsetMap map;
  if (!OffsetMap::Deserialize(stmt->Blob(5), &map)) return Damaged(id, "its offset map cannot be read");
  Metadata meta;
  if (!MetadataFromJson(stmt->Text(6), &meta)) return Damaged(id, "its metadata is not valid");
  std::vector<Dropped> dropped;
  if (!DroppedFromJson(stmt->Text(7), &dropped)) return Damaged(id, "its list of dropped parts is not valid");
  std::vector<std::string> layer_names;
  if (!StringsFromJson(stmt->Text(8), &layer_names)) return Damaged(id, "its list of layers is not valid");
  std::vector<Token> tokens;
  if (!TokensFromJson(stmt->Text(14), &tokens)) return Damaged(id, "its tokens are not valid");
  std::vector<Sentence> sentences;
  if (!SentencesFromJson(stmt->Text(15), &sentences)) return Damaged(id, "its sentences are not valid");

  StoredDoc stored{.id = id,
                   .revision = static_cast<int>(stmt->Int(11)),
                   .previous = stmt->IsNull(12) ? std::nullopt : std::optional<int64_t>(stmt->Int(12)),
                   .ingested_at = stmt->Text(13),
                   .doc = Doc(std::move(origin), stmt->Blob(3), stmt->Text(4), std::move(map), std::move(meta))};
  if (stored.doc.content_hash() != stmt->Text(9))
    return Damaged(id, "its original bytes no longer match their content hash");
  if (stored.doc.text_hash() != stmt->Text(10)) return Damaged(id, "its text no longer matches its text hash");
  stored.doc.set_dropped(std::move(dropped));
  stored.doc.mutable_tokens() = std::move(tokens);
  stored.doc.mutable_sentences() = std::move(sentences);
  SITREP_RETURN_IF_ERROR(LoadAnnotations(id, layer_names, &stored.doc));
  return stored;
}

Status SqliteStore::LoadAnnotations(int64_t id, const std::vector<std::string>& layer_names, Doc* doc) {
  // Start from every layer name so that layers without annotations come back too.
  std::map<std::string, std::vector<Annotation>> layers;
  for (const std::string& name : layer_names) layers[name];
  Result<Statement> stmt = db_->Prepare(
      "SELECT layer, span_begin, span_end, label, attrs FROM annotations WHERE doc_id = ?1 ORDER BY layer, seq");
  if (!stmt.ok()) return stmt.status();
  stmt->BindInt(1, id);
  for (;;) {
    Result<bool> row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    Span span{static_cast<uint32_t>(stmt->Int(1)), static_cast<uint32_t>(stmt->Int(2))};
    if (span.end > doc->text().size()) return Damaged(id, "an annotation ends past its text");
    layers[stmt->Text(0)].push_back({span, stmt->Text(3), stmt->Text(4)});
  }
  for (auto& [name, annotations] : layers) doc->SetLayer(name, std::move(annotations));
  return Status::Ok();
}

// ---- Failures ----

Result<std::vector<FailureRow>> SqliteStore::Failures(std::optional<std::string> path_part) {
  Result<Statement> stmt = db_->Prepare(
      "SELECT id, input_path, record_offset, stage, code, byte_offset, message FROM failures"
      " WHERE ?1 IS NULL OR input_path LIKE ?1 ESCAPE '\\' ORDER BY id");
  if (!stmt.ok()) return stmt.status();
  if (path_part) stmt->BindText(1, "%" + EscapeLike(*path_part) + "%");
  std::vector<FailureRow> failures;
  for (;;) {
    Result<bool> row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) return failures;
    FailureRow& failure = failures.emplace_back();
    failure.id = stmt->Int(0);
    failure.path = stmt->Text(1);
    failure.record_offset = static_cast<uint64_t>(stmt->Int(2));
    failure.stage = stmt->Text(3);
    failure.code = stmt->Text(4);
    if (!stmt->IsNull(5)) failure.byte_offset = static_cast<uint64_t>(stmt->Int(5));
    failure.message = stmt->Text(6);
  }
}

// ---- Full-text search ----

Result<std::vector<SearchHit>> SqliteStore::Search(const std::string& query, int limit) {
  if (limit <= 0) return Status(Code::kInvalidArgument, fmt::format("search limit {} is not positive", limit));
  std::string match = UsesFtsSyntax(query) ? query : QuoteWords(query);
  if (match.empty()) return Status(Code::kInvalidArgument, "the search query is empty");

  // Title matches weigh five times text matches. snippet() column -1: the column that
  // matches best; bm25() is lower for better matches, so ascending order is best first.
  Result<Statement> stmt = db_->Prepare(
      "SELECT d.id, d.title, snippet(documents_fts, -1, '[', ']', '…', 16), bm25(documents_fts, 5.0, 1.0) AS score"
      " FROM documents_fts JOIN documents AS d ON d.id = documents_fts.rowid"
      " WHERE documents_fts MATCH ?1 ORDER BY score, d.id LIMIT ?2");
  if (!stmt.ok()) return stmt.status();
  stmt->BindText(1, match).BindInt(2, limit);
  std::vector<SearchHit> hits;
  for (;;) {
    Result<bool> row = stmt->Step();
    if (!row.ok() && stmt->last_error() == SQLITE_ERROR) {
      // FTS5 reports a malformed query as a plain SQL error: the user's mistake, not the store's.
      return Status(Code::kInvalidArgument,
                    fmt::format("cannot search for '{}': {} (FTS5 syntax: put phrases in double quotes)",
                                query, stmt->last_message()));
    }
    if (!row.ok()) return row.status();
    if (!*row) return hits;
    hits.push_back({stmt->Int(0), stmt->Text(1), OneLine(stmt->Text(2)), stmt->Real(3)});
  }
}

// ---- Events ----

Result<std::vector<EventRow>> SqliteStore::Events(int limit) {
  Result<Statement> stmt = db_->Prepare(
      "SELECT id, date, type, mode, cameo, source_actor, target_actor, place, latitude, longitude,"
      " confidence FROM events ORDER BY date DESC, id DESC LIMIT ?1");
  if (!stmt.ok()) return stmt.status();
  stmt->BindInt(1, limit < 0 ? -1 : limit);  // LIMIT -1: no limit
  std::vector<EventRow> events;
  for (;;) {
    Result<bool> row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    events.push_back({.id = stmt->Int(0),
                      .date = stmt->Text(1),
                      .type = stmt->Text(2),
                      .mode = stmt->Text(3),
                      .cameo = stmt->Text(4),
                      .source_actor = stmt->Text(5),
                      .target_actor = stmt->Text(6),
                      .place = stmt->Text(7),
                      .latitude = stmt->IsNull(8) ? std::nullopt : std::optional<double>(stmt->Real(8)),
                      .longitude = stmt->IsNull(9) ? std::nullopt : std::optional<double>(stmt->Real(9)),
                      .confidence = stmt->Real(10),
                      .mentions = {}});
  }
  for (EventRow& event : events) {
    Result<std::vector<EventMention>> mentions = LoadMentions(event.id);
    if (!mentions.ok()) return mentions.status();
    event.mentions = std::move(*mentions);
  }
  return events;
}

Result<std::vector<EventMention>> SqliteStore::LoadMentions(int64_t event_id) {
  Result<Statement> stmt = db_->Prepare(
      "SELECT doc_id, evidence_begin, evidence_end, confidence FROM event_mentions WHERE event_id = ?1"
      " ORDER BY doc_id, evidence_begin");
  if (!stmt.ok()) return stmt.status();
  stmt->BindInt(1, event_id);
  std::vector<EventMention> mentions;
  for (;;) {
    Result<bool> row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) return mentions;
    mentions.push_back({stmt->Int(0), {static_cast<uint32_t>(stmt->Int(1)), static_cast<uint32_t>(stmt->Int(2))},
                        stmt->Real(3)});
  }
}

// ---- Summary and checks ----

Result<StoreSummary> SqliteStore::Summary() {
  struct Count {
    std::string_view sql;
    uint64_t StoreSummary::*field;
  };
  static constexpr Count kCounts[] = {
      {"SELECT count(*) FROM documents", &StoreSummary::documents},
      {"SELECT count(*) FROM failures", &StoreSummary::failures},
      {"SELECT count(*) FROM events", &StoreSummary::events},
      {"SELECT count(*) FROM event_mentions", &StoreSummary::mentions},
      {"SELECT count(*) FROM stories", &StoreSummary::stories},
  };
  StoreSummary summary;
  for (const Count& count : kCounts) {
    Result<int64_t> n = db_->QueryInt(count.sql);
    if (!n.ok()) return n.status();
    summary.*count.field = static_cast<uint64_t>(*n);
  }
  Result<int64_t> version = db_->QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.status();
  summary.schema_version = static_cast<int>(*version);
  return summary;
}

// SQLite's page-level check, then two that it does not make: foreign keys (off while
// a connection without PRAGMA foreign_keys wrote) and the full-text index against the
// documents it indexes.
Result<std::string> SqliteStore::IntegrityCheck() {
  std::vector<std::string> problems;
  {
    Result<Statement> stmt = db_->Prepare("PRAGMA integrity_check");
    if (!stmt.ok()) return stmt.status();
    for (Result<bool> row = stmt->Step(); row.ok() && *row; row = stmt->Step())
      if (stmt->Text(0) != "ok") problems.push_back(stmt->Text(0));
    if (stmt->last_error() != SQLITE_OK) return Status(Code::kStore, stmt->last_message()).At(db_->path());
  }
  {
    Result<Statement> stmt = db_->Prepare("PRAGMA foreign_key_check");
    if (!stmt.ok()) return stmt.status();
    for (Result<bool> row = stmt->Step(); row.ok() && *row; row = stmt->Step())
      problems.push_back(fmt::format("row {} of {} refers to a missing row of {}", stmt->Int(1), stmt->Text(0),
                                     stmt->Text(2)));
    if (stmt->last_error() != SQLITE_OK) return Status(Code::kStore, stmt->last_message()).At(db_->path());
  }
  {
    // rank = 1 asks FTS5 to compare its index with the content table too.
    Result<Statement> stmt =
        db_->Prepare("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)");
    if (!stmt.ok()) return stmt.status();
    Status status = stmt->Run();
    if (!status.ok() && stmt->last_error() != SQLITE_CORRUPT) return status;
    if (!status.ok()) problems.push_back("the full-text index does not match the documents");
  }
  if (problems.empty()) return std::string("ok");
  std::string out;
  for (const std::string& problem : problems) out += (out.empty() ? "" : "\n") + problem;
  return out;
}

}  // namespace sitrep::sqlite
