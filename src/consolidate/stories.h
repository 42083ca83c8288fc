// Stories: the documents that report one development, grouped by what they say, who
// and where they name, and when they were written.
//
// Each document becomes a TF-IDF vector over its content lemmas, pairs of adjacent
// lemmas and its named entities. People weigh more: two reports of one meeting name
// the same people, while two meetings on one topic share most of their words and places
// but not their people. A story is the sum of its documents' unit vectors. An undated
// document that states a day of a story's dated reports ("on March 20") gets a bonus
// for that story, since it cannot be placed in time otherwise. Documents are taken in a canonical
// order (dated ones by day, then undated ones, each by text hash), never in arrival
// order, so the grouping is a function of the set of documents alone: the same stories
// whatever order the articles came in. Each document joins the most similar story it
// is compatible with in time, if the cosine reaches the threshold, or starts a new one.
// Candidate stories come from an inverted index (feature -> stories), so a document is
// compared only with stories it shares a distinctive feature with.
//
// Copies found by near-duplicate detection are not grouped themselves: they join their
// original's story, so twenty syndicated copies do not outvote one independent report.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "consolidate/doc_features.h"

namespace sitrep {

struct StoryOptions {
  double threshold = 0.10;        // least cosine between a document and a story to join it
  double name_weight = 4.0;       // a person's name counts this many times a word or place
  double date_bonus = 0.1;        // added for an undated document that states a day of the story
  int64_t window_days = 4;        // dated reports of one story lie within this of each other
  int64_t exact_days = 3;         // a date range at most this wide counts as a precise date
  size_t candidate_features = 40; // the document's heaviest features used to find stories
  size_t max_postings = 2000;     // a feature in more stories than this finds none (too common)
  size_t scored_candidates = 24;  // stories scored in full per document: most shared weight first
};

struct StoryGrouping {
  std::vector<int> story_of;           // per document: index into `stories`
  std::vector<std::vector<int>> stories;  // member documents, canonical order
  std::vector<std::string> story_keys;    // per story: key of its first member (a stable id)
};

// Groups documents into stories. `copy_of[i]` (from FindNearDuplicates, or empty for
// none) sends a copy to its original's story.
StoryGrouping GroupStories(const std::vector<DocFeatures>& docs, const std::vector<int>& copy_of,
                           const StoryOptions& options = {});

}  // namespace sitrep
