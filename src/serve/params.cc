#include "serve/params.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace sitrep::serve {

namespace {
Status Bad(const std::string& name, const std::string& why) {
  return Status(Code::kInvalidArgument, fmt::format("parameter '{}': {}", name, why));
}
// Shown in messages: enough of a bad value to recognise it, never a flood.
std::string Shown(const std::string& text) { return text.size() > 60 ? text.substr(0, 60) + "…" : text; }
}  // namespace

const std::set<std::string>& FilterParams() {
  static const std::set<std::string> kNames = {"from",    "to",        "type",   "cameo_root", "actor", "actor_role",
                                               "actor_id", "country",  "lat",    "lon",        "radius_km",
                                               "story",   "source",    "doc",    "q",          "include_rejected"};
  return kNames;
}

Status CheckKnown(const Params& params, const std::set<std::string>& allowed, bool with_filter) {
  for (const auto& [name, value] : params) {
    if (allowed.count(name) || (with_filter && FilterParams().count(name))) continue;
    return Status(Code::kInvalidArgument, fmt::format("unknown parameter '{}'", Shown(name)));
  }
  return Status::Ok();
}

Result<std::string> One(const Params& params, const std::string& name, const std::string& fallback) {
  auto [begin, end] = params.equal_range(name);
  if (begin == end) return fallback;
  if (std::next(begin) != end) return Bad(name, "given more than once");
  if (begin->second.size() > 1000) return Bad(name, "longer than 1000 bytes");
  return begin->second;
}

Result<int64_t> ParseInt(const std::string& name, const std::string& text) {
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size())
    return Bad(name, fmt::format("'{}' is not a whole number", Shown(text)));
  return value;
}

Result<double> ParseReal(const std::string& name, const std::string& text) {
  char* end = nullptr;
  double value = text.empty() ? 0 : std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(value))
    return Bad(name, fmt::format("'{}' is not a number", Shown(text)));
  return value;
}

Result<EventFilter> ParseFilter(const Params& params) {
  EventFilter f;
  auto text = [&](const char* name, std::string* out) -> Status {
    Result<std::string> v = One(params, name);
    if (!v.ok()) return v.status();
    *out = *v;
    return Status::Ok();
  };
  auto integer = [&](const char* name, std::optional<int64_t>* out) -> Status {
    Result<std::string> v = One(params, name);
    if (!v.ok()) return v.status();
    if (v->empty()) return Status::Ok();
    Result<int64_t> n = ParseInt(name, *v);
    if (!n.ok()) return n.status();
    *out = *n;
    return Status::Ok();
  };
  auto real = [&](const char* name, std::optional<double>* out) -> Status {
    Result<std::string> v = One(params, name);
    if (!v.ok()) return v.status();
    if (v->empty()) return Status::Ok();
    Result<double> n = ParseReal(name, *v);
    if (!n.ok()) return n.status();
    *out = *n;
    return Status::Ok();
  };
  SITREP_RETURN_IF_ERROR(text("from", &f.date_from));
  SITREP_RETURN_IF_ERROR(text("to", &f.date_to));
  auto [begin, end] = params.equal_range("type");
  for (auto it = begin; it != end; ++it) {
    const std::string& list = it->second;
    for (size_t b = 0; b <= list.size();) {
      size_t e = list.find(',', b);
      if (e == std::string::npos) e = list.size();
      if (e > b) f.types.push_back(list.substr(b, e - b));
      b = e + 1;
    }
  }
  if (f.types.size() > 16) return Bad("type", "at most 16 types");
  SITREP_RETURN_IF_ERROR(text("cameo_root", &f.cameo_root));
  SITREP_RETURN_IF_ERROR(text("actor", &f.actor));
  SITREP_RETURN_IF_ERROR(text("actor_role", &f.actor_role));
  if (f.actor_role.empty()) f.actor_role = "any";
  SITREP_RETURN_IF_ERROR(integer("actor_id", &f.actor_id));
  SITREP_RETURN_IF_ERROR(text("country", &f.country));
  SITREP_RETURN_IF_ERROR(real("lat", &f.latitude));
  SITREP_RETURN_IF_ERROR(real("lon", &f.longitude));
  SITREP_RETURN_IF_ERROR(real("radius_km", &f.radius_km));
  SITREP_RETURN_IF_ERROR(integer("story", &f.story_id));
  SITREP_RETURN_IF_ERROR(text("source", &f.source));
  SITREP_RETURN_IF_ERROR(integer("doc", &f.doc_id));
  SITREP_RETURN_IF_ERROR(text("q", &f.text));
  std::string rejected;
  SITREP_RETURN_IF_ERROR(text("include_rejected", &rejected));
  if (rejected == "1" || rejected == "true") f.include_rejected = true;
  else if (!rejected.empty() && rejected != "0" && rejected != "false")
    return Bad("include_rejected", "must be true or false");
  return f;
}

Result<Page> ParsePage(const Params& params, int default_limit, int max_limit) {
  Page page;
  page.limit = default_limit;
  Result<std::string> offset = One(params, "offset"), limit = One(params, "limit");
  if (!offset.ok()) return offset.status();
  if (!limit.ok()) return limit.status();
  if (!offset->empty()) {
    Result<int64_t> n = ParseInt("offset", *offset);
    if (!n.ok()) return n.status();
    if (*n < 0 || *n > 10'000'000) return Bad("offset", "must be between 0 and 10000000");
    page.offset = *n;
  }
  if (!limit->empty()) {
    Result<int64_t> n = ParseInt("limit", *limit);
    if (!n.ok()) return n.status();
    if (*n < 1 || *n > max_limit) return Bad("limit", fmt::format("must be between 1 and {}", max_limit));
    page.limit = static_cast<int>(*n);
  }
  return page;
}

}  // namespace sitrep::serve
