// Reading publication dates as sources write them: ISO 8601 ("2024-09-16T19:30:00+05:00"),
// RFC 2822 ("Mon, 16 Sep 2024 14:30:00 GMT"), and the prose of bylines
// ("September 17, 2024 05:50 PM", "17 September 2024", "Sep. 17, 2024, 5:50 p.m. PKT").
#pragma once

#include <optional>
#include <string_view>

#include "sitrep/doc.h"

namespace sitrep {

struct FoundDate {
  DateTime date;
  size_t begin = 0, end = 0;  // where in the searched text it was found
};

// Parses a whole string that should be a date ("content" of a meta tag, a JSON field).
std::optional<DateTime> ParseDate(std::string_view text);

// Finds the first date written in prose inside `text` (a byline line), even when it is
// glued to other words ("Web DeskSeptember 17, 2024 05:50 PMpolitics").
std::optional<FoundDate> FindDateInText(std::string_view text);

}  // namespace sitrep
