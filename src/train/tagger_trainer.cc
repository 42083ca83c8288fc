// Training the tagger: class inventory, tag dictionary, two perceptron passes.
#include "train/tagger_trainer.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "train/perceptron.h"

namespace sitrep {

namespace {

struct TagData {
  std::vector<WordInfo> words;
  std::vector<uint64_t> keys;
  std::vector<int> gold;
};

std::string ClassName(const ConlluWord& w) { return w.xpos + "|" + w.upos; }

// Classes ordered by frequency (then name), so ids are stable for a given training set.
void BuildClasses(const std::vector<ConlluSentence>& train, std::vector<std::string>* xpos,
                  std::vector<std::string>* upos, std::map<std::string, int>* ids) {
  std::map<std::string, int> counts;
  for (const auto& s : train)
    for (const auto& w : s.words) ++counts[ClassName(w)];
  std::vector<std::pair<int, std::string>> ranked;
  for (const auto& [name, n] : counts) ranked.emplace_back(-n, name);
  std::sort(ranked.begin(), ranked.end());
  for (const auto& [n, name] : ranked) {
    size_t bar = name.rfind('|');
    (*ids)[name] = static_cast<int>(xpos->size());
    xpos->push_back(name.substr(0, bar));
    upos->push_back(name.substr(bar + 1));
  }
}

std::unordered_map<uint64_t, int> BuildDict(const std::vector<ConlluSentence>& train,
                                            const std::map<std::string, int>& ids, const TaggerTrainOptions& o) {
  std::map<std::string, std::map<int, int>> seen;
  for (const auto& s : train)
    for (const auto& w : s.words) ++seen[w.form][ids.at(ClassName(w))];
  std::unordered_map<uint64_t, int> dict;
  for (const auto& [form, tags] : seen) {
    int total = 0, best = 0, best_cls = 0;
    for (auto [cls, n] : tags) {
      total += n;
      if (n > best) best = n, best_cls = cls;
    }
    if (total >= o.dict_min_count && best >= o.dict_min_share * total) dict[HashString(form)] = best_cls;
  }
  return dict;
}

// Ambiguity signatures of words seen at least `min_count` times (lower-cased, digits as 0).
std::unordered_map<uint64_t, uint32_t> BuildLexicon(const std::vector<ConlluSentence>& train,
                                                    const std::map<std::string, int>& ids, int min_count) {
  std::map<std::string, std::map<int, int>> seen;
  for (const auto& s : train)
    for (const auto& w : s.words) ++seen[NormalizeWord(w.form)][ids.at(ClassName(w))];
  std::unordered_map<uint64_t, uint32_t> lexicon;
  for (const auto& [word, tags] : seen) {
    std::vector<std::pair<int, int>> ranked;
    int total = 0;
    for (auto [cls, n] : tags) ranked.emplace_back(-n, cls), total += n;
    if (total < min_count) continue;
    std::sort(ranked.begin(), ranked.end());
    uint32_t top = static_cast<uint32_t>(ranked[0].second + 1);
    uint32_t second = ranked.size() > 1 && -ranked[1].first * 10 >= total ? ranked[1].second + 1 : 0;
    lexicon[HashString(word)] = top | (second << 16);
  }
  return lexicon;
}

std::unordered_set<uint64_t> BuildVocab(const std::vector<ConlluSentence>& train, int min_count) {
  std::map<std::string, int> counts;
  for (const auto& s : train)
    for (const auto& w : s.words) ++counts[NormalizeWord(w.form)];
  std::unordered_set<uint64_t> vocab;
  for (const auto& [word, n] : counts)
    if (n >= min_count) vocab.insert(HashString(word));
  return vocab;
}

std::vector<TagData> Describe(const std::vector<ConlluSentence>& sents, const std::map<std::string, int>& ids,
                              const TaggerModel& model) {
  std::vector<TagData> out(sents.size());
  for (size_t s = 0; s < sents.size(); ++s) {
    TagData& d = out[s];
    for (const auto& w : sents[s].words) {
      d.words.emplace_back();
      DescribeWord(w.form, model.clusters(), &d.words.back());
      model.Complete(w.form, &d.words.back());
      d.keys.push_back(d.words.back().form);
      auto it = ids.find(ClassName(w));
      d.gold.push_back(it == ids.end() ? -1 : it->second);  // -1: a pair never seen in training
    }
    MarkSentenceCase(&d.words);
  }
  return out;
}

TagScores Score(const TaggerModel& model, const std::vector<TagData>& data) {
  TagScores sc;
  std::vector<int> tags;
  for (const TagData& d : data) {
    model.TagWords(d.words, d.keys, &tags);
    for (size_t i = 0; i < tags.size(); ++i) {
      ++sc.words;
      if (d.gold[i] < 0) continue;
      if (model.xpos()[tags[i]] == model.xpos()[d.gold[i]]) ++sc.xpos;
      if (model.upos()[tags[i]] == model.upos()[d.gold[i]]) ++sc.upos;
    }
  }
  return sc;
}

// Trains pass `pass` (1 or 2) on `train`. Pass two reads `first_tags` (one vector per
// training sentence). With `dev`, keeps the epoch that tags dev best and stops after three
// epochs without gain; without, runs `epochs` epochs. `model` supplies classes, dictionary,
// clusters and (for pass two) the pass-one weights; its weights are overwritten.
SparseWeights TrainPass(int pass, const std::vector<TagData>& train, const std::vector<std::vector<int>>* first_tags,
                        TaggerModel* model, const std::vector<TagData>* dev, int epochs,
                        const TaggerTrainOptions& o, const TrainLog& log, int* best_epoch) {
  AveragedPerceptron ap(model->num_classes());
  SplitMix rng(o.seed + pass);
  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<uint64_t> features;
  std::vector<float> scores(model->num_classes());
  SparseWeights first = model->first_weights();
  SparseWeights best;
  double best_acc = -1;
  *best_epoch = 0;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    rng.Shuffle(&order);
    size_t errors = 0, seen = 0;
    for (size_t idx : order) {
      const TagData& d = train[idx];
      std::vector<int> tags(d.words.size(), kNoTag);
      for (size_t i = 0; i < d.words.size(); ++i) {
        int fixed = model->DictTag(d.keys[i]);
        if (fixed != kNoTag) {
          tags[i] = fixed;
          continue;
        }
        TaggerFeatures(d.words, tags, pass == 2 ? &(*first_tags)[idx] : nullptr, i, &features);
        std::fill(scores.begin(), scores.end(), 0.0f);
        ap.Score(features, scores.data());
        int guess = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
        int gold = d.gold[i];
        ap.Tick();
        ++seen;
        if (gold >= 0 && guess != gold) {
          ap.Update(features, gold, guess);
          ++errors;
        }
        tags[i] = guess;
      }
    }
    if (!dev) {
      if (epoch == epochs) {
        best = ap.Finish(o.min_weight);
        *best_epoch = epoch;
      }
      continue;
    }
    SparseWeights w = ap.Finish(o.min_weight);
    if (pass == 1) model->set_weights(w, SparseWeights());
    else model->set_weights(first, w);
    TagScores sc = Score(*model, *dev);
    double acc = sc.xpos_acc() + sc.upos_acc();
    if (log)
      log(fmt::format("tagger pass {} epoch {}: train errors {:.2f}%, dev xpos {:.2f} upos {:.2f} ({} features)", pass,
                      epoch, 100.0 * errors / std::max<size_t>(seen, 1), sc.xpos_acc(), sc.upos_acc(),
                      w.num_features()));
    if (acc > best_acc) {
      best_acc = acc;
      best = std::move(w);
      *best_epoch = epoch;
    } else if (epoch - *best_epoch >= 3) {
      break;
    }
  }
  return best;
}

// Pass-one tags for every sentence of `data`, each from a model not trained on it; the
// fold models go to `fold_models` when it is not null.
std::vector<std::vector<int>> JackknifeFirstPass(const std::vector<TagData>& data, const TaggerModel& base, int folds,
                                                 int epochs, const TaggerTrainOptions& o, const TrainLog& log,
                                                 std::vector<TaggerModel>* fold_models) {
  std::vector<std::vector<int>> tags(data.size());
  for (int k = 0; k < folds; ++k) {
    std::vector<TagData> part;
    for (size_t s = 0; s < data.size(); ++s)
      if (static_cast<int>(s % folds) != k) part.push_back(data[s]);
    TaggerModel model = base;
    int best = 0;
    SparseWeights w = TrainPass(1, part, nullptr, &model, nullptr, epochs, o, {}, &best);
    model.set_weights(std::move(w), SparseWeights());
    for (size_t s = k; s < data.size(); s += folds) model.TagWords(data[s].words, data[s].keys, &tags[s]);
    if (fold_models) fold_models->push_back(std::move(model));
    if (log) log(fmt::format("tagger pass 1 jackknife fold {}/{} done", k + 1, folds));
  }
  return tags;
}

// Whole-tagger tags for every training sentence: fold k's pass-one model plus a pass-two
// model trained on the other folds.
std::vector<TagChoice> JackknifeBothPasses(const std::vector<TagData>& data, const std::vector<std::vector<int>>& first,
                                           std::vector<TaggerModel>& fold_models, int epochs,
                                           const TaggerTrainOptions& o, const TrainLog& log) {
  int folds = static_cast<int>(fold_models.size());
  std::vector<TagChoice> tags(data.size());
  for (int k = 0; k < folds; ++k) {
    std::vector<TagData> part;
    std::vector<std::vector<int>> part_first;
    for (size_t s = 0; s < data.size(); ++s)
      if (static_cast<int>(s % folds) != k) {
        part.push_back(data[s]);
        part_first.push_back(first[s]);
      }
    TaggerModel& model = fold_models[k];
    int best = 0;
    SparseWeights w2 = TrainPass(2, part, &part_first, &model, nullptr, epochs, o, {}, &best);
    model.set_weights(model.first_weights(), std::move(w2));
    for (size_t s = k; s < data.size(); s += folds) model.TagWords(data[s].words, data[s].keys, &tags[s]);
    if (log) log(fmt::format("tagger pass 2 jackknife fold {}/{} done", k + 1, folds));
  }
  return tags;
}

}  // namespace

TagScores ScoreTagger(const TaggerModel& model, const std::vector<ConlluSentence>& gold) {
  std::map<std::string, int> ids;
  for (int c = 0; c < model.num_classes(); ++c) ids[model.xpos()[c] + "|" + model.upos()[c]] = c;
  TagScores sc;
  std::vector<int> tags;
  std::vector<std::string_view> forms;
  for (const auto& s : gold) {
    forms.clear();
    for (const auto& w : s.words) forms.push_back(w.form);
    model.Tag(forms, &tags);
    for (size_t i = 0; i < tags.size(); ++i) {
      ++sc.words;
      if (model.xpos()[tags[i]] == s.words[i].xpos) ++sc.xpos;
      if (model.upos()[tags[i]] == s.words[i].upos) ++sc.upos;
    }
  }
  return sc;
}

Result<TaggerModel> TrainTagger(const std::vector<ConlluSentence>& train, const std::vector<ConlluSentence>& dev,
                                WordClusters clusters, WordNetLexicon wordnet, const TaggerTrainOptions& o,
                                const TrainLog& log, std::vector<TagChoice>* jackknife) {
  if (train.empty()) return Status(Code::kInvalidArgument, "no training sentences");
  std::vector<std::string> xpos, upos;
  std::map<std::string, int> ids;
  BuildClasses(train, &xpos, &upos, &ids);
  TaggerModel model;
  model.set_classes(xpos, upos);
  model.set_dict(BuildDict(train, ids, o));
  model.set_lexicon(BuildLexicon(train, ids, o.lexicon_min_count));
  if (o.vocab_min_count > 0) model.set_vocab(BuildVocab(train, o.vocab_min_count));
  model.set_clusters(std::move(clusters));
  model.set_wordnet(std::move(wordnet));
  std::vector<TagData> train_data = Describe(train, ids, model);
  std::vector<TagData> dev_data = Describe(dev, ids, model);
  const std::vector<TagData>* devp = dev_data.empty() ? nullptr : &dev_data;
  int epochs1 = 0;
  SparseWeights w1 = TrainPass(1, train_data, nullptr, &model, devp, o.max_epochs, o, log, &epochs1);
  model.set_weights(w1, SparseWeights());
  if (log) log(fmt::format("tagger pass 1: kept epoch {}, {} features", epochs1, w1.num_features()));
  if (o.folds < 2) {
    if (jackknife) {
      // One pass: the fold models are the whole tagger.
      std::vector<TaggerModel> fold_models;
      JackknifeFirstPass(train_data, model, 5, epochs1, o, log, &fold_models);
      jackknife->resize(train_data.size());
      for (size_t s = 0; s < train_data.size(); ++s)
        fold_models[s % 5].TagWords(train_data[s].words, train_data[s].keys, &(*jackknife)[s]);
    }
    return model;
  }
  std::vector<TaggerModel> fold_models;
  std::vector<std::vector<int>> first =
      JackknifeFirstPass(train_data, model, o.folds, epochs1, o, log, jackknife ? &fold_models : nullptr);
  int epochs2 = 0;
  SparseWeights w2 = TrainPass(2, train_data, &first, &model, devp, o.max_epochs, o, log, &epochs2);
  model.set_weights(std::move(w1), std::move(w2));
  if (log) log(fmt::format("tagger pass 2: kept epoch {}", epochs2));
  if (jackknife) *jackknife = JackknifeBothPasses(train_data, first, fold_models, epochs2, o, log);
  return model;
}

}  // namespace sitrep
