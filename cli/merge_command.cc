// sitrep merge [SHARD...] --db FILE: writes coded documents (`sitrep annotate --format
// coded`, from any number of shards, or standard input) into the store.
//
// The per-article work is stateless, so any engine can run it (GNU parallel, Hadoop
// streaming, Spark's RDD.pipe); this is the reduction. Writes are keyed by content hash,
// so a shard merged twice, or a record that two shards both carry, is stored once, and
// the order of the shards does not change what is stored (docs/scale-out.md). A line
// that cannot be read is reported with its file and line and skipped; the rest goes on.
#include <fmt/format.h>

#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "sitrep/store.h"
#include "store/doc_wire.h"

namespace sitrep::cli {

namespace {

struct MergeArgs {
  std::vector<std::string> shards;
  std::string db = "sitrep.db";
  size_t batch = 128;
  bool quiet = false;
};

int RunMerge(const MergeArgs& args) {
  if (args.batch == 0) return ReportError(Status(Code::kInvalidArgument, "--batch must be at least 1")), kExitUsage;
  auto store = Store::Open(args.db);
  if (!store.ok()) return ReportError(store.status());
  std::vector<std::string> shards = args.shards.empty() ? std::vector<std::string>{"-"} : args.shards;
  BatchStats total;
  uint64_t records = 0, bad = 0;
  std::vector<Outcome> batch;
  auto flush = [&]() -> Status {
    if (batch.empty()) return Status::Ok();
    auto stats = (*store)->WriteBatch(batch);
    if (!stats.ok()) return stats.status();
    total += *stats;
    batch.clear();
    return Status::Ok();
  };
  for (const std::string& shard : shards) {
    std::ifstream file;
    if (shard != "-") {
      file.open(shard, std::ios::binary);
      if (!file) return ReportError(Status(Code::kNotFound, "cannot open the shard").At(shard));
    }
    std::istream& in = shard == "-" ? std::cin : file;
    const std::string name = shard == "-" ? "<stdin>" : shard;
    uint64_t line_no = 0, offset = 0;
    for (std::string line; std::getline(in, line);) {
      ++line_no;
      const uint64_t at = offset;
      offset += line.size() + 1;
      if (line.empty()) continue;
      Result<Outcome> outcome = OutcomeFromWire(line);
      if (!outcome.ok()) {
        ++bad;
        std::cerr << fmt::format("sitrep: {}:{} (byte {}): {}: {}\n", name, line_no, at,
                                 CodeName(outcome.status().code()), outcome.status().message());
        continue;
      }
      ++records;
      batch.push_back(std::move(*outcome));
      if (batch.size() >= args.batch)
        if (Status st = flush(); !st.ok()) return ReportError(st);
    }
    if (in.bad()) return ReportError(Status(Code::kIo, "read error").At(name, offset));
  }
  if (Status st = flush(); !st.ok()) return ReportError(st);
  if (!args.quiet)
    std::cout << fmt::format(
        "{} coded records from {} shard(s): {} documents added ({} new revisions), {} unchanged, {} failures, "
        "{} unreadable lines -> {}\n",
        records, shards.size(), total.added, total.revisions, total.unchanged, total.failures, bad, args.db);
  return bad > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace

void AddMergeCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<MergeArgs>();
  CLI::App* cmd = app.add_subcommand("merge", "Store coded documents (sitrep annotate --format coded) from shards");
  cmd->add_option("shards", args->shards, "Files of coded JSON Lines, or - for standard input (the default)");
  cmd->add_option("--db", args->db, "The store: a SQLite file")->capture_default_str();
  cmd->add_option("--batch", args->batch, "Documents per transaction")->capture_default_str();
  cmd->add_flag("-q,--quiet", args->quiet, "Print nothing but errors");
  cmd->callback([args, exit_code] { *exit_code = RunMerge(*args); });
}

}  // namespace sitrep::cli
