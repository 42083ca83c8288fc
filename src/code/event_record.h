// One coded event as the coder produces it and the "events" layer stores it (attrs JSON).
// Every piece of evidence is a byte span of the Doc's clean text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/span.h"

namespace sitrep::code {

struct CodedActor {
  std::string text;      // the words naming it ("US Secretary of State Antony Blinken")
  Span span;             // first to last word of those
  std::string code;      // PAKGOV, USAGOV, PAKREB, CHN ...
  std::string how;       // how the code was found: "phrase", "name-memory", "role-memory", "home-country", "speaker", ...
};

// Whether `how` says the text itself (or the user's dictionary) gave the code, rather
// than memory, a guess or the corpus: such codes outrank the others.
inline bool IsExplicitCode(std::string_view how) {
  return how == "phrase" || how == "group" || how == "state" || how.starts_with("dictionary ");
}

struct CodedEvent {
  std::string type, mode, context;  // PLOVER
  std::string cameo;
  int quad_class = 0;
  double goldstein = 0;
  std::vector<CodedActor> sources, targets;
  bool reciprocal = false;          // "X and Y discussed": each is source and target

  // Date: `value` is the TIMEX3 value as resolved (may be underspecified: "XXXX-05-10");
  // `iso` is the ISO 8601 date it gives when fully known, else empty.
  std::string date_value, date_iso, date_precision;
  std::string date_from;            // "timex", "context" (the sentence before), "dct" (publication), "none"
  // The best ISO date to file the event under: date_iso, else the publication date, else
  // the earliest year the publication can have (precision "year"); "" when nothing is known.
  std::string date_best, date_best_precision;
  Span date_span;                   // the time expression, when from "timex" or "context"

  std::string place;                // as written
  Span place_span;
  std::string place_from;           // "entity", "dateline", ""
  // Where that is on the map, from the place layer (geo/place_stage.h); empty when the
  // place was not geocoded.
  struct Geo {
    std::string name, level;          // gazetteer name; country, province, district or city
    int64_t geonames_id = 0;          // 0: none known (a district of the alias table)
    std::string country, admin1;      // ISO alpha-3; province name
    std::optional<double> latitude, longitude;
    double confidence = 0;
  };
  std::optional<Geo> place_geo;

  std::optional<int64_t> killed, injured;
  bool killed_lower_bound = false, injured_lower_bound = false;
  Span size_span;

  Span sentence, trigger;
  std::vector<std::pair<std::string, Span>> arguments;  // role ("source", "target", "place", "date", "size") -> span

  bool negated = false, future = false, hypothetical = false, historical = false;
  bool root_event = false;          // in the lead paragraph
  bool in_quote = false;
  std::string speaker, speaker_code;
  Span speaker_span;
  std::string lexicon_source;       // "lexicon" or "wordnet:<verb>"
  double confidence = 0;
};

// The attrs JSON of an "events" layer annotation, and back.
std::string EventToJson(const CodedEvent& event);
bool EventFromJson(const std::string& json, CodedEvent* event);

}  // namespace sitrep::code
