// The binary model file: one format for every trained model sitrep ships (tagger,
// lemmatizer, parser), so every loader checks the same things in the same way.
//
// Layout (all integers little-endian; docs in models/README.md):
//
//   offset  size  field
//        0     8  magic "SITREPM\x1a"
//        8     4  format version (kModelFormatVersion)
//       12     4  number of sections N
//       16    16  kind, ASCII, zero-padded ("tagger", "parser", ...)
//       32     8  total file size in bytes
//       40     8  XXH3-64 of every byte after the header (section table and payload)
//       48  32*N  section table: name (16 bytes, zero-padded), offset (u64), size (u64)
//      ...        section payloads, each starting on an 8-byte boundary
//
// Loading reads the whole file, then checks, in this order, the magic, the version, the
// kind, the size, the checksum and that every section lies inside the file. A section is
// then read through a SectionReader, whose every read is bounds-checked and whose errors
// name the file and the absolute byte offset. A damaged, truncated or foreign file is
// therefore always a Status with Code::kModel, never a crash or an out-of-bounds read.
//
// Thread safety: a loaded ModelFile is immutable; readers are cheap cursors over it.
#pragma once

#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/status.h"

namespace sitrep {

inline constexpr char kModelMagic[8] = {'S', 'I', 'T', 'R', 'E', 'P', 'M', '\x1a'};
inline constexpr uint32_t kModelFormatVersion = 1;
inline constexpr size_t kModelHeaderSize = 48;
inline constexpr size_t kModelSectionEntrySize = 32;
inline constexpr size_t kModelNameSize = 16;

// Appends little-endian values to a byte string; used to build a section.
class SectionWriter {
 public:
  void U8(uint8_t v) { bytes_.push_back(static_cast<char>(v)); }
  void U16(uint16_t v) { Raw(&v, sizeof v); }
  void U32(uint32_t v) { Raw(&v, sizeof v); }
  void U64(uint64_t v) { Raw(&v, sizeof v); }
  void I16(int16_t v) { Raw(&v, sizeof v); }
  void I32(int32_t v) { Raw(&v, sizeof v); }
  void F32(float v) { Raw(&v, sizeof v); }
  // A u32 length, then the bytes.
  void String(std::string_view s);
  // A u64 count, then the elements as raw little-endian bytes.
  template <typename T>
  void Array(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    U64(v.size());
    Raw(v.data(), v.size() * sizeof(T));
  }
  void Raw(const void* data, size_t size) { bytes_.append(static_cast<const char*>(data), size); }

  const std::string& bytes() const { return bytes_; }
  std::string Take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

// Builds a model file from named sections and writes it atomically (temp file + rename).
class ModelWriter {
 public:
  explicit ModelWriter(std::string kind) : kind_(std::move(kind)) {}
  // REQUIRES: name is at most 16 bytes and not added before.
  void AddSection(std::string name, std::string bytes);
  // The whole file as bytes.
  std::string Serialize() const;
  Status Write(const std::string& path) const;

 private:
  std::string kind_;
  std::vector<std::pair<std::string, std::string>> sections_;
};

class ModelFile;

// A bounds-checked cursor over one section of a loaded model file. Every read that would
// go past the end fails with Code::kModel naming the file and absolute byte offset; after
// a failure every further read fails too, so a loader can check once at the end.
class SectionReader {
 public:
  SectionReader(const ModelFile* file, std::string section, size_t begin, size_t end);

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  // Fails the reader (if it has not failed yet) with `message` at the current offset.
  void Fail(std::string message);
  bool at_end() const { return pos_ == end_; }
  size_t remaining() const { return end_ - pos_; }
  uint64_t offset() const { return pos_; }  // absolute offset in the file

  uint8_t U8();
  uint16_t U16();
  uint32_t U32();
  uint64_t U64();
  int16_t I16();
  int32_t I32();
  float F32();
  std::string String();
  // Reads a u64 count, then that many elements; fails if the count exceeds `max_count`
  // or the bytes left, so a damaged count never allocates gigabytes.
  template <typename T>
  std::vector<T> Array(uint64_t max_count = UINT64_MAX) {
    static_assert(std::is_trivially_copyable_v<T>);
    uint64_t n = U64();
    std::vector<T> out;
    if (!ok()) return out;
    if (n > max_count || n > (end_ - pos_) / sizeof(T)) {
      Fail("array of " + std::to_string(n) + " elements does not fit the section");
      return out;
    }
    out.resize(n);
    if (n) std::memcpy(out.data(), Take(n * sizeof(T)), n * sizeof(T));
    return out;
  }
  // Fails unless the whole section was read: trailing bytes mean a layout mismatch.
  Status Finish();

 private:
  const char* Take(size_t n);  // nullptr (and failed) if fewer than n bytes are left
  template <typename T>
  T Read() {
    T v{};
    if (const char* p = Take(sizeof(T))) std::memcpy(&v, p, sizeof(T));
    return v;
  }

  const ModelFile* file_;
  std::string section_;
  size_t pos_, end_;
  Status status_;
};

// A model file loaded and verified. Sections are read with Section(name).
class ModelFile {
 public:
  // Reads and verifies `path`. `kind` must match the file's kind. Errors are Code::kModel
  // (or kNotFound when the file does not exist), with the path and the byte offset.
  static Result<ModelFile> Load(const std::string& path, std::string_view kind);
  // The same from bytes already in memory; `name` is used in error messages.
  static Result<ModelFile> Parse(std::string bytes, const std::string& name, std::string_view kind);

  const std::string& path() const { return path_; }
  const std::string& kind() const { return kind_; }
  bool Has(const std::string& section) const { return sections_.count(section) > 0; }
  // A reader over the section; a missing section gives a reader that has already failed.
  SectionReader Section(const std::string& name) const;
  // An error at `offset` of this file.
  Status Error(std::string message, uint64_t offset) const;
  const std::string& bytes() const { return bytes_; }

 private:
  std::string path_;
  std::string kind_;
  std::string bytes_;
  std::map<std::string, std::pair<uint64_t, uint64_t>> sections_;  // name -> (offset, size)
};

// Where the default models live: $SITREP_MODELS if set and not empty, otherwise the
// models/ folder of the source tree this binary was built from.
std::string DefaultModelDir();

}  // namespace sitrep
