#include "text/encoding.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(Decode, Utf8PassesThroughWithIdentityMap) {
  auto d = DecodeToUtf8("Dar’s visit");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->text, "Dar’s visit");
  EXPECT_EQ(d->encoding, "UTF-8");
  EXPECT_EQ(d->map.ToOriginal({0, 3}), (Span{0, 3}));
}

TEST(Decode, Utf8ByteOrderMarkIsSkipped) {
  auto d = DecodeToUtf8("\xEF\xBB\xBFHello");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->text, "Hello");
  EXPECT_EQ(d->map.ToOriginal({0, 5}), (Span{3, 8}));
}

TEST(Decode, Utf16LittleEndianWithBom) {
  std::string bytes("\xFF\xFE" "D\0a\0r\0 \0\x19\x20", 12);
  auto d = DecodeToUtf8(bytes);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->text, "Dar ’");
  EXPECT_EQ(d->map.ToOriginal({0, 1}), (Span{2, 4}));
  EXPECT_EQ(d->map.ToOriginal({4, 7}), (Span{10, 12}));
}

TEST(Decode, Windows1252Declared) {
  auto d = DecodeToUtf8("Pakistan\x92s caf\xe9", "windows-1252");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->text, "Pakistan’s café");
  EXPECT_EQ(d->map.ToOriginal({8, 11}), (Span{8, 9}));
}

TEST(Decode, LatinOneLabelIsReadAsWindows1252) {
  auto d = DecodeToUtf8("it\x92s", "ISO-8859-1");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->text, "it’s");
}

TEST(Decode, UndeclaredLegacyBytesAreGuessed) {
  auto d = DecodeToUtf8("The minister\x92s office said the talks were \x93productive\x94.");
  ASSERT_TRUE(d.ok());
  EXPECT_NE(d->text.find("“productive”"), std::string::npos) << d->text;
}

TEST(Decode, BrokenUtf8IsAnErrorWithItsOffset) {
  auto d = DecodeToUtf8("Islamabad – talks \xC3 ended");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), Code::kEncoding);
  EXPECT_EQ(d.status().offset(), 20u);
}

TEST(Decode, BinaryIsRefused) {
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  auto d = DecodeToUtf8(png);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), Code::kBinary);
}

}  // namespace
}  // namespace sitrep
