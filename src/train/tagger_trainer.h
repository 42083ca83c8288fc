// Training the part-of-speech model (train/tagger_model.h) on CoNLL-U data.
//
// Pass one is trained with the averaged perceptron, a fixed-seed shuffle each epoch, and
// the epoch count picked on the dev set. Pass two needs first-pass tags on the training
// data that look like tags on unseen text, so they come from jackknifing: the training
// set is cut into folds and each fold is tagged by a pass-one model trained on the others.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "train/conllu.h"
#include "train/tagger_model.h"
#include "train/word_clusters.h"

namespace sitrep {

using TrainLog = std::function<void(const std::string&)>;

struct TaggerTrainOptions {
  int max_epochs = 12;
  int folds = 5;            // jackknife folds for pass two (0: one pass only)
  uint64_t seed = 1;
  float min_weight = 0.3f;  // averaged weights below this are dropped (in update units)
  int dict_min_count = 20;  // a word enters the tag dictionary after this many occurrences
  double dict_min_share = 0.995;  // ... when at least this share of them have one tag
  int lexicon_min_count = 3;  // a word's training tags become features after this many
  int vocab_min_count = 2;    // rarer words are described as unknown (0: keep every word)
};

// Accuracy of a model on gold sentences (gold tokens).
struct TagScores {
  size_t words = 0, upos = 0, xpos = 0;
  double upos_acc() const { return words ? 100.0 * upos / words : 0; }
  double xpos_acc() const { return words ? 100.0 * xpos / words : 0; }
};
TagScores ScoreTagger(const TaggerModel& model, const std::vector<ConlluSentence>& gold);

// Trains the tagger. With `jackknife`, also fills it with tags of every training sentence
// from fold models that did not see it (the whole two-pass tagger per fold), for training
// the parser on realistic tags: one class id per word.
Result<TaggerModel> TrainTagger(const std::vector<ConlluSentence>& train, const std::vector<ConlluSentence>& dev,
                                WordClusters clusters, WordNetLexicon wordnet, const TaggerTrainOptions& options,
                                const TrainLog& log, std::vector<TagChoice>* jackknife = nullptr);

// A deterministic generator (splitmix64) for shuffles that are the same on every platform.
class SplitMix {
 public:
  explicit SplitMix(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  template <typename T>
  void Shuffle(std::vector<T>* v) {
    for (size_t i = v->size(); i > 1; --i) std::swap((*v)[i - 1], (*v)[Next() % i]);
  }

 private:
  uint64_t state_;
};

}  // namespace sitrep
