// The user's verb dictionaries in the event stage (dictionary_events.h): a sentence coded
// with a small verb and actor dictionary written for this test, over a parse written by
// hand (test_doc.h), gives a full event of the "events" layer; on a trigger sitrep's own
// coder also codes, one event is left, with the dictionary's code.
#include "code/dictionaries/dictionary_events.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "code/event_stage.h"
#include "code/test_doc.h"

namespace sitrep::code::dictionaries {
namespace {

using testing::MakeDoc;
using testing::Word;

class DictionaryEventsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<std::string> warnings;
    auto actors = std::make_shared<UserDictionaries>();
    actors->AddActors("RIVENDALE_ [RVD]\nQUARTZ_ [QTZ]\nPELL_ [PLL]\n", "test.actors", &warnings);
    actors->AddAgents("SOLDIER_ [~MIL]\n", "test.agents", &warnings);
    auto verbs = std::make_shared<VerbDictionary>();
    verbs->Add(
        "--- CONDEMN [112] ---\n"
        "CONDEMN\n"
        "--- SNUB [161] ---\n"
        "SNUB {SNUBBED}\n"
        "--- SAY [010] ---\n"
        "SAY {SAID}\n",
        "test.verbs", &warnings);
    ASSERT_TRUE(warnings.empty()) << ::testing::PrintToString(warnings);
    coder_ = std::make_shared<DictionaryEventCoder>(verbs, actors);
    ActorLexicon lexicon = ActorLexicon::Default();
    lexicon.set_user_dictionaries(actors);
    lexicon_ = AttachDictionaryEvents(std::move(lexicon), coder_);
  }

  // "Rivendale condemned Quartz on Tuesday . Pell soldiers snubbed Quartz . Pell said ."
  static Doc Report() {
    Doc doc = MakeDoc({{{"Rivendale", "PROPN", "Rivendale", 2, "nsubj"},
                        {"condemned", "VERB", "condemn", 0, "root"},
                        {"Quartz", "PROPN", "Quartz", 2, "obj"},
                        {"on", "ADP", "on", 5, "case"},
                        {"Tuesday", "PROPN", "Tuesday", 2, "obl"},
                        {".", "PUNCT", ".", 2, "punct"}},
                       {{"Pell", "PROPN", "Pell", 2, "compound"},
                        {"soldiers", "NOUN", "soldier", 3, "nsubj"},
                        {"snubbed", "VERB", "snub", 0, "root"},
                        {"Quartz", "PROPN", "Quartz", 3, "obj"},
                        {".", "PUNCT", ".", 3, "punct"}},
                       {{"Pell", "PROPN", "Pell", 2, "nsubj"}, {"said", "VERB", "say", 0, "root"}, {".", "PUNCT", ".", 2, "punct"}}},
                      {}, "2024-03-07");
    const size_t tuesday = doc.text().find("Tuesday");
    doc.SetLayer("timex", {Annotation{Span{static_cast<uint32_t>(tuesday), static_cast<uint32_t>(tuesday + 7)}, "DATE",
                                      R"({"value":"2024-03-05","granularity":"day"})"}});
    return doc;
  }

  static std::vector<CodedEvent> Events(const Doc& doc) {
    std::vector<CodedEvent> out;
    for (const Annotation& a : *doc.Layer("events")) {
      CodedEvent e;
      EXPECT_TRUE(EventFromJson(a.attrs, &e));
      // EventFromJson does not read the lexicon back.
      e.lexicon_source = nlohmann::json::parse(a.attrs).value("lexicon", "");
      out.push_back(std::move(e));
    }
    return out;
  }

  std::shared_ptr<const DictionaryEventCoder> coder_;
  std::shared_ptr<const ActorLexicon> lexicon_;
};

TEST(PloverOfCameo, LongestPrefixAndNoStatements) {
  auto accuse = PloverOfCameo("112");
  ASSERT_TRUE(accuse);
  EXPECT_EQ(accuse->type, "ACCUSE");
  EXPECT_EQ(accuse->mode, "allege");
  EXPECT_EQ(PloverOfCameo("0431")->type, "CONSULT");
  EXPECT_EQ(PloverOfCameo("0431")->mode, "visit");
  EXPECT_EQ(PloverOfCameo("1831")->context, "terrorism");
  EXPECT_EQ(PloverOfCameo("195")->type, "ASSAULT");
  EXPECT_FALSE(PloverOfCameo("010"));  // public statements: no PLOVER event type
  EXPECT_FALSE(PloverOfCameo("---"));
  EXPECT_FALSE(PloverOfCameo(""));
}

TEST_F(DictionaryEventsTest, TheLexiconCarriesTheVerbs) {
  EXPECT_EQ(DictionaryEventsOf(lexicon_), coder_);
  EXPECT_EQ(DictionaryEventsOf(std::make_shared<const ActorLexicon>(ActorLexicon::Default())), nullptr);
  EXPECT_EQ(DictionaryEventsOf(nullptr), nullptr);
}

TEST_F(DictionaryEventsTest, DictionaryEventsInTheLayer) {
  // Without the verbs: sitrep's own coder codes "condemned" as CAMEO 111. ("snubbed" only
  // when WordNet grew its lexicon, which depends on the machine.)
  Doc plain = Report();
  ASSERT_TRUE(EventStage(lexicon_, nullptr).Process(plain).ok());
  std::vector<CodedEvent> own = Events(plain);
  const uint32_t condemned = static_cast<uint32_t>(plain.text().find("condemned"));
  const uint32_t snubbed = static_cast<uint32_t>(plain.text().find("snubbed"));
  ASSERT_FALSE(own.empty());
  EXPECT_EQ(own[0].trigger.begin, condemned);
  EXPECT_EQ(own[0].cameo, "111");
  EXPECT_EQ(own[0].lexicon_source, "lexicon");
  EXPECT_EQ(own[0].date_iso, "2024-03-05");
  for (const CodedEvent& e : own) EXPECT_NE(e.lexicon_source, "dictionary");

  // With them (the stage finds them on the lexicon): one event per trigger, the dictionary's code.
  Doc doc = Report();
  ASSERT_TRUE(EventStage(lexicon_).Process(doc).ok());
  std::vector<CodedEvent> events = Events(doc);
  ASSERT_EQ(events.size(), 2u);

  const CodedEvent& accuse = events[0];
  EXPECT_EQ(accuse.trigger, (Span{condemned, condemned + 9}));
  EXPECT_EQ(accuse.cameo, "112");
  EXPECT_EQ(accuse.type, "ACCUSE");
  EXPECT_EQ(accuse.mode, "allege");
  EXPECT_EQ(accuse.context, "diplomatic");
  EXPECT_EQ(accuse.quad_class, 3);
  EXPECT_DOUBLE_EQ(accuse.goldstein, -2.0);
  EXPECT_EQ(accuse.lexicon_source, "dictionary");
  ASSERT_EQ(accuse.sources.size(), 1u);
  ASSERT_EQ(accuse.targets.size(), 1u);
  EXPECT_EQ(accuse.sources[0].code, "RVD");
  EXPECT_EQ(accuse.sources[0].text, "Rivendale");
  EXPECT_EQ(accuse.sources[0].how, "dictionary test.actors:1");
  EXPECT_TRUE(IsExplicitCode(accuse.sources[0].how));
  EXPECT_EQ(accuse.targets[0].code, "QTZ");
  EXPECT_EQ(accuse.targets[0].how, "dictionary test.actors:2");
  EXPECT_EQ(accuse.sentence, plain.sentences()[0].span);
  // Sitrep's date of the same trigger is kept.
  EXPECT_EQ(accuse.date_iso, own[0].date_iso);
  EXPECT_EQ(accuse.date_from, "timex");

  const CodedEvent& snub = events[1];
  EXPECT_EQ(snub.trigger, (Span{snubbed, snubbed + 7}));
  EXPECT_EQ(snub.cameo, "161");
  EXPECT_EQ(snub.type, "SANCTION");
  EXPECT_EQ(snub.mode, "");  // none, as sitrep's own lexicon writes it
  EXPECT_EQ(snub.context, "diplomatic");
  EXPECT_EQ(snub.quad_class, 4);
  EXPECT_EQ(snub.lexicon_source, "dictionary");
  ASSERT_EQ(snub.sources.size(), 1u);
  EXPECT_EQ(snub.sources[0].code, "PLLMIL");  // the agent composed onto the actor
  EXPECT_EQ(snub.sources[0].text, "Pell soldiers");
  EXPECT_EQ(snub.sources[0].how, "dictionary test.actors:3 + test.agents:1");
  EXPECT_EQ(snub.targets[0].code, "QTZ");
  // No time expression of its own: the day of the sentence before, as for sitrep's events.
  EXPECT_EQ(snub.date_from, "context");
  EXPECT_EQ(snub.date_iso, "2024-03-05");
  // "Pell said" (010, a statement) is no PLOVER event.
}

TEST_F(DictionaryEventsTest, ReplacesSitrepsEventAndKeepsItsDetails) {
  Doc doc = Report();
  const uint32_t condemned = static_cast<uint32_t>(doc.text().find("condemned"));
  CodedEvent own;
  own.type = "ACCUSE", own.cameo = "111", own.lexicon_source = "lexicon";
  own.trigger = Span{condemned, condemned + 9};
  own.date_value = own.date_iso = own.date_best = "2024-03-01", own.date_from = "context";
  own.place = "Osgiliath", own.place_from = "dateline";
  own.killed = 3;
  CodedEvent other = own;
  other.trigger = Span{0, 9};  // another trigger: left alone
  std::vector<CodedEvent> events = {other, own};
  coder_->CodeDocument(doc, *lexicon_, &events);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].lexicon_source, "lexicon");
  EXPECT_EQ(events[0].trigger, (Span{0, 9}));
  EXPECT_EQ(events[1].lexicon_source, "dictionary");
  EXPECT_EQ(events[1].cameo, "112");
  EXPECT_EQ(events[1].date_iso, "2024-03-01");
  EXPECT_EQ(events[1].date_from, "context");
  EXPECT_EQ(events[1].place, "Osgiliath");
  EXPECT_EQ(events[1].killed, 3);
  EXPECT_EQ(events[2].cameo, "161");
}

TEST_F(DictionaryEventsTest, LoadingNamesAnUnreadableFile) {
  DictionaryOptions options;
  options.verbs = {"/nonexistent/dir/my.verbs"};
  std::vector<std::string> warned;
  options.warn = [&](const std::string& w) { warned.push_back(w); };
  auto lexicon = LexiconWithVerbs(options);
  ASSERT_FALSE(lexicon.ok());
  EXPECT_NE(lexicon.status().message().find("/nonexistent/dir/my.verbs"), std::string::npos);
}

}  // namespace
}  // namespace sitrep::code::dictionaries
