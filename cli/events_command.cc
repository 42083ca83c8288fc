// sitrep events --db FILE: the coded events, as a table, JSON Lines or CSV.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "sitrep/store.h"
#include "store/export/export.h"

namespace sitrep::cli {

namespace {

struct EventsArgs {
  std::string db = "sitrep.db";
  std::string format = "table";
  int limit = 1000;
};

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

int RunEvents(const EventsArgs& args) {
  const bool exported = args.format == "plover" || args.format == "gdelt" || args.format == "gdelt-mentions";
  if (args.format != "table" && args.format != "jsonl" && args.format != "csv" && !exported)
    return ReportError(Status(Code::kInvalidArgument, "--format must be table, jsonl, csv, plover, gdelt or gdelt-mentions")),
           kExitUsage;
  auto store = Store::Open(args.db);
  if (!store.ok()) return ReportError(store.status());
  if (exported) {  // the published layouts, written by the exporter (sitrep export)
    Result<exporting::ExportFormat> format = exporting::ParseExportFormat(args.format);
    if (!format.ok()) return ReportError(format.status());
    Status st = exporting::Export(**store, EventFilter{}, *format, [](std::string_view bytes) {
      std::cout << bytes;
      return static_cast<bool>(std::cout);
    });
    return st.ok() ? kExitOk : ReportError(st);
  }
  auto events = (*store)->Events(args.limit);
  if (!events.ok()) return ReportError(events.status());
  if (args.format == "csv")
    std::cout << "id,date,type,mode,cameo,source_actor,target_actor,place,latitude,longitude,confidence,mentions\n";
  if (args.format == "table")
    std::cout << fmt::format("{:>6}  {:<10}  {:<10}  {:<5}  {:<8} {:<8} {:<20} {:>4}\n", "id", "date", "type", "cameo",
                             "source", "target", "place", "docs");
  // A place not geocoded has no coordinates: null, an empty CSV field, never 0,0.
  auto json_coordinate = [](std::optional<double> v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  auto csv_coordinate = [](std::optional<double> v) { return v ? fmt::format("{}", *v) : std::string(); };
  for (const EventRow& e : *events) {
    if (args.format == "jsonl") {
      nlohmann::json mentions = nlohmann::json::array();
      for (const auto& m : e.mentions)
        mentions.push_back({{"doc", m.doc_id}, {"evidence", {m.evidence.begin, m.evidence.end}}, {"confidence", m.confidence}});
      std::cout << nlohmann::json{{"id", e.id}, {"date", e.date}, {"type", e.type}, {"mode", e.mode},
                                  {"cameo", e.cameo}, {"source_actor", e.source_actor}, {"target_actor", e.target_actor},
                                  {"place", e.place}, {"latitude", json_coordinate(e.latitude)}, {"longitude", json_coordinate(e.longitude)},
                                  {"confidence", e.confidence}, {"mentions", mentions}}
                       .dump()
                << "\n";
    } else if (args.format == "csv") {
      std::cout << fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\n", e.id, e.date, e.type, CsvField(e.mode), e.cameo,
                               e.source_actor, e.target_actor, CsvField(e.place), csv_coordinate(e.latitude), csv_coordinate(e.longitude), e.confidence,
                               e.mentions.size());
    } else {
      std::cout << fmt::format("{:>6}  {:<10}  {:<10}  {:<5}  {:<8} {:<8} {:<20} {:>4}\n", e.id, e.date, e.type, e.cameo,
                               e.source_actor, e.target_actor, e.place, e.mentions.size());
    }
  }
  if (args.format == "table" && events->empty())
    std::cout << "(no events stored)\n";
  return kExitOk;
}

}  // namespace

void AddEventsCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<EventsArgs>();
  CLI::App* cmd = app.add_subcommand("events", "List the stored events");
  cmd->add_option("--db", args->db, "The store")->capture_default_str();
  cmd->add_option("--format", args->format, "table, jsonl, csv, plover (PLOVER JSON Lines), gdelt or gdelt-mentions")->capture_default_str();
  cmd->add_option("--limit", args->limit, "At most this many events")->capture_default_str();
  cmd->callback([args, exit_code] { *exit_code = RunEvents(*args); });
}

}  // namespace sitrep::cli
