#include "annotate/ner.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "annotate/entity_stage.h"
#include "annotate/iob2.h"

namespace sitrep {
namespace {

TEST(Iob2Test, ReadsFiveTwoAndOneColumns) {
  auto sents = ParseIob2(
      "# sent_id = a\n1\tIn\tO\t-\t-\n2\tTampa\tB-LOC\t-\tx\n3\tBay\tI-LOC\t-\tx\n\n"
      "Paris\tB-LOC\nis\tO\n\nhello\n",
      "t.iob2");
  ASSERT_TRUE(sents.ok()) << sents.status().ToString();
  ASSERT_EQ(sents->size(), 3u);
  EXPECT_EQ((*sents)[0].Comment("sent_id"), "a");
  EXPECT_EQ((*sents)[0].words[1], "Tampa");
  EXPECT_EQ((*sents)[1].tags[0], "B-LOC");
  EXPECT_EQ((*sents)[2].tags[0], "O");
  std::string out;
  WriteIob2((*sents)[0], {"O", "B-LOC", "I-LOC"}, &out);
  EXPECT_EQ(out, "# sent_id = a\n1\tIn\tO\t-\t-\n2\tTampa\tB-LOC\t-\t-\n3\tBay\tI-LOC\t-\t-\n\n");
}

TEST(Iob2Test, BadTagNamesTheLine) {
  auto sents = ParseIob2("1\ta\tO\n2\tb\tX-PER\n", "bad.iob2");
  ASSERT_FALSE(sents.ok());
  EXPECT_EQ(sents.status().code(), Code::kParse);
  EXPECT_EQ(sents.status().offset(), 6u);  // the second line
}

TEST(Iob2Test, SpansAreReadAsConllevalReadsThem) {
  std::vector<std::string> tags = {"B-PER", "I-PER", "I-LOC", "O", "I-ORG", "B-ORG", "I-ORG"};
  std::vector<TokenSpan> spans = SpansFromIob2(tags);
  ASSERT_EQ(spans.size(), 4u);
  EXPECT_EQ(spans[0], (TokenSpan{0, 2, "PER"}));
  EXPECT_EQ(spans[1], (TokenSpan{2, 3, "LOC"}));
  EXPECT_EQ(spans[2], (TokenSpan{4, 5, "ORG"}));
  EXPECT_EQ(spans[3], (TokenSpan{5, 7, "ORG"}));
  EXPECT_EQ(Iob2FromSpans(spans, 7), (std::vector<std::string>{"B-PER", "I-PER", "B-LOC", "O", "B-ORG", "B-ORG", "I-ORG"}));
}

TEST(Iob2Test, ScoresExactSpans) {
  NerScores sc;
  sc.AddSentence({{0, 2, "PER"}, {3, 4, "LOC"}}, {{0, 2, "PER"}, {3, 5, "LOC"}, {6, 7, "MISC"}}, {"PER", "LOC"});
  EXPECT_EQ(sc.all.tp, 1u);
  EXPECT_EQ(sc.all.fp, 1u);
  EXPECT_EQ(sc.all.fn, 1u);
  EXPECT_DOUBLE_EQ(sc.by_type["PER"].f1(), 100.0);
  EXPECT_DOUBLE_EQ(sc.all.f1(), 50.0);
}

TEST(NerTest, TransitionsKeepSpansWellFormed) {
  int b_per = NerLabel(0, 0), i_per = NerLabel(0, 1), l_per = NerLabel(0, 2), u_loc = NerLabel(2, 3);
  EXPECT_TRUE(NerAllowed(-1, b_per));
  EXPECT_FALSE(NerAllowed(-1, i_per));  // no I- after O or at the start
  EXPECT_FALSE(NerAllowed(0, l_per));
  EXPECT_TRUE(NerAllowed(b_per, i_per));
  EXPECT_FALSE(NerAllowed(b_per, 0));   // an open span must be closed
  EXPECT_FALSE(NerAllowed(b_per, u_loc));
  EXPECT_TRUE(NerAllowed(l_per, u_loc));
}

TEST(NerTest, ShapesUseUnicodeLetterClasses) {
  WordClusters none;
  NerWord moscow, moskva, beijing, caps;
  DescribeNerWord("Moscow", none, &moscow);
  DescribeNerWord("Москва", none, &moskva);
  DescribeNerWord("北京", none, &beijing);
  DescribeNerWord("NATO", none, &caps);
  EXPECT_EQ(moscow.short_shape, moskva.short_shape);
  EXPECT_TRUE(moskva.flags & kNerTitle);
  EXPECT_TRUE(beijing.flags & kNerUncased);
  EXPECT_TRUE(caps.flags & kNerAllUpper);
  std::vector<NerWord> upper(4, caps);
  EXPECT_EQ(ClassifySentenceCase(upper), SentenceCase::kUpper);
}

// A model with no weights and a small gazetteer: any input decodes to O, safely.
TEST(NerTest, UntrainedModelTagsNothingAndSurvivesAnyInput) {
  NerModel model;
  model.set_types({"PER", "ORG", "LOC"});
  auto gazetteer = std::make_shared<Gazetteer>(Gazetteer::FromNames({{"Paris", kGazCity}}));
  NamedEntityRecognizer ner(model, gazetteer);
  std::vector<NamedEntity> entities;
  std::vector<std::string_view> words = {"", "\xff\xfe", "Paris", "PARIS"};
  ner.Recognize(words, {}, &entities);
  EXPECT_TRUE(entities.empty());
  ner.Recognize({}, {}, &entities);
  EXPECT_TRUE(entities.empty());
  std::vector<std::string_view> many(10000, "Word");
  std::vector<std::string> tags;
  ner.Tag(many, {}, &tags);
  EXPECT_EQ(tags.size(), 10000u);
}

TEST(NerTest, MissingOrDamagedModelIsAModelError) {
  auto missing = NamedEntityRecognizer::Load("/nonexistent/ner.model", "/nonexistent/gazetteer.bin");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().ToString().find("ner.model"), std::string::npos);
  std::string path = (std::filesystem::temp_directory_path() / "sitrep_ner_test.model").string();
  {
    std::ofstream out(path, std::ios::binary);
    out << "SITREPM\x1a garbage";
  }
  auto damaged = NamedEntityRecognizer::Load(path, "/nonexistent/gazetteer.bin");
  ASSERT_FALSE(damaged.ok());
  EXPECT_EQ(damaged.status().code(), Code::kModel);
  EXPECT_NE(damaged.status().ToString().find(path), std::string::npos);
  std::filesystem::remove(path);
}

TEST(NerTest, ModelRoundTripsAndChecksItsGazetteer) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "sitrep_ner_roundtrip";
  std::filesystem::create_directories(dir);
  Gazetteer g = Gazetteer::FromNames({{"Paris", kGazCity}});
  ASSERT_TRUE(g.Write((dir / "gazetteer.bin").string()).ok());
  NerModel model;
  model.set_types({"PER", "ORG", "LOC"});
  model.set_gazetteer_fingerprint(GazetteerFingerprint(g));
  model.set_temperature(3.5f);
  ASSERT_TRUE(model.Write((dir / "ner.model").string()).ok());
  auto ner = NamedEntityRecognizer::LoadDir(dir.string());
  ASSERT_TRUE(ner.ok()) << ner.status().ToString();
  EXPECT_FLOAT_EQ((*ner)->model().temperature(), 3.5f);
  // Another gazetteer than the one the model was trained with is refused.
  ASSERT_TRUE(Gazetteer::FromNames({{"Lyon", kGazCity}}).Write((dir / "gazetteer.bin").string()).ok());
  auto other = NamedEntityRecognizer::LoadDir(dir.string());
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.status().code(), Code::kModel);
  std::filesystem::remove_all(dir);
}

// The shipped model, when it is there: names in ordinary, capitalised and lower-case text.
TEST(NerTest, ShippedModelFindsCommonNames) {
  std::string dir = std::string(SITREP_SOURCE_DIR) + "/models";
  if (!std::filesystem::exists(dir + "/ner.model")) GTEST_SKIP() << "no models/ner.model";
  auto ner = NamedEntityRecognizer::LoadDir(dir);
  ASSERT_TRUE(ner.ok()) << ner.status().ToString();
  std::vector<std::string> tags;
  (*ner)->Tag({"Barack", "Obama", "visited", "the", "United", "Nations", "in", "New", "York", "."}, {}, &tags);
  EXPECT_EQ(std::vector<std::string>(tags.begin(), tags.begin() + 2), (std::vector<std::string>{"B-PER", "I-PER"}));
  EXPECT_EQ(std::vector<std::string>(tags.begin() + 7, tags.end()), (std::vector<std::string>{"B-LOC", "I-LOC", "O"}));
  // Bad input: a headline in capitals, text typed in lower case, another script.
  (*ner)->Tag({"PRESIDENT", "PUTIN", "ARRIVES", "IN", "BERLIN"}, {}, &tags);
  EXPECT_EQ(tags, (std::vector<std::string>{"O", "B-PER", "O", "O", "B-LOC"}));
  (*ner)->Tag({"barack", "obama", "visited", "new", "york", "."}, {}, &tags);
  EXPECT_EQ(tags, (std::vector<std::string>{"B-PER", "I-PER", "O", "B-LOC", "I-LOC", "O"}));
  (*ner)->Tag({"Владимир", "Путин", "прибыл", "в", "Москву", "."}, {}, &tags);
  EXPECT_EQ(tags, (std::vector<std::string>{"B-PER", "I-PER", "O", "O", "B-LOC", "O"}));
}

TEST(EntityStageTest, WritesEntitiesWithConfidenceAndNationalities) {
  NerModel model;
  model.set_types({"PER", "ORG", "LOC"});
  auto gazetteer = std::make_shared<Gazetteer>(Gazetteer::FromNames({{"Iraqi", kGazNationality}}));
  auto ner = std::make_shared<NamedEntityRecognizer>(model, gazetteer);
  EntityStage stage(ner);
  std::string text = "Iraqi troops left.";
  Doc doc(Origin{}, text, text, OffsetMap(), Metadata());
  doc.mutable_tokens() = {{{0, 5}}, {{6, 12}}, {{13, 17}}, {{17, 18}}};
  doc.mutable_sentences() = {{{0, 18}, 0, 4}};
  ASSERT_TRUE(stage.Process(doc).ok());
  const auto* layer = doc.Layer("entity");
  ASSERT_NE(layer, nullptr);
  ASSERT_EQ(layer->size(), 1u);
  EXPECT_EQ((*layer)[0].label, "NORP");
  EXPECT_EQ(doc.Slice((*layer)[0].span), "Iraqi");
  EXPECT_NE((*layer)[0].attrs.find("confidence"), std::string::npos);
  doc.mutable_sentences() = {{{0, 18}, 0, 9}};
  EXPECT_EQ(stage.Process(doc).code(), Code::kInternal);
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

// "Asif Ali Zardari spoke sworn": tokens with the parser's heads, 0-based in the doc.
struct FlatCase {
  std::string text = "Asif Ali Zardari spoke sworn";
  std::vector<Token> tokens;
  Sentence sent;
  FlatCase() {
    const std::vector<std::tuple<uint32_t, uint32_t, const char*, int, const char*>> words = {
        {0, 4, "PROPN", 3, "nsubj"}, {5, 8, "PROPN", 0, "flat"}, {9, 16, "PROPN", 0, "flat"},
        {17, 22, "VERB", -1, "root"}, {23, 28, "PROPN", 0, "flat"}};
    for (const auto& [b, e, upos, head, rel] : words) {
      Token t;
      t.span = {b, e}, t.upos = upos, t.head = head, t.deprel = rel;
      tokens.push_back(t);
    }
    sent.span = {0, 28}, sent.token_begin = 0, sent.token_end = 5;
  }
};

TEST(JoinFlatNames, APersonTakesTheRestOfItsNameFromAnotherEntity) {
  FlatCase c;
  std::vector<NamedEntity> entities = {{0, 2, "PER", 0.9f}, {2, 3, "LOC", 0.6f}};
  JoinFlatNames(c.text, c.tokens, c.sent, &entities);
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(entities[0].begin, 0u);
  EXPECT_EQ(entities[0].end, 3u);  // "Asif Ali Zardari", not the lower-case "sworn"
  EXPECT_EQ(entities[0].type, "PER");
}

TEST(JoinFlatNames, OnlyPeopleAndOnlyFlatNameParts) {
  FlatCase c;
  std::vector<NamedEntity> org = {{0, 1, "ORG", 0.9f}};
  JoinFlatNames(c.text, c.tokens, c.sent, &org);
  EXPECT_EQ(org[0].end, 1u);
  c.tokens[1].deprel = "nsubj";  // not part of the name
  std::vector<NamedEntity> per = {{0, 1, "PER", 0.9f}};
  JoinFlatNames(c.text, c.tokens, c.sent, &per);
  EXPECT_EQ(per[0].end, 1u);
}

}  // namespace
}  // namespace sitrep
