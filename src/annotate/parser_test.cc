#include "annotate/parser.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <cstdio>
#include <fstream>
#include <functional>

#include "annotate/syntax_stage.h"
#include "annotate/token_stage.h"
#include "train/parser_trainer.h"
#include "train/projectivize.h"

namespace sitrep {
namespace {

// Follows `choose` from the initial configuration to the end; returns heads (n = root).
std::vector<int> RunMoves(int n, const std::function<int(const ParseState&)>& choose, int num_labels) {
  ParseState st(n);
  while (!st.terminal()) {
    ParseAction a = ClassAction(choose(st), num_labels);
    st.Apply(a.move, a.label);
  }
  std::vector<int> heads(n);
  for (int i = 0; i < n; ++i) heads[i] = st.head(i);
  return heads;
}

// A random projective tree over n words (heads in 0..n-1, the root's head is n).
std::vector<int> RandomProjectiveTree(int n, SplitMix& rng) {
  std::vector<int> heads(n, n);
  // Split [lo, hi) around a random head, recursively: every subtree is a contiguous span.
  std::function<int(int, int, int)> build = [&](int lo, int hi, int parent) {
    int h = lo + static_cast<int>(rng.Next() % (hi - lo));
    heads[h] = parent;
    if (h > lo) build(lo, h, h);
    if (hi > h + 1) build(h + 1, hi, h);
    // Sometimes attach a second subtree on the same side, for more varied shapes.
    return h;
  };
  build(0, n, n);
  return heads;
}

constexpr int kLabels = 3;  // 0 = root, 1, 2
constexpr int kRoot = 0;

TEST(ArcEagerOracle, ZeroCostMovesRebuildTheGoldTree) {
  SplitMix rng(7);
  std::vector<int> costs;
  for (int trial = 0; trial < 300; ++trial) {
    int n = 1 + static_cast<int>(rng.Next() % 25);
    std::vector<int> gold = RandomProjectiveTree(n, rng);
    std::vector<int> labels(n);
    for (int i = 0; i < n; ++i) labels[i] = gold[i] == n ? kRoot : 1 + static_cast<int>(rng.Next() % 2);
    std::vector<int> heads = RunMoves(
        n,
        [&](const ParseState& st) {
          OracleCosts(st, gold, labels, kLabels, kRoot, &costs);
          std::vector<int> zero;
          for (int c = 0; c < static_cast<int>(costs.size()); ++c)
            if (costs[c] == 0) zero.push_back(c);
          EXPECT_FALSE(zero.empty());
          return zero[rng.Next() % zero.size()];
        },
        kLabels);
    EXPECT_EQ(heads, gold) << "trial " << trial;
  }
}

// The dynamic oracle's promise: after any moves, the arcs still reachable are those the
// costs did not count, so the final tree misses exactly the sum of the costs paid.
TEST(ArcEagerOracle, CostsCountTheArcsLost) {
  SplitMix rng(11);
  std::vector<int> costs;
  for (int trial = 0; trial < 300; ++trial) {
    int n = 2 + static_cast<int>(rng.Next() % 20);
    std::vector<int> gold = RandomProjectiveTree(n, rng);
    std::vector<int> labels(n, 1);
    for (int i = 0; i < n; ++i)
      if (gold[i] == n) labels[i] = kRoot;
    int paid = 0;
    ParseState st(n);
    while (!st.terminal()) {
      OracleCosts(st, gold, labels, kLabels, kRoot, &costs);
      std::vector<int> valid, zero;
      for (int c = 0; c < static_cast<int>(costs.size()); ++c) {
        if (costs[c] >= (1 << 20)) continue;
        valid.push_back(c);
        if (costs[c] == 0) zero.push_back(c);
      }
      ASSERT_FALSE(valid.empty());
      for (int c : valid) EXPECT_TRUE(ActionValid(st, c, kLabels, kRoot));
      // One move in four is random; the rest follow the oracle.
      int c = rng.Next() % 4 == 0 || zero.empty() ? valid[rng.Next() % valid.size()] : zero[rng.Next() % zero.size()];
      paid += costs[c];
      ParseAction a = ClassAction(c, kLabels);
      st.Apply(a.move, a.label);
    }
    int wrong = 0;
    for (int i = 0; i < n; ++i) wrong += st.head(i) != gold[i] || st.label(i) != labels[i];
    EXPECT_EQ(wrong, paid) << "trial " << trial;
  }
}

TEST(Projectivize, LiftsAndLowersACrossingArc) {
  // "A hearing is scheduled on the issue today": "on" (4) depends on "hearing" (1) across
  // "scheduled" (3), the root.
  std::vector<int> heads = {1, 3, 3, -1, 1, 6, 4, 3};
  std::vector<std::string> labels = {"det", "nsubj:pass", "aux:pass", "root", "nmod", "det", "obj", "obl:tmod"};
  EXPECT_FALSE(IsProjective(heads));
  std::vector<int> lifted = heads;
  std::vector<std::string> lifted_labels = labels;
  EXPECT_EQ(Projectivize(&lifted, &lifted_labels), 1);
  EXPECT_TRUE(IsProjective(lifted));
  EXPECT_EQ(lifted[4], 3);
  EXPECT_EQ(lifted_labels[4], "nmod||nsubj:pass");
  Deprojectivize(&lifted, &lifted_labels);
  EXPECT_EQ(lifted, heads);
  EXPECT_EQ(lifted_labels, labels);
}

const char kTiny[] =
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tcat\tcat\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tsees\tsee\tVERB\tVBZ\t_\t0\troot\t_\t_\n"
    "4\ta\ta\tDET\tDT\t_\t5\tdet\t_\t_\n"
    "5\tdog\tdog\tNOUN\tNN\t_\t3\tobj\t_\t_\n"
    "6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"
    "1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tdog\tdog\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\truns\trun\tVERB\tVBZ\t_\t0\troot\t_\t_\n"
    "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"
    "1\tDogs\tdog\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\tsee\tsee\tVERB\tVBP\t_\t0\troot\t_\t_\n"
    "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
    "4\tcat\tcat\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";

ParserModel TrainTiny() {
  auto sents = ParseConllu(kTiny, "tiny");
  EXPECT_TRUE(sents.ok());
  ParserTrainOptions options;
  options.max_epochs = 10;
  options.min_weight = 0;  // a tiny treebank gives small averaged weights: keep them all
  auto model = TrainParser(*sents, GoldTags(*sents), {}, {}, WordClusters(), options, {});
  EXPECT_TRUE(model.ok());
  return std::move(model).value();
}

TEST(Parser, SmallModelLearnsItsTrees) {
  Parser parser(TrainTiny());
  std::vector<int> heads;
  std::vector<std::string> labels;
  parser.Parse({"The", "cat", "sees", "a", "dog", "."}, {"DT", "NN", "VBZ", "DT", "NN", "."},
               {"DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"}, {}, &heads, &labels);
  EXPECT_EQ(heads, (std::vector<int>{1, 2, -1, 4, 2, 2}));
  EXPECT_EQ(labels, (std::vector<std::string>{"det", "nsubj", "root", "det", "obj", "punct"}));
  // A sentence it never saw, of words and tags it did.
  parser.Parse({"A", "cat", "runs", "."}, {"DT", "NN", "VBZ", "."}, {"DET", "NOUN", "VERB", "PUNCT"}, {}, &heads,
               &labels);
  EXPECT_EQ(heads, (std::vector<int>{1, 2, -1, 2}));
  EXPECT_EQ(labels[1], "nsubj");
}

// Checks that heads form one tree: one root, every word reaches it, no cycle.
void ExpectTree(const std::vector<int>& heads) {
  int n = static_cast<int>(heads.size()), roots = 0;
  for (int i = 0; i < n; ++i) {
    ASSERT_GE(heads[i], -1);
    ASSERT_LT(heads[i], n);
    ASSERT_NE(heads[i], i);
    if (heads[i] < 0) ++roots;
  }
  EXPECT_EQ(roots, 1);
  // Every word reaches the root in at most n steps.
  std::vector<int> depth(n, -1);
  for (int i = 0; i < n; ++i) {
    int k = i, steps = 0;
    while (k >= 0 && depth[k] < 0 && steps <= n) k = heads[k], ++steps;
    ASSERT_LE(steps, n) << "cycle through word " << i;
    int d = k < 0 ? 0 : depth[k];
    for (int j = i; j != k; j = heads[j]) depth[j] = d + steps--;
  }
}

TEST(Parser, TenThousandWordsInLinearTime) {
  Parser parser(TrainTiny());
  std::vector<std::string_view> words, xpos, upos;
  const std::string_view w[] = {"The", "cat", "sees", "a", "dog", "."};
  const std::string_view x[] = {"DT", "NN", "VBZ", "DT", "NN", "."};
  const std::string_view u[] = {"DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"};
  for (int i = 0; i < 10000; ++i) {
    words.push_back(w[i % 6]);
    xpos.push_back(x[i % 6]);
    upos.push_back(u[i % 6]);
  }
  std::vector<int> heads;
  std::vector<std::string> labels;
  auto start = std::chrono::steady_clock::now();
  parser.Parse(words, xpos, upos, {}, &heads, &labels);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(heads.size(), words.size());
  ExpectTree(heads);
  EXPECT_LT(seconds, 5.0);
  // Empty and one-word sentences.
  parser.Parse({}, {}, {}, {}, &heads, &labels);
  EXPECT_TRUE(heads.empty());
  parser.Parse({"Hi"}, {"UH"}, {"INTJ"}, {}, &heads, &labels);
  EXPECT_EQ(heads, std::vector<int>{-1});
  EXPECT_EQ(labels, std::vector<std::string>{"root"});
}

std::string ModelDir() { return std::string(SITREP_SOURCE_DIR) + "/models"; }

TEST(SyntaxStage, ShippedModelsAnnotateADoc) {
  if (!std::filesystem::exists(ModelDir() + "/parser.model")) GTEST_SKIP() << "no models/parser.model";
  auto models = SyntaxModels::Load(ModelDir());
  ASSERT_TRUE(models.ok()) << models.status().ToString();
  SyntaxStage stage(*models);
  std::string text = "Hello. The army said it killed five militants.";
  Doc doc(Origin{"t.txt", 0, "text"}, text, text, OffsetMap::Identity(static_cast<uint32_t>(text.size())), Metadata());
  const std::pair<uint32_t, uint32_t> spans[] = {{0, 5},   {5, 6},   {7, 10},  {11, 15}, {16, 20},
                                                 {21, 23}, {24, 30}, {31, 35}, {36, 45}, {45, 46}};
  for (auto [b, e] : spans) doc.mutable_tokens().push_back(Token{Span{b, e}});
  doc.mutable_sentences().push_back(Sentence{Span{0, 6}, 0, 2});
  doc.mutable_sentences().push_back(Sentence{Span{7, 46}, 2, 10});
  ASSERT_TRUE(stage.Process(doc).ok());
  const auto& t = doc.tokens();
  EXPECT_EQ(t[0].head, -1);
  EXPECT_EQ(t[1].head, 0);
  EXPECT_EQ(t[4].upos, "VERB");
  EXPECT_EQ(t[4].lemma, "say");
  EXPECT_EQ(t[4].head, -1);
  EXPECT_EQ(t[3].head, 4);  // army <- said
  EXPECT_EQ(t[3].deprel, "nsubj");
  EXPECT_EQ(t[6].lemma, "kill");
  EXPECT_EQ(t[8].lemma, "militant");
  EXPECT_EQ(t[8].head, 6);  // militants <- killed
  EXPECT_EQ(t[8].deprel, "obj");

  // A 10,000-token sentence through the whole stage.
  std::string big;
  std::vector<Token> tokens;
  for (int i = 0; i < 10000; ++i) {
    uint32_t b = static_cast<uint32_t>(big.size());
    big += i % 7 == 6 ? "," : "word";
    tokens.push_back(Token{Span{b, static_cast<uint32_t>(big.size())}});
    big += ' ';
  }
  Doc long_doc(Origin{"long.txt", 0, "text"}, big, big, OffsetMap::Identity(static_cast<uint32_t>(big.size())),
               Metadata());
  long_doc.mutable_tokens() = tokens;
  long_doc.mutable_sentences().push_back(Sentence{Span{0, static_cast<uint32_t>(big.size())}, 0, 10000});
  auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE(stage.Process(long_doc).ok());
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 10.0);
  std::vector<int> heads;
  for (const Token& token : long_doc.tokens()) heads.push_back(token.head);
  ExpectTree(heads);

  // A sentence whose tokens lie outside the Doc is an error, not a crash.
  long_doc.mutable_sentences().push_back(Sentence{Span{0, 1}, 9999, 20000});
  EXPECT_EQ(stage.Process(long_doc).code(), Code::kInternal);
}

TEST(SyntaxStage, ADatelineIsNotTheSubject) {
  if (!std::filesystem::exists(ModelDir() + "/parser.model")) GTEST_SKIP() << "no models/parser.model";
  auto models = SyntaxModels::Load(ModelDir());
  ASSERT_TRUE(models.ok()) << models.status().ToString();
  std::string text = "LIMA, Peru \u2014 Joe Biden and Xi Jinping met on Saturday.";
  Doc doc(Origin{"t.txt", 0, "text"}, text, text, OffsetMap::Identity(static_cast<uint32_t>(text.size())), Metadata());
  ASSERT_TRUE(TokenStage().Process(doc).ok());
  ASSERT_TRUE(SyntaxStage(*models).Process(doc).ok());
  const auto& t = doc.tokens();
  auto find = [&](std::string_view w) {
    for (size_t i = 0; i < t.size(); ++i)
      if (doc.Slice(t[i].span) == w) return static_cast<int>(i);
    return -1;
  };
  const int lima = find("LIMA"), joe = find("Joe"), met = find("met");
  ASSERT_GE(lima, 0);
  EXPECT_EQ(t[met].head, -1);
  EXPECT_EQ(t[joe].head, met);
  EXPECT_EQ(t[joe].deprel, "nsubj");
  EXPECT_EQ(t[lima].head, met);  // the dateline hangs from the root, as an unspecified dependent
  EXPECT_EQ(t[lima].deprel, "dep");
  std::vector<int> heads;
  for (const Token& token : t) heads.push_back(token.head);
  ExpectTree(heads);
}

TEST(SyntaxStage, MissingModelsAreAModelError) {
  auto models = SyntaxModels::Load("/nonexistent/models");
  ASSERT_FALSE(models.ok());
  EXPECT_EQ(models.status().code(), Code::kModel);
  EXPECT_EQ(models.status().file(), "/nonexistent/models/tagger.model");
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

// The command-line interfaces scorers use, through the real binary (skipped when the
// binary or the models are not built yet).
std::string RunBinary(const std::string& args, int* status) {
  std::string command = std::string(SITREP_BINARY) + " " + args + " 2>/dev/null";
  std::string out;
  if (FILE* p = popen(command.c_str(), "r")) {
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    *status = pclose(p);
  }
  return out;
}

bool CanRunBinary() {
  return std::filesystem::exists(SITREP_BINARY) && std::filesystem::exists(ModelDir() + "/parser.model");
}

TEST(Cli, EvalUdPrintsTheSummaryLine) {
  std::string data = std::string(SITREP_SHARED_DIR) + "/data/nlp/ud-ewt";
  if (!CanRunBinary() || !std::filesystem::exists(data)) GTEST_SKIP() << "needs the sitrep binary, models and EWT";
  int status = -1;
  std::string out = RunBinary("eval ud --data " + data + " --split dev", &status);
  EXPECT_EQ(status, 0);
  std::string last = out.substr(out.rfind('\n', out.size() - 2) + 1);
  double upos = 0, xpos = 0, uas = 0, las = 0, tokens = 0, sents = 0;
  ASSERT_EQ(std::sscanf(last.c_str(), "ud: upos=%lf xpos=%lf uas=%lf las=%lf tokens_f1=%lf sents_f1=%lf", &upos, &xpos,
                        &uas, &las, &tokens, &sents),
            6)
      << last;
  // Quality floors on dev, well below the scores in models/README.md.
  EXPECT_GT(upos, 94.0);
  EXPECT_GT(xpos, 93.5);
  EXPECT_GT(uas, 84.0);
  EXPECT_GT(las, 80.0);
  for (const char* metric : {"upos: ", "xpos: ", "lemma: ", "uas: ", "las: ", "tokens_f1: ", "sents_f1: "})
    EXPECT_NE(("\n" + out).find(std::string("\n") + metric), std::string::npos) << metric;  // each at a line start
}

TEST(Cli, AnnotateConlluKeepsTheGoldWords) {
  if (!CanRunBinary()) GTEST_SKIP() << "needs the sitrep binary and models";
  std::string path = (std::filesystem::temp_directory_path() / "sitrep_annotate_test.conllu").string();
  {
    std::ofstream out(path);
    out << "# sent_id = 1\n# text = Rebels don't control Kabul.\n"
           "1\tRebels\t_\t_\t_\t_\t_\t_\t_\t_\n"
           "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
           "2\tdo\t_\t_\t_\t_\t_\t_\t_\t_\n"
           "3\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
           "4\tcontrol\t_\t_\t_\t_\t_\t_\t_\t_\n"
           "5\tKabul\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
           "6\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
  }
  int status = -1;
  std::string out = RunBinary("annotate --input-format conllu --format conllu " + path, &status);
  EXPECT_EQ(status, 0);
  auto sents = ParseConllu(out, "output");
  ASSERT_TRUE(sents.ok()) << sents.status().ToString() << "\n" << out;
  ASSERT_EQ(sents->size(), 1u);
  const ConlluSentence& s = (*sents)[0];
  ASSERT_EQ(s.words.size(), 6u);
  ASSERT_EQ(s.ranges.size(), 1u);
  EXPECT_EQ(s.Comment("text"), "Rebels don't control Kabul.");
  EXPECT_EQ(s.words[2].lemma, "not");
  EXPECT_EQ(s.words[3].upos, "VERB");
  EXPECT_EQ(s.words[3].deprel, "root");
  EXPECT_EQ(s.words[0].head, 4);
  EXPECT_EQ(s.words[4].xpos, "NNP");
  EXPECT_EQ(s.words[4].head, 4);
  EXPECT_FALSE(s.words[4].space_after());
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace sitrep
