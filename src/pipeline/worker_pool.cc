#include "pipeline/worker_pool.h"

namespace sitrep {

WorkerPool::WorkerPool(unsigned threads) {
  // The calling thread works too, so n threads of work need n - 1 helpers.
  for (unsigned i = 1; i < threads; ++i) threads_.emplace_back([this] { Work(); });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  start_.notify_all();
  for (auto& t : threads_) t.join();
}

// Takes indices one at a time until none are left. Items differ wildly in cost (a
// 40-byte record next to a 4 MB one), so fine-grained taking balances the load.
void WorkerPool::RunShare() {
  for (;;) {
    size_t i;
    {
      std::lock_guard lock(mu_);
      if (next_ >= size_) return;
      i = next_++;
    }
    (*job_)(i);
  }
}

void WorkerPool::Work() {
  uint64_t seen = 0;
  for (;;) {
    {
      std::unique_lock lock(mu_);
      start_.wait(lock, [&] { return stop_ || generation_ != seen; });
      if (stop_) return;
      seen = generation_;
      ++running_;
    }
    RunShare();
    {
      std::lock_guard lock(mu_);
      --running_;
    }
    finished_.notify_all();
  }
}

void WorkerPool::ParallelFor(size_t n, const std::function<void(size_t)>& fn) {
  {
    std::lock_guard lock(mu_);
    job_ = &fn;
    size_ = n;
    next_ = 0;
    ++generation_;
  }
  start_.notify_all();
  RunShare();
  std::unique_lock lock(mu_);
  finished_.wait(lock, [&] { return next_ >= size_ && running_ == 0; });
  job_ = nullptr;
}

}  // namespace sitrep
