#include "sitrep/status.h"

#include <fmt/format.h>

namespace sitrep {

std::string_view CodeName(Code code) {
  switch (code) {
    case Code::kOk: return "ok";
    case Code::kInvalidArgument: return "invalid-argument";
    case Code::kNotFound: return "not-found";
    case Code::kIo: return "io";
    case Code::kEmpty: return "empty";
    case Code::kBinary: return "binary";
    case Code::kEncoding: return "encoding";
    case Code::kParse: return "parse";
    case Code::kTruncated: return "truncated";
    case Code::kTooLarge: return "too-large";
    case Code::kMissingField: return "missing-field";
    case Code::kStore: return "store";
    case Code::kModel: return "model";
    case Code::kInternal: return "internal";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string where;
  if (!file_.empty()) where = file_;
  if (offset_) where += fmt::format("{}byte {}", where.empty() ? "" : ":", *offset_);
  if (!where.empty()) where += ": ";
  return fmt::format("{}{}: {}", where, CodeName(code_), message_);
}

}  // namespace sitrep
