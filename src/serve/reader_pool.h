// Read-only store connections for the server's worker threads: opened once, lent to
// one request at a time, returned when it is done. There are never more connections
// than worker threads, so no request opens one of its own once the pool is warm.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "sitrep/store.h"

namespace sitrep::serve {

class ReaderPool {
 public:
  explicit ReaderPool(std::string db) : db_(std::move(db)) {}

  class Lease {
   public:
    Lease(ReaderPool* pool, std::unique_ptr<Store> store) : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    ~Lease();
    Store& store() { return *store_; }

   private:
    ReaderPool* pool_;
    std::unique_ptr<Store> store_;
  };

  // A connection, opened if none is free. Fails only if the store cannot be opened.
  Result<Lease> Acquire();

 private:
  void Release(std::unique_ptr<Store> store);

  const std::string db_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Store>> idle_;
};

}  // namespace sitrep::serve
