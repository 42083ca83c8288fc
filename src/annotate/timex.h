// Time expressions: finding them in a Doc's tokens and giving them TIMEX3 values.
//
// Two steps, kept apart so that a value can be computed again when more is learnt about
// the document's creation time (DCT) without reading the text again:
//   1. FindTimexes reads the words and states what each expression says (TimexMeaning):
//      "last year" is "one year before the anchor", "August 26" is "August 26 of a year
//      the text leaves open", "on Monday" is "a Monday, looking back" in a past-tense
//      sentence. No DCT is needed for this step.
//   2. ResolveTimexes turns meanings into TIMEX3 values against a DctAnchor. The anchor may
//      be stated (the article's own date), inferred (an interval estimated from content or
//      from a dated twin article), or absent. Where the anchor leaves a value open — no
//      DCT, or an inferred interval whose two ends give different answers — the value stays
//      underspecified ("XXXX-08-26", "XXXX-WXX-1") instead of being guessed.
//
// The recogniser is a small hand-written grammar over tokens (timex_internal.h says which
// file does what): a word table classifies each token once (month, weekday, unit, number,
// ...), then a handful of matchers try to read the longest expression starting at each
// token. No regular expressions; the cost is linear in the number of tokens.
//
// Conventions follow TimeML/TIMEX3 1.2 as annotated in TimeBank and TempEval-3: the span
// leaves out prepositions and the signals "earlier"/"later" ("on [Monday]", "since [2021]",
// "earlier [this month]") but keeps a leading "the" and quantity modifiers ("[the past two
// months]", "[nearly two years]"); a weekday with a part of day is valued as TimeBank
// does ("Thursday morning" -> the day, "Wednesday night" -> the day + "TEV"). "since", "until", "before" and
// "after" become the mod and make the value a range; "early", "mid" and "late" set the mod.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/doc.h"

namespace sitrep {

enum class TimexType : uint8_t { kDate, kTime, kDuration, kSet };
std::string_view TimexTypeName(TimexType type);  // "DATE", "TIME", "DURATION", "SET"

// Which way from the anchor an expression points, from tense and context: "on Monday" in
// "said on Monday" is past, in "will meet on Monday" future.
enum class Direction : uint8_t { kUnknown, kPast, kPresent, kFuture };
std::string_view DirectionName(Direction direction);  // "unknown", "past", "same", "future"

// Calendar units, smallest first; used for durations, shifts and granularity.
enum class TimeUnit : uint8_t {
  kNone, kSecond, kMinute, kHour, kPartOfDay, kDay, kWeekend, kWeek, kMonth, kSeason,
  kQuarter, kHalf, kYear, kDecade, kCentury
};

// A day of the proleptic Gregorian calendar, with the time of day when known.
struct CivilTime {
  int year = 0, month = 1, day = 1;
  int hour = -1, minute = -1;  // -1: not known
  friend bool operator==(const CivilTime&, const CivilTime&) = default;
};

// What is known of the document's creation time when values are resolved.
struct DctAnchor {
  enum class Kind : uint8_t { kNone, kStated, kInferred };
  Kind kind = Kind::kNone;
  CivilTime earliest, latest;  // equal for a stated date of day precision
};

// A DctAnchor from the article's own date ("2024-09-17T17:50", "2024-09", "2024").
DctAnchor AnchorFromDateTime(const DateTime& published);

constexpr int kUnset = -1000000;

// What an expression says, before it is anchored. Fields left kUnset were not stated.
struct TimexMeaning {
  // Calendar fields, as stated.
  int year = kUnset, year_end = kUnset;  // year_end: "2025-2026" (a range of years)
  int decade = kUnset, century = kUnset; // 199 for "the 1990s", 19 for "the 20th century"
  int month = kUnset, day = kUnset;
  int weekday = kUnset;                  // 1 = Monday ... 7 = Sunday
  int nth_weekday = kUnset;              // with month and weekday: the 4th Thursday of November
                                         // (Thanksgiving); -1 the last one of the month
  int easter_offset = kUnset;            // days from Easter Sunday: 0 "Easter", -2 "Good
                                         // Friday", 1 "Easter Monday" (a date that moves)
  int quarter = kUnset, half = kUnset;
  int hour = kUnset, minute = kUnset;
  std::string_view season;               // "SP", "SU", "FA", "WI"
  std::string_view part_of_day;          // "MO", "AF", "EV", "NI"
  bool weekend = false;
  bool two_digit_year = false;           // "'98": the century is not stated

  // A shift from the anchor: "last year" {kYear, -1}, "this month" {kMonth, 0},
  // "three days ago" {kDay, -3}. Calendar fields above refine the shifted point
  // ("June last year"). shift_from_previous: "a day earlier" counts from the last
  // date the text mentioned, not from the DCT.
  TimeUnit shift_unit = TimeUnit::kNone;
  int shift = 0;
  bool shift_from_previous = false;
  bool narrative_day = false;            // "the next day": from the last day named, or unknown
  bool shift_unknown_amount = false;     // "years ago": a shift of unknown size
  bool counted = false;                  // a count of units: "a year ago", "two days earlier"
  bool week_of = false;                  // "the week of March 6": the week, not the day
  bool latest_before = false;            // "this past spring": the latest before the anchor
  bool this_weekday = false;             // "this Friday": the nearest Friday
  bool same_period = false;              // "the 1988 period": the span a report is about (its
                                         // quarter), in the year stated or shifted
  bool anaphoric = false;                // "the quarter": the quarter the text last named, when
                                         // it named one (a company's fiscal quarter), else the
                                         // one just reported
  bool period_end = false;               // "the third quarter ended [Sept. 30]": the day closes
                                         // the named quarter a report is about; comparisons
                                         // ("a year earlier") are with the quarter, not the day
  bool demonstrative = false;            // "this quarter" (not "the current quarter"): in a
                                         // report on a finished quarter, that quarter

  // Durations and sets: amount of unit; amount < 0 when unstated ("several years").
  double amount = -1;
  TimeUnit unit = TimeUnit::kNone;

  std::string_view ref;                  // "PAST_REF", "PRESENT_REF", "FUTURE_REF"
  std::string_view set_value;            // a SET stated as a calendar pattern: "XXXX-07"

  // "exact" unless a modifier says otherwise: "approx", "start", "mid", "end", "before",
  // "after", "on_or_before", "on_or_after", "less_than", "more_than", ...
  std::string_view mod = "exact";
  bool range = false;
  bool limit = false;                    // "by February", "until March", "through January": a
                                         // deadline or the end of a stretch, the nearest such
                                         // date whatever the tense of the verb
  Direction direction = Direction::kUnknown;
  std::string warning;                   // why a value is missing or partial
};

// One time expression of a Doc.
struct Timex {
  Span span;                  // bytes of doc.text()
  uint32_t token_begin = 0, token_end = 0;
  TimexType type = TimexType::kDate;
  TimexMeaning meaning;

  // Filled by ResolveTimexes.
  std::string value;          // TIMEX3 value; empty when nothing can be said
  std::string_view granularity;  // "day", "week", "month", "quarter", "season", "year", ...
  std::string_view anchor = "none";  // "dct", "inferred-dct" or "none"
};

// Finds the time expressions of a Doc, in text order and without overlap.
// REQUIRES: doc.tokens() and doc.sentences() (the token stage has run). Uses xpos when the
// syntax stage has filled it, word cues (will, had, said, ...) otherwise. Thread-safe.
std::vector<Timex> FindTimexes(const Doc& doc);

// Gives each timex its value, granularity and anchor against `dct`.
void ResolveTimexes(const DctAnchor& dct, std::vector<Timex>* timexes);

// The attributes of a timex annotation, as JSON: {"value", "granularity", "mod", "range",
// "anchor", "direction", and "warning" when there is one}.
std::string TimexAttrsJson(const Timex& timex);

// Calendar arithmetic shared with the DCT inference.
int64_t DaysFromCivil(int year, int month, int day);
CivilTime CivilFromDays(int64_t days);
int DaysInMonth(int year, int month);

}  // namespace sitrep
