// The gazetteer: sorted names with type bits on disk, a hash index over names and their
// prefixes in memory.
#include "annotate/gazetteer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <map>

#include <fmt/format.h>

#include "train/perceptron.h"

namespace sitrep {

namespace {

bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool IsAsciiPunct(unsigned char c) { return c < 0x80 && !IsSpace(c) && !std::isalnum(c); }

// The match-key pieces of a name: cut at whitespace and around ASCII punctuation.
std::vector<std::string> Pieces(std::string_view lower) {
  std::vector<std::string> pieces;
  std::string cur;
  for (unsigned char c : lower) {
    if (IsSpace(c) || IsAsciiPunct(c)) {
      if (!cur.empty()) pieces.push_back(std::move(cur));
      cur.clear();
      if (!IsSpace(c)) pieces.emplace_back(1, static_cast<char>(c));
      continue;
    }
    cur.push_back(static_cast<char>(c));
  }
  if (!cur.empty()) pieces.push_back(std::move(cur));
  return pieces;
}

// Lower-cased, whitespace runs made one space, trimmed.
std::string NormalizeName(std::string_view name) {
  std::string lower = LowerUtf8(name), out;
  for (unsigned char c : lower) {
    if (IsSpace(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::string LowerUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    uint8_t b = s[i];
    if (b < 0x80) {
      out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
      ++i;
      continue;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {  // a bad sequence: keep its bytes
      out.append(text.substr(start, i - start));
      continue;
    }
    c = u_tolower(c);
    char buf[4];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, c, error);
    (void)error;
    out.append(buf, len);
  }
  return out;
}

std::string Gazetteer::MatchKey(std::string_view token) {
  std::string lower = LowerUtf8(token), key;
  for (unsigned char c : lower)
    if (!IsSpace(c)) key.push_back(static_cast<char>(c));
  return key;
}

Gazetteer Gazetteer::FromNames(std::vector<std::pair<std::string, uint16_t>> names) {
  std::map<std::string, uint16_t> merged;
  for (auto& [name, bits] : names) {
    std::string n = NormalizeName(name);
    if (n.empty() || n.find('\n') != std::string::npos || (bits & ~kGazPrefix) == 0) continue;
    merged[n] |= static_cast<uint16_t>(bits & ~kGazPrefix);
  }
  Gazetteer g;
  g.offsets_.reserve(merged.size() + 1);
  for (const auto& [name, bits] : merged) {
    g.offsets_.push_back(static_cast<uint32_t>(g.blob_.size()));
    g.blob_.append(name).push_back('\n');
    g.bits_.push_back(bits);
  }
  g.offsets_.push_back(static_cast<uint32_t>(g.blob_.size()));
  g.BuildIndex();
  return g;
}

void Gazetteer::Insert(uint64_t hash, uint16_t bits) {
  size_t mask = slots_.size() - 1;
  uint32_t fp = static_cast<uint32_t>(hash >> 32);
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.bits == 0) {
      s = {fp, bits, 0};
      return;
    }
    if (s.fingerprint == fp) {
      s.bits |= bits;
      return;
    }
  }
}

uint16_t Gazetteer::Probe(uint64_t hash) const {
  if (slots_.empty()) return 0;
  size_t mask = slots_.size() - 1;
  uint32_t fp = static_cast<uint32_t>(hash >> 32);
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.bits == 0) return 0;
    if (s.fingerprint == fp) return s.bits;
  }
}

void Gazetteer::BuildIndex() {
  // Count the keys first (names plus proper prefixes) to size the table at most half full.
  size_t keys = 0;
  std::vector<std::vector<std::string>> all_pieces(bits_.size());
  for (size_t i = 0; i < bits_.size(); ++i) {
    all_pieces[i] = Pieces(name(i));
    keys += std::max<size_t>(all_pieces[i].size(), 1);
  }
  size_t size = 16;
  while (size < keys * 2) size *= 2;
  slots_.assign(size, {0, 0, 0});
  std::string key;
  for (size_t i = 0; i < bits_.size(); ++i) {
    const auto& pieces = all_pieces[i];
    if (pieces.empty()) continue;
    key.clear();
    for (size_t k = 0; k < pieces.size(); ++k) {
      key += pieces[k];
      Insert(HashString(key), k + 1 == pieces.size() ? bits_[i] : static_cast<uint16_t>(kGazPrefix));
    }
  }
}

uint16_t Gazetteer::Lookup(std::string_view name) const {
  std::string key;
  for (const std::string& p : Pieces(NormalizeName(name))) key += p;
  return static_cast<uint16_t>(Probe(HashString(key)) & ~kGazPrefix);
}

uint16_t Gazetteer::LookupKeys(const std::vector<std::string>& keys, size_t begin, size_t end) const {
  std::string key;
  for (size_t i = begin; i < end && i < keys.size(); ++i) key += keys[i];
  return static_cast<uint16_t>(Probe(HashString(key)) & ~kGazPrefix);
}

void Gazetteer::FindAll(const std::vector<std::string>& keys, std::vector<GazetteerMatch>* matches) const {
  matches->clear();
  std::string key;
  size_t n = keys.size();
  for (size_t i = 0; i < n; ++i) {
    key.clear();
    size_t first = matches->size();
    for (size_t j = i; j < n && j < i + kMaxNameTokens; ++j) {
      if (keys[j].empty()) break;
      key += keys[j];
      uint16_t bits = Probe(HashString(key));
      if (bits == 0) break;
      uint16_t types = bits & ~kGazPrefix;
      // A multi-token string that is only a common word ("by-law") is no name.
      if (types & kGazNameBits)
        matches->push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(j + 1), types});
      else if (types && j == i)
        matches->push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(j + 1), types});
      if (!(bits & kGazPrefix)) break;
    }
    std::reverse(matches->begin() + static_cast<ptrdiff_t>(first), matches->end());
  }
}

Status Gazetteer::Write(const std::string& path) const {
  ModelWriter writer(std::string{kGazetteerKind});
  SectionWriter names;
  names.U64(bits_.size());
  names.String(blob_);
  names.Array(bits_);
  writer.AddSection("names", names.Take());
  return writer.Write(path);
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::Load(const std::string& path) {
  auto file = ModelFile::Load(path, kGazetteerKind);
  if (!file.ok()) return file.status();
  auto g = FromFile(*file);
  if (!g.ok()) return g.status();
  return std::shared_ptr<const Gazetteer>(std::make_shared<Gazetteer>(std::move(g).value()));
}

Result<Gazetteer> Gazetteer::FromFile(const ModelFile& file) {
  Gazetteer g;
  SectionReader r = file.Section("names");
  uint64_t count = r.U64();
  g.blob_ = r.String();
  g.bits_ = r.Array<uint16_t>(count);
  SITREP_RETURN_IF_ERROR(r.Finish());
  if (g.bits_.size() != count) return file.Error("the name count and the type bits disagree", r.offset());
  if (g.blob_.size() >= UINT32_MAX) return file.Error("the name list is too large", r.offset());
  // The names: each ends with '\n', none is empty, and they are strictly sorted.
  g.offsets_.reserve(count + 1);
  size_t pos = 0;
  std::string_view blob(g.blob_), prev;
  for (uint64_t i = 0; i < count; ++i) {
    size_t nl = blob.find('\n', pos);
    if (nl == std::string_view::npos || nl == pos)
      return file.Error(fmt::format("name {} of {} is empty or missing", i, count), r.offset());
    std::string_view name = blob.substr(pos, nl - pos);
    if (i > 0 && !(prev < name)) return file.Error(fmt::format("name {} is out of order", i), r.offset());
    if ((g.bits_[i] & ~kGazPrefix) == 0) return file.Error(fmt::format("name {} has no type", i), r.offset());
    g.offsets_.push_back(static_cast<uint32_t>(pos));
    prev = name;
    pos = nl + 1;
  }
  if (pos != blob.size()) return file.Error("bytes after the last name", r.offset());
  g.offsets_.push_back(static_cast<uint32_t>(pos));
  g.BuildIndex();
  return g;
}

}  // namespace sitrep
