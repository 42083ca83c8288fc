// sitrep eval ud: scores the language core on a Universal Dependencies treebank split.
//
// With the gold words of each sentence (the treebank's tokens, its annotations unseen):
// UPOS, XPOS and lemma accuracy, and UAS and LAS (LAS compares the universal part of the
// relation, as the CoNLL 2018 shared task did; punctuation counts). From the raw text
// (ScoreTokenization in annotate/tokenizer_eval.h): token and sentence F1. All figures are
// percentages. One metric per line, then one summary line:
//   ud: upos=.. xpos=.. uas=.. las=.. tokens_f1=.. sents_f1=..
#include <fmt/format.h>

#include <chrono>
#include <iostream>

#include "annotate/syntax_stage.h"
#include "annotate/tokenizer_eval.h"
#include "cli/commands.h"
#include "train/conllu.h"
#include "train/model_file.h"
#include "train/parser_trainer.h"

namespace sitrep::cli {

// `eval stories` (cli/eval_stories.cc).
void AddEvalStories(CLI::App& eval);
void AddEvalMuc4(CLI::App& eval);
void AddEvalCameo(CLI::App& eval);
void AddEvalValidation(CLI::App& eval);  // `eval petrarch`, `eval tabari` (cli/eval_petrarch.cc)

namespace {

struct EvalUdArgs {
  std::string data = "../shared/data/nlp/ud-ewt";
  std::string split = "dev";
  std::string models;
};

struct SyntaxScores {
  size_t words = 0, upos = 0, xpos = 0, lemma = 0;
  ParseScores parse;
};

SyntaxScores ScoreSyntax(const SyntaxStage& stage, const std::vector<ConlluSentence>& gold) {
  SyntaxScores sc;
  std::vector<std::string_view> forms;
  std::vector<WordSyntax> out;
  std::vector<int> heads;
  std::vector<std::string> labels;
  for (const ConlluSentence& s : gold) {
    forms.clear();
    for (const auto& w : s.words) forms.push_back(w.form);
    stage.AnnotateSentence(forms, &out);
    heads.clear();
    labels.clear();
    for (size_t i = 0; i < out.size(); ++i) {
      const ConlluWord& g = s.words[i];
      ++sc.words;
      sc.upos += out[i].upos == g.upos;
      sc.xpos += out[i].xpos == g.xpos;
      sc.lemma += out[i].lemma == g.lemma;
      heads.push_back(out[i].head + 1);
      labels.push_back(out[i].deprel);
    }
    AddParseScores(s, heads, labels, &sc.parse);
  }
  return sc;
}

double Pct(size_t part, size_t whole) { return whole ? 100.0 * part / whole : 0; }

int RunEvalUd(const EvalUdArgs& args) {
  if (args.split != "dev" && args.split != "test" && args.split != "train")
    return ReportError(Status(Code::kInvalidArgument, "--split must be dev or test")), kExitUsage;
  auto path = FindTreebankFile(args.data, args.split);
  if (!path.ok()) return ReportError(path.status());
  auto gold = ReadConlluFile(*path);
  if (!gold.ok()) return ReportError(gold.status());
  auto models = args.models.empty() ? SyntaxModels::LoadDefault() : SyntaxModels::Load(args.models);
  if (!models.ok()) return ReportError(models.status());
  SyntaxStage stage(*models);

  auto start = std::chrono::steady_clock::now();
  SyntaxScores sc = ScoreSyntax(stage, *gold);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  TokenizationScores tok = ScoreTokenization(*path);
  if (!tok.status.ok()) return ReportError(tok.status);

  double upos = Pct(sc.upos, sc.words), xpos = Pct(sc.xpos, sc.words), lemma = Pct(sc.lemma, sc.words);
  double uas = sc.parse.uas_pct(), las = sc.parse.las_pct();
  double tokens_f1 = 100.0 * tok.tokens.f1, sents_f1 = 100.0 * tok.sentences.f1;
  std::cerr << fmt::format("eval: {} sentences, {} words of {}; tagged, lemmatized and parsed in {:.2f}s\n",
                           gold->size(), sc.words, *path, seconds);
  std::cout << fmt::format("upos: {:.2f}\n", upos);
  std::cout << fmt::format("xpos: {:.2f}\n", xpos);
  std::cout << fmt::format("lemma: {:.2f}\n", lemma);
  std::cout << fmt::format("uas: {:.2f}\n", uas);
  std::cout << fmt::format("las: {:.2f}\n", las);
  std::cout << fmt::format("tokens_f1: {:.2f}\n", tokens_f1);
  std::cout << fmt::format("sents_f1: {:.2f}\n", sents_f1);
  std::cout << fmt::format("ud: upos={:.2f} xpos={:.2f} uas={:.2f} las={:.2f} tokens_f1={:.2f} sents_f1={:.2f}\n", upos,
                           xpos, uas, las, tokens_f1, sents_f1);
  return kExitOk;
}

}  // namespace

std::optional<Doc> AnnotateText(const Pipeline& pipeline, const std::string& origin, const std::string& text) {
  Record record;
  record.origin = Origin{origin, 0, "text"};
  record.format = Format::kText;
  record.bytes = text;
  Outcome outcome = pipeline.RunOne(record);
  return std::move(outcome.doc);
}

void AddEvalCommand(CLI::App& app, int* exit_code) {
  CLI::App* eval = app.add_subcommand("eval", "Score sitrep against annotated data");
  eval->require_subcommand(1);
  auto args = std::make_shared<EvalUdArgs>();
  CLI::App* ud = eval->add_subcommand("ud", "Tagging, lemmas, parsing and tokenization on a UD treebank split");
  ud->add_option("--data", args->data, "Treebank folder with *-ud-SPLIT.conllu")->capture_default_str();
  ud->add_option("--split", args->split, "dev or test")->capture_default_str();
  ud->add_option("--models", args->models, "Model folder (default: $SITREP_MODELS, else the source tree's models/)");
  ud->callback([args, exit_code] { *exit_code = RunEvalUd(*args); });
  AddEvalExtraction(*eval);
  AddEvalTimex(*eval);
  AddEvalNer(*eval);
  AddEvalQuotes(*eval);
  AddEvalStories(*eval);
  AddEvalMuc4(*eval);
  AddEvalCameo(*eval);
  AddEvalValidation(*eval);
}

}  // namespace sitrep::cli
