// Store::Open: picks the engine from the form of `where`.
#include "sitrep/store.h"

#include "store/sqlite_store.h"

namespace sitrep {

namespace {
bool IsPostgresUri(const std::string& where) {
  return where.starts_with("postgresql://") || where.starts_with("postgres://");
}
}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const std::string& where) {
  if (where.empty()) return Status(Code::kInvalidArgument, "no store given: name a file (or a postgresql:// URI)");
  if (IsPostgresUri(where)) return Status(Code::kInvalidArgument, "PostgreSQL support is not built yet");
  return sqlite::OpenSqliteStore(where);
}

}  // namespace sitrep
