// Byte spans and the map from a document's clean text back to its original bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

// A half-open byte range [begin, end) in some text. Documents are limited to 4 GiB.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool Contains(Span other) const { return begin <= other.begin && other.end <= end; }
  friend bool operator==(Span, Span) = default;
};

// Maps byte offsets in a clean text to byte offsets in the original input it was made
// from. The clean text is a sequence of pieces; each piece is either a verbatim copy of
// an original range (same length, mapped byte for byte) or a replacement (an HTML entity
// decoded, a Windows-1252 byte transcoded, a paragraph break inserted): offsets inside a
// replacement map to the whole original range it replaced, never into the middle of it.
class OffsetMap {
 public:
  struct Piece {
    uint32_t clean_begin;
    uint32_t clean_size;
    uint32_t orig_begin;
    uint32_t orig_size;
    bool verbatim;  // copied byte for byte (then clean_size == orig_size)
  };

  OffsetMap() = default;
  static OffsetMap Identity(uint32_t size);

  // The original range that the clean range came from.
  Span ToOriginal(Span clean) const;
  uint32_t clean_size() const;
  const std::vector<Piece>& pieces() const { return pieces_; }

  // this: clean -> middle, inner: middle -> original; the result maps clean -> original.
  OffsetMap Then(const OffsetMap& inner) const;

  std::string Serialize() const;  // compact binary, for the store
  static bool Deserialize(std::string_view bytes, OffsetMap* out);

  // Builders append pieces in clean-text order.
  void AppendVerbatim(uint32_t orig_begin, uint32_t size);
  void AppendReplacement(uint32_t orig_begin, uint32_t orig_size, uint32_t clean_size);

  friend bool operator==(const OffsetMap&, const OffsetMap&);

 private:
  const Piece* Find(uint32_t clean_offset, bool is_end) const;
  std::vector<Piece> pieces_;
};

inline bool operator==(const OffsetMap::Piece& a, const OffsetMap::Piece& b) {
  return a.clean_begin == b.clean_begin && a.clean_size == b.clean_size &&
         a.orig_begin == b.orig_begin && a.orig_size == b.orig_size && a.verbatim == b.verbatim;
}
inline bool operator==(const OffsetMap& a, const OffsetMap& b) { return a.pieces_ == b.pieces_; }

// Builds a clean text and its OffsetMap together, so the two can never disagree.
class CleanTextBuilder {
 public:
  explicit CleanTextBuilder(std::string_view original) : original_(original) {}

  // Copy original[begin, begin + size) into the clean text.
  void Copy(uint32_t begin, uint32_t size);
  // Write `clean` in place of original[begin, begin + size).
  void Replace(uint32_t begin, uint32_t size, std::string_view clean);
  // Write text that has no original counterpart (a paragraph break), anchored at `at`.
  void Insert(uint32_t at, std::string_view clean) { Replace(at, 0, clean); }

  const std::string& text() const { return text_; }
  // Drop trailing ASCII white space from the clean text (and its map).
  void TrimTrailingSpace();

  std::string TakeText() { return std::move(text_); }
  OffsetMap TakeMap() { return std::move(map_); }

 private:
  std::string_view original_;
  std::string text_;
  OffsetMap map_;
};

}  // namespace sitrep
