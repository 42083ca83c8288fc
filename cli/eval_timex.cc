// sitrep eval timex --data DIR: time expressions scored as TempEval-3 scores them. Every
// *.tml file under DIR is read (text and creation time only), annotated by sitrep, and its
// TIMEX3 tags set against the file's own. Prints the figures of timex_eval.h, one per
// line, then the summary line:
//   timex: strict_f1=.. relaxed_f1=.. value_f1=..
// --split dev|heldout takes one half of the corpus (a fixed split by file name: tune on
// dev, report heldout). --errors FILE writes every miss, spurious timex and wrong
// type or value as TSV; with --errors-all the correct ones too (kind "ok"), so the
// precision of a form ("now", "the quarter") can be counted.
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "annotate/timeml.h"
#include "cli/commands.h"
#include "eval/timex_eval.h"

namespace sitrep::cli {

namespace {

struct EvalTimexArgs {
  std::string data = "../shared/data/nlp/tempeval-3";
  std::string split = "all";
  std::string errors;
  bool errors_all = false;
  bool syntax = true;
};

std::string Clean(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}

void WriteErrors(std::ostream& out, const std::string& name, const std::string& text,
                 const std::vector<TimexPair>& pairs, bool all) {
  auto slice = [&](const TimemlTimex* t) { return t ? Clean(std::string_view(text).substr(t->span.begin, t->span.size())) : ""; };
  for (const TimexPair& p : pairs) {
    const char* kind = !p.system ? "missed" : !p.gold ? "spurious"
                     : p.gold->span != p.system->span ? "span" : "match";
    bool wrong = !p.gold || !p.system || p.gold->value != p.system->value || p.gold->type != p.system->type ||
                 p.gold->span != p.system->span;
    if (!wrong && !all) continue;
    if (!wrong) kind = "ok";
    if (!wrong) {
    } else if (p.gold && p.system && p.gold->span != p.system->span && p.gold->value == p.system->value) kind = "span";
    else if (p.gold && p.system && p.gold->value != p.system->value) kind = "value";
    else if (p.gold && p.system) kind = "type";
    out << name << '\t' << kind << '\t' << slice(p.gold) << '\t' << (p.gold ? p.gold->type : "") << '\t'
        << (p.gold ? p.gold->value : "") << '\t' << slice(p.system) << '\t' << (p.system ? p.system->type : "") << '\t'
        << (p.system ? p.system->value : "") << '\n';
  }
}

int RunEvalTimex(const EvalTimexArgs& args) {
  if (args.split != "dev" && args.split != "heldout" && args.split != "all")
    return ReportError(Status(Code::kInvalidArgument, "--split must be dev, heldout or all")), kExitUsage;
  auto files = FindTimemlFiles(args.data);
  if (!files.ok()) return ReportError(files.status());
  std::ofstream errors;
  if (!args.errors.empty()) {
    errors.open(args.errors);
    if (!errors) return ReportError(Status(Code::kIo, "cannot write this file").At(args.errors));
  }
  TimemlAnnotator annotator(args.syntax);
  TimexCounts total;
  size_t tokens = 0;
  for (const std::string& path : *files) {
    std::string name = path.substr(path.find_last_of('/') + 1);
    if (!InTimexSplit(name, args.split)) continue;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    auto gold = ParseTimeml(buffer.str(), path);
    if (!gold.ok()) return ReportError(gold.status());
    Doc doc = TimemlToDoc(*gold, path);
    if (Status s = annotator.Annotate(doc); !s.ok()) return ReportError(s);
    tokens += doc.tokens().size();
    std::vector<TimemlTimex> system = TimexesFromDoc(doc);
    std::vector<TimexPair> pairs;
    total.Add(ScoreTimexes(gold->timexes, system, errors.is_open() ? &pairs : nullptr));
    if (errors.is_open()) WriteErrors(errors, name, gold->text, pairs, args.errors_all);
  }
  TimexScores s = Summarize(total);
  double core = annotator.core_seconds(), timex = annotator.timex_seconds();
  std::cerr << fmt::format(
      "eval: {} documents ({}), {} tokens, {} gold and {} system timexes; language core {:.3f}s{}, timex {:.3f}s "
      "(+{:.1f}%)\n",
      total.docs, args.split, tokens, total.gold, total.system, core, annotator.has_syntax() ? " with syntax" : " (tokens only: no syntax models)",
      timex, core > 0 ? 100 * timex / core : 0);
  std::cout << fmt::format("strict: p={:.2f} r={:.2f} f1={:.2f}\n", s.strict_p, s.strict_r, s.strict_f1);
  std::cout << fmt::format("relaxed: p={:.2f} r={:.2f} f1={:.2f}\n", s.relaxed_p, s.relaxed_r, s.relaxed_f1);
  std::cout << fmt::format("type: accuracy={:.2f} f1={:.2f}\n", s.type_accuracy, s.type_f1);
  std::cout << fmt::format("value: accuracy={:.2f} f1={:.2f}\n", s.value_accuracy, s.value_f1);
  std::cout << fmt::format("timex: strict_f1={:.2f} relaxed_f1={:.2f} value_f1={:.2f}\n", s.strict_f1, s.relaxed_f1,
                           s.value_f1);
  return kExitOk;
}

}  // namespace

void AddEvalTimex(CLI::App& eval) {
  auto args = std::make_shared<EvalTimexArgs>();
  CLI::App* cmd = eval.add_subcommand("timex", "Time expressions (TIMEX3) on a TimeML corpus, scored as TempEval-3");
  cmd->add_option("--data", args->data, "Folder of *.tml files (searched recursively), or one file")->capture_default_str();
  cmd->add_option("--split", args->split, "dev, heldout or all (a fixed split by file name)")->capture_default_str();
  cmd->add_option("--errors", args->errors, "Write misses, spurious timexes and wrong values here (TSV)");
  cmd->add_flag("--errors-all", args->errors_all, "With --errors: write the correct timexes too (kind \"ok\")");
  cmd->add_flag("!--no-syntax", args->syntax, "Do not load the syntax models (tense from word cues only)");
  cmd->callback([args] {
    // The exit code is carried by the exception CLI11 turns into the program's status.
    int code = RunEvalTimex(*args);
    if (code != kExitOk) throw CLI::RuntimeError(code);
  });
}

}  // namespace sitrep::cli
