// TEST FIXTURE, NOT CODER OUTPUT. The event coder (issue 6) does not exist yet, so the
// API and browser tests put a handful of events on the seed documents themselves: each
// is written with coded_by = 'fixture', and its evidence is the sentence of the stored
// clean text that contains a given phrase, found at test time (so the offsets follow
// whatever ingest makes of the seeds). The facts are those of ../shared/seeds/EXPECTED.md.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "sitrep/store.h"

namespace sitrep::testing {

// What the fixture made, by name: "dar_bass" (the meeting, in 000 and 001),
// "us_condemns", "balochistan_attacks", "blinken_call", "indian_agents",
// "sanction_chn", "waziristan_drone", "naqvi_baker"; and actor ids "actor:dar", ...
using FixtureIds = std::map<std::string, int64_t>;

// REQUIRES: the five seeds are stored (sitrep ingest ../shared/seeds).
Result<FixtureIds> AddSeedFixtures(Store& store);

// The sentence of `text` around its first `phrase`: from the end of the previous
// sentence or line to the next full stop or line end. Empty when the phrase is absent.
Span SentenceAround(const std::string& text, const std::string& phrase);

}  // namespace sitrep::testing
