// The user's dictionaries end to end: the real Phoenix (PETRARCH 2) dictionaries from
// ../shared, loaded as a user would pass them, behind the actor coder. Skipped when the
// shared data is not there. The sentences are written for this test.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

#include "code/actor_coder.h"
#include "code/dictionaries/user_dictionaries.h"
#include "code/test_doc.h"

namespace sitrep::code::dictionaries {
namespace {

using code::testing::MakeDoc;
using code::testing::Word;

const std::string kDir = std::string(SITREP_SHARED_DIR) + "/data/events/petrarch2/petrarch2/data/dictionaries";

class PhoenixTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(kDir + "/Phoenix.agents.txt")) return;
    const auto start = std::chrono::steady_clock::now();
    auto loaded =
        UserDictionaries::Load({kDir + "/Phoenix.Countries.actors.txt", kDir + "/Phoenix.International.actors.txt",
                                kDir + "/Phoenix.MilNonState.actors.txt"},
                               {kDir + "/Phoenix.agents.txt"}, &warnings_);
    seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    lexicon_ = new ActorLexicon(ActorLexicon::Default());
    lexicon_->set_user_dictionaries(*loaded);
  }
  static void TearDownTestSuite() { delete lexicon_, lexicon_ = nullptr; }
  void SetUp() override {
    if (!lexicon_) GTEST_SKIP() << "no Phoenix dictionaries under " << kDir;
  }

  // The code of the whole of a one-sentence document's words.
  static CodedActor Code(const std::vector<Word>& words, const std::string& published,
                         const std::string& home_country = "") {
    Doc doc = MakeDoc({words}, {}, published);
    ActorCoder coder(doc, *lexicon_, nullptr);
    SentenceGraph g(doc, 0, static_cast<uint32_t>(words.size()));
    std::vector<int> all;
    for (int i = 0; i < static_cast<int>(words.size()); ++i) all.push_back(i);
    DocMemory memory;
    memory.home_country = home_country;
    return coder.CodeWords(g, all, memory).value_or(CodedActor{"", {}, "(none)", ""});
  }

  static inline std::vector<std::string> warnings_;
  static inline double seconds_ = 0;
  static inline ActorLexicon* lexicon_ = nullptr;
};

const std::vector<Word> kObama = {{"President", "PROPN", "President", 3, "compound"},
                                  {"Barack", "PROPN", "Barack", 3, "flat"},
                                  {"Obama", "PROPN", "Obama", 0, "root"}};
const std::vector<Word> kSharif = {{"Nawaz", "PROPN", "Nawaz", 2, "compound"},
                                   {"Sharif", "PROPN", "Sharif", 0, "root"}};

TEST_F(PhoenixTest, LoadsQuicklyWithFewComplaints) {
  std::cerr << "loaded " << lexicon_->user_dictionaries()->actors().phrases() << " actor phrases, "
            << lexicon_->user_dictionaries()->agents().phrases() << " agent phrases in " << seconds_ << " s, "
            << warnings_.size() << " warnings\n";
  for (size_t i = 0; i < warnings_.size() && i < 5; ++i) std::cerr << "  " << warnings_[i] << "\n";
  EXPECT_GT(lexicon_->user_dictionaries()->actors().phrases(), 30000u);
  EXPECT_GT(lexicon_->user_dictionaries()->agents().phrases(), 1000u);
  EXPECT_LT(seconds_, 5.0);  // about 0.3 s optimised; generous for sanitiser builds
}

TEST_F(PhoenixTest, HeadOfStateByDate) {
  CodedActor in_office = Code(kObama, "2012-05-01");
  EXPECT_EQ(in_office.code, "USAGOV");
  EXPECT_TRUE(in_office.how.starts_with("dictionary ")) << in_office.how;
  EXPECT_NE(in_office.how.find("Phoenix.Countries.actors.txt:"), std::string::npos) << in_office.how;
  // Before 2009 the entry has no code for him (no default): sitrep's own reading decides.
  CodedActor before = Code(kObama, "2005-03-01");
  EXPECT_FALSE(before.how.starts_with("dictionary")) << before.code << " " << before.how;

  EXPECT_EQ(Code(kSharif, "1992-01-01").code, "PAKGOV");
  CodedActor later = Code(kSharif, "2005-06-01");
  EXPECT_EQ(later.code, "PAKELI");  // no dated code matches: the undated default
  CodedActor undated = Code(kSharif, "");
  EXPECT_EQ(undated.code, "PAKELI");
  EXPECT_NE(undated.how.find("undated document"), std::string::npos) << undated.how;
}

TEST_F(PhoenixTest, AgentsComposeWithTheCountry) {
  CodedActor minister =
      Code({{"Pakistani", "ADJ", "pakistani", 2, "amod"}, {"minister", "NOUN", "minister", 0, "root"}}, "2015-01-01");
  EXPECT_EQ(minister.code, "PAKGOV");
  EXPECT_NE(minister.how.find("Phoenix.agents.txt:"), std::string::npos) << minister.how;
  // An agent with no country in the phrase takes the one sitrep finds (here the home country).
  CodedActor army = Code({{"the", "DET", "the", 2, "det"}, {"army", "NOUN", "army", 0, "root"}}, "2015-01-01", "PAK");
  EXPECT_EQ(army.code, "PAKMIL");
  EXPECT_NE(army.how.find("Phoenix.agents.txt:"), std::string::npos) << army.how;
}

TEST_F(PhoenixTest, NamesMustBeCapitalised) {
  // "+PLA" (China's army) is a stem: in TABARI it would take "plans" too.
  CodedActor army = Code({{"PLA", "PROPN", "PLA", 0, "root"}}, "2015-01-01");
  EXPECT_TRUE(army.code.starts_with("CHN")) << army.code << " " << army.how;
  // (A capital somewhere in the document: one written all in lower case cannot tell names.)
  CodedActor plans = Code({{"The", "DET", "the", 2, "det"}, {"plans", "NOUN", "plan", 0, "root"}}, "2015-01-01");
  EXPECT_FALSE(plans.code.starts_with("CHN")) << plans.code << " / " << plans.how;
}

}  // namespace
}  // namespace sitrep::code::dictionaries
