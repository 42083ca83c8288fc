// --actors FILE, --agents FILE and --verbs FILE: the user's PETRARCH/TABARI dictionaries
// (docs/dictionaries.md), for every command that runs the default pipeline (annotate,
// ingest, worker) and for consolidate, which codes events again with them. The evals
// (`eval petrarch`, `eval tabari`) take --verbs into a list of their own (AddVerbFlags).
#pragma once

#include <CLI/CLI.hpp>
#include <iostream>

#include "sitrep/pipeline.h"

namespace sitrep::cli {

inline constexpr const char* kVerbsHelp =
    "A PETRARCH-2 or TABARI verb dictionary: verbs, their patterns and CAMEO codes (repeatable)";

inline void AddDictionaryFlags(CLI::App* cmd, DictionaryOptions* options) {
  cmd->add_option("--actors", options->actors,
                  "A PETRARCH/TABARI actor dictionary, looked up before sitrep's own (repeatable)")
      ->allow_extra_args(false);  // one file per flag: "--actors F news/" leaves news/ an input
  cmd->add_option("--agents", options->agents,
                  "A PETRARCH/TABARI agent dictionary: offices and roles composed with the country (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--verbs", options->verbs,
                  std::string(kVerbsHelp) + "; events are also coded with it, its CAMEO code winning on the same verb")
      ->allow_extra_args(false);
  options->warn = [](const std::string& warning) { std::cerr << "sitrep: warning: " << warning << "\n"; };
}

// For the commands that code with the dictionary coder alone: --verbs fills `verbs`
// (replacing the --verbs of AddDictionaryFlags when that was added first).
inline void AddVerbFlags(CLI::App* cmd, std::vector<std::string>* verbs) {
  if (CLI::Option* existing = cmd->get_option_no_throw("--verbs")) cmd->remove_option(existing);
  cmd->add_option("--verbs", *verbs, kVerbsHelp)->allow_extra_args(false);
}

}  // namespace sitrep::cli
