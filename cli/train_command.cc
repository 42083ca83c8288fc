// sitrep train: trains the tagger, the lemmatizer and the parser on a Universal
// Dependencies treebank and writes them to the model folder.
//
// With --gum, the trees of GUM's openly licensed genres (train documents only) are read:
// their words join the text of the word classes, and with --gum-trees the trees join the
// training set of the tagger and the parser (the lemmatizer keeps to the treebank).
// Order: word classes from the training text (plus any --cluster-text, and WordNet's
// glosses with --wordnet-text), the tagger (its epochs picked on dev; its jackknifed tags
// of the training set kept for the parser), the lemmatizer, then the parser (trained on
// those tags, its epochs picked on dev). Every step is deterministic for a given --seed.
// Progress and dev scores go to standard error; the last lines on standard output are the
// dev scores of the models written.
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "eval/quotes_eval.h"
#include "train/conllu.h"
#include "train/lemma_model.h"
#include "train/model_file.h"
#include "train/ner_trainer.h"
#include "train/parser_trainer.h"
#include "train/tagger_trainer.h"
#include "train/wordnet.h"

namespace sitrep::cli {

namespace {

struct TrainArgs {
  std::string data = "../shared/data/nlp/ud-ewt";
  std::string out;
  std::string only = "all";
  std::vector<std::string> cluster_text;
  std::string wordnet = "/usr/share/wordnet";
  bool wordnet_text = false;  // WordNet's glosses as text for the word classes
  // GUM: its words for the word classes, and with gum_trees its trees as more training data.
  std::string gum;
  // GUM's genres whose texts are CC BY or CC BY-SA (GUM's LICENSE.txt).
  std::vector<std::string> gum_genres = {"academic", "bio", "court", "interview", "news", "voyage"};
  bool gum_trees = false;
  std::string train_tags;       // read the parser's training tags from here
  std::string save_train_tags;  // write them here
  uint64_t seed = 1;
  int tagger_epochs = 12;
  int parser_epochs = 15;
  // Averaged weights below these are dropped (in update units): the model sizes.
  float tagger_min_weight = TaggerTrainOptions{}.min_weight;
  float parser_min_weight = ParserTrainOptions{}.min_weight;
  int folds = 5;
};

// Words of extra text for the word classes: the FORM column of CoNLL-U files, or plain
// text (a file, or every .txt file of a folder), one sentence per line, split from its
// punctuation as ReadPlainText does.
Status ReadClusterText(const std::string& path, std::vector<std::vector<std::string>>* text) {
  if (path.ends_with(".conllu")) {
    auto sents = ReadConlluFile(path);
    if (!sents.ok()) return sents.status();
    for (const auto& s : *sents) {
      text->emplace_back();
      for (const auto& w : s.words) text->back().push_back(w.form);
    }
    return Status::Ok();
  }
  auto sents = ReadPlainText(path);
  if (!sents.ok()) return sents.status();
  for (auto& s : *sents) text->push_back(std::move(s));
  return Status::Ok();
}

// The trees of GUM's documents of the given genres, leaving out its dev, test and test2
// documents (GUM's splits.md), in document order.
Result<std::vector<ConlluSentence>> ReadGumTrees(const std::string& dir, const std::vector<std::string>& genres) {
  auto sents = ReadGumEntities(dir, genres, {"dev", "test", "test2"});
  if (!sents.ok()) return sents.status();
  std::vector<std::string> docs;
  for (const NerExample& ex : *sents)
    if (docs.empty() || docs.back() != ex.doc) docs.push_back(ex.doc);
  std::vector<ConlluSentence> out;
  for (const std::string& doc : docs) {
    auto trees = ReadConlluFile(dir + "/dep/" + doc + ".conllu");
    if (!trees.ok()) return trees.status();
    for (ConlluSentence& s : *trees) out.push_back(std::move(s));
  }
  return out;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

double LemmaAccuracy(const LemmaModel& model, const std::vector<ConlluSentence>& gold,
                     const std::vector<SentenceTags>& tags) {
  size_t n = 0, ok = 0;
  for (size_t s = 0; s < gold.size(); ++s)
    for (size_t i = 0; i < gold[s].words.size(); ++i, ++n)
      if (model.Lemmatize(gold[s].words[i].form, tags[s].xpos[i]) == gold[s].words[i].lemma) ++ok;
  return n ? 100.0 * ok / n : 0;
}

std::vector<SentenceTags> PredictedTags(const TaggerModel& tagger, const std::vector<ConlluSentence>& sents) {
  std::vector<SentenceTags> tags(sents.size());
  std::vector<std::string_view> forms;
  TagChoice choice;
  for (size_t s = 0; s < sents.size(); ++s) {
    forms.clear();
    for (const auto& w : sents[s].words) forms.push_back(w.form);
    tagger.Tag(forms, &choice);
    tags[s] = ChosenTags(tagger, choice);
  }
  return tags;
}

// The parser's training tags as CoNLL-U: the training sentences with the predicted UPOS
// and XPOS, and the runner-up XPOS in MISC as "Tag2=..".
Status WriteTrainTags(const std::string& path, const std::vector<ConlluSentence>& train,
                      const std::vector<SentenceTags>& tags) {
  std::string out;
  for (size_t s = 0; s < train.size(); ++s) {
    ConlluSentence sent = train[s];
    for (size_t i = 0; i < sent.words.size(); ++i) {
      sent.words[i].xpos = tags[s].xpos[i];
      sent.words[i].upos = tags[s].upos[i];
      sent.words[i].misc = tags[s].xpos2[i].empty() ? "_" : "Tag2=" + tags[s].xpos2[i];
    }
    WriteConllu(sent, &out);
  }
  std::ofstream file(path, std::ios::binary);
  file << out;
  return file ? Status::Ok() : Status(Code::kIo, "cannot write the training tags").At(path);
}

Result<std::vector<SentenceTags>> ReadTrainTags(const std::string& path, const std::vector<ConlluSentence>& train) {
  auto sents = ReadConlluFile(path);
  if (!sents.ok()) return sents.status();
  if (sents->size() != train.size())
    return Status(Code::kInvalidArgument, fmt::format("{} sentences, the training set has {}", sents->size(), train.size()))
        .At(path);
  std::vector<SentenceTags> tags(sents->size());
  for (size_t s = 0; s < sents->size(); ++s) {
    const ConlluSentence& sent = (*sents)[s];
    if (sent.words.size() != train[s].words.size())
      return Status(Code::kInvalidArgument, "a sentence differs from the training set").At(path, sent.offset);
    for (const ConlluWord& w : sent.words) {
      tags[s].xpos.push_back(w.xpos);
      tags[s].upos.push_back(w.upos);
      tags[s].xpos2.push_back(w.misc.starts_with("Tag2=") ? w.misc.substr(5) : "");
    }
  }
  return tags;
}

int RunTrain(const TrainArgs& args) {
  if (args.only != "all" && args.only != "tagger" && args.only != "lemmatizer" && args.only != "parser")
    return ReportError(Status(Code::kInvalidArgument, "--only must be all, tagger, lemmatizer or parser")), kExitUsage;
  std::string out = args.out.empty() ? DefaultModelDir() : args.out;
  std::error_code ec;
  std::filesystem::create_directories(out, ec);
  auto train_path = FindTreebankFile(args.data, "train");
  if (!train_path.ok()) return ReportError(train_path.status());
  auto dev_path = FindTreebankFile(args.data, "dev");
  if (!dev_path.ok()) return ReportError(dev_path.status());
  auto train = ReadConlluFile(*train_path);
  if (!train.ok()) return ReportError(train.status());
  auto dev = ReadConlluFile(*dev_path);
  if (!dev.ok()) return ReportError(dev.status());
  auto log = [](const std::string& line) { std::cerr << "train: " << line << std::endl; };
  log(fmt::format("{} training and {} dev sentences from {}", train->size(), dev->size(), args.data));
  // The lemmatizer learns from the treebank alone: GUM's lemmas follow other conventions.
  const size_t treebank_sentences = train->size();
  std::vector<std::vector<std::string>> gum_words;
  if (!args.gum.empty()) {
    auto gum = ReadGumTrees(args.gum, args.gum_genres);
    if (!gum.ok()) return ReportError(gum.status());
    for (const auto& s : *gum) {
      gum_words.emplace_back();
      for (const auto& w : s.words) gum_words.back().push_back(w.form);
    }
    if (args.gum_trees) {
      log(fmt::format("{} training sentences from GUM ({})", gum->size(), args.gum));
      for (ConlluSentence& s : *gum) train->push_back(std::move(s));
    }
  }
  auto start = std::chrono::steady_clock::now();
  bool want_tagger = args.only == "all" || args.only == "tagger";
  bool want_parser = args.only == "all" || args.only == "parser";
  bool want_lemmatizer = args.only == "all" || args.only == "lemmatizer";
  std::vector<std::string> summary;

  // Word classes, from the training text and any extra text.
  std::vector<std::vector<std::string>> text;
  for (const auto& s : *train) {
    text.emplace_back();
    for (const auto& w : s.words) text.back().push_back(w.form);
  }
  if (!args.gum_trees)
    for (auto& s : gum_words) text.push_back(std::move(s));
  for (const std::string& path : args.cluster_text)
    if (Status st = ReadClusterText(path, &text); !st.ok()) return ReportError(st);
  if (args.wordnet_text && (want_tagger || want_parser)) {
    auto glosses = WordNetLexicon::ReadGlosses(args.wordnet);
    if (!glosses.ok()) return ReportError(glosses.status());
    for (auto& s : *glosses) text.push_back(std::move(s));
  }
  WordClusters clusters;
  if (want_tagger || want_parser) {
    clusters = WordClusters::Induce(text, {});
    log(fmt::format("word classes for {} words from {} sentences ({:.0f}s)", clusters.size(), text.size(),
                    Seconds(start)));
  }

  WordNetLexicon wordnet;
  if ((want_tagger || want_parser) && !args.wordnet.empty() && args.wordnet != "none") {
    auto wn = WordNetLexicon::ReadDatabase(args.wordnet);
    if (!wn.ok()) return ReportError(wn.status());
    wordnet = std::move(wn).value();
    log(fmt::format("WordNet: {} lemmas from {}", wordnet.size(), args.wordnet));
  }

  TaggerTrainOptions topt;
  topt.max_epochs = args.tagger_epochs;
  topt.folds = args.folds;
  topt.min_weight = args.tagger_min_weight;
  topt.seed = args.seed;
  std::vector<TagChoice> jackknife;
  std::optional<TaggerModel> tagger;
  std::vector<SentenceTags> train_tags;
  if (want_parser && !args.train_tags.empty()) {
    // The parser alone, on tags saved by an earlier run, and the tagger already trained.
    auto tagged = ReadTrainTags(args.train_tags, *train);
    if (!tagged.ok()) return ReportError(tagged.status());
    train_tags = std::move(tagged).value();
    auto loaded = TaggerModel::Load(out + "/tagger.model");
    if (!loaded.ok()) return ReportError(loaded.status());
    tagger = std::move(loaded).value();
  } else if (want_tagger || want_parser) {
    auto t0 = std::chrono::steady_clock::now();
    auto trained = TrainTagger(*train, *dev, clusters, wordnet, topt, log, want_parser ? &jackknife : nullptr);
    if (!trained.ok()) return ReportError(trained.status());
    if (want_tagger) {
      std::string path = out + "/tagger.model";
      if (Status st = trained->Write(path); !st.ok()) return ReportError(st);
      TagScores sc = ScoreTagger(*trained, *dev);
      summary.push_back(fmt::format("tagger: dev upos={:.2f} xpos={:.2f} ({}, {:.0f}s)", sc.upos_acc(),
                                    sc.xpos_acc(), path, Seconds(t0)));
      log(summary.back());
    }
    tagger = std::move(trained).value();
    if (want_parser) {
      train_tags.resize(train->size());
      for (size_t s = 0; s < train->size(); ++s) train_tags[s] = ChosenTags(*tagger, jackknife[s]);
      if (!args.save_train_tags.empty())
        if (Status st = WriteTrainTags(args.save_train_tags, *train, train_tags); !st.ok()) return ReportError(st);
    }
  }
  if (want_lemmatizer) {
    auto t0 = std::chrono::steady_clock::now();
    std::vector<ConlluSentence> treebank(train->begin(), train->begin() + treebank_sentences);
    LemmaModel lemmas = LemmaModel::Train(treebank);
    std::string path = out + "/lemmatizer.model";
    if (Status st = lemmas.Write(path); !st.ok()) return ReportError(st);
    double gold_tags = LemmaAccuracy(lemmas, *dev, GoldTags(*dev));
    std::string predicted;
    if (tagger) predicted = fmt::format(", {:.2f} with predicted tags", LemmaAccuracy(lemmas, *dev, PredictedTags(*tagger, *dev)));
    summary.push_back(fmt::format("lemmatizer: dev lemma={:.2f} with gold tags{} ({}, {:.0f}s)", gold_tags, predicted,
                                  path, Seconds(t0)));
    log(summary.back());
  }
  if (want_parser) {
    auto t0 = std::chrono::steady_clock::now();
    std::vector<SentenceTags> dev_tags = PredictedTags(*tagger, *dev);
    ParserTrainOptions popt;
    popt.max_epochs = args.parser_epochs;
    popt.seed = args.seed;
    popt.min_weight = args.parser_min_weight;
    auto parser = TrainParser(*train, train_tags, *dev, dev_tags, clusters, popt, log);
    if (!parser.ok()) return ReportError(parser.status());
    std::string path = out + "/parser.model";
    if (Status st = parser->Write(path); !st.ok()) return ReportError(st);
    ParseScores sc = ScoreParser(*parser, *dev, dev_tags);
    summary.push_back(fmt::format("parser: dev uas={:.2f} las={:.2f} with predicted tags ({}, {:.0f}s)", sc.uas_pct(),
                                  sc.las_pct(), path, Seconds(t0)));
    log(summary.back());
  }
  for (const std::string& line : summary) std::cout << line << "\n";
  std::cout << fmt::format("trained in {:.0f}s\n", Seconds(start));
  return kExitOk;
}

}  // namespace

// `sitrep train quotes`: the learnt quote cues (annotate/quote_cue_model.h) from PolNeAR's
// train split. Like `train ner`, it ends the parse itself so `train`'s callback does not run.
static void AddTrainQuotes(CLI::App& train) {
  auto options = std::make_shared<QuoteCueTrainOptions>();
  options->data = "../shared/data/nlp/polnear";
  CLI::App* cmd = train.add_subcommand("quotes", "Train the learnt quote cues (models/quote_cues.model) on PolNeAR");
  cmd->add_option("--data", options->data, "The PolNeAR folder (with train/)")->capture_default_str();
  cmd->add_option("--split", options->split, "The split to learn from")->capture_default_str();
  cmd->add_option("--skip", options->skip, "Skip the first N articles (name order)")->capture_default_str();
  cmd->add_option("--limit", options->limit, "Learn from at most N articles (0: all)")->capture_default_str();
  cmd->add_option("--models", options->models, "Folder of the syntax models (default: the model folder)");
  cmd->add_option("--out", options->out, "The model file (default: quote_cues.model in the model folder)");
  cmd->add_option("--epochs", options->epochs, "Passes over the examples")->capture_default_str();
  cmd->add_option("--min-weight", options->min_weight, "Averaged weights below this are dropped")->capture_default_str();
  cmd->add_option("--seed", options->seed, "Seed of the shuffles")->capture_default_str();
  cmd->callback([options] {
    if (options->split == "dev" || options->split == "test")
      throw CLI::RuntimeError(ReportError(Status(Code::kInvalidArgument, "the quote cues learn from train only")));
    if (options->out.empty()) options->out = DefaultModelDir() + "/quote_cues.model";
    auto result = TrainQuoteCues(*options);
    if (!result.ok()) throw CLI::RuntimeError(ReportError(result.status()));
    for (size_t i = 0; i < result->epoch_accuracy.size(); ++i)
      std::cerr << fmt::format("epoch {}: {:.4f} of the training examples right\n", i + 1, result->epoch_accuracy[i]);
    std::cout << fmt::format("quote cues: articles={} examples={} cues={} features={} -> {}\n", result->articles,
                             result->examples, result->positives, result->features, options->out)
              << std::flush;
    throw CLI::Success();
  });
}

void AddTrainCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<TrainArgs>();
  CLI::App* cmd = app.add_subcommand("train", "Train the tagger, lemmatizer and parser on a UD treebank");
  cmd->add_option("--data", args->data, "Treebank folder with *-ud-train.conllu and *-ud-dev.conllu")
      ->capture_default_str();
  cmd->add_option("--out", args->out, "Where to write the models (default: the model folder, see models/README.md)");
  cmd->add_option("--only", args->only, "all, tagger, lemmatizer or parser")->capture_default_str();
  cmd->add_option("--cluster-text", args->cluster_text,
                  "Extra text for the word classes: .conllu files (FORM column) or plain text, one sentence per line");
  cmd->add_option("--wordnet", args->wordnet,
                  "WordNet database folder (Debian package wordnet-base), for unknown words; 'none' to train without")
      ->capture_default_str();
  cmd->add_flag("--wordnet-text", args->wordnet_text, "Add WordNet's glosses to the text of the word classes");
  cmd->add_option("--gum", args->gum, "GUM folder: the words of its CC BY / CC BY-SA genres (not dev or test) for the word classes");
  cmd->add_option("--gum-genres", args->gum_genres, "GUM genres to read")->capture_default_str();
  cmd->add_flag("--gum-trees", args->gum_trees, "With --gum: also train the tagger and the parser on those GUM trees");
  cmd->add_option("--save-train-tags", args->save_train_tags,
                  "Write the jackknifed tags the parser is trained on to this CoNLL-U file");
  cmd->add_option("--train-tags", args->train_tags,
                  "With --only parser: train on these saved tags and the tagger in --out, instead of retraining it");
  cmd->add_option("--seed", args->seed, "Seed of the shuffles")->capture_default_str();
  cmd->add_option("--tagger-epochs", args->tagger_epochs, "Most tagger epochs (the best on dev is kept)")
      ->capture_default_str();
  cmd->add_option("--parser-epochs", args->parser_epochs, "Most parser epochs (the best on dev is kept)")
      ->capture_default_str();
  cmd->add_option("--tagger-min-weight", args->tagger_min_weight,
                  "Tagger weights below this (in updates) are dropped: smaller model")
      ->capture_default_str();
  cmd->add_option("--parser-min-weight", args->parser_min_weight,
                  "Parser weights below this (in updates) are dropped: smaller model")
      ->capture_default_str();
  cmd->add_option("--folds", args->folds, "Jackknife folds for the tagger's second pass and the parser's tags")
      ->capture_default_str();
  cmd->callback([args, exit_code] { *exit_code = RunTrain(*args); });
  AddTrainNer(*cmd);
  AddTrainPlaces(*cmd);
  AddTrainQuotes(*cmd);
}

}  // namespace sitrep::cli
