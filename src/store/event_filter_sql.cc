#include "store/event_filter_sql.h"

#include "store/search_query.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <regex>
#include <set>

namespace sitrep::sqlite {

namespace {

constexpr double kKmPerDegree = 111.32;  // of latitude; of longitude at the equator
constexpr double kPi = 3.14159265358979323846;

// Mentions of the events that match `sub` count for the event they were merged into.
std::string WithMerged(const std::string& sub) {
  return fmt::format("(id IN ({0}) OR id IN (SELECT merged_into FROM events WHERE merged_into IS NOT NULL AND id IN ({0})))",
                     sub);
}

Status Bad(std::string_view field, std::string_view why) {
  return Status(Code::kInvalidArgument, fmt::format("filter {}: {}", field, why));
}

bool UsesFtsSyntax(const std::string& query) {
  if (query.find_first_of("\"()*^") != std::string::npos) return true;
  static const std::regex kOperator(R"((^|\s)(AND|OR|NOT|NEAR)(\s|$))");
  return std::regex_search(query, kOperator);
}

}  // namespace

const std::vector<std::string>& PloverTypes() {
  static const std::vector<std::string> kTypes = {
      "AGREE",   "CONSULT",  "SUPPORT", "CONCEDE",  "COOPERATE", "AID",     "RETREAT",  "REQUEST",
      "ACCUSE",  "REJECT",   "THREATEN", "PROTEST", "SANCTION",  "MOBILIZE", "COERCE", "ASSAULT"};
  return kTypes;
}

bool IsPloverType(const std::string& type) {
  const auto& types = PloverTypes();
  return std::find(types.begin(), types.end(), type) != types.end();
}

bool IsIsoDate(const std::string& date) {
  static const std::regex kDate(R"(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?)?)?)?)");
  return std::regex_match(date, kDate);
}

bool IsActorCode(const std::string& code) {
  static const std::regex kCode(R"([A-Z0-9]{3,15})");
  return std::regex_match(code, kCode);
}

std::string FtsQuery(const std::string& text) {
  if (UsesFtsSyntax(text)) return text;
  std::string out;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find_first_of(" \t\r\n", begin);
    if (end == std::string::npos) end = text.size();
    if (end > begin) out += fmt::format("{}\"{}\"", out.empty() ? "" : " ", text.substr(begin, end - begin));
    begin = end + 1;
  }
  return out;
}

int FilterSql::Bind(Statement& stmt, int first) const {
  int index = first;
  for (const auto& value : params) {
    if (const auto* i = std::get_if<int64_t>(&value)) stmt.BindInt(index, *i);
    if (const auto* d = std::get_if<double>(&value)) stmt.BindReal(index, *d);
    if (const auto* s = std::get_if<std::string>(&value)) stmt.BindText(index, *s);
    ++index;
  }
  return index;
}

Result<FilterSql> BuildFilterSql(const EventFilter& f, SqlDialect dialect) {
  FilterSql out;
  std::vector<std::string> terms;
  // Terms are written with SQLite's `?`; on PostgreSQL each becomes $N, numbered in the
  // order the values are added. Only our own SQL text passes through here, and it has
  // no `?` of its own (no string literal or JSON operator holds one).
  auto add_term = [&](std::string term) {
    if (dialect == SqlDialect::kPostgres) {
      std::string numbered;
      size_t n = out.params.size() - std::count(term.begin(), term.end(), '?');
      for (char c : term) numbered += c == '?' ? fmt::format("${}", ++n) : std::string(1, c);
      term = std::move(numbered);
    }
    terms.push_back(std::move(term));
  };
  auto add = [&](std::string term, auto... values) {
    (out.params.emplace_back(values), ...);
    add_term(std::move(term));
  };
  if (!f.include_rejected) terms.push_back("status NOT IN ('wrong', 'merged')");
  if (!f.date_from.empty()) {
    if (!IsIsoDate(f.date_from)) return Bad("from", fmt::format("'{}' is not a date like 2024-09-16", f.date_from));
    add("date >= ?", f.date_from);
  }
  if (!f.date_to.empty()) {
    if (!IsIsoDate(f.date_to)) return Bad("to", fmt::format("'{}' is not a date like 2024-09-16", f.date_to));
    add("date <= ?", f.date_to + "~");  // '~' sorts after every character of a date: "to" is inclusive
  }
  if (!f.types.empty()) {
    std::string list;
    for (const std::string& type : f.types) {
      if (!IsPloverType(type)) return Bad("type", fmt::format("'{}' is not a PLOVER event type", type));
      list += list.empty() ? "?" : ", ?";
      out.params.emplace_back(type);
    }
    add_term("type IN (" + list + ")");
  }
  if (!f.cameo_root.empty()) {
    static const std::regex kRoot(R"(\d\d)");
    if (!std::regex_match(f.cameo_root, kRoot)) return Bad("cameo_root", "must be two digits, 01 to 20");
    add("cameo_root = ?", f.cameo_root);
  }
  if (!f.actor.empty()) {
    if (!IsActorCode(f.actor)) return Bad("actor", fmt::format("'{}' is not an actor code like PAKGOV", f.actor));
    if (f.actor_role == "source") add("source_actor = ?", f.actor);
    else if (f.actor_role == "target") add("target_actor = ?", f.actor);
    else if (f.actor_role == "any") add("(source_actor = ? OR target_actor = ?)", f.actor, f.actor);
    else return Bad("actor_role", "must be any, source or target");
  }
  if (f.actor_id) {
    if (f.actor_role == "any") add("id IN (SELECT event_id FROM event_actors WHERE actor_id = ?)", *f.actor_id);
    else if (f.actor_role == "source" || f.actor_role == "target")
      add("id IN (SELECT event_id FROM event_actors WHERE actor_id = ? AND role = ?)", *f.actor_id, f.actor_role);
    else return Bad("actor_role", "must be any, source or target");
  }
  if (!f.country.empty()) {
    static const std::regex kCountry(R"([A-Z]{3})");
    if (!std::regex_match(f.country, kCountry)) return Bad("country", "must be an ISO 3166-1 alpha-3 code like PAK");
    add("country = ?", f.country);
  }
  int place_parts = f.latitude.has_value() + f.longitude.has_value() + f.radius_km.has_value();
  if (place_parts != 0 && place_parts != 3) return Bad("near", "needs latitude, longitude and radius together");
  if (place_parts == 3) {
    double lat = *f.latitude, lon = *f.longitude, r = *f.radius_km;
    if (!(lat >= -90 && lat <= 90)) return Bad("lat", "must be between -90 and 90");
    if (!(lon >= -180 && lon <= 180)) return Bad("lon", "must be between -180 and 180");
    if (!(r > 0 && r <= 20000)) return Bad("radius_km", "must be more than 0 and at most 20000");
    // An equirectangular distance: exact enough for a radius of a few hundred km, and
    // needs no trigonometry in SQL. The latitude box lets the index do the first cut.
    double k = kKmPerDegree * std::max(0.01, std::cos(lat * kPi / 180));
    double dlat = r / kKmPerDegree;
    add("latitude BETWEEN ? AND ? AND longitude IS NOT NULL"
        " AND ((latitude - ?) * ?) * ((latitude - ?) * ?) + ((longitude - ?) * ?) * ((longitude - ?) * ?) <= ?",
        lat - dlat, lat + dlat, lat, kKmPerDegree, lat, kKmPerDegree, lon, k, lon, k, r * r);
  }
  if (f.story_id) add("story_id = ?", *f.story_id);
  if (!f.source.empty())
    add(WithMerged("SELECT m.event_id FROM event_mentions AS m JOIN documents AS d ON d.id = m.doc_id"
                   " WHERE d.source = ?"),
        f.source, f.source);
  if (f.doc_id) add(WithMerged("SELECT event_id FROM event_mentions WHERE doc_id = ?"), *f.doc_id, *f.doc_id);
  if (!f.text.empty()) {
    std::string match = FtsQuery(f.text);
    if (match.empty()) return Bad("q", "the search text is empty");
    if (dialect == SqlDialect::kSqlite) {
      add(WithMerged("SELECT event_id FROM event_mentions WHERE doc_id IN"
                     " (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)"),
          match, match);
    } else {
      // sitrep's own tsquery (search_query.h), made of the words the vectors are made of.
      const std::string tsquery = ParseSearchQuery(f.text).tsquery;
      if (tsquery.empty())
        return Bad("q", fmt::format("cannot search for '{}': it has no words to search for", f.text));
      add(WithMerged("SELECT event_id FROM event_mentions WHERE doc_id IN"
                     " (SELECT id FROM documents WHERE search @@ ?::tsquery)"),
          tsquery, tsquery);
    }
  }
  for (size_t i = 0; i < terms.size(); ++i) out.where += (i == 0 ? "WHERE " : " AND ") + terms[i];
  return out;
}

std::string PrecisionOf(const std::string& date) {
  switch (date.size()) {
    case 4: return "year";
    case 7: return "month";
    case 10: return "day";
    case 16: return "minute";
    default: return "second";
  }
}

Status CheckEventFields(const DeskEvent& e) {
  auto invalid = [](std::string message) { return Status(Code::kInvalidArgument, std::move(message)); };
  if (!IsIsoDate(e.date)) return invalid(fmt::format("event date '{}' is not ISO 8601", e.date));
  if (!IsPloverType(e.type)) return invalid(fmt::format("event type '{}' is not a PLOVER type", e.type));
  for (const std::string* code : {&e.source_actor, &e.target_actor})
    if (!code->empty() && !IsActorCode(*code)) return invalid(fmt::format("'{}' is not an actor code", *code));
  static const std::set<std::string> kCodedBy = {"coder", "analyst", "synthetic", "fixture"};
  if (!kCodedBy.count(e.coded_by)) return invalid(fmt::format("coded_by '{}' is not known", e.coded_by));
  return Status::Ok();
}

}  // namespace sitrep::sqlite
