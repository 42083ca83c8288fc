#include "code/predicate_finder.h"

#include <algorithm>

namespace sitrep::code {

namespace {

// Verbs that carry an event noun without adding meaning: "held talks", "paid a courtesy
// call", "co-chaired the meeting", "launched an attack".
bool IsLightVerbLemma(std::string_view lemma) {
  static const char* kLight[] = {"hold", "have", "pay", "conduct", "attend", "co-chair", "chair", "launch",
                                 "carry", "make", "host", "stage", "mount", "initiate", "convene", "resume",
                                 "begin", "start", "sign", "receive", "lead", "join", "perpetrate", "commit",
                                 "express", "extend", "convey", "offer", "voice",
                                 // what a government does with a measure: "imposed sanctions",
                                 // "adopted a package of sanctions", "issued a warning"
                                 "impose", "adopt", "approve", "unveil", "announce", "issue", "level", "file",
                                 "declare", "order", "step",
                                 // "opened an investigation", "opened talks"
                                 "open"};
  for (const char* w : kLight)
    if (lemma == w) return true;
  return false;
}

// The entries of a verb whose lemma the lemmatizer got wrong ("heckled" -> "heckl"):
// the regular English endings taken off the word itself.
const std::vector<PredicateEntry>& FindByInflection(std::string_view word, const PredicateLexicon& lexicon) {
  static const std::vector<PredicateEntry> kNone;
  struct Ending { std::string_view suffix, replacement; };
  static const Ending kEndings[] = {{"ied", "y"}, {"ies", "y"}, {"ed", "e"}, {"ed", ""}, {"ing", "e"},
                                    {"ing", ""},  {"es", ""},   {"s", ""}};
  for (const Ending& e : kEndings) {
    if (word.size() <= e.suffix.size() + 2 || !word.ends_with(e.suffix)) continue;
    std::string stem(word.substr(0, word.size() - e.suffix.size()));
    stem += e.replacement;
    if (const auto& entries = lexicon.Find('V', stem); !entries.empty()) return entries;
  }
  return kNone;
}

// Words that head a phrase of time ("on Monday", "in March", "on Nov. 2").
bool IsTimeWord(const SentenceGraph& g, int i) {
  static const char* kTime[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                "january", "february", "march", "april", "may", "june", "july", "august",
                                "september", "october", "november", "december", "jan.", "feb.", "mar.", "apr.",
                                "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "today",
                                "yesterday", "tomorrow", "morning", "afternoon", "evening", "night", "day",
                                "week", "month", "year", "weekend"};
  if (g.upos(i) == "NUM") return true;
  for (const char* t : kTime)
    if (g.lower(i) == t || g.lemma(i) == t) return true;
  return false;
}

}  // namespace

bool IsLightVerbWord(const SentenceGraph& g, int i) {
  if (IsLightVerbLemma(g.lemma(i))) return true;
  std::string_view w = g.lower(i);
  if (w.ends_with("ed")) return IsLightVerbLemma(w.substr(0, w.size() - 1)) || IsLightVerbLemma(w.substr(0, w.size() - 2));
  if (w.ends_with("s")) return IsLightVerbLemma(w.substr(0, w.size() - 1));
  return false;
}

bool SharesSubject(std::string_view deprel) {
  // parataxis too: the parser often cuts "X, the envoy, visited Y" into two clauses.
  return deprel == "xcomp" || deprel == "advcl" || deprel == "conj" || deprel.starts_with("advcl:") ||
         deprel == "parataxis";
}

bool IsSayVerb(std::string_view lemma) {
  return lemma == "say" || lemma == "state" || lemma == "announce" || lemma == "add" || lemma == "tell" ||
         lemma == "note" || lemma == "confirm" || lemma == "report";
}

// The lexicon entries for word `i`: those whose pattern the parse shows (one per event
// type: "a congratulatory telephone call" is a call and a praise), else the one without.
std::vector<const PredicateEntry*> ChooseEntries(const SentenceGraph& g, int i, const PredicateLexicon& lexicon) {
  const std::string& upos = g.upos(i);
  const char pos = upos == "VERB" ? 'V' : (upos == "NOUN" || upos == "PROPN") ? 'N' : 0;
  if (!pos) return {};
  const std::vector<PredicateEntry>* found = &lexicon.Find(pos, g.lemma(i));
  if (found->empty() && pos == 'V') found = &FindByInflection(g.lower(i), lexicon);
  const std::vector<PredicateEntry>& entries = *found;
  if (entries.empty()) return {};
  std::vector<std::string> cues;  // particles, prepositions of dependents, modifiers
  for (int c : g.children(i)) {
    const std::string& d = g.deprel(c);
    if (d == "compound:prt" || d == "amod" || d == "compound" || d == "nmod:desc") cues.push_back(g.lemma(c)), cues.push_back(g.lower(c));
    // "On Nov. 2, Tillerson called Lavrov": a preposition of time is no verb's particle.
    if ((d == "obl" || d.starts_with("obl:") || d == "nmod" || d.starts_with("nmod:")) && !IsTimeWord(g, c))
      cues.push_back(g.CaseOf(c));
    // A verb's object or passive subject can make the event: "vowed retaliation",
    // "declared war", "hostages were taken".
    if (pos == 'V' && (d == "obj" || d == "nsubj:pass")) cues.push_back(g.lemma(c));
    if (d == "acl" && pos == 'N')
      for (int cc : g.children(c)) cues.push_back(g.CaseOf(cc));
  }
  const PredicateEntry* plain = nullptr;
  std::vector<const PredicateEntry*> matched;
  for (const PredicateEntry& e : entries) {
    if (e.pattern.empty()) { if (!plain) plain = &e; continue; }
    if (std::find(cues.begin(), cues.end(), e.pattern) == cues.end()) continue;
    bool same_type = false;
    for (const PredicateEntry* m : matched) same_type |= m->type == e.type;
    if (!same_type) matched.push_back(&e);
  }
  if (matched.empty() && plain) matched.push_back(plain);
  return matched;
}

}  // namespace sitrep::code
