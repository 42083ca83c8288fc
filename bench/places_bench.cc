// The geocoder's costs on one core: loading models/places.bin (inflate, check, index) and
// resolving a document's place names.
//
//   build/bench/places_bench
//
// The names are the 2,000 biggest places of the gazetteer itself, by their GeoNames
// names, resolved 50 at a time as one document's names would be; each run checks that
// most come back as the place they name, so a fast but broken geocoder cannot pass.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "geo/geocoder.h"
#include "train/model_file.h"

namespace sitrep::geo {
namespace {

void BM_LoadPlaces(benchmark::State& state) {
  const std::string path = DefaultModelDir() + "/places.bin";
  for (auto _ : state) {
    auto g = PlaceGazetteer::Load(path);
    if (!g.ok()) {
      state.SkipWithError(g.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(g);
  }
}
BENCHMARK(BM_LoadPlaces)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_ResolveDocuments(benchmark::State& state) {
  auto geocoder = Geocoder::LoadDefault();
  if (!geocoder.ok()) {
    state.SkipWithError(geocoder.status().ToString().c_str());
    return;
  }
  const Geocoder& g = **geocoder;
  std::vector<uint32_t> biggest;
  for (uint32_t i = 0; i < g.gazetteer().size(); ++i)
    if (g.gazetteer().place(i).level == PlaceLevel::kCity) biggest.push_back(i);
  std::partial_sort(biggest.begin(), biggest.begin() + 2000, biggest.end(), [&](uint32_t a, uint32_t b) {
    return g.gazetteer().place(a).population > g.gazetteer().place(b).population;
  });
  biggest.resize(2000);
  std::vector<std::string> names;
  for (uint32_t i : biggest) names.emplace_back(g.name(i));
  size_t resolved = 0, right = 0, total = 0;
  for (auto _ : state) {
    for (size_t doc = 0; doc < names.size(); doc += 50) {
      std::vector<PlaceMention> mentions;
      for (size_t i = doc; i < doc + 50; ++i) mentions.push_back({names[i]});
      auto codes = g.Resolve(mentions);
      for (size_t i = 0; i < codes.size(); ++i) {
        resolved += codes[i].has_value();
        right += codes[i] && codes[i]->place == biggest[doc + i];
      }
      total += codes.size();
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(total));
  state.counters["resolved"] = static_cast<double>(resolved) / static_cast<double>(std::max<size_t>(total, 1));
  state.counters["as_named"] = static_cast<double>(right) / static_cast<double>(std::max<size_t>(total, 1));
  if (right * 10 < total * 8) state.SkipWithError("fewer than 80% of the biggest places resolve to themselves");
}
BENCHMARK(BM_ResolveDocuments)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
}  // namespace sitrep::geo

BENCHMARK_MAIN();
