// The document creation time (DCT) when the article does not state it: an interval
// estimated from what the text says, and tightened when a later stage learns more.
//
// From content: a date the text places in the past ("was signed in February 2020", "since
// 2021") is a lower bound; one it places in the future ("will be held on April 30, 2026")
// an upper bound; an election "for the 2025-2026 term" bounds the DCT to the year before
// that term starts. From a dated twin (another report of the same story, linked by the
// consolidation stage): the twin's date, give or take a day.
//
// The estimate is kept in the Doc's "dct" layer (one annotation, span {0,0}, label "dct",
// attrs JSON {"value", "source", "inferred", "earliest", "latest", "evidence"}), and
// ResolveTimexAgainst re-resolves the "timex" layer against a new estimate: values that
// stayed underspecified ("XXXX-08-26") resolve once the interval decides them.
#pragma once

#include <string>
#include <vector>

#include "annotate/timex.h"
#include "sitrep/doc.h"
#include "sitrep/status.h"

namespace sitrep {

struct DctEstimate {
  enum class Source : uint8_t { kNone, kStated, kContent, kTwin };
  Source source = Source::kNone;
  CivilTime earliest, latest;         // meaningful unless source is kNone; may be open-ended
  std::vector<std::string> evidence;  // why: "2021 (past tense): on or after 2021-01-01"

  bool known() const { return source != Source::kNone; }
  DctAnchor ToAnchor() const;
};

// The article's own date as an estimate (exact at its precision).
DctEstimate StatedEstimate(const DateTime& published);

// An estimate from the expressions of the text (found by FindTimexes, resolved or not).
// Source kNone when the text bounds nothing on both sides.
DctEstimate EstimateDctFromContent(const Doc& doc, const std::vector<Timex>& timexes);

// A dated twin article: [twin - 1 day, twin + 1 day], intersected with `current` when
// that is a content estimate that overlaps it.
DctEstimate TightenWithTwin(const DctEstimate& current, const DateTime& twin_published);

// The "dct" layer's attributes for an estimate.
std::string DctAttrsJson(const DctEstimate& estimate);

// The consolidation hook: finds the Doc's time expressions again (from its tokens) and
// rewrites its "timex" and "dct" layers, resolved against `estimate`.
// REQUIRES: doc has tokens and sentences. Returns kInvalidArgument for an estimate whose
// earliest end is after its latest.
Status ResolveTimexAgainst(Doc& doc, const DctEstimate& estimate);

}  // namespace sitrep
