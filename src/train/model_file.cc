// Model files: writing, loading and verifying, and bounds-checked section reads.
#include "train/model_file.h"

#include <xxhash.h>

#include <bit>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace sitrep {

static_assert(std::endian::native == std::endian::little, "model files are little-endian");

namespace {

uint64_t LoadU64(const std::string& bytes, size_t at) {
  uint64_t v;
  std::memcpy(&v, bytes.data() + at, sizeof v);
  return v;
}

uint32_t LoadU32(const std::string& bytes, size_t at) {
  uint32_t v;
  std::memcpy(&v, bytes.data() + at, sizeof v);
  return v;
}

// A fixed-size zero-padded name field as a string (stops at the first zero byte).
std::string LoadName(const std::string& bytes, size_t at) {
  std::string_view field(bytes.data() + at, kModelNameSize);
  return std::string(field.substr(0, field.find('\0')));
}

void PutName(std::string* out, std::string_view name) {
  std::string field(kModelNameSize, '\0');
  std::memcpy(field.data(), name.data(), std::min(name.size(), kModelNameSize));
  out->append(field);
}

size_t Align8(size_t n) { return (n + 7) & ~size_t{7}; }

}  // namespace

void SectionWriter::String(std::string_view s) {
  U32(static_cast<uint32_t>(s.size()));
  Raw(s.data(), s.size());
}

void ModelWriter::AddSection(std::string name, std::string bytes) {
  sections_.emplace_back(std::move(name), std::move(bytes));
}

std::string ModelWriter::Serialize() const {
  size_t table_end = kModelHeaderSize + sections_.size() * kModelSectionEntrySize;
  std::string table;
  size_t offset = Align8(table_end);
  for (const auto& [name, bytes] : sections_) {
    PutName(&table, name);
    uint64_t off = offset, size = bytes.size();
    table.append(reinterpret_cast<const char*>(&off), 8);
    table.append(reinterpret_cast<const char*>(&size), 8);
    offset = Align8(offset + bytes.size());
  }
  std::string body = table;
  body.resize(Align8(table_end) - kModelHeaderSize, '\0');
  for (const auto& [name, bytes] : sections_) {
    body.append(bytes);
    body.resize(Align8(body.size() + kModelHeaderSize) - kModelHeaderSize, '\0');
  }
  std::string out(kModelMagic, sizeof kModelMagic);
  uint32_t version = kModelFormatVersion, count = static_cast<uint32_t>(sections_.size());
  out.append(reinterpret_cast<const char*>(&version), 4);
  out.append(reinterpret_cast<const char*>(&count), 4);
  PutName(&out, kind_);
  uint64_t total = kModelHeaderSize + body.size();
  uint64_t checksum = XXH3_64bits(body.data(), body.size());
  out.append(reinterpret_cast<const char*>(&total), 8);
  out.append(reinterpret_cast<const char*>(&checksum), 8);
  out.append(body);
  return out;
}

Status ModelWriter::Write(const std::string& path) const {
  std::string bytes = Serialize();
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status(Code::kIo, "cannot create the model file").At(tmp);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) return Status(Code::kIo, "cannot write the model file").At(tmp);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0)
    return Status(Code::kIo, fmt::format("cannot rename {} to the model file", tmp)).At(path);
  return Status::Ok();
}

SectionReader::SectionReader(const ModelFile* file, std::string section, size_t begin, size_t end)
    : file_(file), section_(std::move(section)), pos_(begin), end_(end) {}

void SectionReader::Fail(std::string message) {
  if (!status_.ok()) return;
  status_ = file_->Error(fmt::format("section '{}': {}", section_, message), pos_);
}

const char* SectionReader::Take(size_t n) {
  if (!ok()) return nullptr;
  if (n > end_ - pos_) {
    Fail(fmt::format("needs {} more bytes but the section ends at byte {}", n, end_));
    return nullptr;
  }
  const char* p = file_->bytes().data() + pos_;
  pos_ += n;
  return p;
}

uint8_t SectionReader::U8() { return Read<uint8_t>(); }
uint16_t SectionReader::U16() { return Read<uint16_t>(); }
uint32_t SectionReader::U32() { return Read<uint32_t>(); }
uint64_t SectionReader::U64() { return Read<uint64_t>(); }
int16_t SectionReader::I16() { return Read<int16_t>(); }
int32_t SectionReader::I32() { return Read<int32_t>(); }
float SectionReader::F32() { return Read<float>(); }

std::string SectionReader::String() {
  uint32_t n = U32();
  const char* p = Take(n);
  return p ? std::string(p, n) : std::string();
}

Status SectionReader::Finish() {
  if (ok() && pos_ != end_) Fail(fmt::format("{} unread bytes at the end of the section", end_ - pos_));
  return status_;
}

Status ModelFile::Error(std::string message, uint64_t offset) const {
  return Status(Code::kModel, std::move(message)).At(path_, offset);
}

SectionReader ModelFile::Section(const std::string& name) const {
  auto it = sections_.find(name);
  if (it == sections_.end()) {
    SectionReader r(this, name, 0, 0);
    r.Fail("the model has no such section (kind " + kind_ + ")");
    return r;
  }
  return SectionReader(this, name, it->second.first, it->second.first + it->second.second);
}

Result<ModelFile> ModelFile::Load(const std::string& path, std::string_view kind) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Status(Code::kModel,
                  fmt::format("cannot open the {} model file ({}); set SITREP_MODELS to the folder holding "
                              "the models or run scripts/train-models.sh",
                              kind, std::strerror(errno)))
        .At(path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status(Code::kModel, "cannot read the model file").At(path);
  return Parse(std::move(buffer).str(), path, kind);
}

Result<ModelFile> ModelFile::Parse(std::string bytes, const std::string& name, std::string_view kind) {
  ModelFile file;
  file.path_ = name;
  file.bytes_ = std::move(bytes);
  const std::string& b = file.bytes_;
  if (b.size() < kModelHeaderSize)
    return file.Error(fmt::format("truncated: {} bytes, shorter than the {}-byte header", b.size(), kModelHeaderSize),
                      b.size());
  if (std::memcmp(b.data(), kModelMagic, sizeof kModelMagic) != 0)
    return file.Error("not a sitrep model file (bad magic number)", 0);
  uint32_t version = LoadU32(b, 8);
  if (version != kModelFormatVersion)
    return file.Error(fmt::format("model format version {}, but this sitrep reads version {}; retrain the model "
                                  "with scripts/train-models.sh",
                                  version, kModelFormatVersion),
                      8);
  uint32_t count = LoadU32(b, 12);
  file.kind_ = LoadName(b, 16);
  if (file.kind_ != kind)
    return file.Error(fmt::format("a '{}' model where a '{}' model was expected", file.kind_, kind), 16);
  uint64_t total = LoadU64(b, 32);
  if (total != b.size()) {
    if (b.size() < total)
      return file.Error(fmt::format("truncated: the file ends at byte {} but its header says {} bytes", b.size(), total),
                        b.size());
    return file.Error(fmt::format("{} bytes after the declared end of the model", b.size() - total), total);
  }
  uint64_t checksum = LoadU64(b, 40);
  if (XXH3_64bits(b.data() + kModelHeaderSize, b.size() - kModelHeaderSize) != checksum)
    return file.Error("checksum mismatch: the model file is damaged", kModelHeaderSize);
  if (count > (b.size() - kModelHeaderSize) / kModelSectionEntrySize)
    return file.Error(fmt::format("section table of {} entries does not fit the file", count), 12);
  for (uint32_t i = 0; i < count; ++i) {
    size_t at = kModelHeaderSize + i * kModelSectionEntrySize;
    std::string sname = LoadName(b, at);
    uint64_t off = LoadU64(b, at + 16), size = LoadU64(b, at + 24);
    if (off > b.size() || size > b.size() - off)
      return file.Error(fmt::format("section '{}' [{}, +{}) lies outside the file", sname, off, size), at);
    if (!file.sections_.emplace(sname, std::make_pair(off, size)).second)
      return file.Error(fmt::format("section '{}' appears twice", sname), at);
  }
  return file;
}

std::string DefaultModelDir() {
  const char* env = std::getenv("SITREP_MODELS");
  if (env && *env) return env;
#ifdef SITREP_MODELS_DIR
  return SITREP_MODELS_DIR;
#else
  return "models";
#endif
}

}  // namespace sitrep
