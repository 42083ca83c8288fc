// sitrep submit PATH... --queue nats://HOST:PORT: put articles on the work queue.
//
// Each record (a text or HTML file, a JSON Lines line, a WARC response) becomes one
// message whose id is the hash of its bytes, so submitting the same files again adds
// nothing while the stream remembers them (its duplicate window). `sitrep worker`
// takes them from there.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "queue/work_queue.h"
#include "sitrep/ingest.h"

namespace sitrep::cli {
namespace {

struct SubmitArgs {
  std::vector<std::string> inputs;
  std::string queue;
  std::string stream = queue::QueueOptions().stream;
  std::string format = "auto";
  bool quiet = false;
};

int RunSubmit(const SubmitArgs& args) {
  auto format = ParseFormat(args.format);
  if (!format.ok()) return ReportError(format.status()), kExitUsage;
  queue::QueueOptions options;
  options.stream = args.stream;
  auto work = queue::WorkQueue::Connect(args.queue, options);
  if (!work.ok()) {
    int code = ReportError(work.status());
    return work.status().code() == Code::kInvalidArgument ? kExitUsage : code;
  }

  IngestOptions ingest;
  ingest.format = *format;
  RecordSource source(args.inputs, ingest);
  uint64_t records = 0, added = 0, duplicates = 0, failed = 0;
  Record record;
  std::optional<Failure> failure;
  while (source.Next(&record, &failure)) {
    if (failure) {
      // An input that could not be read at all is the submitter's to fix: it is
      // reported here, and nothing goes on the queue for it.
      ++failed;
      if (!args.quiet) std::cerr << "sitrep: failed [" << failure->stage << "] " << failure->status.ToString() << "\n";
      failure.reset();
      continue;
    }
    ++records;
    auto published = (*work)->Publish(record);
    if (!published.ok()) {
      if (published.status().code() != Code::kInvalidArgument) return ReportError(published.status());
      ++failed;  // this record cannot travel (a header it cannot carry); the rest can
      if (!args.quiet) std::cerr << "sitrep: failed [submit] " << published.status().ToString() << "\n";
      continue;
    }
    ++(*published ? added : duplicates);
  }
  if (!args.quiet)
    std::cout << fmt::format("{} records: {} queued, {} already submitted (deduplicated), {} failed -> {} stream {}\n", records,
                             added, duplicates, failed, args.queue, args.stream);
  return failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace

void AddSubmitCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<SubmitArgs>();
  CLI::App* cmd = app.add_subcommand("submit", "Put articles on a NATS JetStream work queue for `sitrep worker`");
  cmd->add_option("inputs", args->inputs, "Files, directories, glob patterns, or - for standard input")->required();
  cmd->add_option("--queue", args->queue, "The NATS server: nats://HOST:PORT")->required();
  cmd->add_option("--stream", args->stream, "The JetStream stream (created if missing)")->capture_default_str();
  cmd->add_option("--input-format", args->format, "auto, text, html, jsonl or warc")->capture_default_str();
  cmd->add_flag("-q,--quiet", args->quiet, "Print nothing but errors");
  cmd->callback([args, exit_code] { *exit_code = RunSubmit(*args); });
}

}  // namespace sitrep::cli
