// For tests: the seed corpus, read from ../shared at run time (never copied here).
#pragma once

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "sitrep/doc.h"
#include "sitrep/ingest.h"

namespace sitrep::testing {

inline std::string SeedPath(const std::string& name) { return std::string(SITREP_SHARED_DIR) + "/seeds/" + name; }

inline bool HaveSeeds() { return std::filesystem::exists(SeedPath("EXPECTED.md")); }

// The bytes of seed `name`, or nullopt when it cannot be read.
inline std::optional<std::string> ReadSeedBytes(const std::string& name) {
  std::ifstream in(SeedPath(name), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Seed `name` read as a plain-text article (headline, byline, debris), with no stage run
// yet; nullopt when it cannot be read. Needs sitrep_ingest.
inline std::optional<Doc> IngestSeed(const std::string& name) {
  std::optional<std::string> bytes = ReadSeedBytes(name);
  if (!bytes) return std::nullopt;
  Record record;
  record.origin.path = SeedPath(name);
  record.format = Format::kText;
  record.bytes = std::move(*bytes);
  Result<Doc> doc = ReadRecord(record, {});
  if (!doc.ok()) return std::nullopt;
  return std::move(*doc);
}

}  // namespace sitrep::testing
