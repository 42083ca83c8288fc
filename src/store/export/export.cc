// Dispatch, and the simple exports: CSV, GeoJSON, GraphML and the corrections layer.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "store/export/desk_json.h"
#include "store/export/export_internal.h"

namespace sitrep::exporting {

using nlohmann::json;

namespace {

struct FormatInfo {
  ExportFormat format;
  std::string_view name, content_type, extension;
};
constexpr FormatInfo kFormats[] = {
    {ExportFormat::kPlover, "plover", "application/x-ndjson", "jsonl"},
    {ExportFormat::kGdelt, "gdelt", "text/tab-separated-values; charset=utf-8", "export.CSV"},
    {ExportFormat::kGdeltMentions, "gdelt-mentions", "text/tab-separated-values; charset=utf-8", "mentions.CSV"},
    {ExportFormat::kCsv, "csv", "text/csv; charset=utf-8", "csv"},
    {ExportFormat::kGeojson, "geojson", "application/geo+json", "geojson"},
    {ExportFormat::kGraphml, "graphml", "application/graphml+xml", "graphml"},
    {ExportFormat::kCorrections, "corrections", "application/x-ndjson", "corrections.jsonl"},
};

const FormatInfo& Info(ExportFormat format) {
  for (const FormatInfo& f : kFormats)
    if (f.format == format) return f;
  return kFormats[0];
}

std::string Csv(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

template <typename T>
std::string Num(const std::optional<T>& v) {
  return v ? fmt::format("{}", *v) : "";
}

Status ExportCsv(Store& store, const EventFilter& filter, const Writer& write) {
  Buffered out(write);
  out.Add("id,date,type,cameo,quad_class,goldstein,source_actor,target_actor,place,admin1,country,latitude,"
          "longitude,killed,injured,confidence,mentions,story_id,status,merged_into,coded_by\n");
  return store.ForEachEvent(filter, [&](const DeskEvent& e) {
    return out.Add(fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", e.id, Csv(e.date),
                               e.type, Csv(e.cameo), e.quad_class ? fmt::format("{}", e.quad_class) : "",
                               Num(e.goldstein), Csv(e.source_actor), Csv(e.target_actor), Csv(e.place),
                               Csv(e.admin1), Csv(e.country), Num(e.latitude), Num(e.longitude), Num(e.killed),
                               Num(e.injured), e.confidence, e.mentions, Num(e.story_id), e.status,
                               Num(e.merged_into), e.coded_by));
  });
}

Status ExportGeojson(Store& store, const EventFilter& filter, const Writer& write) {
  Buffered out(write);
  out.Add("{\"type\":\"FeatureCollection\",\"features\":[\n");
  bool first = true;
  Status status = store.ForEachEvent(filter, [&](const DeskEvent& e) {
    if (!e.latitude || !e.longitude) return true;
    json properties = ToJson(e);
    properties.erase("latitude"), properties.erase("longitude");
    json feature = {{"type", "Feature"},
                    {"id", e.id},
                    {"geometry", {{"type", "Point"}, {"coordinates", {*e.longitude, *e.latitude}}}},
                    {"properties", properties}};
    bool more = out.Add((first ? "" : ",\n") + feature.dump());
    first = false;
    return more;
  });
  out.Add("\n]}\n");
  return status;
}

std::string Xml(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// The actor network: nodes are actor codes, one edge per (source, target, quad class)
// weighted by its event count. The edges come aggregated from the store (at most
// 100,000), so memory depends on the number of actor pairs, not of events.
Status ExportGraphml(Store& store, const EventFilter& filter, const Writer& write) {
  Result<std::vector<NetworkEdge>> edges = store.ActorNetwork(filter, 5000);
  if (!edges.ok()) return edges.status();
  Buffered out(write);
  out.Add(R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="country" for="node" attr.name="country" attr.type="string"/>
  <key id="sector" for="node" attr.name="sector" attr.type="string"/>
  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>
  <key id="quad_class" for="edge" attr.name="quad_class" attr.type="int"/>
  <graph id="actors" edgedefault="directed">
)");
  std::vector<std::string> nodes;
  for (const NetworkEdge& e : *edges)
    for (const std::string* code : {&e.source, &e.target})
      if (std::find(nodes.begin(), nodes.end(), *code) == nodes.end()) nodes.push_back(*code);
  for (const std::string& code : nodes)
    out.Add(fmt::format("    <node id=\"{0}\"><data key=\"country\">{1}</data><data key=\"sector\">{2}</data></node>\n",
                        Xml(code), Xml(code.substr(0, 3)), Xml(code.size() > 3 ? code.substr(3) : "")));
  int n = 0;
  for (const NetworkEdge& e : *edges)
    out.Add(fmt::format("    <edge id=\"e{}\" source=\"{}\" target=\"{}\"><data key=\"weight\">{}</data>"
                        "<data key=\"quad_class\">{}</data></edge>\n",
                        n++, Xml(e.source), Xml(e.target), e.events, e.quad_class));
  out.Add("  </graph>\n</graphml>\n");
  return Status::Ok();
}

Status ExportCorrections(Store& store, const Writer& write) {
  Buffered out(write);
  return store.ForEachCorrection(std::nullopt, [&](const Correction& c) {
    return out.Add(ToJson(c).dump() + "\n");
  });
}

}  // namespace

Result<ExportFormat> ParseExportFormat(std::string_view name) {
  for (const FormatInfo& f : kFormats)
    if (f.name == name) return f.format;
  return Status(Code::kInvalidArgument,
                fmt::format("export format '{}' is not one of plover, gdelt, gdelt-mentions, csv, geojson, graphml, "
                            "corrections",
                            name));
}

std::string_view ContentType(ExportFormat format) { return Info(format).content_type; }
std::string_view FileExtension(ExportFormat format) { return Info(format).extension; }

std::string CompactDay(const std::string& iso) {
  std::string y = iso.substr(0, 4), m = iso.size() >= 7 ? iso.substr(5, 2) : "01",
              d = iso.size() >= 10 ? iso.substr(8, 2) : "01";
  return y + m + d;
}

std::string CompactTime(const std::string& iso) {
  std::string out = CompactDay(iso);
  for (size_t at : {11, 14, 17}) out += iso.size() >= at + 2 ? iso.substr(at, 2) : "00";
  return out;
}

Status Export(Store& store, const EventFilter& filter, ExportFormat format, const Writer& write) {
  switch (format) {
    case ExportFormat::kPlover: return ExportPlover(store, filter, write);
    case ExportFormat::kGdelt: return ExportGdeltEvents(store, filter, write);
    case ExportFormat::kGdeltMentions: return ExportGdeltMentions(store, filter, write);
    case ExportFormat::kCsv: return ExportCsv(store, filter, write);
    case ExportFormat::kGeojson: return ExportGeojson(store, filter, write);
    case ExportFormat::kGraphml: return ExportGraphml(store, filter, write);
    case ExportFormat::kCorrections: return ExportCorrections(store, write);
  }
  return Status(Code::kInternal, "unknown export format");
}

}  // namespace sitrep::exporting
