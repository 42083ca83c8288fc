// Runs the article-extraction benchmark over sitrep's HTML reader. Each page goes
// through ReadRecord, the same path `sitrep ingest` takes (charset sniffing, decoding,
// extraction, debris rules), so the score is the score of what ingest stores.
#include "eval/extraction_benchmark.h"

#include <fmt/format.h>
#include <time.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/containers.h"
#include "sitrep/ingest.h"

namespace sitrep {
namespace {

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(Code::kNotFound, "cannot open this file").At(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The page inflated: the timer starts after this, as file reading and gzip are not
// extraction (the Readability peer is timed the same way).
Result<std::string> ReadPage(const std::string& path) {
  auto bytes = ReadFile(path);
  if (!bytes.ok() || !LooksGzip(*bytes)) return bytes;
  auto html = Gunzip(*bytes, 256ull << 20);
  if (!html.ok()) return Status(html.status()).InFile(path);
  return html;
}

void ReadWithSitrep(const std::string& path, BenchmarkPage* page, BenchmarkRun* run) {
  auto html = ReadPage(path);
  if (!html.ok()) {
    page->status = html.status();
    return;
  }
  Record record;
  record.origin = {path, 0, "html"};
  record.format = Format::kHtml;
  record.bytes = std::move(html).value();
  page->html_bytes = record.bytes.size();
  double cpu = ThreadCpuSeconds();
  auto start = std::chrono::steady_clock::now();
  Result<Doc> doc = ReadRecord(record, IngestOptions{});
  run->wall_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  page->cpu_seconds = ThreadCpuSeconds() - cpu;
  run->cpu_seconds += page->cpu_seconds;
  run->html_bytes += page->html_bytes;
  if (doc.ok()) page->predicted = doc->text();
  else page->status = doc.status();
}

}  // namespace

std::vector<PageScore> Scores(const BenchmarkRun& run) {
  std::vector<PageScore> scores;
  for (const BenchmarkPage& page : run.pages) scores.push_back(page.score);
  return scores;
}

Result<BenchmarkRun> RunExtractionBenchmark(const BenchmarkOptions& options) {
  namespace fs = std::filesystem;
  fs::path dir(options.data_dir);
  auto truth = ReadArticleBodies((dir / "ground-truth.json").string());
  if (!truth.ok()) return truth.status();
  std::map<std::string, std::string> predictions;
  if (!options.predictions.empty()) {
    auto read = ReadArticleBodies(options.predictions);
    if (!read.ok()) return read.status();
    predictions = std::move(read).value();
  }
  BenchmarkRun run;
  for (auto& [id, body] : *truth) {  // std::map: id order
    if (options.limit > 0 && run.pages.size() >= options.limit) break;
    BenchmarkPage& page = run.pages.emplace_back();
    page.id = id;
    page.truth = std::move(body);
    if (!options.predictions.empty()) {
      auto it = predictions.find(id);
      if (it == predictions.end())
        return Status(Code::kMissingField, fmt::format("no prediction for page {}", id)).At(options.predictions);
      page.predicted = std::move(it->second);
    } else {
      ReadWithSitrep((dir / "html" / (id + ".html.gz")).string(), &page, &run);
      if (!page.status.ok()) ++run.failed;
    }
    page.score = ScorePage(page.truth, page.predicted);
  }
  return run;
}

}  // namespace sitrep
