// The place stage: every place name of a document on the map. Reads the entity layer
// (LOC names to resolve; NORP words such as "Pakistani" as evidence of the countries the
// story is about) and the dateline; writes the "place" layer: one Annotation per resolved
// name, labelled with its level (country, province, district, city), attrs
//   {"name": "Musa Khel Bazar", "geonames_id": 1169663, "country": "PAK",
//    "admin1": "Balochistan", "lat": 30.8594, "lon": 69.8221, "confidence": 0.95,
//    "how": "alias", "dateline": true (only for the dateline's place)}.
// A name the gazetteer does not know is left out, never placed at 0,0. The dateline's
// region ("WOODSIDE, California —") is read too: it says which Woodside.
#pragma once

#include <functional>
#include <memory>
#include <string_view>

#include "geo/geocoder.h"
#include "sitrep/pipeline.h"

namespace sitrep {

class PlaceStage : public Stage {
 public:
  // `common_word` says whether a one-word name is an ordinary English word ("Union",
  // "Center", "Earth"): those are left alone unless they name a country or province,
  // since the recogniser's LOC on them is more often wrong than a village of that name right.
  explicit PlaceStage(std::shared_ptr<const geo::Geocoder> geocoder,
                      std::function<bool(std::string_view)> common_word = nullptr)
      : geocoder_(std::move(geocoder)), common_word_(std::move(common_word)) {}
  // With models/places.bin and the compiled-in aliases; Code::kModel naming the file.
  static Result<std::unique_ptr<PlaceStage>> MakeDefault();

  std::string name() const override { return "places"; }
  std::vector<std::string> reads() const override { return {"entity"}; }
  std::vector<std::string> writes() const override { return {"place"}; }
  Status Process(Doc& doc) const override;

 private:
  std::shared_ptr<const geo::Geocoder> geocoder_;
  std::function<bool(std::string_view)> common_word_;
};

}  // namespace sitrep
