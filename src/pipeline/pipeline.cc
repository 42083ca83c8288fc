#include "sitrep/pipeline.h"

#include <exception>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "pipeline/worker_pool.h"

namespace sitrep {

Pipeline::Pipeline(PipelineOptions options) : options_(std::move(options)) {}
Pipeline::~Pipeline() = default;

Status Pipeline::Add(std::unique_ptr<Stage> stage) {
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
  auto doc = ReadRecord(record, options_.ingest);
  if (!doc.ok()) {
    out.failures.push_back({record.origin, "ingest", doc.status()});
    return out;
  }
  out.doc.emplace(std::move(doc).value());
  for (const auto& stage : stages_) {
    // A stage that fails (or throws: a bug) costs this document its later layers, never
    // the batch: the failure is recorded and the document is kept with what it has.
    Status status;
    try {
      status = stage->Process(*out.doc);
    } catch (const std::exception& e) {
      status = Status(Code::kInternal, fmt::format("stage threw: {}", e.what()));
    }
    if (!status.ok()) {
      out.failures.push_back({record.origin, stage->name(), std::move(status).InFile(record.origin.path)});
      break;
    }
  }
  return out;
}

Status Pipeline::Run(RecordSource& source, const BatchSink& sink, const ProgressFn& progress) const {
  unsigned threads = options_.threads ? options_.threads : std::max(1u, std::thread::hardware_concurrency());
  WorkerPool pool(threads);
  uint64_t records = 0;
  std::vector<Record> inputs;
  std::vector<Outcome> batch;
  bool more = true;
  while (more) {
    // Gather a batch in input order. Inputs that failed before becoming records (a
    // missing file) take their place in the order as outcomes with a failure.
    inputs.clear();
    batch.clear();
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
    SITREP_RETURN_IF_ERROR(sink(batch));
    if (progress) progress(records, source.bytes_done(), source.bytes_total());
  }
  return Status::Ok();
}

}  // namespace sitrep
