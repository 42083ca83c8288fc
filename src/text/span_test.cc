#include "sitrep/span.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(OffsetMap, IdentityMapsEveryByte) {
  OffsetMap map = OffsetMap::Identity(10);
  EXPECT_EQ(map.ToOriginal({2, 5}), (Span{2, 5}));
  EXPECT_EQ(map.ToOriginal({0, 10}), (Span{0, 10}));
  EXPECT_EQ(map.clean_size(), 10u);
}

TEST(CleanTextBuilder, ReplacementsMapToTheWholeOriginalRange) {
  std::string original = "Tom &amp; Jerry\n\nsecond";
  CleanTextBuilder b(original);
  b.Copy(0, 4);             // "Tom "
  b.Replace(4, 5, "&");     // "&amp;"
  b.Copy(9, 6);             // " Jerry"
  b.Replace(15, 2, "\n\n");
  b.Copy(17, 6);            // "second"
  std::string text = b.text();
  EXPECT_EQ(text, "Tom & Jerry\n\nsecond");
  OffsetMap map = b.TakeMap();
  EXPECT_EQ(map.ToOriginal({4, 5}), (Span{4, 9}));     // "&" is "&amp;"
  EXPECT_EQ(map.ToOriginal({6, 11}), (Span{10, 15}));  // "Jerry"
  EXPECT_EQ(map.ToOriginal({0, 11}), (Span{0, 15}));
  EXPECT_EQ(map.ToOriginal({13, 19}), (Span{17, 23}));  // "second"
  // A span ending exactly where a piece ends does not run into the next piece.
  EXPECT_EQ(map.ToOriginal({0, 4}), (Span{0, 4}));
}

TEST(CleanTextBuilder, ContiguousCopiesMerge) {
  std::string original = "abcdef";
  CleanTextBuilder b(original);
  b.Copy(0, 3);
  b.Copy(3, 3);
  EXPECT_EQ(b.TakeMap().pieces().size(), 1u);
}

TEST(CleanTextBuilder, TrimTrailingSpaceShortensTheMap) {
  std::string original = "text  \n";
  CleanTextBuilder b(original);
  b.Copy(0, 7);
  b.TrimTrailingSpace();
  EXPECT_EQ(b.text(), "text");
  EXPECT_EQ(b.TakeMap().clean_size(), 4u);
}

TEST(OffsetMap, ThenComposesTwoMaps) {
  // original (windows-1252): "a\x92b" ; middle (UTF-8): "a’b" ; clean: "’b"
  OffsetMap decode;
  decode.AppendVerbatim(0, 1);
  decode.AppendReplacement(1, 1, 3);
  decode.AppendVerbatim(2, 1);
  OffsetMap clean;  // drops the "a"
  clean.AppendVerbatim(1, 4);
  OffsetMap both = clean.Then(decode);
  EXPECT_EQ(both.ToOriginal({0, 3}), (Span{1, 2}));  // the quote is the byte 0x92
  EXPECT_EQ(both.ToOriginal({3, 4}), (Span{2, 3}));  // "b"
  EXPECT_EQ(both.ToOriginal({0, 4}), (Span{1, 3}));
}

TEST(OffsetMap, SerializeRoundTrips) {
  OffsetMap map;
  map.AppendVerbatim(0, 100);
  map.AppendReplacement(100, 6, 1);
  map.AppendVerbatim(300, 70000);
  OffsetMap back;
  ASSERT_TRUE(OffsetMap::Deserialize(map.Serialize(), &back));
  EXPECT_EQ(map, back);
}

TEST(OffsetMap, DeserializeRejectsDamage) {
  OffsetMap map;
  map.AppendVerbatim(0, 100);
  std::string bytes = map.Serialize();
  OffsetMap back;
  EXPECT_FALSE(OffsetMap::Deserialize(bytes.substr(0, bytes.size() - 1), &back));
  EXPECT_FALSE(OffsetMap::Deserialize(bytes + "x", &back));
  EXPECT_FALSE(OffsetMap::Deserialize("\xff\xff\xff\xff\xff\xff", &back));
}

}  // namespace
}  // namespace sitrep
