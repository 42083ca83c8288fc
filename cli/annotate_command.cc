// sitrep annotate PATH...: run the pipeline without a store; JSON Lines to stdout.
#include <iostream>

#include "cli/commands.h"
#include "sitrep/pipeline.h"
#include "text/doc_json.h"
#include "text/dump.h"

namespace sitrep::cli {

namespace {

struct AnnotateArgs {
  std::vector<std::string> inputs;
  std::string input_format = "auto";
  std::string format = "jsonl";
  unsigned threads = 0;
};

int RunAnnotate(const AnnotateArgs& args) {
  auto input_format = ParseFormat(args.input_format);
  if (!input_format.ok()) return ReportError(input_format.status()), kExitUsage;
  if (args.format != "jsonl" && args.format != "json" && args.format != "text")
    return ReportError(Status(Code::kInvalidArgument, "--format must be jsonl, json or text")), kExitUsage;
  PipelineOptions options;
  options.threads = args.threads;
  options.ingest.format = *input_format;
  auto pipeline = MakeDefaultPipeline(options);
  if (!pipeline.ok()) return ReportError(pipeline.status());
  RecordSource source(args.inputs, options.ingest);
  bool failed = false;
  Status run = (*pipeline)->Run(source, [&](std::vector<Outcome>& batch) {
    for (const Outcome& o : batch) {
      for (const Failure& f : o.failures) {
        std::cerr << "sitrep: failed [" << f.stage << "] " << f.status.ToString() << "\n";
        failed = true;
      }
      if (!o.doc) continue;
      if (args.format == "text") std::cout << DumpDoc(*o.doc) << "\n";
      else if (args.format == "json") std::cout << DocToJson(*o.doc).dump(2) << "\n";
      else std::cout << DocToJson(*o.doc).dump() << "\n";
    }
    return Status::Ok();
  });
  std::cout.flush();
  if (!run.ok()) return ReportError(run);
  return failed ? kExitSomeFailed : kExitOk;
}

}  // namespace

void AddAnnotateCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<AnnotateArgs>();
  CLI::App* cmd = app.add_subcommand("annotate", "Annotate articles and print the result, storing nothing");
  cmd->add_option("inputs", args->inputs, "Files, directories, glob patterns, or - for standard input")->required();
  cmd->add_option("--input-format", args->input_format, "auto, text, html, jsonl or warc")->capture_default_str();
  cmd->add_option("--format", args->format, "jsonl (one object per line), json (indented) or text (readable)")
      ->capture_default_str();
  cmd->add_option("--threads", args->threads, "Worker threads (0: all cores)");
  cmd->callback([args, exit_code] { *exit_code = RunAnnotate(*args); });
}

}  // namespace sitrep::cli
