// The engine-neutral half of an analyst's correction (desk.h): which actions there are,
// what each one's payload must hold, which fields it replaces and the UPDATE that
// applies it. SQLite (sqlite_store_review.cc) and PostgreSQL (pg/pg_store_review.cc) run
// the same statements, so a correction is refused, applied and recorded alike on both.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/status.h"

namespace sitrep::sqlite {

// The fields of an event that a correction may replace, as they are now.
struct CorrectableFields {
  std::string date, date_precision, type, cameo, source_actor, target_actor, status;
  int quad_class = 0;
  std::optional<int64_t> merged_into;
  // Those named in `fields`, as the `replaced` record of a correction.
  nlohmann::json ToJson(std::initializer_list<const char*> fields) const;
};

// A correction that changes fields of its own event only: mark_wrong, restore,
// set_type, set_actors, set_date.
struct FieldUpdate {
  std::string sql;                  // an UPDATE of `events`: ?1 is the event id, ?2, ?3, ... the values
  std::vector<std::string> values;  // ?2, ?3, ... as text (SQLite converts by the column's affinity)
  nlohmann::json replaced;          // the fields it replaces, as they are now
};
bool IsFieldCorrection(const std::string& action);
// kInvalidArgument, saying what the payload lacks, for a payload that does not fit.
Result<FieldUpdate> PlanFieldUpdate(const std::string& action, const nlohmann::json& payload,
                                    const CorrectableFields& now);

// The event a merge keeps: kInvalidArgument for a missing id or the event itself.
Result<int64_t> MergeTarget(const nlohmann::json& payload, int64_t event_id);

// kInvalidArgument for a correction without an author, or with an author or note too long.
Status CheckCorrectionAuthor(const std::string& author, const std::string& note);

// kInvalidArgument for an action that is not a correction, naming those that are.
Status UnknownCorrection(const std::string& action);

}  // namespace sitrep::sqlite
