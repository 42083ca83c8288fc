#include "code/acronyms.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "annotate/paragraphs.h"
#include "annotate/token_stage.h"

namespace sitrep::code {
namespace {

std::vector<AcronymDefinition> Definitions(const std::string& text, Doc* out = nullptr) {
  Doc doc({}, text, text, OffsetMap::Identity(static_cast<uint32_t>(text.size())), {});
  EXPECT_TRUE(ParagraphStage().Process(doc).ok());
  EXPECT_TRUE(TokenStage().Process(doc).ok());
  std::vector<AcronymDefinition> found = FindAcronymDefinitions(doc);
  if (out) *out = std::move(doc);
  return found;
}

std::string LongForm(const std::string& text) {
  Doc doc({}, "", "", OffsetMap::Identity(0), {});
  std::vector<AcronymDefinition> found = Definitions(text, &doc);
  return found.size() == 1 ? std::string(doc.Slice(found[0].long_span))
                           : "(" + std::to_string(found.size()) + " found)";
}

TEST(Acronyms, InitialsOfCapitalisedWordsAndHyphenatedParts) {
  EXPECT_EQ(LongForm("Attacks by the banned Tehreek-e-Taliban Pakistan (TTP) rose."), "Tehreek-e-Taliban Pakistan");
  EXPECT_EQ(LongForm("He met the Chief of Army Staff (COAS) on Monday."), "Chief of Army Staff");
  EXPECT_EQ(LongForm("Figures from the Pakistan Institute for Conflict and Security Studies (PICSS) show it."),
            "Pakistan Institute for Conflict and Security Studies");
  EXPECT_EQ(LongForm("The Asia-Pacific Economic Cooperation (APEC) forum met."), "Asia-Pacific Economic Cooperation");
}

TEST(Acronyms, NothingIsGuessed) {
  EXPECT_EQ(LongForm("ISLAMABAD (PEN): The minister spoke."), "(0 found)");
  EXPECT_EQ(LongForm("The Foreign Office (FBI) said nothing."), "(0 found)");  // letters do not fit
  EXPECT_EQ(LongForm("He said (TTP) nothing."), "(0 found)");
  EXPECT_EQ(LongForm("The 40-digit (1234567890123456789012345678901234567890) number."), "(0 found)");
}

TEST(Acronyms, EveryUseIsMarkedWithItsExpansion) {
  Doc doc({}, "", "", OffsetMap::Identity(0), {});
  const std::string text =
      "TTP claims attack.\n\nThe Tehreek-e-Taliban Pakistan (TTP) said so. The TTP denied it later.";
  std::vector<AcronymDefinition> found = Definitions(text, &doc);
  std::vector<Annotation> layer = AcronymLayer(doc, found);
  ASSERT_EQ(layer.size(), 3u);  // the headline's use, the definition, the later use
  for (const Annotation& a : layer) {
    EXPECT_EQ(doc.Slice(a.span), "TTP");
    EXPECT_EQ(nlohmann::json::parse(a.attrs)["expansion"], "Tehreek-e-Taliban Pakistan");
  }
}

}  // namespace
}  // namespace sitrep::code
