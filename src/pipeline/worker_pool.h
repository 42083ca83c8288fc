// A fixed set of threads that run one parallel loop at a time.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace sitrep {

class WorkerPool {
 public:
  explicit WorkerPool(unsigned threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Calls fn(i) for every i in [0, n), spread over the threads and the caller; returns
  // when all calls have returned. fn must not throw.
  void ParallelFor(size_t n, const std::function<void(size_t)>& fn);

 private:
  void Work();
  void RunShare();

  std::vector<std::thread> threads_;
  std::mutex mu_;
  std::condition_variable start_, finished_;
  const std::function<void(size_t)>* job_ = nullptr;
  size_t size_ = 0, next_ = 0, running_ = 0;
  uint64_t generation_ = 0;
  bool stop_ = false;
};

}  // namespace sitrep
