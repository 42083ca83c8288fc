// Event merging: the coded events of different documents that report one real event
// become one merged event, GDELT-style, with its counts and every mention kept.
//
// Two mentions merge when they are in the same story, have the same PLOVER type and
// the same source and target actor codes (in either order for a meeting or other
// two-sided type, CONSULT and COOPERATE, or when the coder marked the event
// reciprocal: "Dar met Bass" and "Bass met Dar" are one meeting), compatible dates
// (equal, one a coarser form of the other: "2024-09" and "2024-09-16", or within
// `tolerance_days` of each other: a report dated by its DCT against one that states
// the day), no clash of named people (everyone named in one is someone of the other,
// a name matching a longer one that has all its words, "Xi" and "Xi Jinping": "Bass met
// Dar" is not "Bass met Baloch", but "both officials met" may be either; it joins the
// first in content order), and places that can be one place (a city is in its province
// and its country; two cities at most kSamePlaceKm apart; an event with no geocoded
// place agrees with any). Mentions are keyed and sorted by their content, never by arrival, so the
// merged events are the same whatever order the articles came in; grouping by key is
// a hash map pass and each group is sorted once, so the work is n log n overall.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/doc.h"

namespace sitrep {

// Where a mention's place is on the map (the event's place.geo), as merging compares it.
struct MentionPlace {
  std::string level;             // "country", "province", "district", "city"
  std::string country, admin1;   // ISO alpha-3; province name
  std::optional<double> latitude, longitude;
};

// Two cities or districts further apart than this are two places.
inline constexpr double kSamePlaceKm = 100;

struct CodedMention {
  int doc = -1;                  // index of the document
  std::string doc_key;           // its text hash (for a content order)
  std::string outlet;            // the source outlet (document key when unknown); a copy
                                 // carries its original's, so it adds no source
  int story = -1;
  std::string type, source, target, date, place;
  std::string date_from;         // "timex", "context", "dct", "none": how the coder dated it
  // The people named among its actors, lower-cased ("john bass", "dar"), sorted: "Bass
  // met Dar" and "Bass met Baloch" the same day are two meetings of one dyad of codes.
  std::vector<std::string> persons;
  Span sentence, trigger;
  std::optional<int64_t> killed, injured;
  bool killed_lower_bound = false;  // "over 50"
  bool reciprocal = false;          // the coder found the actors acting on each other
  std::optional<MentionPlace> geo;  // none when the place was not geocoded
};

struct MergedEvent {
  std::vector<int> mentions;     // indexes into the input, in content order
  std::string type, source, target;
  std::string date;              // the most precise date of its mentions, stated before inferred
  std::vector<std::string> persons;  // everyone named among its mentions' actors
  std::optional<MentionPlace> geo;   // the most precise place of its mentions
  int num_mentions = 0;          // GDELT NumMentions
  int num_articles = 0;          // distinct documents, copies included (NumArticles)
  int num_sources = 0;           // distinct outlets, copies counted with their original
  std::vector<std::pair<int, int64_t>> killed;  // (mention, figure): every figure reported, side by side
  int64_t killed_low = -1, killed_high = -1;   // the reconciled range (-1 when none)
};

struct EventMergeOptions {
  int tolerance_days = 1;
};

// Whether two places can be the same place (see the top of this file).
bool PlacesCompatible(const std::optional<MentionPlace>& a, const std::optional<MentionPlace>& b);

// The coded events of `doc` (its "events" layer), as mentions of document `index`.
std::vector<CodedMention> MentionsOf(const Doc& doc, int index);

std::vector<MergedEvent> MergeEvents(const std::vector<CodedMention>& mentions, const EventMergeOptions& options = {});

}  // namespace sitrep
