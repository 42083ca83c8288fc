// make_events: a store of synthetic events for the serving benchmark and the desk's
// tests. SYNTHETIC DATA, NOT CODER OUTPUT: every event is written with coded_by =
// 'synthetic', every actor with added_by = 'synthetic', every document under the path
// synthetic://make_events/.
//
// The shape imitates a news-coded event record of South and Central Asia, 2015-2025:
// dates with a slow upward trend and bursts (crises), PLOVER types weighted as in
// news-coded data (CONSULT and ACCUSE common, CONCEDE rare), CAMEO codes and
// Goldstein scores that fit each type, actor codes from country + sector (PAKGOV,
// AFGREB, USAGOV, ...), 60 places with coordinates and provinces, casualties for
// violent events, and named (fictional) actors with roles over time. Events come in
// documents of `--per-doc` sentences, one sentence per event, and 30% of documents have
// a second outlet's report of their first five events, so events have 1 or 2 mentions
// whose evidence spans point into stored documents.
//
//   make_events --db FILE --events 1000000 [--seed 1] [--per-doc 20]
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>
#include <random>

#include "sitrep/store.h"

namespace {

using sitrep::DeskEvent;
using sitrep::NewEvent;

struct Place {
  const char* name;
  const char* admin1;
  const char* country;
  double lat, lon;
  double weight;
};

const Place kPlaces[] = {
    {"Islamabad", "Islamabad Capital Territory", "PAK", 33.6844, 73.0479, 9},
    {"Karachi", "Sindh", "PAK", 24.8607, 67.0011, 7},
    {"Lahore", "Punjab", "PAK", 31.5204, 74.3587, 5},
    {"Peshawar", "Khyber Pakhtunkhwa", "PAK", 34.0151, 71.5249, 6},
    {"Quetta", "Balochistan", "PAK", 30.1798, 66.9750, 6},
    {"Gwadar", "Balochistan", "PAK", 25.1216, 62.3254, 2},
    {"Turbat", "Balochistan", "PAK", 26.0023, 63.0440, 1.5},
    {"Musakhail", "Balochistan", "PAK", 30.8500, 69.8167, 1},
    {"Wana", "Khyber Pakhtunkhwa", "PAK", 32.2989, 69.5725, 2},
    {"Miranshah", "Khyber Pakhtunkhwa", "PAK", 33.0044, 70.0700, 2},
    {"Bannu", "Khyber Pakhtunkhwa", "PAK", 32.9889, 70.6056, 2},
    {"Dera Ismail Khan", "Khyber Pakhtunkhwa", "PAK", 31.8313, 70.9019, 2},
    {"Rawalpindi", "Punjab", "PAK", 33.5651, 73.0169, 3},
    {"Multan", "Punjab", "PAK", 30.1575, 71.5249, 1},
    {"Hyderabad", "Sindh", "PAK", 25.3960, 68.3578, 1},
    {"Gilgit", "Gilgit-Baltistan", "PAK", 35.9208, 74.3080, 0.5},
    {"Muzaffarabad", "Azad Kashmir", "PAK", 34.3700, 73.4711, 0.8},
    {"Kabul", "Kabul", "AFG", 34.5553, 69.2075, 7},
    {"Kandahar", "Kandahar", "AFG", 31.6289, 65.7372, 3},
    {"Jalalabad", "Nangarhar", "AFG", 34.4265, 70.4515, 2},
    {"Khost", "Khost", "AFG", 33.3395, 69.9204, 1.5},
    {"Herat", "Herat", "AFG", 34.3529, 62.2040, 1.5},
    {"Mazar-i-Sharif", "Balkh", "AFG", 36.7090, 67.1109, 1},
    {"Kunduz", "Kunduz", "AFG", 36.7280, 68.8681, 1},
    {"Paktika", "Paktika", "AFG", 32.2645, 68.5247, 1},
    {"New Delhi", "Delhi", "IND", 28.6139, 77.2090, 5},
    {"Srinagar", "Jammu and Kashmir", "IND", 34.0837, 74.7973, 3},
    {"Mumbai", "Maharashtra", "IND", 19.0760, 72.8777, 1.5},
    {"Amritsar", "Punjab", "IND", 31.6340, 74.8723, 0.7},
    {"Tehran", "Tehran", "IRN", 35.6892, 51.3890, 3},
    {"Zahedan", "Sistan and Baluchestan", "IRN", 29.4963, 60.8629, 1},
    {"Beijing", "Beijing", "CHN", 39.9042, 116.4074, 3},
    {"Kashgar", "Xinjiang", "CHN", 39.4704, 75.9898, 0.5},
    {"Washington", "District of Columbia", "USA", 38.9072, -77.0369, 5},
    {"New York", "New York", "USA", 40.7128, -74.0060, 1.5},
    {"London", "England", "GBR", 51.5074, -0.1278, 1.5},
    {"Moscow", "Moscow", "RUS", 55.7558, 37.6173, 1.5},
    {"Riyadh", "Riyadh", "SAU", 24.7136, 46.6753, 1.5},
    {"Doha", "Baladiyat ad Dawhah", "QAT", 25.2854, 51.5310, 1.5},
    {"Dubai", "Dubai", "ARE", 25.2048, 55.2708, 1},
    {"Dushanbe", "Dushanbe", "TJK", 38.5598, 68.7870, 0.5},
    {"Tashkent", "Tashkent", "UZB", 41.2995, 69.2401, 0.5},
    {"Ankara", "Ankara", "TUR", 39.9334, 32.8597, 0.5},
    {"Geneva", "Geneva", "CHE", 46.2044, 6.1432, 0.5},
    {"Dhaka", "Dhaka", "BGD", 23.8103, 90.4125, 0.7},
    {"Kathmandu", "Bagmati", "NPL", 27.7172, 85.3240, 0.3},
    {"Colombo", "Western", "LKA", 6.9271, 79.8612, 0.3},
};

struct TypeInfo {
  const char* type;
  double weight;
  std::vector<const char*> cameo;
  double goldstein;
  const char* phrase;  // "{src} {phrase} {tgt}"
};

const TypeInfo kTypes[] = {
    {"CONSULT", 24, {"040", "041", "042", "043", "046"}, 1.0, "held talks with"},
    {"ACCUSE", 12, {"110", "111", "112"}, -2.0, "accused"},
    {"ASSAULT", 14, {"180", "183", "190", "193", "195"}, -10.0, "attacked"},
    {"SUPPORT", 8, {"050", "051", "052"}, 3.5, "praised"},
    {"COOPERATE", 7, {"060", "061", "062", "064"}, 6.0, "signed a cooperation agreement with"},
    {"AGREE", 5, {"030", "031", "057"}, 4.0, "agreed with"},
    {"REQUEST", 5, {"020", "021", "024"}, -0.1, "called on"},
    {"AID", 4, {"070", "071", "073"}, 7.0, "sent aid to"},
    {"THREATEN", 4, {"130", "138"}, -6.0, "threatened"},
    {"PROTEST", 4, {"140", "141", "145"}, -6.5, "protested against"},
    {"COERCE", 4, {"170", "173", "174", "175"}, -7.0, "arrested members of"},
    {"REJECT", 3, {"120", "125", "128"}, -4.0, "rejected a demand by"},
    {"SANCTION", 2, {"160", "163", "172"}, -5.0, "imposed sanctions on"},
    {"MOBILIZE", 2, {"150", "152", "154"}, -7.2, "deployed troops against"},
    {"CONCEDE", 0.5, {"081", "083"}, 5.0, "made concessions to"},
    {"RETREAT", 0.5, {"087"}, 5.0, "withdrew forces from an area held by"},
};

struct Country {
  const char* code;
  const char* adjective;
  double weight;
};
const Country kCountries[] = {{"PAK", "Pakistani", 30}, {"AFG", "Afghan", 12}, {"USA", "US", 12}, {"IND", "Indian", 10},
                              {"CHN", "Chinese", 5},    {"IRN", "Iranian", 5}, {"GBR", "British", 3}, {"RUS", "Russian", 3},
                              {"SAU", "Saudi", 3},      {"QAT", "Qatari", 2},  {"TUR", "Turkish", 1}, {"ARE", "Emirati", 1},
                              {"UZB", "Uzbek", 1},      {"TJK", "Tajik", 1},   {"BGD", "Bangladeshi", 1}};
struct Sector {
  const char* code;
  const char* noun;
  double weight;
};
const Sector kSectors[] = {{"GOV", "government", 45}, {"MIL", "military", 15}, {"REB", "militants", 10},
                           {"CVL", "civilians", 10},  {"COP", "police", 8},    {"MED", "media", 3},
                           {"BUS", "businesses", 4},  {"OPP", "opposition", 5}};

const char* kOutlets[] = {"Dawn", "The Express Tribune", "Geo News", "The News International", "Pakistan Today",
                          "Tolo News", "The Hindu", "Reuters", "Associated Press", "Agence France-Presse",
                          "Al Jazeera", "BBC News"};
const char* kFirst[] = {"Ayesha", "Bilal", "Farah", "Hamid", "Imran", "Javed", "Khalid", "Laila", "Maryam", "Nadia",
                        "Omar", "Rashid", "Sana", "Tariq", "Usman", "Zara", "Daniel", "Emily", "Karen", "Robert",
                        "Anil", "Priya", "Wei", "Sergei", "Fatima", "Ahmad"};
const char* kLast[] = {"Karim", "Qureshi", "Siddiqui", "Malik", "Chaudhry", "Hassan", "Rahimi", "Popal", "Brooks",
                       "Whitman", "Sharma", "Iyer", "Zhang", "Volkov", "Al-Thani", "Haidari", "Baig", "Mirza"};
const char* kRoles[] = {"Foreign Minister", "Interior Minister", "Defence Minister", "Prime Minister",
                        "Army Chief", "Spokesperson", "Ambassador", "Provincial Governor", "Police Chief"};

template <typename T, size_t N>
const T& Pick(std::mt19937_64& rng, const T (&items)[N]) {
  static std::discrete_distribution<size_t>* dist = [&items] {
    std::vector<double> w;
    for (const T& item : items) w.push_back(item.weight);
    return new std::discrete_distribution<size_t>(w.begin(), w.end());
  }();
  return items[(*dist)(rng)];
}

std::string ActorName(const std::string& code) {
  std::string adjective = code.substr(0, 3), noun = code.substr(3);
  for (const Country& c : kCountries)
    if (adjective == c.code) adjective = c.adjective;
  for (const Sector& s : kSectors)
    if (noun == s.code) noun = s.noun;
  return fmt::format("{} {}", adjective, noun);
}

// A day in 2015-01-01 .. 2025-06-30: a rising trend plus bursts of a few weeks.
std::string RandomDay(std::mt19937_64& rng) {
  constexpr int kDays = 3833;
  std::uniform_real_distribution<double> u(0, 1);
  int day;
  if (u(rng) < 0.15) {
    static const int kBursts[] = {310, 980, 1460, 2050, 2420, 2700, 3160, 3520, 3740};
    std::normal_distribution<double> around(kBursts[std::uniform_int_distribution<int>(0, 8)(rng)], 12);
    day = std::clamp(static_cast<int>(around(rng)), 0, kDays - 1);
  } else {
    day = static_cast<int>(kDays * std::sqrt(u(rng)));  // density rising with time
  }
  auto date = std::chrono::sys_days(std::chrono::year(2015) / 1 / 1) + std::chrono::days(day);
  std::chrono::year_month_day ymd(date);
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

struct Generator {
  std::mt19937_64 rng;
  std::vector<int64_t> people;        // actor ids
  std::vector<std::string> people_code;

  explicit Generator(uint64_t seed) : rng(seed) {}

  std::string Code(bool violent_source) {
    const Country& c = Pick(rng, kCountries);
    std::string sector = Pick(rng, kSectors).code;
    if (violent_source && std::uniform_real_distribution<double>(0, 1)(rng) < 0.6) sector = "REB";
    return std::string(c.code) + sector;
  }

  NewEvent Event() {
    NewEvent n;
    DeskEvent& e = n.event;
    const TypeInfo& t = Pick(rng, kTypes);
    const Place& p = Pick(rng, kPlaces);
    std::uniform_real_distribution<double> u(0, 1);
    e.date = RandomDay(rng);
    e.type = t.type;
    e.cameo = t.cameo[std::uniform_int_distribution<size_t>(0, t.cameo.size() - 1)(rng)];
    e.goldstein = t.goldstein;
    bool violent = e.type == "ASSAULT" || e.type == "COERCE" || e.type == "MOBILIZE";
    e.source_actor = Code(violent);
    do e.target_actor = Code(false);
    while (e.target_actor == e.source_actor);
    if (u(rng) < 0.5) e.source_actor.replace(0, 3, p.country);  // actors are often from where it happens
    e.place = p.name, e.admin1 = p.admin1, e.country = p.country;
    // Jitter within ~5 km so the map shows places, not one dot each.
    e.latitude = p.lat + (u(rng) - 0.5) * 0.09, e.longitude = p.lon + (u(rng) - 0.5) * 0.09;
    if (e.type == "ASSAULT") {
      e.killed = static_cast<int64_t>(std::geometric_distribution<int>(0.25)(rng));
      e.injured = static_cast<int64_t>(std::geometric_distribution<int>(0.15)(rng));
    }
    e.confidence = 0.5 + 0.5 * u(rng);
    e.coded_by = "synthetic";
    if (!people.empty() && u(rng) < 0.3) {
      size_t who = std::uniform_int_distribution<size_t>(0, people.size() - 1)(rng);
      n.actors.push_back({people[who], "source"});
      e.source_actor = people_code[who];
    }
    return n;
  }

  std::string Sentence(const DeskEvent& e, const std::string& outlet_style) {
    std::string tail = e.killed ? fmt::format(", killing {} people and injuring {}", *e.killed, *e.injured) : "";
    const char* phrase = "met";
    for (const TypeInfo& t : kTypes)
      if (e.type == t.type) phrase = t.phrase;
    return fmt::format("{}In {}, {}, the {} {} the {} on {}{}.", outlet_style, e.place, e.admin1,
                       ActorName(e.source_actor), phrase, ActorName(e.target_actor), e.date, tail);
  }
};

sitrep::Outcome MakeDoc(const std::string& path, const std::string& title, const std::string& date,
                        const std::string& outlet, const std::string& text) {
  sitrep::Metadata meta;
  meta.title = title;
  meta.published = sitrep::DateTime{date, sitrep::DateTime::Precision::kDay, std::nullopt, "synthetic"};
  meta.source = outlet;
  meta.url = "https://example.org/synthetic/" + path;
  meta.language = "en";
  sitrep::Origin origin{"synthetic://make_events/" + path, 0, "text"};
  sitrep::Outcome out;
  out.origin = origin;
  out.doc.emplace(origin, text, text, sitrep::OffsetMap::Identity(static_cast<uint32_t>(text.size())), meta);
  return out;
}

int Run(const std::string& db, int64_t total, uint64_t seed, int per_doc) {
  auto opened = sitrep::Store::Open(db);
  if (!opened.ok()) return std::cerr << opened.status().ToString() << "\n", 1;
  sitrep::Store& store = **opened;
  Generator g(seed);
  auto started = std::chrono::steady_clock::now();

  // Named people, each with two or three roles over the years.
  for (int i = 0; i < 300; ++i) {
    const Country& c = Pick(g.rng, kCountries);
    sitrep::Actor a;
    a.code = std::string(c.code) + (i % 3 == 0 ? "MIL" : "GOV");
    a.name = fmt::format("{} {} ({})", kFirst[g.rng() % std::size(kFirst)], kLast[g.rng() % std::size(kLast)], i);
    a.kind = "person", a.country = c.code, a.added_by = "synthetic";
    int year = 2015 + static_cast<int>(g.rng() % 4);
    for (int r = 0, n = 2 + static_cast<int>(g.rng() % 2); r < n; ++r) {
      int length = 1 + static_cast<int>(g.rng() % 4);
      a.roles.push_back({kRoles[g.rng() % std::size(kRoles)], a.code, fmt::format("{}-0{}-01", year, 1 + g.rng() % 9),
                         year + length > 2025 ? "" : fmt::format("{}-0{}-01", year + length, 1 + g.rng() % 9),
                         std::nullopt});
      year += length;
    }
    auto id = store.UpsertActor(a);
    if (!id.ok()) return std::cerr << id.status().ToString() << "\n", 1;
    g.people.push_back(*id), g.people_code.push_back(a.code);
  }

  int64_t made = 0, docs = 0;
  const int64_t kBatch = 10'000;
  while (made < total) {
    const int64_t n = std::min(kBatch, total - made);
    std::vector<NewEvent> events;
    for (int64_t i = 0; i < n; ++i) events.push_back(g.Event());
    // Documents: `per_doc` events each, one sentence per event; 30% have a second report.
    std::vector<sitrep::Outcome> outcomes;
    struct Placed {
      size_t outcome;
      sitrep::Span span;
    };
    std::vector<std::vector<Placed>> where(events.size());
    for (size_t first = 0; first < events.size(); first += per_doc) {
      size_t last = std::min(events.size(), first + per_doc);
      for (int copy = 0; copy < 2; ++copy) {
        if (copy == 1 && g.rng() % 10 >= 3) break;
        size_t upto = copy == 0 ? last : std::min(last, first + 5);
        const char* outlet = kOutlets[g.rng() % std::size(kOutlets)];
        std::string text = fmt::format("{} roundup\n", events[first].event.place);
        for (size_t i = first; i < upto; ++i) {
          std::string sentence = g.Sentence(events[i].event, copy ? "Reports said that " : "");
          where[i].push_back({outcomes.size(), {static_cast<uint32_t>(text.size()),
                                                static_cast<uint32_t>(text.size() + sentence.size())}});
          text += sentence + (i % 4 == 3 ? "\n" : " ");
        }
        std::string path = fmt::format("doc-{}", docs++);
        outcomes.push_back(MakeDoc(path, fmt::format("{} roundup ({})", events[first].event.place, path),
                                   events[first].event.date, outlet, text));
      }
    }
    std::vector<std::string> hashes;
    for (const auto& o : outcomes) hashes.push_back(o.doc->content_hash());
    auto written = store.WriteBatch(outcomes);
    if (!written.ok()) return std::cerr << written.status().ToString() << "\n", 1;
    std::vector<int64_t> doc_ids;
    for (const std::string& hash : hashes) {
      auto ids = store.FindDocuments(hash);
      if (!ids.ok() || ids->empty()) return std::cerr << "a synthetic document was not stored\n", 1;
      doc_ids.push_back(ids->front());
    }
    for (size_t i = 0; i < events.size(); ++i)
      for (const Placed& p : where[i]) {
        sitrep::DeskMention m;
        m.doc_id = doc_ids[p.outcome], m.sentence = p.span, m.evidence = p.span;
        m.confidence = events[i].event.confidence;
        events[i].mentions.push_back(m);
      }
    auto ids = store.InsertEvents(events);
    if (!ids.ok()) return std::cerr << ids.status().ToString() << "\n", 1;
    made += n;
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cerr << fmt::format("\rmake_events: {} events, {} documents, {:.0f} s", made, docs, seconds) << std::flush;
  }
  std::cerr << "\n";
  std::cout << fmt::format("{} synthetic events in {} synthetic documents -> {}\n", made, docs, db);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"make_events: a store of SYNTHETIC events for benchmarks and tests"};
  std::string db;
  int64_t events = 10'000;
  uint64_t seed = 1;
  int per_doc = 20;
  app.add_option("--db", db, "The store to fill (created if missing)")->required();
  app.add_option("--events", events, "How many events")->capture_default_str();
  app.add_option("--seed", seed, "Random seed")->capture_default_str();
  app.add_option("--per-doc", per_doc, "Events per synthetic document")->capture_default_str()->check(CLI::Range(1, 200));
  CLI11_PARSE(app, argc, argv);
  return Run(db, events, seed, per_doc);
}
