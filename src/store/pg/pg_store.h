// The PostgreSQL engine behind sitrep::Store: the tables of the SQLite store
// (pg_schema.cc) on a server that many workers write to at once. docs/postgres.md
// argues the design; store.h is the contract of each call.
//
// Thread safety: a PgStore is one connection, used by one thread at a time. Writers in
// other threads or processes open their own; the server, row locks and the advisory
// locks taken by WriteBatch serialise them where they must be.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/store.h"

// pqxx::connection is an alias of a template, which cannot be declared ahead.
#include <pqxx/connection>

namespace pqxx {
class dbtransaction;
}  // namespace pqxx

namespace sitrep::pg {

// Opens the store at `uri` (postgresql://... or postgres://...), creating and migrating
// its tables unless `read_only`, in which case the connection refuses every write and
// a store that is missing or out of date is an error. Errors name the URI without its
// password.
Result<std::unique_ptr<Store>> OpenPgStore(const std::string& uri, bool read_only = false);

class PgStore final : public Store {
 public:
  PgStore(std::unique_ptr<pqxx::connection> conn, std::string shown_uri);
  ~PgStore() override;

  // Writing documents (pg_store.cc).
  Result<BatchStats> WriteBatch(std::vector<Outcome>& batch) override;

  // Reading (pg_store_read.cc).
  Result<std::vector<int64_t>> FindDocuments(const std::string& key) override;
  Result<StoredDoc> LoadDocument(int64_t id) override;
  Result<std::vector<FailureRow>> Failures(std::optional<std::string> path_part) override;
  Result<std::vector<SearchHit>> Search(const std::string& query, int limit) override;
  Result<std::vector<EventRow>> Events(int limit) override;
  Result<StoreSummary> Summary() override;
  Result<std::string> IntegrityCheck() override;
  Result<int64_t> DataVersion() override;
  Result<std::vector<DocumentRow>> ListDocuments(const std::string& text, const Page& page) override;

  // Events, actors, stories (pg_store_events.cc).
  Result<std::vector<int64_t>> InsertEvents(const std::vector<NewEvent>& events) override;
  Result<int64_t> UpsertActor(const Actor& actor) override;
  Result<std::vector<int64_t>> ReplaceStories(const std::vector<StoryRecord>& stories) override;
  Result<std::vector<Story>> ListStories(const Page& page) override;
  Result<Story> GetStory(int64_t id) override;

  // One event, its mentions and its corrections (pg_store_desk.cc).
  Result<DeskEvent> GetEvent(int64_t id) override;
  Result<std::vector<DeskMention>> EventMentions(int64_t id) override;
  Status ForEachCorrection(std::optional<int64_t> event_id,
                           const std::function<bool(const Correction&)>& fn) override;
  // The desk's lists, aggregates and actors (pg_store_query.cc).
  Result<EventPage> QueryEvents(const EventFilter& filter, const Page& page) override;
  Status ForEachEvent(const EventFilter& filter, const std::function<bool(const DeskEvent&)>& fn) override;
  Result<std::vector<CountCell>> CountEvents(const EventFilter& filter, const std::string& bucket, bool by_type,
                                             bool by_country) override;
  Result<std::vector<CasualtyCell>> Casualties(const EventFilter& filter) override;
  Result<std::vector<NetworkEdge>> ActorNetwork(const EventFilter& filter, int limit) override;
  Result<std::vector<PlaceCell>> Places(const EventFilter& filter, int limit) override;
  Result<std::vector<Actor>> ListActors(const std::string& query, const Page& page) override;
  Result<Actor> GetActor(int64_t id) override;
  Result<ActorCode> GetActorCode(const std::string& code) override;
  // Corrections (pg_store_review.cc).
  Result<Correction> Correct(const Correction& correction) override;
  // Consolidation's write-back (pg_store_merges.cc).
  Status RewriteLayers(int64_t doc_id, const Doc& doc, const std::vector<std::string>& layers) override;
  Result<MergeWriteStats> WriteEventMerges(const std::vector<EventMergeGroup>& groups) override;
  Result<uint64_t> WriteEventActors(const std::vector<EventActorLink>& links) override;

  const std::string& shown_uri() const { return shown_uri_; }

 private:
  enum class Written { kAdded, kRevision, kUnchanged };

  // Runs `body` in one read-committed transaction, committing when it returns OK.
  // A deadlock or serialization failure (another writer got in the way) runs it again
  // from the start, a few times; any other server error becomes a Status naming `what`.
  Status InTransaction(std::string_view what, const std::function<Status(pqxx::dbtransaction&)>& body);
  // A server error as a Status naming `what` and the store.
  Status Failed(std::string_view what, const std::exception& error) const;

  // Writing (pg_store.cc), inside the batch's transaction.
  Status WriteOutcome(pqxx::dbtransaction& tx, const Outcome& outcome, const std::string& now, BatchStats* stats);
  Result<Written> WriteDocument(pqxx::dbtransaction& tx, const Doc& doc, const std::string& now);
  bool InsertFailure(pqxx::dbtransaction& tx, const Failure& failure, const std::string& content_hash,
                     const std::string& now);
  // Events with their mentions and actor links (pg_store_events.cc).
  Result<std::vector<int64_t>> WriteEvents(pqxx::dbtransaction& tx, const std::vector<NewEvent>& events,
                                           bool drop_invalid);

  // Applies the stored corrections whose anchors match `new_events` to them, in the
  // caller's transaction (pg_store_review.cc): an analyst's work survives re-coding.
  Status ReplayCorrections(pqxx::dbtransaction& tx, const std::vector<int64_t>& new_events);

  // Reading (pg_store_read.cc).
  Result<std::vector<EventMention>> LoadMentions(pqxx::dbtransaction& tx, int64_t event_id);
  Status LoadAnnotations(pqxx::dbtransaction& tx, int64_t id, const std::vector<std::string>& layer_names,
                         Doc* doc);
  Status Damaged(int64_t id, std::string_view why) const;

  std::unique_ptr<pqxx::connection> conn_;
  std::string shown_uri_;  // the URI without its password
};

// Text for a PostgreSQL text column: PostgreSQL refuses invalid UTF-8 and NUL where
// SQLite stores them, so bad bytes become U+FFFD and NULs are left out.
std::string PgText(std::string_view text);

// The time of a write, UTC, ISO 8601: the same form the SQLite store writes.
std::string UtcNow();

// An array literal ('{"a","b",NULL}', '{1,2}') for a text[], bigint[] or float8[]
// parameter: a column of many rows, so that they go to the server in one statement
// (INSERT ... SELECT FROM unnest($1::text[], ...)) instead of one round trip each.
class PgArray {
 public:
  void Add(std::string_view text);  // as it is: pass PgText() for text from outside
  void Add(int64_t number);
  void Add(double number);          // the shortest form that reads back as the same double
  void AddNull();
  std::string Take() { return std::move(out_) + "}"; }

 private:
  void Separate() { out_ += out_.size() > 1 ? "," : ""; }
  std::string out_ = "{";
};

}  // namespace sitrep::pg
