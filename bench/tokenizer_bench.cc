// Tokenizer and sentence splitter throughput, in bytes of clean text per second.
//
// Workloads:
//   BM_Tokenize           the tokenizer alone
//   BM_TokenizeAndSplit   tokenizer + sentence splitter (the 50 MB/s target)
//   BM_TokenStage         the pipeline stage, one Doc per document
//   BM_NoSpaces           a 1 MB "word" without spaces: the worst case stays linear
//
// The corpus is the raw text of a UD treebank (paragraphs as the treebank marks them),
// read at run time and never committed: by default EWT train from ../shared, or the
// CoNLL-U file named by SITREP_BENCH_CONLLU. Its paragraphs are grouped into documents
// of about 8 KB, the size of a news article, and each is processed on its own as the
// pipeline does; one token vector for a whole 1 MB corpus would instead measure memory
// bandwidth (a Token is ~150 bytes). Before timing, the benchmark checks its own
// answer: tokens must tile the text's non-space bytes and score token F1 >= 0.98
// against the treebank, so a speed-up that breaks the output cannot pass unnoticed.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "annotate/paragraphs.h"
#include "annotate/sentence_splitter.h"
#include "annotate/token_stage.h"
#include "annotate/tokenizer.h"
#include "annotate/tokenizer_eval.h"

namespace sitrep {
namespace {

struct Corpus {
  std::string conllu_path;
  TreebankText treebank;
  std::vector<std::vector<Span>> documents;  // paragraphs, grouped into ~8 KB documents
  std::string error;                         // why there is no corpus
};

std::vector<std::vector<Span>> GroupIntoDocuments(const std::vector<Span>& paragraphs) {
  constexpr uint32_t kDocumentBytes = 8 << 10;
  std::vector<std::vector<Span>> documents(1);
  uint32_t size = 0;
  for (Span paragraph : paragraphs) {
    if (size >= kDocumentBytes) {
      documents.emplace_back();
      size = 0;
    }
    documents.back().push_back(paragraph);
    size += paragraph.size();
  }
  return documents;
}

std::string DefaultCorpusPath() {
  if (const char* path = std::getenv("SITREP_BENCH_CONLLU")) return path;
  return std::string(SITREP_SHARED_DIR) + "/data/nlp/ud-ewt/en_ewt-ud-train.conllu";
}

// Every non-space byte of each paragraph lies in exactly one token, in order.
bool TokensTileText(const std::string& text, const std::vector<Span>& paragraphs) {
  std::vector<Token> tokens;
  for (Span paragraph : paragraphs) {
    tokens.clear();
    TokenizeInto(text, paragraph, &tokens);
    uint32_t pos = paragraph.begin;
    for (const Token& token : tokens) {
      if (token.span.begin < pos || token.span.end <= token.span.begin) return false;
      for (; pos < token.span.begin; ++pos)
        if (static_cast<unsigned char>(text[pos]) > 0x20) return false;
      pos = token.span.end;
    }
    for (; pos < paragraph.end; ++pos)
      if (static_cast<unsigned char>(text[pos]) > 0x20) return false;
  }
  return true;
}

const Corpus& LoadCorpus() {
  static const Corpus corpus = [] {
    Corpus c;
    c.conllu_path = DefaultCorpusPath();
    std::ifstream in(c.conllu_path, std::ios::binary);
    if (!in) {
      c.error = "cannot read " + c.conllu_path + " (set SITREP_BENCH_CONLLU)";
      return c;
    }
    std::stringstream content;
    content << in.rdbuf();
    c.treebank = ReadTreebankText(content.str());
    c.documents = GroupIntoDocuments(c.treebank.paragraphs);
    TokenizationScores scores = ScoreTokenizationText(content.str());
    if (!TokensTileText(c.treebank.text, c.treebank.paragraphs))
      c.error = "self-check failed: tokens do not tile the text";
    else if (scores.tokens.f1 < 0.98)
      c.error = "self-check failed: token F1 " + std::to_string(scores.tokens.f1) + " < 0.98";
    return c;
  }();
  return corpus;
}

bool Ready(benchmark::State& state, const Corpus& corpus) {
  if (corpus.error.empty()) return true;
  state.SkipWithError(corpus.error.c_str());
  return false;
}

void BM_Tokenize(benchmark::State& state) {
  const Corpus& corpus = LoadCorpus();
  if (!Ready(state, corpus)) return;
  const TreebankText& tb = corpus.treebank;
  std::vector<Token> tokens;
  size_t token_count = 0;
  for (auto _ : state) {
    token_count = 0;
    for (const std::vector<Span>& document : corpus.documents) {
      tokens.clear();
      for (Span paragraph : document) TokenizeInto(tb.text, paragraph, &tokens);
      token_count += tokens.size();
      benchmark::DoNotOptimize(tokens.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * tb.text.size()));
  state.counters["tokens"] = static_cast<double>(token_count);
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

void BM_TokenizeAndSplit(benchmark::State& state) {
  const Corpus& corpus = LoadCorpus();
  if (!Ready(state, corpus)) return;
  const TreebankText& tb = corpus.treebank;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  size_t sentence_count = 0;
  for (auto _ : state) {
    sentence_count = 0;
    for (const std::vector<Span>& document : corpus.documents) {
      tokens.clear();
      sentences.clear();
      for (Span paragraph : document) {
        auto first = static_cast<uint32_t>(tokens.size());
        TokenizeInto(tb.text, paragraph, &tokens);
        SplitSentencesInto(tb.text, tokens, first, static_cast<uint32_t>(tokens.size()), {}, &sentences);
      }
      sentence_count += sentences.size();
      benchmark::DoNotOptimize(sentences.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * tb.text.size()));
  state.counters["sentences"] = static_cast<double>(sentence_count);
}
BENCHMARK(BM_TokenizeAndSplit)->Unit(benchmark::kMillisecond);

void BM_TokenStage(benchmark::State& state) {
  const Corpus& corpus = LoadCorpus();
  if (!Ready(state, corpus)) return;
  // One Doc per document, with its paragraphs found by the paragraph stage.
  const TreebankText& tb = corpus.treebank;
  std::vector<Doc> docs;
  size_t bytes = 0;
  for (const std::vector<Span>& document : corpus.documents) {
    Span whole = {document.front().begin, document.back().end};
    std::string text = tb.text.substr(whole.begin, whole.size());
    Doc& doc = docs.emplace_back(Origin{}, text, text, OffsetMap::Identity(whole.size()), Metadata{});
    if (!ParagraphStage().Process(doc).ok()) {
      state.SkipWithError("paragraph stage failed");
      return;
    }
    bytes += text.size();
  }
  TokenStage stage;
  for (auto _ : state) {
    for (Doc& doc : docs) {
      Status status = stage.Process(doc);
      benchmark::DoNotOptimize(status);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_TokenStage)->Unit(benchmark::kMillisecond);

void BM_NoSpaces(benchmark::State& state) {
  std::string text;
  for (int i = 0; i < (1 << 20) / 8; ++i) text += "ab-cd.e,";
  std::vector<Token> tokens;
  for (auto _ : state) {
    tokens.clear();
    TokenizeInto(text, {0, static_cast<uint32_t>(text.size())}, &tokens);
    std::vector<Sentence> sentences = SplitSentences(text, tokens);
    benchmark::DoNotOptimize(sentences.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_NoSpaces)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep

BENCHMARK_MAIN();
