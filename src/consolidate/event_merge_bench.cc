// Benchmark of event merging on synthetic mentions: 10k, 100k and 1M mentions, one
// core. Stories, their events and outlets follow skewed (Zipf-like) distributions, as
// coded news does (see Synthetic). Prints seconds and merged events per size, and the
// peak memory.
//   event_merge_bench [max_mentions]
#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "consolidate/event_merge.h"

namespace {

// A Zipf-like draw in [0, n): small values are much more frequent.
int Skewed(std::mt19937_64& rng, int n) {
  double u = std::uniform_real_distribution<double>(0, 1)(rng);
  return static_cast<int>(std::pow(static_cast<double>(n), u)) - 1;
}

// Articles report stories; a story holds a few real events (type, actors, day), and
// each mention reports one of them with the day as precise as its article knows it:
// most give the day, some only the month, some are a day off (dated by the DCT).
std::vector<sitrep::CodedMention> Synthetic(size_t n) {
  static const char* kTypes[] = {"CONSULT", "ACCUSE", "ASSAULT", "AGREE", "COOPERATE", "SANCTION", "PROTEST",
                                 "THREATEN", "REQUEST", "SUPPORT", "REJECT", "COERCE", "AID", "MOBILIZE"};
  std::mt19937_64 rng(42);
  std::vector<sitrep::CodedMention> out(n);
  const int stories = static_cast<int>(n / 25) + 1, actors = 400;
  for (size_t i = 0; i < n; ++i) {
    sitrep::CodedMention& m = out[i];
    m.doc = static_cast<int>(i / 4);  // four mentions per article
    m.doc_key = std::to_string(m.doc);
    m.outlet = "outlet" + std::to_string(Skewed(rng, 2000));
    m.story = Skewed(rng, stories);
    int event = Skewed(rng, 6);  // which of the story's events
    std::mt19937_64 facts(static_cast<uint64_t>(m.story) * 31 + event);  // the event's own facts
    m.type = kTypes[Skewed(facts, 14)];
    m.source = "A" + std::to_string(Skewed(facts, actors));
    m.target = "A" + std::to_string(Skewed(facts, actors));
    int day_of_year = static_cast<int>(facts() % 360);
    int day = 1 + day_of_year % 28, month = 1 + day_of_year / 30;
    char date[16];
    uint64_t precision = rng() % 10;
    if (precision == 0)
      std::snprintf(date, sizeof date, "2024-%02d", month);
    else
      std::snprintf(date, sizeof date, "2024-%02d-%02d", month, precision == 1 && day < 28 ? day + 1 : day);
    m.date = date;
    m.trigger = {static_cast<uint32_t>(i % 4 * 100), static_cast<uint32_t>(i % 4 * 100 + 5)};
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  size_t max = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1'000'000;
  for (size_t n = 10'000; n <= max; n *= 10) {
    auto mentions = Synthetic(n);
    auto start = std::chrono::steady_clock::now();
    auto events = sitrep::MergeEvents(mentions);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("mentions=%zu events=%zu seconds=%.3f per_million=%.2fs\n", n, events.size(), seconds,
                seconds * 1e6 / n);
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak_rss_mb=%.0f\n", usage.ru_maxrss / 1024.0);
}
