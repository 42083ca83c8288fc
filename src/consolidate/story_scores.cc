// Pairwise and B-cubed clustering scores (see story_scores.h).
#include "consolidate/story_scores.h"

#include <vector>

namespace sitrep {

namespace {

double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

}  // namespace

ClusterScores ScoreClustering(const std::map<std::string, std::string>& system,
                              const std::map<std::string, std::string>& gold) {
  // Items in gold order; an item the system left out is a cluster of its own.
  std::vector<std::string> sys_label, gold_label;
  for (const auto& [item, label] : gold) {
    gold_label.push_back(label);
    auto it = system.find(item);
    sys_label.push_back(it != system.end() ? it->second : "\x01singleton:" + item);
  }
  // Counting cells of the contingency table keeps this linear in the items.
  std::map<std::string, size_t> sys_size, gold_size;
  std::map<std::pair<std::string, std::string>, size_t> both;
  for (size_t i = 0; i < gold_label.size(); ++i) {
    ++sys_size[sys_label[i]], ++gold_size[gold_label[i]];
    ++both[{sys_label[i], gold_label[i]}];
  }
  auto pairs = [](size_t n) { return static_cast<double>(n) * (n - 1) / 2; };
  double sys_pairs = 0, gold_pairs = 0, shared = 0;
  for (const auto& [l, n] : sys_size) sys_pairs += pairs(n);
  for (const auto& [l, n] : gold_size) gold_pairs += pairs(n);
  for (const auto& [l, n] : both) shared += pairs(n);

  ClusterScores s;
  s.items = gold_label.size();
  s.pair_p = sys_pairs > 0 ? shared / sys_pairs : 1;
  s.pair_r = gold_pairs > 0 ? shared / gold_pairs : 1;
  s.pair_f1 = F1(s.pair_p, s.pair_r);
  // B-cubed: an item in cell (s, g) has precision |s∩g|/|s| and recall |s∩g|/|g|.
  double bp = 0, br = 0;
  for (const auto& [cell, n] : both) {
    bp += static_cast<double>(n) * n / sys_size[cell.first];
    br += static_cast<double>(n) * n / gold_size[cell.second];
  }
  if (s.items > 0) {
    s.bcubed_p = bp / s.items, s.bcubed_r = br / s.items;
    s.bcubed_f1 = F1(s.bcubed_p, s.bcubed_r);
  }
  return s;
}

}  // namespace sitrep
