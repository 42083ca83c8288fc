// The PostgreSQL engine behind sitrep::Store: the tables of the SQLite store
// (pg_schema.cc) on a server that many workers write to at once. docs/postgres.md
// argues the design; store.h is the contract of each call.
//
// Thread safety: a PgStore is one connection, used by one thread at a time. Writers in
// other threads or processes open their own; the server, row locks and the advisory
// locks taken by WriteBatch serialise them where they must be.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/store.h"

// pqxx::connection is an alias of a template, which cannot be declared ahead.
#include <pqxx/binarystring>
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
  // Runs `body` in one read-committed transaction, committing when it returns OK.
  // A deadlock or serialization failure (another writer got in the way) runs it again
  // from the start, a few times; any other server error becomes a Status naming `what`.
  Status InTransaction(std::string_view what, const std::function<Status(pqxx::dbtransaction&)>& body);
  // A server error as a Status naming `what` and the store.
  Status Failed(std::string_view what, const std::exception& error) const;

  // Writing (pg_store.cc), inside the batch's transaction: the new documents gathered
  // in `documents`, in one statement.
  struct BatchLookup;
  class DocumentArrays;
  Status WriteDocuments(pqxx::dbtransaction& tx, DocumentArrays& documents, BatchLookup* lookup, BatchStats* stats);
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
  uint32_t layer_row_type_ = 0;  // annotation_layers' row type, once a batch has looked it up
};

// Text for a PostgreSQL text column: PostgreSQL refuses invalid UTF-8 and NUL where
// SQLite stores them, so bad bytes become U+FFFD and NULs are left out.
std::string PgText(std::string_view text);

// The time of a write, UTC, ISO 8601: the same form the SQLite store writes.
std::string UtcNow();

// A one-dimensional array parameter in PostgreSQL's binary array format (what the
// server's array_recv reads): a column of many rows, so that they go to the server in one
// statement (INSERT ... SELECT FROM unnest($1::integer[], ...)) instead of one round trip
// each. Binary, so the server copies the elements in instead of parsing an array literal
// (array_in was a seventh of a write's server time), and the client writes no quotes or
// escapes. The statement must give the parameter its type, `$1::integer[]`, and the
// element type here must be that type's: the server refuses any other.
class PgArray {
 public:
  enum class Of : uint32_t {
    kBool = 16, kBytea = 17, kBigint = 20, kInteger = 23, kText = 25, kJson = 114, kFloat8 = 701, kTsvector = 3614
  };
  explicit PgArray(Of type);

  // A type known only at run time, such as a table's row type (PgRecord), by its oid.
  static Of Oid(uint32_t oid) { return static_cast<Of>(oid); }

  // kText and kJson as they are (pass PgText() for text from outside); any other type
  // not listed (kBytea, kTsvector, a row) in its binary form.
  void Add(std::string_view bytes);
  void Add(int64_t number);         // kBigint, or kInteger when it fits (spans: PostgreSQL's values stop at 1 GB)
  void Add(double number);          // kFloat8
  void AddBool(bool value);         // kBool
  void AddNull();
  size_t size() const { return size_; }
  // Room for elements of `element_bytes` in all, each counting 4 bytes of length.
  void Reserve(size_t element_bytes);
  // The array's bytes, to pass as a binary parameter (pqxx::binarystring); the array
  // is empty again.
  std::string Take();

 private:
  static constexpr size_t kHeader = 20;  // written by Take, when the length is known
  void Begin() {
    if (out_.empty()) out_.resize(kHeader);
  }
  void Element(const void* bytes, uint32_t n);
  Of type_;
  size_t size_ = 0;
  bool has_null_ = false;
  std::string out_;  // the header's place, then the elements
};

// A row of a table in PostgreSQL's binary format (what the server's record_recv reads),
// to send as an element of an array of the table's row type: every column, in the
// table's order, with its type's oid.
class PgRecord {
 public:
  static constexpr uint32_t kBigint = 20, kText = 25, kIntegerArray = 1007, kTextArray = 1009;
  explicit PgRecord(uint32_t columns);
  void Add(uint32_t type, std::string_view bytes);  // the value in its type's binary form
  void Add(int64_t bigint);
  void AddNull(uint32_t type);
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

// Events with their mentions and actor links, one binary array per column, for the
// statement EventInsertCtes writes (pg_store_events.cc). A mention and an actor link
// name their event by its place in the list (1, 2, ...): the ids are taken from the
// events' sequence inside the statement.
struct EventArrays {
  // Adds `event` at place size() + 1. In a statement of documents, `doc_place` is its
  // document's place among them, and the mentions' own doc ids are not sent.
  void Add(const NewEvent& event, const std::string& now, std::optional<int64_t> doc_place);
  size_t size() const { return size_; }
  // The parameters, in EventInsertCtes' order: with `in_documents_statement`, the
  // events' document places first and no mention doc ids.
  std::vector<pqxx::binarystring> Take(bool in_documents_statement);

  using Of = PgArray::Of;
  PgArray doc_places{Of::kBigint};
  PgArray date{Of::kText}, precision{Of::kText}, type{Of::kText}, mode{Of::kText}, context{Of::kText},
      cameo{Of::kText}, quad{Of::kInteger}, goldstein{Of::kFloat8}, source{Of::kText}, target{Of::kText},
      place{Of::kText}, country{Of::kText}, admin1{Of::kText}, latitude{Of::kFloat8}, longitude{Of::kFloat8},
      killed{Of::kBigint}, injured{Of::kBigint}, confidence{Of::kFloat8}, story{Of::kBigint}, coded_by{Of::kText},
      created_at{Of::kText};
  PgArray mention_event{Of::kBigint}, doc{Of::kBigint}, sentence_begin{Of::kBigint}, sentence_end{Of::kBigint},
      evidence_begin{Of::kBigint}, evidence_end{Of::kBigint}, mention_confidence{Of::kFloat8};
  PgArray actor_event{Of::kBigint}, actor{Of::kBigint}, role{Of::kText};

 private:
  size_t size_ = 0;
};

// The CTEs `i, e, m, x` that insert EventArrays read from parameters $first onwards;
// `i` holds the events' places `n` and their ids. Standalone (`docs` empty), each
// mention names its document. Otherwise `docs` is a CTE of the documents the statement
// inserted, (doc, id) by their places: an event goes in only with its document, and its
// mentions are that document's.
std::string EventInsertCtes(int first, std::string_view docs);

}  // namespace sitrep::pg
