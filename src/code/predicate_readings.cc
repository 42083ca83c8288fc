#include "code/predicate_readings.h"

#include <algorithm>
#include <iterator>

namespace sitrep::code {

namespace {

struct AidKind { const char* word; const char* cameo; const char* context; };

// The first word naming help of some kind in what verb `v` gives or withholds ("sent
// tents", "suspended military aid"), not in a clause beside it ("sent a letter
// threatening to pull funding"); null if none.
const AidKind* AidGiven(const SentenceGraph& g, int v) {
  static const AidKind kAid[] = {
      {"aid", "", ""}, {"assistance", "", ""}, {"help", "", ""}, {"support", "", ""}, {"package", "", ""},
      {"relief", "073", "humanitarian"}, {"food", "073", "humanitarian"}, {"medicine", "073", "humanitarian"},
      {"shelter", "073", "humanitarian"}, {"tent", "073", "humanitarian"}, {"supply", "073", "humanitarian"},
      {"vaccine", "073", "humanitarian"}, {"humanitarian", "073", "humanitarian"},
      {"funding", "071", "economic"}, {"fund", "071", "economic"}, {"loan", "071", "economic"},
      {"grant", "071", "economic"}, {"credit", "071", "economic"}, {"money", "071", "economic"},
      {"economic", "071", "economic"}, {"financial", "071", "economic"},
      // an amount of money, not any large number ("with 96 million votes")
      {"$", "071", "economic"}, {"€", "071", "economic"}, {"£", "071", "economic"}, {"dollar", "071", "economic"},
      {"euro", "071", "economic"}, {"pound", "071", "economic"}, {"yen", "071", "economic"},
      {"yuan", "071", "economic"}, {"rupee", "071", "economic"},
      {"weapon", "072", "military"}, {"arms", "072", "military"}, {"firearm", "072", "military"},
      {"ammunition", "072", "military"}, {"equipment", "072", "military"}, {"training", "072", "military"},
      {"military", "072", "military"}, {"peacekeeping", "074", "peacekeeping"},
      {"peacekeeper", "074", "peacekeeping"}};
  const AidKind* general = nullptr;
  for (int w : g.Subtree(v, {"nsubj", "nsubj:pass", "advcl", "parataxis", "acl", "acl:relcl", "ccomp", "xcomp"}, 30))
    for (const AidKind& k : kAid)
      if (g.lemma(w) == k.word) {
        if (*k.cameo) return &k;  // "military aid": the kind, not only that it is aid
        if (!general) general = &k;
      }
  return general;
}

// "provide a forum", "send a letter" are no aid: a giving verb codes AID only when what
// it gives is help of some kind, which also says what kind of aid it is (CAMEO 071-073).

}  // namespace

// The measure noun an event noun is counted in ("package of sanctions", "series of
// attacks", "round of talks"), or the noun itself.
int MeasureOf(const SentenceGraph& g, int v) {
  static const char* kMeasure[] = {"package", "set", "round", "wave", "series", "raft", "batch", "spate",
                                   "string", "list", "volley", "barrage", "slew"};
  const int head = g.head(v);
  if (head < 0 || (g.deprel(v) != "nmod" && !g.deprel(v).starts_with("nmod:")) || g.CaseOf(v) != "of") return v;
  for (const char* m : kMeasure)
    if (g.lemma(head) == m) return head;
  return v;
}

// Forces of nature are no actors: "the earthquake struck", "the storm killed 20".
bool IsNaturalForce(const SentenceGraph& g, int w) {
  static const char* kNature[] = {"earthquake", "quake", "tremor", "aftershock", "tsunami", "storm", "typhoon",
                                  "hurricane", "cyclone", "flood", "flooding", "landslide", "avalanche",
                                  "wildfire", "drought", "heatwave", "eruption", "volcano", "disease",
                                  "virus", "epidemic", "outbreak", "lightning", "tornado", "rain"};
  if (w < 0) return false;
  for (const char* n : kNature)
    if (g.lemma(w) == n || g.lower(w) == n) return true;
  return false;
}

// "denied charges of fraud", "rejected accusations": CAMEO 016, denying responsibility,
// a statement PLOVER has no type for; no rejection of anyone's demand.
bool DeniesAnAccusation(const SentenceGraph& g, int v) {
  static const char* kClaims[] = {"charge", "accusation", "allegation", "claim", "involvement", "responsibility",
                                  "report", "wrongdoing", "rumour", "rumor"};
  const int obj = g.Child(v, "obj");
  if (obj < 0) return false;
  return std::any_of(std::begin(kClaims), std::end(kClaims), [&](const char* c) { return g.lemma(obj) == c; });
}

bool GivesAid(const SentenceGraph& g, int v, CodedEvent* e) {
  static const char* kGiving[] = {"provide", "donate", "give", "send", "deliver", "supply", "distribute",
                                  "allocate", "contribute", "earmark", "hand"};
  if (std::none_of(std::begin(kGiving), std::end(kGiving), [&](const char* giving) { return g.lemma(v) == giving; }))
    return true;
  const AidKind* kind = AidGiven(g, v);
  if (kind && *kind->cameo) e->cameo = kind->cameo, e->context = kind->context;
  return kind != nullptr;
}

// "suspended military aid to Mali": CAMEO 1622, stopping military aid.
void RefineAidWithheld(const SentenceGraph& g, int v, CodedEvent* e) {
  const AidKind* kind = AidGiven(g, v);
  if (!kind || !*kind->cameo) return;
  e->cameo = std::string("162") + kind->cameo[2];  // 071 -> 1621 ... 074 -> 1624
  e->context = kind->context;
}

// "released a statement" is no release: freeing codes RETREAT only when who is freed
// is a person or a group of people ("released the detained leaders", "Tolu was freed").
bool FreesPeople(const SentenceGraph& g, int v) {
  if (g.lemma(v) != "release" && g.lemma(v) != "free" && g.lemma(v) != "repatriate") return true;
  static const char* kPeople[] = {"prisoner", "hostage", "detainee", "captive", "journalist", "activist", "leader",
                                  "citizen", "national", "suspect", "man", "woman", "child", "people", "person",
                                  "soldier", "fisherman", "worker", "member", "official", "politician",
                                  "minister", "crew", "sailor", "student", "refugee", "follower", "supporter",
                                  "militant", "fighter", "rebel", "protester", "demonstrator", "migrant",
                                  "individual", "pastor", "employee", "dissident", "critic", "opponent"};
  int freed = g.Child(v, "obj");
  if (freed < 0) freed = g.Child(v, "nsubj:pass");
  if (freed < 0) return false;
  if (g.upos(freed) == "PROPN") return true;
  return std::any_of(std::begin(kPeople), std::end(kPeople), [&](const char* p) { return g.lemma(freed) == p; });
}

// "promised technical assistance" is an intent to give aid (033); "agreed to meet", to
// meet (036); plain intent to cooperate stays 030.
void RefineIntent(const SentenceGraph& g, int v, CodedEvent* e) {
  for (int w : g.Subtree(v, {"nsubj", "nsubj:pass"}, 40)) {
    const std::string& l = g.lemma(w);
    if (l == "assistance" || l == "aid") { e->cameo = "033"; return; }
    if (l == "meet" || l == "meeting" || l == "talk" || l == "dialogue" || l == "negotiate") { e->cameo = "036"; return; }
  }
}

}  // namespace sitrep::code
