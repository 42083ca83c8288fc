// sitrep serve --db FILE: the store over HTTP, with the web UI (see src/serve/server.h).
#include <fmt/format.h>
#include <signal.h>

#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "serve/server.h"

namespace sitrep::cli {

namespace {

#ifndef SITREP_WEB_DIST
#define SITREP_WEB_DIST ""
#endif

struct ServeArgs {
  serve::ServeOptions options;
  bool quiet = false;
};

int RunServe(ServeArgs& args) {
  serve::ServeOptions& o = args.options;
  if (o.port < 0 || o.port > 65535) return ReportError(Status(Code::kInvalidArgument, "--port must be 0 to 65535")), kExitUsage;
  if (o.static_dir.empty() && std::filesystem::is_directory(SITREP_WEB_DIST)) o.static_dir = SITREP_WEB_DIST;
  if (!o.static_dir.empty() && !std::filesystem::is_directory(o.static_dir))
    return ReportError(Status(Code::kNotFound, fmt::format("--static {}: no such directory (build the UI: cd web && "
                                                           "npm ci && npm run build)", o.static_dir))),
           kExitUsage;
  o.log = [](const std::string& line) { std::cerr << "sitrep serve: " << line << std::endl; };

  // SIGINT and SIGTERM stop the server cleanly: blocked here, before the worker
  // threads exist (they inherit the mask), and waited for by one thread of our own.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto server = serve::Server::Create(o);
  if (!server.ok()) return ReportError(server.status());
  auto port = (*server)->Bind();
  if (!port.ok()) return ReportError(port.status());
  std::cout << fmt::format("sitrep serve: http://{}:{}/ store {}; {}; UI {}\n", o.bind, *port, o.db,
                           o.token.empty() ? "read-only" : "writes need the token",
                           o.static_dir.empty() ? "not built (API only)" : o.static_dir)
            << std::flush;
  serve::Server* running = server->get();
  std::thread waiter([&stop_signals, running] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    running->Stop();
  });
  Status listened = (*server)->Listen();
  // Listen() also returns when the socket fails: wake the waiter so it can be joined.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  if (!listened.ok()) return ReportError(listened);
  if (!args.quiet) std::cout << "sitrep serve: stopped\n";
  return kExitOk;
}

}  // namespace

void AddServeCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ServeArgs>();
  serve::ServeOptions& o = args->options;
  o.db = "sitrep.db";
  CLI::App* cmd = app.add_subcommand("serve", "Serve the store as a JSON API and the web UI");
  cmd->add_option("--db", o.db, "The store")->capture_default_str();
  cmd->add_option("--port", o.port, "TCP port (0: any free one, printed)")->capture_default_str();
  cmd->add_option("--bind", o.bind, "Address to listen on")->capture_default_str();
  cmd->add_option("--token", o.token, "Accept writes (corrections, ingest) from requests with this bearer token");
  cmd->add_option("--static", o.static_dir, "The built web UI (default: web/dist of the source tree, if built)");
  cmd->add_option("--threads", o.threads, "Worker threads: requests served at once")->capture_default_str();
  cmd->add_flag("-q,--quiet", args->quiet, "Print only the address and errors");
  cmd->callback([args, exit_code] { *exit_code = RunServe(*args); });
}

}  // namespace sitrep::cli
