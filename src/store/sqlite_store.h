// The SQLite engine behind sitrep::Store: one file, WAL journal, the schema of
// schema.cc. See store.h for the contract of each call.
//
// Thread safety: a SqliteStore is used by one thread at a time (its connection caches
// prepared statements). Several stores, in one process or many, may open the same
// file: SQLite's locks serialise their writes, and a writer waits up to the busy
// timeout before giving up.
#pragma once

#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "sitrep/store.h"
#include "store/schema.h"
#include "store/sqlite_db.h"

namespace sitrep::sqlite {

// How long a statement waits for another connection's lock before failing with "busy".
inline constexpr int kBusyTimeoutMs = 10'000;

// Opens the store file at `path`: see Store::Open. `steps` is the schema to migrate to;
// tests pass their own list to exercise upgrades.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               std::span<const Migration> steps = Migrations());

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(std::unique_ptr<SqliteDb> db) : db_(std::move(db)) {}

  Result<BatchStats> WriteBatch(std::vector<Outcome>& batch) override;
  Result<std::vector<int64_t>> FindDocuments(const std::string& key) override;
  Result<StoredDoc> LoadDocument(int64_t id) override;
  Result<std::vector<FailureRow>> Failures(std::optional<std::string> path_part) override;
  Result<std::vector<SearchHit>> Search(const std::string& query, int limit) override;
  Result<std::vector<EventRow>> Events(int limit) override;
  Result<StoreSummary> Summary() override;
  Result<std::string> IntegrityCheck() override;

  // The analyst's desk: queries (sqlite_store_query.cc), events, actors and
  // corrections (sqlite_store_review.cc).
  Result<int64_t> DataVersion() override;
  Result<EventPage> QueryEvents(const EventFilter& filter, const Page& page) override;
  Result<DeskEvent> GetEvent(int64_t id) override;
  Result<std::vector<DeskMention>> EventMentions(int64_t id) override;
  Status ForEachEvent(const EventFilter& filter, const std::function<bool(const DeskEvent&)>& fn) override;
  Result<std::vector<CountCell>> CountEvents(const EventFilter& filter, const std::string& bucket, bool by_type,
                                             bool by_country) override;
  Result<std::vector<CasualtyCell>> Casualties(const EventFilter& filter) override;
  Result<std::vector<NetworkEdge>> ActorNetwork(const EventFilter& filter, int limit) override;
  Result<std::vector<PlaceCell>> Places(const EventFilter& filter, int limit) override;
  Result<std::vector<Actor>> ListActors(const std::string& query, const Page& page) override;
  Result<Actor> GetActor(int64_t id) override;
  Result<ActorCode> GetActorCode(const std::string& code) override;
  Result<std::vector<Story>> ListStories(const Page& page) override;
  Result<Story> GetStory(int64_t id) override;
  Result<std::vector<DocumentRow>> ListDocuments(const std::string& text, const Page& page) override;
  Result<std::vector<int64_t>> InsertEvents(const std::vector<NewEvent>& events) override;
  Result<int64_t> UpsertActor(const Actor& actor) override;
  Result<Correction> Correct(const Correction& correction) override;
  Status ForEachCorrection(std::optional<int64_t> event_id,
                           const std::function<bool(const Correction&)>& fn) override;
  // Makes this connection refuse writes and read with a larger cache (Store::OpenReadOnly).
  Result<std::vector<int64_t>> ReplaceStories(const std::vector<StoryRecord>& stories) override;
  // Consolidation's write-back (sqlite_store_merges.cc).
  Status RewriteLayers(int64_t doc_id, const Doc& doc, const std::vector<std::string>& layers) override;
  Result<MergeWriteStats> WriteEventMerges(const std::vector<EventMergeGroup>& groups) override;
  Result<uint64_t> WriteEventActors(const std::vector<EventActorLink>& links) override;

  Status MakeReadOnly();
  SqliteDb& db() { return *db_; }

 private:
  // What WriteDocument did with one document.
  enum class Written { kAdded, kRevision, kUnchanged };
  struct Revision {
    int64_t id;
    int number;
  };

  // Writing (sqlite_store.cc).
  Status WriteOutcome(const Outcome& outcome, const std::string& now, BatchStats* stats);
  Result<Written> WriteDocument(const Doc& doc, const std::string& now);
  Result<bool> IsStored(const std::string& content_hash);
  Result<std::optional<Revision>> LatestRevision(const std::string& url);
  // Adds a new document to the full-text index (see schema.cc for why not a trigger).
  Status IndexForSearch(int64_t id, const std::string& title, const std::string& text);
  Result<int64_t> InsertDocument(const Doc& doc, const std::optional<Revision>& previous,
                                 const std::string& now);
  // All its layers, or only those named in `only` when given.
  Status InsertAnnotations(int64_t doc_id, const Doc& doc, const std::vector<std::string>* only = nullptr);
  // Events with their mentions and actor links, in the caller's transaction (sqlite_store_events.cc).
  Result<std::vector<int64_t>> WriteEvents(const std::vector<NewEvent>& events, bool drop_invalid);
  Result<bool> InsertFailure(const Failure& failure, const std::string& content_hash, const std::string& now);

  // Reading (sqlite_store_read.cc).
  Result<std::vector<int64_t>> IdsById(int64_t id);
  Result<std::vector<int64_t>> IdsByHashPrefix(const std::string& prefix);  // lower-case hex
  Result<std::vector<int64_t>> IdsByPathOrUrl(const std::string& key);
  Status LoadAnnotations(int64_t id, const std::vector<std::string>& layer_names, Doc* doc);
  Result<std::vector<EventMention>> LoadMentions(int64_t event_id);
  Status Damaged(int64_t id, std::string_view why) const;

  // Corrections (sqlite_store_review.cc).
  Status ReplayCorrections(const std::vector<int64_t>& new_events);
  Status ApplyCorrection(Correction& correction, bool log);
  Status SplitEvent(Correction& correction, nlohmann::json& payload, bool log);
  Status LogCorrection(Correction& correction);
  std::optional<int64_t> FindByAnchor(const nlohmann::json& anchor, int64_t except);
  Result<std::string> AnchorOf(int64_t event_id);

  std::unique_ptr<SqliteDb> db_;
};

}  // namespace sitrep::sqlite
