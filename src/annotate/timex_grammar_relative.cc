// Matchers for expressions that count from the time of writing or from another date:
// weekdays, "today", "now", "last year", "the past two months", "two days ago", clock
// times.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <string>

#include "annotate/timex_internal.h"

namespace sitrep::timex_internal {


// "Monday", "last Friday", "Thursday morning", "Wednesday night".
bool Grammar::WeekdayDate(size_t i, Found* f) const {
  size_t k = i;
  if (Kind(k) == Lex::kShift && Kind(k + 1) == Lex::kWeekday) {
    int s = w_[k].lex.value;
    f->m.direction = s < 0 ? Direction::kPast : s > 0 ? Direction::kFuture : Direction::kPresent;
    if (s != 0) f->m.shift = s;  // "last Friday": strictly before the DCT
    f->m.this_weekday = s == 0;
    // "the previous Friday": the Friday before the last day the text named.
    f->m.shift_from_previous = Is(k, "previous") || Is(k, "preceding") || Is(k, "following");
    ++k;
  }
  if (Kind(k) != Lex::kWeekday || !w_[k].cap) return false;
  if (w_[k].lex.plural) {  // "Sundays": every Sunday
    if (k != i) return false;
    f->type = TimexType::kSet;
    f->m.set_value = kWeekdaySets[w_[k].lex.value - 1];
    f->end = k + 1;
    return true;
  }
  f->m.weekday = w_[k].lex.value;
  ++k;
  // "Wednesday's ruling": news names by weekday what has already happened.
  // Unless its own verb looks ahead: "Friday's meeting will be held in Paris", "Sunday's
  // vote is expected to be close" (but "they would get around Wednesday's ruling": a verb
  // before it says nothing of the ruling, and "Thursday's ruling stands" is no schedule).
  if ((Is(k, "'s") || Is(k, "\u2019s")) && f->m.direction == Direction::kUnknown) {
    f->m.direction = Direction::kPast;
    for (size_t j = k + 1; j < k + 8 && In(j); ++j) {
      if (Is(j, ",") || Is(j, ".") || Is(j, ";")) break;
      bool be = Is(j, "is") || Is(j, "are") || Is(j, "was") || Is(j, "were");
      if (Is(j, "will") || Is(j, "'ll") || Is(j, "shall") ||
          (be && (Is(j + 1, "scheduled") || Is(j + 1, "due") ||
                  ((Is(j + 1, "expected") || Is(j + 1, "set")) && Is(j + 2, "to"))))) {
        f->m.direction = Direction::kFuture;
        break;
      }
    }
  }
  if (Kind(k) == Lex::kPartOfDay) f->m.part_of_day = w_[k].lex.code, ++k;
  f->end = k;
  return true;
}

// "today", "yesterday", "tomorrow", "tonight", "this morning", "last night", "yesterday
// afternoon".
bool Grammar::Deictic(size_t i, Found* f) const {
  size_t k = i;
  TimexMeaning& m = f->m;
  // "the day before yesterday", "the day after tomorrow".
  if (Is(k, "the") && Is(k + 1, "day") && ((Is(k + 2, "before") && Is(k + 3, "yesterday")) ||
                                           (Is(k + 2, "after") && Is(k + 3, "tomorrow")))) {
    m.shift_unit = TimeUnit::kDay;
    m.shift = Is(k + 3, "yesterday") ? -2 : 2;
    f->end = k + 4;
    return true;
  }
  // "the same day", and "the day before" / "the day after" standing alone ("up from $4 the
  // day before."): a day counted from the last day the narrative named, as "the previous
  // day" is. Not "the day before the vote": that day is named by what follows.
  auto clause_end = [&](size_t j) { return !In(j) || Is(j, ",") || Is(j, ".") || Is(j, ";") || Is(j, "and"); };
  bool same_day = Is(k, "the") && Is(k + 1, "same") && Is(k + 2, "day") && !Is(k + 3, "as");
  bool day_around =
      Is(k, "the") && Is(k + 1, "day") && (Is(k + 2, "before") || Is(k + 2, "after")) && clause_end(k + 3);
  if (same_day || day_around) {
    m.shift_unit = TimeUnit::kDay;
    m.shift = same_day ? 0 : Is(k + 2, "before") ? -1 : 1;
    m.shift_from_previous = m.narrative_day = true;
    f->end = k + 3;
    return true;
  }
  if (Kind(k) == Lex::kDeictic) {
    m.shift_unit = TimeUnit::kDay;
    m.shift = w_[k].lex.value;
    m.part_of_day = w_[k].lex.code;
    ++k;
    if (Kind(k) == Lex::kPartOfDay && m.part_of_day.empty()) m.part_of_day = w_[k].lex.code, ++k;
  } else if ((Is(k, "this") || Is(k, "last")) && Kind(k + 1) == Lex::kPartOfDay) {
    bool last_night = Is(k, "last");
    if (last_night && !Is(k + 1, "night")) return false;
    m.shift_unit = TimeUnit::kDay;
    m.shift = last_night ? -1 : 0;
    m.part_of_day = w_[k + 1].lex.code;
    k += 2;
  } else {
    return false;
  }
  if (k == i + 1 && !m.part_of_day.empty() && Is(i, "overnight") == false) f->type = TimexType::kTime;
  // "overnight": the night before the day the narrative is at (the last day named, the
  // DCT when none was), dated by the evening it began.
  if (Is(i, "overnight")) {
    m.shift = -1;
    m.shift_from_previous = true;
    f->type = TimexType::kTime;
  }
  if (k == i + 2 && Kind(i) != Lex::kDeictic) f->type = TimexType::kTime;
  f->end = k;
  return true;
}

// PRESENT_REF, PAST_REF, FUTURE_REF: "now", "recently", "the future", "the near term",
// "recent years", "coming months".
bool Grammar::Ref(size_t i, Found* f) const {
  size_t k = i;
  std::string_view ref;
  if (Kind(k) == Lex::kRef) {
    if (Is(k, "now") && i > sb_ && (w_[i - 1].low == "right" || w_[i - 1].low == "just")) {}
    ref = w_[k].lex.code, ++k;
  } else if (Is(k, "right") && Is(k + 1, "now")) {
    ref = "PRESENT_REF", k += 2;
  } else if (Is(k, "the") && (Is(k + 1, "past") || Is(k + 1, "present")) && !In(k + 2 + 0) ) {
    ref = Is(k + 1, "past") ? "PAST_REF" : "PRESENT_REF", k += 2;
  } else if (Is(k, "the") && Is(k + 1, "past") && (Is(k + 2, ",") || Is(k + 2, ".") || Is(k + 2, "and"))) {
    ref = "PAST_REF", k += 2;
  } else if (Is(k, "the") && Is(k + 1, "future")) {
    ref = "FUTURE_REF", k += 2;
  } else if (Is(k, "future") && k > sb_ && w_[k - 1].low == "in") {
    ref = "FUTURE_REF", k += 1;
  } else if (Is(k, "the") && Is(k + 1, "near") && Is(k + 2, "future")) {
    ref = "FUTURE_REF", k += 3;
  } else if (Is(k, "the") && (Is(k + 1, "near") || Is(k + 1, "short") || Is(k + 1, "long")) && Is(k + 2, "term") &&
             ((i > sb_ && (w_[i - 1].low == "in" || w_[i - 1].low == "over")) || !Is(k + 1, "long"))) {
    // "the near term", "the short term" name the coming months wherever they stand ("the
    // challenges of the near term"); "the long term" only after "in" or "over".
    ref = "FUTURE_REF", k += 3;
  } else if (Is(k, "recent") && (Is(k + 1, "years") || Is(k + 1, "decades"))) {
    ref = "PAST_REF", k += 2;
  } else if (Is(k, "recent") && (Is(k + 1, "months") || Is(k + 1, "weeks") || Is(k + 1, "days"))) {
    f->type = TimexType::kDuration;
    f->m.unit = static_cast<TimeUnit>(w_[k + 1].lex.value);
    f->end = k + 2;
    return true;
  } else if (Is(k, "coming") && (Is(k + 1, "months") || Is(k + 1, "weeks") || Is(k + 1, "days") || Is(k + 1, "years"))) {
    ref = "FUTURE_REF", k += 2;
  } else if (Is(k, "current") && In(k + 1) && IsLower(w_[k + 1].low[0]) && Kind(k + 1) != Lex::kUnit &&
             !Is(k + 1, "fiscal") && !(k > sb_ && w_[k - 1].low == "the")) {
    // TimeBank marks "current" as an adjective ("current market conditions"); "recent" and
    // "future" it leaves unmarked more often than not.
    ref = "PRESENT_REF", ++k;
    // "the then current market price": current at a time the text has gone back to, so the
    // past, and "then" is part of the expression.
    if (k - 1 > sb_ && w_[k - 2].low == "then") ref = "PAST_REF", --f->begin;
    else if (k - 2 > sb_ && IsHyphen(k - 2) && w_[k - 3].low == "then") ref = "PAST_REF", f->begin -= 2;  // "then-"
  } else if (Is(k, "one") && Is(k + 1, "day") && i > sb_ &&
             (w_[i - 1].low == "will" || w_[i - 1].low == "would" || w_[i - 1].low == "could" ||
              w_[i - 1].low == "may" || w_[i - 1].low == "might" || w_[i - 1].low == "can" ||
              w_[i - 1].low == "'ll")) {
    ref = "FUTURE_REF", k += 2;  // "Islam will one day be the second religion": some day ahead
  } else if (Is(k, "as") && Is(k + 1, "soon") && Is(k + 2, "as") && Is(k + 3, "possible")) {
    ref = "FUTURE_REF", k += 4;
  } else if (Is(k, "at") && Is(k + 1, "present")) {
    ref = "PRESENT_REF", k += 2, ++f->begin;
  } else if (Is(k, "these") && Is(k + 1, "days")) {
    ref = "PRESENT_REF", k += 2;
  } else {
    return false;
  }
  f->m.ref = ref;
  f->end = k;
  return true;
}

// A shift from the DCT: "last year", "this week", "next month", "the past year", "this
// summer", "last November", "the current fiscal year", "the weekend"; with a count it is a
// duration: "the past two months", "the next few days", "the first nine months".
bool Grammar::Shifted(size_t i, Found* f) const {
  size_t k = i;
  TimexMeaning& m = f->m;
  bool the = Is(k, "the");
  if (the) ++k;
  // "over the years": a stretch of unstated length up to the time of writing.
  if (the && Kind(k) == Lex::kUnit && w_[k].lex.plural && i > sb_ && w_[i - 1].low == "over" && !Is(k + 1, "of") &&
      static_cast<TimeUnit>(w_[k].lex.value) >= TimeUnit::kDay) {
    f->type = TimexType::kDuration;
    m.amount = -1;
    m.unit = static_cast<TimeUnit>(w_[k].lex.value);
    f->end = k + 1;
    return true;
  }
  // "the year ended Sept. 30", "the fiscal year ending June 30": a year's length of
  // accounts, as "the nine months ended" is nine months'.
  if (the) {
    size_t u = Is(k, "fiscal") ? k + 1 : k;
    if (Is(u, "year") && (Is(u + 1, "ended") || Is(u + 1, "ending")) && IsMonth(u + 2)) {
      f->type = TimexType::kDuration;
      m.amount = 1;
      m.unit = TimeUnit::kYear;
      f->end = u + 1;
      return true;
    }
  }
  // "the year", "the full year": in news, the year of writing ("sales for the full year",
  // "the first nine months of the year"); not "the year before", "the year 2000", "the year
  // ended June 30" (read above) or "the year-earlier quarter".
  if (the && (Is(k, "year") || ((Is(k, "full") || Is(k, "entire") || Is(k, "whole")) && Is(k + 1, "year")))) {
    size_t next = Is(k, "year") ? k + 1 : k + 2;
    bool other_year = IsYear(next) || Kind(next) == Lex::kNumber || IsHyphen(next) || Is(next, "earlier") ||
                      Is(next, "ago") || Is(next, "before") || Is(next, "after") || Is(next, "later") ||
                      Is(next, "ended") || Is(next, "ending") || Is(next, "to") || Is(next, "of") ||
                      Is(next, "when") || Is(next, "that") || Is(next, "in") || Is(next, "since");
    if (!other_year) {
      m.shift_unit = TimeUnit::kYear;
      m.shift = 0;
      f->end = next;
      return true;
    }
  }
  // "the weeks ahead", "the months to come": a stretch of unstated length from now on.
  bool ahead = Is(k + 1, "ahead") || (Is(k + 1, "to") && Is(k + 2, "come"));
  if (the && ahead && Kind(k) == Lex::kUnit && w_[k].lex.plural &&
      static_cast<TimeUnit>(w_[k].lex.value) >= TimeUnit::kDay) {
    f->type = TimexType::kDuration;
    m.amount = -1;
    m.unit = static_cast<TimeUnit>(w_[k].lex.value);
    f->end = Is(k + 1, "ahead") ? k + 2 : k + 3;
    return true;
  }
  // "the first hours of the war", "the early years": the opening stretch of something, of
  // unstated length; not "the early hours of Thursday", which is part of a named day.
  if (the && (Is(k, "first") || Is(k, "early") || Is(k, "initial") || Is(k, "opening") || Is(k, "final")) &&
      Kind(k + 1) == Lex::kUnit && w_[k + 1].lex.plural &&
      !(Is(k + 2, "of") && (Kind(k + 3) == Lex::kWeekday || Kind(k + 3) == Lex::kDeictic || IsMonth(k + 3) ||
                            IsYear(k + 3)))) {
    f->type = TimexType::kDuration;
    m.amount = -1;
    m.unit = static_cast<TimeUnit>(w_[k + 1].lex.value);
    f->end = k + 2;
    return true;
  }
  if (the && Is(k, "weekend")) {  // "the weekend": the nearest one, by tense
    m.weekend = true;
    f->end = k + 1;
    return true;
  }
  // "the summer of 1998", "spring 1997": that year's season.
  bool of_year = Is(k + 1, "of") && IsYear(k + 2);
  if (Kind(k) == Lex::kSeason && (of_year || (!the && IsYear(k + 1)))) {
    size_t y = Is(k + 1, "of") ? k + 2 : k + 1;
    m.season = w_[k].lex.code;
    m.year = static_cast<int>(w_[y].num);
    f->end = y + 1;
    return true;
  }
  // "the Winter Olympics", "the Summer Palace": a name.
  if (Kind(k) == Lex::kSeason && w_[k].cap && In(k + 1) && w_[k + 1].cap) return false;
  if (the && Kind(k) == Lex::kSeason && !Is(k + 1, "of")) {
    m.season = w_[k].lex.code;  // "the summer": this year's, by tense
    f->end = k + 1;
    return !Is(k, "fall");
  }
  if (the && Kind(k) == Lex::kPartOfDay && !Is(k, "night") && !Is(k + 1, "of") && !Is(k + 1, "after") &&
      !Is(k + 1, "before")) {
    // "the morning": of the day the narrative is at, the last day named (the DCT when
    // none was): "London shares fell Friday ... buy orders in the morning".
    m.shift_unit = TimeUnit::kDay;
    m.shift_from_previous = true;
    m.part_of_day = w_[k].lex.code;
    f->type = TimexType::kTime;
    f->end = k + 1;
    return true;
  }
  // "expected to last two months", "could last years": the verb, not the adjective.
  if (Is(k, "last") && k > sb_ &&
      (w_[k - 1].low == "to" || w_[k - 1].low == "will" || w_[k - 1].low == "would" || w_[k - 1].low == "could" ||
       w_[k - 1].low == "may" || w_[k - 1].low == "might" || w_[k - 1].low == "can" || w_[k - 1].low == "should" ||
       w_[k - 1].low == "must" || w_[k - 1].low == "not" || w_[k - 1].low == "n't"))
    return false;
  bool first = Is(k, "first") || Is(k, "final") || Is(k, "last") || Is(k, "past") || Is(k, "next") || Is(k, "coming") ||
               Is(k, "previous") || Is(k, "latest");
  if (first || the) {
    // Durations: "the past two months", "the first nine months", "the next few days".
    size_t j = first ? k + 1 : k;
    double amount = 0;
    bool unknown = false;
    if (size_t n = ReadNumber(j, &amount, &unknown); n && !Is(j, "a") && !Is(j, "an")) {
      if (IsHyphen(j + n)) ++n;
      if (Kind(j + n) == Lex::kUnit && (w_[j + n].lex.plural || amount == 1) && (first || amount > 1 || unknown)) {
        f->type = TimexType::kDuration;
        m.amount = unknown ? -1 : amount;
        m.unit = static_cast<TimeUnit>(w_[j + n].lex.value);
        f->end = j + n + 1;
        if (!first && !the) return false;
        return true;
      }
    }
  }
  // "year-end", "year's end", "year end": the end of the current year.
  if (!the && Is(i, "year")) {
    size_t e = IsHyphen(i + 1) || Is(i + 1, "'s") || Is(i + 1, "\u2019s") ? i + 2 : i + 1;
    if (Is(e, "end")) {
      m.shift_unit = TimeUnit::kYear;
      m.shift = 0;
      m.mod = "end";
      f->end = e + 1;
      return true;
    }
  }
  // "the latest week", "the latest fiscal year": the last one complete, as reported.
  if (the && Is(k, "latest")) {
    size_t u = Is(k + 1, "fiscal") ? k + 2 : k + 1;
    TimeUnit unit = Kind(u) == Lex::kUnit && !w_[u].lex.plural ? static_cast<TimeUnit>(w_[u].lex.value)
                    : Is(u, "period")                          ? TimeUnit::kQuarter  // a report's period
                                                               : TimeUnit::kNone;
    if (unit != TimeUnit::kWeek && unit != TimeUnit::kMonth && unit != TimeUnit::kQuarter && unit != TimeUnit::kYear)
      return false;
    m.shift_unit = unit;
    m.shift = -1;
    f->end = u + 1;
    return true;
  }
  if (Kind(k) != Lex::kShift) return false;
  int shift = w_[k].lex.value;
  // "the following month", "the previous week": from the last date told, not the DCT.
  m.shift_from_previous = Is(k, "following") || Is(k, "previous") || Is(k, "preceding");
  if (the && shift == 0 && !Is(k, "current")) return false;  // "the this"
  // "this past spring": the latest one before the DCT, which may be this year's.
  bool this_past = Is(k, "this") && Is(k + 1, "past");
  if (this_past) ++k, shift = -1;
  ++k;
  if (Is(k, "fiscal")) ++k;
  // "the next morning", "the previous night": a day from the last day the narrative
  // named, valued as the day ("the next day" read at its morning).
  if (the && shift != 0 && Kind(k) == Lex::kPartOfDay && !Is(k + 1, "of")) {
    m.shift_unit = TimeUnit::kDay;
    m.shift = shift;
    m.shift_from_previous = m.narrative_day = true;
    f->end = k + 1;
    return true;
  }
  if (Kind(k) == Lex::kUnit && !w_[k].lex.plural) {
    TimeUnit unit = static_cast<TimeUnit>(w_[k].lex.value);
    if (unit == TimeUnit::kSecond || unit == TimeUnit::kMinute || unit == TimeUnit::kHour) return false;
    // "the last week of May": a part of the month named next, not the week before this one.
    if (Is(k + 1, "of") && (IsMonth(k + 2) || IsYear(k + 2) || Is(k + 2, "the"))) return false;
    if (unit == TimeUnit::kDay) {
      // "the next day", "the following day", "the previous day": a day from the last day the
      // narrative named, never from the DCT; "next day" without "the" is too often a name.
      if (!the || shift == 0) return false;
      m.shift_from_previous = m.narrative_day = true;
    }
    if (unit == TimeUnit::kDecade && shift != 0 && the) {  // "the past decade": ten years up to now
      f->type = TimexType::kDuration;
      m.amount = 1;
      m.unit = unit;
      f->end = k + 1;
      return true;
    }
    if (unit == TimeUnit::kWeekend) m.weekend = true, unit = TimeUnit::kWeek;
    m.shift_unit = unit;
    m.shift = shift;
    // "this quarter" can point back at the quarter the text is about; "the current
    // quarter" is always the DCT's (timex_resolve.cc).
    m.demonstrative = Is(i, "this") && shift == 0;
    // "this quarter's loss": as with "Wednesday's ruling", the possessive names a result
    // already known, so the quarter is one that is over.
    if (m.demonstrative && unit == TimeUnit::kQuarter && (Is(k + 1, "'s") || Is(k + 1, "\u2019s")))
      m.direction = Direction::kPast;
    f->end = k + 1;
    if (unit == TimeUnit::kQuarter && Is(k + 1, "of") && IsYear(k + 2)) return false;
    return true;
  }
  if (Kind(k) == Lex::kMonth && w_[k].cap) {
    m.month = w_[k].lex.value;
    m.shift = shift;  // the nearest such month before (last), after (next), or in this year
    m.shift_unit = TimeUnit::kNone;
    // "this November" is this year's, whatever the tense says ("January this year").
    if (shift == 0) m.shift_unit = TimeUnit::kYear;
    m.direction = shift < 0 ? Direction::kPast : shift > 0 ? Direction::kFuture : Direction::kPresent;
    f->end = k + 1;
    return !the;
  }
  if (Kind(k) == Lex::kSeason) {
    m.season = w_[k].lex.code;
    m.shift = shift;
    m.latest_before = this_past;
    m.direction = shift < 0 ? Direction::kPast : shift > 0 ? Direction::kFuture : Direction::kPresent;
    f->end = k + 1;
    return true;
  }
  return false;
}

// Counts of units: durations ("three years", "a decade", "30-year", "5 1/2 hours",
// "several weeks"), and points counted back or forward ("two days ago", "a year earlier",
// "a day later").
bool Grammar::Quantity(size_t i, Found* f) const {
  size_t k = i;
  double amount = 0;
  bool unknown = false;
  TimexMeaning& m = f->m;
  // "weeklong", "yearlong": one unit's length.
  if (In(i) && w_[i].low.size() > 4 && w_[i].low.ends_with("long")) {
    const LexEntry* unit = LookUpWord(w_[i].low.substr(0, w_[i].low.size() - 4));
    if (!unit || unit->kind != Lex::kUnit || unit->plural) return false;
    f->type = TimexType::kDuration;
    m.amount = 1;
    m.unit = static_cast<TimeUnit>(unit->value);
    f->end = i + 1;
    return true;
  }
  size_t n = ReadNumber(k, &amount, &unknown);
  bool bare = false;
  if (!n) {
    // A bare plural: "for years", "within weeks".
    if (Kind(k) != Lex::kUnit || !w_[k].lex.plural || k == sb_) return false;
    std::string_view prev = w_[k - 1].low;
    if (prev != "for" && prev != "within" && prev != "in" && prev != "over" && !(Is(k + 1, "ago"))) return false;
    if (Is(k, "seconds") || Is(k, "minutes")) return false;
    unknown = bare = true;
  }
  if (n == 1 && (Is(i, "a") || Is(i, "an")) && Kind(k + n) == Lex::kUnit && w_[k + n].lex.plural)
    return false;  // "a decades-long"
  k += n;
  // "two to six days", "one or two years": the first count shares the unit named after the
  // second, and TimeBank marks it as a duration of its own.
  if (n && !unknown && !Is(i, "a") && !Is(i, "an") && (Is(k, "to") || Is(k, "or"))) {
    double second = 0;
    bool second_unknown = false;
    size_t n2 = ReadNumber(k + 1, &second, &second_unknown);
    if (n2 && !second_unknown && second > amount && !Is(k + 1, "a") && Kind(k + 1 + n2) == Lex::kUnit &&
        w_[k + 1 + n2].lex.plural) {
      f->type = TimexType::kDuration;
      m.amount = amount;
      m.unit = static_cast<TimeUnit>(w_[k + 1 + n2].lex.value);
      f->end = k;
      return true;
    }
  }
  if (n && IsCountAdjective(k) && Kind(k + 1) == Lex::kUnit) ++k;
  bool hyphen = IsHyphen(k);
  if (hyphen) ++k;
  if (Kind(k) != Lex::kUnit) {
    // "a year and a half" is read below; "half" alone: "half an hour"
    return false;
  }
  TimeUnit unit = static_cast<TimeUnit>(w_[k].lex.value);
  const Word& uw = w_[k];
  if (unit == TimeUnit::kSecond && !uw.lex.plural && (n == 0 || Is(i, "a") || Is(i, "an"))) return false;
  // "two year" is rare; "a second year" is an ordinal. ("a half hour" is a count.)
  if (!unknown && amount > 1 && !uw.lex.plural && !hyphen && !IsDigit(w_[i].low[0])) return false;
  if (unit == TimeUnit::kWeekend) return false;
  ++k;
  if (Is(k, "and") && Is(k + 1, "a") && Is(k + 2, "half")) amount += 0.5, k += 3;
  // Ages are not time expressions in TimeML: "a 37-year-old", "37 years old".
  if ((hyphen && IsHyphen(k) && Is(k + 1, "old")) || (!hyphen && Is(k, "old"))) return false;
  // "a quarter of the market", "three quarters of": a fraction, not three months.
  // ("several quarters of losses" is a time.)
  if (unit == TimeUnit::kQuarter && !unknown && amount <= 3 && Is(k, "of") &&
      (Is(k + 1, "the") || Is(k + 1, "a") || Is(k + 1, "an") || Is(k + 1, "its") || Is(k + 1, "their") ||
       Is(k + 1, "all") || Is(k + 1, "this") || Is(k + 1, "that") || Is(k + 1, "his") || Is(k + 1, "her") ||
       Is(k + 1, "$") || (In(k + 1) && w_[k + 1].num >= 0 && !IsYear(k + 1))))
    return false;
  if (Is(k, "or") && Is(k + 1, "so") && Is(k + 2, "ago")) k += 2;  // "a week or so ago"
  // "a few days later" is a duration followed by a signal; "three days later" a point.
  bool from_reference = !unknown && (Is(k, "earlier") || Is(k, "later"));
  if (Is(k, "ago") || from_reference || (Is(k, "from") && (Is(k + 1, "now") || Is(k + 1, "today"))) || Is(k, "hence")) {
    bool back = Is(k, "ago") || Is(k, "earlier");
    m.shift_from_previous = Is(k, "earlier") || Is(k, "later");
    m.counted = true;
    k += Is(k, "from") ? 2 : 1;
    if (unknown) {
      if (bare || !Is(k - 1, "ago")) {
        m.ref = back ? "PAST_REF" : "FUTURE_REF";
      } else {
        m.shift_unknown_amount = true;
        m.shift_unit = unit;
        m.shift = back ? -1 : 1;
      }
    } else {
      if (unit == TimeUnit::kDecade) unit = TimeUnit::kYear, amount *= 10;
      if (unit == TimeUnit::kCentury) unit = TimeUnit::kYear, amount *= 100;
      if (unit == TimeUnit::kQuarter) unit = TimeUnit::kMonth, amount *= 3;
      if (amount != std::floor(amount)) unit = TimeUnit::kDay, amount = std::round(amount * 30);
      m.shift_unit = unit;
      m.shift = static_cast<int>(back ? -amount : amount);
      if (unit == TimeUnit::kWeek) m.shift_unit = TimeUnit::kDay, m.shift *= 7;
    }
    m.direction = back ? Direction::kPast : Direction::kFuture;
    f->end = k;
    return true;
  }
  f->type = TimexType::kDuration;
  m.amount = unknown ? -1 : amount;
  m.unit = unit;
  if (n == 1 && w_[i].num == -2) m.warning = "a number too large to be a count of time units";
  f->end = k;
  // "two weeks" after "twice a", "times a": a frequency instead.
  if ((Is(i, "a") || Is(i, "per")) && i > sb_ &&
      (w_[i - 1].low == "times" || w_[i - 1].low == "twice" || w_[i - 1].low == "once")) {
    f->type = TimexType::kSet;
    f->begin = i - 1;
    if (i >= sb_ + 2 && w_[i - 1].low == "times" && (w_[i - 2].num > 0 || w_[i - 2].lex.kind == Lex::kNumber))
      f->begin = i - 2;
  }
  return true;
}

// "5:50 PM", "10 p.m.", "noon", "4 a.m. EDT" — optionally followed by the day ("4 a.m.
// EDT Thursday", "noon Saturday").
size_t Grammar::ReadClockTime(size_t i, TimexMeaning* m) const {
  size_t k = i;
  if (Is(k, "at")) ++k;
  if (!In(k)) return 0;
  const Word& w = w_[k];
  int hour = -1, minute = 0;
  bool meridiem = false;
  if (w.lex.kind == Lex::kNoon) {
    hour = w.lex.value == 24 ? 24 : 12, ++k;
  } else {
    std::string_view s = w.low;
    size_t colon = s.find(':');
    if (colon != std::string_view::npos && colon >= 1 && colon <= 2 && s.size() == colon + 3 &&
        IsDigit(s[0]) && IsDigit(s[colon + 1]) && IsDigit(s[colon + 2])) {
      hour = std::atoi(std::string(s.substr(0, colon)).c_str());
      minute = std::atoi(std::string(s.substr(colon + 1)).c_str());
      ++k;
    } else if (w.num >= 1 && w.num <= 12 && w.ndigits <= 2 &&
               (Kind(k + 1) == Lex::kMeridiem || Is(k + 1, "o'clock") ||
                (Is(k + 1, "in") && Is(k + 2, "the") && Kind(k + 3) == Lex::kPartOfDay && !Is(k + 3, "night")))) {
      hour = static_cast<int>(w.num), ++k;
    } else {
      return 0;
    }
    if (Is(k, "in") && Is(k + 1, "the") && Kind(k + 2) == Lex::kPartOfDay && !Is(k + 2, "night") && hour <= 12) {
      // "4 in the morning", "5 in the afternoon": the part of day says a.m. or p.m.
      bool pm = !Is(k + 2, "morning");
      if (pm && hour != 12) hour += 12;
      if (!pm && hour == 12) hour = 0;
      k += 3;
    } else if (Kind(k) == Lex::kMeridiem) {
      if (hour < 1 || hour > 12) return 0;
      if (w_[k].lex.value == 12 && hour != 12) hour += 12;
      if (w_[k].lex.value == 0 && hour == 12) hour = 0;
      meridiem = true;
      ++k;
    } else if (Is(k, "o'clock")) {
      ++k;
    } else if (hour > 23 || minute > 59 || (Is(i, "at") == false && w.low.find(':') == std::string_view::npos)) {
      return 0;
    }
    if (minute > 59 || hour > 24) return 0;
  }
  (void)meridiem;
  if (Kind(k) == Lex::kZone) ++k;
  if (Is(i, "at") && k == i + 1) return 0;
  m->hour = hour;
  m->minute = minute;
  return k - i;
}

bool Grammar::Clock(size_t i, Found* f) const {
  if (Is(i, "at")) return false;
  size_t n = ReadClockTime(i, &f->m);
  if (!n) return false;
  size_t k = i + n;
  f->type = TimexType::kTime;
  if (Is(k, ",")) ++k;
  if (Is(k, "on")) ++k;
  Found day;
  if (Kind(k) == Lex::kWeekday && WeekdayDate(k, &day)) {
    f->m.weekday = day.m.weekday;
    f->m.direction = day.m.direction;
    f->m.shift = day.m.shift;
    k = day.end;
  } else if (Kind(k) == Lex::kDeictic && Deictic(k, &day)) {
    f->m.shift_unit = TimeUnit::kDay;
    f->m.shift = day.m.shift;
    k = day.end;
  } else if (IsMonth(k) && MonthDate(k, &day) && day.m.day != kUnset) {
    f->m.month = day.m.month, f->m.day = day.m.day, f->m.year = day.m.year;
    k = day.end;
  } else {
    k = i + n;
  }
  f->end = k;
  return true;
}

}  // namespace sitrep::timex_internal
