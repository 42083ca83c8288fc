// Codes a sentence the way TABARI and PETRARCH do, with the user's verb, actor and agent
// dictionaries, over sitrep's own parse: (source, target, CAMEO code) triples.
//
// For each verb of the sentence (UPOS VERB) whose word or lemma a verb entry names, the
// entry's patterns are tried longest first against the words around the verb, inside its
// clause (commas, semicolons and conjunctions that join verbs end a clause); the first
// that matches gives the code, else the verb's own code. The source is the subject side:
// the verb's subject (through xcomp and conj to the verb that has one), or the agent of
// a passive; the target is the object side: the first actor after the verb, in its
// subtree, whose code is not the source's. A pattern's "$" and "+" name them instead,
// "%" makes every pair of a coordinated subject. Coordinated actors give one event each.
// Actors are read with the user's actor/agent dictionaries (user_dictionaries.h): every
// actor of an argument's noun phrase, an agent in the same phrase composed onto it.
//
// Work is bounded: sentences over kMaxWords words are skipped, pattern matching has a step
// budget, and at most kMaxEvents events come out of a sentence.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "code/dictionaries/discard_list.h"
#include "code/dictionaries/user_dictionaries.h"
#include "code/dictionaries/verb_dictionary.h"
#include "sitrep/doc.h"

namespace sitrep::code::dictionaries {

// One word of a parsed sentence; `head` indexes the sentence's words (-1: the root).
struct ParsedWord {
  std::string text, lemma, upos, deprel;
  int head = -1;
};

struct DyadEvent {
  std::string source, target, code;
  std::string origin;  // the verb entry or pattern that gave the code ("FILE:LINE")
  friend bool operator==(const DyadEvent& a, const DyadEvent& b) {
    return a.source == b.source && a.target == b.target && a.code == b.code;
  }
};

struct SentenceCoding {
  std::vector<DyadEvent> events;
  bool discarded = false;  // a "###" phrase or a discard phrase matched: the sentence is not coded
  // The codes of the sentence's first actor phrase (its coordination), for TABARI's
  // FORWARD: the caller hands them to the next sentence of the story
  // (DictionaryCoderOptions::forwarded).
  std::vector<std::string> first_actors;
};

// Where the two programs' default rules differ.
struct DictionaryCoderOptions {
  // A coordinated source with no target acts on itself ("Syria and Jordan met": SYR->JOR,
  // JOR->SYR; TABARI manual 5.8, and PETRARCH's unit tests); off, nothing is coded
  // without a target.
  bool compound_acts_on_itself = false;
  // TABARI reads no parts of speech: any word a verb entry names is a verb, unless a
  // determiner comes just before it ("the restore") or it is capitalised inside the
  // sentence ("about To Restore"); and it codes the first verb of each clause only.
  // PETRARCH (and the default) codes every word the parser tags VERB.
  bool verbs_by_word = false;
  // TABARI reads the text in upper case, so an actor's name matches in any case; by
  // default a name must be capitalised (unless the whole sentence is in lower case).
  bool actors_in_any_case = false;
  // TABARI's default source (manual 5.8): a verb whose subject names no actor takes the
  // first actor before it in the sentence. PETRARCH leaves it without a source.
  bool default_source_before_verb = false;
  // A blank between two words of an actor or agent phrase lets other words come between
  // ("PRINCE DOL_AMROTH" names "the Prince of Dol_Amroth"), as both programs read it.
  bool phrase_gaps = false;
  // A passive with no "by" agent: TABARI takes the subject as the target (and the source
  // from after the verb); PETRARCH's unit tests keep the subject the source ("The
  // Philippines was criticized over its dispute with Eriador": PHL->ERI).
  bool passive_subject_is_target = true;
  // An office or group word with no actor in its phrase ("a senior official", "students",
  // "Clerics and lawmakers") is an actor of its own: PETRARCH composes it onto "---"
  // (---GOV, ---EDU); TABARI with "SET: CONVERT AGENTS = TRUE" keeps the agent's code as
  // written (~MOS, ~MOSREB). Off, such a phrase names no actor.
  bool lone_agents = false;
  std::string lone_agent_actor;  // "---" for PETRARCH, "" for TABARI's CONVERT AGENTS
  // TABARI's "DEFAULT: SOURCE [code] <PRIOR> TARGET [code] <AFTER>" (manual 8.5): codes used
  // when the search for a source or target fails. PRIOR: the default source is used
  // whenever no actor comes before the verb (without it, the first actor after the verb
  // may be the source); AFTER: the default target whenever no actor comes after the verb
  // (without it, the second member of a coordinated source is the target).
  std::string default_source, default_target;
  bool default_source_prior = false, default_target_after = false;
  // TABARI's "SET: CODE BY CLAUSE / CODE BY SENTENCE / CODE ALL" (manual 8.2) with
  // verbs_by_word: the first coded verb of each clause, of the sentence, or every verb.
  enum class CodeBy { kClause, kSentence, kAll };
  CodeBy code_by = CodeBy::kClause;
  // TABARI's FORWARD (manual 8.4): the caller sets `forward`, and for each sentence that
  // continues the previous one of its story, `forwarded` to that sentence's first actor
  // (SentenceCoding::first_actors). A pronoun subject that comes before every actor of the
  // sentence then stands for it.
  bool forward = false;
  std::vector<std::string> forwarded;
  // TABARI's pronoun rule (manual 7.7) for the object side: HE, SHE, IT, HIM stand for
  // the first actor of the sentence; THEY, THEM for its first coordination of actors,
  // else its first actor ("Gondor asked him", "him" the first actor of the sentence).
  bool object_pronouns = false;
  // A verb pattern coded "+++" ("too complex") makes TABARI leave the verb uncoded;
  // PETRARCH's unit tests pass over it to the next pattern ("* FXLL DIPLOMATIC [+++]"
  // before "* DIPLOMATIC [064]": 064).
  bool complex_patterns_skipped = false;
  // An agent before a list of actors ("The ambassadors of Arnor, Osgiliath and Gondor")
  // goes with the first only, as TABARI has it (ARNGOV, OSG, GON); PETRARCH's unit tests
  // give it to each.
  bool agent_before_list_first_only = false;
};

// Applies one TABARI ".options" line ("SET: CODE ALL", "DEFAULT: SOURCE [X] PRIOR TARGET
// [Y] AFTER", "DEFAULT: OFF", "SET: CONVERT AGENTS = TRUE", "FORWARD: ... <OFF>"); an
// "OPTION:" prefix is allowed. False for a line it does not read (the options stay as
// they were).
bool ApplyTabariOption(std::string_view line, DictionaryCoderOptions* options);

// The rules of each program, as `sitrep eval petrarch` and `sitrep eval tabari` use them.
inline DictionaryCoderOptions PetrarchRules() {
  DictionaryCoderOptions o;
  o.compound_acts_on_itself = true;  // its unit tests' "symmetric" events
  o.phrase_gaps = true;
  o.passive_subject_is_target = false;
  o.lone_agents = true;  // "---GOV"
  o.lone_agent_actor = "---";
  o.complex_patterns_skipped = true;
  return o;
}
inline DictionaryCoderOptions TabariRules() {
  DictionaryCoderOptions o;
  o.compound_acts_on_itself = o.verbs_by_word = o.actors_in_any_case = o.default_source_before_verb = true;
  o.phrase_gaps = true;
  o.object_pronouns = true;
  o.agent_before_list_first_only = true;
  return o;
}

class DictionaryCoder {
 public:
  static constexpr size_t kMaxWords = 200;
  static constexpr size_t kMaxEvents = 64;

  DictionaryCoder(std::shared_ptr<const VerbDictionary> verbs, std::shared_ptr<const UserDictionaries> actors,
                  DictionaryCoderOptions options = {})
      : verbs_(std::move(verbs)), actors_(std::move(actors)), options_(options) {}

  // A sentence with a phrase of `discards` is not coded (PETRARCH's discard list).
  void set_discards(std::shared_ptr<const DiscardList> discards) { discards_ = std::move(discards); }

  // `day`: the publication day, for the date rule of actor codes.
  SentenceCoding Code(const std::vector<ParsedWord>& sentence, std::optional<DayNumber> day) const;
  // The same with other options for this sentence (TABARI's options switched record by
  // record, a forwarded actor).
  SentenceCoding Code(const std::vector<ParsedWord>& sentence, std::optional<DayNumber> day,
                      const DictionaryCoderOptions& options) const;
  const DictionaryCoderOptions& options() const { return options_; }

  // The sentences of a Doc after the token and syntax stages, as ParsedWords.
  static std::vector<std::vector<ParsedWord>> Sentences(const Doc& doc);

 private:
  std::shared_ptr<const VerbDictionary> verbs_;
  std::shared_ptr<const UserDictionaries> actors_;
  DictionaryCoderOptions options_;
  std::shared_ptr<const DiscardList> discards_;
};

}  // namespace sitrep::code::dictionaries
