// The user's PETRARCH-2 and TABARI verb dictionaries (docs/dictionaries.md): verbs, the
// CAMEO code each gives alone, and the patterns of words around the verb that change it
// ("AGREE [081]" / "- * TO_LET_ESCAPE [066]").
//
// Both dialects are read by one reader, which tells them apart by their block headers:
//   PETRARCH-2   "--- AGREE [050] ---" opens a block; the verb lines below it share its
//                patterns ("- * (TO {PEACE PLAN}) [037]"); "&NAME" + "+WORD" lines are
//                synonym sets; "~ ..." transformations are not read; "#" comments.
//   TABARI       every verb line opens its own block ("ABANDON [345] ;comment"), "{...}"
//                on the next line gives its irregular forms, <SYNSETS>...</SYNSETS> holds
//                the synonym sets, <TIME>...</TIME> is skipped, ";" comments.
// A pattern's tokens: words; "*" the verb; "$" the source, "+" the target, "%" a
// compound actor that is both, "^" an actor skipped; "&NAME" a synonym set; TABARI's
// "{ A | B }" alternatives. "_" joins words that must be consecutive; a TABARI word
// without a trailing "_" is a stem. PETRARCH's "( )" and "{ }" (without "|") only group
// words of a phrase and are read as the words in order.
//
// Synonym sets and alternatives are expanded when the file is read (bounded, see
// kMaxExpansions), so a pattern is a plain sequence of tokens on each side of the verb.
// A malformed line is a warning "FILE:LINE: problem" and is left out; the rest loads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/status.h"

namespace sitrep::code::dictionaries {

struct VerbToken {
  enum class Kind : uint8_t { kWord, kVerb, kSource, kTarget, kCompound, kSkip };  // kVerb: "*" while reading
  Kind kind = Kind::kWord;
  std::string word;       // lower case, for kWord
  bool stem = false;      // matches any word starting with it (TABARI's bare word)
  bool adjacent = false;  // must touch the token before it (or the verb): "_" in the file
  friend bool operator==(const VerbToken&, const VerbToken&) = default;
};

// "[032:033]": the event and, when paired, the event the target does back to the source.
// An empty code is the null code ("---"): the phrase gives no event. "###" (discard the
// sentence) and "+++" (too complex) are kept as written.
// TABARI's "[023?]" is subordinate (coded only when the sentence has no other event) and
// "[111!]" dominant (when a sentence has one, only dominant events are coded).
struct VerbCode {
  std::string code, paired;
  bool subordinate = false, dominant = false;
  bool null() const { return code.empty() && paired.empty(); }
  bool discard() const { return code == "###"; }
};

struct VerbPattern {
  std::vector<VerbToken> before;  // nearest the verb last
  std::vector<VerbToken> after;   // nearest the verb first
  bool verb_adjacent = false;     // "IN_*": the verb must touch the last word before it
  VerbCode code;
  int length = 0;      // letters and digits of its words: longer patterns are tried first
  std::string origin;  // "FILE:LINE"
};

// One verb line: the word that must be the sentence's verb, and the words the line
// joins to it ("BURN DOWN", "+CORDON_OFF", "WIRE_+TAP"), which every pattern needs too.
struct VerbEntry {
  std::vector<std::string> forms;  // lower-case forms of the verb word, root first
  bool stem = false;               // TABARI's root without "_": any word starting with it
  bool tabari = false;             // read from a TABARI file: TABARI's regular endings
  std::vector<VerbToken> before, after;
  bool verb_adjacent = false;  // "KLM_NOP_+RST": the verb touches the word before it
  VerbCode code;        // given alone (the block's when the line has none)
  uint32_t block = 0;   // whose patterns apply
  std::string origin;
};

class VerbDictionary {
 public:
  static constexpr size_t kMaxExpansions = 64;  // per pattern, over sets and alternatives

  // Reads a verb file. An error only when it cannot be read; malformed lines go to
  // `warnings` as "FILE:LINE: problem".
  Status Load(const std::string& path, std::vector<std::string>* warnings);
  // The same for text in memory, `name` standing for the file.
  void Add(std::string_view text, std::string_view name, std::vector<std::string>* warnings);

  // The entries whose verb word may be `word` (lower case) or `lemma`.
  std::vector<const VerbEntry*> Candidates(std::string_view word, std::string_view lemma) const;
  // The patterns of an entry's block, longest first.
  const std::vector<VerbPattern>& Patterns(const VerbEntry& entry) const { return blocks_[entry.block]; }

  size_t entries() const { return entries_.size(); }
  size_t patterns() const;

 private:
  friend class VerbReader;
  friend void ReadVerbText(VerbDictionary*, std::string_view, std::string_view, std::vector<std::string>*);
  void Index();
  std::vector<VerbEntry> entries_;
  std::vector<std::vector<VerbPattern>> blocks_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_form_;  // exact forms
  std::unordered_map<std::string, std::vector<uint32_t>> by_stem_;  // stems, keyed by the stem
  std::vector<size_t> stem_sizes_;                                  // sorted, unique
};

}  // namespace sitrep::code::dictionaries
