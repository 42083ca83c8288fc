// Matching a verb's entries and patterns against a sentence (dictionary_coder.h): the
// longest pattern whose words are found around the verb, in order, inside its clause,
// and where its "$", "+" and "%" fell. Internal to the coder.
#pragma once

#include <string>

#include "code/dictionaries/coded_sentence.h"
#include "code/dictionaries/verb_dictionary.h"

namespace sitrep::code::dictionaries::detail {

// Positions of the actors a pattern designates; -1 when it has none.
struct PatternSlots {
  int source = -1, target = -1, compound = -1;
};

struct VerbMatch {
  VerbCode code;
  std::string origin;
  int score = -1;  // letters of the words matched; -1: no entry names this word
  PatternSlots slots;
};

// The best pattern of the entries for the verb at `v`: the longest that matches; on a
// tie, an entry naming the word as written ("LEFT") over one reached by its lemma ("LEAVE").
// `skip_complex`: a pattern coded "+++" is passed over (PETRARCH) rather than chosen.
// `noun_plurals` false (PETRARCH): a pattern's noun matches that noun only, not its
// plural ("* EFFORT" does not take "abandoned efforts").
VerbMatch MatchVerb(const CodedSentence& s, const VerbDictionary& verbs, int v, bool skip_complex = false,
                    bool noun_plurals = true);

}  // namespace sitrep::code::dictionaries::detail
