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

// ---- Rules of issue 6: lone agents, TABARI's options, pronouns, clauses. ----

DictionaryCoderOptions Tabari() { return TabariRules(); }

TEST_F(DictionaryCoderTest, LoneAgentIsAnActorOfItsOwn) {
  // "Rivendale condemned soldiers.": PETRARCH writes ---MIL, TABARI with CONVERT AGENTS ~MIL.
  auto s = Parse(
      "Rivendale/Rivendale/PROPN/2/nsubj condemned/condemn/VERB/0/root soldiers/soldier/NOUN/2/obj ././PUNCT/2/punct");
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt)), "");  // off: no actor, no event
  DictionaryCoderOptions petrarch = PetrarchRules();
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, petrarch)), "RVD/---MIL/111");
  DictionaryCoderOptions tabari = Tabari();
  ASSERT_TRUE(ApplyTabariOption("OPTION: SET: CONVERT AGENT = TRUE", &tabari));
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, tabari)), "RVD/~MIL/111");
  // Not when the phrase has an actor ("Quartz soldiers"), nor an agent word that is not
  // the phrase's head ("soldier talks" are talks).
  auto with_actor = Parse(
      "Rivendale/Rivendale/PROPN/2/nsubj condemned/condemn/VERB/0/root Quartz/Quartz/PROPN/4/compound "
      "soldiers/soldier/NOUN/2/obj ././PUNCT/2/punct");
  EXPECT_EQ(Events(coder_->Code(with_actor, std::nullopt, petrarch)), "RVD/QTZMIL/111");
  auto modifier = Parse(
      "Rivendale/Rivendale/PROPN/2/nsubj condemned/condemn/VERB/0/root soldier/soldier/NOUN/4/compound "
      "talks/talk/NOUN/2/obj ././PUNCT/2/punct");
  EXPECT_EQ(Events(coder_->Code(modifier, std::nullopt, petrarch)), "");
}

TEST(TabariOptionTest, OptionLinesSetTheCoderOptions) {
  DictionaryCoderOptions o = TabariRules();
  EXPECT_TRUE(ApplyTabariOption("OPTION:  DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER", &o));
  EXPECT_EQ(o.default_source, "DEFSRC");
  EXPECT_EQ(o.default_target, "DEFTAR");
  EXPECT_TRUE(o.default_source_prior);
  EXPECT_TRUE(o.default_target_after);
  EXPECT_TRUE(ApplyTabariOption("DEFAULT: OFF", &o));
  EXPECT_TRUE(o.default_source.empty() && o.default_target.empty() && !o.default_source_prior);
  EXPECT_TRUE(ApplyTabariOption("DEFAULT: SOURCE: [USA] TARGET: [WLD]", &o));
  EXPECT_EQ(o.default_source, "USA");
  EXPECT_FALSE(o.default_source_prior);
  EXPECT_TRUE(ApplyTabariOption("OPTION: SET: CODE ALL", &o));
  EXPECT_EQ(o.code_by, DictionaryCoderOptions::CodeBy::kAll);
  EXPECT_TRUE(ApplyTabariOption("set: code by sentence", &o));
  EXPECT_EQ(o.code_by, DictionaryCoderOptions::CodeBy::kSentence);
  EXPECT_TRUE(ApplyTabariOption("SET: CONVERT AGENTS = TRUE", &o));
  EXPECT_TRUE(o.lone_agents);
  EXPECT_TRUE(o.lone_agent_actor.empty());
  EXPECT_TRUE(ApplyTabariOption("FORWARD: ^^*****NNN*SSS", &o));
  EXPECT_TRUE(o.forward);
  EXPECT_TRUE(ApplyTabariOption("OPTION: FORWARD: ^^*****NNN*SSS OFF", &o));
  EXPECT_FALSE(o.forward);
  EXPECT_FALSE(ApplyTabariOption("OPTION: SET: TIME SHIFT = FALSE", &o));
  EXPECT_FALSE(ApplyTabariOption("", &o));
}

TEST_F(DictionaryCoderTest, DefaultSourceAndTarget) {
  // "Xanadu condemned Quartz and Pell." (Xanadu is no actor)
  auto s = Parse(
      "Xanadu/Xanadu/PROPN/2/nsubj condemned/condemn/VERB/0/root Quartz/Quartz/PROPN/2/obj and/and/CCONJ/5/cc "
      "Pell/Pell/PROPN/3/conj ././PUNCT/2/punct");
  DictionaryCoderOptions o = Tabari();
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, o)), "");
  ASSERT_TRUE(ApplyTabariOption("DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER", &o));
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, o)), "DEFSRC/QTZ/111 DEFSRC/PLL/111");
  // Without PRIOR the first actor after the verb is the source, the next its target.
  ASSERT_TRUE(ApplyTabariOption("DEFAULT: OFF", &o));
  ASSERT_TRUE(ApplyTabariOption("DEFAULT: SOURCE [DEFSRC] TARGET [DEFTAR] AFTER", &o));
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, o)), "QTZ/PLL/111");
  // "Quartz and Pell condemned Xanadu.": no target; AFTER gives the default, without it
  // the second member of the source is the target.
  auto t = Parse(
      "Quartz/Quartz/PROPN/4/nsubj and/and/CCONJ/3/cc Pell/Pell/PROPN/1/conj condemned/condemn/VERB/0/root "
      "Xanadu/Xanadu/PROPN/4/obj ././PUNCT/4/punct");
  EXPECT_EQ(Events(coder_->Code(t, std::nullopt, o)), "QTZ/DEFTAR/111 PLL/DEFTAR/111");
  ASSERT_TRUE(ApplyTabariOption("DEFAULT: OFF", &o));
  ASSERT_TRUE(ApplyTabariOption("DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR]", &o));
  EXPECT_EQ(Events(coder_->Code(t, std::nullopt, o)), "QTZ/PLL/111");
}

TEST_F(DictionaryCoderTest, ForwardedActorForALeadingPronoun) {
  // "He condemned Quartz." after a sentence whose first actor was Rivendale.
  auto s = Parse(
      "He/he/PRON/2/nsubj condemned/condemn/VERB/0/root Quartz/Quartz/PROPN/2/obj ././PUNCT/2/punct");
  DictionaryCoderOptions o = Tabari();
  o.forwarded = {"RVD"};
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, o)), "");  // FORWARD off
  o.forward = true;
  SentenceCoding c = coder_->Code(s, std::nullopt, o);
  EXPECT_EQ(Events(c), "RVD/QTZ/111");
  EXPECT_EQ(c.first_actors, std::vector<std::string>{"QTZ"});  // for the next sentence
}

TEST_F(DictionaryCoderTest, CodeBySentenceAndCodeAll) {
  // "Rivendale condemned Quartz and attacked Pell": the "and" before a verb ends the
  // clause, so CODE BY CLAUSE codes both verbs, CODE BY SENTENCE the first.
  auto s = Parse(
      "Rivendale/Rivendale/PROPN/2/nsubj condemned/condemn/VERB/0/root Quartz/Quartz/PROPN/2/obj "
      "and/and/CCONJ/5/cc attacked/attack/VERB/2/conj Pell/Pell/PROPN/5/obj ././PUNCT/2/punct");
  DictionaryCoderOptions o = Tabari();
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, o)), "RVD/QTZ/111 RVD/PLL/190");
  o.code_by = DictionaryCoderOptions::CodeBy::kSentence;
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, o)), "RVD/QTZ/111");
  // "Rivendale attacked Quartz to condemn Pell": one clause; CODE ALL codes both verbs.
  auto one = Parse(
      "Rivendale/Rivendale/PROPN/2/nsubj attacked/attack/VERB/0/root Quartz/Quartz/PROPN/2/obj "
      "to/to/PART/5/mark condemn/condemn/VERB/2/xcomp Pell/Pell/PROPN/5/obj ././PUNCT/2/punct");
  o.code_by = DictionaryCoderOptions::CodeBy::kClause;
  EXPECT_EQ(Events(coder_->Code(one, std::nullopt, o)), "RVD/QTZ/190");
  o.code_by = DictionaryCoderOptions::CodeBy::kAll;
  EXPECT_EQ(Events(coder_->Code(one, std::nullopt, o)), "RVD/QTZ/190 RVD/PLL/111");
}

TEST_F(DictionaryCoderTest, TabariPronounsOnTheObjectSide) {
  // "Rivendale said Quartz condemned him.": HIM is the first actor of the sentence.
  auto s = Parse(
      "Rivendale/Rivendale/PROPN/2/nsubj said/say/VERB/0/root Quartz/Quartz/PROPN/4/nsubj "
      "condemned/condemn/VERB/2/ccomp him/he/PRON/4/obj ././PUNCT/2/punct");
  DictionaryCoderOptions o = Tabari();
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, o)), "QTZ/RVD/111");
  o.object_pronouns = false;
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, o)), "");
}

TEST_F(DictionaryCoderTest, TabariPronounSubjectOfTheClauseAbove) {
  // "Rivendale met; then it urged that Quartz attack.": IT (Rivendale) is the source of
  // "attack", Quartz its target.
  auto s = Parse(
      "Rivendale/Rivendale/PROPN/2/nsubj met/meet/VERB/0/root ;/;/PUNCT/6/punct then/then/ADV/6/advmod "
      "it/it/PRON/6/nsubj urged/urge/VERB/2/parataxis that/that/SCONJ/9/mark Quartz/Quartz/PROPN/9/nsubj "
      "attack/attack/VERB/6/ccomp ././PUNCT/2/punct");
  DictionaryCoderOptions o = Tabari();
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, o)), "RVD/QTZ/190");
  o.object_pronouns = false;
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, o)), "");
}

TEST_F(DictionaryCoderTest, TabariTargetIsTheObjectOfTheVerbAbove) {
  // "Rivendale urged Quartz to attack it.": IT is Rivendale, the source; the target is
  // the object of "urged".
  auto s = Parse(
      "Rivendale/Rivendale/PROPN/2/nsubj urged/urge/VERB/0/root Quartz/Quartz/PROPN/2/obj to/to/PART/5/mark "
      "attack/attack/VERB/2/xcomp it/it/PRON/5/obj ././PUNCT/2/punct");
  DictionaryCoderOptions o = Tabari();
  o.code_by = DictionaryCoderOptions::CodeBy::kAll;
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, o)), "RVD/QTZ/190");
  o.object_pronouns = false;
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, o)), "");
}

TEST_F(DictionaryCoderTest, AppositionWithoutACommaIsTheArgument) {
  // "Rivendale condemned its neighbor Quartz.": no comma, so Quartz is the object's name.
  auto s = Parse(
      "Rivendale/Rivendale/PROPN/2/nsubj condemned/condemn/VERB/0/root its/its/PRON/4/nmod:poss "
      "neighbor/neighbor/NOUN/2/obj Quartz/Quartz/PROPN/4/appos ././PUNCT/2/punct");
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt)), "RVD/QTZ/111");
  // "Rivendale condemned the talks, Quartz said." has the comma: Quartz is not the object.
  auto comma = Parse(
      "Rivendale/Rivendale/PROPN/2/nsubj condemned/condemn/VERB/0/root the/the/DET/4/det talks/talk/NOUN/2/obj "
      ",/,/PUNCT/6/punct Quartz/Quartz/PROPN/4/appos ././PUNCT/2/punct");
  EXPECT_EQ(Events(coder_->Code(comma, std::nullopt)), "");
}

TEST_F(DictionaryCoderTest, TabariClauseEndsAtAConjunctionHungFromTheNextSubject) {
  // "Rivendale condemned Pell and Quartz attacked him": the parse hangs "and" from
  // Quartz; it still opens a clause, whose first verb TABARI codes.
  auto s = Parse(
      "Rivendale/Rivendale/PROPN/2/nsubj condemned/condemn/VERB/0/root Pell/Pell/PROPN/2/obj "
      "and/and/CCONJ/5/cc Quartz/Quartz/PROPN/6/nsubj attacked/attack/VERB/2/advcl him/he/PRON/6/obj "
      "././PUNCT/2/punct");
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, Tabari())), "RVD/PLL/111 QTZ/RVD/190");
}

TEST(DictionaryCoderRulesTest, AgentWordsAreNotVerbsAndComplexPatternsAreSkipped) {
  auto actors = std::make_shared<UserDictionaries>();
  std::vector<std::string> warnings;
  actors->AddActors("RIVENDALE_ [RVD]\nQUARTZ_ [QTZ]\n", "r.actors", &warnings);
  actors->AddAgents("SECURITY_FORCE_ [~MIL]\n", "r.agents", &warnings);
  auto verbs = std::make_shared<VerbDictionary>();
  verbs->Add(
      "--- FORCE [175] ---\nFORCE\n"
      "--- CONDEMN [111] ---\nCONDEMN\n- * HARSHLY SOLDIERS [+++]\n- * HARSHLY [122]\n",
      "r.verbs", &warnings);
  ASSERT_TRUE(warnings.empty()) << ::testing::PrintToString(warnings);
  DictionaryCoder coder(verbs, actors, TabariRules());
  // "Rivendale security forces condemned Quartz.": "forces" is in an agent phrase.
  auto s = Parse(
      "Rivendale/Rivendale/PROPN/3/compound security/security/NOUN/3/compound forces/force/NOUN/4/nsubj "
      "condemned/condemn/VERB/0/root Quartz/Quartz/PROPN/4/obj ././PUNCT/4/punct");
  EXPECT_EQ(Events(coder.Code(s, std::nullopt)), "RVDMIL/QTZ/111");
  // "Rivendale condemned Quartz harshly, soldiers said": TABARI leaves the "+++" verb
  // uncoded; PETRARCH passes over the pattern to the next.
  auto t = Parse(
      "Rivendale/Rivendale/PROPN/2/nsubj condemned/condemn/VERB/0/root Quartz/Quartz/PROPN/2/obj "
      "harshly/harshly/ADV/2/advmod soldiers/soldier/NOUN/2/obl ././PUNCT/2/punct");
  EXPECT_EQ(Events(coder.Code(t, std::nullopt)), "");
  EXPECT_EQ(Events(coder.Code(t, std::nullopt, PetrarchRules())), "RVD/QTZ/122");
}

TEST_F(DictionaryCoderTest, AgentBeforeAListGoesWithTheFirstForTabari) {
  // "The ministers of Rivendale and Quartz condemned Pell."
  auto s = Parse(
      "The/the/DET/2/det ministers/minister/NOUN/7/nsubj of/of/ADP/4/case Rivendale/Rivendale/PROPN/2/nmod "
      "and/and/CCONJ/6/cc Quartz/Quartz/PROPN/4/conj condemned/condemn/VERB/0/root Pell/Pell/PROPN/7/obj "
      "././PUNCT/7/punct");
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, TabariRules())), "RVDGOV/PLL/111 QTZ/PLL/111");
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, PetrarchRules())), "RVDGOV/PLL/111 QTZGOV/PLL/111");
}

}  // namespace
}  // namespace sitrep::code::dictionaries
