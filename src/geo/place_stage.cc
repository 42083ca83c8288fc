#include "geo/place_stage.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include <nlohmann/json.hpp>

#include "geo/place_key.h"

namespace sitrep {

namespace {

std::string_view LevelName(geo::PlaceLevel level) {
  switch (level) {
    case geo::PlaceLevel::kCountry: return "country";
    case geo::PlaceLevel::kAdmin1: return "province";
    case geo::PlaceLevel::kDistrict: return "district";
    default: return "city";
  }
}

// The dateline's place as written at the top of the text ("ISLAMABAD (PEN) :"), if found
// in the first paragraph's reach.
std::optional<Span> DatelineSpan(const Doc& doc) {
  const std::string& place = doc.meta().dateline_place;
  if (place.empty()) return std::nullopt;
  size_t at = std::string_view(doc.text()).substr(0, 400).find(place);
  if (at == std::string_view::npos) return std::nullopt;
  return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + place.size())};
}

}  // namespace

Result<std::unique_ptr<PlaceStage>> PlaceStage::MakeDefault() {
  auto geocoder = geo::Geocoder::LoadDefault();
  if (!geocoder.ok()) return geocoder.status();
  return std::make_unique<PlaceStage>(*geocoder);
}

Status PlaceStage::Process(Doc& doc) const {
  std::vector<Span> spans;
  std::vector<geo::PlaceMention> mentions;
  std::vector<uint16_t> countries;
  std::optional<Span> dateline = DatelineSpan(doc);
  if (dateline) spans.push_back(*dateline), mentions.push_back({doc.Slice(*dateline), true});
  if (const std::vector<Annotation>* entities = doc.Layer("entity")) {
    for (const Annotation& e : *entities) {
      if (e.label == "NORP") {
        uint16_t c = geocoder_->gazetteer().CountryOfDemonym(geo::PlaceKey(doc.Slice(e.span)));
        if (c != geo::kNoIndex) countries.push_back(c);
      } else if ((e.label == "LOC" || e.label == "GPE") && !(dateline && e.span.begin < dateline->end && dateline->begin < e.span.end)) {
        spans.push_back(e.span), mentions.push_back({doc.Slice(e.span), false});
      }
    }
  }
  std::vector<std::optional<geo::Geocode>> codes = geocoder_->Resolve(mentions, countries);
  std::vector<Annotation> out;
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (!codes[i]) continue;
    const geo::Geocode& g = *codes[i];
    const geo::Place& p = geocoder_->place(g.place);
    nlohmann::json attrs = {{"name", geocoder_->name(g.place)}, {"confidence", std::round(g.confidence * 1000) / 1000},
                            {"how", g.how}};
    if (p.geonames_id) attrs["geonames_id"] = p.geonames_id;
    if (!geocoder_->iso3(g.place).empty()) attrs["country"] = geocoder_->iso3(g.place);
    if (!geocoder_->admin1_name(g.place).empty()) attrs["admin1"] = geocoder_->admin1_name(g.place);
    if (p.has_coordinates())
      attrs["lat"] = std::round(p.latitude * 1e4) / 1e4, attrs["lon"] = std::round(p.longitude * 1e4) / 1e4;
    if (mentions[i].dateline) attrs["dateline"] = true;
    out.push_back({spans[i], std::string(LevelName(p.level)), attrs.dump()});
  }
  std::sort(out.begin(), out.end(), [](const Annotation& a, const Annotation& b) { return a.span.begin < b.span.begin; });
  doc.SetLayer("place", std::move(out));
  return Status::Ok();
}

}  // namespace sitrep
