// What consolidation needs to know of a document, read once from its Doc: the words of
// its text (for near-duplicate shingles), its content terms and named entities (for
// story vectors), and the days it may have been written on (for the story time window).
//
// Kept apart from Doc so the grouping code can be tested on hand-made features, and so
// a large corpus is grouped from these small records, not from whole annotated Docs.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "sitrep/doc.h"

namespace sitrep {

// A closed interval of days since 1970-01-01; open ends are the numeric limits.
struct DayRange {
  static constexpr int64_t kOpenLow = std::numeric_limits<int64_t>::min() / 4;
  static constexpr int64_t kOpenHigh = std::numeric_limits<int64_t>::max() / 4;
  int64_t first = kOpenLow, last = kOpenHigh;
  bool known() const { return first != kOpenLow || last != kOpenHigh; }
  bool exact_enough(int64_t max_days) const { return known() && last - first <= max_days; }
};

// The key, in the attrs of a "dct" annotation that a twin dated (twin_dct.h), of the
// content estimate it replaced: later runs group and date from that, so consolidating
// again changes nothing.
inline constexpr const char* kContentBeforeTwin = "content_estimate";

struct DocFeatures {
  std::string key;                  // the document's identity: its text hash
  std::vector<std::string> words;   // lowercased words of the text, in order (shingles)
  std::vector<std::string> terms;   // content lemmas ("meet", "minister"), with repeats
  std::vector<std::string> names;   // entities as "PER:dar", "LOC:islamabad", with repeats
  std::vector<std::pair<int, int>> stated_days;  // (month, day) of dates the text states in full
                                    // ("March 20", "20 March 2024"), whatever the year
  DayRange when;                    // publication day, else the DCT estimate's bounds
  bool dated = false;               // `when` is the stated publication date
};

// Reads the features of an annotated Doc: tokens (with lemmas and tags when the syntax
// stage ran), the "entity" layer and the "dct" layer or meta().published.
DocFeatures FeaturesOf(const Doc& doc);

// Days since 1970-01-01 of the first day an ISO date ("2024-09-17T17:50", "2024-09",
// "2024") covers and of its last; false when it does not start with a year.
bool IsoDayRange(const std::string& iso, DayRange* range);

}  // namespace sitrep
