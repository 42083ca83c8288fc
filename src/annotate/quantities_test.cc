#include "annotate/quantities.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "annotate/paragraphs.h"
#include "annotate/quantity_stage.h"
#include "annotate/token_stage.h"
#include "sitrep/ingest.h"

namespace sitrep {
namespace {

Doc Annotate(const std::string& text) {
  Doc doc({}, text, text, OffsetMap::Identity(static_cast<uint32_t>(text.size())), {});
  EXPECT_TRUE(ParagraphStage().Process(doc).ok());
  EXPECT_TRUE(TokenStage().Process(doc).ok());
  EXPECT_TRUE(QuantityStage().Process(doc).ok());
  return doc;
}

struct Found {
  std::string text, label;
  nlohmann::json attrs;
};

std::vector<Found> Quantities(const Doc& doc) {
  std::vector<Found> out;
  for (const Annotation& a : *doc.Layer("quantity"))
    out.push_back({std::string(doc.Slice(a.span)), a.label, nlohmann::json::parse(a.attrs)});
  return out;
}

std::string SpanText(const Doc& doc, const nlohmann::json& span) {
  if (!span.is_array()) return "";
  return std::string(doc.Slice({span[0].get<uint32_t>(), span[1].get<uint32_t>()}));
}

TEST(ParseDigits, Separators) {
  EXPECT_EQ(ParseDigits("1,524")->value, 1524);
  EXPECT_EQ(ParseDigits("1,50,000")->value, 150000);  // South Asian grouping
  EXPECT_EQ(ParseDigits("2,670")->value, 2670);
  EXPECT_DOUBLE_EQ(*ParseDigits("3.5")->value, 3.5);
  EXPECT_DOUBLE_EQ(*ParseDigits("4.5bn")->value, 4.5e9);
  EXPECT_EQ(ParseDigits("12k")->value, 12000);
}

TEST(ParseDigits, NotCounts) {
  EXPECT_FALSE(ParseDigits("9/11"));
  EXPECT_FALSE(ParseDigits("05:50"));
  EXPECT_FALSE(ParseDigits("3rd"));
  EXPECT_FALSE(ParseDigits("12,34"));
  EXPECT_FALSE(ParseDigits("1.2.3"));
}

TEST(ParseDigits, TooManyDigitsHasNoValue) {
  auto n = ParseDigits("1234567890123456789012345678901234567890");
  ASSERT_TRUE(n);
  EXPECT_FALSE(n->value);
  EXPECT_NE(n->warning.find("40 significant digits"), std::string::npos);
  // Fifteen significant digits still fit.
  EXPECT_EQ(ParseDigits("123,456,789,012,345")->value, 123456789012345.0);
}

TEST(NumberWords, Values) {
  EXPECT_EQ(NumberWordValue("four"), 4);
  EXPECT_EQ(NumberWordValue("dozen"), 12);
  EXPECT_FALSE(NumberWordValue("fourth"));
}

TEST(Quantities, LowerBoundAndOutcome) {
  Doc doc = Annotate("The blast killed over 50 people, including 14 police officers.");
  auto q = Quantities(doc);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].text, "over 50 people");
  EXPECT_EQ(q[0].label, "people");
  EXPECT_TRUE(q[0].attrs["value"].is_null());
  EXPECT_EQ(q[0].attrs["min"], 50);
  EXPECT_TRUE(q[0].attrs["max"].is_null());
  EXPECT_EQ(q[0].attrs["exact"], false);
  EXPECT_EQ(q[0].attrs["outcome"], "killed");
  EXPECT_EQ(q[1].label, "security personnel");
  EXPECT_EQ(q[1].attrs["value"], 14);
  EXPECT_EQ(q[1].attrs["exact"], true);
  EXPECT_EQ(q[1].attrs["outcome"], "killed");  // "including" shares the outcome
}

TEST(Quantities, FigureAttribution) {
  Doc doc = Annotate("At least 90 bombings were recorded in the region, according to the Centre for Peace Research.");
  auto q = Quantities(doc);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].label, "attacks");
  EXPECT_EQ(q[0].attrs["min"], 90);
  EXPECT_EQ(SpanText(doc, q[0].attrs["source_span"]), "the Centre for Peace Research");
  EXPECT_EQ(SpanText(doc, q[0].attrs["counted_span"]), "bombings");
}

TEST(Quantities, MisspeltCasualtiesBesideInjuries) {
  Doc doc = Annotate("The province saw 2,310 terrorism-related causalities and 870 injuries from 412 attacks.");
  auto q = Quantities(doc);
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].label, "fatalities");
  EXPECT_EQ(q[0].attrs["value"], 2310);
  EXPECT_EQ(SpanText(doc, q[0].attrs["counted_span"]), "terrorism-related causalities");
  EXPECT_EQ(q[1].label, "injured");
  EXPECT_EQ(q[2].label, "attacks");
  EXPECT_TRUE(q[2].attrs["outcome"].is_null());
}

TEST(Quantities, WordsAndVagueCounts) {
  Doc doc = Annotate("More than a dozen soldiers were wounded and dozens of villagers fled, while three others died.");
  auto q = Quantities(doc);
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].label, "security personnel");
  EXPECT_EQ(q[0].attrs["min"], 12);
  EXPECT_EQ(q[0].attrs["outcome"], "injured");
  EXPECT_EQ(q[1].label, "civilians");
  EXPECT_EQ(q[1].attrs["min"], 24);
  EXPECT_TRUE(q[1].attrs["value"].is_null());
  EXPECT_EQ(q[2].attrs["value"], 3);
  EXPECT_EQ(q[2].attrs["outcome"], "killed");
}

TEST(Quantities, ApproximateRangeMoneyPercent) {
  Doc doc = Annotate(
      "Around 1,000 fatalities were reported. Between 10 and 20 people were detained. The road cost $5 million. "
      "Turnout fell by 40 percent. Twenty-one students passed.");
  auto q = Quantities(doc);
  ASSERT_EQ(q.size(), 5u);
  EXPECT_EQ(q[0].attrs["value"], 1000);
  EXPECT_EQ(q[0].attrs["exact"], false);
  EXPECT_EQ(q[1].attrs["min"], 10);
  EXPECT_EQ(q[1].attrs["max"], 20);
  EXPECT_EQ(q[2].label, "money");
  EXPECT_EQ(q[2].attrs["unit"], "USD");
  EXPECT_EQ(q[2].attrs["value"], 5000000);
  EXPECT_EQ(q[3].label, "percent");
  EXPECT_EQ(q[3].attrs["value"], 40);
  EXPECT_EQ(q[4].attrs["value"], 21);
}

TEST(Quantities, DatesYearsAndCodesAreNotCounts) {
  Doc doc = Annotate(
      "In 2021 the group returned. The talks on May 10 set the 2025-2026 agenda. COVID-19 cases rose. "
      "One of them spoke.");
  EXPECT_TRUE(Quantities(doc).empty());
}

TEST(Quantities, HugeNumberWarnsWithoutValue) {
  Doc doc = Annotate("The leak listed 1234567890123456789012345678901234567890 accounts.");
  auto q = Quantities(doc);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_TRUE(q[0].attrs["value"].is_null());
  EXPECT_TRUE(q[0].attrs["min"].is_null());
  EXPECT_TRUE(q[0].attrs["max"].is_null());
  EXPECT_FALSE(q[0].attrs["warning"].is_null());
}

TEST(Quantities, SafeOnOddInput) {
  std::string text(2000, '9');
  text += " ,,, 1,,2 - - - 3 - to - and between 4";
  Doc doc = Annotate(text);
  for (const Found& f : Quantities(doc)) EXPECT_TRUE(f.attrs["value"].is_null() || f.attrs["value"].is_number());
  Doc empty = Annotate("");
  EXPECT_TRUE(Quantities(empty).empty());
}

}  // namespace
}  // namespace sitrep
