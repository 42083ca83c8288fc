// Query parameters of the HTTP API turned into the store's filters, with a clear
// message for every value that makes no sense. Unknown parameters are refused too, so
// a typo ("contry=PAK") is a 400 rather than a silently unfiltered answer.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>

#include "sitrep/desk.h"
#include "sitrep/status.h"

namespace sitrep::serve {

using Params = std::multimap<std::string, std::string>;

// The parameters EventFilter reads: from, to, type (repeatable or comma-separated),
// cameo_root, actor, actor_role, actor_id, country, lat, lon, radius_km, story,
// source, doc, q, include_rejected.
const std::set<std::string>& FilterParams();

// kInvalidArgument naming the first parameter not in `allowed` (nor a filter
// parameter when `with_filter`).
Status CheckKnown(const Params& params, const std::set<std::string>& allowed, bool with_filter);

Result<EventFilter> ParseFilter(const Params& params);
// offset (default 0) and limit (default `default_limit`, at most `max_limit`).
Result<Page> ParsePage(const Params& params, int default_limit = 50, int max_limit = 1000);

// The single value of `name`, or `fallback`; repeated parameters are refused.
Result<std::string> One(const Params& params, const std::string& name, const std::string& fallback = "");
// A whole number: the full text must be digits (with an optional minus).
Result<int64_t> ParseInt(const std::string& name, const std::string& text);
Result<double> ParseReal(const std::string& name, const std::string& text);

}  // namespace sitrep::serve
