// sitrep eval cameo --data DIR [--split test]: the event coder on real news sentences
// labelled with Phoenix's five-way QuadClass (ConfliBERT's cameo_class; see
// code/quad_class_eval.h).
// Prints the confusion of gold labels against predicted QuadClasses, then
//   cameo: f1=.. p=.. r=..
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "code/quad_class_eval.h"
#include "sitrep/pipeline.h"

namespace sitrep::cli {

namespace {

struct CameoArgs {
  std::string data;
  std::string split = "test";
};

int RunEvalCameo(const CameoArgs& args) {
  auto pipeline = MakeDefaultPipeline(PipelineOptions{});
  if (!pipeline.ok()) return ReportError(pipeline.status());
  const Pipeline& run = **pipeline;
  auto result = code::EvalQuadClasses(args.data, args.split, [&run](const std::string& id, const std::string& text) {
    return AnnotateText(run, id, text);
  });
  if (!result.ok()) return ReportError(result.status());
  const code::QuadClassResult& r = *result;
  std::cerr << fmt::format("eval: {} sentences of {}/cameo_class/{}.tsv\n", r.sentences, args.data, args.split);
  std::cout << "gold \\ coded   none     0     1     2     3     4   recall\n";
  for (int g = 0; g <= 4; ++g) {
    int all = 0;
    for (int p = 0; p <= code::QuadClassResult::kNone; ++p) all += r.confusion[g][p];
    std::cout << fmt::format("label {}       {:>5}", g, r.confusion[g][code::QuadClassResult::kNone]);
    for (int p = 0; p <= 4; ++p) std::cout << fmt::format(" {:>5}", r.confusion[g][p]);
    std::cout << fmt::format("   {:.3f}\n", all ? double(r.confusion[g][g]) / all : 0.0);
  }
  std::cout << fmt::format("cameo: f1={:.3f} p={:.3f} r={:.3f}\n", r.f1(), r.precision(), r.recall()) << std::flush;
  return kExitOk;
}

}  // namespace

void AddEvalCameo(CLI::App& eval) {
  auto args = std::make_shared<CameoArgs>();
  CLI::App* cmd = eval.add_subcommand("cameo", "QuadClass of the coded events on CAMEO-labelled news sentences");
  cmd->add_option("--data", args->data, "The ConfliBERT data folder (with cameo_class/)")->required();
  cmd->add_option("--split", args->split, "train or test")->capture_default_str();
  cmd->callback([args] {
    if (int code = RunEvalCameo(*args); code != kExitOk) throw CLI::RuntimeError(code);
  });
}

}  // namespace sitrep::cli
