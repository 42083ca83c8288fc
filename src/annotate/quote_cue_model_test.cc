#include "annotate/quote_cue_model.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

#include <nlohmann/json.hpp>

#include "annotate/paragraphs.h"
#include "annotate/quote_stage.h"
#include "annotate/token_stage.h"

namespace sitrep {
namespace {

struct Parse {
  std::vector<const char*> upos, xpos, lemma;
  std::vector<int> heads;
  std::vector<const char*> rels;
};

// `text` with the parse given by hand.
Doc Parsed(const std::string& text, const Parse& p) {
  Doc doc({}, text, text, OffsetMap::Identity(static_cast<uint32_t>(text.size())), {});
  EXPECT_TRUE(ParagraphStage().Process(doc).ok());
  EXPECT_TRUE(TokenStage().Process(doc).ok());
  auto& t = doc.mutable_tokens();
  EXPECT_EQ(t.size(), p.upos.size());
  for (size_t i = 0; i < t.size() && i < p.upos.size(); ++i) {
    t[i].upos = p.upos[i];
    t[i].xpos = p.xpos[i];
    t[i].lemma = p.lemma[i];
    t[i].head = p.heads[i];
    t[i].deprel = p.rels[i];
  }
  return doc;
}

// "pushed" and "backed" are in no cue list, so only a model can read them as cues.
Doc ParsedPushedRivalsToQuit() {
  return Parsed("Trump pushed rivals to quit.", {{"PROPN", "VERB", "NOUN", "PART", "VERB", "PUNCT"},
                                                 {"NNP", "VBD", "NNS", "TO", "VB", "."},
                                                 {"Trump", "push", "rival", "to", "quit", "."},
                                                 {1, -1, 1, 4, 1, 1},
                                                 {"nsubj", "root", "obj", "mark", "xcomp", "punct"}});
}
Doc ParsedBackedThePlan() {
  return Parsed("Trump backed the plan.", {{"PROPN", "VERB", "DET", "NOUN", "PUNCT"},
                                           {"NNP", "VBD", "DT", "NN", "."},
                                           {"Trump", "back", "the", "plan", "."},
                                           {1, -1, 3, 1, 1},
                                           {"nsubj", "root", "det", "obj", "punct"}});
}

// A model that has learnt that token `cue` of `doc` is a cue and token `other` is not.
QuoteCueModel TinyModel(const Doc& doc, uint32_t cue_at = 1, uint32_t other_at = 3) {
  QuoteCueTrainer trainer;
  std::vector<uint64_t> cue, other;
  CueFeatures(doc, cue_at, &cue);
  CueFeatures(doc, other_at, &other);
  for (int i = 0; i < 5; ++i) {
    trainer.Learn(cue, true);
    trainer.Learn(other, false);
  }
  return trainer.Finish(0.0f);
}

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("sitrep_" + std::to_string(::getpid()) + "_" + name)).string();
}

TEST(QuoteCueModel, LearntCueAddsAnAttributionTheRulesMiss) {
  Doc doc = ParsedPushedRivalsToQuit();
  ASSERT_TRUE(QuoteStage().Process(doc).ok());
  EXPECT_TRUE(doc.Layer("quote")->empty());  // rules alone: nothing

  auto model = std::make_shared<const QuoteCueModel>(TinyModel(doc, 1, 2));
  EXPECT_TRUE(model->IsCue(doc, 1));
  EXPECT_FALSE(model->IsCue(doc, 2));
  ASSERT_TRUE(QuoteStage(false, model).Process(doc).ok());
  const auto& layer = *doc.Layer("quote");
  ASSERT_EQ(layer.size(), 1u);
  auto j = nlohmann::json::parse(layer[0].attrs);
  auto text = [&](const nlohmann::json& s) {
    return std::string(doc.Slice({s[0].get<uint32_t>(), s[1].get<uint32_t>()}));
  };
  EXPECT_EQ(text(j["cue"]), "pushed");
  EXPECT_EQ(text(j["speaker"]), "Trump");
  EXPECT_EQ(text(j["content"]), "to quit");
}

// A learnt cue with only an object ("backed the plan") says nothing anyone said.
TEST(QuoteCueModel, ALearntCueWithOnlyAnObjectIsNoQuote) {
  Doc doc = ParsedBackedThePlan();
  auto model = std::make_shared<const QuoteCueModel>(TinyModel(doc));
  EXPECT_TRUE(model->IsCue(doc, 1));
  ASSERT_TRUE(QuoteStage(false, model).Process(doc).ok());
  EXPECT_TRUE(doc.Layer("quote")->empty());
}

// The rules read with a parse and no learnt cues: the content of one quote, as text.
std::vector<std::string> Contents(Doc& doc) {
  EXPECT_TRUE(QuoteStage(false, nullptr).Process(doc).ok());
  std::vector<std::string> out;
  for (const Annotation& a : *doc.Layer("quote")) {
    auto j = nlohmann::json::parse(a.attrs);
    out.emplace_back(doc.Slice({j["content"][0].get<uint32_t>(), j["content"][1].get<uint32_t>()}));
  }
  return out;
}

// "at least" after "reported" reads like a setting ("reported at the briefing"); the
// parse says it opens the reported clause, which has a subject of its own.
TEST(QuoteRulesWithParse, ClausalComplementInTheParseIsContent) {
  Doc doc = Parsed("CNN reported at least six planes filled the skies.",
                   {{"PROPN", "VERB", "ADP", "ADJ", "NUM", "NOUN", "VERB", "DET", "NOUN", "PUNCT"},
                    {"NNP", "VBD", "IN", "JJS", "CD", "NNS", "VBD", "DT", "NNS", "."},
                    {"CNN", "report", "at", "least", "six", "plane", "fill", "the", "sky", "."},
                    {1, -1, 3, 4, 5, 6, 1, 8, 6, 1},
                    {"nsubj", "root", "case", "nmod", "nummod", "nsubj", "ccomp", "det", "obj", "punct"}});
  EXPECT_EQ(Contents(doc), std::vector<std::string>{"at least six planes filled the skies"});
}

// The same words with "at" heading a place, not a clause: no quote.
TEST(QuoteRulesWithParse, APlaceAfterTheVerbIsNoContent) {
  Doc doc = Parsed("CNN reported at the scene.", {{"PROPN", "VERB", "ADP", "DET", "NOUN", "PUNCT"},
                                                 {"NNP", "VBD", "IN", "DT", "NN", "."},
                                                 {"CNN", "report", "at", "the", "scene", "."},
                                                 {1, -1, 4, 4, 1, 1},
                                                 {"nsubj", "root", "case", "det", "obl", "punct"}});
  EXPECT_TRUE(Contents(doc).empty());
}

TEST(QuoteCueModel, SavedAndLoadedScoresTheSame) {
  Doc doc = ParsedBackedThePlan();
  QuoteCueModel model = TinyModel(doc);
  std::string path = TempPath("cues.model");
  ASSERT_TRUE(model.Save(path).ok());
  auto loaded = QuoteCueModel::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->num_features(), model.num_features());
  for (uint32_t k : {1u, 3u}) EXPECT_FLOAT_EQ(loaded->Score(doc, k), model.Score(doc, k));
  std::filesystem::remove(path);
}

TEST(QuoteCueModel, MissingOrDamagedFileIsAnErrorNamingIt) {
  std::string missing = TempPath("no_such.model");
  auto none = QuoteCueModel::Load(missing);
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.status().ToString().find(missing), std::string::npos);

  Doc doc = ParsedBackedThePlan();
  std::string path = TempPath("damaged.model");
  ASSERT_TRUE(TinyModel(doc).Save(path).ok());
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  ASSERT_GT(bytes.size(), 80u);
  std::string flipped = bytes;
  flipped[70] = static_cast<char>(flipped[70] ^ 0x5a);  // a weight byte: the checksum no longer agrees
  for (const std::string& damaged : {bytes.substr(0, bytes.size() / 2), flipped}) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << damaged;
    auto loaded = QuoteCueModel::Load(path);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.status().code(), Code::kModel);
    EXPECT_NE(loaded.status().ToString().find(path), std::string::npos);
  }
  std::filesystem::remove(path);
}

// Learnt cues over nonsense parses (heads out of range, cycles, any relation): every
// span stays inside the text and nothing crashes.
TEST(QuoteCueModel, RandomParsesStayInBounds) {
  std::mt19937 rng(7);
  const char* upos[] = {"VERB", "NOUN", "PROPN", "PRON", "ADP", "SCONJ", "PUNCT"};
  const char* rels[] = {"nsubj", "nsubj:pass", "obj", "ccomp", "xcomp", "obl", "obl:agent", "conj", "advcl",
                        "case", "nmod", "nmod:poss", "acl", "root", "punct"};
  std::string text = "Officials in Kabul said the road was closed by the army, and Trump backed the plan that "
                     "critics of the deal opposed, according to reports. He wants to win.";
  size_t quotes = 0;
  for (int round = 0; round < 200; ++round) {
    Doc doc({}, text, text, OffsetMap::Identity(static_cast<uint32_t>(text.size())), {});
    ASSERT_TRUE(ParagraphStage().Process(doc).ok());
    ASSERT_TRUE(TokenStage().Process(doc).ok());
    auto& t = doc.mutable_tokens();
    auto n = static_cast<int>(t.size());
    for (Token& tok : t) {
      tok.upos = upos[rng() % std::size(upos)];
      tok.xpos = rng() % 2 ? "VBG" : "NN";
      tok.deprel = rels[rng() % std::size(rels)];
      tok.head = static_cast<int32_t>(rng() % (n + 4)) - 2;  // sometimes -2, -1 or past the end
    }
    // A model that takes every candidate for a cue: its bias has only seen cues.
    QuoteCueTrainer trainer;
    std::vector<uint64_t> features;
    CueFeatures(doc, 0, &features);
    trainer.Learn(features, true);
    auto model = std::make_shared<const QuoteCueModel>(trainer.Finish(0.0f));
    ASSERT_TRUE(QuoteStage(false, model).Process(doc).ok());
    for (const Annotation& a : *doc.Layer("quote")) {
      EXPECT_LE(a.span.begin, a.span.end);
      EXPECT_LE(a.span.end, text.size());
      ++quotes;
    }
  }
  EXPECT_GT(quotes, 0u);  // the learnt path did run
}

}  // namespace
}  // namespace sitrep
