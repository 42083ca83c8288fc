// sitrep train: trains the tagger, the lemmatizer and the parser on a Universal
// Dependencies treebank and writes them to the model folder.
//
// Order: word classes from the training text (plus any --cluster-text), the tagger (its
// epochs picked on dev; its jackknifed tags of the training set kept for the parser), the
// lemmatizer, then the parser (trained on those tags, its epochs picked on dev). Every
// step is deterministic for a given --seed. Progress and dev scores go to standard error;
// the last lines on standard output are the dev scores of the models written.
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "train/conllu.h"
#include "train/lemma_model.h"
#include "train/model_file.h"
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
  std::string train_tags;       // read the parser's training tags from here
  std::string save_train_tags;  // write them here
  uint64_t seed = 1;
  int tagger_epochs = 12;
  int parser_epochs = 15;
  int folds = 5;
};

// Words of extra text for the word classes: the FORM column of CoNLL-U files, or the
// whitespace-separated words of any other file, one sentence per line.
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
  std::ifstream in(path);
  if (!in) return Status(Code::kNotFound, "cannot open the cluster text").At(path);
  std::string line, word;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    text->emplace_back();
    while (words >> word) text->back().push_back(word);
  }
  return Status::Ok();
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
  for (const std::string& path : args.cluster_text)
    if (Status st = ReadClusterText(path, &text); !st.ok()) return ReportError(st);
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
    LemmaModel lemmas = LemmaModel::Train(*train);
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
  cmd->add_option("--save-train-tags", args->save_train_tags,
                  "Write the jackknifed tags the parser is trained on to this CoNLL-U file");
  cmd->add_option("--train-tags", args->train_tags,
                  "With --only parser: train on these saved tags and the tagger in --out, instead of retraining it");
  cmd->add_option("--seed", args->seed, "Seed of the shuffles")->capture_default_str();
  cmd->add_option("--tagger-epochs", args->tagger_epochs, "Most tagger epochs (the best on dev is kept)")
      ->capture_default_str();
  cmd->add_option("--parser-epochs", args->parser_epochs, "Most parser epochs (the best on dev is kept)")
      ->capture_default_str();
  cmd->add_option("--folds", args->folds, "Jackknife folds for the tagger's second pass and the parser's tags")
      ->capture_default_str();
  cmd->callback([args, exit_code] { *exit_code = RunTrain(*args); });
  AddTrainNer(*cmd);
}

}  // namespace sitrep::cli
