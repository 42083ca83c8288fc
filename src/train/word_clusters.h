// Distributional word classes: words that occur in similar contexts share a class, which
// lets the tagger and the parser generalise from a word seen in training to a word seen
// only in unlabelled text. Each word gets classes at three granularities (coarse to fine).
//
// The classes are induced by the exchange algorithm (Kneser & Ney 1993; Martin, Liermann
// & Ney 1998): start from a frequency-ordered assignment, then move each word to the class
// that most increases the likelihood of a class bigram model, for a few sweeps. Coarser
// classes are made by running it again with fewer classes, so the three levels need not
// nest. Deterministic for a given input.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "sitrep/status.h"
#include "train/model_file.h"

namespace sitrep {

class WordClusters {
 public:
  static constexpr int kLevels = 3;
  using Ids = std::array<uint16_t, kLevels>;  // class + 1 at each level; 0: unknown word

  bool empty() const { return map_.empty(); }
  size_t size() const { return map_.size(); }
  // Classes of a word given the hash of its normalised form (NormalizeWord), or zeros.
  Ids Lookup(uint64_t normalized_hash) const {
    auto it = map_.find(normalized_hash);
    return it == map_.end() ? Ids{0, 0, 0} : it->second;
  }
  void Set(uint64_t normalized_hash, Ids ids) { map_[normalized_hash] = ids; }

  void Write(SectionWriter* w) const;
  static Result<WordClusters> Read(SectionReader* r);

  struct Options {
    std::array<int, kLevels> classes = {32, 128, 512};
    int min_count = 2;  // rarer words get no class
    int sweeps = 6;
  };
  // Induces classes from tokenised text (words as written; they are normalised here).
  static WordClusters Induce(const std::vector<std::vector<std::string>>& sentences, const Options& options);

 private:
  std::unordered_map<uint64_t, Ids> map_;
};

}  // namespace sitrep
