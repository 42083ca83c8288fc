#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace sitrep::cli {

Progress::Progress()
    : enabled_(isatty(STDERR_FILENO) != 0), start_(std::chrono::steady_clock::now()), last_(start_) {}

double Progress::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::Update(uint64_t records, uint64_t done, uint64_t total) {
  if (!enabled_) return;
  std::lock_guard lock(mu_);
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  drawn_ = true;
  double secs = seconds();
  double rate = secs > 0 ? done / secs / 1e6 : 0;
  std::fprintf(stderr, "\r\033[K%llu documents  %.1f MB/s", static_cast<unsigned long long>(records), rate);
  if (total > 0 && done <= total) {
    double share = static_cast<double>(done) / total;
    double left = share > 0 ? secs * (1 - share) / share : 0;
    std::fprintf(stderr, "  %3.0f%%  ETA %d:%02d", share * 100, static_cast<int>(left) / 60, static_cast<int>(left) % 60);
  }
  std::fflush(stderr);
}

void Progress::Finish() {
  std::lock_guard lock(mu_);
  if (enabled_ && drawn_) std::fprintf(stderr, "\r\033[K");
  drawn_ = false;
}

}  // namespace sitrep::cli
