// sitrep eval extraction --data DIR: the article-extraction benchmark. Reads every page
// with sitrep's HTML reader (or scores another extractor's --predictions file), prints
// the speed, and ends with the benchmark's numbers on one line:
//   extraction: f1=.. precision=.. recall=.. accuracy=..
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "eval/extraction_benchmark.h"

namespace sitrep::cli {

namespace {

struct EvalExtractionArgs {
  std::string data;
  size_t limit = 0;
  std::string predictions;
  std::string pages;  // per-page scores as TSV, to find the pages worth looking at
  std::string write_predictions;  // sitrep's bodies in the benchmark's format
};

std::string Share(double value, bool defined) { return defined ? fmt::format("{:.4f}", value) : "-"; }

Status WritePages(const std::string& path, const BenchmarkRun& run) {
  std::ofstream out(path);
  if (!out) return Status(Code::kIo, "cannot write this file").At(path);
  out << "id\tprecision\trecall\texact\tcpu_ms\thtml_bytes\tstatus\n";
  for (const BenchmarkPage& page : run.pages) {
    const ShingleMatch& m = page.score.match;
    bool none_wrong = m.fp == 0 && m.fn == 0;
    out << page.id << '\t' << Share(none_wrong ? 1 : m.tp / (m.tp + m.fp), m.tp + m.fp > 0) << '\t'
        << Share(none_wrong ? 1 : m.tp / (m.tp + m.fn), m.tp + m.fn > 0) << '\t' << page.score.exact << '\t'
        << fmt::format("{:.2f}", page.cpu_seconds * 1000) << '\t' << page.html_bytes << '\t'
        << (page.status.ok() ? "ok" : page.status.ToString()) << '\n';
  }
  return out ? Status::Ok() : Status(Code::kIo, "write failed").At(path);
}

// {id: {"articleBody": ...}}: the benchmark's own format, so its scripts can read it too.
Status WritePredictions(const std::string& path, const BenchmarkRun& run) {
  nlohmann::json output = nlohmann::json::object();
  for (const BenchmarkPage& page : run.pages) output[page.id] = {{"articleBody", page.predicted}};
  std::ofstream out(path);
  if (!out) return Status(Code::kIo, "cannot write this file").At(path);
  out << nlohmann::json{{"version", "sitrep"}, {"output", output}}.dump(1) << "\n";
  return out ? Status::Ok() : Status(Code::kIo, "write failed").At(path);
}

int RunEvalExtraction(const EvalExtractionArgs& args) {
  auto run = RunExtractionBenchmark({args.data, args.limit, args.predictions});
  if (!run.ok()) return ReportError(run.status());
  for (const BenchmarkPage& page : run->pages)
    if (!page.status.ok()) std::cerr << "sitrep: failed " << page.id << ": " << page.status.ToString() << "\n";
  if (!args.pages.empty())
    if (Status s = WritePages(args.pages, *run); !s.ok()) return ReportError(s);
  if (!args.write_predictions.empty())
    if (Status s = WritePredictions(args.write_predictions, *run); !s.ok()) return ReportError(s);

  if (args.predictions.empty()) {
    // CPU time of the one thread that read the pages: the machine may be busy with other
    // work, and the clock would charge that to sitrep.
    double mb = run->html_bytes / 1e6;
    std::cout << fmt::format(
        "sitrep: {} pages ({:.1f} MB), {} without an article: {:.2f} s CPU, {:.1f} pages/s, {:.1f} MB/s "
        "(one thread; {:.2f} s by the clock)\n",
        run->pages.size(), mb, run->failed, run->cpu_seconds, run->pages.size() / run->cpu_seconds,
        mb / run->cpu_seconds, run->wall_seconds);
  } else {
    std::cout << fmt::format("predictions: {} pages from {}\n", run->pages.size(), args.predictions);
  }
  std::vector<PageScore> scores = Scores(*run);
  ExtractionScore spread = BootstrapSpread(scores);
  std::cout << fmt::format("bootstrap std: f1={:.3f} precision={:.3f} recall={:.3f} accuracy={:.3f}\n",
                           spread.f1, spread.precision, spread.recall, spread.accuracy);
  std::cout << ScoreLine(Summarise(scores)) << std::endl;
  return kExitOk;
}

}  // namespace

void AddEvalExtraction(CLI::App& eval) {
  auto args = std::make_shared<EvalExtractionArgs>();
  CLI::App* cmd = eval.add_subcommand(
      "extraction", "Score article-body extraction on the article-extraction benchmark (Zyte)");
  cmd->add_option("--data", args->data, "The benchmark folder: ground-truth.json and html/*.html.gz")
      ->required();
  cmd->add_option("--limit", args->limit, "Only the first N pages, in id order (0: all)")->capture_default_str();
  cmd->add_option("--predictions", args->predictions,
                  "Score this JSON file of {id: {articleBody}} (another extractor's output) instead of sitrep");
  cmd->add_option("--pages", args->pages, "Also write each page's scores to this TSV file");
  cmd->add_option("--write-predictions", args->write_predictions,
                  "Also write the bodies scored to this JSON file, in the benchmark's format");
  // CLI11 turns a RuntimeError into the process's exit status.
  cmd->callback([args] {
    if (int code = RunEvalExtraction(*args); code != kExitOk) throw CLI::RuntimeError(code);
  });
}

}  // namespace sitrep::cli
