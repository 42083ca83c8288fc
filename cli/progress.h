// A one-line progress report on a terminal: records, rate, share done, time left.
// Silent when standard error is not a terminal, so logs and pipes stay clean. Safe to
// call from the pipeline's thread and the store's thread at once.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>

namespace sitrep::cli {

class Progress {
 public:
  Progress();
  void Update(uint64_t records, uint64_t bytes_done, uint64_t bytes_total);
  void Finish();
  double seconds() const;

 private:
  std::mutex mu_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace sitrep::cli
