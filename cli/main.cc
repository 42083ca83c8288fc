#include <malloc.h>

#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  // Keep freed heap for reuse instead of handing it back to the kernel at every free:
  // a query or a document that briefly needs a few hundred kilobytes otherwise costs a
  // brk() up and down each time (half the system time of an export of a million events).
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_TOP_PAD, 16 << 20);
  CLI::App app{"sitrep: news reports in, a traceable record of events out"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "sitrep 0.1.0");
  app.footer(
      "Exit codes: 0 done; 1 done, but some inputs failed (see the failures);\n"
      "2 bad command line; 3 not found; 4 I/O; 12 store error; others name the error code.\n"
      "Run 'sitrep COMMAND --help' for each command.");
  int exit_code = sitrep::cli::kExitOk;
  sitrep::cli::AddIngestCommand(app, &exit_code);
  sitrep::cli::AddAnnotateCommand(app, &exit_code);
  sitrep::cli::AddShowCommand(app, &exit_code);
  sitrep::cli::AddEventsCommand(app, &exit_code);
  sitrep::cli::AddSearchCommand(app, &exit_code);
  sitrep::cli::AddTrainCommand(app, &exit_code);
  sitrep::cli::AddEvalCommand(app, &exit_code);
  sitrep::cli::AddServeCommand(app, &exit_code);
  sitrep::cli::AddExportCommand(app, &exit_code);
  sitrep::cli::AddConsolidateCommand(app, &exit_code);
  sitrep::cli::AddExplainCommand(app, &exit_code);
  sitrep::cli::AddMergeCommand(app, &exit_code);
  sitrep::cli::AddSubmitCommand(app, &exit_code);
  sitrep::cli::AddWorkerCommand(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : sitrep::cli::kExitUsage;
  }
  return exit_code;
}
