// The user's PETRARCH/TABARI actor and agent dictionaries, loaded once per process and
// shared read-only by every worker (docs/dictionaries.md). They are the user's option,
// never sitrep's default knowledge: the actor coder looks a mention up here first and
// falls back to its own lexicon (lexicon.h) for what these do not say.
//
// An actor phrase gives a code for the document's day by TABARI's date rule
// (dated_code.h). An agent ("minister" [~GOV]) composes with the actor it goes with,
// as in TABARI: "~GOV" is added after the actor's code (PAK -> PAKGOV), "NGO~" before it,
// and a 3-letter part the actor's code already has is not added twice (LKAREB + ~REB is
// LKAREB). "Former" before an agent makes it an elite (~ELI).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "code/dictionaries/code_dictionary.h"
#include "sitrep/status.h"

namespace sitrep::code::dictionaries {

// One phrase of the user's dictionaries found in a mention, in the mention's words.
struct UserMatch {
  size_t first = 0, last = 0;  // word positions, inclusive
  std::string code;            // resolved for the day; "" when the entry gives the null code
  std::string origin;          // "FILE:LINE"
  bool by_default = false;     // the entry's undated code was used
  bool has_dated = false;      // the entry has dated codes (which an undated document cannot use)
};

struct UserCoding {
  std::vector<UserMatch> actors;  // in text order; a null code means "not an actor"
  std::vector<UserMatch> agents;  // codes keep their "~"
};

class UserDictionaries {
 public:
  // Reads every file; an error only for a file that cannot be read at all. Malformed
  // lines and ambiguous entries go to `warnings` as "FILE:LINE: ...".
  static Result<std::shared_ptr<const UserDictionaries>> Load(const std::vector<std::string>& actor_files,
                                                              const std::vector<std::string>& agent_files,
                                                              std::vector<std::string>* warnings);

  // For tests and tools: dictionaries from text in memory.
  void AddActors(std::string_view text, std::string_view name, std::vector<std::string>* warnings);
  void AddAgents(std::string_view text, std::string_view name, std::vector<std::string>* warnings);

  // The phrases of a mention's words (any case; hyphenated words are split as TABARI
  // splits them), longest first, left to right, an actor phrase winning a tie with an
  // agent. `day` is the document's publication day, nullopt when it has none.
  // `gaps`: a blank between two words of a phrase lets up to two other words come between
  // (TABARI's and PETRARCH's reading, used by the dictionary coder).
  // `stems` false: a last word without "_" is a whole word, not a stem (PETRARCH's
  // reading; CodeDictionary::LongestAt).
  UserCoding Read(const std::vector<std::string>& words, std::optional<DayNumber> day, bool gaps = false,
                  bool stems = true) const;

  const CodeDictionary& actors() const { return actors_; }
  const CodeDictionary& agents() const { return agents_; }

 private:
  CodeDictionary actors_{DictionaryKind::kActors};
  CodeDictionary agents_{DictionaryKind::kAgents};
};

// An actor code with an agent code composed onto it (the rules above). An empty actor
// gives the agent's own code without its "~". For a compound actor ("GME/GMW") each part
// is composed.
std::string ComposeAgent(const std::string& actor_code, const std::string& agent_code);

}  // namespace sitrep::code::dictionaries
