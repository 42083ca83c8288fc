#include "code/muc4_eval.h"

#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "code/event_record.h"

namespace sitrep::code {

using nlohmann::json;

namespace {

constexpr std::array<const char*, 5> kRoles = {"PerpInd", "PerpOrg", "Target", "Victim", "Weapon"};

std::string HeadNoun(std::string_view phrase) {
  std::string s(phrase);
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  while (!s.empty() && !std::isalnum(static_cast<unsigned char>(s.back()))) s.pop_back();
  const size_t space = s.find_last_of(" \t\n-");
  return space == std::string::npos ? s : s.substr(space + 1);
}

const std::vector<std::string>& WeaponWords() {
  static const std::vector<std::string> kWords = {"bomb", "bombs", "dynamite", "explosives", "explosive", "grenade",
                                                  "grenades", "rifle", "rifles", "mortar", "mortars", "rocket",
                                                  "rockets", "machinegun", "machineguns", "gun", "guns", "mine",
                                                  "mines", "car-bomb", "bullets", "weapons", "firearms"};
  return kWords;
}

bool IsPersonSector(const std::string& code) {
  for (const char* s : {"CVL", "GOV", "MIL", "COP", "JUD", "LEG", "MED", "BUS", "EDU", "REL"})
    if (code.size() >= 3 && code.ends_with(s)) return true;
  return false;
}

// Predicted fillers per role, as head nouns (a set: one guess counts once).
std::array<std::set<std::string>, 5> Predict(const Doc& doc) {
  std::array<std::set<std::string>, 5> out;
  const auto* layer = doc.Layer("events");
  if (!layer) return out;
  for (const Annotation& a : *layer) {
    CodedEvent e;
    if (!EventFromJson(a.attrs, &e) || (e.type != "ASSAULT" && e.type != "COERCE")) continue;
    for (const CodedActor& s : e.sources) out[s.how == "group" ? 1 : 0].insert(HeadNoun(s.text));
    for (const CodedActor& t : e.targets) out[IsPersonSector(t.code) ? 3 : 2].insert(HeadNoun(t.text));
    std::string sentence(doc.Slice(e.sentence));
    for (char& c : sentence)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    for (const std::string& w : WeaponWords()) {
      size_t at = 0;
      while ((at = sentence.find(w, at)) != std::string::npos) {
        const bool starts = at == 0 || !std::isalpha(static_cast<unsigned char>(sentence[at - 1]));
        const size_t end = at + w.size();
        const bool ends = end >= sentence.size() || !std::isalpha(static_cast<unsigned char>(sentence[end]));
        if (starts && ends) out[4].insert(w);
        at = end;
      }
    }
  }
  return out;
}

}  // namespace

Result<Muc4Result> EvalMuc4(const std::string& dir, const std::string& split, const Muc4Annotator& annotate) {
  const std::string path = dir + "/" + split + ".json";
  std::ifstream in(path);
  if (!in) return Status(Code::kNotFound, "cannot open the MUC-4 split").At(path);
  Muc4Result result;
  for (size_t r = 0; r < kRoles.size(); ++r) result.roles[r].role = kRoles[r];
  result.micro.role = "all";
  std::string line;
  while (std::getline(in, line)) {
    json doc = json::parse(line, nullptr, false);
    if (!doc.is_object() || !doc.contains("doctext")) continue;
    ++result.documents;
    if (!doc["doctext"].is_string()) continue;
    std::optional<Doc> annotated = annotate(doc.value("docid", "muc4"), doc["doctext"].get<std::string>());
    std::array<std::set<std::string>, 5> predicted;
    if (annotated) predicted = Predict(*annotated);
    const json& extracts = doc.value("extracts", json::object());
    for (size_t r = 0; r < kRoles.size(); ++r) {
      RoleScore& score = result.roles[r];
      std::vector<std::set<std::string>> gold;  // each entity: the head nouns of its mentions
      if (extracts.contains(kRoles[r]))
        for (const json& entity : extracts[kRoles[r]]) {
          std::set<std::string> heads;
          for (const json& mention : entity)
            if (mention.is_array() && !mention.empty() && mention[0].is_string()) heads.insert(HeadNoun(mention[0].get<std::string>()));
          if (!heads.empty()) gold.push_back(heads);
        }
      std::vector<bool> used(gold.size(), false);
      for (const std::string& p : predicted[r]) {
        if (p.empty()) continue;
        ++score.predicted;
        for (size_t g = 0; g < gold.size(); ++g)
          if (!used[g] && gold[g].count(p)) { used[g] = true, ++score.matched_predicted, ++score.matched_gold; break; }
      }
      score.gold += static_cast<int>(gold.size());
    }
  }
  for (const RoleScore& s : result.roles) {
    result.micro.predicted += s.predicted, result.micro.gold += s.gold;
    result.micro.matched_predicted += s.matched_predicted, result.micro.matched_gold += s.matched_gold;
  }
  return result;
}

}  // namespace sitrep::code
