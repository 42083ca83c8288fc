// One kind of the user's dictionaries (all actor files, or all agent files) held in
// memory: every phrase -> the entry it belongs to (codes, file and line), indexed by its
// first word so that a lookup costs a hash probe per word of the text.
//
// Phrases are matched longest first over lower-case words. When two entries give the
// same phrase different undated codes the first loaded wins and the other is reported as
// ambiguous when the files are read.
#pragma once

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "code/dictionaries/dictionary_reader.h"
#include "sitrep/status.h"

namespace sitrep::code::dictionaries {

struct DictionaryEntry {
  std::vector<DatedCode> codes;
  std::string origin;  // "FILE:LINE" of the entry's primary phrase
};

struct PhraseMatch {
  const DictionaryEntry* entry = nullptr;
  size_t first = 0, size = 0;  // the words matched: [first, first + size)
};

class CodeDictionary {
 public:
  explicit CodeDictionary(DictionaryKind kind) : kind_(kind) {}

  // Reads a dictionary file. An error only when the file cannot be read at all; its
  // malformed lines and ambiguous entries go to `warnings` ("FILE:LINE: ...").
  Status Load(const std::string& path, std::vector<std::string>* warnings);
  // The same for text in memory, `name` standing for the file in warnings and origins.
  void Add(std::string_view text, std::string_view name, std::vector<std::string>* warnings);

  // The longest phrase starting at word `first` of `words` (lower case), or a match
  // with a null entry. With `gaps`, up to kMaxGap other words may come where a phrase
  // has a blank between two words (PatternWord::after_blank); `size` then counts them.
  // `stems` false reads a last word without "_" as a whole word (PETRARCH, which does not
  // stem: "THE_KU" does not take "the Kuwait"); in an agent file it still takes the
  // regular plural unless the entry has "{}" (PETRARCH generates agents' plurals).
  static constexpr size_t kMaxGap = 2;
  PhraseMatch LongestAt(const std::vector<std::string>& words, size_t first, bool gaps = false,
                        bool stems = true) const;

  size_t entries() const { return entries_.size(); }
  size_t phrases() const { return patterns_.size(); }

 private:
  struct Indexed {
    Pattern pattern;
    uint32_t entry;
  };
  // Hashes std::string keys and string_view probes alike, so a lookup allocates nothing.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Index = std::unordered_map<std::string, std::vector<uint32_t>, Hash, std::equal_to<>>;

  bool Matches(const Pattern& pattern, const std::vector<std::string>& words, size_t first, bool stems) const;
  // The number of words a match with gaps spans, or 0.
  size_t MatchesWithGaps(const Pattern& pattern, const std::vector<std::string>& words, size_t first,
                         bool stems) const;
  // Calls `visit` with every pattern whose first word may match `word`.
  template <typename Visit>
  void ForCandidates(std::string_view word, Visit visit) const;

  DictionaryKind kind_;
  std::vector<DictionaryEntry> entries_;
  std::vector<Indexed> patterns_;
  // First word -> patterns (in load order): exact and plural-taking words under the
  // word itself, stems under the stem; `stem_sizes_` says which prefixes to probe.
  Index by_word_, by_stem_;
  std::set<size_t> stem_sizes_;
  // Pattern key -> the first entry with that phrase, to report conflicting duplicates.
  std::unordered_map<std::string, uint32_t> first_entry_;
};

}  // namespace sitrep::code::dictionaries
