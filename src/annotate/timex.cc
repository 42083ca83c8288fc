// Time expressions (see timex.h): a word table, a small grammar over words, tense cues,
// and the resolution of meanings into TIMEX3 values.
//
// The grammar: at each word, every matcher tries to read an expression starting there
// and the longest reading wins (ties: the earlier matcher). Matchers are plain functions
// over a Words view; optional pieces are tried greedily and never backtracked over more
// than one word, so each start costs a few table lookups. Wrappers add what can stand in
// front of any expression: quantity modifiers ("nearly"), positions ("early", "the end
// of") and a leading "the".
#include "annotate/timex.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <unordered_map>

namespace sitrep {

// ---------------------------------------------------------------------------------------
// Calendar arithmetic (days since 1970-01-01, proleptic Gregorian; H. Hinnant's method).

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

namespace {

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

// ---------------------------------------------------------------------------------------
// The word table.

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

// The word table: open addressing over a power-of-two array with FNV-1a, because one
// lookup per token is most of the layer's cost and std::unordered_map's is several times
// slower. Keys are string literals; the table is built once and then only read.
class Table {
 public:
  Table() : slots_(1024) {}
  LexEntry& operator[](std::string_view key) {
    Slot& slot = slots_[Probe(key)];
    if (slot.key.empty()) slot.key = key;
    return slot.entry;
  }
  const LexEntry* Find(std::string_view key) const {
    if (key.empty() || key.size() > kMaxKey) return nullptr;
    const Slot& slot = slots_[Probe(key)];
    return slot.key.empty() ? nullptr : &slot.entry;
  }

 private:
  static constexpr size_t kMaxKey = 16;
  struct Slot {
    std::string_view key;
    LexEntry entry;
  };
  // The slot holding `key`, or the empty one where it would go (the table is never full).
  size_t Probe(std::string_view key) const {
    uint32_t h = 0x811c9dc5u;
    for (char c : key) h = (h ^ static_cast<unsigned char>(c)) * 0x01000193u;
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask)
      if (slots_[i].key.empty() || slots_[i].key == key) return i;
  }
  std::vector<Slot> slots_;
};

int16_t U(TimeUnit unit) { return static_cast<int16_t>(unit); }

const Table& WordTable() {
  static const Table table = [] {
    Table t;
    static constexpr std::array<std::string_view, 12> kMonths = {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december"};
    for (int i = 0; i < 12; ++i) t[kMonths[i]] = {Lex::kMonth, static_cast<int16_t>(i + 1)};
    for (auto [name, m] : std::initializer_list<std::pair<std::string_view, int>>{
             {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7}, {"aug", 8}, {"sep", 9},
             {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}})
      t[name] = {Lex::kMonthAbbr, static_cast<int16_t>(m)};
    static constexpr std::array<std::string_view, 7> kDays = {"monday", "tuesday", "wednesday", "thursday",
                                                              "friday", "saturday", "sunday"};
    for (int i = 0; i < 7; ++i) t[kDays[i]] = {Lex::kWeekday, static_cast<int16_t>(i + 1)};
    struct UnitWord { std::string_view word; TimeUnit unit; bool plural; };
    for (const UnitWord& u : std::initializer_list<UnitWord>{
             {"second", TimeUnit::kSecond, false}, {"seconds", TimeUnit::kSecond, true},
             {"minute", TimeUnit::kMinute, false}, {"minutes", TimeUnit::kMinute, true},
             {"mins", TimeUnit::kMinute, true}, {"hour", TimeUnit::kHour, false},
             {"hours", TimeUnit::kHour, true}, {"hrs", TimeUnit::kHour, true},
             {"day", TimeUnit::kDay, false}, {"days", TimeUnit::kDay, true},
             {"week", TimeUnit::kWeek, false}, {"weeks", TimeUnit::kWeek, true},
             {"weekend", TimeUnit::kWeekend, false}, {"weekends", TimeUnit::kWeekend, true},
             {"month", TimeUnit::kMonth, false}, {"months", TimeUnit::kMonth, true},
             {"quarter", TimeUnit::kQuarter, false}, {"quarters", TimeUnit::kQuarter, true},
             {"year", TimeUnit::kYear, false}, {"years", TimeUnit::kYear, true},
             {"yr", TimeUnit::kYear, false}, {"yrs", TimeUnit::kYear, true},
             {"decade", TimeUnit::kDecade, false}, {"decades", TimeUnit::kDecade, true},
             {"century", TimeUnit::kCentury, false}, {"centuries", TimeUnit::kCentury, true}})
      t[u.word] = {Lex::kUnit, U(u.unit), u.plural};
    static constexpr std::array<std::string_view, 20> kSmall = {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    for (int i = 0; i < 20; ++i) t[kSmall[i]] = {Lex::kNumber, static_cast<int16_t>(i)};
    static constexpr std::array<std::string_view, 8> kTens = {"twenty", "thirty", "forty",  "fifty",
                                                              "sixty",  "seventy", "eighty", "ninety"};
    for (int i = 0; i < 8; ++i) t[kTens[i]] = {Lex::kNumber, static_cast<int16_t>(20 + 10 * i)};
    t["a"] = {Lex::kNumber, 1, false, "a"};
    t["an"] = {Lex::kNumber, 1, false, "a"};
    t["hundred"] = {Lex::kNumber, 100};
    t["thousand"] = {Lex::kNumber, 1000};
    t["dozen"] = {Lex::kNumber, 12};
    static constexpr std::array<std::string_view, 12> kOrd = {
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth"};
    for (int i = 0; i < 12; ++i) t[kOrd[i]] = {Lex::kOrdinal, static_cast<int16_t>(i + 1)};
    for (auto [w, n] : std::initializer_list<std::pair<std::string_view, int>>{
             {"thirteenth", 13}, {"fourteenth", 14}, {"fifteenth", 15}, {"sixteenth", 16},
             {"seventeenth", 17}, {"eighteenth", 18}, {"nineteenth", 19}, {"twentieth", 20},
             {"twenty-first", 21}})
      t[w] = {Lex::kOrdinal, static_cast<int16_t>(n)};
    t["spring"] = {Lex::kSeason, 0, false, "SP"};
    t["summer"] = {Lex::kSeason, 0, false, "SU"};
    t["fall"] = {Lex::kSeason, 0, false, "FA"};
    t["autumn"] = {Lex::kSeason, 0, false, "FA"};
    t["winter"] = {Lex::kSeason, 0, false, "WI"};
    t["morning"] = {Lex::kPartOfDay, 0, false, "MO"};
    t["afternoon"] = {Lex::kPartOfDay, 0, false, "AF"};
    t["evening"] = {Lex::kPartOfDay, 0, false, "EV"};
    t["night"] = {Lex::kPartOfDay, 0, false, "NI"};
    t["today"] = {Lex::kDeictic, 0};
    t["yesterday"] = {Lex::kDeictic, -1};
    t["tomorrow"] = {Lex::kDeictic, 1};
    t["tonight"] = {Lex::kDeictic, 0, false, "NI"};
    t["overnight"] = {Lex::kDeictic, 0, false, "NI"};
    for (auto [w, r] : std::initializer_list<std::pair<std::string_view, std::string_view>>{
             {"now", "PRESENT_REF"}, {"currently", "PRESENT_REF"}, {"nowadays", "PRESENT_REF"},
             {"presently", "PRESENT_REF"}, {"recently", "PAST_REF"},
             {"lately", "PAST_REF"}})
      t[w] = {Lex::kRef, 0, false, r};
    for (auto [w, s] : std::initializer_list<std::pair<std::string_view, int>>{
             {"last", -1}, {"past", -1}, {"previous", -1}, {"preceding", -1}, {"this", 0}, {"current", 0},
             {"next", 1}, {"coming", 1}, {"following", 1}, {"upcoming", 1}})
      t[w] = {Lex::kShift, static_cast<int16_t>(s)};
    struct Freq { std::string_view word; TimeUnit unit; };
    for (const Freq& f : std::initializer_list<Freq>{
             {"daily", TimeUnit::kDay}, {"nightly", TimeUnit::kDay}, {"weekly", TimeUnit::kWeek},
             {"monthly", TimeUnit::kMonth}, {"quarterly", TimeUnit::kQuarter}, {"yearly", TimeUnit::kYear},
             {"hourly", TimeUnit::kHour}})
      t[f.word] = {Lex::kFrequency, U(f.unit)};
    for (std::string_view w : {"few", "several", "many", "some"}) t[w] = {Lex::kFew};
    t["couple"] = {Lex::kFew, 2};  // "a couple of years": two, as TimeBank reads it
    for (auto [w, mod] : std::initializer_list<std::pair<std::string_view, std::string_view>>{
             {"about", "approx"}, {"around", "approx"}, {"approximately", "approx"}, {"roughly", "approx"},
             {"some", "approx"}, {"nearly", "less_than"}, {"almost", "less_than"}, {"under", "less_than"},
             {"over", "more_than"}})
      t[w] = {Lex::kApprox, 0, false, mod};
    for (std::string_view w : {"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "pkt", "bst",
                               "cet", "ist"})
      t[w] = {Lex::kZone};
    for (std::string_view w : {"am", "pm", "a.m.", "p.m.", "a.m", "p.m"})
      t[w] = {Lex::kMeridiem, static_cast<int16_t>(w[0] == 'p' ? 12 : 0)};
    for (auto [w, d] : std::initializer_list<std::pair<std::string_view, int>>{
             {"twenties", 2}, {"thirties", 3}, {"forties", 4}, {"fifties", 5}, {"sixties", 6},
             {"seventies", 7}, {"eighties", 8}, {"nineties", 9}})
      t[w] = {Lex::kDecadeWord, static_cast<int16_t>(d)};
    t["noon"] = {Lex::kNoon, 12};
    t["midday"] = {Lex::kNoon, 12};
    t["midnight"] = {Lex::kNoon, 24};
    // Words that are not in a class but can begin an expression ("the past year", "early
    // June", "at least two days"); every other word outside the table is skipped at once.
    for (std::string_view w : {"the", "early", "earlier", "late", "later", "mid", "middle", "end", "more", "less",
                               "fewer", "at", "up", "every", "each", "per", "right", "as", "these", "recent",
                               "fiscal", "year-earlier", "year-ago", "christmas", "new", "half", "future", "1/2",
                               "near", "latest", "same", "comparable", "corresponding", "present"})
      t[w].starter = true;
    for (std::string_view w : {"muharram", "safar", "rabi", "jumada", "rajab", "shaban", "sha'ban", "ramadan",
                               "ramazan", "shawwal", "dhul", "zulhijjah", "zilhaj"})
      t[w] = {Lex::kHijriMonth};
    return t;
  }();
  return table;
}

// ---------------------------------------------------------------------------------------
// Words: the tokens of a Doc, lowercased and classified once.

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

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

int64_t ParseDigits(std::string_view digits) {
  int64_t v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

void Classify(Word* w) {
  std::string_view key = w->low;
  if (key.size() > 1 && key.back() == '.' && key != "a.m." && key != "p.m.") key.remove_suffix(1);
  bool starter = false;
  if (const LexEntry* entry = WordTable().Find(key)) w->lex = *entry, starter = entry->starter;
  w->cap = !w->text.empty() && IsUpper(w->text[0]);
  if (!key.empty() && std::all_of(key.begin(), key.end(), IsDigit)) {
    w->ndigits = static_cast<int>(key.size());
    w->num = key.size() > 9 ? -2 : ParseDigits(key);
  }
  w->may_start = w->lex.kind != Lex::kNone || starter ||
                 (!key.empty() && (IsDigit(key[0]) || key[0] == '\'' || static_cast<unsigned char>(key[0]) >= 0x80)) ||
                 key.starts_with("mid-");
  // "may", "march", "sun": names only when written as names.
  if ((w->lex.kind == Lex::kMonth || w->lex.kind == Lex::kMonthAbbr || w->lex.kind == Lex::kWeekday) && !w->cap)
    w->may_start = false;
  // "1st", "26th": ordinals written in digits.
  if (key.size() >= 3 && key.size() <= 4 && IsDigit(key[0])) {
    std::string_view suffix = key.substr(key.size() - 2);
    std::string_view digits = key.substr(0, key.size() - 2);
    if ((suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") &&
        std::all_of(digits.begin(), digits.end(), IsDigit))
      w->lex = {Lex::kOrdinal, static_cast<int16_t>(ParseDigits(digits))};
  }
}

// Bylines glue words together ("Web DeskSeptember 17, 2024 05:50 PMpolitics"): a token is
// cut where a lower-case letter meets a capital that starts a month or weekday name, and
// after a leading "AM"/"PM" followed by lower case.
void AppendWord(const Token& token, std::string_view text, std::string_view lower, std::vector<Word>* words) {
  Span span = token.span;
  std::string_view t = text.substr(span.begin, span.size());
  auto push = [&](uint32_t b, uint32_t e, bool glued) {
    Word w;
    w.span = {b, e};
    w.text = text.substr(b, e - b);
    w.low = lower.substr(b, e - b);
    w.glued = glued;
    w.xpos = token.xpos;
    Classify(&w);
    words->push_back(w);
  };
  if (t.size() > 4 && IsUpper(t[0])) {
    for (size_t k = 1; k + 3 <= t.size(); ++k) {
      if (!(IsLower(t[k - 1]) && IsUpper(t[k]))) continue;
      std::string_view rest = lower.substr(span.begin + k, span.size() - k);
      const LexEntry* entry = WordTable().Find(rest);
      if (entry && (entry->kind == Lex::kMonth || entry->kind == Lex::kWeekday)) {
        push(span.begin, span.begin + static_cast<uint32_t>(k), true);
        push(span.begin + static_cast<uint32_t>(k), span.end, !token.space_after);
        return;
      }
    }
    if ((t.starts_with("AM") || t.starts_with("PM")) && IsLower(t[2])) {
      push(span.begin, span.begin + 2, true);
      push(span.begin + 2, span.end, !token.space_after);
      return;
    }
  }
  push(span.begin, span.end, !token.space_after);
}

// ---------------------------------------------------------------------------------------
// Tense: which way a sentence looks from the time it was written.

bool IsAux(std::string_view w) {
  static constexpr std::string_view kAux[] = {"be", "been", "being", "is", "are", "was", "were", "am", "'s", "’s",
                                              "has", "have", "had", "having", "will", "would", "to", "get", "got"};
  return std::find(std::begin(kAux), std::end(kAux), w) != std::end(kAux);
}

bool IsIrregularPast(std::string_view w) {
  static const std::unordered_map<std::string_view, bool> kPast = [] {
    std::unordered_map<std::string_view, bool> m;
    for (std::string_view v : {"said", "told", "met", "held", "took", "came", "went", "made", "gave", "began", "saw",
                               "led", "left", "won", "lost", "fell", "rose", "sent", "spoke", "wrote", "got", "paid",
                               "sold", "bought", "found", "thought", "brought", "struck", "knew", "became", "ran",
                               "stood", "felt", "kept", "fought", "chose", "drew", "flew", "grew", "hung", "meant",
                               "sought", "shot", "taught", "threw", "woke", "swore", "broke", "forgot", "arose"})
      m[v] = true;
    return m;
  }();
  return kPast.count(w) > 0;
}

// A word ending in -ed that is not a verb.
bool LooksLikePastTense(std::string_view w) {
  if (w.size() < 5 || !w.ends_with("ed") || w.ends_with("eed")) return false;
  static constexpr std::string_view kNot[] = {"hundred", "united", "based", "related", "armed", "red", "limited",
                                              "advanced", "alleged", "so-called", "detailed", "renewed", "sacred"};
  return std::find(std::begin(kNot), std::end(kNot), w) == std::end(kNot);
}

// The tense a word signals where it stands, or kUnknown.
Direction CueAt(const std::vector<Word>& words, size_t i, size_t sentence_begin) {
  const Word& w = words[i];
  std::string_view low = w.low;
  std::string_view prev = i > sentence_begin ? words[i - 1].low : std::string_view();
  if (!w.xpos.empty()) {
    if (w.xpos == "MD") return low == "will" || low == "'ll" || low == "shall" || low == "wo" ? Direction::kFuture
                               : low == "would"                                           ? Direction::kFuture
                                                                                          : Direction::kUnknown;
    if (w.xpos == "VBD") return Direction::kPast;
    if (w.xpos == "VBZ" || w.xpos == "VBP") return low == "has" || low == "have" ? Direction::kPast : Direction::kPresent;
    return Direction::kUnknown;
  }
  if (low == "will" || low == "'ll" || low == "’ll" || low == "shall" || low == "would" || low == "plans" ||
      low == "plan" || low == "scheduled" || low == "upcoming" || low == "expected" || low == "intends" ||
      low == "planned" || low == "planning" || low == "due" || low == "tomorrow" ||
      ((low == "set" || low == "is" || low == "are") && i + 1 < words.size() && words[i + 1].low == "to") ||
      (low == "wo" && i + 1 < words.size() && words[i + 1].low == "n't") ||
      (low == "going" && i + 1 < words.size() && words[i + 1].low == "to"))
    return Direction::kFuture;
  if (low == "was" || low == "were" || low == "had" || low == "did" || low == "has" || low == "have" || low == "ago")
    return Direction::kPast;
  if (low == "is" || low == "are" || low == "am" || low == "says" || low == "say") return Direction::kPresent;
  if ((IsIrregularPast(low) || LooksLikePastTense(low)) && !IsAux(prev) && prev != "the" && prev != "a")
    return Direction::kPast;
  return Direction::kUnknown;
}

// The nearest tense cue to words [begin, end) within the sentence; on a tie, the one before.
Direction TenseAround(const std::vector<Word>& words, size_t sentence_begin, size_t sentence_end, size_t begin,
                      size_t end) {
  for (size_t d = 1; d <= 12; ++d) {
    if (begin >= sentence_begin + d) {
      Direction dir = CueAt(words, begin - d, sentence_begin);
      if (dir != Direction::kUnknown) return dir;
    }
    if (end + d - 1 < sentence_end) {
      Direction dir = CueAt(words, end + d - 1, sentence_begin);
      if (dir != Direction::kUnknown) return dir;
    }
  }
  return Direction::kUnknown;
}

// ---------------------------------------------------------------------------------------
// The grammar.

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

  // Core matchers: each reads one kind of expression starting at i.
  bool MonthDate(size_t i, Found* f) const;
  bool DayMonth(size_t i, Found* f) const;
  bool Numeric(size_t i, Found* f) const;
  bool Year(size_t i, Found* f) const;
  bool Decade(size_t i, Found* f) const;
  bool WeekdayDate(size_t i, Found* f) const;
  bool Deictic(size_t i, Found* f) const;
  bool Ref(size_t i, Found* f) const;
  bool Shifted(size_t i, Found* f) const;
  bool Quantity(size_t i, Found* f) const;
  bool Quarter(size_t i, Found* f) const;
  bool Clock(size_t i, Found* f) const;
  bool Set(size_t i, Found* f) const;
  bool SpelledYear(size_t i, Found* f) const;
  bool Holiday(size_t i, Found* f) const;
  bool Hijri(size_t i, Found* f) const;

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
  void CheckDay(TimexMeaning* m) const;

  const std::vector<Word>& w_;
  size_t sb_, se_;
};

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

bool Grammar::Longest(size_t i, Found* best) const {
  if (!In(i) || !w_[i].may_start) return false;
  // "the" is the commonest starter; every expression it begins goes on with another.
  if (w_[i].low == "the" && !(In(i + 1) && w_[i + 1].may_start)) return false;
  // "a"/"an" begin an expression only as a count: "a year ago", "a few days".
  if (w_[i].lex.code == "a" && !(Kind(i + 1) == Lex::kUnit || Kind(i + 1) == Lex::kFew)) return false;
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
  if (Is(i, "early") || Is(i, "earlier")) mod = Is(i, "early") ? "start" : "exact", k = i + 1;
  else if (Is(i, "late") || Is(i, "later")) mod = Is(i, "late") ? "end" : "exact", k = i + 1;
  else if (Is(i, "mid") || Is(i, "middle")) mod = "mid", k = i + 1;
  else if (In(i) && w_[i].low.starts_with("mid-") && w_[i].low.size() > 4) return MidToken(i, f);
  else if (Is(i, "end") && IsHyphen(i + 1)) mod = "end", k = i + 1;
  else if (Is(i, "the") && (Is(i + 1, "end") || Is(i + 1, "beginning") || Is(i + 1, "start") || Is(i + 1, "middle")) &&
           Is(i + 2, "of"))
    mod = Is(i + 1, "end") ? "end" : Is(i + 1, "middle") ? "mid" : "start", k = i + 3;
  else return false;
  if (IsHyphen(k)) ++k;
  Found inner;
  if (Is(k, "the") && Is(k + 1, "year") && !IsYear(k + 2)) {  // "the end of the year": the current year
    inner.begin = k, inner.end = k + 2;
    inner.m.shift_unit = TimeUnit::kYear;
    inner.m.shift = 0;
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
  const LexEntry* entry = WordTable().Find(rest);
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
                                                 "between", "and", "before", "after", "-", "that", "each", "every"};
  if (i > sb_ && std::find(std::begin(kBefore), std::end(kBefore), w_[i - 1].low) != std::end(kBefore)) return true;
  return false;
}

// Month-first dates: "August 26", "Sept. 17, 2024", "February 2020", "June", "January this
// year", with an optional weekday in front ("Friday, Oct. 23").
bool Grammar::MonthDate(size_t i, Found* f) const {
  size_t k = i;
  TimexMeaning m;
  if (Kind(k) == Lex::kWeekday && Is(k + 1, ",") && IsMonth(k + 2)) m.weekday = w_[k].lex.value, k += 2;
  else if (Kind(k) == Lex::kWeekday && IsMonth(k + 1)) m.weekday = w_[k].lex.value, k += 1;
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
  }
  if (IsHyphen(k + 1) && (Kind(k + 2) == Lex::kUnit || (In(k + 2) && w_[k + 2].num >= 0))) return false;
  f->m.year = static_cast<int>(y);
  f->end = k + 1;
  return true;
}

// "the 1990s", "'90s", "the nineties", "the 20th century", "this century".
bool Grammar::Decade(size_t i, Found* f) const {
  if (!In(i)) return false;
  const Word& w = w_[i];
  if (w.low.size() == 5 && w.low.back() == 's' && IsDigit(w.low[0]) && IsDigit(w.low[3]) && w.low[3] == '0') {
    f->m.decade = std::atoi(std::string(w.low.substr(0, 3)).c_str());
    f->end = i + 1;
    return true;
  }
  if (IsYear(i) && w.num % 10 == 0 && Is(i + 1, "s") && w.glued) {
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

// "Monday", "last Friday", "Thursday morning", "Wednesday night".
bool Grammar::WeekdayDate(size_t i, Found* f) const {
  size_t k = i;
  if (Kind(k) == Lex::kShift && Kind(k + 1) == Lex::kWeekday) {
    int s = w_[k].lex.value;
    f->m.direction = s < 0 ? Direction::kPast : s > 0 ? Direction::kFuture : Direction::kPresent;
    if (s != 0) f->m.shift = s;  // "last Friday": strictly before the DCT
    ++k;
  }
  if (Kind(k) != Lex::kWeekday || !w_[k].cap) return false;
  f->m.weekday = w_[k].lex.value;
  ++k;
  // "Wednesday's ruling": news names by weekday what has already happened.
  if ((Is(k, "'s") || Is(k, "\u2019s")) && f->m.direction == Direction::kUnknown) f->m.direction = Direction::kPast;
  if (Kind(k) == Lex::kPartOfDay) f->m.part_of_day = w_[k].lex.code, ++k;
  f->end = k;
  return true;
}

// "today", "yesterday", "tomorrow", "tonight", "this morning", "last night", "yesterday
// afternoon".
bool Grammar::Deictic(size_t i, Found* f) const {
  size_t k = i;
  TimexMeaning& m = f->m;
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
             i > sb_ && (w_[i - 1].low == "in" || w_[i - 1].low == "over")) {
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
  if (the && Is(k, "weekend")) {  // "the weekend": the nearest one, by tense
    m.weekend = true;
    f->end = k + 1;
    return true;
  }
  if (the && Kind(k) == Lex::kSeason && !Is(k + 1, "of")) {
    m.season = w_[k].lex.code;  // "the summer": this year's, by tense
    f->end = k + 1;
    return !Is(k, "fall");
  }
  if (the && Kind(k) == Lex::kPartOfDay && !Is(k, "night") && !Is(k + 1, "of") && !Is(k + 1, "after") &&
      !Is(k + 1, "before")) {
    m.shift_unit = TimeUnit::kDay;  // "the morning": of the day the article is written
    m.part_of_day = w_[k].lex.code;
    f->type = TimexType::kTime;
    f->end = k + 1;
    return true;
  }
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
  if (Kind(k) != Lex::kShift) return false;
  int shift = w_[k].lex.value;
  // "the following month", "the previous week": from the last date told, not the DCT.
  m.shift_from_previous = Is(k, "following") || Is(k, "previous") || Is(k, "preceding");
  if (the && shift == 0 && !Is(k, "current")) return false;  // "the this"
  ++k;
  if (Is(k, "fiscal")) ++k;
  if (Kind(k) == Lex::kUnit && !w_[k].lex.plural) {
    TimeUnit unit = static_cast<TimeUnit>(w_[k].lex.value);
    if (unit == TimeUnit::kSecond || unit == TimeUnit::kMinute || unit == TimeUnit::kHour) return false;
    if (unit == TimeUnit::kDay) return false;  // "the next day" depends on the narrative, not the DCT
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
    f->end = k + 1;
    if (unit == TimeUnit::kQuarter && Is(k + 1, "of") && IsYear(k + 2)) return false;
    return true;
  }
  if (Kind(k) == Lex::kMonth && w_[k].cap) {
    m.month = w_[k].lex.value;
    m.shift = shift;  // the nearest such month before (last), after (next), or in this year
    m.shift_unit = TimeUnit::kNone;
    m.direction = shift < 0 ? Direction::kPast : shift > 0 ? Direction::kFuture : Direction::kPresent;
    f->end = k + 1;
    return !the;
  }
  if (Kind(k) == Lex::kSeason) {
    m.season = w_[k].lex.code;
    m.shift = shift;
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
  bool hyphen = IsHyphen(k);
  if (hyphen) ++k;
  if (Kind(k) != Lex::kUnit) {
    // "a year and a half" is read below; "half" alone: "half an hour"
    return false;
  }
  TimeUnit unit = static_cast<TimeUnit>(w_[k].lex.value);
  const Word& uw = w_[k];
  if (unit == TimeUnit::kSecond && !uw.lex.plural && (n == 0 || Is(i, "a") || Is(i, "an"))) return false;
  if (!unknown && amount != 1 && !uw.lex.plural && !hyphen && !IsDigit(w_[i].low[0])) return false;  // "two year" is rare; "a second year"
  if (unit == TimeUnit::kWeekend) return false;
  ++k;
  if (Is(k, "and") && Is(k + 1, "a") && Is(k + 2, "half")) amount += 0.5, k += 3;
  if (hyphen && IsHyphen(k) && Is(k + 1, "old")) return false;  // ages are not time expressions in TimeML
  if (Is(k, "or") && Is(k + 1, "so") && Is(k + 2, "ago")) k += 2;  // "a week or so ago"
  // "a few days later" is a duration followed by a signal; "three days later" a point.
  bool from_reference = !unknown && (Is(k, "earlier") || Is(k, "later"));
  if (Is(k, "ago") || from_reference || (Is(k, "from") && Is(k + 1, "now")) || Is(k, "hence")) {
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

// Quarters and halves: "the third quarter", "third-quarter", "the fiscal first quarter",
// "the fourth quarter of 1990", "the 1988 second quarter", "the first half", "the
// quarter", "the latest quarter", "the year-earlier quarter", "the year-ago period".
bool Grammar::Quarter(size_t i, Found* f) const {
  size_t k = i;
  TimexMeaning& m = f->m;
  bool the = Is(k, "the");
  if (the) ++k;
  if (IsYear(k)) m.year = static_cast<int>(w_[k].num), ++k;
  if (Is(k, "fiscal")) ++k;
  if (Is(k, "year-earlier") || Is(k, "year-ago") || (Is(k, "year") && IsHyphen(k + 1))) {
    if (Is(k, "year")) {
      if (!Is(k + 2, "earlier") && !Is(k + 2, "ago")) return false;
      k += 2;
    }
    ++k;
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
  else if (Is(k, "latest") || Is(k, "same") || Is(k, "comparable") || Is(k, "corresponding")) ord = -1, ++k;
  if (IsHyphen(k)) ++k;
  if (Is(k, "half") && ord >= 1 && ord <= 2) {
    m.half = ord;
  } else if (Is(k, "quarter")) {
    if (ord > 0) m.quarter = ord;
    else if (!the && ord == 0) return false;
    else {
      m.shift_unit = TimeUnit::kQuarter;
      m.shift = -1;  // "the quarter", "the latest quarter": the one just reported
    }
  } else {
    return false;
  }
  ++k;
  if (Is(k, "of") && (Is(k + 1, "fiscal") ? IsYear(k + 2) : IsYear(k + 1))) {
    k += Is(k + 1, "fiscal") ? 2 : 1;
    m.year = static_cast<int>(w_[k].num), ++k;
  } else if (Is(k, "of") && Is(k + 1, "this") && Is(k + 2, "year")) {
    k += 3;
  }
  f->end = k;
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
    } else if (w.num >= 1 && w.num <= 12 && w.ndigits <= 2 && Kind(k + 1) == Lex::kMeridiem) {
      hour = static_cast<int>(w.num), ++k;
    } else {
      return 0;
    }
    if (Kind(k) == Lex::kMeridiem) {
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

// Frequencies: "daily", "weekly", "every day", "each year", "every two years", "each July",
// "every Monday", "twice a week" (the last through Quantity).
bool Grammar::Set(size_t i, Found* f) const {
  TimexMeaning& m = f->m;
  f->type = TimexType::kSet;
  if (Kind(i) == Lex::kFrequency) {
    if (w_[i].cap && i > sb_) return false;  // "Daily Mail"
    if (In(i + 1) && (w_[i + 1].low == "newspaper" || w_[i + 1].low == "newspapers" || w_[i + 1].low == "paper" ||
                      w_[i + 1].low == "news" || w_[i + 1].low == "basis"))
      return false;
    // "quarterly dividend", "monthly report": an adjective of kind, not a time.
    static constexpr std::string_view kAfterAdverb[] = {"at", "on", "in", "and", "or", "for", "since", "to", "by",
                                                        "until", "from", "during", "with", "before", "after", "as",
                                                        "while", "when", "but", "over"};
    if (!Is(i, "daily") && In(i + 1) && IsLower(w_[i + 1].low[0]) &&
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
    static constexpr std::string_view kDays[] = {"XXXX-WXX-1", "XXXX-WXX-2", "XXXX-WXX-3", "XXXX-WXX-4",
                                                 "XXXX-WXX-5", "XXXX-WXX-6", "XXXX-WXX-7"};
    m.set_value = kDays[w_[k].lex.value - 1];
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

// Fixed-date holidays: "Christmas", "Christmas Eve", "New Year's Day".
bool Grammar::Holiday(size_t i, Found* f) const {
  if (Is(i, "christmas") && w_[i].cap) {
    bool eve = Is(i + 1, "eve");
    f->m.month = 12;
    f->m.day = eve ? 24 : 25;
    f->end = i + (eve ? 2 : Is(i + 1, "day") ? 2 : 1);
    return true;
  }
  if (Is(i, "new") && w_[i].cap && (Is(i + 1, "year's") || (Is(i + 1, "year") && (Is(i + 2, "'s") || Is(i + 2, "’s"))))) {
    size_t k = i + (Is(i + 1, "year's") ? 2 : 3);
    if (!Is(k, "day") && !Is(k, "eve")) return false;
    bool eve = Is(k, "eve");
    f->m.month = eve ? 12 : 1;
    f->m.day = eve ? 31 : 1;
    f->end = k + 1;
    return true;
  }
  return false;
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

// Whole-sentence signals for the attributes: "since 2021", "until June", "before 1990".
void ApplyPreposition(const std::vector<Word>& words, size_t sentence_begin, Found* f) {
  if (f->begin <= sentence_begin || f->type != TimexType::kDate) return;
  std::string_view prev = words[f->begin - 1].low;
  std::string_view mod;
  if (prev == "since") mod = "on_or_after";
  else if (prev == "until" || prev == "till" || prev == "through") mod = "on_or_before";
  else if (prev == "before") mod = "before";
  else if (prev == "after") mod = "after";
  else return;
  if (f->m.mod == "exact") f->m.mod = mod;
  f->m.range = true;
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

}  // namespace

std::string_view TimexTypeName(TimexType type) {
  switch (type) {
    case TimexType::kDate: return "DATE";
    case TimexType::kTime: return "TIME";
    case TimexType::kDuration: return "DURATION";
    case TimexType::kSet: return "SET";
  }
  return "DATE";
}

std::string_view DirectionName(Direction direction) {
  switch (direction) {
    case Direction::kPast: return "past";
    case Direction::kPresent: return "same";
    case Direction::kFuture: return "future";
    case Direction::kUnknown: break;
  }
  return "unknown";
}

std::vector<Timex> FindTimexes(const Doc& doc) {
  std::vector<Timex> out;
  const std::string& text = doc.text();
  const std::vector<Token>& tokens = doc.tokens();
  if (tokens.empty()) return out;
  std::string lower(text);
  for (char& c : lower)
    if (IsUpper(c)) c = static_cast<char>(c - 'A' + 'a');
  std::vector<Word> words;
  words.reserve(tokens.size() + 8);
  // Sentence boundaries in word indexes (a token may become two words).
  std::vector<std::pair<size_t, size_t>> sentences;
  sentences.reserve(doc.sentences().size() + 1);
  for (const Sentence& sent : doc.sentences()) {
    size_t begin = words.size();
    for (uint32_t t = sent.token_begin; t < sent.token_end && t < tokens.size(); ++t)
      AppendWord(tokens[t], text, lower, &words);
    sentences.emplace_back(begin, words.size());
  }
  if (doc.sentences().empty()) {
    for (const Token& token : tokens) AppendWord(token, text, lower, &words);
    sentences.emplace_back(0, words.size());
  }

  for (auto [sb, se] : sentences) {
    Grammar grammar(words, sb, se);
    for (size_t i = sb; i < se;) {
      Found f;
      f.begin = i;
      if (!words[i].may_start || !grammar.Longest(i, &f) || f.end <= f.begin) {
        if (IsForeignDigitYear(words[i].text)) {
          Timex t;
          t.span = words[i].span;
          t.meaning.warning = "a year written in non-Latin digits: not read";
          out.push_back(std::move(t));
        }
        ++i;
        continue;
      }
      if (f.m.direction == Direction::kUnknown) f.m.direction = TenseAround(words, sb, se, f.begin, f.end);
      ApplyPreposition(words, sb, &f);
      Timex t;
      t.span = {words[f.begin].span.begin, words[f.end - 1].span.end};
      // A period the tokenizer left on the last word ends the sentence, not the timex.
      std::string_view last = words[f.end - 1].low;
      if (last.size() > 1 && last.back() == '.' && last != "a.m." && last != "p.m." &&
          words[f.end - 1].lex.kind != Lex::kMonthAbbr)
        --t.span.end;
      t.type = f.type;
      if (t.type == TimexType::kDate && (f.m.hour != kUnset || (!f.m.part_of_day.empty() && f.m.weekday == kUnset &&
                                                                 f.m.shift_unit == TimeUnit::kDay && f.m.shift == 0)))
        t.type = TimexType::kTime;
      t.meaning = std::move(f.m);
      out.push_back(std::move(t));
      i = f.end;
    }
  }
  // Token indexes of each timex, for callers that work on tokens.
  size_t t = 0;
  for (Timex& timex : out) {
    while (t < tokens.size() && tokens[t].span.end <= timex.span.begin) ++t;
    timex.token_begin = static_cast<uint32_t>(t);
    size_t e = t;
    while (e < tokens.size() && tokens[e].span.begin < timex.span.end) ++e;
    timex.token_end = static_cast<uint32_t>(e);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Resolution.

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

std::string Year4(int year) { return year >= 0 && year <= 9999 ? fmt::format("{:04}", year) : "XXXX"; }

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

// After a weekday TimeBank writes the hour ("noon Saturday"), evening for "Wednesday
// night" and "Friday evening", and nothing for "Thursday morning".
std::string WeekdayTimeSuffix(const TimexMeaning& m) {
  if (m.hour != kUnset) return TimeSuffix(m);
  if (m.part_of_day == "EV" || m.part_of_day == "NI") return "TEV";
  return "";
}

std::string_view DayGranularity(const TimexMeaning& m) {
  return m.hour != kUnset ? "time" : !m.part_of_day.empty() ? "part-of-day" : "day";
}

// The year of a month-and-day, month, quarter or season stated without one: the
// occurrence on the side of the DCT the tense points to, the nearest one otherwise.
int ChooseYear(const CivilTime& dct, int month, int day, Direction dir, int shift) {
  int64_t now = Days(dct);
  auto at = [&](int year) { return DaysFromCivil(year, month, day == kUnset ? 1 : std::min(day, DaysInMonth(year, month))); };
  int y = dct.year;
  // Reported speech mixes tenses ("said the offer expires Dec. 15"): a date up to three
  // months on the other side of the DCT keeps the DCT's year.
  if (day == kUnset) {  // compare months, not days
    if (shift < 0) return month < dct.month ? y : y - 1;  // "last November": the latest before the DCT's month
    if (shift > 0) return month > dct.month ? y : y + 1;
    if (dir == Direction::kPast) return month > dct.month + 3 ? y - 1 : y;
    if (dir == Direction::kFuture) return month < dct.month - 3 ? y + 1 : y;
    return y;
  }
  if (dir == Direction::kPast) return at(y) > now + 92 ? y - 1 : y;
  if (dir == Direction::kFuture) return at(y) < now - 92 ? y + 1 : y;
  int best = y;
  for (int c : {y - 1, y + 1})
    if (std::llabs(at(c) - now) < std::llabs(at(best) - now)) best = c;
  return best;
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
    int y = ChooseYear(*dct, m.month, m.day, m.direction, m.shift);
    r.value = fmt::format("{}-{:02}", Year4(y), m.month);
    if (m.day != kUnset) {
      if (m.day > DaysInMonth(y, m.month)) {
        r.value += "-XX";
      } else {
        r.value += fmt::format("-{:02}", m.day) + TimeSuffix(m);
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
    if (m.shift < 0) {
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
    if (!dct) return r.value = fmt::format("XXXX-WXX-{}", m.weekday) + WeekdayTimeSuffix(m), r;
    int64_t now = Days(*dct);
    int delta = m.weekday - Weekday(now);  // -6..6
    int64_t day;
    switch (m.direction) {
      case Direction::kFuture: day = now + (delta > 0 ? delta : delta + 7); break;
      case Direction::kPresent: day = now + (delta > 3 ? delta - 7 : delta < -3 ? delta + 7 : delta); break;
      default: day = now + (delta > 0 ? delta - 7 : delta); break;
    }
    if (m.shift < 0 && day == now) day -= 7;  // "last Friday", said on a Friday
    r.value = DayValue(day) + WeekdayTimeSuffix(m);
    r.used_anchor = true;
    return r;
  }
  if (m.hour != kUnset || !m.part_of_day.empty()) {
    r.granularity = DayGranularity(m);
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

DctAnchor AnchorFromDateTime(const DateTime& published) {
  DctAnchor a;
  const std::string& iso = published.iso;
  auto num = [&](size_t pos, size_t len) {
    if (iso.size() < pos + len) return -1;
    for (size_t p = pos; p < pos + len; ++p)
      if (!IsDigit(iso[p])) return -1;
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

void ResolveTimexes(const DctAnchor& dct, std::vector<Timex>* timexes) {
  Reference previous;
  std::optional<std::pair<int, int>> last_quarter;
  bool have_dct = dct.kind != DctAnchor::Kind::kNone;
  for (Timex& t : *timexes) {
    Resolved r;
    if (!have_dct) {
      r = ResolveAt(t.meaning, t.type, nullptr, previous);
    } else {
      Resolved lo = ResolveAt(t.meaning, t.type, &dct.earliest, previous);
      if (dct.earliest == dct.latest) {
        r = lo;
      } else {
        Resolved hi = ResolveAt(t.meaning, t.type, &dct.latest, previous);
        // An interval anchors a value only where both its ends give the same one.
        r = lo.value == hi.value ? lo : ResolveAt(t.meaning, t.type, nullptr, previous);
      }
    }
    if (t.meaning.warning.starts_with("a date in the Islamic") || t.meaning.warning.starts_with("a year written"))
      r.value.clear();
    // In a report on a quarter, "a year ago" and "year-earlier" mean that quarter a year
    // before, as business news (and TimeBank) use them.
    const TimexMeaning& m = t.meaning;
    if (m.counted && m.shift_unit == TimeUnit::kYear && m.shift == -1 && last_quarter) {
      r.value = fmt::format("{}-Q{}", Year4(last_quarter->first - 1), last_quarter->second);
      r.granularity = "quarter";
    }
    t.value = std::move(r.value);
    t.granularity = r.granularity;
    t.anchor = !r.used_anchor ? "none" : dct.kind == DctAnchor::Kind::kStated ? "dct" : "inferred-dct";
    if (t.type == TimexType::kDate || t.type == TimexType::kTime) {
      if (auto ref = ReferenceOf(t.value)) previous = *ref;
      if (auto q = QuarterOf(t.value); q && !m.counted) last_quarter = q;
    }
  }
}

namespace {

void AppendJsonString(std::string* out, std::string_view s) {
  out->push_back('"');
  for (char c : s) {
    if (c == '"' || c == '\\') out->push_back('\\'), out->push_back(c);
    else if (static_cast<unsigned char>(c) < 0x20) *out += fmt::format("\\u{:04x}", c);
    else out->push_back(c);
  }
  out->push_back('"');
}

}  // namespace

std::string TimexAttrsJson(const Timex& t) {
  std::string out = "{\"value\":";
  AppendJsonString(&out, t.value);
  if (t.meaning.year_end != kUnset) out += fmt::format(",\"value_end\":\"{}\"", Year4(t.meaning.year_end));
  out += ",\"granularity\":";
  AppendJsonString(&out, t.granularity);
  out += ",\"mod\":";
  AppendJsonString(&out, t.meaning.mod);
  out += t.meaning.range ? ",\"range\":true" : ",\"range\":false";
  out += ",\"anchor\":";
  AppendJsonString(&out, t.anchor);
  out += ",\"direction\":";
  AppendJsonString(&out, DirectionName(t.meaning.direction));
  if (!t.meaning.warning.empty()) {
    out += ",\"warning\":";
    AppendJsonString(&out, t.meaning.warning);
  }
  out += "}";
  return out;
}

}  // namespace sitrep
