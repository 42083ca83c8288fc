// The HTTP API's handlers, apart from the HTTP library: each takes a store and the
// request's parameters and returns JSON or a Status (kInvalidArgument -> 400,
// kNotFound -> 404, anything else -> 500). server.cc routes to them, checks the
// token, caches answers and sets ETags. openapi.cc describes them.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "serve/params.h"
#include "sitrep/pipeline.h"
#include "sitrep/store.h"

namespace sitrep::serve {

struct ApiRequest {
  const Params& params;
  std::vector<std::string> captures;  // the pattern's groups
  std::string body;
  std::string content_type;
};

using ReadFn = std::function<Result<nlohmann::json>(Store& store, const ApiRequest& request)>;

struct ReadRoute {
  std::string pattern;           // a regular expression over the path
  std::set<std::string> params;  // accepted besides the filter parameters
  bool with_filter;              // accepts the event filter parameters
  ReadFn fn;
};

// Every GET endpoint under /api/ except /api/openapi.json and /api/export.
std::vector<ReadRoute> ReadRoutes();

// The writes. `store` is the server's one writer connection; `author` who asks.
Result<nlohmann::json> PostCorrection(Store& store, int64_t event_id, const std::string& body);
Result<nlohmann::json> PostDocument(Store& store, const Pipeline& pipeline, const ApiRequest& request);

// The OpenAPI 3 description of all of the above.
const nlohmann::json& OpenApi();

}  // namespace sitrep::serve
