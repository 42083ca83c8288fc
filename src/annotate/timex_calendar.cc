// Calendar arithmetic for time expressions: days since 1970-01-01 in the proleptic
// Gregorian calendar (H. Hinnant's method), weekdays, ISO weeks and month steps; and the
// DCT anchor an article's stated date gives.
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "annotate/timex.h"
#include "annotate/timex_internal.h"

namespace sitrep {

int64_t DaysFromCivil(int year, int month, int day) {
  int64_t y = static_cast<int64_t>(year) - (month <= 2);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilTime CivilFromDays(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  CivilTime t;
  t.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  t.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  t.year = static_cast<int>(yoe + era * 400 + (t.month <= 2));
  return t;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// The DCT an article's own date states: a day, or the month or year it names.
DctAnchor AnchorFromDateTime(const DateTime& published) {
  DctAnchor a;
  const std::string& iso = published.iso;
  auto num = [&](size_t pos, size_t len) {
    if (iso.size() < pos + len) return -1;
    for (size_t p = pos; p < pos + len; ++p)
      if (!timex_internal::IsDigit(iso[p])) return -1;
    return std::atoi(iso.substr(pos, len).c_str());
  };
  int y = num(0, 4), m = num(5, 2), d = num(8, 2);
  if (y < 0) return a;
  a.kind = DctAnchor::Kind::kStated;
  if (m < 1 || m > 12) {
    a.earliest = {y, 1, 1};
    a.latest = {y, 12, 31};
  } else if (d < 1 || d > DaysInMonth(y, m)) {
    a.earliest = {y, m, 1};
    a.latest = {y, m, DaysInMonth(y, m)};
  } else {
    a.earliest = a.latest = {y, m, d, num(11, 2), num(14, 2)};
  }
  return a;
}

namespace timex_internal {

int64_t Days(const CivilTime& t) { return DaysFromCivil(t.year, t.month, t.day); }
int Weekday(int64_t days) { return static_cast<int>(((days % 7) + 7 + 3) % 7) + 1; }  // 1970-01-01 was a Thursday

// ISO 8601 week: the year that owns the week, and its number.
std::pair<int, int> IsoWeek(int64_t days) {
  int64_t thursday = days - Weekday(days) + 4;
  int year = CivilFromDays(thursday).year;
  int week = static_cast<int>((thursday - DaysFromCivil(year, 1, 1)) / 7) + 1;
  return {year, week};
}

CivilTime AddMonths(CivilTime t, int months) {
  int total = t.year * 12 + (t.month - 1) + months;
  t.year = total >= 0 ? total / 12 : (total - 11) / 12;
  t.month = total - t.year * 12 + 1;
  t.day = std::min(t.day, DaysInMonth(t.year, t.month));
  return t;
}

// The Gregorian computus (the "anonymous" algorithm of Meeus): Easter is the first Sunday
// after the ecclesiastical full moon on or after March 21.
int64_t EasterSunday(int year) {
  int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return DaysFromCivil(year, month, day);
}

std::string Year4(int year) { return year >= 0 && year <= 9999 ? fmt::format("{:04}", year) : "XXXX"; }

}  // namespace timex_internal
}  // namespace sitrep
