// The SQLite schema of a sitrep store, and how a file is brought up to it.
//
// A sitrep store is marked by PRAGMA application_id = kApplicationId; its schema
// version is PRAGMA user_version. The schema is an ordered list of migrations, step N
// taking a file from version N-1 to N. Each step runs in its own transaction together
// with the version bump, so a crash mid-upgrade leaves the file at the last whole step.
// A released step is never edited: a change to the schema is a new step at the end.
// The comments in the SQL of schema.cc say what each table and column holds.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "sitrep/status.h"
#include "store/sqlite_db.h"

namespace sitrep::sqlite {

// "sitr" in ASCII: what `file` and `sqlite3 .dbinfo` show for a sitrep store.
inline constexpr int32_t kApplicationId = 0x73697472;

struct Migration {
  int version;               // the user_version the file has after this step
  std::string_view summary;  // one line, for humans reading the code or a log
  std::string_view sql;      // the script; runs inside the step's transaction
};

// Every step, in order, versions 1, 2, ... with no gaps.
std::span<const Migration> Migrations();
int LatestSchemaVersion();

// Checks, before anything is written, that `db` is an empty file or a sitrep store no
// newer than `steps` knows. Refuses with a message naming the path a file that is not
// SQLite, a SQLite database of another application, or a store of a newer schema.
Status VerifyStoreFile(SqliteDb& db, std::span<const Migration> steps = Migrations());

// Applies the steps the file has not had yet, each in its own transaction.
// REQUIRES: VerifyStoreFile(db, steps) succeeded.
Status Migrate(SqliteDb& db, std::span<const Migration> steps = Migrations());

}  // namespace sitrep::sqlite
