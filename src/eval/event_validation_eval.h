// The validation suites of PETRARCH-2 and TABARI as an evaluation of dictionary coding:
// each record is a sentence with the (source, target, CAMEO code) events the program
// must produce with the suite's own dictionaries (../shared/data/events/derived/README.txt).
//
// Scoring. A record passes when the set of events coded equals the expected set exactly.
// Events are also scored as sets per record: precision over the events coded, recall
// over the events expected, summed over the records.
//   PETRARCH  expected events; {noevents} and {error: ...} records expect no event.
//   TABARI    expected events; "-{...}" events (the suite's known failures, noted as not
//             produced) are left out; {---} (no event), {###} (discard) and {+++} (too
//             complex to code) expect no event; records that only set options, and
//             records with no expectation at all, are not scored.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/status.h"

namespace sitrep {

struct CodedTriple {
  std::string source, target, code;
  auto operator<=>(const CodedTriple&) const = default;
};

enum class ValidationSuite { kPetrarch, kTabari };

struct ValidationRecord {
  std::string id;
  std::string text;
  std::optional<int> day;  // yyyymmdd
  std::vector<CodedTriple> expected;  // sorted, unique
  // TABARI: the ".options" lines the suite has switched so far ({option: ...} entries of
  // this record and of every record before it, scored or not), oldest first. A coder
  // applies them in order over its defaults.
  std::vector<std::string> options;
};

// Reads the derived JSON Lines records of a suite. A malformed line is an error naming
// the file and line.
Result<std::vector<ValidationRecord>> ReadValidationRecords(const std::string& path, ValidationSuite suite);

struct ValidationFailure {
  std::string id;
  std::vector<CodedTriple> expected, got;
};

struct ValidationScores {
  size_t records = 0, passed = 0;
  size_t expected = 0, coded = 0, correct = 0;  // events
  std::vector<ValidationFailure> failures;
  double pass_rate() const { return records ? static_cast<double>(passed) / records : 0; }
  double precision() const { return coded ? static_cast<double>(correct) / coded : 0; }
  double recall() const { return expected ? static_cast<double>(correct) / expected : 0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

// Codes every record with `code` (text, publication day -> events) and scores it.
using TripleCoder = std::function<std::vector<CodedTriple>(const std::string& text, std::optional<int> day)>;
ValidationScores ScoreValidation(const std::vector<ValidationRecord>& records, const TripleCoder& code);
// The same with the whole record (its id and options) given to the coder.
using RecordCoder = std::function<std::vector<CodedTriple>(const ValidationRecord& record)>;
ValidationScores ScoreValidationRecords(const std::vector<ValidationRecord>& records, const RecordCoder& code);

std::string FormatTriples(const std::vector<CodedTriple>& triples);  // "ARN/GON/064 GON/ARN/064"

}  // namespace sitrep
