// Time expressions: recognition, resolution against a stated DCT, tense, underspecified
// values without a DCT and bad input (the seed corpus's dates: tests/seeds_annotations_test.cc).
#include "annotate/timex.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "annotate/paragraphs.h"
#include "annotate/timex_stage.h"
#include "annotate/token_stage.h"

namespace sitrep {
namespace {

Doc Tokenized(const std::string& text, const std::string& dct) {
  Metadata meta;
  if (!dct.empty()) meta.published = DateTime{dct, DateTime::Precision::kDay, std::nullopt, "test"};
  Doc doc(Origin{"test.txt", 0, "text"}, text, text, OffsetMap::Identity(static_cast<uint32_t>(text.size())), meta);
  EXPECT_TRUE(ParagraphStage().Process(doc).ok());
  EXPECT_TRUE(TokenStage().Process(doc).ok());
  return doc;
}

struct Found {
  std::string text, type, value, attrs;
};

std::vector<Found> Annotate(const std::string& text, const std::string& dct = "") {
  Doc doc = Tokenized(text, dct);
  EXPECT_TRUE(TimexStage().Process(doc).ok());
  std::vector<Found> out;
  for (const Annotation& a : *doc.Layer("timex")) {
    std::string attrs = a.attrs;
    size_t v = attrs.find("\"value\":\"") + 9;
    out.push_back({std::string(doc.Slice(a.span)), a.label, attrs.substr(v, attrs.find('"', v) - v), attrs});
  }
  return out;
}

// The value of the one timex whose text is `words`, or "<none>".
std::string ValueOf(const std::vector<Found>& found, const std::string& words) {
  for (const Found& f : found)
    if (f.text == words) return f.value;
  return "<none>";
}

struct Case {
  const char* sentence;
  const char* dct;
  const char* timex;
  const char* value;
};

// Written for these tests. DCT 2024-09-17 is a Tuesday.
const Case kCases[] = {
    {"The minister arrived in the capital on Monday.", "2024-09-17", "Monday", "2024-09-16"},
    {"The talks will resume on Monday.", "2024-09-17", "Monday", "2024-09-23"},
    {"Officials said the port reopened on Friday.", "2024-09-17", "Friday", "2024-09-13"},
    {"The caucus will be held in Geneva on April 30.", "2024-09-17", "April 30", "2025-04-30"},
    {"The flood struck the valley on August 26.", "2024-09-17", "August 26", "2024-08-26"},
    {"Exports fell last year.", "2024-09-17", "last year", "2023"},
    {"Prices rose earlier this month.", "2024-09-17", "this month", "2024-09"},
    {"The cabinet approved the budget in June.", "2024-09-17", "June", "2024-06"},
    {"The envoy spoke in January this year.", "2024-09-17", "January this year", "2024-01"},
    {"The visit is planned for this week.", "2024-09-17", "this week", "2024-W38"},
    {"Rainfall has doubled since 2021.", "2024-09-17", "2021", "2021"},
    {"The accord was signed in February 2020 in Doha.", "2024-09-17", "February 2020", "2020-02"},
    {"It began after the September 11, 2001, attacks.", "2024-09-17", "September 11, 2001", "2001-09-11"},
    {"The statement came at 05:50 PM.", "2024-09-17", "05:50 PM", "2024-09-17T17:50"},
    {"The hearing lasted three days.", "2024-09-17", "three days", "P3D"},
    {"Sales grew in the third quarter.", "2024-10-20", "the third quarter", "2024-Q3"},
    {"She left two weeks ago.", "2024-09-17", "two weeks ago", "2024-09-03"},
    {"They met yesterday.", "2024-09-17", "yesterday", "2024-09-16"},
    {"The index is published daily.", "2024-09-17", "daily", "P1D"},
    {"The court meets every Monday.", "2024-09-17", "every Monday", "XXXX-WXX-1"},
    {"Growth slowed in the 1990s.", "2024-09-17", "the 1990s", "199"},
    {"He has served for nearly two years.", "2024-09-17", "nearly two years", "P2Y"},
    {"The plant shut down for a 30-day overhaul.", "2024-09-17", "30-day", "P30D"},
    {"Officials are now reviewing the case.", "2024-09-17", "now", "PRESENT_REF"},
    {"Prices climbed over the past two months.", "2024-09-17", "the past two months", "P2M"},
    {"The council was elected for the 2025-2026 term.", "2024-09-17", "2025-2026", "2025"},
    {"Turnout was low last November.", "2024-09-17", "last November", "2023-11"},
    {"The storm hit on 17 September 2024.", "", "17 September 2024", "2024-09-17"},
    // A plan stated before the date points ahead even in the past tense; one stated after
    // it dates the planning.
    {"The team planned to leave Nairobi on Thursday.", "2024-09-17", "Thursday", "2024-09-19"},
    {"The talks were scheduled to resume Friday.", "2024-09-17", "Friday", "2024-09-20"},
    {"On Friday, the government planned to pay the first claims.", "2024-09-17", "Friday", "2024-09-13"},
    {"The court will rule on Tuesday.", "2024-09-17", "Tuesday", "2024-09-17"},
    {"The ruling is expected this Friday.", "2024-09-17", "this Friday", "2024-09-20"},
    {"The minister says Thursday the vote is fair.", "2024-09-17", "Thursday", "2024-09-12"},
    // No tense cue: a month well after the DCT's is last year's.
    {"The index hit a record in December.", "2024-02-06", "December", "2023-12"},
    {"Profit rose in this year's third quarter.", "2024-11-01", "this year's third quarter", "2024-Q3"},
    {"Profit rose from last year's quarter.", "2024-11-01", "last year's quarter", "2023-Q3"},
    {"Sales were weak this past spring.", "2024-09-17", "this past spring", "2024-SP"},
    {"Sales were weak last spring.", "2024-09-17", "last spring", "2023-SP"},
    {"She will spend 5 1/2 hours in Nairobi.", "2024-09-17", "5 1/2 hours", "PT5H30M"},
    {"He gave his weekly radio address.", "2024-09-17", "weekly", "P1W"},
    {"The plane leaves at 4 in the morning.", "2024-09-17", "4 in the morning", "2024-09-17T04:00"},
    {"Shares closed at 20 on Sept. 13, down from the previous Friday.", "2024-09-17", "the previous Friday",
     "2024-09-06"},
    {"Prices rose after last Thanksgiving.", "2024-09-17", "last Thanksgiving", "2023-11-23"},
    {"Stores will close on Thanksgiving Day.", "2024-09-17", "Thanksgiving Day", "2024-11-28"},
    {"Crowds gathered on Memorial Day.", "2024-09-17", "Memorial Day", "2024-05-27"},
    // Easter moves with the moon: computed for the year the tense points to.
    {"Protesters prayed as Easter week began.", "2000-04-17", "Easter week", "2000-W16"},
    {"Shops will close on Good Friday.", "1998-03-04", "Good Friday", "1998-04-10"},
    {"Churches were full on Easter Sunday.", "1999-04-06", "Easter Sunday", "1999-04-04"},
    {"The truce was signed at Easter.", "1998-11-20", "Easter", "1998-04-12"},
    {"The rally was held on Sept. 3 and the vote the next day.", "2024-09-17", "the next day", "2024-09-04"},
    {"The vote came the next day.", "2024-09-17", "the next day", "XXXX-XX-XX"},
    {"A hearing is set for the week of Oct. 7.", "2024-09-17", "the week of Oct. 7", "2024-W41"},
    {"The accord was signed on 2023-12-25 in Paris.", "2024-09-17", "2023-12-25", "2023-12-25"},
    {"Growth was slow in the mid-1980s.", "2024-09-17", "the mid-1980s", "198"},
    {"Sales fell in Q3 2023.", "2024-09-17", "Q3 2023", "2023-Q3"},
    {"It rained between June and August 2021.", "2024-09-17", "June", "2021-06"},
    // "due" after "is" states a schedule.
    {"He is due in court Friday.", "2024-09-17", "Friday", "2024-09-20"},
    {"The ban will be lifted next Tuesday.", "2024-09-17", "next Tuesday", "2024-09-24"},
    {"The show airs Sundays.", "2024-09-17", "Sundays", "XXXX-WXX-7"},
    // "the morning", "overnight": the day the narrative is at, not the DCT.
    {"Shares fell Friday. Buy orders came in the morning.", "2024-09-17", "the morning", "2024-09-13TMO"},
    {"Shares fell Friday after overnight losses.", "2024-09-17", "overnight", "2024-09-12TNI"},
    {"The plant reopened the next morning.", "2024-09-17", "the next morning", "XXXX-XX-XX"},
    // "a year earlier" keeps the granularity of the date it counts from.
    {"Inflation was 2% in January and 3% a year earlier.", "2024-09-17", "a year earlier", "2023-01"},
    {"Results for the year ended June 30 were weak.", "2024-09-17", "the year", "P1Y"},
    {"The strike could last two weeks.", "2024-09-17", "two weeks", "P2W"},
    {"Prices rose over the years.", "2024-09-17", "the years", "PXY"},
    {"The talks lasted a half hour.", "2024-09-17", "a half hour", "PT30M"},
    {"Profit rose by the end of the month.", "2024-09-17", "the end of the month", "2024-09"},
    {"The weeklong strike ended.", "2024-09-17", "weeklong", "P1W"},
    {"Net rose in the third quarter from the same period last year.", "2024-11-01",
     "the same period last year", "2023-Q3"},
    {"Yields fell in the latest week.", "2024-09-17", "the latest week", "2024-W37"},
    // A present tense says nothing of the year: a month well after the DCT's is last year's;
    // "this November" stays this year's.
    {"The suspect is wanted for a shooting in November.", "1999-05-06", "November", "1998-11"},
    {"The election is this November.", "1999-05-06", "this November", "1999-11"},
    // ... but a date that "is" states is a schedule.
    {"The election is in November.", "1999-05-06", "November", "1999-11"},
    {"The vote is Friday.", "1998-08-19", "Friday", "1998-08-21"},
    // A limit is the nearest such month, whatever the tense of the verb.
    {"The bank extended the credit line through January.", "1989-10-30", "January", "1990-01"},
    {"Sales rose from January through March.", "1989-10-30", "March", "1989-03"},  // a range's end
    // Inside a quotation the attribution after it does not set the tense.
    {"\"The father will leave for the United States with his wife and son at 4 a.m. Thursday,\" Castro said.",
     "2000-04-05", "4 a.m. Thursday", "2000-04-06T04:00"},
    // Nor does a trailing attribution after a comma.
    {"The agency plans to release the report Thursday, a spokesman said.", "1998-08-19", "Thursday", "1998-08-20"},
    {"Officials expect the talks to resume Friday.", "1998-08-19", "Friday", "1998-08-21"},
    // "the year", "the full year": the year of writing.
    {"Sales for the full year will rise.", "1989-10-30", "the full year", "1989"},
    {"Profit rose in the first nine months of the year.", "1989-10-30", "the year", "1989"},
    {"Profit fell from the year-earlier nine months.", "1989-10-30", "the year-earlier nine months", "P9M"},
    // Quarters and halves of a year named with them.
    {"Sales will rise in the first quarter of next year.", "1989-11-01", "the first quarter of next year", "1990-Q1"},
    {"Sales fell in the second half of last year.", "1989-11-01", "the second half of last year", "1988-H2"},
    {"Profit in 1988's fourth quarter fell.", "1989-11-01", "1988's fourth quarter", "1988-Q4"},
    // A clock time told in the past is on the day the narrative is at.
    {"The suspect fled on Sept. 3. He was seen at 10 p.m. near the border.", "2024-09-17", "10 p.m.",
     "2024-09-03T22:00"},
    {"The shop opens at 10 p.m. for the sale.", "2024-09-17", "10 p.m.", "2024-09-17T22:00"},
    {"Profits will suffer in the short term.", "2024-09-17", "the short term", "FUTURE_REF"},
    {"He knows the challenges of the near term.", "2024-09-17", "the near term", "FUTURE_REF"},
    // ... but not on a day the text names ahead of the DCT.
    {"The minister will visit on Sept. 20. He was briefed at 6 a.m. by aides.", "2024-09-17", "6 a.m.",
     "2024-09-17T06:00"},
    // A weekday's possessive names what happened, unless its own verb looks ahead.
    {"Friday's meeting was canceled.", "1998-08-19", "Friday", "1998-08-14"},
    {"Friday's meeting will be held in Paris.", "1998-08-19", "Friday", "1998-08-21"},
    {"He has until Friday to respond.", "1998-08-19", "Friday", "1998-08-21"},
    {"Third-quarter 1989 profit fell.", "1989-10-30", "Third-quarter 1989", "1989-Q3"},
    {"The post-1959 exodus split families.", "2000-02-24", "post-1959", "1959"},
    // "the quarter" is the quarter the report names (a fiscal one here); a quarter named
    // later for contrast, or one not yet over, does not replace it.
    {"Profit rose in the fiscal first quarter. Traffic jumped 14% in the quarter.", "1989-10-26", "the quarter",
     "1989-Q1"},
    {"Net rose in the third quarter. After a flat second quarter, sales grew. Net was up from the 1988 period.",
     "1989-11-01", "the 1988 period", "1988-Q3"},
    {"Net rose in the third quarter. A fourth-quarter charge will follow. Net was up from the 1988 period.",
     "1989-11-02", "the 1988 period", "1988-Q3"},
    {"Analysts say the firm will one day be the biggest.", "1998-03-03", "one day", "FUTURE_REF"},
    {"A week from today, voters decide.", "1998-01-15", "A week from today", "1998-01-22"},
    // After a report on several months, the comparison is with that stretch of another year.
    {"Net rose in the third quarter. In the first nine months, net was $306 million, against a loss in the 1988 "
     "period.", "1989-11-02", "the 1988 period", "1988"},
    {"Net rose in the third quarter. For the nine months, net rose 5% from a year earlier.", "1989-11-02",
     "a year earlier", "1988"},
    // Stretches of unstated length, and the first count of a range.
    {"Prices may fall in the weeks ahead.", "1989-10-30", "the weeks ahead", "PXW"},
    {"Many prisoners were taken in the first hours of the war.", "1991-02-25", "the first hours", "PTXH"},
    {"Recovery takes two to six days.", "1998-03-31", "two", "P2D"},
    {"Recovery takes two to six days.", "1998-03-31", "six days", "P6D"},
    // A day that closes a named quarter ("the third quarter ended Sept. 30") is not what a
    // later comparison counts from: "a year earlier" is that quarter a year before.
    {"Net rose 5% for the third quarter ended Sept. 30, up from $4 million a year earlier.", "1989-11-01",
     "a year earlier", "1988-Q3"},
    // ... while the end of a period the text does not name, or any other day, still is.
    {"Net rose for the six months ended Aug. 12, up from a loss a year earlier.", "1989-11-01",
     "a year earlier", "1988-08-12"},
    {"The plant closed on Sept. 30, and it had closed a year earlier too.", "1989-11-01", "a year earlier",
     "1988-09-30"},
    // "this quarter" in a report on the quarter just ended is that quarter when it is over
    // ("this quarter's loss", a past tense); ahead of the writer it is the DCT's.
    {"Net fell in the third quarter. This quarter's loss includes charges.", "1989-11-01", "This quarter",
     "1989-Q3"},
    {"Net fell in the third quarter. Sales fell sharply this quarter.", "1989-11-01", "this quarter", "1989-Q3"},
    {"Net fell in the third quarter. The company will post a profit this quarter.", "1989-11-01", "this quarter",
     "1989-Q4"},
    {"Net fell in the third quarter. Analysts see a profit in the current quarter.", "1989-11-01",
     "the current quarter", "1989-Q4"},
    // "mid afternoon", "late afternoon": a part of the day the narrative is at.
    {"Gunfire was heard in mid afternoon.", "1998-03-06", "mid afternoon", "1998-03-06TAF"},
    {"Police fired on the crowd Tuesday. The shooting stopped in the late afternoon.", "1998-03-06",
     "the late afternoon", "1998-03-03TAF"},
    {"Shelling resumed at mid-morning.", "1998-03-06", "mid-morning", "1998-03-06TMO"},
    // The tense of the timex's own clause: a cue after "and", "which", ... only when the
    // clause has none.
    {"The rebels took the town Monday and will hold it until Friday.", "1998-03-04", "Monday", "1998-03-02"},
    {"Monday and Tuesday will be holidays.", "1998-03-04", "Monday", "1998-03-09"},
    // "the same day", "the day before": from the last day the narrative named.
    {"The stock closed at $5 yesterday, up from $4 the day before.", "1989-11-01", "the day before", "1989-10-30"},
    {"Rebels attacked on Sept. 3, and the army struck back the same day.", "2024-09-17", "the same day",
     "2024-09-03"},
    // Weekly and monthly figures: the week a figure covers, the month it is compared with.
    {"The rate was 5% in the week ended Oct. 27.", "1989-11-01", "the week ended Oct. 27", "1989-W43"},
    {"The rate was 5% in the week ended Friday.", "1989-11-01", "the week ended Friday", "1989-W43"},
    {"Sales in September rose 5% from the year-earlier month.", "1989-11-01", "the year-earlier month", "1988-09"},
    {"Sales in September rose 5% from the same month last year.", "1989-11-01", "the same month last year",
     "1988-09"},
    // "were planning" looks ahead even after the date (in the date's own clause: after
    // "held a march on Saturday and", "held" dates the march, above).
    {"Protesters on Saturday were planning to drive around the airport.", "2000-01-07", "Saturday", "2000-01-08"},
    {"Protesters planned a march on Saturday and were planning to drive around the airport.", "2000-01-07",
     "Saturday", "2000-01-08"},
};

TEST(TimexTest, ResolvesAgainstStatedDct) {
  for (const Case& c : kCases) {
    auto found = Annotate(c.sentence, c.dct);
    EXPECT_EQ(ValueOf(found, c.timex), c.value) << c.sentence;
  }
}

TEST(TimexTest, TheYearBeforeIsNotTheCurrentYear) {
  EXPECT_EQ(ValueOf(Annotate("He had left the year before.", "1989-10-30"), "the year"), "<none>");
  EXPECT_EQ(ValueOf(Annotate("It began in the year 1990.", "1989-10-30"), "the year"), "<none>");
}

TEST(TimexTest, TheEarlyHoursOfANamedDayAreNotAStretch) {
  auto found = Annotate("Police arrested him in the early hours of Thursday morning.", "1999-10-08");
  EXPECT_EQ(ValueOf(found, "the early hours"), "<none>");
  EXPECT_EQ(ValueOf(found, "Thursday morning"), "1999-10-07");
}

TEST(TimexTest, ShowTitlesAreNotTimes) {
  auto found = Annotate("Gonzalez said on CBS's \"60 Minutes\" that he would stay, and on ABC's \"This Week\" too.",
                        "2000-04-17");
  EXPECT_EQ(ValueOf(found, "60 Minutes"), "<none>");
  EXPECT_EQ(ValueOf(found, "This Week"), "<none>");
  EXPECT_EQ(ValueOf(Annotate("The talks lasted 60 minutes.", "2000-04-17"), "60 minutes"), "PT60M");
}

TEST(TimexTest, TodayInANameIsNotADate) {
  EXPECT_EQ(ValueOf(Annotate("This is VOA Today.", "1998-03-31"), "Today"), "<none>");
  EXPECT_EQ(ValueOf(Annotate("The poll was published by USA Today on Monday.", "1998-03-31"), "Today"), "<none>");
  EXPECT_EQ(ValueOf(Annotate("Today the army attacked.", "1998-03-31"), "Today"), "1998-03-31");
  EXPECT_EQ(ValueOf(Annotate("In Rome, Today the pope spoke.", "1998-03-31"), "Today"), "1998-03-31");
}

TEST(TimexTest, ThenCurrentIsThePast) {
  auto found = Annotate("The bonds were valued at the then current market price.", "1989-10-26");
  EXPECT_EQ(ValueOf(found, "then current"), "PAST_REF");
  EXPECT_EQ(ValueOf(Annotate("He sold at the then-current price.", "1989-10-26"), "then-current"), "PAST_REF");
  EXPECT_EQ(ValueOf(Annotate("He sold at current market prices.", "1989-10-26"), "current"), "PRESENT_REF");
}

TEST(TimexTest, TheDayBeforeAnEventIsNotADay) {
  EXPECT_EQ(ValueOf(Annotate("He arrived on Sept. 3, the day before the vote.", "2024-09-17"), "the day before"),
            "<none>");
}

TEST(TimexTest, EasterIslandIsAPlace) {
  EXPECT_TRUE(Annotate("The ship reached Easter Island.", "1998-03-04").empty());
}

TEST(TimexTest, QuarterToQuarterIsNotAQuarter) {
  EXPECT_TRUE(Annotate("The quarter-to-quarter comparison improved.", "1989-11-01").empty());
}

TEST(TimexTest, TypesFollowTimeml) {
  auto found = Annotate("The strike lasted five hours on Tuesday and resumes weekly at 10 p.m.", "2024-09-17");
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].type, "DURATION");
  EXPECT_EQ(found[1].type, "DATE");
  EXPECT_EQ(found[2].type, "SET");
  EXPECT_EQ(found[3].type, "TIME");
}

TEST(TimexTest, SpanLeavesOutPrepositions) {
  auto found = Annotate("The board met on Monday and again since June.", "2024-09-17");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].text, "Monday");
  EXPECT_EQ(found[1].text, "June");
  EXPECT_NE(found[1].attrs.find("\"range\":true"), std::string::npos);
  EXPECT_NE(found[1].attrs.find("on_or_after"), std::string::npos);
}

TEST(TimexTest, UnknownDctLeavesValuesOpen) {
  auto found = Annotate("The mayor said on Monday that the August 26 flood was the worst last year.");
  EXPECT_EQ(ValueOf(found, "Monday"), "XXXX-WXX-1");
  EXPECT_EQ(ValueOf(found, "August 26"), "XXXX-08-26");
  EXPECT_EQ(ValueOf(found, "last year"), "XXXX");
  for (const Found& f : found) EXPECT_NE(f.attrs.find("\"anchor\":\"none\""), std::string::npos) << f.text;
  auto more = Annotate("Sales for the full year and the first quarter of next year will rise through January. "
                       "The suspect is wanted for a shooting in November.");
  EXPECT_EQ(ValueOf(more, "the full year"), "XXXX");
  EXPECT_EQ(ValueOf(more, "the first quarter of next year"), "XXXX-Q1");
  EXPECT_EQ(ValueOf(more, "January"), "XXXX-01");
  EXPECT_EQ(ValueOf(more, "November"), "XXXX-11");
}

TEST(TimexTest, DirectionComesFromTense) {
  auto past = Annotate("The minister said on Thursday that talks had stalled.", "2024-09-17");
  auto future = Annotate("The minister will travel on Thursday.", "2024-09-17");
  EXPECT_EQ(ValueOf(past, "Thursday"), "2024-09-12");
  EXPECT_EQ(ValueOf(future, "Thursday"), "2024-09-19");
  EXPECT_NE(past[0].attrs.find("\"direction\":\"past\""), std::string::npos);
  EXPECT_NE(future[0].attrs.find("\"direction\":\"future\""), std::string::npos);
}

TEST(TimexTest, GranularityAndApproximation) {
  auto found = Annotate("Output rose last week and about five years ago.", "2024-09-17");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_NE(found[0].attrs.find("\"granularity\":\"week\""), std::string::npos);
  EXPECT_NE(found[1].attrs.find("\"mod\":\"approx\""), std::string::npos);
  EXPECT_EQ(found[1].value, "2019");
}

TEST(TimexTest, ImpossibleDateIsFlaggedNotInvented) {
  auto found = Annotate("The vote will be held on February 30.", "2024-09-17");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "2025-02-XX");
  EXPECT_NE(found[0].attrs.find("impossible date"), std::string::npos);
}

TEST(TimexTest, ImpossibleIsoDateIsFlaggedNotInvented) {
  auto found = Annotate("Filed on 2023-02-30 and on 2023-13-01.", "2024-09-17");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "2023-02-XX");
  EXPECT_NE(found[0].attrs.find("impossible date"), std::string::npos);
}

TEST(TimexTest, TwoDigitYearIsFlagged) {
  auto found = Annotate("The deal closed on Sept. 17, '98 after talks.", "2024-09-17");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].value, "XXXX-09-17");
  EXPECT_NE(found[0].attrs.find("two-digit year"), std::string::npos);
  auto slashed = Annotate("Filed 09/17/98 by the clerk.", "2024-09-17");
  ASSERT_EQ(slashed.size(), 1u);
  EXPECT_NE(slashed[0].attrs.find("two-digit year"), std::string::npos);
}

TEST(TimexTest, OtherCalendarsAndScriptsAreFlagged) {
  auto hijri = Annotate("Fasting begins on 1 Ramadan 1446 this year.", "2024-09-17");
  ASSERT_FALSE(hijri.empty());
  EXPECT_EQ(hijri[0].value, "");
  EXPECT_NE(hijri[0].attrs.find("Hijri"), std::string::npos);
  auto digits = Annotate("The law of \xD9\xA2\xD9\xA0\xD9\xA2\xD9\xA4 was repealed.", "2024-09-17");
  ASSERT_EQ(digits.size(), 1u);
  EXPECT_EQ(digits[0].value, "");
  EXPECT_NE(digits[0].attrs.find("non-Latin digits"), std::string::npos);
}

TEST(TimexTest, HugeNumbersDoNotCrash) {
  auto found = Annotate("It took 1234567890123456789012345678901234567890 days and 99999999999999 years.",
                        "2024-09-17");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].value, "PXD");
  EXPECT_NE(found[0].attrs.find("too large"), std::string::npos);
}

TEST(TimexTest, ByteSoupDoesNotCrash) {
  std::string text;
  for (int i = 0; i < 4000; ++i) text.push_back(static_cast<char>((i * 7919) % 256));
  text += " May 99, 0000 - 9999 -- 12:99 PM the the last of 31/31/31 every";
  Annotate(text, "2024-09-17");
  Annotate(text);
}

TEST(TimexTest, CalendarArithmetic) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(CivilFromDays(DaysFromCivil(2024, 2, 29)), (CivilTime{2024, 2, 29}));
  EXPECT_EQ(DaysInMonth(2023, 2), 28);
  EXPECT_EQ(DaysInMonth(2000, 2), 29);
}

}  // namespace
}  // namespace sitrep
