#include "geo/place_key.h"

#include <gtest/gtest.h>

namespace sitrep::geo {
namespace {

TEST(PlaceKey, SpacingHyphensAndCaseDoNotMatter) {
  EXPECT_EQ(PlaceKey("Musa Khel"), "musakhel");
  EXPECT_EQ(PlaceKey("MUSA-KHEL"), "musakhel");
  EXPECT_EQ(PlaceKey("Dera Ismail Khan"), PlaceKey("Dera Ismail-Khan"));
  EXPECT_EQ(PlaceKey("U.S."), "us");
}

TEST(PlaceKey, AccentsAreFolded) {
  EXPECT_EQ(PlaceKey("Dīdwāna"), "didwana");
  EXPECT_EQ(PlaceKey("São Paulo"), "saopaulo");
  EXPECT_EQ(PlaceKey("ÉVORA"), "evora");
}

TEST(PlaceKey, OtherScriptsAreKeptAndLowerCased) {
  EXPECT_EQ(PlaceKey("Москва"), "москва");
  // Arabic hamza and madda are marks, folded like Latin accents.
  EXPECT_EQ(PlaceKey("إسلام آباد"), PlaceKey("اسلام اباد"));
  EXPECT_FALSE(PlaceKey("إسلام آباد").empty());
}

TEST(PlaceKey, BadBytesAndEmptyInputGiveAKeyWithoutThem) {
  EXPECT_EQ(PlaceKey(""), "");
  EXPECT_EQ(PlaceKey("--"), "");
  EXPECT_EQ(PlaceKey(std::string("Wana\xff\xfe", 6)), "wana");
}

}  // namespace
}  // namespace sitrep::geo
