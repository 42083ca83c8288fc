// Reading desk rows from PostgreSQL results: the event columns in one order, and the
// NULL-as-empty conversions the SQLite engine gets from ifnull(). Shared by the single
// event (pg_store_desk.cc) and the lists and exports (pg_store_query.cc), so the two
// cannot drift apart.
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <string_view>

#include "sitrep/desk.h"

namespace sitrep::pg {

inline std::string Text(const pqxx::field& field) { return field.is_null() ? std::string() : field.as<std::string>(); }

template <typename T>
std::optional<T> Opt(const pqxx::field& field) {
  return field.is_null() ? std::nullopt : std::optional<T>(field.as<T>());
}

// The columns DeskEvent is read from, in ReadEvent's order; those of sqlite_store_query.cc.
inline constexpr std::string_view kEventColumns =
    "id, date, coalesce(date_precision, ''), type, coalesce(mode, ''), coalesce(context, ''), coalesce(cameo, ''),"
    " coalesce(quad_class, 0), goldstein, coalesce(source_actor, ''), coalesce(target_actor, ''),"
    " coalesce(place, ''), coalesce(country, ''), coalesce(admin1, ''), latitude, longitude, killed, injured,"
    " coalesce(confidence, 0), story_id, status, merged_into, coded_by, created_at, coalesce(merge_note::text, '')";
inline constexpr int kEventColumnCount = 25;

// The event of `r`, whose first kEventColumnCount columns are kEventColumns.
inline DeskEvent ReadEvent(const pqxx::row& r) {
  DeskEvent e;
  e.id = r[0].as<int64_t>(), e.date = Text(r[1]), e.date_precision = Text(r[2]), e.type = Text(r[3]);
  e.mode = Text(r[4]), e.context = Text(r[5]), e.cameo = Text(r[6]), e.quad_class = r[7].as<int>();
  e.goldstein = Opt<double>(r[8]), e.source_actor = Text(r[9]), e.target_actor = Text(r[10]);
  e.place = Text(r[11]), e.country = Text(r[12]), e.admin1 = Text(r[13]);
  e.latitude = Opt<double>(r[14]), e.longitude = Opt<double>(r[15]);
  e.killed = Opt<int64_t>(r[16]), e.injured = Opt<int64_t>(r[17]), e.confidence = r[18].as<double>();
  e.story_id = Opt<int64_t>(r[19]), e.status = Text(r[20]), e.merged_into = Opt<int64_t>(r[21]);
  e.coded_by = Text(r[22]), e.created_at = Text(r[23]), e.merge_note = Text(r[24]);
  return e;
}

}  // namespace sitrep::pg
