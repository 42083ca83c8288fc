// Tests of the SQLite store on real files in a temporary directory: round trips of
// whole documents, batch semantics (duplicates, revisions, rollback), failures,
// full-text search, events, and opening files that are not (or not yet) sitrep stores.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sitrep/store.h"
#include "store/schema.h"
#include "store/sqlite_db.h"
#include "store/sqlite_store.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

// ---- Documents built by hand ----

// An HTML article whose clean text differs from the original: an entity decoded and a
// nav dropped, so the offset map has more than one piece.
Doc MakeArticle() {
  const std::string original =
      "<html><title>Dar meets Bass</title><p>ISLAMABAD (PEN): Ishaq Dar &amp; Donald Bass met on "
      "Monday.</p><nav>Read more</nav></html>";
  auto at = [&](std::string_view what) { return static_cast<uint32_t>(original.find(what)); };
  CleanTextBuilder builder(original);
  uint32_t text_begin = at("ISLAMABAD"), amp = at("&amp;"), p_end = at("</p>");
  builder.Copy(text_begin, amp - text_begin);
  builder.Replace(amp, 5, "&");
  builder.Copy(amp + 5, p_end - (amp + 5));
  std::string text = builder.TakeText();
  OffsetMap map = builder.TakeMap();

  Metadata meta;
  meta.title = "Dar meets Bass";
  meta.published = DateTime{"2024-09-16T10:30", DateTime::Precision::kMinute, 300, "meta:article:published_time"};
  meta.modified = DateTime{"2024-09-17", DateTime::Precision::kDay, std::nullopt, "byline"};
  meta.authors = {"A. Writer", "B. Reporter"};
  meta.dateline_place = "ISLAMABAD";
  meta.dateline_agency = "PEN";
  meta.source = "Capital Ledger";
  meta.url = "https://ledger.example/2024/dar-bass";
  meta.language = "en";
  meta.description = "The finance minister met the envoy.";
  meta.captions = {{"The envoy arrives. Photo: staff", {at("Dar meets"), at("</title>")}}};
  meta.evidence = {{"title", {at("Dar meets"), at("</title>")}}, {"dateline", {text_begin, text_begin + 15}}};

  Doc doc({"in/dar-bass_capital-ledger.html", 0, "html"}, original, text, std::move(map), std::move(meta));
  doc.set_dropped({{{at("<nav>"), at("</html>")}, "html: nav"}});
  uint32_t dar = static_cast<uint32_t>(text.find("Ishaq Dar"));
  uint32_t bass = static_cast<uint32_t>(text.find("Donald Bass"));
  doc.SetLayer("sentence", {{{0, static_cast<uint32_t>(text.size())}, "", ""}});
  // Two annotations on one span: their order must survive the round trip.
  doc.SetLayer("entity", {{{bass, bass + 11}, "PER", R"({"actor":"USAGOV"})"},
                          {{dar, dar + 9}, "PER", R"({"actor":"PAKGOV"})"},
                          {{dar, dar + 9}, "NAME", ""}});
  doc.SetLayer("debris", {});  // ran and found nothing: must come back as an empty layer
  doc.mutable_tokens() = {
      {{dar, dar + 5}, "PROPN", "NNP", "Ishaq", 1, "compound", true},
      {{dar + 6, dar + 9}, "PROPN", "NNP", "Dar", 5, "nsubj", true},
      {{dar + 12, dar + 18}, "PROPN", "NNP", "Donald", -1, "root", false},
  };
  doc.mutable_sentences() = {{{0, static_cast<uint32_t>(text.size())}, 0, 3}};
  return doc;
}

Doc MakeText(std::string text, std::string url = "", std::string path = "in/plain.txt", uint64_t offset = 0) {
  Metadata meta;
  meta.url = std::move(url);
  auto size = static_cast<uint32_t>(text.size());
  return Doc({std::move(path), offset, "text"}, text, text, OffsetMap::Identity(size), std::move(meta));
}

Outcome WithDoc(Doc doc) {
  Origin origin = doc.origin();
  return Outcome{std::move(origin), std::move(doc), {}};
}

Failure MakeFailure(std::string path, uint64_t record, Code code, std::string message,
                    std::optional<uint64_t> byte_offset, std::string stage = "ingest") {
  Status status(code, std::move(message));
  status.At(path, byte_offset);
  return Failure{{std::move(path), record, "jsonl"}, std::move(stage), std::move(status)};
}

std::vector<Outcome> Batch(std::vector<Doc> docs) {
  std::vector<Outcome> batch;
  for (Doc& doc : docs) batch.push_back(WithDoc(std::move(doc)));
  return batch;
}

// ---- Comparing documents field by field ----

void ExpectSameDate(const std::optional<DateTime>& a, const std::optional<DateTime>& b) {
  ASSERT_EQ(a.has_value(), b.has_value());
  if (a) {
    EXPECT_TRUE(*a == *b) << a->iso << " vs " << b->iso;
  }
}

void ExpectSameMeta(const Metadata& a, const Metadata& b) {
  EXPECT_EQ(a.title, b.title);
  ExpectSameDate(a.published, b.published);
  ExpectSameDate(a.modified, b.modified);
  EXPECT_EQ(a.authors, b.authors);
  EXPECT_EQ(a.dateline_place, b.dateline_place);
  EXPECT_EQ(a.dateline_agency, b.dateline_agency);
  EXPECT_EQ(a.source, b.source);
  EXPECT_EQ(a.url, b.url);
  EXPECT_EQ(a.language, b.language);
  EXPECT_EQ(a.description, b.description);
  ASSERT_EQ(a.captions.size(), b.captions.size());
  for (size_t i = 0; i < a.captions.size(); ++i) {
    EXPECT_EQ(a.captions[i].text, b.captions[i].text);
    EXPECT_EQ(a.captions[i].original, b.captions[i].original);
  }
  EXPECT_EQ(a.evidence, b.evidence);
}

void ExpectSameLayers(const Doc& a, const Doc& b) {
  ASSERT_EQ(a.layers().size(), b.layers().size());
  for (const auto& [name, items] : a.layers()) {
    const std::vector<Annotation>* other = b.Layer(name);
    ASSERT_NE(other, nullptr) << "layer " << name;
    ASSERT_EQ(items.size(), other->size()) << "layer " << name;
    for (size_t i = 0; i < items.size(); ++i) {
      EXPECT_EQ(items[i].span, (*other)[i].span) << name << " #" << i;
      EXPECT_EQ(items[i].label, (*other)[i].label) << name << " #" << i;
      EXPECT_EQ(items[i].attrs, (*other)[i].attrs) << name << " #" << i;
    }
  }
}

void ExpectSameDoc(const Doc& a, const Doc& b) {
  EXPECT_EQ(a.origin().path, b.origin().path);
  EXPECT_EQ(a.origin().offset, b.origin().offset);
  EXPECT_EQ(a.origin().format, b.origin().format);
  EXPECT_EQ(a.original(), b.original());
  EXPECT_EQ(a.text(), b.text());
  EXPECT_TRUE(a.offset_map() == b.offset_map());
  EXPECT_EQ(a.content_hash(), b.content_hash());
  EXPECT_EQ(a.text_hash(), b.text_hash());
  ExpectSameMeta(a.meta(), b.meta());
  ASSERT_EQ(a.dropped().size(), b.dropped().size());
  for (size_t i = 0; i < a.dropped().size(); ++i) {
    EXPECT_EQ(a.dropped()[i].original, b.dropped()[i].original);
    EXPECT_EQ(a.dropped()[i].reason, b.dropped()[i].reason);
  }
  ExpectSameLayers(a, b);
  ASSERT_EQ(a.tokens().size(), b.tokens().size());
  for (size_t i = 0; i < a.tokens().size(); ++i) {
    const Token &x = a.tokens()[i], &y = b.tokens()[i];
    EXPECT_EQ(x.span, y.span) << "token " << i;
    EXPECT_EQ(x.upos, y.upos) << "token " << i;
    EXPECT_EQ(x.xpos, y.xpos) << "token " << i;
    EXPECT_EQ(x.lemma, y.lemma) << "token " << i;
    EXPECT_EQ(x.head, y.head) << "token " << i;
    EXPECT_EQ(x.deprel, y.deprel) << "token " << i;
    EXPECT_EQ(x.space_after, y.space_after) << "token " << i;
  }
  ASSERT_EQ(a.sentences().size(), b.sentences().size());
  for (size_t i = 0; i < a.sentences().size(); ++i) {
    EXPECT_EQ(a.sentences()[i].span, b.sentences()[i].span);
    EXPECT_EQ(a.sentences()[i].token_begin, b.sentences()[i].token_begin);
    EXPECT_EQ(a.sentences()[i].token_end, b.sentences()[i].token_end);
  }
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// ---- The fixture: a fresh directory per test ----

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "sitrep-store-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    path_ = (dir_ / "store.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<Store> Open(const std::string& path) {
    Result<std::unique_ptr<Store>> store = Store::Open(path);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(*store) : nullptr;
  }
  std::unique_ptr<Store> Open() { return Open(path_); }

  BatchStats Write(Store& store, std::vector<Outcome> batch) {
    Result<BatchStats> stats = store.WriteBatch(batch);
    EXPECT_TRUE(stats.ok()) << stats.status().ToString();
    return stats.ok() ? *stats : BatchStats{};
  }

  // A second connection of our own, for looking under the store's hood.
  std::unique_ptr<sqlite::SqliteDb> Raw(const std::string& path) {
    Result<std::unique_ptr<sqlite::SqliteDb>> db = sqlite::SqliteDb::Open(path);
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    return std::move(*db);
  }
  int64_t RawInt(const std::string& sql) {
    Result<int64_t> value = Raw(path_)->QueryInt(sql);
    EXPECT_TRUE(value.ok()) << value.status().ToString();
    return value.ok() ? *value : -1;
  }
  void RawExec(const std::string& path, const std::string& sql) {
    Status status = Raw(path)->Exec(sql);
    ASSERT_TRUE(status.ok()) << status.ToString();
  }

  fs::path dir_;
  std::string path_;
};

// ---- Opening ----

TEST_F(StoreTest, CreatesAMissingFileAtTheLatestVersion) {
  auto store = Open();
  ASSERT_TRUE(store);
  EXPECT_TRUE(fs::exists(path_));
  Result<StoreSummary> summary = store->Summary();
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->schema_version, sqlite::LatestSchemaVersion());
  EXPECT_EQ(summary->documents, 0u);
  EXPECT_EQ(RawInt("PRAGMA application_id"), sqlite::kApplicationId);
  EXPECT_EQ(RawInt("SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), 1);
}

TEST_F(StoreTest, MigratesAnEmptyFileToTheLatestVersion) {
  std::ofstream(path_).close();
  ASSERT_EQ(fs::file_size(path_), 0u);
  auto store = Open();
  ASSERT_TRUE(store);
  EXPECT_EQ(store->Summary()->schema_version, sqlite::LatestSchemaVersion());
  for (const char* table : {"documents", "annotations", "failures", "documents_fts", "events",
                            "event_mentions", "stories", "story_documents"})
    EXPECT_EQ(RawInt(std::string("SELECT count(*) FROM sqlite_schema WHERE name = '") + table + "'"), 1) << table;
}

TEST_F(StoreTest, ReopeningKeepsDataAndVersion) {
  Doc article = MakeArticle();
  {
    auto store = Open();
    Write(*store, Batch({MakeArticle()}));
  }
  auto store = Open();
  ASSERT_TRUE(store);
  Result<StoreSummary> summary = store->Summary();
  EXPECT_EQ(summary->documents, 1u);
  EXPECT_EQ(summary->schema_version, sqlite::LatestSchemaVersion());
  Result<StoredDoc> stored = store->LoadDocument(1);
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  ExpectSameDoc(article, stored->doc);
}

TEST_F(StoreTest, RefusesAFileThatIsNotSqlite) {
  const std::string path = (dir_ / "notes.txt").string();
  const std::string bytes = "These are notes, not a database.\n";
  std::ofstream(path) << bytes;
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Code::kStore);
  EXPECT_NE(store.status().message().find(path), std::string::npos) << store.status().message();
  EXPECT_NE(store.status().message().find("not a SQLite database"), std::string::npos);
  EXPECT_EQ(ReadFile(path), bytes);
}

TEST_F(StoreTest, RefusesASqliteDatabaseOfSomeoneElse) {
  const std::string path = (dir_ / "crm.sqlite").string();
  RawExec(path, "CREATE TABLE customers (name TEXT); INSERT INTO customers VALUES ('Ada');");
  const std::string before = ReadFile(path);
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find(path), std::string::npos) << store.status().message();
  EXPECT_NE(store.status().message().find("not a sitrep store"), std::string::npos);
  EXPECT_EQ(ReadFile(path), before);  // not even switched to WAL
  EXPECT_FALSE(fs::exists(path + "-wal"));
}

TEST_F(StoreTest, RefusesAnotherApplicationsMarker) {
  const std::string path = (dir_ / "other.db").string();
  RawExec(path, "PRAGMA application_id = 1234;");
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find(path), std::string::npos);
  EXPECT_NE(store.status().message().find("another application"), std::string::npos) << store.status().message();
}

TEST_F(StoreTest, RefusesAStoreFromTheFuture) {
  { Open(); }
  RawExec(path_, "PRAGMA user_version = " + std::to_string(sqlite::LatestSchemaVersion() + 1));
  Result<std::unique_ptr<Store>> store = Store::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find(path_), std::string::npos);
  EXPECT_NE(store.status().message().find("newer"), std::string::npos) << store.status().message();
}

TEST_F(StoreTest, CannotCreateAStoreInAMissingDirectory) {
  const std::string path = (dir_ / "no" / "such" / "dir" / "store.db").string();
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().ToString().find(path), std::string::npos) << store.status().ToString();
}

// postgresql:// URIs open the PostgreSQL engine: src/store/pg/store_engines_test.cc.

// ---- The statement cache ----

TEST_F(StoreTest, TheSameQueryCanBeBorrowedTwiceAtOnce) {
  auto db = Raw(path_);
  ASSERT_TRUE(db->Exec("CREATE TABLE n (v INTEGER); INSERT INTO n VALUES (1), (2);").ok());
  constexpr std::string_view kSql = "SELECT v FROM n ORDER BY v";
  Result<sqlite::Statement> outer = db->Prepare(kSql);
  ASSERT_TRUE(outer.ok());
  ASSERT_TRUE(*outer->Step());
  {
    Result<sqlite::Statement> inner = db->Prepare(kSql);  // the cached one is busy
    ASSERT_TRUE(inner.ok());
    ASSERT_TRUE(*inner->Step());
    EXPECT_EQ(inner->Int(0), 1);
  }
  ASSERT_TRUE(*outer->Step());
  EXPECT_EQ(outer->Int(0), 2);  // the nested use did not disturb the outer one
}

// ---- Migrations ----

constexpr sqlite::Migration kStep1{1, "notes", "CREATE TABLE notes (body TEXT);"};
constexpr sqlite::Migration kStep2{2, "tags", "CREATE TABLE tags (name TEXT); INSERT INTO tags VALUES ('first');"};
// Creates a table, then fails: the table must not outlive the failed step.
constexpr sqlite::Migration kBrokenStep3{3, "broken", "CREATE TABLE links (url TEXT); INSERT INTO nowhere VALUES (1);"};

TEST_F(StoreTest, MigratesStepByStepAndStopsAtABrokenStep) {
  const sqlite::Migration v1[] = {kStep1};
  const sqlite::Migration v2[] = {kStep1, kStep2};
  const sqlite::Migration v3[] = {kStep1, kStep2, kBrokenStep3};

  ASSERT_TRUE(sqlite::OpenSqliteStore(path_, v1).ok());
  EXPECT_EQ(RawInt("PRAGMA user_version"), 1);
  RawExec(path_, "INSERT INTO notes VALUES ('kept')");

  ASSERT_TRUE(sqlite::OpenSqliteStore(path_, v2).ok());
  EXPECT_EQ(RawInt("PRAGMA user_version"), 2);
  EXPECT_EQ(RawInt("SELECT count(*) FROM notes"), 1);
  EXPECT_EQ(RawInt("SELECT count(*) FROM tags"), 1);

  Result<std::unique_ptr<Store>> broken = sqlite::OpenSqliteStore(path_, v3);
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.status().message().find("schema version 3"), std::string::npos) << broken.status().message();
  EXPECT_EQ(RawInt("PRAGMA user_version"), 2);
  EXPECT_EQ(RawInt("SELECT count(*) FROM sqlite_schema WHERE name = 'links'"), 0);

  // A store of version 2 is "from the future" to a build that knows only step 1.
  EXPECT_FALSE(sqlite::OpenSqliteStore(path_, v1).ok());
}

// A store written before tokens were kept (version 1) opens under the current schema
// with its documents intact and no tokens.
TEST_F(StoreTest, UpgradesAVersion1StoreWithItsDocuments) {
  ASSERT_GE(sqlite::LatestSchemaVersion(), 2);
  {
    Result<std::unique_ptr<Store>> old = sqlite::OpenSqliteStore(path_, sqlite::Migrations().first(1));
    ASSERT_TRUE(old.ok()) << old.status().ToString();
    RawExec(path_,
            "INSERT INTO documents (content_hash, text_hash, metadata, input_path, input_offset, input_format,"
            " original, clean_text, offset_map, dropped, layers, revision, ingested_at) VALUES ('" +
                HashHex("Old text.") + "', '" + HashHex("Old text.") + "', '{}', 'old.txt', 0, 'text',"
                " CAST('Old text.' AS BLOB), 'Old text.', x'01090013', '[]', '[]', 1, '2024-01-01T00:00:00Z');"
            // WriteBatch indexes new documents itself (no insert trigger), and so does this.
            " INSERT INTO documents_fts (rowid, title, clean_text) VALUES (1, NULL, 'Old text.')");
  }
  auto store = Open();
  ASSERT_TRUE(store);
  EXPECT_EQ(store->Summary()->schema_version, sqlite::LatestSchemaVersion());
  Result<StoredDoc> stored = store->LoadDocument(1);
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_EQ(stored->doc.text(), "Old text.");
  EXPECT_TRUE(stored->doc.tokens().empty());
  EXPECT_EQ(store->Search("old", 5)->size(), 1u);
}

// ---- Writing and reading documents ----

TEST_F(StoreTest, ReloadsEveryFieldOfADocument) {
  auto store = Open();
  Doc article = MakeArticle();
  ASSERT_GT(article.offset_map().pieces().size(), 1u);
  BatchStats stats = Write(*store, Batch({MakeArticle()}));
  EXPECT_EQ(stats.added, 1u);

  Result<StoredDoc> stored = store->LoadDocument(1);
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_EQ(stored->id, 1);
  EXPECT_EQ(stored->revision, 1);
  EXPECT_FALSE(stored->previous);
  EXPECT_EQ(stored->ingested_at.size(), std::string("2024-09-16T10:30:00Z").size());
  ExpectSameDoc(article, stored->doc);
  EXPECT_EQ(stored->doc.Slice(stored->doc.Layer("entity")->front().span), "Ishaq Dar");
  EXPECT_EQ(stored->doc.ToOriginal({0, 9}), article.ToOriginal({0, 9}));
}

TEST_F(StoreTest, ReloadsADocumentWithNothingButText) {
  auto store = Open();
  Doc bare = MakeText("");
  Write(*store, Batch({MakeText("")}));
  Result<StoredDoc> stored = store->LoadDocument(1);
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  ExpectSameDoc(bare, stored->doc);
}

TEST_F(StoreTest, FindsDocumentsByIdHashPathOrUrl) {
  auto store = Open();
  Doc article = MakeArticle();
  Write(*store, Batch({MakeArticle(), MakeText("Second.", "", "in/feed_2024.jsonl", 512)}));

  EXPECT_EQ(*store->FindDocuments("2"), std::vector<int64_t>{2});
  std::string prefix = article.content_hash().substr(0, 8);
  EXPECT_EQ(*store->FindDocuments(prefix), std::vector<int64_t>{1});
  for (char& c : prefix) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_EQ(*store->FindDocuments(prefix), std::vector<int64_t>{1});
  EXPECT_EQ(*store->FindDocuments("capital-ledger"), std::vector<int64_t>{1});  // path
  EXPECT_EQ(*store->FindDocuments("ledger.example/2024"), std::vector<int64_t>{1});  // url
  EXPECT_EQ(*store->FindDocuments("feed_2024"), std::vector<int64_t>{2});
  // LIKE wildcards in the key are literal: "_" is no "any character", "%" no "anything".
  EXPECT_TRUE(store->FindDocuments("feed%2024")->empty());
  EXPECT_TRUE(store->FindDocuments("dar_bass")->empty());
  EXPECT_TRUE(store->FindDocuments("99")->empty());
  EXPECT_EQ(store->FindDocuments("").status().code(), Code::kInvalidArgument);
}

TEST_F(StoreTest, LoadingAMissingDocumentIsNotFound) {
  auto store = Open();
  Result<StoredDoc> stored = store->LoadDocument(42);
  ASSERT_FALSE(stored.ok());
  EXPECT_EQ(stored.status().code(), Code::kNotFound);
}

TEST_F(StoreTest, ADamagedDocumentIsRefused) {
  auto store = Open();
  Write(*store, Batch({MakeArticle()}));
  RawExec(path_, "UPDATE documents SET original = CAST('<html>tampered</html>' AS BLOB) WHERE id = 1");
  Result<StoredDoc> stored = store->LoadDocument(1);
  ASSERT_FALSE(stored.ok());
  EXPECT_EQ(stored.status().code(), Code::kStore);
  EXPECT_NE(stored.status().message().find("document 1 is damaged"), std::string::npos)
      << stored.status().message();
}

// ---- Batch semantics ----

TEST_F(StoreTest, RewritingTheSameBatchAddsNothing) {
  auto store = Open();
  auto batch = [] { return Batch({MakeArticle(), MakeText("Talks resumed.", "https://wire.example/1")}); };
  BatchStats first = Write(*store, batch());
  EXPECT_EQ(first.added, 2u);
  EXPECT_EQ(first.unchanged, 0u);
  BatchStats second = Write(*store, batch());
  EXPECT_EQ(second.added, 0u);
  EXPECT_EQ(second.revisions, 0u);
  EXPECT_EQ(second.unchanged, 2u);
  EXPECT_EQ(store->Summary()->documents, 2u);
  EXPECT_EQ(RawInt("SELECT count(*) FROM annotations"), 4);
}

TEST_F(StoreTest, NewBytesAtAKnownUrlBecomeTheNextRevision) {
  auto store = Open();
  const std::string url = "https://wire.example/story";
  Write(*store, Batch({MakeText("Version one.", url)}));
  BatchStats stats = Write(*store, Batch({MakeText("Version two, corrected.", url)}));
  EXPECT_EQ(stats.added, 1u);
  EXPECT_EQ(stats.revisions, 1u);
  Write(*store, Batch({MakeText("Version three.", url)}));

  Result<StoredDoc> second = store->LoadDocument(2);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->revision, 2);
  EXPECT_EQ(second->previous, std::optional<int64_t>(1));
  Result<StoredDoc> third = store->LoadDocument(3);
  EXPECT_EQ(third->revision, 3);
  EXPECT_EQ(third->previous, std::optional<int64_t>(2));
  // Documents without a URL are never revisions of each other.
  BatchStats unrelated = Write(*store, Batch({MakeText("No address A."), MakeText("No address B.")}));
  EXPECT_EQ(unrelated.revisions, 0u);
}

TEST_F(StoreTest, DuplicatesInsideOneBatchAreWrittenOnce) {
  auto store = Open();
  const std::string url = "https://wire.example/live";
  BatchStats stats = Write(*store, Batch({MakeText("Same bytes."), MakeText("Same bytes."),
                                          MakeText("Live: 10:00", url), MakeText("Live: 11:00", url)}));
  EXPECT_EQ(stats.added, 3u);
  EXPECT_EQ(stats.unchanged, 1u);
  EXPECT_EQ(stats.revisions, 1u);
  EXPECT_EQ(store->Summary()->documents, 3u);
  EXPECT_EQ(store->LoadDocument(3)->revision, 2);
}

TEST_F(StoreTest, StoresFailureRowsWithTheirOffsets) {
  auto store = Open();
  std::vector<Outcome> batch;
  Outcome unreadable{{"in/feed_2024.jsonl", 4096, "jsonl"}, std::nullopt, {}};
  unreadable.failures.push_back(
      MakeFailure("in/feed_2024.jsonl", 4096, Code::kEncoding, "bad UTF-8", 4096 + 1832));
  batch.push_back(std::move(unreadable));
  Outcome partial = WithDoc(MakeArticle());
  partial.failures.push_back(MakeFailure("in/dar-bass_capital-ledger.html", 0, Code::kModel,
                                         "tagger model missing", std::nullopt, "tagger"));
  batch.push_back(std::move(partial));

  std::vector<Outcome> again = batch;
  BatchStats stats = Write(*store, std::move(batch));
  EXPECT_EQ(stats.failures, 2u);
  EXPECT_EQ(stats.added, 1u);  // a document is written even when a later stage failed

  Result<std::vector<FailureRow>> failures = store->Failures();
  ASSERT_TRUE(failures.ok()) << failures.status().ToString();
  ASSERT_EQ(failures->size(), 2u);
  const FailureRow& first = (*failures)[0];
  EXPECT_EQ(first.path, "in/feed_2024.jsonl");
  EXPECT_EQ(first.record_offset, 4096u);
  EXPECT_EQ(first.stage, "ingest");
  EXPECT_EQ(first.code, "encoding");
  EXPECT_EQ(first.byte_offset, std::optional<uint64_t>(4096 + 1832));
  EXPECT_EQ(first.message, "bad UTF-8");
  EXPECT_EQ((*failures)[1].stage, "tagger");
  EXPECT_FALSE((*failures)[1].byte_offset);
  EXPECT_EQ(RawInt("SELECT count(*) FROM failures f JOIN documents d USING (content_hash)"), 1);

  EXPECT_EQ(store->Failures("feed_")->size(), 1u);
  EXPECT_TRUE(store->Failures("feed%")->empty());

  BatchStats repeated = Write(*store, std::move(again));
  EXPECT_EQ(repeated.failures, 0u);
  EXPECT_EQ(store->Summary()->failures, 2u);
}

TEST_F(StoreTest, AFailingBatchLeavesNothingBehind) {
  auto store = Open();
  Doc bad = MakeText("Broken annotations here.", "", "in/bad.txt");
  bad.SetLayer("sentence", {{{9, 3}, "", ""}});  // begin > end: refused by a CHECK constraint
  std::vector<Outcome> batch = Batch({MakeArticle(), MakeText("Fine text.")});
  batch[1].failures.push_back(MakeFailure("in/plain.txt", 0, Code::kModel, "no model", std::nullopt, "tagger"));
  batch.push_back(WithDoc(std::move(bad)));

  Result<BatchStats> stats = store->WriteBatch(batch);
  ASSERT_FALSE(stats.ok());
  EXPECT_EQ(stats.status().code(), Code::kStore);
  EXPECT_NE(stats.status().message().find("in/bad.txt"), std::string::npos) << stats.status().message();

  Result<StoreSummary> summary = store->Summary();
  EXPECT_EQ(summary->documents, 0u);
  EXPECT_EQ(summary->failures, 0u);
  EXPECT_EQ(RawInt("SELECT count(*) FROM annotations"), 0);
  EXPECT_TRUE(store->Search("Ishaq", 10)->empty());
  EXPECT_EQ(*store->IntegrityCheck(), "ok");

  // The store is still usable, and the good part of the batch can be written again.
  batch.pop_back();
  EXPECT_EQ(Write(*store, std::move(batch)).added, 2u);
}

// ---- Full-text search ----

TEST_F(StoreTest, SearchFindsWordsAndMarksThemInTheSnippet) {
  auto store = Open();
  Write(*store, Batch({MakeArticle(), MakeText("The café in Lahore\n\nreopened after the floods."),
                       MakeText("Dar's visit to al-Qaeda territory was denied.")}));

  Result<std::vector<SearchHit>> hits = store->Search("Monday", 10);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].doc_id, 1);
  EXPECT_EQ((*hits)[0].title, "Dar meets Bass");
  EXPECT_NE((*hits)[0].snippet.find("[Monday]"), std::string::npos) << (*hits)[0].snippet;

  hits = store->Search("cafe lahore", 10);  // diacritics folded, every word required
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_NE((*hits)[0].snippet.find("[café]"), std::string::npos) << (*hits)[0].snippet;

  hits = store->Search("Dar's al-Qaeda", 10);  // plain text with ' and -
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].doc_id, 3);

  hits = store->Search("\"Donald Bass\" OR floods", 10);  // FTS5 syntax passes through
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  EXPECT_EQ(hits->size(), 2u);

  hits = store->Search("Dar", 10);  // a title match ranks first
  ASSERT_EQ(hits->size(), 2u);
  EXPECT_EQ((*hits)[0].doc_id, 1);
  EXPECT_LT((*hits)[0].rank, (*hits)[1].rank);
  EXPECT_EQ(store->Search("Dar", 1)->size(), 1u);
  hits = store->Search("Dar OR floods OR Bass", 10);  // paragraph breaks become spaces
  ASSERT_EQ(hits->size(), 3u);
  for (const SearchHit& hit : *hits) EXPECT_EQ(hit.snippet.find('\n'), std::string::npos) << hit.snippet;
}

TEST_F(StoreTest, AHostileOrMalformedQueryIsAnInvalidArgument) {
  auto store = Open();
  Write(*store, Batch({MakeArticle()}));
  for (const char* query : {"\"; DROP TABLE documents; --", "\"unbalanced", "Dar AND", "(Dar", "   "}) {
    Result<std::vector<SearchHit>> hits = store->Search(query, 10);
    ASSERT_FALSE(hits.ok()) << query;
    EXPECT_EQ(hits.status().code(), Code::kInvalidArgument) << query;
    EXPECT_FALSE(hits.status().message().empty());
  }
  EXPECT_EQ(store->Search("Dar", 0).status().code(), Code::kInvalidArgument);
  EXPECT_EQ(store->Summary()->documents, 1u);
  EXPECT_EQ(store->Search("Dar", 10)->size(), 1u);
  EXPECT_EQ(*store->IntegrityCheck(), "ok");
}

// ---- Events, summary, integrity ----

TEST_F(StoreTest, ReadsEventsWithTheirMentions) {
  auto store = Open();
  Write(*store, Batch({MakeArticle()}));
  RawExec(path_,
          "INSERT INTO stories (id, label, created_at) VALUES (1, 'Dar-Bass talks', '2024-09-17T00:00:00Z');"
          "INSERT INTO events (id, date, date_precision, type, mode, cameo, quad_class, goldstein,"
          " source_actor, target_actor, place, latitude, longitude, confidence, story_id, created_at)"
          " VALUES (1, '2024-09-16', 'day', 'CONSULT', 'meet', '040', 1, 1.0, 'PAKGOV', 'USAGOV',"
          " 'Islamabad', 33.69, 73.06, 0.9, 1, '2024-09-17T00:00:00Z'),"
          " (2, '2024-09-10', 'day', 'AGREE', NULL, NULL, NULL, NULL, 'PAKGOV', NULL, NULL, NULL, NULL,"
          " NULL, NULL, '2024-09-17T00:00:00Z');"
          "INSERT INTO event_mentions VALUES (1, 1, 0, 56, 17, 40, 0.8);");
  Result<std::vector<EventRow>> events = store->Events(10);
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  ASSERT_EQ(events->size(), 2u);
  const EventRow& newest = (*events)[0];
  EXPECT_EQ(newest.id, 1);
  EXPECT_EQ(newest.type, "CONSULT");
  EXPECT_EQ(newest.mode, "meet");
  EXPECT_EQ(newest.cameo, "040");
  EXPECT_EQ(newest.source_actor, "PAKGOV");
  EXPECT_EQ(newest.target_actor, "USAGOV");
  EXPECT_EQ(newest.place, "Islamabad");
  EXPECT_DOUBLE_EQ(newest.latitude.value_or(0), 33.69);
  EXPECT_DOUBLE_EQ(newest.confidence, 0.9);
  ASSERT_EQ(newest.mentions.size(), 1u);
  EXPECT_EQ(newest.mentions[0].doc_id, 1);
  EXPECT_EQ(newest.mentions[0].evidence, (Span{17, 40}));
  EXPECT_TRUE((*events)[1].mentions.empty());
  EXPECT_EQ(store->Events(1)->size(), 1u);

  Result<StoreSummary> summary = store->Summary();
  EXPECT_EQ(summary->documents, 1u);
  EXPECT_EQ(summary->events, 2u);
  EXPECT_EQ(summary->mentions, 1u);
  EXPECT_EQ(summary->stories, 1u);
}

TEST_F(StoreTest, IntegrityCheckNoticesAStaleSearchIndex) {
  auto store = Open();
  Write(*store, Batch({MakeArticle()}));
  EXPECT_EQ(*store->IntegrityCheck(), "ok");
  // Change a text behind the trigger's back: the index no longer matches.
  RawExec(path_, "DROP TRIGGER documents_fts_update; UPDATE documents SET clean_text = 'rewritten' WHERE id = 1;");
  Result<std::string> check = store->IntegrityCheck();
  ASSERT_TRUE(check.ok()) << check.status().ToString();
  EXPECT_NE(*check, "ok");
}

}  // namespace
}  // namespace sitrep
