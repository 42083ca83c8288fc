// --actors FILE and --agents FILE: the user's PETRARCH/TABARI dictionaries
// (docs/dictionaries.md), for every command that runs the default pipeline; --verbs FILE:
// their verb dictionaries, for the commands that code with them (`eval petrarch`,
// `eval tabari`).
#pragma once

#include <CLI/CLI.hpp>
#include <iostream>

#include "sitrep/pipeline.h"

namespace sitrep::cli {

inline void AddDictionaryFlags(CLI::App* cmd, DictionaryOptions* options) {
  cmd->add_option("--actors", options->actors,
                  "A PETRARCH/TABARI actor dictionary, looked up before sitrep's own (repeatable)")
      ->allow_extra_args(false);  // one file per flag: "--actors F news/" leaves news/ an input
  cmd->add_option("--agents", options->agents,
                  "A PETRARCH/TABARI agent dictionary: offices and roles composed with the country (repeatable)")
      ->allow_extra_args(false);
  options->warn = [](const std::string& warning) { std::cerr << "sitrep: warning: " << warning << "\n"; };
}

inline void AddVerbFlags(CLI::App* cmd, std::vector<std::string>* verbs) {
  cmd->add_option("--verbs", *verbs,
                  "A PETRARCH-2 or TABARI verb dictionary: verbs, their patterns and CAMEO codes (repeatable)")
      ->allow_extra_args(false);
}

}  // namespace sitrep::cli
