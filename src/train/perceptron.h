// Linear classifiers over hashed features: the averaged perceptron used to train the
// tagger and the parser, and the compact read-only table the trained weights become.
//
// A feature is a 64-bit hash of a template number and the values it looks at (Combine).
// Training keeps, per feature, a short list of (class, weight, running total) entries and
// averages lazily (Collins 2002; Daume's trick of totals stamped with the last update).
// Finishing training keeps the averaged weights whose magnitude matters, quantised to
// int16 with one scale per table, in an open-addressing table keyed by the feature hash:
// scoring a feature is one probe and a short contiguous loop over its non-zero classes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sitrep/status.h"
#include "train/model_file.h"

namespace sitrep {

// Mixes `v` into the hash `h` (a 64-bit finaliser; collisions among millions of features
// are vanishingly rare).
inline uint64_t Combine(uint64_t h, uint64_t v) {
  h ^= v * 0x9E3779B97F4A7C15ULL;
  h = (h ^ (h >> 29)) * 0xBF58476D1CE4E5B9ULL;
  h = (h ^ (h >> 32)) * 0x94D049BB133111EBULL;
  return h ^ (h >> 31);
}
inline uint64_t Feature(uint64_t tmpl, uint64_t a) { return Combine(Combine(tmpl * 0x100000001B3ULL, a), 0x5bd1e995); }
inline uint64_t Feature(uint64_t tmpl, uint64_t a, uint64_t b) { return Combine(Feature(tmpl, a), b); }
inline uint64_t Feature(uint64_t tmpl, uint64_t a, uint64_t b, uint64_t c) { return Combine(Feature(tmpl, a, b), c); }
// A string's hash, for words, affixes and tags.
uint64_t HashString(std::string_view s);

// Trained weights, read-only: safe to share between threads.
//
// Layout: an open-addressing table (linear probing, at most 70% full, any size) of 12-byte
// slots keyed by the feature hash: its low 32 bits choose the home slot, its high 32 bits
// are stored to tell features apart. A slot points to the feature's non-zero weights, a
// contiguous run of (class, int16 weight) entries. A feature never seen in training can
// only be mistaken for a stored one if both halves collide (about 1 in 2^32 per probe).
class SparseWeights {
 public:
  struct Entry {
    uint16_t cls;
    int16_t weight;
  };

  int num_classes() const { return num_classes_; }
  size_t num_features() const { return count_; }
  size_t num_entries() const { return entries_.size(); }
  // Quantised weight units per unit of perceptron weight: a score divided by this is in
  // update units, comparable across models.
  float scale() const { return scale_; }
  // Bytes in the model file (the dense rows exist only in memory).
  size_t ByteSize() const { return slots_.size() * sizeof(Slot) + entries_.size() * sizeof(Entry); }

  // Adds the weights of `feature` to scores[0 .. num_classes).
  template <typename T>
  void Add(uint64_t feature, T* scores) const {
    if (const Slot* s = Find(feature)) Accumulate(*s, scores);
  }
  // Adds the weights of every feature to scores[0 .. num_classes). Home slots are
  // prefetched first, so the cache misses of a feature vector overlap instead of queueing.
  // Integer scores (in quantised units) are the fast path; float scores are the same.
  template <typename T>
  void Score(const std::vector<uint64_t>& features, T* scores) const {
    if (slots_.empty()) return;
    for (uint64_t f : features) __builtin_prefetch(&slots_[Home(f)]);
    const Slot* found[256];
    size_t n = 0;
    for (uint64_t f : features) {
      const Slot* s = Find(f);
      if (!s) continue;
      __builtin_prefetch(s->count & kDense ? static_cast<const void*>(dense_.data() + s->begin)
                                           : static_cast<const void*>(entries_.data() + s->begin));
      if (n == 256) Flush(found, &n, scores);
      found[n++] = s;
    }
    Flush(found, &n, scores);
  }
  // Builds the table from (feature, weights) pairs; weights in update units are quantised
  // with one scale so that the largest becomes 32767.
  static SparseWeights Build(int num_classes, std::vector<std::pair<uint64_t, std::vector<std::pair<uint16_t, float>>>> features);

  // Section layout 2: the marker kLayout2 u32, num_classes u32, scale f32, table size u64,
  // then the used slots as columns and their weights in slot order (see perceptron.cc).
  // Layout 1 (num_classes u32, scale f32, count u64, every slot, the entries) is still read.
  void Write(SectionWriter* w) const;
  static Result<SparseWeights> Read(SectionReader* r);

 private:
  struct Slot {
    uint32_t tag;    // high half of the feature hash
    uint32_t begin;  // first entry
    uint32_t count;  // entries; 0: empty slot
  };
  size_t Home(uint64_t key) const {
    return static_cast<size_t>((static_cast<uint64_t>(static_cast<uint32_t>(key)) * slots_.size()) >> 32);
  }
  const Slot* Find(uint64_t key) const {
    if (slots_.empty()) return nullptr;
    uint32_t tag = static_cast<uint32_t>(key >> 32);
    size_t i = Home(key);
    while (true) {
      const Slot& s = slots_[i];
      if (s.count == 0) return nullptr;
      if (s.tag == tag) return &s;
      if (++i == slots_.size()) i = 0;
    }
  }
  // Features with weights for many classes keep a dense row in memory (dense_), added
  // with vector instructions; the file keeps only the sparse form.
  static constexpr uint32_t kDense = 0x80000000u;
  static constexpr uint32_t kLayout2 = 0x32574C53u;  // "SLW2"; layout 1 began with a class count <= 65535
  void Densify();
  template <typename T>
  void Accumulate(const Slot& s, T* scores) const {
    if (s.count & kDense) {
      // Locals and __restrict: the scores cannot alias the row or the class count, so the
      // loop vectorises.
      const int16_t* __restrict row = dense_.data() + s.begin;
      T* __restrict out = scores;
      const int n = num_classes_;
      for (int c = 0; c < n; ++c) out[c] += row[c];
      return;
    }
    const Entry* e = entries_.data() + s.begin;
    const uint32_t n = s.count;
    for (uint32_t i = 0; i < n; ++i) scores[e[i].cls] += e[i].weight;
  }
  template <typename T>
  void Flush(const Slot** found, size_t* n, T* scores) const {
    for (size_t k = 0; k < *n; ++k) Accumulate(*found[k], scores);
    *n = 0;
  }

  int num_classes_ = 0;
  float scale_ = 1.0f;
  size_t count_ = 0;
  std::vector<Slot> slots_;  // never full: a search always ends at an empty slot
  std::vector<Entry> entries_;
  int padded_ = 0;                 // num_classes rounded up to 16
  std::vector<int16_t> dense_;     // rows of padded_ weights
  std::vector<std::pair<uint32_t, uint32_t>> dense_source_;  // row -> the slot's (begin, count)
};

// The averaged perceptron, for training only (not thread-safe).
class AveragedPerceptron {
 public:
  explicit AveragedPerceptron(int num_classes);

  int num_classes() const { return num_classes_; }
  // Current (not averaged) scores of every class.
  void Score(const std::vector<uint64_t>& features, float* scores) const;
  // One update: +1 for `gold`, -1 for `guess` on every feature (no-op when equal).
  void Update(const std::vector<uint64_t>& features, int gold, int guess, float step = 1.0f);
  // Counts one training instance (the averaging clock).
  void Tick() { ++clock_; }
  // The averaged weights, dropping |w| below `min_weight` (in units of one update), and
  // quantised to int16.
  SparseWeights Finish(float min_weight) const;
  size_t num_features() const { return rows_.size(); }

 private:
  struct Entry {
    uint16_t cls;
    float weight;
    uint32_t stamp;  // clock of the last change
    double total;    // sum of weight over time up to `stamp`
  };
  static constexpr uint32_t kEmpty = UINT32_MAX;
  // The row of `feature`, or kEmpty (with create: a new empty row).
  uint32_t Row(uint64_t feature, bool create);
  void Grow();

  int num_classes_;
  uint64_t clock_ = 0;
  std::vector<std::pair<uint64_t, uint32_t>> table_;  // feature -> row (kEmpty: free slot)
  std::vector<std::vector<Entry>> rows_;              // each feature's classes, contiguous
};

}  // namespace sitrep
