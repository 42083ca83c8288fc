// The article-extraction benchmark's scorer, re-implemented from its description (see the
// header). Shingles are compared through token ids: every distinct token of the page
// gets a number, and a shingle is four numbers, so no shingle text is ever built.
#include "eval/extraction_eval.h"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <unordered_map>

namespace sitrep {
namespace {

constexpr size_t kShingleSize = 4;

bool IsWordCodePoint(UChar32 c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
  // Python's str.isalnum(): letters, and anything with a numeric value.
  return u_isalpha(c) || u_getIntPropertyValue(c, UCHAR_NUMERIC_TYPE) != U_NT_NONE;
}

using Shingle = std::array<uint32_t, kShingleSize>;
constexpr uint32_t kNoToken = 0xFFFFFFFFu;  // pads the one shingle of a short text

struct ShingleHash {
  size_t operator()(const Shingle& s) const {
    uint64_t h = 0x9E3779B97F4A7C15ull;
    for (uint32_t id : s) h = (h ^ id) * 0x100000001B3ull + (h >> 29);
    return static_cast<size_t>(h);
  }
};

class TokenIds {
 public:
  std::vector<uint32_t> Of(const std::vector<std::string_view>& tokens) {
    std::vector<uint32_t> ids;
    ids.reserve(tokens.size());
    for (std::string_view t : tokens)
      ids.push_back(ids_.try_emplace(t, static_cast<uint32_t>(ids_.size())).first->second);
    return ids;
  }

 private:
  std::unordered_map<std::string_view, uint32_t> ids_;
};

// Counts of each shingle in the truth (first) and the prediction (second).
using ShingleCounts = std::unordered_map<Shingle, std::pair<uint32_t, uint32_t>, ShingleHash>;

// The benchmark takes windows i = 0 .. max(1, n - 3) - 1: one window over the whole list
// when it is shorter than a shingle, none when it is empty.
template <typename Add>
void ForEachShingle(const std::vector<uint32_t>& ids, Add add) {
  if (ids.empty()) return;
  if (ids.size() < kShingleSize) {
    Shingle s;
    s.fill(kNoToken);
    std::copy(ids.begin(), ids.end(), s.begin());
    add(s);
    return;
  }
  for (size_t i = 0; i + kShingleSize <= ids.size(); ++i) {
    Shingle s;
    std::copy(ids.begin() + i, ids.begin() + i + kShingleSize, s.begin());
    add(s);
  }
}

double Mean(const std::vector<double>& values) {
  if (values.empty()) return 0;
  double sum = 0;
  for (double v : values) sum += v;
  return sum / values.size();
}

double StdDev(const std::vector<double>& values) {
  if (values.size() < 2) return 0;
  double mean = Mean(values), sum = 0;
  for (double v : values) sum += (v - mean) * (v - mean);
  return std::sqrt(sum / (values.size() - 1));
}

// The benchmark's per-page precision and recall: perfect when nothing is wrong.
double PagePrecision(const ShingleMatch& m) {
  if (m.fp == 0 && m.fn == 0) return 1;
  return m.tp / (m.tp + m.fp);
}
double PageRecall(const ShingleMatch& m) {
  if (m.fp == 0 && m.fn == 0) return 1;
  return m.tp / (m.tp + m.fn);
}

}  // namespace

std::vector<std::string_view> WordTokens(std::string_view text) {
  std::vector<std::string_view> tokens;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int64_t>(text.size());
  int64_t start = -1;
  for (int64_t i = 0; i < length;) {
    int64_t at = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);  // c < 0 for an invalid sequence
    bool word = c >= 0 && IsWordCodePoint(c);
    if (word && start < 0) start = at;
    if (!word && start >= 0) {
      tokens.push_back(text.substr(start, at - start));
      start = -1;
    }
  }
  if (start >= 0) tokens.push_back(text.substr(start));
  return tokens;
}

ShingleMatch MatchShingles(std::string_view truth, std::string_view predicted) {
  TokenIds ids;
  std::vector<uint32_t> truth_ids = ids.Of(WordTokens(truth));
  std::vector<uint32_t> predicted_ids = ids.Of(WordTokens(predicted));
  ShingleCounts counts;
  ForEachShingle(truth_ids, [&](const Shingle& s) { ++counts[s].first; });
  ForEachShingle(predicted_ids, [&](const Shingle& s) { ++counts[s].second; });
  double tp = 0, fp = 0, fn = 0;
  for (const auto& [shingle, count] : counts) {
    auto [in_truth, in_prediction] = count;
    tp += std::min(in_truth, in_prediction);
    if (in_prediction > in_truth) fp += in_prediction - in_truth;
    if (in_truth > in_prediction) fn += in_truth - in_prediction;
  }
  double sum = tp + fp + fn;
  if (sum == 0) return {};
  return {tp / sum, fp / sum, fn / sum};
}

bool SameTokens(std::string_view truth, std::string_view predicted) {
  return WordTokens(truth) == WordTokens(predicted);
}

PageScore ScorePage(std::string_view truth, std::string_view predicted) {
  return {MatchShingles(truth, predicted), SameTokens(truth, predicted)};
}

ExtractionScore Summarise(const std::vector<PageScore>& pages) {
  std::vector<double> precisions, recalls, exact;
  for (const PageScore& page : pages) {
    const ShingleMatch& m = page.match;
    // A page with nothing predicted has no precision; one with nothing to find, no recall.
    if (m.tp + m.fp > 0) precisions.push_back(PagePrecision(m));
    if (m.tp + m.fn > 0) recalls.push_back(PageRecall(m));
    exact.push_back(page.exact ? 1 : 0);
  }
  ExtractionScore score;
  score.precision = Mean(precisions);
  score.recall = Mean(recalls);
  double sum = score.precision + score.recall;
  score.f1 = sum > 0 ? 2 * score.precision * score.recall / sum : 0;
  score.accuracy = Mean(exact);
  return score;
}

ExtractionScore BootstrapSpread(const std::vector<PageScore>& pages, int samples, uint64_t seed) {
  if (pages.empty() || samples < 2) return {};
  std::mt19937_64 random(seed);
  std::uniform_int_distribution<size_t> pick(0, pages.size() - 1);
  std::vector<double> f1, precision, recall, accuracy;
  std::vector<PageScore> resample(pages.size());
  for (int k = 0; k < samples; ++k) {
    for (PageScore& page : resample) page = pages[pick(random)];
    ExtractionScore s = Summarise(resample);
    f1.push_back(s.f1);
    precision.push_back(s.precision);
    recall.push_back(s.recall);
    accuracy.push_back(s.accuracy);
  }
  return {StdDev(f1), StdDev(precision), StdDev(recall), StdDev(accuracy)};
}

std::string ScoreLine(const ExtractionScore& score) {
  return fmt::format("extraction: f1={:.3f} precision={:.3f} recall={:.3f} accuracy={:.3f}", score.f1,
                     score.precision, score.recall, score.accuracy);
}

Result<std::map<std::string, std::string>> ReadArticleBodies(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(Code::kNotFound, "cannot open this file").At(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  nlohmann::json doc = nlohmann::json::parse(buffer.str(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Status(Code::kParse, "not valid JSON").At(path);
  if (doc.is_object() && doc.contains("output") && doc["output"].is_object()) doc = doc["output"];
  if (!doc.is_object()) return Status(Code::kParse, "expected an object of {id: {articleBody}}").At(path);
  std::map<std::string, std::string> bodies;
  for (const auto& [id, item] : doc.items()) {
    if (!item.is_object())
      return Status(Code::kParse, fmt::format("item {} is not an object", id)).At(path);
    auto body = item.find("articleBody");
    if (body != item.end() && !body->is_string() && !body->is_null())
      return Status(Code::kParse, fmt::format("item {} has an articleBody that is not a string", id)).At(path);
    bodies[id] = body != item.end() && body->is_string() ? body->get<std::string>() : std::string();
  }
  return bodies;
}

}  // namespace sitrep
