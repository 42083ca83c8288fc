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
  if (v > 0 && std::isupper(static_cast<unsigned char>(s.word(v).text[0]))) return false;
  return true;
}

// The actors of a subject and of the other subjects of its verb (a parse that gives
// "Fornost and the evil awful Gondor welcomed" three subjects means one coordination).
std::vector<std::string> SubjectActors(const CodedSentence& s, int subject) {
  std::vector<std::string> out;
  const int verb = s.head(subject);
  std::vector<int> subjects{subject};
  if (verb >= 0)
    for (int c : s.children(verb))
      if (c != subject && s.rel(c) == s.rel(subject)) subjects.push_back(c);
  std::sort(subjects.begin(), subjects.end());
  for (int c : subjects)
    for (std::string& code : s.ActorsOf(c))
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

// The first actor after the verb, in its subtree and clause, whose codes are not all
// `not_these`: its argument's actors.
std::vector<std::string> ObjectActors(const CodedSentence& s, int v, const std::vector<std::string>& not_these,
                                      int skip_subtree, bool whole_clause) {
  const int hi = s.Clause(v).second;
  for (int p = v + 1; p < s.size(); ++p) {
    if (!s.actor_at(p)) continue;
    if (!s.IsAncestor(v, p) && (!whole_clause || p > hi)) continue;
    if (skip_subtree >= 0 && s.IsAncestor(skip_subtree, p)) continue;
    // Not in another clause coordinated with this verb.
    bool other_clause = false;
    for (int x = p; x >= 0 && x != v; x = s.head(x))
      if ((s.head(x) == v && (s.rel(x) == "conj" || s.rel(x) == "parataxis" || IsSubject(s.rel(x)))) ||
          s.rel(x) == "appos")  // "X, the state's foe": X is the argument
        other_clause = true;
    if (other_clause) continue;
    auto other = [&](const std::string& c) { return std::find(not_these.begin(), not_these.end(), c) != not_these.end(); };
    std::vector<std::string> codes = s.ActorsOf(s.ArgumentHead(p, v));
    std::erase_if(codes, other);
    if (codes.empty()) {  // the argument's first actor is the source: this one may not be
      codes = s.ActorsOf(s.NameHead(p));
      std::erase_if(codes, other);
    }
    if (!codes.empty()) return codes;
    p = static_cast<int>(s.actor_at(p)->last);
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
      sources = agent >= 0 ? s.ActorsOf(agent) : ObjectActors(s, v, targets, subject, options.verbs_by_word);
    }
  } else {
    if (sources.empty() && subject >= 0) sources = SubjectActors(s, subject);
    if (sources.empty() && options.default_source_before_verb) sources = ActorsBefore(s, v);
    if (targets.empty()) targets = ObjectActors(s, v, sources, subject, options.verbs_by_word);
  }
  // A coordinated source and no target: they act on each other. (Only with its own
  // subject: "..., the agency said" borrowing the subjects of the verb before it is a
  // parse of a clause whose subject was not found.)
  if (targets.empty() && sources.size() > 1 && options.compound_acts_on_itself && own_subject) targets = sources;
  return {std::move(sources), std::move(targets)};
}

}  // namespace

SentenceCoding DictionaryCoder::Code(const std::vector<ParsedWord>& sentence, std::optional<DayNumber> day) const {
  SentenceCoding out;
  if (!verbs_ || !actors_ || sentence.empty() || sentence.size() > kMaxWords) return out;
  CodedSentence s(sentence, *actors_, day, options_.actors_in_any_case, options_.phrase_gaps);
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
  for (int v = 0; v < s.size(); ++v) {
    if (!MayBeVerb(s, v, options_.verbs_by_word)) continue;
    if (options_.verbs_by_word &&
        std::find(coded_clauses.begin(), coded_clauses.end(), s.Clause(v)) != coded_clauses.end())
      continue;
    VerbMatch match = MatchVerb(s, *verbs_, v);
    if (match.score < 0 || match.code.null()) continue;
    if (match.code.discard()) {
      out.discarded = true;
      out.events.clear();
      return out;
    }
    // A subordinate verb ("SAID [023?]") leaves its clause to the verb it introduces.
    if (options_.verbs_by_word && !match.code.subordinate) coded_clauses.push_back(s.Clause(v));
    if (match.code.code == "+++") continue;
    current = &match.code;
    if (match.slots.compound >= 0) {  // "%": the members of a compound act on each other
      std::vector<std::string> all = s.ActorsOf(s.ArgumentHead(match.slots.compound, v));
      for (const std::string& a : all)
        for (const std::string& b : all) add(a, b, match.code.code, match.origin);
      continue;
    }
    const auto [sources, targets] = SourcesAndTargets(s, v, match, options_);
    for (const std::string& a : sources)
      for (const std::string& b : targets) {
        add(a, b, match.code.code, match.origin);
        add(b, a, match.code.paired, match.origin);
      }
  }
  if (!dominant.empty()) out.events = std::move(dominant);
  else if (out.events.empty()) out.events = std::move(subordinate);
  return out;
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
