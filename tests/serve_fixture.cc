// TEST FIXTURE, NOT CODER OUTPUT: see serve_fixture.h.
#include "tests/serve_fixture.h"

#include <sqlite3.h>

#include <fmt/format.h>

#include <vector>

namespace sitrep::testing {

namespace {

struct Spec {
  const char* name;
  const char* date;
  const char* type;
  const char* cameo;
  const char* source_actor;
  const char* target_actor;
  const char* place;
  const char* admin1;
  const char* country;
  double lat, lon;
  int64_t killed;  // -1: not stated
  std::vector<std::pair<const char*, const char*>> evidence;  // seed file prefix, phrase
};

const std::vector<Spec>& Specs() {
  static const std::vector<Spec> kSpecs = {
      {"dar_bass", "2024-09-16", "CONSULT", "040", "PAKGOV", "USAGOV", "Islamabad", "Islamabad Capital Territory",
       "PAK", 33.6844, 73.0479, -1, {{"000_", "John Bass"}, {"001_", "courtesy call"}}},
      {"us_condemns", "2024-09", "ACCUSE", "111", "USAGOV", "PAKREB", "", "", "", 0, 0, -1,
       {{"000_", "strongly condemned the August 26"}}},
      {"balochistan_attacks", "2024-08-26", "ASSAULT", "190", "PAKREB", "PAKCVL", "Musakhail", "Balochistan", "PAK",
       30.8500, 69.8167, 50, {{"000_", "deaths of over 50 people"}}},
      {"blinken_call", "2024-03", "CONSULT", "041", "USAGOV", "PAKGOV", "Islamabad", "Islamabad Capital Territory",
       "PAK", 33.6844, 73.0479, -1, {{"002_", "telephonic conversation"}}},
      {"indian_agents", "2024-01", "ACCUSE", "112", "PAKGOV", "INDGOV", "Islamabad", "Islamabad Capital Territory",
       "PAK", 33.6844, 73.0479, -1, {{"002_", "credible evidence"}}},
      {"sanction_chn", "2024-09", "SANCTION", "163", "USAGOV", "CHNBUS", "Washington", "District of Columbia", "USA",
       38.9072, -77.0369, -1, {{"001_", "Beijing Research Institute"}}},
      {"waziristan_drone", "2024-05", "ASSAULT", "195", "", "PAKCVL", "South Waziristan", "Khyber Pakhtunkhwa", "PAK",
       32.3000, 69.6000, 4, {{"003_", "drone attack"}}},
      {"naqvi_baker", "2025-04", "CONSULT", "040", "PAKGOV", "USAGOV", "Islamabad", "Islamabad Capital Territory", "PAK",
       33.6844, 73.0479, -1, {{"004_", "met with US Acting Ambassador"}}},
  };
  return kSpecs;
}

bool EndsSentence(const std::string& text, size_t i) {
  char c = text[i];
  if (c == '\n') return true;
  return (c == '.' || c == '?' || c == '!') && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n');
}

}  // namespace

Span SentenceAround(const std::string& text, const std::string& phrase) {
  size_t at = text.find(phrase);
  if (at == std::string::npos) return {};
  size_t begin = at;
  while (begin > 0 && !EndsSentence(text, begin - 1)) --begin;
  while (begin < at && (text[begin] == ' ' || text[begin] == '\n')) ++begin;
  size_t end = at + phrase.size();
  while (end < text.size() && !EndsSentence(text, end)) ++end;
  if (end < text.size() && text[end] != '\n') ++end;  // keep the full stop
  return {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
}

Status RemoveCoderEvents(const std::string& db) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open(db.c_str(), &raw);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(raw, "PRAGMA foreign_keys = ON; DELETE FROM events WHERE coded_by = 'coder'", nullptr, nullptr,
                      nullptr);
  std::string message = raw ? sqlite3_errmsg(raw) : "out of memory";
  sqlite3_close(raw);
  if (rc != SQLITE_OK) return Status(Code::kStore, fmt::format("{}: {}", db, message));
  return Status::Ok();
}

Result<FixtureIds> AddSeedFixtures(Store& store) {
  FixtureIds ids;
  std::map<std::string, std::pair<int64_t, std::string>> docs;  // seed prefix -> id, text
  for (const char* prefix : {"000_", "001_", "002_", "003_", "004_"}) {
    Result<std::vector<int64_t>> found = store.FindDocuments(std::string("seeds/") + prefix);
    if (!found.ok()) return found.status();
    if (found->empty()) return Status(Code::kNotFound, fmt::format("seed {} is not in the store", prefix));
    Result<StoredDoc> doc = store.LoadDocument(found->front());
    if (!doc.ok()) return doc.status();
    docs[prefix] = {doc->id, doc->doc.text()};
    ids[std::string("doc:") + prefix] = doc->id;
  }
  struct Person {
    const char* key;
    Actor actor;
  };
  std::vector<Person> people = {
      {"actor:dar", {0, "PAKGOV", "Ishaq Dar", "person", "PAK", "fixture",
                     {{"Foreign Minister", "PAKGOV", "2024-03-11", "", std::nullopt},
                      {"Deputy Prime Minister", "PAKGOV", "2024-04-28", "", std::nullopt}}}},
      {"actor:bass", {0, "USAGOV", "John Bass", "person", "USA", "fixture",
                      {{"Acting Under Secretary of State for Political Affairs", "USAGOV", "2024", "", std::nullopt}}}},
      {"actor:blinken", {0, "USAGOV", "Antony Blinken", "person", "USA", "fixture",
                         {{"Secretary of State", "USAGOV", "2021-01-26", "2025-01-20", std::nullopt}}}},
      {"actor:naqvi", {0, "PAKGOV", "Mohsin Naqvi", "person", "PAK", "fixture",
                       {{"Interior Minister", "PAKGOV", "2024-03-11", "", std::nullopt}}}},
      {"actor:baker", {0, "USAGOV", "Natalie Baker", "person", "USA", "fixture",
                       {{"Acting Ambassador to Pakistan", "USAGOV", "2025", "", std::nullopt}}}},
  };
  for (Person& p : people) {
    for (ActorRole& role : p.actor.roles) role.doc_id = docs["000_"].first;
    Result<int64_t> id = store.UpsertActor(p.actor);
    if (!id.ok()) return id.status();
    ids[p.key] = *id;
  }
  std::vector<NewEvent> events;
  for (const Spec& s : Specs()) {
    NewEvent n;
    DeskEvent& e = n.event;
    e.date = s.date, e.type = s.type, e.cameo = s.cameo, e.source_actor = s.source_actor;
    e.target_actor = s.target_actor, e.place = s.place, e.admin1 = s.admin1, e.country = s.country;
    if (s.lat != 0 || s.lon != 0) e.latitude = s.lat, e.longitude = s.lon;
    if (s.killed >= 0) e.killed = s.killed;
    e.confidence = 1.0;
    e.coded_by = "fixture";
    for (const auto& [prefix, phrase] : s.evidence) {
      const auto& [doc_id, text] = docs[prefix];
      Span sentence = SentenceAround(text, phrase);
      if (sentence.empty())
        return Status(Code::kNotFound, fmt::format("fixture {}: '{}' is not in seed {}", s.name, phrase, prefix));
      DeskMention m;
      m.doc_id = doc_id, m.sentence = sentence, m.evidence = sentence, m.confidence = 1.0;
      n.mentions.push_back(m);
    }
    if (std::string(s.name) == "dar_bass") n.actors = {{ids["actor:dar"], "source"}, {ids["actor:bass"], "target"}};
    if (std::string(s.name) == "blinken_call") n.actors = {{ids["actor:blinken"], "source"}, {ids["actor:dar"], "target"}};
    if (std::string(s.name) == "naqvi_baker") n.actors = {{ids["actor:naqvi"], "source"}, {ids["actor:baker"], "target"}};
    events.push_back(std::move(n));
  }
  Result<std::vector<int64_t>> made = store.InsertEvents(events);
  if (!made.ok()) return made.status();
  for (size_t i = 0; i < made->size(); ++i) ids[Specs()[i].name] = (*made)[i];
  return ids;
}

}  // namespace sitrep::testing
