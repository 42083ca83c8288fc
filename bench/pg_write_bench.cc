// pg_write_bench CODED --db postgresql://...: what writing coded documents to a
// PostgreSQL store costs, per article, on both ends of the connection.
//
// The coded records (`sitrep annotate --format coded`) are parsed first, untimed, so
// what is timed is Store::WriteBatch alone: its CPU time in this thread (building the
// statements' parameters, libpq) and the server's CPU time over the same interval
// (every process of the server's postmaster, from /proc: the backend serving us, the
// WAL writer, the checkpointer, and children that exited meanwhile). It only makes
// sense with a server on this machine that nothing else is using. bench/run_queue_bench.sh
// starts one (PARTS=write); docs/scale-out.md has the results.
#include <fmt/format.h>
#include <time.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <pqxx/pqxx>
#include <sstream>

#include "sitrep/store.h"
#include "store/doc_wire.h"

namespace {

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A process's own CPU time in nanoseconds (schedstat is exact, not in clock ticks).
double OwnCpuSeconds(int pid) {
  std::istringstream in(Slurp(fmt::format("/proc/{}/schedstat", pid)));
  double ns = 0;
  in >> ns;
  return ns / 1e9;
}

// Fields 14-17 of /proc/PID/stat: utime, stime, cutime, cstime, in clock ticks. The
// command name (field 2) may hold spaces, so fields are counted after its ')'.
double ReapedChildrenCpuSeconds(int pid) {
  const std::string stat = Slurp(fmt::format("/proc/{}/stat", pid));
  std::istringstream in(stat.substr(stat.rfind(')') + 2));
  std::string field;
  double ticks = 0;
  for (int i = 3; i <= 17 && in >> field; ++i)
    if (i >= 16) ticks += std::stod(field);
  return ticks / sysconf(_SC_CLK_TCK);
}

// All CPU the server has used: its postmaster, every live child, and the children it
// has reaped (a backend that exited, an autovacuum worker).
double ServerCpuSeconds(int postmaster) {
  double total = OwnCpuSeconds(postmaster) + ReapedChildrenCpuSeconds(postmaster);
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string name = entry.path().filename();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    const std::string status = Slurp(entry.path() / "status");
    const size_t at = status.find("\nPPid:\t");
    if (at != std::string::npos && std::atoi(status.c_str() + at + 7) == postmaster)
      total += OwnCpuSeconds(std::stoi(name));
  }
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("Times Store::WriteBatch of coded documents into PostgreSQL, client and server CPU");
  std::string coded, db;
  size_t batch_size = 16;
  app.add_option("coded", coded, "Coded records (sitrep annotate --format coded)")->required();
  app.add_option("--db", db, "A postgresql:// store on this machine")->required();
  app.add_option("--batch", batch_size, "Documents per WriteBatch")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  std::vector<sitrep::Outcome> outcomes;
  std::ifstream in(coded);
  for (std::string line; std::getline(in, line);) {
    auto outcome = sitrep::OutcomeFromWire(line);
    if (!outcome.ok()) return std::cerr << outcome.status().ToString() << "\n", 1;
    outcomes.push_back(std::move(*outcome));
  }
  int postmaster = 0;
  {
    pqxx::connection conn(db);
    pqxx::nontransaction tx(conn);
    const int backend = tx.exec1("SELECT pg_backend_pid()")[0].as<int>();
    const std::string status = Slurp(fmt::format("/proc/{}/status", backend));
    postmaster = std::atoi(status.c_str() + status.find("\nPPid:\t") + 7);
  }
  auto store = sitrep::Store::Open(db);  // creates or upgrades the tables: not timed
  if (!store.ok()) return std::cerr << store.status().ToString() << "\n", 1;
  if (outcomes.empty()) return 0;

  const double server_before = ServerCpuSeconds(postmaster);
  const auto wall_before = std::chrono::steady_clock::now();
  double client = 0;
  sitrep::BatchStats total;
  for (size_t begin = 0; begin < outcomes.size(); begin += batch_size) {
    std::vector<sitrep::Outcome> batch(std::make_move_iterator(outcomes.begin() + begin),
                                       std::make_move_iterator(outcomes.begin() + std::min(outcomes.size(),
                                                                                           begin + batch_size)));
    const double t0 = ThreadCpuSeconds();
    auto stats = (*store)->WriteBatch(batch);
    client += ThreadCpuSeconds() - t0;
    if (!stats.ok()) return std::cerr << stats.status().ToString() << "\n", 1;
    total += *stats;
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_before).count();
  const double server = ServerCpuSeconds(postmaster) - server_before;
  const double n = static_cast<double>(outcomes.size());
  std::cout << fmt::format(
      "pg_write: docs={} added={} unchanged={} batch={} wall_s={:.2f} client_cpu_s={:.3f} server_cpu_s={:.3f} "
      "client_ms_per_doc={:.3f} server_ms_per_doc={:.3f} total_ms_per_doc={:.3f}\n",
      outcomes.size(), total.added, total.unchanged, batch_size, wall, client, server, 1000 * client / n,
      1000 * server / n, 1000 * (client + server) / n);
  return 0;
}
