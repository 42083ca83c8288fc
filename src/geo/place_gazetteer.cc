#include "geo/place_gazetteer.h"

#include <zlib.h>

#include <algorithm>
#include <mutex>
#include <numbers>

#include <fmt/format.h>

#include "geo/place_key.h"
#include "train/model_file.h"

namespace sitrep::geo {

namespace {

constexpr uint32_t kPlacesVersion = 1;
constexpr std::string_view kInnerKind = "places-data";
constexpr int32_t kNoCoordinate = INT32_MIN;  // in the file: a place without coordinates
constexpr uint64_t kMaxInflated = 512ull << 20;  // a damaged size never allocates more

double Radians(double degrees) { return degrees * std::numbers::pi / 180.0; }

// The centre of a set of points on the sphere: the mean of their unit vectors.
struct SphereMean {
  double x = 0, y = 0, z = 0;
  size_t n = 0;
  void Add(float lat, float lon) {
    double la = Radians(lat), lo = Radians(lon);
    x += std::cos(la) * std::cos(lo), y += std::cos(la) * std::sin(lo), z += std::sin(la), ++n;
  }
  void Into(Place* p) const {
    double norm = std::sqrt(x * x + y * y + z * z);
    if (n == 0 || norm < 1e-9) return;
    p->latitude = static_cast<float>(std::asin(z / norm) * 180.0 / std::numbers::pi);
    p->longitude = static_cast<float>(std::atan2(y, x) * 180.0 / std::numbers::pi);
  }
};

void WriteStrings(SectionWriter& w, const std::vector<std::string>& v) {
  w.U64(v.size());
  for (const std::string& s : v) w.String(s);
}

std::vector<std::string> ReadStrings(SectionReader& r, uint64_t max) {
  std::vector<std::string> out;
  uint64_t n = r.U64();
  if (n > max || n > r.remaining()) {
    r.Fail("string list does not fit the section");
    return out;
  }
  for (uint64_t i = 0; i < n && r.ok(); ++i) out.push_back(r.String());
  return out;
}

}  // namespace

PlaceRank RankOfFeature(std::string_view f) {
  if (f == "PPLC" || f == "PPLG") return PlaceRank::kCapital;
  if (f == "PPLA") return PlaceRank::kAdmin1Seat;
  if (f == "PPLA2") return PlaceRank::kAdmin2Seat;
  if (f == "PPLA3" || f == "PPLA4" || f == "PPLA5") return PlaceRank::kLowerSeat;
  if (f == "PPLX") return PlaceRank::kSection;
  return PlaceRank::kPlace;
}

double DistanceKm(const Place& a, const Place& b) {
  double la1 = Radians(a.latitude), la2 = Radians(b.latitude);
  double dla = la2 - la1, dlo = Radians(b.longitude - a.longitude);
  double h = std::sin(dla / 2) * std::sin(dla / 2) + std::cos(la1) * std::cos(la2) * std::sin(dlo / 2) * std::sin(dlo / 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(h)));
}

// ---- building ----

uint16_t PlaceGazetteer::Builder::AddCountry(std::string iso2, std::string iso3, std::string name,
                                             uint32_t geonames_id) {
  uint16_t index = static_cast<uint16_t>(countries_.size());
  Place p;
  p.geonames_id = geonames_id, p.country = index, p.level = PlaceLevel::kCountry, p.rank = PlaceRank::kArea;
  uint32_t place = AddPlace(p, name);
  AddName(name, place);
  countries_.push_back({std::move(iso2), std::move(iso3), std::move(name), place});
  return index;
}

uint16_t PlaceGazetteer::Builder::AddAdmin1(uint16_t country, std::string code, std::string name,
                                            uint32_t geonames_id) {
  uint16_t index = static_cast<uint16_t>(admin1s_.size());
  Place p;
  p.geonames_id = geonames_id, p.country = country, p.admin1 = index;
  p.level = PlaceLevel::kAdmin1, p.rank = PlaceRank::kArea;
  uint32_t place = AddPlace(p, name);
  admin1s_.push_back({country, std::move(code), std::move(name), place});
  return index;
}

uint32_t PlaceGazetteer::Builder::AddPlace(Place place, std::string_view display_name) {
  place.name = static_cast<uint32_t>(display_.size());
  display_.append(display_name);
  display_.push_back('\0');
  places_.push_back(place);
  return static_cast<uint32_t>(places_.size() - 1);
}

void PlaceGazetteer::Builder::AddName(std::string_view name, uint32_t place) {
  std::string key = PlaceKey(name);
  if (!key.empty()) names_.emplace_back(std::move(key), place);
}

void PlaceGazetteer::Builder::AddDemonym(std::string_view word, uint16_t country) {
  std::string key = PlaceKey(word);
  if (!key.empty()) demonyms_.emplace_back(std::move(key), country);
}

uint16_t PlaceGazetteer::Builder::CountryByIso2(std::string_view iso2) const {
  for (size_t i = 0; i < countries_.size(); ++i)
    if (countries_[i].iso2 == iso2) return static_cast<uint16_t>(i);
  return kNoIndex;
}

uint16_t PlaceGazetteer::Builder::Admin1ByCode(uint16_t country, std::string_view code) const {
  for (size_t i = 0; i < admin1s_.size(); ++i)
    if (admin1s_[i].country == country && admin1s_[i].code == code) return static_cast<uint16_t>(i);
  return kNoIndex;
}

PlaceGazetteer PlaceGazetteer::Builder::Build() {
  std::vector<SphereMean> by_country(countries_.size()), by_admin1(admin1s_.size());
  for (const Place& p : places_) {
    if (p.level != PlaceLevel::kCity || !p.has_coordinates()) continue;
    if (p.country != kNoIndex) by_country[p.country].Add(p.latitude, p.longitude);
    if (p.admin1 != kNoIndex) by_admin1[p.admin1].Add(p.latitude, p.longitude);
  }
  for (size_t i = 0; i < countries_.size(); ++i) by_country[i].Into(&places_[countries_[i].place]);
  for (size_t i = 0; i < admin1s_.size(); ++i) by_admin1[i].Into(&places_[admin1s_[i].place]);

  PlaceGazetteer g;
  std::sort(names_.begin(), names_.end());
  names_.erase(std::unique(names_.begin(), names_.end()), names_.end());
  for (size_t i = 0; i < names_.size(); ++i) {
    if (i == 0 || names_[i].first != names_[i - 1].first) {
      g.key_offsets_.push_back(static_cast<uint32_t>(g.keys_.size()));
      g.posting_begin_.push_back(static_cast<uint32_t>(g.postings_.size()));
      g.keys_ += names_[i].first;
    }
    g.postings_.push_back(names_[i].second);
  }
  g.key_offsets_.push_back(static_cast<uint32_t>(g.keys_.size()));
  g.posting_begin_.push_back(static_cast<uint32_t>(g.postings_.size()));
  std::sort(demonyms_.begin(), demonyms_.end());
  demonyms_.erase(std::unique(demonyms_.begin(), demonyms_.end(),
                              [](const auto& a, const auto& b) { return a.first == b.first; }),
                  demonyms_.end());
  g.countries_ = std::move(countries_), g.admin1s_ = std::move(admin1s_), g.places_ = std::move(places_);
  g.display_ = std::move(display_), g.demonyms_ = std::move(demonyms_);
  *this = Builder();
  return g;
}

// ---- lookups ----

std::span<const uint32_t> PlaceGazetteer::Lookup(std::string_view k) const {
  size_t lo = 0, hi = name_count();
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (key(mid) < k) lo = mid + 1;
    else hi = mid;
  }
  if (lo == name_count() || key(lo) != k) return {};
  return std::span<const uint32_t>(postings_).subspan(posting_begin_[lo], posting_begin_[lo + 1] - posting_begin_[lo]);
}

uint16_t PlaceGazetteer::CountryOfDemonym(std::string_view k) const {
  auto it = std::lower_bound(demonyms_.begin(), demonyms_.end(), k,
                             [](const auto& d, std::string_view v) { return d.first < v; });
  return it != demonyms_.end() && it->first == k ? it->second : kNoIndex;
}

uint16_t PlaceGazetteer::CountryByIso3(std::string_view iso3) const {
  for (size_t i = 0; i < countries_.size(); ++i)
    if (countries_[i].iso3 == iso3) return static_cast<uint16_t>(i);
  return kNoIndex;
}

std::string_view PlaceGazetteer::display_name(const Place& p) const {
  if (p.name >= display_.size()) return {};
  return std::string_view(display_.c_str() + p.name);
}

// ---- the file ----

Status PlaceGazetteer::Write(const std::string& path) const {
  ModelWriter inner{std::string(kInnerKind)};
  SectionWriter meta;
  meta.U32(kPlacesVersion);
  std::vector<std::string> iso2, iso3, cname, a_code, a_name;
  std::vector<uint32_t> c_place, a_place;
  std::vector<uint16_t> a_country;
  for (const Country& c : countries_) iso2.push_back(c.iso2), iso3.push_back(c.iso3), cname.push_back(c.name), c_place.push_back(c.place);
  for (const Admin1& a : admin1s_)
    a_code.push_back(a.code), a_name.push_back(a.name), a_place.push_back(a.place), a_country.push_back(a.country);
  WriteStrings(meta, iso2), WriteStrings(meta, iso3), WriteStrings(meta, cname), meta.Array(c_place);
  WriteStrings(meta, a_code), WriteStrings(meta, a_name), meta.Array(a_place), meta.Array(a_country);
  std::vector<std::string> dem_key;
  std::vector<uint16_t> dem_country;
  for (const auto& [k, c] : demonyms_) dem_key.push_back(k), dem_country.push_back(c);
  WriteStrings(meta, dem_key), meta.Array(dem_country);
  inner.AddSection("meta", meta.Take());
  // Column by column, each column delta-coded where neighbours are alike: zlib then finds
  // the repeats that a row of mixed fields hides (7.2 MB as rows, about half as columns).
  SectionWriter places;
  std::vector<uint32_t> id, pop, name;
  std::vector<uint32_t> lat, lon;  // two's-complement deltas of the coordinates in 1e-5 degrees
  std::vector<uint16_t> country, admin1;
  std::vector<uint8_t> level, rank;
  uint32_t prev_id = 0, prev_name = 0;
  uint32_t prev_lat = 0, prev_lon = 0;
  for (const Place& p : places_) {
    id.push_back(p.geonames_id - prev_id), prev_id = p.geonames_id;
    uint32_t la = static_cast<uint32_t>(p.has_coordinates() ? std::lround(p.latitude * 1e5) : kNoCoordinate);
    uint32_t lo = static_cast<uint32_t>(p.has_coordinates() ? std::lround(p.longitude * 1e5) : kNoCoordinate);
    lat.push_back(la - prev_lat), lon.push_back(lo - prev_lon), prev_lat = la, prev_lon = lo;
    pop.push_back(p.population), country.push_back(p.country), admin1.push_back(p.admin1);
    level.push_back(static_cast<uint8_t>(p.level)), rank.push_back(static_cast<uint8_t>(p.rank));
    name.push_back(p.name - prev_name), prev_name = p.name;
  }
  places.Array(id), places.Array(lat), places.Array(lon), places.Array(pop), places.Array(country);
  places.Array(admin1), places.Array(level), places.Array(rank), places.Array(name);
  places.String(display_);
  inner.AddSection("places", places.Take());
  SectionWriter names;
  names.String(keys_), names.Array(key_offsets_), names.Array(posting_begin_), names.Array(postings_);
  inner.AddSection("names", names.Take());

  std::string raw = inner.Serialize();
  uLongf size = compressBound(raw.size());
  std::string packed(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(packed.data()), &size, reinterpret_cast<const Bytef*>(raw.data()), raw.size(),
                Z_BEST_COMPRESSION) != Z_OK)
    return Status(Code::kInternal, "zlib could not compress the places").At(path);
  packed.resize(size);
  SectionWriter payload;
  payload.U64(raw.size());
  payload.String(packed);
  ModelWriter outer{std::string(kPlacesKind)};
  outer.AddSection("zlib", payload.Take());
  return outer.Write(path);
}

Result<std::shared_ptr<const PlaceGazetteer>> PlaceGazetteer::Load(const std::string& path) {
  Result<ModelFile> outer = ModelFile::Load(path, kPlacesKind);
  if (!outer.ok()) return outer.status();
  SectionReader z = outer->Section("zlib");
  uint64_t raw_size = z.U64();
  std::string packed = z.String();
  SITREP_RETURN_IF_ERROR(z.Finish());
  if (raw_size > kMaxInflated) return Status(Code::kModel, "inflated size out of range").At(path);
  std::string raw(raw_size, '\0');
  uLongf got = raw_size;
  if (uncompress(reinterpret_cast<Bytef*>(raw.data()), &got, reinterpret_cast<const Bytef*>(packed.data()),
                 packed.size()) != Z_OK ||
      got != raw_size)
    return Status(Code::kModel, "the compressed places do not inflate").At(path);
  Result<ModelFile> file = ModelFile::Parse(std::move(raw), path + " (inflated)", kInnerKind);
  if (!file.ok()) return file.status();

  auto g = std::make_shared<PlaceGazetteer>();
  SectionReader meta = file->Section("meta");
  if (meta.U32() != kPlacesVersion) meta.Fail("unknown places version");
  auto iso2 = ReadStrings(meta, 1000), iso3 = ReadStrings(meta, 1000), cname = ReadStrings(meta, 1000);
  auto c_place = meta.Array<uint32_t>(1000);
  auto a_code = ReadStrings(meta, 60000), a_name = ReadStrings(meta, 60000);
  auto a_place = meta.Array<uint32_t>(60000);
  auto a_country = meta.Array<uint16_t>(60000);
  auto dem_key = ReadStrings(meta, 100000);
  auto dem_country = meta.Array<uint16_t>(100000);
  SITREP_RETURN_IF_ERROR(meta.Finish());
  SectionReader places = file->Section("places");
  auto id = places.Array<uint32_t>();
  auto lat = places.Array<uint32_t>(), lon = places.Array<uint32_t>();
  auto pop = places.Array<uint32_t>();
  auto country = places.Array<uint16_t>(), admin1 = places.Array<uint16_t>();
  auto level = places.Array<uint8_t>(), rank = places.Array<uint8_t>();
  auto name = places.Array<uint32_t>();
  g->display_ = places.String();
  size_t n = id.size();
  for (size_t size : {lat.size(), lon.size(), pop.size(), country.size(), admin1.size(), level.size(), rank.size(), name.size()})
    if (size != n) places.Fail("place columns differ in length");
  uint32_t cur_id = 0, cur_name = 0;
  uint32_t cur_lat = 0, cur_lon = 0;
  for (size_t i = 0; i < n && places.ok(); ++i) {
    Place p;
    cur_id += id[i], cur_name += name[i], cur_lat += lat[i], cur_lon += lon[i];
    p.geonames_id = cur_id, p.name = cur_name;
    if (cur_lat != static_cast<uint32_t>(kNoCoordinate))
      p.latitude = static_cast<float>(static_cast<int32_t>(cur_lat) / 1e5),
      p.longitude = static_cast<float>(static_cast<int32_t>(cur_lon) / 1e5);
    p.population = pop[i], p.country = country[i], p.admin1 = admin1[i];
    if (level[i] > static_cast<uint8_t>(PlaceLevel::kCity) || rank[i] > static_cast<uint8_t>(PlaceRank::kArea))
      places.Fail("unknown place level or rank");
    p.level = static_cast<PlaceLevel>(level[i]), p.rank = static_cast<PlaceRank>(rank[i]);
    g->places_.push_back(p);
  }
  SITREP_RETURN_IF_ERROR(places.Finish());
  SectionReader names = file->Section("names");
  g->keys_ = names.String();
  g->key_offsets_ = names.Array<uint32_t>();
  g->posting_begin_ = names.Array<uint32_t>();
  g->postings_ = names.Array<uint32_t>();
  SITREP_RETURN_IF_ERROR(names.Finish());

  // Every index inside its table, so a lookup never reads out of bounds.
  auto bad = [&](std::string what) { return Status(Code::kModel, "places: " + what).At(path); };
  if (iso3.size() != iso2.size() || cname.size() != iso2.size() || c_place.size() != iso2.size()) return bad("country tables differ in size");
  if (a_name.size() != a_code.size() || a_place.size() != a_code.size() || a_country.size() != a_code.size())
    return bad("province tables differ in size");
  if (dem_country.size() != dem_key.size()) return bad("demonym tables differ in size");
  if (g->key_offsets_.size() != g->posting_begin_.size() || g->key_offsets_.empty()) return bad("name index sizes differ");
  for (size_t i = 0; i + 1 < g->key_offsets_.size(); ++i)
    if (g->key_offsets_[i] > g->key_offsets_[i + 1] || g->posting_begin_[i] > g->posting_begin_[i + 1])
      return bad("name index out of order");
  if (g->key_offsets_.back() != g->keys_.size() || g->posting_begin_.back() != g->postings_.size())
    return bad("name index does not end where its data ends");
  for (uint32_t p : g->postings_)
    if (p >= g->places_.size()) return bad("a name points past the places");
  for (const Place& p : g->places_)
    if ((p.country != kNoIndex && p.country >= iso2.size()) || (p.admin1 != kNoIndex && p.admin1 >= a_code.size()) ||
        p.name >= g->display_.size())
      return bad("a place points past its tables");
  for (size_t i = 0; i < iso2.size(); ++i) {
    if (c_place[i] >= g->places_.size()) return bad("a country points past the places");
    g->countries_.push_back({iso2[i], iso3[i], cname[i], c_place[i]});
  }
  for (size_t i = 0; i < a_code.size(); ++i) {
    if (a_place[i] >= g->places_.size() || a_country[i] >= iso2.size()) return bad("a province points past its tables");
    g->admin1s_.push_back({a_country[i], a_code[i], a_name[i], a_place[i]});
  }
  for (size_t i = 0; i < dem_key.size(); ++i) {
    if (dem_country[i] >= iso2.size()) return bad("a demonym points past the countries");
    g->demonyms_.emplace_back(dem_key[i], dem_country[i]);
  }
  return std::shared_ptr<const PlaceGazetteer>(std::move(g));
}

Result<std::shared_ptr<const PlaceGazetteer>> PlaceGazetteer::LoadDefault() {
  static std::once_flag once;
  static Result<std::shared_ptr<const PlaceGazetteer>>* loaded = nullptr;
  std::call_once(once, [] {
    loaded = new Result<std::shared_ptr<const PlaceGazetteer>>(Load(DefaultModelDir() + "/places.bin"));
  });
  return *loaded;
}

}  // namespace sitrep::geo
