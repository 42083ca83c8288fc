// Word classes by the exchange algorithm, and their model-file section.
//
// The objective is the class bigram log-likelihood without its constant part:
//   F = sum_{c,d} f(N(c,d)) - sum_c f(N(c,.)) - sum_d f(N(.,d)),   f(x) = x log x
// Moving a word w out of its class and into class b changes only the row and column of
// b and the cells w's neighbours touch, so each candidate class costs time proportional
// to the number of distinct neighbour classes of w.
#include "train/word_clusters.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "train/perceptron.h"
#include "train/tagger_model.h"

namespace sitrep {

void WordClusters::Write(SectionWriter* w) const {
  std::vector<std::pair<uint64_t, Ids>> entries(map_.begin(), map_.end());
  std::sort(entries.begin(), entries.end());
  w->U64(entries.size());
  for (const auto& [key, ids] : entries) {
    w->U64(key);
    for (uint16_t id : ids) w->U16(id);
  }
}

Result<WordClusters> WordClusters::Read(SectionReader* r) {
  WordClusters c;
  uint64_t n = r->U64();
  if (r->ok() && n > r->remaining() / 14) r->Fail(fmt::format("{} cluster entries do not fit the section", n));
  for (uint64_t i = 0; i < n && r->ok(); ++i) {
    uint64_t key = r->U64();
    Ids ids;
    for (uint16_t& id : ids) id = r->U16();
    c.map_[key] = ids;
  }
  if (!r->ok()) return r->status();
  return c;
}

namespace {

struct Vocab {
  std::vector<std::string> words;        // frequent words, most frequent first
  std::vector<std::vector<int>> corpus;  // sentences as ids, with kBound at both ends
  int rare = 0, bound = 0;               // ids of the two fixed pseudo-words
};

Vocab BuildVocab(const std::vector<std::vector<std::string>>& sentences, int min_count) {
  std::map<std::string, int> counts;
  for (const auto& sent : sentences)
    for (const std::string& w : sent) ++counts[NormalizeWord(w)];
  std::vector<std::pair<int, std::string>> ranked;
  for (const auto& [w, n] : counts)
    if (n >= min_count) ranked.emplace_back(-n, w);
  std::sort(ranked.begin(), ranked.end());
  Vocab v;
  std::map<std::string, int> ids;
  for (auto& [n, w] : ranked) {
    ids[w] = static_cast<int>(v.words.size());
    v.words.push_back(w);
  }
  v.rare = static_cast<int>(v.words.size());
  v.bound = v.rare + 1;
  for (const auto& sent : sentences) {
    std::vector<int> s{v.bound};
    for (const std::string& w : sent) {
      auto it = ids.find(NormalizeWord(w));
      s.push_back(it == ids.end() ? v.rare : it->second);
    }
    s.push_back(v.bound);
    v.corpus.push_back(std::move(s));
  }
  return v;
}

// Neighbour counts of each word: (neighbour id, count), sorted by id.
using Adjacency = std::vector<std::vector<std::pair<int, int>>>;

void BuildAdjacency(const Vocab& v, Adjacency* right, Adjacency* left, size_t* max_count) {
  size_t n = v.words.size() + 2;
  std::vector<std::map<int, int>> r(n), l(n);
  size_t tokens = 0;
  for (const auto& s : v.corpus) {
    for (size_t i = 0; i + 1 < s.size(); ++i) {
      ++r[s[i]][s[i + 1]];
      ++l[s[i + 1]][s[i]];
      ++tokens;
    }
  }
  right->assign(n, {});
  left->assign(n, {});
  for (size_t w = 0; w < n; ++w) {
    (*right)[w].assign(r[w].begin(), r[w].end());
    (*left)[w].assign(l[w].begin(), l[w].end());
  }
  *max_count = tokens;
}

std::vector<int> Exchange(const Vocab& v, const Adjacency& right, const Adjacency& left, size_t max_count,
                          int num_classes, int sweeps) {
  int nw = static_cast<int>(v.words.size());
  int k = num_classes + 2;  // + the fixed classes of the rare and boundary pseudo-words
  std::vector<double> f(max_count + 2);
  for (size_t x = 1; x < f.size(); ++x) f[x] = static_cast<double>(x) * std::log(static_cast<double>(x));
  std::vector<int> cls(nw + 2);
  for (int w = 0; w < nw; ++w) cls[w] = w % num_classes;
  cls[v.rare] = num_classes;
  cls[v.bound] = num_classes + 1;
  std::vector<int64_t> big(static_cast<size_t>(k) * k, 0), lsum(k, 0), rsum(k, 0);
  auto cell = [&](int a, int b) -> int64_t& { return big[static_cast<size_t>(a) * k + b]; };
  for (int w = 0; w < nw + 2; ++w)
    for (auto [u, n] : right[w]) {
      cell(cls[w], cls[u]) += n;
      lsum[cls[w]] += n;
      rsum[cls[u]] += n;
    }
  std::vector<int64_t> rc(k, 0), lc(k, 0);
  std::vector<int> rlist, llist;
  for (int sweep = 0; sweep < sweeps; ++sweep) {
    int moved = 0;
    for (int w = 0; w < nw; ++w) {
      int64_t self = 0, out_n = 0, in_n = 0;
      rlist.clear();
      llist.clear();
      for (auto [u, n] : right[w]) {
        out_n += n;
        if (u == w) { self = n; continue; }
        if (rc[cls[u]] == 0) rlist.push_back(cls[u]);
        rc[cls[u]] += n;
      }
      for (auto [u, n] : left[w]) {
        in_n += n;
        if (u == w) continue;
        if (lc[cls[u]] == 0) llist.push_back(cls[u]);
        lc[cls[u]] += n;
      }
      int a = cls[w];
      // Take w out of a.
      for (int c : rlist) cell(a, c) -= rc[c];
      for (int c : llist) cell(c, a) -= lc[c];
      cell(a, a) -= self;
      lsum[a] -= out_n;
      rsum[a] -= in_n;
      int best = a;
      double best_gain = -1e300;
      for (int b = 0; b < num_classes; ++b) {
        double gain = 0;
        for (int c : rlist)
          if (c != b) gain += f[cell(b, c) + rc[c]] - f[cell(b, c)];
        for (int c : llist)
          if (c != b) gain += f[cell(c, b) + lc[c]] - f[cell(c, b)];
        gain += f[cell(b, b) + rc[b] + lc[b] + self] - f[cell(b, b)];
        gain -= f[lsum[b] + out_n] - f[lsum[b]];
        gain -= f[rsum[b] + in_n] - f[rsum[b]];
        if (gain > best_gain + 1e-9 || (b == a && gain >= best_gain - 1e-9)) {
          best_gain = gain;
          best = b;
        }
      }
      // Put w into best.
      cls[w] = best;
      for (int c : rlist) cell(best, c) += rc[c];
      for (int c : llist) cell(c, best) += lc[c];
      cell(best, best) += self;
      lsum[best] += out_n;
      rsum[best] += in_n;
      if (best != a) ++moved;
      for (int c : rlist) rc[c] = 0;
      for (int c : llist) lc[c] = 0;
    }
    if (moved == 0) break;
  }
  cls.resize(nw);
  return cls;
}

}  // namespace

WordClusters WordClusters::Induce(const std::vector<std::vector<std::string>>& sentences, const Options& options) {
  Vocab v = BuildVocab(sentences, options.min_count);
  Adjacency right, left;
  size_t max_count = 0;
  BuildAdjacency(v, &right, &left, &max_count);
  std::array<std::vector<int>, kLevels> levels;
  for (int l = 0; l < kLevels; ++l)
    levels[l] = Exchange(v, right, left, max_count, options.classes[l], options.sweeps);
  WordClusters clusters;
  for (size_t w = 0; w < v.words.size(); ++w) {
    Ids ids;
    for (int l = 0; l < kLevels; ++l) ids[l] = static_cast<uint16_t>(levels[l][w] + 1);
    clusters.map_[HashString(v.words[w])] = ids;
  }
  return clusters;
}

}  // namespace sitrep
