#include <zlib.h>

#include <string>

#include <gtest/gtest.h>

#include "ingest/containers.h"

namespace sitrep {
namespace {

// One gzip member holding `data`, made with zlib's own deflate (16 + window bits asks
// for a gzip header and trailer).
std::string GzipMember(std::string_view data) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, data.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// Text that compresses but is not one repeated byte, larger than one 64 KiB output chunk.
std::string SampleText(size_t size) {
  std::string text;
  for (int i = 0; text.size() < size; ++i) {
    text += "Paragraph " + std::to_string(i) + ": the minister said on Monday that talks would go on.\n";
  }
  text.resize(size);
  return text;
}

TEST(GzipTest, LooksGzipChecksTheMagic) {
  EXPECT_TRUE(LooksGzip(GzipMember("x")));
  EXPECT_TRUE(LooksGzip("\x1f\x8b"));
  EXPECT_FALSE(LooksGzip("\x1f"));
  EXPECT_FALSE(LooksGzip(""));
  EXPECT_FALSE(LooksGzip("<html>"));
}

TEST(GzipTest, RoundTripsOneMember) {
  std::string text = SampleText(300 * 1024);
  Result<std::string> out = Gunzip(GzipMember(text), 1 << 30);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, text);
}

TEST(GzipTest, ConcatenatesAllMembers) {
  std::string stream = GzipMember("first member, ") + GzipMember("") + GzipMember("third member");
  Result<std::string> out = Gunzip(stream, 1000);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, "first member, third member");
}

TEST(GzipTest, EveryCutIsTruncatedAtTheCutUnlessItFallsBetweenMembers) {
  std::string first = GzipMember("alpha beta gamma");
  std::string stream = first + GzipMember("delta epsilon");
  for (size_t cut = 1; cut < stream.size(); ++cut) {
    SCOPED_TRACE("cut at " + std::to_string(cut));
    Result<std::string> out = Gunzip(std::string_view(stream).substr(0, cut), 1000);
    if (cut == first.size()) {
      ASSERT_TRUE(out.ok()) << out.status().ToString();
      EXPECT_EQ(*out, "alpha beta gamma");
      continue;
    }
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.status().code(), Code::kTruncated);
    EXPECT_EQ(out.status().offset(), cut);
    EXPECT_NE(out.status().message().find("ends before its end"), std::string::npos)
        << out.status().message();
  }
}

TEST(GzipTest, TruncationNamesTheMemberThatWasCut) {
  std::string first = GzipMember("alpha");
  std::string second = GzipMember(SampleText(5000));
  std::string stream = first + second.substr(0, second.size() / 2);
  Result<std::string> out = Gunzip(stream, 1 << 20);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), Code::kTruncated);
  EXPECT_EQ(out.status().offset(), stream.size());
  EXPECT_NE(out.status().message().find("starting at byte " + std::to_string(first.size())),
            std::string::npos)
      << out.status().message();
}

TEST(GzipTest, CorruptHeaderIsAParseError) {
  std::string stream = GzipMember("some text");
  stream[2] = 7;  // compression method: only 8 (deflate) exists
  Result<std::string> out = Gunzip(stream, 1000);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), Code::kParse);
  ASSERT_TRUE(out.status().offset().has_value());
  EXPECT_LE(*out.status().offset(), 10u);
}

TEST(GzipTest, CorruptChecksumIsAParseErrorNearTheEnd) {
  std::string stream = GzipMember("some text that is checked by its CRC");
  stream[stream.size() - 6] ^= 0x55;  // inside the CRC-32 of the trailer
  Result<std::string> out = Gunzip(stream, 1000);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), Code::kParse);
  EXPECT_NE(out.status().message().find("corrupt"), std::string::npos);
  ASSERT_TRUE(out.status().offset().has_value());
  EXPECT_GE(*out.status().offset(), stream.size() - 8);
}

TEST(GzipTest, FlippedBytesNeverCrash) {
  std::string good = GzipMember(SampleText(3000));
  for (size_t i = 0; i < good.size(); ++i) {
    std::string bad = good;
    bad[i] ^= static_cast<char>(0x5a);
    Result<std::string> out = Gunzip(bad, 1 << 20);
    if (!out.ok()) {
      EXPECT_NE(out.status().code(), Code::kInternal) << out.status().ToString();
    }
  }
}

TEST(GzipTest, OutputOverTheLimitIsTooLarge) {
  std::string text = SampleText(100000);
  std::string stream = GzipMember(text);
  Result<std::string> out = Gunzip(stream, text.size() - 1);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), Code::kTooLarge);
  EXPECT_TRUE(Gunzip(stream, text.size()).ok());
}

TEST(GzipTest, LimitCountsAllMembers) {
  std::string stream = GzipMember("12345") + GzipMember("67890");
  EXPECT_TRUE(Gunzip(stream, 10).ok());
  Result<std::string> out = Gunzip(stream, 9);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), Code::kTooLarge);
}

TEST(GzipTest, GarbageAfterTheLastMemberIsAParseErrorButZeroPaddingIsNot) {
  std::string member = GzipMember("text");
  Result<std::string> padded = Gunzip(member + std::string(512, '\0'), 100);
  ASSERT_TRUE(padded.ok()) << padded.status().ToString();
  EXPECT_EQ(*padded, "text");

  Result<std::string> junk = Gunzip(member + "junk", 100);
  ASSERT_FALSE(junk.ok());
  EXPECT_EQ(junk.status().code(), Code::kParse);
  EXPECT_EQ(junk.status().offset(), member.size());
}

TEST(GzipTest, EmptyAndNonGzipInputsFail) {
  Result<std::string> empty = Gunzip("", 100);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), Code::kTruncated);

  Result<std::string> plain = Gunzip("just some words, not compressed", 100);
  ASSERT_FALSE(plain.ok());
  EXPECT_EQ(plain.status().code(), Code::kParse);
  ASSERT_TRUE(plain.status().offset().has_value());
  EXPECT_LE(*plain.status().offset(), 2u);  // zlib reads the two header bytes before it objects
}

TEST(GzipTest, InflateMemberReportsWhereTheNextMemberStarts) {
  std::string first = GzipMember("one");
  std::string stream = first + GzipMember("two");
  std::string seen;
  auto collect = [&](std::string_view piece) {
    seen.append(piece);
    return true;
  };
  Result<MemberEnd> end = InflateGzipMember(stream, 0, collect);
  ASSERT_TRUE(end.ok());
  EXPECT_EQ(end->end, first.size());
  EXPECT_FALSE(end->stopped);
  end = InflateGzipMember(stream, first.size(), collect);
  ASSERT_TRUE(end.ok());
  EXPECT_EQ(end->end, stream.size());
  EXPECT_EQ(seen, "onetwo");
}

}  // namespace
}  // namespace sitrep
