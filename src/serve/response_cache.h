// Answers of GET requests kept in memory, so that a dashboard opened by many analysts
// (or a load test) costs one aggregate query over a million events per change of the
// store, not one per view.
//
// An entry is valid for one generation of the store: the server bumps the generation
// whenever its own writer commits or any reader connection sees another process's
// commit (Store::DataVersion), and entries of an older generation are misses. Memory
// is bounded: least recently used entries are dropped past `max_bytes`.
//
// Concurrent requests for the same missing answer compute it once: the first asks the
// store, the others wait for its answer (a cold dashboard opened by 64 clients runs
// each aggregate once, not 64 times at once).
//
// Thread-safe: one mutex around a map and a list; an entry's body is shared, not
// copied, by every request that hits it.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace sitrep::serve {

struct CachedResponse {
  int status = 200;
  std::string content_type;
  std::string body;
  std::string etag;  // quoted, as sent
};

class ResponseCache {
 public:
  explicit ResponseCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  uint64_t generation() const { return generation_.load(std::memory_order_acquire); }
  void Invalidate() { generation_.fetch_add(1, std::memory_order_acq_rel); }

  // The entry for `key` made in generation `generation`, or null.
  std::shared_ptr<const CachedResponse> Find(const std::string& key, uint64_t generation);
  void Put(const std::string& key, uint64_t generation, std::shared_ptr<const CachedResponse> response);
  // The cached answer, or the one `compute` makes (kept only when its status is 200).
  // One caller computes per key at a time; the others get its answer.
  std::shared_ptr<const CachedResponse> GetOrCompute(
      const std::string& key, const std::function<std::shared_ptr<const CachedResponse>()>& compute);

  size_t bytes() const;
  size_t entries() const;

 private:
  struct Entry {
    std::string key;
    uint64_t generation;
    std::shared_ptr<const CachedResponse> response;
  };
  void EvictLocked();

  const size_t max_bytes_;
  std::atomic<uint64_t> generation_{1};
  mutable std::mutex mu_;
  std::list<Entry> lru_;  // most recent first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  size_t bytes_ = 0;
  struct Flight {
    bool done = false;
    std::shared_ptr<const CachedResponse> response;
  };
  std::unordered_map<std::string, std::shared_ptr<Flight>> flights_;  // guarded by mu_
  std::condition_variable landed_;
};

}  // namespace sitrep::serve
