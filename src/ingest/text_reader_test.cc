#include "ingest/text_reader.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

std::string Original(const std::string& input, const TextArticle& a, Span clean) {
  Span o = a.map.ToOriginal(clean);
  return input.substr(o.begin, o.size());
}

TEST(ReadPlainText, HeadlineBylineAndDebris) {
  std::string input =
      "Envoy Visits Islamabad for Talks\n"
      "\n"
      "Web DeskSeptember 17, 2024 05:50 PMpolitics\n"
      "  \u2022 Envoy discusses security with officials.\n"
      "Envoy Visits Islamabad for TalksImage Credits: geo\n"
      "The envoy met the foreign minister on Monday.\n"
      "\n"
      "Related Post\n";
  TextArticle a = ReadPlainText(input);
  EXPECT_EQ(a.meta.title, "Envoy Visits Islamabad for Talks");
  ASSERT_TRUE(a.meta.published);
  EXPECT_EQ(a.meta.published->iso, "2024-09-17T17:50");
  EXPECT_EQ(a.meta.published->found_in, "byline");
  ASSERT_EQ(a.meta.authors.size(), 1u);
  EXPECT_EQ(a.meta.authors[0], "Web Desk");
  EXPECT_EQ(a.text,
            "Envoy Visits Islamabad for Talks\n\n"
            "\u2022 Envoy discusses security with officials.\n\n"
            "The envoy met the foreign minister on Monday.");
  EXPECT_EQ(a.text.find("Image Credits"), std::string::npos);
  EXPECT_EQ(a.text.find("Related Post"), std::string::npos);
  // Each dropped part is accounted for with its reason.
  std::vector<std::string> reasons;
  for (const Dropped& d : a.dropped) reasons.push_back(d.reason);
  EXPECT_NE(std::find(reasons.begin(), reasons.end(), "byline"), reasons.end());
  EXPECT_NE(std::find(reasons.begin(), reasons.end(), "debris: image credit"), reasons.end());
  EXPECT_NE(std::find(reasons.begin(), reasons.end(), "debris: repeated headline"), reasons.end());
  EXPECT_NE(std::find(reasons.begin(), reasons.end(), "debris: related-stories heading"), reasons.end());
}

TEST(ReadPlainText, EveryParagraphMapsBackToItsBytes) {
  std::string input = "First line here.\nSecond line, with more.\n\n\nThird after blanks.\n";
  TextArticle a = ReadPlainText(input, {.find_header = false});
  size_t pos = 0;
  while (pos < a.text.size()) {
    size_t end = a.text.find("\n\n", pos);
    if (end == std::string::npos) end = a.text.size();
    Span clean{static_cast<uint32_t>(pos), static_cast<uint32_t>(end)};
    EXPECT_EQ(Original(input, a, clean), a.text.substr(pos, end - pos));
    pos = end + 2;
  }
}

TEST(ReadPlainText, HardWrappedParagraphsAreJoined) {
  std::string input =
      "The talks in Islamabad covered trade, energy and\n"
      "security, officials from both sides said on\n"
      "Monday after the meeting had ended.\n"
      "\n"
      "A second paragraph follows here, also wrapped at\n"
      "a short width as old wire copy often is, and\n"
      "it ends here.\n";
  TextArticle a = ReadPlainText(input, {.find_header = false});
  EXPECT_EQ(a.text,
            "The talks in Islamabad covered trade, energy and security, officials from both sides said on Monday "
            "after the meeting had ended.\n\nA second paragraph follows here, also wrapped at a short width as old "
            "wire copy often is, and it ends here.");
}

TEST(ReadPlainText, NoHeaderForASentenceStart) {
  std::string input = "- A highlight bullet.\nDeputy Prime Minister met the envoy on Monday.\n";
  TextArticle a = ReadPlainText(input);
  EXPECT_EQ(a.meta.title, "");
  EXPECT_FALSE(a.meta.published);
}

TEST(FindDateline, PlaceAndAgency) {
  auto d = FindDateline("ISLAMABAD (PEN) : In a major development, the two sides agreed.");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->place, "ISLAMABAD");
  EXPECT_EQ(d->agency, "PEN");
  auto plain = FindDateline("ISLAMABAD: The United States said on Monday");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->place, "ISLAMABAD");
  EXPECT_EQ(plain->agency, "");
  auto two = FindDateline("NEW YORK, Sept 16 (Reuters) - Markets rose.");
  ASSERT_TRUE(two);
  EXPECT_EQ(two->place, "NEW YORK");
  EXPECT_EQ(two->agency, "Reuters");
  auto region = FindDateline("WOODSIDE, California — US President Joe Biden and Chinese President Xi Jinping met.");
  ASSERT_TRUE(region);
  EXPECT_EQ(region->place, "WOODSIDE");
  EXPECT_EQ(region->region, "California");
  EXPECT_EQ(region->size, std::string_view("WOODSIDE, California — ").size());
  auto all = FindDateline("BEIRUT, Lebanon, June 2 (AP) -- Talks resumed.");
  ASSERT_TRUE(all);
  EXPECT_EQ(all->place, "BEIRUT");
  EXPECT_EQ(all->region, "Lebanon");
  EXPECT_EQ(all->agency, "AP");
  EXPECT_FALSE(FindDateline("Islamabad and Washington agreed: more talks."));
  EXPECT_FALSE(FindDateline("NATO, the alliance, met."));
  EXPECT_FALSE(FindDateline("US: talks end"));
}

TEST(ReadPlainText, EmptyAndWhitespaceOnly) {
  EXPECT_EQ(ReadPlainText("").text, "");
  EXPECT_EQ(ReadPlainText(" \n\n \t\n").text, "");
}

}  // namespace
}  // namespace sitrep
