#include "train/conllu.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

const char kSample[] =
    "# newdoc id = d1\n"
    "# sent_id = s1\n"
    "# text = I don't know.\n"
    "1\tI\tI\tPRON\tPRP\tCase=Nom\t4\tnsubj\t4:nsubj\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n"
    "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n"
    "4.1\tknows\tknow\tVERB\tVBZ\t_\t_\t_\t4:conj\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n"
    "\n"
    "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t0:root\tSpaceAfter=No\n"
    "2\t!\t!\tPUNCT\t.\t_\t1\tpunct\t1:punct\t_\n"
    "\n";

TEST(Conllu, ReadsWordsRangesAndEmptyNodes) {
  auto sents = ParseConllu(kSample, "sample.conllu");
  ASSERT_TRUE(sents.ok()) << sents.status().ToString();
  ASSERT_EQ(sents->size(), 2u);
  const ConlluSentence& s = (*sents)[0];
  EXPECT_EQ(s.Comment("sent_id"), "s1");
  EXPECT_EQ(s.Comment("text"), "I don't know.");
  ASSERT_EQ(s.words.size(), 5u);
  EXPECT_EQ(s.words[2].form, "n't");
  EXPECT_EQ(s.words[2].lemma, "not");
  EXPECT_EQ(s.words[2].head, 4);
  EXPECT_EQ(s.words[3].head, 0);
  EXPECT_FALSE(s.words[3].space_after());
  ASSERT_EQ(s.ranges.size(), 1u);
  EXPECT_EQ(s.ranges[0].first, 2);
  EXPECT_EQ(s.ranges[0].last, 3);
  EXPECT_EQ(s.ranges[0].form, "don't");
  ASSERT_EQ(s.empty_nodes.size(), 1u);
  EXPECT_EQ(s.empty_nodes[0].major, 4);
  EXPECT_EQ(s.offset, 0u);
  EXPECT_GT((*sents)[1].offset, 0u);
  EXPECT_EQ((*sents)[1].Text(), "Hi!");
}

TEST(Conllu, WritesBackWhatItRead) {
  auto sents = ParseConllu(kSample, "sample.conllu");
  ASSERT_TRUE(sents.ok());
  std::string out;
  for (const auto& s : *sents) WriteConllu(s, &out);
  EXPECT_EQ(out, kSample);
}

TEST(Conllu, TextFromFormsWithoutComment) {
  auto sents = ParseConllu(
      "1\tI\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2\tdo\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "3\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "4\tknow\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
      "5\t.\t_\t_\t_\t_\t_\t_\t_\t_\n",
      "x");
  ASSERT_TRUE(sents.ok()) << sents.status().ToString();
  EXPECT_EQ((*sents)[0].Text(), "I don't know.");
  EXPECT_EQ((*sents)[0].words[0].head, -1);  // "_"
}

TEST(Conllu, CrLfAndMissingFinalBlankLine) {
  auto sents = ParseConllu("1\ta\ta\tX\tX\t_\t0\troot\t_\t_\r\n2\tb\tb\tX\tX\t_\t1\tdep\t_\t_", "x");
  ASSERT_TRUE(sents.ok()) << sents.status().ToString();
  ASSERT_EQ(sents->size(), 1u);
  EXPECT_EQ((*sents)[0].words[0].misc, "_");
  EXPECT_EQ((*sents)[0].words.size(), 2u);
}

struct BadCase {
  const char* text;
  uint64_t offset;
  const char* message;
};

TEST(Conllu, ErrorsNameTheLine) {
  const BadCase cases[] = {
      {"1\ta\ta\tX\tX\t_\t0\troot\t_\n", 0, "9 fields"},
      {"1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n3\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n", 23, "word ID 3"},
      {"1\ta\ta\tX\tX\t_\tx\troot\t_\t_\n", 0, "bad HEAD"},
      {"1\ta\ta\tX\tX\t_\t5\troot\t_\t_\n\n", 0, "outside the sentence"},
      {"# c\n1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n\n", 0, "goes past"},
      {"x\ta\ta\tX\tX\t_\t0\troot\t_\t_\n", 0, "bad word ID"},
  };
  for (const BadCase& c : cases) {
    auto sents = ParseConllu(c.text, "bad.conllu");
    ASSERT_FALSE(sents.ok()) << c.text;
    EXPECT_EQ(sents.status().code(), Code::kParse);
    EXPECT_EQ(sents.status().file(), "bad.conllu");
    EXPECT_EQ(sents.status().offset(), c.offset) << sents.status().ToString();
    EXPECT_NE(sents.status().message().find(c.message), std::string::npos) << sents.status().ToString();
  }
}

TEST(Conllu, MissingFile) {
  auto sents = ReadConlluFile("/nonexistent.conllu");
  EXPECT_EQ(sents.status().code(), Code::kNotFound);
}

}  // namespace
}  // namespace sitrep
