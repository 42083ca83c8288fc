// sitrep annotate PATH...: run the pipeline without a store; JSON Lines to stdout.
//
// CoNLL-U: --format conllu writes the tokens, sentences, tags, lemmas and trees of every
// document (the syntax stages are added when the default pipeline lacks them). With
// --input-format conllu the inputs are CoNLL-U files whose sentences and words are kept as
// they are (their annotations unread), and only UPOS, XPOS, LEMMA, HEAD and DEPREL are
// predicted: the gold-token evaluation interface.
//
// IOB2: --input-format iob2 --format iob2 reads Universal NER files (gold tokens) and
// writes them back with sitrep's PER, ORG and LOC tags, a document at a time.
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "annotate/iob2.h"
#include "annotate/ner.h"
#include "annotate/syntax_stage.h"
#include "annotate/timeml.h"
#include "annotate/token_stage.h"
#include "cli/commands.h"
#include "cli/dictionary_flags.h"
#include "sitrep/pipeline.h"
#include "store/doc_wire.h"
#include "text/doc_json.h"
#include "text/dump.h"
#include "train/conllu.h"

namespace sitrep::cli {

namespace {

struct AnnotateArgs {
  std::vector<std::string> inputs;
  std::string input_format = "auto";
  std::string format = "jsonl";
  unsigned threads = 0;
  bool stage_times = false;
  DictionaryOptions dictionaries;
};

// Keeps of MISC only what describes the tokens themselves (SpaceAfter=No).
std::string TokenMisc(const std::string& misc) { return misc.find("SpaceAfter=No") != std::string::npos ? "SpaceAfter=No" : "_"; }

// A CoNLL-U FORM or text comment cannot hold tabs or line breaks.
std::string OneLine(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}

Status ReadAll(const std::string& path, std::string* data) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    *data = buffer.str();
    return Status::Ok();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(Code::kNotFound, "cannot open this file").At(path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *data = buffer.str();
  return Status::Ok();
}

// Gold sentences and words in, predicted tags, lemmas and trees out.
int AnnotateConllu(const AnnotateArgs& args) {
  if (args.format != "conllu")
    return ReportError(Status(Code::kInvalidArgument, "--input-format conllu needs --format conllu")), kExitUsage;
  auto models = SyntaxModels::LoadDefault();
  if (!models.ok()) return ReportError(models.status());
  SyntaxStage stage(*models);
  std::vector<std::string_view> forms;
  std::vector<WordSyntax> syntax;
  for (const std::string& path : args.inputs) {
    std::string data;
    if (Status st = ReadAll(path, &data); !st.ok()) return ReportError(st);
    auto sents = ParseConllu(data, path == "-" ? "<stdin>" : path);
    if (!sents.ok()) return ReportError(sents.status());
    std::string out;
    for (ConlluSentence& sent : *sents) {
      forms.clear();
      for (const ConlluWord& w : sent.words) forms.push_back(w.form);
      stage.AnnotateSentence(forms, &syntax);
      for (size_t i = 0; i < sent.words.size(); ++i) {
        ConlluWord& w = sent.words[i];
        w.upos = std::string(syntax[i].upos);
        w.xpos = std::string(syntax[i].xpos);
        w.lemma = syntax[i].lemma;
        w.feats = "_";
        w.head = syntax[i].head + 1;
        w.deprel = syntax[i].deprel;
        w.deps = "_";
        w.misc = TokenMisc(w.misc);
      }
      for (ConlluRange& r : sent.ranges) r.misc = TokenMisc(r.misc);
      sent.empty_nodes.clear();  // nodes of the enhanced graph, which sitrep does not predict
      WriteConllu(sent, &out);
    }
    std::cout << out;
  }
  std::cout.flush();
  return kExitOk;
}

// One document's sentences in CoNLL-U.
std::string DocToConllu(const Doc& doc) {
  std::string out = fmt::format("# newdoc id = {}{}\n", OneLine(doc.origin().path),
                                doc.origin().offset ? fmt::format("@{}", doc.origin().offset) : "");
  const std::vector<Token>& tokens = doc.tokens();
  int n = 0;
  for (const Sentence& sent : doc.sentences()) {
    if (sent.token_begin >= sent.token_end || sent.token_end > tokens.size()) continue;
    ConlluSentence c;
    c.comments.push_back(fmt::format("# sent_id = {}", ++n));
    c.comments.push_back("# text = " + OneLine(doc.Slice(sent.span)));
    for (uint32_t t = sent.token_begin; t < sent.token_end; ++t) {
      const Token& token = tokens[t];
      ConlluWord w;
      w.id = static_cast<int>(t - sent.token_begin) + 1;
      w.form = OneLine(doc.Slice(token.span));
      if (w.form.empty()) w.form = "_";
      w.lemma = token.lemma;
      w.upos = token.upos;
      w.xpos = token.xpos;
      bool inside = token.head >= static_cast<int32_t>(sent.token_begin) && token.head < static_cast<int32_t>(sent.token_end);
      w.head = inside ? token.head - static_cast<int32_t>(sent.token_begin) + 1 : 0;
      w.deprel = token.deprel.empty() ? (w.head == 0 ? "root" : "dep") : token.deprel;
      w.misc = token.space_after ? "_" : "SpaceAfter=No";
      c.words.push_back(std::move(w));
    }
    WriteConllu(c, &out);
  }
  return out;
}

// The default pipeline, with the token and syntax stages appended if it lacks them.
Result<std::unique_ptr<Pipeline>> ConlluPipeline(const PipelineOptions& options) {
  auto pipeline = MakeDefaultPipeline(options);
  if (!pipeline.ok()) return pipeline.status();
  bool has_tokens = false, has_syntax = false;
  for (const auto& stage : (*pipeline)->stages()) {
    for (const std::string& layer : stage->writes()) has_tokens |= layer == "token";
    has_syntax |= stage->name() == "syntax";
  }
  if (!has_tokens) SITREP_RETURN_IF_ERROR((*pipeline)->Add(std::make_unique<TokenStage>()));
  if (!has_syntax) {
    auto models = SyntaxModels::LoadDefault();
    if (!models.ok()) return models.status();
    SITREP_RETURN_IF_ERROR((*pipeline)->Add(std::make_unique<SyntaxStage>(*models)));
  }
  return pipeline;
}

// TimeML: the text and creation time of each file in, the file back out with sitrep's
// TIMEX3 tags (the file's own TIMEX3, EVENT and link tags unread): the time-expression
// evaluation interface. --format jsonl or json prints the annotated Docs instead.
int AnnotateTimeml(const AnnotateArgs& args) {
  if (args.format != "timeml" && args.format != "jsonl" && args.format != "json")
    return ReportError(Status(Code::kInvalidArgument, "--input-format timeml needs --format timeml, jsonl or json")),
           kExitUsage;
  TimemlAnnotator annotator(/*with_syntax=*/true);
  for (const std::string& path : args.inputs) {
    std::string data;
    if (Status st = ReadAll(path, &data); !st.ok()) return ReportError(st);
    auto timeml = ParseTimeml(data, path == "-" ? "<stdin>" : path);
    if (!timeml.ok()) return ReportError(timeml.status());
    Doc doc = TimemlToDoc(*timeml, path);
    if (Status st = annotator.Annotate(doc); !st.ok()) return ReportError(st);
    if (args.format == "timeml") std::cout << WriteTimeml(*timeml, TimexesFromDoc(doc));
    else std::cout << DocToJson(doc).dump(args.format == "json" ? 2 : -1) << "\n";
  }
  std::cout.flush();
  return kExitOk;
}

// IOB2 (Universal NER): gold sentences and tokens in, the same with sitrep's PER, ORG and
// LOC tags out (their tags unread): the entity evaluation interface.
int AnnotateIob2(const AnnotateArgs& args) {
  if (args.format != "iob2")
    return ReportError(Status(Code::kInvalidArgument, "--input-format iob2 needs --format iob2")), kExitUsage;
  auto ner = NamedEntityRecognizer::LoadDefault();
  if (!ner.ok()) return ReportError(ner.status());
  std::vector<std::vector<std::string_view>> doc;
  std::vector<std::vector<std::string>> tags;
  for (const std::string& path : args.inputs) {
    std::string data;
    if (Status st = ReadAll(path, &data); !st.ok()) return ReportError(st);
    auto sents = ParseIob2(data, path == "-" ? "<stdin>" : path);
    if (!sents.ok()) return ReportError(sents.status());
    std::string out;
    for (auto [first, last] : Iob2Documents(*sents)) {
      doc.clear();
      for (size_t s = first; s < last; ++s) doc.emplace_back((*sents)[s].words.begin(), (*sents)[s].words.end());
      (*ner)->TagDoc(doc, {}, &tags);
      for (size_t s = first; s < last; ++s) WriteIob2((*sents)[s], tags[s - first], &out);
    }
    std::cout << out;
  }
  std::cout.flush();
  return kExitOk;
}

// Where the CPU went, stage by stage, to standard error: "stage-time: read=0.12 ...".
void PrintStageTimes(const Pipeline& pipeline) {
  std::string line = "stage-time:";
  double total = 0;
  for (const auto& [stage, seconds] : pipeline.StageSeconds()) {
    line += fmt::format(" {}={:.3f}", stage, seconds);
    total += seconds;
  }
  std::cerr << line << fmt::format(" total={:.3f} (CPU seconds, all threads)\n", total);
}

int RunAnnotate(const AnnotateArgs& args) {
  if (args.input_format == "conllu") return AnnotateConllu(args);
  if (args.input_format == "iob2") return AnnotateIob2(args);
  if (args.input_format == "timeml") return AnnotateTimeml(args);
  if (args.format == "timeml")
    return ReportError(Status(Code::kInvalidArgument, "--format timeml needs --input-format timeml")), kExitUsage;
  auto input_format = ParseFormat(args.input_format);
  if (!input_format.ok()) return ReportError(input_format.status()), kExitUsage;
  if (args.format != "jsonl" && args.format != "json" && args.format != "text" && args.format != "conllu" &&
      args.format != "coded")
    return ReportError(Status(Code::kInvalidArgument, "--format must be jsonl, json, text, conllu or coded")),
           kExitUsage;
  PipelineOptions options;
  options.threads = args.threads;
  options.ingest.format = *input_format;
  options.dictionaries = args.dictionaries;
  auto pipeline = args.format == "conllu" ? ConlluPipeline(options) : MakeDefaultPipeline(options);
  if (!pipeline.ok()) return ReportError(pipeline.status());
  RecordSource source(args.inputs, options.ingest);
  bool failed = false;
  Status run = (*pipeline)->Run(source, [&](std::vector<Outcome>& batch) {
    for (const Outcome& o : batch) {
      for (const Failure& f : o.failures) {
        std::cerr << "sitrep: failed [" << f.stage << "] " << f.status.ToString() << "\n";
        failed = true;
      }
      // The wire format carries failures too, so `sitrep merge` stores them as ingest would.
      if (args.format == "coded") std::cout << OutcomeToWire(o) << "\n";
      if (!o.doc || args.format == "coded") continue;
      if (args.format == "conllu") std::cout << DocToConllu(*o.doc);
      else if (args.format == "text") std::cout << DumpDoc(*o.doc) << "\n";
      else if (args.format == "json") std::cout << DocToJson(*o.doc).dump(2) << "\n";
      else std::cout << DocToJson(*o.doc).dump() << "\n";
    }
    return Status::Ok();
  });
  std::cout.flush();
  if (args.stage_times) PrintStageTimes(**pipeline);
  if (!run.ok()) return ReportError(run);
  return failed ? kExitSomeFailed : kExitOk;
}

}  // namespace

void AddAnnotateCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<AnnotateArgs>();
  CLI::App* cmd = app.add_subcommand("annotate", "Annotate articles and print the result, storing nothing");
  cmd->add_option("inputs", args->inputs, "Files, directories, glob patterns, or - for standard input")->required();
  cmd->add_option("--input-format", args->input_format,
                  "auto, text, html, jsonl, warc, conllu (gold sentences and words; needs --format conllu), "
                  "timeml (text and DCT of a TimeML file), or iob2 (gold tokens; needs --format iob2)")
      ->capture_default_str();
  cmd->add_option("--format", args->format,
                  "jsonl (one object per line), json (indented), text (readable), conllu (tokens, tags, lemmas, trees), "
                  "coded (everything the store keeps, one line per article, for `sitrep merge`), "
                  "timeml (TIMEX3 tags; needs --input-format timeml) or iob2 (PER/ORG/LOC tags; needs --input-format iob2)")
      ->capture_default_str();
  cmd->add_option("--threads", args->threads, "Worker threads (0: all cores)");
  cmd->add_flag("--stage-times", args->stage_times, "Print the CPU time of reading and of each stage to standard error");
  AddDictionaryFlags(cmd, &args->dictionaries);
  cmd->callback([args, exit_code] { *exit_code = RunAnnotate(*args); });
}

}  // namespace sitrep::cli
