#include "sitrep/pipeline.h"

#include <ctime>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "pipeline/worker_pool.h"

namespace sitrep {

Pipeline::Pipeline(PipelineOptions options) : options_(std::move(options)) {}
Pipeline::~Pipeline() = default;

namespace {

// CPU time of the calling thread: a stage's cost, not the time it waited for a core.
int64_t ThreadNanoseconds() {
  timespec now;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return int64_t{now.tv_sec} * 1'000'000'000 + now.tv_nsec;
}

}  // namespace

Status Pipeline::Add(std::unique_ptr<Stage> stage) {
  if (stages_.size() == kMaxStages)
    return Status(Code::kInvalidArgument, fmt::format("a pipeline holds at most {} stages", kMaxStages));
  std::set<std::string> written;
  for (const auto& s : stages_)
    for (const auto& layer : s->writes()) written.insert(layer);
  for (const auto& layer : stage->reads())
    if (!written.count(layer))
      return Status(Code::kInvalidArgument,
                    fmt::format("stage '{}' reads layer '{}', which no earlier stage writes", stage->name(), layer));
  stages_.push_back(std::move(stage));
  return Status::Ok();
}

Outcome Pipeline::RunOne(const Record& record) const {
  Outcome out;
  out.origin = record.origin;
  int64_t start = ThreadNanoseconds();
  auto doc = ReadRecord(record, options_.ingest);
  int64_t done = ThreadNanoseconds();
  Charge(0, done - start);
  if (!doc.ok()) {
    out.failures.push_back({record.origin, "ingest", doc.status()});
    return out;
  }
  out.doc.emplace(std::move(doc).value());
  for (size_t k = 0; k < stages_.size(); ++k) {
    const auto& stage = stages_[k];
    // A stage that fails (or throws: a bug) costs this document its later layers, never
    // the batch: the failure is recorded and the document is kept with what it has.
    Status status;
    try {
      status = stage->Process(*out.doc);
    } catch (const std::exception& e) {
      status = Status(Code::kInternal, fmt::format("stage threw: {}", e.what()));
    }
    start = done;
    done = ThreadNanoseconds();
    Charge(k + 1, done - start);
    if (!status.ok()) {
      out.failures.push_back({record.origin, stage->name(), std::move(status).InFile(record.origin.path)});
      break;
    }
  }
  return out;
}

void Pipeline::Charge(size_t slot, int64_t nanoseconds) const {
  nanoseconds_[slot].fetch_add(nanoseconds, std::memory_order_relaxed);
}

std::vector<std::pair<std::string, double>> Pipeline::StageSeconds() const {
  std::vector<std::pair<std::string, double>> out;
  out.emplace_back("read", nanoseconds_[0].load() * 1e-9);
  for (size_t k = 0; k < stages_.size(); ++k) out.emplace_back(stages_[k]->name(), nanoseconds_[k + 1].load() * 1e-9);
  return out;
}

namespace {

// Hands finished batches to the sink on a thread of its own, one at a time and in
// order, so storing batch k overlaps with reading and annotating batch k + 1.
class SinkThread {
 public:
  explicit SinkThread(const BatchSink& sink) : sink_(sink), thread_([this] { Loop(); }) {}
  ~SinkThread() {
    Close();
    thread_.join();
  }

  // Waits until the previous batch has been taken, then queues this one. Returns the
  // first error the sink reported, after which no more batches are taken.
  Status Push(std::vector<Outcome> batch) {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !pending_ || !status_.ok(); });
    if (!status_.ok()) return status_;
    pending_ = std::move(batch);
    cv_.notify_all();
    return Status::Ok();
  }

  // Waits for every queued batch to be written; returns the sink's first error.
  Status Finish() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return (!pending_ && !busy_) || !status_.ok(); });
    return status_;
  }

 private:
  void Close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    cv_.notify_all();
  }
  void Loop() {
    for (;;) {
      std::vector<Outcome> batch;
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [&] { return pending_.has_value() || closed_; });
        if (!pending_) return;
        batch = std::move(*pending_);
        pending_.reset();
        busy_ = true;
        cv_.notify_all();
      }
      Status status = status_.ok() ? sink_(batch) : status_;
      std::lock_guard lock(mu_);
      busy_ = false;
      if (status_.ok()) status_ = status;
      cv_.notify_all();
    }
  }

  const BatchSink& sink_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::optional<std::vector<Outcome>> pending_;
  bool busy_ = false, closed_ = false;
  Status status_;
  std::thread thread_;
};

}  // namespace

Status Pipeline::Run(RecordSource& source, const BatchSink& sink, const ProgressFn& progress) const {
  unsigned threads = options_.threads ? options_.threads : std::max(1u, std::thread::hardware_concurrency());
  WorkerPool pool(threads);
  SinkThread writer(sink);
  uint64_t records = 0;
  bool more = true;
  while (more) {
    // Gather a batch in input order. Inputs that failed before becoming records (a
    // missing file) take their place in the order as outcomes with a failure.
    std::vector<Record> inputs;
    std::vector<Outcome> batch;
    std::vector<std::optional<size_t>> slot;  // batch index -> inputs index
    while (batch.size() < options_.batch_size) {
      Record record;
      std::optional<Failure> failure;
      if (!source.Next(&record, &failure)) {
        more = false;
        break;
      }
      Outcome outcome;
      if (failure) {
        outcome.origin = failure->origin;
        outcome.failures.push_back(std::move(*failure));
        slot.push_back(std::nullopt);
      } else {
        outcome.origin = record.origin;
        slot.push_back(inputs.size());
        inputs.push_back(std::move(record));
      }
      batch.push_back(std::move(outcome));
    }
    if (batch.empty()) break;
    pool.ParallelFor(batch.size(), [&](size_t i) {
      if (slot[i]) batch[i] = RunOne(inputs[*slot[i]]);
    });
    records += batch.size();
    SITREP_RETURN_IF_ERROR(writer.Push(std::move(batch)));
    if (progress) progress(records, source.bytes_done(), source.bytes_total());
  }
  return writer.Finish();
}

}  // namespace sitrep
