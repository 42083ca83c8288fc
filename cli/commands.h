// The sitrep command line: one file per subcommand, each registering itself here.
#pragma once

#include <CLI/CLI.hpp>

#include "sitrep/status.h"

namespace sitrep::cli {

// Exit codes. Anything else is the Code number of the error that stopped the command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitSomeFailed = 1;   // done, but some inputs could not be read
inline constexpr int kExitUsage = 2;        // the command line makes no sense

// Each Add* registers a subcommand whose callback stores its exit code in `*exit_code`.
void AddIngestCommand(CLI::App& app, int* exit_code);
void AddAnnotateCommand(CLI::App& app, int* exit_code);
void AddShowCommand(CLI::App& app, int* exit_code);
void AddEventsCommand(CLI::App& app, int* exit_code);
void AddSearchCommand(CLI::App& app, int* exit_code);

// Prints an error the way every command does and returns the exit code for it.
int ReportError(const Status& status);

}  // namespace sitrep::cli
