// The pieces of the time-expression layer (timex.h) that its files share and nobody else
// uses: calendar helpers, the word table, tense cues and the grammar's interface.
//
// Who does what:
//   timex_calendar.cc          day numbers, weekdays, ISO weeks, month arithmetic
//   timex_lexicon.cc           the word table and Words (tokens classified once)
//   timex_tense.cc             which way a sentence looks from the time it was written
//   timex_grammar.cc           the longest-match driver, modifiers, numbers, frequencies
//   timex_grammar_calendar.cc  named dates: "August 26", "1998", "the 1990s", quarters
//   timex_grammar_relative.cc  dates counted from now: weekdays, "last year", "two days ago"
//   timex.cc                   FindTimexes: words -> expressions with their meaning
//   timex_resolve.cc           ResolveTimexes: meanings -> TIMEX3 values
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "annotate/timex.h"

namespace sitrep::timex_internal {

// ---------------------------------------------------------------------------------------
// Calendar (timex_calendar.cc).

int64_t Days(const CivilTime& t);  // days since 1970-01-01
int Weekday(int64_t days);         // 1 = Monday ... 7 = Sunday
std::pair<int, int> IsoWeek(int64_t days);  // ISO 8601 {year, week} of a day
CivilTime AddMonths(CivilTime t, int months);  // the day clamped to the new month's length
std::string Year4(int year);  // "0998", "2024"; "XXXX" outside 0..9999
int64_t EasterSunday(int year);  // the day of Western (Gregorian) Easter, as Days()

// ---------------------------------------------------------------------------------------
// The word table (timex_lexicon.cc).

enum class Lex : uint8_t {
  kNone, kMonth, kMonthAbbr, kWeekday, kUnit, kNumber, kOrdinal, kSeason, kPartOfDay,
  kDeictic, kRef, kShift, kFrequency, kFew, kApprox, kZone, kMeridiem, kDecadeWord, kNoon,
  kHijriMonth
};

struct LexEntry {
  LexEntry(Lex k = Lex::kNone, int16_t v = 0, bool p = false, std::string_view c = {})
      : kind(k), value(v), plural(p), code(c) {}
  Lex kind;
  int16_t value;  // month, weekday, number, shift, unit (TimeUnit), ...
  bool plural;
  std::string_view code;  // "SU", "MO", "PAST_REF", TIMEX3 mods, ...
  bool starter = false;   // a word outside the classes above that can begin an expression
};

// The entry of a lowercased word, or nullptr.
const LexEntry* LookUpWord(std::string_view key);

// A token of a Doc, lowercased and classified once.
struct Word {
  Span span;
  std::string_view text, low;  // as written / lowercased
  LexEntry lex;
  bool cap = false;    // starts with an ASCII capital
  bool glued = false;  // no space before the next word
  int64_t num = -1;    // value of an all-digit word; -2 when it has too many digits
  int ndigits = 0;
  bool may_start = false;  // can begin an expression: the grammar is not tried elsewhere
  std::string_view xpos;
};

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
int64_t ParseDigits(std::string_view digits);

// Appends the word(s) of one token: a token may be cut in two where a byline glued words.
// `lower` is the Doc's text lowercased (ASCII), byte for byte.
void AppendWord(const Token& token, std::string_view text, std::string_view lower, std::vector<Word>* words);

// ---------------------------------------------------------------------------------------
// Tense (timex_tense.cc).

// The nearest tense cue to words [begin, end) within the sentence; on a tie, the one before.
Direction TenseAround(const std::vector<Word>& words, size_t sentence_begin, size_t sentence_end, size_t begin,
                      size_t end);

// ---------------------------------------------------------------------------------------
// The grammar (timex_grammar*.cc).

struct Found {
  size_t begin = 0, end = 0;  // words
  TimexType type = TimexType::kDate;
  TimexMeaning m;
};

class Grammar {
 public:
  Grammar(const std::vector<Word>& w, size_t sentence_begin, size_t sentence_end)
      : w_(w), sb_(sentence_begin), se_(sentence_end) {}

  // The longest expression starting at word i.
  bool Longest(size_t i, Found* best) const;

 private:
  bool In(size_t i) const { return i >= sb_ && i < se_; }
  Lex Kind(size_t i) const { return In(i) ? w_[i].lex.kind : Lex::kNone; }
  bool Is(size_t i, std::string_view s) const { return In(i) && w_[i].low == s; }
  bool IsHyphen(size_t i) const { return In(i) && (w_[i].low == "-" || w_[i].low == "\u2013") && w_[i - 1].glued; }
  int64_t Num(size_t i) const { return In(i) ? w_[i].num : -1; }
  bool IsYear(size_t i) const { return In(i) && w_[i].ndigits == 4 && w_[i].num >= 1000 && w_[i].num <= 2999; }
  bool IsMonth(size_t i) const { return Kind(i) == Lex::kMonth || Kind(i) == Lex::kMonthAbbr; }
  // "2Q" or "Q2" as one word: the quarter, else 0.
  int QuarterToken(size_t i) const {
    if (!In(i) || w_[i].low.size() != 2) return 0;
    std::string_view s = w_[i].low;
    char d = s[0] == 'q' ? s[1] : s[1] == 'q' ? s[0] : 0;
    return d >= '1' && d <= '4' && (s[0] != 'q' || w_[i].cap) ? d - '0' : 0;
  }

  // Core matchers: each reads one kind of expression starting at i.
  // timex_grammar_calendar.cc:
  bool MonthDate(size_t i, Found* f) const;
  bool DayMonth(size_t i, Found* f) const;
  bool Numeric(size_t i, Found* f) const;
  bool Year(size_t i, Found* f) const;
  bool Decade(size_t i, Found* f) const;
  bool Quarter(size_t i, Found* f) const;
  bool SpelledYear(size_t i, Found* f) const;
  bool Holiday(size_t i, Found* f) const;
  bool Hijri(size_t i, Found* f) const;
  // timex_grammar_relative.cc:
  bool WeekdayDate(size_t i, Found* f) const;
  bool Deictic(size_t i, Found* f) const;
  bool Ref(size_t i, Found* f) const;
  bool Shifted(size_t i, Found* f) const;
  bool Quantity(size_t i, Found* f) const;
  bool Clock(size_t i, Found* f) const;
  bool Set(size_t i, Found* f) const;

  // timex_grammar.cc:
  bool Core(size_t i, Found* best) const;
  bool Positioned(size_t i, Found* f) const;
  bool MidToken(size_t i, Found* f) const;
  bool Approximate(size_t i, Found* f) const;

  // Pieces.
  size_t ReadNumber(size_t i, double* value, bool* unknown) const;  // words read, 0 if none
  size_t ReadDay(size_t i, int* day) const;
  size_t ReadClockTime(size_t i, TimexMeaning* m) const;
  size_t ReadYearAfter(size_t i, TimexMeaning* m) const;  // ", 2024" / " 2024" / " of 2024"
  size_t ReadRelativeYear(size_t i, TimexMeaning* m) const;  // "this year", "last year"
  bool MonthAloneIsDate(size_t i) const;
  // A word between a count and its unit that leaves the length as stated: "two more
  // weeks", "an additional year", "three full days".
  bool IsCountAdjective(size_t i) const {
    return Is(i, "more") || Is(i, "additional") || Is(i, "extra") || Is(i, "full") || Is(i, "straight") ||
           Is(i, "consecutive") || Is(i, "further");
  }
  void CheckDay(TimexMeaning* m) const;

  const std::vector<Word>& w_;
  size_t sb_, se_;
};

// Whole-sentence signals for the attributes: "since 2021", "until June", "before 1990".
void ApplyPreposition(const std::vector<Word>& words, size_t sentence_begin, Found* f);

// The SET value of each weekday, Monday first: "every Monday", "Sundays".
inline constexpr std::string_view kWeekdaySets[] = {"XXXX-WXX-1", "XXXX-WXX-2", "XXXX-WXX-3", "XXXX-WXX-4",
                                                    "XXXX-WXX-5", "XXXX-WXX-6", "XXXX-WXX-7"};

// A decade written as one word: "1990s" -> 199, "'90s" -> 199; kUnset otherwise.
int DecadeToken(std::string_view s);

// Digits in another script where a year would be ("٢٠٢٤"): flagged, never read.
bool IsForeignDigitYear(std::string_view s);

}  // namespace sitrep::timex_internal
