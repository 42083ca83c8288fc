// sitrep worker --queue nats://HOST:PORT --db STORE: take articles off the work queue,
// annotate and code them, store them, and only then acknowledge them.
//
// At least once, never twice in the store: a message is acknowledged after the batch
// holding it has committed, so a worker killed at any point leaves its messages
// unacknowledged and the queue hands them to another worker after the ack wait. Such a
// batch may have committed before the kill; writing it again changes nothing, because
// the store keys documents by content hash and writes a document's events only with
// the document (docs/postgres.md, "Idempotent, at-least-once writes").
#include <fmt/format.h>
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <future>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "cli/dictionary_flags.h"
#include "queue/work_queue.h"
#include "sitrep/pipeline.h"
#include "sitrep/store.h"

namespace sitrep::cli {
namespace {

struct WorkerArgs {
  std::string queue;
  std::string stream = queue::QueueOptions().stream;
  std::string db = "sitrep.db";
  int batch = 32;
  unsigned threads = 1;
  uint64_t max_messages = 0;  // 0: no limit
  double idle_exit = 0;       // 0: never
  int64_t ack_wait = queue::ConsumerOptions().ack_wait_seconds;
  int64_t max_in_flight = queue::ConsumerOptions().max_in_flight;
  bool quiet = false;
  DictionaryOptions dictionaries;
};

double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// One outcome per message, in the batch's order. A message that is not a record of
// ours becomes a failure row like any unreadable input, and is acknowledged with the
// rest: sending it again would not make it readable.
std::vector<Outcome> RunBatch(const Pipeline& pipeline, const std::vector<queue::Delivery>& deliveries,
                              unsigned threads) {
  std::vector<Outcome> outcomes(deliveries.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < deliveries.size();) {
      auto record = deliveries[i].record();
      if (record.ok()) {
        outcomes[i] = pipeline.RunOne(*record);
      } else {
        outcomes[i].origin.path = "(queue message)";
        outcomes[i].failures.push_back({outcomes[i].origin, "queue", record.status()});
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  return outcomes;
}

int RunWorker(const WorkerArgs& args) {
  if (args.batch < 1) return ReportError(Status(Code::kInvalidArgument, "--batch must be at least 1")), kExitUsage;
  if (args.max_in_flight < args.batch)
    return ReportError(Status(Code::kInvalidArgument, "--max-in-flight must be at least --batch")), kExitUsage;
  queue::QueueOptions queue_options;
  queue_options.stream = args.stream;
  auto work = queue::WorkQueue::Connect(args.queue, queue_options);
  if (!work.ok()) {
    int code = ReportError(work.status());
    return work.status().code() == Code::kInvalidArgument ? kExitUsage : code;
  }
  // The store and the models before the subscription: a worker that cannot write takes
  // no messages to sit on until their ack wait runs out.
  auto store = Store::Open(args.db);
  if (!store.ok()) return ReportError(store.status());
  PipelineOptions options;
  options.threads = 1;
  options.dictionaries = args.dictionaries;
  auto pipeline = MakeDefaultPipeline(options);
  if (!pipeline.ok()) return ReportError(pipeline.status());
  queue::ConsumerOptions consumer;
  consumer.ack_wait_seconds = args.ack_wait;
  consumer.max_in_flight = args.max_in_flight;
  if (Status s = (*work)->Subscribe(consumer); !s.ok()) return ReportError(s);

  using Clock = std::chrono::steady_clock;
  const auto started = Clock::now();
  // Since when the stream has been seen empty (`idle`); a plain pair rather than an
  // optional, which GCC 12 warns about as maybe-uninitialised.
  Clock::time_point empty_since{};
  bool idle = false;
  BatchStats total;
  uint64_t messages = 0, redelivered = 0, ack_errors = 0;
  unsigned threads = args.threads ? args.threads : std::max(1u, std::thread::hardware_concurrency());
  // Writes a batch in one transaction and only then acknowledges its messages.
  auto write = [&](std::vector<queue::Delivery> deliveries, std::vector<Outcome> batch) -> Status {
    auto stats = (*store)->WriteBatch(batch);
    if (!stats.ok()) {
      // Nothing of the batch was kept: hand the messages back at once rather than
      // after the ack wait, and stop, since the store is what failed.
      for (auto& d : deliveries) d.Nak();
      return stats.status();
    }
    total += *stats;
    for (auto& d : deliveries) {
      // A lost acknowledgement costs a redelivery, which the store absorbs.
      if (Status s = d.Ack(); !s.ok() && ack_errors++ < 5) std::cerr << "sitrep: " << s.ToString() << "\n";
    }
    if (Status s = (*work)->Flush(); !s.ok() && ack_errors++ < 5) std::cerr << "sitrep: " << s.ToString() << "\n";
    return Status::Ok();
  };
  std::future<Status> written;
  while (args.max_messages == 0 || messages < args.max_messages) {
    int want = args.batch;
    if (args.max_messages) want = static_cast<int>(std::min<uint64_t>(want, args.max_messages - messages));
    auto deliveries = (*work)->Fetch(want, 1000);
    if (!deliveries.ok()) return ReportError(deliveries.status());
    if (deliveries->empty()) {
      // Idle only counts while the stream is empty: messages still in it are with a
      // worker, or waiting out the ack wait of one that died, and will come here.
      auto left = (*work)->Messages();
      if (!left.ok()) return ReportError(left.status());
      if (*left > 0) {
        idle = false;
      } else if (!idle) {
        idle = true, empty_since = Clock::now();
      }
      if (args.idle_exit > 0 && idle &&
          std::chrono::duration<double>(Clock::now() - empty_since).count() >= args.idle_exit)
        break;
      continue;
    }
    idle = false;
    for (const auto& d : *deliveries) redelivered += d.delivery_count() > 1;

    std::vector<Outcome> batch = RunBatch(**pipeline, *deliveries, threads);
    messages += deliveries->size();
    // One batch commits while the next is annotated: wait for the previous write before
    // handing this one over, so the store is used by one thread at a time and at most
    // two batches per worker are unacknowledged.
    if (Status s = written.valid() ? written.get() : Status::Ok(); !s.ok()) {
      for (auto& d : *deliveries) d.Nak();
      return ReportError(s);
    }
    written = std::async(std::launch::async, write, std::move(*deliveries), std::move(batch));
  }
  if (Status s = written.valid() ? written.get() : Status::Ok(); !s.ok()) return ReportError(s);
  double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  if (!args.quiet)
    std::cout << fmt::format(
        "{} messages in {:.2f} s ({:.2f} CPU s): {} documents added ({} new revisions), {} unchanged, {} failed, "
        "{} redelivered -> {}\n",
        messages, seconds, CpuSeconds(), total.added, total.revisions, total.unchanged, total.failures, redelivered,
        args.db);
  return kExitOk;
}

}  // namespace

void AddWorkerCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<WorkerArgs>();
  CLI::App* cmd = app.add_subcommand("worker", "Take articles off a NATS JetStream work queue, annotate and store them");
  cmd->add_option("--queue", args->queue, "The NATS server: nats://HOST:PORT")->required();
  cmd->add_option("--stream", args->stream, "The JetStream stream (created if missing)")->capture_default_str();
  cmd->add_option("--db", args->db, "The store: a SQLite file or a postgresql:// URI")->capture_default_str();
  cmd->add_option("--batch", args->batch, "Messages per transaction")->capture_default_str();
  cmd->add_option("--threads", args->threads, "Threads annotating a batch (0: all cores)")->capture_default_str();
  cmd->add_option("--max-messages", args->max_messages, "Stop after this many messages (0: no limit)")
      ->capture_default_str();
  cmd->add_option("--idle-exit", args->idle_exit, "Stop once the queue has been empty this many seconds (0: never)")
      ->capture_default_str();
  cmd->add_option("--ack-wait", args->ack_wait, "Seconds before an unacknowledged message goes out again")
      ->capture_default_str();
  cmd->add_option("--max-in-flight", args->max_in_flight,
                  "Messages handed out but not yet acknowledged, over all workers")
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", args->quiet, "Print nothing but errors");
  AddDictionaryFlags(cmd, &args->dictionaries);
  cmd->callback([args, exit_code] { *exit_code = RunWorker(*args); });
}

}  // namespace sitrep::cli
