// sitrep export --db FILE --format F [filters] [--out FILE]: the event record for
// other tools, streamed (see src/store/export/export.h).
#include <fmt/format.h>

#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "sitrep/store.h"
#include "store/export/export.h"

namespace sitrep::cli {

namespace {

struct ExportArgs {
  std::string db = "sitrep.db";
  std::string format = "csv";
  std::string out;
  EventFilter filter;
  std::string types;
  double lat = 0, lon = 0, radius_km = 0;
  int64_t story = 0, doc = 0, actor_id = 0;
};

int RunExport(ExportArgs& args) {
  auto format = exporting::ParseExportFormat(args.format);
  if (!format.ok()) return ReportError(format.status()), kExitUsage;
  EventFilter& f = args.filter;
  for (size_t b = 0; b < args.types.size();) {
    size_t e = args.types.find(',', b);
    if (e == std::string::npos) e = args.types.size();
    if (e > b) f.types.push_back(args.types.substr(b, e - b));
    b = e + 1;
  }
  if (args.radius_km > 0) f.latitude = args.lat, f.longitude = args.lon, f.radius_km = args.radius_km;
  if (args.story) f.story_id = args.story;
  if (args.doc) f.doc_id = args.doc;
  if (args.actor_id) f.actor_id = args.actor_id;
  auto store = Store::Open(args.db);
  if (!store.ok()) return ReportError(store.status());
  FILE* out = stdout;
  if (!args.out.empty() && !(out = std::fopen(args.out.c_str(), "wb")))
    return ReportError(Status(Code::kIo, fmt::format("cannot write {}", args.out)));
  bool write_failed = false;
  Status status = exporting::Export(**store, f, *format, [&](std::string_view chunk) {
    write_failed = std::fwrite(chunk.data(), 1, chunk.size(), out) != chunk.size();
    return !write_failed;
  });
  if (out != stdout && std::fclose(out) != 0) write_failed = true;
  if (!status.ok()) return ReportError(status);
  if (write_failed) return ReportError(Status(Code::kIo, fmt::format("writing {} failed", args.out.empty() ? "the output" : args.out)));
  return kExitOk;
}

}  // namespace

void AddExportCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ExportArgs>();
  EventFilter& f = args->filter;
  CLI::App* cmd = app.add_subcommand("export", "Write the events as PLOVER, GDELT, CSV, GeoJSON or GraphML");
  cmd->add_option("--db", args->db, "The store")->capture_default_str();
  cmd->add_option("--format", args->format, "plover, gdelt, gdelt-mentions, csv, geojson, graphml or corrections")
      ->capture_default_str();
  cmd->add_option("--out", args->out, "Output file (default: standard output)");
  cmd->add_option("--from", f.date_from, "Earliest date, inclusive (2024, 2024-09, 2024-09-16)");
  cmd->add_option("--to", f.date_to, "Latest date, inclusive");
  cmd->add_option("--type", args->types, "PLOVER types, comma-separated");
  cmd->add_option("--cameo-root", f.cameo_root, "CAMEO root code (two digits)");
  cmd->add_option("--actor", f.actor, "Actor code, as source or target (PAKGOV)");
  cmd->add_option("--actor-role", f.actor_role, "any, source or target")->capture_default_str();
  cmd->add_option("--actor-id", args->actor_id, "A named actor's id");
  cmd->add_option("--country", f.country, "ISO 3166-1 alpha-3 code of where it happened");
  cmd->add_option("--lat", args->lat, "Latitude (with --lon and --radius-km)");
  cmd->add_option("--lon", args->lon, "Longitude");
  cmd->add_option("--radius-km", args->radius_km, "Radius around --lat/--lon");
  cmd->add_option("--story", args->story, "Story id");
  cmd->add_option("--source", f.source, "Outlet of a reporting document");
  cmd->add_option("--doc", args->doc, "A reporting document's id");
  cmd->add_option("-q,--query", f.text, "Full-text search over the reporting documents");
  cmd->add_flag("--include-rejected", f.include_rejected, "Also events marked wrong or merged");
  cmd->callback([args, exit_code] { *exit_code = RunExport(*args); });
}

}  // namespace sitrep::cli
