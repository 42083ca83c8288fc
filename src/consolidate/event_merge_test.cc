// Unit tests of event merging: granularity tolerance, actor and story separation,
// GDELT-style counts, casualty figures side by side, and order independence.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "consolidate/event_merge.h"

namespace sitrep {
namespace {

CodedMention Mention(int doc, const std::string& outlet, const std::string& type, const std::string& source,
                     const std::string& target, const std::string& date, int story = 0) {
  CodedMention m;
  m.doc = doc;
  m.doc_key = "doc" + std::to_string(doc);
  m.outlet = outlet;
  m.type = type, m.source = source, m.target = target, m.date = date, m.story = story;
  m.trigger = {static_cast<uint32_t>(doc * 10), static_cast<uint32_t>(doc * 10 + 4)};
  return m;
}

// The merged events as sets of document numbers, independent of indexes and order.
std::set<std::set<int>> Partition(const std::vector<CodedMention>& mentions, const std::vector<MergedEvent>& events) {
  std::set<std::set<int>> out;
  for (const MergedEvent& e : events) {
    std::set<int> docs;
    for (int m : e.mentions) docs.insert(mentions[m].doc);
    out.insert(docs);
  }
  return out;
}

std::vector<CodedMention> Meetings() {
  return {
      Mention(0, "Dawn", "CONSULT", "PAKGOV", "USAGOV", "2024-09-16"),
      Mention(1, "Geo", "CONSULT", "PAKGOV", "USAGOV", "2024-09"),        // coarser: same event
      Mention(2, "Wire", "CONSULT", "PAKGOV", "USAGOV", "2024-09-17"),    // DCT-dated, a day off
      Mention(3, "Wire", "CONSULT", "PAKGOV", "USAGOV", "2024-10-20"),    // a month later: another
      Mention(4, "Dawn", "ACCUSE", "USAGOV", "PAKGOV", "2024-09-16"),     // another type: apart
      Mention(5, "Dawn", "CONSULT", "PAKGOV", "USAGOV", "2024-09-16", 1), // another story: apart
  };
}

TEST(EventMerge, MergesCompatibleDatesAndKeepsOthersApart) {
  auto mentions = Meetings();
  auto events = MergeEvents(mentions);
  EXPECT_EQ(Partition(mentions, events), (std::set<std::set<int>>{{0, 1, 2}, {3}, {4}, {5}}));
  for (const MergedEvent& e : events)
    if (e.mentions.size() == 3) {
      EXPECT_EQ(e.date, "2024-09-16");  // the most precise date anchors the event
      EXPECT_EQ(e.num_mentions, 3);
      EXPECT_EQ(e.num_articles, 3);
      EXPECT_EQ(e.num_sources, 3);
    }
}

TEST(EventMerge, TwoMeetingsOfOneDyadWithDifferentPeopleStayApart) {
  std::vector<CodedMention> mentions = {
      Mention(0, "Dawn", "CONSULT", "PAKGOV", "USAGOV", "2024-09-16"),
      Mention(1, "Geo", "CONSULT", "USAGOV", "PAKGOV", "2024-09-17"),
      Mention(2, "Geo", "CONSULT", "USAGOV", "PAKGOV", "2024-09-17"),
      Mention(3, "Geo", "CONSULT", "USAGOV", "PAKGOV", "2024-09-17"),
  };
  mentions[0].persons = {"bass", "dar"};
  mentions[1].persons = {"bass", "dar"};
  mentions[2].persons = {"baloch", "bass"};  // the same visitor, another host
  mentions[3].persons = {"bass"};            // "Bass visited Pakistan": fits the first
  auto events = MergeEvents(mentions);
  EXPECT_EQ(Partition(mentions, events), (std::set<std::set<int>>{{0, 1, 3}, {2}}));
}

TEST(EventMerge, AStatedDateAnchorsTheEventBeforeAPublicationDate) {
  std::vector<CodedMention> mentions = {
      Mention(0, "Geo", "CONSULT", "USAGOV", "PAKGOV", "2024-09-15"),
      Mention(1, "Dawn", "CONSULT", "PAKGOV", "USAGOV", "2024-09-16"),
  };
  mentions[0].date_from = "dct";      // filed under its publication day
  mentions[1].date_from = "context";  // "on Monday", in the sentence before
  auto events = MergeEvents(mentions);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].date, "2024-09-16");
}

TEST(EventMerge, AMeetingHasNoDirectionButAnAccusationHas) {
  std::vector<CodedMention> mentions = {
      Mention(0, "A", "CONSULT", "PAKGOV", "USAGOV", "2024-09-16"),
      Mention(1, "B", "CONSULT", "USAGOV", "PAKGOV", "2024"),  // "Bass met Dar", dated by year
      Mention(2, "A", "ACCUSE", "PAKGOV", "INDGOV", "2024-01-25"),
      Mention(3, "B", "ACCUSE", "INDGOV", "PAKGOV", "2024-01-25"),
  };
  EXPECT_EQ(Partition(mentions, MergeEvents(mentions)), (std::set<std::set<int>>{{0, 1}, {2}, {3}}));
}

TEST(EventMerge, SameResultInAnyOrder) {
  auto mentions = Meetings();
  auto expected = Partition(mentions, MergeEvents(mentions));
  std::mt19937 rng(5);
  for (int round = 0; round < 20; ++round) {
    std::shuffle(mentions.begin(), mentions.end(), rng);
    EXPECT_EQ(Partition(mentions, MergeEvents(mentions)), expected);
  }
}

TEST(EventMerge, ConflictingFiguresAreKeptSideBySide) {
  auto a = Mention(0, "A", "ASSAULT", "PAKREB", "PAKMIL", "2024-08-26");
  a.killed = 50, a.killed_lower_bound = true;
  auto b = Mention(1, "B", "ASSAULT", "PAKREB", "PAKMIL", "2024-08-27");
  b.killed = 70;
  auto copy = b;  // a syndicated copy of B: another article, not another source
  copy.doc = 2, copy.doc_key = "doc2";
  auto events = MergeEvents({a, b, copy});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].killed.size(), 3u);
  EXPECT_EQ(events[0].killed_low, 50);
  EXPECT_EQ(events[0].killed_high, 70);
  EXPECT_EQ(events[0].num_articles, 3);
  EXPECT_EQ(events[0].num_sources, 2);
}

TEST(EventMerge, TenThousandMentionsOfOneEvent) {
  std::vector<CodedMention> mentions;
  for (int i = 0; i < 10000; ++i)
    mentions.push_back(Mention(i, "outlet" + std::to_string(i % 50), "ASSAULT", "X", "Y", "2024-03-22"));
  auto events = MergeEvents(mentions);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].num_mentions, 10000);
  EXPECT_EQ(events[0].num_sources, 50);
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

MentionPlace At(const std::string& level, const std::string& country, const std::string& admin1, double lat = 0,
                double lon = 0) {
  MentionPlace p;
  p.level = level, p.country = country, p.admin1 = admin1;
  if (level == "city" || level == "district") p.latitude = lat, p.longitude = lon;
  return p;
}

TEST(EventMerge, AttacksTheSameDayInPlacesFarApartAreTwoEvents) {
  std::vector<CodedMention> mentions = {
      Mention(0, "Dawn", "ASSAULT", "PAKREB", "PAKCVL", "2024-08-26"),
      Mention(1, "Geo", "ASSAULT", "PAKREB", "PAKCVL", "2024-08-26"),
      Mention(2, "Wire", "ASSAULT", "PAKREB", "PAKCVL", "2024-08-26"),
      Mention(3, "Wire", "ASSAULT", "PAKREB", "PAKCVL", "2024-08-26"),
      Mention(4, "Post", "ASSAULT", "PAKREB", "PAKCVL", "2024-08-26"),
  };
  mentions[0].geo = At("city", "PAK", "Balochistan", 30.86, 69.82);   // Musa Khel
  mentions[1].geo = At("province", "PAK", "Balochistan");             // "in Balochistan": either
  mentions[2].geo = At("city", "PAK", "Balochistan", 30.18, 67.00);   // Quetta, 280 km away
  mentions[3].geo = At("city", "PAK", "Sindh", 24.86, 67.01);         // Karachi
  // mention 4 has no geocoded place: it agrees with any, and joins the first in order.
  auto events = MergeEvents(mentions);
  EXPECT_EQ(Partition(mentions, events), (std::set<std::set<int>>{{0, 1, 4}, {2}, {3}}));
}

TEST(EventMerge, PlacesCompatibleByContainment) {
  EXPECT_TRUE(PlacesCompatible(At("country", "PAK", ""), At("city", "PAK", "Sindh", 24.86, 67.01)));
  EXPECT_FALSE(PlacesCompatible(At("country", "AFG", ""), At("city", "PAK", "Sindh", 24.86, 67.01)));
  EXPECT_TRUE(PlacesCompatible(At("city", "PAK", "Sindh", 24.86, 67.01), At("city", "PAK", "Sindh", 24.90, 67.10)));
  EXPECT_FALSE(PlacesCompatible(At("province", "PAK", "Sindh"), At("province", "PAK", "Punjab")));
  EXPECT_TRUE(PlacesCompatible(std::nullopt, At("province", "PAK", "Punjab")));
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

TEST(EventMerge, APersonIsKnownByAnyPartOfTheirName) {
  std::vector<CodedMention> mentions = {
      Mention(0, "Times", "CONSULT", "USAGOV", "CHNGOV", "2024-11-16"),
      Mention(1, "Wire", "CONSULT", "USAGOV", "CHNGOV", "2024-11-16"),
      Mention(2, "Ledger", "CONSULT", "USAGOV", "CHNGOV", "2024-11-16"),
  };
  mentions[0].persons = {"joe biden", "xi jinping"};
  mentions[1].persons = {"biden", "xi"};        // family name first: "Xi" is Xi Jinping
  mentions[2].persons = {"biden", "li qiang"};  // another Chinese leader: another meeting
  auto events = MergeEvents(mentions);
  EXPECT_EQ(Partition(mentions, events), (std::set<std::set<int>>{{0, 1}, {2}}));
}

}  // namespace
}  // namespace sitrep
