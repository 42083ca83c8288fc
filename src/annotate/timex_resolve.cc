// Resolution (see timex.h): meanings become TIMEX3 values against a DCT anchor and the
// last date the text named.
#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <optional>

#include "annotate/timex.h"
#include "annotate/timex_internal.h"

namespace sitrep {

using namespace timex_internal;  // NOLINT: the layer's own helpers

namespace {

std::string_view UnitGranularity(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kSecond: return "second";
    case TimeUnit::kMinute: return "minute";
    case TimeUnit::kHour: return "hour";
    case TimeUnit::kPartOfDay: return "part-of-day";
    case TimeUnit::kDay: return "day";
    case TimeUnit::kWeekend:
    case TimeUnit::kWeek: return "week";
    case TimeUnit::kMonth: return "month";
    case TimeUnit::kSeason: return "season";
    case TimeUnit::kQuarter: return "quarter";
    case TimeUnit::kHalf: return "half";
    case TimeUnit::kYear: return "year";
    case TimeUnit::kDecade: return "decade";
    case TimeUnit::kCentury: return "century";
    case TimeUnit::kNone: break;
  }
  return "unknown";
}

std::string FormatAmount(double amount) {
  if (amount < 0) return "X";
  if (amount == std::floor(amount)) return fmt::format("{}", static_cast<int64_t>(amount));
  return fmt::format("{:g}", amount);
}

// "P3D", "PT5H30M", "P10Y" (a decade), "PXW" (several weeks).
std::string FormatDuration(double amount, TimeUnit unit) {
  if (unit == TimeUnit::kHour && amount > 0 && amount < 1) return fmt::format("PT{}M", std::lround(amount * 60));
  if (unit == TimeUnit::kHour && amount > 0 && amount != std::floor(amount))
    return fmt::format("PT{}H{}M", static_cast<int64_t>(amount), static_cast<int>(std::lround((amount - std::floor(amount)) * 60)));
  if (amount > 0 && amount != std::floor(amount) && unit == TimeUnit::kYear)
    return fmt::format("P{}M", static_cast<int64_t>(std::lround(amount * 12)));
  std::string a = FormatAmount(amount);
  switch (unit) {
    case TimeUnit::kSecond: return "PT" + a + "S";
    case TimeUnit::kMinute: return "PT" + a + "M";
    case TimeUnit::kHour: return "PT" + a + "H";
    case TimeUnit::kDay:
    case TimeUnit::kPartOfDay: return "P" + a + "D";
    case TimeUnit::kWeekend:
    case TimeUnit::kWeek: return "P" + a + "W";
    case TimeUnit::kMonth: return "P" + a + "M";
    case TimeUnit::kQuarter: return "P" + a + "Q";
    case TimeUnit::kSeason: return "P" + a + "M";
    case TimeUnit::kHalf: return amount < 0 ? "PXM" : "P" + FormatAmount(amount * 6) + "M";
    case TimeUnit::kYear: return "P" + a + "Y";
    case TimeUnit::kDecade: return amount < 0 ? "PXDE" : "P" + FormatAmount(amount * 10) + "Y";
    case TimeUnit::kCentury: return amount < 0 ? "PXCE" : "P" + FormatAmount(amount * 100) + "Y";
    case TimeUnit::kNone: break;
  }
  return "P" + a + "D";
}

struct Resolved {
  std::string value;
  std::string_view granularity;
  bool used_anchor = false;
};

std::string DayValue(int64_t days) {
  CivilTime t = CivilFromDays(days);
  return fmt::format("{}-{:02}-{:02}", Year4(t.year), t.month, t.day);
}

// The time-of-day suffix: "T17:50", "TMO".
std::string TimeSuffix(const TimexMeaning& m) {
  if (m.hour != kUnset) return fmt::format("T{:02}:{:02}", m.hour, m.minute == kUnset ? 0 : m.minute);
  if (!m.part_of_day.empty()) return "T" + std::string(m.part_of_day);
  return "";
}

// After a weekday TimeBank writes the hour ("noon Saturday"), the part of day for "Friday
// evening" and "Wednesday night" (TEV, TNI, as TIMEX3 names them), and nothing for
// "Thursday morning" or "Monday afternoon".
std::string WeekdayTimeSuffix(const TimexMeaning& m) {
  if (m.hour != kUnset) return TimeSuffix(m);
  if (m.part_of_day == "EV" || m.part_of_day == "NI") return "T" + std::string(m.part_of_day);
  return "";
}

std::string_view DayGranularity(const TimexMeaning& m) {
  return m.hour != kUnset ? "time" : !m.part_of_day.empty() ? "part-of-day" : "day";
}

// The year of a month-and-day, month, quarter or season stated without one: the
// occurrence on the side of the DCT the tense points to, the nearest one otherwise.
int ChooseYear(const CivilTime& dct, int month, int day, Direction dir, int shift, bool limit) {
  int64_t now = Days(dct);
  auto at = [&](int year) { return DaysFromCivil(year, month, day == kUnset ? 1 : std::min(day, DaysInMonth(year, month))); };
  int y = dct.year;
  // A limit ("by February", "through January") is the nearest such month or day.
  if (limit && shift == 0) {
    int64_t mid = day == kUnset ? 14 : 0;  // a month is compared by its middle
    int best = y;
    for (int c : {y - 1, y + 1})
      if (std::llabs(at(c) + mid - now) < std::llabs(at(best) + mid - now)) best = c;
    return best;
  }
  // Reported speech mixes tenses ("said the offer expires Dec. 15"): a date up to three
  // months on the other side of the DCT keeps the DCT's year.
  if (day == kUnset) {  // compare months, not days
    if (shift < 0) return month < dct.month ? y : y - 1;  // "last November": the latest before the DCT's month
    if (shift > 0) return month > dct.month ? y : y + 1;
    if (dir == Direction::kPast) return month > dct.month + 3 ? y - 1 : y;
    if (dir == Direction::kFuture) return month < dct.month - 3 ? y + 1 : y;
    // No tense to go by, or a present one ("is a suspect in shootings in November"): news
    // mostly reports what has happened, so a month well after the DCT's is last year's
    // ("in November", written in May). "this November" never comes here (a year shift).
    if ((dir == Direction::kUnknown || dir == Direction::kPresent) && month > dct.month + 4) return y - 1;
    return y;
  }
  if (dir == Direction::kPast) return at(y) > now + 92 ? y - 1 : y;
  if (dir == Direction::kFuture) return at(y) < now - 92 ? y + 1 : y;
  if (dir == Direction::kUnknown) return at(y) > now + 122 ? y - 1 : y;  // as for months: news looks back
  int best = y;
  for (int c : {y - 1, y + 1})
    if (std::llabs(at(c) - now) < std::llabs(at(best) - now)) best = c;
  return best;
}

// The day of the month of its nth given weekday (nth -1: the last one).
int NthWeekdayOfMonth(int year, int month, int weekday, int nth) {
  if (nth < 0) {
    int last = DaysInMonth(year, month);
    return last - (Weekday(DaysFromCivil(year, month, last)) - weekday + 7) % 7;
  }
  int first = (weekday - Weekday(DaysFromCivil(year, month, 1)) + 7) % 7 + 1;
  return first + 7 * (nth - 1);
}

int SeasonStartMonth(std::string_view season) {
  return season == "SP" ? 3 : season == "SU" ? 6 : season == "FA" ? 9 : 12;
}

// The last date the text named, for what counts from it ("a day earlier", "the following
// month"): its first day and how fine it is (0 day, 1 month, 2 year).
struct Reference {
  int64_t day = 0;
  int rank = -1;  // -1: none yet
};

int RankNeeded(TimeUnit unit) {
  return unit <= TimeUnit::kWeek ? 0 : unit <= TimeUnit::kQuarter ? 1 : 2;
}

// Resolves against one DCT point (nullptr: none known) and the last date the text named.
Resolved ResolveAt(const TimexMeaning& m, TimexType type, const CivilTime* dct, const Reference& previous) {
  Resolved r;
  if (!m.ref.empty()) {
    r.value = std::string(m.ref);
    r.granularity = "unknown";
    return r;
  }
  if (type == TimexType::kSet) {
    r.value = !m.set_value.empty() ? std::string(m.set_value) : FormatDuration(m.amount < 0 ? 1 : m.amount, m.unit);
    r.granularity = UnitGranularity(m.unit);
    return r;
  }
  if (type == TimexType::kDuration) {
    r.value = FormatDuration(m.amount, m.unit);
    r.granularity = UnitGranularity(m.unit);
    return r;
  }
  // Stated years, decades, centuries.
  if (m.two_digit_year) {
    r.value = m.month != kUnset ? fmt::format("XXXX-{:02}", m.month) : "XXXX";
    if (m.month != kUnset && m.day != kUnset) r.value += fmt::format("-{:02}", m.day);
    r.granularity = m.day != kUnset ? "day" : m.month != kUnset ? "month" : "year";
    return r;
  }
  if (m.century != kUnset && m.year == kUnset) {
    r.value = fmt::format("{:02}", m.century);
    r.granularity = "century";
    return r;
  }
  if (m.decade != kUnset) {
    r.value = fmt::format("{:03}", m.decade);
    r.granularity = "decade";
    return r;
  }
  if (m.year != kUnset && m.shift_unit == TimeUnit::kNone) {
    r.value = Year4(m.year);
    r.granularity = "year";
    if (m.month != kUnset) {
      r.value += fmt::format("-{:02}", m.month);
      r.granularity = "month";
      if (m.day != kUnset) {
        r.value += fmt::format("-{:02}", m.day) + TimeSuffix(m);
        r.granularity = DayGranularity(m);
      } else if (!m.warning.empty()) {
        r.value += "-XX";
      }
    } else if (m.quarter != kUnset) {
      r.value += fmt::format("-Q{}", m.quarter), r.granularity = "quarter";
    } else if (m.half != kUnset) {
      r.value += fmt::format("-H{}", m.half), r.granularity = "half";
    } else if (!m.season.empty()) {
      r.value += "-" + std::string(m.season), r.granularity = "season";
    }
    return r;
  }
  // A shift from the DCT (or from the last day named: "a day earlier").
  if (m.shift_unit != TimeUnit::kNone) {
    if (m.shift_unknown_amount) {
      r.value = m.shift < 0 ? "PAST_REF" : "FUTURE_REF";
      r.granularity = "unknown";
      return r;
    }
    int64_t base;
    if (m.shift_from_previous && previous.rank >= 0 && previous.rank <= RankNeeded(m.shift_unit)) base = previous.day;
    else if (m.narrative_day) base = INT64_MIN;  // the DCT is not the narrative's day
    else if (dct) base = Days(*dct), r.used_anchor = true;
    else base = INT64_MIN;
    bool known = base != INT64_MIN;
    CivilTime b = known ? CivilFromDays(base) : CivilTime{};
    switch (m.shift_unit) {
      case TimeUnit::kDay:
        r.value = (known ? DayValue(base + m.shift) : "XXXX-XX-XX") + TimeSuffix(m);
        r.granularity = DayGranularity(m);
        return r;
      case TimeUnit::kWeek: {
        if (!known) {
          r.value = m.weekend ? "XXXX-WXX-WE" : "XXXX-WXX";
        } else {
          auto [y, w] = IsoWeek(base + 7 * m.shift);
          r.value = fmt::format("{}-W{:02}{}", Year4(y), w, m.weekend ? "-WE" : "");
        }
        r.granularity = "week";
        return r;
      }
      case TimeUnit::kMonth: {
        r.value = known ? [&] { CivilTime t = AddMonths(b, m.shift); return fmt::format("{}-{:02}", Year4(t.year), t.month); }()
                        : "XXXX-XX";
        r.granularity = "month";
        return r;
      }
      case TimeUnit::kQuarter: {
        if (!known) {
          r.value = m.shift == -5 ? "XXXX-QX" : "XXXX-QX";
        } else {
          int q = b.year * 4 + (b.month - 1) / 3 + m.shift;
          r.value = fmt::format("{}-Q{}", Year4(q / 4), q % 4 + 1);
        }
        r.granularity = "quarter";
        return r;
      }
      case TimeUnit::kYear:
      case TimeUnit::kHalf:
      case TimeUnit::kSeason: {
        int y = known ? b.year + m.shift : kUnset;
        r.value = y != kUnset ? Year4(y) : "XXXX";
        r.granularity = "year";
        if (m.month != kUnset) {
          r.value += fmt::format("-{:02}", m.month), r.granularity = "month";
          if (m.day != kUnset) r.value += fmt::format("-{:02}", m.day), r.granularity = "day";
        } else if (m.quarter != kUnset) {
          r.value += fmt::format("-Q{}", m.quarter), r.granularity = "quarter";
        } else if (m.half != kUnset) {
          r.value += fmt::format("-H{}", m.half), r.granularity = "half";
        } else if (!m.season.empty()) {
          r.value += "-" + std::string(m.season), r.granularity = "season";
        }
        return r;
      }
      case TimeUnit::kDecade:
        r.value = known ? fmt::format("{:03}", b.year / 10 + m.shift) : "XXX";
        r.granularity = "decade";
        return r;
      case TimeUnit::kCentury:
        r.value = known ? fmt::format("{:02}", b.year / 100 + m.shift) : "XX";
        r.granularity = "century";
        return r;
      default:
        break;
    }
  }
  // Easter and the days counted from it: the occurrence on the side of the DCT the tense
  // points to, as for a month and day, then that year's date.
  if (m.easter_offset != kUnset) {
    r.granularity = "day";
    if (!dct) return r.value = "XXXX-XX-XX", r;
    CivilTime easter = CivilFromDays(EasterSunday(dct->year) + m.easter_offset);
    int y = ChooseYear(*dct, easter.month, easter.day, m.direction, m.shift, m.limit);
    r.value = DayValue(EasterSunday(y) + m.easter_offset);
    r.used_anchor = true;
    return r;
  }
  // Calendar fields without a year: the year (or week) comes from the DCT.
  if (m.weekend) {
    r.granularity = "week";
    if (!dct) return r.value = "XXXX-WXX-WE", r;
    int64_t now = Days(*dct);
    int wd = Weekday(now);
    int64_t saturday = now - wd + 6;  // this week's Saturday
    if (m.direction == Direction::kPast && wd < 6) saturday -= 7;
    auto [y, w] = IsoWeek(saturday);
    r.value = fmt::format("{}-W{:02}-WE", Year4(y), w);
    r.used_anchor = true;
    return r;
  }
  if (m.month != kUnset) {
    r.granularity = m.day != kUnset ? DayGranularity(m) : "month";
    if (!dct) {
      r.value = fmt::format("XXXX-{:02}", m.month);
      if (m.day != kUnset) r.value += fmt::format("-{:02}", m.day) + TimeSuffix(m);
      else if (!m.warning.empty()) r.value += "-XX";
      return r;
    }
    int y = ChooseYear(*dct, m.month, m.day, m.direction, m.shift, m.limit);
    r.value = fmt::format("{}-{:02}", Year4(y), m.month);
    int day = m.nth_weekday != kUnset ? NthWeekdayOfMonth(y, m.month, m.weekday, m.nth_weekday) : m.day;
    if (day != kUnset) {
      r.granularity = DayGranularity(m);
      if (day > DaysInMonth(y, m.month)) {
        r.value += "-XX";
      } else {
        r.value += fmt::format("-{:02}", day) + TimeSuffix(m);
      }
    } else if (!m.warning.empty()) {
      r.value += "-XX";
    }
    r.used_anchor = true;
    return r;
  }
  if (m.quarter != kUnset || m.half != kUnset) {
    r.granularity = m.quarter != kUnset ? "quarter" : "half";
    std::string part = m.quarter != kUnset ? fmt::format("Q{}", m.quarter) : fmt::format("H{}", m.half);
    if (!dct) return r.value = "XXXX-" + part, r;
    int current = m.quarter != kUnset ? (dct->month - 1) / 3 + 1 : (dct->month - 1) / 6 + 1;
    int wanted = m.quarter != kUnset ? m.quarter : m.half;
    int y = dct->year;
    if (m.direction == Direction::kPast && wanted > current) --y;
    if (m.direction == Direction::kUnknown && wanted > current) --y;  // news reports finished quarters
    r.value = Year4(y) + "-" + part;
    r.used_anchor = true;
    return r;
  }
  if (!m.season.empty()) {
    r.granularity = "season";
    if (!dct) return r.value = "XXXX-" + std::string(m.season), r;
    int start = SeasonStartMonth(m.season);
    int y = dct->year;
    if (m.shift < 0 && m.latest_before && m.season != "WI") {
      if (start + 2 >= dct->month) --y;  // "this past spring": this year's once it is over
    } else if (m.shift < 0) {
      --y;  // "last spring": last year's
    } else if (m.shift == 0 && m.direction == Direction::kPast) {
      if (start > dct->month) --y;
    } else if (m.shift > 0 && start <= dct->month) {
      ++y;
    }
    r.value = Year4(y) + "-" + std::string(m.season);
    r.used_anchor = true;
    return r;
  }
  if (m.weekday != kUnset) {
    r.granularity = DayGranularity(m);
    if (m.shift_from_previous && m.shift != 0 && previous.rank == 0) {
      int delta = m.weekday - Weekday(previous.day);  // -6..6
      int64_t day = m.shift < 0 ? previous.day + (delta < 0 ? delta : delta - 7)
                                : previous.day + (delta > 0 ? delta : delta + 7);
      r.value = DayValue(day) + WeekdayTimeSuffix(m);
      return r;
    }
    if (!dct) return r.value = fmt::format("XXXX-WXX-{}", m.weekday) + WeekdayTimeSuffix(m), r;
    int64_t now = Days(*dct);
    int delta = m.weekday - Weekday(now);  // -6..6
    int64_t day;
    switch (m.direction) {
      case Direction::kFuture: day = now + (delta >= 0 ? delta : delta + 7); break;  // "on Friday", written on a Friday: that day
      case Direction::kPresent:
        // "this Friday": the nearest one. A weekday in a present-tense sentence ("says
        // Thursday's ruling stands") is mostly one just past; tomorrow at the latest.
        if (m.this_weekday) day = now + (delta > 3 ? delta - 7 : delta < -3 ? delta + 7 : delta);
        else day = now + (delta > 1 ? delta - 7 : delta < -5 ? delta + 7 : delta);
        break;
      default: day = now + (delta > 0 ? delta - 7 : delta); break;
    }
    if (m.shift < 0 && day == now) day -= 7;  // "last Friday", said on a Friday
    if (m.shift > 0 && day <= now) day += 7 * ((now - day) / 7 + 1);  // "next Friday", said on a Friday
    r.value = DayValue(day) + WeekdayTimeSuffix(m);
    r.used_anchor = true;
    return r;
  }
  if (m.hour != kUnset || !m.part_of_day.empty()) {
    r.granularity = DayGranularity(m);
    // A clock time told in the past ("was shot at 10 p.m.") is on the day the narrative is
    // at, the last day named, while it is near and not after the DCT; the DCT's day otherwise.
    if (m.direction == Direction::kPast && previous.rank == 0 && (!dct || previous.day <= Days(*dct))) {
      r.value = DayValue(previous.day) + TimeSuffix(m);
      return r;
    }
    r.value = (dct ? DayValue(Days(*dct)) : "XXXX-XX-XX") + TimeSuffix(m);
    r.used_anchor = dct != nullptr;
    return r;
  }
  r.granularity = "unknown";
  return r;
}

// The date a resolved value names, as a reference for what counts from it.
std::optional<Reference> ReferenceOf(const std::string& value) {
  auto digits = [&](size_t pos, size_t len) {
    if (value.size() < pos + len) return -1;
    for (size_t p = pos; p < pos + len; ++p)
      if (!IsDigit(value[p])) return -1;
    return std::atoi(value.substr(pos, len).c_str());
  };
  int y = digits(0, 4);
  if (y < 0) return std::nullopt;
  if (value.size() == 4) return Reference{DaysFromCivil(y, 1, 1), 2};
  int m = value[4] == '-' ? digits(5, 2) : -1;
  if (m < 1 || m > 12) return std::nullopt;
  if (value.size() == 7) return Reference{DaysFromCivil(y, m, 1), 1};
  int d = value.size() >= 10 && value[7] == '-' ? digits(8, 2) : -1;
  if (d < 1 || d > DaysInMonth(y, m)) return std::nullopt;
  return Reference{DaysFromCivil(y, m, d), 0};
}

// "2024-Q3" -> {2024, 3}.
std::optional<std::pair<int, int>> QuarterOf(const std::string& value) {
  if (value.size() != 7 || value[4] != '-' || value[5] != 'Q' || value[6] < '1' || value[6] > '4') return std::nullopt;
  for (size_t p = 0; p < 4; ++p)
    if (!IsDigit(value[p])) return std::nullopt;
  return std::pair<int, int>{std::atoi(value.substr(0, 4).c_str()), value[6] - '0'};
}

}  // namespace

void ResolveTimexes(const DctAnchor& dct, std::vector<Timex>* timexes) {
  Reference previous;
  std::optional<std::pair<int, int>> last_quarter;
  bool quarter_latest = false;  // the last date named was a quarter, not a day or month
  bool period_end_latest = false;  // the last day named closed a period (TimexMeaning::period_end)
  // A report on several months ("in the first nine months, net was ... against the 1988
  // period"): what it compares with is that stretch of another year, so the year alone.
  bool months_report = false;
  uint32_t months_report_end = 0;
  uint32_t previous_end = 0;     // token after the last date named
  // How near the date a count starts from must be for its granularity to carry over: the
  // same sentence or the one before, roughly.
  constexpr uint32_t kNearTokens = 40;
  bool have_dct = dct.kind != DctAnchor::Kind::kNone;
  for (Timex& t : *timexes) {
    // "the morning", "overnight" stay with the narrative's day only while it is near;
    // further on the story has come back to the time of writing.
    Reference from = previous;
    const TimexMeaning& pm = t.meaning;
    bool bare_clock = pm.hour != kUnset && pm.shift_unit == TimeUnit::kNone && pm.weekday == kUnset &&
                      pm.month == kUnset && pm.year == kUnset;
    if (((pm.shift_from_previous && !pm.narrative_day && !pm.counted && !pm.part_of_day.empty()) || bare_clock) &&
        t.token_begin > previous_end + 2 * kNearTokens)
      from.rank = -1;
    Resolved r;
    if (!have_dct) {
      r = ResolveAt(t.meaning, t.type, nullptr, from);
    } else {
      Resolved lo = ResolveAt(t.meaning, t.type, &dct.earliest, from);
      if (dct.earliest == dct.latest) {
        r = lo;
      } else {
        Resolved hi = ResolveAt(t.meaning, t.type, &dct.latest, from);
        // An interval anchors a value only where both its ends give the same one.
        r = lo.value == hi.value ? lo : ResolveAt(t.meaning, t.type, nullptr, from);
      }
    }
    if (t.meaning.warning.starts_with("a date in the Islamic") || t.meaning.warning.starts_with("a year written"))
      r.value.clear();
    // In a report on a quarter, "a year ago" and "year-earlier" mean that quarter a year
    // before, as business news (and TimeBank) use them.
    const TimexMeaning& m = t.meaning;
    // "a year earlier", "a month later" after a day or month: the same day or month,
    // shifted, as fine as the date it counts from ("rose 2% in January and 3% a year
    // earlier": January of the year before).
    bool from_named = m.counted && m.shift_from_previous && !quarter_latest && !period_end_latest &&
                      previous.rank >= 0 && t.token_begin <= previous_end + kNearTokens &&
                      previous.rank <= 1 && (m.shift_unit == TimeUnit::kYear || m.shift_unit == TimeUnit::kMonth);
    bool in_months_report = months_report && t.token_begin <= months_report_end + kNearTokens;
    if (m.same_period && in_months_report) {
      // r already holds the year.
    } else if (m.same_period) {
      // The quarter the report is about, in the year stated ("the 1988 period") or a year
      // before it ("the same period last year"); the year alone when no quarter was named.
      std::optional<int> year;
      if (m.year != kUnset) year = m.year;
      else if (last_quarter) year = last_quarter->first + m.shift;
      if (year && last_quarter) {
        r.value = fmt::format("{}-Q{}", Year4(*year), last_quarter->second);
        r.granularity = "quarter";
      }
    } else if (m.demonstrative && m.shift_unit == TimeUnit::kQuarter && m.shift == 0 && last_quarter &&
               t.meaning.direction == Direction::kPast && have_dct &&
               last_quarter->first * 4 + last_quarter->second ==
                   dct.earliest.year * 4 + (dct.earliest.month - 1) / 3) {
      // "This quarter's loss includes ...", "sales fell this quarter", in a report on the
      // quarter just ended: the quarter the report is about, as "this" points back at what
      // the text has named. Not "will post a loss this quarter" (ahead, or no tense to go
      // by: the DCT's quarter), nor "the current quarter".
      r.value = fmt::format("{}-Q{}", Year4(last_quarter->first), last_quarter->second);
      r.granularity = "quarter";
    } else if (m.anaphoric && m.shift_unit == TimeUnit::kQuarter && m.shift == -1 && last_quarter) {
      r.value = fmt::format("{}-Q{}", Year4(last_quarter->first), last_quarter->second);
      r.granularity = "quarter";
    } else if (from_named) {
      CivilTime base = CivilFromDays(previous.day);
      CivilTime moved = AddMonths(base, m.shift_unit == TimeUnit::kYear ? 12 * m.shift : m.shift);
      r.value = previous.rank == 0 ? DayValue(Days(moved)) : fmt::format("{}-{:02}", Year4(moved.year), moved.month);
      r.granularity = previous.rank == 0 ? "day" : "month";
    } else if (m.counted && m.shift_unit == TimeUnit::kYear && m.shift == -1 && last_quarter) {
      r.value = in_months_report ? Year4(last_quarter->first - 1)
                                 : fmt::format("{}-Q{}", Year4(last_quarter->first - 1), last_quarter->second);
      r.granularity = in_months_report ? "year" : "quarter";
    }
    if (m.week_of) {
      if (auto day = ReferenceOf(r.value); day && day->rank == 0) {
        auto [y, w] = IsoWeek(day->day);
        r.value = fmt::format("{}-W{:02}", Year4(y), w);
        r.granularity = "week";
      }
    }
    t.value = std::move(r.value);
    t.granularity = r.granularity;
    t.anchor = !r.used_anchor ? "none" : dct.kind == DctAnchor::Kind::kStated ? "dct" : "inferred-dct";
    if (t.type == TimexType::kDuration && m.unit == TimeUnit::kMonth && m.amount >= 4) {
      months_report = true;
      months_report_end = t.token_end;
    } else if (in_months_report && (m.same_period || m.counted)) {
      months_report_end = t.token_end;  // the comparison goes on
    }
    if (t.type == TimexType::kDate || t.type == TimexType::kTime) {
      if (QuarterOf(t.value) && !m.counted && !m.same_period) months_report = false;
      if (auto ref = ReferenceOf(t.value)) {
        previous = *ref, previous_end = t.token_end;
        // "for the third quarter ended Sept. 30": the report is still about the quarter.
        if (!m.period_end) quarter_latest = false;
        period_end_latest = m.period_end;
      }
      // The quarter a report is about; not its year-ago twin ("the year-ago period").
      bool year_ago_quarter = m.shift_unit == TimeUnit::kQuarter && m.shift <= -4;
      // A later mention of an earlier quarter looks back ("after a flat second quarter"), and
      // one not yet over looks ahead ("will result in a fourth-quarter charge"): neither
      // changes the quarter reported on.
      if (auto q = QuarterOf(t.value); q && !m.counted && !year_ago_quarter && !m.same_period) {
        bool over = !have_dct || q->first * 4 + q->second < dct.earliest.year * 4 + (dct.earliest.month - 1) / 3 + 1;
        if (!last_quarter || (*q >= *last_quarter && over)) last_quarter = q;
        quarter_latest = true;
      }
    }
  }
}

}  // namespace sitrep
