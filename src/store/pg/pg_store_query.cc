// The analyst's desk on PostgreSQL, reading: filtered event lists, streaming for exports,
// the dashboard's aggregates, and actors. The same queries as sqlite_store_query.cc, with
// the filter built by the same BuildFilterSql (its PostgreSQL dialect), so both engines
// accept, refuse and answer alike.
//
// Where SQLite compares text by bytes, PostgreSQL uses the database's collation, which may
// be a locale's: every ORDER BY on text here says COLLATE "C", so lists come back in the
// same order on both engines whatever locale the server was set up with.
#include <fmt/format.h>

#include <pqxx/pqxx>

#include "store/event_filter_sql.h"
#include "store/pg/pg_rows.h"
#include "store/pg/pg_store.h"
#include "store/sqlite_db.h"

namespace sitrep::pg {

namespace {

using sqlite::FilterSql;

Status CheckPage(const Page& page) {
  if (page.limit < 1 || page.limit > 1000)
    return Status(Code::kInvalidArgument, fmt::format("limit {} is not between 1 and 1000", page.limit));
  if (page.offset < 0) return Status(Code::kInvalidArgument, "offset is negative");
  return Status::Ok();
}

Status CheckLimit(int limit) {
  if (limit < 1 || limit > 5000) return Status(Code::kInvalidArgument, "limit must be between 1 and 5000");
  return Status::Ok();
}

// A filter as SQL for this engine, with its values as text: they are sent untyped, so
// the server reads each as the type of the column it is compared with.
struct PgFilter {
  std::string where;  // "WHERE ..." or ""
  std::vector<std::string> values;
  // The placeholder of the first parameter after the filter's own.
  std::string Next(int after = 0) const { return fmt::format("${}", values.size() + 1 + after); }
  // The condition with room for one more term: "WHERE a AND " or "WHERE ".
  std::string And() const { return where.empty() ? "WHERE " : where + " AND "; }
  auto Params() const { return pqxx::prepare::make_dynamic_params(values); }
};

// PostgreSQL refuses bytes that are not UTF-8, so the free-text fields are cleaned as
// they are on the way in. The search text becomes a tsquery in BuildFilterSql, which
// also refuses one with no words to search for.
Result<PgFilter> Where(EventFilter filter) {
  filter.source = PgText(filter.source);
  filter.text = PgText(filter.text);
  Result<FilterSql> sql = sqlite::BuildFilterSql(filter, sqlite::SqlDialect::kPostgres);
  if (!sql.ok()) return sql.status();
  PgFilter out;
  out.where = std::move(sql->where);
  for (const auto& value : sql->params) {
    if (const auto* i = std::get_if<int64_t>(&value)) out.values.push_back(std::to_string(*i));
    if (const auto* d = std::get_if<double>(&value)) out.values.push_back(fmt::format("{}", *d));  // round-trips
    if (const auto* s = std::get_if<std::string>(&value)) out.values.push_back(*s);
  }
  return out;
}

constexpr std::string_view kActorColumns =
    "a.id, a.code, a.name, a.kind, coalesce(a.country, ''), a.added_by,"
    " (SELECT count(*) FROM event_actors WHERE actor_id = a.id AND role = 'source'),"
    " (SELECT count(*) FROM event_actors WHERE actor_id = a.id AND role = 'target')";

Actor ReadActor(const pqxx::row& r) {
  Actor a;
  a.id = r[0].as<int64_t>(), a.code = Text(r[1]), a.name = Text(r[2]), a.kind = Text(r[3]);
  a.country = Text(r[4]), a.added_by = Text(r[5]), a.as_source = r[6].as<int64_t>(), a.as_target = r[7].as<int64_t>();
  return a;
}

}  // namespace

Result<EventPage> PgStore::QueryEvents(const EventFilter& filter, const Page& page) {
  SITREP_RETURN_IF_ERROR(CheckPage(page));
  try {
    pqxx::read_transaction tx(*conn_);
    Result<PgFilter> where = Where(filter);
    if (!where.ok()) return where.status();
    EventPage out;
    pqxx::result rows = tx.exec_params(
        fmt::format("SELECT {}, (SELECT count(*) FROM event_mentions WHERE event_id = events.id) FROM events {}"
                    " ORDER BY date DESC, id DESC LIMIT {} OFFSET {}",
                    kEventColumns, where->where, where->Next(), where->Next(1)),
        where->Params(), page.limit, page.offset);
    for (const auto& r : rows) {
      out.events.push_back(ReadEvent(r));
      out.events.back().mentions = r[kEventColumnCount].as<int64_t>();
    }
    // As in SQLite: counting stops at a cap, since a broad filter over a million rows
    // costs more to count than to page through.
    out.total = tx.exec_params1(fmt::format("SELECT count(*) FROM (SELECT 1 FROM events {} LIMIT {}) AS capped",
                                            where->where, where->Next()),
                                where->Params(), EventPage::kCountCap + 1)[0]
                    .as<int64_t>();
    out.total_capped = out.total > EventPage::kCountCap;
    if (out.total_capped) out.total = EventPage::kCountCap;
    return out;
  } catch (const std::exception& e) {
    return Failed("querying events", e);
  }
}

// A few hundred rows at a time, each page after the last id seen, in a transaction of
// its own: an export of millions of events holds one page in memory, and `fn` runs with
// no transaction open, so it may call the store itself (the exports read each event's
// mentions). A page is one consistent state of the store; an event written meanwhile
// with an id above the last one seen is still listed.
Status PgStore::ForEachEvent(const EventFilter& filter, const std::function<bool(const DeskEvent&)>& fn) {
  constexpr int kPage = 500;
  int64_t after = 0;  // ids start at 1
  for (;;) {
    std::vector<DeskEvent> page;
    try {
      pqxx::read_transaction tx(*conn_);
      Result<PgFilter> where = Where(filter);
      if (!where.ok()) return where.status();
      pqxx::result rows = tx.exec_params(
          fmt::format("SELECT {}, (SELECT count(*) FROM event_mentions WHERE event_id = events.id) FROM events"
                      " {}id > {} ORDER BY id LIMIT {}",
                      kEventColumns, where->And(), where->Next(), where->Next(1)),
          where->Params(), after, kPage);
      for (const auto& r : rows) {
        page.push_back(ReadEvent(r));
        page.back().mentions = r[kEventColumnCount].as<int64_t>();
      }
    } catch (const std::exception& e) {
      return Failed("reading events", e);
    }
    for (const DeskEvent& event : page)
      if (!fn(event)) return Status::Ok();
    if (page.size() < static_cast<size_t>(kPage)) return Status::Ok();
    after = page.back().id;
  }
}

// The periods are SQLite's: a day and a month are prefixes of the date; a week is the
// Monday on or before the day, and a date less precise than a day keeps its month (or
// year). The day is built with make_date plus days rather than cast, because SQLite's
// date() rolls an impossible day over (02-31 is 03-02) where a cast would fail.
Result<std::vector<CountCell>> PgStore::CountEvents(const EventFilter& filter, const std::string& bucket,
                                                    bool by_type, bool by_country) {
  std::string period;
  if (bucket == "day") period = "substr(date, 1, 10)";
  else if (bucket == "week")
    period =
        "CASE WHEN length(date) >= 10 THEN (SELECT to_char(d - (extract(isodow FROM d)::integer - 1), 'YYYY-MM-DD')"
        " FROM (SELECT make_date(substr(date, 1, 4)::integer, substr(date, 6, 2)::integer, 1)"
        " + (substr(date, 9, 2)::integer - 1) AS d) AS day) ELSE substr(date, 1, 7) END";
  else if (bucket == "month") period = "substr(date, 1, 7)";
  else return Status(Code::kInvalidArgument, fmt::format("bucket '{}' is not day, week or month", bucket));
  std::string type = by_type ? "type" : "''::text", country = by_country ? "coalesce(country, '')" : "''::text";
  try {
    pqxx::read_transaction tx(*conn_);
    Result<PgFilter> where = Where(filter);
    if (!where.ok()) return where.status();
    pqxx::result rows = tx.exec_params(
        fmt::format("SELECT ({0}) COLLATE \"C\" AS p, ({1}) COLLATE \"C\" AS t, ({2}) COLLATE \"C\" AS c, count(*)"
                    " FROM events {3} GROUP BY p, t, c ORDER BY p, t, c",
                    period, type, country, where->where),
        where->Params());
    std::vector<CountCell> out;
    for (const auto& r : rows) out.push_back({Text(r[0]), Text(r[1]), Text(r[2]), r[3].as<int64_t>()});
    return out;
  } catch (const std::exception& e) {
    return Failed("counting events", e);
  }
}

Result<std::vector<CasualtyCell>> PgStore::Casualties(const EventFilter& filter) {
  try {
    pqxx::read_transaction tx(*conn_);
    Result<PgFilter> where = Where(filter);
    if (!where.ok()) return where.status();
    pqxx::result rows = tx.exec_params(
        fmt::format("SELECT coalesce(country, '') COLLATE \"C\" AS c, coalesce(admin1, '') COLLATE \"C\" AS a,"
                    " substr(date, 1, 7) AS month, sum(coalesce(killed, 0))::bigint,"
                    " sum(coalesce(injured, 0))::bigint, count(*) FROM events {}(killed > 0 OR injured > 0)"
                    " GROUP BY c, a, month ORDER BY c, a, month",
                    where->And()),
        where->Params());
    std::vector<CasualtyCell> out;
    for (const auto& r : rows)
      out.push_back({Text(r[0]), Text(r[1]), Text(r[2]), r[3].as<int64_t>(), r[4].as<int64_t>(), r[5].as<int64_t>()});
    return out;
  } catch (const std::exception& e) {
    return Failed("counting casualties", e);
  }
}

Result<std::vector<NetworkEdge>> PgStore::ActorNetwork(const EventFilter& filter, int limit) {
  SITREP_RETURN_IF_ERROR(CheckLimit(limit));
  try {
    pqxx::read_transaction tx(*conn_);
    Result<PgFilter> where = Where(filter);
    if (!where.ok()) return where.status();
    pqxx::result rows = tx.exec_params(
        fmt::format("SELECT source_actor COLLATE \"C\" AS s, target_actor COLLATE \"C\" AS t,"
                    " coalesce(quad_class, 0) AS q, count(*) AS n FROM events"
                    " {}source_actor <> '' AND target_actor <> '' GROUP BY s, t, q ORDER BY n DESC, s, t, q LIMIT {}",
                    where->And(), where->Next()),
        where->Params(), limit);
    std::vector<NetworkEdge> out;
    for (const auto& r : rows) out.push_back({Text(r[0]), Text(r[1]), r[2].as<int>(), r[3].as<int64_t>()});
    return out;
  } catch (const std::exception& e) {
    return Failed("reading the actor network", e);
  }
}

Result<std::vector<PlaceCell>> PgStore::Places(const EventFilter& filter, int limit) {
  SITREP_RETURN_IF_ERROR(CheckLimit(limit));
  try {
    pqxx::read_transaction tx(*conn_);
    Result<PgFilter> where = Where(filter);
    if (!where.ok()) return where.status();
    pqxx::result rows = tx.exec_params(
        fmt::format("SELECT place COLLATE \"C\" AS p, coalesce(country, '') COLLATE \"C\" AS c,"
                    " coalesce(admin1, '') COLLATE \"C\" AS a, avg(latitude), avg(longitude), count(*) AS n,"
                    " sum(coalesce(killed, 0))::bigint FROM events"
                    " {}latitude IS NOT NULL AND longitude IS NOT NULL AND place <> ''"
                    " GROUP BY p, c, a ORDER BY n DESC, p LIMIT {}",
                    where->And(), where->Next()),
        where->Params(), limit);
    std::vector<PlaceCell> out;
    for (const auto& r : rows)
      out.push_back({Text(r[0]), Text(r[1]), Text(r[2]), r[3].as<double>(), r[4].as<double>(), r[5].as<int64_t>(),
                     r[6].as<int64_t>()});
    return out;
  } catch (const std::exception& e) {
    return Failed("counting events by place", e);
  }
}

// ---- Actors ----

// SQLite's LIKE ignores the case of ASCII letters only; lower() under the "C" collation
// folds exactly those, so the same names match on both engines.
Result<std::vector<Actor>> PgStore::ListActors(const std::string& query, const Page& page) {
  SITREP_RETURN_IF_ERROR(CheckPage(page));
  try {
    pqxx::read_transaction tx(*conn_);
    pqxx::result rows = tx.exec_params(
        fmt::format("SELECT {} FROM actors AS a WHERE $1::text = ''"
                    " OR lower(a.name COLLATE \"C\") LIKE lower($2::text COLLATE \"C\") ESCAPE '\\'"
                    " OR lower(a.code COLLATE \"C\") LIKE lower($2::text COLLATE \"C\") ESCAPE '\\'"
                    " ORDER BY a.name COLLATE \"C\", a.id LIMIT $3 OFFSET $4",
                    kActorColumns),
        PgText(query), "%" + sqlite::EscapeLike(PgText(query)) + "%", page.limit, page.offset);
    std::vector<Actor> out;
    for (const auto& r : rows) out.push_back(ReadActor(r));
    return out;
  } catch (const std::exception& e) {
    return Failed("listing actors", e);
  }
}

Result<Actor> PgStore::GetActor(int64_t id) {
  try {
    pqxx::read_transaction tx(*conn_);
    pqxx::result rows = tx.exec_params(fmt::format("SELECT {} FROM actors AS a WHERE a.id = $1", kActorColumns), id);
    if (rows.empty()) return Status(Code::kNotFound, fmt::format("there is no actor {}", id));
    Actor actor = ReadActor(rows[0]);
    for (const auto& r : tx.exec_params(
             "SELECT role, coalesce(code, ''), coalesce(start_date, ''), coalesce(end_date, ''), doc_id"
             " FROM actor_roles WHERE actor_id = $1 ORDER BY coalesce(start_date, '') COLLATE \"C\", id",
             id))
      actor.roles.push_back({Text(r[0]), Text(r[1]), Text(r[2]), Text(r[3]), Opt<int64_t>(r[4])});
    return actor;
  } catch (const std::exception& e) {
    return Failed(fmt::format("reading actor {}", id), e);
  }
}

Result<ActorCode> PgStore::GetActorCode(const std::string& code) {
  if (!sqlite::IsActorCode(code))
    return Status(Code::kInvalidArgument, fmt::format("'{}' is not an actor code like PAKGOV", code));
  ActorCode out;
  out.code = code;
  try {
    pqxx::read_transaction tx(*conn_);
    pqxx::row counts = tx.exec_params1(
        "SELECT (SELECT count(*) FROM events WHERE source_actor = $1 AND status NOT IN ('wrong', 'merged')),"
        " (SELECT count(*) FROM events WHERE target_actor = $1 AND status NOT IN ('wrong', 'merged'))",
        code);
    out.as_source = counts[0].as<int64_t>(), out.as_target = counts[1].as<int64_t>();
    // Ties of name are in id order here; SQLite leaves them in its index's order, which
    // is the same for actors added one after another.
    for (const auto& r : tx.exec_params(
             fmt::format("SELECT {} FROM actors AS a WHERE a.code = $1"
                         " OR a.id IN (SELECT actor_id FROM actor_roles WHERE code = $1)"
                         " ORDER BY a.name COLLATE \"C\", a.id LIMIT 200",
                         kActorColumns),
             code))
      out.members.push_back(ReadActor(r));
  } catch (const std::exception& e) {
    return Failed(fmt::format("reading actor code {}", code), e);
  }
  return CompleteActorCode(std::move(out));
}

}  // namespace sitrep::pg
