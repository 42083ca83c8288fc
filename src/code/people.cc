#include "code/people.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "code/actor_coder.h"
#include "code/sentence_graph.h"

namespace sitrep::code {

namespace {

bool Capitalized(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }
bool Overlap(Span a, Span b) { return !a.empty() && a.begin < b.end && b.begin < a.end; }

// Words written before a name that are not part of it. Office words of the actor
// lexicon ("president", "minister") count as well.
const std::set<std::string, std::less<>>& Honorifics() {
  static const std::set<std::string, std::less<>> kWords = {
      "mr",      "mrs",     "ms",       "dr",      "sir",     "dame",    "lord",     "gen",       "lt",
      "col",     "maj",     "capt",     "adm",     "sen",     "rep",     "gov",      "pm",        "fm",
      "general", "colonel", "major",    "captain", "admiral", "senator", "governor", "mayor",     "king",
      "queen",   "prince",  "princess", "sheikh",  "pope",    "judge",   "justice",  "professor", "prof"};
  return kWords;
}

// The nouns a definite description of a person ends in: "the under secretary", "the
// foreign minister"; not "the ministry", "the state".
bool PersonTitle(std::string_view lower) {
  static const std::set<std::string, std::less<>> kTitles = {
      "minister", "secretary",  "spokesperson", "spokesman", "spokeswoman", "ambassador",  "envoy",      "president",
      "premier",  "chancellor", "chief",        "general",   "commander",   "coordinator", "adviser",    "advisor",
      "governor", "mayor",      "senator",      "diplomat",  "official",    "chairman",    "chairperson"};
  return kTitles.contains(lower);
}

std::string Bare(std::string_view lower) {  // "gen." -> "gen"
  std::string s(lower);
  if (s.ends_with('.')) s.pop_back();
  return s;
}

class PeopleReader {
 public:
  PeopleReader(const Doc& doc, const ActorLexicon& lexicon)
      : doc_(doc),
        lexicon_(lexicon),
        entities_(doc.Layer("entity")),
        paragraphs_(doc.Layer("paragraph")),
        coder_(doc, lexicon, entities_) {
    memory_.home_country = coder_.HomeCountry();
  }

  DocPeople Read() {
    if (!entities_) return std::move(out_);
    for (const Sentence& s : doc_.sentences()) {
      if (s.token_end > doc_.tokens().size() || s.token_begin >= s.token_end) continue;
      SentenceGraph g(doc_, s.token_begin, s.token_end);
      memory_.in_heading = InHeading(s.span);
      ReadNames(g, s.span);
    }
    Chain();
    ChooseCodes();
    names_ = out_.mentions.size();
    for (const Sentence& s : doc_.sentences()) {
      if (s.token_end > doc_.tokens().size() || s.token_begin >= s.token_end) continue;
      ReadDescriptions(SentenceGraph(doc_, s.token_begin, s.token_end));
    }
    Finish();
    return std::move(out_);
  }

 private:
  bool InHeading(Span sentence) const {
    if (!paragraphs_) return false;
    for (const Annotation& p : *paragraphs_)
      if (p.span.Contains(sentence)) return p.label != "body";
    return false;
  }

  const Annotation* PersonEntityAt(const SentenceGraph& g, int i) const {
    const Span w = g.token(i).span;
    // The layer is sorted by span: the last entity starting at or before the word.
    auto it = std::upper_bound(entities_->begin(), entities_->end(), w.begin,
                               [](uint32_t b, const Annotation& a) { return b < a.span.begin; });
    if (it == entities_->begin()) return nullptr;
    --it;
    return it->label == "PER" && it->span.Contains(w) ? &*it : nullptr;
  }

  bool OfficeWord(const SentenceGraph& g, int i) const { return lexicon_.IsOfficeWord(g.lower(i)); }

  // The PER entities of one sentence, each with the office stated beside it.
  void ReadNames(const SentenceGraph& g, Span sentence) {
    auto first = std::lower_bound(entities_->begin(), entities_->end(), sentence.begin,
                                  [](const Annotation& a, uint32_t b) { return a.span.begin < b; });
    for (auto e = first; e != entities_->end() && e->span.begin < sentence.end; ++e) {
      if (e->label != "PER") continue;
      int b = -1, end = -1;
      for (int i = 0; i < g.size(); ++i)
        if (e->span.Contains(g.token(i).span)) {
          if (b < 0) b = i;
          end = i + 1;
        }
      if (b < 0) continue;
      // The recogniser sometimes cuts one name in two ("Mohammad" + "Ishaq Dar").
      while (end < g.size() && std::next(e) != entities_->end() && std::next(e)->label == "PER" &&
             std::next(e)->span.begin == g.token(end).span.begin) {
        ++e;
        while (end < g.size() && e->span.Contains(g.token(end).span)) ++end;
      }
      // Trailing possessives are not the name; leading honorifics and office words are
      // the office ("PM Shehbaz", "General Asim Munir").
      while (end > b && (g.lower(end - 1) == "'s" || g.lower(end - 1) == "’s" || g.upos(end - 1) == "PUNCT")) --end;
      int name_first = b;
      while (end - name_first > 1 &&
             (Honorifics().contains(Bare(g.lower(name_first))) || lexicon_.IsOfficeWord(Bare(g.lower(name_first)))))
        ++name_first;
      if (end <= name_first || !Capitalized(g.word(name_first))) continue;

      PersonMention m;
      std::vector<int> name;
      for (int i = name_first; i < end; ++i) name.push_back(i), m.words.push_back(g.lower(i));
      m.span = g.SpanOf(name);
      m.in_heading = memory_.in_heading;
      std::vector<int> office = OfficeBefore(g, name_first);
      if (office.empty()) office = OfficeBeside(g, name);
      if (!office.empty()) {
        m.office = g.SpanOf(office);
        std::vector<int> words = office;
        words.insert(words.end(), name.begin(), name.end());
        std::sort(words.begin(), words.end());
        words.erase(std::unique(words.begin(), words.end()), words.end());
        if (auto coded = coder_.CodeWords(g, words, memory_)) m.coded = *coded;
      }
      out_.mentions.push_back(std::move(m));
    }
  }

  // Title words right before the name: capitalised words, office words, "of", "for",
  // "and" and possessives between them, and a parenthesised acronym ("(COAS)").
  std::vector<int> OfficeBefore(const SentenceGraph& g, int name_first) const {
    auto nominal = [&](int i) {
      const std::string& x = g.token(i).xpos;
      return g.upos(i) != "PUNCT" && g.upos(i) != "AUX" && x != "VBZ" && x != "VBD" && x != "VBP";
    };
    auto takes = [&](int i) { return (Capitalized(g.word(i)) && nominal(i)) || OfficeWord(g, i); };
    int j = name_first - 1;
    while (j >= 0 && name_first - j <= 16) {
      if (const Annotation* other = PersonEntityAt(g, j); other && !other->span.Contains(g.token(name_first).span))
        break;  // another person's name: "Biden and Xi"
      const std::string& w = g.lower(j);
      if ((w == "'s" || w == "’s") && j > 0 && Capitalized(g.word(j - 1))) {
        --j;
        continue;
      }
      if (w == ")" && j >= 2 && g.word(j - 2) == "(" && Capitalized(g.word(j - 1))) {
        j -= 3;
        continue;
      }
      if ((w == "of" || w == "for" || w == "and") && j > 0 && takes(j - 1) && takes(j + 1)) {
        --j;
        continue;
      }
      if (takes(j)) {
        --j;
        continue;
      }
      break;
    }
    int first = j + 1;
    // Start at a word that can begin an office: not a connector, not an ordinary noun
    // that starts the sentence ("Yesterday President ...").
    auto can_start = [&](int i) {
      if (g.upos(i) == "PUNCT" || g.lower(i) == "of" || g.lower(i) == "for" || g.lower(i) == "and") return false;
      return OfficeWord(g, i) || g.upos(i) == "PROPN" || g.upos(i) == "ADJ" || lexicon_.Find(g.lower(i)) != nullptr;
    };
    while (first < name_first && !can_start(first)) ++first;
    std::vector<int> words;
    bool has_office = false;
    for (int i = first; i < name_first; ++i) {
      words.push_back(i);
      has_office |= OfficeWord(g, i) || Honorifics().contains(Bare(g.lower(i)));
    }
    return has_office ? words : std::vector<int>{};
  }

  // An office in an apposition or a relative clause with "be": "Miller, the State
  // Department spokesperson,", "the spokesperson, Matthew Miller,", "Dar, who is also
  // the country's foreign minister,".
  std::vector<int> OfficeBeside(const SentenceGraph& g, const std::vector<int>& name) const {
    int head = name.front();
    for (int w : name)
      if (std::find(name.begin(), name.end(), g.head(w)) == name.end()) {
        head = w;
        break;
      }
    static const std::vector<std::string_view> kSkip = {"acl", "acl:relcl", "punct", "advcl", "conj", "cc", "appos"};
    auto office_in = [&](const std::vector<int>& words) {
      return std::any_of(words.begin(), words.end(), [&](int i) { return PersonTitle(g.lower(i)); });
    };
    for (int c : g.children(head)) {
      if (g.deprel(c) == "appos" && !PersonEntityAt(g, c)) {
        std::vector<int> words = g.Subtree(c, kSkip, 14);
        if (office_in(words)) return words;
      }
      if (g.deprel(c) == "acl:relcl" && g.Child(c, "cop") >= 0) {
        const int subject = g.Child(c, "nsubj");
        if (subject < 0 || (g.lower(subject) != "who" && g.lower(subject) != "that")) continue;
        std::vector<int> words = g.Subtree(c, {"nsubj", "cop", "advmod", "punct", "acl:relcl", "conj", "cc"}, 12);
        if (office_in(words)) return words;
      }
    }
    const int up = g.head(head);
    if (g.deprel(head) == "appos" && up >= 0 && PersonTitle(g.lower(up))) return g.Subtree(up, kSkip, 14);
    return {};
  }

  // Names into people: the longer names first, then each single word to the nearest
  // person it fits.
  void Chain() {
    auto fits = [](const std::vector<std::string>& shorter, const std::vector<std::string>& longer) {
      return std::all_of(shorter.begin(), shorter.end(), [&](const std::string& w) {
        return std::find(longer.begin(), longer.end(), w) != longer.end();
      });
    };
    auto& ms = out_.mentions;
    auto& people = out_.people;
    std::map<std::string, std::vector<int>> people_with_word;  // so a mention looks only at people sharing a word
    for (int pass = 0; pass < 2; ++pass) {
      for (size_t k = 0; k < ms.size(); ++k) {
        PersonMention& m = ms[k];
        if ((pass == 0) != (m.words.size() > 1)) continue;
        int best = -1;
        uint32_t best_distance = UINT32_MAX;
        std::set<int> candidates;
        for (const std::string& w : m.words)
          if (auto it = people_with_word.find(w); it != people_with_word.end())
            candidates.insert(it->second.begin(), it->second.end());
        for (int p : candidates) {
          const Person& person = people[p];
          if (!fits(m.words, person.words) && !fits(person.words, m.words)) continue;
          for (int other : person.mentions) {
            const uint32_t a = ms[other].span.begin, b = m.span.begin;
            // Earlier mentions are nearer than any later one.
            const uint32_t distance = a <= b ? b - a : (1u << 30) + (a - b);
            if (distance < best_distance) best_distance = distance, best = static_cast<int>(p);
          }
        }
        if (best < 0) {
          best = static_cast<int>(people.size());
          people.push_back(Person{});
        }
        Person& person = people[best];
        m.person = best;
        person.mentions.push_back(static_cast<int>(k));
        if (m.words.size() > person.words.size()) {
          person.words = m.words, person.name = doc_.Slice(m.span);
          for (const std::string& w : m.words) {
            std::vector<int>& list = people_with_word[w];
            if (std::find(list.begin(), list.end(), best) == list.end()) list.push_back(best);
          }
        }
      }
    }
  }

  void ChooseCodes() {
    for (Person& person : out_.people) {
      std::sort(person.mentions.begin(), person.mentions.end());
      for (int k : person.mentions) {
        const PersonMention& m = out_.mentions[k];
        if (m.coded.code.empty()) continue;
        const double confidence = CodeConfidence(m.coded.how, m.in_heading);
        if (confidence <= person.confidence) continue;
        person.confidence = confidence, person.code = m.coded.code, person.how = m.coded.how;
        person.office = doc_.Slice(m.office), person.office_span = m.office;
      }
    }
  }

  // "the under secretary": a definite description made of office words, for the one
  // person mentioned before whose office holds them all.
  void ReadDescriptions(const SentenceGraph& g) {
    for (int i = 0; i < g.size(); ++i) {
      if (g.upos(i) != "NOUN" || !PersonTitle(g.lower(i)) || Capitalized(g.word(i))) continue;
      int det = i - 1;
      while (det >= 0 && OfficeWord(g, det) && !Capitalized(g.word(det)) && i - det < 5) --det;
      if (det < 0 || g.lower(det) != "the") continue;
      const Span span{g.token(det).span.begin, g.token(i).span.end};
      if (NamedNear(span)) continue;
      int found = -1;
      for (size_t p = 0; p < out_.people.size(); ++p) {
        const Person& person = out_.people[p];
        if (person.office.empty() || out_.mentions[person.mentions.front()].span.begin >= span.begin) continue;
        const std::string office = LowerAscii(person.office);
        bool all = true;
        for (int w = det + 1; w <= i && all; ++w) all = office.find(g.lower(w)) != std::string::npos;
        if (!all) continue;
        if (found >= 0) {
          found = -2;
          break;
        }  // two candidates: say nothing
        found = static_cast<int>(p);
      }
      if (found < 0) continue;
      PersonMention m;
      m.span = span, m.person = found, m.description = true;
      m.in_heading = InHeading(span);
      out_.mentions.push_back(std::move(m));
    }
  }

  // Whether `span` lies in a name or a stated office. The names are in text order, and
  // no office runs over more than a sentence before its name.
  bool NamedNear(Span span) const {
    auto it = std::lower_bound(out_.mentions.begin(), out_.mentions.begin() + names_, span.begin,
                               [](const PersonMention& m, uint32_t b) { return m.span.end <= b; });
    for (; it != out_.mentions.begin() + names_ && it->span.begin < span.end + 2048; ++it)
      if (Overlap(it->office, span) || Overlap(it->span, span)) return true;
    return false;
  }

  // Mentions in text order, people's mention lists to match.
  void Finish() {
    std::vector<int> order(out_.mentions.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = static_cast<int>(k);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return out_.mentions[a].span.begin < out_.mentions[b].span.begin; });
    std::vector<PersonMention> sorted;
    for (Person& p : out_.people) p.mentions.clear();
    for (int k : order) {
      out_.people[out_.mentions[k].person].mentions.push_back(static_cast<int>(sorted.size()));
      sorted.push_back(std::move(out_.mentions[k]));
    }
    out_.mentions = std::move(sorted);
  }

  const Doc& doc_;
  const ActorLexicon& lexicon_;
  const std::vector<Annotation>* entities_;
  const std::vector<Annotation>* paragraphs_;
  ActorCoder coder_;
  DocMemory memory_;
  DocPeople out_;
  size_t names_ = 0;  // mentions [0, names_) are names, in text order
};

}  // namespace

double CodeConfidence(const std::string& how, bool in_heading) {
  if (IsExplicitCode(how)) return in_heading ? 0.7 : 0.9;
  if (how == "knowledge") return 0.75;
  if (how == "role-memory" || how == "name-memory") return 0.6;
  if (how == "home-country") return 0.4;
  if (how == "sector-only") return 0.3;
  return 0.5;
}

DocPeople FindPeople(const Doc& doc, const ActorLexicon& lexicon) { return PeopleReader(doc, lexicon).Read(); }

std::vector<Annotation> PeopleLayer(const DocPeople& people) {
  std::vector<Annotation> layer;
  for (const PersonMention& m : people.mentions) {
    const Person& p = people.people[m.person];
    nlohmann::json attrs = {{"person", m.person},
                            {"name", p.name},
                            {"code", p.code},
                            {"how", p.how},
                            {"office", p.office},
                            {"confidence", std::round(p.confidence * (m.description ? 0.8 : 1.0) * 1000) / 1000},
                            {"mention", m.description ? "description" : "name"}};
    if (!p.office_span.empty()) attrs["office_span"] = {p.office_span.begin, p.office_span.end};
    if (!m.office.empty()) attrs["stated_office"] = {m.office.begin, m.office.end};
    layer.push_back(Annotation{m.span, "PER", attrs.dump()});
  }
  return layer;
}

}  // namespace sitrep::code
