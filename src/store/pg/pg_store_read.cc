// Reading a PostgreSQL store: finding and reloading documents, failures, full-text
// search, events, counts and the consistency check. Each call is one read-only
// transaction, so it sees one consistent state of the store while writers go on.
//
// As in SQLite, a reloaded document is rebuilt through the Doc constructor, which
// hashes its bytes again; a hash that does not match the stored one is damage.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <pqxx/pqxx>

#include "store/doc_json.h"
#include "store/document_key.h"
#include "store/pg/pg_schema.h"
#include "store/pg/pg_store.h"
#include "store/pg/pg_tokens.h"
#include "store/search_query.h"
#include "store/sqlite_db.h"

namespace sitrep::pg {

namespace {

std::vector<int64_t> Ids(const pqxx::result& rows) {
  std::vector<int64_t> ids;
  for (const auto& row : rows) ids.push_back(row[0].as<int64_t>());
  return ids;
}

std::string Text(const pqxx::field& field) { return field.is_null() ? std::string() : field.as<std::string>(); }
std::string Bytes(const pqxx::field& field) { return pqxx::binarystring(field).str(); }

// A snippet is shown as one line: paragraph breaks in it become spaces.
std::string OneLine(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

}  // namespace

Status PgStore::Damaged(int64_t id, std::string_view why) const {
  return Status(Code::kStore, fmt::format("document {} is damaged: {}", id, why)).At(shown_uri_);
}

// ---- Finding documents ----

// The kinds of key in the order of store.h: an id, a hash prefix, part of a path or URL.
Result<std::vector<int64_t>> PgStore::FindDocuments(const std::string& key) {
  if (key.empty()) return Status(Code::kInvalidArgument, "an empty key names no document");
  try {
    pqxx::read_transaction tx(*conn_);
    if (std::optional<int64_t> id = sqlite::DocumentIdKey(key)) {
      std::vector<int64_t> ids = Ids(tx.exec_params("SELECT id FROM documents WHERE id = $1", *id));
      if (!ids.empty()) return ids;
    }
    if (std::optional<std::string> prefix = sqlite::HashPrefixKey(key)) {
      // content_hash sorts by bytes (COLLATE "C"): a range scan of its unique index.
      std::vector<int64_t> ids = Ids(tx.exec_params(
          "SELECT id FROM documents WHERE content_hash >= $1 AND content_hash < $1 || 'g' ORDER BY id", *prefix));
      if (!ids.empty()) return ids;
    }
    return Ids(tx.exec_params(
        "SELECT id FROM documents WHERE input_path LIKE $1 ESCAPE '\\' OR url LIKE $1 ESCAPE '\\' ORDER BY id",
        "%" + sqlite::EscapeLike(PgText(key)) + "%"));
  } catch (const std::exception& e) {
    return Failed("finding documents", e);
  }
}

// ---- Loading a document ----

Result<StoredDoc> PgStore::LoadDocument(int64_t id) {
  try {
    pqxx::read_transaction tx(*conn_);
    pqxx::result rows = tx.exec_params(
        "SELECT input_path, input_offset, input_format, original, clean_text, offset_map, metadata,"
        " dropped, layers, content_hash, text_hash, revision, previous_id, ingested_at, tokens, sentences"
        " FROM documents WHERE id = $1",
        id);
    if (rows.empty()) return Status(Code::kNotFound, fmt::format("there is no document {} in {}", id, shown_uri_));
    const pqxx::row row = rows[0];
    Origin origin{Text(row[0]), row[1].as<uint64_t>(), Text(row[2])};
    OffsetMap map;
    if (!OffsetMap::Deserialize(Bytes(row[5]), &map)) return Damaged(id, "its offset map cannot be read");
    Metadata meta;
    if (!sqlite::MetadataFromJson(Text(row[6]), &meta)) return Damaged(id, "its metadata is not valid");
    std::vector<Dropped> dropped;
    if (!sqlite::DroppedFromJson(Text(row[7]), &dropped)) return Damaged(id, "its list of dropped parts is not valid");
    std::vector<std::string> layer_names;
    if (!sqlite::StringsFromJson(Text(row[8]), &layer_names)) return Damaged(id, "its list of layers is not valid");
    std::vector<Token> tokens;
    if (!DecodeTokens(Bytes(row[14]), &tokens)) return Damaged(id, "its tokens cannot be read");
    std::vector<Sentence> sentences;
    if (!sqlite::SentencesFromJson(Text(row[15]), &sentences)) return Damaged(id, "its sentences are not valid");

    StoredDoc stored{.id = id,
                     .revision = row[11].as<int>(),
                     .previous = row[12].is_null() ? std::nullopt : std::optional<int64_t>(row[12].as<int64_t>()),
                     .ingested_at = Text(row[13]),
                     .doc = Doc(std::move(origin), Bytes(row[3]), Text(row[4]), std::move(map), std::move(meta))};
    if (stored.doc.content_hash() != Text(row[9]))
      return Damaged(id, "its original bytes no longer match their content hash");
    if (stored.doc.text_hash() != Text(row[10])) return Damaged(id, "its text no longer matches its text hash");
    stored.doc.set_dropped(std::move(dropped));
    stored.doc.mutable_tokens() = std::move(tokens);
    stored.doc.mutable_sentences() = std::move(sentences);
    SITREP_RETURN_IF_ERROR(LoadAnnotations(tx, id, layer_names, &stored.doc));
    return stored;
  } catch (const std::exception& e) {
    return Failed(fmt::format("loading document {}", id), e);
  }
}

Status PgStore::LoadAnnotations(pqxx::dbtransaction& tx, int64_t id, const std::vector<std::string>& layer_names,
                                Doc* doc) {
  // Start from every layer name so that layers without annotations come back too.
  std::map<std::string, std::vector<Annotation>> layers;
  for (const std::string& name : layer_names) layers[name];
  // Unnested by the server (the annotations view), in the order they were written.
  pqxx::result rows = tx.exec_params(
      "SELECT layer, span_begin, span_end, label, attrs FROM annotations WHERE doc_id = $1 ORDER BY layer, seq", id);
  for (const auto& row : rows) {
    const int64_t begin = row[1].as<int64_t>(), end = row[2].as<int64_t>();
    if (end > static_cast<int64_t>(doc->text().size())) return Damaged(id, "an annotation ends past its text");
    // The arrays have no per-element CHECK, as the old table's rows had.
    if (begin < 0 || begin > end) return Damaged(id, "an annotation's span does not run forwards");
    Span span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
    layers[Text(row[0])].push_back({span, Text(row[3]), Text(row[4])});
  }
  for (auto& [name, annotations] : layers) doc->SetLayer(name, std::move(annotations));
  return Status::Ok();
}

// ---- Failures ----

Result<std::vector<FailureRow>> PgStore::Failures(std::optional<std::string> path_part) {
  try {
    pqxx::read_transaction tx(*conn_);
    std::optional<std::string> pattern;
    if (path_part) pattern = "%" + sqlite::EscapeLike(PgText(*path_part)) + "%";
    pqxx::result rows = tx.exec_params(
        "SELECT id, input_path, record_offset, stage, code, byte_offset, message FROM failures"
        " WHERE $1::text IS NULL OR input_path LIKE $1 ESCAPE '\\' ORDER BY id",
        pattern);
    std::vector<FailureRow> failures;
    for (const auto& row : rows) {
      FailureRow& failure = failures.emplace_back();
      failure.id = row[0].as<int64_t>();
      failure.path = Text(row[1]);
      failure.record_offset = row[2].as<uint64_t>();
      failure.stage = Text(row[3]);
      failure.code = Text(row[4]);
      if (!row[5].is_null()) failure.byte_offset = row[5].as<uint64_t>();
      failure.message = Text(row[6]);
    }
    return failures;
  } catch (const std::exception& e) {
    return Failed("listing failures", e);
  }
}

// ---- Full-text search ----

// The query is made into a tsquery by sitrep (store/search_query.h), from the same words
// the vectors were made of: plain words (all required), "quoted phrases", prefix*, OR,
// -word and NOT. Malformed syntax is read leniently, so the malformed query is one with
// nothing left to search for.
Result<std::vector<SearchHit>> PgStore::Search(const std::string& query, int limit) {
  if (limit <= 0) return Status(Code::kInvalidArgument, fmt::format("search limit {} is not positive", limit));
  const sqlite::SearchQuery parsed = sqlite::ParseSearchQuery(PgText(query));
  if (parsed.tsquery.empty()) {
    return Status(Code::kInvalidArgument,
                  fmt::format("cannot search for '{}': it has no words to search for (write words, "
                              "\"quoted phrases\", prefix*, OR, or -word)",
                              query));
  }
  try {
    pqxx::read_transaction tx(*conn_);
    // ts_rank is higher for better matches; negated, it sorts like bm25 in SQLite. The
    // snippets are made here, from the texts of the best `limit` only.
    pqxx::result rows = tx.exec_params(
        "WITH q AS (SELECT $1::tsquery AS q),"
        " best AS (SELECT d.id, -ts_rank(d.search, q.q) AS score FROM documents d, q"
        "          WHERE d.search @@ q.q ORDER BY score, d.id LIMIT $2)"
        " SELECT d.id, coalesce(d.title, ''), d.clean_text, best.score"
        " FROM best JOIN documents d ON d.id = best.id ORDER BY best.score, d.id",
        parsed.tsquery, limit);
    std::vector<SearchHit> hits;
    for (const auto& row : rows) {
      const std::string title = Text(row[1]), text = Text(row[2]);
      // The text's best passage; the title when only the title matched.
      std::string snippet = sqlite::MarkSnippet(text, parsed);
      if (snippet.empty()) snippet = sqlite::MarkSnippet(title, parsed);
      hits.push_back({row[0].as<int64_t>(), title, OneLine(std::move(snippet)), row[3].as<double>()});
    }
    return hits;
  } catch (const std::exception& e) {
    return Failed(fmt::format("searching for '{}'", query), e);
  }
}

// The desk's list of documents, newest first: those matching `text` when given.
Result<std::vector<DocumentRow>> PgStore::ListDocuments(const std::string& text, const Page& page) {
  if (page.limit < 1 || page.limit > 1000)
    return Status(Code::kInvalidArgument, fmt::format("limit {} is not between 1 and 1000", page.limit));
  if (page.offset < 0) return Status(Code::kInvalidArgument, "offset is negative");
  std::optional<std::string> query;
  if (!text.empty()) {
    query = sqlite::ParseSearchQuery(PgText(text)).tsquery;
    if (query->empty())
      return Status(Code::kInvalidArgument,
                    fmt::format("cannot search documents for '{}': it has no words to search for", text));
  }
  try {
    pqxx::read_transaction tx(*conn_);
    pqxx::result rows = tx.exec_params(
        "SELECT d.id, coalesce(d.title, ''), coalesce(d.source, ''), coalesce(d.url, ''), coalesce(d.published, ''),"
        " d.ingested_at, d.input_path, (SELECT count(DISTINCT event_id) FROM event_mentions WHERE doc_id = d.id)"
        " FROM documents AS d WHERE $1::tsquery IS NULL OR d.search @@ $1::tsquery"
        " ORDER BY d.id DESC LIMIT $2 OFFSET $3",
        query, page.limit, page.offset);
    std::vector<DocumentRow> out;
    for (const auto& row : rows)
      out.push_back({row[0].as<int64_t>(), Text(row[1]), Text(row[2]), Text(row[3]), Text(row[4]), Text(row[5]),
                     Text(row[6]), row[7].as<int64_t>()});
    return out;
  } catch (const std::exception& e) {
    return Failed("listing documents", e);
  }
}

// ---- Events ----

Result<std::vector<EventRow>> PgStore::Events(int limit) {
  try {
    pqxx::read_transaction tx(*conn_);
    std::optional<int64_t> bound;
    if (limit >= 0) bound = limit;  // LIMIT NULL: no limit
    pqxx::result rows = tx.exec_params(
        "SELECT id, date, type, mode, cameo, source_actor, target_actor, place, latitude, longitude,"
        " confidence FROM events ORDER BY date DESC, id DESC LIMIT $1",
        bound);
    std::vector<EventRow> events;
    for (const auto& row : rows) {
      events.push_back({.id = row[0].as<int64_t>(),
                        .date = Text(row[1]),
                        .type = Text(row[2]),
                        .mode = Text(row[3]),
                        .cameo = Text(row[4]),
                        .source_actor = Text(row[5]),
                        .target_actor = Text(row[6]),
                        .place = Text(row[7]),
                        .latitude = row[8].is_null() ? std::nullopt : std::optional<double>(row[8].as<double>()),
                        .longitude = row[9].is_null() ? std::nullopt : std::optional<double>(row[9].as<double>()),
                        .confidence = row[10].is_null() ? 0 : row[10].as<double>(),
                        .mentions = {}});
    }
    for (EventRow& event : events) {
      Result<std::vector<EventMention>> mentions = LoadMentions(tx, event.id);
      if (!mentions.ok()) return mentions.status();
      event.mentions = std::move(*mentions);
    }
    return events;
  } catch (const std::exception& e) {
    return Failed("listing events", e);
  }
}

Result<std::vector<EventMention>> PgStore::LoadMentions(pqxx::dbtransaction& tx, int64_t event_id) {
  pqxx::result rows = tx.exec_params(
      "SELECT doc_id, evidence_begin, evidence_end, confidence FROM event_mentions WHERE event_id = $1"
      " ORDER BY doc_id, evidence_begin",
      event_id);
  std::vector<EventMention> mentions;
  for (const auto& row : rows) {
    mentions.push_back({row[0].as<int64_t>(),
                        {static_cast<uint32_t>(row[1].as<int64_t>()), static_cast<uint32_t>(row[2].as<int64_t>())},
                        row[3].is_null() ? 0 : row[3].as<double>()});
  }
  return mentions;
}

// ---- Summary and checks ----

Result<StoreSummary> PgStore::Summary() {
  try {
    pqxx::read_transaction tx(*conn_);
    pqxx::row row = tx.exec1(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM failures), (SELECT count(*) FROM events),"
        " (SELECT count(*) FROM event_mentions), (SELECT count(*) FROM stories),"
        " (SELECT coalesce(max(version), 0) FROM schema_version)");
    return StoreSummary{.documents = row[0].as<uint64_t>(),
                        .failures = row[1].as<uint64_t>(),
                        .events = row[2].as<uint64_t>(),
                        .mentions = row[3].as<uint64_t>(),
                        .stories = row[4].as<uint64_t>(),
                        .schema_version = row[5].as<int>()};
  } catch (const std::exception& e) {
    return Failed("summarising the store", e);
  }
}

// The server keeps its own pages and indexes sound and enforces the foreign keys, so
// what is left to check is what the constraints cannot say: the schema is the one
// this sitrep writes, revision chains run 1, 2, 3 within one URL, and every span
// stays inside the text it points into.
Result<std::string> PgStore::IntegrityCheck() {
  struct Check {
    std::string_view sql;  // counts the rows that break the rule
    std::string_view problem;
  };
  static constexpr Check kChecks[] = {
      {"SELECT count(*) FROM documents d JOIN documents p ON p.id = d.previous_id"
       " WHERE p.url IS DISTINCT FROM d.url OR p.revision <> d.revision - 1",
       "documents whose previous revision is not the one before them of the same URL"},
      {"SELECT count(*) FROM documents d WHERE d.url IS NOT NULL AND d.revision > 1 AND d.previous_id IS NULL",
       "later revisions without a previous revision"},
      {"SELECT count(*) FROM annotations a JOIN documents d ON d.id = a.doc_id"
       " WHERE a.span_end > octet_length(d.clean_text)",
       "annotations that end past their document's text"},
      // What the annotations table's CHECK said before annotations became arrays.
      {"SELECT count(*) FROM annotations WHERE span_begin < 0 OR span_begin > span_end",
       "annotations whose span is not begin <= end"},
      {"SELECT count(*) FROM event_mentions m JOIN documents d ON d.id = m.doc_id"
       " WHERE m.evidence_end > octet_length(d.clean_text)",
       "event mentions whose evidence ends past their document's text"},
      {"SELECT count(*) FROM documents WHERE search IS NULL", "documents missing from the full-text index"},
  };
  try {
    pqxx::read_transaction tx(*conn_);
    std::vector<std::string> problems;
    const int version = tx.exec1("SELECT coalesce(max(version), 0) FROM schema_version")[0].as<int>();
    if (version != static_cast<int>(PgMigrations().size()))
      problems.push_back(fmt::format("schema version {}, not {}", version, PgMigrations().size()));
    for (const Check& check : kChecks) {
      const int64_t n = tx.exec1(std::string(check.sql))[0].as<int64_t>();
      if (n > 0) problems.push_back(fmt::format("{} {}", n, check.problem));
    }
    if (problems.empty()) return std::string("ok");
    std::string out;
    for (const std::string& problem : problems) out += (out.empty() ? "" : "\n") + problem;
    return out;
  } catch (const std::exception& e) {
    return Failed("checking the store", e);
  }
}

// One store_commits row per committed write transaction: the count grows with every
// commit, from any connection, and a rolled-back batch leaves it as it was.
Result<int64_t> PgStore::DataVersion() {
  try {
    pqxx::read_transaction tx(*conn_);
    return tx.exec1("SELECT count(*) FROM store_commits")[0].as<int64_t>();
  } catch (const std::exception& e) {
    return Failed("reading the data version", e);
  }
}

}  // namespace sitrep::pg
