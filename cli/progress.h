// A one-line progress report on a terminal: records, rate, share done, time left.
// Silent when standard error is not a terminal, so logs and pipes stay clean.
#pragma once

#include <chrono>
#include <cstdint>

namespace sitrep::cli {

class Progress {
 public:
  Progress();
  void Update(uint64_t records, uint64_t bytes_done, uint64_t bytes_total);
  void Finish();
  double seconds() const;

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace sitrep::cli
