// PolNeAR (Political News Attribution Relations, Newell et al. 2018): news articles with
// every attribution marked as source, cue and content spans, in brat standoff format.
//
// A split folder holds text/NAME.txt and attributions/NAME_ANNOTATOR.ann. Some articles
// were annotated by several annotators; the reader keeps the first .ann file in name
// order, so that every article counts once and the choice is reproducible.
//
// In a .ann file, "T" lines are spans ("T3\tSource 89 106;110 120\ttext", offsets in
// Unicode code points, ";" joining the pieces of a discontinuous span) and "E" lines
// tie them into one attribution ("E1\tAttribution:T4 Source:T3 Cue:T2 Content:T1").
// The reader turns code points into byte offsets of the UTF-8 text.
//
// The corpus is for research use only: sitrep reads it to score itself and never
// copies its text anywhere.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/span.h"
#include "sitrep/status.h"

namespace sitrep {

struct PolnearAttribution {
  std::vector<Span> source, cue, content;  // byte spans of the article text; any may be empty
};

struct PolnearArticle {
  std::string name;  // file stem of the text
  std::string text;
  std::vector<PolnearAttribution> attributions;
};

// Parses one .ann file against the text it annotates. Spans out of the text's range are
// an error naming the line.
Result<std::vector<PolnearAttribution>> ParseBratAttributions(std::string_view ann, std::string_view text);

// Reads the articles of `data_dir`/`split` in name order: at most `limit` (0: all) after
// skipping the first `skip`.
Result<std::vector<PolnearArticle>> ReadPolnearSplit(const std::string& data_dir, const std::string& split,
                                                     size_t skip = 0, size_t limit = 0);

}  // namespace sitrep
