#include "geo/geocoder.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "geo/geo_test_util.h"
#include "geo/place_key.h"

namespace sitrep::geo {
namespace {

constexpr std::string_view kAliases =
    "# test aliases\n"
    "Musakhail\tgeonames:1169663\ta spelling\n"
    "South Waziristan\tdistrict:1162634\tseat: Wana\n"
    "US\tcountry:USA\n"
    "Baluchistan\tadmin1:PAK.02\n";

std::shared_ptr<const Geocoder> MakeGeocoder(std::string_view aliases = kAliases) {
  auto g = Geocoder::Make(testing::SmallGazetteer(), aliases);
  EXPECT_TRUE(g.ok()) << g.status().ToString();
  return *g;
}

std::optional<Geocode> One(const Geocoder& g, std::string_view name, std::vector<std::string_view> others = {},
                           std::vector<uint16_t> countries = {}) {
  std::vector<PlaceMention> mentions = {{name}};
  for (std::string_view o : others) mentions.push_back({o});
  return g.Resolve(mentions, countries).front();
}

TEST(Geocoder, AnAliasSpellingFindsTheGazetteerPlace) {
  auto g = MakeGeocoder();
  auto code = One(*g, "Musakhail");
  ASSERT_TRUE(code);
  EXPECT_EQ(g->place(code->place).geonames_id, 1169663u);
  EXPECT_EQ(g->iso3(code->place), "PAK");
  EXPECT_EQ(g->admin1_name(code->place), "Balochistan");
  EXPECT_STREQ(code->how, "alias");
  // GeoNames' own other spelling works without the alias.
  EXPECT_EQ(g->place(One(*g, "MUSAKHEL")->place).geonames_id, 1169663u);
}

TEST(Geocoder, ADistrictIsPlacedAtItsSeatInItsProvince) {
  auto g = MakeGeocoder();
  auto code = One(*g, "South Waziristan");
  ASSERT_TRUE(code);
  const Place& p = g->place(code->place);
  EXPECT_EQ(p.level, PlaceLevel::kDistrict);
  EXPECT_EQ(g->name(code->place), "South Waziristan");
  EXPECT_EQ(g->admin1_name(code->place), "Khyber Pakhtunkhwa");
  EXPECT_NEAR(p.latitude, 32.3, 0.01);
  EXPECT_EQ(p.geonames_id, 0u);  // the seat's id would be a lie
}

TEST(Geocoder, WithoutContextTheBiggerSeatWins) {
  auto g = MakeGeocoder();
  EXPECT_EQ(g->iso3(One(*g, "Hyderabad")->place), "IND");
  EXPECT_STREQ(One(*g, "Hyderabad")->how, "prior");
}

TEST(Geocoder, TheCountriesAndProvincesOfTheDocumentDecide) {
  auto g = MakeGeocoder();
  auto by_country = One(*g, "Hyderabad", {"Pakistan"});
  EXPECT_EQ(g->iso3(by_country->place), "PAK");
  EXPECT_STREQ(by_country->how, "context");
  auto by_demonym = One(*g, "Hyderabad", {}, {g->gazetteer().CountryOfDemonym(PlaceKey("Pakistani"))});
  EXPECT_EQ(g->iso3(by_demonym->place), "PAK");
  // Without a state named, "Washington" is the capital.
  EXPECT_EQ(g->place(One(*g, "Washington")->place).geonames_id, 4140963u);
}

TEST(Geocoder, ACountryNameIsTheCountryNeverATownOrState) {
  auto g = MakeGeocoder();
  auto georgia = One(*g, "Georgia", {"Washington", "US"});
  ASSERT_TRUE(georgia);
  EXPECT_EQ(g->place(georgia->place).level, PlaceLevel::kCountry);
  EXPECT_EQ(g->iso3(georgia->place), "GEO");
  auto us = One(*g, "U.S.");
  EXPECT_EQ(g->place(us->place).level, PlaceLevel::kCountry);
  EXPECT_EQ(g->iso3(us->place), "USA");
}

TEST(Geocoder, ProvincesAndUnknownNames) {
  auto g = MakeGeocoder();
  auto b = One(*g, "Baluchistan");
  ASSERT_TRUE(b);
  EXPECT_EQ(g->place(b->place).level, PlaceLevel::kAdmin1);
  EXPECT_EQ(g->admin1_name(b->place), "Balochistan");
  EXPECT_FALSE(One(*g, "Gondor"));
  EXPECT_FALSE(One(*g, "..."));
  // "the Quetta district": generic words around a known name.
  auto q = One(*g, "the Quetta district");
  ASSERT_TRUE(q);
  EXPECT_EQ(g->place(q->place).geonames_id, 1167528u);
}

TEST(Geocoder, EveryMentionOfANameGetsTheSamePlace) {
  auto g = MakeGeocoder();
  std::vector<PlaceMention> mentions = {{"Hyderabad"}, {"Sindh"}, {"HYDERABAD"}, {"Hyderabad"}};
  auto codes = g->Resolve(mentions);
  ASSERT_TRUE(codes[0] && codes[2] && codes[3]);
  EXPECT_EQ(codes[0]->place, codes[2]->place);
  EXPECT_EQ(codes[0]->place, codes[3]->place);
}

TEST(Geocoder, FiveThousandPlaceNamesAreResolvedOnceEach) {
  auto g = MakeGeocoder();
  std::vector<std::string> names;
  for (int i = 0; i < 5000; ++i) names.push_back(i % 3 ? "Place" + std::to_string(i % 97) : "Quetta");
  std::vector<PlaceMention> mentions;
  for (const std::string& n : names) mentions.push_back({n});
  auto codes = g->Resolve(mentions);
  ASSERT_EQ(codes.size(), 5000u);
  EXPECT_TRUE(codes[0]);
  EXPECT_FALSE(codes[1]);
}

TEST(Geocoder, ABadAliasLineIsAnErrorNamingTheLine) {
  auto no_tab = Geocoder::Make(testing::SmallGazetteer(), "# fine\nMusakhail geonames:1169663\n");
  ASSERT_FALSE(no_tab.ok());
  EXPECT_NE(no_tab.status().ToString().find("line 2"), std::string::npos) << no_tab.status().ToString();
  auto unknown = Geocoder::Make(testing::SmallGazetteer(), "X\tgeonames:999\n");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().ToString().find("line 1"), std::string::npos);
  EXPECT_FALSE(Geocoder::Make(testing::SmallGazetteer(), "X\tadmin1:PAK.99\n").ok());
  EXPECT_FALSE(Geocoder::Make(testing::SmallGazetteer(), "X\tcountry:XXX\n").ok());
  EXPECT_FALSE(Geocoder::Make(testing::SmallGazetteer(), "X\tplanet:Mars\n").ok());
}

TEST(PlaceGazetteer, CountriesAndProvincesGetTheCentreOfTheirPlaces) {
  auto gaz = testing::SmallGazetteer();
  const Place& pk = gaz->place(gaz->countries()[gaz->CountryByIso3("PAK")].place);
  ASSERT_TRUE(pk.has_coordinates());
  EXPECT_GT(pk.latitude, 25);
  EXPECT_LT(pk.latitude, 34);
  EXPECT_GT(pk.longitude, 67);
  EXPECT_LT(pk.longitude, 74);
  // Georgia (the country) has no place in this gazetteer: no coordinates, not 0,0.
  EXPECT_FALSE(gaz->place(gaz->countries()[gaz->CountryByIso3("GEO")].place).has_coordinates());
}

TEST(PlaceGazetteer, WritesAndLoadsTheSamePlacesAndRejectsADamagedFile) {
  auto gaz = testing::SmallGazetteer();
  std::string path = (std::filesystem::temp_directory_path() / "sitrep_places_test.bin").string();
  ASSERT_TRUE(gaz->Write(path).ok());
  auto loaded = PlaceGazetteer::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->size(), gaz->size());
  EXPECT_EQ((*loaded)->Lookup("hyderabad").size(), 2u);
  EXPECT_EQ((*loaded)->admin1s().size(), gaz->admin1s().size());
  EXPECT_EQ((*loaded)->CountryOfDemonym("pakistani"), gaz->CountryByIso3("PAK"));
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(60);
    f.put('\x5a');
  }
  auto damaged = PlaceGazetteer::Load(path);
  EXPECT_FALSE(damaged.ok());
  EXPECT_EQ(damaged.status().code(), Code::kModel);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace sitrep::geo
