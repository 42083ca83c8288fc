// For tests: the seed corpus through the real default pipeline, keyed by seed number.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

#include "sitrep/pipeline.h"
#include "tests/test_util.h"

namespace sitrep::testing {

// Annotated seed documents keyed by their number ("000"); empty when the seeds are absent.
inline std::map<std::string, Doc> AnnotateSeeds() {
  std::map<std::string, Doc> out;
  if (!std::filesystem::exists(SeedsDir())) return out;
  PipelineOptions options;
  options.threads = 1;
  auto pipeline = MakeDefaultPipeline(options);
  EXPECT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  if (!pipeline.ok()) return out;
  RecordSource source({SeedsDir()}, options.ingest);
  Status run = (*pipeline)->Run(source, [&](std::vector<Outcome>& batch) {
    for (Outcome& o : batch)
      if (o.doc)
        out.emplace(std::filesystem::path(o.doc->origin().path).filename().string().substr(0, 3), std::move(*o.doc));
    return Status::Ok();
  });
  EXPECT_TRUE(run.ok()) << run.ToString();
  return out;
}

}  // namespace sitrep::testing
