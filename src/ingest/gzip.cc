// Gzip streams: inflating whole files (a .txt.gz, a .jsonl.gz) and single members (one
// WARC record each). zlib does the inflating; this file turns its return codes into
// Status values that say where in the compressed bytes the stream broke off or went bad.
#include <zlib.h>

#include <algorithm>
#include <climits>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "ingest/containers.h"

namespace sitrep {
namespace {

constexpr size_t kOutChunk = 64 * 1024;
// zlib counts input in 32-bit uInt; feeding at most this much per call keeps inputs
// larger than 4 GiB correct.
constexpr uint64_t kMaxFeed = 1u << 30;

// Owns one zlib inflate state, so every return path releases it.
class Inflater {
 public:
  Inflater() {
    // 15: the largest window; +32: accept a gzip or a zlib header, whichever is there
    // (HTTP "Content-Encoding: deflate" is usually zlib-wrapped).
    ok_ = inflateInit2(&z_, 15 + 32) == Z_OK;
  }
  ~Inflater() {
    if (ok_) inflateEnd(&z_);
  }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  bool ok() const { return ok_; }
  z_stream& z() { return z_; }

 private:
  z_stream z_{};
  bool ok_ = false;
};

// A zlib return code other than Z_OK/Z_STREAM_END/Z_BUF_ERROR, as a Status.
Status InflateError(int rc, const z_stream& z, uint64_t offset) {
  std::string detail = z.msg ? z.msg : "no detail";
  switch (rc) {
    case Z_DATA_ERROR:
      return Status(Code::kParse, fmt::format("corrupt gzip data ({})", detail)).At("", offset);
    case Z_NEED_DICT:
      return Status(Code::kParse, "deflate stream needs a preset dictionary").At("", offset);
    case Z_MEM_ERROR:
      return Status(Code::kInternal, "zlib ran out of memory").At("", offset);
    default:
      return Status(Code::kInternal, fmt::format("zlib error {} ({})", rc, detail)).At("", offset);
  }
}

bool IsAllZero(std::string_view bytes) {
  return std::all_of(bytes.begin(), bytes.end(), [](char c) { return c == '\0'; });
}

// The gzip magic, or a prefix of it cut off by the end of the stream (then inflating
// reports the truncation rather than calling the byte garbage).
bool CouldStartGzip(std::string_view bytes) {
  return LooksGzip(bytes) || (bytes.size() == 1 && static_cast<uint8_t>(bytes[0]) == 0x1f);
}

}  // namespace

bool LooksGzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<uint8_t>(bytes[0]) == 0x1f &&
         static_cast<uint8_t>(bytes[1]) == 0x8b;
}

Result<MemberEnd> InflateGzipMember(std::string_view bytes, uint64_t begin, const InflateSink& sink) {
  if (begin >= bytes.size()) {
    return Status(Code::kTruncated, "gzip stream ends where a member should start").At("", begin);
  }
  Inflater inflater;
  if (!inflater.ok()) return Status(Code::kInternal, "zlib could not start").At("", begin);
  z_stream& z = inflater.z();
  std::vector<char> out(kOutChunk);
  uint64_t fed = begin;  // bytes[begin, fed) have been handed to zlib
  auto consumed = [&] { return fed - z.avail_in; };

  for (;;) {
    if (z.avail_in == 0 && fed < bytes.size()) {
      uint64_t n = std::min<uint64_t>(bytes.size() - fed, kMaxFeed);
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + fed));
      z.avail_in = static_cast<uInt>(n);
      fed += n;
    }
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    uint64_t before = consumed();
    int rc = inflate(&z, Z_NO_FLUSH);
    size_t produced = out.size() - z.avail_out;
    if (produced > 0 && !sink(std::string_view(out.data(), produced))) {
      return MemberEnd{consumed(), true};
    }
    if (rc == Z_STREAM_END) return MemberEnd{consumed(), false};
    if (rc != Z_OK && rc != Z_BUF_ERROR) return InflateError(rc, z, consumed());
    // Z_BUF_ERROR, or Z_OK without progress, once all input is in: the member needs
    // bytes the stream does not have.
    bool stuck = produced == 0 && consumed() == before;
    if (stuck && fed >= bytes.size()) {
      return Status(Code::kTruncated,
                    fmt::format("gzip stream ends before its end: the member starting at byte {} "
                                "is cut off after {} compressed bytes",
                                begin, bytes.size() - begin))
          .At("", bytes.size());
    }
    if (stuck && z.avail_in > 0) {
      return Status(Code::kInternal, "zlib made no progress").At("", consumed());
    }
  }
}

Result<std::string> Gunzip(std::string_view bytes, uint64_t max_out) {
  if (bytes.empty()) return Status(Code::kTruncated, "gzip stream is empty").At("", 0);
  std::string out;
  auto keep = [&](std::string_view piece) {
    if (piece.size() > max_out - out.size()) return false;
    out.append(piece);
    return true;
  };
  uint64_t begin = 0;
  while (begin < bytes.size()) {
    std::string_view rest = bytes.substr(begin);
    if (begin > 0 && !CouldStartGzip(rest)) {
      // gzip(1) also tolerates zero padding after the last member (tape blocks).
      if (IsAllZero(rest)) break;
      return Status(Code::kParse, fmt::format("{} bytes after the gzip member that ends at byte {} "
                                              "are not another gzip member",
                                              rest.size(), begin))
          .At("", begin);
    }
    Result<MemberEnd> member = InflateGzipMember(bytes, begin, keep);
    if (!member.ok()) return member.status();
    if (member->stopped) {
      return Status(Code::kTooLarge,
                    fmt::format("gzip stream inflates to more than the limit of {} bytes", max_out))
          .At("", member->end);
    }
    begin = member->end;
  }
  return out;
}

}  // namespace sitrep
