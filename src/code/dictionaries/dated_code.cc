#include "code/dictionaries/dated_code.h"

#include <algorithm>
#include <cctype>

namespace sitrep::code::dictionaries {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A code: letters and digits, "/" between the codes of a compound actor ("GME/GMW"), one
// "~" at either end for an agent, or one of TABARI's punctuation-only special codes.
bool ValidCode(std::string_view code) {
  if (code == "---" || code == "***" || code == "###" || code == "+++") return true;
  std::string_view core = code;
  if (core.starts_with('~'))
    core.remove_prefix(1);
  else if (core.ends_with('~'))
    core.remove_suffix(1);
  if (core.empty() || core.front() == '/' || core.back() == '/') return false;
  return std::all_of(core.begin(), core.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '/'; });
}

}  // namespace

bool DatedCode::Covers(DayNumber day) const {
  switch (when) {
    case When::kAlways:
      return true;
    case When::kUntil:
      return day <= last;
    case When::kFrom:
      return day >= first;
    case When::kBetween:
      return first <= day && day <= last;
  }
  return false;
}

bool DatedCode::null() const { return code == "---" || code == "***" || code == "###" || code == "+++"; }

std::optional<DayNumber> ParseDictionaryDay(std::string_view digits) {
  if (!AllDigits(digits) || (digits.size() != 6 && digits.size() != 8)) return std::nullopt;
  const int number = std::stoi(std::string(digits));
  int year = number / 10000;
  const int month = number / 100 % 100, day = number % 100;
  if (digits.size() == 6) year += year <= 30 ? 2000 : 1900;
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  return year * 10000 + month * 100 + day;
}

std::optional<DayNumber> DayOfIsoDate(std::string_view iso) {
  // "YYYY-MM-DD" and anything after it (a time); a year or a month alone is not a day.
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  const std::string_view y = iso.substr(0, 4), m = iso.substr(5, 2), d = iso.substr(8, 2);
  if (!AllDigits(y) || !AllDigits(m) || !AllDigits(d)) return std::nullopt;
  return ParseDictionaryDay(std::string(y) + std::string(m) + std::string(d));
}

std::optional<DatedCode> ParseCodeBlock(std::string_view inside, std::string* why) {
  inside = Trim(inside);
  const size_t space = inside.find_first_of(" \t<>");
  DatedCode out;
  std::string code(inside.substr(0, space));
  for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (code.empty() || !ValidCode(code)) {
    *why = code.empty() ? "no code in [...]" : "\"" + code + "\" is not a code (letters and digits, / between codes)";
    return std::nullopt;
  }
  out.code = std::move(code);
  std::string_view rest = space == std::string_view::npos ? std::string_view() : Trim(inside.substr(space));
  if (rest.empty()) return out;
  auto day = [&](std::string_view digits, DayNumber* into) {
    std::optional<DayNumber> d = ParseDictionaryDay(Trim(digits));
    if (!d) *why = "\"" + std::string(Trim(digits)) + "\" is not a date (YYMMDD or YYYYMMDD)";
    return d ? (*into = *d, true) : false;
  };
  if (rest.front() == '<') {
    out.when = DatedCode::When::kUntil;
    return day(rest.substr(1), &out.last) ? std::optional(out) : std::nullopt;
  }
  if (rest.front() == '>') {
    out.when = DatedCode::When::kFrom;
    return day(rest.substr(1), &out.first) ? std::optional(out) : std::nullopt;
  }
  const size_t dash = rest.find('-');
  if (dash == std::string_view::npos) {
    *why = "date restriction \"" + std::string(rest) + "\" is not <date, >date or date-date";
    return std::nullopt;
  }
  out.when = DatedCode::When::kBetween;
  if (!day(rest.substr(0, dash), &out.first) || !day(rest.substr(dash + 1), &out.last)) return std::nullopt;
  if (out.first > out.last) {
    *why = "date range \"" + std::string(rest) + "\" ends before it starts";
    return std::nullopt;
  }
  return out;
}

const DatedCode* ResolveCode(const std::vector<DatedCode>& codes, std::optional<DayNumber> day, bool* by_default) {
  *by_default = false;
  if (day)
    for (const DatedCode& c : codes)
      if (c.dated() && c.Covers(*day)) return &c;
  // The default: the last undated code (TABARI wants it last; a file listing several
  // is warned about when read).
  for (auto c = codes.rbegin(); c != codes.rend(); ++c)
    if (!c->dated()) return *by_default = true, &*c;
  return nullptr;
}

}  // namespace sitrep::code::dictionaries
