#include "annotate/lemmatizer.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace sitrep {
namespace {

TEST(LemmaRule, RulesRewriteForms) {
  struct Case {
    const char* form;
    const char* lemma;
  };
  const Case cases[] = {{"studies", "study"}, {"went", "go"},   {"The", "the"},       {"Books", "book"},
                        {"I", "I"},           {"n't", "not"},   {"Kabul", "Kabul"},   {"ran", "run"},
                        {"'s", "be"},         {"UN", "UN"},     {"better", "good"},   {"", ""}};
  for (const Case& c : cases) {
    LemmaRule rule = LemmaModel::RuleFor(c.form, c.lemma);
    std::string out;
    bool applied = LemmaModel::Apply(rule, c.form, &out);
    if (std::string_view(c.form).empty()) {
      EXPECT_FALSE(applied);  // never an empty lemma
      continue;
    }
    ASSERT_TRUE(applied) << c.form;
    EXPECT_EQ(out, c.lemma) << c.form;
  }
  // Case-folding rules carry over to capitalised forms of the same word.
  LemmaRule plural = LemmaModel::RuleFor("cities", "city");
  std::string out;
  ASSERT_TRUE(LemmaModel::Apply(plural, "Cities", &out));
  EXPECT_EQ(out, "city");
  // A rule that would strip more than the form has does not apply.
  EXPECT_FALSE(LemmaModel::Apply(LemmaModel::RuleFor("better", "good"), "be", &out));
}

const char kTiny[] =
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tcities\tcity\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
    "3\twent\tgo\tVERB\tVBD\t_\t0\troot\t_\t_\n\n"
    "1\tI\tI\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
    "2\tstudied\tstudy\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tcountries\tcountry\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
    "4\tand\tand\tCCONJ\tCC\t_\t5\tcc\t_\t_\n"
    "5\tparties\tparty\tNOUN\tNNS\t_\t3\tconj\t_\t_\n"
    "6\tand\tand\tCCONJ\tCC\t_\t7\tcc\t_\t_\n"
    "7\tbooks\tbook\tNOUN\tNNS\t_\t3\tconj\t_\t_\n"
    "8\tand\tand\tCCONJ\tCC\t_\t9\tcc\t_\t_\n"
    "9\tcats\tcat\tNOUN\tNNS\t_\t3\tconj\t_\t_\n"
    "10\tand\tand\tCCONJ\tCC\t_\t11\tcc\t_\t_\n"
    "11\tcarried\tcarry\tVERB\tVBD\t_\t2\tconj\t_\t_\n"
    "12\tand\tand\tCCONJ\tCC\t_\t13\tcc\t_\t_\n"
    "13\tworried\tworry\tVERB\tVBD\t_\t2\tconj\t_\t_\n\n";

TEST(Lemmatizer, LookupThenEndingRules) {
  auto sents = ParseConllu(kTiny, "tiny");
  ASSERT_TRUE(sents.ok());
  Lemmatizer lemmatizer(LemmaModel::Train(*sents));
  EXPECT_EQ(lemmatizer.Lemmatize("went", "VBD"), "go");        // seen
  EXPECT_EQ(lemmatizer.Lemmatize("The", "DT"), "the");         // seen
  EXPECT_EQ(lemmatizer.Lemmatize("THE", "DT"), "the");         // lower-cased form of a seen one
  EXPECT_EQ(lemmatizer.Lemmatize("studies", "NNS"), "study");  // "-ies" NNS, from cities/countries/parties
  EXPECT_EQ(lemmatizer.Lemmatize("Dogs", "NNS"), "dog");       // "-s" NNS, lower-cased
  EXPECT_EQ(lemmatizer.Lemmatize("hurried", "VBD"), "hurry");  // "-ied" VBD
  EXPECT_EQ(lemmatizer.Lemmatize("Kabul", "NNP"), "Kabul");    // unknown proper noun: itself
  EXPECT_EQ(lemmatizer.Lemmatize("Xyzzy", "UH"), "xyzzy");     // unknown: lower-cased
  // "went" -> "go" is a whole-word irregular: it must not spread to other "-ent" words.
  EXPECT_EQ(lemmatizer.Lemmatize("spent", "VBD"), "spent");
  EXPECT_FALSE(lemmatizer.Lemmatize("\xff", "NN").empty());
}

TEST(Lemmatizer, ShippedModel) {
  std::string path = std::string(SITREP_SOURCE_DIR) + "/models/lemmatizer.model";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no models/lemmatizer.model";
  auto lemmatizer = Lemmatizer::Load(path);
  ASSERT_TRUE(lemmatizer.ok()) << lemmatizer.status().ToString();
  EXPECT_EQ((*lemmatizer)->Lemmatize("went", "VBD"), "go");
  EXPECT_EQ((*lemmatizer)->Lemmatize("militants", "NNS"), "militant");
  EXPECT_EQ((*lemmatizer)->Lemmatize("was", "VBD"), "be");
  EXPECT_EQ((*lemmatizer)->Lemmatize("n't", "RB"), "not");
  EXPECT_EQ((*lemmatizer)->Lemmatize("Taliban", "NNP"), "Taliban");
  EXPECT_EQ((*lemmatizer)->Lemmatize("bombings", "NNS"), "bombing");
  EXPECT_EQ((*lemmatizer)->Lemmatize("abducted", "VBN"), "abduct");
}

}  // namespace
}  // namespace sitrep
