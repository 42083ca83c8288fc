// The geocoder: which place on earth each place name of a document means.
//
// A name can mean many places ("Hyderabad": India's and Pakistan's), so the names of one
// document are resolved together. Each candidate starts from a prior (a country before a
// province before a city; a capital or seat of government before a village; population),
// then gains from the document: a country the text names or whose people it names
// ("Pakistani"), a province it names, the dateline, and places already resolved nearby.
// Names that can mean only one thing are resolved first and become context for the rest.
//
// The project's alias table (aliases.tsv, compiled in) comes first: spellings the gazetteer
// lacks ("Musakhail"), districts named for their seat ("South Waziristan"), and the short
// forms news uses for countries ("US", "Britain"); and names that are no single place on
// the map ("EU", "Asia", "Middle East"), which must not become a village of that name. A
// country's name resolves to the country, never to a town that shares it.
//
// A Geocoder is immutable once built: one instance serves every thread. The work per
// document is bounded: at most kMaxCandidates candidates per name, each name key resolved
// once however often it recurs.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "geo/place_gazetteer.h"
#include "sitrep/status.h"

namespace sitrep::geo {

// A place name of a document, as written.
struct PlaceMention {
  std::string_view text;
  bool dateline = false;  // the dateline's place: where the reporter was
};

// What a mention resolved to. `place` indexes Geocoder::place().
struct Geocode {
  uint32_t place = 0;
  double confidence = 0;   // the chosen candidate's share of the evidence, 0..1
  const char* how = "";    // "alias", "only", "context", "prior"
};

class Geocoder {
 public:
  static constexpr size_t kMaxCandidates = 64;

  // Builds over a gazetteer with an alias table (the compiled-in one unless given).
  // Errors: an alias line that does not parse, or whose target is unknown, names the line.
  static Result<std::shared_ptr<const Geocoder>> Make(std::shared_ptr<const PlaceGazetteer> gazetteer,
                                                      std::string_view aliases_tsv = EmbeddedAliasesTsv());
  // The default gazetteer and the compiled-in aliases, built once and shared.
  static Result<std::shared_ptr<const Geocoder>> LoadDefault();
  static std::string_view EmbeddedAliasesTsv();

  // Resolves a document's place names; `countries` are countries the document names
  // otherwise (demonyms, actor codes), as indexes of gazetteer().countries().
  std::vector<std::optional<Geocode>> Resolve(const std::vector<PlaceMention>& mentions,
                                              const std::vector<uint16_t>& countries = {}) const;

  // A place of the gazetteer or of the alias table.
  const Place& place(uint32_t i) const;
  std::string_view name(uint32_t i) const;
  const PlaceGazetteer& gazetteer() const { return *gazetteer_; }
  // The ISO alpha-3 code and the province name of a place ("" when unknown).
  std::string_view iso3(uint32_t i) const;
  std::string_view admin1_name(uint32_t i) const;

 private:
  Geocoder() = default;
  std::vector<uint32_t> Candidates(std::string_view text) const;

  std::shared_ptr<const PlaceGazetteer> gazetteer_;
  std::vector<Place> own_places_;  // districts of the alias table: ids from gazetteer size
  std::vector<std::string> own_names_;
  static constexpr uint32_t kNotAPlace = UINT32_MAX;  // an alias of kind "none"
  std::unordered_map<std::string, uint32_t> aliases_;  // PlaceKey -> place, or kNotAPlace
};

}  // namespace sitrep::geo
