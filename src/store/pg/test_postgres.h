// A throwaway PostgreSQL server for tests: initdb into a temporary directory, a server
// listening only on 127.0.0.1 (a free port) and on a unix socket in that directory,
// stopped and removed when the object goes away.
//
// PostgreSQL refuses to run as root, and tests here and in CI run as root: then the
// server runs as `nobody` (runuser), in a directory handed over to it.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "sitrep/status.h"

namespace sitrep::pg {

class TestPostgres {
 public:
  // The server binaries: $SITREP_PG_BIN, or Debian 12's PostgreSQL 15.
  static std::string BinDir();
  // Whether BinDir() has initdb and pg_ctl: when not, tests that need a server skip.
  static bool Available();

  // Starts a server; the error carries the server's log when it would not start.
  static Result<std::unique_ptr<TestPostgres>> Start();
  ~TestPostgres();

  // A new, empty database on the server, and its URI.
  Result<std::string> NewDatabase(const std::string& name);
  std::string Uri(const std::string& database) const;
  int port() const { return port_; }

 private:
  TestPostgres() = default;
  // Runs `command` (as the server's user when we are root); its output goes to `log`.
  Status Run(const std::string& command, const std::string& log) const;

  std::filesystem::path dir_;
  int port_ = 0;
  bool started_ = false;
  bool as_nobody_ = false;
};

}  // namespace sitrep::pg
