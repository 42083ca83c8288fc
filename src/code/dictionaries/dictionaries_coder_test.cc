// The actor coder with small user dictionaries written for these tests: what the user's
// phrases decide, and where sitrep's own lexicon still fills in.
#include <gtest/gtest.h>

#include "code/actor_coder.h"
#include "code/dictionaries/user_dictionaries.h"
#include "code/test_doc.h"

namespace sitrep::code::dictionaries {
namespace {

using code::testing::MakeDoc;
using code::testing::Word;

class CoderWithDictionariesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto dicts = std::make_shared<UserDictionaries>();
    dicts->AddActors(
        "RIVENDALIAN_ [RVD]\n"
        "TOMAS_VELD_  [RVDGOV 950101-011231] [---]\n",
        "my.actors", &warnings_);
    dicts->AddAgents("RIGHTS_GROUP_ [NGO~]\nHARBOUR_MASTER_ [~GOVTRN]\n", "my.agents", &warnings_);
    lexicon_ = ActorLexicon::Default();
    lexicon_.set_user_dictionaries(dicts);
  }

  CodedActor Code(const std::vector<Word>& words, const std::string& published, bool with_dictionaries = true) {
    Doc doc = MakeDoc({words}, {}, published);
    const ActorLexicon& lexicon = with_dictionaries ? lexicon_ : ActorLexicon::Default();
    ActorCoder coder(doc, lexicon, nullptr);
    SentenceGraph g(doc, 0, static_cast<uint32_t>(words.size()));
    std::vector<int> all;
    for (int i = 0; i < static_cast<int>(words.size()); ++i) all.push_back(i);
    DocMemory memory;
    return coder.CodeWords(g, all, memory).value_or(CodedActor{"", {}, "(none)", "(none)"});
  }

  std::vector<std::string> warnings_;
  ActorLexicon lexicon_;
};

TEST_F(CoderWithDictionariesTest, UserActorWithSitrepSectorWord) {
  // "army" is a sector word of sitrep's lexicon; the user's file gives the country.
  CodedActor a =
      Code({{"Rivendalian", "ADJ", "rivendalian", 2, "amod"}, {"army", "NOUN", "army", 0, "root"}}, "2020-01-01");
  EXPECT_EQ(a.code, "RVDMIL");
  EXPECT_EQ(a.how, "dictionary my.actors:1");
  EXPECT_TRUE(warnings_.empty()) << ::testing::PrintToString(warnings_);
  // Without the dictionary sitrep does not know the country.
  EXPECT_NE(
      Code({{"Rivendalian", "ADJ", "rivendalian", 2, "amod"}, {"army", "NOUN", "army", 0, "root"}}, "2020-01-01", false)
          .code.substr(0, 3),
      "RVD");
}

TEST_F(CoderWithDictionariesTest, AgentComposesWithSitrepsCountry) {
  // The country from sitrep's lexicon, the agent from the user's: "NGO~" goes first.
  CodedActor a = Code({{"Pakistani", "ADJ", "pakistani", 3, "amod"},
                       {"rights", "NOUN", "right", 3, "compound"},
                       {"group", "NOUN", "group", 0, "root"}},
                      "2020-01-01");
  EXPECT_EQ(a.code, "NGOPAK");
  EXPECT_EQ(a.how, "dictionary my.agents:1 (phrase)");
  CodedActor b = Code({{"Pakistani", "ADJ", "pakistani", 2, "amod"},
                       {"harbour", "NOUN", "harbour", 3, "compound"},
                       {"master", "NOUN", "master", 0, "root"}},
                      "2020-01-01");
  EXPECT_EQ(b.code, "PAKGOVTRN");
}

TEST_F(CoderWithDictionariesTest, NullCodeLeavesTheWordsToNobody) {
  const std::vector<Word> veld = {{"Tomas", "PROPN", "Tomas", 2, "flat"}, {"Veld", "PROPN", "Veld", 0, "root"}};
  CodedActor in_office = Code(veld, "1999-06-01");
  EXPECT_EQ(in_office.code, "RVDGOV");
  // After 2001 the entry's default is the null code: the dictionary gives no code, and
  // nothing in sitrep's lexicon names him either.
  CodedActor later = Code(veld, "2005-06-01");
  EXPECT_EQ(later.how, "(none)") << later.code;
}

}  // namespace
}  // namespace sitrep::code::dictionaries
