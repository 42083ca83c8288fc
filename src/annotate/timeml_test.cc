// TimeML reading and writing for the evaluation interface.
#include "annotate/timeml.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

// A made-up document in the TempEval-3 layout.
const char kDoc[] =
    "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>X1</DOCID>\n"
    "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2001-03-05\" functionInDocument=\"CREATION_TIME\">March 5, "
    "2001</TIMEX3></DCT>\n<TEXT>\nThe mill <EVENT eid=\"e1\" class=\"OCCURRENCE\">closed</EVENT> "
    "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2001-03-02\">Friday</TIMEX3> after "
    "<TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P3Y\">three years</TIMEX3> of losses &amp; debt.\n</TEXT>\n"
    "<TLINK lid=\"l1\" relType=\"BEFORE\" eventInstanceID=\"ei1\" relatedToTime=\"t0\"/>\n</TimeML>\n";

TEST(TimemlTest, ReadsTextDctAndTimexes) {
  auto doc = ParseTimeml(kDoc, "x.tml");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->text, "\nThe mill closed Friday after three years of losses & debt.\n");
  ASSERT_TRUE(doc->dct.has_value());
  EXPECT_EQ(doc->dct->iso, "2001-03-05");
  ASSERT_EQ(doc->timexes.size(), 2u);
  EXPECT_EQ(doc->text.substr(doc->timexes[0].span.begin, doc->timexes[0].span.size()), "Friday");
  EXPECT_EQ(doc->timexes[1].type, "DURATION");
  EXPECT_EQ(doc->timexes[1].value, "P3Y");
}

TEST(TimemlTest, WritesOwnTagsBack) {
  auto doc = ParseTimeml(kDoc, "x.tml");
  ASSERT_TRUE(doc.ok());
  std::string out = WriteTimeml(*doc, {{{17, 23}, "DATE", "2001-03-02", ""}});
  EXPECT_NE(out.find("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2001-03-02\">Friday</TIMEX3>"), std::string::npos);
  EXPECT_EQ(out.find("three years</TIMEX3>"), std::string::npos);
  EXPECT_NE(out.find("losses &amp; debt"), std::string::npos);
  EXPECT_NE(out.find("functionInDocument=\"CREATION_TIME\""), std::string::npos);
  auto again = ParseTimeml(out, "out.tml");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->text, doc->text);
  ASSERT_EQ(again->timexes.size(), 1u);
}

TEST(TimemlTest, AnnotatesWithSitrepTimexes) {
  auto doc = ParseTimeml(kDoc, "x.tml");
  ASSERT_TRUE(doc.ok());
  Doc annotated = TimemlToDoc(*doc, "x.tml");
  TimemlAnnotator annotator(/*with_syntax=*/false);
  ASSERT_TRUE(annotator.Annotate(annotated).ok());
  std::vector<TimemlTimex> timexes = TimexesFromDoc(annotated);
  ASSERT_EQ(timexes.size(), 2u);
  EXPECT_EQ(timexes[0].value, "2001-03-02");
  EXPECT_EQ(timexes[1].value, "P3Y");
}

TEST(TimemlTest, RejectsDocumentsWithoutText) {
  EXPECT_FALSE(ParseTimeml("<TimeML><DOCID>x</DOCID></TimeML>", "bad.tml").ok());
  EXPECT_FALSE(ParseTimeml("<TEXT>a <TIMEX3 type=\"DATE\"", "cut.tml").ok());
}

}  // namespace
}  // namespace sitrep
