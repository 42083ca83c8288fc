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
  // TABARI stems a phrase's last word written without "_" ("ARGENTIN" takes "Argentina");
  // PETRARCH does not stem (its manual, "TABARI vs. PETRARCH"): such a word is a whole
  // word, an agent's taking its regular plural unless the entry has "{}".
  bool actor_stems = true;
  // PETRARCH's "%" after the verb ("- * WITH % [031]") is the target, the subject the
  // source ("Eriador agrees with the Philippines and France": ERI/PHL, ERI/FRA); before
  // the verb ("- % * [030:030]"), and always in TABARI, the members of the compound act on
  // each other.
  bool compound_slot_by_side = false;
  // PETRARCH's <Config option="require_dyad">: true (its default), an event needs a source
  // and a target; false, an event with one of them missing is coded with "---" there
  // ("a senior official said on Saturday": ---GOV/---/023) when the verb has a noun phrase
  // there that names no actor (a subject; an object or a nominal after a preposition, not
  // a bare "today"), as PETRARCH codes such a phrase "---". An event with neither side is
  // never coded.
  bool require_dyad = true;
  // A reporting clause set off by a comma (", a senior official said") has the noun phrase
  // just before its verb as subject when the parse gives the verb none of its own: PETRARCH
  // reads the clause as (S , (NP ...) (VP said ...)) whatever sitrep's parse hung the noun
  // phrase from.
  bool comma_clause_subject = false;
  // PETRARCH's terminal comma clause elimination (config comma_emin, comma_emax; TABARI
  // manual 7.8): the words after the last comma, when there are between comma_emin and
  // comma_emax of them, are not coded. comma_emax 0 turns it off (the default here;
  // PETRARCH's PETR_config.ini has 2 and 8).
  int comma_emin = 0, comma_emax = 0;
  // PETRARCH composes every agent on an actor's line of heads onto it ("An MSF Arnor
  // diplomat": MSF [NGO~], DIPLOMAT [~GOV]: NGOARNGOV); TABARI (the default) the nearest.
  bool all_agents_compose = false;
  // A pattern's noun takes its regular plural (TABARI's and the default); PETRARCH's unit
  // tests match the noun as written ("* EFFORT [987]" does not take "abandoned efforts",
  // "* RESOLUTION [102]" not "adopt a set of resolutions").
  bool pattern_noun_plurals = true;
  // PETRARCH's <Config option="new_actor_length">: a subject or object noun phrase that
  // names no actor or agent, of at most this many words, is an actor coded by its words in
  // double quotes ("GRYFFINDOR HEAD MINERVA MCGONAGALL"). 0 (PETRARCH's default): off.
  int new_actor_length = 0;
  // PETRARCH reads an agent anywhere in a subject's noun phrase ("the official news agency
  // WFNA said": ---GOV), not only one heading it.
  bool lone_agent_anywhere_in_subject = false;
};

// Applies one TABARI ".options" line ("SET: CODE ALL", "DEFAULT: SOURCE [X] PRIOR TARGET
// [Y] AFTER", "DEFAULT: OFF", "SET: CONVERT AGENTS = TRUE", "FORWARD: ... <OFF>"); an
// "OPTION:" prefix is allowed. False for a line it does not read (the options stay as
// they were).
bool ApplyTabariOption(std::string_view line, DictionaryCoderOptions* options);
// Applies one PETRARCH <Config option="NAME" value="VALUE"> setting of its validation
// file. Read: require_dyad (true/false in any case), new_actor_length, comma_emin and
// comma_emax. False for a setting it does not read (the other comma_*, stop_on_error: the
// options stay as they were).
bool ApplyPetrarchConfig(std::string_view option, std::string_view value, DictionaryCoderOptions* options);

// The rules of each program, as `sitrep eval petrarch` and `sitrep eval tabari` use them.
inline DictionaryCoderOptions PetrarchRules() {
  DictionaryCoderOptions o;
  o.compound_acts_on_itself = true;  // its unit tests' "symmetric" events
  o.phrase_gaps = true;
  o.passive_subject_is_target = false;
  o.lone_agents = true;  // "---GOV"
  o.lone_agent_actor = "---";
  o.complex_patterns_skipped = true;
  o.actor_stems = false;
  o.compound_slot_by_side = true;
  o.lone_agent_anywhere_in_subject = true;
  o.comma_clause_subject = true;
  o.comma_emin = 2, o.comma_emax = 8;  // PETR_config.ini
  o.all_agents_compose = true;
  o.pattern_noun_plurals = false;
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
