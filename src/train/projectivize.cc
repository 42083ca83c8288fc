// Pseudo-projective transformation: lifting and lowering arcs.
#include "train/projectivize.h"

#include <algorithm>
#include <cstdlib>
#include <deque>

namespace sitrep {

namespace {

// True when `a` is `d` or dominates it. Heads must form a tree (bounded walk regardless).
bool Dominates(const std::vector<int>& heads, int a, int d) {
  for (size_t steps = 0; d >= 0 && steps <= heads.size(); ++steps) {
    if (d == a) return true;
    d = heads[d];
  }
  return false;
}

bool ArcIsProjective(const std::vector<int>& heads, int d) {
  int h = heads[d];
  if (h < 0) return true;
  int lo = std::min(h, d), hi = std::max(h, d);
  for (int k = lo + 1; k < hi; ++k)
    if (!Dominates(heads, h, k)) return false;
  return true;
}

}  // namespace

bool IsProjective(const std::vector<int>& heads) {
  for (size_t d = 0; d < heads.size(); ++d)
    if (!ArcIsProjective(heads, static_cast<int>(d))) return false;
  return true;
}

int Projectivize(std::vector<int>* heads, std::vector<std::string>* labels) {
  int lifts = 0;
  // Each lift moves a word one step up; a tree of n words needs fewer than n^2 lifts.
  for (size_t guard = 0; guard < heads->size() * heads->size() + 1; ++guard) {
    int best = -1, best_len = 0;
    for (size_t d = 0; d < heads->size(); ++d) {
      int h = (*heads)[d];
      if (h < 0 || ArcIsProjective(*heads, static_cast<int>(d))) continue;
      int len = std::abs(h - static_cast<int>(d));
      if (best < 0 || len < best_len) best = static_cast<int>(d), best_len = len;
    }
    if (best < 0) break;
    int h = (*heads)[best];
    if ((*heads)[h] < 0) break;  // cannot lift above the root (does not happen in a tree)
    std::string& label = (*labels)[best];
    if (label.find(kLiftMark) == std::string::npos) label += std::string(kLiftMark) + (*labels)[h];
    (*heads)[best] = (*heads)[h];
    ++lifts;
  }
  return lifts;
}

void Deprojectivize(std::vector<int>* heads, std::vector<std::string>* labels) {
  int n = static_cast<int>(heads->size());
  std::vector<std::vector<int>> children;  // built on the first decorated label
  for (int d = 0; d < n; ++d) {
    std::string& label = (*labels)[d];
    size_t mark = label.find(kLiftMark);
    if (mark == std::string::npos) continue;
    std::string head_label = label.substr(mark + kLiftMark.size());
    label.resize(mark);
    int h = (*heads)[d];
    if (h < 0) continue;
    if (children.empty()) {
      children.resize(n);
      for (int k = 0; k < n; ++k)
        if ((*heads)[k] >= 0) children[(*heads)[k]].push_back(k);
    }
    // Breadth-first below h, children left to right, never entering d's own subtree.
    std::deque<int> queue(children[h].begin(), children[h].end());
    int found = -1;
    while (!queue.empty() && found < 0) {
      int k = queue.front();
      queue.pop_front();
      if (k == d) continue;
      std::string_view kl = (*labels)[k];
      kl = kl.substr(0, kl.find(kLiftMark));
      if (kl == head_label) found = k;
      else queue.insert(queue.end(), children[k].begin(), children[k].end());
    }
    if (found < 0) continue;
    auto& from = children[h];
    from.erase(std::find(from.begin(), from.end(), d));
    auto& to = children[found];
    to.insert(std::lower_bound(to.begin(), to.end(), d), d);
    (*heads)[d] = found;
  }
}

}  // namespace sitrep
