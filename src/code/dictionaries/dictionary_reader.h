// Reads the user's TABARI or PETRARCH actor and agent dictionaries (docs/dictionaries.md)
// into records: the phrases of one entry (its primary phrase, "+" synonyms, plurals) and
// its codes, with the line each came from. The verb dictionaries are not read yet.
//
// The line grammar, shared by both programs' files:
//   PHRASE {PLURALS} [CODE] [CODE <date] ... ; comment     a primary entry
//   +PHRASE                                                 a synonym of the entry above
//   <tab>[CODE date-date]                                   one more code of the entry above
//   !NAME! = A, B, C                                        a substitution set (agents)
// Comments start with ";" or "#" outside brackets, or a line starting with "/"; "<!-- -->"
// blocks are comments too; <NOUN>/<ADJECTIVE> sections carry no codes and are skipped;
// "~FINISH" ends the file. A malformed line is reported as "FILE:LINE: problem" and left
// out (with the synonyms and codes that follow it); the rest of the file is read.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "code/dictionaries/dated_code.h"

namespace sitrep::code::dictionaries {

// One word of a phrase and how a text word must match it (TABARI manual, 5.2.2-5.2.3):
// a word followed by "_" or by another word is exact; the last word of a phrase ending
// in "_" is exact but also takes the regular plural ("S", "ES", "Y" -> "IES"); a last
// word without "_" is a stem, matching every word that starts with it.
struct PatternWord {
  enum class Match : uint8_t { kExact, kPlural, kStem };
  std::string text;  // lower case
  Match match = Match::kExact;
  // Written after a blank ("PRINCE DOL_AMROTH"), not "_" or "-": TABARI and PETRARCH let
  // other words come between there ("Prince of Dol_Amroth"). Only a lookup that asks for
  // it (UserDictionaries::Read with gaps) does so; the phrase is the same phrase either way.
  bool after_blank = false;
  // A last word without "_" read as a whole word (CodeDictionary::LongestAt without
  // stems): whether an agent takes its regular plural, i.e. the entry has no "{...}".
  bool plural = true;
  friend bool operator==(const PatternWord& a, const PatternWord& b) { return a.text == b.text && a.match == b.match; }
};
using Pattern = std::vector<PatternWord>;

struct DictionaryRecord {
  std::vector<Pattern> patterns;  // primary phrase first
  std::vector<DatedCode> codes;   // in file order
  int line = 0;                   // of the primary phrase
};

enum class DictionaryKind { kActors, kAgents };

// Every well-formed record of `text`; problems go to `warnings` as "NAME:LINE: message".
std::vector<DictionaryRecord> ReadDictionary(std::string_view text, std::string_view name, DictionaryKind kind,
                                             std::vector<std::string>* warnings);

// The pieces of line grammar the actor, agent and verb readers share: blanks (not
// newlines), a line trimmed of them, and a line without its comment (";" or "#" outside
// brackets: "[### <890101]" and "[###]" are codes).
bool IsBlank(char c);
std::string_view Trim(std::string_view s);
std::string_view StripComment(std::string_view line);

// "JAMES_BYRNES_" -> james (exact) byrnes (plural); "ARGENTIN" -> argentin (stem).
// Underscores, blanks and hyphens separate words (TABARI reads "AL-WAZIR" as "AL_WAZIR").
// `plurals` false makes a final "_" word exact. Empty when the phrase has no words.
Pattern ParsePhrase(std::string_view phrase, bool plurals = true);

// A readable form of a pattern, the same for patterns that match the same words:
// "james byrnes_" ("_" marks an exact last word, "*" a plural-taking one).
std::string PatternKey(const Pattern& pattern);

}  // namespace sitrep::code::dictionaries
