// An EventFilter as a SQL condition over the events table, with its values kept apart
// as bound parameters: no part of a filter is ever spliced into SQL text. Validation
// happens here, so the server, the exports and any other caller refuse the same bad
// filters with the same messages.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "sitrep/desk.h"
#include "sitrep/status.h"
#include "store/sqlite_db.h"

namespace sitrep::sqlite {

// The engines differ in two things a filter needs: how a parameter is written (SQLite's
// `?`, PostgreSQL's `$1`) and how a document is matched by full-text search (FTS5's
// MATCH, a tsvector @@ sitrep's own tsquery of search_query.h). Everything else is the same SQL, so one
// builder serves both, and both refuse the same filters with the same messages.
enum class SqlDialect { kSqlite, kPostgres };

struct FilterSql {
  std::string where;  // "WHERE ..." or ""; refers to columns of `events` unqualified
  // In order: ?, ?, ... in SQLite (numbered 1, 2, ... by the engine), $1, $2, ... in PostgreSQL.
  std::vector<std::variant<int64_t, double, std::string>> params;

  // Binds the parameters from ?first on; returns the next free index.
  int Bind(Statement& stmt, int first = 1) const;
};

// kInvalidArgument, naming the field, for a filter that makes no sense, and on
// PostgreSQL for a search text with no words to search for (on SQLite, FTS5 says so
// when the query runs).
Result<FilterSql> BuildFilterSql(const EventFilter& filter, SqlDialect dialect = SqlDialect::kSqlite);

// The PLOVER event types, and whether `type` is one of them.
const std::vector<std::string>& PloverTypes();
bool IsPloverType(const std::string& type);
// YYYY, YYYY-MM, YYYY-MM-DD, optionally followed by THH:MM[:SS].
bool IsIsoDate(const std::string& date);
// The precision an ISO date of that form carries: "year", "month", "day", "minute", "second".
std::string PrecisionOf(const std::string& date);
// Upper-case letters and digits, 3 to 15 of them: PAKGOV, USA, IGOUNO.
bool IsActorCode(const std::string& code);
// What every engine refuses in an event row (date, type, actor codes, coded_by), so
// SQLite and PostgreSQL refuse alike: kInvalidArgument naming the field.
Status CheckEventFields(const DeskEvent& event);

// Plain words become one quoted FTS5 phrase each (all required); a query already in
// FTS5 syntax is kept as written.
std::string FtsQuery(const std::string& text);

}  // namespace sitrep::sqlite
