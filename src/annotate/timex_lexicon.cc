// The word table of the time-expression grammar, and Words: each token lowercased and
// classified once (month, weekday, unit, number, ...), so the matchers only compare.
#include <algorithm>
#include <array>
#include <initializer_list>

#include "annotate/timex_internal.h"

namespace sitrep::timex_internal {

namespace {

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
    static constexpr std::array<std::string_view, 7> kDaysPlural = {"mondays", "tuesdays", "wednesdays", "thursdays",
                                                                    "fridays", "saturdays", "sundays"};
    for (int i = 0; i < 7; ++i) t[kDaysPlural[i]] = {Lex::kWeekday, static_cast<int16_t>(i + 1), true};
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
    for (std::string_view w : {"the", "early", "earlier", "late", "later", "mid", "middle", "end", "beginning",
                               "start", "more", "less",
                               "fewer", "at", "up", "every", "each", "per", "right", "as", "these", "recent",
                               "fiscal", "year-earlier", "year-ago", "christmas", "new", "half", "future", "1/2",
                               "near", "latest", "same", "weeklong", "yearlong", "monthlong", "daylong",
                               "comparable", "corresponding", "present", "thanksgiving", "halloween", "easter", "good",
                               "independence", "labor", "memorial", "full", "entire", "whole", "short", "long"})
      t[w].starter = true;
    for (std::string_view w : {"muharram", "safar", "rabi", "jumada", "rajab", "shaban", "sha'ban", "ramadan",
                               "ramazan", "shawwal", "dhul", "zulhijjah", "zilhaj"})
      t[w] = {Lex::kHijriMonth};
    return t;
  }();
  return table;
}

}  // namespace

const LexEntry* LookUpWord(std::string_view key) { return WordTable().Find(key); }

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
                 key.starts_with("mid-") || key.starts_with("pre-") || key.starts_with("post-") ||
                 (key.size() == 2 && key[0] == 'q' && key[1] >= '1' && key[1] <= '4');  // "Q3"
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
      const LexEntry* entry = LookUpWord(rest);
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

}  // namespace sitrep::timex_internal
