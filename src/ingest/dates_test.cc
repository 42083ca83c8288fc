#include "ingest/dates.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(ParseDate, Iso8601WithOffset) {
  auto d = ParseDate("2024-09-16T19:30:00+05:00");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->iso, "2024-09-16T19:30:00");
  EXPECT_EQ(d->precision, DateTime::Precision::kSecond);
  EXPECT_EQ(d->utc_offset_minutes, 300);
}

TEST(ParseDate, IsoDayAndZulu) {
  EXPECT_EQ(ParseDate("2024-05-13")->iso, "2024-05-13");
  EXPECT_EQ(ParseDate("2024-05-13T08:00Z")->utc_offset_minutes, 0);
  EXPECT_EQ(ParseDate("2024-05-13T08:00:00.000Z")->iso, "2024-05-13T08:00:00");
}

TEST(ParseDate, Rfc2822) {
  auto d = ParseDate("Mon, 16 Sep 2024 14:30:00 GMT");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->iso, "2024-09-16T14:30:00");
  EXPECT_EQ(d->utc_offset_minutes, 0);
}

TEST(ParseDate, ProseForms) {
  EXPECT_EQ(ParseDate("September 17, 2024")->iso, "2024-09-17");
  EXPECT_EQ(ParseDate("17 September 2024")->iso, "2024-09-17");
  EXPECT_EQ(ParseDate("Sep. 17, 2024, 5:50 p.m.")->iso, "2024-09-17T17:50");
  EXPECT_EQ(ParseDate("September 17, 2024 12:10 AM")->iso, "2024-09-17T00:10");
}

TEST(ParseDate, RejectsImpossibleDates) {
  EXPECT_FALSE(ParseDate("2024-02-30"));
  EXPECT_FALSE(ParseDate("September 31, 2024"));
  EXPECT_FALSE(ParseDate("September 17, 2024 13:10 PM"));
  EXPECT_FALSE(ParseDate("yesterday"));
  EXPECT_FALSE(ParseDate(""));
}

TEST(FindDateInText, GluedByline) {
  std::string line = "Web DeskSeptember 17, 2024 05:50 PMpolitics";
  auto found = FindDateInText(line);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->date.iso, "2024-09-17T17:50");
  EXPECT_EQ(found->date.precision, DateTime::Precision::kMinute);
  EXPECT_EQ(line.substr(found->begin, found->end - found->begin), "September 17, 2024 05:50 PM");
}

TEST(FindDateInText, ZoneAfterTime) {
  auto found = FindDateInText("By Sara Malik | Indus Evening Post | September 17, 2024 18:05 PKT");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->date.iso, "2024-09-17T18:05");
  EXPECT_EQ(found->date.utc_offset_minutes, 300);
}

TEST(FindDateInText, MonthInsideAWordIsNotADate) {
  EXPECT_FALSE(FindDateInText("The Mayor 5, 2020 plan"));
  EXPECT_FALSE(FindDateInText("no date here at all"));
}

}  // namespace
}  // namespace sitrep
