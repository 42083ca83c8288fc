// The cue lexicon of the quotes finder (quotes.cc): reporting verbs by how they take
// their content, each lemma expanded to its inflected forms ("say" -> says, saying, said)
// and looked up per token behind a one-probe shape filter.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

// How a reporting verb takes its content, which decides what we accept after it.
enum class CueClass : uint8_t {
  kSay,       // any clause, quote or colon: say, add, write, tweet
  kTell,      // an addressee first, then a clause: tell, inform, assure, remind
  kClaim,     // a that-clause, colon or quote; an object noun phrase is fine too
  kStance,    // an object noun phrase: condemn, praise, deny, announce
  kThink,     // a that-clause, a clause, or a to-infinitive: believe, want, hope
  kEvidence,  // a that-clause or a clause: show, find, suggest
  kTrailing,  // only after a quote or as ", he continued": continue
  kStrict,    // only a that-clause, wh-clause, colon, quote or pronoun subject: state, note
};

struct CueEntry {
  std::string lemma;
  CueClass cls;
};

// A one-probe filter in front of a word table: a bit per hash of a word's first two
// bytes, last byte and length. Most words of a text miss it and are never hashed in full.
class ShapeFilter {
 public:
  void Add(std::string_view w) { bits_[Shape(w)] = true; }
  bool MayContain(std::string_view w) const { return !w.empty() && bits_[Shape(w)]; }

 private:
  static size_t Shape(std::string_view w) {
    auto byte = [&](size_t i) { return static_cast<size_t>(static_cast<unsigned char>(w[i])); };
    size_t h = byte(0) * 131 + byte(w.size() > 1 ? 1 : 0) * 31 + byte(w.size() - 1) * 7 + w.size() * 977;
    return h & (kBits - 1);
  }
  static constexpr size_t kBits = 1 << 16;
  std::vector<bool> bits_ = std::vector<bool>(kBits, false);
};

// The cue entry of a lowercase word form ("said" -> say, kSay), or null.
const CueEntry* FindCue(std::string_view lower);

}  // namespace sitrep
