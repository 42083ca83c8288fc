// The article-extraction benchmark as a whole run: its pages read by sitrep's own HTML
// reader (or an extractor's predictions read from a file), each page scored against the
// human-written article body. The data directory is the benchmark's layout:
// ground-truth.json and html/<id>.html.gz.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "eval/extraction_eval.h"
#include "sitrep/status.h"

namespace sitrep {

struct BenchmarkPage {
  std::string id;
  std::string truth;
  std::string predicted;
  PageScore score;
  Status status;             // why sitrep read no article from the page (then predicted is "")
  uint64_t html_bytes = 0;   // the page inflated, when sitrep read it
  double cpu_seconds = 0;    // this thread's CPU time reading it
};

struct BenchmarkRun {
  std::vector<BenchmarkPage> pages;  // in id order
  uint64_t html_bytes = 0;
  double cpu_seconds = 0;   // reading the pages, on this thread: inflating excluded
  double wall_seconds = 0;  // the same stretch by the clock
  size_t failed = 0;        // pages with no article read
};

struct BenchmarkOptions {
  std::string data_dir;
  size_t limit = 0;         // the first N pages in id order; 0 for all
  std::string predictions;  // score this file's articleBody values instead of reading pages
};

// Runs the benchmark. A page that sitrep cannot read is a failure row with an empty
// prediction, never an error; a missing data file or a prediction file that lacks a page
// is an error, as the benchmark itself refuses such a file.
Result<BenchmarkRun> RunExtractionBenchmark(const BenchmarkOptions& options);

std::vector<PageScore> Scores(const BenchmarkRun& run);

}  // namespace sitrep
