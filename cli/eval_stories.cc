// sitrep eval stories --data DIR: groups the articles of DIR into stories and scores them
// against DIR/gold.tsv (see consolidate/story_eval.h). Prints the system's stories, the
// copies found, the dates gained from twins, pairwise and B-cubed figures, and ends with
//   stories: f1=.. bcubed_f1=.. events_f1=..
// events_f1 scores event merging over the gold mentions of DIR/events.tsv (see
// story_eval.cc: ScoreEvents); "nan" when there are no coded events, and the line
// before says why. --details prints each gold event row with the coded mention it was
// aligned with, and the coded mentions no row took.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "consolidate/story_eval.h"

namespace sitrep::cli {

namespace {

int RunEvalStories(const StoryEvalOptions& options, bool details) {
  auto result = RunStoryEval(options);
  if (!result.ok()) return ReportError(result.status());
  const StoryEvalResult& r = *result;
  std::cerr << fmt::format("eval: {} articles of {}\n", r.documents, options.data);
  for (const std::string& c : r.clusters) std::cout << "story: " << c << "\n";
  for (const auto& [file, dct] : r.dct) std::cout << fmt::format("dct from twin: {} {}\n", file, dct);
  std::cout << fmt::format("copies: gold={} found={} right={}\n", r.gold_copies, r.found_copies, r.right_copies);
  const ClusterScores& s = r.stories;
  std::cout << fmt::format("pairwise: p={:.3f} r={:.3f} f1={:.3f}\n", s.pair_p, s.pair_r, s.pair_f1);
  std::cout << fmt::format("bcubed: p={:.3f} r={:.3f} f1={:.3f}\n", s.bcubed_p, s.bcubed_r, s.bcubed_f1);
  if (details)
    for (const std::string& line : r.event_lines) std::cout << "event: " << line << "\n";
  std::string events = r.events_f1 < 0 ? "nan" : fmt::format("{:.3f}", r.events_f1);
  if (r.events_f1 < 0)
    std::cout << fmt::format("events: not scored ({} gold mentions): {}\n", r.gold_events, r.events_note);
  else
    std::cout << fmt::format("events: merge pairwise f1={:.3f}: {}\n", r.events_f1, r.events_note);
  std::cout << fmt::format("stories: f1={:.3f} bcubed_f1={:.3f} events_f1={}\n", s.pair_f1, s.bcubed_f1, events)
            << std::flush;
  return kExitOk;
}

}  // namespace

void AddEvalStories(CLI::App& eval) {
  auto options = std::make_shared<StoryEvalOptions>();
  auto details = std::make_shared<bool>(false);
  options->data = "tests/data/stories";
  CLI::App* cmd = eval.add_subcommand("stories", "Score story grouping (and event merging) on a gold folder");
  cmd->add_option("--data", options->data, "Folder of articles with gold.tsv (and events.tsv)")->capture_default_str();
  cmd->add_option("--gold", options->gold, "Gold file (default: DATA/gold.tsv)");
  cmd->add_option("--threads", options->threads, "Worker threads (0: all cores)")->capture_default_str();
  cmd->add_flag("--details", *details, "Print each gold event row with the coded mention it was aligned with");
  cmd->callback([options, details] {
    if (int code = RunEvalStories(*options, *details); code != kExitOk) throw CLI::RuntimeError(code);
  });
}

}  // namespace sitrep::cli
