// The grammar's driver (see timex_internal.h): at each word, every matcher tries to read
// an expression starting there and the longest reading wins (ties: the earlier matcher).
// Matchers are plain functions over the words; optional pieces are tried greedily and never
// backtracked over more than one word, so each start costs a few table lookups. Wrappers
// add what can stand in front of any expression: quantity modifiers ("nearly"), positions
// ("early", "the end of") and a leading "the". The pieces every matcher reads (numbers,
// days, years after a month) are here too, and so are frequencies ("every Monday") and the
// prepositions that make a date a range ("since 2021").
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <string>

#include "annotate/timex_internal.h"

namespace sitrep::timex_internal {

namespace {

bool Better(const Found& f, const Found& best, bool have) { return !have || f.end > best.end; }

// Applies "the" to expressions that take it in TimeBank ("the third quarter", "the past
// two months", "the weekend", "the 1990s"), but not to names ("the August 26 attacks").
bool TakesThe(const Word& first) {
  Lex k = first.lex.kind;
  return k == Lex::kShift || k == Lex::kOrdinal || k == Lex::kUnit || k == Lex::kSeason || k == Lex::kPartOfDay ||
         k == Lex::kDecadeWord || k == Lex::kFew || first.low == "year-earlier" ||
         first.low == "year-ago" || first.low == "near" || first.low == "future" || first.low == "fiscal" ||
         first.low == "latest" || first.low == "end" || first.low == "beginning" || first.low == "start" ||
         first.low == "middle" || first.low == "early" || first.low == "late" || first.low == "mid";
}

}  // namespace

bool Grammar::Longest(size_t i, Found* best) const {
  if (!In(i) || !w_[i].may_start) return false;
  // "the" is the commonest starter; every expression it begins goes on with another.
  if (w_[i].low == "the" && !(In(i + 1) && w_[i + 1].may_start)) return false;
  // "a"/"an" begin an expression only as a count: "a year ago", "a few days".
  if (w_[i].lex.code == "a" && !(Kind(i + 1) == Lex::kUnit || Kind(i + 1) == Lex::kFew || Is(i + 1, "half") ||
                                 (IsCountAdjective(i + 1) && Kind(i + 2) == Lex::kUnit)))
    return false;
  bool have = false;
  Found f;
  if (Core(i, &f)) *best = f, have = true;
  if (Positioned(i, &f) && Better(f, *best, have)) *best = f, have = true;
  if (Approximate(i, &f) && Better(f, *best, have)) *best = f, have = true;
  // "the" before an expression that takes it.
  if (Is(i, "the") && Longest(i + 1, &f) && (TakesThe(w_[i + 1]) || f.m.decade != kUnset) && Better(f, *best, have)) {
    f.begin = i;
    *best = f, have = true;
  }
  return have;
}

bool Grammar::Core(size_t i, Found* best) const {
  using Matcher = bool (Grammar::*)(size_t, Found*) const;
  static constexpr Matcher kMatchers[] = {
      &Grammar::MonthDate, &Grammar::DayMonth, &Grammar::Numeric, &Grammar::Year,     &Grammar::Decade,
      &Grammar::WeekdayDate, &Grammar::Deictic, &Grammar::Ref,    &Grammar::Shifted,  &Grammar::Quantity,
      &Grammar::Quarter,   &Grammar::Clock,    &Grammar::Set,     &Grammar::SpelledYear, &Grammar::Holiday,
      &Grammar::Hijri};
  bool have = false;
  for (Matcher m : kMatchers) {
    Found f;
    f.begin = i;
    if ((this->*m)(i, &f) && Better(f, *best, have)) *best = f, have = true;
  }
  return have;
}

// "early", "late", "mid", "mid-", "earlier", "later", "the end of", "the beginning of",
// "the middle of", "the start of" before a date.
bool Grammar::Positioned(size_t i, Found* f) const {
  std::string_view mod;
  size_t k = i;
  // "the week of March 6": the week holding that day.
  if (Is(i, "the") && Is(i + 1, "week") && Is(i + 2, "of") && IsMonth(i + 3)) {
    Found day;
    if (!MonthDate(i + 3, &day) || day.m.day == kUnset) return false;
    *f = day;
    f->begin = i;
    f->m.week_of = true;
    return true;
  }
  // "the week ended Oct. 27", "the week ending Friday": the week a weekly figure covers,
  // the one holding the day it ends on.
  if (Is(i, "the") && Is(i + 1, "week") && (Is(i + 2, "ended") || Is(i + 2, "ending"))) {
    Found day;
    day.begin = i + 3;
    bool dated = (IsMonth(i + 3) && MonthDate(i + 3, &day) && day.m.day != kUnset) ||
                 (Kind(i + 3) == Lex::kWeekday && WeekdayDate(i + 3, &day) && day.m.part_of_day.empty());
    if (!dated) return false;
    *f = day;
    f->begin = i;
    f->type = TimexType::kDate;
    f->m.week_of = true;
    if (f->m.weekday != kUnset && f->m.month == kUnset) f->m.direction = Direction::kPast;  // a week's figures are in
    return true;
  }
  if (Is(i, "early") || Is(i, "earlier")) mod = Is(i, "early") ? "start" : "exact", k = i + 1;
  else if (Is(i, "late") || Is(i, "later")) mod = Is(i, "late") ? "end" : "exact", k = i + 1;
  else if (Is(i, "mid") || Is(i, "middle")) mod = "mid", k = i + 1;
  else if (In(i) && w_[i].low.starts_with("mid-") && w_[i].low.size() > 4) return MidToken(i, f);
  else if (In(i) && (w_[i].low.starts_with("pre-") || w_[i].low.starts_with("post-"))) {
    // "post-1959", "pre-1990s": the year or decade, and which side of it.
    std::string_view rest = w_[i].low.substr(w_[i].low[1] == 'r' ? 4 : 5);
    if (rest.size() == 4 && std::all_of(rest.begin(), rest.end(), IsDigit) && rest[0] >= '1' && rest[0] <= '2')
      f->m.year = std::atoi(std::string(rest).c_str());
    else if (int decade = DecadeToken(rest); decade != kUnset)
      f->m.decade = decade;
    else
      return false;
    f->begin = i;
    f->end = i + 1;
    f->m.mod = w_[i].low[1] == 'r' ? "before" : "after";
    return true;
  }
  else if (Is(i, "end") && IsHyphen(i + 1)) mod = "end", k = i + 1;
  else if (Is(i, "the") && (Is(i + 1, "end") || Is(i + 1, "beginning") || Is(i + 1, "start") || Is(i + 1, "middle")) &&
           Is(i + 2, "of"))
    mod = Is(i + 1, "end") ? "end" : Is(i + 1, "middle") ? "mid" : "start", k = i + 3;
  else return false;
  if (IsHyphen(k)) ++k;
  Found inner;
  // "the end of the year", "the end of the month": the current one.
  if (Is(k, "the") && (Is(k + 1, "year") || Is(k + 1, "month") || Is(k + 1, "week") || Is(k + 1, "decade") ||
                       Is(k + 1, "century")) &&
      !IsYear(k + 2)) {
    inner.begin = k, inner.end = k + 2;
    inner.m.shift_unit = static_cast<TimeUnit>(w_[k + 1].lex.value);
    inner.m.shift = 0;
  } else if (mod != "exact" && Kind(k) == Lex::kPartOfDay && !Is(k + 1, "of") && Kind(k + 1) != Lex::kUnit &&
             !(In(k + 1) && w_[k + 1].lex.kind == Lex::kWeekday)) {
    // "mid afternoon", "late afternoon", "early morning": a part of the day the narrative
    // is at, as "the morning" is (Shifted); not "early morning hours" or "late night
    // Friday", where the part of day only modifies what follows.
    inner.begin = k, inner.end = k + 1;
    inner.type = TimexType::kTime;
    inner.m.shift_unit = TimeUnit::kDay;
    inner.m.shift_from_previous = true;
    inner.m.part_of_day = w_[k].lex.code;
  } else if (!Core(k, &inner) && !(Is(k, "the") && Longest(k, &inner))) {
    return false;
  }
  if (inner.type == TimexType::kDuration || inner.type == TimexType::kSet || !inner.m.ref.empty()) return false;
  *f = inner;
  // "earlier"/"later" stay outside the span, as TimeBank marks them ("earlier [this week]").
  f->begin = mod == "exact" && (Is(i, "earlier") || Is(i, "later")) ? k : i;
  if (mod != "exact") f->m.mod = mod;
  return true;
}

// "mid-1996", "mid-November": the tokenizer keeps these words whole.
bool Grammar::MidToken(size_t i, Found* f) const {
  std::string_view rest = w_[i].low.substr(4);
  f->begin = i;
  f->end = i + 1;
  f->m.mod = "mid";
  if (rest.size() == 4 && std::all_of(rest.begin(), rest.end(), IsDigit)) {
    f->m.year = std::atoi(std::string(rest).c_str());
    return true;
  }
  if (int decade = DecadeToken(rest); decade != kUnset) {  // "mid-1980s", "mid-'90s"
    f->m.decade = decade;
    return true;
  }
  // "mid-90s": after "mid-" two digits can only be a decade; the 20th century is assumed
  // as for "'90s".
  if (rest.size() == 3 && rest[0] >= '3' && rest[0] <= '9' && rest[1] == '0' && rest[2] == 's') {
    f->m.decade = 190 + (rest[0] - '0');
    return true;
  }
  const LexEntry* entry = LookUpWord(rest);
  if (entry && entry->kind == Lex::kPartOfDay && !Is(i + 1, "of") && Kind(i + 1) != Lex::kUnit) {
    // "mid-afternoon", "mid-morning": that part of the day the narrative is at (Positioned).
    f->type = TimexType::kTime;
    f->m.shift_unit = TimeUnit::kDay;
    f->m.shift_from_previous = true;
    f->m.part_of_day = entry->code;
    return true;
  }
  if (!entry || entry->kind != Lex::kMonth) return false;
  f->m.month = entry->value;
  return true;
}

// "nearly two years", "about 5 p.m.", "more than a decade", "at least 30 days".
bool Grammar::Approximate(size_t i, Found* f) const {
  std::string_view mod;
  size_t k = i + 1;
  if (Kind(i) == Lex::kApprox) mod = w_[i].lex.code;
  else if ((Is(i, "more") || Is(i, "less") || Is(i, "fewer")) && Is(i + 1, "than"))
    mod = Is(i, "more") ? "more_than" : "less_than", k = i + 2;
  else if (Is(i, "at") && (Is(i + 1, "least") || Is(i + 1, "most")))
    mod = Is(i + 1, "least") ? "equal_or_more" : "equal_or_less", k = i + 2;
  else if (Is(i, "up") && Is(i + 1, "to")) mod = "equal_or_less", k = i + 2;
  else return false;
  if (Is(i, "over") && Is(k, "the")) return false;  // "over the past year": a preposition
  Found inner;
  if (!Quantity(k, &inner) && !Clock(k, &inner)) return false;
  *f = inner;
  f->begin = i;
  if (mod != "exact") f->m.mod = mod;
  return true;
}

// A number in digits or words: "3", "1,000", "two", "twenty-four", "a", "5 1/2",
// "one and a half", "a few" (unknown). Returns the words read.
size_t Grammar::ReadNumber(size_t i, double* value, bool* unknown) const {
  *unknown = false;
  if (!In(i)) return 0;
  const Word& w = w_[i];
  if (w.num == -2) {  // too many digits to be a count of anything
    *unknown = true;
    return 1;
  }
  if (w.num >= 0) {
    *value = static_cast<double>(w.num);
    size_t k = i + 1;
    if (Is(k, "1/2")) *value += 0.5, ++k;
    // "5 1/2" when the tokenizer cut the fraction into "1", "/", "2".
    else if (Num(k) >= 1 && Is(k + 1, "/") && Num(k + 2) > Num(k) && w_[k].glued && w_[k + 1].glued &&
             w_[k + 2].ndigits <= 2)
      *value += static_cast<double>(Num(k)) / static_cast<double>(Num(k + 2)), k += 3;
    return k - i;
  }
  if (!w.low.empty() && IsDigit(w.low[0])) {  // "1,000", "2.5"
    std::string digits;
    for (char c : w.low)
      if (c != ',') digits.push_back(c);
    char* end = nullptr;
    if (digits.size() > 12) return *unknown = true, 1;
    double v = std::strtod(digits.c_str(), &end);
    if (end == digits.c_str() || *end != '\0') return 0;
    *value = v;
    return 1;
  }
  if (Kind(i) == Lex::kFew) {
    size_t k = i + 1;
    if (Is(i, "couple") && Is(k, "of")) ++k;
    if (Is(i, "some") && Kind(k) != Lex::kUnit) return 0;
    *value = w.lex.value;
    *unknown = w.lex.value == 0;
    return k - i;
  }
  if (Is(i, "a") && Kind(i + 1) == Lex::kFew) {  // "a few", "a couple of"
    size_t k = i + 2;
    if (Is(i + 1, "couple") && Is(k, "of")) ++k;
    *value = w_[i + 1].lex.value;
    *unknown = w_[i + 1].lex.value == 0;
    return k - i;
  }
  if (Is(i, "half") && (Is(i + 1, "a") || Is(i + 1, "an"))) {
    *value = 0.5;
    return 2;
  }
  // "a half hour", "a half-hour", "half-hour".
  if ((Is(i, "a") && Is(i + 1, "half")) || (Is(i, "half") && IsHyphen(i + 1))) {
    *value = 0.5;
    return Is(i, "a") ? 2 : 1;
  }
  if (Kind(i) != Lex::kNumber) return 0;
  double v = w.lex.value;
  size_t k = i + 1;
  if (v >= 20 && v < 100 && w.lex.code.empty()) {  // "twenty four", "twenty-four"
    size_t j = IsHyphen(k) ? k + 1 : k;
    if (Kind(j) == Lex::kNumber && w_[j].lex.value >= 1 && w_[j].lex.value <= 9 && w_[j].lex.code.empty())
      v += w_[j].lex.value, k = j + 1;
  }
  if (Is(k, "hundred") || Is(k, "thousand")) v *= w_[k].lex.value, ++k;
  if (Is(k, "and") && Is(k + 1, "a") && Is(k + 2, "half")) v += 0.5, k += 3;
  *value = v;
  return k - i;
}

size_t Grammar::ReadDay(size_t i, int* day) const {
  if (!In(i)) return 0;
  const Word& w = w_[i];
  if (w.num >= 1 && w.ndigits <= 2) return *day = static_cast<int>(w.num), 1;
  if (w.lex.kind == Lex::kOrdinal && IsDigit(w.low[0])) return *day = w.lex.value, 1;
  return 0;
}

void Grammar::CheckDay(TimexMeaning* m) const {
  if (m->day == kUnset || m->month == kUnset) return;
  int limit = m->year != kUnset ? DaysInMonth(m->year, m->month) : DaysInMonth(2000, m->month);
  if (m->day < 1 || m->day > limit) {
    m->warning = fmt::format("impossible date: month {} has no day {}{}", m->month, m->day,
                             m->year != kUnset ? fmt::format(" in {}", m->year) : "");
    m->day = kUnset;
  }
}

// ", 2024" or " 2024" after a month and day.
size_t Grammar::ReadYearAfter(size_t i, TimexMeaning* m) const {
  size_t k = i;
  if (Is(k, ",")) ++k;
  if (IsYear(k)) {
    m->year = static_cast<int>(w_[k].num);
    return k + 1 - i;
  }
  if (In(k) && (w_[k].low.starts_with("'") || w_[k].low.starts_with("\u2019")) && w_[k].low.size() <= 4) {
    std::string_view d = w_[k].low.substr(w_[k].low[0] == '\'' ? 1 : 3);
    if (d.size() == 2 && IsDigit(d[0]) && IsDigit(d[1])) {
      m->two_digit_year = true;
      m->warning = fmt::format("two-digit year '{}: the century is not stated", d);
      return k + 1 - i;
    }
  }
  return 0;
}

size_t Grammar::ReadRelativeYear(size_t i, TimexMeaning* m) const {
  if (Kind(i) == Lex::kShift && (Is(i + 1, "year") || Is(i + 1, "year's"))) {
    m->shift_unit = TimeUnit::kYear;
    m->shift = w_[i].lex.value;
    return 2;
  }
  return 0;
}

// "May" and "March" are also words; a month name on its own counts only where it reads
// as one.
bool Grammar::MonthAloneIsDate(size_t i) const {
  const Word& w = w_[i];
  if (w.lex.kind != Lex::kMonth || !w.cap) return false;
  if (w.low != "may" && w.low != "march") return true;
  static constexpr std::string_view kBefore[] = {"in", "since", "until", "till", "by", "last", "next", "this",
                                                 "early", "late", "mid", "of", "from", "through", "during", "to",
                                                 "between", "and", "before", "after", "-", "that", "each", "every",
                                                 "into", "for", "around"};
  if (i > sb_ && std::find(std::begin(kBefore), std::end(kBefore), w_[i - 1].low) != std::end(kBefore)) return true;
  return false;
}

// Frequencies: "daily", "weekly", "every day", "each year", "every two years", "each July",
// "every Monday", "twice a week" (the last through Quantity).
bool Grammar::Set(size_t i, Found* f) const {
  TimexMeaning& m = f->m;
  f->type = TimexType::kSet;
  if (Kind(i) == Lex::kFrequency) {
    if (w_[i].cap && i > sb_) return false;  // "Daily Mail"
    if (In(i + 1) && (w_[i + 1].low == "newspaper" || w_[i + 1].low == "newspapers" || w_[i + 1].low == "paper" ||
                      w_[i + 1].low == "news"))
      return false;
    // A frequency before a noun is still a frequency ("his weekly radio address", "hourly
    // earnings", "on a daily basis"), except "quarterly" before a noun: in business news
    // "quarterly dividend", "quarterly report" name a kind of payment or filing.
    static constexpr std::string_view kAfterAdverb[] = {"at", "on", "in", "and", "or", "for", "since", "to", "by",
                                                        "until", "from", "during", "with", "before", "after", "as",
                                                        "while", "when", "but", "over"};
    if (Is(i, "quarterly") && In(i + 1) && IsLower(w_[i + 1].low[0]) &&
        std::find(std::begin(kAfterAdverb), std::end(kAfterAdverb), w_[i + 1].low) == std::end(kAfterAdverb))
      return false;
    m.amount = 1;
    m.unit = static_cast<TimeUnit>(w_[i].lex.value);
    f->end = i + 1;
    return true;
  }
  if (!Is(i, "every") && !Is(i, "each") && !Is(i, "per")) return false;
  size_t k = i + 1;
  if (Is(k, "other")) ++k;
  double amount = 1;
  bool unknown = false;
  if (size_t n = ReadNumber(k, &amount, &unknown); n && !Is(k, "a")) k += n;
  if (Kind(k) == Lex::kUnit) {
    m.amount = unknown ? -1 : (Is(i + 1, "other") ? 2 : amount);
    m.unit = static_cast<TimeUnit>(w_[k].lex.value);
    if (m.unit == TimeUnit::kWeekend) m.set_value = "XXXX-WXX-WE";
  } else if (Kind(k) == Lex::kWeekday && !Is(i, "per")) {
    m.set_value = kWeekdaySets[w_[k].lex.value - 1];
  } else if (Kind(k) == Lex::kMonth && !Is(i, "per")) {
    static constexpr std::string_view kMonths[] = {"XXXX-01", "XXXX-02", "XXXX-03", "XXXX-04", "XXXX-05", "XXXX-06",
                                                   "XXXX-07", "XXXX-08", "XXXX-09", "XXXX-10", "XXXX-11", "XXXX-12"};
    m.set_value = kMonths[w_[k].lex.value - 1];
  } else if (Kind(k) == Lex::kSeason && !Is(i, "per")) {
    m.set_value = w_[k].lex.code == "SU" ? "XXXX-SU" : w_[k].lex.code == "WI" ? "XXXX-WI"
                : w_[k].lex.code == "SP" ? "XXXX-SP" : "XXXX-FA";
  } else if (Kind(k) == Lex::kPartOfDay && !Is(i, "per")) {
    m.set_value = w_[k].lex.code == "MO" ? "XXXX-XX-XXTMO" : w_[k].lex.code == "AF" ? "XXXX-XX-XXTAF"
                : w_[k].lex.code == "EV" ? "XXXX-XX-XXTEV" : "XXXX-XX-XXTNI";
  } else {
    return false;
  }
  f->end = k + 1;
  return true;
}

// Whole-sentence signals for the attributes: "since 2021", "until June", "before 1990".
void ApplyPreposition(const std::vector<Word>& words, size_t sentence_begin, Found* f) {
  if (f->begin <= sentence_begin || f->type != TimexType::kDate) return;
  std::string_view prev = words[f->begin - 1].low;
  // The tense of "has extended loans through January" or "plans to pay down debt by
  // February" tells when the act happened, not on which side of the DCT its end lies.
  // Not the end of a stated range ("January through March"): that takes the start's year.
  bool range_end = false;
  if (f->begin >= sentence_begin + 2) {
    const Word& start = words[f->begin - 2];
    range_end = start.lex.kind == Lex::kMonth || start.lex.kind == Lex::kMonthAbbr ||
                start.lex.kind == Lex::kWeekday || start.num >= 0 || start.lex.kind == Lex::kOrdinal;
  }
  if ((prev == "by" || prev == "until" || prev == "till" || prev == "through") && !range_end) f->m.limit = true;
  std::string_view mod;
  if (prev == "since") mod = "on_or_after";
  else if (prev == "until" || prev == "till" || prev == "through") mod = "on_or_before";
  else if (prev == "before") mod = "before";
  else if (prev == "after") mod = "after";
  else return;
  if (f->m.mod == "exact") f->m.mod = mod;
  f->m.range = true;
}

}  // namespace sitrep::timex_internal
