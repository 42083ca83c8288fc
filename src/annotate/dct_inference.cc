// The DCT estimate (see dct_inference.h): bounds from dated expressions and their tense,
// and from a dated twin article.
#include "annotate/dct_inference.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "annotate/timex_stage.h"

namespace sitrep {

namespace {

constexpr int64_t kOpenLow = std::numeric_limits<int64_t>::min();
constexpr int64_t kOpenHigh = std::numeric_limits<int64_t>::max();

// The far ends stand for an open bound: resolving against them never agrees with the
// other end, so nothing is anchored on an open side.
const CivilTime kFarPast{1, 1, 1};
const CivilTime kFarFuture{9999, 12, 31};

std::string DayText(const CivilTime& t) { return fmt::format("{:04}-{:02}-{:02}", t.year, t.month, t.day); }

// The days a stated date covers: a year, a month, a day, a quarter, a season.
bool StatedInterval(const TimexMeaning& m, int64_t* first, int64_t* last) {
  if (m.year == kUnset || m.shift_unit != TimeUnit::kNone || m.two_digit_year) return false;
  int y = m.year;
  if (m.month != kUnset && m.day != kUnset) {
    *first = *last = DaysFromCivil(y, m.month, m.day);
  } else if (m.month != kUnset) {
    *first = DaysFromCivil(y, m.month, 1);
    *last = DaysFromCivil(y, m.month, DaysInMonth(y, m.month));
  } else if (m.quarter != kUnset) {
    *first = DaysFromCivil(y, 3 * m.quarter - 2, 1);
    *last = DaysFromCivil(y, 3 * m.quarter, DaysInMonth(y, 3 * m.quarter));
  } else {
    *first = DaysFromCivil(y, 1, 1);
    *last = DaysFromCivil(m.year_end != kUnset ? m.year_end : y, 12, 31);
  }
  return true;
}

// The word after a span, lowercased: "term" in "the 2025-2026 term".
std::string NextWord(const std::string& text, uint32_t from) {
  size_t p = from;
  while (p < text.size() && (text[p] == ' ' || text[p] == '\n')) ++p;
  std::string word;
  while (p < text.size() && std::isalpha(static_cast<unsigned char>(text[p])) && word.size() < 16)
    word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[p++]))));
  return word;
}

bool IsTermWord(const std::string& w) {
  return w == "term" || w == "session" || w == "tenure" || w == "mandate" || w == "season" || w == "presidency";
}

}  // namespace

DctAnchor DctEstimate::ToAnchor() const {
  DctAnchor a;
  if (source == Source::kNone) return a;
  a.kind = source == Source::kStated ? DctAnchor::Kind::kStated : DctAnchor::Kind::kInferred;
  a.earliest = earliest;
  a.latest = latest;
  return a;
}

DctEstimate StatedEstimate(const DateTime& published) {
  DctEstimate e;
  DctAnchor a = AnchorFromDateTime(published);
  if (a.kind == DctAnchor::Kind::kNone) return e;
  e.source = DctEstimate::Source::kStated;
  e.earliest = a.earliest;
  e.latest = a.latest;
  e.evidence.push_back("stated: " + published.iso + (published.found_in.empty() ? "" : " (" + published.found_in + ")"));
  return e;
}

DctEstimate EstimateDctFromContent(const Doc& doc, const std::vector<Timex>& timexes) {
  int64_t low = kOpenLow, high = kOpenHigh;
  std::vector<std::string> evidence;
  auto text_of = [&](const Timex& t) { return std::string(doc.Slice(t.span)); };
  for (const Timex& t : timexes) {
    if (t.type != TimexType::kDate && t.type != TimexType::kTime) continue;
    int64_t first = 0, last = 0;
    if (!StatedInterval(t.meaning, &first, &last)) continue;
    const TimexMeaning& m = t.meaning;
    if (m.year_end != kUnset && IsTermWord(NextWord(doc.text(), t.span.end))) {
      // A term is elected or appointed for before it starts, and within a year of it.
      int64_t before = first - 1;
      if (before < high) high = before;
      CivilTime start = CivilFromDays(first);
      low = std::max(low, DaysFromCivil(start.year - 1, start.month, std::min(start.day, 28)));
      evidence.push_back(fmt::format("\"{} {}\": a term not yet begun, so before {}", text_of(t),
                                     NextWord(doc.text(), t.span.end), DayText(CivilFromDays(first))));
      continue;
    }
    if (m.direction == Direction::kPast || m.mod == "on_or_after") {
      if (first > low) {
        low = first;
        evidence.push_back(fmt::format("\"{}\" told in the past: on or after {}", text_of(t), DayText(CivilFromDays(first))));
      }
    } else if (m.direction == Direction::kFuture) {
      if (last < high) {
        high = last;
        evidence.push_back(fmt::format("\"{}\" told as future: on or before {}", text_of(t), DayText(CivilFromDays(last))));
      }
    }
  }
  DctEstimate e;
  if (low == kOpenLow && high == kOpenHigh) return e;
  if (low != kOpenLow && high != kOpenHigh && low > high) {
    // The cues contradict each other (a future-tense date before a past one): keep the
    // lower bound, which past-tense reports make the safer of the two.
    evidence.push_back("bounds conflict: the upper bound is dropped");
    high = kOpenHigh;
  }
  e.source = DctEstimate::Source::kContent;
  e.earliest = low == kOpenLow ? kFarPast : CivilFromDays(low);
  e.latest = high == kOpenHigh ? kFarFuture : CivilFromDays(high);
  e.evidence = std::move(evidence);
  return e;
}

DctEstimate TightenWithTwin(const DctEstimate& current, const DateTime& twin_published) {
  DctAnchor twin = AnchorFromDateTime(twin_published);
  if (twin.kind == DctAnchor::Kind::kNone) return current;
  DctEstimate e;
  e.source = DctEstimate::Source::kTwin;
  int64_t low = DaysFromCivil(twin.earliest.year, twin.earliest.month, twin.earliest.day) - 1;
  int64_t high = DaysFromCivil(twin.latest.year, twin.latest.month, twin.latest.day) + 1;
  e.evidence.push_back("twin article dated " + twin_published.iso + ": within a day of it");
  if (current.source == DctEstimate::Source::kContent) {
    int64_t clow = DaysFromCivil(current.earliest.year, current.earliest.month, current.earliest.day);
    int64_t chigh = DaysFromCivil(current.latest.year, current.latest.month, current.latest.day);
    if (clow <= high && chigh >= low) {
      low = std::max(low, clow);
      high = std::min(high, chigh);
      e.evidence.insert(e.evidence.begin(), current.evidence.begin(), current.evidence.end());
    }
  }
  e.earliest = CivilFromDays(low);
  e.latest = CivilFromDays(high);
  return e;
}

std::string DctAttrsJson(const DctEstimate& e) {
  static constexpr std::string_view kSources[] = {"none", "stated", "content", "twin"};
  std::string value;
  if (e.known()) {
    const CivilTime &a = e.earliest, &b = e.latest;
    if (a.year == b.year && a.year > 1 && a.year < 9999) {
      value = fmt::format("{:04}", a.year);
      if (a.month == b.month) {
        value += fmt::format("-{:02}", a.month);
        if (a.day == b.day) value += fmt::format("-{:02}", a.day);
      }
    }
  }
  auto bound = [](const CivilTime& t, bool open) { return open ? std::string("null") : "\"" + DayText(t) + "\""; };
  std::string out = fmt::format("{{\"value\":\"{}\",\"source\":\"{}\",\"inferred\":{}", value,
                                kSources[static_cast<int>(e.source)],
                                e.source == DctEstimate::Source::kContent || e.source == DctEstimate::Source::kTwin);
  if (e.known())
    out += fmt::format(",\"earliest\":{},\"latest\":{}", bound(e.earliest, e.earliest == kFarPast),
                       bound(e.latest, e.latest == kFarFuture));
  out += ",\"evidence\":[";
  for (size_t i = 0; i < e.evidence.size(); ++i) {
    if (i) out += ',';
    out += '"';
    for (char c : e.evidence[i]) {
      if (c == '"' || c == '\\') out += '\\';
      if (static_cast<unsigned char>(c) >= 0x20) out += c;
    }
    out += '"';
  }
  out += "]}";
  return out;
}

Status ResolveTimexAgainst(Doc& doc, const DctEstimate& estimate) {
  if (estimate.known() && DaysFromCivil(estimate.earliest.year, estimate.earliest.month, estimate.earliest.day) >
                              DaysFromCivil(estimate.latest.year, estimate.latest.month, estimate.latest.day))
    return Status(Code::kInvalidArgument, "DCT estimate ends before it begins").At(doc.origin().path);
  AnnotateTimexes(doc, &estimate);
  return Status::Ok();
}

}  // namespace sitrep
