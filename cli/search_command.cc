// sitrep search QUERY --db FILE: full-text search over the stored documents.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "sitrep/store.h"

namespace sitrep::cli {

namespace {

struct SearchArgs {
  std::string query;
  std::string db = "sitrep.db";
  int limit = 10;
};

int RunSearch(const SearchArgs& args) {
  auto store = Store::Open(args.db);
  if (!store.ok()) return ReportError(store.status());
  auto hits = (*store)->Search(args.query, args.limit);
  if (!hits.ok()) return ReportError(hits.status());
  for (const SearchHit& h : *hits) std::cout << fmt::format("{:>6}  {}\n        {}\n", h.doc_id, h.title, h.snippet);
  if (hits->empty()) std::cout << "no matches\n";
  return kExitOk;
}

}  // namespace

void AddSearchCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* cmd = app.add_subcommand("search", "Search the stored documents' text and titles");
  // Both engines read these forms alike (store/search_query.h on PostgreSQL); SQLite
  // passes any other FTS5 syntax through, PostgreSQL also reads -word.
  cmd->add_option("query", args->query,
                  "Words to find, all required: \"a phrase\", a OR b, pre*, a NOT b (SQLite: any FTS5 syntax)")
      ->required();
  cmd->add_option("--db", args->db, "The store")->capture_default_str();
  cmd->add_option("--limit", args->limit, "At most this many hits")->capture_default_str();
  cmd->callback([args, exit_code] { *exit_code = RunSearch(*args); });
}

}  // namespace sitrep::cli
