// Benchmark of near-duplicate detection and story grouping on synthetic documents:
// 10k and 100k documents (argument: the largest size), one core. Each synthetic story
// has its own words and names drawn beside a common (Zipf-like) vocabulary, its
// reports are dated within two days, and one report in ten is a syndicated copy.
// Prints seconds per step and the stories found against the stories made.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "consolidate/near_duplicates.h"
#include "consolidate/stories.h"

namespace {

int Skewed(std::mt19937_64& rng, int n) {
  double u = std::uniform_real_distribution<double>(0, 1)(rng);
  return static_cast<int>(std::pow(static_cast<double>(n), u)) - 1;
}

double Since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  size_t max = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 100'000;
  for (size_t n = 10'000; n <= max; n *= 10) {
    std::mt19937_64 rng(7);
    const int made = static_cast<int>(n / 5);
    std::vector<sitrep::DocFeatures> docs(n);
    std::vector<std::vector<std::string>> words(n);
    for (size_t i = 0; i < n; ++i) {
      int story = static_cast<int>(rng() % made);
      sitrep::DocFeatures& d = docs[i];
      d.key = std::to_string(i);
      if (i % 10 == 9) {  // a copy of the previous document
        d = docs[i - 1];
        d.key = std::to_string(i);
        words[i] = words[i - 1];
        continue;
      }
      for (int w = 0; w < 120; ++w) {
        std::string term = rng() % 3 == 0 ? "s" + std::to_string(story) + "_" + std::to_string(rng() % 30)
                                          : "w" + std::to_string(Skewed(rng, 50'000));
        d.terms.push_back(term);
        words[i].push_back(term);
      }
      for (int p = 0; p < 6; ++p)
        d.names.push_back(p < 3 ? "PER:p" + std::to_string(story * 3 + p % 3) : "LOC:l" + std::to_string(Skewed(rng, 300)));
      int64_t day = 19'700 + story % 365 + static_cast<int64_t>(rng() % 2);
      d.when.first = d.when.last = day, d.dated = true;
    }
    auto start = std::chrono::steady_clock::now();
    auto copy_of = sitrep::FindNearDuplicates(words, std::vector<int64_t>(n, 0));
    double dup_seconds = Since(start);
    start = std::chrono::steady_clock::now();
    auto grouping = sitrep::GroupStories(docs, copy_of);
    double story_seconds = Since(start);
    size_t copies = 0;
    for (int c : copy_of) copies += c >= 0;
    std::printf("documents=%zu copies=%zu near_dup_s=%.2f stories=%zu (made %d) stories_s=%.2f\n", n, copies,
                dup_seconds, grouping.stories.size(), made, story_seconds);
  }
}
