// TEST FIXTURE, NOT CODER OUTPUT. The API and browser tests check the desk against a small
// set of events whose counts they know, so they remove what the event coder stored at
// ingest (the coder is tested by seeds_events_test) and put their own events on the seed
// documents: each
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

// Deletes the events the coder stored (coded_by = 'coder') from the SQLite store at `db`,
// with their mentions and actor links. Call it before opening the store.
Status RemoveCoderEvents(const std::string& db);

// REQUIRES: the five seeds are stored (sitrep ingest ../shared/seeds).
Result<FixtureIds> AddSeedFixtures(Store& store);

// The sentence of `text` around its first `phrase`: from the end of the previous
// sentence or line to the next full stop or line end. Empty when the phrase is absent.
Span SentenceAround(const std::string& text, const std::string& phrase);

}  // namespace sitrep::testing
