// The OpenAPI 3.0 description of the HTTP API, served at /api/openapi.json. Written
// by hand next to the routes (api_read.cc, server.cc); serve_test checks that every
// route is described.
#include <nlohmann/json.hpp>

#include "serve/api.h"

namespace sitrep::serve {

using nlohmann::json;

namespace {

json Param(const char* name, const char* type, const char* description, const char* in = "query") {
  json p = {{"name", name}, {"in", in}, {"description", description}, {"schema", {{"type", type}}}};
  if (std::string(in) == "path") p["required"] = true;
  return p;
}

json FilterParameters() {
  return json::array({
      Param("from", "string", "Earliest date, inclusive: 2024, 2024-09 or 2024-09-16"),
      Param("to", "string", "Latest date, inclusive"),
      Param("type", "string", "PLOVER event types, comma-separated or repeated: ASSAULT,ACCUSE"),
      Param("cameo_root", "string", "CAMEO root code, two digits: 19"),
      Param("actor", "string", "Actor code, as source or target (see actor_role): PAKGOV"),
      Param("actor_role", "string", "any (default), source or target"),
      Param("actor_id", "integer", "A named actor of /api/actors"),
      Param("country", "string", "ISO 3166-1 alpha-3 code of where it happened: PAK"),
      Param("lat", "number", "Latitude of a place; with lon and radius_km"),
      Param("lon", "number", "Longitude of a place"),
      Param("radius_km", "number", "Radius around lat/lon, in km (at most 20000)"),
      Param("story", "integer", "Story id"),
      Param("source", "string", "Outlet of a reporting document"),
      Param("doc", "integer", "A reporting document's id"),
      Param("q", "string", "Full-text search (FTS5) over the reporting documents"),
      Param("include_rejected", "boolean", "Also events marked wrong or merged into another"),
  });
}

json Page() {
  return json::array({Param("offset", "integer", "Rows to skip (default 0)"),
                      Param("limit", "integer", "Rows to return, 1 to 1000 (default 50)")});
}

json Concat(json a, const json& b) {
  for (const json& x : b) a.push_back(x);
  return a;
}

json Get(const char* summary, json parameters) {
  return {{"get",
           {{"summary", summary},
            {"parameters", std::move(parameters)},
            {"responses",
             {{"200", {{"description", "JSON; ETag set, If-None-Match answered with 304"}}},
              {"400", {{"description", "a bad parameter: {\"error\": {\"status\", \"message\"}}"}}},
              {"404", {{"description", "no such id"}}}}}}}};
}

json Write(const char* summary, json parameters, const char* body) {
  return {{"post",
           {{"summary", summary},
            {"security", json::array({{{"bearer", json::array()}}})},
            {"parameters", std::move(parameters)},
            {"requestBody", {{"description", body}, {"required", true}}},
            {"responses",
             {{"201", {{"description", "written"}}},
              {"400", {{"description", "a bad body"}}},
              {"401", {{"description", "no or wrong token"}}},
              {"403", {{"description", "the server was started without a token: read-only"}}}}}}}};
}

}  // namespace

const json& OpenApi() {
  static const json kSpec = [] {
    json id = json::array({Param("id", "integer", "Id", "path")});
    json paths = {
        {"/api/health", Get("Counts of the store and its schema version", json::array())},
        {"/api/types", Get("The PLOVER event types and quad classes", json::array())},
        {"/api/events", Get("Events, newest first, filtered and paged", Concat(FilterParameters(), Page()))},
        {"/api/events/{id}", Get("One event with every mention, its evidence in context, and its corrections", id)},
        {"/api/corrections", Get("The corrections layer", json::array({Param("event", "integer", "Only this event's")}))},
        {"/api/documents", Get("Documents, newest first", Concat(json::array({Param("q", "string", "FTS5 query")}), Page()))},
        {"/api/documents/{id}", Get("One document: text, metadata, every annotation layer with offsets, its events", id)},
        {"/api/actors", Get("Named actors", Concat(json::array({Param("q", "string", "Part of a name or code")}), Page()))},
        {"/api/actors/{key}",
         Get("A named actor (numeric id: roles over time) or an actor code (PAKGOV): events as source and target",
             json::array({Param("key", "string", "Actor id or actor code", "path")}))},
        {"/api/stories", Get("Stories: documents about the same happening", Page())},
        {"/api/stories/{id}", Get("One story with its documents and events", id)},
        {"/api/places", Get("Event counts and deaths by place", Concat(FilterParameters(),
                                                                         json::array({Param("limit", "integer", "Places, 1 to 5000 (default 500)")})))},
        {"/api/aggregates/counts",
         Get("Event counts by period x type x country",
             Concat(FilterParameters(), json::array({Param("bucket", "string", "day, week or month (default)"),
                                                     Param("by", "string", "type (default), country, or type,country")})))},
        {"/api/aggregates/casualties", Get("Killed and injured by country, province and month", FilterParameters())},
        {"/api/aggregates/network",
         Get("Actor network: actor-code pairs with event counts by quad class",
             Concat(FilterParameters(), json::array({Param("limit", "integer", "Edges, 1 to 5000 (default 150)")})))},
        {"/api/export",
         Get("The matching events as a file, streamed",
             Concat(FilterParameters(),
                    json::array({Param("format", "string",
                                       "plover, gdelt, gdelt-mentions, csv (default), geojson, graphml, corrections")})))},
        {"/api/openapi.json", Get("This description", json::array())},
    };
    paths["/api/events/{id}/corrections"] =
        Write("Correct an event: mark_wrong, restore, set_type, set_actors, set_date, merge, split", id,
              "{\"action\": \"set_type\", \"payload\": {\"type\": \"ACCUSE\"}, \"author\": \"name\", \"note\": \"why\"}");
    paths["/api/documents"]["post"] =
        Write("Ingest an article through the pipeline and store it",
              json::array({Param("url", "string", "Its URL"), Param("source", "string", "Its outlet")}),
              "The article as text/plain, text/html or a JSON object (application/json)")["post"];
    return json{{"openapi", "3.0.3"},
                {"info",
                 {{"title", "sitrep"},
                  {"version", "0.1.0"},
                  {"description", "The event record of a sitrep store: events with their evidence, documents with "
                                  "their annotations, actors, stories, places, aggregates, exports and corrections. "
                                  "Read-only unless the server has a token."}}},
                {"components", {{"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}}}},
                {"paths", paths}};
  }();
  return kSpec;
}

}  // namespace sitrep::serve
