// Training the parser with the dynamic oracle.
#include "train/parser_trainer.h"

#include <algorithm>
#include <limits>
#include <map>

#include <fmt/format.h>

#include "train/perceptron.h"
#include "train/projectivize.h"

namespace sitrep {

namespace {

std::string_view Universal(std::string_view label) { return label.substr(0, label.find(':')); }

struct ParseData {
  std::vector<ParseWord> words;
  std::vector<int> heads;   // projective gold heads, n for the root
  std::vector<int> labels;  // label ids
};

std::vector<std::string_view> Views(const std::vector<std::string>& v) {
  return std::vector<std::string_view>(v.begin(), v.end());
}

void Forms(const ConlluSentence& s, std::vector<std::string_view>* forms) {
  forms->clear();
  for (const auto& w : s.words) forms->push_back(w.form);
}

bool HasTree(const ConlluSentence& s) {
  for (const auto& w : s.words)
    if (w.head < 0 || w.deprel.empty() || w.deprel == "_") return false;
  return true;
}

// Projective gold trees with their labels as strings.
struct ProjTree {
  std::vector<int> heads;  // 0-based, -1 root
  std::vector<std::string> labels;
};

ProjTree MakeProjective(const ConlluSentence& s) {
  ProjTree t;
  for (const auto& w : s.words) {
    t.heads.push_back(w.head - 1);
    t.labels.push_back(w.deprel);
  }
  Projectivize(&t.heads, &t.labels);
  return t;
}

}  // namespace

std::vector<SentenceTags> GoldTags(const std::vector<ConlluSentence>& sents) {
  std::vector<SentenceTags> tags(sents.size());
  for (size_t s = 0; s < sents.size(); ++s)
    for (const auto& w : sents[s].words) {
      tags[s].xpos.push_back(w.xpos);
      tags[s].upos.push_back(w.upos);
      tags[s].xpos2.emplace_back();
    }
  return tags;
}

SentenceTags ChosenTags(const TaggerModel& tagger, const TagChoice& choice) {
  SentenceTags tags;
  for (size_t i = 0; i < choice.best.size(); ++i) {
    tags.xpos.push_back(tagger.xpos()[choice.best[i]]);
    tags.upos.push_back(tagger.upos()[choice.best[i]]);
    int alt = choice.alternative[i];
    tags.xpos2.push_back(alt == kNoTag || tagger.xpos()[alt] == tags.xpos.back() ? "" : tagger.xpos()[alt]);
  }
  return tags;
}

void AddParseScores(const ConlluSentence& gold, const std::vector<int>& heads, const std::vector<std::string>& labels,
                    ParseScores* sc) {
  for (size_t i = 0; i < gold.words.size(); ++i) {
    const ConlluWord& w = gold.words[i];
    ++sc->words;
    if (i >= heads.size() || heads[i] != w.head) continue;
    ++sc->uas;
    if (Universal(labels[i]) == Universal(w.deprel)) ++sc->las;
    if (labels[i] == w.deprel) ++sc->las_full;
  }
}

ParseScores ScoreParser(const ParserModel& model, const std::vector<ConlluSentence>& gold,
                        const std::vector<SentenceTags>& tags) {
  ParseScores sc;
  std::vector<std::string_view> forms;
  std::vector<ParseWord> words;
  std::vector<int> heads;
  std::vector<std::string> labels;
  for (size_t s = 0; s < gold.size(); ++s) {
    Forms(gold[s], &forms);
    model.DescribeWords(forms, Views(tags[s].xpos), Views(tags[s].upos), Views(tags[s].xpos2), &words);
    model.Parse(words, &heads, &labels);
    for (int& h : heads) ++h;  // to CoNLL-U numbering
    AddParseScores(gold[s], heads, labels, &sc);
  }
  return sc;
}

Result<ParserModel> TrainParser(const std::vector<ConlluSentence>& train, const std::vector<SentenceTags>& train_tags,
                                const std::vector<ConlluSentence>& dev, const std::vector<SentenceTags>& dev_tags,
                                WordClusters clusters, const ParserTrainOptions& o, const TrainLog& log) {
  // Projective trees and the label inventory ("root" first, then by frequency).
  std::vector<ProjTree> trees;
  std::vector<size_t> used;
  std::map<std::string, int> counts;
  for (size_t s = 0; s < train.size(); ++s) {
    if (!HasTree(train[s])) continue;
    trees.push_back(MakeProjective(train[s]));
    used.push_back(s);
    for (const std::string& l : trees.back().labels) ++counts[l];
  }
  if (trees.empty()) return Status(Code::kInvalidArgument, "no training sentence has a complete tree");
  for (ProjTree& t : trees)
    for (std::string& l : t.labels)
      if (l.find(kLiftMark) != std::string::npos && counts[l] < o.min_lift_count) l.resize(l.find(kLiftMark));
  counts.clear();
  for (const ProjTree& t : trees)
    for (const std::string& l : t.labels) ++counts[l];
  std::vector<std::pair<int, std::string>> ranked;
  for (const auto& [l, n] : counts)
    if (l != "root") ranked.emplace_back(-n, l);
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> labels{"root"};
  for (const auto& [n, l] : ranked) labels.push_back(l);
  std::map<std::string, int> label_ids;
  for (size_t l = 0; l < labels.size(); ++l) label_ids[labels[l]] = static_cast<int>(l);

  ParserModel model;
  model.set_labels(labels);
  model.set_clusters(std::move(clusters));
  int num_labels = model.num_labels(), root = model.root_label();
  std::vector<ParseData> data(trees.size());
  std::vector<std::string_view> forms;
  for (size_t k = 0; k < trees.size(); ++k) {
    const ConlluSentence& s = train[used[k]];
    Forms(s, &forms);
    const SentenceTags& tags = train_tags[used[k]];
    model.DescribeWords(forms, Views(tags.xpos), Views(tags.upos), Views(tags.xpos2), &data[k].words);
    int n = static_cast<int>(s.words.size());
    for (size_t i = 0; i < trees[k].heads.size(); ++i) {
      data[k].heads.push_back(trees[k].heads[i] < 0 ? n : trees[k].heads[i]);
      data[k].labels.push_back(label_ids.at(trees[k].labels[i]));
    }
  }
  if (log) log(fmt::format("parser: {} training trees, {} labels", data.size(), labels.size()));

  AveragedPerceptron ap(model.num_classes());
  SplitMix rng(o.seed);
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<uint64_t> features;
  std::vector<float> scores(model.num_classes());
  std::vector<int> costs;
  SparseWeights best;
  double best_las = -1;
  int best_epoch = 0;
  for (int epoch = 1; epoch <= o.max_epochs; ++epoch) {
    rng.Shuffle(&order);
    size_t decisions = 0, errors = 0;
    bool explore = epoch > o.explore_after;
    for (size_t idx : order) {
      const ParseData& d = data[idx];
      int n = static_cast<int>(d.words.size());
      ParseState st(n);
      while (!st.terminal()) {
        if (st.stack().empty()) {
          st.Apply(Move::kShift, -1);
          continue;
        }
        if (st.b0() == n) {
          if (st.CanReduce()) st.Apply(Move::kReduce, -1);
          else st.Apply(Move::kLeft, root);
          continue;
        }
        ParserFeatures(st, d.words, &features);
        std::fill(scores.begin(), scores.end(), 0.0f);
        ap.Score(features, scores.data());
        OracleCosts(st, d.heads, d.labels, num_labels, root, &costs);
        int guess = -1, gold = -1, min_cost = std::numeric_limits<int>::max();
        for (int c = 0; c < model.num_classes(); ++c) min_cost = std::min(min_cost, costs[c]);
        float guess_score = -std::numeric_limits<float>::infinity(), gold_score = guess_score;
        for (int c = 0; c < model.num_classes(); ++c) {
          if (costs[c] >= (1 << 20)) continue;  // invalid
          if (scores[c] > guess_score || guess < 0) guess = c, guess_score = scores[c];
          if (costs[c] == min_cost && (scores[c] > gold_score || gold < 0)) gold = c, gold_score = scores[c];
        }
        ap.Tick();
        ++decisions;
        int next = gold;
        if (costs[guess] != min_cost) {
          ap.Update(features, gold, guess);
          ++errors;
          if (explore && rng.Uniform() < o.explore) next = guess;
        } else {
          next = guess;
        }
        ParseAction a = ClassAction(next, num_labels);
        st.Apply(a.move, a.label);
      }
    }
    SparseWeights w = ap.Finish(o.min_weight);
    std::string line = fmt::format("parser epoch {}: {:.2f}% moves wrong, {} features", epoch,
                                   100.0 * errors / std::max<size_t>(decisions, 1), w.num_features());
    if (dev.empty()) {
      if (log) log(line);
      best = std::move(w);
      best_epoch = epoch;
      continue;
    }
    model.set_weights(w);
    ParseScores sc = ScoreParser(model, dev, dev_tags);
    if (log) log(fmt::format("{}; dev UAS {:.2f} LAS {:.2f}", line, sc.uas_pct(), sc.las_pct()));
    if (sc.las_pct() > best_las) {
      best_las = sc.las_pct();
      best = std::move(w);
      best_epoch = epoch;
    } else if (epoch - best_epoch >= 3) {
      break;
    }
  }
  model.set_weights(std::move(best));
  if (log) log(fmt::format("parser: kept epoch {}", best_epoch));
  return model;
}

}  // namespace sitrep
