// The code part of a TABARI/PETRARCH dictionary entry: "[USAGOV 991201-010114]",
// "[HOB <950601]", "[HOBREB >990816]", "[---]", and which of an entry's codes holds on a
// given day.
//
// The date rule is TABARI's (manual, section 6.5.2): the dated codes are tried in the
// order the file lists them and the first whose period contains the day wins; an undated
// code is the default, used only when no dated one matches; with no default, the entry
// gives the null code. Bounds are inclusive. A document without a publication date can
// only use the default.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::code::dictionaries {

// A day as yyyymmdd (19991201), so that days compare as integers.
using DayNumber = int;

struct DatedCode {
  enum class When { kAlways, kUntil, kFrom, kBetween };
  std::string code;  // upper case; "---" is the null code ("this is not an actor")
  When when = When::kAlways;
  DayNumber first = 0, last = 0;  // kUntil uses last, kFrom first, kBetween both

  bool dated() const { return when != When::kAlways; }
  bool Covers(DayNumber day) const;
  bool null() const;
};

// Reads the inside of one "[...]" block (without the brackets). Returns nullopt and
// sets `why` when it is not a code with an optional restriction.
std::optional<DatedCode> ParseCodeBlock(std::string_view inside, std::string* why);

// "991201" (years 00-30 are 2000-2030, the others 1900s, as in TABARI) or "19991201".
std::optional<DayNumber> ParseDictionaryDay(std::string_view digits);

// The day of an ISO date "2024-09-17..." (day precision or finer), else nullopt.
std::optional<DayNumber> DayOfIsoDate(std::string_view iso);

// Which code of `codes` holds on `day` (TABARI's rule, above): the code, or null when
// the entry has nothing for that day. `by_default` tells whether the undated code was used.
const DatedCode* ResolveCode(const std::vector<DatedCode>& codes, std::optional<DayNumber> day, bool* by_default);

}  // namespace sitrep::code::dictionaries
