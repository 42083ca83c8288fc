// sitrep eval ner: scores the entity recogniser on a Universal NER split (gold tokens in,
// PER/ORG/LOC spans out). Prints one line per type, one for all types, then the summary
//   ner: f1=.. per=.. org=.. loc=..
// Precision, recall and F1 are percentages of exact spans; speed goes to standard error.
#include <fmt/format.h>

#include <iostream>

#include "annotate/iob2.h"
#include "annotate/ner.h"
#include "cli/commands.h"
#include "eval/ner_eval.h"

namespace sitrep::cli {

namespace {

struct EvalNerArgs {
  std::string data = "../shared/data/nlp/uner-ewt";
  std::string split = "dev";
  std::string file;
  std::string models;
};

int RunEvalNer(const EvalNerArgs& args) {
  if (args.file.empty() && args.split != "dev" && args.split != "test" && args.split != "train")
    return ReportError(Status(Code::kInvalidArgument, "--split must be dev or test")), kExitUsage;
  Result<std::string> path = args.file.empty() ? FindIob2Split(args.data, args.split) : Result<std::string>(args.file);
  if (!path.ok()) return ReportError(path.status());
  auto gold = ReadIob2File(*path);
  if (!gold.ok()) return ReportError(gold.status());
  auto ner = args.models.empty() ? NamedEntityRecognizer::LoadDefault() : NamedEntityRecognizer::LoadDir(args.models);
  if (!ner.ok()) return ReportError(ner.status());
  const std::vector<std::string> types = {"PER", "ORG", "LOC"};
  NerEvaluation ev = EvaluateNer(**ner, *gold, types);
  std::cerr << fmt::format("eval: {} sentences, {} tokens of {}; recognised in {:.3f}s of CPU ({:.0f} tokens/s on one core)\n",
                           ev.sentences, ev.tokens, *path, ev.seconds, ev.tokens_per_second());
  std::cout << FormatNerScores(ev.scores, types);
  return kExitOk;
}

}  // namespace

void AddEvalNer(CLI::App& eval) {
  auto args = std::make_shared<EvalNerArgs>();
  CLI::App* cmd = eval.add_subcommand("ner", "Named entities (PER, ORG, LOC) on a Universal NER split");
  cmd->add_option("--data", args->data, "Universal NER folder with *-SPLIT.iob2")->capture_default_str();
  cmd->add_option("--split", args->split, "dev or test")->capture_default_str();
  cmd->add_option("--file", args->file, "An IOB2 file to score instead of a split of --data");
  cmd->add_option("--models", args->models, "Model folder (default: $SITREP_MODELS, else the source tree's models/)");
  // CLI11 turns a RuntimeError into the process's exit status.
  cmd->callback([args] {
    if (int code = RunEvalNer(*args); code != kExitOk) throw CLI::RuntimeError(code);
  });
}

}  // namespace sitrep::cli
