// Event merging (see event_merge.h).
#include "consolidate/event_merge.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numbers>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "consolidate/doc_features.h"

namespace sitrep {

namespace {

std::string Codes(const nlohmann::json& list) {
  std::set<std::string> codes;  // sorted, so "A+B" whatever order the coder listed them
  if (list.is_array())
    for (const auto& a : list)
      if (a.is_object() && a.contains("code") && a["code"].is_string()) codes.insert(a["code"].get<std::string>());
  std::string out;
  for (const std::string& c : codes) out += (out.empty() ? "" : "+") + c;
  return out;
}

// "A+B" and "B+C" -> "A+B+C": the sorted union of two "+"-joined code lists.
std::string UnionOfCodes(const std::string& a, const std::string& b) {
  std::set<std::string> codes;
  for (const std::string* list : {&a, &b})
    for (size_t at = 0; at < list->size();) {
      size_t end = list->find('+', at);
      if (end == std::string::npos) end = list->size();
      if (end > at) codes.insert(list->substr(at, end - at));
      at = end + 1;
    }
  std::string out;
  for (const std::string& c : codes) out += (out.empty() ? "" : "+") + c;
  return out;
}

Span SpanOf(const nlohmann::json& v) {
  if (!v.is_array() || v.size() != 2 || !v[0].is_number() || !v[1].is_number()) return {0, 0};
  return {v[0].get<uint32_t>(), v[1].get<uint32_t>()};
}

// Whether two ISO dates can name the same day: one a prefix of the other (a coarser
// granularity), or days at most `tolerance` apart. An unknown date agrees with any.
bool DatesCompatible(const std::string& a, const std::string& b, int tolerance) {
  if (a.empty() || b.empty()) return true;
  const std::string& shorter = a.size() <= b.size() ? a : b;
  const std::string& longer = a.size() <= b.size() ? b : a;
  if (longer.compare(0, shorter.size(), shorter) == 0) return true;
  DayRange ra, rb;
  if (!IsoDayRange(a, &ra) || !IsoDayRange(b, &rb)) return false;
  return ra.first <= rb.last + tolerance && rb.first <= ra.last + tolerance;
}

// Whether two names can be one person: the words of one are among the words of the other
// ("Biden" and "Joe Biden"; "Xi" and "Xi Jinping", whose family name comes first).
bool SamePerson(std::string_view a, std::string_view b) {
  auto words = [](std::string_view s) {
    std::set<std::string_view> out;
    for (size_t pos = 0; pos < s.size();) {
      size_t space = s.find(' ', pos);
      if (space == std::string_view::npos) space = s.size();
      if (space > pos) out.insert(s.substr(pos, space - pos));
      pos = space + 1;
    }
    return out;
  };
  std::set<std::string_view> wa = words(a), wb = words(b);
  return std::includes(wa.begin(), wa.end(), wb.begin(), wb.end()) ||
         std::includes(wb.begin(), wb.end(), wa.begin(), wa.end());
}

// Whether everyone named in one set is someone of the other (an empty set fits every set).
bool PersonsCompatible(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  auto within = [](const std::vector<std::string>& small, const std::vector<std::string>& large) {
    return std::all_of(small.begin(), small.end(), [&](const std::string& p) {
      return std::any_of(large.begin(), large.end(), [&](const std::string& q) { return SamePerson(p, q); });
    });
  };
  return within(b, a) || within(a, b);
}

int Precision(const MentionPlace& p) {
  return p.level == "city" ? 3 : p.level == "district" ? 2 : p.level == "province" ? 1 : 0;
}

double KmBetween(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = std::numbers::pi / 180;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(h)));
}

std::optional<MentionPlace> PlaceOf(const nlohmann::json& geo) {
  if (!geo.is_object()) return std::nullopt;
  MentionPlace p;
  p.level = geo.value("level", ""), p.country = geo.value("country", ""), p.admin1 = geo.value("admin1", "");
  if (geo.contains("lat") && geo["lat"].is_number() && geo.contains("lon") && geo["lon"].is_number())
    p.latitude = geo["lat"].get<double>(), p.longitude = geo["lon"].get<double>();
  return p;
}

// The names of the PER entities inside the spans of the event's actors, lower-cased,
// without a possessive: "joe biden", "xi".
std::vector<std::string> PersonsOf(const Doc& doc, const nlohmann::json& event) {
  std::set<std::string> names;
  const std::vector<Annotation>* entities = doc.Layer("entity");
  if (!entities) return {};
  for (const char* side : {"sources", "targets"}) {
    if (!event.contains(side) || !event[side].is_array()) continue;
    for (const auto& actor : event[side]) {
      if (!actor.is_object()) continue;
      const Span span = SpanOf(actor.value("span", nlohmann::json()));
      if (span.end <= span.begin) continue;
      for (const Annotation& ent : *entities) {
        if (ent.label != "PER" || !span.Contains(ent.span)) continue;
        std::string_view name = doc.Slice(ent.span);
        if (name.ends_with("'s") || name.ends_with("\u2019s")) name.remove_suffix(name.ends_with("'s") ? 2 : 4);
        std::string key(name);
        for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (!key.empty()) names.insert(std::move(key));
      }
    }
  }
  return {names.begin(), names.end()};
}

// How much a date says about the event itself: stated in its sentence, then in the
// sentence before, then only the publication date.
int DateRank(const std::string& from) { return from == "timex" ? 0 : from == "context" ? 1 : from == "dct" ? 2 : 3; }

}  // namespace

bool PlacesCompatible(const std::optional<MentionPlace>& a, const std::optional<MentionPlace>& b) {
  if (!a || !b) return true;
  if (!a->country.empty() && !b->country.empty() && a->country != b->country) return false;
  if (Precision(*a) == 0 || Precision(*b) == 0) return true;  // "in Pakistan" holds any Pakistani place
  if (!a->admin1.empty() && !b->admin1.empty() && a->admin1 != b->admin1) return false;
  if (Precision(*a) == 1 || Precision(*b) == 1) return true;  // a province holds its cities
  if (!a->latitude || !b->latitude) return true;
  return KmBetween(*a->latitude, *a->longitude, *b->latitude, *b->longitude) <= kSamePlaceKm;
}

std::vector<CodedMention> MentionsOf(const Doc& doc, int index) {
  std::vector<CodedMention> out;
  const std::vector<Annotation>* layer = doc.Layer("events");
  if (!layer) return out;
  for (const Annotation& a : *layer) {
    nlohmann::json e = nlohmann::json::parse(a.attrs, nullptr, false);
    if (!e.is_object()) continue;
    CodedMention m;
    m.doc = index;
    m.doc_key = doc.text_hash();
    m.outlet = doc.meta().source.empty() ? doc.text_hash() : doc.meta().source;
    m.type = e.value("type", a.label);
    m.source = Codes(e.value("sources", nlohmann::json()));
    m.target = Codes(e.value("targets", nlohmann::json()));
    m.reciprocal = e.value("reciprocal", false);
    if (e.contains("date") && e["date"].is_object()) {
      const auto& date = e["date"];
      m.date = date.value("best", ""), m.date_from = date.value("from", "");
      // "recently" is a time expression, but the day filed is the publication's.
      if (date.value("iso", "").empty() && m.date_from != "none") m.date_from = "dct";
    }
    m.persons = PersonsOf(doc, e);
    if (e.contains("place") && e["place"].is_object()) {
      m.place = e["place"].value("text", "");
      m.geo = PlaceOf(e["place"].value("geo", nlohmann::json()));
    }
    if (e.contains("evidence") && e["evidence"].is_object()) {
      m.sentence = SpanOf(e["evidence"].value("sentence", nlohmann::json()));
      m.trigger = SpanOf(e["evidence"].value("trigger", nlohmann::json()));
    }
    if (e.contains("size") && e["size"].is_object()) {
      const auto& size = e["size"];
      if (size.contains("killed") && size["killed"].is_number_integer()) m.killed = size["killed"].get<int64_t>();
      if (size.contains("injured") && size["injured"].is_number_integer()) m.injured = size["injured"].get<int64_t>();
      m.killed_lower_bound = size.value("killed_lower_bound", false);
    }
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<MergedEvent> MergeEvents(const std::vector<CodedMention>& mentions, const EventMergeOptions& options) {
  // Groups of mentions that could be one event: same story, type and actors.
  std::unordered_map<std::string, std::vector<int>> groups;
  for (size_t i = 0; i < mentions.size(); ++i) {
    const CodedMention& m = mentions[i];
    bool two_sided = m.reciprocal || m.type == "CONSULT" || m.type == "COOPERATE";
    // A two-sided event is keyed by everyone in it, whichever side the coder put them on:
    // "Dar met Bass", "Bass met Dar" and "both sides discussed" are one dyad.
    std::string actors = two_sided ? "~" + UnionOfCodes(m.source, m.target) : m.source + "\t" + m.target;
    groups[std::to_string(m.story) + "\t" + m.type + "\t" + actors].push_back(static_cast<int>(i));
  }
  std::vector<std::string> keys;
  for (const auto& [k, v] : groups) keys.push_back(k);
  std::sort(keys.begin(), keys.end());

  std::vector<MergedEvent> out;
  for (const std::string& key : keys) {
    std::vector<int>& group = groups[key];
    // Content order: most precise date first (it anchors the event), a stated one before
    // a publication date, then date, then document and position: nothing here depends
    // on arrival.
    auto rank = [&](int i) {
      const CodedMention& m = mentions[i];
      return std::make_tuple(-static_cast<int>(m.date.size()), DateRank(m.date_from), m.date, m.doc_key,
                             m.trigger.begin, m.trigger.end);
    };
    std::sort(group.begin(), group.end(), [&](int a, int b) { return rank(a) < rank(b); });
    size_t first_event = out.size();
    for (int i : group) {
      const CodedMention& m = mentions[i];
      MergedEvent* home = nullptr;
      for (size_t e = first_event; e < out.size() && !home; ++e)
        if (DatesCompatible(out[e].date, m.date, options.tolerance_days) && PersonsCompatible(out[e].persons, m.persons) &&
            PlacesCompatible(out[e].geo, m.geo))
          home = &out[e];
      if (!home) {
        out.emplace_back();
        home = &out.back();
        home->type = m.type, home->source = m.source, home->target = m.target, home->date = m.date;
      }
      home->mentions.push_back(i);
      if (m.persons.size() > home->persons.size()) home->persons = m.persons;  // the larger contains the smaller
      if (m.geo && (!home->geo || Precision(*m.geo) > Precision(*home->geo))) home->geo = m.geo;
    }
    // Counts and figures of the events of this group.
    for (size_t e = first_event; e < out.size(); ++e) {
      MergedEvent& ev = out[e];
      std::set<int> docs;
      std::set<std::string> outlets;
      for (int i : ev.mentions) {
        const CodedMention& m = mentions[i];
        docs.insert(m.doc);
        outlets.insert(m.outlet);
        if (m.killed) {  // every figure kept with its mention; the range spans them
          ev.killed.emplace_back(i, *m.killed);
          ev.killed_low = ev.killed_low < 0 ? *m.killed : std::min(ev.killed_low, *m.killed);
          ev.killed_high = std::max(ev.killed_high, *m.killed);
        }
      }
      ev.num_mentions = static_cast<int>(ev.mentions.size());
      ev.num_articles = static_cast<int>(docs.size());
      ev.num_sources = static_cast<int>(outlets.size());
    }
  }
  return out;
}

}  // namespace sitrep
