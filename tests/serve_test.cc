// The HTTP API end to end: the real `sitrep serve` binary as a child process on a free
// loopback port, over a real SQLite file holding the seeds and the TEST FIXTURE events
// of serve_fixture.h. Every endpoint, the filters, and what must be refused: bad
// parameters (400 with a message), unknown ids (404), SQL injection (no effect), path
// traversal (refused), writes without the token (401) or on a read-only server (403).
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/serve_fixture.h"
#include "tests/test_util.h"

extern char** environ;

namespace sitrep::testing {
namespace {

using nlohmann::json;

// `sitrep serve` in a child process; stopped with SIGTERM at the end.
class ServerProcess {
 public:
  ServerProcess(const std::string& db, const std::vector<std::string>& extra) {
    int out[2];
    EXPECT_EQ(pipe(out), 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    // Its standard error goes to a file beside the store: if this test dies without
    // stopping it, a server still holding the test's stderr would keep CTest waiting.
    const std::string log = db + ".serve.log";
    posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    std::vector<std::string> args = {Sitrep(), "serve", "-q", "--db", db, "--port", "0", "--threads", "4"};
    args.insert(args.end(), extra.begin(), extra.end());
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    EXPECT_EQ(posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    // The first line names the address: "sitrep serve: http://127.0.0.1:PORT/ ..."
    std::string line;
    char c;
    while (read(out[0], &c, 1) == 1 && c != '\n') line += c;
    close(out[0]);
    size_t colon = line.find("127.0.0.1:");
    if (colon != std::string::npos) port_ = std::stoi(line.substr(colon + 10));
  }
  ~ServerProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int status = 0;
      waitpid(pid_, &status, 0);
    }
  }
  int port() const { return port_; }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

class ServeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("serve");
    db_ = *dir_ / "desk.db";
    CommandResult ingest = RunCommand(Sitrep() + " ingest -q " + SeedsDir() + " --db " + db_);
    ASSERT_EQ(ingest.exit_code, 0) << ingest.output;
    ASSERT_TRUE(RemoveCoderEvents(db_).ok());
    {
      auto store = Store::Open(db_);
      ASSERT_TRUE(store.ok()) << store.status().ToString();
      auto ids = AddSeedFixtures(**store);
      ASSERT_TRUE(ids.ok()) << ids.status().ToString();
      ids_ = new FixtureIds(*ids);
    }
    dir_->Write("web/index.html", "<!doctype html><title>sitrep</title>");
    dir_->Write("web/assets/app-1234.js", "console.log('sitrep')");
    dir_->Write("secret.txt", "root:x:0:0 do not serve");
    server_ = new ServerProcess(db_, {"--token", "s3cret", "--static", *dir_ / "web"});
    ASSERT_GT(server_->port(), 0) << "the server did not print its port";
  }
  static void TearDownTestSuite() {
    delete server_;
    delete ids_;
    delete dir_;
  }

  static httplib::Client Client() {
    httplib::Client client("127.0.0.1", server_->port());
    client.set_read_timeout(30, 0);
    return client;
  }
  // GET `path`; the body parsed as JSON (null when it is not JSON).
  static json Get(const std::string& path, int expect = 200) {
    auto client = Client();
    auto res = client.Get(path.c_str());
    EXPECT_TRUE(res) << path;
    if (!res) return nullptr;
    EXPECT_EQ(res->status, expect) << path << ": " << res->body;
    return json::parse(res->body, nullptr, false);
  }
  static httplib::Result Post(const std::string& path, const std::string& body, const std::string& type,
                              const std::string& token) {
    auto client = Client();
    httplib::Headers headers;
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    return client.Post(path.c_str(), headers, body, type.c_str());
  }
  static int64_t Id(const std::string& name) { return ids_->at(name); }
  static std::string Url(const std::string& path, int64_t id) { return path + std::to_string(id); }

  static TempDir* dir_;
  static std::string db_;
  static FixtureIds* ids_;
  static ServerProcess* server_;
};

TempDir* ServeTest::dir_ = nullptr;
std::string ServeTest::db_;
FixtureIds* ServeTest::ids_ = nullptr;
ServerProcess* ServeTest::server_ = nullptr;

std::string Message(const json& body) { return body.is_object() ? body["error"].value("message", "") : ""; }

TEST_F(ServeTest, HealthAndTypes) {
  json health = Get("/api/health");
  EXPECT_EQ(health["documents"], 5);
  EXPECT_GE(health["events"].get<int>(), 8);
  EXPECT_EQ(Get("/api/types")["types"].size(), 16u);
}

TEST_F(ServeTest, OpenApiDescribesEveryRoute) {
  json spec = Get("/api/openapi.json");
  ASSERT_TRUE(spec.is_object());
  EXPECT_EQ(spec["openapi"], "3.0.3");
  for (const char* path : {"/api/health", "/api/types", "/api/events", "/api/events/{id}", "/api/corrections",
                           "/api/documents", "/api/documents/{id}", "/api/actors", "/api/actors/{key}", "/api/stories",
                           "/api/stories/{id}", "/api/places", "/api/aggregates/counts", "/api/aggregates/casualties",
                           "/api/aggregates/network", "/api/export", "/api/events/{id}/corrections"})
    EXPECT_TRUE(spec["paths"].contains(path)) << path;
  EXPECT_TRUE(spec["paths"]["/api/documents"].contains("post"));
}

TEST_F(ServeTest, EventListAndFilters) {
  json all = Get("/api/events?include_rejected=true&limit=100");
  EXPECT_GE(all["total"].get<int>(), 8);
  json pak = Get("/api/events?actor=PAKGOV");
  ASSERT_GT(pak["total"].get<int>(), 0);
  EXPECT_LT(pak["total"].get<int>(), Get("/api/events")["total"].get<int>());
  for (const json& e : pak["events"])
    EXPECT_TRUE(e["source_actor"] == "PAKGOV" || e["target_actor"] == "PAKGOV") << e.dump();
  EXPECT_EQ(Get("/api/events?actor=PAKGOV&actor_role=target")["total"], 1);  // the Blinken call
  json assaults = Get("/api/events?type=ASSAULT");
  EXPECT_EQ(assaults["total"], 2);
  EXPECT_EQ(Get("/api/events?type=ASSAULT,SANCTION")["total"], 3);
  EXPECT_EQ(Get("/api/events?cameo_root=19")["total"], 2);
  EXPECT_EQ(Get("/api/events?from=2024-08-01&to=2024-08-31")["total"], 1);
  EXPECT_EQ(Get("/api/events?country=USA")["total"], 1);
  // Within 30 km of Islamabad: the meetings there, not Musakhail or Waziristan.
  json near = Get("/api/events?lat=33.7&lon=73.05&radius_km=30");
  for (const json& e : near["events"]) EXPECT_EQ(e["place"], "Islamabad");
  EXPECT_GE(near["total"].get<int>(), 3);
  EXPECT_EQ(Get("/api/events?q=drone")["events"][0]["id"], Id("waziristan_drone"));
  EXPECT_EQ(Get(Url("/api/events?doc=", Id("doc:001_")))["total"], 2);
  EXPECT_EQ(Get("/api/events?story=12345")["total"], 0);
  EXPECT_EQ(Get("/api/events?limit=2")["events"].size(), 2u);
  EXPECT_EQ(Get("/api/events?limit=2&offset=2")["offset"], 2);
}

TEST_F(ServeTest, BadParametersAre400WithAMessage) {
  struct Case {
    const char* path;
    const char* says;
  };
  for (const Case& c : {Case{"/api/events?limit=abc", "limit"}, Case{"/api/events?limit=0", "limit"},
                        Case{"/api/events?limit=5000", "limit"}, Case{"/api/events?offset=-1", "offset"},
                        Case{"/api/events?type=EXPLODE", "PLOVER"}, Case{"/api/events?from=2024-13-01", "from"},
                        Case{"/api/events?contry=PAK", "unknown parameter 'contry'"},
                        Case{"/api/events?lat=33&lon=73", "radius"}, Case{"/api/events?lat=north&lon=1&radius_km=3", "lat"},
                        Case{"/api/events?country=Pakistan", "country"}, Case{"/api/events?cameo_root=1", "cameo_root"},
                        Case{"/api/events?q=%22unbalanced", "search"}, Case{"/api/events?limit=1&limit=2", "more than once"},
                        Case{"/api/aggregates/counts?bucket=year", "bucket"}, Case{"/api/aggregates/counts?by=actor", "by"},
                        Case{"/api/export?format=xls", "format"}, Case{"/api/events?actor_role=victim&actor=PAKGOV", "actor_role"}}) {
    json body = Get(c.path, 400);
    EXPECT_NE(Message(body).find(c.says), std::string::npos) << c.path << " -> " << body.dump();
  }
}

TEST_F(ServeTest, UnknownIdsAre404) {
  for (const char* path : {"/api/events/999999", "/api/documents/999999", "/api/actors/999999", "/api/actors/ZZZGOV",
                           "/api/stories/999999", "/api/nothing", "/api/events/1/nothing"})
    EXPECT_FALSE(Message(Get(path, 404)).empty()) << path;
}

TEST_F(ServeTest, SqlInjectionHasNoEffect) {
  const int before = Get("/api/events?include_rejected=true")["total"];
  const std::string documents = QueryOne(db_, "SELECT count(*) FROM documents");
  Get("/api/events?actor=PAKGOV%27%20OR%201%3D1%20--", 400);  // not an actor code
  EXPECT_EQ(Get("/api/events?source=%27%20OR%20%271%27%3D%271")["total"], 0);
  EXPECT_EQ(Get("/api/actors?q=%25%27%20OR%20%271%27%3D%271")["actors"].size(), 0u);
  // Full-text queries reach FTS5 as one bound value: either no match, or a 400 for
  // FTS5 syntax, never SQL.
  auto client = Client();
  for (const char* path : {"/api/events?q=x%27%3B%20DROP%20TABLE%20events%3B%20--",
                           "/api/documents?q=%27%29%20OR%201%3D1%20--", "/api/events?q=%22zzzqqq%27%20OR%201%3D1%20--%22"}) {
    auto res = client.Get(path);
    ASSERT_TRUE(res);
    EXPECT_TRUE(res->status == 200 || res->status == 400) << path << " " << res->status;
    if (res->status == 200) EXPECT_EQ(res->body.find("\"id\""), std::string::npos) << path;
  }
  EXPECT_EQ(Get("/api/events?include_rejected=true")["total"], before);
  EXPECT_EQ(QueryOne(db_, "SELECT count(*) FROM documents"), documents);
  EXPECT_EQ(QueryOne(db_, "SELECT count(*) FROM sqlite_schema WHERE name = 'events'"), "1");
}

TEST_F(ServeTest, EventWithMentionsAndEvidenceInContext) {
  json out = Get(Url("/api/events/", Id("dar_bass")));
  EXPECT_EQ(out["event"]["type"], "CONSULT");
  EXPECT_EQ(out["event"]["coded_by"], "fixture");
  ASSERT_EQ(out["mentions"].size(), 2u);
  std::set<int64_t> docs;
  for (const json& m : out["mentions"]) {
    docs.insert(m["doc_id"].get<int64_t>());
    EXPECT_EQ(m["context"]["evidence"], m["evidence_text"]);
    EXPECT_NE(m["path"].get<std::string>().find("/seeds/00"), std::string::npos);
  }
  EXPECT_EQ(docs.size(), 2u);
  EXPECT_NE(out["mentions"].dump().find("John Bass"), std::string::npos);
  EXPECT_NE(out["mentions"].dump().find("courtesy call"), std::string::npos);
}

TEST_F(ServeTest, DocumentWithLayersAndEvents) {
  json doc = Get(Url("/api/documents/", Id("doc:000_")));
  EXPECT_NE(doc["articleBody"].get<std::string>().find("John Bass"), std::string::npos);
  EXPECT_TRUE(doc["layers"].is_object());
  ASSERT_GE(doc["events"].size(), 3u);
  const std::string body = doc["articleBody"];
  for (const json& e : doc["events"])
    for (const json& span : e["evidence"]) EXPECT_LE(span[1].get<size_t>(), body.size());
  EXPECT_EQ(Get("/api/documents")["documents"].size(), 5u);
  EXPECT_EQ(Get("/api/documents?q=Naqvi")["documents"].size(), 1u);
}

TEST_F(ServeTest, ActorsStoriesPlacesAggregates) {
  json actors = Get("/api/actors?q=Dar");
  ASSERT_EQ(actors["actors"].size(), 1u);
  EXPECT_EQ(actors["actors"][0]["added_by"], "fixture");
  json dar = Get(Url("/api/actors/", Id("actor:dar")));
  EXPECT_EQ(dar["actor"]["roles"].size(), 2u);
  EXPECT_EQ(dar["events_as_source"]["total"], 1);
  EXPECT_EQ(dar["events_as_target"]["total"], 1);
  json code = Get("/api/actors/PAKGOV");
  EXPECT_GE(code["code"]["as_source"].get<int>(), 2);
  EXPECT_GE(code["code"]["members"].size(), 2u);
  EXPECT_TRUE(Get("/api/stories")["stories"].is_array());
  json places = Get("/api/places");
  EXPECT_EQ(places["places"][0]["place"], "Islamabad");
  json counts = Get("/api/aggregates/counts?bucket=month&by=type,country");
  int total = 0;
  for (const json& c : counts["counts"]) total += c["events"].get<int>();
  EXPECT_EQ(total, Get("/api/events")["total"]);
  EXPECT_EQ(Get("/api/aggregates/counts?bucket=week&type=ASSAULT")["counts"].size(), 2u);
  EXPECT_EQ(Get("/api/aggregates/counts?bucket=day&from=2024-08-26&to=2024-08-26")["counts"][0]["period"], "2024-08-26");
  json casualties = Get("/api/aggregates/casualties");
  int killed = 0;
  for (const json& c : casualties["casualties"]) killed += c["killed"].get<int>();
  EXPECT_EQ(killed, 54);
  json network = Get("/api/aggregates/network");
  EXPECT_GE(network["edges"].size(), 4u);
}

TEST_F(ServeTest, EtagAndGzip) {
  auto client = Client();
  auto first = client.Get("/api/events");
  ASSERT_TRUE(first);
  std::string etag = first->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  auto again = client.Get("/api/events", httplib::Headers{{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  auto zipped = client.Get(Url("/api/documents/", Id("doc:004_")).c_str(), httplib::Headers{{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(zipped);
  EXPECT_EQ(zipped->get_header_value("Content-Encoding"), "gzip");
}

TEST_F(ServeTest, WritesNeedTheToken) {
  const std::string path = Url("/api/events/", Id("sanction_chn")) + "/corrections";
  const std::string body = R"({"action": "mark_wrong", "author": "test"})";
  auto none = Post(path, body, "application/json", "");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  auto wrong = Post(path, body, "application/json", "guess");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
  auto doc = Post("/api/documents", "Some article.", "text/plain", "");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->status, 401);
  EXPECT_EQ(QueryOne(db_, "SELECT count(*) FROM corrections"), "0");
}

TEST_F(ServeTest, CorrectionsAreAppliedAndLogged) {
  const int64_t id = Id("indian_agents");
  const std::string path = Url("/api/events/", id) + "/corrections";
  auto set = Post(path, R"({"action": "set_type", "payload": {"type": "THREATEN", "cameo": "130"}, "author": "ana",
                           "note": "a threat, not an accusation"})",
                  "application/json", "s3cret");
  ASSERT_TRUE(set);
  ASSERT_EQ(set->status, 201) << set->body;
  json event = Get(Url("/api/events/", id));
  EXPECT_EQ(event["event"]["type"], "THREATEN");
  EXPECT_EQ(event["event"]["status"], "corrected");
  ASSERT_EQ(event["corrections"].size(), 1u);
  EXPECT_EQ(event["corrections"][0]["author"], "ana");
  EXPECT_EQ(event["corrections"][0]["replaced"]["type"], "ACCUSE");
  auto bad = Post(path, R"({"action": "explode"})", "application/json", "s3cret");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  auto not_json = Post(path, "{", "application/json", "s3cret");
  ASSERT_TRUE(not_json);
  EXPECT_EQ(not_json->status, 400);
  auto missing = Post("/api/events/999999/corrections", R"({"action": "mark_wrong"})", "application/json", "s3cret");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_GE(Get("/api/corrections")["corrections"].size(), 1u);
}

TEST_F(ServeTest, MergeAndSplit) {
  // Split the Dar-Bass meeting's second report off, then merge it back.
  json before = Get(Url("/api/events/", Id("dar_bass")));
  ASSERT_EQ(before["mentions"].size(), 2u);
  const json& m = before["mentions"][1];
  json split = {{"action", "split"}, {"payload", {{"mentions", {{m["doc_id"], m["evidence"][0], m["evidence"][1]}}}}}};
  auto res = Post(Url("/api/events/", Id("dar_bass")) + "/corrections", split.dump(), "application/json", "s3cret");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  int64_t made = json::parse(res->body)["correction"]["result_event"];
  EXPECT_EQ(Get(Url("/api/events/", Id("dar_bass")))["mentions"].size(), 1u);
  EXPECT_EQ(Get(Url("/api/events/", made))["event"]["coded_by"], "analyst");
  json merge = {{"action", "merge"}, {"payload", {{"into", Id("dar_bass")}}}};
  res = Post(Url("/api/events/", made) + "/corrections", merge.dump(), "application/json", "s3cret");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  EXPECT_EQ(Get(Url("/api/events/", Id("dar_bass")))["mentions"].size(), 2u);
  EXPECT_EQ(Get(Url("/api/events/", made))["event"]["status"], "merged");
  const json listed = Get("/api/events?limit=100");  // named: a temporary would die before the loop
  for (const json& e : listed["events"]) EXPECT_NE(e["id"], made);
}

TEST_F(ServeTest, IngestThroughTheApi) {
  const std::string article = "Envoys meet in Kabul\n\nKABUL: Envoys of two countries met on Tuesday to discuss trade.";
  auto res = Post("/api/documents?source=Test%20Wire", article, "text/plain", "s3cret");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  int64_t id = json::parse(res->body)["id"];
  json doc = Get(Url("/api/documents/", id));
  EXPECT_NE(doc["articleBody"].get<std::string>().find("Envoys of two countries"), std::string::npos);
  auto again = Post("/api/documents?source=Test%20Wire", article, "text/plain", "s3cret");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
  EXPECT_EQ(json::parse(again->body)["added"], false);
  auto html = Post("/api/documents", "<html><head><title>T</title></head><body><article><p>Hello there, this is a "
                   "paragraph of an article.</p></article></body></html>", "text/html", "s3cret");
  ASSERT_TRUE(html);
  EXPECT_EQ(html->status, 201) << html->body;
  auto odd = Post("/api/documents", "x", "image/png", "s3cret");
  ASSERT_TRUE(odd);
  EXPECT_EQ(odd->status, 400);
}

TEST_F(ServeTest, StaticFilesAndTraversal) {
  auto client = Client();
  auto index = client.Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_NE(index->body.find("sitrep"), std::string::npos);
  auto asset = client.Get("/assets/app-1234.js");
  ASSERT_TRUE(asset);
  EXPECT_EQ(asset->status, 200);
  EXPECT_NE(asset->get_header_value("Cache-Control").find("immutable"), std::string::npos);
  EXPECT_EQ(client.Get("/nothing.html")->status, 404);
  for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt",
                           "/assets/%252e%252e/secret.txt", "/.hidden", "/..\\secret.txt", "/assets/../../secret.txt"}) {
    auto res = client.Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_TRUE(res->status == 403 || res->status == 400 || res->status == 404) << path << " " << res->status;
    EXPECT_EQ(res->body.find("root:x"), std::string::npos) << path;
  }
}

TEST_F(ServeTest, ExportsOverHttp) {
  auto client = Client();
  auto gdelt = client.Get("/api/export?format=gdelt");
  ASSERT_TRUE(gdelt);
  ASSERT_EQ(gdelt->status, 200);
  std::istringstream lines(gdelt->body);
  int rows = 0;
  for (std::string line; std::getline(lines, line); ++rows)
    EXPECT_EQ(std::count(line.begin(), line.end(), '\t'), 60) << line;
  EXPECT_EQ(rows, Get("/api/events")["total"]);
  auto plover = client.Get("/api/export?format=plover&type=ASSAULT");
  ASSERT_TRUE(plover);
  std::istringstream records(plover->body);
  for (std::string line; std::getline(records, line);) {
    json r = json::parse(line);
    EXPECT_EQ(r["event"][0], "ASSAULT");
    EXPECT_TRUE(r.contains("id") && r.contains("date") && r.contains("actor"));
  }
}

TEST_F(ServeTest, ReadOnlyServerRefusesWrites) {
  ServerProcess readonly(db_, {});
  ASSERT_GT(readonly.port(), 0);
  httplib::Client client("127.0.0.1", readonly.port());
  auto res = client.Post(Url("/api/events/", Id("dar_bass")).append("/corrections").c_str(),
                         httplib::Headers{{"Authorization", "Bearer s3cret"}}, R"({"action":"mark_wrong"})",
                         "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  EXPECT_EQ(client.Get("/api/health")->status, 200);
}

// Re-coding: the events are deleted and coded again from the same evidence; the
// analyst's corrections come back with them.
TEST(ServeReviewTest, CorrectionsSurviveRecoding) {
  TempDir dir("serve_recode");
  const std::string db = dir / "recode.db";
  ASSERT_EQ(RunCommand(Sitrep() + " ingest -q " + SeedsDir() + " --db " + db).exit_code, 0);
  ASSERT_TRUE(RemoveCoderEvents(db).ok());
  auto store = Store::Open(db);
  ASSERT_TRUE(store.ok());
  auto ids = AddSeedFixtures(**store);
  ASSERT_TRUE(ids.ok()) << ids.status().ToString();
  Correction wrong{.event_id = ids->at("sanction_chn"), .action = "mark_wrong", .author = "ana"};
  ASSERT_TRUE((*store)->Correct(wrong).ok());
  Correction retype{.event_id = ids->at("us_condemns"), .action = "set_type", .payload = R"({"type":"REJECT"})",
                    .author = "ana"};
  ASSERT_TRUE((*store)->Correct(retype).ok());
  store->reset();
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  // Re-coding numbers events anew: a placeholder row moves the new ids past the old.
  ASSERT_EQ(sqlite3_exec(raw,
                         "PRAGMA foreign_keys = ON; DELETE FROM events; INSERT INTO events (id, date, type, created_at,"
                         " coded_by) VALUES (100, '2020', 'AGREE', 'now', 'fixture')",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  store = Store::Open(db);
  ASSERT_TRUE(store.ok());
  auto again = AddSeedFixtures(**store);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_NE(again->at("sanction_chn"), ids->at("sanction_chn"));
  EXPECT_EQ((*store)->GetEvent(again->at("sanction_chn"))->status, "wrong");
  EXPECT_EQ((*store)->GetEvent(again->at("us_condemns"))->type, "REJECT");
  EXPECT_EQ((*store)->GetEvent(again->at("dar_bass"))->status, "coded");
}

// No fixture here: the events the coder stored at ingest, merged by `sitrep consolidate`.
// The Dar–Bass meeting is one listed event whose page carries the reports of both 000
// and 001; the rows merged into it are not listed on their own.
TEST(ServeCodedTest, TheConsolidatedMeetingServesBothSources) {
  TempDir dir("serve_coded");
  const std::string db = dir / "coded.db";
  ASSERT_EQ(RunCommand(Sitrep() + " ingest -q " + SeedsDir() + " --db " + db).exit_code, 0);
  ASSERT_EQ(RunCommand(Sitrep() + " consolidate -q --db " + db).exit_code, 0);
  const std::string id = QueryOne(db, "SELECT min(id) FROM events WHERE status <> 'merged' AND type = 'CONSULT'"
                                      " AND date = '2024-09-16' AND coded_by = 'coder'");
  ASSERT_FALSE(id.empty());
  ServerProcess server(db, {});
  ASSERT_GT(server.port(), 0);
  httplib::Client client("127.0.0.1", server.port());
  client.set_read_timeout(30, 0);
  auto res = client.Get(("/api/events/" + id).c_str());
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json out = json::parse(res->body);
  EXPECT_EQ(out["event"]["coded_by"], "coder");
  std::set<std::string> seeds;
  for (const json& m : out["mentions"]) seeds.insert(m["path"].get<std::string>().substr(m["path"].get<std::string>().rfind('/') + 1, 3));
  EXPECT_EQ(seeds, (std::set<std::string>{"000", "001"})) << out["mentions"].dump();
  // A row merged into it says why, as consolidation recorded it.
  ASSERT_FALSE(out["merged"].empty());
  auto member = client.Get(("/api/events/" + std::to_string(out["merged"][0].get<int64_t>())).c_str());
  ASSERT_TRUE(member);
  json merged = json::parse(member->body);
  EXPECT_EQ(merged["event"]["status"], "merged");
  EXPECT_EQ(merged["event"]["merge_note"]["type"], "CONSULT") << merged.dump();
  auto list = client.Get("/api/events?limit=1000");
  ASSERT_TRUE(list);
  json events = json::parse(list->body);
  for (const json& e : events["events"]) EXPECT_NE(e["status"], "merged") << e.dump();
}

TEST(ServeExportTest, CliExportsEveryFormat) {
  TempDir dir("serve_export");
  const std::string db = dir / "export.db";
  ASSERT_EQ(RunCommand(Sitrep() + " ingest -q " + SeedsDir() + " --db " + db).exit_code, 0);
  ASSERT_TRUE(RemoveCoderEvents(db).ok());
  {
    auto store = Store::Open(db);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(AddSeedFixtures(**store).ok());
  }
  auto run = [&](const std::string& args) { return RunCommand(Sitrep() + " export --db " + db + " " + args); };
  CommandResult gdelt = run("--format gdelt");
  ASSERT_EQ(gdelt.exit_code, 0) << gdelt.output;
  std::istringstream lines(gdelt.output);
  int rows = 0;
  for (std::string line; std::getline(lines, line); ++rows) {
    ASSERT_EQ(std::count(line.begin(), line.end(), '\t'), 60) << line;
    if (line.rfind(std::to_string(1) + "\t", 0) == 0) EXPECT_NE(line.find("\tPK\t"), std::string::npos) << line;
  }
  EXPECT_EQ(rows, 8);
  CommandResult mentions = run("--format gdelt-mentions");
  std::istringstream mention_lines(mentions.output);
  rows = 0;
  for (std::string line; std::getline(mention_lines, line); ++rows) EXPECT_EQ(std::count(line.begin(), line.end(), '\t'), 15);
  EXPECT_EQ(rows, 9);  // the meeting has two mentions
  CommandResult csv = run("--format csv --actor PAKGOV");
  EXPECT_EQ(csv.output.rfind("id,date,type,", 0), 0u);
  CommandResult geo = run("--format geojson --out " + (dir / "e.geojson"));
  ASSERT_EQ(geo.exit_code, 0) << geo.output;
  json fc = json::parse(ReadFile(dir / "e.geojson"));
  EXPECT_EQ(fc["type"], "FeatureCollection");
  EXPECT_EQ(fc["features"].size(), 7u);  // all but the condemnation, which has no place
  CommandResult graph = run("--format graphml");
  EXPECT_NE(graph.output.find("<graphml"), std::string::npos);
  EXPECT_NE(graph.output.find("<node id=\"PAKGOV\">"), std::string::npos);
  CommandResult plover = run("--format plover --type CONSULT");
  EXPECT_NE(plover.output.find("\"code\":\"PAK\""), std::string::npos);
  EXPECT_EQ(run("--format xls").exit_code, 2);
  EXPECT_NE(run("--format csv --from 2024-99").exit_code, 0);
}

}  // namespace
}  // namespace sitrep::testing
