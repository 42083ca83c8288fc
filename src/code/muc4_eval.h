// MUC-4 role-filler scoring of the event coder (GRIT-style data: one JSON object a line,
// {"docid", "doctext", "extracts": {role: [[[mention, offset], ...] per entity]}}).
// Each document goes through the given annotator (the default pipeline); its ASSAULT and COERCE events give
// PerpInd and PerpOrg (sources: groups are organisations, others individuals), Victim
// (targets that are people) and Weapon (the weapon words of the event's sentence).
// Physical targets are not coded as actors yet, so Target is scored but stays empty.
// A prediction matches a gold entity when its head noun (last word) is the head noun of
// one of the entity's mentions; each gold entity is matched once.
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <string>

#include "sitrep/doc.h"
#include "sitrep/status.h"

namespace sitrep::code {

struct RoleScore {
  std::string role;
  int predicted = 0, gold = 0, matched_predicted = 0, matched_gold = 0;
  double precision() const { return predicted ? double(matched_predicted) / predicted : 0; }
  double recall() const { return gold ? double(matched_gold) / gold : 0; }
  double f1() const { double p = precision(), r = recall(); return p + r > 0 ? 2 * p * r / (p + r) : 0; }
};

struct Muc4Result {
  int documents = 0;
  std::array<RoleScore, 5> roles;  // PerpInd, PerpOrg, Target, Victim, Weapon
  RoleScore micro;                 // all roles together
};

// Annotates one document's text (the whole pipeline, events included); nullopt on failure.
using Muc4Annotator = std::function<std::optional<Doc>(const std::string& docid, const std::string& text)>;

// Reads DIR/SPLIT.json. kNotFound naming the file when it is missing.
Result<Muc4Result> EvalMuc4(const std::string& dir, const std::string& split, const Muc4Annotator& annotate);

}  // namespace sitrep::code
