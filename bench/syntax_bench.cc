// Throughput of the trained language core on one core: the tagger, the lemmatizer and the
// parser, in tokens (words) per second, over the sentences of UD EWT dev (gold words).
//
//   build/bench/syntax_bench [--benchmark_filter=Tagger]
//
// Reads ../shared/data/nlp/ud-ewt/en_ewt-ud-dev.conllu and the default models (see
// models/README.md). Each benchmark checks its own answer against the gold annotation and
// reports the accuracy next to the speed, so a faster but broken model cannot pass unseen.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>

#include "annotate/syntax_stage.h"
#include "train/conllu.h"
#include "train/model_file.h"

namespace sitrep {
namespace {

struct Corpus {
  std::vector<std::vector<std::string_view>> words;
  std::vector<ConlluSentence> gold;
  size_t tokens = 0;
  SyntaxModels models;
};

const Corpus& Load() {
  static Corpus* corpus = [] {
    auto* c = new Corpus;
    std::string path = std::string(SITREP_SHARED_DIR) + "/data/nlp/ud-ewt/en_ewt-ud-dev.conllu";
    auto gold = ReadConlluFile(path);
    auto models = SyntaxModels::LoadDefault();
    if (!gold.ok() || !models.ok()) {
      std::fprintf(stderr, "syntax_bench: %s\n", (!gold.ok() ? gold.status() : models.status()).ToString().c_str());
      std::exit(1);
    }
    c->gold = std::move(gold).value();
    c->models = *models;
    for (const auto& s : c->gold) {
      c->words.emplace_back();
      for (const auto& w : s.words) c->words.back().push_back(w.form);
      c->tokens += s.words.size();
    }
    return c;
  }();
  return *corpus;
}

void BM_Tagger(benchmark::State& state) {
  const Corpus& c = Load();
  std::vector<PosTag> tags;
  size_t correct = 0, seen = 0;
  for (auto _ : state) {
    for (size_t s = 0; s < c.words.size(); ++s) {
      c.models.tagger->Tag(c.words[s], &tags);
      for (size_t i = 0; i < tags.size(); ++i) correct += tags[i].upos == c.gold[s].words[i].upos;
      seen += tags.size();
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.tokens));
  state.counters["upos"] = 100.0 * correct / std::max<size_t>(seen, 1);
}
BENCHMARK(BM_Tagger)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_Lemmatizer(benchmark::State& state) {
  const Corpus& c = Load();
  size_t correct = 0, seen = 0;
  for (auto _ : state) {
    for (const auto& s : c.gold)
      for (const auto& w : s.words) {
        correct += c.models.lemmatizer->Lemmatize(w.form, w.xpos) == w.lemma;
        ++seen;
      }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.tokens));
  state.counters["lemma_gold_tags"] = 100.0 * correct / std::max<size_t>(seen, 1);
}
BENCHMARK(BM_Lemmatizer)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// The parser alone, on the tagger's tags (computed once, outside the timing).
void BM_Parser(benchmark::State& state) {
  const Corpus& c = Load();
  std::vector<std::vector<PosTag>> tags(c.words.size());
  for (size_t s = 0; s < c.words.size(); ++s) c.models.tagger->Tag(c.words[s], &tags[s]);
  std::vector<std::vector<std::string_view>> xpos(c.words.size()), upos(c.words.size()), xpos2(c.words.size());
  for (size_t s = 0; s < tags.size(); ++s)
    for (const PosTag& t : tags[s]) {
      xpos[s].push_back(t.xpos);
      upos[s].push_back(t.upos);
      xpos2[s].push_back(t.xpos2);
    }
  std::vector<int> heads;
  std::vector<std::string> labels;
  size_t correct = 0, seen = 0;
  for (auto _ : state) {
    for (size_t s = 0; s < c.words.size(); ++s) {
      c.models.parser->Parse(c.words[s], xpos[s], upos[s], xpos2[s], &heads, &labels);
      for (size_t i = 0; i < heads.size(); ++i) correct += heads[i] + 1 == c.gold[s].words[i].head;
      seen += heads.size();
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.tokens));
  state.counters["uas"] = 100.0 * correct / std::max<size_t>(seen, 1);
}
BENCHMARK(BM_Parser)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// The whole syntax stage per sentence: tagger, lemmatizer, parser.
void BM_SyntaxStage(benchmark::State& state) {
  const Corpus& c = Load();
  SyntaxStage stage(c.models);
  std::vector<WordSyntax> out;
  for (auto _ : state)
    for (const auto& words : c.words) stage.AnnotateSentence(words, &out);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.tokens));
}
BENCHMARK(BM_SyntaxStage)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
}  // namespace sitrep

BENCHMARK_MAIN();
