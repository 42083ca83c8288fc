// The exports are the same whichever engine holds the store: the seed articles
// (../shared/seeds) go through the whole pipeline into a SQLite file and into a
// database of a throwaway PostgreSQL server, an analyst corrects a few events on both,
// the coder's events are written again (so the corrections are replayed), and every
// export format must come out byte for byte the same from the two.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <pqxx/pqxx>

#include "annotate/seed_test_util.h"
#include "code/event_rows.h"
#include "sitrep/pipeline.h"
#include "sitrep/store.h"
#include "store/export/export.h"
#include "store/pg/test_postgres.h"

// Options and filters name only the fields that matter; the rest keep their defaults.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace sitrep {
namespace {

namespace fs = std::filesystem;
using exporting::ExportFormat;
using pg::TestPostgres;

// The seed articles, read as `sitrep ingest` reads a .txt file, through every stage.
std::vector<Outcome> CodedSeeds() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(fs::path(testing::SeedPath(""))))
    if (entry.path().extension() == ".txt") names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  Result<std::unique_ptr<Pipeline>> pipeline = MakeDefaultPipeline(PipelineOptions{.threads = 1});
  EXPECT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  std::vector<Outcome> outcomes;
  if (!pipeline.ok()) return outcomes;
  for (const std::string& name : names) {
    Record record;
    record.origin = {testing::SeedPath(name), 0, "text"};
    record.format = Format::kText;
    record.bytes = *testing::ReadSeedBytes(name);
    outcomes.push_back((*pipeline)->RunOne(record));
  }
  return outcomes;
}

// What an analyst does on either engine, by event id (the ids are the same on both:
// the same events written in the same order).
void Review(Store& store, const std::vector<int64_t>& ids) {
  auto fix = [&](int64_t id, const char* action, std::string payload) {
    Result<Correction> done = store.Correct(
        Correction{.event_id = id, .action = action, .payload = std::move(payload), .author = "desk"});
    EXPECT_TRUE(done.ok()) << action << " " << id << ": " << done.status().ToString();
  };
  fix(ids[0], "mark_wrong", "{}");
  fix(ids[1], "set_type", R"({"type":"ACCUSE","cameo":"112"})");
  fix(ids[1], "set_actors", R"({"target_actor":"PAKGOV"})");
  fix(ids[2], "merge", fmt::format(R"({{"into":{}}})", ids[3]));
  fix(ids[3], "set_date", R"({"date":"2024-09-16"})");
}

// The one thing that differs by construction: when each event and correction was
// written. Both stores get the same times.
void SameTimes(Store& store, const std::string& where) {
  constexpr const char* kSql =
      "UPDATE events SET created_at = '2026-01-02T03:04:05Z';"
      " UPDATE corrections SET created_at = '2026-01-02T03:04:06Z';";
  if (where.rfind("postgresql://", 0) == 0) {
    pqxx::connection conn(where);
    pqxx::work tx(conn);
    tx.exec(kSql);
    tx.commit();
    return;
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(where.c_str(), &db), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db, kSql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
}

std::string Exported(Store& store, const EventFilter& filter, ExportFormat format) {
  std::string out;
  Status status = exporting::Export(store, filter, format, [&](std::string_view chunk) {
    out.append(chunk);
    return true;
  });
  EXPECT_TRUE(status.ok()) << status.ToString();
  return out;
}

TEST(ExportEngines, EveryFormatIsTheSameFromSqliteAndPostgres) {
  if (!testing::HaveSeeds()) GTEST_SKIP() << "no seed corpus at " << testing::SeedPath("");
  if (!TestPostgres::Available()) GTEST_SKIP() << "no PostgreSQL server binaries in " << TestPostgres::BinDir();
  Result<std::unique_ptr<TestPostgres>> server = TestPostgres::Start();
  ASSERT_TRUE(server.ok()) << server.status().ToString();
  Result<std::string> uri = (*server)->NewDatabase("exports");
  ASSERT_TRUE(uri.ok()) << uri.status().ToString();
  std::string dir = (fs::temp_directory_path() / "sitrep-exports-XXXXXX").string();
  ASSERT_NE(mkdtemp(dir.data()), nullptr);
  const std::vector<std::string> stores = {(fs::path(dir) / "store.db").string(), *uri};

  const std::vector<Outcome> seeds = CodedSeeds();
  ASSERT_FALSE(seeds.empty());
  std::vector<std::unique_ptr<Store>> opened;
  for (const std::string& where : stores) {
    Result<std::unique_ptr<Store>> store = Store::Open(where);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    std::vector<Outcome> batch = seeds;
    Result<BatchStats> stats = (*store)->WriteBatch(batch);
    ASSERT_TRUE(stats.ok()) << stats.status().ToString();
    EXPECT_EQ(stats->added, seeds.size());
    std::vector<int64_t> ids;
    ASSERT_TRUE((*store)->ForEachEvent({}, [&](const DeskEvent& e) { return ids.push_back(e.id), true; }).ok());
    ASSERT_GE(ids.size(), 4u) << "the seeds should give a few events";
    Review(**store, ids);
    // The coder's events of every document written again: the corrections come back.
    for (int64_t doc = 1; doc <= static_cast<int64_t>(seeds.size()); ++doc) {
      Result<StoredDoc> stored = (*store)->LoadDocument(doc);
      ASSERT_TRUE(stored.ok()) << stored.status().ToString();
      if (std::vector<NewEvent> events = code::EventRowsOf(stored->doc, doc); !events.empty()) {
        ASSERT_TRUE((*store)->InsertEvents(events).ok());
      }
    }
    SameTimes(**store, where);
    opened.push_back(std::move(*store));
  }

  const std::pair<ExportFormat, const char*> formats[] = {
      {ExportFormat::kPlover, "plover"},   {ExportFormat::kGdelt, "gdelt"},
      {ExportFormat::kGdeltMentions, "gdelt-mentions"}, {ExportFormat::kCsv, "csv"},
      {ExportFormat::kGeojson, "geojson"}, {ExportFormat::kGraphml, "graphml"},
      {ExportFormat::kCorrections, "corrections"}};
  const EventFilter everything{.include_rejected = true};
  for (const EventFilter& filter : {EventFilter{}, everything}) {
    for (const auto& [format, name] : formats) {
      const std::string from_sqlite = Exported(*opened[0], filter, format);
      const std::string from_postgres = Exported(*opened[1], filter, format);
      EXPECT_FALSE(from_sqlite.empty()) << name;
      EXPECT_EQ(from_sqlite, from_postgres) << name << (filter.include_rejected ? ", rejected included" : "");
    }
  }
  // Corrections made on the desk were replayed onto the events written again.
  Result<EventPage> wrong = opened[1]->QueryEvents({.include_rejected = true}, Page{.offset = 0, .limit = 1000});
  ASSERT_TRUE(wrong.ok()) << wrong.status().ToString();
  EXPECT_GE(std::count_if(wrong->events.begin(), wrong->events.end(),
                          [](const DeskEvent& e) { return e.status == "wrong"; }),
            2);
  opened.clear();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace sitrep
