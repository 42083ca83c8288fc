// The store's behaviour, the same on both engines: every test of the Engines suite runs
// once on a SQLite file and once on a database of a throwaway PostgreSQL server
// (test_postgres.h). Then what only PostgreSQL has: writers at once (documents and
// corrections), read-only connections, URIs with passwords. The exports of a real corpus
// are compared across the engines in export_engines_test.cc.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>
#include <thread>

#include "sitrep/store.h"
#include "store/doc_json.h"
#include "store/pg/pg_schema.h"
#include "store/pg/pg_search_vector.h"
#include "store/pg/pg_uri.h"
#include "store/pg/test_postgres.h"

// Filters, actors and corrections are written with designated initialisers naming only
// the fields that matter; the rest keep their defaults on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace sitrep {
namespace {

namespace fs = std::filesystem;
using pg::TestPostgres;

// ---- Documents ----

// An HTML report whose clean text is not a copy of its bytes: a tag skipped, an entity
// decoded and a paragraph break inserted, so the offset map has several pieces.
Doc MakeReport() {
  const std::string original =
      "<h1>Flood talks in Multan</h1><p>Relief &amp; water officials met in Multan on Tuesday.</p>"
      "<footer>Subscribe</footer>";
  auto at = [&](std::string_view what) { return static_cast<uint32_t>(original.find(what)); };
  CleanTextBuilder builder(original);
  const uint32_t head = at("Flood"), head_end = at("</h1>"), body = at("Relief"), amp = at("&amp;"),
                 body_end = at("</p>");
  builder.Copy(head, head_end - head);
  builder.Insert(head_end, "\n\n");
  builder.Copy(body, amp - body);
  builder.Replace(amp, 5, "&");
  builder.Copy(amp + 5, body_end - (amp + 5));
  std::string text = builder.TakeText();
  OffsetMap map = builder.TakeMap();

  Metadata meta;
  meta.title = "Flood talks in Multan";
  meta.url = "https://river.example/multan-talks";
  meta.source = "River Post";
  meta.authors = {"C. Author"};
  meta.language = "en";
  meta.published = DateTime{"2025-03-04", DateTime::Precision::kDay, std::nullopt, "meta:date"};
  Doc doc({"in/multan.html", 120, "html"}, original, text, std::move(map), std::move(meta));
  doc.set_dropped({{{at("<footer>"), static_cast<uint32_t>(original.size())}, "html: footer"}});
  const uint32_t multan = static_cast<uint32_t>(text.find("Multan on"));
  doc.SetLayer("entity", {{{multan, multan + 6}, "LOC", R"({"country":"PAK"})"}, {{multan, multan + 6}, "GPE", ""}});
  doc.SetLayer("quote", {});  // ran and found nothing: must come back as an empty layer
  doc.mutable_tokens() = {{{multan, multan + 6}, "PROPN", "NNP", "Multan", -1, "root", true}};
  doc.mutable_sentences() = {{{0, static_cast<uint32_t>(text.size())}, 0, 1}};
  return doc;
}

Doc MakeText(std::string text, std::string url = "", std::string path = "in/plain.txt") {
  Metadata meta;
  meta.url = std::move(url);
  auto size = static_cast<uint32_t>(text.size());
  return Doc({std::move(path), 0, "text"}, text, text, OffsetMap::Identity(size), std::move(meta));
}

std::vector<Outcome> Batch(std::vector<Doc> docs) {
  std::vector<Outcome> batch;
  for (Doc& doc : docs) {
    Origin origin = doc.origin();
    batch.push_back(Outcome{std::move(origin), std::move(doc), {}});
  }
  return batch;
}

Failure MakeFailure(std::string path, uint64_t record, std::string message, std::optional<uint64_t> byte_offset) {
  Status status(Code::kParse, std::move(message));
  status.At(path, byte_offset);
  return Failure{{std::move(path), record, "jsonl"}, "ingest", std::move(status)};
}

// ---- The fixture: a fresh store per test, on the engine of the parameter ----

class Engines : public ::testing::TestWithParam<std::string> {
 public:
  static void SetUpTestSuite() {
    if (!TestPostgres::Available()) return;
    Result<std::unique_ptr<TestPostgres>> started = TestPostgres::Start();
    if (started.ok()) server_ = started->release();
    else start_error_ = new std::string(started.status().message());
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "sitrep-engines-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    if (GetParam() == "sqlite") {
      where_ = (dir_ / "store.db").string();
      return;
    }
    if (!TestPostgres::Available()) GTEST_SKIP() << "no PostgreSQL server binaries in " << TestPostgres::BinDir();
    ASSERT_NE(server_, nullptr) << (start_error_ ? *start_error_ : "the server did not start");
    Result<std::string> uri = server_->NewDatabase(fmt::format("t{}", ++databases_));
    ASSERT_TRUE(uri.ok()) << uri.status().ToString();
    where_ = *uri;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<Store> Open() {
    Result<std::unique_ptr<Store>> store = Store::Open(where_);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(*store) : nullptr;
  }
  static BatchStats Write(Store& store, std::vector<Outcome> batch) {
    Result<BatchStats> stats = store.WriteBatch(batch);
    EXPECT_TRUE(stats.ok()) << stats.status().ToString();
    return stats.ok() ? *stats : BatchStats{};
  }

  static inline TestPostgres* server_ = nullptr;
  static inline std::string* start_error_ = nullptr;
  static inline int databases_ = 0;
  fs::path dir_;
  std::string where_;
};

INSTANTIATE_TEST_SUITE_P(BothEngines, Engines, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

TEST_P(Engines, ANewStoreIsAtTheLatestSchemaAndSound) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  Result<StoreSummary> summary = store->Summary();
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  // Each engine is at the last step of its own list: the logical content is the same,
  // the physical layout is not (PostgreSQL's version 5, docs/postgres.md).
  const int latest = GetParam() == std::string("postgres") ? static_cast<int>(pg::PgMigrations().size())
                                                           : sqlite::LatestSchemaVersion();
  EXPECT_EQ(summary->schema_version, latest);
  EXPECT_EQ(summary->documents, 0u);
  EXPECT_EQ(*store->IntegrityCheck(), "ok");
  // Opening again migrates nothing and keeps the version.
  EXPECT_EQ(Open()->Summary()->schema_version, latest);
}

TEST_P(Engines, RewritingABatchAddsNothing) {
  auto store = Open();
  BatchStats first = Write(*store, Batch({MakeReport(), MakeText("One."), MakeText("Two.")}));
  EXPECT_EQ(first.added, 3u);
  EXPECT_EQ(first.unchanged, 0u);
  BatchStats again = Write(*store, Batch({MakeText("Two."), MakeReport(), MakeText("One.")}));
  EXPECT_EQ(again.added, 0u);
  EXPECT_EQ(again.unchanged, 3u);
  // A duplicate inside one batch is found like any other.
  BatchStats inside = Write(*store, Batch({MakeText("Three."), MakeText("Three.")}));
  EXPECT_EQ(inside.added, 1u);
  EXPECT_EQ(inside.unchanged, 1u);
  EXPECT_EQ(store->Summary()->documents, 4u);
}

TEST_P(Engines, NewBytesAtAKnownUrlBecomeTheNextRevision) {
  auto store = Open();
  const std::string url = "https://wire.example/story";
  Write(*store, Batch({MakeText("First version.", url)}));
  BatchStats second = Write(*store, Batch({MakeText("Second version.", url), MakeText("Third version.", url)}));
  EXPECT_EQ(second.added, 2u);
  EXPECT_EQ(second.revisions, 2u);
  Result<std::vector<int64_t>> ids = store->FindDocuments("wire.example/story");
  ASSERT_TRUE(ids.ok()) << ids.status().ToString();
  ASSERT_EQ(ids->size(), 3u);
  Result<StoredDoc> third = store->LoadDocument((*ids)[2]);
  ASSERT_TRUE(third.ok()) << third.status().ToString();
  EXPECT_EQ(third->revision, 3);
  EXPECT_EQ(third->previous, (*ids)[1]);
  EXPECT_EQ(third->doc.text(), "Third version.");
  EXPECT_EQ(store->LoadDocument((*ids)[0])->previous, std::nullopt);
  EXPECT_EQ(*store->IntegrityCheck(), "ok");
}

TEST_P(Engines, FailuresAreStoredOnceWithTheirOffsets) {
  auto store = Open();
  auto batch = [] {
    std::vector<Outcome> outcomes(2);
    outcomes[0].origin = {"feeds/a.jsonl", 0, "jsonl"};
    outcomes[0].failures = {MakeFailure("feeds/a.jsonl", 0, "unterminated string", 17),
                            MakeFailure("feeds/a.jsonl", 0, "no text field", std::nullopt)};
    outcomes[1].origin = {"feeds/b.jsonl", 40, "jsonl"};
    outcomes[1].failures = {MakeFailure("feeds/b.jsonl", 40, "unterminated string", 52)};
    return outcomes;
  };
  EXPECT_EQ(Write(*store, batch()).failures, 3u);
  EXPECT_EQ(Write(*store, batch()).failures, 0u);
  Result<std::vector<FailureRow>> all = store->Failures(std::nullopt);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].path, "feeds/a.jsonl");
  EXPECT_EQ((*all)[0].byte_offset, 17u);
  EXPECT_EQ((*all)[0].code, "parse");
  EXPECT_EQ((*all)[1].byte_offset, std::nullopt);
  EXPECT_EQ((*all)[2].record_offset, 40u);
  Result<std::vector<FailureRow>> b = store->Failures(std::string("b.json"));
  ASSERT_EQ(b->size(), 1u);
  EXPECT_EQ((*b)[0].message, "unterminated string");
  EXPECT_TRUE(store->Failures(std::string("%"))->empty());  // LIKE wildcards match only themselves
}

TEST_P(Engines, ADocumentComesBackByteForByte) {
  auto store = Open();
  const Doc written = MakeReport();
  Write(*store, Batch({MakeReport()}));
  Result<std::vector<int64_t>> ids = store->FindDocuments(written.content_hash().substr(0, 8));
  ASSERT_TRUE(ids.ok() && ids->size() == 1u);
  Result<StoredDoc> stored = store->LoadDocument((*ids)[0]);
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  const Doc& doc = stored->doc;
  EXPECT_EQ(doc.original(), written.original());
  EXPECT_EQ(doc.text(), written.text());
  EXPECT_TRUE(doc.offset_map() == written.offset_map());
  EXPECT_EQ(doc.content_hash(), written.content_hash());
  EXPECT_EQ(doc.origin().path, "in/multan.html");
  EXPECT_EQ(doc.origin().offset, 120u);
  EXPECT_EQ(doc.meta().title, written.meta().title);
  EXPECT_EQ(doc.meta().authors, written.meta().authors);
  ASSERT_TRUE(doc.meta().published.has_value());
  EXPECT_EQ(doc.meta().published->iso, "2025-03-04");
  ASSERT_EQ(doc.dropped().size(), 1u);
  EXPECT_EQ(doc.dropped()[0].original, written.dropped()[0].original);
  ASSERT_NE(doc.Layer("quote"), nullptr);
  EXPECT_TRUE(doc.Layer("quote")->empty());
  ASSERT_NE(doc.Layer("entity"), nullptr);
  ASSERT_EQ(doc.Layer("entity")->size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    const Annotation &a = (*doc.Layer("entity"))[i], &b = (*written.Layer("entity"))[i];
    EXPECT_EQ(a.span, b.span);
    EXPECT_EQ(a.label, b.label);
    EXPECT_EQ(a.attrs, b.attrs);
    // The offsets still point at the same original bytes.
    EXPECT_EQ(doc.offset_map().ToOriginal(a.span), written.offset_map().ToOriginal(b.span));
  }
  ASSERT_EQ(doc.tokens().size(), 1u);
  EXPECT_EQ(doc.tokens()[0].lemma, "Multan");
  EXPECT_EQ(doc.tokens()[0].head, -1);
  ASSERT_EQ(doc.sentences().size(), 1u);
  EXPECT_EQ(store->LoadDocument(999).status().code(), Code::kNotFound);
}

TEST_P(Engines, SearchFindsWordsAndRefusesAnEmptyQuery) {
  auto store = Open();
  Write(*store, Batch({MakeReport(), MakeText("Water levels fell in Sukkur.\n\nOfficials met again."),
                       MakeText("Nothing about rivers here.")}));
  Result<std::vector<SearchHit>> hits = store->Search("officials met", 10);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 2u);
  for (const SearchHit& hit : *hits) {
    EXPECT_NE(hit.snippet.find("[met]"), std::string::npos) << hit.snippet;
    EXPECT_EQ(hit.snippet.find('\n'), std::string::npos) << hit.snippet;
  }
  hits = store->Search("Multan", 10);  // in the title and the text of the report only
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].title, "Flood talks in Multan");
  hits = store->Search("water", 10);  // in both texts, best first
  ASSERT_EQ(hits->size(), 2u);
  EXPECT_LE((*hits)[0].rank, (*hits)[1].rank);
  EXPECT_EQ(store->Search("water", 1)->size(), 1u);
  EXPECT_TRUE(store->Search("tornado", 10)->empty());
  EXPECT_EQ(store->Search("   ", 10).status().code(), Code::kInvalidArgument);
  EXPECT_EQ(store->Search("water", 0).status().code(), Code::kInvalidArgument);
  Result<std::vector<DocumentRow>> listed = store->ListDocuments("", Page{});
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  ASSERT_EQ(listed->size(), 3u);
  EXPECT_EQ((*listed)[2].title, "Flood talks in Multan");  // newest first
  EXPECT_EQ((*listed)[2].path, "in/multan.html");
  listed = store->ListDocuments("water", Page{.offset = 0, .limit = 1});
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].id, 2);
  hits = store->Search("'; DROP TABLE documents; --", 10);  // bound, never spliced
  EXPECT_EQ(store->Summary()->documents, 3u);
}

// The same search box on both engines: accents folded, phrases, prefixes, OR and
// exclusion. On PostgreSQL the query is sitrep's own tsquery over sitrep's own vector
// (store/search_query.h, pg/pg_search_vector.h); on SQLite it is FTS5's.
TEST_P(Engines, SearchFoldsAccentsAndReadsPhrasesAndPrefixes) {
  auto store = Open();
  Write(*store, Batch({MakeText("The Café in Lahore reopened after the floods."),
                       MakeText("The minister of the interior met flood victims in Sukkur.\n\nNegotiations resumed."),
                       MakeText("Cricket in Lahore: the match was abandoned.")}));
  auto ids = [&](const std::string& query) {
    Result<std::vector<SearchHit>> hits = store->Search(query, 10);
    EXPECT_TRUE(hits.ok()) << query << ": " << hits.status().ToString();
    std::vector<int64_t> out;
    if (hits.ok())
      for (const SearchHit& hit : *hits) out.push_back(hit.doc_id);
    std::sort(out.begin(), out.end());
    return out;
  };
  using Ids = std::vector<int64_t>;
  EXPECT_EQ(ids("cafe lahore"), (Ids{1}));
  EXPECT_EQ(ids("CAFÉ"), (Ids{1}));
  EXPECT_EQ(ids("\"minister of the interior\""), (Ids{2}));
  EXPECT_EQ(ids("\"interior minister\""), (Ids{}));
  EXPECT_EQ(ids("negotiat*"), (Ids{2}));
  EXPECT_EQ(ids("Lahore"), (Ids{1, 3}));
  EXPECT_EQ(ids("floods OR Sukkur"), (Ids{1, 2}));
  EXPECT_EQ(ids("Lahore NOT cricket"), (Ids{1}));
  Result<std::vector<SearchHit>> hits = store->Search("cafe", 10);
  ASSERT_TRUE(hits.ok() && hits->size() == 1u);
  EXPECT_NE((*hits)[0].snippet.find("[Café]"), std::string::npos) << (*hits)[0].snippet;
  // The desk's document list and event filter take the same query.
  Result<std::vector<DocumentRow>> listed = store->ListDocuments("negotiat*", Page{});
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].id, 2);
  for (const char* hostile : {"'", "it's", "a:* & b | !c", "\\", "\"'; DROP TABLE documents; --"}) {
    Result<std::vector<SearchHit>> any = store->Search(hostile, 10);
    if (!any.ok()) EXPECT_EQ(any.status().code(), Code::kInvalidArgument) << hostile;
  }
  EXPECT_EQ(store->Summary()->documents, 3u);
}

TEST_P(Engines, EventsComeBackWithTheirMentions) {
  auto store = Open();
  Write(*store, Batch({MakeReport()}));
  Result<int64_t> actor = store->UpsertActor(Actor{.code = "PAKGOV", .name = "Relief Office"});
  ASSERT_TRUE(actor.ok()) << actor.status().ToString();
  EXPECT_EQ(*store->UpsertActor(Actor{.code = "PAKGOV", .name = "Relief Office"}), *actor);

  NewEvent meet;
  meet.event.date = "2025-03-04";
  meet.event.type = "CONSULT";
  meet.event.source_actor = "PAKGOV";
  meet.event.place = "Multan";
  meet.event.latitude = 30.2;
  meet.event.confidence = 0.8;
  const std::string text = MakeReport().text();
  const auto body = static_cast<uint32_t>(text.find("Relief")), met = static_cast<uint32_t>(text.find("met in"));
  DeskMention mention{.doc_id = 1,
                      .sentence = {body, static_cast<uint32_t>(text.size())},
                      .evidence = {met, met + 16},
                      .confidence = 0.7};
  meet.mentions = {mention, mention};  // the same mention twice is stored once
  meet.actors = {{*actor, "source"}, {*actor, "source"}};
  NewEvent older = meet;
  older.event.date = "2025-02";
  older.event.type = "AGREE";
  older.mentions.clear();
  Result<std::vector<int64_t>> ids = store->InsertEvents({meet, older});
  ASSERT_TRUE(ids.ok()) << ids.status().ToString();
  ASSERT_EQ(ids->size(), 2u);

  Result<std::vector<EventRow>> events = store->Events(-1);
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  ASSERT_EQ(events->size(), 2u);
  const EventRow& newest = (*events)[0];
  EXPECT_EQ(newest.id, (*ids)[0]);
  EXPECT_EQ(newest.type, "CONSULT");
  EXPECT_EQ(newest.place, "Multan");
  EXPECT_DOUBLE_EQ(newest.latitude.value_or(0), 30.2);
  ASSERT_EQ(newest.mentions.size(), 1u);
  EXPECT_EQ(newest.mentions[0].evidence, (Span{met, met + 16}));
  EXPECT_EQ((*events)[1].type, "AGREE");
  EXPECT_EQ(store->Events(1)->size(), 1u);
  EXPECT_EQ(store->Summary()->mentions, 1u);
  EXPECT_EQ(*store->IntegrityCheck(), "ok");

  Result<DeskEvent> got = store->GetEvent((*ids)[0]);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->type, "CONSULT");
  EXPECT_EQ(got->date_precision, "day");
  EXPECT_EQ(got->quad_class, 1);
  EXPECT_EQ(got->latitude, 30.2);
  EXPECT_EQ(got->longitude, std::nullopt);
  EXPECT_EQ(got->mentions, 1);
  EXPECT_EQ(store->GetEvent(12345).status().code(), Code::kNotFound);
  Result<std::vector<DeskMention>> reports = store->EventMentions((*ids)[0]);
  ASSERT_TRUE(reports.ok()) << reports.status().ToString();
  ASSERT_EQ(reports->size(), 1u);
  EXPECT_EQ((*reports)[0].evidence_text, "met in Multan on");
  EXPECT_EQ((*reports)[0].title, "Flood talks in Multan");
  EXPECT_EQ((*reports)[0].doc_bytes, static_cast<int64_t>(text.size()));

  int corrections = 0;
  Status read = store->ForEachCorrection((*ids)[0], [&](const Correction&) { return ++corrections, true; });
  EXPECT_TRUE(read.ok()) << read.ToString();
  EXPECT_EQ(corrections, 0);

  NewEvent bad = meet;
  bad.event.type = "PARTY";
  EXPECT_EQ(store->InsertEvents({bad}).status().code(), Code::kInvalidArgument);
  EXPECT_EQ(store->Summary()->events, 2u);
}

// Consolidation's merges: written, then rewritten from new groups rather than stacked;
// a document's layers and coder events replaced by re-derived ones.
TEST_P(Engines, ConsolidationMergesAreRewrittenNotStacked) {
  auto store = Open();
  Write(*store, Batch({MakeText("Officials met in Multan."), MakeText("The officials met again in Multan.")}));
  auto event = [](int64_t doc, uint32_t begin) {
    NewEvent e;
    e.event.date = "2025-03-04", e.event.type = "CONSULT", e.event.source_actor = "PAKGOV";
    e.mentions = {DeskMention{.doc_id = doc, .sentence = {0, 20}, .evidence = {begin, begin + 3}, .confidence = 0.5}};
    return e;
  };
  Result<std::vector<int64_t>> ids = store->InsertEvents({event(1, 10), event(2, 14), event(2, 20)});
  ASSERT_TRUE(ids.ok()) << ids.status().ToString();
  const int64_t a = (*ids)[0], b = (*ids)[1], c = (*ids)[2];
  auto ref = [](int64_t doc, uint32_t begin) { return EventRef{doc, {begin, begin + 3}, "CONSULT"}; };

  Result<MergeWriteStats> first =
      store->WriteEventMerges({{{ref(1, 10), ref(2, 14), ref(9, 0)}, {"{}", R"({"story":"s1"})", "{}"}}});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->merged, 1u);
  EXPECT_EQ(first->not_stored, 1u);  // document 9 has no such event
  EXPECT_EQ(store->GetEvent(b)->status, "merged");
  EXPECT_EQ(store->GetEvent(b)->merged_into, a);
  EXPECT_NE(store->GetEvent(b)->merge_note.find("s1"), std::string::npos) << store->GetEvent(b)->merge_note;
  EXPECT_EQ(store->GetEvent(a)->mentions, 2);

  // The next run finds other groups: b stands again, c joins a.
  Result<MergeWriteStats> second = store->WriteEventMerges({{{ref(1, 10), ref(2, 20)}, {"{}", "{}"}}});
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->merged, 1u);
  EXPECT_EQ(store->GetEvent(b)->status, "coded");
  EXPECT_FALSE(store->GetEvent(b)->merged_into.has_value());
  EXPECT_TRUE(store->GetEvent(b)->merge_note.empty());
  EXPECT_EQ(store->GetEvent(c)->merged_into, a);

  // Layers derived again: the named ones replaced, the others kept.
  Doc redone = MakeText("Officials met in Multan.");
  redone.SetLayer("timex", {{{0, 9}, "DATE", R"({"value":"2025-03-03"})"}});
  ASSERT_TRUE(store->RewriteLayers(1, redone, {"timex"}).ok());
  Result<StoredDoc> loaded = store->LoadDocument(1);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_NE(loaded->doc.Layer("timex"), nullptr);
  EXPECT_EQ(loaded->doc.Layer("timex")->size(), 1u);
  EXPECT_EQ(store->RewriteLayers(99, redone, {"timex"}).code(), Code::kNotFound);
}

TEST_P(Engines, EventActorLinksAreReplacedNotStacked) {
  auto store = Open();
  Write(*store, Batch({MakeText("Dar met Bass in Islamabad.")}));
  NewEvent e;
  e.event.date = "2024-09-16", e.event.type = "CONSULT", e.event.source_actor = "PAKGOV";
  e.event.target_actor = "USAGOV";
  e.mentions = {DeskMention{.doc_id = 1, .sentence = {0, 26}, .evidence = {4, 7}, .confidence = 0.5}};
  ASSERT_TRUE(store->InsertEvents({e}).ok());
  Actor dar, bass;
  dar.code = "PAKGOV", dar.name = "Ishaq Dar", dar.kind = "person";
  bass.code = "USAGOV", bass.name = "John Bass", bass.kind = "person";
  const int64_t dar_id = *store->UpsertActor(dar), bass_id = *store->UpsertActor(bass);
  const EventRef met{1, {4, 7}, "CONSULT"};

  Result<uint64_t> first = store->WriteEventActors(
      {{met, dar_id, "source"}, {met, bass_id, "target"}, {EventRef{9, {0, 3}, "CONSULT"}, dar_id, "source"}});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(*first, 2u);  // document 9 has no such event
  // The next consolidation's links replace these.
  Result<uint64_t> second = store->WriteEventActors({{met, bass_id, "target"}});
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(*second, 1u);
  Result<Actor> linked = store->GetActor(bass_id);
  ASSERT_TRUE(linked.ok()) << linked.status().ToString();
  EXPECT_EQ(linked->as_target, 1);
}

TEST_P(Engines, StoriesKeepTheirIdsAcrossReplacements) {
  auto store = Open();
  Write(*store, Batch({MakeText("a"), MakeText("b"), MakeText("c")}));
  Result<std::vector<int64_t>> first = store->ReplaceStories({{"alpha", {1, 2}}, {"beta", {3}}});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  Result<std::vector<int64_t>> second = store->ReplaceStories({{"gamma", {1}}, {"beta", {2, 3}}});
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ((*second)[1], (*first)[1]);  // beta kept its id
  EXPECT_NE((*second)[0], (*first)[0]);
  Result<Story> beta = store->GetStory((*second)[1]);
  ASSERT_TRUE(beta.ok()) << beta.status().ToString();
  EXPECT_EQ(beta->label, "beta");
  EXPECT_EQ(beta->doc_ids, (std::vector<int64_t>{2, 3}));
  Result<std::vector<Story>> listed = store->ListStories(Page{});
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].label, "gamma");  // newest first
  EXPECT_EQ((*listed)[0].doc_ids, (std::vector<int64_t>{1}));
  EXPECT_EQ(store->GetStory((*first)[0]).status().code(), Code::kNotFound);
  EXPECT_EQ(store->ListStories(Page{.offset = 0, .limit = 0}).status().code(), Code::kInvalidArgument);
  EXPECT_EQ(store->Summary()->stories, 2u);  // alpha is gone
  EXPECT_EQ(store->ReplaceStories({{"delta", {99}}}).status().code(), Code::kInvalidArgument);
  EXPECT_EQ(store->ReplaceStories({{"", {1}}}).status().code(), Code::kInvalidArgument);
  EXPECT_EQ(store->Summary()->stories, 2u);  // a refused replacement changes nothing
}

TEST_P(Engines, AnotherConnectionSeesTheDataVersionMove) {
  auto writer = Open();
  auto reader = Open();
  Result<int64_t> before = reader->DataVersion();
  ASSERT_TRUE(before.ok()) << before.status().ToString();
  EXPECT_EQ(*reader->DataVersion(), *before);  // nothing committed: no change
  Write(*writer, Batch({MakeText("news")}));
  EXPECT_NE(*reader->DataVersion(), *before);
}

// ---- The analyst's desk: lists, aggregates, actors and corrections ----

Doc MakeSourced(std::string text, std::string source) {
  Metadata meta;
  meta.source = source;
  auto size = static_cast<uint32_t>(text.size());
  return Doc({"in/" + source + ".txt", 0, "text"}, text, text, OffsetMap::Identity(size), std::move(meta));
}

NewEvent Coded(std::string date, std::string type, std::string source, std::string target, int64_t doc,
               uint32_t begin) {
  NewEvent n;
  n.event.date = std::move(date), n.event.type = std::move(type);
  n.event.source_actor = std::move(source), n.event.target_actor = std::move(target);
  n.event.confidence = 0.5;
  n.mentions = {DeskMention{.doc_id = doc, .sentence = {0, 40}, .evidence = {begin, begin + 5}, .confidence = 0.5}};
  return n;
}

// Three reports from two outlets, a story, named actors, and five events spread over
// dates, places, actors and casualties. Ids are 1..5 in the order written.
struct DeskData {
  int64_t relief = 0, zia = 0, story = 0;
};

DeskData WriteDesk(Store& store) {
  DeskData d;
  std::vector<Outcome> batch =
      Batch({MakeSourced("Officials met in Multan to agree on flood aid for the province.", "Dawn"),
             MakeSourced("Troops clashed with rebels near Sukkur; three were killed.", "Dawn"),
             MakeSourced("Protesters marched in Washington against the war.", "Wire")});
  EXPECT_TRUE(store.WriteBatch(batch).ok());
  d.relief = *store.UpsertActor(Actor{.code = "PAKGOV",
                                      .name = "Relief Office",
                                      .roles = {{"Director", "PAKGOV", "2024-01-01", "", std::nullopt}}});
  store.UpsertActor(Actor{.code = "USAGOV", .name = "aid agency"});
  store.UpsertActor(Actor{.code = "PAKMIL", .name = "Army Command"});
  d.zia = *store.UpsertActor(Actor{.code = "PAKELI",
                                   .name = "Zia Khan",
                                   .kind = "person",
                                   .roles = {{"Minister", "PAKGOV", "2025-01-01", "", int64_t{1}}}});
  d.story = (*store.ReplaceStories({{"flood-story", {1}}}))[0];

  auto at = [](NewEvent& n, std::string country, std::string admin1, std::string place, std::optional<double> lat,
               std::optional<double> lon) {
    n.event.country = std::move(country), n.event.admin1 = std::move(admin1), n.event.place = std::move(place);
    n.event.latitude = lat, n.event.longitude = lon;
  };
  NewEvent e1 = Coded("2025-03-04", "CONSULT", "PAKGOV", "USAGOV", 1, 10);
  at(e1, "PAK", "Punjab", "Multan", 30.2, 71.5);
  e1.event.cameo = "040";
  e1.actors = {{d.relief, "source"}};
  e1.mentions.push_back(DeskMention{.doc_id = 1, .sentence = {0, 40}, .evidence = {20, 25}, .confidence = 0.5});
  NewEvent e2 = Coded("2025-03-05", "ASSAULT", "PAKMIL", "PAKREB", 2, 0);
  at(e2, "PAK", "Sindh", "Sukkur", 27.7, 68.9);
  e2.event.cameo = "190", e2.event.killed = 3, e2.event.injured = 5;
  NewEvent e3 = Coded("2025-03-11", "ASSAULT", "PAKMIL", "PAKREB", 2, 10);
  at(e3, "PAK", "Sindh", "Sukkur", 27.7, 68.9);
  e3.event.cameo = "193", e3.event.killed = 1;
  NewEvent e4 = Coded("2025-02", "PROTEST", "USAOPP", "", 3, 0);
  at(e4, "USA", "", "", std::nullopt, std::nullopt);
  NewEvent e5 = Coded("2025-03-12T10:30", "AID", "USAGOV", "PAKGOV", 1, 30);
  at(e5, "PAK", "Punjab", "Multan", 30.2, 71.5);
  e5.event.story_id = d.story;
  Result<std::vector<int64_t>> ids = store.InsertEvents({e1, e2, e3, e4, e5});
  EXPECT_TRUE(ids.ok()) << ids.status().ToString();
  if (ids.ok()) {
    EXPECT_EQ(*ids, (std::vector<int64_t>{1, 2, 3, 4, 5}));
  }
  return d;
}

// The ids of the events matching `filter`, newest first (all on one page).
std::vector<int64_t> Matching(Store& store, EventFilter filter) {
  Result<EventPage> page = store.QueryEvents(filter, Page{.offset = 0, .limit = 100});
  EXPECT_TRUE(page.ok()) << page.status().ToString();
  std::vector<int64_t> ids;
  if (page.ok())
    for (const DeskEvent& e : page->events) ids.push_back(e.id);
  return ids;
}

using Ids = std::vector<int64_t>;

TEST_P(Engines, DeskFiltersPagesAndRefusesBadFilters) {
  auto store = Open();
  const DeskData d = WriteDesk(*store);
  EXPECT_EQ(Matching(*store, {}), (Ids{5, 3, 2, 1, 4}));  // newest first
  EXPECT_EQ(Matching(*store, {.types = {"ASSAULT"}}), (Ids{3, 2}));
  EXPECT_EQ(Matching(*store, {.types = {"AID", "PROTEST"}}), (Ids{5, 4}));
  EXPECT_EQ(Matching(*store, {.date_from = "2025-03-05", .date_to = "2025-03-11"}), (Ids{3, 2}));
  EXPECT_EQ(Matching(*store, {.date_to = "2025-03-04"}), (Ids{1, 4}));
  EXPECT_EQ(Matching(*store, {.date_from = "2025-03-12"}), (Ids{5}));  // a time on the day is in it
  EXPECT_EQ(Matching(*store, {.date_from = "2025-03"}), (Ids{5, 3, 2, 1}));
  EXPECT_EQ(Matching(*store, {.cameo_root = "19"}), (Ids{3, 2}));
  EXPECT_EQ(Matching(*store, {.actor = "PAKGOV"}), (Ids{5, 1}));
  EXPECT_EQ(Matching(*store, {.actor = "PAKGOV", .actor_role = "source"}), (Ids{1}));
  EXPECT_EQ(Matching(*store, {.actor = "PAKGOV", .actor_role = "target"}), (Ids{5}));
  EXPECT_EQ(Matching(*store, {.actor_id = d.relief}), (Ids{1}));
  EXPECT_EQ(Matching(*store, {.actor_role = "target", .actor_id = d.relief}), (Ids{}));
  EXPECT_EQ(Matching(*store, {.country = "USA"}), (Ids{4}));
  EXPECT_EQ(Matching(*store, {.latitude = 27.7, .longitude = 68.9, .radius_km = 50}), (Ids{3, 2}));
  EXPECT_EQ(Matching(*store, {.latitude = 30.0, .longitude = 71.5, .radius_km = 30}), (Ids{5, 1}));
  EXPECT_EQ(Matching(*store, {.latitude = 30.0, .longitude = 71.5, .radius_km = 20}), (Ids{}));
  EXPECT_EQ(Matching(*store, {.story_id = d.story}), (Ids{5}));
  EXPECT_EQ(Matching(*store, {.source = "Dawn"}), (Ids{5, 3, 2, 1}));
  EXPECT_EQ(Matching(*store, {.source = "Wire"}), (Ids{4}));
  EXPECT_EQ(Matching(*store, {.doc_id = 3}), (Ids{4}));
  EXPECT_EQ(Matching(*store, {.text = "Sukkur"}), (Ids{3, 2}));
  EXPECT_EQ(Matching(*store, {.text = "rebels troops"}), (Ids{3, 2}));  // every word, anywhere
  EXPECT_EQ(Matching(*store, {.text = "Washington"}), (Ids{4}));
  EXPECT_EQ(Matching(*store, {.date_to = "2025-03-05", .types = {"ASSAULT"}}), (Ids{2}));
  EXPECT_EQ(Matching(*store, {.source = "'; DROP TABLE events; --"}), (Ids{}));  // bound, never spliced
  EXPECT_EQ(store->Summary()->events, 5u);

  Result<EventPage> page = store->QueryEvents({}, Page{.offset = 1, .limit = 2});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->events.size(), 2u);
  EXPECT_EQ(page->events[0].id, 3);
  EXPECT_EQ(page->events[1].id, 2);
  EXPECT_EQ(page->total, 5);
  EXPECT_FALSE(page->total_capped);
  page = store->QueryEvents({.types = {"CONSULT"}}, Page{});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->events.size(), 1u);
  const DeskEvent& consult = page->events[0];
  EXPECT_EQ(consult.mentions, 2);
  EXPECT_EQ(consult.cameo, "040");
  EXPECT_EQ(consult.quad_class, 1);
  EXPECT_EQ(consult.latitude, 30.2);
  EXPECT_EQ(consult.place, "Multan");
  EXPECT_EQ(consult.killed, std::nullopt);
  EXPECT_EQ(consult.status, "coded");
  EXPECT_EQ(consult.date_precision, "day");

  auto refused = [&](EventFilter filter, Page p = Page{}) {
    Result<EventPage> got = store->QueryEvents(filter, p);
    EXPECT_EQ(got.status().code(), Code::kInvalidArgument) << got.status().ToString();
    return got.status().message();
  };
  EXPECT_EQ(refused({.date_from = "March"}), "filter from: 'March' is not a date like 2024-09-16");
  refused({.types = {"PARTY"}});
  refused({.cameo_root = "1"});
  refused({.actor = "pakgov"});
  refused({.actor = "PAKGOV", .actor_role = "both"});
  refused({.country = "Pakistan"});
  EXPECT_EQ(refused({.latitude = 30.0}), "filter near: needs latitude, longitude and radius together");
  refused({.latitude = 91, .longitude = 0, .radius_km = 1});
  refused({.text = "   "});
  refused({}, Page{.offset = 0, .limit = 0});
  refused({}, Page{.offset = 0, .limit = 1001});
  refused({}, Page{.offset = -1, .limit = 10});
  EXPECT_EQ(store->CountEvents({.date_to = "soon"}, "day", false, false).status().code(), Code::kInvalidArgument);
  EXPECT_EQ(store->Casualties({.types = {"PARTY"}}).status().code(), Code::kInvalidArgument);
}

TEST_P(Engines, EveryEventIsStreamedInIdOrder) {
  auto store = Open();
  WriteDesk(*store);
  Ids seen;
  // The exports read each event's mentions while the events stream: the store may be
  // called from inside the callback.
  Status all = store->ForEachEvent({}, [&](const DeskEvent& e) {
    EXPECT_TRUE(store->EventMentions(e.id).ok());
    return seen.push_back(e.id), true;
  });
  ASSERT_TRUE(all.ok()) << all.ToString();
  EXPECT_EQ(seen, (Ids{1, 2, 3, 4, 5}));
  seen.clear();
  Status some = store->ForEachEvent({.country = "PAK"}, [&](const DeskEvent& e) {
    seen.push_back(e.id);
    EXPECT_EQ(e.mentions, e.id == 1 ? 2 : 1);
    return seen.size() < 2;  // stops early, without error
  });
  ASSERT_TRUE(some.ok()) << some.ToString();
  EXPECT_EQ(seen, (Ids{1, 2}));
  EXPECT_EQ(store->ForEachEvent({.text = " "}, [](const DeskEvent&) { return true; }).code(),
            Code::kInvalidArgument);
}

using Cell = std::tuple<std::string, std::string, std::string, int64_t>;
std::vector<Cell> Cells(const Result<std::vector<CountCell>>& cells) {
  EXPECT_TRUE(cells.ok()) << cells.status().ToString();
  std::vector<Cell> out;
  if (cells.ok())
    for (const CountCell& c : *cells) out.emplace_back(c.period, c.type, c.country, c.events);
  return out;
}

TEST_P(Engines, TheDashboardAggregatesAgree) {
  auto store = Open();
  WriteDesk(*store);
  EXPECT_EQ(Cells(store->CountEvents({}, "month", true, false)),
            (std::vector<Cell>{{"2025-02", "PROTEST", "", 1},
                               {"2025-03", "AID", "", 1},
                               {"2025-03", "ASSAULT", "", 2},
                               {"2025-03", "CONSULT", "", 1}}));
  // Weeks start on the Monday; a date without a day keeps its month.
  EXPECT_EQ(Cells(store->CountEvents({}, "week", false, false)),
            (std::vector<Cell>{{"2025-02", "", "", 1}, {"2025-03-03", "", "", 2}, {"2025-03-10", "", "", 2}}));
  EXPECT_EQ(Cells(store->CountEvents({.types = {"ASSAULT", "CONSULT"}}, "day", false, true)),
            (std::vector<Cell>{{"2025-03-04", "", "PAK", 1}, {"2025-03-05", "", "PAK", 1}, {"2025-03-11", "", "PAK", 1}}));
  EXPECT_EQ(Cells(store->CountEvents({}, "month", false, true)),
            (std::vector<Cell>{{"2025-02", "", "USA", 1}, {"2025-03", "", "PAK", 4}}));
  EXPECT_EQ(store->CountEvents({}, "year", false, false).status().code(), Code::kInvalidArgument);

  Result<std::vector<CasualtyCell>> casualties = store->Casualties({});
  ASSERT_TRUE(casualties.ok()) << casualties.status().ToString();
  ASSERT_EQ(casualties->size(), 1u);
  const CasualtyCell& sindh = (*casualties)[0];
  EXPECT_EQ(std::tie(sindh.country, sindh.admin1, sindh.month), std::make_tuple("PAK", "Sindh", "2025-03"));
  EXPECT_EQ(std::tie(sindh.killed, sindh.injured, sindh.events), std::make_tuple(4, 5, 2));
  EXPECT_TRUE(store->Casualties({.date_to = "2025-03-04"})->empty());

  Result<std::vector<NetworkEdge>> edges = store->ActorNetwork({}, 10);
  ASSERT_TRUE(edges.ok()) << edges.status().ToString();
  std::vector<std::tuple<std::string, std::string, int, int64_t>> network;
  for (const NetworkEdge& e : *edges) network.emplace_back(e.source, e.target, e.quad_class, e.events);
  EXPECT_EQ(network, (std::vector<std::tuple<std::string, std::string, int, int64_t>>{
                         {"PAKMIL", "PAKREB", 4, 2}, {"PAKGOV", "USAGOV", 1, 1}, {"USAGOV", "PAKGOV", 2, 1}}));
  EXPECT_EQ(store->ActorNetwork({}, 1)->size(), 1u);
  EXPECT_EQ(store->ActorNetwork({}, 0).status().code(), Code::kInvalidArgument);

  Result<std::vector<PlaceCell>> places = store->Places({}, 10);
  ASSERT_TRUE(places.ok()) << places.status().ToString();
  ASSERT_EQ(places->size(), 2u);
  const PlaceCell &multan = (*places)[0], &sukkur = (*places)[1];  // two events each: by name
  EXPECT_EQ(std::tie(multan.place, multan.country, multan.admin1), std::make_tuple("Multan", "PAK", "Punjab"));
  EXPECT_DOUBLE_EQ(multan.latitude, 30.2);
  EXPECT_DOUBLE_EQ(multan.longitude, 71.5);
  EXPECT_EQ(std::tie(multan.events, multan.killed), std::make_tuple(2, 0));
  EXPECT_EQ(sukkur.place, "Sukkur");
  EXPECT_EQ(std::tie(sukkur.events, sukkur.killed), std::make_tuple(2, 4));
  EXPECT_EQ(store->Places({.country = "USA"}, 10)->size(), 0u);  // no coordinates
  EXPECT_EQ(store->Places({}, 5001).status().code(), Code::kInvalidArgument);
}

TEST_P(Engines, ActorsAreListedByNameAndDescribedByCode) {
  auto store = Open();
  const DeskData d = WriteDesk(*store);
  auto names = [&](const std::string& query, Page page = Page{}) {
    Result<std::vector<Actor>> actors = store->ListActors(query, page);
    EXPECT_TRUE(actors.ok()) << actors.status().ToString();
    std::vector<std::string> out;
    if (actors.ok())
      for (const Actor& a : *actors) out.push_back(a.name);
    return out;
  };
  using Names = std::vector<std::string>;
  // By bytes, as SQLite sorts: capitals before small letters, whatever the server's locale.
  EXPECT_EQ(names(""), (Names{"Army Command", "Relief Office", "Zia Khan", "aid agency"}));
  EXPECT_EQ(names("OFFICE"), (Names{"Relief Office"}));  // ASCII case is ignored, as by LIKE
  EXPECT_EQ(names("pakgov"), (Names{"Relief Office"}));
  EXPECT_EQ(names("pak"), (Names{"Army Command", "Relief Office", "Zia Khan"}));
  EXPECT_EQ(names("%"), (Names{}));  // wildcards match only themselves
  EXPECT_EQ(names("", Page{.offset = 1, .limit = 2}), (Names{"Relief Office", "Zia Khan"}));
  EXPECT_EQ(store->ListActors("", Page{.offset = 0, .limit = 0}).status().code(), Code::kInvalidArgument);

  Result<Actor> relief = store->GetActor(d.relief);
  ASSERT_TRUE(relief.ok()) << relief.status().ToString();
  EXPECT_EQ(relief->code, "PAKGOV");
  EXPECT_EQ(relief->kind, "organization");
  EXPECT_EQ(relief->as_source, 1);
  EXPECT_EQ(relief->as_target, 0);
  ASSERT_EQ(relief->roles.size(), 1u);
  EXPECT_EQ(relief->roles[0].role, "Director");
  EXPECT_EQ(relief->roles[0].start, "2024-01-01");
  EXPECT_EQ(relief->roles[0].doc_id, std::nullopt);
  EXPECT_EQ(store->GetActor(999).status().code(), Code::kNotFound);

  Result<ActorCode> code = store->GetActorCode("PAKGOV");
  ASSERT_TRUE(code.ok()) << code.status().ToString();
  EXPECT_EQ(code->as_source, 1);
  EXPECT_EQ(code->as_target, 1);
  ASSERT_EQ(code->partners.size(), 2u);
  EXPECT_EQ(code->partners[0].target, "USAGOV");
  EXPECT_EQ(code->partners[1].source, "USAGOV");
  ASSERT_EQ(code->members.size(), 2u);  // by its code, and by a role that carries it
  EXPECT_EQ(code->members[0].name, "Relief Office");
  EXPECT_EQ(code->members[1].name, "Zia Khan");
  ASSERT_EQ(code->members[1].roles.size(), 1u);
  EXPECT_EQ(code->members[1].roles[0].doc_id, 1);
  EXPECT_EQ(store->GetActorCode("PAKREB")->as_target, 2);  // events only, no named actor
  EXPECT_EQ(store->GetActorCode("ZZZZZZ").status().code(), Code::kNotFound);
  EXPECT_EQ(store->GetActorCode("pak").status().code(), Code::kInvalidArgument);
}

Result<Correction> Fix(Store& store, int64_t event, std::string action, std::string payload = "{}") {
  return store.Correct(Correction{.event_id = event, .action = std::move(action), .payload = std::move(payload),
                                  .author = "analyst-1", .note = "checked against the wire copy"});
}

int CountCorrections(Store& store, std::optional<int64_t> event = std::nullopt) {
  int n = 0;
  EXPECT_TRUE(store.ForEachCorrection(event, [&](const Correction&) { return ++n, true; }).ok());
  return n;
}

TEST_P(Engines, CorrectionsApplyAreLoggedAndSurviveRecoding) {
  auto store = Open();
  const DeskData d = WriteDesk(*store);
  Result<Correction> wrong = Fix(*store, 4, "mark_wrong");
  ASSERT_TRUE(wrong.ok()) << wrong.status().ToString();
  EXPECT_GT(wrong->id, 0);
  EXPECT_EQ(wrong->before, R"({"merged_into":null,"status":"coded"})");
  EXPECT_EQ(wrong->anchor.find("[["), 0u) << wrong->anchor;
  EXPECT_EQ(wrong->author, "analyst-1");
  EXPECT_FALSE(wrong->created_at.empty());
  EXPECT_EQ(Matching(*store, {}), (Ids{5, 3, 2, 1}));  // rejected events leave the lists
  EXPECT_EQ(Matching(*store, {.include_rejected = true}), (Ids{5, 3, 2, 1, 4}));

  Result<Correction> type = Fix(*store, 1, "set_type", R"({"type":"AGREE","cameo":"030"})");
  ASSERT_TRUE(type.ok()) << type.status().ToString();
  EXPECT_EQ(type->before, R"({"cameo":"040","quad_class":1,"status":"coded","type":"CONSULT"})");
  Result<DeskEvent> one = store->GetEvent(1);
  EXPECT_EQ(std::tie(one->type, one->cameo, one->status), std::make_tuple("AGREE", "030", "corrected"));
  EXPECT_EQ(one->quad_class, 1);

  ASSERT_TRUE(Fix(*store, 5, "set_actors", R"({"target_actor":""})").ok());
  ASSERT_TRUE(Fix(*store, 5, "set_date", R"({"date":"2025-03"})").ok());
  Result<DeskEvent> five = store->GetEvent(5);
  EXPECT_EQ(std::tie(five->source_actor, five->target_actor), std::make_tuple("USAGOV", ""));
  EXPECT_EQ(std::tie(five->date, five->date_precision), std::make_tuple("2025-03", "month"));

  Result<Correction> merge = Fix(*store, 3, "merge", R"({"into":2})");
  ASSERT_TRUE(merge.ok()) << merge.status().ToString();
  EXPECT_NE(merge->payload.find("into_anchor"), std::string::npos) << merge->payload;
  EXPECT_EQ(store->GetEvent(3)->status, "merged");
  EXPECT_EQ(store->GetEvent(3)->merged_into, 2);
  EXPECT_EQ(store->GetEvent(2)->mentions, 2);  // its own and the merged event's
  EXPECT_EQ(Matching(*store, {.types = {"ASSAULT"}}), (Ids{2}));
  Result<std::vector<DeskMention>> reports = store->EventMentions(2);
  ASSERT_TRUE(reports.ok());
  EXPECT_EQ(reports->size(), 2u);

  Result<Correction> split = Fix(*store, 1, "split", R"({"mentions":[[1,20,25]]})");
  ASSERT_TRUE(split.ok()) << split.status().ToString();
  ASSERT_EQ(split->result_event, 6);
  Result<DeskEvent> six = store->GetEvent(6);
  EXPECT_EQ(std::tie(six->type, six->coded_by, six->status), std::make_tuple("AGREE", "analyst", "corrected"));
  EXPECT_EQ(six->mentions, 1);
  EXPECT_EQ(store->GetEvent(1)->mentions, 1);
  EXPECT_EQ(Matching(*store, {.actor_id = d.relief}), (Ids{6, 1}));  // the copy keeps the actor links

  // Refused: nothing changes, nothing is logged.
  EXPECT_EQ(Fix(*store, 999, "mark_wrong").status().code(), Code::kNotFound);
  EXPECT_EQ(Fix(*store, 2, "delete").status().code(), Code::kInvalidArgument);
  EXPECT_EQ(Fix(*store, 2, "set_type", R"({"type":"PARTY"})").status().code(), Code::kInvalidArgument);
  EXPECT_EQ(Fix(*store, 2, "set_type", R"({"type":"AID","cameo":"7"})").status().code(), Code::kInvalidArgument);
  EXPECT_EQ(Fix(*store, 2, "set_actors", R"({"source_actor":"army"})").status().code(), Code::kInvalidArgument);
  EXPECT_EQ(Fix(*store, 2, "set_date", R"({"date":"soon"})").status().code(), Code::kInvalidArgument);
  EXPECT_EQ(Fix(*store, 2, "merge", R"({"into":2})").status().code(), Code::kInvalidArgument);
  EXPECT_EQ(Fix(*store, 5, "merge", R"({"into":3})").status().code(), Code::kInvalidArgument);  // 3 is merged
  EXPECT_EQ(Fix(*store, 5, "merge", R"({"into":999})").status().code(), Code::kNotFound);
  EXPECT_EQ(Fix(*store, 2, "split", R"({"mentions":[[2,0,5],[2,10,15]]})").status().code(),
            Code::kInvalidArgument);
  EXPECT_EQ(Fix(*store, 5, "mark_wrong", "[]").status().code(), Code::kInvalidArgument);
  EXPECT_EQ(store->Correct(Correction{.event_id = 5, .action = "mark_wrong"}).status().code(),
            Code::kInvalidArgument);  // no author
  EXPECT_EQ(store->GetEvent(5)->status, "corrected");
  EXPECT_EQ(store->GetEvent(2)->type, "ASSAULT");
  EXPECT_EQ(CountCorrections(*store), 6);
  EXPECT_EQ(CountCorrections(*store, 6), 1);  // the split, by the event it made

  // Coding the same sentences again: the analyst's corrections come back by their anchors.
  NewEvent again4 = Coded("2025-02", "PROTEST", "USAOPP", "", 3, 0);
  NewEvent again1 = Coded("2025-03-04", "CONSULT", "PAKGOV", "USAGOV", 1, 10);
  NewEvent again3 = Coded("2025-03-11", "ASSAULT", "PAKMIL", "PAKREB", 2, 10);
  Result<std::vector<int64_t>> ids = store->InsertEvents({again4, again1, again3});
  ASSERT_TRUE(ids.ok()) << ids.status().ToString();
  EXPECT_EQ(*ids, (Ids{7, 8, 9}));
  EXPECT_EQ(store->GetEvent(7)->status, "wrong");
  EXPECT_EQ(store->GetEvent(8)->type, "AGREE");
  EXPECT_EQ(store->GetEvent(8)->cameo, "030");
  EXPECT_EQ(store->GetEvent(9)->status, "merged");
  EXPECT_EQ(store->GetEvent(9)->merged_into, 2);  // found again by the kept event's anchor
  // The split needs a mention the new event does not have: skipped, no copy made.
  EXPECT_EQ(store->Summary()->events, 9u);
  EXPECT_EQ(CountCorrections(*store), 6);  // replayed, not logged again
  EXPECT_EQ(*store->IntegrityCheck(), "ok");
}

// ---- PostgreSQL only ----

class Postgres : public Engines {};
INSTANTIATE_TEST_SUITE_P(PostgresOnly, Postgres, ::testing::Values("postgres"),
                         [](const auto& info) { return info.param; });

// Two workers given overlapping batches at once, in opposite orders, with versions of
// one URL on both sides: every article is stored once, the URL's revisions form one
// chain, and neither worker fails.
TEST_P(Postgres, ConcurrentWritersStoreEachDocumentOnce) {
  auto make_batches = [](int from, int to, bool backwards, const std::string& who) {
    std::vector<std::vector<Outcome>> batches;
    std::vector<Doc> docs;
    for (int i = 0; i < to - from; ++i) {
      const int n = backwards ? to - 1 - i : from + i;
      docs.push_back(MakeText(fmt::format("Report number {} on the floods.", n), "", fmt::format("in/{}.txt", n)));
      if (n % 10 == 0) docs.push_back(MakeText(fmt::format("Live page, {} edition.", who), "https://live.example/"));
      if (docs.size() >= 8) batches.push_back(Batch(std::move(docs))), docs.clear();
    }
    if (!docs.empty()) batches.push_back(Batch(std::move(docs)));
    return batches;
  };
  std::vector<std::unique_ptr<Store>> stores;
  stores.push_back(Open());
  stores.push_back(Open());
  ASSERT_TRUE(stores[0] && stores[1]);
  std::vector<std::vector<std::vector<Outcome>>> work = {make_batches(0, 60, false, "first"),
                                                         make_batches(30, 90, true, "second")};
  BatchStats totals[2];
  std::atomic<int> errors = 0;
  std::vector<std::thread> workers;
  for (int w = 0; w < 2; ++w) {
    workers.emplace_back([&, w] {
      for (auto& batch : work[w]) {
        Result<BatchStats> stats = stores[w]->WriteBatch(batch);
        if (!stats.ok()) {
          ADD_FAILURE() << stats.status().ToString();
          ++errors;
          continue;
        }
        totals[w] += *stats;
      }
    });
  }
  for (std::thread& t : workers) t.join();
  ASSERT_EQ(errors, 0);
  EXPECT_EQ(totals[0].added + totals[1].added, 90u + 2u);  // 90 reports, 2 live pages
  // The 30 shared reports, and five of each worker's six identical live pages.
  EXPECT_EQ(totals[0].unchanged + totals[1].unchanged, 30u + 10u);
  Result<StoreSummary> summary = stores[0]->Summary();
  EXPECT_EQ(summary->documents, 92u);
  pqxx::connection raw(where_);
  pqxx::read_transaction tx(raw);
  EXPECT_EQ(tx.exec1("SELECT count(DISTINCT content_hash) FROM documents")[0].as<int>(), 92);
  EXPECT_EQ(tx.exec1("SELECT string_agg(revision::text, ',' ORDER BY revision) FROM documents"
                     " WHERE url = 'https://live.example/'")[0]
                .as<std::string>(),
            "1,2");
  EXPECT_EQ(*stores[1]->IntegrityCheck(), "ok");
}

// Two analysts correcting one event at once take turns on its row: each correction
// records as replaced what the one before it left, so the log reads as a sequence.
TEST_P(Postgres, ConcurrentCorrectionsOfOneEventTakeTurns) {
  auto setup = Open();
  WriteDesk(*setup);
  constexpr int kEach = 15;
  std::atomic<int> errors = 0;
  std::vector<std::thread> analysts;
  for (int a = 0; a < 2; ++a) {
    analysts.emplace_back([&, a] {
      auto store = Open();
      if (!store) return void(++errors);
      const char* types[2][2] = {{"AGREE", "AID"}, {"SUPPORT", "REJECT"}};
      for (int i = 0; i < kEach; ++i) {
        Result<Correction> c = Fix(*store, 1, "set_type", fmt::format(R"({{"type":"{}"}})", types[a][i % 2]));
        if (!c.ok()) ++errors, ADD_FAILURE() << c.status().ToString();
      }
    });
  }
  for (std::thread& t : analysts) t.join();
  ASSERT_EQ(errors, 0);
  std::vector<Correction> log;
  ASSERT_TRUE(setup->ForEachCorrection(1, [&](const Correction& c) { return log.push_back(c), true; }).ok());
  ASSERT_EQ(log.size(), 2u * kEach);
  std::string type = "CONSULT";
  for (const Correction& c : log) {
    EXPECT_EQ(nlohmann::json::parse(c.before)["type"], type) << "correction " << c.id;
    type = nlohmann::json::parse(c.payload)["type"];
  }
  EXPECT_EQ(setup->GetEvent(1)->type, type);
}

// The same small corpus in a SQLite file and in PostgreSQL: every query finds the same
// documents on both, though one engine's index is FTS5's and the other's is sitrep's.
TEST_P(Postgres, SearchAgreesWithSqlite) {
  auto corpus = [] {
    return Batch({MakeReport(),
                  MakeText("Water levels fell in Sukkur.\n\nOfficials met again on Tuesday."),
                  MakeText("The Café in Lahore reopened after the floods."),
                  MakeText("Dar's visit to al-Qaeda territory was denied by the ministry."),
                  MakeText("The minister of the interior met flood victims in Sukkur."),
                  MakeText("Negotiations on water sharing resumed in Islamabad."),
                  MakeText("Cricket in Lahore: the match was abandoned after rain."),
                  MakeText("Ürümqi and Kraków: officials from both cities met in Multan.")});
  };
  auto pg = Open();
  Result<std::unique_ptr<Store>> lite = Store::Open((dir_ / "agree.db").string());
  ASSERT_TRUE(lite.ok()) << lite.status().ToString();
  Write(*pg, corpus());
  Write(**lite, corpus());
  for (const char* query :
       {"water", "officials met", "Multan", "cafe", "CAFÉ lahore", "Dar's al-Qaeda", "\"minister of the interior\"",
        "\"Officials met\"", "negotiat*", "off*", "floods OR rain", "Lahore NOT cricket", "urumqi krakow",
        "Sukkur water", "tornado", "\"water sharing\" OR \"water levels\""}) {
    auto ids = [&](Store& store) {
      Result<std::vector<SearchHit>> hits = store.Search(query, 20);
      EXPECT_TRUE(hits.ok()) << query << ": " << hits.status().ToString();
      std::vector<int64_t> out;
      if (hits.ok())
        for (const SearchHit& hit : *hits) out.push_back(hit.doc_id);
      std::sort(out.begin(), out.end());
      return out;
    };
    EXPECT_EQ(ids(*pg), ids(**lite)) << query;
  }
  // The best hit agrees too where one document clearly wins (the title and the text).
  EXPECT_EQ((*pg->Search("Multan", 1))[0].doc_id, (*(*lite)->Search("Multan", 1))[0].doc_id);
}

TEST_P(Postgres, AReadOnlyConnectionRefusesWrites) {
  Result<std::unique_ptr<Store>> early = Store::OpenReadOnly(where_);
  ASSERT_FALSE(early.ok());  // nothing created yet, and a reader will not create it
  EXPECT_NE(early.status().message().find("not a sitrep store yet"), std::string::npos) << early.status().message();
  Write(*Open(), Batch({MakeText("x")}));
  Result<std::unique_ptr<Store>> reader = Store::OpenReadOnly(where_);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  EXPECT_EQ((*reader)->Summary()->documents, 1u);
  std::vector<Outcome> batch = Batch({MakeText("y")});
  Result<BatchStats> refused = (*reader)->WriteBatch(batch);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("read-only"), std::string::npos) << refused.status().message();
}

TEST_P(Postgres, RefusesADatabaseThatIsNotAStore) {
  {
    pqxx::connection raw(where_);
    pqxx::work tx(raw);
    tx.exec0("CREATE TABLE documents (id integer)");
    tx.commit();
  }
  Result<std::unique_ptr<Store>> store = Store::Open(where_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Code::kStore);
  EXPECT_NE(store.status().message().find("not a sitrep store"), std::string::npos) << store.status().message();
}

// A store written by a sitrep of schema version 4 (annotations one row each, tokens as
// JSON) is upgraded in place: the document reads back as it was written, annotations in
// their order with their attributes, layers without annotations kept, tokens intact.
TEST_P(Postgres, AVersion4StoreIsUpgradedWithItsData) {
  const Doc written = MakeReport();
  {
    pqxx::connection raw(where_);
    pqxx::work tx(raw);
    tx.exec0("CREATE TABLE schema_version (version integer PRIMARY KEY, summary text NOT NULL,"
             " applied_at timestamptz NOT NULL DEFAULT now())");
    for (const sqlite::Migration& step : pg::PgMigrations()) {
      if (step.version > 4) break;
      tx.exec0(std::string(step.sql));
      tx.exec_params0("INSERT INTO schema_version (version, summary) VALUES ($1, 'by hand')", step.version);
    }
    const Metadata& meta = written.meta();
    const std::string map = written.offset_map().Serialize();
    // The columns version 4's writer filled; the rest are NULL, as it left empty fields.
    const int64_t id =
        tx.exec_params1(
              "INSERT INTO documents (content_hash, text_hash, url, title, metadata, input_path, input_offset,"
              " input_format, original, clean_text, offset_map, dropped, layers, revision, ingested_at, tokens,"
              " sentences) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 1, 'then', $14, $15)"
              " RETURNING id",
              written.content_hash(), written.text_hash(), meta.url, meta.title, sqlite::MetadataToJson(meta),
              written.origin().path, static_cast<int64_t>(written.origin().offset), written.origin().format,
              pqxx::binarystring(written.original().data(), written.original().size()), written.text(),
              pqxx::binarystring(map.data(), map.size()), sqlite::DroppedToJson(written.dropped()),
              sqlite::StringsToJson(sqlite::LayerNames(written)), sqlite::TokensToJson(written.tokens()),
              sqlite::SentencesToJson(written.sentences()))[0]
            .as<int64_t>();
    // Written in reverse: the upgrade must order by seq, not by arrival.
    const std::vector<Annotation>& entities = *written.Layer("entity");
    for (size_t seq = entities.size(); seq-- > 0;) {
      const Annotation& a = entities[seq];
      std::optional<std::string> attrs;
      if (!a.attrs.empty()) attrs = a.attrs;
      tx.exec_params0("INSERT INTO annotations VALUES ($1, 'entity', $2, $3, $4, $5, $6)", id,
                      static_cast<int>(seq), static_cast<int64_t>(a.span.begin), static_cast<int64_t>(a.span.end),
                      a.label, attrs);
    }
    tx.commit();
  }
  auto store = Open();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->Summary()->schema_version, static_cast<int>(pg::PgMigrations().size()));
  EXPECT_EQ(*store->IntegrityCheck(), "ok");
  Result<StoredDoc> stored = store->LoadDocument(*store->FindDocuments(written.content_hash())->begin());
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  const Doc& doc = stored->doc;
  EXPECT_EQ(doc.text(), written.text());
  ASSERT_NE(doc.Layer("quote"), nullptr);
  EXPECT_TRUE(doc.Layer("quote")->empty());
  ASSERT_NE(doc.Layer("entity"), nullptr);
  ASSERT_EQ(doc.Layer("entity")->size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    const Annotation &a = (*doc.Layer("entity"))[i], &b = (*written.Layer("entity"))[i];
    EXPECT_EQ(a.span, b.span);
    EXPECT_EQ(a.label, b.label);
    EXPECT_EQ(a.attrs, b.attrs);
  }
  ASSERT_EQ(doc.tokens().size(), 1u);
  EXPECT_EQ(doc.tokens()[0].span, written.tokens()[0].span);
  EXPECT_EQ(doc.tokens()[0].lemma, "Multan");
  EXPECT_EQ(doc.tokens()[0].deprel, "root");
  EXPECT_EQ(doc.tokens()[0].head, -1);
  ASSERT_EQ(doc.sentences().size(), 1u);
  // The old rows still read as the annotations table did, through its view.
  pqxx::connection raw(where_);
  pqxx::read_transaction tx(raw);
  EXPECT_EQ(tx.exec1("SELECT string_agg(seq || ':' || label || ':' || coalesce(attrs, '-'), ' ' ORDER BY seq)"
                     " FROM annotations")[0]
                .as<std::string>(),
            R"(0:LOC:{"country":"PAK"} 1:GPE:-)");
  // Version 6 made its full-text vector again from sitrep's words.
  EXPECT_EQ(tx.exec1("SELECT search::text FROM documents")[0].as<std::string>(),
            pg::SearchVector::Of(written.meta().title, written.text()).Text());
  EXPECT_EQ(store->Search("Multan", 10)->size(), 1u);
}

// A store of schema version 5 (the vector generated by the server's to_tsvector) is
// upgraded in place: every document kept, its vector made again by sitrep, so that the
// queries sitrep now makes find it; the column is then filled by writers.
TEST_P(Postgres, AVersion5StoreGetsSitrepsSearchVectors) {
  {
    pqxx::connection raw(where_);
    pqxx::work tx(raw);
    tx.exec0("CREATE TABLE schema_version (version integer PRIMARY KEY, summary text NOT NULL,"
             " applied_at timestamptz NOT NULL DEFAULT now())");
    for (const sqlite::Migration& step : pg::PgMigrations()) {
      if (step.version > 5) break;
      tx.exec0(std::string(step.sql));
      tx.exec_params0("INSERT INTO schema_version (version, summary) VALUES ($1, 'by hand')", step.version);
    }
    // What version 5's upgrade did after its SQL (pg_schema.cc, kVersion5Finish).
    tx.exec0("ALTER TABLE documents DROP COLUMN tokens; ALTER TABLE documents RENAME COLUMN token_data TO tokens;"
             " ALTER TABLE documents ALTER COLUMN tokens SET NOT NULL");
    for (int i = 0; i < 3; ++i) {
      const std::string text = fmt::format("Le Café {} de Kraków reopened.", i);
      tx.exec_params0(
          "INSERT INTO documents (content_hash, text_hash, title, metadata, input_path, input_offset, input_format,"
          " original, clean_text, offset_map, dropped, layers, revision, ingested_at, tokens, sentences)"
          " VALUES (md5($1), 'h', $2, '{}', 'in/x', 0, 'text', 'x', $1, '', '[]', '[]', 1, 'then', '', '[]')",
          text, fmt::format("Überschrift {}", i));
    }
    tx.commit();
  }
  {
    pqxx::connection raw(where_);
    pqxx::read_transaction tx(raw);
    // The server's own vector keeps the accents: what sitrep's queries would miss.
    EXPECT_EQ(tx.exec1("SELECT count(*) FROM documents WHERE search @@ 'cafe'::tsquery")[0].as<int>(), 0);
  }
  auto store = Open();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->Summary()->schema_version, static_cast<int>(pg::PgMigrations().size()));
  EXPECT_EQ(store->Summary()->documents, 3u);
  pqxx::connection raw(where_);
  {
    pqxx::read_transaction tx(raw);
    pqxx::result rows = tx.exec("SELECT title, clean_text, search::text FROM documents ORDER BY id");
    ASSERT_EQ(rows.size(), 3u);
    for (const auto& row : rows)
      EXPECT_EQ(row[2].as<std::string>(),
                pg::SearchVector::Of(row[0].as<std::string>(), row[1].as<std::string>()).Text());
    EXPECT_TRUE(tx.exec1("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'documents'::regclass"
                         " AND attname = 'search'")[0]
                    .as<bool>());
    EXPECT_EQ(tx.exec1("SELECT attgenerated FROM pg_attribute WHERE attrelid = 'documents'::regclass"
                       " AND attname = 'search'")[0]
                  .as<std::string>(),
              "");
  }
  EXPECT_EQ(store->Search("cafe krakow", 10)->size(), 3u);
  EXPECT_EQ(store->Search("uberschrift", 10)->size(), 3u);
  Write(*store, Batch({MakeText("A new café in Kraków.")}));
  EXPECT_EQ(store->Search("cafe krakow", 10)->size(), 4u);
  EXPECT_EQ(*store->IntegrityCheck(), "ok");
}

// Tokens that are not what version 4 wrote stop the upgrade with the document named,
// and leave the store as it was.
TEST_P(Postgres, AnUpgradeRefusesDamagedTokensAndChangesNothing) {
  {
    pqxx::connection raw(where_);
    pqxx::work tx(raw);
    tx.exec0("CREATE TABLE schema_version (version integer PRIMARY KEY, summary text NOT NULL,"
             " applied_at timestamptz NOT NULL DEFAULT now())");
    for (const sqlite::Migration& step : pg::PgMigrations()) {
      if (step.version > 4) break;
      tx.exec0(std::string(step.sql));
      tx.exec_params0("INSERT INTO schema_version (version, summary) VALUES ($1, 'by hand')", step.version);
    }
    tx.exec0(
        "INSERT INTO documents (content_hash, text_hash, metadata, input_path, input_offset, input_format, original,"
        " clean_text, offset_map, dropped, layers, revision, ingested_at, tokens) VALUES"
        " (md5('x'), 'h', '{}', 'in/x', 0, 'text', 'x', 'x', '', '[]', '[]', 1, 'then', '[[0,1,\"X\"]]')");
    tx.commit();
  }
  Result<std::unique_ptr<Store>> store = Store::Open(where_);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("schema version 5"), std::string::npos) << store.status().message();
  EXPECT_NE(store.status().message().find("tokens of document 1"), std::string::npos) << store.status().message();
  pqxx::connection raw(where_);
  pqxx::read_transaction tx(raw);
  EXPECT_EQ(tx.exec1("SELECT max(version) FROM schema_version")[0].as<int>(), 4);
  EXPECT_EQ(tx.exec1("SELECT to_regclass('annotation_layers') IS NULL")[0].as<bool>(), true);
}

// ---- URIs, no server needed ----

TEST(PostgresUri, AnUnreachableServerIsNamedWithoutItsPassword) {
  Result<std::unique_ptr<Store>> store = Store::Open("postgresql://sitrep:s3cret@127.0.0.1:1/news");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Code::kStore);
  const std::string& message = store.status().message();
  EXPECT_NE(message.find("postgresql://sitrep:***@127.0.0.1:1/news"), std::string::npos) << message;
  EXPECT_EQ(message.find("s3cret"), std::string::npos) << message;
  EXPECT_FALSE(Store::Open("postgres://[bad").ok());
}

TEST(PostgresUri, RedactsPasswordsWhereverTheyAre) {
  EXPECT_EQ(pg::RedactUri("postgresql://u:pw@h/db"), "postgresql://u:***@h/db");
  EXPECT_EQ(pg::RedactUri("postgresql://u@h:5432/db"), "postgresql://u@h:5432/db");
  EXPECT_EQ(pg::RedactUri("postgres://u:p@ss@h/db?sslmode=require"), "postgres://u:***@h/db?sslmode=require");
  EXPECT_EQ(pg::RedactUri("postgresql://h/db?user=u&password=pw&sslmode=disable"),
            "postgresql://h/db?user=u&password=***&sslmode=disable");
  EXPECT_EQ(pg::RedactUri("postgresql://h:5432"), "postgresql://h:5432");
  EXPECT_EQ(pg::RedactUri("postgresql://u:a/b?c@h/db"), "postgresql://u:***@h/db");  // not encoded, still hidden
  EXPECT_TRUE(pg::IsPostgresUri("postgres://h"));
  EXPECT_FALSE(pg::IsPostgresUri("store.db"));
}

}  // namespace
}  // namespace sitrep
