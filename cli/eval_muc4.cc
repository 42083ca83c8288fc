// sitrep eval muc4 --data DIR [--split dev]: role-filler scores of the event coder on
// MUC-4 (GRIT-style JSON Lines; see code/muc4_eval.h). One line per role, then
//   muc4: f1=..
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "code/muc4_eval.h"
#include "sitrep/pipeline.h"

namespace sitrep::cli {

namespace {

struct Muc4Args {
  std::string data;
  std::string split = "dev";
};

int RunEvalMuc4(const Muc4Args& args) {
  auto pipeline = MakeDefaultPipeline(PipelineOptions{});
  if (!pipeline.ok()) return ReportError(pipeline.status());
  const Pipeline& run = **pipeline;
  auto result = code::EvalMuc4(args.data, args.split, [&run](const std::string& id, const std::string& text) {
    return AnnotateText(run, id, text);
  });
  if (!result.ok()) return ReportError(result.status());
  std::cerr << fmt::format("eval: {} documents of {}/{}.json\n", result->documents, args.data, args.split);
  for (const code::RoleScore& s : result->roles)
    std::cout << fmt::format("{:<8} p={:.3f} r={:.3f} f1={:.3f} (predicted {}, gold {})\n", s.role, s.precision(),
                             s.recall(), s.f1(), s.predicted, s.gold);
  const code::RoleScore& m = result->micro;
  std::cout << fmt::format("muc4: f1={:.3f} p={:.3f} r={:.3f}\n", m.f1(), m.precision(), m.recall()) << std::flush;
  return kExitOk;
}

}  // namespace

void AddEvalMuc4(CLI::App& eval) {
  auto args = std::make_shared<Muc4Args>();
  CLI::App* cmd = eval.add_subcommand("muc4", "Role fillers (PerpInd, PerpOrg, Target, Victim, Weapon) on MUC-4");
  cmd->add_option("--data", args->data, "The MUC-4 folder (dev.json, train.json)")->required();
  cmd->add_option("--split", args->split, "dev or train")->capture_default_str();
  cmd->callback([args] {
    if (int code = RunEvalMuc4(*args); code != kExitOk) throw CLI::RuntimeError(code);
  });
}

}  // namespace sitrep::cli
