// Ingest: from files on disk (or standard input) to Docs.
//
// Reading happens in two steps so that the slow part runs in parallel:
//  1. A RecordSource walks the inputs in order and cuts each file into records: a whole
//     text or HTML file, one line of a JSON Lines file, one response record of a WARC
//     file. This is cheap and sequential.
//  2. ReadRecord turns one record into a Doc: decoding, HTML parsing, metadata, debris
//     removal. It has no shared state, so many records are read at once.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/doc.h"
#include "sitrep/status.h"

namespace sitrep {

enum class Format { kAuto, kText, kHtml, kJsonl, kWarc, kConllu, kIob2 };
std::string_view FormatName(Format format);
Result<Format> ParseFormat(std::string_view name);

// One article's raw bytes and what the container said about it.
struct Record {
  Origin origin;          // file, byte offset of the record in it, format
  Format format = Format::kAuto;
  std::string bytes;      // the record's original bytes
  std::string url;        // from the container (WARC-Target-URI), if any
  std::string date;       // from the container (WARC-Date, HTTP Last-Modified), if any
  std::string charset;    // from the container (HTTP Content-Type), if any
  std::string source;     // outlet name given by the user or the container
};

struct IngestOptions {
  Format format = Format::kAuto;      // force one format for every input
  uint64_t max_record_bytes = 64ull << 20;  // a larger article is a failure, not a crash
  bool keep_debris = false;           // for debugging the debris filter
};

// A record that could not be read, or a whole file that could not be opened.
struct Failure {
  Origin origin;
  std::string stage;  // "ingest", or the name of the pipeline stage that failed
  Status status;
};

// Walks files, directories (recursively, in sorted order), glob patterns and "-"
// (standard input) and yields their records in a deterministic order.
class RecordSource {
 public:
  RecordSource(std::vector<std::string> inputs, IngestOptions options);
  ~RecordSource();
  RecordSource(RecordSource&&) noexcept;

  // The next record, or a failure for an input that could not be read at all (then the
  // walk goes on with the next). Returns false when everything has been read.
  bool Next(Record* record, std::optional<Failure>* failure);

  // Bytes of input consumed so far and in all, for progress reporting.
  uint64_t bytes_done() const;
  uint64_t bytes_total() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Reads one record into a Doc. Errors name the record's file and the byte offset in it.
Result<Doc> ReadRecord(const Record& record, const IngestOptions& options);

}  // namespace sitrep
