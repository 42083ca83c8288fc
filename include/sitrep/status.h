// Errors are values. A Status says what went wrong and where: the file (or other input
// name) and the byte offset in it, so that every message can be acted on. Result<T>
// carries either a value or the Status that explains why there is none.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace sitrep {

// The one catalogue of error codes. Their names are stored in failure rows and printed;
// the numbers are the CLI's exit codes, so keep them stable.
enum class Code : int {
  kOk = 0,
  kInvalidArgument = 2,  // the caller asked for something that makes no sense
  kNotFound = 3,         // a file, document or record that is not there
  kIo = 4,               // the operating system refused a read or write
  kEmpty = 5,            // an input with no text in it
  kBinary = 6,           // an input that is not text at all
  kEncoding = 7,         // bytes that are not valid in the encoding they claim
  kParse = 8,            // syntax we could not read (JSON, WARC headers, HTML)
  kTruncated = 9,        // the input ends before its own structure does (gzip, WARC)
  kTooLarge = 10,        // over a configured limit
  kMissingField = 11,    // a record without a field we need (a JSON article without text)
  kStore = 12,           // the database refused or is damaged
  kModel = 13,           // a model file that is missing, damaged or of another version
  kInternal = 14,        // a bug in sitrep
};

std::string_view CodeName(Code code);

class Status {
 public:
  Status() = default;  // OK
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& file() const { return file_; }
  std::optional<uint64_t> offset() const { return offset_; }

  // Attach the place the problem was found. Returns *this so sites can chain.
  Status& At(std::string file, std::optional<uint64_t> offset = std::nullopt) & {
    file_ = std::move(file);
    offset_ = offset;
    return *this;
  }
  Status&& At(std::string file, std::optional<uint64_t> offset = std::nullopt) && {
    return std::move(At(std::move(file), offset));
  }
  // Fill in the file only where the producer did not know it.
  Status&& InFile(const std::string& file) && {
    if (file_.empty()) file_ = file;
    return std::move(*this);
  }

  // "FILE:byte OFFSET: code-name: message", leaving out the parts that are unknown.
  std::string ToString() const;

 private:
  Code code_ = Code::kOk;
  std::string message_;
  std::string file_;
  std::optional<uint64_t> offset_;
};

template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}                          // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}                   // NOLINT
  Result(Code code, std::string message) : v_(Status(code, std::move(message))) {}

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace sitrep

#define SITREP_RETURN_IF_ERROR(expr)           \
  do {                                         \
    ::sitrep::Status _st = (expr);             \
    if (!_st.ok()) return _st;                 \
  } while (0)
