// The stories evaluation (see story_eval.h).
#include "consolidate/story_eval.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "code/cameo_table.h"
#include "consolidate/consolidate.h"
#include "consolidate/event_merge.h"
#include "sitrep/pipeline.h"

namespace sitrep {

namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string field; std::getline(in, field, '\t');) out.push_back(field);
  return out;
}

std::string BaseName(const std::string& path) { return std::filesystem::path(path).filename().string(); }

// Event merging, scored over the gold event mentions (events.tsv rows). Each row is
// aligned with an unused coded event of its article of the same PLOVER type; aligned
// rows take the merged event of that mention, rows left unaligned stand alone. Pairwise
// F1 then says how well rows of one real event were merged and others kept apart; a
// coder that misses an event costs recall here too, which the note reports.
void ScoreEvents(const std::string& path, const std::vector<Doc>& docs, const Consolidation& c, StoryEvalResult* r) {
  std::map<std::string, std::string> gold;  // "file<TAB>event" -> event
  struct Row { std::string file, event, type, source, target, date; };
  std::vector<Row> rows;
  std::vector<std::string> row_keys;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    auto f = SplitTabs(line);
    if (f.size() < 6) continue;
    // Events PLOVER has no type for (elections, disasters, claims) are in the gold for
    // readers; the coder never produces them, so they are set aside, not counted as misses.
    if (!code::IsPloverEventType(f[2])) {
      ++r->set_aside_events;
      continue;
    }
    std::string key = f[0] + "\t" + f[1];
    if (gold.emplace(key, f[1]).second) rows.push_back({f[0], f[1], f[2], f[3], f[4], f[5]}), row_keys.push_back(key);
  }
  r->gold_events = rows.size();
  bool any_layer = false;
  std::vector<CodedMention> mentions;
  for (size_t i = 0; i < docs.size(); ++i) {
    any_layer = any_layer || docs[i].Layer("events") != nullptr;
    int original = c.copy_of[i] >= 0 ? c.copy_of[i] : static_cast<int>(i);
    for (CodedMention& m : MentionsOf(docs[i], static_cast<int>(i))) {
      m.story = c.stories.story_of[i];
      m.outlet = docs[original].meta().source.empty() ? docs[original].text_hash() : docs[original].meta().source;
      mentions.push_back(std::move(m));
    }
  }
  if (!any_layer || rows.empty()) {
    r->events_note = !any_layer ? "no events layer: the pipeline does not run the event coder" : "no gold events";
    return;
  }
  std::vector<MergedEvent> merged = MergeEvents(mentions);
  std::vector<int> event_of(mentions.size(), -1);
  for (size_t e = 0; e < merged.size(); ++e)
    for (int m : merged[e].mentions) event_of[m] = static_cast<int>(e);
  std::map<std::string, std::vector<int>> by_file;  // file -> its mentions
  for (size_t m = 0; m < mentions.size(); ++m)
    by_file[BaseName(docs[mentions[m].doc].origin().path)].push_back(static_cast<int>(m));
  auto describe = [&](int m) {
    const CodedMention& x = mentions[m];
    const Doc& d = docs[x.doc];
    return fmt::format("event:{} {} {}>{} {} '{}'", event_of[m], x.type, x.source.empty() ? "-" : x.source,
                       x.target.empty() ? "-" : x.target, x.date.empty() ? "-" : x.date, d.Slice(x.trigger));
  };
  // A row takes an unused mention of its article and type, one with its actor codes first.
  std::vector<bool> used(mentions.size(), false);
  std::map<std::string, std::string> system;
  size_t aligned = 0;
  for (size_t k = 0; k < rows.size(); ++k) {
    const Row& row = rows[k];
    int best = -1, best_fit = -1;
    for (int m : by_file[row.file]) {
      if (used[m] || mentions[m].type != row.type) continue;
      const int fit = (mentions[m].source == row.source) + (mentions[m].target == row.target);
      if (fit > best_fit) best = m, best_fit = fit;
    }
    std::string line = fmt::format("{} gold {} {} {}>{} {} -> ", row.file, row.event, row.type,
                                   row.source.empty() ? "-" : row.source, row.target.empty() ? "-" : row.target, row.date);
    if (best >= 0) {
      used[best] = true, ++aligned;
      system[row_keys[k]] = "event:" + std::to_string(event_of[best]);
      line += describe(best);
    } else {
      line += "missed";
    }
    r->event_lines.push_back(std::move(line));
  }
  for (const auto& [file, list] : by_file)
    for (int m : list)
      if (!used[m]) r->event_lines.push_back(fmt::format("{} coded, no gold row: {}", file, describe(m)));
  r->events_f1 = ScoreClustering(system, gold).pair_f1;
  r->events_note = fmt::format("{} of {} gold mentions aligned with a coded event of the same type ({} of types "
                               "outside PLOVER set aside); {} coded mentions merged into {} events",
                               aligned, rows.size(), r->set_aside_events, mentions.size(), merged.size());
}

}  // namespace

Status ReadStoryGold(const std::string& path, std::map<std::string, std::string>* story,
                     std::map<std::string, std::string>* copy_of) {
  std::ifstream in(path);
  if (!in) return Status(Code::kNotFound, fmt::format("{}: cannot open the gold file", path));
  int line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    auto f = SplitTabs(line);
    if (f.size() < 2)
      return Status(Code::kInvalidArgument, fmt::format("{}:{}: expected file<TAB>story[<TAB>copy_of]", path, line_no));
    (*story)[f[0]] = f[1];
    if (f.size() >= 3 && f[2] != "-") (*copy_of)[f[0]] = f[2];
  }
  return Status::Ok();
}

Result<StoryEvalResult> RunStoryEval(const StoryEvalOptions& options) {
  std::string gold_path = options.gold.empty() ? options.data + "/gold.tsv" : options.gold;
  std::map<std::string, std::string> gold_story, gold_copy;
  SITREP_RETURN_IF_ERROR(ReadStoryGold(gold_path, &gold_story, &gold_copy));

  PipelineOptions popts;
  popts.threads = options.threads;
  auto pipeline = MakeDefaultPipeline(popts);
  if (!pipeline.ok()) return pipeline.status();
  RecordSource source({options.data}, popts.ingest);
  std::vector<Doc> docs;
  SITREP_RETURN_IF_ERROR((*pipeline)->Run(source, [&](std::vector<Outcome>& batch) -> Status {
    for (Outcome& o : batch)
      if (o.doc && gold_story.count(BaseName(o.doc->origin().path))) docs.push_back(std::move(*o.doc));
    return Status::Ok();
  }));
  std::vector<Doc*> ptrs;
  for (Doc& d : docs) ptrs.push_back(&d);
  auto result = Consolidate(ptrs);
  if (!result.ok()) return result.status();

  StoryEvalResult r;
  r.documents = docs.size();
  std::map<std::string, std::string> system;
  for (size_t i = 0; i < docs.size(); ++i)
    system[BaseName(docs[i].origin().path)] = result->stories.story_keys[result->stories.story_of[i]];
  r.stories = ScoreClustering(system, gold_story);
  for (const auto& members : result->stories.stories) {
    std::string line;
    for (int m : members) {
      line += line.empty() ? "" : " ";
      line += BaseName(docs[m].origin().path);
      if (result->copy_of[m] >= 0) line += "(copy)";
    }
    r.clusters.push_back(line);
  }
  // A copy found is right when gold puts it in the same copy group as the original the
  // system chose: which of two copies of one day is "the original" is a tie either way.
  r.gold_copies = gold_copy.size();
  auto gold_group = [&](const std::string& file) {
    auto g = gold_copy.find(file);
    return g == gold_copy.end() ? file : g->second;
  };
  for (size_t i = 0; i < docs.size(); ++i) {
    if (result->copy_of[i] < 0) continue;
    ++r.found_copies;
    std::string file = BaseName(docs[i].origin().path), original = BaseName(docs[result->copy_of[i]].origin().path);
    if (gold_group(file) == gold_group(original)) ++r.right_copies;
  }
  for (int i : result->dct_tightened) {
    const std::vector<Annotation>* dct = docs[i].Layer("dct");
    r.dct[BaseName(docs[i].origin().path)] = dct && !dct->empty() ? dct->front().attrs : "";
  }
  ScoreEvents(options.data + "/events.tsv", docs, *result, &r);
  return r;
}

}  // namespace sitrep
