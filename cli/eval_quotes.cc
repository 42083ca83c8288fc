// sitrep eval quotes --data DIR --split dev: scores quotations and reported speech on
// PolNeAR (see eval/quotes_eval.h for what is matched and how). Prints one line per
// role with exact and overlap precision, recall and F1, the time the quantities and
// quotes stages add to the language core, and ends with
//   quotes: source_f1=.. content_f1=.. cue_f1=..
// (overlap F1, as fractions).
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "eval/quotes_eval.h"

namespace sitrep::cli {

namespace {

std::string RoleLine(const char* role, const RoleCounts& c) {
  RoleScores s = Summarize(c);
  return fmt::format("{}: gold={} system={} exact p={:.3f} r={:.3f} f1={:.3f}  overlap p={:.3f} r={:.3f} f1={:.3f}\n",
                     role, c.gold, c.system, s.exact_p, s.exact_r, s.exact_f1, s.overlap_p, s.overlap_r,
                     s.overlap_f1);
}

int RunEvalQuotes(const QuotesEvalOptions& options) {
  if (options.split != "dev" && options.split != "test" && options.split != "train")
    return ReportError(Status(Code::kInvalidArgument, "--split must be train, dev or test")), kExitUsage;
  auto result = RunQuotesEval(options);
  if (!result.ok()) return ReportError(result.status());
  const QuotesEvalResult& r = *result;
  std::cerr << fmt::format("eval: {} articles of {}/{}; syntax stage {}; cue model {}\n", r.articles, options.data,
                           options.split, r.used_syntax ? "used" : "not used (no models): word-list cues only",
                           r.used_cue_model ? "used" : "not used");
  std::cout << fmt::format("system quotes: direct={} mixed={} indirect={}\n", r.direct, r.mixed, r.indirect);
  std::cout << RoleLine("content", r.counts.content);
  std::cout << RoleLine("source", r.counts.source);
  std::cout << RoleLine("cue", r.counts.cue);
  double share = r.core_seconds > 0 ? 100.0 * r.layer_seconds / r.core_seconds : 0;
  std::cout << fmt::format("speed: language core {:.3f}s CPU, quantities+quotes {:.3f}s CPU (+{:.1f}%)\n",
                           r.core_seconds, r.layer_seconds, share);
  std::cout << fmt::format("quotes: source_f1={:.3f} content_f1={:.3f} cue_f1={:.3f}\n",
                           Summarize(r.counts.source).overlap_f1, Summarize(r.counts.content).overlap_f1,
                           Summarize(r.counts.cue).overlap_f1)
            << std::flush;
  return kExitOk;
}

}  // namespace

void AddEvalQuotes(CLI::App& eval) {
  auto options = std::make_shared<QuotesEvalOptions>();
  options->data = "../shared/data/nlp/polnear";
  CLI::App* cmd = eval.add_subcommand("quotes", "Score quotations and reported speech on PolNeAR");
  cmd->add_option("--data", options->data, "The PolNeAR folder (with train/, dev/, test/)")->capture_default_str();
  cmd->add_option("--split", options->split, "train, dev or test")->capture_default_str();
  cmd->add_option("--skip", options->skip, "Skip the first N articles (name order)")->capture_default_str();
  cmd->add_option("--limit", options->limit, "Score at most N articles (0: all)")->capture_default_str();
  cmd->add_option("--errors", options->errors, "Write missed and false quotes, and wrong speakers, to this file");
  cmd->add_flag("!--no-syntax", options->syntax, "Do not run the syntax stage even if its models load");
  cmd->add_flag("!--no-cue-model", options->cue_model, "Rule cues only: do not load quote_cues.model");
  cmd->add_option("--models", options->models,
                  "Model folder for the syntax stage and quote_cues.model (default: $SITREP_MODELS or models/)");
  // CLI11 turns a RuntimeError into the process's exit status.
  cmd->callback([options] {
    if (int code = RunEvalQuotes(*options); code != kExitOk) throw CLI::RuntimeError(code);
  });
}

}  // namespace sitrep::cli
