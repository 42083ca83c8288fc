// The coded-document wire format: one JSON object per line carrying everything the store
// keeps of one article after the per-article stages (its original bytes, clean text,
// offset map, metadata, tokens, sentences and every layer), or the failures that
// stopped it. `sitrep annotate --format coded` writes it; `sitrep merge` reads it from
// any number of shards and writes the store. It is how the stateless per-article work
// runs on other engines (GNU parallel, Hadoop streaming, Spark's RDD.pipe) and the
// keyed merge happens in one store: see docs/scale-out.md.
//
// Lossless: a document read back has the same content and text hashes, offsets and
// layers, so a merged store equals one that ingested the same articles itself. Binary
// parts (the original bytes, the offset map) travel as base64.
#pragma once

#include <string>
#include <string_view>

#include "sitrep/pipeline.h"
#include "sitrep/status.h"

namespace sitrep {

inline constexpr std::string_view kWireVersion = "sitrep-coded/1";

// One line, without the newline.
std::string OutcomeToWire(const Outcome& outcome);

// Parses one line. kParse for JSON that is not a wire record (naming what is wrong),
// kStore when the document's bytes no longer match its hashes.
Result<Outcome> OutcomeFromWire(std::string_view line);

}  // namespace sitrep
