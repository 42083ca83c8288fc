// The store: where documents, their annotations, failures and events are kept.
//
// One interface, more than one engine: an embedded SQLite file by default (a plain
// path), PostgreSQL for shared use later (a postgresql:// URI). Writes come in batches,
// one transaction each, so a crash leaves only whole batches behind.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/desk.h"
#include "sitrep/doc.h"
#include "sitrep/pipeline.h"
#include "sitrep/status.h"

namespace sitrep {

struct BatchStats {
  uint64_t added = 0;       // new documents
  uint64_t revisions = 0;   // new versions of a URL already stored (counted in added too)
  uint64_t unchanged = 0;   // same content hash as a stored document: nothing written
  uint64_t failures = 0;    // failure rows written
  BatchStats& operator+=(const BatchStats& o) {
    added += o.added, revisions += o.revisions, unchanged += o.unchanged, failures += o.failures;
    return *this;
  }
};

struct StoredDoc {
  int64_t id = 0;
  int revision = 1;           // 1 for the first version of a URL, 2 for the next, ...
  std::optional<int64_t> previous;  // the earlier revision of the same URL
  std::string ingested_at;    // UTC, ISO 8601
  Doc doc;
};

struct FailureRow {
  int64_t id = 0;
  std::string path;
  uint64_t record_offset = 0;  // where the record starts in its file
  std::string stage;
  std::string code;
  std::optional<uint64_t> byte_offset;  // where the problem is, in the file
  std::string message;
};

struct SearchHit {
  int64_t doc_id = 0;
  std::string title;
  std::string snippet;  // with the matches in [brackets]
  double rank = 0;      // bm25 as FTS5 computes it: lower (more negative) is a better match
};

// One row of the events table with its mentions (GDELT-style: an event row, and one
// mention row per document that reports it).
struct EventMention {
  int64_t doc_id = 0;
  Span evidence;        // clean-text span of the evidence sentence
  double confidence = 0;
};
struct EventRow {
  int64_t id = 0;
  std::string date;           // ISO 8601, as precise as known
  std::string type;           // PLOVER event type
  std::string mode;
  std::string cameo;
  std::string source_actor;   // actor codes, e.g. PAKGOV
  std::string target_actor;
  std::string place;
  std::optional<double> latitude, longitude;  // none when the place is not geocoded
  double confidence = 0;
  std::vector<EventMention> mentions;
};

// A story as consolidation found it: a label that stays the same from run to run (the
// text hash of its first document) and its documents.
struct StoryRecord {
  std::string label;
  std::vector<int64_t> doc_ids;
};

// One coded event as consolidation knows it: the document and evidence span of its
// mention, and its type (one trigger can carry two events of different types).
struct EventRef {
  int64_t doc_id = 0;
  Span evidence;
  std::string type;
};

// Events that consolidation found to report one real event: `events[0]` is kept, the
// others are merged into it. `notes[i]` says why events[i] joined (JSON).
struct EventMergeGroup {
  std::vector<EventRef> events;
  std::vector<std::string> notes;
};

// A named actor taking part in a coder event: who consolidation found behind one of
// its sources or targets.
struct EventActorLink {
  EventRef event;
  int64_t actor_id = 0;
  std::string role;  // "source" or "target"
};

struct MergeWriteStats {
  uint64_t groups = 0;          // groups with more than one stored event
  uint64_t merged = 0;          // events now merged into another
  uint64_t left_to_analyst = 0; // events an analyst corrected, rejected or merged: left alone
  uint64_t not_stored = 0;      // events of a group the store has no row for (never stored)
};

struct StoreSummary {
  uint64_t documents = 0;
  uint64_t failures = 0;
  uint64_t events = 0;
  uint64_t mentions = 0;
  uint64_t stories = 0;
  int schema_version = 0;
};

// A Store is used by one thread at a time: it keeps prepared statements on its
// connection. Threads (or processes) that need the store at once each open their own;
// the engine serialises their writes.
class Store {
 public:
  virtual ~Store() = default;

  // Opens (creating and migrating as needed) the store at `where`: a file path for
  // SQLite. Fails with the path named if it is not a sitrep store or is damaged.
  // A postgresql:// or postgres:// URI opens a PostgreSQL store (store/pg/pg_store.h).
  static Result<std::unique_ptr<Store>> Open(const std::string& where);

  // Writes one batch in one transaction: documents (skipping known content hashes),
  // their annotation layers, and failure rows. A document whose non-empty URL is
  // already stored becomes its next revision. A failure already stored (same record,
  // stage, code, offset and message) is not written twice. On any error nothing of the
  // batch is kept.
  virtual Result<BatchStats> WriteBatch(std::vector<Outcome>& batch) = 0;

  // Documents matching `key`: a numeric id, a content-hash prefix of 6+ hex digits, or
  // a part of the input path or URL; tried in that order, the first kind that matches
  // anything wins. Ids ascending; empty when nothing matches.
  virtual Result<std::vector<int64_t>> FindDocuments(const std::string& key) = 0;
  // The whole document as written. kNotFound if there is none; kStore if its stored
  // bytes no longer match their hash.
  virtual Result<StoredDoc> LoadDocument(int64_t id) = 0;
  // Failure rows, oldest first; only those whose input path contains `path_part`.
  virtual Result<std::vector<FailureRow>> Failures(std::optional<std::string> path_part = {}) = 0;
  // Full-text search over titles and texts, best `limit` hits first. Plain words are all
  // required; a query with FTS5 syntax (quotes, parentheses, *, ^, AND/OR/NOT/NEAR) is
  // used as written, and a malformed one is kInvalidArgument.
  virtual Result<std::vector<SearchHit>> Search(const std::string& query, int limit) = 0;
  // The newest `limit` events (by date, then id), each with its mentions; all if < 0.
  virtual Result<std::vector<EventRow>> Events(int limit) = 0;
  virtual Result<StoreSummary> Summary() = 0;

  // Runs the engine's own consistency check ("ok" when sound).
  virtual Result<std::string> IntegrityCheck() = 0;

  // ---- The analyst's desk (desk.h): queries over events, actors, places, stories ----
  // All reads; filters are bound as parameters, never spliced into SQL. A malformed
  // filter (bad date, FTS5 syntax error, half a place filter) is kInvalidArgument.

  // A store that refuses every write on this connection: for the server's readers.
  static Result<std::unique_ptr<Store>> OpenReadOnly(const std::string& where);

  // A number that changes whenever another connection has committed to the store since
  // this one last asked: how a server knows that its cached answers are stale.
  virtual Result<int64_t> DataVersion() = 0;
  // Events matching `filter`, newest first (date, then id), one page of them.
  virtual Result<EventPage> QueryEvents(const EventFilter& filter, const Page& page) = 0;
  // One event with corrections applied; kNotFound if there is none.
  virtual Result<DeskEvent> GetEvent(int64_t id) = 0;
  // Its mentions, and those of the events merged into it, with their documents.
  virtual Result<std::vector<DeskMention>> EventMentions(int64_t id) = 0;
  // Every matching event in id order, one at a time (constant memory): for exports.
  // Stops early, without error, when `fn` returns false.
  virtual Status ForEachEvent(const EventFilter& filter, const std::function<bool(const DeskEvent&)>& fn) = 0;
  // Counts by `bucket` ("day", "week": the Monday it starts, or "month"), broken down by
  // type and/or country as `by_type` and `by_country` ask (empty fields otherwise).
  virtual Result<std::vector<CountCell>> CountEvents(const EventFilter& filter, const std::string& bucket,
                                                     bool by_type, bool by_country) = 0;
  // Killed and injured by country, province (admin1) and month.
  virtual Result<std::vector<CasualtyCell>> Casualties(const EventFilter& filter) = 0;
  // Actor-code pairs with their event counts by quad class, busiest `limit` first.
  virtual Result<std::vector<NetworkEdge>> ActorNetwork(const EventFilter& filter, int limit) = 0;
  // Event counts by place, busiest `limit` first.
  virtual Result<std::vector<PlaceCell>> Places(const EventFilter& filter, int limit) = 0;
  // Named actors whose name or code contains `query` (all when empty), by name.
  virtual Result<std::vector<Actor>> ListActors(const std::string& query, const Page& page) = 0;
  virtual Result<Actor> GetActor(int64_t id) = 0;
  virtual Result<ActorCode> GetActorCode(const std::string& code) = 0;
  virtual Result<std::vector<Story>> ListStories(const Page& page) = 0;
  virtual Result<Story> GetStory(int64_t id) = 0;
  // Documents, newest first; only those matching the FTS5 query `text` when given.
  virtual Result<std::vector<DocumentRow>> ListDocuments(const std::string& text, const Page& page) = 0;

  // ---- Writing events, actors and corrections ----
  // Inserts events with their mentions and actor links in one transaction, then
  // replays the stored corrections whose anchors match them, so an analyst's work
  // survives re-coding. Returns the new ids in order.
  virtual Result<std::vector<int64_t>> InsertEvents(const std::vector<NewEvent>& events) = 0;
  // The id of the actor (code, name), added with its roles if new (roles appended
  // when not yet known).
  virtual Result<int64_t> UpsertActor(const Actor& actor) = 0;
  // Applies one correction (see desk.h) in one transaction and records it with who
  // and when. kNotFound for an unknown event, kInvalidArgument for a bad action or
  // payload. Returns the stored row.
  virtual Result<Correction> Correct(const Correction& correction) = 0;
  // The corrections layer, oldest first; only those of `event_id` when given.
  virtual Status ForEachCorrection(std::optional<int64_t> event_id,
                                   const std::function<bool(const Correction&)>& fn) = 0;

  // ---- Consolidation ----
  // Replaces the stories with `stories` in one transaction. A story whose label is
  // already stored keeps its id, so events linked to it stay linked; stored stories not
  // in the list are deleted. Returns the ids in the order given. kInvalidArgument for an
  // empty label or an unknown document.
  virtual Result<std::vector<int64_t>> ReplaceStories(const std::vector<StoryRecord>& stories) {
    return Status(Code::kInvalidArgument, "this store does not keep stories");
  }
  // Writes what consolidation derived again for document `doc_id` (an undated article
  // dated through its twin): its layers named in `layers` replace the stored ones, and
  // when "events" is among them its coder events are replaced by those of the new layer
  // (corrections replayed, as for InsertEvents). One transaction.
  virtual Status RewriteLayers(int64_t doc_id, const Doc& doc, const std::vector<std::string>& layers) {
    return Status(Code::kInvalidArgument, "this store cannot rewrite layers");
  }
  // Replaces consolidation's event merges with `groups` in one transaction: the merges
  // of the last run are undone, then in each group the coder events still as coded are
  // merged into the first event that is not rejected or merged, each with its note.
  // An analyst's merge or correction is never undone or overridden. Every coder event
  // also gets the story of its document (ReplaceStories first).
  virtual Result<MergeWriteStats> WriteEventMerges(const std::vector<EventMergeGroup>& groups) {
    return Status(Code::kInvalidArgument, "this store does not keep event merges");
  }
  // Replaces the links between coder events and actors with `links`, in one transaction
  // (events of analysts and fixtures keep theirs). Returns how many were stored; a link
  // to an event the store has no row for is skipped.
  virtual Result<uint64_t> WriteEventActors(const std::vector<EventActorLink>& links) {
    return Status(Code::kInvalidArgument, "this store does not link events to actors");
  }

 protected:
  // The part of GetActorCode every engine does alike: given the counts and members it
  // read, adds the busiest partners (ActorNetwork) and each member's roles (GetActor);
  // kNotFound when nothing has the code.
  Result<ActorCode> CompleteActorCode(ActorCode code);
};

}  // namespace sitrep
