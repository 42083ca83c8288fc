// The compact binary form of a document's tokens (pg_tokens.h says why).
//
// Layout, version 1 (all integers are LEB128 varints; "signed" ones zigzag-encoded):
//
//   0x01                                  format version
//   n_strings, then n_strings x (length, bytes)
//                                         every distinct upos, xpos, lemma and deprel,
//                                         in order of first use
//   n_tokens, then n_tokens x
//     signed  begin - previous begin      tokens run in text order: small steps
//     (end - begin) << 1 | space_after
//     upos, xpos, lemma, deprel           indexes into the strings
//     signed  head                        -1 for the root
//
// A handful of tags and relations repeat on every token and lemmas repeat within an
// article, so the string table is what makes the value small.
#include "store/pg/pg_tokens.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "text/encoding.h"

namespace sitrep::pg {

namespace {

constexpr uint8_t kFormatVersion = 1;

void PutVarint(std::string& out, uint64_t value) {
  while (value >= 0x80) {
    out += static_cast<char>((value & 0x7F) | 0x80);
    value >>= 7;
  }
  out += static_cast<char>(value);
}

uint64_t Zigzag(int64_t value) { return (static_cast<uint64_t>(value) << 1) ^ static_cast<uint64_t>(value >> 63); }
int64_t Unzigzag(uint64_t value) { return static_cast<int64_t>(value >> 1) ^ -static_cast<int64_t>(value & 1); }

// What the JSON form would give back for `text`: itself when valid UTF-8 (nearly
// always), else what the JSON writer's replacement of bad bytes makes of it.
std::string AsJsonKeepsIt(const std::string& text) {
  if (FindInvalidUtf8(text) >= text.size()) return text;
  const std::string dumped =
      nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return nlohmann::json::parse(dumped).get<std::string>();
}

// Keyed by views of the tokens' own strings, which outlive the table. Four lookups a
// token: an open-addressing table of views, with FNV-1a over the few bytes of a tag or a
// lemma, costs a fraction of std::unordered_map's hashing and node per string.
class StringTable {
 public:
  StringTable() : slots_(512) {}

  uint64_t IndexOf(const std::string& text) {
    if (2 * (strings_.size() + 1) > slots_.size()) Grow();
    Slot& slot = Find(slots_, text);
    if (slot.index == kEmpty) {
      slot.key = text;
      slot.index = strings_.size();
      strings_.push_back(AsJsonKeepsIt(text));
    }
    return slot.index;
  }
  const std::vector<std::string>& strings() const { return strings_; }

 private:
  static constexpr uint64_t kEmpty = ~uint64_t{0};
  struct Slot {
    std::string_view key;
    uint64_t index = kEmpty;
  };

  static uint64_t Hash(std::string_view text) {
    uint64_t h = 14695981039346656037ull;
    for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
    return h;
  }
  // The slot holding `text`, or the empty one where it goes. The size is a power of two.
  static Slot& Find(std::vector<Slot>& slots, std::string_view text) {
    const size_t mask = slots.size() - 1;
    for (size_t at = Hash(text) & mask;; at = (at + 1) & mask)
      if (slots[at].index == kEmpty || slots[at].key == text) return slots[at];
  }
  void Grow() {
    std::vector<Slot> bigger(slots_.size() * 2);
    for (const Slot& slot : slots_)
      if (slot.index != kEmpty) Find(bigger, slot.key) = slot;
    slots_.swap(bigger);
  }

  std::vector<Slot> slots_;
  std::vector<std::string> strings_;
};

// Reads what PutVarint wrote; every read is bounds-checked, so damage is a false.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  bool Varint(uint64_t* value) {
    *value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ >= bytes_.size()) return false;
      const auto byte = static_cast<uint8_t>(bytes_[at_++]);
      *value |= static_cast<uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return true;
    }
    return false;
  }
  bool Bytes(uint64_t n, std::string* out) {
    if (n > bytes_.size() - at_) return false;
    out->assign(bytes_.substr(at_, n));
    at_ += n;
    return true;
  }
  bool Byte(uint8_t* out) {
    if (at_ >= bytes_.size()) return false;
    *out = static_cast<uint8_t>(bytes_[at_++]);
    return true;
  }
  bool AtEnd() const { return at_ == bytes_.size(); }
  size_t Left() const { return bytes_.size() - at_; }

 private:
  std::string_view bytes_;
  size_t at_ = 0;
};

bool ReadString(Reader& in, const std::vector<std::string>& strings, std::string* out) {
  uint64_t index = 0;
  if (!in.Varint(&index) || index >= strings.size()) return false;
  *out = strings[index];
  return true;
}

}  // namespace

std::string EncodeTokens(const std::vector<Token>& tokens) {
  StringTable table;
  std::string body;
  body.reserve(tokens.size() * 12);  // seven varints a token, most of one byte
  int64_t previous_begin = 0;
  for (const Token& t : tokens) {
    PutVarint(body, Zigzag(static_cast<int64_t>(t.span.begin) - previous_begin));
    previous_begin = t.span.begin;
    // A span is begin <= end; one that is not still round-trips, through the zigzag.
    PutVarint(body, Zigzag(static_cast<int64_t>(t.span.end) - t.span.begin) << 1 | (t.space_after ? 1 : 0));
    PutVarint(body, table.IndexOf(t.upos));
    PutVarint(body, table.IndexOf(t.xpos));
    PutVarint(body, table.IndexOf(t.lemma));
    PutVarint(body, table.IndexOf(t.deprel));
    PutVarint(body, Zigzag(t.head));
  }
  size_t table_bytes = 0;
  for (const std::string& s : table.strings()) table_bytes += s.size() + 2;
  std::string out;
  out.reserve(1 + 10 + table_bytes + 10 + body.size());
  out += static_cast<char>(kFormatVersion);
  PutVarint(out, table.strings().size());
  for (const std::string& s : table.strings()) {
    PutVarint(out, s.size());
    out += s;
  }
  PutVarint(out, tokens.size());
  out += body;
  return out;
}

bool DecodeTokens(std::string_view bytes, std::vector<Token>* tokens) {
  Reader in(bytes);
  uint8_t version = 0;
  if (!in.Byte(&version) || version != kFormatVersion) return false;
  uint64_t n_strings = 0;
  // Each entry takes at least one byte: a count beyond what is left is damage, not a
  // reason to reserve gigabytes.
  if (!in.Varint(&n_strings) || n_strings > in.Left()) return false;
  std::vector<std::string> strings(n_strings);
  for (std::string& s : strings) {
    uint64_t length = 0;
    if (!in.Varint(&length) || !in.Bytes(length, &s)) return false;
  }
  uint64_t n_tokens = 0;
  if (!in.Varint(&n_tokens) || n_tokens > in.Left()) return false;
  std::vector<Token> out(n_tokens);
  int64_t begin = 0;
  for (Token& t : out) {
    uint64_t step = 0, extent = 0, head = 0;
    if (!in.Varint(&step) || !in.Varint(&extent)) return false;
    begin += Unzigzag(step);
    const int64_t end = begin + Unzigzag(extent >> 1);
    if (begin < 0 || begin > UINT32_MAX || end < 0 || end > UINT32_MAX) return false;
    t.span = {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
    t.space_after = (extent & 1) != 0;
    if (!ReadString(in, strings, &t.upos) || !ReadString(in, strings, &t.xpos) ||
        !ReadString(in, strings, &t.lemma) || !ReadString(in, strings, &t.deprel) || !in.Varint(&head))
      return false;
    const int64_t h = Unzigzag(head);
    if (h < INT32_MIN || h > INT32_MAX) return false;
    t.head = static_cast<int32_t>(h);
  }
  if (!in.AtEnd()) return false;
  *tokens = std::move(out);
  return true;
}

}  // namespace sitrep::pg
