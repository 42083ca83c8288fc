// The CAMEO event codes sitrep's coder can emit, with their public codebook facts (name,
// QuadClass, Goldstein score), and the PLOVER type each one falls under.
//
// The table is written out here, in the project's own words, from the public CAMEO 1.1b3
// codebook and the Goldstein (1992) conflict-cooperation scale; only the codes the
// lexicon uses and their roots are listed.
#pragma once

#include <optional>
#include <string_view>

namespace sitrep::code {

struct CameoCode {
  std::string_view code;      // "041"
  std::string_view name;      // "discuss by telephone"
  int quad_class;             // 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
  double goldstein;           // -10 .. +10
};

// The entry of `code`, or of its nearest listed parent ("0412" -> "041" -> "04").
std::optional<CameoCode> LookupCameo(std::string_view code);

// True for the PLOVER event types sitrep codes (AGREE, CONSULT, ..., ASSAULT).
bool IsPloverEventType(std::string_view type);

}  // namespace sitrep::code
