// How a Record travels on the work queue: its bytes are the message's payload, and what
// the container said about it (origin, format, URL, date, charset, outlet) rides in
// message headers. Articles are small, so the record itself goes on the queue, not a
// reference to a file a worker might not see.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "sitrep/ingest.h"
#include "sitrep/status.h"

namespace sitrep::queue {

using Headers = std::vector<std::pair<std::string, std::string>>;

// The headers for `record`. kInvalidArgument when a value cannot be a header value
// (a line break in a path, say): the caller reports that record and goes on.
Result<Headers> RecordHeaders(const Record& record);

// The record back from a message. `lookup(key)` returns the header's value, or
// nullptr when the message has none. kParse names what is missing or malformed.
using HeaderLookup = const char* (*)(void* message, const char* key);
Result<Record> RecordFromMessage(std::string payload, HeaderLookup lookup, void* message);

// The message id JetStream deduplicates on: the hash of the record's bytes, the
// identity the store keys documents by (as hex; see Doc::content_hash()).
std::string MessageId(const Record& record);

}  // namespace sitrep::queue
