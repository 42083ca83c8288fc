// The pipeline: records in, annotated Docs (or failures) out, in input order.
//
// Each Stage declares the layers it reads and writes; the pipeline checks at build time
// that every layer read is written by an earlier stage. Stages are const and keep no
// mutable state, so one instance serves every worker thread.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/doc.h"
#include "sitrep/ingest.h"
#include "sitrep/status.h"

namespace sitrep {

class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string name() const = 0;
  virtual std::vector<std::string> reads() const = 0;
  virtual std::vector<std::string> writes() const = 0;
  virtual Status Process(Doc& doc) const = 0;
};

// What became of one record: a Doc, or the failure that stopped it. A Doc may also
// carry failures of later, optional stages.
struct Outcome {
  Origin origin;
  std::optional<Doc> doc;
  std::vector<Failure> failures;
};

// The user's own PETRARCH/TABARI dictionaries (docs/dictionaries.md), read once when the
// pipeline is made: actors and agents are looked up before sitrep's lexicon; with verbs,
// the dictionary coder codes every sentence too and its events join sitrep's.
struct DictionaryOptions {
  std::vector<std::string> actors, agents;  // file paths, read in this order
  std::vector<std::string> verbs;           // PETRARCH-2 or TABARI verb files, in this order
  // Receives malformed lines and ambiguous entries ("FILE:LINE: ..."), the first 50
  // and then how many more; nothing is reported when unset.
  std::function<void(const std::string&)> warn;
  bool empty() const { return actors.empty() && agents.empty() && verbs.empty(); }
};

struct PipelineOptions {
  unsigned threads = 0;      // 0: all cores
  size_t batch_size = 256;   // records read in parallel and handed to the sink together
  IngestOptions ingest;
  DictionaryOptions dictionaries;
};

// Called once per batch, in input order. Returning an error stops the run.
using BatchSink = std::function<Status(std::vector<Outcome>& batch)>;
// Called after each batch with progress figures.
using ProgressFn = std::function<void(uint64_t records, uint64_t bytes_done, uint64_t bytes_total)>;

class Pipeline {
 public:
  explicit Pipeline(PipelineOptions options);
  ~Pipeline();

  // Adds a stage after the existing ones. Fails if it reads a layer nobody writes.
  Status Add(std::unique_ptr<Stage> stage);
  const std::vector<std::unique_ptr<Stage>>& stages() const { return stages_; }

  // Runs one record through ingest and every stage.
  Outcome RunOne(const Record& record) const;
  // Runs every record of `source`, in batches, on all threads.
  Status Run(RecordSource& source, const BatchSink& sink, const ProgressFn& progress = {}) const;

  // Thread time spent so far in reading records ("read") and in each stage, in pipeline
  // order, summed over all workers: where a run's CPU goes, for benchmarks.
  std::vector<std::pair<std::string, double>> StageSeconds() const;

 private:
  void Charge(size_t slot, int64_t nanoseconds) const;

  PipelineOptions options_;
  std::vector<std::unique_ptr<Stage>> stages_;
  // Slot 0 is reading; slot k + 1 is stages_[k]. Fixed size, so Add never reallocates
  // atomics that a running pipeline updates.
  static constexpr size_t kMaxStages = 31;
  mutable std::atomic<int64_t> nanoseconds_[kMaxStages + 1] = {};
};

// The standard pipeline of this version of sitrep.
Result<std::unique_ptr<Pipeline>> MakeDefaultPipeline(PipelineOptions options);

}  // namespace sitrep
