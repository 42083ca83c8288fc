#include "geo/place_stage.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include <nlohmann/json.hpp>

#include "annotate/gazetteer.h"
#include "annotate/ner.h"
#include "geo/place_key.h"
#include "text/dateline.h"

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
// in the first paragraph's reach, and its region ("California" in "WOODSIDE, California —").
struct DatelineSpans {
  Span place;
  std::optional<Span> region;
};

std::optional<DatelineSpans> FindDatelineSpans(const Doc& doc) {
  const std::string& place = doc.meta().dateline_place;
  if (place.empty()) return std::nullopt;
  std::string_view text = doc.text();
  size_t at = text.substr(0, 400).find(place);
  if (at == std::string_view::npos) return std::nullopt;
  DatelineSpans out{Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + place.size())}, std::nullopt};
  if (std::optional<Dateline> d = FindDateline(text.substr(at)); d && !d->region.empty()) {
    size_t r = text.substr(at, d->size).find(d->region);
    if (r != std::string_view::npos)
      out.region = Span{static_cast<uint32_t>(at + r), static_cast<uint32_t>(at + r + d->region.size())};
  }
  return out;
}

bool Overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

}  // namespace

Result<std::unique_ptr<PlaceStage>> PlaceStage::MakeDefault() {
  auto geocoder = geo::Geocoder::LoadDefault();
  if (!geocoder.ok()) return geocoder.status();
  // The entity recogniser's gazetteer knows the common words (shared, loaded once).
  auto ner = NamedEntityRecognizer::LoadDefault();
  if (!ner.ok()) return ner.status();
  std::shared_ptr<const NamedEntityRecognizer> keep = *ner;
  return std::make_unique<PlaceStage>(*geocoder, [keep](std::string_view word) {
    uint16_t bits = keep->gazetteer().Lookup(word);
    return (bits & kGazCommon) && !(bits & (kGazCountry | kGazRegion | kGazBigCity));
  });
}

Status PlaceStage::Process(Doc& doc) const {
  std::vector<Span> spans;
  std::vector<geo::PlaceMention> mentions;
  std::vector<uint16_t> countries;
  std::optional<DatelineSpans> dateline = FindDatelineSpans(doc);
  if (dateline) {
    spans.push_back(dateline->place), mentions.push_back({doc.Slice(dateline->place), true});
    if (dateline->region) spans.push_back(*dateline->region), mentions.push_back({doc.Slice(*dateline->region), false});
  }
  auto in_dateline = [&](Span s) {
    return dateline && (Overlaps(s, dateline->place) || (dateline->region && Overlaps(s, *dateline->region)));
  };
  if (const std::vector<Annotation>* entities = doc.Layer("entity")) {
    for (const Annotation& e : *entities) {
      std::string_view text = doc.Slice(e.span);
      if (e.label == "NORP") {
        uint16_t c = geocoder_->gazetteer().CountryOfDemonym(geo::PlaceKey(text));
        if (c != geo::kNoIndex) countries.push_back(c);
      } else if ((e.label == "LOC" || e.label == "GPE") && !in_dateline(e.span) &&
                 !(common_word_ && text.find(' ') == std::string_view::npos && common_word_(text))) {
        spans.push_back(e.span), mentions.push_back({text, false});
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
