// The dictionary coder on sentences written for these tests, with their parses written
// by hand (so that the test does not depend on the parser's model).
#include "code/dictionaries/dictionary_coder.h"

#include <gtest/gtest.h>

#include <sstream>

namespace sitrep::code::dictionaries {
namespace {

// "word/lemma/UPOS/head/deprel ..." with 1-based heads (0 the root), as in CoNLL-U.
std::vector<ParsedWord> Parse(const std::string& spec) {
  std::vector<ParsedWord> out;
  std::istringstream in(spec);
  std::string item;
  while (in >> item) {
    std::vector<std::string> f;
    std::istringstream parts(item);
    for (std::string p; std::getline(parts, p, '/');) f.push_back(p);
    EXPECT_EQ(f.size(), 5u) << item;
    if (f.size() != 5) continue;
    out.push_back(ParsedWord{f[0], f[1], f[2], f[4], std::stoi(f[3]) - 1});
  }
  return out;
}

std::string Events(const SentenceCoding& c) {
  std::string out;
  for (const DyadEvent& e : c.events) out += (out.empty() ? "" : " ") + e.source + "/" + e.target + "/" + e.code;
  return out;
}

class DictionaryCoderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto actors = std::make_shared<UserDictionaries>();
    std::vector<std::string> warnings;
    actors->AddActors("RIVENDALE_ [RVD]\nQUARTZ_ [QTZ]\nPELL_ [PLL]\n", "test.actors", &warnings);
    actors->AddAgents("SOLDIER_ [~MIL]\nMINISTER_ [~GOV]\n", "test.agents", &warnings);
    auto verbs = std::make_shared<VerbDictionary>();
    verbs->Add(
        "--- CONDEMN [111] ---\n"
        "CONDEMN\n"
        "- * ATTACK [122]\n"
        "--- HOST [043:042] ---\n"
        "HOST\n"
        "--- MEET [---] ---\n"
        "MEET {MET}\n"
        "- % * [031]\n"
        "--- ATTACK [190] ---\n"
        "ATTACK\n",
        "test.verbs", &warnings);
    EXPECT_TRUE(warnings.empty()) << ::testing::PrintToString(warnings);
    coder_ = std::make_unique<DictionaryCoder>(verbs, actors);
  }
  std::unique_ptr<DictionaryCoder> coder_;
};

TEST_F(DictionaryCoderTest, PatternWordsTheObjectAndAnAgent) {
  // "Rivendale condemned the attack by Quartz soldiers on Tuesday."
  auto s = Parse(
      "Rivendale/Rivendale/PROPN/2/nsubj condemned/condemn/VERB/0/root the/the/DET/4/det attack/attack/NOUN/2/obj "
      "by/by/ADP/7/case Quartz/Quartz/PROPN/7/compound soldiers/soldier/NOUN/4/nmod on/on/ADP/9/case "
      "Tuesday/Tuesday/PROPN/2/obl ././PUNCT/2/punct");
  SentenceCoding c = coder_->Code(s, 20240101);
  EXPECT_EQ(Events(c), "RVD/QTZMIL/122");
  ASSERT_EQ(c.events.size(), 1u);
  EXPECT_EQ(c.events[0].origin, "test.verbs:3");  // the pattern that gave the code
}

TEST_F(DictionaryCoderTest, VerbAloneGivesItsCodeAndPairedCode) {
  // "Rivendale's minister hosted Quartz."
  auto s = Parse(
      "Rivendale/Rivendale/PROPN/3/nmod:poss 's/'s/PART/1/case minister/minister/NOUN/4/nsubj "
      "hosted/host/VERB/0/root Quartz/Quartz/PROPN/4/obj ././PUNCT/4/punct");
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt)), "RVDGOV/QTZ/043 QTZ/RVDGOV/042");
}

TEST_F(DictionaryCoderTest, PassiveCompoundAndNullCodes) {
  // "Quartz was attacked by Rivendale soldiers.": the agent of a passive is the source.
  auto passive = Parse(
      "Quartz/Quartz/PROPN/3/nsubj:pass was/be/AUX/3/aux:pass attacked/attack/VERB/0/root by/by/ADP/6/case "
      "Rivendale/Rivendale/PROPN/6/compound soldiers/soldier/NOUN/3/obl:agent ././PUNCT/3/punct");
  EXPECT_EQ(Events(coder_->Code(passive, std::nullopt)), "RVDMIL/QTZ/190");

  // "Rivendale and Quartz met in Pell.": "%" makes each member act on the other.
  auto compound = Parse(
      "Rivendale/Rivendale/PROPN/4/nsubj and/and/CCONJ/3/cc Quartz/Quartz/PROPN/1/conj met/meet/VERB/0/root "
      "in/in/ADP/6/case Pell/Pell/PROPN/4/obl ././PUNCT/4/punct");
  EXPECT_EQ(Events(coder_->Code(compound, std::nullopt)), "RVD/QTZ/031 QTZ/RVD/031");

  // "Rivendale met Quartz.": MEET alone has the null code and the "%" pattern needs two
  // actors in the subject, so nothing is coded.
  auto single = Parse(
      "Rivendale/Rivendale/PROPN/2/nsubj met/meet/VERB/0/root Quartz/Quartz/PROPN/2/obj ././PUNCT/2/punct");
  EXPECT_EQ(Events(coder_->Code(single, std::nullopt)), "");
}

TEST_F(DictionaryCoderTest, NoVerbOrNoActorsNoEvent) {
  auto s = Parse("the/the/DET/2/det soldiers/soldier/NOUN/3/nsubj condemned/condemn/VERB/0/root ././PUNCT/3/punct");
  EXPECT_TRUE(coder_->Code(s, std::nullopt).events.empty());
  EXPECT_TRUE(coder_->Code({}, std::nullopt).events.empty());
}

TEST(ActorCommentTest, SpacedXmlCommentDoesNotHideTheRestOfTheFile) {
  // PETRARCH's validation actors write "<! -- ... -->": a comment, not a <NOUN>-like
  // section that would swallow every entry after it.
  UserDictionaries d;
  std::vector<std::string> warnings;
  d.AddActors("<! -- NEW ACTORS -->\nRIVENDALE_ [RVD]\n", "c.actors", &warnings);
  UserCoding c = d.Read({"rivendale"}, std::nullopt);
  ASSERT_EQ(c.actors.size(), 1u);
  EXPECT_EQ(c.actors[0].code, "RVD");
}

TEST(PhraseGapTest, BlankLetsOtherWordsComeBetween) {
  // "PRINCE PELL_": a blank, so "the Prince of Pell" is the phrase when asked for gaps;
  // "KING_QUARTZ_": an underscore, the words must touch.
  UserDictionaries d;
  std::vector<std::string> warnings;
  d.AddActors("PRINCE PELL_ [PLL]\nKING_QUARTZ_ [QTZ]\n", "gap.actors", &warnings);
  UserCoding with = d.Read({"the", "prince", "of", "pell"}, std::nullopt, /*gaps=*/true);
  ASSERT_EQ(with.actors.size(), 1u);
  EXPECT_EQ(with.actors[0].code, "PLL");
  EXPECT_EQ(with.actors[0].first, 1u);
  EXPECT_EQ(with.actors[0].last, 3u);
  EXPECT_TRUE(d.Read({"the", "prince", "of", "pell"}, std::nullopt).actors.empty());  // sitrep's actor coder
  EXPECT_TRUE(d.Read({"king", "of", "quartz"}, std::nullopt, true).actors.empty());
  EXPECT_EQ(d.Read({"king", "quartz"}, std::nullopt, true).actors.size(), 1u);
}

TEST_F(DictionaryCoderTest, DiscardListDropsTheSentence) {
  auto discards = std::make_shared<DiscardList>();
  std::vector<std::string> warnings;
  discards->Add("# sports\n+WORLD_CUP\nBASEBALL\n", "test.discards", &warnings);
  coder_->set_discards(discards);
  auto s = Parse(
      "Rivendale/Rivendale/PROPN/2/nsubj hosted/host/VERB/0/root Quartz/Quartz/PROPN/2/obj for/for/ADP/6/case "
      "baseball/baseball/NOUN/6/compound games/game/NOUN/2/obl ././PUNCT/2/punct");
  SentenceCoding c = coder_->Code(s, std::nullopt);
  EXPECT_TRUE(c.discarded);
  EXPECT_TRUE(c.events.empty());
}

}  // namespace
}  // namespace sitrep::code::dictionaries
