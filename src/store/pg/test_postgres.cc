#include "store/pg/test_postgres.h"

#include <arpa/inet.h>
#include <fmt/format.h>
#include <netinet/in.h>
#include <pwd.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <pqxx/pqxx>
#include <sstream>

namespace sitrep::pg {

namespace fs = std::filesystem;

namespace {

// A port nobody listens on now. Another process may take it before the server does;
// Start() then tries again with another.
int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return 0;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t size = sizeof addr;
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &size) == 0)
    port = ntohs(addr.sin_port);
  close(fd);
  return port;
}

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::string TestPostgres::BinDir() {
  const char* env = std::getenv("SITREP_PG_BIN");
  return env && *env ? env : "/usr/lib/postgresql/15/bin";
}

bool TestPostgres::Available() {
  return access((BinDir() + "/initdb").c_str(), X_OK) == 0 && access((BinDir() + "/pg_ctl").c_str(), X_OK) == 0;
}

Status TestPostgres::Run(const std::string& command, const std::string& log) const {
  // Paths come from mkdtemp and BinDir: no quotes in them to escape.
  const std::string as_user = as_nobody_ ? "runuser -u nobody -- " : "";
  const std::string line = fmt::format("cd '{}' && {}{} >>'{}' 2>&1", dir_.string(), as_user, command, log);
  const int rc = std::system(line.c_str());
  if (rc == 0) return Status::Ok();
  return Status(Code::kInternal, fmt::format("`{}` failed ({}): {}", command, rc, ReadAll(log)));
}

Result<std::unique_ptr<TestPostgres>> TestPostgres::Start() {
  std::unique_ptr<TestPostgres> server(new TestPostgres());
  std::string pattern = (fs::temp_directory_path() / "sitrep-pg-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) return Status(Code::kIo, "cannot make a temporary directory");
  server->dir_ = pattern;
  if (geteuid() == 0) {
    const passwd* nobody = getpwnam("nobody");
    if (!nobody) return Status(Code::kInternal, "running as root and there is no user nobody to run PostgreSQL");
    if (chown(pattern.c_str(), nobody->pw_uid, nobody->pw_gid) != 0)
      return Status(Code::kIo, fmt::format("cannot hand {} to nobody", pattern));
    server->as_nobody_ = true;
  }
  const std::string bin = BinDir();
  const fs::path data = server->dir_ / "data";
  const std::string init_log = (server->dir_ / "initdb.log").string();
  SITREP_RETURN_IF_ERROR(server->Run(fmt::format("{}/initdb -D '{}' -U sitrep -A trust -E UTF8 --locale=C --no-sync",
                                                 bin, data.string()),
                                     init_log));
  const std::string log = (server->dir_ / "server.log").string();
  Status started;
  for (int attempt = 0; attempt < 3; ++attempt) {
    server->port_ = FreePort();
    // fsync off: the data is thrown away, and tests should not wait for the disk.
    started = server->Run(
        fmt::format("{}/pg_ctl -D '{}' -l '{}' -w -t 60 -o \"-c listen_addresses=127.0.0.1 -p {} -k '{}' "
                    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start",
                    bin, data.string(), log, server->port_, server->dir_.string()),
        (server->dir_ / "pg_ctl.log").string());
    if (started.ok()) break;
  }
  if (!started.ok()) return Status(Code::kInternal, started.message() + "\nserver log:\n" + ReadAll(log));
  server->started_ = true;
  return server;
}

TestPostgres::~TestPostgres() {
  if (started_) {
    Status stopped = Run(fmt::format("{}/pg_ctl -D '{}' -m immediate -w stop", BinDir(), (dir_ / "data").string()),
                         (dir_ / "pg_ctl.log").string());
    (void)stopped;  // nothing more to do: the directory goes anyway
  }
  if (!dir_.empty()) {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
}

std::string TestPostgres::Uri(const std::string& database) const {
  return fmt::format("postgresql://sitrep@127.0.0.1:{}/{}", port_, database);
}

Result<std::string> TestPostgres::NewDatabase(const std::string& name) {
  try {
    pqxx::connection conn(Uri("postgres"));
    pqxx::nontransaction tx(conn);
    tx.exec0("CREATE DATABASE " + tx.quote_name(name));
  } catch (const std::exception& e) {
    return Status(Code::kInternal, fmt::format("cannot create database {}: {}", name, e.what()));
  }
  return Uri(name);
}

}  // namespace sitrep::pg
