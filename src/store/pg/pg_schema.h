// The PostgreSQL schema: the tables of the SQLite store (store/schema.cc), written for
// PostgreSQL, in the same numbered steps as far as version 4; versions 5 (a cheaper
// layout of the same content) and 6 (the full-text vector made by sitrep) are
// PostgreSQL's own, so the engines' versions may differ.
#pragma once

#include <span>
#include <string>

#include "sitrep/status.h"
#include "store/schema.h"

#include <pqxx/connection>

namespace sitrep::pg {

std::span<const sqlite::Migration> PgMigrations();

// Checks that the database is empty or a sitrep store no newer than this sitrep, then
// brings it to the latest version, in one transaction under an advisory lock so that
// workers starting together migrate it once. `shown_uri` names it in errors.
Status MigratePg(pqxx::connection& conn, const std::string& shown_uri);

// For read-only connections: the store must exist and be at the latest version.
Status VerifyPgSchema(pqxx::connection& conn, const std::string& shown_uri);

}  // namespace sitrep::pg
