#include "ingest/debris.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(DebrisReason, SingleLines) {
  EXPECT_EQ(DebrisReason("Read More »"), "debris: read-more link");
  EXPECT_EQ(DebrisReason("Related Post"), "debris: related-stories heading");
  EXPECT_EQ(DebrisReason("Image Credits: staff photographer"), "debris: image credit");
  EXPECT_EQ(DebrisReason("Also See: A headline about something else"), "debris: link to another story");
  EXPECT_EQ(DebrisReason("Your trusted source for insightful journalism."), "debris: site boilerplate");
  EXPECT_EQ(DebrisReason("News Desk"), "debris: desk byline");
  EXPECT_EQ(DebrisReason("Share"), "debris: share bar");
}

TEST(DebrisReason, ContentIsKept) {
  EXPECT_FALSE(DebrisReason("The minister said more talks would follow in June."));
  EXPECT_FALSE(DebrisReason("Recent attacks have killed dozens of people in the province."));
  EXPECT_FALSE(DebrisReason("Related talks were held in Doha, the official said."));
}

TEST(FindTrailingCredit, GluedAndBracketed) {
  std::string glued = "Envoy Visits Islamabad for TalksImage Credits: geo";
  ASSERT_TRUE(FindTrailingCredit(glued));
  EXPECT_EQ(glued.substr(0, *FindTrailingCredit(glued)), "Envoy Visits Islamabad for Talks");
  std::string bracket = "Officials meet in Islamabad. [Image via Some Paper/File]";
  ASSERT_TRUE(FindTrailingCredit(bracket));
  EXPECT_FALSE(FindTrailingCredit("A photo credit was never given to the agency, he said, and it matters."));
}

std::vector<TextBlock> Blocks(const std::vector<std::string>& texts) {
  std::vector<TextBlock> blocks;
  for (const auto& t : texts) blocks.push_back({{0, 0}, t, false, 0});
  return blocks;
}

TEST(ClassifyDebris, TeaserListAfterRecentHeading) {
  std::vector<std::string> texts = {
      "The interior minister met the acting ambassador on Thursday to discuss security cooperation at length.",
      "The two sides agreed to hold a counter-terrorism dialogue in June, officials said after the meeting.",
      "Recent",
      "What is the border dispute?",
      "What is the border dispute?",
      "A short summary of another story that belongs to a different article altogether.",
      "Read More »",
      "Another Headline Here",
      "Another summary of yet another story.",
      "Read More »"};
  auto reasons = ClassifyDebris(Blocks(texts));
  EXPECT_EQ(reasons[0], "");
  EXPECT_EQ(reasons[1], "");
  EXPECT_EQ(reasons[2], "debris: related-stories heading");
  for (size_t i = 3; i < texts.size(); ++i) EXPECT_NE(reasons[i], "") << i;
}

TEST(ClassifyDebris, TeasersWithoutHeading) {
  std::vector<std::string> texts = {
      "Body paragraph one of the article, which is long enough to be real content for a reader.",
      "Body paragraph two, which ends the article with a full sentence.",
      "Some Other Story Headline",
      "A summary of that other story.",
      "Read More"};
  auto reasons = ClassifyDebris(Blocks(texts));
  EXPECT_EQ(reasons[0], "");
  EXPECT_EQ(reasons[1], "");
  EXPECT_EQ(reasons[2], "debris: other stories' teasers");
  EXPECT_EQ(reasons[3], "debris: other stories' teasers");
}

TEST(ClassifyDebris, LoneReadMoreDoesNotEatTheArticle) {
  std::vector<std::string> texts = {"First paragraph of the story, a full sentence.",
                                    "Last paragraph of the story, also a full sentence.", "Read more"};
  auto reasons = ClassifyDebris(Blocks(texts));
  EXPECT_EQ(reasons[0], "");
  EXPECT_EQ(reasons[1], "");
  EXPECT_EQ(reasons[2], "debris: read-more link");
}

}  // namespace
}  // namespace sitrep
