// sitrep show DOC --db FILE: everything known about one document, with offsets.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "sitrep/store.h"
#include "text/dump.h"

namespace sitrep::cli {

namespace {

struct ShowArgs {
  std::string key;
  std::string db = "sitrep.db";
  bool text = false;
};

int RunShow(const ShowArgs& args) {
  auto store = Store::Open(args.db);
  if (!store.ok()) return ReportError(store.status());
  auto ids = (*store)->FindDocuments(args.key);
  if (!ids.ok()) return ReportError(ids.status());
  if (ids->empty()) return ReportError(Status(Code::kNotFound, fmt::format("no document matches '{}' in {}", args.key, args.db)));
  if (ids->size() > 1) {
    std::cout << fmt::format("{} documents match '{}'; name one by its id:\n", ids->size(), args.key);
    for (int64_t id : *ids) {
      auto d = (*store)->LoadDocument(id);
      if (d.ok()) std::cout << fmt::format("  {:>6}  {}  {}\n", id, d->doc.origin().path, Excerpt(d->doc.meta().title, 70));
    }
    return kExitUsage;
  }
  auto stored = (*store)->LoadDocument(ids->front());
  if (!stored.ok()) return ReportError(stored.status());
  std::cout << fmt::format("id         {} (revision {}{}, ingested {})\n", stored->id, stored->revision,
                           stored->previous ? fmt::format(", after {}", *stored->previous) : "", stored->ingested_at);
  std::cout << DumpDoc(stored->doc);
  if (args.text) std::cout << "text:\n" << stored->doc.text() << "\n";
  return kExitOk;
}

}  // namespace

void AddShowCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ShowArgs>();
  CLI::App* cmd = app.add_subcommand("show", "Show one stored document and everything found in it");
  cmd->add_option("document", args->key, "A document id, a content-hash prefix, or part of its path or URL")->required();
  cmd->add_option("--db", args->db, "The store")->capture_default_str();
  cmd->add_flag("--text", args->text, "Also print the clean text");
  cmd->callback([args, exit_code] { *exit_code = RunShow(*args); });
}

}  // namespace sitrep::cli
