#include "code/dictionaries/verb_matcher.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace sitrep::code::dictionaries::detail {

namespace {

// Matches a pattern's tokens on one side of the verb, recording where $, + and % fell.
class PatternMatcher {
 public:
  PatternMatcher(const CodedSentence& s, int lo, int hi, bool noun_plurals = true)
      : s_(s), lo_(lo), hi_(hi), noun_plurals_(noun_plurals) {}

  using Slots = PatternSlots;

  // Tokens after the verb at `v`, in order; `touch` says whether the first must be v + 1.
  bool MatchAfter(const std::vector<VerbToken>& tokens, int v, Slots* slots) {
    budget_ = 4000;
    return After(tokens, 0, v + 1, slots);
  }
  // Tokens before the verb, the last one nearest it; `verb_adjacent`: "IN_*".
  bool MatchBefore(const std::vector<VerbToken>& tokens, int v, bool verb_adjacent, Slots* slots) {
    budget_ = 4000;
    return Before(tokens, static_cast<int>(tokens.size()) - 1, v - 1, verb_adjacent, slots);
  }

 private:
  static bool EndsWith(const std::string& s, std::string_view suffix) { return s.ends_with(suffix); }

  bool WordMatches(const VerbToken& t, int p) const {
    const std::string& w = s_.lower(p);
    const std::string& l = s_.lemma(p);
    if (t.stem) return w.starts_with(t.word) || l.starts_with(t.word);
    if (w == t.word) return true;
    // Without noun plurals (PETRARCH's patterns): a noun as written, other words also by
    // their lemma ("has" for HAVE); "efforts" is not EFFORT.
    const bool noun = s_.word(p).upos == "NOUN" || s_.word(p).upos == "PROPN";
    if (!noun_plurals_ && noun) return false;
    if (l == t.word) return true;
    if (!noun_plurals_) return false;
    // The regular plural of a pattern noun ("S", "ES", "Y" -> "IES").
    if (w.size() == t.word.size() + 1 && w.starts_with(t.word) && w.back() == 's') return true;
    if (w.size() == t.word.size() + 2 && w.starts_with(t.word) && EndsWith(w, "es")) return true;
    if (t.word.ends_with('y') && w == t.word.substr(0, t.word.size() - 1) + "ies") return true;
    return false;
  }

  // The actor starting at or covering p: its last word, or -1.
  int ActorEnd(int p) const {
    const UserMatch* m = s_.actor_at(p);
    return m ? static_cast<int>(m->last) : -1;
  }
  int ActorStart(int p) const {
    const UserMatch* m = s_.actor_at(p);
    return m ? static_cast<int>(m->first) : -1;
  }

  void Record(const VerbToken& t, int p, Slots* slots) const {
    if (t.kind == VerbToken::Kind::kSource) slots->source = p;
    if (t.kind == VerbToken::Kind::kTarget) slots->target = p;
    if (t.kind == VerbToken::Kind::kCompound) slots->compound = p;
  }

  bool After(const std::vector<VerbToken>& tokens, size_t k, int from, Slots* slots) {
    if (k == tokens.size()) return true;
    if (--budget_ < 0) return false;
    const VerbToken& t = tokens[k];
    const int last = t.adjacent ? std::min(from, hi_) : hi_;
    if (t.kind != VerbToken::Kind::kWord) {
      // "$", "+", "%", "^": the first actor from here on. PETRARCH writes "^" for a noun
      // that is not an actor too ("* THEIR ^ ABOUT +"), so a skip may skip nothing.
      for (int p = from; p <= last; ++p)
        if (int end = ActorEnd(p); end >= 0) {
          Slots saved = *slots;
          Record(t, p, slots);
          if (After(tokens, k + 1, end + 1, slots)) return true;
          *slots = saved;
          break;
        }
      return t.kind == VerbToken::Kind::kSkip && After(tokens, k + 1, from, slots);
    }
    for (int p = from; p <= last; ++p)
      if (WordMatches(t, p) && After(tokens, k + 1, p + 1, slots)) return true;
    return false;
  }

  // Token k must sit at or before `from`; `touch`: exactly at `from`.
  bool Before(const std::vector<VerbToken>& tokens, int k, int from, bool touch, Slots* slots) {
    if (k < 0) return true;
    if (--budget_ < 0) return false;
    const VerbToken& t = tokens[k];
    const int first = touch ? std::max(from, lo_) : lo_;
    if (t.kind != VerbToken::Kind::kWord) {
      for (int p = from; p >= first; --p)
        if (int start = ActorStart(p); start >= 0) {
          Slots saved = *slots;
          Record(t, start, slots);
          if (Before(tokens, k - 1, start - 1, t.adjacent, slots)) return true;
          *slots = saved;
          break;
        }
      return t.kind == VerbToken::Kind::kSkip && Before(tokens, k - 1, from, touch, slots);
    }
    for (int p = from; p >= first; --p)
      if (WordMatches(t, p) && Before(tokens, k - 1, p - 1, t.adjacent, slots)) return true;
    return false;
  }

  const CodedSentence& s_;
  int lo_, hi_;
  bool noun_plurals_ = true;
  int budget_ = 0;
};



int Letters(const std::vector<VerbToken>& tokens) {
  int n = 0;
  for (const VerbToken& t : tokens)
    n += static_cast<int>(std::count_if(t.word.begin(), t.word.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }));
  return n;
}

}  // namespace

VerbMatch MatchVerb(const CodedSentence& s, const VerbDictionary& verbs, int v, bool skip_complex, bool noun_plurals) {
  VerbMatch best;
  bool best_as_written = false;
  const auto [lo, hi] = s.Clause(v);
  for (const VerbEntry* e : verbs.Candidates(s.lower(v), s.lemma(v))) {
    PatternMatcher m(s, lo, hi, noun_plurals);
    PatternSlots base;
    // The words the verb line joins to the verb ("BURN DOWN", "CORDON_OFF").
    if (!m.MatchBefore(e->before, v, e->verb_adjacent, &base) || !m.MatchAfter(e->after, v, &base)) continue;
    const bool as_written = std::find(e->forms.begin(), e->forms.end(), s.lower(v)) != e->forms.end() ||
                            (e->stem && s.lower(v).starts_with(e->forms[0]));
    auto better = [&](int score) {
      return score > best.score || (score == best.score && as_written && !best_as_written);
    };
    const int extra = Letters(e->before) + Letters(e->after);
    bool found = false;
    for (const VerbPattern& p : verbs.Patterns(*e)) {
      if (p.length + extra < best.score) break;  // longest first: nothing better here
      if (skip_complex && p.code.code == "+++") continue;
      std::vector<VerbToken> before = p.before, after = e->after;
      before.insert(before.end(), e->before.begin(), e->before.end());
      after.insert(after.end(), p.after.begin(), p.after.end());
      PatternSlots slots;
      if (!m.MatchBefore(before, v, e->before.empty() ? p.verb_adjacent : e->verb_adjacent, &slots)) continue;
      if (!m.MatchAfter(after, v, &slots)) continue;
      // "%" needs a compound actor; with one actor the pattern fails (TABARI 5.7.3).
      if (slots.compound >= 0 && s.ActorsOf(s.ArgumentHead(slots.compound, v)).size() < 2) continue;
      found = true;
      if (better(p.length + extra)) best = VerbMatch{p.code, p.origin, p.length + extra, slots}, best_as_written = as_written;
      break;
    }
    if (!found && better(extra)) best = VerbMatch{e->code, e->origin, extra, base}, best_as_written = as_written;
  }
  return best;
}

}  // namespace sitrep::code::dictionaries::detail
