#include "store/correction_rules.h"

#include <fmt/format.h>

#include "sitrep/desk.h"
#include "store/event_filter_sql.h"

namespace sitrep::sqlite {

using nlohmann::json;

namespace {

Status Invalid(std::string message) { return Status(Code::kInvalidArgument, std::move(message)); }

const json* Field(const json& payload, const char* name) {
  auto it = payload.find(name);
  return it == payload.end() ? nullptr : &*it;
}

}  // namespace

json CorrectableFields::ToJson(std::initializer_list<const char*> fields) const {
  json all = {{"date", date}, {"date_precision", date_precision}, {"type", type}, {"cameo", cameo},
              {"quad_class", quad_class}, {"source_actor", source_actor}, {"target_actor", target_actor},
              {"status", status}, {"merged_into", merged_into ? json(*merged_into) : json(nullptr)}};
  json out = json::object();
  for (const char* f : fields) out[f] = all[f];
  return out;
}

bool IsFieldCorrection(const std::string& a) {
  return a == "mark_wrong" || a == "restore" || a == "set_type" || a == "set_actors" || a == "set_date";
}

Result<FieldUpdate> PlanFieldUpdate(const std::string& a, const json& payload, const CorrectableFields& now) {
  FieldUpdate out;
  if (a == "mark_wrong" || a == "restore") {
    out.replaced = now.ToJson({"status", "merged_into"});
    out.sql = a == "mark_wrong" ? "UPDATE events SET status = 'wrong' WHERE id = ?1"
                                : "UPDATE events SET status = 'corrected', merged_into = NULL WHERE id = ?1";
  } else if (a == "set_type") {
    const json* type = Field(payload, "type");
    if (!type || !type->is_string() || !IsPloverType(*type))
      return Invalid("set_type needs \"type\": one of the PLOVER event types");
    std::string cameo = now.cameo;
    if (const json* given = Field(payload, "cameo")) {
      if (!given->is_string() || given->get<std::string>().size() < 2 || given->get<std::string>().size() > 4 ||
          given->get<std::string>().find_first_not_of("0123456789") != std::string::npos)
        return Invalid("set_type: \"cameo\" must be a CAMEO code of 2 to 4 digits");
      cameo = *given;
    }
    out.replaced = now.ToJson({"type", "cameo", "quad_class", "status"});
    // The quad class goes in as text: CAST makes it an integer on either engine.
    out.sql = "UPDATE events SET type = ?2, cameo = nullif(?3, ''), quad_class = nullif(CAST(?4 AS INTEGER), 0),"
              " status = 'corrected' WHERE id = ?1";
    out.values = {type->get<std::string>(), cameo, std::to_string(QuadClassOf(*type))};
  } else if (a == "set_actors") {
    const json* source = Field(payload, "source_actor");
    const json* target = Field(payload, "target_actor");
    if (!source && !target) return Invalid("set_actors needs \"source_actor\" or \"target_actor\"");
    for (const json* code : {source, target})
      if (code && (!code->is_string() || (!code->get<std::string>().empty() && !IsActorCode(*code))))
        return Invalid("set_actors: an actor code is 3 to 15 capital letters or digits, like PAKGOV");
    out.replaced = now.ToJson({"source_actor", "target_actor", "status"});
    out.sql = "UPDATE events SET source_actor = nullif(?2, ''), target_actor = nullif(?3, ''), status = 'corrected'"
              " WHERE id = ?1";
    out.values = {source ? source->get<std::string>() : now.source_actor,
                  target ? target->get<std::string>() : now.target_actor};
  } else if (a == "set_date") {
    const json* date = Field(payload, "date");
    if (!date || !date->is_string() || !IsIsoDate(*date))
      return Invalid("set_date needs \"date\": ISO 8601, like 2024-09-16");
    out.replaced = now.ToJson({"date", "date_precision", "status"});
    out.sql = "UPDATE events SET date = ?2, date_precision = ?3, status = 'corrected' WHERE id = ?1";
    out.values = {date->get<std::string>(), PrecisionOf(*date)};
  } else {
    return UnknownCorrection(a);
  }
  return out;
}

Result<int64_t> MergeTarget(const json& payload, int64_t event_id) {
  const json* into = Field(payload, "into");
  if (!into || !into->is_number_integer()) return Invalid("merge needs \"into\": the id of the event to keep");
  const int64_t target = *into;
  if (target == event_id) return Invalid("an event cannot be merged into itself");
  return target;
}

Status CheckCorrectionAuthor(const std::string& author, const std::string& note) {
  if (author.empty() || author.size() > 200) return Invalid("a correction needs an author (at most 200 bytes)");
  if (note.size() > 4000) return Invalid("a correction's note is limited to 4000 bytes");
  return Status::Ok();
}

Status UnknownCorrection(const std::string& action) {
  return Invalid(fmt::format("'{}' is not a correction: use mark_wrong, restore, set_type, set_actors, set_date, "
                             "merge or split",
                             action));
}

}  // namespace sitrep::sqlite
