// Test helper: a small hand-made gazetteer, so the geocoder's tests say exactly which
// places exist (real names and coordinates, a few of each kind).
#pragma once

#include <memory>

#include "geo/place_gazetteer.h"

namespace sitrep::geo::testing {

inline std::shared_ptr<const PlaceGazetteer> SmallGazetteer() {
  PlaceGazetteer::Builder b;
  uint16_t pk = b.AddCountry("PK", "PAK", "Pakistan", 1168579);
  uint16_t in = b.AddCountry("IN", "IND", "India", 1269750);
  uint16_t us = b.AddCountry("US", "USA", "United States", 6252001);
  b.AddCountry("GE", "GEO", "Georgia", 614540);
  uint16_t balochistan = b.AddAdmin1(pk, "02", "Balochistan", 1183606);
  b.AddName("Balochistan", b.admin1(balochistan).place);
  uint16_t kp = b.AddAdmin1(pk, "03", "Khyber Pakhtunkhwa", 1168873);
  b.AddName("Khyber Pakhtunkhwa", b.admin1(kp).place);
  uint16_t sindh = b.AddAdmin1(pk, "05", "Sindh", 1164807);
  b.AddName("Sindh", b.admin1(sindh).place);
  uint16_t telangana = b.AddAdmin1(in, "40", "Telangana", 1254788);
  uint16_t georgia_us = b.AddAdmin1(us, "GA", "Georgia", 4197000);
  b.AddName("Georgia", b.admin1(georgia_us).place);
  uint16_t dc = b.AddAdmin1(us, "DC", "District of Columbia", 4138106);
  auto city = [&](uint32_t id, const char* name, float lat, float lon, uint32_t pop, uint16_t country,
                  uint16_t admin1, const char* feature) {
    Place p;
    p.geonames_id = id, p.latitude = lat, p.longitude = lon, p.population = pop, p.country = country;
    p.admin1 = admin1, p.rank = RankOfFeature(feature);
    uint32_t i = b.AddPlace(p, name);
    b.AddName(name, i);
    return i;
  };
  city(1176615, "Islamabad", 33.72148f, 73.04329f, 601600, pk, kNoIndex, "PPLC");
  city(1167528, "Quetta", 30.18414f, 67.00141f, 733675, pk, balochistan, "PPLA");
  uint32_t musa = city(1169663, "Musa Khel Bazar", 30.85944f, 69.82208f, 0, pk, balochistan, "PPLA2");
  b.AddName("Musakhel", musa);
  city(1162634, "Wana", 32.29889f, 69.5725f, 2223, pk, kp, "PPL");
  city(1176734, "Hyderabad", 25.39242f, 68.37366f, 1386330, pk, sindh, "PPLA2");
  city(1269843, "Hyderabad", 17.38405f, 78.45636f, 3597816, in, telangana, "PPLA");
  city(4140963, "Washington", 38.89511f, -77.03637f, 689545, us, dc, "PPLC");
  city(4229546, "Washington", 33.73679f, -82.73931f, 3981, us, georgia_us, "PPLA2");
  b.AddDemonym("Pakistani", pk);
  b.AddDemonym("Indian", in);
  return std::make_shared<const PlaceGazetteer>(b.Build());
}

}  // namespace sitrep::geo::testing
