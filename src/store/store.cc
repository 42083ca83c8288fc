// Store::Open and Store::OpenReadOnly pick the engine from the form of `where`; what
// every engine's GetActorCode does alike.
#include "sitrep/store.h"

#include <fmt/format.h>

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

Result<ActorCode> Store::CompleteActorCode(ActorCode out) {
  EventFilter filter;
  filter.actor = out.code;
  Result<std::vector<NetworkEdge>> partners = ActorNetwork(filter, 50);
  if (!partners.ok()) return partners.status();
  out.partners = std::move(*partners);
  for (Actor& member : out.members) {
    Result<Actor> full = GetActor(member.id);
    if (!full.ok()) return full.status();
    member.roles = std::move(full->roles);
  }
  if (out.as_source == 0 && out.as_target == 0 && out.members.empty())
    return Status(Code::kNotFound, fmt::format("no event or actor has the code {}", out.code));
  return out;
}

}  // namespace sitrep
