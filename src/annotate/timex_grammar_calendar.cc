// Matchers for dates named on the calendar: "August 26", "17 September 2024",
// "2024-08-26", "1998", "fiscal 1989", "the 1990s", "the third quarter", "nineteen
// ninety-six", "Christmas", and Hijri dates (recognised, not converted).
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <string>

#include "annotate/timex_internal.h"

namespace sitrep::timex_internal {

// Month-first dates: "August 26", "Sept. 17, 2024", "February 2020", "June", "January this
// year", with an optional weekday in front ("Friday, Oct. 23").
bool Grammar::MonthDate(size_t i, Found* f) const {
  size_t k = i;
  TimexMeaning m;
  bool weekday = Kind(k) == Lex::kWeekday && !w_[k].lex.plural;  // "Sundays" is a frequency
  if (weekday && Is(k + 1, ",") && IsMonth(k + 2)) m.weekday = w_[k].lex.value, k += 2;
  else if (weekday && IsMonth(k + 1)) m.weekday = w_[k].lex.value, k += 1;
  if (!IsMonth(k)) return false;
  m.month = w_[k].lex.value;
  bool abbr = Kind(k) == Lex::kMonthAbbr;
  ++k;
  if (abbr && Is(k, ".") && w_[k - 1].glued) ++k;
  int day = 0;
  if (size_t n = ReadDay(k, &day); n && !(Is(k + 1, ":"))) {
    m.day = day;
    k += n;
    k += ReadYearAfter(k, &m);
  } else if (Is(k, "of") && IsYear(k + 1)) {
    m.year = static_cast<int>(w_[k + 1].num), k += 2;
  } else if (size_t n = ReadYearAfter(k, &m); n && !Is(k, ",")) {
    k += n;
  } else if (Found spelled; SpelledYear(k, &spelled)) {
    m.year = spelled.m.year;
    k = spelled.end;
  } else if (size_t r = ReadRelativeYear(k, &m)) {
    if (abbr && !w_[i].cap) return false;
    k += r;
  } else {
    if (abbr || !MonthAloneIsDate(k - 1)) return false;
    m.weekday = kUnset;
  }
  // "between June and August 1997", "March 3 to May 5, 1998": the year stated once
  // covers both ends.
  if (m.year == kUnset && m.shift_unit == TimeUnit::kNone && !m.two_digit_year &&
      (Is(k, "and") || Is(k, "to") || Is(k, "through") || Is(k, "until") || Is(k, "-")) && IsMonth(k + 1)) {
    Found next;
    if (MonthDate(k + 1, &next) && next.m.year != kUnset && next.m.shift_unit == TimeUnit::kNone)
      m.year = next.m.year;
  }
  CheckDay(&m);
  f->end = k;
  f->m = std::move(m);
  if (size_t t = ReadClockTime(k, &f->m)) f->end = k + t, f->type = TimexType::kTime;
  return true;
}

// Day-first dates: "17 September 2024", "the 26th of August".
bool Grammar::DayMonth(size_t i, Found* f) const {
  size_t k = i;
  TimexMeaning m;
  int day = 0;
  size_t n = ReadDay(k, &day);
  if (!n) return false;
  k += n;
  if (Is(k, "of")) ++k;
  if (!IsMonth(k)) return false;
  m.day = day;
  m.month = w_[k].lex.value;
  ++k;
  if (Is(k, ".")) ++k;
  k += ReadYearAfter(k, &m);
  CheckDay(&m);
  f->end = k;
  f->m = std::move(m);
  return true;
}

// "1997-12-25" or "1997/12/25" kept whole by the tokenizer: ISO order, year first, so
// the order is never in doubt. Rejects a month or day out of range rather than guess.
static bool IsoDateToken(std::string_view s, TimexMeaning* m) {
  if (s.size() != 10 || (s[4] != '-' && s[4] != '/') || s[7] != s[4]) return false;
  for (size_t p : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!IsDigit(s[p])) return false;
  int year = static_cast<int>(ParseDigits(s.substr(0, 4)));
  int month = static_cast<int>(ParseDigits(s.substr(5, 2)));
  int day = static_cast<int>(ParseDigits(s.substr(8, 2)));
  if (year < 1000 || month < 1 || month > 12) return false;
  m->year = year, m->month = month, m->day = day;
  return true;
}

// Digits with dashes or slashes: "2024-08-26", "2025-2026", "1995-97", "8/26/2024".
bool Grammar::Numeric(size_t i, Found* f) const {
  if (!In(i)) return false;
  const Word& w = w_[i];
  if (IsYear(i) && IsHyphen(i + 1) && Num(i + 2) >= 1 && w_[i + 2].ndigits <= 2 && w_[i + 2].glued &&
      IsHyphen(i + 3) && Num(i + 4) >= 1 && w_[i + 4].ndigits <= 2) {
    f->m.year = static_cast<int>(w.num);
    f->m.month = static_cast<int>(w_[i + 2].num);
    f->m.day = static_cast<int>(w_[i + 4].num);
    if (f->m.month > 12) return false;
    CheckDay(&f->m);
    f->end = i + 5;
    return true;
  }
  if (IsYear(i) && IsHyphen(i + 1) && In(i + 2) && w_[i + 1].glued && (w_[i + 2].ndigits == 4 || w_[i + 2].ndigits == 2)) {
    int end = static_cast<int>(w_[i + 2].num);
    if (w_[i + 2].ndigits == 2) end += static_cast<int>(w.num) / 100 * 100;  // "1995-97": the century of the start
    if (end <= w.num || end - w.num > 50) return false;
    f->m.year = static_cast<int>(w.num);
    f->m.year_end = end;
    f->m.range = true;
    f->end = i + 3;
    return true;
  }
  if (IsoDateToken(w.low, &f->m)) {
    CheckDay(&f->m);
    f->end = i + 1;
    return true;
  }
  // One token with slashes: US order, as American wires write it.
  size_t s1 = w.low.find('/');
  if (s1 == std::string_view::npos || w.low.size() > 10) return false;
  size_t s2 = w.low.find('/', s1 + 1);
  if (s2 == std::string_view::npos) return false;
  std::string_view a = w.low.substr(0, s1), b = w.low.substr(s1 + 1, s2 - s1 - 1), c = w.low.substr(s2 + 1);
  auto digits = [](std::string_view s) { return !s.empty() && s.size() <= 4 && std::all_of(s.begin(), s.end(), IsDigit); };
  if (!digits(a) || !digits(b) || !digits(c) || a.size() > 2 || b.size() > 2) return false;
  f->m.month = std::atoi(std::string(a).c_str());
  f->m.day = std::atoi(std::string(b).c_str());
  if (f->m.month < 1 || f->m.month > 12) {
    f->m.warning = "numeric date with no valid month: day-month order is not read";
    f->m.month = f->m.day = kUnset;
  }
  if (c.size() == 4) f->m.year = std::atoi(std::string(c).c_str());
  else if (c.size() == 2) f->m.two_digit_year = true, f->m.warning = "two-digit year: the century is not stated";
  else return false;
  CheckDay(&f->m);
  f->end = i + 1;
  return true;
}

// A year on its own: "1990", "fiscal 1989", "2021". A four-digit number is read as a year
// unless what follows makes it a count ("2000 people").
bool Grammar::Year(size_t i, Found* f) const {
  size_t k = i;
  if (Is(k, "fiscal") && Is(k + 1, "year")) k += 2;
  else if (Is(k, "fiscal")) ++k;
  if (!IsYear(k)) return false;
  int64_t y = w_[k].num;
  bool fiscal = k > i;
  static constexpr std::string_view kPreps[] = {"in", "since", "of", "by", "until", "till", "before", "after", "from",
                                                "through", "to", "during", "early", "late", "mid", "-", "year",
                                                "between", "and", "for", "summer", "winter", "spring", "autumn", "fall",
                                                "the", "around", "circa", "c.", "'s"};
  bool prep = fiscal || (k > sb_ && std::find(std::begin(kPreps), std::end(kPreps), w_[k - 1].low) != std::end(kPreps));
  if (k > sb_ && (w_[k - 1].low == "$" || w_[k - 1].low == "#" || w_[k - 1].low == "no." || w_[k - 1].low == "us$"))
    return false;
  if (In(k + 1) && (w_[k + 1].low == "%" || w_[k + 1].low == "percent")) return false;
  if (!prep) {
    if (y < 1800 || y > 2100) return false;
    // "a 1996 law" is a year; "2000 people" a count.
    static constexpr std::string_view kCounted[] = {
        "people", "persons", "troops", "soldiers", "members", "workers", "employees", "votes", "cases", "deaths",
        "dead", "civilians", "children", "students", "families", "homes", "houses", "shares", "tons", "tonnes",
        "barrels", "acres", "miles", "kilometers", "kilometres", "km", "meters", "metres", "feet", "vehicles", "cars",
        "jobs", "units", "seats", "delegates", "points", "pounds", "dollars", "rupees", "refugees", "prisoners",
        "militants", "police", "officers", "rounds", "times", "words", "pages", "copies", "visitors", "patients"};
    if (In(k + 1) && std::find(std::begin(kCounted), std::end(kCounted), w_[k + 1].low) != std::end(kCounted))
      return false;
    if (k > sb_ && w_[k - 1].num >= 0) return false;  // a run of numbers: a table, not a year
    // A number that names a thing: "Route 1999", "Suite 2000", "Flight 1800".
    static constexpr std::string_view kLabels[] = {"route", "flight", "suite", "room", "highway", "interstate",
                                                   "resolution", "apartment", "box", "gate", "platform", "channel",
                                                   "article", "section", "chapter", "model", "version", "number",
                                                   "bus", "train", "unit", "lot", "pier", "exit", "code", "page"};
    if (k > sb_ && std::find(std::begin(kLabels), std::end(kLabels), w_[k - 1].low) != std::end(kLabels))
      return false;
  }
  if (IsHyphen(k + 1) && (Kind(k + 2) == Lex::kUnit || (In(k + 2) && w_[k + 2].num >= 0))) return false;
  f->m.year = static_cast<int>(y);
  f->end = k + 1;
  return true;
}

int DecadeToken(std::string_view s) {
  if (s.size() == 5 && s.back() == 's' && IsDigit(s[0]) && IsDigit(s[1]) && IsDigit(s[2]) && s[3] == '0')
    return static_cast<int>(ParseDigits(s.substr(0, 3)));
  // "'90s": like "the nineties", the century is left to the reader. The 20th is assumed
  // for the 1930s to 1990s only; "'20s" or "'00s" could as well be this century's.
  if (s.starts_with("\u2019")) s.remove_prefix(2);  // the 3-byte quote becomes a 1-byte stand-in
  if (s.size() == 4 && (s[0] == '\'' || static_cast<unsigned char>(s[0]) == 0x99) && IsDigit(s[1]) && s[2] == '0' &&
      s[3] == 's' && s[1] >= '3')
    return 190 + (s[1] - '0');
  return kUnset;
}

// "the 1990s", "'90s", "the nineties", "the 20th century", "this century".
bool Grammar::Decade(size_t i, Found* f) const {
  if (!In(i)) return false;
  const Word& w = w_[i];
  if (int decade = DecadeToken(w.low); decade != kUnset) {
    f->m.decade = decade;
    f->end = i + 1;
    return true;
  }
  // "the 1980's", which the tokenizer cuts before the apostrophe.
  if (IsYear(i) && w.num % 10 == 0 && (Is(i + 1, "s") || Is(i + 1, "'s") || Is(i + 1, "\u2019s")) && w.glued) {
    f->m.decade = static_cast<int>(w.num / 10);
    f->end = i + 2;
    return true;
  }
  if (w.lex.kind == Lex::kDecadeWord) {
    f->m.decade = 190 + w.lex.value;  // "the nineties": the century is implied; 20th assumed
    f->end = i + 1;
    return true;
  }
  if (w.lex.kind == Lex::kOrdinal && Is(i + 1, "century")) {
    f->m.century = w.lex.value - 1;
    f->end = i + 2;
    return true;
  }
  return false;
}

// Quarters and halves: "the third quarter", "third-quarter", "the fiscal first quarter",
// "the fourth quarter of 1990", "the 1988 second quarter", "the first half", "the
// quarter", "the latest quarter", "the year-earlier quarter", "the year-ago period".
bool Grammar::Quarter(size_t i, Found* f) const {
  size_t k = i;
  TimexMeaning& m = f->m;
  bool the = Is(k, "the");
  if (the) ++k;
  if (IsYear(k)) m.year = static_cast<int>(w_[k].num), ++k;
  else if (Is(k, "fiscal") && IsYear(k + 1)) m.year = static_cast<int>(w_[k + 1].num), k += 2;  // "fiscal 1998 Q2"
  // "1988's fourth quarter", "fiscal 1990's first half": the year owns the quarter.
  if (m.year != kUnset && (Is(k, "'s") || Is(k, "\u2019s")) &&
      (Kind(k + 1) == Lex::kOrdinal || Is(k + 1, "fiscal") || Is(k + 1, "first") || Is(k + 1, "last")))
    ++k;
  // "the 1988 period", "the same period last year": in a company report, the span the
  // report covers (a quarter, as a rule) in another year.
  if (the && Is(k, "period") && m.year != kUnset) {
    m.same_period = true;
    f->end = k + 1;
    return true;
  }
  // "the same month last year", "the year-earlier month": a monthly figure compared with the
  // month last named, a year before (timex_resolve.cc counts it from that month, as it
  // does "a year earlier").
  bool same_month = the && m.year == kUnset && (Is(k, "same") || Is(k, "corresponding") || Is(k, "comparable")) &&
                    Is(k + 1, "month");
  // "year-earlier" is one word or three ("year", "-", "earlier"), as the tokenizer has it.
  size_t adjective = Is(k, "year-earlier") || Is(k, "year-ago")                                   ? 1
                     : Is(k, "year") && IsHyphen(k + 1) && (Is(k + 2, "earlier") || Is(k + 2, "ago")) ? 3
                                                                                                     : 0;
  bool year_ago_month = the && m.year == kUnset && adjective && Is(k + adjective, "month");
  if (same_month || year_ago_month) {
    size_t e = same_month ? k + 2 : k + adjective + 1;
    if (same_month) {
      if (Is(e, "last") && Is(e + 1, "year")) e += 2;
      else if (Is(e, "a") && Is(e + 1, "year") && (Is(e + 2, "ago") || Is(e + 2, "earlier"))) e += 3;
      else return false;
    }
    m.shift_unit = TimeUnit::kYear, m.shift = -1;
    m.counted = m.shift_from_previous = true;
    f->end = e;
    return true;
  }
  if (the && m.year == kUnset && (Is(k, "same") || Is(k, "corresponding") || Is(k, "comparable")) &&
      Is(k + 1, "period")) {
    size_t e = k + 2;
    if (Is(e, "last") && Is(e + 1, "year")) e += 2;
    else if (Is(e, "a") && Is(e + 1, "year") && (Is(e + 2, "ago") || Is(e + 2, "earlier"))) e += 3;
    else if (Is(e, "of") && IsYear(e + 1)) m.year = static_cast<int>(w_[e + 1].num), e += 2;
    else return false;
    m.same_period = true;
    if (m.year == kUnset) m.shift_unit = TimeUnit::kYear, m.shift = -1;
    f->end = e;
    return true;
  }
  // "2Q", "Q3", "Q3 1997", "the 1997 Q3": the short forms of business news.
  if (int q = QuarterToken(k); q) {
    m.quarter = q, ++k;
    if (m.year == kUnset && IsYear(k)) m.year = static_cast<int>(w_[k].num), ++k;
    f->end = k;
    return true;
  }
  // "this year's third quarter", "last year's quarter": a year counted from the DCT.
  int year_shift = 0;
  bool relative_year = false;
  if (!the && m.year == kUnset && Kind(k) == Lex::kShift && w_[k].lex.value >= -1 && w_[k].lex.value <= 1) {
    size_t n = Is(k + 1, "year's") || Is(k + 1, "year’s") ? 2
             : Is(k + 1, "year") && (Is(k + 2, "'s") || Is(k + 2, "’s")) ? 3 : 0;
    if (n) year_shift = w_[k].lex.value, relative_year = true, k += n;
  }
  if (Is(k, "fiscal")) ++k;
  if (relative_year && !(Kind(k) == Lex::kOrdinal || Is(k, "quarter") || Is(k, "period"))) return false;
  if (relative_year && (Is(k, "quarter") || Is(k, "period"))) {
    // The quarter just reported (the one before the DCT's), in that year.
    m.shift_unit = TimeUnit::kQuarter;
    m.shift = -1 + 4 * year_shift;
    f->end = k + 1;
    return true;
  }
  if (Is(k, "year-earlier") || Is(k, "year-ago") || (Is(k, "year") && IsHyphen(k + 1))) {
    if (Is(k, "year")) {
      if (!Is(k + 2, "earlier") && !Is(k + 2, "ago")) return false;
      k += 2;
    }
    ++k;
    // "the year-earlier nine months": as long a stretch as the one reported, a year before;
    // TimeBank marks it as the duration it is.
    double amount = 0;
    bool unknown = false;
    if (size_t n = ReadNumber(k, &amount, &unknown);
        n && !unknown && amount > 1 && Kind(k + n) == Lex::kUnit && w_[k + n].lex.plural) {
      f->type = TimexType::kDuration;
      m.amount = amount;
      m.unit = static_cast<TimeUnit>(w_[k + n].lex.value);
      f->end = k + n + 1;
      return true;
    }
    if (Kind(k) == Lex::kOrdinal && w_[k].lex.value <= 4 && Is(k + 1, "quarter")) {
      m.quarter = w_[k].lex.value;  // "the year-ago third quarter": that quarter last year
      m.shift_unit = TimeUnit::kYear;
      m.shift = -1;
      f->end = k + 2;
      return true;
    }
    if (!Is(k, "quarter") && !Is(k, "period")) {
      if (the) return false;
      m.shift_unit = TimeUnit::kYear;  // "year-earlier results": last year's
      m.shift = -1;
      m.counted = true;
      f->end = k;
      return true;
    }
    m.shift_unit = TimeUnit::kQuarter;
    m.shift = -5;  // the reported quarter (one before the DCT's), a year earlier
    f->end = k + 1;
    return true;
  }
  int ord = 0;
  if (Kind(k) == Lex::kOrdinal && w_[k].lex.value <= 4) ord = w_[k].lex.value, ++k;
  else if ((Is(k, "last") || Is(k, "final")) && (Is(k + 1, "quarter") || Is(k + 1, "half")) && Is(k + 2, "of") &&
           IsYear(k + 3))
    ord = Is(k + 1, "quarter") ? 4 : 2, ++k;  // "the last quarter of 1997": its fourth
  else if (Is(k, "latest") || Is(k, "same") || Is(k, "comparable") || Is(k, "corresponding")) ord = -1, ++k;
  if (IsHyphen(k)) ++k;
  if (Is(k, "half") && ord >= 1 && ord <= 2) {
    m.half = ord;
  } else if (Is(k, "quarter")) {
    if (IsHyphen(k + 1) && Is(k + 2, "to")) return false;  // "the quarter-to-quarter comparison"
    if (ord > 0) m.quarter = ord;
    else if (!the && ord == 0) return false;
    else {
      m.shift_unit = TimeUnit::kQuarter;
      m.shift = -1;  // "the quarter", "the latest quarter": the one just reported
      m.anaphoric = true;
    }
  } else {
    return false;
  }
  ++k;
  if (relative_year) {
    if (m.half != kUnset) return false;
    m.shift_unit = TimeUnit::kYear;
    m.shift = year_shift;
    f->end = k;
    return true;
  }
  if (m.year == kUnset && m.shift_unit == TimeUnit::kNone && IsYear(k) && w_[k].num >= 1900 && !IsHyphen(k + 1)) {
    m.year = static_cast<int>(w_[k].num), ++k;  // "third-quarter 1989 profit", "the first half 1990"
  } else if (Is(k, "of") && (Is(k + 1, "fiscal") ? IsYear(k + 2) : IsYear(k + 1))) {
    k += Is(k + 1, "fiscal") ? 2 : 1;
    m.year = static_cast<int>(w_[k].num), ++k;
  } else if (Is(k, "of") && Kind(k + 1) == Lex::kShift && w_[k + 1].lex.value >= -1 && w_[k + 1].lex.value <= 1 &&
             Is(k + 2, "year") && !Is(k + 1, "previous") && !Is(k + 1, "following") && !Is(k + 1, "preceding")) {
    // "the first quarter of next year", "the second half of last year": that year's,
    // counted from the DCT whatever the tense.
    m.shift_unit = TimeUnit::kYear;
    m.shift = w_[k + 1].lex.value;
    k += 3;
  } else if (m.year == kUnset && m.half == kUnset && Is(k, "a") && Is(k + 1, "year") &&
             (Is(k + 2, "ago") || Is(k + 2, "earlier"))) {
    // "the quarter a year ago", "the third quarter a year earlier": that quarter of the
    // year before.
    if (m.quarter != kUnset) m.shift_unit = TimeUnit::kYear, m.shift = -1;
    else m.shift = -5;  // the reported quarter (one before the DCT's), a year earlier
    k += 3;
  }
  f->end = k;
  return true;
}

// Years in words, as transcripts write them: "nineteen ninety-six", "the year two thousand".
bool Grammar::SpelledYear(size_t i, Found* f) const {
  size_t k = i;
  bool the_year = Is(k, "the") && Is(k + 1, "year");
  if (the_year) k += 2;
  if (Is(k, "nineteen") || (Is(k, "twenty") && !IsHyphen(k + 1) && Kind(k + 1) == Lex::kNumber)) {
    int hundreds = Is(k, "nineteen") ? 1900 : 2000;
    double rest = 0;
    bool unknown = false;
    size_t n = ReadNumber(k + 1, &rest, &unknown);
    if (!n || unknown || rest < 10 || rest > 99 || Is(k + 1, "a")) return false;
    f->m.year = hundreds + static_cast<int>(rest);
    f->end = k + 1 + n;
    return true;
  }
  if (the_year && Is(k, "two") && Is(k + 1, "thousand")) {
    int year = 2000;
    k += 2;
    if (Is(k, "and") && Kind(k + 1) == Lex::kNumber) ++k;
    double rest = 0;
    bool unknown = false;
    if (size_t n = ReadNumber(k, &rest, &unknown); n && !unknown && rest < 100) year += static_cast<int>(rest), k += n;
    f->m.year = year;
    f->end = k;
    return true;
  }
  return false;
}

// Holidays: fixed dates ("Christmas", "New Year's Day", "Halloween") and US holidays
// that fall on a weekday of a month ("Thanksgiving" is the fourth Thursday of November),
// optionally counted from the DCT ("last Thanksgiving", "next Christmas").
bool Grammar::Holiday(size_t i, Found* f) const {
  size_t k = i;
  int shift = 0;
  if (Kind(k) == Lex::kShift && w_[k].lex.value != 0 && In(k + 1) && w_[k + 1].cap) shift = w_[k].lex.value, ++k;
  if (!In(k) || !w_[k].cap) return false;
  TimexMeaning& m = f->m;
  auto possessive = [&](size_t j) { return Is(j, "'s") || Is(j, "’s"); };
  size_t end = 0;
  if (Is(k, "christmas")) {
    bool eve = Is(k + 1, "eve");
    m.month = 12, m.day = eve ? 24 : 25;
    end = k + (eve || Is(k + 1, "day") ? 2 : 1);
  } else if (Is(k, "new") && (Is(k + 1, "year's") || (Is(k + 1, "year") && possessive(k + 2)))) {
    size_t d = k + (Is(k + 1, "year's") ? 2 : 3);
    if (!Is(d, "day") && !Is(d, "eve")) return false;
    bool eve = Is(d, "eve");
    m.month = eve ? 12 : 1, m.day = eve ? 31 : 1;
    end = d + 1;
  } else if (Is(k, "easter") && !(In(k + 1) && w_[k + 1].cap && !Is(k + 1, "sunday") && !Is(k + 1, "monday") &&
                                   !Is(k + 1, "week"))) {  // not "Easter Island", "the Easter Rising"
    // "Easter", "Easter Sunday", "Easter Monday", "Easter week" (the week Easter Sunday
    // ends, Holy Week as TimeBank values it): the date moves with the moon, so it is
    // computed for the year chosen (timex_resolve.cc).
    m.easter_offset = Is(k + 1, "monday") && w_[k + 1].cap ? 1 : 0;
    m.week_of = Is(k + 1, "week");
    end = k + (Is(k + 1, "sunday") || Is(k + 1, "monday") || Is(k + 1, "week") ? 2 : 1);
  } else if (Is(k, "good") && Is(k + 1, "friday") && w_[k + 1].cap) {
    m.easter_offset = -2;
    end = k + 2;
  } else if (Is(k, "halloween")) {
    m.month = 10, m.day = 31, end = k + 1;
  } else if (Is(k, "independence") && Is(k + 1, "day") && In(k + 1) && w_[k + 1].cap) {
    m.month = 7, m.day = 4, end = k + 2;  // the American one: sitrep's corpus is US news first
  } else if (Is(k, "thanksgiving")) {
    m.month = 11, m.weekday = 4, m.nth_weekday = 4;
    end = k + (Is(k + 1, "day") ? 2 : 1);
  } else if ((Is(k, "labor") || Is(k, "memorial")) && Is(k + 1, "day") && w_[k + 1].cap) {
    bool labor = Is(k, "labor");
    m.month = labor ? 9 : 5, m.weekday = 1, m.nth_weekday = labor ? 1 : -1;
    end = k + 2;
  } else {
    return false;
  }
  if (shift != 0) {
    m.shift = shift;
    m.direction = shift < 0 ? Direction::kPast : Direction::kFuture;
  }
  f->end = end;
  return true;
}

// Dates of the Islamic calendar ("15 Shaban 1445", "Ramadan"): recognised so the reader
// knows a date is there, but not converted.
bool Grammar::Hijri(size_t i, Found* f) const {
  size_t k = i;
  if (Num(k) >= 1 && w_[k].ndigits <= 2 && Kind(k + 1) == Lex::kHijriMonth) ++k;
  if (Kind(k) != Lex::kHijriMonth || !w_[k].cap) return false;
  ++k;
  if (Is(k, "ul") || Is(k, "al")) k += IsHyphen(k + 1) ? 2 : 1;
  if (Num(k) >= 1300 && Num(k) <= 1600) ++k;
  f->m.ref = "";
  f->m.warning = "a date in the Islamic (Hijri) calendar: not converted";
  f->end = k;
  return true;
}

// Digits in another script where a year would be ("٢٠٢٤"): flagged, never read.
bool IsForeignDigitYear(std::string_view s) {
  // Arabic-Indic (U+0660..), Extended Arabic-Indic (U+06F0..), Devanagari (U+0966..):
  // each digit is two or three bytes.
  int digits = 0;
  for (size_t p = 0; p + 1 < s.size();) {
    unsigned char a = s[p], b = s[p + 1];
    if ((a == 0xD9 && b >= 0xA0 && b <= 0xA9) || (a == 0xDB && b >= 0xB0 && b <= 0xB9)) {
      ++digits, p += 2;
    } else if (a == 0xE0 && p + 2 < s.size() && b == 0xA5 && static_cast<unsigned char>(s[p + 2]) >= 0xA6 &&
               static_cast<unsigned char>(s[p + 2]) <= 0xAF) {
      ++digits, p += 3;
    } else {
      return false;
    }
  }
  return digits == 4;
}

}  // namespace sitrep::timex_internal
