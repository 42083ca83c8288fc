#include "geo/place_stage.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "geo/geo_test_util.h"

namespace sitrep {
namespace {

// A document with its entities marked at the first occurrence of each phrase.
Doc DocWithEntities(const std::string& text, const std::vector<std::pair<std::string, std::string>>& entities,
                    const std::string& dateline = "") {
  Metadata meta;
  meta.dateline_place = dateline;
  Doc doc(Origin{"test.txt", 0, "text"}, text, text, OffsetMap::Identity(static_cast<uint32_t>(text.size())), meta);
  std::vector<Annotation> layer;
  for (const auto& [phrase, label] : entities) {
    size_t at = text.find(phrase);
    EXPECT_NE(at, std::string::npos) << phrase;
    layer.push_back({Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + phrase.size())}, label, "{}"});
  }
  std::sort(layer.begin(), layer.end(), [](const Annotation& a, const Annotation& b) { return a.span.begin < b.span.begin; });
  doc.SetLayer("entity", std::move(layer));
  return doc;
}

PlaceStage Stage() {
  auto g = geo::Geocoder::Make(geo::testing::SmallGazetteer(), "Musakhail\tgeonames:1169663\n");
  EXPECT_TRUE(g.ok());
  return PlaceStage(*g);
}

TEST(PlaceStage, WritesEachResolvedPlaceWithItsCountryProvinceAndCoordinates) {
  Doc doc = DocWithEntities("Gunmen killed 23 people in Musakhail, a district of Balochistan. Gondor was quiet.",
                            {{"Musakhail", "LOC"}, {"Balochistan", "LOC"}, {"Gondor", "LOC"}});
  ASSERT_TRUE(Stage().Process(doc).ok());
  const std::vector<Annotation>* places = doc.Layer("place");
  ASSERT_TRUE(places);
  ASSERT_EQ(places->size(), 2u);  // Gondor is not on any map
  EXPECT_EQ(doc.Slice((*places)[0].span), "Musakhail");
  EXPECT_EQ((*places)[0].label, "city");
  auto a = nlohmann::json::parse((*places)[0].attrs);
  EXPECT_EQ(a["geonames_id"], 1169663);
  EXPECT_EQ(a["country"], "PAK");
  EXPECT_EQ(a["admin1"], "Balochistan");
  EXPECT_NEAR(a["lat"].get<double>(), 30.86, 0.01);
  EXPECT_EQ((*places)[1].label, "province");
}

TEST(PlaceStage, NationalitiesAndTheDatelineAreContext) {
  Doc doc = DocWithEntities("ISLAMABAD: Pakistani police in Hyderabad said ...", {{"Pakistani", "NORP"}, {"Hyderabad", "LOC"}},
                            "ISLAMABAD");
  ASSERT_TRUE(Stage().Process(doc).ok());
  const std::vector<Annotation>& places = *doc.Layer("place");
  ASSERT_EQ(places.size(), 2u);
  auto dateline = nlohmann::json::parse(places[0].attrs);
  EXPECT_EQ(dateline["geonames_id"], 1176615);
  EXPECT_EQ(dateline["dateline"], true);
  EXPECT_EQ(nlohmann::json::parse(places[1].attrs)["country"], "PAK");  // not India's bigger Hyderabad
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

TEST(PlaceStage, CommonWordsAndTheDatelineRegion) {
  auto g = geo::Geocoder::Make(geo::testing::SmallGazetteer(), "EU\tnone:\n");
  ASSERT_TRUE(g.ok());
  PlaceStage stage(*g, [](std::string_view w) { return w == "Washington"; });  // pretend it is an ordinary word
  Doc doc = DocWithEntities("HYDERABAD, Sindh — Washington and the EU said nothing.",
                            {{"Washington", "LOC"}, {"EU", "LOC"}}, "HYDERABAD");
  ASSERT_TRUE(stage.Process(doc).ok());
  const std::vector<Annotation>& places = *doc.Layer("place");
  ASSERT_EQ(places.size(), 2u);  // the dateline and its region; not the common word, not the EU
  EXPECT_EQ(doc.Slice(places[0].span), "HYDERABAD");
  EXPECT_EQ(nlohmann::json::parse(places[0].attrs)["country"], "PAK");  // Sindh says which Hyderabad
  EXPECT_EQ(doc.Slice(places[1].span), "Sindh");
  EXPECT_EQ(places[1].label, "province");
}

}  // namespace
}  // namespace sitrep
