#include "store/schema.h"

#include <fmt/format.h>

#include <cassert>

namespace sitrep::sqlite {

namespace {

// Version 1: documents with their annotations, failures, full-text search, and the
// tables for events and stories that later stages fill.
//
// Conventions: tables are STRICT so a wrong type is an error, not a silent conversion;
// offsets are byte offsets, spans half-open [begin, end); times are ISO 8601 text
// (UTC with a Z where the time is ours, as stated by the article otherwise); JSON
// columns hold UTF-8 JSON text; an empty optional value is NULL.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  -- XXH3-128 of the original bytes, hex: the identity that makes re-ingest a no-op.
  content_hash TEXT NOT NULL UNIQUE
    CHECK (length(content_hash) = 32 AND content_hash NOT GLOB '*[^0-9a-f]*'),
  text_hash TEXT NOT NULL,          -- XXH3-128 of clean_text: byte-identical articles
  -- The columns from url to description copy fields of `metadata` for queries and
  -- indexes; `metadata` is the complete record that LoadDocument reads.
  url TEXT,
  source TEXT,
  title TEXT,
  published TEXT,                   -- as stated: "2024-09-17T17:50", "2024-09"
  published_precision TEXT CHECK (published_precision IN ('year', 'month', 'day', 'minute', 'second')),
  published_from TEXT,              -- where the date was found: "meta:article:published_time"
  author TEXT,                      -- all authors, joined with "; "
  dateline_place TEXT,
  dateline_agency TEXT,
  language TEXT,
  description TEXT,
  metadata TEXT NOT NULL CHECK (json_valid(metadata)),
  input_path TEXT NOT NULL,
  input_offset INTEGER NOT NULL CHECK (input_offset >= 0),  -- of the record in its file
  input_format TEXT NOT NULL,
  original BLOB NOT NULL,           -- the record's bytes, exactly as read
  clean_text TEXT NOT NULL,
  offset_map BLOB NOT NULL,         -- OffsetMap::Serialize: clean offsets -> original offsets
  dropped TEXT NOT NULL CHECK (json_valid(dropped)),  -- [{"begin","end","reason"}] in original bytes
  layers TEXT NOT NULL CHECK (json_valid(layers)),    -- names of all layers, empty ones too
  revision INTEGER NOT NULL CHECK (revision >= 1),    -- 1, 2, ... per url
  previous_id INTEGER REFERENCES documents (id) ON DELETE SET NULL,
  ingested_at TEXT NOT NULL,
  UNIQUE (url, revision)
) STRICT;
CREATE INDEX documents_by_text_hash ON documents (text_hash);
CREATE INDEX documents_by_input ON documents (input_path, input_offset);
CREATE INDEX documents_by_published ON documents (published);

-- One row per annotation; `seq` keeps the order within a layer.
CREATE TABLE annotations (
  doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  layer TEXT NOT NULL,
  seq INTEGER NOT NULL,
  span_begin INTEGER NOT NULL,      -- clean-text bytes
  span_end INTEGER NOT NULL,
  label TEXT NOT NULL,
  attrs TEXT,                       -- JSON, as the stage wrote it
  PRIMARY KEY (doc_id, layer, seq),
  CHECK (0 <= span_begin AND span_begin <= span_end)
) STRICT, WITHOUT ROWID;
CREATE INDEX annotations_by_label ON annotations (layer, label);

-- A record (or a whole input) that could not be read, or a stage that failed on a
-- document. content_hash links to the document when one was stored anyway.
CREATE TABLE failures (
  id INTEGER PRIMARY KEY,
  input_path TEXT NOT NULL,
  record_offset INTEGER NOT NULL CHECK (record_offset >= 0),
  stage TEXT NOT NULL,
  code TEXT NOT NULL,               -- CodeName(): "encoding", "truncated", ...
  byte_offset INTEGER,              -- where in the file the problem is, when known
  message TEXT NOT NULL,
  content_hash TEXT,
  created_at TEXT NOT NULL
) STRICT;
-- The same failure of the same record is stored once, so re-ingest adds nothing.
CREATE UNIQUE INDEX failures_once
  ON failures (input_path, record_offset, stage, code, ifnull(byte_offset, -1), message);
CREATE INDEX failures_by_content_hash ON failures (content_hash);

-- Full-text search over title and text. External content: the text lives only in
-- `documents`. New documents are indexed by WriteBatch itself, in the same statement
-- order and transaction: an AFTER INSERT trigger cost four times the CPU (FTS5 opens a
-- savepoint per triggered statement). Deletes and updates, which are rare, use triggers.
CREATE VIRTUAL TABLE documents_fts USING fts5 (
  title, clean_text,
  content = 'documents', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, title, clean_text)
    VALUES ('delete', old.id, old.title, old.clean_text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, clean_text ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, title, clean_text)
    VALUES ('delete', old.id, old.title, old.clean_text);
  INSERT INTO documents_fts (rowid, title, clean_text) VALUES (new.id, new.title, new.clean_text);
END;

-- Stories: documents about the same happening, grouped by consolidation.
CREATE TABLE stories (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE TABLE story_documents (
  story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  PRIMARY KEY (story_id, doc_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX story_documents_by_doc ON story_documents (doc_id);

-- Events in the spirit of GDELT: one row per coded event, one mention row per
-- document sentence that reports it.
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL,               -- ISO 8601, as precise as known
  date_precision TEXT CHECK (date_precision IN ('year', 'month', 'day', 'minute', 'second')),
  type TEXT NOT NULL,               -- PLOVER event type
  mode TEXT,                        -- PLOVER mode
  context TEXT,                     -- PLOVER context(s)
  cameo TEXT,                       -- CAMEO code, for GDELT-style exports
  quad_class INTEGER CHECK (quad_class BETWEEN 1 AND 4),
  goldstein REAL CHECK (goldstein BETWEEN -10 AND 10),
  source_actor TEXT,                -- actor codes, e.g. PAKGOV
  target_actor TEXT,
  place TEXT,
  latitude REAL CHECK (latitude BETWEEN -90 AND 90),
  longitude REAL CHECK (longitude BETWEEN -180 AND 180),
  confidence REAL CHECK (confidence BETWEEN 0 AND 1),
  story_id INTEGER REFERENCES stories (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX events_by_date ON events (date);
CREATE INDEX events_by_type ON events (type);
CREATE INDEX events_by_source_actor ON events (source_actor);
CREATE INDEX events_by_target_actor ON events (target_actor);
CREATE INDEX events_by_story ON events (story_id);

CREATE TABLE event_mentions (
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  sentence_begin INTEGER,           -- clean-text bytes of the sentence
  sentence_end INTEGER,
  evidence_begin INTEGER NOT NULL,  -- clean-text bytes of the evidence
  evidence_end INTEGER NOT NULL,
  confidence REAL CHECK (confidence BETWEEN 0 AND 1),
  PRIMARY KEY (event_id, doc_id, evidence_begin, evidence_end),
  CHECK (0 <= evidence_begin AND evidence_begin <= evidence_end)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_mentions_by_doc ON event_mentions (doc_id);
)sql";

// Version 2: the language core's tokens and sentences, which Doc keeps apart from its
// named layers. One JSON array per document rather than a row per token: they are
// read and written with their document, never queried one by one, and a corpus of a
// million articles would otherwise need half a billion rows.
constexpr std::string_view kVersion2 = R"sql(
-- [[begin, end, upos, xpos, lemma, head, deprel, space_after], ...]; head -1 for a root
ALTER TABLE documents ADD COLUMN tokens TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tokens));
-- [[begin, end, token_begin, token_end], ...]
ALTER TABLE documents ADD COLUMN sentences TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(sentences));
)sql";

// Version 3: the analyst's desk. Where and how bad (country, province, casualties, a
// places table), who (named actors with their roles over time, linked to events), the
// review state of an event, and the corrections layer: every analyst's change with who,
// when, what it replaced and the evidence that finds the event again after re-coding.
// Compound indexes serve the desk's filtered lists, newest first, on a million events.
constexpr std::string_view kVersion3 = R"sql(
CREATE TABLE places (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  country TEXT,                     -- ISO 3166-1 alpha-3
  admin1 TEXT,                      -- province, state
  latitude REAL CHECK (latitude BETWEEN -90 AND 90),
  longitude REAL CHECK (longitude BETWEEN -180 AND 180),
  feature TEXT,                     -- country, admin1, city, site
  geonameid INTEGER,
  UNIQUE (name, country, admin1)
) STRICT;

ALTER TABLE events ADD COLUMN country TEXT;   -- ISO 3166-1 alpha-3 of where it happened
ALTER TABLE events ADD COLUMN admin1 TEXT;    -- province, state
ALTER TABLE events ADD COLUMN place_id INTEGER REFERENCES places (id) ON DELETE SET NULL;
ALTER TABLE events ADD COLUMN killed INTEGER CHECK (killed >= 0);
ALTER TABLE events ADD COLUMN injured INTEGER CHECK (injured >= 0);
-- coded: as the coder left it; corrected: changed by an analyst; wrong: rejected by an
-- analyst; merged: the same happening as event merged_into. Lists hide wrong and merged.
ALTER TABLE events ADD COLUMN status TEXT NOT NULL DEFAULT 'coded'
  CHECK (status IN ('coded', 'corrected', 'wrong', 'merged'));
ALTER TABLE events ADD COLUMN merged_into INTEGER REFERENCES events (id) ON DELETE SET NULL;
-- Who made the row: the coder, an analyst (a split), the synthetic-data generator of
-- the benchmarks, or a test fixture. Only 'coder' rows are the coder's output.
ALTER TABLE events ADD COLUMN coded_by TEXT NOT NULL DEFAULT 'coder'
  CHECK (coded_by IN ('coder', 'analyst', 'synthetic', 'fixture'));
ALTER TABLE events ADD COLUMN cameo_root TEXT GENERATED ALWAYS AS (substr(cameo, 1, 2)) VIRTUAL;

DROP INDEX events_by_type;
DROP INDEX events_by_source_actor;
DROP INDEX events_by_target_actor;
CREATE INDEX events_by_type_date ON events (type, date);
CREATE INDEX events_by_source_date ON events (source_actor, date);
CREATE INDEX events_by_target_date ON events (target_actor, date);
CREATE INDEX events_by_country_date ON events (country, date);
CREATE INDEX events_by_cameo_root_date ON events (cameo_root, date);
CREATE INDEX events_by_latitude ON events (latitude);
CREATE INDEX events_by_merged_into ON events (merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX documents_by_source ON documents (source);

-- People and organisations. `code` is the CAMEO-style code they act under (PAKGOV);
-- a person's roles say which code they carried when.
CREATE TABLE actors (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'organization' CHECK (kind IN ('person', 'organization', 'country', 'group')),
  country TEXT,                     -- ISO 3166-1 alpha-3
  -- As for events: who made the row. Only 'coder' rows are the coder's output.
  added_by TEXT NOT NULL DEFAULT 'coder' CHECK (added_by IN ('coder', 'analyst', 'synthetic', 'fixture')),
  UNIQUE (code, name)
) STRICT;
CREATE TABLE actor_roles (
  id INTEGER PRIMARY KEY,
  actor_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
  role TEXT NOT NULL,               -- "Foreign Minister"
  code TEXT,                        -- the actor code the role carries
  start_date TEXT,                  -- ISO dates; NULL when unknown or still held
  end_date TEXT,
  doc_id INTEGER REFERENCES documents (id) ON DELETE SET NULL  -- where it was read
) STRICT;
CREATE INDEX actor_roles_by_actor ON actor_roles (actor_id);
CREATE INDEX actor_roles_by_code ON actor_roles (code);
CREATE TABLE event_actors (
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  actor_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('source', 'target')),
  PRIMARY KEY (event_id, actor_id, role)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_actors_by_actor ON event_actors (actor_id, event_id);

-- The corrections layer. No foreign key to events: a correction outlives the event row
-- it was made on, and is replayed onto the event re-coded from the same evidence.
CREATE TABLE corrections (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL,        -- the event as it was numbered when corrected
  action TEXT NOT NULL
    CHECK (action IN ('mark_wrong', 'restore', 'set_type', 'set_actors', 'set_date', 'merge', 'split')),
  payload TEXT NOT NULL CHECK (json_valid(payload)),  -- the new values (desk.h)
  replaced TEXT NOT NULL CHECK (json_valid(replaced)),  -- the values replaced
  anchor TEXT NOT NULL CHECK (json_valid(anchor)),    -- [[text_hash, begin, end], ...]
  result_event INTEGER,             -- split: the event made
  author TEXT NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX corrections_by_event ON corrections (event_id);
-- One row per evidence span of a correction's anchor: how re-coded events find theirs.
CREATE TABLE correction_anchors (
  text_hash TEXT NOT NULL,
  evidence_begin INTEGER NOT NULL,
  evidence_end INTEGER NOT NULL,
  correction_id INTEGER NOT NULL REFERENCES corrections (id) ON DELETE CASCADE,
  PRIMARY KEY (text_hash, evidence_begin, evidence_end, correction_id)
) STRICT, WITHOUT ROWID;
)sql";

// Version 4: consolidation writes its event merges back. A merge it made is marked as
// its own (merged_by), so the next run can undo and redo its merges without touching an
// analyst's, and says why (merge_note: the story, the key and the dates compared), which
// is what `sitrep explain` shows.
constexpr std::string_view kVersion4 = R"sql(
ALTER TABLE events ADD COLUMN merged_by TEXT CHECK (merged_by IN ('consolidation'));
ALTER TABLE events ADD COLUMN merge_note TEXT CHECK (merge_note IS NULL OR json_valid(merge_note));
CREATE INDEX events_by_merged_by ON events (merged_by) WHERE merged_by IS NOT NULL;
)sql";

constexpr Migration kMigrations[] = {
    {1, "documents, annotations, failures, full-text search, events, stories", kVersion1},
    {2, "tokens and sentences of the language core", kVersion2},
    {3, "the analyst's desk: places, actors and roles, review state, corrections", kVersion3},
    {4, "event merges of consolidation, with their reasons", kVersion4},
};

// What the header and the schema table of a file say about it.
struct FileFacts {
  int64_t application_id = 0;
  int64_t user_version = 0;
  int64_t schema_objects = 0;  // tables, indexes, triggers, views
};

constexpr std::string_view kReadFacts =
    "SELECT (SELECT application_id FROM pragma_application_id),"
    " (SELECT user_version FROM pragma_user_version),"
    " (SELECT count(*) FROM sqlite_schema)";

Status NotSqlite(const SqliteDb& db) {
  return Status(Code::kStore, fmt::format("{} is not a SQLite database, so it cannot be a sitrep store",
                                          db.path()));
}

// The first read of the file: where a file that is not SQLite shows itself, as
// SQLITE_NOTADB from either the prepare (which reads the schema) or the step.
Result<FileFacts> ReadFacts(SqliteDb& db) {
  Result<Statement> stmt = db.Prepare(kReadFacts);
  if (!stmt.ok()) {
    if (sqlite3_errcode(db.handle()) == SQLITE_NOTADB) return NotSqlite(db);
    return stmt.status();
  }
  Result<bool> row = stmt->Step();
  if (!row.ok()) return stmt->last_error() == SQLITE_NOTADB ? NotSqlite(db) : row.status();
  return FileFacts{stmt->Int(0), stmt->Int(1), stmt->Int(2)};
}

[[maybe_unused]] bool StepsAreInOrder(std::span<const Migration> steps) {
  for (size_t i = 0; i < steps.size(); ++i)
    if (steps[i].version != static_cast<int>(i) + 1) return false;
  return true;
}

Status ApplyStep(SqliteDb& db, const Migration& step) {
  Result<Transaction> tx = Transaction::Begin(db);
  if (!tx.ok()) return tx.status();
  // Another process may have run this step while we waited for the write lock.
  Result<int64_t> version = db.QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.status();
  if (*version >= step.version) return Status::Ok();

  Status status = db.Exec(step.sql);
  if (status.ok())
    status = db.Exec(fmt::format("PRAGMA application_id = {}; PRAGMA user_version = {};", kApplicationId,
                                 step.version));
  if (status.ok()) status = tx->Commit();
  if (status.ok()) return status;
  return Status(Code::kStore, fmt::format("{}: upgrading the store to schema version {} ({}) failed: {}",
                                          db.path(), step.version, step.summary, status.message()));
}

}  // namespace

std::span<const Migration> Migrations() { return kMigrations; }

int LatestSchemaVersion() { return static_cast<int>(std::size(kMigrations)); }

Status VerifyStoreFile(SqliteDb& db, std::span<const Migration> steps) {
  assert(StepsAreInOrder(steps));
  Result<FileFacts> facts = ReadFacts(db);
  if (!facts.ok()) return facts.status();
  const auto latest = static_cast<int64_t>(steps.size());

  if (facts->application_id == 0) {
    if (facts->schema_objects == 0 && facts->user_version == 0) return Status::Ok();  // new file
    return Status(Code::kStore,
                  fmt::format("{} is a SQLite database but not a sitrep store: it has tables and no "
                              "sitrep marker (application_id 0)",
                              db.path()));
  }
  if (facts->application_id != kApplicationId) {
    return Status(Code::kStore, fmt::format("{} is a SQLite database of another application "
                                            "(application_id {:#010x}), not a sitrep store",
                                            db.path(), static_cast<uint32_t>(facts->application_id)));
  }
  if (facts->user_version > latest) {
    return Status(Code::kStore, fmt::format("{} is a sitrep store of schema version {}, newer than the {} "
                                            "this sitrep knows: use a newer sitrep",
                                            db.path(), facts->user_version, latest));
  }
  return Status::Ok();
}

Status Migrate(SqliteDb& db, std::span<const Migration> steps) {
  Result<int64_t> version = db.QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.status();
  for (const Migration& step : steps) {
    if (step.version <= *version) continue;
    SITREP_RETURN_IF_ERROR(ApplyStep(db, step));
  }
  return Status::Ok();
}

}  // namespace sitrep::sqlite
