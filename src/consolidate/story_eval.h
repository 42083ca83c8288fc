// The stories evaluation: a folder of articles (*.txt and the other article formats),
// a gold file naming each article's story and the original it copies, and a gold file
// of the events each article reports (for scoring event merging once events exist).
//
//   gold.tsv    file <TAB> story <TAB> copy_of ("-" for an original); '#' comments
//   events.tsv  file <TAB> event <TAB> type <TAB> source <TAB> target <TAB> date
//
// Every article is read and annotated by the default pipeline, consolidated, and the
// stories scored with pairwise and B-cubed F1 (story_scores.h).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "consolidate/story_scores.h"
#include "sitrep/status.h"

namespace sitrep {

struct StoryEvalOptions {
  std::string data;           // the folder of articles
  std::string gold;           // default: data/gold.tsv
  unsigned threads = 0;       // 0: all cores
};

struct StoryEvalResult {
  size_t documents = 0;
  ClusterScores stories;
  size_t gold_copies = 0, found_copies = 0, right_copies = 0;  // right: copy of the gold original's group
  size_t gold_events = 0;                   // event mentions in events.tsv of PLOVER types
  size_t set_aside_events = 0;              // rows of other types ("OTHER", "CLAIM"): not scored
  double events_f1 = -1;                    // < 0: not scored
  std::string events_note;                  // how events were scored, or why not
  std::vector<std::string> clusters;        // the system's stories, one line each, for reading
  std::map<std::string, std::string> dct;   // per undated file tightened by a twin: its new DCT
  // Per gold event row and per coded mention left unaligned, one readable line each
  // ("file gold E01 CONSULT USAGOV>CHNGOV 2023-11-15 -> ..."), to see what the coder missed.
  std::vector<std::string> event_lines;
};

Result<StoryEvalResult> RunStoryEval(const StoryEvalOptions& options);

// Reads gold.tsv: file -> story, and file -> original for copies.
Status ReadStoryGold(const std::string& path, std::map<std::string, std::string>* story,
                     std::map<std::string, std::string>* copy_of);

}  // namespace sitrep
