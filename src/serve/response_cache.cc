#include "serve/response_cache.h"

namespace sitrep::serve {

namespace {
size_t Cost(const std::string& key, const CachedResponse& r) { return key.size() + r.body.size() + 128; }
}  // namespace

std::shared_ptr<const CachedResponse> ResponseCache::Find(const std::string& key, uint64_t generation) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = index_.find(key);
  if (it == index_.end()) return nullptr;
  if (it->second->generation != generation) {
    bytes_ -= Cost(key, *it->second->response);
    lru_.erase(it->second);
    index_.erase(it);
    return nullptr;
  }
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->response;
}

void ResponseCache::Put(const std::string& key, uint64_t generation, std::shared_ptr<const CachedResponse> response) {
  if (Cost(key, *response) > max_bytes_ / 4) return;  // one answer may not crowd out the rest
  std::lock_guard<std::mutex> lock(mu_);
  if (auto it = index_.find(key); it != index_.end()) {
    bytes_ -= Cost(key, *it->second->response);
    lru_.erase(it->second);
    index_.erase(it);
  }
  bytes_ += Cost(key, *response);
  lru_.push_front({key, generation, std::move(response)});
  index_[key] = lru_.begin();
  EvictLocked();
}

void ResponseCache::EvictLocked() {
  while (bytes_ > max_bytes_ && !lru_.empty()) {
    const Entry& last = lru_.back();
    bytes_ -= Cost(last.key, *last.response);
    index_.erase(last.key);
    lru_.pop_back();
  }
}

std::shared_ptr<const CachedResponse> ResponseCache::GetOrCompute(
    const std::string& key, const std::function<std::shared_ptr<const CachedResponse>()>& compute) {
  const uint64_t generation = this->generation();
  if (auto hit = Find(key, generation)) return hit;
  std::shared_ptr<Flight> flight;
  {
    std::unique_lock<std::mutex> lock(mu_);
    auto [it, first] = flights_.try_emplace(key, nullptr);
    if (!first) {
      flight = it->second;
      landed_.wait(lock, [&] { return flight->done; });
      return flight->response;
    }
    it->second = flight = std::make_shared<Flight>();
  }
  std::shared_ptr<const CachedResponse> response = compute();
  if (response->status == 200) Put(key, generation, response);
  {
    std::lock_guard<std::mutex> lock(mu_);
    flight->response = response;
    flight->done = true;
    flights_.erase(key);
  }
  landed_.notify_all();
  return response;
}

size_t ResponseCache::bytes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return bytes_;
}

size_t ResponseCache::entries() const {
  std::lock_guard<std::mutex> lock(mu_);
  return lru_.size();
}

}  // namespace sitrep::serve
