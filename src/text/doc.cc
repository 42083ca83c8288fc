#include "sitrep/doc.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdio>

namespace sitrep {

std::string_view PrecisionName(DateTime::Precision precision) {
  switch (precision) {
    case DateTime::Precision::kYear: return "year";
    case DateTime::Precision::kMonth: return "month";
    case DateTime::Precision::kDay: return "day";
    case DateTime::Precision::kMinute: return "minute";
    case DateTime::Precision::kSecond: return "second";
  }
  return "day";
}

std::string HashHex(std::string_view bytes) {
  XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

Doc::Doc(Origin origin, std::string original, std::string text, OffsetMap map, Metadata meta)
    : origin_(std::move(origin)),
      original_(std::move(original)),
      text_(std::move(text)),
      map_(std::move(map)),
      meta_(std::move(meta)),
      content_hash_(HashHex(original_)),
      text_hash_(HashHex(text_)) {}

std::string_view Doc::Slice(Span span) const {
  if (span.begin > span.end || span.end > text_.size()) return {};
  return std::string_view(text_).substr(span.begin, span.size());
}

const std::vector<Annotation>* Doc::Layer(const std::string& name) const {
  auto it = layers_.find(name);
  return it == layers_.end() ? nullptr : &it->second;
}

void Doc::SetLayer(const std::string& name, std::vector<Annotation> annotations) {
  std::stable_sort(annotations.begin(), annotations.end(), [](const Annotation& a, const Annotation& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end < b.span.end;
  });
  layers_[name] = std::move(annotations);
}

}  // namespace sitrep
