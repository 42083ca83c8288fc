// MinHash with LSH banding (see near_duplicates.h).
#include "consolidate/near_duplicates.h"

#include <xxhash.h>

#include <algorithm>
#include <limits>
#include <numeric>
#include <unordered_map>

namespace sitrep {

namespace {

constexpr int kBands = 16;
constexpr int kRows = 4;
constexpr int kHashes = kBands * kRows;

// One xxHash per shingle, then kHashes cheap permutations of it (multiply-xorshift with
// fixed odd constants): as good as kHashes independent hashes for MinHash, at a
// fraction of the cost.
uint64_t Permute(uint64_t h, int i) {
  uint64_t x = h ^ (0x9E3779B97F4A7C15ull * static_cast<uint64_t>(i + 1));
  x ^= x >> 33;
  x *= 0xFF51AFD7ED558CCDull;
  x ^= x >> 33;
  x *= 0xC4CEB9FE1A85EC53ull;
  x ^= x >> 33;
  return x;
}

struct UnionFind {
  std::vector<int> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  int Find(int x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Join(int a, int b) {
    a = Find(a), b = Find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

}  // namespace

std::vector<uint64_t> MinHashSignature(const std::vector<std::string>& words, int shingle_words) {
  std::vector<uint64_t> sig(kHashes, std::numeric_limits<uint64_t>::max());
  size_t n = std::max<size_t>(1, shingle_words);
  size_t count = words.size() >= n ? words.size() - n + 1 : (words.empty() ? 0 : 1);
  std::string shingle;
  for (size_t s = 0; s < count; ++s) {
    shingle.clear();
    for (size_t w = s; w < std::min(words.size(), s + n); ++w) shingle.append(words[w]).push_back(' ');
    uint64_t h = XXH3_64bits(shingle.data(), shingle.size());
    for (int i = 0; i < kHashes; ++i) sig[i] = std::min(sig[i], Permute(h, i));
  }
  return sig;
}

double SignatureSimilarity(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.size() != b.size() || a.empty()) return 0;
  size_t same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  return static_cast<double>(same) / a.size();
}

std::vector<int> FindNearDuplicates(const std::vector<std::vector<std::string>>& words,
                                    const std::vector<int64_t>& order, const NearDuplicateOptions& options) {
  const int n = static_cast<int>(words.size());
  std::vector<std::vector<uint64_t>> sigs(n);
  for (int i = 0; i < n; ++i) sigs[i] = MinHashSignature(words[i], options.shingle_words);

  UnionFind groups(n);
  // Bucket key: the band number mixed with the hash of its rows. The first document in a
  // bucket stands for it; later ones are compared with it alone.
  std::unordered_map<uint64_t, int> first_in_bucket;
  first_in_bucket.reserve(static_cast<size_t>(n) * kBands);
  for (int i = 0; i < n; ++i) {
    if (words[i].empty()) continue;
    for (int b = 0; b < kBands; ++b) {
      uint64_t key = XXH3_64bits_withSeed(&sigs[i][b * kRows], kRows * sizeof(uint64_t), b);
      auto [it, inserted] = first_in_bucket.emplace(key, i);
      if (inserted) continue;
      int j = it->second;
      if (groups.Find(i) == groups.Find(j)) continue;
      if (SignatureSimilarity(sigs[i], sigs[j]) >= options.min_similarity) groups.Join(i, j);
    }
  }

  // The original of each group: earliest by order, then by index.
  std::vector<int> original_of_root(n, -1);
  auto earlier = [&](int a, int b) {
    int64_t oa = a < static_cast<int>(order.size()) ? order[a] : 0;
    int64_t ob = b < static_cast<int>(order.size()) ? order[b] : 0;
    return oa != ob ? oa < ob : a < b;
  };
  for (int i = 0; i < n; ++i) {
    int& o = original_of_root[groups.Find(i)];
    if (o < 0 || earlier(i, o)) o = i;
  }
  std::vector<int> copy_of(n, -1);
  for (int i = 0; i < n; ++i) {
    int o = original_of_root[groups.Find(i)];
    if (o != i) copy_of[i] = o;
  }
  return copy_of;
}

}  // namespace sitrep
