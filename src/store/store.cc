// Store::Open and Store::OpenReadOnly: pick the engine from the form of `where`.
#include "sitrep/store.h"

#include "store/pg/pg_store.h"
#include "store/pg/pg_uri.h"
#include "store/sqlite_store.h"

namespace sitrep {

Result<std::unique_ptr<Store>> Store::Open(const std::string& where) {
  if (where.empty()) return Status(Code::kInvalidArgument, "no store given: name a file (or a postgresql:// URI)");
  if (pg::IsPostgresUri(where)) return pg::OpenPgStore(where);
  return sqlite::OpenSqliteStore(where);
}

Result<std::unique_ptr<Store>> Store::OpenReadOnly(const std::string& where) {
  if (where.empty()) return Status(Code::kInvalidArgument, "no store given: name a file (or a postgresql:// URI)");
  if (pg::IsPostgresUri(where)) return pg::OpenPgStore(where, /*read_only=*/true);
  Result<std::unique_ptr<Store>> store = sqlite::OpenSqliteStore(where);
  if (!store.ok()) return store;
  SITREP_RETURN_IF_ERROR(static_cast<sqlite::SqliteStore&>(**store).MakeReadOnly());
  return store;
}

}  // namespace sitrep
