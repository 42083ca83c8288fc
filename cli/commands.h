// The sitrep command line: one file per subcommand, each registering itself here.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

#include "sitrep/pipeline.h"
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
void AddTrainCommand(CLI::App& app, int* exit_code);
void AddEvalCommand(CLI::App& app, int* exit_code);
void AddServeCommand(CLI::App& app, int* exit_code);
void AddExportCommand(CLI::App& app, int* exit_code);
void AddConsolidateCommand(CLI::App& app, int* exit_code);  // cli/consolidate_command.cc
void AddExplainCommand(CLI::App& app, int* exit_code);      // cli/explain_command.cc
void AddMergeCommand(CLI::App& app, int* exit_code);        // cli/merge_command.cc
void AddSubmitCommand(CLI::App& app, int* exit_code);       // cli/submit_command.cc
void AddWorkerCommand(CLI::App& app, int* exit_code);       // cli/worker_command.cc
// `eval extraction` under the `eval` subcommand that eval_command.cc creates.
void AddEvalExtraction(CLI::App& eval);
// `eval ner` and `train ner` / `train gazetteer` (cli/eval_ner.cc, cli/train_ner.cc).
void AddEvalNer(CLI::App& eval);
void AddTrainNer(CLI::App& train);
void AddTrainPlaces(CLI::App& train);  // cli/train_places.cc
// `eval timex` under the `eval` subcommand (cli/eval_timex.cc).
void AddEvalTimex(CLI::App& eval);
void AddEvalQuotes(CLI::App& eval);  // `eval quotes`: attributions on PolNeAR

// Prints an error the way every command does and returns the exit code for it.
int ReportError(const Status& status);

// Runs `pipeline` over a piece of plain text, as the evaluations feed it their sentences
// and documents (cli/eval_command.cc); nullopt when it fails.
std::optional<Doc> AnnotateText(const Pipeline& pipeline, const std::string& origin, const std::string& text);

}  // namespace sitrep::cli
