// sitrep eval petrarch --data RECORDS / sitrep eval tabari --data RECORDS: the PETRARCH-2
// unit tests and the TABARI validation suite, coded by sitrep's dictionary coder
// (code/dictionaries/dictionary_coder.h) with the suite's own dictionaries over sitrep's
// own tokens, tags and parse (the parses inside the records are not used). Prints
//   records, passed, precision, recall, f1 (one per line), then
//   petrarch: pass=.. f1=..        (resp. tabari: pass=.. f1=..)
// with --errors, every failed record (id, expected, got) on standard error.
#include <fmt/format.h>

#include <cctype>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>

#include "annotate/paragraphs.h"
#include "annotate/syntax_stage.h"
#include "annotate/token_stage.h"
#include "cli/commands.h"
#include "cli/dictionary_flags.h"
#include "code/dictionaries/dictionary_coder.h"
#include "eval/event_validation_eval.h"
#include "sitrep/pipeline.h"

namespace sitrep::cli {

namespace {

struct ValidationArgs {
  std::string name;  // "petrarch" or "tabari"
  ValidationSuite suite = ValidationSuite::kPetrarch;
  std::string data;
  DictionaryOptions dictionaries;
  std::vector<std::string> verbs;
  std::vector<std::string> discards;
  // PETRARCH: its validation file (PETR.UnitTest.records.xml), read for the <Config>
  // settings that apply to the records after them.
  std::string config;
  bool errors = false;
  bool trace = false;
};

// The <Config option="..." value="..."> settings of a PETRARCH validation file in force at
// each <Sentence id="...">, oldest first: the file switches options between records
// (require_dyad, comma_*, new_actor_length), and the derived records do not carry them.
Result<std::map<std::string, std::vector<std::pair<std::string, std::string>>>> ReadPetrarchConfig(
    const std::string& path) {
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> out;
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(Code::kNotFound, fmt::format("{}: cannot open the validation file", path));
  static const std::regex config(R"re(<Config\s+option\s*=\s*"([^"]*)"\s+value\s*=\s*"([^"]*)")re");
  static const std::regex sentence(R"re(<Sentence\b[^>]*\bid\s*=\s*"([^"]*)")re");
  std::vector<std::pair<std::string, std::string>> now;
  std::string line;
  bool in_comment = false;
  while (std::getline(in, line)) {
    // Settings inside <!-- --> are not in force.
    std::string live;
    for (size_t i = 0; i < line.size();) {
      if (in_comment) {
        const size_t e = line.find("-->", i);
        if (e == std::string::npos) break;
        in_comment = false, i = e + 3;
      } else {
        const size_t b = line.find("<!--", i);
        live += line.substr(i, b == std::string::npos ? std::string::npos : b - i);
        if (b == std::string::npos) break;
        in_comment = true, i = b + 4;
      }
    }
    std::smatch m;
    if (std::regex_search(live, m, config)) now.emplace_back(m[1], m[2]);
    if (std::regex_search(live, m, sentence)) out[m[1]] = now;
  }
  return out;
}

// The language core only: paragraphs, tokens and sentences, tags, lemmas and the parse.
Result<std::unique_ptr<Pipeline>> ParsingPipeline() {
  PipelineOptions options;
  options.threads = 1;
  auto pipeline = std::make_unique<Pipeline>(options);
  SITREP_RETURN_IF_ERROR(pipeline->Add(std::make_unique<ParagraphStage>()));
  SITREP_RETURN_IF_ERROR(pipeline->Add(std::make_unique<TokenStage>()));
  Result<SyntaxModels> syntax = SyntaxModels::LoadDefault();
  if (!syntax.ok()) return syntax.status();
  SITREP_RETURN_IF_ERROR(pipeline->Add(std::make_unique<SyntaxStage>(std::move(*syntax))));
  return pipeline;
}

Result<code::dictionaries::DictionaryCoder> LoadCoder(const ValidationArgs& args) {
  std::vector<std::string> warnings;
  auto actors = code::dictionaries::UserDictionaries::Load(args.dictionaries.actors, args.dictionaries.agents, &warnings);
  if (!actors.ok()) return actors.status();
  auto verbs = std::make_shared<code::dictionaries::VerbDictionary>();
  for (const std::string& path : args.verbs) SITREP_RETURN_IF_ERROR(verbs->Load(path, &warnings));
  std::shared_ptr<code::dictionaries::DiscardList> discards;
  if (!args.discards.empty()) discards = std::make_shared<code::dictionaries::DiscardList>();
  for (const std::string& path : args.discards) SITREP_RETURN_IF_ERROR(discards->Load(path, &warnings));
  constexpr size_t kShown = 50;  // as for --actors: the first ones say enough
  for (size_t i = 0; i < warnings.size() && i < kShown; ++i) std::cerr << "sitrep: warning: " << warnings[i] << "\n";
  if (warnings.size() > kShown) std::cerr << fmt::format("sitrep: warning: ... and {} more dictionary warnings\n", warnings.size() - kShown);
  const code::dictionaries::DictionaryCoderOptions options = args.suite == ValidationSuite::kTabari
                                                                  ? code::dictionaries::TabariRules()
                                                                  : code::dictionaries::PetrarchRules();
  code::dictionaries::DictionaryCoder coder(std::move(verbs), std::move(*actors), options);
  if (discards) coder.set_discards(std::move(discards));
  return coder;
}

int RunValidation(const ValidationArgs& args) {
  auto records = ReadValidationRecords(args.data, args.suite);
  if (!records.ok()) return ReportError(records.status());
  auto coder = LoadCoder(args);
  if (!coder.ok()) return ReportError(coder.status());
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> configs;
  if (!args.config.empty()) {
    auto read = ReadPetrarchConfig(args.config);
    if (!read.ok()) return ReportError(read.status());
    configs = std::move(*read);
  }
  auto pipeline = ParsingPipeline();
  if (!pipeline.ok()) return ReportError(pipeline.status());
  const Pipeline& run = **pipeline;
  size_t n = 0;
  // TABARI's FORWARD: the story (the id without its last number) and sentence number of
  // the record before, and its first actor.
  std::string last_story;
  long last_sentence = -1;
  std::vector<std::string> last_actors;
  ValidationScores scores = ScoreValidationRecords(*records, [&](const ValidationRecord& r) {
    Record record;
    record.origin = Origin{fmt::format("{}#{}", args.data, ++n), 0, "text"};
    record.format = Format::kText;
    record.bytes = r.text;
    Outcome outcome = run.RunOne(record);
    std::vector<CodedTriple> out;
    code::dictionaries::DictionaryCoderOptions options = coder->options();
    for (const std::string& line : r.options) code::dictionaries::ApplyTabariOption(line, &options);
    if (auto it = configs.find(r.id); it != configs.end())
      for (const auto& [option, value] : it->second) code::dictionaries::ApplyPetrarchConfig(option, value, &options);
    size_t digits = r.id.size();
    while (digits > 0 && std::isdigit(static_cast<unsigned char>(r.id[digits - 1]))) --digits;
    const std::string story = r.id.substr(0, digits);
    const long sentence = digits < r.id.size() && r.id.size() - digits < 10 ? std::stol(r.id.substr(digits)) : -1;
    if (options.forward && sentence >= 0 && story == last_story && sentence == last_sentence + 1)
      options.forwarded = last_actors;
    else
      options.forwarded.clear();
    last_story = story, last_sentence = sentence, last_actors.clear();
    if (!outcome.doc) return out;
    for (const auto& sentence_words : code::dictionaries::DictionaryCoder::Sentences(*outcome.doc)) {
      code::dictionaries::SentenceCoding coding = coder->Code(sentence_words, r.day, options);
      last_actors = coding.first_actors;
      if (!coding.first_actors.empty()) options.forwarded = coding.first_actors;
      for (const auto& e : coding.events) {
        out.push_back({e.source, e.target, e.code});
        if (args.trace) std::cerr << fmt::format("{}\t{}/{}/{}\t{}\n", r.id, e.source, e.target, e.code, e.origin);
      }
    }
    return out;
  });
  if (args.errors)
    for (const ValidationFailure& f : scores.failures)
      std::cerr << fmt::format("{}\texpected {}\tgot {}\n", f.id, FormatTriples(f.expected), FormatTriples(f.got));
  std::cerr << fmt::format("eval: {} records of {}, {} expected events\n", scores.records, args.data, scores.expected);
  std::cout << fmt::format("records: {}\n", scores.records);
  std::cout << fmt::format("passed: {:.3f}\n", scores.pass_rate());
  std::cout << fmt::format("precision: {:.3f}\n", scores.precision());
  std::cout << fmt::format("recall: {:.3f}\n", scores.recall());
  std::cout << fmt::format("f1: {:.3f}\n", scores.f1());
  std::cout << fmt::format("{}: pass={:.3f} f1={:.3f}\n", args.name, scores.pass_rate(), scores.f1()) << std::flush;
  return kExitOk;
}

void AddValidation(CLI::App& eval, ValidationArgs defaults, const std::string& help) {
  auto args = std::make_shared<ValidationArgs>(std::move(defaults));
  auto given = std::make_shared<ValidationArgs>();  // the flags, which replace the defaults when given
  CLI::App* cmd = eval.add_subcommand(args->name, help);
  cmd->add_option("--data", args->data, "The derived records (JSON Lines)")->capture_default_str();
  AddDictionaryFlags(cmd, &given->dictionaries);
  AddVerbFlags(cmd, &given->verbs);
  cmd->add_option("--discards", given->discards, "A PETRARCH discard list: sentences with its phrases are not coded (repeatable)")
      ->allow_extra_args(false);
  if (args->suite == ValidationSuite::kPetrarch)
    cmd->add_option("--config", args->config,
                    "PETRARCH's validation file (PETR.UnitTest.records.xml): its <Config> settings apply to the records "
                    "after them (\"\" for none)")
        ->capture_default_str();
  cmd->add_flag("--errors", args->errors, "List the failed records (id, expected, got) on standard error");
  cmd->add_flag("--trace", args->trace, "Print every event coded (id, event, the verb entry or pattern that gave it) on standard error");
  std::string footer = "Without flags, the suite's own dictionaries:";
  for (const auto* files : {&args->dictionaries.actors, &args->dictionaries.agents, &args->verbs, &args->discards})
    for (const std::string& f : *files) footer += "\n  " + f;
  cmd->footer(footer);
  cmd->callback([args, given] {
    ValidationArgs run = *args;
    if (!given->dictionaries.actors.empty()) run.dictionaries.actors = given->dictionaries.actors;
    if (!given->dictionaries.agents.empty()) run.dictionaries.agents = given->dictionaries.agents;
    if (!given->verbs.empty()) run.verbs = given->verbs;
    if (!given->discards.empty()) run.discards = given->discards;
    if (int code = RunValidation(run); code != kExitOk) throw CLI::RuntimeError(code);
  });
}

}  // namespace

void AddEvalValidation(CLI::App& eval) {
  const std::string events = "../shared/data/events/";
  ValidationArgs petrarch;
  petrarch.name = "petrarch";
  petrarch.suite = ValidationSuite::kPetrarch;
  petrarch.data = events + "derived/petrarch_unittest_records.jsonl";
  // petrarch2's own validation actors, of the same commit as the records (UniversalPetrarch's
  // copy writes ITHILEN_TELEVISION for ITHILEN TELEVISION and adds MCGONAGALL [GRYGOV], which
  // the records' ACTOR-* tests expect not to be an actor).
  petrarch.dictionaries.actors = {events + "petrarch2/petrarch2/data/dictionaries/PETR.Validate.actors.txt"};
  petrarch.config = events + "petrarch2/petrarch2/data/text/PETR.UnitTest.records.xml";
  petrarch.dictionaries.agents = {events + "petrarch2/petrarch2/data/dictionaries/PETR.Validate.agents.txt"};
  // The records are PETRARCH-2's own unit tests, coded in CAMEO: they go with petrarch2's
  // PETR.Validate.verbs.txt. UniversalPetrarch's PETR.Validate.verbs.2.0.txt is in the
  // "CAMEO 2.0" codes of its UDPipe-parsed copy of the tests ("restore ties": 050, not
  // 064), so it can be given with --verbs but cannot pass these records.
  petrarch.verbs = {events + "petrarch2/petrarch2/data/dictionaries/PETR.Validate.verbs.txt"};
  petrarch.discards = {events + "petrarch2/petrarch2/data/dictionaries/PETR.Validate.discards.txt"};
  AddValidation(eval, petrarch, "PETRARCH-2 unit tests coded with its validation dictionaries");

  ValidationArgs tabari;
  tabari.name = "tabari";
  tabari.suite = ValidationSuite::kTabari;
  tabari.data = events + "derived/tabari_validation_records.jsonl";
  tabari.dictionaries.actors = {events + "tabari/TABARI.Demo.actors"};
  tabari.dictionaries.agents = {events + "tabari/Validate.agents"};
  tabari.verbs = {events + "tabari/TABARI.Demo.verbs"};
  AddValidation(eval, tabari, "TABARI validation suite coded with its demo dictionaries");
}

}  // namespace sitrep::cli
