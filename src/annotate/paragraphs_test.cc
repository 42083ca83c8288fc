#include "annotate/paragraphs.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(ParagraphStage, LabelsHeadingsBulletsAndBody) {
  std::string text = "Envoy Visits Islamabad\n\n\u2022 A highlight.\n\nThe envoy met the minister. They talked.";
  Doc doc({}, text, text, OffsetMap::Identity(static_cast<uint32_t>(text.size())), {});
  ASSERT_TRUE(ParagraphStage().Process(doc).ok());
  const auto* p = doc.Layer("paragraph");
  ASSERT_NE(p, nullptr);
  ASSERT_EQ(p->size(), 3u);
  EXPECT_EQ((*p)[0].label, "heading");
  EXPECT_EQ((*p)[1].label, "bullet");
  EXPECT_EQ((*p)[2].label, "body");
  EXPECT_EQ(doc.Slice((*p)[2].span), "The envoy met the minister. They talked.");
}

}  // namespace
}  // namespace sitrep
