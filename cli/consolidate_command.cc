// sitrep consolidate --db FILE: finds copies and stories among the stored documents,
// dates undated ones through their twins and merges the events that several documents
// report, and writes all of it back (consolidate_store.h).
//
// A command of its own, run after ingest, rather than a step of every ingest batch:
// grouping is a function of the whole set of documents (a late article can join or
// split stories, and the result must not depend on arrival order), so doing it per
// batch would re-read the whole store after each batch, quadratic over a long ingest,
// and several ingest processes writing one store would race to rewrite the stories.
// Run once after ingesting (or on a schedule); story ids stay stable across runs.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/dictionary_flags.h"
#include "code/dictionaries/dictionary_events.h"
#include "consolidate/consolidate_store.h"

namespace sitrep::cli {

namespace {

struct ConsolidateArgs {
  std::string db = "sitrep.db";
  bool quiet = false;
  DictionaryOptions dictionaries;  // the ones ingest was given: events are coded again with them
};

int RunConsolidate(const ConsolidateArgs& args) {
  auto store = Store::Open(args.db);
  if (!store.ok()) return ReportError(store.status());
  auto lexicon = code::dictionaries::LexiconWithVerbs(args.dictionaries);
  if (!lexicon.ok()) return ReportError(lexicon.status());
  ConsolidateOptions options;
  options.lexicon = *lexicon;
  auto result = ConsolidateStore(**store, options);
  if (!result.ok()) return ReportError(result.status());
  if (!args.quiet)
    std::cout << fmt::format(
        "{} documents: {} copies of another, {} stories ({} with more than one document); {} undated documents "
        "dated through a twin; {} people as actors ({} links to events), {} documents re-coded with what others say of them; {} coded "
        "event mentions merge into {} events ({} with more than one source); {} stored events merged into another "
        "({} left as an analyst set them) -> {}\n",
        result->documents, result->copies, result->stories, result->multi_doc_stories, result->dct_tightened,
        result->actors, result->actor_links, result->recoded, result->event_mentions, result->merged_events, result->corroborated,
        result->merges.merged, result->merges.left_to_analyst, args.db);
  return kExitOk;
}

}  // namespace

void AddConsolidateCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ConsolidateArgs>();
  CLI::App* cmd = app.add_subcommand("consolidate", "Group stored documents into stories, find copies, merge events reported more than once");
  cmd->add_option("--db", args->db, "The store: a SQLite file")->capture_default_str();
  cmd->add_flag("-q,--quiet", args->quiet, "Print nothing but errors");
  AddDictionaryFlags(cmd, &args->dictionaries);
  cmd->callback([args, exit_code] { *exit_code = RunConsolidate(*args); });
}

}  // namespace sitrep::cli
