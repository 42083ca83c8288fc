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


TEST(PetrarchWholeWordTest, NoStemsForPetrarch) {
  // PETRARCH does not stem: "THE_KU" is the words "the ku", not "the Kuwait ..."; an agent
  // without "_" takes its regular plural unless the entry has "{}".
  UserDictionaries d;
  std::vector<std::string> warnings;
  d.AddActors("THE_KU [KUA]\nARGENTIN [ARG]\n", "w.actors", &warnings);
  d.AddAgents("POLICE {} [~COP]\nGOVERNMENT [~GOV]\n", "w.agents", &warnings);
  ASSERT_TRUE(warnings.empty()) << ::testing::PrintToString(warnings);
  const bool gaps = true;
  EXPECT_EQ(d.Read({"the", "kuwait"}, std::nullopt, gaps).actors.size(), 1u);  // TABARI: a stem
  EXPECT_TRUE(d.Read({"the", "kuwait"}, std::nullopt, gaps, /*stems=*/false).actors.empty());
  EXPECT_EQ(d.Read({"the", "ku"}, std::nullopt, gaps, false).actors.size(), 1u);
  EXPECT_TRUE(d.Read({"argentina"}, std::nullopt, gaps, false).actors.empty());
  EXPECT_EQ(d.Read({"argentina"}, std::nullopt, gaps, true).actors.size(), 1u);
  EXPECT_TRUE(d.Read({"polices"}, std::nullopt, gaps, false).agents.empty());
  EXPECT_EQ(d.Read({"police"}, std::nullopt, gaps, false).agents.size(), 1u);
  EXPECT_EQ(d.Read({"governments"}, std::nullopt, gaps, false).agents.size(), 1u);
  EXPECT_TRUE(d.Read({"governmental"}, std::nullopt, gaps, false).agents.empty());
  EXPECT_EQ(d.Read({"governmental"}, std::nullopt, gaps, true).agents.size(), 1u);
  EXPECT_FALSE(PetrarchRules().actor_stems);
  EXPECT_TRUE(TabariRules().actor_stems);
}

TEST_F(DictionaryCoderTest, RequireDyadOffCodesAMissingSideAsNull) {
  // "Rivendale condemned the plan.": no actor as target. With PETRARCH's require_dyad =
  // false the object that names no actor is "---"; with no object at all ("Rivendale
  // condemned.") or no side at all, nothing is coded.
  auto s = Parse(
      "Rivendale/Rivendale/PROPN/2/nsubj condemned/condemn/VERB/0/root the/the/DET/4/det plan/plan/NOUN/2/obj "
      "././PUNCT/2/punct");
  auto bare = Parse("Rivendale/Rivendale/PROPN/2/nsubj condemned/condemn/VERB/0/root ././PUNCT/2/punct");
  DictionaryCoderOptions o = PetrarchRules();
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, o)), "");
  ASSERT_TRUE(ApplyPetrarchConfig("require_dyad", "FALSE", &o));
  EXPECT_FALSE(o.require_dyad);
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, o)), "RVD/---/111");
  EXPECT_EQ(Events(coder_->Code(bare, std::nullopt, o)), "");
  auto none = Parse("It/it/PRON/2/nsubj condemned/condemn/VERB/0/root ././PUNCT/2/punct");
  EXPECT_EQ(Events(coder_->Code(none, std::nullopt, o)), "");
  ASSERT_TRUE(ApplyPetrarchConfig("require_dyad", "True", &o));
  EXPECT_TRUE(o.require_dyad);
  EXPECT_FALSE(ApplyPetrarchConfig("comma_max", "0", &o));
  EXPECT_FALSE(ApplyPetrarchConfig("require_dyad", "maybe", &o));
  EXPECT_TRUE(o.require_dyad);
}

TEST(PetrarchCompoundSlotTest, AfterTheVerbTheCompoundIsTheTarget) {
  // "- * WITH % [031]": "Pell agrees with Rivendale and Quartz". TABARI's "%" makes the
  // members act on each other; PETRARCH's, after the verb, is the target of the subject.
  auto actors = std::make_shared<UserDictionaries>();
  std::vector<std::string> warnings;
  actors->AddActors("RIVENDALE_ [RVD]\nQUARTZ_ [QTZ]\nPELL_ [PLL]\n", "c.actors", &warnings);
  auto verbs = std::make_shared<VerbDictionary>();
  verbs->Add("--- AGREE [081] ---\nAGREE\n- * WITH % [031]\n- % * [030:030]\n", "c.verbs", &warnings);
  ASSERT_TRUE(warnings.empty()) << ::testing::PrintToString(warnings);
  DictionaryCoder coder(verbs, actors);
  auto s = Parse(
      "Pell/Pell/PROPN/2/nsubj agrees/agree/VERB/0/root with/with/ADP/4/case Rivendale/Rivendale/PROPN/2/obl "
      "and/and/CCONJ/6/cc Quartz/Quartz/PROPN/4/conj ././PUNCT/2/punct");
  EXPECT_EQ(Events(coder.Code(s, std::nullopt, TabariRules())), "RVD/QTZ/031 QTZ/RVD/031");
  EXPECT_EQ(Events(coder.Code(s, std::nullopt, PetrarchRules())), "PLL/RVD/031 PLL/QTZ/031");
  // Before the verb the members act on each other in both: "Rivendale and Quartz agree".
  auto before = Parse(
      "Rivendale/Rivendale/PROPN/4/nsubj and/and/CCONJ/3/cc Quartz/Quartz/PROPN/1/conj agree/agree/VERB/0/root "
      "././PUNCT/4/punct");
  EXPECT_EQ(Events(coder.Code(before, std::nullopt, PetrarchRules())), "RVD/QTZ/030 QTZ/RVD/030");
}

TEST_F(DictionaryCoderTest, PetrarchLoneAgentAnywhereInTheSubject) {
  // "The soldier radio condemned Quartz.": PETRARCH reads the agent in the subject's noun
  // phrase (---MIL) even where it is not the head; the object side still needs its head.
  auto s = Parse(
      "The/the/DET/3/det soldier/soldier/NOUN/3/compound radio/radio/NOUN/4/nsubj condemned/condemn/VERB/0/root "
      "Quartz/Quartz/PROPN/4/obj ././PUNCT/4/punct");
  DictionaryCoderOptions o = PetrarchRules();
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, o)), "---MIL/QTZ/111");
  o.lone_agent_anywhere_in_subject = false;
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, o)), "");
}

TEST(AgentPhraseHeadTest, AMultiWordAgentGoesWithItsActorThroughItsHead) {
  // "The Rivendale Ministry of Walks condemned Quartz.": the agent phrase hangs from
  // "Ministry", which the actor modifies.
  auto actors = std::make_shared<UserDictionaries>();
  std::vector<std::string> warnings;
  actors->AddActors("RIVENDALE_ [RVD]\nQUARTZ_ [QTZ]\n", "h.actors", &warnings);
  actors->AddAgents("!MINST! = MINISTER, MINISTRY\n!MINST!_OF_WALKS [~GOV]\n", "h.agents", &warnings);
  auto verbs = std::make_shared<VerbDictionary>();
  verbs->Add("--- CONDEMN [111] ---\nCONDEMN\n", "h.verbs", &warnings);
  ASSERT_TRUE(warnings.empty()) << ::testing::PrintToString(warnings);
  DictionaryCoder coder(verbs, actors, PetrarchRules());
  auto s = Parse(
      "The/the/DET/3/det Rivendale/Rivendale/PROPN/3/compound Ministry/ministry/PROPN/6/nsubj of/of/ADP/5/case "
      "Walks/walk/PROPN/3/nmod condemned/condemn/VERB/0/root Quartz/Quartz/PROPN/6/obj ././PUNCT/6/punct");
  EXPECT_EQ(Events(coder.Code(s, std::nullopt)), "RVDGOV/QTZ/111");
}

// PETRARCH's rules over a small dictionary of its own, for the tests below.
class PetrarchRulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto actors = std::make_shared<UserDictionaries>();
    std::vector<std::string> warnings;
    actors->AddActors("RIVENDALE_ [RVD]\nQUARTZ_ [QTZ]\nPELL_ [PLL]\n", "p.actors", &warnings);
    actors->AddAgents("OFFICIAL [~GOV]\nMSF {} [NGO~]\nDIPLOMAT [~GOV]\n", "p.agents", &warnings);
    auto verbs = std::make_shared<VerbDictionary>();
    verbs->Add(
        "--- SAY [023] ---\nSAY {SAID}\n"
        "--- RESTORE [064] ---\nRESTORE\n"
        "--- BURN [180] ---\nBURN\n"
        "--- ABANDON [345] ---\nABANDON\n- * EFFORT [987]\n"
        "--- LEAVE [032:033] ---\nLEAVE {LEFT}\n",
        "p.verbs", &warnings);
    ASSERT_TRUE(warnings.empty()) << ::testing::PrintToString(warnings);
    coder_ = std::make_unique<DictionaryCoder>(verbs, actors, PetrarchRules());
  }
  std::unique_ptr<DictionaryCoder> coder_;
};

TEST_F(PetrarchRulesTest, TerminalCommaClauseIsEliminated) {
  // "Rivendale restored ties with Quartz, a senior official said on Monday.": with
  // require_dyad off the reporting clause is ---GOV/---/023, unless PETRARCH's terminal
  // comma clause elimination (comma_emin..comma_emax words after the last comma) drops it.
  auto s = Parse(
      "Rivendale/Rivendale/PROPN/2/nsubj restored/restore/VERB/0/root ties/tie/NOUN/2/obj with/with/ADP/5/case "
      "Quartz/Quartz/PROPN/3/nmod ,/,/PUNCT/9/punct a/a/DET/9/det senior/senior/ADJ/9/amod "
      "official/official/NOUN/10/nsubj said/say/VERB/2/parataxis on/on/ADP/12/case Monday/Monday/PROPN/10/obl "
      "././PUNCT/2/punct");
  DictionaryCoderOptions o = coder_->options();
  ASSERT_TRUE(ApplyPetrarchConfig("require_dyad", "false", &o));
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, o)), "RVD/QTZ/064");  // 6 words: within 2..8
  ASSERT_TRUE(ApplyPetrarchConfig("comma_emax", "5", &o));
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, o)), "RVD/QTZ/064 ---GOV/---/023");
  ASSERT_TRUE(ApplyPetrarchConfig("comma_emax", "0", &o));  // off
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, o)), "RVD/QTZ/064 ---GOV/---/023");
  EXPECT_EQ(o.comma_emin, 2);
}

TEST_F(PetrarchRulesTest, SubordinateClauseWithoutTargetJoinsTheEventBefore) {
  // "Rivendale restored ties after Pell crowds burned its embassy." (require_dyad off): the
  // "after" clause, with no actor to burn, is part of the restore event; when that event
  // has no target either, the clause's source is its target.
  DictionaryCoderOptions o = coder_->options();
  o.require_dyad = false;
  o.comma_emax = 0;
  auto with_target = Parse(
      "Rivendale/Rivendale/PROPN/2/nsubj restored/restore/VERB/0/root ties/tie/NOUN/2/obj with/with/ADP/5/case "
      "Quartz/Quartz/PROPN/3/nmod after/after/SCONJ/9/mark Pell/Pell/PROPN/8/compound crowds/crowd/NOUN/9/nsubj "
      "burned/burn/VERB/2/advcl its/its/PRON/11/nmod:poss embassy/embassy/NOUN/9/obj ././PUNCT/2/punct");
  EXPECT_EQ(Events(coder_->Code(with_target, std::nullopt, o)), "RVD/QTZ/064");
  auto without = Parse(
      "Rivendale/Rivendale/PROPN/2/nsubj restored/restore/VERB/0/root ties/tie/NOUN/2/obj after/after/SCONJ/7/mark "
      "Pell/Pell/PROPN/6/compound crowds/crowd/NOUN/7/nsubj burned/burn/VERB/2/advcl its/its/PRON/9/nmod:poss "
      "embassy/embassy/NOUN/7/obj ././PUNCT/2/punct");
  EXPECT_EQ(Events(coder_->Code(without, std::nullopt, o)), "RVD/PLL/064");
  // Alone (no coded verb before it), the clause is coded with its null target.
  auto alone = Parse(
      "Pell/Pell/PROPN/2/compound crowds/crowd/NOUN/3/nsubj burned/burn/VERB/0/root its/its/PRON/5/nmod:poss "
      "embassy/embassy/NOUN/3/obj ././PUNCT/3/punct");
  EXPECT_EQ(Events(coder_->Code(alone, std::nullopt, o)), "PLL/---/180");
}

TEST_F(PetrarchRulesTest, ReportingClauseAfterACommaHasTheNounPhraseBeforeItsVerb) {
  // "Rivendale restored ties with Quartz, the official agency Pell said on Monday." parsed
  // with the agency as an apposition: PETRARCH's (S , (NP ...) (VP said)) gives PLL.
  auto s = Parse(
      "Rivendale/Rivendale/PROPN/2/nsubj restored/restore/VERB/0/root ties/tie/NOUN/2/obj with/with/ADP/5/case "
      "Quartz/Quartz/PROPN/3/nmod ,/,/PUNCT/9/punct the/the/DET/9/det official/official/ADJ/9/amod "
      "agency/agency/NOUN/3/appos Pell/Pell/PROPN/9/flat said/say/VERB/2/advcl on/on/ADP/13/case "
      "Monday/Monday/PROPN/11/obl ././PUNCT/2/punct");
  DictionaryCoderOptions o = coder_->options();
  o.require_dyad = false;
  o.comma_emax = 0;
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, o)), "RVD/QTZ/064 PLL/---/023");
  o.comma_clause_subject = false;
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, o)), "RVD/QTZ/064");
}

TEST_F(PetrarchRulesTest, EveryAgentOnTheActorsLineComposes) {
  // "An MSF Rivendale diplomat restored ties with Quartz.": NGO~ and ~GOV.
  auto s = Parse(
      "An/a/DET/4/det MSF/MSF/PROPN/3/compound Rivendale/Rivendale/PROPN/4/compound diplomat/diplomat/NOUN/5/nsubj "
      "restored/restore/VERB/0/root ties/tie/NOUN/5/obj with/with/ADP/8/case Quartz/Quartz/PROPN/6/nmod "
      "././PUNCT/5/punct");
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt)), "NGORVDGOV/QTZ/064");
  DictionaryCoderOptions o = coder_->options();
  o.all_agents_compose = false;
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, o)), "NGORVD/QTZ/064");
}

TEST_F(PetrarchRulesTest, PatternNounsTakeNoPlural) {
  // "Rivendale abandoned efforts with Quartz.": "* EFFORT [987]" does not take "efforts".
  auto s = Parse(
      "Rivendale/Rivendale/PROPN/2/nsubj abandoned/abandon/VERB/0/root efforts/effort/NOUN/2/obj "
      "with/with/ADP/5/case Quartz/Quartz/PROPN/3/nmod ././PUNCT/2/punct");
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt)), "RVD/QTZ/345");
  DictionaryCoderOptions o = coder_->options();
  o.pattern_noun_plurals = true;
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, o)), "RVD/QTZ/987");
}

TEST_F(PetrarchRulesTest, NewActorsFromShortNounPhrases) {
  // "Gryff's head Elanor left for the Ministry of Magic on Monday.": with
  // new_actor_length 4 both noun phrases are actors written as their words.
  auto s = Parse(
      "Gryff/Gryff/PROPN/3/nmod:poss 's/'s/PART/1/case head/head/NOUN/5/nsubj Elanor/Elanor/PROPN/3/appos "
      "left/leave/VERB/0/root for/for/ADP/8/case the/the/DET/8/det Ministry/Ministry/PROPN/5/obl of/of/ADP/10/case "
      "Magic/Magic/PROPN/8/nmod on/on/ADP/12/case Monday/Monday/PROPN/8/nmod ././PUNCT/5/punct");
  DictionaryCoderOptions o = coder_->options();
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, o)), "");
  ASSERT_TRUE(ApplyPetrarchConfig("new_actor_length", "4", &o));
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, o)),
            "\"GRYFF HEAD ELANOR\"/\"THE MINISTRY OF MAGIC\"/032 \"THE MINISTRY OF MAGIC\"/\"GRYFF HEAD ELANOR\"/033");
  ASSERT_TRUE(ApplyPetrarchConfig("new_actor_length", "3", &o));  // "the Ministry of Magic" is 4 words
  EXPECT_EQ(Events(coder_->Code(s, std::nullopt, o)), "");
}

}  // namespace
}  // namespace sitrep::code::dictionaries
