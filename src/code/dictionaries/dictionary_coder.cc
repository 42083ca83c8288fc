#include "code/dictionaries/dictionary_coder.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <utility>

#include "code/dictionaries/coded_sentence.h"
#include "code/dictionaries/verb_matcher.h"

namespace sitrep::code::dictionaries {

using detail::CodedSentence;
using detail::IsVerbTag;
using detail::MatchVerb;
using detail::VerbMatch;

namespace {

bool IsSubject(std::string_view rel) { return rel == "nsubj" || rel == "nsubj:pass" || rel.starts_with("csubj"); }

// The verb's subject, or that of the verb it depends on through xcomp and conj (a
// passive without a subject borrows none: "after X was reported" is not X's doing).
int SubjectOf(const CodedSentence& s, int v, bool* passive, bool* own = nullptr) {
  *passive = false;
  if (own) *own = false;
  for (int c : s.children(v))
    if (s.rel(c) == "aux:pass") *passive = true;
  int x = v;
  for (int steps = 0; x >= 0 && steps < 6; ++steps) {
    int subject = -1;
    for (int c : s.children(x))
      if (IsSubject(s.rel(c))) subject = c;
    if (subject >= 0) {
      if (x == v && s.rel(subject) == "nsubj:pass") *passive = true;
      // "Ethiopia indicated it would act": a pronoun subject of a clause stands for the
      // subject of the verb it depends on.
      const std::string& r = s.rel(x);
      if (s.word(subject).upos == "PRON" && (r == "ccomp" || r == "xcomp" || r == "advcl" || r == "conj") &&
          s.head(x) >= 0) {
        x = s.head(x);
        continue;
      }
      if (own) *own = x == v;
      return subject;
    }
    if (*passive) return -1;
    // "called on X to be allowed to leave": the passive's doer is not the head's subject.
    if (x != v && std::any_of(s.children(x).begin(), s.children(x).end(), [&](int c) { return s.rel(c) == "aux:pass"; }))
      return -1;
    const std::string& r = s.rel(x);
    if (r == "acl" || r == "acl:relcl") return s.head(x);  // "the militia that vowed": the noun
    if (r != "xcomp" && r != "conj") return -1;
    x = s.head(x);
  }
  return -1;
}

bool IsDeterminer(std::string_view lower) { return lower == "the" || lower == "a" || lower == "an"; }

// Whether word `v` may be a verb: tagged VERB, or (TABARI) any word but a name, a
// function word, or a noun marked as one by a determiner or a capital letter.
bool MayBeVerb(const CodedSentence& s, int v, bool by_word) {
  const std::string& upos = s.word(v).upos;
  if (IsVerbTag(upos)) return true;
  if (!by_word) return false;
  if (upos == "PROPN" || upos == "DET" || upos == "ADP" || upos == "PRON" || upos == "PUNCT" || upos == "NUM" ||
      upos == "CCONJ" || upos == "SCONJ" || upos == "PART" || upos == "SYM")
    return false;
  if (v > 0 && IsDeterminer(s.lower(v - 1))) return false;
  // TABARI finds the actor and agent phrases first: "Security forces" is not "force".
  if (s.actor_at(v) || s.agent_at(v)) return false;
  if (v > 0 && std::isupper(static_cast<unsigned char>(s.word(v).text[0]))) return false;
  return true;
}

// The actors of a subject and of the other subjects of its verb (a parse that gives
// "Fornost and the evil awful Gondor welcomed" three subjects means one coordination).
std::vector<std::string> SubjectActors(const CodedSentence& s, int subject, bool agent_anywhere = false) {
  std::vector<std::string> out;
  const int verb = s.head(subject);
  std::vector<int> subjects{subject};
  if (verb >= 0)
    for (int c : s.children(verb))
      if (c != subject && s.rel(c) == s.rel(subject)) subjects.push_back(c);
  std::sort(subjects.begin(), subjects.end());
  for (int c : subjects)
    for (std::string& code : s.ActorsOf(c, agent_anywhere))
      if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(std::move(code));
  return out;
}

// The agent of a passive: "by X" (obl:agent, or obl with "by").
int PassiveAgent(const CodedSentence& s, int v) {
  for (int c : s.children(v)) {
    if (s.rel(c) == "obl:agent") return c;
    if (s.rel(c) == "obl")
      for (int g : s.children(c))
        if (s.rel(g) == "case" && s.lower(g) == "by") return c;
  }
  return -1;
}

// A reporting clause set off by a comma (", a senior official said on Saturday") read as
// PETRARCH reads its tree, (S ... , (NP a senior official) (VP said ...)): the noun phrase
// that ends just before a verb with no subject of its own and starts after a comma is the
// verb's subject, whatever the parse hung it from (an apposition, a flat name). -1: none.
int CommaClauseSubject(const CodedSentence& s, int v) {
  if (v < 2) return -1;
  int h = v - 1;
  if (s.word(h).upos != "NOUN" && s.word(h).upos != "PROPN") return -1;
  for (int steps = 0; steps < s.size() && (s.rel(h) == "flat" || s.rel(h).starts_with("flat:") ||
                                           s.rel(h) == "compound" || s.rel(h) == "fixed");
       ++steps)
    if (s.head(h) < 0 || s.head(h) >= v) return -1;
    else h = s.head(h);
  int left = h;
  for (int i = h - 1; i >= 0; --i) {  // its first word (a comma the parse hung from it is not one)
    if (!s.IsAncestor(h, i)) break;
    if (s.rel(i) != "punct") left = i;
  }
  // Not a member of a list ("Mordor, the Shire, and good Gondor welcomed").
  if (s.rel(h) == "conj" || s.rel(left) == "cc") return -1;
  return left > 0 && s.lower(left - 1) == "," ? h : -1;
}

// Whether the verb has a noun phrase on its object side (an object, or a nominal after a
// preposition: "said on Saturday"), coded or not.
bool HasObjectPhrase(const CodedSentence& s, int v) {
  for (int c : s.children(v)) {
    const std::string& r = s.rel(c);
    const std::string& upos = s.word(c).upos;
    if ((r == "obj" || r == "iobj" || r == "obl" || r == "obl:agent") &&
        (upos == "NOUN" || upos == "PROPN" || upos == "PRON" || upos == "NUM"))
      return true;
  }
  return false;
}

// PETRARCH's terminal comma clause (its config's comma_emin and comma_emax, TABARI manual
// 7.8): the words after the sentence's last comma, when they are between `min` and `max`
// (punctuation not counted), are eliminated before coding (", a senior official said on
// Saturday."). The clause's first word, or the sentence's size when none is eliminated.
int TerminalCommaClause(const CodedSentence& s, int min, int max) {
  if (max <= 0) return s.size();
  int comma = -1;
  for (int i = s.size() - 1; i >= 0 && comma < 0; --i)
    if (s.lower(i) == ",") comma = i;
  if (comma < 0) return s.size();
  int words = 0;
  for (int i = comma + 1; i < s.size(); ++i) words += s.word(i).upos != "PUNCT";
  return words >= min && words <= max ? comma + 1 : s.size();
}

// Whether a verb's clause is introduced by a subordinating word ("after", "because",
// "while"; not the "to" of an infinitive).
bool HasSubordinator(const CodedSentence& s, int v) {
  for (int c : s.children(v))
    if (s.rel(c) == "mark" && s.lower(c) != "to" && (s.word(c).upos == "SCONJ" || s.word(c).upos == "ADP")) return true;
  return false;
}

// PETRARCH's new actor (config new_actor_length): the words of the noun phrase headed by
// `h` (its determiners, modifiers, names, possessor without "'s", appositions and "of"
// complements; not other prepositional phrases or clauses), upper case, in double quotes
// as PETRARCH writes them; "" when it has more than `max` words.
std::string NewActorText(const CodedSentence& s, int h, int max) {
  std::vector<int> words;
  std::vector<int> stack{h};
  auto has_of = [&](int c) {
    return std::any_of(s.children(c).begin(), s.children(c).end(),
                       [&](int g) { return s.rel(g) == "case" && s.lower(g) == "of"; });
  };
  while (!stack.empty() && words.size() < 64) {
    const int x = stack.back();
    stack.pop_back();
    const std::string& upos = s.word(x).upos;
    if (upos != "PUNCT" && !(upos == "PART" && s.rel(x) == "case") && !(x != h && s.rel(x) == "case" && s.head(x) == h))
      words.push_back(x);
    for (int c : s.children(x)) {
      const std::string& r = s.rel(c);
      const bool in = r == "det" || r == "amod" || r == "nummod" || r == "fixed" || r == "compound" ||
                      r.starts_with("compound:") || r == "flat" || r.starts_with("flat:") || r == "nmod:poss" ||
                      r == "appos" || (r == "case" && x != h) || ((r == "nmod" || r == "case") && has_of(c)) ||
                      (r == "nmod" && has_of(c));
      if (in) stack.push_back(c);
    }
  }
  if (words.empty() || static_cast<int>(words.size()) > max) return "";
  std::sort(words.begin(), words.end());
  std::string text;
  for (int x : words) {
    if (!text.empty()) text += ' ';
    for (char c : s.word(x).text) text += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return "\"" + text + "\"";
}

// The verb's first argument on the object side: its object, else its first nominal after
// a preposition. -1: none.
int ObjectPhrase(const CodedSentence& s, int v) {
  int obl = -1;
  for (int c : s.children(v)) {
    if (c < v) continue;
    const std::string& r = s.rel(c);
    if (r == "obj" || r == "iobj") return c;
    if (obl < 0 && r == "obl" && (s.word(c).upos == "NOUN" || s.word(c).upos == "PROPN")) obl = c;
  }
  return obl;
}

// Whether a comma comes between words a and b: "X, the state's foe" sets an apposition
// apart, "its neighbor Ithilen" does not.
bool CommaBetween(const CodedSentence& s, int a, int b) {
  if (a < 0 || b < 0) return false;
  for (int i = std::min(a, b) + 1; i < std::max(a, b); ++i)
    if (s.lower(i) == ",") return true;
  return false;
}

// The first actor after the verb, in its subtree and clause, whose codes are not all
// `not_these`: its argument's actors.
// TABARI's pronoun rule (manual 7.7): HE, SHE, IT, HIM, HER (not the possessive) stand for
// the first actor of the sentence; THEY, THEM for its first coordination of actors, else
// its first actor. Empty for other words.
std::vector<std::string> PronounActors(const CodedSentence& s, int p) {
  const std::string& w = s.lower(p);
  const bool singular = w == "he" || w == "she" || w == "it" || w == "him" || (w == "her" && s.rel(p) != "nmod:poss");
  const bool plural = w == "they" || w == "them";
  if (s.word(p).upos != "PRON" || (!singular && !plural)) return {};
  std::vector<std::string> first;
  for (int q = 0; q < s.size(); ++q) {
    if (!s.actor_at(q)) continue;
    std::vector<std::string> codes = s.ActorsOf(s.NameHead(q));
    if (first.empty()) first = codes;
    if (singular || codes.size() > 1) return singular ? std::vector<std::string>{codes.front()} : codes;
    q = static_cast<int>(s.actor_at(q)->last);
  }
  if (!first.empty()) first.resize(1);
  return first;
}

std::vector<std::string> ObjectActors(const CodedSentence& s, int v, const std::vector<std::string>& not_these,
                                      int skip_subtree, bool whole_clause, bool pronouns) {
  const int hi = s.Clause(v).second;
  for (int p = v + 1; p < s.size(); ++p) {
    if (pronouns && s.IsAncestor(v, p) && (s.rel(p) == "obj" || s.rel(p) == "iobj") && s.head(p) == v) {
      std::vector<std::string> codes = PronounActors(s, p);
      std::erase_if(codes, [&](const std::string& c) { return std::find(not_these.begin(), not_these.end(), c) != not_these.end(); });
      if (!codes.empty()) return codes;
    }
    if (!s.names_actor(p)) continue;
    // An agent alone is a noun, not a modifier ("arrested students", not "diplomatic ties"
    // or "soldier talks"); over a parse
    // (PETRARCH) it must be in the verb's object.
    int lone = -1;
    if (!s.actor_at(p)) {
      lone = static_cast<int>(s.agent_at(p)->last);
      const int arg = s.ArgumentHead(p, v);
      const std::string& upos = s.word(lone).upos;
      const std::string& rel = s.rel(lone);
      if ((upos != "NOUN" && upos != "PROPN") || rel == "compound" || rel == "amod" ||
          (!whole_clause && (s.head(arg) != v || (s.rel(arg) != "obj" && s.rel(arg) != "iobj")))) {
        p = lone;
        continue;
      }
    }
    if (!s.IsAncestor(v, p) && (!whole_clause || p > hi)) continue;
    if (skip_subtree >= 0 && s.IsAncestor(skip_subtree, p)) continue;
    // Not in another clause coordinated with this verb.
    bool other_clause = false;
    for (int x = p; x >= 0 && x != v; x = s.head(x))
      if ((s.head(x) == v && (s.rel(x) == "conj" || s.rel(x) == "parataxis" || IsSubject(s.rel(x)))) ||
          (s.rel(x) == "appos" && CommaBetween(s, s.head(x), x)))  // "X, the state's foe": X is the argument
        other_clause = true;
    if (other_clause) continue;
    auto other = [&](const std::string& c) { return std::find(not_these.begin(), not_these.end(), c) != not_these.end(); };
    std::vector<std::string> codes = s.ActorsOf(s.ArgumentHead(p, v));
    std::erase_if(codes, other);
    if (codes.empty() && lone >= 0) {  // "ties with the Muslims": the agent's own phrase
      codes = s.ActorsOf(lone);
      std::erase_if(codes, other);
    }
    if (codes.empty() && s.actor_at(p)) {  // the argument's first actor is the source: this one may not be
      codes = s.ActorsOf(s.NameHead(p));
      std::erase_if(codes, other);
    }
    if (!codes.empty()) return codes;
    p = static_cast<int>((s.actor_at(p) ? s.actor_at(p) : s.agent_at(p))->last);
  }
  return {};
}

// The first actor before the verb (TABARI's default source, manual 5.8: the search
// starts at the beginning of the text).
std::vector<std::string> ActorsBefore(const CodedSentence& s, int v) {
  for (int p = 0; p < v; ++p)
    if (s.actor_at(p)) return s.ActorsOf(s.ArgumentHead(p, v));
  return {};
}

// Who did it to whom: the pattern's "$" and "+", else the subject and object sides.
std::pair<std::vector<std::string>, std::vector<std::string>> SourcesAndTargets(const CodedSentence& s, int v,
                                                                                const VerbMatch& match,
                                                                                const DictionaryCoderOptions& options) {
  std::vector<std::string> sources, targets;
  bool passive = false;
  bool own_subject = false;
  const int subject = SubjectOf(s, v, &passive, &own_subject);
  // A pattern's "$" and "+" point at one actor: its own phrase, not the argument it is
  // part of ("* EID (AT ^) (WITH +)": "at Osgiliath with Gondor" is Gondor).
  if (match.slots.source >= 0) sources = s.ActorsOf(s.NameHead(match.slots.source));
  if (match.slots.target >= 0) targets = s.ActorsOf(s.NameHead(match.slots.target));
  if (passive && !options.passive_subject_is_target && PassiveAgent(s, v) < 0) passive = false;
  if (passive) {
    if (targets.empty() && subject >= 0) targets = SubjectActors(s, subject);
    if (sources.empty()) {
      const int agent = PassiveAgent(s, v);
      sources = agent >= 0 ? s.ActorsOf(agent) : ObjectActors(s, v, targets, subject, options.verbs_by_word, options.object_pronouns);
    }
  } else {
    // TABARI reads the clause left to right: in "then it requested that Elrond assist",
    // the pronoun subject of the clause's main verb is the source of "assist" and Elrond,
    // the subordinate subject, its target.
    if (options.object_pronouns && sources.empty() && targets.empty() && subject >= 0 && own_subject &&
        s.actor_at(subject)) {
      const auto [lo, hi] = s.Clause(v);
      for (int q = std::max(lo, 0); q < subject; ++q) {
        if (!s.rel(q).starts_with("nsubj") || s.head(q) == v || !s.IsAncestor(s.head(q), v)) continue;
        std::vector<std::string> by = PronounActors(s, q);
        if (by.empty()) continue;
        sources = std::move(by);
        targets = SubjectActors(s, subject);
        std::erase_if(targets, [&](const std::string& c) { return std::find(sources.begin(), sources.end(), c) != sources.end(); });
        break;
      }
      if (targets.empty()) sources.clear();
    }
    // (Also when the parse gave the verb a subject before the comma: "Lions, tigers, and
    // Gondor welcomed ..., the official news agency WFNA said".)
    if (sources.empty() && options.comma_clause_subject)
      if (const int np = CommaClauseSubject(s, v); np >= 0 && (!own_subject || subject < np))
        sources = SubjectActors(s, np, options.lone_agent_anywhere_in_subject);
    if (sources.empty() && subject >= 0) sources = SubjectActors(s, subject, options.lone_agent_anywhere_in_subject);
    if (sources.empty() && options.default_source_before_verb) sources = ActorsBefore(s, v);
    if (targets.empty()) targets = ObjectActors(s, v, sources, subject, options.verbs_by_word, options.object_pronouns);
  }
  // TABARI, with nothing after the verb: the actor between the source and the verb, in
  // the verb's clause, as the object of a verb above it ("urged Bree to assist it": Bree).
  if (options.object_pronouns && targets.empty() && !sources.empty()) {
    const int lo = s.Clause(v).first;
    for (int p = lo; p < v && targets.empty(); ++p) {
      if (!s.actor_at(p)) continue;
      const int arg = s.ArgumentHead(p, -1);
      if ((s.rel(arg) != "obj" && s.rel(arg) != "iobj") || s.head(arg) < 0 || s.head(arg) == v ||
          !s.IsAncestor(s.head(arg), v))
        continue;
      std::vector<std::string> codes = s.ActorsOf(s.NameHead(p));
      if (std::any_of(codes.begin(), codes.end(), [&](const std::string& c) {
            return std::find(sources.begin(), sources.end(), c) != sources.end();
          })) {
        p = static_cast<int>(s.actor_at(p)->last);
        continue;
      }
      targets = std::move(codes);
    }
  }
  // TABARI's FORWARD: a pronoun subject before every actor of the sentence stands for the
  // first actor of the sentence before it.
  if (sources.empty() && options.forward && !options.forwarded.empty() && subject >= 0 &&
      s.word(subject).upos == "PRON") {
    bool actor_before = false;
    for (int p = 0; p < subject && !actor_before; ++p) actor_before = s.names_actor(p);
    if (!actor_before) sources = options.forwarded;
  }
  // TABARI's DEFAULT codes, when the searches failed.
  if (sources.empty() && !options.default_source.empty()) {
    if (!options.default_source_prior && !passive) {
      // Without PRIOR an actor after the verb may be the source, the next one its target.
      std::vector<std::string> after = ObjectActors(s, v, {}, -1, options.verbs_by_word, options.object_pronouns);
      if (!after.empty()) {
        sources = {after.front()};
        if (targets.empty() || targets == after) targets.assign(after.begin() + 1, after.end());
        if (targets.empty()) targets = ObjectActors(s, v, after, -1, options.verbs_by_word, options.object_pronouns);
      }
    }
    if (sources.empty()) sources = {options.default_source};
  }
  if (targets.empty() && !options.default_target.empty()) {
    // Without AFTER the members of a coordinated source after the first are its targets.
    if (!options.default_target_after && sources.size() > 1) {
      targets.assign(sources.begin() + 1, sources.end());
      sources.resize(1);
    } else {
      targets = {options.default_target};
    }
  }
  // PETRARCH's new actors (new_actor_length): a subject or object that names no actor is
  // coded by its words when it has few enough of them.
  if (options.new_actor_length > 0) {
    if (sources.empty() && subject >= 0)
      if (std::string text = NewActorText(s, subject, options.new_actor_length); !text.empty()) sources = {text};
    // A member of a coordinated subject that names no actor ("Eriador's death and injury
    // toll"): a new actor of its own.
    if (!sources.empty() && subject >= 0 && passive == false)
      for (int c : s.children(subject))
        if (s.rel(c) == "conj" && s.ActorsOf(c).empty())
          if (std::string text = NewActorText(s, c, options.new_actor_length);
              !text.empty() && std::find(sources.begin(), sources.end(), text) == sources.end())
            sources.push_back(text);
    if (targets.empty())
      if (const int o = ObjectPhrase(s, v); o >= 0)
        if (std::string text = NewActorText(s, o, options.new_actor_length); !text.empty()) targets = {text};
  }
  // A coordinated source and no target: they act on each other. (Only with its own
  // subject: "..., the agency said" borrowing the subjects of the verb before it is a
  // parse of a clause whose subject was not found.)
  if (targets.empty() && sources.size() > 1 && options.compound_acts_on_itself && own_subject) targets = sources;
  return {std::move(sources), std::move(targets)};
}

}  // namespace

SentenceCoding DictionaryCoder::Code(const std::vector<ParsedWord>& sentence, std::optional<DayNumber> day) const {
  return Code(sentence, day, options_);
}

SentenceCoding DictionaryCoder::Code(const std::vector<ParsedWord>& sentence, std::optional<DayNumber> day,
                                     const DictionaryCoderOptions& opts) const {
  SentenceCoding out;
  if (!verbs_ || !actors_ || sentence.empty() || sentence.size() > kMaxWords) return out;
  CodedSentence s(sentence, *actors_, day, opts.actors_in_any_case, opts.phrase_gaps, opts.actor_stems);
  s.set_lone_agents(opts.lone_agents, opts.lone_agent_actor);
  s.set_agent_first_member_only(opts.agent_before_list_first_only);
  s.set_all_agents(opts.all_agents_compose);
  for (int p = 0; p < s.size(); ++p)
    if (const UserMatch* m = s.actor_at(p)) {
      out.first_actors.push_back(m->code.substr(0, m->code.find('/')));
      break;
    }
  if (discards_) {
    std::vector<std::string> words;
    for (int i = 0; i < s.size(); ++i) words.push_back(s.lower(i));
    if (!discards_->Find(words).empty()) return out.discarded = true, out;
  }
  std::vector<DyadEvent> subordinate, dominant;
  const VerbCode* current = nullptr;  // the code of the verb being coded
  auto add = [&](const std::string& source, const std::string& target, const std::string& code, const std::string& origin) {
    std::vector<DyadEvent>& to = current->dominant ? dominant : current->subordinate ? subordinate : out.events;
    if (code.empty() || source.empty() || target.empty() || source == target || to.size() >= kMaxEvents) return;
    DyadEvent e{source, target, code, origin};
    if (std::find(to.begin(), to.end(), e) == to.end()) to.push_back(std::move(e));
  };
  std::vector<std::pair<int, int>> coded_clauses;  // with verbs_by_word: one verb each
  const int terminal = TerminalCommaClause(s, opts.comma_emin, opts.comma_emax);
  size_t last_begin = 0, last_end = 0;  // the events of the last verb that gave some
  for (int v = 0; v < s.size(); ++v) {
    if (v >= terminal) break;  // a terminal comma clause PETRARCH eliminates
    if (!MayBeVerb(s, v, opts.verbs_by_word)) continue;
    if (opts.verbs_by_word && opts.code_by != DictionaryCoderOptions::CodeBy::kAll &&
        std::find(coded_clauses.begin(), coded_clauses.end(), s.Clause(v)) != coded_clauses.end())
      continue;
    // CODE BY SENTENCE: the first verb that gave an event is the sentence's only one.
    if (opts.verbs_by_word && opts.code_by == DictionaryCoderOptions::CodeBy::kSentence &&
        !out.events.empty())
      break;
    VerbMatch match = MatchVerb(s, *verbs_, v, opts.complex_patterns_skipped, opts.pattern_noun_plurals);
    if (match.score < 0 || match.code.null()) continue;
    if (match.code.discard()) {
      out.discarded = true;
      out.events.clear();
      return out;
    }
    // A subordinate verb ("SAID [023?]") leaves its clause to the verb it introduces.
    if (opts.verbs_by_word && !match.code.subordinate) coded_clauses.push_back(s.Clause(v));
    if (match.code.code == "+++") continue;
    current = &match.code;
    if (match.slots.compound > v && opts.compound_slot_by_side) {  // PETRARCH: after the verb, a "+"
      // The compound's first member, whose phrase holds the others.
      int first = match.slots.compound;
      for (int steps = 0; steps < s.size() && s.rel(first) == "conj" && s.head(first) >= 0 && s.actor_at(s.head(first));
           ++steps)
        first = s.head(first);
      match.slots.target = first;
      match.slots.compound = -1;
    }
    if (match.slots.compound >= 0) {  // "%": the members of a compound act on each other
      std::vector<std::string> all = s.ActorsOf(s.ArgumentHead(match.slots.compound, v));
      for (const std::string& a : all)
        for (const std::string& b : all) add(a, b, match.code.code, match.origin);
      continue;
    }
    auto [sources, targets] = SourcesAndTargets(s, v, match, opts);
    // require_dyad off: a noun phrase that names no actor is "---" (PETRARCH's null
    // actor); a side with no noun phrase at all still gives no event.
    if (!opts.require_dyad && (sources.empty() != targets.empty())) {
      bool passive = false;
      if (sources.empty() && (SubjectOf(s, v, &passive) >= 0 || (opts.comma_clause_subject && CommaClauseSubject(s, v) >= 0)))
        sources = {"---"};
      if (targets.empty() && HasObjectPhrase(s, v)) targets = {"---"};
      // A subordinate clause after a coded verb ("... restore ties with Gondor almost five
      // years after Calenardhon crowds burned down its embassy") whose event has no
      // target is part of that verb's event, as in PETRARCH's tree (the SBAR inside its
      // VP): it is not coded apart, and its source is the target that event lacks.
      if (targets == std::vector<std::string>{"---"} && last_end > last_begin && !current->subordinate &&
          !current->dominant && HasSubordinator(s, v)) {
        for (size_t e = last_begin; e < last_end && e < out.events.size(); ++e)
          if (out.events[e].target == "---" && sources != std::vector<std::string>{"---"}) {
            DyadEvent absorbed = out.events[e];
            out.events.erase(out.events.begin() + static_cast<long>(e));
            for (const std::string& a : sources) {
              DyadEvent x = absorbed;
              x.target = a;
              if (x.source != a && std::find(out.events.begin(), out.events.end(), x) == out.events.end())
                out.events.insert(out.events.begin() + static_cast<long>(e), std::move(x));
            }
            break;
          }
        continue;
      }
    }
    const size_t before = out.events.size();
    for (const std::string& a : sources)
      for (const std::string& b : targets) {
        add(a, b, match.code.code, match.origin);
        add(b, a, match.code.paired, match.origin);
      }
    if (out.events.size() > before) last_begin = before, last_end = out.events.size();
  }
  if (!dominant.empty()) out.events = std::move(dominant);
  else if (out.events.empty()) out.events = std::move(subordinate);
  return out;
}

namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// The blank-separated words of `s`, "[CODE]" one word, ":" and "=" dropped.
std::vector<std::string> OptionWords(std::string_view s) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.push_back(std::move(word)), word.clear();
  };
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == ':' || c == '=') flush();
    else word += c;
  }
  flush();
  return out;
}

}  // namespace

bool ApplyTabariOption(std::string_view line, DictionaryCoderOptions* options) {
  std::string text = Upper(Trim(line));
  if (text.starts_with("OPTION:")) text = Trim(std::string_view(text).substr(7));
  const std::vector<std::string> w = OptionWords(text);
  if (w.empty()) return false;
  if (w[0] == "SET" && w.size() >= 3) {
    const std::string rest(Trim(std::string_view(text).substr(text.find(':') + 1)));
    if (rest.starts_with("CODE BY CLAUSE")) return options->code_by = DictionaryCoderOptions::CodeBy::kClause, true;
    if (rest.starts_with("CODE BY SENTENCE")) return options->code_by = DictionaryCoderOptions::CodeBy::kSentence, true;
    if (rest.starts_with("CODE ALL")) return options->code_by = DictionaryCoderOptions::CodeBy::kAll, true;
    if (w[1] == "CONVERT" && (w[2] == "AGENT" || w[2] == "AGENTS") && w.size() >= 4) {
      options->lone_agents = w[3] == "TRUE";
      options->lone_agent_actor.clear();
      return true;
    }
    return false;
  }
  if (w[0] == "DEFAULT") {
    if (w.size() >= 2 && w[1] == "OFF") {
      options->default_source.clear(), options->default_target.clear();
      options->default_source_prior = options->default_target_after = false;
      return true;
    }
    bool read = false;
    for (size_t i = 1; i < w.size(); ++i) {
      const bool bracket = i + 1 < w.size() && w[i + 1].size() > 2 && w[i + 1].front() == '[' && w[i + 1].back() == ']';
      if (w[i] == "SOURCE" && bracket) options->default_source = w[i + 1].substr(1, w[i + 1].size() - 2), read = true;
      else if (w[i] == "TARGET" && bracket) options->default_target = w[i + 1].substr(1, w[i + 1].size() - 2), read = true;
      else if (w[i] == "PRIOR") options->default_source_prior = true;
      else if (w[i] == "AFTER") options->default_target_after = true;
    }
    return read;
  }
  if (w[0] == "FORWARD") {
    options->forward = std::find(w.begin(), w.end(), "OFF") == w.end();
    if (!options->forward) options->forwarded.clear();
    return true;
  }
  return false;
}

bool ApplyPetrarchConfig(std::string_view option, std::string_view value, DictionaryCoderOptions* options) {
  const std::string name = Upper(Trim(option)), v = Upper(Trim(value));
  if (name == "REQUIRE_DYAD" && (v == "TRUE" || v == "FALSE")) return options->require_dyad = v == "TRUE", true;
  if (name == "NEW_ACTOR_LENGTH" && !v.empty() &&
      std::all_of(v.begin(), v.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return options->new_actor_length = std::stoi(v), true;
  if ((name == "COMMA_EMIN" || name == "COMMA_EMAX") && !v.empty() &&
      std::all_of(v.begin(), v.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    (name == "COMMA_EMIN" ? options->comma_emin : options->comma_emax) = std::stoi(v);
    return true;
  }
  return false;
}

std::vector<std::vector<ParsedWord>> DictionaryCoder::Sentences(const Doc& doc) {
  std::vector<std::vector<ParsedWord>> out;
  const std::vector<Token>& tokens = doc.tokens();
  for (const Sentence& sent : doc.sentences()) {
    if (sent.token_begin >= sent.token_end || sent.token_end > tokens.size()) continue;
    std::vector<ParsedWord> words;
    for (uint32_t t = sent.token_begin; t < sent.token_end; ++t) {
      const Token& tok = tokens[t];
      ParsedWord w{std::string(doc.Slice(tok.span)), tok.lemma, tok.upos, tok.deprel, -1};
      if (tok.head >= static_cast<int32_t>(sent.token_begin) && tok.head < static_cast<int32_t>(sent.token_end))
        w.head = tok.head - static_cast<int>(sent.token_begin);
      words.push_back(std::move(w));
    }
    out.push_back(std::move(words));
  }
  return out;
}

}  // namespace sitrep::code::dictionaries
