// The DCT estimate from content, and its tightening by a dated twin article.
#include "annotate/dct_inference.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "annotate/paragraphs.h"
#include "annotate/timex_stage.h"
#include "annotate/token_stage.h"

namespace sitrep {
namespace {

Doc Undated(const std::string& text) {
  Doc doc(Origin{"undated.txt", 0, "text"}, text, text, OffsetMap::Identity(static_cast<uint32_t>(text.size())), {});
  EXPECT_TRUE(ParagraphStage().Process(doc).ok());
  EXPECT_TRUE(TokenStage().Process(doc).ok());
  EXPECT_TRUE(TimexStage().Process(doc).ok());
  return doc;
}

std::string ValueOf(const Doc& doc, const std::string& words) {
  for (const Annotation& a : *doc.Layer("timex"))
    if (doc.Slice(a.span) == words) {
      size_t v = a.attrs.find("\"value\":\"") + 9;
      return a.attrs.substr(v, a.attrs.find('"', v) - v);
    }
  return "<none>";
}

const std::string& DctAttrs(const Doc& doc) { return doc.Layer("dct")->front().attrs; }

const char kStory[] =
    "The envoy arrived on Monday. Earlier this month the ministry condemned the August 26 raid. "
    "The country was elected for the 2027-2028 term. Attacks have risen since 2019. Trade fell last year.";

TEST(DctInferenceTest, BoundsFromContent) {
  Doc doc = Undated(kStory);
  const std::string& dct = DctAttrs(doc);
  EXPECT_NE(dct.find("\"source\":\"content\""), std::string::npos) << dct;
  EXPECT_NE(dct.find("\"inferred\":true"), std::string::npos);
  EXPECT_NE(dct.find("\"earliest\":\"2026-01-01\""), std::string::npos) << dct;
  EXPECT_NE(dct.find("\"latest\":\"2026-12-31\""), std::string::npos) << dct;
  EXPECT_NE(dct.find("\"value\":\"2026\""), std::string::npos);
  // Decided by the interval: the year; left open: the day and the month.
  EXPECT_EQ(ValueOf(doc, "last year"), "2025");
  EXPECT_EQ(ValueOf(doc, "August 26"), "XXXX-08-26");
  EXPECT_EQ(ValueOf(doc, "Monday"), "XXXX-WXX-1");
  EXPECT_EQ(ValueOf(doc, "this month"), "XXXX-XX");
}

TEST(DctInferenceTest, TwinTightensAndResolves) {
  Doc doc = Undated(kStory);
  DctEstimate content = EstimateDctFromContent(doc, FindTimexes(doc));
  DateTime twin{"2026-09-17T17:50", DateTime::Precision::kMinute, std::nullopt, "byline"};
  DctEstimate tight = TightenWithTwin(content, twin);
  ASSERT_TRUE(ResolveTimexAgainst(doc, tight).ok());
  EXPECT_EQ(ValueOf(doc, "August 26"), "2026-08-26");
  EXPECT_EQ(ValueOf(doc, "Monday"), "2026-09-14");
  EXPECT_EQ(ValueOf(doc, "this month"), "2026-09");
  EXPECT_EQ(ValueOf(doc, "last year"), "2025");
  EXPECT_NE(DctAttrs(doc).find("\"source\":\"twin\""), std::string::npos);
  for (const Annotation& a : *doc.Layer("timex")) {
    if (doc.Slice(a.span) == "Monday") {
      EXPECT_NE(a.attrs.find("inferred-dct"), std::string::npos);
    }
  }
}

TEST(DctInferenceTest, NothingToGoOn) {
  Doc doc = Undated("The envoy arrived on Monday and left on Friday.");
  EXPECT_NE(DctAttrs(doc).find("\"source\":\"none\""), std::string::npos);
  EXPECT_EQ(ValueOf(doc, "Friday"), "XXXX-WXX-5");
}

TEST(DctInferenceTest, RejectsAnInvertedEstimate) {
  Doc doc = Undated("Talks ended on Monday.");
  DctEstimate bad;
  bad.source = DctEstimate::Source::kTwin;
  bad.earliest = {2024, 9, 18};
  bad.latest = {2024, 9, 16};
  EXPECT_FALSE(ResolveTimexAgainst(doc, bad).ok());
}

}  // namespace
}  // namespace sitrep
