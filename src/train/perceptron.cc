// The averaged perceptron and its compact, quantised form.
#include "train/perceptron.h"

#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <tuple>

#include <fmt/format.h>

namespace sitrep {

uint64_t HashString(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

// Layout 2 (written since the weights grew with GUM): only the used slots are stored, as
// three columns (slot index, tag, number of weights), then the weights and their class ids
// in slot order, so where each run begins need not be stored; class ids take one byte when
// there are at most 256 classes. About a third smaller than layout 1, which stored every
// slot, empty ones too, and is still read (ner.model).
void SparseWeights::Write(SectionWriter* w) const {
  w->U32(kLayout2);
  w->U32(static_cast<uint32_t>(num_classes_));
  w->F32(scale_);
  w->U64(slots_.size());
  std::vector<uint32_t> index, tag;
  std::vector<uint16_t> count;
  std::vector<uint8_t> cls8;
  std::vector<uint16_t> cls16;
  std::vector<int16_t> weight;
  bool narrow = num_classes_ <= 256;
  for (size_t i = 0; i < slots_.size(); ++i) {
    const Slot& s = slots_[i];
    if (s.count == 0) continue;
    uint32_t begin = s.begin, n = s.count;
    if (n & kDense) std::tie(begin, n) = dense_source_[begin / padded_];
    index.push_back(static_cast<uint32_t>(i));
    tag.push_back(s.tag);
    count.push_back(static_cast<uint16_t>(n));
    for (uint32_t k = begin; k < begin + n; ++k) {
      if (narrow) cls8.push_back(static_cast<uint8_t>(entries_[k].cls));
      else cls16.push_back(entries_[k].cls);
      weight.push_back(entries_[k].weight);
    }
  }
  w->Array(index);
  w->Array(tag);
  w->Array(count);
  w->Array(weight);
  if (narrow) w->Array(cls8);
  else w->Array(cls16);
}

void SparseWeights::Densify() {
  padded_ = (num_classes_ + 15) / 16 * 16;
  dense_.clear();
  dense_source_.clear();
  uint32_t threshold = std::max<uint32_t>(12, static_cast<uint32_t>(num_classes_) / 4);
  for (Slot& s : slots_) {
    if (s.count < threshold || (s.count & kDense)) continue;
    size_t row = dense_.size();
    dense_.resize(row + padded_, 0);
    for (uint32_t i = 0; i < s.count; ++i) dense_[row + entries_[s.begin + i].cls] = entries_[s.begin + i].weight;
    dense_source_.emplace_back(s.begin, s.count);
    s.begin = static_cast<uint32_t>(row);
    s.count |= kDense;
  }
}

Result<SparseWeights> SparseWeights::Read(SectionReader* r) {
  SparseWeights sw;
  uint32_t first = r->U32();
  if (first == kLayout2) {
    sw.num_classes_ = static_cast<int>(r->U32());
    sw.scale_ = r->F32();
    uint64_t size = r->U64();
    auto index = r->Array<uint32_t>();
    auto tag = r->Array<uint32_t>(index.size());
    auto count = r->Array<uint16_t>(index.size());
    if (!r->ok()) return r->status();
    // A table is empty (size 0) or has a free slot, and is not much larger than Build makes it.
    bool empty_table = size == 0 && index.empty();
    if (tag.size() != index.size() || count.size() != index.size() ||
        (!empty_table && (size <= index.size() || size > 2 * index.size() + 16))) {
      r->Fail("the feature table is inconsistent (columns or size)");
      return r->status();
    }
    if ((sw.num_classes_ <= 0 && !empty_table) || sw.num_classes_ > 65535) {
      r->Fail(fmt::format("bad number of classes {}", sw.num_classes_));
      return r->status();
    }
    uint64_t total = 0;
    for (size_t k = 0; k < index.size(); ++k) {
      if (index[k] >= size || (k > 0 && index[k] <= index[k - 1]) || count[k] == 0 ||
          count[k] > static_cast<uint32_t>(sw.num_classes_)) {
        r->Fail("the feature table is inconsistent (slot order or weight count)");
        return r->status();
      }
      total += count[k];
    }
    auto weight = r->Array<int16_t>(total);
    std::vector<uint16_t> cls;
    if (sw.num_classes_ <= 256) {
      auto narrow = r->Array<uint8_t>(total);
      cls.assign(narrow.begin(), narrow.end());
    } else {
      cls = r->Array<uint16_t>(total);
    }
    if (!r->ok()) return r->status();
    if (cls.size() != total || weight.size() != total) {
      r->Fail("the weight columns do not match the feature table");
      return r->status();
    }
    sw.count_ = index.size();
    sw.slots_.assign(size, {0, 0, 0});
    uint32_t begin = 0;
    for (size_t k = 0; k < index.size(); ++k) {
      sw.slots_[index[k]] = {tag[k], begin, count[k]};
      begin += count[k];
    }
    sw.entries_.resize(total);
    for (size_t k = 0; k < total; ++k) sw.entries_[k] = {cls[k], weight[k]};
  } else {
    sw.num_classes_ = static_cast<int>(first);
    sw.scale_ = r->F32();
    sw.count_ = r->U64();
    sw.slots_ = r->Array<Slot>();
    sw.entries_ = r->Array<Entry>();
    if (!r->ok()) return r->status();
  }
  bool empty = sw.slots_.empty() && sw.entries_.empty();
  if (!(sw.scale_ > 0) || !std::isfinite(sw.scale_)) {
    r->Fail("bad weight scale");
    return r->status();
  }
  if (sw.num_classes_ > 65535 || (sw.num_classes_ <= 0 && !empty)) {
    r->Fail(fmt::format("bad number of classes {}", sw.num_classes_));
    return r->status();
  }
  // Every slot and entry is checked once here, so scoring needs no checks.
  size_t used = 0;
  for (const Slot& s : sw.slots_) {
    if (s.count == 0) continue;
    ++used;
    if (s.begin > sw.entries_.size() || s.count > sw.entries_.size() - s.begin) {
      r->Fail("a feature's weights lie outside the weight array");
      return r->status();
    }
  }
  if (used != sw.count_ || (!sw.slots_.empty() && used == sw.slots_.size())) {
    r->Fail("the feature table is inconsistent (count or no free slot)");
    return r->status();
  }
  for (const Entry& e : sw.entries_) {
    if (e.cls >= sw.num_classes_) {
      r->Fail(fmt::format("a weight names class {} of {}", e.cls, sw.num_classes_));
      return r->status();
    }
  }
  for (const Slot& s : sw.slots_) {
    if (s.count & kDense) {
      r->Fail("a feature has an impossible number of weights");
      return r->status();
    }
  }
  sw.Densify();
  return sw;
}

SparseWeights SparseWeights::Build(
    int num_classes, std::vector<std::pair<uint64_t, std::vector<std::pair<uint16_t, float>>>> features) {
  float max_abs = 0;
  for (const auto& [key, weights] : features)
    for (const auto& [cls, w] : weights) max_abs = std::max(max_abs, std::fabs(w));
  SparseWeights sw;
  sw.num_classes_ = num_classes;
  sw.scale_ = max_abs > 0 ? 32767.0f / max_abs : 1.0f;
  // Sorted by key, so the file does not depend on the order features were found in.
  std::sort(features.begin(), features.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  size_t size = features.empty() ? 0 : features.size() * 10 / 7 + 1;
  sw.slots_.assign(size, {0, 0, 0});
  for (auto& [key, weights] : features) {
    std::sort(weights.begin(), weights.end());
    uint32_t begin = static_cast<uint32_t>(sw.entries_.size());
    for (auto [cls, w] : weights) {
      long q = std::lround(w * sw.scale_);
      if (q != 0) sw.entries_.push_back({cls, static_cast<int16_t>(std::clamp(q, -32767L, 32767L))});
    }
    uint32_t count = static_cast<uint32_t>(sw.entries_.size() - begin);
    if (count == 0) continue;
    uint32_t tag = static_cast<uint32_t>(key >> 32);
    size_t i = sw.Home(key);
    bool clash = false;
    while (sw.slots_[i].count) {
      clash |= sw.slots_[i].tag == tag;  // an earlier feature would answer for this one
      if (++i == size) i = 0;
    }
    if (clash) {
      sw.entries_.resize(begin);
      continue;
    }
    sw.slots_[i] = {tag, begin, count};
    ++sw.count_;
  }
  sw.Densify();
  return sw;
}

AveragedPerceptron::AveragedPerceptron(int num_classes) : num_classes_(num_classes) {
  table_.assign(1 << 16, {0, kEmpty});
}

void AveragedPerceptron::Grow() {
  std::vector<std::pair<uint64_t, uint32_t>> old;
  old.swap(table_);
  table_.assign(old.size() * 2, {0, kEmpty});
  size_t mask = table_.size() - 1;
  for (const auto& kv : old) {
    if (kv.second == kEmpty) continue;
    size_t i = kv.first & mask;
    while (table_[i].second != kEmpty) i = (i + 1) & mask;
    table_[i] = kv;
  }
}

uint32_t AveragedPerceptron::Row(uint64_t feature, bool create) {
  size_t mask = table_.size() - 1;
  size_t i = feature & mask;
  while (table_[i].second != kEmpty) {
    if (table_[i].first == feature) return table_[i].second;
    i = (i + 1) & mask;
  }
  if (!create) return kEmpty;
  if ((rows_.size() + 1) * 3 > table_.size() * 2) {
    Grow();
    return Row(feature, create);
  }
  table_[i] = {feature, static_cast<uint32_t>(rows_.size())};
  rows_.emplace_back();
  return table_[i].second;
}

void AveragedPerceptron::Score(const std::vector<uint64_t>& features, float* scores) const {
  size_t mask = table_.size() - 1;
  for (uint64_t f : features) {
    size_t i = f & mask;
    while (table_[i].second != kEmpty && table_[i].first != f) i = (i + 1) & mask;
    if (table_[i].second == kEmpty) continue;
    for (const Entry& e : rows_[table_[i].second]) scores[e.cls] += e.weight;
  }
}

void AveragedPerceptron::Update(const std::vector<uint64_t>& features, int gold, int guess, float step) {
  if (gold == guess) return;
  for (uint64_t f : features) {
    std::vector<Entry>& row = rows_[Row(f, true)];
    for (int cls : {gold, guess}) {
      float delta = cls == gold ? step : -step;
      Entry* e = nullptr;
      for (Entry& x : row)
        if (x.cls == cls) e = &x;
      if (!e) {
        row.push_back({static_cast<uint16_t>(cls), 0.0f, static_cast<uint32_t>(clock_), 0.0});
        e = &row.back();
      }
      e->total += static_cast<double>(e->weight) * static_cast<double>(clock_ - e->stamp);
      e->stamp = static_cast<uint32_t>(clock_);
      e->weight += delta;
    }
  }
}

SparseWeights AveragedPerceptron::Finish(float min_weight) const {
  std::vector<std::pair<uint64_t, std::vector<std::pair<uint16_t, float>>>> kept;
  double clock = static_cast<double>(std::max<uint64_t>(clock_, 1));
  for (const auto& [key, row] : table_) {
    if (row == kEmpty) continue;
    std::vector<std::pair<uint16_t, float>> weights;
    for (const Entry& en : rows_[row]) {
      double total = en.total + static_cast<double>(en.weight) * static_cast<double>(clock_ - en.stamp);
      float avg = static_cast<float>(total / clock);
      if (std::fabs(avg) >= min_weight && avg != 0) weights.emplace_back(en.cls, avg);
    }
    if (!weights.empty()) kept.emplace_back(key, std::move(weights));
  }
  return SparseWeights::Build(num_classes_, std::move(kept));
}

}  // namespace sitrep
