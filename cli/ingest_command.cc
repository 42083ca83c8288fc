// sitrep ingest PATH... --db FILE: read, annotate and store articles.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/dictionary_flags.h"
#include "cli/progress.h"
#include "sitrep/pipeline.h"
#include "sitrep/store.h"

namespace sitrep::cli {

int ReportError(const Status& status) {
  std::cerr << "sitrep: " << status.ToString() << "\n";
  return static_cast<int>(status.code());
}

namespace {

struct IngestArgs {
  std::vector<std::string> inputs;
  std::string db = "sitrep.db";
  std::string format = "auto";
  unsigned threads = 0;
  size_t batch = 256;
  bool quiet = false;
  DictionaryOptions dictionaries;
};

int RunIngest(const IngestArgs& args) {
  auto format = ParseFormat(args.format);
  if (!format.ok()) return ReportError(format.status()), kExitUsage;
  auto store = Store::Open(args.db);
  if (!store.ok()) return ReportError(store.status());
  PipelineOptions options;
  options.threads = args.threads;
  options.batch_size = std::max<size_t>(1, args.batch);
  options.ingest.format = *format;
  options.dictionaries = args.dictionaries;
  auto pipeline = MakeDefaultPipeline(options);
  if (!pipeline.ok()) return ReportError(pipeline.status());

  RecordSource source(args.inputs, options.ingest);
  Progress progress;
  BatchStats total;
  uint64_t records = 0, shown_failures = 0;
  Status run = (*pipeline)->Run(
      source,
      [&](std::vector<Outcome>& batch) -> Status {
        for (const Outcome& o : batch)
          for (const Failure& f : o.failures)
            if (shown_failures++ < 20 && !args.quiet) {
              progress.Finish();
              std::cerr << "sitrep: failed [" << f.stage << "] " << f.status.ToString() << "\n";
            }
        records += batch.size();
        auto stats = (*store)->WriteBatch(batch);
        if (!stats.ok()) return stats.status();
        total += *stats;
        return Status::Ok();
      },
      [&](uint64_t n, uint64_t done, uint64_t all) { progress.Update(n, done, all); });
  progress.Finish();
  if (!run.ok()) return ReportError(run);
  if (shown_failures > 20) std::cerr << fmt::format("sitrep: … and {} more failures\n", shown_failures - 20);
  if (!args.quiet)
    std::cout << fmt::format(
        "{} records in {:.2f} s: {} documents added ({} new revisions), {} unchanged, {} failed -> {}\n", records,
        progress.seconds(), total.added, total.revisions, total.unchanged, total.failures, args.db);
  return total.failures > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace

void AddIngestCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand("ingest", "Read articles, annotate them and store them");
  cmd->add_option("inputs", args->inputs, "Files, directories, glob patterns, or - for standard input")->required();
  cmd->add_option("--db", args->db, "The store: a SQLite file (created if missing)")->capture_default_str();
  cmd->add_option("--input-format", args->format, "auto, text, html, jsonl or warc")->capture_default_str();
  cmd->add_option("--threads", args->threads, "Worker threads (0: all cores)")->capture_default_str();
  cmd->add_option("--batch", args->batch, "Documents per transaction")->capture_default_str();
  AddDictionaryFlags(cmd, &args->dictionaries);
  cmd->add_flag("-q,--quiet", args->quiet, "Print nothing but errors");
  cmd->callback([args, exit_code] { *exit_code = RunIngest(*args); });
}

}  // namespace sitrep::cli
