// A parsed sentence as the dictionary coder sees it (dictionary_coder.h): its words,
// tree and clauses, and the actors and agents the user's dictionaries find in it, with
// the noun phrases that make them one actor ("Osgiliath soldiers": OSGMIL) or several
// ("Fornost and Gondor"). Internal to the coder; all work is bounded by the sentence.
#pragma once

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "code/dictionaries/dictionary_coder.h"
#include "code/dictionaries/user_dictionaries.h"

namespace sitrep::code::dictionaries::detail {

inline std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

inline bool IsVerbTag(std::string_view upos) { return upos == "VERB"; }

// Relations whose subtree is another clause, not part of a noun phrase.
inline bool IsClausal(std::string_view rel) {
  return rel == "acl" || rel.starts_with("acl:") || rel == "advcl" || rel == "ccomp" || rel == "xcomp" ||
         rel == "parataxis" || rel.starts_with("csubj") || rel == "punct";
}

// Relations by which a word belongs to the noun phrase of its head.
inline bool IsInNounPhrase(std::string_view rel) {
  return rel == "compound" || rel.starts_with("compound:") || rel == "flat" || rel.starts_with("flat:") ||
         rel == "fixed" || rel == "amod" || rel == "nmod" || rel.starts_with("nmod:") || rel == "det" ||
         rel == "nummod" || rel == "appos" || rel == "conj" || rel == "case";
}


// Everything about one sentence the matcher needs, computed once.
class CodedSentence {
 public:
  CodedSentence(const std::vector<ParsedWord>& words, const UserDictionaries& dicts, std::optional<DayNumber> day,
               bool actors_any_case, bool phrase_gaps, bool stems = true)
      : words_(words), n_(static_cast<int>(words.size())) {
    lower_.reserve(words.size());
    bool any_upper = false;
    for (const ParsedWord& w : words) {
      lower_.push_back(Lower(w.text));
      lemma_.push_back(Lower(w.lemma));
      any_upper |= std::any_of(w.text.begin(), w.text.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
    }
    children_.resize(words.size());
    for (int i = 0; i < n_; ++i)
      if (int h = words[i].head; h >= 0 && h < n_ && h != i) children_[h].push_back(i);
    // Words joined by "_" in the text ("Dol_Amroth") are the phrase's words, as in the
    // dictionaries; each part remembers the word it came from.
    std::vector<std::string> parts;
    std::vector<size_t> owner;
    for (size_t w = 0; w < lower_.size(); ++w)
      for (size_t b = 0; b <= lower_[w].size();) {
        size_t e = lower_[w].find('_', b);
        if (e == std::string::npos) e = lower_[w].size();
        if (e > b || lower_[w].empty()) parts.push_back(lower_[w].substr(b, e - b)), owner.push_back(w);
        b = e + 1;
      }
    UserCoding coding = dicts.Read(parts, day, phrase_gaps, stems);
    for (auto* list : {&coding.actors, &coding.agents})
      for (UserMatch& m : *list) m.first = owner[m.first], m.last = owner[m.last];
    actor_at_.assign(words.size(), -1);
    agent_at_.assign(words.size(), -1);
    for (UserMatch& m : coding.actors) {
      // Names are capitalised (unless the whole sentence is lower case), as in sitrep's
      // own actor coder: a stem like "ENT" must not take "entered".
      if (!actors_any_case && any_upper && !std::isupper(static_cast<unsigned char>(words[m.first].text[0]))) continue;
      if (m.code.empty()) continue;  // the null code: not an actor
      for (size_t k = m.first; k <= m.last; ++k) actor_at_[k] = static_cast<int>(actors_.size());
      actors_.push_back(std::move(m));
    }
    for (UserMatch& m : coding.agents) {
      if (m.code.empty()) continue;
      for (size_t k = m.first; k <= m.last; ++k) agent_at_[k] = static_cast<int>(agents_.size());
      agents_.push_back(std::move(m));
    }
  }

  int size() const { return n_; }
  const ParsedWord& word(int i) const { return words_[i]; }
  const std::string& lower(int i) const { return lower_[i]; }
  const std::string& lemma(int i) const { return lemma_[i]; }
  int head(int i) const { return words_[i].head >= 0 && words_[i].head < n_ ? words_[i].head : -1; }
  const std::string& rel(int i) const { return words_[i].deprel; }
  const std::vector<int>& children(int i) const { return children_[i]; }
  const UserMatch* actor_at(int i) const { return actor_at_[i] < 0 ? nullptr : &actors_[actor_at_[i]]; }
  const UserMatch* agent_at(int i) const { return agent_at_[i] < 0 ? nullptr : &agents_[agent_at_[i]]; }

  // An agent phrase with no actor is an actor of its own (DictionaryCoderOptions::lone_agents):
  // composed onto `actor` ("---": ---GOV), or its own code when `actor` is empty (~MOS).
  void set_lone_agents(bool on, std::string actor) { lone_agents_ = on, lone_actor_ = std::move(actor); }
  bool lone_agents() const { return lone_agents_; }
  void set_agent_first_member_only(bool on) { agent_first_member_only_ = on; }
  void set_all_agents(bool on) { all_agents_ = on; }
  // Whether word i is part of something that may name an actor: an actor, or a lone agent.
  bool names_actor(int i) const { return actor_at_[i] >= 0 || (lone_agents_ && agent_at_[i] >= 0); }

  bool IsAncestor(int a, int x) const {
    for (int steps = 0; x >= 0 && steps < n_; ++steps, x = head(x))
      if (x == a) return true;
    return false;
  }

  // Clause bounds around `v`, inclusive: commas, semicolons, colons and conjunctions that
  // hang from a verb end a clause (TABARI stops a phrase there); those inside a list of
  // names hang from the names and do not.
  std::pair<int, int> Clause(int v) const {
    auto boundary = [&](int i) {
      const std::string& w = lower_[i];
      if (w == ";") return true;
      if (w != "," && w != ":" && w != "--" && w != "and" && w != "but" && w != "or" && w != "nor") return false;
      // "heavily and unjustly criticized": a conjunction between two adverbs (or two
      // adjectives) joins modifiers, not clauses, wherever the parse hung it.
      if (w != "," && w != ":" && w != "--" && i > 0 && i + 1 < n_ && words_[i - 1].upos == words_[i + 1].upos &&
          (words_[i - 1].upos == "ADV" || words_[i - 1].upos == "ADJ"))
        return false;
      const int h = head(i);
      if (h >= 0 && (words_[h].upos == "VERB" || words_[h].upos == "AUX")) return true;
      // "... and Gondor asked him": a conjunction the parse hangs from the subject of the
      // clause it opens.
      return h > i && w != "," && w != ":" && w != "--" && rel(h).starts_with("nsubj") && head(h) > h &&
             (words_[head(h)].upos == "VERB" || words_[head(h)].upos == "AUX") && words_[head(h)].deprel != "root" &&
             head(head(h)) >= 0 && head(head(h)) < i;
    };
    int lo = v, hi = v;
    while (lo > 0 && !boundary(lo - 1)) --lo;
    while (hi + 1 < n_ && !boundary(hi + 1)) ++hi;
    return {lo, hi};
  }

  // The codes of the actors a noun phrase headed by `h` names: the first actor of the
  // phrase and those coordinated with it, an agent of the phrase composed onto each;
  // then the same for the phrases coordinated with `h`.
  // With lone agents (set_lone_agents), an argument that names no actor at all
  // ("Clerics and lawmakers") gives its agents as actors of their own.
  // `agent_anywhere`: a lone agent may be any word of the phrase, not only its head ("the
  // official news agency WFNA"; DictionaryCoderOptions::lone_agent_anywhere_in_subject).
  std::vector<std::string> ActorsOf(int h, bool agent_anywhere = false) const {
    std::vector<std::string> out = ActorsOf(h, 0, false);
    if (out.empty() && lone_agents_) out = ActorsOf(h, 0, true, agent_anywhere);
    return out;
  }

  std::vector<std::string> ActorsOf(int h, int depth, bool lone, bool agent_anywhere = false) const {
    std::vector<std::string> out;
    if (h < 0 || depth > 16) return out;
    std::vector<int> phrase;
    std::vector<int> stack{h};
    while (!stack.empty() && phrase.size() < 256) {
      int x = stack.back();
      stack.pop_back();
      phrase.push_back(x);
      for (int c : children_[x]) {
        if (x == h && rel(c) == "conj") continue;
        if (IsClausal(rel(c))) continue;
        stack.push_back(c);
      }
    }
    std::sort(phrase.begin(), phrase.end());
    std::vector<int> chosen;  // actor indices
    for (int x : phrase) {
      const int a = actor_at_[x];
      if (a < 0 || std::find(chosen.begin(), chosen.end(), a) != chosen.end()) continue;
      if (chosen.empty()) {
        chosen.push_back(a);
        continue;
      }
      // Coordinated with an actor already chosen: "in Fornost and Gondor".
      const int last = static_cast<int>(actors_[a].last);
      const int up = rel(last) == "conj" ? head(last) : -1;
      if (up >= 0 && actor_at_[up] >= 0 && std::find(chosen.begin(), chosen.end(), actor_at_[up]) != chosen.end())
        chosen.push_back(a);
    }
    std::vector<std::string> codes;
    for (int a : chosen) codes.push_back(actors_[a].code);
    if (chosen.empty() && lone) {
      // "a senior official", "students": only a phrase headed by the agent ("President
      // Ilham Aliyev" is a person whose office the dictionaries do not resolve; "full
      // diplomatic ties" are not diplomats).
      int at = h;
      if (agent_at_[h] < 0 && agent_anywhere)
        for (int x : phrase)
          if (agent_at_[x] >= 0 && (at == h || x < at)) at = x;
      if (agent_at_[at] < 0) return out;
      const UserMatch& agent = agents_[agent_at_[at]];
      codes.push_back(lone_actor_.empty() ? agent.code : ComposeAgent(lone_actor_, agent.code));
    }
    for (size_t i = 0; i < codes.size(); ++i) {
      std::string code = codes[i];
      if (i >= chosen.size()) {
        AddCodes(code, &out);
        continue;
      }
      const int a = chosen[i];
      const UserMatch* agent = AgentOf(actors_[a], phrase);
      // "The ambassadors of Arnor, Osgiliath and Gondor": TABARI gives an agent before a
      // list to its first member only (ARNGOV, OSG, GON); PETRARCH to each.
      if (agent && agent_first_member_only_ && i > 0 && agent->last < actors_[chosen[0]].first) agent = nullptr;
      if (agent) {
        // "former Gondor prosecutors": a former office holder is an elite, as TABARI
        // reads "former" just before an agent.
        const bool former = std::any_of(phrase.begin(), phrase.end(), [&](int x) {
          return lower_[x] == "former" && x < static_cast<int>(agent->first);
        });
        code = ComposeAgent(code, former ? std::string("~ELI") : agent->code);
        // PETRARCH composes every agent on the actor's line ("An MSF Arnor diplomat":
        // NGO~ and ~GOV, NGOARNGOV); TABARI the nearest.
        if (all_agents_ && !former)
          for (int p : phrase)
            if (const UserMatch* other = agent_at_[p] < 0 ? nullptr : &agents_[agent_at_[p]];
                other && other != agent && static_cast<int>(other->first) == p && OnLine(*other, actors_[a]))
              code = ComposeAgent(code, other->code);
      }
      AddCodes(code, &out);
    }
    for (int c : children_[h]) {
      if (rel(c) != "conj") continue;
      std::vector<std::string> more = ActorsOf(c, depth + 1, lone);
      // "Lawmakers and officials in Fornost and Gondor": a member with an office but no
      // actor takes the actors of the member before it.
      if (more.empty() && agent_at_[c] >= 0)
        for (int a : chosen)
          more.push_back(ComposeAgent(actors_[a].code.substr(0, actors_[a].code.find('/')), agents_[agent_at_[c]].code));
      for (std::string& code : more)
        if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(std::move(code));
    }
    return out;
  }

  // A coded compound ("THE_SHIRE [FRO/BIL/SAM]") is that many actors (TABARI 6.5.1).
  static void AddCodes(const std::string& code, std::vector<std::string>* out) {
    for (size_t b = 0; b < code.size();) {
      size_t e = code.find('/', b);
      if (e == std::string::npos) e = code.size();
      std::string part = code.substr(b, e - b);
      if (!part.empty() && std::find(out->begin(), out->end(), part) == out->end()) out->push_back(std::move(part));
      b = e + 1;
    }
  }

  // The agent of `phrase` that goes with an actor: one on the actor's line of heads, above
  // ("soldiers from Gondor", "Gondor police") or below it ("Minister Telemar"), the
  // nearest; "diplomatic" in "diplomatic ties with Gondor" modifies the ties, not Gondor.
  // The head word of an agent phrase: "Ministry" of "Ministry of Silly Walks".
  int AgentHead(const UserMatch& m) const {
    for (int k = static_cast<int>(m.first); k <= static_cast<int>(m.last); ++k)
      if (head(k) < static_cast<int>(m.first) || head(k) > static_cast<int>(m.last)) return k;
    return static_cast<int>(m.last);
  }
  // Whether an agent is on an actor's line of heads, above or below it.
  bool OnLine(const UserMatch& agent, const UserMatch& actor) const {
    const int a = AgentHead(agent), x = static_cast<int>(actor.last);
    return IsAncestor(a, x) || IsAncestor(x, a);
  }

  const UserMatch* AgentOf(const UserMatch& actor, const std::vector<int>& phrase) const {
    const UserMatch* best = nullptr;
    int best_distance = 0;
    const int x = static_cast<int>(actor.last);
    for (int p : phrase) {
      if (agent_at_[p] < 0) continue;
      const UserMatch* m = &agents_[agent_at_[p]];
      if (m == best) continue;
      const int a = AgentHead(*m);  // the agent phrase's own head
      if (!IsAncestor(a, x) && !IsAncestor(x, a)) continue;
      const int distance = std::abs(a - x);
      if (!best || distance < best_distance) best = m, best_distance = distance;
    }
    return best;
  }

  // The word of the actor phrase at `x` that the rest of the phrase hangs from.
  int NameHead(int x) const {
    const UserMatch* m = actor_at(x);
    if (!m) return x;
    for (int k = static_cast<int>(m->first); k <= static_cast<int>(m->last); ++k)
      if (head(k) < static_cast<int>(m->first) || head(k) > static_cast<int>(m->last)) return k;
    return x;
  }

  // The head of the argument a word belongs to: up through the noun phrase, and through
  // coordination to its first member, stopping below the verb `v`.
  int ArgumentHead(int x, int v) const {
    for (int steps = 0; steps < n_; ++steps) {
      const int h = head(x);
      if (h < 0 || h == v || !IsInNounPhrase(rel(x))) return x;
      if (IsVerbTag(words_[h].upos) || words_[h].upos == "AUX") return x;
      x = h;
    }
    return x;
  }

 private:
  const std::vector<ParsedWord>& words_;
  int n_;
  std::vector<std::string> lower_, lemma_;
  std::vector<std::vector<int>> children_;
  std::vector<UserMatch> actors_, agents_;
  std::vector<int> actor_at_, agent_at_;
  bool lone_agents_ = false;
  bool agent_first_member_only_ = false;
  bool all_agents_ = false;
  std::string lone_actor_;
};

}  // namespace sitrep::code::dictionaries::detail
