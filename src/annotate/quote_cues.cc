// The cue lexicon (see quote_cues.h).
#include "annotate/quote_cues.h"

#include <unordered_map>

namespace sitrep {

namespace {

// Lemma entries: "say|said|said" gives the past and participle where they are irregular;
// a trailing "+" doubles the final consonant ("admit+" -> admitted, admitting).
struct LemmaSpec {
  std::string_view spec;
  CueClass cls;
};

const LemmaSpec kLemmas[] = {
    {"say|said|said", CueClass::kSay},       {"add", CueClass::kSay},
    {"write|wrote|written", CueClass::kSay}, {"tweet", CueClass::kSay},
    {"state", CueClass::kStrict},               {"note", CueClass::kStrict},
    {"explain", CueClass::kStrict},             {"reply", CueClass::kStrict},
    {"respond", CueClass::kStrict},             {"answer", CueClass::kStrict},
    {"remark", CueClass::kStrict},              {"comment", CueClass::kStrict},
    {"quip", CueClass::kStrict},                {"joke", CueClass::kStrict},
    {"recall", CueClass::kStrict},              {"observe", CueClass::kStrict},
    {"post", CueClass::kStrict},                {"ask", CueClass::kTell},
    {"tell|told|told", CueClass::kTell},     {"inform", CueClass::kTell},
    {"assure", CueClass::kTell},             {"reassure", CueClass::kTell},
    {"remind", CueClass::kTell},             {"warn", CueClass::kClaim},
    {"claim", CueClass::kClaim},             {"insist", CueClass::kClaim},
    {"argue", CueClass::kClaim},             {"assert", CueClass::kClaim},
    {"contend", CueClass::kClaim},           {"acknowledge", CueClass::kClaim},
    {"admit+", CueClass::kClaim},            {"concede", CueClass::kClaim},
    {"confirm", CueClass::kClaim},           {"declare", CueClass::kClaim},
    {"report", CueClass::kClaim},            {"reveal", CueClass::kClaim},
    {"disclose", CueClass::kClaim},          {"predict", CueClass::kClaim},
    {"promise", CueClass::kClaim},           {"pledge", CueClass::kClaim},
    {"vow", CueClass::kClaim},               {"reiterate", CueClass::kClaim},
    {"stress", CueClass::kClaim},            {"emphasize", CueClass::kClaim},
    {"emphasise", CueClass::kClaim},         {"underscore", CueClass::kClaim},
    {"complain", CueClass::kClaim},          {"allege", CueClass::kClaim},
    {"testify", CueClass::kClaim},           {"mention", CueClass::kClaim},
    {"urge", CueClass::kClaim},              {"demand", CueClass::kClaim},
    {"propose", CueClass::kClaim},           {"recommend", CueClass::kClaim},
    {"threaten", CueClass::kClaim},          {"suggest", CueClass::kClaim},
    {"estimate", CueClass::kClaim},          {"boast", CueClass::kClaim},
    {"lament", CueClass::kClaim},            {"concur+", CueClass::kClaim},
    {"agree", CueClass::kClaim},             {"speculate", CueClass::kClaim},
    {"wonder", CueClass::kClaim},            {"question", CueClass::kClaim},
    {"affirm", CueClass::kClaim},            {"clarify", CueClass::kClaim},
    {"conclude", CueClass::kClaim},          {"counter", CueClass::kClaim},
    {"retort", CueClass::kClaim},            {"charge", CueClass::kClaim},
    {"accuse", CueClass::kStance},           {"blame", CueClass::kStance},
    {"criticize", CueClass::kStance},        {"criticise", CueClass::kStance},
    {"condemn", CueClass::kStance},          {"denounce", CueClass::kStance},
    {"slam+", CueClass::kStance},            {"blast", CueClass::kStance},
    {"praise", CueClass::kStance},           {"hail", CueClass::kStance},
    {"welcome", CueClass::kStance},          {"defend", CueClass::kStance},
    {"dismiss", CueClass::kStance},          {"reject", CueClass::kStance},
    {"deny", CueClass::kStance},             {"announce", CueClass::kStance},
    {"describe", CueClass::kStance},         {"cite", CueClass::kStance},
    {"decline", CueClass::kStance},          {"refuse", CueClass::kStance},
    {"call", CueClass::kStance},             {"endorse", CueClass::kStance},
    {"oppose", CueClass::kStance},           {"highlight", CueClass::kStance},
    {"believe", CueClass::kThink},           {"think|thought|thought", CueClass::kThink},
    {"feel|felt|felt", CueClass::kThink},    {"know|knew|known", CueClass::kThink},
    {"hope", CueClass::kThink},              {"expect", CueClass::kThink},
    {"fear", CueClass::kThink},              {"worry", CueClass::kThink},
    {"doubt", CueClass::kThink},             {"suspect", CueClass::kThink},
    {"want", CueClass::kThink},              {"wish", CueClass::kThink},
    {"plan+", CueClass::kThink},             {"intend", CueClass::kThink},
    {"seek|sought|sought", CueClass::kThink}, {"understand|understood|understood", CueClass::kThink},
    {"realize", CueClass::kThink},           {"realise", CueClass::kThink},
    {"recognize", CueClass::kThink},         {"recognise", CueClass::kThink},
    {"show|showed|shown", CueClass::kEvidence}, {"find|found|found", CueClass::kEvidence},
    {"indicate", CueClass::kEvidence},       {"demonstrate", CueClass::kEvidence},
    {"point", CueClass::kClaim},             {"continue", CueClass::kTrailing},
    // Stances toward a person or a proposal, which attribution corpora count too.
    {"support", CueClass::kStance},          {"favor", CueClass::kStance},
    {"favour", CueClass::kStance},           {"prefer+", CueClass::kStance},
    {"attack", CueClass::kStance},           {"mock", CueClass::kStance},
    {"ridicule", CueClass::kStance},         {"rebuke", CueClass::kStance},
    {"decry", CueClass::kStance},            {"applaud", CueClass::kStance},
    {"tout", CueClass::kStance},             {"challenge", CueClass::kStance},
    {"echo", CueClass::kStance},             {"voice", CueClass::kStance},
    {"express", CueClass::kStance},          {"discuss", CueClass::kStance},
    {"recount", CueClass::kStance},          {"learn", CueClass::kThink},
    {"seem", CueClass::kThink},              {"appear", CueClass::kThink},
    {"forecast", CueClass::kClaim},          {"caution", CueClass::kClaim},
    {"maintain", CueClass::kClaim},
    // Seeing as: "voters see Clinton as the stronger candidate" (checked for the "as").
    {"see|saw|seen", CueClass::kThink},      {"view", CueClass::kThink},
    {"regard", CueClass::kThink},
};

// Forms looked up by string_view without building a string.
struct ViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
using CueMap = std::unordered_map<std::string, CueEntry, ViewHash, std::equal_to<>>;

void AddForms(std::string_view spec, CueClass cls, CueMap* out) {
  std::vector<std::string> parts;
  size_t pos = 0;
  while (true) {
    size_t bar = spec.find('|', pos);
    parts.emplace_back(spec.substr(pos, bar == std::string_view::npos ? std::string_view::npos : bar - pos));
    if (bar == std::string_view::npos) break;
    pos = bar + 1;
  }
  std::string lemma = parts[0];
  bool doubles = !lemma.empty() && lemma.back() == '+';
  if (doubles) lemma.pop_back();
  CueEntry entry{lemma, cls};
  auto add = [&](const std::string& form) { out->emplace(form, entry); };
  add(lemma);
  char last = lemma.back();
  bool consonant_y = last == 'y' && lemma.size() > 1 && std::string_view("aeiou").find(lemma[lemma.size() - 2]) ==
                                                           std::string_view::npos;
  // Third person.
  if (consonant_y) add(lemma.substr(0, lemma.size() - 1) + "ies");
  else if (lemma.ends_with("s") || lemma.ends_with("sh") || lemma.ends_with("ch") || lemma.ends_with("x"))
    add(lemma + "es");
  else add(lemma + "s");
  // Gerund.
  std::string stem = lemma;
  if (doubles) stem += last;
  if (last == 'e' && !lemma.ends_with("ee")) add(lemma.substr(0, lemma.size() - 1) + "ing");
  else add(stem + "ing");
  // Past and participle.
  if (parts.size() == 3) {
    add(parts[1]);
    add(parts[2]);
  } else if (last == 'e') {
    add(lemma + "d");
  } else if (consonant_y) {
    add(lemma.substr(0, lemma.size() - 1) + "ied");
  } else {
    add(stem + "ed");
  }
}

// The cue forms behind a shape filter.
class CueLexicon {
 public:
  CueLexicon() {
    for (const LemmaSpec& l : kLemmas) AddForms(l.spec, l.cls, &forms_);
    for (const auto& [form, entry] : forms_) filter_.Add(form);
  }
  // `lower` is a lowercase word.
  const CueEntry* Find(std::string_view lower) const {
    if (lower.size() < 3 || !filter_.MayContain(lower)) return nullptr;
    auto it = forms_.find(lower);
    return it == forms_.end() ? nullptr : &it->second;
  }

 private:
  CueMap forms_;
  ShapeFilter filter_;
};

}  // namespace

const CueEntry* FindCue(std::string_view lower) {
  static const CueLexicon* lexicon = new CueLexicon();
  return lexicon->Find(lower);
}

}  // namespace sitrep
