#include "sitrep/status.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(Status, OkByDefault) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "ok");
}

TEST(Status, NamesFileAndOffset) {
  Status s = Status(Code::kParse, "not JSON").At("feed.jsonl", 120);
  EXPECT_EQ(s.ToString(), "feed.jsonl:byte 120: parse: not JSON");
  EXPECT_EQ(Status(Code::kEmpty, "no text").ToString(), "empty: no text");
}

TEST(Status, InFileKeepsAKnownFile) {
  Status s = Status(Code::kIo, "x").At("a.txt", 3);
  Status t = std::move(s).InFile("b.txt");
  EXPECT_EQ(t.file(), "a.txt");
}

TEST(Result, HoldsValueOrStatus) {
  Result<int> good = 7;
  Result<int> bad = Status(Code::kNotFound, "gone");
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 7);
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Code::kNotFound);
}

}  // namespace
}  // namespace sitrep
