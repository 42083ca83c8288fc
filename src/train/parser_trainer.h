// Training the dependency parser (train/parser_model.h) on CoNLL-U data.
//
// The training trees are made projective (train/projectivize.h); lifted labels seen fewer
// than `min_lift_count` times lose their decoration. Each epoch visits the sentences in a
// fixed-seed shuffled order and follows the dynamic oracle: the model's own move is
// followed with probability `explore` once `explore_after` epochs have passed, and every
// move the oracle would not make updates the weights towards the best zero-cost move.
// The epoch with the best dev LAS is kept.
//
// Tags: the parser should be trained on tags like those it will see, so the caller passes
// predicted (jackknifed) tags for the training sentences and the tagger's tags for dev.
#pragma once

#include <string>
#include <vector>

#include "train/conllu.h"
#include "train/parser_model.h"
#include "train/tagger_trainer.h"

namespace sitrep {

struct ParserTrainOptions {
  int max_epochs = 15;
  uint64_t seed = 1;
  float min_weight = 1.0f;  // averaged weights below this are dropped (in update units)
  int explore_after = 1;
  double explore = 0.9;
  int min_lift_count = 3;
};

// XPOS and UPOS of every word of every sentence, and the tagger's runner-up XPOS where it
// hesitated ("" elsewhere; all "" for gold tags).
struct SentenceTags {
  std::vector<std::string> xpos, upos, xpos2;
};
// Tags as the tagger chose them.
SentenceTags ChosenTags(const TaggerModel& tagger, const TagChoice& choice);
std::vector<SentenceTags> GoldTags(const std::vector<ConlluSentence>& sents);

// Attachment scores over all words (punctuation included), as in the CoNLL 2018 shared
// task: LAS compares the universal part of the label (before ':'); las_full the whole.
struct ParseScores {
  size_t words = 0, uas = 0, las = 0, las_full = 0;
  double uas_pct() const { return words ? 100.0 * uas / words : 0; }
  double las_pct() const { return words ? 100.0 * las / words : 0; }
  double las_full_pct() const { return words ? 100.0 * las_full / words : 0; }
};
ParseScores ScoreParser(const ParserModel& model, const std::vector<ConlluSentence>& gold,
                        const std::vector<SentenceTags>& tags);
// Adds one sentence's comparison to `scores`. Heads are 1-based (0 for the root), as in CoNLL-U.
void AddParseScores(const ConlluSentence& gold, const std::vector<int>& heads, const std::vector<std::string>& labels,
                    ParseScores* scores);

Result<ParserModel> TrainParser(const std::vector<ConlluSentence>& train, const std::vector<SentenceTags>& train_tags,
                                const std::vector<ConlluSentence>& dev, const std::vector<SentenceTags>& dev_tags,
                                WordClusters clusters, const ParserTrainOptions& options, const TrainLog& log);

}  // namespace sitrep
