// Shared by the exporters: each writes one format through a Writer.
#pragma once

#include "store/export/export.h"

namespace sitrep::exporting {

Status ExportPlover(Store& store, const EventFilter& filter, const Writer& write);
Status ExportGdeltEvents(Store& store, const EventFilter& filter, const Writer& write);
Status ExportGdeltMentions(Store& store, const EventFilter& filter, const Writer& write);

// Collects output into pieces of about 64 KiB before handing them on, and remembers
// whether the receiver asked to stop.
class Buffered {
 public:
  explicit Buffered(const Writer& write) : write_(write) {}
  ~Buffered() { Flush(); }
  bool Add(std::string_view text) {
    buffer_ += text;
    if (buffer_.size() >= 64 * 1024) Flush();
    return open_;
  }
  bool Flush() {
    if (open_ && !buffer_.empty()) open_ = write_(buffer_);
    buffer_.clear();
    return open_;
  }
  bool open() const { return open_; }

 private:
  const Writer& write_;
  std::string buffer_;
  bool open_ = true;
};

// YYYYMMDD of an ISO date, with 01 for an unknown month or day.
std::string CompactDay(const std::string& iso);
// YYYYMMDDHHMMSS of an ISO date-time (missing parts zero).
std::string CompactTime(const std::string& iso);

}  // namespace sitrep::exporting
