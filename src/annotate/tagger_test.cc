#include "annotate/tagger.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "train/tagger_trainer.h"

namespace sitrep {
namespace {

// A tiny treebank: enough for a model to learn these words and contexts.
const char kTiny[] =
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tcat\tcat\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tsleeps\tsleep\tVERB\tVBZ\t_\t0\troot\t_\t_\n"
    "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"
    "1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tdog\tdog\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\truns\trun\tVERB\tVBZ\t_\t0\troot\t_\t_\n"
    "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tdog\tdog\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tsees\tsee\tVERB\tVBZ\t_\t0\troot\t_\t_\n"
    "4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n"
    "5\tcat\tcat\tNOUN\tNN\t_\t3\tobj\t_\t_\n"
    "6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"
    "1\tDogs\tdog\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\trun\trun\tVERB\tVBP\t_\t0\troot\t_\t_\n"
    "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";

TaggerModel TrainTiny() {
  auto sents = ParseConllu(kTiny, "tiny");
  EXPECT_TRUE(sents.ok());
  TaggerTrainOptions options;
  options.max_epochs = 8;
  options.folds = 0;
  options.dict_min_count = 1000;  // no dictionary shortcut: the classifier must learn
  options.vocab_min_count = 1;
  auto model = TrainTagger(*sents, {}, WordClusters(), WordNetLexicon(), options, {});
  EXPECT_TRUE(model.ok());
  return std::move(model).value();
}

std::vector<std::string> Xpos(const Tagger& tagger, const std::vector<std::string_view>& words) {
  std::vector<PosTag> tags;
  tagger.Tag(words, &tags);
  std::vector<std::string> out;
  for (const PosTag& t : tags) out.emplace_back(t.xpos);
  return out;
}

TEST(Tagger, SmallModelLearnsItsSentences) {
  Tagger tagger(TrainTiny());
  EXPECT_EQ(Xpos(tagger, {"The", "cat", "sleeps", "."}), (std::vector<std::string>{"DT", "NN", "VBZ", "."}));
  // A new combination of known words.
  EXPECT_EQ(Xpos(tagger, {"A", "cat", "runs", "."}), (std::vector<std::string>{"DT", "NN", "VBZ", "."}));
  std::vector<PosTag> tags;
  tagger.Tag({"The", "dog", "sees", "the", "cat", "."}, &tags);
  EXPECT_EQ(tags[4].upos, "NOUN");
  EXPECT_EQ(tags[2].upos, "VERB");
}

TEST(Tagger, SaveLoadGivesTheSameTags) {
  TaggerModel model = TrainTiny();
  std::string path = (std::filesystem::temp_directory_path() / "sitrep_tagger_test.model").string();
  ASSERT_TRUE(model.Write(path).ok());
  auto loaded = Tagger::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  Tagger original(model);
  std::vector<std::string_view> words = {"Dogs", "sees", "a", "cat", "."};
  EXPECT_EQ(Xpos(**loaded, words), Xpos(original, words));

  // A truncated copy fails with kModel, the file and the offset where it ends.
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    bytes = s.str();
  }
  std::string cut = path + ".cut";
  {
    std::ofstream out(cut, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size() / 2));
  }
  auto truncated = Tagger::Load(cut);
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.status().code(), Code::kModel);
  EXPECT_EQ(truncated.status().file(), cut);
  EXPECT_EQ(truncated.status().offset(), bytes.size() / 2);
  std::filesystem::remove(path);
  std::filesystem::remove(cut);
}

TEST(Tagger, AnyInputIsSafe) {
  Tagger tagger(TrainTiny());
  std::vector<PosTag> tags;
  tagger.Tag({}, &tags);
  EXPECT_TRUE(tags.empty());
  tagger.Tag({"", "\xff\xfe", "\x00x", "ééé", std::string_view("a\0b", 3)}, &tags);
  EXPECT_EQ(tags.size(), 5u);
}

// The shipped model, when it is there (scripts/train-models.sh makes it).
std::string ModelPath(const char* name) { return std::string(SITREP_SOURCE_DIR) + "/models/" + name; }

TEST(Tagger, ShippedModelTagsEnglish) {
  if (!std::filesystem::exists(ModelPath("tagger.model"))) GTEST_SKIP() << "no models/tagger.model";
  auto tagger = Tagger::Load(ModelPath("tagger.model"));
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  // ("that talks had failed", without the article, is a garden path that every model trained
  // so far reads as a relative clause; this is the plain news sentence.)
  EXPECT_EQ(Xpos(**tagger, {"The", "minister", "said", "on", "Monday", "that", "the", "talks", "had", "failed", "."}),
            (std::vector<std::string>{"DT", "NN", "VBD", "IN", "NNP", "IN", "DT", "NNS", "VBD", "VBN", "."}));

  // 10,000 words in one sentence: linear time, one tag each.
  std::vector<std::string_view> words;
  const std::string_view cycle[] = {"Police", "said", "the", "attack", "killed", "12", "people", "in", "Kabul", ","};
  for (int i = 0; i < 10000; ++i) words.push_back(cycle[i % 10]);
  std::vector<PosTag> tags;
  auto start = std::chrono::steady_clock::now();
  (*tagger)->Tag(words, &tags);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(tags.size(), words.size());
  EXPECT_LT(seconds, 5.0);
}

TEST(Tagger, ShippedModelTruncatedEverywhere) {
  if (!std::filesystem::exists(ModelPath("tagger.model"))) GTEST_SKIP() << "no models/tagger.model";
  std::ifstream in(ModelPath("tagger.model"), std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  std::string bytes = s.str();
  for (size_t n : {size_t{0}, size_t{7}, size_t{47}, size_t{100}, bytes.size() / 3, bytes.size() - 1}) {
    auto model = ModelFile::Parse(bytes.substr(0, n), "tagger.model", kTaggerKind);
    ASSERT_FALSE(model.ok());
    EXPECT_EQ(model.status().code(), Code::kModel);
    EXPECT_EQ(model.status().offset(), n);
  }
  // A parser model where a tagger is expected.
  if (std::filesystem::exists(ModelPath("parser.model"))) {
    auto wrong = Tagger::Load(ModelPath("parser.model"));
    EXPECT_EQ(wrong.status().code(), Code::kModel);
  }
}

}  // namespace
}  // namespace sitrep
