#include "sitrep/span.h"

#include <algorithm>

namespace sitrep {

OffsetMap OffsetMap::Identity(uint32_t size) {
  OffsetMap map;
  map.AppendVerbatim(0, size);
  return map;
}

uint32_t OffsetMap::clean_size() const {
  return pieces_.empty() ? 0 : pieces_.back().clean_begin + pieces_.back().clean_size;
}

void OffsetMap::AppendVerbatim(uint32_t orig_begin, uint32_t size) {
  if (size == 0) return;
  if (!pieces_.empty()) {
    Piece& last = pieces_.back();
    // Contiguous verbatim runs merge, so a plain-text document has a one-piece map.
    if (last.verbatim && last.orig_begin + last.orig_size == orig_begin) {
      last.clean_size += size;
      last.orig_size += size;
      return;
    }
  }
  pieces_.push_back({clean_size(), size, orig_begin, size, true});
}

void OffsetMap::AppendReplacement(uint32_t orig_begin, uint32_t orig_size, uint32_t clean_size) {
  if (clean_size == 0) return;  // nothing in the clean text to map
  pieces_.push_back({this->clean_size(), clean_size, orig_begin, orig_size, false});
}

// The piece holding a clean offset. A begin offset belongs to the piece that starts at
// or before it; an end offset to the piece that ends at or after it, so a span that ends
// exactly where a piece ends does not spill into the next one.
const OffsetMap::Piece* OffsetMap::Find(uint32_t offset, bool is_end) const {
  if (pieces_.empty()) return nullptr;
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), offset,
                             [](uint32_t off, const Piece& p) { return off < p.clean_begin; });
  if (it == pieces_.begin()) return &*it;
  --it;
  if (is_end && offset == it->clean_begin && it != pieces_.begin()) --it;
  return &*it;
}

Span OffsetMap::ToOriginal(Span clean) const {
  const Piece* first = Find(clean.begin, false);
  const Piece* last = Find(clean.end, true);
  if (!first || !last) return {0, 0};
  uint32_t begin = first->orig_begin;
  if (first->verbatim) begin += std::min(clean.begin - std::min(clean.begin, first->clean_begin), first->orig_size);
  uint32_t end = last->orig_begin + last->orig_size;
  if (last->verbatim) {
    uint32_t into = clean.end > last->clean_begin ? clean.end - last->clean_begin : 0;
    end = last->orig_begin + std::min(into, last->orig_size);
  }
  if (clean.empty()) end = begin;
  return {begin, std::max(begin, end)};
}

OffsetMap OffsetMap::Then(const OffsetMap& inner) const {
  OffsetMap out;
  for (const Piece& p : pieces_) {
    if (!p.verbatim) {
      Span orig = inner.ToOriginal({p.orig_begin, p.orig_begin + p.orig_size});
      out.AppendReplacement(orig.begin, orig.size(), p.clean_size);
      continue;
    }
    // A verbatim run of the middle text may cross several pieces of the inner map:
    // split it where they split, keeping verbatim only what is verbatim on both sides.
    uint32_t mid = p.orig_begin, mid_end = p.orig_begin + p.orig_size;
    while (mid < mid_end) {
      const Piece* q = inner.Find(mid, false);
      if (!q) break;
      uint32_t q_end = q->clean_begin + q->clean_size;
      uint32_t stop = std::min(mid_end, std::max(q_end, mid + 1));
      if (q->verbatim) {
        out.AppendVerbatim(q->orig_begin + (mid - q->clean_begin), stop - mid);
      } else {
        out.AppendReplacement(q->orig_begin, q->orig_size, stop - mid);
      }
      mid = stop;
    }
  }
  return out;
}

namespace {
void PutVarint(std::string* out, uint32_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}
bool GetVarint(std::string_view* in, uint32_t* v) {
  uint32_t result = 0;
  for (int shift = 0; shift <= 28 && !in->empty(); shift += 7) {
    auto byte = static_cast<uint8_t>(in->front());
    in->remove_prefix(1);
    result |= static_cast<uint32_t>(byte & 0x7f) << shift;
    if (!(byte & 0x80)) {
      *v = result;
      return true;
    }
  }
  return false;
}
}  // namespace

// Pieces are stored as deltas: each piece's clean_begin follows from the previous one,
// so only (clean_size, orig_begin, orig_size, verbatim) are written.
std::string OffsetMap::Serialize() const {
  std::string out;
  PutVarint(&out, static_cast<uint32_t>(pieces_.size()));
  for (const Piece& p : pieces_) {
    PutVarint(&out, p.clean_size);
    PutVarint(&out, p.orig_begin);
    PutVarint(&out, (p.orig_size << 1) | (p.verbatim ? 1u : 0u));
  }
  return out;
}

bool OffsetMap::Deserialize(std::string_view in, OffsetMap* out) {
  uint32_t n = 0;
  if (!GetVarint(&in, &n)) return false;
  OffsetMap map;
  uint32_t clean = 0;
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t clean_size, orig_begin, packed;
    if (!GetVarint(&in, &clean_size) || !GetVarint(&in, &orig_begin) || !GetVarint(&in, &packed))
      return false;
    map.pieces_.push_back({clean, clean_size, orig_begin, packed >> 1, (packed & 1) != 0});
    clean += clean_size;
  }
  if (!in.empty()) return false;
  *out = std::move(map);
  return true;
}

void CleanTextBuilder::Copy(uint32_t begin, uint32_t size) {
  if (size == 0) return;
  text_.append(original_.substr(begin, size));
  map_.AppendVerbatim(begin, size);
}

void CleanTextBuilder::Replace(uint32_t begin, uint32_t size, std::string_view clean) {
  if (clean.empty()) return;
  text_.append(clean);
  map_.AppendReplacement(begin, size, static_cast<uint32_t>(clean.size()));
}

void CleanTextBuilder::TrimTrailingSpace() {
  uint32_t keep = static_cast<uint32_t>(text_.size());
  while (keep > 0 && (text_[keep - 1] == ' ' || text_[keep - 1] == '\n' ||
                      text_[keep - 1] == '\t' || text_[keep - 1] == '\r'))
    --keep;
  if (keep == text_.size()) return;
  text_.resize(keep);
  OffsetMap trimmed;
  for (const OffsetMap::Piece& p : map_.pieces()) {
    if (p.clean_begin >= keep) break;
    uint32_t size = std::min(p.clean_size, keep - p.clean_begin);
    if (p.verbatim) trimmed.AppendVerbatim(p.orig_begin, size);
    else trimmed.AppendReplacement(p.orig_begin, p.orig_size, size);
  }
  map_ = std::move(trimmed);
}

}  // namespace sitrep
