// The store's behaviour, the same on both engines: every test of the Engines suite runs
// once on a SQLite file and once on a database of a throwaway PostgreSQL server
// (test_postgres.h). Then what only PostgreSQL has: writers at once, read-only
// connections, URIs with passwords, and the calls not yet written for it.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <atomic>
#include <filesystem>
#include <pqxx/pqxx>
#include <thread>

#include "sitrep/store.h"
#include "store/pg/pg_schema.h"
#include "store/pg/pg_uri.h"
#include "store/pg/test_postgres.h"

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
  // One version number means the same tables on both engines.
  EXPECT_EQ(summary->schema_version, sqlite::LatestSchemaVersion());
  EXPECT_EQ(static_cast<size_t>(summary->schema_version), pg::PgMigrations().size());
  EXPECT_EQ(summary->documents, 0u);
  EXPECT_EQ(*store->IntegrityCheck(), "ok");
  // Opening again migrates nothing and keeps the version.
  EXPECT_EQ(Open()->Summary()->schema_version, sqlite::LatestSchemaVersion());
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
  EXPECT_DOUBLE_EQ(newest.latitude, 30.2);
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

TEST_P(Postgres, DeskCallsNotWrittenYetSaySo) {
  auto store = Open();
  Result<EventPage> page = store->QueryEvents({}, {});
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().message(), "QueryEvents is not yet available on PostgreSQL");
  Status correct = store->Correct(Correction{.event_id = 1, .action = "mark_wrong", .author = "t"}).status();
  EXPECT_EQ(correct.code(), Code::kInvalidArgument);
  EXPECT_NE(correct.message().find("not yet available on PostgreSQL"), std::string::npos) << correct.message();
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
