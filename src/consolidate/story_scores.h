// Scores of a clustering against a gold one: pairwise precision, recall and F1 (over
// pairs of items put together), and B-cubed precision, recall and F1 (per item: the
// share of its cluster that belongs with it, averaged). Items are named by strings;
// the two clusterings must name the same items.
#pragma once

#include <map>
#include <string>

namespace sitrep {

struct ClusterScores {
  double pair_p = 0, pair_r = 0, pair_f1 = 0;
  double bcubed_p = 0, bcubed_r = 0, bcubed_f1 = 0;
  size_t items = 0;
};

// `system` and `gold` map each item to its cluster label. Items missing from `system`
// count as singletons. With no pairs on a side, its pairwise figure is 1.
ClusterScores ScoreClustering(const std::map<std::string, std::string>& system,
                              const std::map<std::string, std::string>& gold);

}  // namespace sitrep
