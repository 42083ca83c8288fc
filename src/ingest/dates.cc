#include "ingest/dates.h"

#include <re2/re2.h>

#include <array>
#include <cctype>
#include <string>

#include <fmt/format.h>

namespace sitrep {

namespace {

constexpr std::string_view kMonthPattern =
    "(January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";

int MonthNumber(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kPrefixes = {"jan", "feb", "mar", "apr", "may", "jun",
                                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string lower;
  for (char c : name.substr(0, 3)) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (size_t i = 0; i < kPrefixes.size(); ++i)
    if (lower == kPrefixes[i]) return static_cast<int>(i) + 1;
  return 0;
}

// Zone abbreviations news sites print after a time. Ambiguous ones (IST, CST) take the
// reading most common in English-language news.
std::optional<int> ZoneOffsetMinutes(std::string_view zone) {
  struct Zone { std::string_view name; int minutes; };
  static constexpr Zone kZones[] = {
      {"UTC", 0}, {"GMT", 0}, {"Z", 0}, {"BST", 60}, {"CET", 60}, {"CEST", 120}, {"EET", 120},
      {"PKT", 300}, {"IST", 330}, {"AFT", 270}, {"EST", -300}, {"EDT", -240}, {"CST", -360},
      {"CDT", -300}, {"MST", -420}, {"PST", -480}, {"PDT", -420}, {"JST", 540}, {"AEST", 600}};
  for (const Zone& z : kZones)
    if (z.name == zone) return z.minutes;
  return std::nullopt;
}

bool ValidDay(int year, int month, int day) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return year >= 1800 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= kDays[month - 1];
}

DateTime Make(int year, int month, int day, int hour, int minute, int second, bool has_time, bool has_seconds) {
  DateTime d;
  if (has_time) {
    d.iso = has_seconds ? fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", year, month, day, hour, minute, second)
                        : fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}", year, month, day, hour, minute);
    d.precision = has_seconds ? DateTime::Precision::kSecond : DateTime::Precision::kMinute;
  } else {
    d.iso = fmt::format("{:04}-{:02}-{:02}", year, month, day);
    d.precision = DateTime::Precision::kDay;
  }
  return d;
}

// Applies "05:50 PM", "5:50 p.m." to an hour; false when the hour does not fit.
bool ApplyMeridiem(std::string_view meridiem, int* hour) {
  if (meridiem.empty()) return *hour <= 23;
  if (*hour < 1 || *hour > 12) return false;
  bool pm = std::tolower(static_cast<unsigned char>(meridiem[0])) == 'p';
  if (pm && *hour != 12) *hour += 12;
  if (!pm && *hour == 12) *hour = 0;
  return true;
}

struct Patterns {
  // 2024-09-16, 2024-09-16T19:30, 2024-09-16 19:30:00.123+05:00, ...Z
  RE2 iso{R"((\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?)"};
  // September 17, 2024 05:50 PM PKT / Sep. 17, 2024, 5:50 p.m.
  RE2 month_day_year{std::string(kMonthPattern) +
                     R"(\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?(?:\s*\(?([A-Z]{1,4})\)?)?)?)"};
  // 17 September 2024 [18:05 [PKT]] / Mon, 16 Sep 2024 14:30:00 GMT
  RE2 day_month_year{R"((\d{1,2})(?:st|nd|rd|th)?\s+)" + std::string(kMonthPattern) +
                     R"(,?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?(?:\s*\(?([A-Z]{1,4}|[+-]\d{4})\)?)?)?)"};
};

const Patterns& GetPatterns() {
  static const Patterns patterns;
  return patterns;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::optional<int> NumericZone(std::string_view z) {
  if (z.empty()) return std::nullopt;
  if (z == "Z") return 0;
  if (z[0] != '+' && z[0] != '-') return ZoneOffsetMinutes(z);
  std::string digits;
  for (char c : z.substr(1))
    if (std::isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
  if (digits.size() != 4) return std::nullopt;
  int minutes = ToInt(digits.substr(0, 2)) * 60 + ToInt(digits.substr(2, 2));
  return z[0] == '-' ? -minutes : minutes;
}

std::optional<DateTime> FromIso(const re2::StringPiece (&m)[8]) {
  int year = ToInt(m[1]), month = ToInt(m[2]), day = ToInt(m[3]);
  if (!ValidDay(year, month, day)) return std::nullopt;
  bool has_time = !m[4].empty();
  int hour = has_time ? ToInt(m[4]) : 0, minute = has_time ? ToInt(m[5]) : 0;
  if (hour > 23 || minute > 59) return std::nullopt;
  DateTime d = Make(year, month, day, hour, minute, m[6].empty() ? 0 : ToInt(m[6]), has_time, !m[6].empty());
  d.utc_offset_minutes = NumericZone(std::string_view(m[7].data(), m[7].size()));
  return d;
}

// Groups: month name / day, day / month name order differs; the rest is shared.
std::optional<DateTime> FromProse(int year, int month, int day, const re2::StringPiece* time) {
  if (!ValidDay(year, month, day)) return std::nullopt;
  bool has_time = !time[0].empty();
  int hour = has_time ? ToInt(time[0]) : 0, minute = has_time ? ToInt(time[1]) : 0;
  if (has_time && (!ApplyMeridiem(std::string_view(time[3].data(), time[3].size()), &hour) || minute > 59))
    return std::nullopt;
  DateTime d = Make(year, month, day, hour, minute, time[2].empty() ? 0 : ToInt(time[2]), has_time, !time[2].empty());
  if (has_time) d.utc_offset_minutes = NumericZone(std::string_view(time[4].data(), time[4].size()));
  return d;
}

std::optional<FoundDate> Search(std::string_view text, bool anchored) {
  const Patterns& p = GetPatterns();
  re2::StringPiece input(text.data(), text.size());
  auto anchor = anchored ? RE2::ANCHOR_BOTH : RE2::UNANCHORED;
  std::optional<FoundDate> best;
  auto consider = [&](std::optional<DateTime> d, const re2::StringPiece& whole) {
    if (!d) return;
    size_t begin = whole.data() - text.data();
    if (!best || begin < best->begin) best = FoundDate{*d, begin, begin + whole.size()};
  };
  re2::StringPiece m[9];
  if (p.iso.Match(input, 0, input.size(), anchor, m, 8)) {
    re2::StringPiece g[8] = {m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7]};
    consider(FromIso(g), m[0]);
  }
  if (p.month_day_year.Match(input, 0, input.size(), anchor, m, 9)) {
    int month = MonthNumber(std::string_view(m[1].data(), m[1].size()));
    consider(FromProse(ToInt(m[3]), month, ToInt(m[2]), &m[4]), m[0]);
  }
  if (p.day_month_year.Match(input, 0, input.size(), anchor, m, 9)) {
    int month = MonthNumber(std::string_view(m[2].data(), m[2].size()));
    consider(FromProse(ToInt(m[3]), month, ToInt(m[1]), &m[4]), m[0]);
  }
  return best;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<DateTime> ParseDate(std::string_view text) {
  text = Trim(text);
  // "Mon, 16 Sep 2024 14:30:00 GMT": the weekday adds nothing.
  if (auto comma = text.find(','); comma != std::string_view::npos && comma <= 9 && comma >= 3 &&
                                   std::isalpha(static_cast<unsigned char>(text[0])) && MonthNumber(text) == 0)
    text = Trim(text.substr(comma + 1));
  if (auto found = Search(text, true)) return found->date;
  return std::nullopt;
}

std::optional<FoundDate> FindDateInText(std::string_view text) { return Search(text, false); }

}  // namespace sitrep
