// sitrep serve: the store as a JSON HTTP API, the web UI's files, and (with a token)
// writes: corrections of events and new documents through the pipeline.
//
// Threads: the HTTP library's pool of `threads` workers; each request borrows one of
// at most `threads` read-only store connections (reader_pool.h); writes go through one
// writer connection, one at a time. GET answers are cached until the store changes
// (response_cache.h) and carry an ETag; If-None-Match gets a 304. Responses are
// compressed (gzip, or brotli) when the client accepts it.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "sitrep/status.h"

namespace sitrep::serve {

struct ServeOptions {
  std::string db;                   // the store file
  std::string bind = "127.0.0.1";
  int port = 8080;                  // 0: any free port (Bind() says which)
  std::string token;                // empty: read-only; else writes need "Authorization: Bearer <token>"
  std::string static_dir;           // the built web UI; empty: API only
  unsigned threads = 32;            // worker threads = the most requests served at once
  size_t cache_bytes = 64u << 20;   // memory for cached GET answers
  size_t max_body_bytes = 32u << 20;
  std::function<void(const std::string&)> log;  // one line per write and per server error
};

class Server {
 public:
  // Opens (and if needed migrates) the store, so a bad path fails here and not on
  // the first request.
  static Result<std::unique_ptr<Server>> Create(ServeOptions options);
  ~Server();

  // Binds the address; returns the port.
  Result<int> Bind();
  // Serves until Stop() (from any thread or a signal-handling thread).
  Status Listen();
  void Stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitrep::serve
