// The JSON shapes of the desk's values, as the HTTP API and the JSON exports write them. Keys are the
// names of the store's columns; absent optional values are null.
#pragma once

#include <nlohmann/json.hpp>

#include "sitrep/desk.h"
#include "sitrep/store.h"

namespace sitrep::exporting {

nlohmann::json ToJson(const DeskEvent& event);
nlohmann::json ToJson(const DeskMention& mention);
nlohmann::json ToJson(const CountCell& cell);
nlohmann::json ToJson(const CasualtyCell& cell);
nlohmann::json ToJson(const NetworkEdge& edge);
nlohmann::json ToJson(const PlaceCell& cell);
nlohmann::json ToJson(const Actor& actor);
nlohmann::json ToJson(const ActorCode& code);
nlohmann::json ToJson(const Story& story);
nlohmann::json ToJson(const DocumentRow& row);
nlohmann::json ToJson(const Correction& correction);

}  // namespace sitrep::exporting
