#include "serve/reader_pool.h"

namespace sitrep::serve {

ReaderPool::Lease::~Lease() {
  if (store_) pool_->Release(std::move(store_));
}

Result<ReaderPool::Lease> ReaderPool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      std::unique_ptr<Store> store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(store));
    }
  }
  Result<std::unique_ptr<Store>> store = Store::OpenReadOnly(db_);
  if (!store.ok()) return store.status();
  return Lease(this, std::move(*store));
}

void ReaderPool::Release(std::unique_ptr<Store> store) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(store));
}

}  // namespace sitrep::serve
