// The coder on sentences written for these tests, with hand-made trees (test_doc.h).
#include "code/event_coder.h"

#include <gtest/gtest.h>

#include <chrono>

#include "code/event_rows.h"
#include "code/event_stage.h"
#include "code/sentence_graph.h"
#include "code/test_doc.h"

namespace sitrep::code {
namespace {

using testing::MakeDoc;
using testing::Word;

std::vector<CodedEvent> Code(const Doc& doc) { return EventCoder().CodeDocument(doc); }

std::string Codes(const std::vector<CodedActor>& actors) {
  std::string out;
  for (const CodedActor& a : actors) out += (out.empty() ? "" : ",") + a.code;
  return out;
}

TEST(EventCoder, CoordinatedSubjectsDiscussingAreOneReciprocalConsult) {
  // Pakistan and the United States discussed trade .
  Doc doc = MakeDoc({{{"Pakistan", "PROPN", "Pakistan", 5, "nsubj"},
                      {"and", "CCONJ", "and", 4, "cc"},
                      {"the", "DET", "the", 4, "det"},
                      {"United States", "PROPN", "United States", 1, "conj"},
                      {"discussed", "VERB", "discuss", 0, "root"},
                      {"trade", "NOUN", "trade", 5, "obj"},
                      {".", "PUNCT", ".", 5, "punct"}}},
                    {{"Pakistan", "LOC"}, {"United States", "LOC"}}, "2024-09-16");
  auto events = Code(doc);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "CONSULT");
  EXPECT_EQ(events[0].cameo, "040");
  EXPECT_TRUE(events[0].reciprocal);
  EXPECT_EQ(Codes(events[0].sources), "PAKGOV,USAGOV");
  EXPECT_EQ(events[0].date_from, "dct");
  EXPECT_EQ(events[0].date_iso, "2024-09-16");
  EXPECT_TRUE(events[0].root_event);
  EXPECT_EQ(doc.Slice(events[0].trigger), "discussed");
}

TEST(EventCoder, PassiveVoiceTakesTheAgentAsSource) {
  // The embassy was attacked by Taliban militants .
  Doc doc = MakeDoc({{{"The", "DET", "the", 2, "det"},
                      {"embassy", "NOUN", "embassy", 4, "nsubj:pass"},
                      {"was", "AUX", "be", 4, "aux:pass"},
                      {"attacked", "VERB", "attack", 0, "root"},
                      {"by", "ADP", "by", 7, "case"},
                      {"Taliban", "PROPN", "Taliban", 7, "compound"},
                      {"militants", "NOUN", "militant", 4, "obl:agent"},
                      {".", "PUNCT", ".", 4, "punct"}}});
  auto events = Code(doc);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "ASSAULT");
  EXPECT_EQ(Codes(events[0].sources), "AFGREB");
  ASSERT_EQ(events[0].targets.size(), 1u);
  EXPECT_EQ(events[0].targets[0].code, "GOV") << "no country anywhere in the text: the sector alone";
  EXPECT_EQ(events[0].targets[0].how, "sector-only");
}

TEST(EventCoder, NegationAndFuture) {
  // India did not condemn the attack . Pakistan will meet India in June .
  Doc doc = MakeDoc({{{"India", "PROPN", "India", 4, "nsubj"},
                      {"did", "AUX", "do", 4, "aux"},
                      {"not", "PART", "not", 4, "advmod"},
                      {"condemn", "VERB", "condemn", 0, "root"},
                      {"the", "DET", "the", 6, "det"},
                      {"attack", "NOUN", "attack", 4, "obj"},
                      {".", "PUNCT", ".", 4, "punct"}},
                     {{"Pakistan", "PROPN", "Pakistan", 3, "nsubj"},
                      {"will", "AUX", "will", 3, "aux"},
                      {"meet", "VERB", "meet", 0, "root"},
                      {"India", "PROPN", "India", 3, "obj"},
                      {".", "PUNCT", ".", 3, "punct"}}});
  auto events = Code(doc);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].type, "ACCUSE");
  EXPECT_EQ(events[0].cameo, "111");
  EXPECT_TRUE(events[0].negated);
  EXPECT_EQ(Codes(events[0].sources), "INDGOV");
  EXPECT_EQ(events[1].type, "CONSULT");
  EXPECT_TRUE(events[1].future);
  EXPECT_EQ(events[1].cameo, "036");
  EXPECT_EQ(Codes(events[1].sources), "PAKGOV");
  EXPECT_EQ(Codes(events[1].targets), "INDGOV");
}

TEST(EventCoder, ATimeIsNoPartyAndAPrepositionMayHangOnTheTitle) {
  // Pakistani Minister Naqvi met with US Ambassador Baker on Thursday .  (the parse as the
  // model gives it: "with" on "Ambassador", "on Thursday" an oblique of "met")
  Doc doc = MakeDoc({{{"Pakistani", "ADJ", "Pakistani", 2, "amod"},
                      {"Minister", "PROPN", "Minister", 3, "nmod:desc"},
                      {"Naqvi", "PROPN", "Naqvi", 4, "nsubj"},
                      {"met", "VERB", "meet", 0, "root"},
                      {"with", "ADP", "with", 7, "case"},
                      {"US", "PROPN", "US", 7, "compound"},
                      {"Ambassador", "PROPN", "Ambassador", 8, "nmod:desc"},
                      {"Baker", "PROPN", "Baker", 4, "obl"},
                      {"on", "ADP", "on", 10, "case"},
                      {"Thursday", "PROPN", "Thursday", 4, "obl"},
                      {".", "PUNCT", ".", 4, "punct"}}},
                    {{"Naqvi", "PER"}, {"Baker", "PER"}});
  const Span thursday{static_cast<uint32_t>(doc.text().find("Thursday")),
                      static_cast<uint32_t>(doc.text().find("Thursday") + 8)};
  doc.SetLayer("timex", {Annotation{thursday, "DATE", R"({"value":"XXXX-WXX-4","granularity":"day"})"}});
  auto events = Code(doc);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "CONSULT");
  EXPECT_EQ(Codes(events[0].sources), "PAKGOV");
  EXPECT_EQ(Codes(events[0].targets), "USAGOV");
}

TEST(EventCoder, TheirSummitIsHeldByTheSubjects) {
  // US President Biden and Chinese President Xi held their summit .
  Doc doc = MakeDoc({{{"US", "PROPN", "US", 3, "compound"},
                      {"President", "PROPN", "President", 3, "nmod:desc"},
                      {"Biden", "PROPN", "Biden", 8, "nsubj"},
                      {"and", "CCONJ", "and", 7, "cc"},
                      {"Chinese", "ADJ", "Chinese", 6, "amod"},
                      {"President", "PROPN", "President", 7, "nmod:desc"},
                      {"Xi", "PROPN", "Xi", 3, "conj"},
                      {"held", "VERB", "hold", 0, "root"},
                      {"their", "PRON", "their", 10, "nmod:poss"},
                      {"summit", "NOUN", "summit", 8, "obj"},
                      {".", "PUNCT", ".", 8, "punct"}}},
                    {{"Biden", "PER"}, {"Xi", "PER"}});
  auto events = Code(doc);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "CONSULT");
  EXPECT_TRUE(events[0].reciprocal);
  EXPECT_EQ(Codes(events[0].sources), "USAGOV,CHNGOV");
}

TEST(EventCoder, AnAdjectiveParsedAsAConjunctIsNoParty) {
  // US President Biden and Chinese President Xi agreed . ("Chinese" misparsed as a conjunct)
  Doc doc = MakeDoc({{{"US", "PROPN", "US", 3, "compound"},
                      {"President", "PROPN", "President", 3, "nmod:desc"},
                      {"Biden", "PROPN", "Biden", 8, "nsubj"},
                      {"and", "CCONJ", "and", 5, "cc"},
                      {"Chinese", "ADJ", "Chinese", 3, "conj"},
                      {"President", "PROPN", "President", 7, "nmod:desc"},
                      {"Xi", "PROPN", "Xi", 3, "conj"},
                      {"agreed", "VERB", "agree", 0, "root"},
                      {".", "PUNCT", ".", 8, "punct"}}},
                    {{"Biden", "PER"}, {"Xi", "PER"}});
  auto events = Code(doc);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "AGREE");
  EXPECT_EQ(Codes(events[0].sources), "USAGOV,CHNGOV");  // not USAGOV,CHNGOV,CHNGOV
}

TEST(EventCoder, NominalEventWithLightVerbAndNameMemory) {
  // US envoy John Bass paid a courtesy call on Pakistani Foreign Minister Ishaq Dar .
  // Bass condemned the bombing .
  Doc doc = MakeDoc({{{"US", "PROPN", "US", 4, "compound"},
                      {"envoy", "NOUN", "envoy", 4, "compound"},
                      {"John", "PROPN", "John", 4, "compound"},
                      {"Bass", "PROPN", "Bass", 5, "nsubj"},
                      {"paid", "VERB", "pay", 0, "root"},
                      {"a", "DET", "a", 8, "det"},
                      {"courtesy", "NOUN", "courtesy", 8, "compound"},
                      {"call", "NOUN", "call", 5, "obj"},
                      {"on", "ADP", "on", 14, "case"},
                      {"Pakistani", "ADJ", "Pakistani", 14, "amod"},
                      {"Foreign", "ADJ", "foreign", 12, "amod"},
                      {"Minister", "PROPN", "Minister", 14, "compound"},
                      {"Ishaq", "PROPN", "Ishaq", 14, "compound"},
                      {"Dar", "PROPN", "Dar", 5, "obl"},
                      {".", "PUNCT", ".", 5, "punct"}},
                     {{"Bass", "PROPN", "Bass", 2, "nsubj"},
                      {"condemned", "VERB", "condemn", 0, "root"},
                      {"the", "DET", "the", 4, "det"},
                      {"bombing", "NOUN", "bombing", 2, "obj"},
                      {".", "PUNCT", ".", 2, "punct"}}},
                    {{"John Bass", "PER"}, {"Ishaq Dar", "PER"}});
  auto events = Code(doc);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].type, "CONSULT");
  EXPECT_EQ(events[0].mode, "visit");
  EXPECT_EQ(events[0].cameo, "042");
  EXPECT_EQ(Codes(events[0].sources), "USAGOV");
  EXPECT_EQ(Codes(events[0].targets), "PAKGOV");
  EXPECT_EQ(events[1].type, "ACCUSE");
  EXPECT_EQ(Codes(events[1].sources), "USAGOV");
  EXPECT_EQ(events[1].sources[0].how, "name-memory");
}

TEST(EventCoder, CyclicAndBrokenHeadsNeitherCrashNorLoop) {
  Doc doc = MakeDoc({{{"Pakistan", "PROPN", "Pakistan", 2, "nsubj"},
                      {"condemned", "VERB", "condemn", 3, "root"},
                      {"India", "PROPN", "India", 2, "obj"},
                      {"x", "X", "x", 99, "dep"},
                      {"y", "X", "y", 5, "dep"}}});
  // Make word 5 its own head, and heads point outside the sentence.
  doc.mutable_tokens()[4].head = 4;
  doc.mutable_tokens()[3].head = 1000;
  SentenceGraph g(doc, 0, 5);
  EXPECT_GE(g.cut_heads(), 2);
  for (int i = 0; i < g.size(); ++i) EXPECT_GE(g.DepthBelow(i, i), 0);
  auto events = Code(doc);  // must terminate; what it finds in a broken tree is not asserted
  for (const CodedEvent& e : events) EXPECT_FALSE(e.type.empty());
}

TEST(EventCoder, TwoHundredCoordinatedActorsAreBounded) {
  std::vector<Word> words;
  const char* names[] = {"Pakistan", "India", "China", "Iran"};
  for (int i = 0; i < 200; ++i) {
    if (i) words.push_back({"and", "CCONJ", "and", static_cast<int>(words.size()) + 2, "cc"});
    words.push_back({names[i % 4], "PROPN", names[i % 4], i == 0 ? 0 : 1, i == 0 ? "nsubj" : "conj"});
  }
  const int verb = static_cast<int>(words.size()) + 1;
  words[0].head = verb;
  words.push_back({"met", "VERB", "meet", 0, "root"});
  words.push_back({".", "PUNCT", ".", verb, "punct"});
  auto start = std::chrono::steady_clock::now();
  Doc doc = MakeDoc({words});
  EventCoder coder(PredicateLexicon::Default(), ActorLexicon::Default(), CoderOptions{.max_sentence_words = 1000});
  auto events = coder.CodeDocument(doc);
  auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_EQ(events.size(), 1u);
  EXPECT_LE(events[0].sources.size(), 16u);
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(), 2000);
  // With the default bound the 400-word sentence is not coded at all.
  EXPECT_TRUE(Code(doc).empty());
}

TEST(EventCoder, ASentenceOfNumbersHasNoEvent) {
  std::vector<Word> words;
  for (int i = 0; i < 30; ++i) words.push_back({std::to_string(i * 17), "NUM", std::to_string(i * 17), i ? 1 : 0, i ? "dep" : "root"});
  EXPECT_TRUE(Code(MakeDoc({words})).empty());
  EXPECT_TRUE(Code(MakeDoc({})).empty());
}

TEST(EventCoder, QuotationIsTheSpeakersAndHistoricalDatesAreMarked) {
  // " We condemn the attack , " Pakistani spokesperson Ali said . India attacked Pakistan in 2001 .
  Doc doc = MakeDoc({{{"We", "PRON", "we", 2, "nsubj"},
                      {"condemn", "VERB", "condemn", 0, "root"},
                      {"the", "DET", "the", 4, "det"},
                      {"attack", "NOUN", "attack", 2, "obj"},
                      {"Pakistani", "ADJ", "Pakistani", 7, "amod"},
                      {"spokesperson", "NOUN", "spokesperson", 7, "compound"},
                      {"Ali", "PROPN", "Ali", 8, "nsubj"},
                      {"said", "VERB", "say", 2, "parataxis"}},
                     {{"India", "PROPN", "India", 2, "nsubj"},
                      {"attacked", "VERB", "attack", 0, "root"},
                      {"Pakistan", "PROPN", "Pakistan", 2, "obj"},
                      {"in", "ADP", "in", 5, "case"},
                      {"2001", "NUM", "2001", 2, "obl"}}},
                    {{"Ali", "PER"}}, "2024-05-13");
  const std::string& text = doc.text();
  const uint32_t content_end = static_cast<uint32_t>(text.find(" Pakistani"));
  const uint32_t speaker_begin = content_end + 1, speaker_end = static_cast<uint32_t>(text.find(" said"));
  doc.SetLayer("quote", {Annotation{Span{0, speaker_end}, "direct",
                                    "{\"content\":[0," + std::to_string(content_end) + "],\"speaker\":[" +
                                        std::to_string(speaker_begin) + "," + std::to_string(speaker_end) + "]}"}});
  const uint32_t year = static_cast<uint32_t>(text.find("2001"));
  doc.SetLayer("timex", {Annotation{Span{year, year + 4}, "DATE", "{\"value\":\"2001\",\"granularity\":\"year\"}"}});
  auto events = Code(doc);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].type, "ACCUSE");
  EXPECT_TRUE(events[0].in_quote);
  EXPECT_EQ(events[0].speaker_code, "PAKGOV");
  EXPECT_EQ(Codes(events[0].sources), "PAKGOV") << "\"we\" in a quotation is its speaker";
  EXPECT_EQ(events[1].type, "ASSAULT");
  EXPECT_EQ(events[1].date_iso, "2001");
  EXPECT_EQ(events[1].date_from, "timex");
  EXPECT_TRUE(events[1].historical);
  EXPECT_FALSE(events[1].in_quote);
}

TEST(EventCoder, BothSidesAreTheLastPair) {
  // Pakistan met India . Both sides discussed trade .
  Doc doc = MakeDoc({{{"Pakistan", "PROPN", "Pakistan", 2, "nsubj"},
                      {"met", "VERB", "meet", 0, "root"},
                      {"India", "PROPN", "India", 2, "obj"}},
                     {{"Both", "DET", "both", 2, "det"},
                      {"sides", "NOUN", "side", 3, "nsubj"},
                      {"discussed", "VERB", "discuss", 0, "root"},
                      {"trade", "NOUN", "trade", 3, "obj"}}});
  auto events = Code(doc);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_TRUE(events[1].reciprocal);
  EXPECT_EQ(Codes(events[1].sources), "PAKGOV,INDGOV");
}

TEST(EventCoder, HypotheticalAndNoActorNoEvent) {
  // If India attacks , Pakistan could retaliate . The meeting was useful .
  Doc doc = MakeDoc({{{"If", "SCONJ", "if", 3, "mark"},
                      {"India", "PROPN", "India", 3, "nsubj"},
                      {"attacks", "VERB", "attack", 0, "root"},
                      {"Pakistan", "PROPN", "Pakistan", 3, "obj"}},
                     {{"The", "DET", "the", 2, "det"},
                      {"meeting", "NOUN", "meeting", 4, "nsubj"},
                      {"was", "AUX", "be", 4, "cop"},
                      {"useful", "ADJ", "useful", 0, "root"}}});
  auto events = Code(doc);
  ASSERT_EQ(events.size(), 1u) << "a meeting with no parties is not coded";
  EXPECT_TRUE(events[0].hypothetical);
  EXPECT_EQ(Codes(events[0].sources), "INDGOV");
}

TEST(EventCoder, DamagedLayersOfOtherStagesAreIgnored) {
  Doc doc = MakeDoc({{{"Pakistan", "PROPN", "Pakistan", 2, "nsubj"},
                      {"attacked", "VERB", "attack", 0, "root"},
                      {"India", "PROPN", "India", 2, "obj"}}});
  doc.SetLayer("timex", {Annotation{Span{0, 8}, "DATE", "{\"value\": 5, \"granularity\": []}"},
                         Annotation{Span{9, 17}, "DATE", "not json"}});
  doc.SetLayer("quantity", {Annotation{Span{0, 8}, "x", "{\"outcome\": \"killed\", \"value\": \"many\", \"exact\": 3}"}});
  doc.SetLayer("quote", {Annotation{Span{0, 26}, "direct", "{\"content\": [0, -4], \"speaker\": [900, 5]}"},
                         Annotation{Span{0, 26}, "direct", "{\"content\": [0, 26], \"speaker\": [20, 90000]}"}});
  doc.SetLayer("dct", {Annotation{Span{0, 0}, "dct", "{\"value\": null, \"earliest\": 7}"}});
  auto events = Code(doc);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "ASSAULT");
  EXPECT_FALSE(events[0].killed);
}

TEST(EventCoder, MetWithTakesTheObliqueAsTarget) {
  // Pakistani Interior Minister Mohsin Naqvi met with US Ambassador Natalie Baker .
  Doc doc = MakeDoc({{{"Pakistani", "ADJ", "Pakistani", 4, "amod"},
                      {"Interior", "PROPN", "Interior", 3, "compound"},
                      {"Minister", "PROPN", "Minister", 4, "nmod:desc"},
                      {"Mohsin", "PROPN", "Mohsin", 6, "nsubj"},
                      {"Naqvi", "PROPN", "Naqvi", 4, "flat"},
                      {"met", "VERB", "meet", 0, "root"},
                      {"with", "ADP", "with", 10, "case"},
                      {"US", "PROPN", "US", 9, "compound"},
                      {"Ambassador", "PROPN", "Ambassador", 10, "nmod:desc"},
                      {"Natalie", "PROPN", "Natalie", 6, "obl"},
                      {"Baker", "PROPN", "Baker", 10, "flat"},
                      {".", "PUNCT", ".", 6, "punct"}}},
                    {{"Mohsin Naqvi", "PER"}, {"Natalie Baker", "PER"}});
  auto events = Code(doc);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(Codes(events[0].sources), "PAKGOV");
  EXPECT_EQ(Codes(events[0].targets), "USAGOV");
}

TEST(EventCoder, MetWithOnThursday) {
  Doc doc = MakeDoc({{{"Pakistani", "ADJ", "Pakistani", 3, "amod"},
                      {"Interior", "PROPN", "Interior", 3, "compound"},
                      {"Minister", "PROPN", "Minister", 4, "nmod:desc"},
                      {"Mohsin", "PROPN", "Mohsin", 6, "nsubj"},
                      {"Naqvi", "PROPN", "Naqvi", 4, "flat"},
                      {"met", "VERB", "meet", 0, "root"},
                      {"with", "ADP", "with", 11, "case"},
                      {"US", "PROPN", "US", 10, "compound"},
                      {"Acting", "PROPN", "Acting", 10, "compound"},
                      {"Ambassador", "PROPN", "Ambassador", 11, "nmod:desc"},
                      {"Natalie", "PROPN", "Natalie", 6, "obl"},
                      {"Baker", "PROPN", "Baker", 11, "flat"},
                      {"on", "ADP", "on", 14, "case"},
                      {"Thursday", "PROPN", "Thursday", 6, "obl"},
                      {".", "PUNCT", ".", 6, "punct"}}},
                    {{"Pakistani", "NORP"}, {"Mohsin Naqvi", "PER"}, {"US Acting Ambassador", "ORG"}, {"Natalie Baker", "PER"}});
  const uint32_t at = static_cast<uint32_t>(doc.text().find("Thursday"));
  doc.SetLayer("timex", {Annotation{Span{at, at + 8}, "DATE", "{\"value\":\"XXXX-WXX-4\",\"granularity\":\"day\"}"}});
  doc.SetLayer("dct", {Annotation{Span{0, 0}, "dct", "{\"value\":\"\",\"source\":\"none\"}"}});
  auto events = Code(doc);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(Codes(events[0].targets), "USAGOV");
}

TEST(EventCoder, ObjectThatNamesTheEventPicksTheEntryAndIsNotTheTarget) {
  // The Houthis vowed retaliation against Washington .
  Doc doc = MakeDoc({{{"The", "DET", "the", 2, "det"},
                      {"Houthis", "PROPN", "Houthis", 3, "nsubj"},
                      {"vowed", "VERB", "vow", 0, "root"},
                      {"retaliation", "NOUN", "retaliation", 3, "obj"},
                      {"against", "ADP", "against", 6, "case"},
                      {"Washington", "PROPN", "Washington", 3, "obl"},
                      {".", "PUNCT", ".", 3, "punct"}}},
                    {{"Washington", "LOC"}});
  auto events = Code(doc);
  ASSERT_EQ(events.size(), 1u) << "a threat, not also a promise";
  EXPECT_EQ(events[0].type, "THREATEN");
  EXPECT_EQ(events[0].cameo, "138");
  EXPECT_EQ(Codes(events[0].sources), "YEMREB");
  EXPECT_EQ(Codes(events[0].targets), "USAGOV");
}

TEST(EventCoder, PromiseOfViolenceIsAThreat) {
  // Rebels vowed to attack the capital .
  Doc doc = MakeDoc({{{"Rebels", "NOUN", "rebel", 2, "nsubj"},
                      {"vowed", "VERB", "vow", 0, "root"},
                      {"to", "PART", "to", 4, "mark"},
                      {"attack", "VERB", "attack", 2, "xcomp"},
                      {"the", "DET", "the", 6, "det"},
                      {"capital", "NOUN", "capital", 4, "obj"},
                      {".", "PUNCT", ".", 2, "punct"}}});
  auto events = Code(doc);
  ASSERT_EQ(events.size(), 1u) << "the attack is only promised: folded into the threat";
  EXPECT_EQ(events[0].type, "THREATEN");
  EXPECT_EQ(events[0].cameo, "138");
  EXPECT_EQ(Codes(events[0].sources), "REB");
}

TEST(EventCoder, EventNounInsideAMeasureNounTakesTheVerbsSubject) {
  // The EU adopted its twelfth package of sanctions on Russia .
  Doc doc = MakeDoc({{{"The", "DET", "the", 2, "det"},
                      {"EU", "PROPN", "EU", 3, "nsubj"},
                      {"adopted", "VERB", "adopt", 0, "root"},
                      {"its", "PRON", "its", 6, "nmod:poss"},
                      {"twelfth", "ADJ", "twelfth", 6, "amod"},
                      {"package", "NOUN", "package", 3, "obj"},
                      {"of", "ADP", "of", 8, "case"},
                      {"sanctions", "NOUN", "sanction", 6, "nmod"},
                      {"on", "ADP", "on", 10, "case"},
                      {"Russia", "PROPN", "Russia", 8, "nmod"},
                      {".", "PUNCT", ".", 3, "punct"}}},
                    {{"EU", "ORG"}, {"Russia", "LOC"}});
  auto events = Code(doc);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "SANCTION");
  EXPECT_EQ(Codes(events[0].sources), "EUR");
  EXPECT_EQ(Codes(events[0].targets), "RUSGOV");
}

TEST(EventCoder, ArmedGroupOutranksItsCountryAndWarplanesAreTheMilitary) {
  // American warplanes struck Houthi positions in Yemen .
  Doc doc = MakeDoc({{{"American", "ADJ", "American", 2, "amod"},
                      {"warplanes", "NOUN", "warplane", 3, "nsubj"},
                      {"struck", "VERB", "strike", 0, "root"},
                      {"Houthi", "PROPN", "Houthi", 5, "compound"},
                      {"positions", "NOUN", "position", 3, "obj"},
                      {"in", "ADP", "in", 7, "case"},
                      {"Yemen", "PROPN", "Yemen", 5, "nmod"},
                      {".", "PUNCT", ".", 3, "punct"}}},
                    {{"Yemen", "LOC"}});
  auto events = Code(doc);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "ASSAULT");
  EXPECT_EQ(Codes(events[0].sources), "USAMIL");
  EXPECT_EQ(Codes(events[0].targets), "YEMREB");
}

TEST(EventCoder, ForcesOfNatureAreNotAttackers) {
  // The earthquake struck Japan .
  Doc doc = MakeDoc({{{"The", "DET", "the", 2, "det"},
                      {"earthquake", "NOUN", "earthquake", 3, "nsubj"},
                      {"struck", "VERB", "strike", 0, "root"},
                      {"Japan", "PROPN", "Japan", 3, "obj"},
                      {".", "PUNCT", ".", 3, "punct"}}},
                    {{"Japan", "LOC"}});
  EXPECT_TRUE(Code(doc).empty());
}

TEST(EventCoder, StrikingADealIsAnAgreementNotAnAttack) {
  // Egypt struck a deal with Qatar .
  Doc doc = MakeDoc({{{"Egypt", "PROPN", "Egypt", 2, "nsubj"},
                      {"struck", "VERB", "strike", 0, "root"},
                      {"a", "DET", "a", 4, "det"},
                      {"deal", "NOUN", "deal", 2, "obj"},
                      {"with", "ADP", "with", 6, "case"},
                      {"Qatar", "PROPN", "Qatar", 2, "obl"},
                      {".", "PUNCT", ".", 2, "punct"}}},
                    {{"Egypt", "LOC"}, {"Qatar", "LOC"}});
  auto events = Code(doc);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "AGREE");
  EXPECT_EQ(Codes(events[0].sources), "EGYGOV");
  EXPECT_EQ(Codes(events[0].targets), "QATGOV");
}

TEST(EventCoder, TheirMeetingIsTheLastPairsMeeting) {
  // India and China agreed . Their meeting was the first .
  Doc doc = MakeDoc({{{"India", "PROPN", "India", 4, "nsubj"},
                      {"and", "CCONJ", "and", 3, "cc"},
                      {"China", "PROPN", "China", 1, "conj"},
                      {"agreed", "VERB", "agree", 0, "root"},
                      {".", "PUNCT", ".", 4, "punct"}},
                     {{"Their", "PRON", "their", 2, "nmod:poss"},
                      {"meeting", "NOUN", "meeting", 5, "nsubj"},
                      {"was", "AUX", "be", 5, "cop"},
                      {"the", "DET", "the", 5, "det"},
                      {"first", "ADJ", "first", 0, "root"},
                      {".", "PUNCT", ".", 5, "punct"}}},
                    {{"India", "LOC"}, {"China", "LOC"}});
  auto events = Code(doc);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].type, "CONSULT");
  EXPECT_TRUE(events[1].reciprocal);
  EXPECT_EQ(Codes(events[1].sources), "INDGOV,CHNGOV");
}

TEST(EventCoder, VerbWithAWrongLemmaIsFoundByItsEnding) {
  // Students heckled the minister . (the lemmatizer said "heckl")
  Doc doc = MakeDoc({{{"Students", "NOUN", "student", 2, "nsubj"},
                      {"heckled", "VERB", "heckl", 0, "root"},
                      {"the", "DET", "the", 4, "det"},
                      {"minister", "NOUN", "minister", 2, "obj"},
                      {".", "PUNCT", ".", 2, "punct"}}});
  auto events = Code(doc);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "PROTEST");
  EXPECT_EQ(Codes(events[0].sources), "CVL");
  EXPECT_EQ(Codes(events[0].targets), "GOV");
}

TEST(EventCoder, WhoReportsAnAttackDidNotCarryItOut) {
  // Opened fire on villagers , officials said . (the attackers unnamed)
  Doc doc = MakeDoc({{{"Opened", "VERB", "open", 7, "parataxis"},
                      {"fire", "NOUN", "fire", 1, "obj"},
                      {"on", "ADP", "on", 4, "case"},
                      {"villagers", "NOUN", "villager", 1, "obl"},
                      {",", "PUNCT", ",", 1, "punct"},
                      {"officials", "NOUN", "official", 7, "nsubj"},
                      {"said", "VERB", "say", 0, "root"},
                      {".", "PUNCT", ".", 7, "punct"}}});
  auto events = Code(doc);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "ASSAULT");
  EXPECT_TRUE(events[0].sources.empty()) << Codes(events[0].sources);
  EXPECT_EQ(Codes(events[0].targets), "CVL");
}

TEST(EventCoder, ReleasingPeopleIsARetreatReleasingAStatementIsNothing) {
  // Pakistan released the fishermen .  /  Pakistan released a statement .
  auto released = [](const char* what, const char* lemma) {
    return MakeDoc({{{"Pakistan", "PROPN", "Pakistan", 2, "nsubj"},
                     {"released", "VERB", "release", 0, "root"},
                     {"the", "DET", "the", 4, "det"},
                     {what, "NOUN", lemma, 2, "obj"},
                     {".", "PUNCT", ".", 2, "punct"}}},
                   {{"Pakistan", "LOC"}});
  };
  auto events = Code(released("fishermen", "fisherman"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "RETREAT");
  EXPECT_EQ(events[0].mode, "release");
  EXPECT_EQ(events[0].cameo, "0841");
  EXPECT_EQ(events[0].quad_class, 2);
  EXPECT_TRUE(Code(released("statement", "statement")).empty());
}

TEST(EventCoder, RefusingToLiftABanIsCameoRefuseToYield) {
  // India will not lift the ban .
  Doc doc = MakeDoc({{{"India", "PROPN", "India", 4, "nsubj"},
                      {"will", "AUX", "will", 4, "aux"},
                      {"not", "PART", "not", 4, "advmod"},
                      {"lift", "VERB", "lift", 0, "root"},
                      {"the", "DET", "the", 6, "det"},
                      {"ban", "NOUN", "ban", 4, "obj"},
                      {".", "PUNCT", ".", 4, "punct"}}},
                    {{"India", "LOC"}});
  auto events = Code(doc);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].type, "CONCEDE");  // PLOVER keeps the type and marks the mode
  EXPECT_TRUE(events[0].negated);
  EXPECT_EQ(events[0].cameo, "1241");
  EXPECT_EQ(events[0].quad_class, 3);
}

TEST(EventCoder, WhatIsGivenSaysWhetherAndWhatAidItIs) {
  // Japan sent tents to Turkey .  /  Japan sent a letter to Turkey .
  auto sent = [](const char* what, const char* lemma) {
    return MakeDoc({{{"Japan", "PROPN", "Japan", 2, "nsubj"},
                     {"sent", "VERB", "send", 0, "root"},
                     {what, "NOUN", lemma, 2, "obj"},
                     {"to", "ADP", "to", 5, "case"},
                     {"Turkey", "PROPN", "Turkey", 2, "obl"},
                     {".", "PUNCT", ".", 2, "punct"}}},
                   {{"Japan", "LOC"}, {"Turkey", "LOC"}});
  };
  auto events = Code(sent("tents", "tent"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "AID");
  EXPECT_EQ(events[0].cameo, "073");
  EXPECT_EQ(Codes(events[0].targets), "TURGOV");
  EXPECT_TRUE(Code(sent("letter", "letter")).empty());
}

TEST(EventCoder, AJointExerciseIsCooperationOneCountrysOwnIsAShowOfForce) {
  // Jordan and Egypt held a joint exercise .  /  Jordan held a joint exercise .
  Doc both = MakeDoc({{{"Jordan", "PROPN", "Jordan", 4, "nsubj"},
                       {"and", "CCONJ", "and", 3, "cc"},
                       {"Egypt", "PROPN", "Egypt", 1, "conj"},
                       {"held", "VERB", "hold", 0, "root"},
                       {"a", "DET", "a", 7, "det"},
                       {"joint", "ADJ", "joint", 7, "amod"},
                       {"exercise", "NOUN", "exercise", 4, "obj"},
                       {".", "PUNCT", ".", 4, "punct"}}},
                     {{"Jordan", "LOC"}, {"Egypt", "LOC"}});
  auto events = Code(both);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "COOPERATE");
  EXPECT_EQ(events[0].cameo, "062");
  Doc alone = MakeDoc({{{"Jordan", "PROPN", "Jordan", 2, "nsubj"},
                        {"held", "VERB", "hold", 0, "root"},
                        {"a", "DET", "a", 5, "det"},
                        {"joint", "ADJ", "joint", 5, "amod"},
                        {"exercise", "NOUN", "exercise", 2, "obj"},
                        {".", "PUNCT", ".", 2, "punct"}}},
                      {{"Jordan", "LOC"}});
  events = Code(alone);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "MOBILIZE");
}

TEST(EventCoder, AnUncodedNameIsAPartyOnlyBesideACodedOne) {
  // Theresa May met German Chancellor Angela Merkel .
  Doc met = MakeDoc({{{"Theresa", "PROPN", "Theresa", 3, "nsubj"},
                      {"May", "PROPN", "May", 1, "flat"},
                      {"met", "VERB", "meet", 0, "root"},
                      {"German", "ADJ", "German", 7, "amod"},
                      {"Chancellor", "PROPN", "Chancellor", 7, "compound"},
                      {"Angela", "PROPN", "Angela", 3, "obj"},
                      {"Merkel", "PROPN", "Merkel", 6, "flat"},
                      {".", "PUNCT", ".", 3, "punct"}}},
                    {{"Theresa May", "PER"}, {"Angela Merkel", "PER"}});
  auto events = Code(met);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "CONSULT");
  ASSERT_EQ(events[0].sources.size(), 1u);
  EXPECT_EQ(events[0].sources[0].code, "");
  EXPECT_EQ(events[0].sources[0].text, "Theresa May");
  EXPECT_EQ(Codes(events[0].targets), "DEUGOV");
  // Smith attacked Jones .  Nobody coded: no event.
  Doc attacked = MakeDoc({{{"Smith", "PROPN", "Smith", 2, "nsubj"},
                           {"attacked", "VERB", "attack", 0, "root"},
                           {"Jones", "PROPN", "Jones", 2, "obj"},
                           {".", "PUNCT", ".", 2, "punct"}}},
                         {{"Smith", "PER"}, {"Jones", "PER"}});
  EXPECT_TRUE(Code(attacked).empty());
}

TEST(EventCoder, ACallIsAPhoneCallAnAppealOrNothing) {
  // Trump called Erdogan .  /  The UN called on Libya to act .  /  Trump called Erdogan a friend .
  Doc phoned = MakeDoc({{{"Trump", "PROPN", "Trump", 2, "nsubj"},
                         {"called", "VERB", "call", 0, "root"},
                         {"Erdogan", "PROPN", "Erdogan", 2, "obj"},
                         {".", "PUNCT", ".", 2, "punct"}}},
                       {{"Trump", "PER"}, {"Erdogan", "PER"}});
  auto events = Code(phoned);  // named, uncoded: a call all the same
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "CONSULT");
  EXPECT_EQ(events[0].cameo, "041");
  Doc appealed = MakeDoc({{{"Pakistan", "PROPN", "Pakistan", 2, "nsubj"},
                           {"called", "VERB", "call", 0, "root"},
                           {"on", "ADP", "on", 4, "case"},
                           {"India", "PROPN", "India", 2, "obl"},
                           {"to", "PART", "to", 6, "mark"},
                           {"act", "VERB", "act", 2, "xcomp"},
                           {".", "PUNCT", ".", 2, "punct"}}},
                         {{"Pakistan", "LOC"}, {"India", "LOC"}});
  events = Code(appealed);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "REQUEST");
  EXPECT_EQ(Codes(events[0].targets), "INDGOV");
  // Pakistan called on India to release the fishermen .  An appeal, though "release" is an event word.
  Doc release = MakeDoc({{{"Pakistan", "PROPN", "Pakistan", 2, "nsubj"},
                          {"called", "VERB", "call", 0, "root"},
                          {"on", "ADP", "on", 4, "case"},
                          {"India", "PROPN", "India", 2, "obl"},
                          {"to", "PART", "to", 6, "mark"},
                          {"release", "VERB", "release", 2, "xcomp"},
                          {"the", "DET", "the", 8, "det"},
                          {"fishermen", "NOUN", "fisherman", 6, "obj"},
                          {".", "PUNCT", ".", 2, "punct"}}},
                        {{"Pakistan", "LOC"}, {"India", "LOC"}});
  events = Code(release);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].type, "REQUEST");
  Doc named = MakeDoc({{{"Pakistan", "PROPN", "Pakistan", 2, "nsubj"},
                        {"called", "VERB", "call", 0, "root"},
                        {"India", "PROPN", "India", 2, "obj"},
                        {"a", "DET", "a", 5, "det"},
                        {"threat", "NOUN", "threat", 2, "xcomp"},
                        {".", "PUNCT", ".", 2, "punct"}}},
                      {{"Pakistan", "LOC"}, {"India", "LOC"}});
  for (const CodedEvent& e : Code(named)) EXPECT_NE(e.type, "CONSULT");
}

TEST(EventCoder, DenyingAnAccusationIsNoRejection) {
  // India denied the charges .
  Doc doc = MakeDoc({{{"India", "PROPN", "India", 2, "nsubj"},
                      {"denied", "VERB", "deny", 0, "root"},
                      {"the", "DET", "the", 4, "det"},
                      {"charges", "NOUN", "charge", 2, "obj"},
                      {".", "PUNCT", ".", 2, "punct"}}},
                    {{"India", "LOC"}});
  EXPECT_TRUE(Code(doc).empty());
}

TEST(EventCoder, SuspendingMilitaryAidIsCameo1622) {
  // The US suspended military aid to Mali .
  Doc doc = MakeDoc({{{"The", "DET", "the", 2, "det"},
                      {"US", "PROPN", "US", 3, "nsubj"},
                      {"suspended", "VERB", "suspend", 0, "root"},
                      {"military", "ADJ", "military", 5, "amod"},
                      {"aid", "NOUN", "aid", 3, "obj"},
                      {"to", "ADP", "to", 7, "case"},
                      {"Mali", "PROPN", "Mali", 3, "obl"},
                      {".", "PUNCT", ".", 3, "punct"}}},
                    {{"US", "LOC"}, {"Mali", "LOC"}});
  auto events = Code(doc);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "SANCTION");
  EXPECT_EQ(events[0].cameo, "1622");
  EXPECT_EQ(Codes(events[0].targets), "MLIGOV");
}

TEST(EventStage, WritesTheLayerAndTheStoreRows) {
  Doc doc = MakeDoc({{{"Washington", "PROPN", "Washington", 2, "nsubj"},
                      {"sanctioned", "VERB", "sanction", 0, "root"},
                      {"Chinese", "ADJ", "Chinese", 4, "amod"},
                      {"firms", "NOUN", "firm", 2, "obj"},
                      {".", "PUNCT", ".", 2, "punct"}}},
                    {{"Washington", "LOC"}}, "2024-09-17");
  ASSERT_TRUE(EventStage().Process(doc).ok());
  const auto* layer = doc.Layer("events");
  ASSERT_NE(layer, nullptr);
  ASSERT_EQ(layer->size(), 1u);
  EXPECT_EQ((*layer)[0].label, "SANCTION");
  auto rows = EventRowsOf(doc, 7);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].event.source_actor, "USAGOV");
  EXPECT_EQ(rows[0].event.target_actor, "CHNBUS");
  EXPECT_EQ(rows[0].event.cameo, "163");
  EXPECT_EQ(rows[0].event.quad_class, 4);
  EXPECT_EQ(rows[0].event.date, "2024-09-17");
  ASSERT_EQ(rows[0].mentions.size(), 1u);
  EXPECT_EQ(rows[0].mentions[0].doc_id, 7);
  EXPECT_EQ(doc.Slice(rows[0].mentions[0].evidence), "sanctioned");
}

}  // namespace
}  // namespace sitrep::code
