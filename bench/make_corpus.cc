// make_corpus: writes a synthetic news corpus for the ingest benchmark.
//
//   make_corpus OUT_DIR --docs N --seed S
//
// Each document is an agency-style article of about 600 words on one of six subjects
// (diplomacy, a security incident, the economy, cricket, football, the weather), built
// from the sentence templates and word lists below. They are our own; names of real
// countries, cities and international bodies appear, every outlet, agency, firm and
// person is made up. Documents come in the three forms sitrep reads, mixed in every
// block of ten as 5 plain-text files, 3 HTML pages and 2 records of a JSON Lines file:
//
//   part-NN/NNNNNN-slug.txt    headline, byline with a date, "CITY (AGENCY): " dateline,
//                              paragraphs; some hard-wrapped, some with web debris at the end
//   part-NN/NNNNNN-slug.html   a whole page: head metadata, nav, article, related-stories
//                              aside, footer
//   part-NN/feed-NN.jsonl      url, title, published, source, author, text per line
//
// with about 1,000 files a folder. Output depends only on the seed: document i is the
// same whatever N is (only the JSON Lines file it lands in changes). A hidden file
// OUT_DIR/.make_corpus, written last, records the parameters and totals; sitrep skips
// hidden files when it walks a folder, so the corpus can be ingested as it is.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace fs = std::filesystem;

// ---- Randomness ----

// SplitMix64 (Steele, Lea and Flood 2014). std::uniform_int_distribution would make
// the corpus depend on the standard library; this is the same everywhere.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n), n > 0 (the modulo bias is far below what matters here).
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  int Range(int lo, int hi) { return lo + static_cast<int>(Below(static_cast<size_t>(hi - lo + 1))); }
  bool Chance(double p) { return static_cast<double>(Next() >> 11) * 0x1.0p-53 < p; }
  template <class C>
  const auto& Pick(const C& c) { return c[Below(std::size(c))]; }
  template <class C>
  void Shuffle(C& c) {
    for (size_t i = std::size(c); i > 1; --i) std::swap(c[i - 1], c[Below(i)]);
  }

 private:
  uint64_t state_;
};

uint64_t Mix(uint64_t seed, uint64_t stream, uint64_t index) {
  Rng rng(seed ^ (stream * 0xD1B54A32D192ED03ull) ^ (index * 0x9E3779B97F4A7C15ull));
  return rng.Next();
}

// ---- Word lists ----

struct Country {
  std::string_view name;       // as it reads mid-sentence ("the United States")
  std::string_view adjective;
  std::string_view capital;
  std::array<std::string_view, 3> cities;
  std::string_view team;       // the national side's name in sport copy
  bool cricket;
  std::string_view zone;       // abbreviation sitrep's date reader knows, or ""
  int utc_offset_minutes;
};

constexpr Country kCountries[] = {
    {"Pakistan", "Pakistani", "Islamabad", {"Karachi", "Lahore", "Peshawar"}, "Pakistan", true, "PKT", 300},
    {"India", "Indian", "New Delhi", {"Mumbai", "Kolkata", "Chennai"}, "India", true, "IST", 330},
    {"Afghanistan", "Afghan", "Kabul", {"Kandahar", "Herat", "Mazar-i-Sharif"}, "Afghanistan", true, "AFT", 270},
    {"Bangladesh", "Bangladeshi", "Dhaka", {"Chittagong", "Khulna", "Sylhet"}, "Bangladesh", true, "", 360},
    {"Sri Lanka", "Sri Lankan", "Colombo", {"Kandy", "Galle", "Jaffna"}, "Sri Lanka", true, "", 330},
    {"Iran", "Iranian", "Tehran", {"Isfahan", "Mashhad", "Shiraz"}, "Iran", false, "", 210},
    {"Turkey", "Turkish", "Ankara", {"Istanbul", "Izmir", "Antalya"}, "Turkey", false, "", 180},
    {"Saudi Arabia", "Saudi", "Riyadh", {"Jeddah", "Dammam", "Medina"}, "Saudi Arabia", false, "", 180},
    {"Qatar", "Qatari", "Doha", {"Al Wakrah", "Al Khor", "Lusail"}, "Qatar", false, "", 180},
    {"Egypt", "Egyptian", "Cairo", {"Alexandria", "Giza", "Aswan"}, "Egypt", false, "EET", 120},
    {"Kenya", "Kenyan", "Nairobi", {"Mombasa", "Kisumu", "Nakuru"}, "Kenya", false, "", 180},
    {"Nigeria", "Nigerian", "Abuja", {"Lagos", "Kano", "Ibadan"}, "Nigeria", false, "", 60},
    {"Ethiopia", "Ethiopian", "Addis Ababa", {"Dire Dawa", "Mekelle", "Bahir Dar"}, "Ethiopia", false, "", 180},
    {"South Africa", "South African", "Pretoria", {"Johannesburg", "Cape Town", "Durban"}, "South Africa", true, "",
     120},
    {"China", "Chinese", "Beijing", {"Shanghai", "Guangzhou", "Chengdu"}, "China", false, "", 480},
    {"Japan", "Japanese", "Tokyo", {"Osaka", "Nagoya", "Fukuoka"}, "Japan", false, "JST", 540},
    {"Indonesia", "Indonesian", "Jakarta", {"Surabaya", "Medan", "Bandung"}, "Indonesia", false, "", 420},
    {"Malaysia", "Malaysian", "Kuala Lumpur", {"Penang", "Johor Bahru", "Kuching"}, "Malaysia", false, "", 480},
    {"Australia", "Australian", "Canberra", {"Sydney", "Melbourne", "Perth"}, "Australia", true, "AEST", 600},
    {"Britain", "British", "London", {"Manchester", "Birmingham", "Leeds"}, "England", true, "GMT", 0},
    {"France", "French", "Paris", {"Marseille", "Lyon", "Toulouse"}, "France", false, "CET", 60},
    {"Germany", "German", "Berlin", {"Hamburg", "Munich", "Frankfurt"}, "Germany", false, "CET", 60},
    {"Ukraine", "Ukrainian", "Kyiv", {"Kharkiv", "Odesa", "Lviv"}, "Ukraine", false, "EET", 120},
    {"the United States", "American", "Washington", {"New York", "Chicago", "Houston"}, "the United States", false,
     "EST", -300},
    {"Brazil", "Brazilian", "Brasilia", {"Sao Paulo", "Rio de Janeiro", "Salvador"}, "Brazil", false, "", -180},
    {"Mexico", "Mexican", "Mexico City", {"Guadalajara", "Monterrey", "Puebla"}, "Mexico", false, "CST", -360},
    {"Uzbekistan", "Uzbek", "Tashkent", {"Samarkand", "Bukhara", "Namangan"}, "Uzbekistan", false, "", 300},
    {"Norway", "Norwegian", "Oslo", {"Bergen", "Trondheim", "Stavanger"}, "Norway", false, "CET", 60},
};

constexpr std::string_view kFirstNames[] = {
    "Amina", "Bilal", "Sara", "Hamid", "Farah", "Imran", "Nadia", "Omar", "Zainab", "Tariq", "Ayesha", "Rahul",
    "Priya", "Arjun", "Meera", "Wei", "Mei", "Kenji", "Yuki", "Hiroshi", "John", "Emily", "James", "Sophie",
    "Daniel", "Olivia", "Ahmed", "Fatima", "Mustafa", "Leila", "Reza", "Mehmet", "Elif", "Kemal", "Grace",
    "Samuel", "Chinedu", "Amara", "Kwame", "Aisha", "Juan", "María", "José", "Lucía", "Carlos", "Ana", "Olena",
    "Taras", "Ivan", "Lars", "Ingrid", "Pierre", "Claire", "Hans", "Katrin", "Rashid", "Salma", "Nasir", "Hina",
    "Asad", "Sana", "Dawit", "Selam", "Thabo", "Naledi", "Aziz", "Dilnoza"};

constexpr std::string_view kLastNames[] = {
    "Malik", "Qureshi", "Khan", "Chaudhry", "Siddiqui", "Baloch", "Shah", "Rizvi", "Sharma", "Verma", "Iyer",
    "Nair", "Zhang", "Wang", "Liu", "Tanaka", "Sato", "Smith", "Johnson", "Brown", "Taylor", "Hughes", "Hassan",
    "Abdullah", "Karimi", "Ahmadi", "Yilmaz", "Demir", "Kaya", "Okafor", "Mensah", "Otieno", "Mwangi", "García",
    "Fernández", "López", "Silva", "Santos", "Kovalenko", "Shevchenko", "Petrov", "Hansen", "Larsen", "Dubois",
    "Martin", "Schneider", "Weber", "Haider", "Rehman", "Akhtar", "Javed", "Mirza", "Nakamura", "Rahman",
    "Hossain", "Perera", "Fernando", "Tesfaye", "Bekele", "Nkosi", "Karimov"};

struct Outlet {
  std::string_view name;
  std::string_view domain;
};
constexpr Outlet kOutlets[] = {
    {"Indus Evening Post", "indusevening.example"},  {"The Daily Meridian", "dailymeridian.example"},
    {"Capital Ledger", "capitalledger.example"},     {"Frontier Herald", "frontierherald.example"},
    {"Coastal Times", "coastaltimes.example"},       {"The Morning Dispatch", "morningdispatch.example"},
    {"Northern Chronicle", "northernchronicle.example"}, {"Global Wire Review", "globalwire.example"},
    {"Harbour City News", "harbourcity.example"},    {"Plains Gazette", "plainsgazette.example"},
};
constexpr std::string_view kAgencies[] = {"PEN", "APP", "NWA", "SNA", "CNS", "Dispatch", "GWR"};

constexpr std::string_view kBlocs[] = {
    "United Nations", "Shanghai Cooperation Organisation", "Organisation of Islamic Cooperation", "African Union",
    "Association of Southeast Asian Nations", "European Union", "Group of Twenty", "Commonwealth"};
constexpr std::string_view kLenders[] = {"International Monetary Fund", "World Bank", "Asian Development Bank",
                                         "Islamic Development Bank"};
constexpr std::string_view kReliefBodies[] = {"National Disaster Management Authority",
                                              "provincial disaster management authority", "civil defence department",
                                              "Red Crescent"};
constexpr std::string_view kFirms[] = {"Crescent Securities", "Harbor Line Research", "Summit Brokerage",
                                       "Topline Analytics", "Northgate Advisory", "Blue Delta Capital"};
constexpr std::string_view kTournaments[] = {"Asia Cup", "Champions Trophy", "World Cup qualifiers",
                                             "tri-nation series", "Nations Cup"};

constexpr std::string_view kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                        "July",    "August",   "September", "October", "November", "December"};
constexpr std::string_view kMonthsShort[] = {"Jan.", "Feb.", "March", "April", "May",  "June",
                                             "July", "Aug.", "Sept.", "Oct.",  "Nov.", "Dec."};
constexpr std::string_view kMonthsAbbr[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::string_view kWeekdays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                          "Saturday"};
constexpr std::string_view kOrdinals[] = {"second", "third", "fourth", "fifth", "sixth"};

// ---- Templates ----
//
// {KEY} is replaced when the text is filled in. Keys bound once per article:
//   C1 C2 C3 / A1 A2 / CAP1 CAP2 CAP3   countries, adjectives and capitals (C1 is home)
//   T1 T2 T3                            national sides, for sport
//   CITY CITY2                          where it happened, another city of C1
//   P1F P1N P1, ... P4                  people: with role, full name, surname
//   BLOC LENDER RELIEF FIRM EVENT OUTLET DAY YEAR
// Any other key draws a fresh value each time (see RandomValue): N, N2, N3, NB, BIG,
// PCT, PCTS, USD, MONTH, WD, YR2, YOLD, YOLD2, TEMP, MM, RATE, MIN, ORD, RUNS, OVERS, ANYNAME.

struct Topic {
  std::string_view name;
  std::string_view section;                 // for URLs and the HTML nav
  std::vector<std::string_view> p1, p2, p3; // role patterns; {NAME} is the full name
  std::vector<std::string_view> headlines;
  std::vector<std::string_view> leads;
  std::vector<std::string_view> body;
  std::vector<std::string_view> quotes;
};

const std::vector<Topic>& Topics() {
  static const std::vector<Topic> topics = {
      {"diplomacy",
       "world",
       {"{A1} Foreign Minister {NAME}", "{A1} Prime Minister {NAME}", "Foreign Secretary {NAME}",
        "{A1} President {NAME}"},
       {"{A2} Foreign Minister {NAME}", "{A2} Deputy Foreign Minister {NAME}", "{A2} Prime Minister {NAME}",
        "the {A2} special envoy, {NAME}"},
       {"Commerce Minister {NAME}", "Energy Minister {NAME}", "National Security Adviser {NAME}",
        "foreign office spokesperson {NAME}"},
       {"{C1} and {C2} agree to expand trade and energy ties", "{C1} summons {A2} envoy over border remarks",
        "{P1F} heads to {CAP2} for two-day talks", "{C1}, {C2} sign {N2} agreements during state visit",
        "{BLOC} meeting ends with call for restraint", "{C1} reaffirms support for dialogue as {A2} delegation arrives",
        "{A1}-{A2} talks make progress on visas and transit trade"},
       {"{C1} and {C2} on {DAY} agreed to widen cooperation in trade, energy and transport after talks between "
        "{P1F} and {P2F} in {CITY}.",
        "{P1F} said on {DAY} that {C1} wanted a stable and predictable relationship with {C2}, as the two sides "
        "opened a new round of consultations in {CITY}.",
        "The foreign office in {CITY} on {DAY} summoned the {A2} ambassador to lodge a formal protest over remarks "
        "made by a senior official in {CAP2} earlier this week.",
        "{C1} and {C2} signed {N2} agreements on {DAY} covering trade, education and the transit of goods, "
        "at the end of a visit by {P2F} to {CITY}."},
       {"The two delegations discussed a roadmap for bilateral trade, which officials hope to raise to {USD} a year "
        "by {YR2}.",
        "According to a statement issued after the meeting, both sides stressed the importance of settling "
        "differences through dialogue.",
        "{P2} thanked the hosts for their hospitality and invited {P1} to visit {CAP2} at a mutually convenient date.",
        "Officials said a memorandum of understanding on visa facilitation would be signed before the end of {MONTH}.",
        "The talks also touched on regional security, the situation in {C3} and cooperation at the {BLOC}.",
        "A joint working group will meet every {N2} months to review progress on the agreements, the statement "
        "added.",
        "Diplomats familiar with the discussions said the atmosphere was cordial but that several issues remained "
        "open.",
        "{C1} and {C2} established diplomatic relations in {YOLD} and have held annual consultations since {YOLD2}.",
        "The visit is the first at this level between the two countries in {N} years.",
        "Analysts in {CAP1} described the outcome as modest but said the tone marked an improvement on last year.",
        "Trade between the two countries fell by {PCT} percent last year, largely because of higher shipping costs "
        "and swings in exchange rates.",
        "The delegations also agreed to reopen a consular office in {CITY2}, which had been closed since {YOLD2}.",
        "Earlier in the day, {P2} laid a wreath at a national monument and met members of the business community.",
        "Both sides condemned recent attacks on civilians in the region and called for an independent inquiry.",
        "The {A2} side raised concerns about the treatment of its nationals working in {C1}, officials said.",
        "{P3F}, who attended the session, said the agreements would be presented to the cabinet next week.",
        "A second round of talks, at the level of senior officials, is planned in {CAP2} in {MONTH}.",
        "The two countries have long disagreed over fishing rights and the sharing of river water, and neither side "
        "signalled a change of position.",
        "Business leaders who travelled with the delegation signed separate deals worth about {USD} in textiles, "
        "pharmaceuticals and farm machinery.",
        "The joint statement made no mention of the stalled pipeline project, which has been under discussion for "
        "more than a decade.",
        "Opposition lawmakers in {CAP1} said the government should have secured firmer commitments on market access.",
        "{C3} and {C2} are expected to hold similar talks later this year, diplomats said."},
       {"“We have agreed to move forward step by step, and the next round will be held in {CAP2},” {P1} told "
        "reporters.",
        "“Our relationship is not directed against any third country,” {P2} said at a joint news conference.",
        "“There is a lot of work ahead, but the political will is there,” said {P3}.",
        "“We expect concrete results before the end of the year,” {P1} said, adding that both sides had listened "
        "carefully to each other.",
        "“No one gains from tension on the border, and we said so clearly,” {P3} told a weekly briefing."}},

      {"security",
       "national",
       {"city police chief {NAME}", "Senior Superintendent of Police {NAME}", "Deputy Inspector General {NAME}",
        "district police officer {NAME}"},
       {"Chief Minister {NAME}", "Interior Minister {NAME}", "provincial Home Minister {NAME}"},
       {"Deputy Commissioner {NAME}", "rescue service spokesman {NAME}", "hospital spokeswoman {NAME}"},
       {"{N} killed, several injured in blast near {CITY} market", "Police arrest {N} suspects after attack on "
        "checkpoint in {CITY}",
        "Security forces launch operation after gunmen ambush convoy near {CITY}",
        "Curfew imposed in parts of {CITY} after overnight clashes",
        "Bomb disposal squad defuses device outside {CITY} courthouse",
        "{N} policemen martyred in attack on {CITY} checkpoint"},
       {"At least {N} people were killed and {NB2} others wounded on {DAY} when an explosive device went off near a "
        "crowded market in {CITY}, police said.",
        "Gunmen on motorcycles opened fire on a police checkpoint on the outskirts of {CITY} late on {DAY}, killing "
        "{N2} officers, officials said.",
        "Security forces arrested {N} suspects in raids across {CITY} and surrounding districts on {DAY}, a day "
        "after an attack on a government office.",
        "Authorities imposed a curfew in parts of {CITY} on {DAY} after clashes between rival groups left {N2} people "
        "dead and dozens of shops burnt."},
       {"Rescue teams moved the injured to the district hospital, where an emergency was declared and doctors were "
        "called in from other facilities.",
        "{P1F} said the device had been planted on a motorcycle parked near a row of shops.",
        "Police cordoned off the area and collected evidence from the scene, while bomb disposal experts searched "
        "nearby buildings.",
        "No group immediately claimed responsibility for the attack.",
        "A similar attack in the same district in {MONTH} killed {N} people and prompted a review of security "
        "arrangements.",
        "Eyewitnesses said the blast shattered the windows of nearby buildings and set several vehicles on fire.",
        "{P2F} condemned the attack and directed officials to ensure the best possible treatment for the wounded.",
        "Mobile phone service was suspended in parts of {CITY} as a precaution, and schools were closed for the rest "
        "of the week.",
        "Officials said {N2} of the injured were in critical condition.",
        "A case has been registered against unknown attackers under anti-terrorism laws, police said.",
        "Security was tightened at government buildings, bus stations and places of worship across the province.",
        "Investigators were examining footage from security cameras installed along the main road.",
        "Traders held a protest later in the day, demanding better protection for markets in the area.",
        "According to police records, more than {NB} people have been arrested in the district since the start of "
        "the year in connection with militant activity.",
        "{P3F} said the bodies had been handed over to their families after legal formalities.",
        "The road linking {CITY} with {CITY2} was closed to traffic for several hours.",
        "Police said the attackers had used a stolen vehicle, which was later found abandoned near a canal.",
        "Funeral prayers for the slain officers were held at police lines in {CITY} and attended by senior "
        "officials.",
        "Residents said gunfire could be heard for nearly {N} minutes before reinforcements arrived.",
        "The interior ministry has asked the provincial government to submit a detailed report within {N2} days.",
        "The attack came days after authorities warned of possible threats during the holiday season."},
       {"“The attackers fled towards the hills, and a search operation is under way,” {P1} told reporters at the "
        "scene.",
        "“Those responsible will be brought to justice,” {P2} said in a statement.",
        "“I heard a loud bang and then everyone started running,” said {P4N}, a shopkeeper who was hurt in the arm.",
        "“We had received a general threat alert, but nothing specific about this location,” a senior police "
        "official said, speaking on condition of anonymity.",
        "“Our teams reached the site within ten minutes and moved the injured to hospital,” said {P3}."}},

      {"economy",
       "business",
       {"Finance Minister {NAME}", "central bank Governor {NAME}", "Finance Secretary {NAME}"},
       {"Prime Minister {NAME}", "Commerce Minister {NAME}", "Minister of State for Finance {NAME}"},
       {"{NAME}, chief economist at {FIRM}", "{NAME}, head of research at {FIRM}", "{NAME}, an analyst at {FIRM}"},
       {"{A1} inflation eases to {PCT} percent in {MONTH}", "Central bank holds key rate at {PCT} percent",
        "{C1} secures {USD} loan to shore up reserves", "Stocks close higher as investors welcome budget measures",
        "{A1} exports rise {PCT} percent on stronger textile demand", "Fuel prices raised for second time this month",
        "Remittances to {C1} hit {USD} in {MONTH}"},
       {"Consumer price inflation in {C1} slowed to {PCT} percent in {MONTH} from a year earlier, the statistics "
        "bureau said on {DAY}, the lowest reading in {N} months.",
        "The central bank of {C1} kept its policy rate unchanged at {PCT} percent on {DAY}, saying risks from "
        "commodity prices and a weak currency had not yet faded.",
        "{C1} has reached an agreement with the {LENDER} on a loan of {USD}, {P1F} said on {DAY}, a step officials "
        "hope will ease pressure on foreign reserves.",
        "Exports from {C1} rose {PCT} percent in {MONTH} from a year earlier, official data showed on {DAY}, helped "
        "by stronger demand for textiles in Europe."},
       {"Food prices, which make up the largest share of the consumer basket, rose {PCTS} percent month on month.",
        "Economists had expected a reading of around {PCT} percent, according to a survey of analysts.",
        "The benchmark stock index gained {N3}0 points, or {PCTS} percent, to close at {BIG}.",
        "Foreign exchange reserves held by the central bank stood at {USD} at the end of last week, enough to cover "
        "about {N2} months of imports.",
        "{P2F} said the government would keep subsidies targeted at low-income households and would not raise the "
        "sales tax further.",
        "The currency traded at {RATE} to the dollar in the interbank market, little changed from the previous "
        "session.",
        "Exporters have complained that high electricity tariffs make it difficult to compete with regional rivals.",
        "The finance ministry expects growth of {PCTS} percent in the current fiscal year, below its earlier target.",
        "Remittances from workers abroad rose to {USD} in {MONTH}, helped by a narrowing gap between the official "
        "and open-market exchange rates.",
        "Business groups welcomed the decision but urged the government to cut the cost of borrowing to revive "
        "investment.",
        "The trade deficit narrowed to {USD} in the first {N2} months of the fiscal year, official data showed.",
        "Analysts at {FIRM} said the figures pointed to a gradual recovery, though they warned that the outlook "
        "depended on oil prices.",
        "Textiles, rice and leather goods accounted for most of the increase in exports.",
        "The next monetary policy meeting is scheduled for {MONTH}.",
        "A mission from the {LENDER} is expected in {CAP1} later this month to review progress on reforms.",
        "Petrol prices were raised by {PCTS} percent from midnight, the second increase in a month.",
        "Turnover on the exchange rose to {NB} million shares from the previous session.",
        "Tax collection in the first quarter exceeded the target by {PCTS} percent, the revenue board said.",
        "Banks' lending to the private sector has fallen for {N2} consecutive months as borrowing costs stay high.",
        "The government plans to sell stakes in {N2} state-owned companies, including the national airline, "
        "before the end of the fiscal year.",
        "Industry groups said gas shortages had forced some mills to cut production in {CITY2}."},
       {"“The worst is behind us, but we cannot afford to be complacent,” {P1} told a news conference.",
        "“Real interest rates are now positive, and that gives the central bank room to wait,” said {P3F}.",
        "“Households are still feeling the pressure of higher bills,” said {P4N}, a shopkeeper in {CITY}.",
        "“Investors want to see that the reforms will survive the next budget,” {P3} said.",
        "“We will not burden the salaried class any further,” {P2} said in a televised address."}},

      {"cricket",
       "sport",
       {"captain {NAME}", "opener {NAME}", "all-rounder {NAME}"},
       {"{T2} captain {NAME}", "{T2} opener {NAME}", "{T2} batter {NAME}"},
       {"head coach {NAME}", "batting coach {NAME}", "chief selector {NAME}"},
       {"{T1} beat {T2} by {N2} wickets to level series", "{T1} name squad for {EVENT}",
        "{P1N} century powers {T1} to victory over {T2}",
        "Captain {P1N} ruled out of second Test with hamstring injury",
        "{T1} clinch title after {N3}-run win in final", "Rain forces draw as {T2} hold on in {CITY}"},
       {"{T1} beat {T2} by {N2} wickets in {CITY} on {DAY} to level the three-match series at one-all, with {P1F} "
        "scoring an unbeaten century.",
        "{P1F} hit a brisk {N3} as {T1} defeated {T2} by {N3} runs in the {EVENT} in {CITY} on {DAY}.",
        "Selectors on {DAY} named a {N2}-member squad for the {EVENT}, recalling {P4N} after more than a year out of "
        "the side."},
       {"Put in to bat, {T2} were bowled out for {RUNS} in {OVERS} overs, with {P2N} top-scoring with {N3}.",
        "{P1} reached a hundred off {N3} balls, hitting {N} fours and {N2} sixes.",
        "The pitch offered some turn in the second half of the match, and the spinners shared {N} wickets.",
        "A crowd of about {NB} watched the match despite the heat.",
        "{T1} will now travel to {CITY2} for the deciding match on {WD}.",
        "The visitors lost {N2} wickets for {N3} runs in a collapse after the drinks break.",
        "{P3F} said the team had worked hard on its fielding since the defeat in the first match.",
        "Rain delayed the start by {N3} minutes, but no overs were lost.",
        "The win lifted {T1} to {ORD} place in the championship standings.",
        "Fast bowler {P4N} took {N2} wickets for {N3} runs, the best figures of a career that began in {YOLD2}.",
        "{T2} had won the toss and chosen to bat on a surface that looked dry.",
        "The partnership of {N3} runs for the fourth wicket turned the match after an uneven start.",
        "Two catches were dropped in the deep during the final overs, and the fielding coach was seen shaking his "
        "head.",
        "The board said tickets for the next match had sold out within hours.",
        "{P2} was out leg before to a ball that kept low, a decision upheld on review.",
        "Spinner {ANYNAME} conceded only {N3} runs in ten overs.",
        "The series is the first between the two sides in {CITY} for {N} years."},
       {"“The boys showed a lot of character after the last game,” {P1} said at the presentation ceremony.",
        "“We were about thirty runs short, and you cannot give a side like this that many chances,” said {P2}.",
        "“The surface was better than it looked, and we read it correctly,” {P3} told reporters.",
        "“It is always special to score a hundred in front of a home crowd,” {P1} said."}},

      {"football",
       "sport",
       {"striker {NAME}", "midfielder {NAME}", "captain {NAME}"},
       {"{T2} forward {NAME}", "{T2} defender {NAME}", "{T2} captain {NAME}"},
       {"coach {NAME}", "head coach {NAME}", "assistant coach {NAME}"},
       {"{T2} stun {T1} with late winner in qualifier", "{T1} held to goalless draw by {T2}",
        "{P1N} double sends {T1} top of group", "{T1} name new coach ahead of {EVENT}",
        "{T1} beat {T2} to keep hopes alive"},
       {"{T2} scored twice in the final ten minutes to beat {T1} 2-1 in a {EVENT} match in {CITY} on {DAY}.",
        "{P1F} scored twice as {T1} beat {T2} 3-1 in {CITY} on {DAY} to move top of their group.",
        "{T1} were held to a goalless draw by {T2} in {CITY} on {DAY}, a result that leaves their hopes of reaching "
        "the finals in the balance."},
       {"The hosts took the lead in the {MIN}th minute when {P1} headed in a corner from the right.",
        "{T2} had the better of possession in the second half but struggled to create clear chances.",
        "Goalkeeper {P4N} made {N} saves, including a fine stop from close range just before half-time.",
        "The result leaves {T1} {ORD} in the group with {N} points from {N2} games.",
        "About {NB} supporters were at the stadium, many of whom had travelled from {CITY2}.",
        "{P3F} made {N2} changes to the side that lost at the weekend.",
        "The referee showed {N2} yellow cards in a tense second half.",
        "{T2} will host {T3} on {WD}, while {T1} travel to {CAP3}.",
        "{P2} hit the post in the {MIN}th minute with a shot from the edge of the area.",
        "A penalty appeal was turned down after a video review in the closing stages.",
        "Heavy rain before kick-off left parts of the pitch waterlogged, slowing the game in the first half.",
        "The federation said it would appeal against the red card shown to {ANYNAME}.",
        "Both sides were without several regular starters because of injuries and suspensions.",
        "It was the first win for {T1} against {T2} since {YOLD2}.",
        "The top two teams in each group qualify directly, while the third-placed sides go into a play-off."},
       {"“We stayed calm and believed until the end,” {P1} said after the match.",
        "“It is a painful defeat, but the group is still open,” said {P3}.",
        "“The players gave everything, and the supporters carried us in the last minutes,” {P3} told reporters.",
        "“We have to be more clinical in front of goal,” {P2} said."}},

      {"weather",
       "national",
       {"chief meteorologist {NAME}", "Director General of the meteorological department {NAME}",
        "provincial disaster management chief {NAME}"},
       {"Chief Minister {NAME}", "city administrator {NAME}", "Climate Change Minister {NAME}"},
       {"{NAME}, a researcher at a university in {CAP1}", "{NAME}, a climate scientist in {CAP1}",
        "{NAME}, who heads a relief charity in {CITY}"},
       {"Heavy rain lashes {CITY}, {N} dead as rivers swell",
        "Heatwave pushes temperatures to {TEMP} degrees in {CITY}",
        "Met office warns of more rain as floods cut off villages near {CITY}",
        "Cold wave grips north, flights delayed by fog in {CITY}",
        "Cyclone expected to make landfall near {CITY} on {WD}",
        "Monsoon rains expected to ease from {WD}, says met office"},
       {"Torrential rain lashed {CITY} and nearby districts for a second day on {DAY}, flooding low-lying "
        "neighbourhoods and killing at least {N} people, officials said.",
        "Temperatures climbed to {TEMP} degrees Celsius in {CITY} on {DAY}, the highest reading this year, as a "
        "heatwave tightened its grip over much of {C1}.",
        "The meteorological department on {DAY} warned of heavy rain and strong winds over the next {N2} days as a "
        "low-pressure system moved in from the sea towards {CITY}.",
        "Dense fog disrupted flights and road traffic in and around {CITY} on {DAY}, as a cold wave kept night "
        "temperatures near freezing across the north of {C1}."},
       {"The city received {MM} millimetres of rain in {N2} hours, according to the meteorological department.",
        "Rescue workers used boats to move families from flooded homes to relief camps set up in schools.",
        "Power supply was suspended in several areas after water entered electricity substations.",
        "{P1F} said the {RELIEF} had been asked to keep machinery and relief goods ready in vulnerable districts.",
        "Hospitals reported a rise in patients suffering from heatstroke and dehydration.",
        "Farmers said standing crops of rice and cotton had been damaged in several villages.",
        "The forecast calls for hot and dry weather in the plains, with a chance of thunderstorms in the hills by "
        "{WD}.",
        "Traffic came to a standstill on main roads as underpasses filled with water.",
        "Authorities advised residents to stay indoors during the hottest hours of the day and to drink plenty of "
        "water.",
        "The river was flowing at {NB} cubic metres per second near {CITY2}, a level classed as high flood.",
        "Fishermen were told not to go out to sea until the warning is lifted.",
        "{NB} houses were damaged, {N3} of them completely, the district administration said in a preliminary "
        "report.",
        "Last year's monsoon floods affected millions of people and caused damage estimated at {USD}.",
        "{P2F} visited the affected areas and announced an inquiry into the drainage system of the city.",
        "{N2} flights were delayed or diverted at the main airport because of poor visibility.",
        "Schools in the province will stay closed until {WD}, the education department said.",
        "The {RELIEF} said it had distributed tents, food packets and drinking water to {NB} families.",
        "Several roads in the hilly areas were blocked by landslides and were being cleared by machinery."},
       {"“The next {N2} days are critical, and we are monitoring the situation around the clock,” {P1} said.",
        "“The water came in so quickly that we could only save our children,” said {P4N}, who lives near the river "
        "bank.",
        "“This is in line with what climate scientists have been warning about for years,” said {P3F}.",
        "“We have never seen heat like this in {MONTH},” said {P4N}, a street vendor in {CITY}."}},
  };
  return topics;
}

// Sentences any story may carry, about the news around the event rather than the event.
constexpr std::string_view kGeneric[] = {
    "Officials said they would share more information once the assessment was complete.",
    "Local television channels broadcast footage from {CITY} throughout the day.",
    "The issue was also raised in parliament, where several members demanded a detailed briefing.",
    "Opposition leader {ANYNAME} criticised the government's handling of the matter and called for a debate in the "
    "assembly.",
    "The announcement came a day after the cabinet met to discuss the issue.",
    "Images and videos shared on social media showed crowds gathering, though not all of them could be verified.",
    "Earlier this year, the government set up a committee to recommend changes to the existing rules.",
    "Officials are expected to give an update on {WD}.",
    "A spokesperson for the ministry did not respond to a request for comment.",
    "The development was welcomed by civil society groups, who said it had been long overdue.",
};

// ---- Filling templates ----

using Bindings = std::map<std::string, std::string, std::less<>>;

std::string WithCommas(int n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string FullName(Rng& rng) { return fmt::format("{} {}", rng.Pick(kFirstNames), rng.Pick(kLastNames)); }

// A fresh value for a key no article binds.
std::string RandomValue(std::string_view key, const Bindings& b, Rng& rng) {
  if (key == "N") return std::to_string(rng.Range(3, 19));
  if (key == "N2") return std::to_string(rng.Range(2, 12));
  if (key == "N3") return std::to_string(rng.Range(31, 98));
  if (key == "NB") return WithCommas(rng.Range(120, 9800));
  if (key == "NB2") return std::to_string(rng.Range(20, 60));
  if (key == "BIG") return fmt::format("{}.{:02}", WithCommas(rng.Range(10000, 95000)), rng.Range(0, 99));
  if (key == "PCT") return fmt::format("{}.{}", rng.Range(0, 23), rng.Range(1, 9));
  if (key == "PCTS") return fmt::format("{}.{}", rng.Range(0, 6), rng.Range(1, 9));
  if (key == "USD")
    return rng.Chance(0.5) ? fmt::format("${}.{} billion", rng.Range(1, 9), rng.Range(1, 9))
                           : fmt::format("${} million", rng.Range(12, 95) * 10);
  if (key == "MONTH") return std::string(rng.Pick(kMonths));
  if (key == "WD") return std::string(rng.Pick(kWeekdays));
  if (key == "YR2") return std::to_string(std::stoi(b.at("YEAR")) + rng.Range(1, 5));
  if (key == "YOLD") return std::to_string(rng.Range(1948, 1992));
  if (key == "YOLD2") return std::to_string(rng.Range(1995, 2016));
  if (key == "TEMP") return std::to_string(rng.Range(41, 51));
  if (key == "MM") return std::to_string(rng.Range(65, 240));
  if (key == "RATE") return fmt::format("{}.{:02}", rng.Range(80, 300), rng.Range(0, 99));
  if (key == "MIN") return std::to_string(rng.Range(4, 88));
  if (key == "ORD") return std::string(rng.Pick(kOrdinals));
  if (key == "RUNS") return std::to_string(rng.Range(142, 318));
  if (key == "OVERS") return fmt::format("{}.{}", rng.Range(38, 49), rng.Range(1, 5));
  if (key == "ANYNAME") return FullName(rng);
  std::cerr << "make_corpus: template key {" << key << "} has no value\n";
  std::exit(2);  // a bug in the tables above, found by the first run
}

// `sentence`: the result opens a sentence or headline, so its first letter is made upper
// case ("city police chief ..." at the start, "the United States" as the subject).
std::string Fill(std::string_view pattern, const Bindings& b, Rng& rng, bool sentence = true) {
  std::string out;
  for (size_t i = 0; i < pattern.size();) {
    size_t open = pattern.find('{', i);
    if (open == std::string_view::npos) {
      out.append(pattern.substr(i));
      break;
    }
    size_t close = pattern.find('}', open);
    out.append(pattern.substr(i, open - i));
    std::string_view key = pattern.substr(open + 1, close - open - 1);
    if (auto it = b.find(key); it != b.end()) out += it->second;
    else out += RandomValue(key, b, rng);
    i = close + 1;
  }
  if (sentence && !out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

// ---- One article ----

struct Date {
  int year, month, day, hour, minute, weekday;  // month 1-12; weekday 0 = Sunday
};

int Weekday(int y, int m, int d) {  // Sakamoto's method
  static constexpr int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (m < 3) y -= 1;
  return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

Date RandomDate(Rng& rng) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  Date d;
  d.year = rng.Range(2023, 2024);
  d.month = rng.Range(1, 12);
  d.day = rng.Range(1, kDays[d.month - 1]);
  d.hour = rng.Range(6, 23);
  d.minute = rng.Range(0, 59);
  d.weekday = Weekday(d.year, d.month, d.day);
  return d;
}

struct Article {
  uint64_t index = 0;
  const Topic* topic = nullptr;
  const Country* country = nullptr;
  const Outlet* outlet = nullptr;
  std::string headline, author, dateline, url, slug;
  std::vector<std::string> paragraphs;  // the first begins with the dateline
  std::vector<std::string> related;     // other stories' headlines, for asides and debris
  Date date{};
};

// Binds everything one article refers to more than once, so its people and places agree.
Bindings Bind(const Topic& topic, const Country& home, Rng& rng) {
  const Country* other = &home;
  while (other == &home || (topic.name == "cricket" && !other->cricket)) other = &rng.Pick(kCountries);
  const Country* third = &home;
  while (third == &home || third == other) third = &rng.Pick(kCountries);
  Bindings b;
  const Country* countries[] = {&home, other, third};
  for (int i = 0; i < 3; ++i) {
    b[fmt::format("C{}", i + 1)] = countries[i]->name;
    b[fmt::format("A{}", i + 1)] = countries[i]->adjective;
    b[fmt::format("CAP{}", i + 1)] = countries[i]->capital;
    b[fmt::format("T{}", i + 1)] = countries[i]->team;
  }
  size_t c = rng.Below(3);
  bool in_capital = topic.name == "diplomacy" || (topic.name == "economy" && rng.Chance(0.6));
  b["CITY"] = in_capital ? home.capital : home.cities[c];
  b["CITY2"] = home.cities[(c + 1) % 3];
  b["BLOC"] = rng.Pick(kBlocs);
  b["LENDER"] = rng.Pick(kLenders);
  b["RELIEF"] = rng.Pick(kReliefBodies);
  b["FIRM"] = rng.Pick(kFirms);
  b["EVENT"] = rng.Pick(kTournaments);
  const std::vector<std::string_view>* roles[] = {&topic.p1, &topic.p2, &topic.p3};
  std::vector<std::string_view> surnames;  // distinct, so "Khan said" names one person
  for (int p = 1; p <= 4; ++p) {
    std::string_view last;
    do last = rng.Pick(kLastNames);
    while (std::find(surnames.begin(), surnames.end(), last) != surnames.end());
    surnames.push_back(last);
    std::string full = fmt::format("{} {}", rng.Pick(kFirstNames), last);
    std::string id = fmt::format("P{}", p);
    b[id] = last;
    b[id + "N"] = full;
    if (p <= 3) {
      Bindings with_name = b;
      with_name["NAME"] = full;
      b[id + "F"] = Fill(rng.Pick(*roles[p - 1]), with_name, rng, /*sentence=*/false);
    }
  }
  return b;
}

std::string Slug(std::string_view headline) {
  std::string slug;
  for (unsigned char ch : headline) {
    if (ch >= 0x80) continue;  // "Lucía" -> "luca": no transliteration, but no gap either
    if (std::isalnum(ch)) slug.push_back(static_cast<char>(std::tolower(ch)));
    else if (!slug.empty() && slug.back() != '-') slug.push_back('-');
    if (slug.size() >= 60) break;
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& ch : out) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return out;
}

size_t CountWords(std::string_view s) { return static_cast<size_t>(std::count(s.begin(), s.end(), ' ')) + 1; }

std::string Dateline(const Article& a, std::string_view city, Rng& rng) {
  std::string agency(rng.Pick(kAgencies));
  int style = static_cast<int>(rng.Below(20));
  if (style < 12) return fmt::format("{} ({}): ", Upper(city), agency);
  if (style < 17)
    return fmt::format("{}, {} {} ({}) - ", Upper(city), kMonthsAbbr[a.date.month - 1], a.date.day, agency);
  return fmt::format("{}: ", Upper(city));
}

Article MakeArticle(uint64_t seed, uint64_t index) {
  Rng rng(Mix(seed, 1, index));
  Article a;
  a.index = index;
  a.topic = &rng.Pick(Topics());
  do a.country = &rng.Pick(kCountries);
  while (a.topic->name == "cricket" && !a.country->cricket);
  a.outlet = &rng.Pick(kOutlets);
  a.date = RandomDate(rng);
  a.author = FullName(rng);
  Bindings b = Bind(*a.topic, *a.country, rng);
  b["DAY"] = kWeekdays[a.date.weekday];
  b["YEAR"] = std::to_string(a.date.year);
  b["OUTLET"] = a.outlet->name;
  const Topic& t = *a.topic;
  a.headline = Fill(rng.Pick(t.headlines), b, rng);
  a.slug = Slug(a.headline);
  a.url = fmt::format("https://www.{}/{}/{}/{:02}/{}-{}", a.outlet->domain, t.section, a.date.year, a.date.month,
                      a.slug, index);
  a.dateline = Dateline(a, b["CITY"], rng);

  // Sentences in a shuffled order; quotes and background mixed into the body.
  std::vector<std::string_view> pool(t.body.begin(), t.body.end());
  pool.insert(pool.end(), t.quotes.begin(), t.quotes.end());
  if (t.section != "sport")
    for (std::string_view g : kGeneric)
      if (rng.Chance(0.4)) pool.push_back(g);
  rng.Shuffle(pool);
  size_t target = static_cast<size_t>(rng.Range(480, 720)), words = 0, next = 0;
  std::string lead = a.dateline + Fill(rng.Pick(t.leads), b, rng);
  words += CountWords(lead);
  a.paragraphs.push_back(std::move(lead));
  while (words < target) {
    std::string paragraph;
    int sentences = rng.Range(1, 3);
    for (int s = 0; s < sentences && words < target; ++s) {
      if (next == pool.size()) rng.Shuffle(pool), next = 0;  // a long story repeats itself
      std::string sentence = Fill(pool[next++], b, rng);
      words += CountWords(sentence);
      if (!paragraph.empty()) paragraph += ' ';
      paragraph += sentence;
    }
    a.paragraphs.push_back(std::move(paragraph));
  }
  for (int r = 0; r < 4; ++r) {
    const Topic& other = rng.Pick(Topics());
    Bindings ob = Bind(other, rng.Pick(kCountries), rng);
    ob["YEAR"] = b["YEAR"];
    a.related.push_back(Fill(rng.Pick(other.headlines), ob, rng));
  }
  return a;
}

// ---- Dates as outlets print them ----

std::string Clock12(const Date& d, bool dotted) {
  int h = d.hour % 12 == 0 ? 12 : d.hour % 12;
  if (dotted) return fmt::format("{}:{:02} {}", h, d.minute, d.hour < 12 ? "a.m." : "p.m.");
  return fmt::format("{:02}:{:02} {}", h, d.minute, d.hour < 12 ? "AM" : "PM");
}

// "September 17, 2024 18:05 PKT", "Sept. 17, 2024, 5:50 p.m. PKT", "17 September 2024",
// "September 17, 2024 05:50 PM".
std::string BylineDate(const Article& a, Rng& rng) {
  const Date& d = a.date;
  std::string zone = a.country->zone.empty() ? "" : fmt::format(" {}", a.country->zone);
  switch (rng.Below(4)) {
    case 0: return fmt::format("{} {}, {} {:02}:{:02}{}", kMonths[d.month - 1], d.day, d.year, d.hour, d.minute, zone);
    case 1: return fmt::format("{} {}, {}, {}{}", kMonthsShort[d.month - 1], d.day, d.year, Clock12(d, true), zone);
    case 2: return fmt::format("{} {} {}", d.day, kMonths[d.month - 1], d.year);
    default: return fmt::format("{} {}, {} {}", kMonths[d.month - 1], d.day, d.year, Clock12(d, false));
  }
}

std::string IsoDate(const Article& a) {
  int off = a.country->utc_offset_minutes;
  return fmt::format("{}-{:02}-{:02}T{:02}:{:02}:00{}{:02}:{:02}", a.date.year, a.date.month, a.date.day, a.date.hour,
                     a.date.minute, off < 0 ? '-' : '+', std::abs(off) / 60, std::abs(off) % 60);
}

// "Tue, 17 Sep 2024 13:05:00 GMT", in UTC.
std::string Rfc2822Date(const Article& a) {
  int minutes = a.date.hour * 60 + a.date.minute - a.country->utc_offset_minutes;
  minutes = std::clamp(minutes, 0, 24 * 60 - 1);  // stays on the same day; close enough for a corpus
  return fmt::format("{}, {:02} {} {} {:02}:{:02}:00 GMT", kWeekdays[a.date.weekday].substr(0, 3), a.date.day,
                     kMonthsAbbr[a.date.month - 1], a.date.year, minutes / 60, minutes % 60);
}

// ---- The three forms ----

std::string Wrap(std::string_view paragraph, size_t width) {
  std::string out;
  size_t line = 0;
  for (size_t i = 0; i < paragraph.size();) {
    size_t sp = paragraph.find(' ', i);
    if (sp == std::string_view::npos) sp = paragraph.size();
    std::string_view word = paragraph.substr(i, sp - i);
    if (line > 0 && line + 1 + word.size() > width) out += '\n', line = 0;
    else if (line > 0) out += ' ', ++line;
    out += word;
    line += word.size();
    i = sp + 1;
  }
  return out;
}

std::string PlainText(const Article& a, Rng& rng) {
  std::string out = a.headline + "\n\n";
  out += fmt::format("By {} | {} | {}\n\n", a.author, a.outlet->name, BylineDate(a, rng));
  bool wrapped = rng.Chance(0.1);  // a wire feed at 72 columns rather than a web copy
  for (const std::string& p : a.paragraphs) out += (wrapped ? Wrap(p, 72) : p) + "\n\n";
  if (rng.Chance(0.25)) {  // what a careless copy from a web page drags along
    switch (rng.Below(4)) {
      case 0: out += "Read More »\n"; break;
      case 1: out += fmt::format("Image Credits: {}/File\n", a.outlet->name); break;
      case 2: out += fmt::format("Also Read: {}\n\nShare this article\n", a.related[0]); break;
      default:
        out += "Related Post\n\n";
        for (size_t r = 0; r < 3; ++r) out += fmt::format("{}\nRead More »\n\n", a.related[r]);
    }
  }
  return out;
}

std::string HtmlEscape(std::string_view s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += ch;
    }
  }
  return out;
}

std::string Html(const Article& a, Rng& rng) {
  std::string h = HtmlEscape(a.headline), author = HtmlEscape(a.author), outlet = HtmlEscape(a.outlet->name);
  std::string first_sentence = a.paragraphs[0].substr(a.dateline.size());
  if (size_t stop = first_sentence.find(". "); stop != std::string::npos) first_sentence.resize(stop + 1);
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{0} | {1}</title>\n<meta name=\"description\" content=\"{2}\">\n"
      "<meta property=\"og:title\" content=\"{0}\">\n<meta property=\"og:site_name\" content=\"{1}\">\n"
      "<meta property=\"og:type\" content=\"article\">\n<meta property=\"article:published_time\" content=\"{3}\">\n"
      "<meta property=\"article:section\" content=\"{4}\">\n<meta name=\"author\" content=\"{5}\">\n"
      "<link rel=\"canonical\" href=\"{6}\">\n<link rel=\"stylesheet\" href=\"/static/css/site.{7:x}.css\">\n"
      "<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{\"section\": \"{4}\", \"id\": {8}}});"
      "</script>\n</head>\n<body>\n",
      h, outlet, HtmlEscape(first_sentence), IsoDate(a), a.topic->section, author, a.url, rng.Next() & 0xFFFFFF,
      a.index);
  out += fmt::format(
      "<header class=\"site-header\">\n<a class=\"logo\" href=\"/\">{}</a>\n<nav class=\"main-nav\"><ul>\n"
      "<li><a href=\"/\">Home</a></li><li><a href=\"/national\">National</a></li><li><a href=\"/world\">World</a></li>"
      "<li><a href=\"/business\">Business</a></li><li><a href=\"/sport\">Sport</a></li>"
      "<li><a href=\"/opinion\">Opinion</a></li><li><a href=\"/epaper\">E-Paper</a></li>\n</ul></nav>\n</header>\n",
      outlet);
  out += fmt::format(
      "<main id=\"content\">\n<article class=\"story\">\n<h1 class=\"story-title\">{}</h1>\n"
      "<p class=\"byline\">By <a href=\"/author/{}\">{}</a> | <time datetime=\"{}\">{}</time></p>\n",
      h, Slug(a.author), author, IsoDate(a), BylineDate(a, rng));
  if (rng.Chance(0.5))
    out += fmt::format(
        "<figure><img src=\"/images/{}/{}.jpg\" alt=\"{}\" width=\"800\" height=\"450\">"
        "<figcaption>Image Credits: {}/File</figcaption></figure>\n",
        a.date.year, a.index, h, outlet);
  size_t ad_at = a.paragraphs.size() / 2;
  for (size_t i = 0; i < a.paragraphs.size(); ++i) {
    if (i == ad_at && rng.Chance(0.5)) out += "<div class=\"ad-slot\"><span>Advertisement</span></div>\n";
    out += fmt::format("<p>{}</p>\n", HtmlEscape(a.paragraphs[i]));
  }
  out += "<div class=\"share\"><a href=\"#\">Facebook</a> <a href=\"#\">Twitter</a> <a href=\"#\">WhatsApp</a></div>\n";
  out += "</article>\n<aside class=\"related\">\n<h2>Related Stories</h2>\n<ul>\n";
  for (const std::string& r : a.related)
    out += fmt::format("<li><a href=\"/{}/{}\">{}</a></li>\n", a.topic->section, Slug(r), HtmlEscape(r));
  out += "</ul>\n</aside>\n</main>\n";
  out += fmt::format(
      "<footer class=\"site-footer\">\n<ul><li><a href=\"/about\">About us</a></li><li><a href=\"/contact\">Contact"
      "</a></li><li><a href=\"/privacy\">Privacy policy</a></li></ul>\n<p>© {} {}. All rights reserved.</p>\n"
      "</footer>\n<script src=\"/static/js/app.js\" defer></script>\n</body>\n</html>\n",
      a.date.year, outlet);
  return out;
}

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20) out += fmt::format("\\u{:04x}", static_cast<int>(ch));
        else out += ch;
    }
  }
  return out + "\"";
}

std::string JsonLine(const Article& a, Rng& rng) {
  std::string text;
  for (const std::string& p : a.paragraphs) text += (text.empty() ? "" : "\n\n") + p;
  std::string published = rng.Chance(0.8) ? IsoDate(a) : Rfc2822Date(a);
  return fmt::format(
      "{{\"url\": {}, \"title\": {}, \"published\": {}, \"source\": {}, \"author\": {}, \"text\": {}}}\n",
                     JsonString(a.url), JsonString(a.headline), JsonString(published), JsonString(a.outlet->name),
                     JsonString(a.author), JsonString(text));
}

// ---- Writing the corpus ----

enum class Form { kText, kHtml, kJsonl };

// Exactly 5 text, 3 HTML and 2 JSON Lines documents in each block of ten, in an order
// drawn from the seed.
std::vector<Form> AssignForms(uint64_t docs, uint64_t seed) {
  std::vector<Form> forms(docs);
  for (uint64_t block = 0; block * 10 < docs; ++block) {
    std::array<Form, 10> mix = {Form::kText, Form::kText, Form::kText,  Form::kText,  Form::kText,
                                Form::kHtml, Form::kHtml, Form::kHtml,  Form::kJsonl, Form::kJsonl};
    Rng rng(Mix(seed, 2, block));
    rng.Shuffle(mix);
    for (uint64_t i = 0; i < 10 && block * 10 + i < docs; ++i) forms[block * 10 + i] = mix[i];
  }
  return forms;
}

bool WriteFile(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out);
}

int Run(const std::string& out_dir, uint64_t docs, uint64_t seed) {
  std::error_code ec;
  if (fs::exists(out_dir, ec) && !fs::is_empty(out_dir, ec)) {
    std::cerr << "make_corpus: " << out_dir << " is not empty; give a new or empty directory\n";
    return 2;
  }
  std::vector<Form> forms = AssignForms(docs, seed);
  uint64_t n_files = std::count_if(forms.begin(), forms.end(), [](Form f) { return f != Form::kJsonl; });
  uint64_t n_jsonl = docs - n_files;
  uint64_t folders = std::max<uint64_t>(1, (n_files + 999) / 1000);
  uint64_t feeds = std::clamp<uint64_t>(n_jsonl / 500, n_jsonl > 0 ? 1 : 0, 8);  // "a few" files of records
  auto folder = [&](uint64_t k) { return fs::path(out_dir) / fmt::format("part-{:02}", k); };
  for (uint64_t k = 0; k < folders; ++k) fs::create_directories(folder(k), ec);
  if (ec) {
    std::cerr << "make_corpus: cannot create " << folder(0).string() << ": " << ec.message() << "\n";
    return 1;
  }
  std::vector<std::ofstream> feed_files;
  for (uint64_t f = 0; f < feeds; ++f)
    feed_files.emplace_back(folder(f * folders / feeds) / fmt::format("feed-{:02}.jsonl", f), std::ios::binary);

  uint64_t bytes = 0, file_index = 0, record_index = 0, counts[3] = {0, 0, 0};
  for (uint64_t i = 0; i < docs; ++i) {
    Article a = MakeArticle(seed, i);
    Rng rng(Mix(seed, 3, i));
    std::string content;
    bool ok = true;
    fs::path path;
    switch (forms[i]) {
      case Form::kText:
      case Form::kHtml: {
        bool text = forms[i] == Form::kText;
        content = text ? PlainText(a, rng) : Html(a, rng);
        path = folder(file_index * folders / n_files) / fmt::format("{:06}-{}.{}", i, a.slug, text ? "txt" : "html");
        ok = WriteFile(path, content);
        ++file_index;
        break;
      }
      case Form::kJsonl: {
        content = JsonLine(a, rng);
        std::ofstream& feed = feed_files[record_index * feeds / n_jsonl];
        path = "a JSON Lines feed";
        ok = static_cast<bool>(feed.write(content.data(), static_cast<std::streamsize>(content.size())));
        ++record_index;
        break;
      }
    }
    if (!ok) {
      std::cerr << "make_corpus: cannot write " << path.string() << "\n";
      return 1;
    }
    bytes += content.size();
    ++counts[static_cast<int>(forms[i])];
  }
  for (auto& feed : feed_files) feed.close();

  std::string summary =
      fmt::format("docs={} seed={} bytes={} txt={} html={} jsonl_records={} jsonl_files={} folders={}\n", docs, seed,
                  bytes, counts[0], counts[1], counts[2], feeds, folders);
  if (!WriteFile(fs::path(out_dir) / ".make_corpus", summary)) {
    std::cerr << "make_corpus: cannot write " << out_dir << "/.make_corpus\n";
    return 1;
  }
  std::cout << "make_corpus: " << summary;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Writes a synthetic news corpus (text, HTML and JSON Lines) for sitrep's benchmarks"};
  std::string out_dir;
  uint64_t docs = 10000, seed = 1;
  app.add_option("out_dir", out_dir, "Directory to create (must be new or empty)")->required();
  app.add_option("--docs", docs, "Number of documents")->capture_default_str()->check(CLI::PositiveNumber);
  app.add_option("--seed", seed, "Seed; the same seed gives the same corpus")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  return Run(out_dir, docs, seed);
}
