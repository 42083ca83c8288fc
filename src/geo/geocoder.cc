#include "geo/geocoder.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <set>

#include <fmt/format.h>

#include "geo/place_key.h"

namespace sitrep::geo {

namespace {

// How much each kind of evidence weighs, in the units of log10(population).
constexpr double kCountryPrior = 12, kAreaPrior = 6.5;  // New York City (8.8 million) before the state
constexpr double kInNamedCountry = 4, kInNamedProvince = 3, kNearAnchor = 1.5, kOwnName = 1;
constexpr double kNearKm = 200;

double RankBonus(PlaceRank rank) {
  switch (rank) {
    case PlaceRank::kCapital: return 4;
    case PlaceRank::kAdmin1Seat: return 2.5;
    case PlaceRank::kAdmin2Seat: return 1.5;
    case PlaceRank::kLowerSeat: return 0.5;
    case PlaceRank::kSection: return -1.5;
    default: return 0;
  }
}

double Prior(const Place& p) {
  if (p.level == PlaceLevel::kCountry) return kCountryPrior;
  if (p.level != PlaceLevel::kCity) return kAreaPrior;
  return std::log10(static_cast<double>(p.population) + 10) + RankBonus(p.rank);
}

// Words that say what kind of place a name is, not which: "Kurram district", "Swat valley".
bool IsGenericWord(std::string_view w) {
  static const std::set<std::string_view> kWords = {"district", "districts", "province", "city", "region",
                                                     "agency", "tehsil", "valley", "governorate", "state",
                                                     "county", "area", "town", "village", "division", "capital"};
  return kWords.count(w) > 0;
}

std::vector<std::string> LowerWords(std::string_view text) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!cur.empty()) words.push_back(std::move(cur)), cur.clear();
    } else {
      cur.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> out;
  while (true) {
    size_t tab = line.find('\t');
    out.push_back(line.substr(0, tab));
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  return out;
}

}  // namespace

Result<std::shared_ptr<const Geocoder>> Geocoder::Make(std::shared_ptr<const PlaceGazetteer> gazetteer,
                                                       std::string_view aliases_tsv) {
  std::shared_ptr<Geocoder> g(new Geocoder());
  g->gazetteer_ = std::move(gazetteer);
  const PlaceGazetteer& gaz = *g->gazetteer_;

  // First pass: parse, and collect the GeoNames ids the table refers to.
  struct Row {
    int line;
    std::string alias, kind, target;
  };
  std::vector<Row> rows;
  std::map<uint32_t, uint32_t> by_geonames_id;
  int line_no = 0;
  for (size_t pos = 0; pos < aliases_tsv.size();) {
    size_t end = aliases_tsv.find('\n', pos);
    std::string_view line = aliases_tsv.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    pos = end == std::string_view::npos ? aliases_tsv.size() : end + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> f = Fields(line);
    size_t colon = f.size() >= 2 ? f[1].find(':') : std::string_view::npos;
    if (f.size() < 2 || colon == std::string_view::npos || PlaceKey(f[0]).empty())
      return Status(Code::kParse, fmt::format("aliases line {}: expected alias<TAB>kind:target", line_no));
    rows.push_back({line_no, std::string(f[0]), std::string(f[1].substr(0, colon)), std::string(f[1].substr(colon + 1))});
    if (rows.back().kind == "geonames" || rows.back().kind == "district")
      by_geonames_id[static_cast<uint32_t>(std::strtoul(rows.back().target.c_str(), nullptr, 10))] = UINT32_MAX;
  }
  for (uint32_t i = 0; i < gaz.size(); ++i) {
    auto it = by_geonames_id.find(gaz.place(i).geonames_id);
    if (it != by_geonames_id.end() && gaz.place(i).level == PlaceLevel::kCity) it->second = i;
  }

  std::map<std::string, uint32_t> districts;  // target -> own place
  for (const Row& r : rows) {
    auto fail = [&](std::string why) {
      return Status(Code::kParse, fmt::format("aliases line {}: {} ({}:{})", r.line, why, r.kind, r.target));
    };
    uint32_t place = UINT32_MAX;
    if (r.kind == "geonames" || r.kind == "district") {
      uint32_t seat = by_geonames_id[static_cast<uint32_t>(std::strtoul(r.target.c_str(), nullptr, 10))];
      if (seat == UINT32_MAX) return fail("no such GeoNames place in the gazetteer");
      place = seat;
      if (r.kind == "district") {
        auto [it, added] = districts.emplace(r.target, static_cast<uint32_t>(gaz.size() + g->own_places_.size()));
        if (added) {
          Place d = gaz.place(seat);
          d.geonames_id = 0, d.population = 0, d.level = PlaceLevel::kDistrict, d.rank = PlaceRank::kArea;
          g->own_places_.push_back(d);
          g->own_names_.push_back(r.alias);
        }
        place = it->second;
      }
    } else if (r.kind == "admin1") {
      size_t dot = r.target.find('.');
      uint16_t country = dot == std::string::npos ? kNoIndex : gaz.CountryByIso3(r.target.substr(0, dot));
      for (size_t i = 0; country != kNoIndex && i < gaz.admin1s().size(); ++i)
        if (gaz.admin1s()[i].country == country && gaz.admin1s()[i].code == r.target.substr(dot + 1))
          place = gaz.admin1s()[i].place;
      if (place == UINT32_MAX) return fail("no such province (ISO3.CODE)");
    } else if (r.kind == "country") {
      uint16_t country = gaz.CountryByIso3(r.target);
      if (country == kNoIndex) return fail("no such country (ISO alpha-3)");
      place = gaz.countries()[country].place;
    } else if (r.kind == "none") {
      place = kNotAPlace;
    } else {
      return fail("unknown kind: geonames, district, admin1, country or none");
    }
    g->aliases_[PlaceKey(r.alias)] = place;
  }
  return std::shared_ptr<const Geocoder>(std::move(g));
}

Result<std::shared_ptr<const Geocoder>> Geocoder::LoadDefault() {
  static std::once_flag once;
  static Result<std::shared_ptr<const Geocoder>>* loaded = nullptr;
  std::call_once(once, [] {
    auto gaz = PlaceGazetteer::LoadDefault();
    loaded = new Result<std::shared_ptr<const Geocoder>>(gaz.ok() ? Make(*gaz) : Result<std::shared_ptr<const Geocoder>>(gaz.status()));
  });
  return *loaded;
}

const Place& Geocoder::place(uint32_t i) const {
  return i < gazetteer_->size() ? gazetteer_->place(i) : own_places_[i - gazetteer_->size()];
}

std::string_view Geocoder::name(uint32_t i) const {
  return i < gazetteer_->size() ? gazetteer_->display_name(gazetteer_->place(i)) : own_names_[i - gazetteer_->size()];
}

std::string_view Geocoder::iso3(uint32_t i) const {
  uint16_t c = place(i).country;
  return c == kNoIndex ? std::string_view() : gazetteer_->countries()[c].iso3;
}

std::string_view Geocoder::admin1_name(uint32_t i) const {
  uint16_t a = place(i).admin1;
  return a == kNoIndex ? std::string_view() : gazetteer_->admin1s()[a].name;
}

std::vector<uint32_t> Geocoder::Candidates(std::string_view text) const {
  std::string key = PlaceKey(text);
  if (auto it = aliases_.find(key); it != aliases_.end())
    return it->second == kNotAPlace ? std::vector<uint32_t>{} : std::vector<uint32_t>{it->second};
  std::span<const uint32_t> found = gazetteer_->Lookup(key);
  if (found.empty()) {
    // "the Kurram district" -> "Kurram"; "Swat Valley" -> "Swat".
    std::vector<std::string> words = LowerWords(text);
    size_t b = 0, e = words.size();
    if (b < e && words[b] == "the") ++b;
    while (e > b + 1 && IsGenericWord(words[e - 1])) --e;
    if (b > 0 || e < words.size()) {
      std::string shorter;
      for (size_t i = b; i < e; ++i) shorter += words[i];
      key = PlaceKey(shorter);
      if (auto it = aliases_.find(key); it != aliases_.end())
        return it->second == kNotAPlace ? std::vector<uint32_t>{} : std::vector<uint32_t>{it->second};
      found = gazetteer_->Lookup(key);
    }
  }
  std::vector<uint32_t> out(found.begin(), found.end());
  // Countries first, then by prior, so ties keep the bigger reading.
  std::stable_sort(out.begin(), out.end(), [&](uint32_t a, uint32_t b) { return Prior(place(a)) > Prior(place(b)); });
  if (out.size() > kMaxCandidates) out.resize(kMaxCandidates);
  return out;
}

std::vector<std::optional<Geocode>> Geocoder::Resolve(const std::vector<PlaceMention>& mentions,
                                                      const std::vector<uint16_t>& countries) const {
  std::vector<std::optional<Geocode>> out(mentions.size());
  // Each distinct name once.
  std::unordered_map<std::string, std::vector<size_t>> by_key;
  std::vector<std::string> keys;
  for (size_t i = 0; i < mentions.size(); ++i) {
    std::string key = PlaceKey(mentions[i].text);
    if (key.empty()) continue;
    auto [it, added] = by_key.try_emplace(key);
    if (added) keys.push_back(key);
    it->second.push_back(i);
  }

  std::set<uint16_t> named_countries(countries.begin(), countries.end());
  std::set<uint16_t> named_admin1;
  std::vector<uint32_t> anchors;  // resolved places with coordinates
  auto note = [&](uint32_t p) {
    const Place& pl = place(p);
    if (pl.country != kNoIndex) named_countries.insert(pl.country);
    if (pl.admin1 != kNoIndex) named_admin1.insert(pl.admin1);
    if (pl.has_coordinates() && pl.level != PlaceLevel::kCountry) anchors.push_back(p);
  };
  auto assign = [&](const std::string& key, Geocode g) {
    for (size_t i : by_key[key]) out[i] = g;
  };

  // Names that can mean one thing only, and names of countries, are the context.
  std::vector<std::pair<std::string, std::vector<uint32_t>>> open;
  for (const std::string& key : keys) {
    const PlaceMention& first = mentions[by_key[key].front()];
    std::vector<uint32_t> cands = Candidates(first.text);
    if (cands.empty()) continue;
    bool alias = aliases_.count(key) > 0 || (cands.size() == 1 && cands[0] >= gazetteer_->size());
    bool country = place(cands[0]).level == PlaceLevel::kCountry;
    if (cands.size() == 1 || country) {
      assign(key, {cands[0], alias ? 0.95 : cands.size() == 1 ? 0.9 : 0.85, alias ? "alias" : country ? "country" : "only"});
      note(cands[0]);
    } else {
      open.emplace_back(key, std::move(cands));
    }
  }
  // Provinces first, then the dateline, then the rest: a province named is context for
  // the towns ("WOODSIDE, California"), where the reporter was for what they name.
  auto order = [&](const std::pair<std::string, std::vector<uint32_t>>& o) {
    if (place(o.second.front()).level != PlaceLevel::kCity) return 0;
    for (size_t i : by_key[o.first])
      if (mentions[i].dateline) return 1;
    return 2;
  };
  std::stable_sort(open.begin(), open.end(), [&](const auto& a, const auto& b) { return order(a) < order(b); });
  for (const auto& [key, cands] : open) {
    std::vector<double> base, scores;  // base: what the place and its name say; scores: with the document
    size_t best = 0, best_base = 0;
    for (size_t c = 0; c < cands.size(); ++c) {
      const Place& p = place(cands[c]);
      // A town called by its own name before a town that merely also goes by it: "New
      // Delhi" is the capital, not Delhi. (Towns only: "New York" is the city, whose own
      // name is "New York City", before the state.)
      bool own_name = p.level == PlaceLevel::kCity && PlaceKey(name(cands[c])) == key;
      base.push_back(Prior(p) + (own_name ? kOwnName : 0));
      double s = base.back();
      if (p.country != kNoIndex && named_countries.count(p.country)) s += kInNamedCountry;
      // A province the text names (or names a place in: "Mian Channu in Punjab") speaks
      // for the places in it and for itself; nearness only for towns.
      if (p.admin1 != kNoIndex && named_admin1.count(p.admin1)) s += kInNamedProvince;
      if (p.level == PlaceLevel::kCity && p.has_coordinates())
        for (uint32_t a : anchors)
          if (DistanceKm(p, place(a)) < kNearKm) {
            s += kNearAnchor;
            break;
          }
      scores.push_back(s);
      if (s > scores[best]) best = c;
      if (base[c] > base[best_base]) best_base = c;
    }
    double total = 0;
    for (double s : scores) total += std::exp(s - scores[best]);
    assign(key, {cands[best], 1.0 / total, best == best_base ? "prior" : "context"});
    note(cands[best]);
  }
  return out;
}

}  // namespace sitrep::geo
