#include "code/actor_knowledge.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <numeric>
#include <tuple>

#include "code/event_details.h"
#include "code/event_record.h"
#include "code/people.h"
#include "code/sentence_graph.h"

namespace sitrep::code {

namespace {

bool Explicit(const std::string& how) { return IsExplicitCode(how); }

std::vector<std::string> WordsOf(const std::string& name) {
  std::vector<std::string> words;
  const std::string lower = LowerAscii(name);
  for (size_t b = 0; b < lower.size();) {
    size_t e = std::min(lower.find(' ', b), lower.size());
    if (e > b) words.push_back(lower.substr(b, e - b));
    b = e + 1;
  }
  return words;
}

bool Within(const std::vector<std::string>& shorter, const std::vector<std::string>& longer) {
  return std::all_of(shorter.begin(), shorter.end(),
                     [&](const std::string& w) { return std::find(longer.begin(), longer.end(), w) != longer.end(); });
}

// Codes that name two different countries cannot be one person.
bool Compatible(const std::string& a, const std::string& b) {
  return a.size() < 3 || b.size() < 3 || a.substr(0, 3) == b.substr(0, 3);
}

struct UnionFind {
  std::vector<int> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  int Find(int x) { return parent[x] == x ? x : parent[x] = Find(parent[x]); }
  void Join(int a, int b) {
    a = Find(a), b = Find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

}  // namespace

ActorKnowledge ActorKnowledge::Learn(const std::vector<Doc*>& docs) {
  ActorKnowledge k;
  for (size_t d = 0; d < docs.size(); ++d) {
    const std::vector<Annotation>* layer = docs[d]->Layer("actor");
    if (!layer) continue;
    const std::string date = DocLayers(*docs[d]).dct_iso.substr(0, 10);
    std::map<int, bool> seen;
    for (const Annotation& a : *layer) {
      const nlohmann::json j = nlohmann::json::parse(a.attrs, nullptr, false);
      if (!j.is_object() || !j.contains("person") || !j["person"].is_number_integer()) continue;
      const int person = j["person"].get<int>();
      if (seen[person]) continue;
      seen[person] = true;
      Member m{static_cast<int>(d),
               person,
               {},
               j.value("name", ""),
               j.value("code", ""),
               j.value("how", ""),
               j.value("office", ""),
               date,
               j.value("confidence", 0.0)};
      m.words = WordsOf(m.name);
      if (!m.words.empty()) k.members_.push_back(std::move(m));
    }
  }
  // Members in an order that does not depend on the documents': by name, then code.
  std::vector<int> order(k.members_.size());
  std::iota(order.begin(), order.end(), 0);
  auto key = [&](int i) {
    const Member& m = k.members_[i];
    return std::tie(m.words.back(), m.name, m.code, m.office, m.date);
  };
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return key(a) < key(b); });

  // One form per name and the country its code states: a name with no code is its own form. Members of a
  // form are one person; forms join below, so the work grows with the number of
  // different names, not of mentions.
  struct Form {
    std::vector<std::string> words;
    std::string country;
    std::vector<int> members;
  };
  std::vector<Form> forms;
  std::map<std::pair<std::string, std::string>, int> form_of;
  std::vector<int> form_of_member(k.members_.size());
  for (int i : order) {
    const Member& m = k.members_[i];
    // A guess from where the report was filed ("LIMA — President Joe Biden") says nothing
    // of who the person is.
    const bool stated = m.code.size() >= 3 && m.confidence >= CodeConfidence("role-memory", false);
    const std::string country = stated ? m.code.substr(0, 3) : "";
    auto [it, added] = form_of.emplace(std::make_pair(LowerAscii(m.name), country), static_cast<int>(forms.size()));
    if (added) forms.push_back(Form{m.words, country, {}});
    forms[it->second].members.push_back(i);
    form_of_member[i] = it->second;
  }
  UnionFind sets(forms.size());
  std::vector<std::string> country_of(forms.size());  // of each set's root: two countries never join
  for (size_t f = 0; f < forms.size(); ++f) country_of[f] = forms[f].country;
  auto join = [&](int a, int b) {
    a = sets.Find(a), b = sets.Find(b);
    if (a == b || !Compatible(country_of[a], country_of[b])) return;
    const std::string country = country_of[a].empty() ? country_of[b] : country_of[a];
    sets.Join(a, b);
    country_of[sets.Find(a)] = country;
  };
  // Fuller names: forms sharing a last word (they are adjacent), one name within the other.
  for (size_t x = 0; x < forms.size(); ++x)
    for (size_t y = x + 1; y < forms.size() && forms[y].words.back() == forms[x].words.back(); ++y) {
      const Form &a = forms[x], &b = forms[y];
      if (a.words.size() < 2 || b.words.size() < 2) continue;
      if (Within(a.words, b.words) || Within(b.words, a.words)) join(static_cast<int>(x), static_cast<int>(y));
    }
  // A one-word name joins the single fuller-named person it fits.
  std::map<std::string, std::vector<int>> fuller_with_word;
  for (size_t f = 0; f < forms.size(); ++f)
    if (forms[f].words.size() >= 2)
      for (const std::string& w : forms[f].words) fuller_with_word[w].push_back(static_cast<int>(f));
  for (size_t f = 0; f < forms.size(); ++f) {
    if (forms[f].words.size() != 1) continue;
    auto candidates = fuller_with_word.find(forms[f].words[0]);
    if (candidates == fuller_with_word.end()) continue;
    int found = -1;
    for (int g : candidates->second) {
      const int root = sets.Find(g);
      if (!Compatible(forms[f].country, country_of[root])) continue;
      if (found >= 0 && found != root) {
        found = -2;
        break;
      }
      found = root;
    }
    if (found >= 0) join(static_cast<int>(f), found);
  }

  for (size_t i = 0; i < k.members_.size(); ++i) k.members_of_doc_[k.members_[i].doc].push_back(static_cast<int>(i));
  std::map<int, int> person_of_root;
  std::vector<std::vector<int>> members_of;
  for (int i : order) {
    const int root = sets.Find(form_of_member[i]);
    auto [it, added] = person_of_root.emplace(root, static_cast<int>(k.people_.size()));
    if (added) k.people_.emplace_back(), members_of.emplace_back();
    k.id_of_[{k.members_[i].doc, k.members_[i].person}] = it->second;
    members_of[it->second].push_back(i);
  }
  // Each person: the most written fullest name; the most explicit, most stated code.
  for (size_t p = 0; p < k.people_.size(); ++p) {
    KnownPerson& person = k.people_[p];
    std::map<std::string, int> names, codes;
    std::map<std::string, double> code_confidence;
    for (int i : members_of[p]) {
      const Member& m = k.members_[i];
      person.docs.push_back(m.doc);
      ++names[m.name];
      if (m.code.empty()) continue;
      ++codes[m.code];
      code_confidence[m.code] = std::max(code_confidence[m.code], m.confidence);
      if (m.office.empty()) continue;
      person.offices.push_back(KnownOffice{m.doc, m.office, m.code, m.date});
      if (!m.date.empty() && (person.first_seen.empty() || m.date < person.first_seen)) person.first_seen = m.date;
      if (!m.date.empty() && m.date > person.last_seen) person.last_seen = m.date;
    }
    auto fuller = [](const std::pair<const std::string, int>& a, const std::pair<const std::string, int>& b) {
      const size_t wa = WordsOf(a.first).size(), wb = WordsOf(b.first).size();
      if (wa != wb) return wa < wb;
      return a.second != b.second ? a.second < b.second : a.first > b.first;
    };
    person.name = std::max_element(names.begin(), names.end(), fuller)->first;
    for (const auto& [code, n] : codes) {
      const double c = code_confidence[code];
      if (c > person.confidence || (c == person.confidence && n > codes[person.code]))
        person.code = code, person.confidence = c;
    }
    std::sort(person.offices.begin(), person.offices.end(),
              [](const KnownOffice& a, const KnownOffice& b) { return a.doc < b.doc; });
    std::sort(person.docs.begin(), person.docs.end());
    person.docs.erase(std::unique(person.docs.begin(), person.docs.end()), person.docs.end());
  }
  return k;
}

int ActorKnowledge::IdOf(int doc, int person) const {
  auto it = id_of_.find({doc, person});
  return it == id_of_.end() ? -1 : it->second;
}

NameCodes ActorKnowledge::KnownNames(int doc) const {
  NameCodes known;
  auto of_doc = members_of_doc_.find(doc);
  if (of_doc == members_of_doc_.end()) return known;
  for (int i : of_doc->second) {
    const Member& m = members_[i];
    if (Explicit(m.how)) continue;
    const int id = IdOf(m.doc, m.person);
    // Only what some article states with an office in its body.
    if (id < 0 || people_[id].code.empty() || people_[id].confidence < CodeConfidence("phrase", false)) continue;
    for (const std::string& w : m.words) known[w] = people_[id].code;
  }
  return known;
}

}  // namespace sitrep::code
