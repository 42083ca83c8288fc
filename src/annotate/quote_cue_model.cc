// The learnt cue classifier (see quote_cue_model.h).
#include "annotate/quote_cue_model.h"

#include <algorithm>
#include <cmath>

#include "annotate/quote_cues.h"
#include "train/model_file.h"
#include "train/perceptron.h"

namespace sitrep {

namespace {

constexpr const char* kKind = "quote_cues";
constexpr uint32_t kWindow = 48;  // tokens either side searched for dependents
constexpr uint64_t kMaxFeatures = 4'000'000;

// Feature templates: the first argument of Feature(), so equal values of different
// templates hash apart.
enum Template : uint64_t {
  kBias = 1, kWord, kLemma, kXpos, kRel, kHeadPos, kRelLemma, kChild, kChildLemma, kChildWord,
  kPrev, kNext, kNext2, kLexicon, kQuoteMark, kLemmaNext, kChildCount, kPrevPos, kNextPos,
};

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

const Sentence* SentenceOf(const Doc& doc, uint32_t k) {
  const auto& sents = doc.sentences();
  auto it = std::upper_bound(sents.begin(), sents.end(), k,
                             [](uint32_t t, const Sentence& s) { return t < s.token_begin; });
  if (it == sents.begin()) return nullptr;
  --it;
  return k < it->token_end ? &*it : nullptr;
}

bool IsQuoteMark(std::string_view w) {
  return w == "\"" || w == "\u201c" || w == "\u201d" || w == "\u2018" || w == "\u2019" || w == "``" || w == "''";
}

}  // namespace

bool IsCueCandidate(const Doc& doc, uint32_t k) {
  const Token& t = doc.tokens()[k];
  return (t.upos == "VERB" || t.upos == "NOUN") && !t.deprel.empty();
}

void CueFeatures(const Doc& doc, uint32_t k, std::vector<uint64_t>* out) {
  out->clear();
  const auto& tok = doc.tokens();
  const Token& t = tok[k];
  const Sentence* sent = SentenceOf(doc, k);
  uint32_t b = sent ? sent->token_begin : k, e = sent ? sent->token_end : k + 1;
  std::string word = LowerAscii(doc.Slice(t.span));
  uint64_t lemma = HashString(t.lemma.empty() ? word : t.lemma);
  auto low = [&](uint32_t i) { return HashString(LowerAscii(doc.Slice(tok[i].span))); };
  out->push_back(Feature(kBias, 0));
  out->push_back(Feature(kWord, HashString(word)));
  out->push_back(Feature(kLemma, lemma));
  out->push_back(Feature(kXpos, HashString(t.xpos)));
  out->push_back(Feature(kRel, HashString(t.deprel)));
  out->push_back(Feature(kRelLemma, HashString(t.deprel), lemma));
  std::string_view head_pos = t.head >= 0 && static_cast<size_t>(t.head) < tok.size() ? tok[t.head].upos : "ROOT";
  out->push_back(Feature(kHeadPos, HashString(head_pos), HashString(t.deprel)));
  uint64_t prev = k > b ? low(k - 1) : 0, next = k + 1 < e ? low(k + 1) : 0;
  out->push_back(Feature(kPrev, prev));
  out->push_back(Feature(kNext, next));
  out->push_back(Feature(kLemmaNext, lemma, next));
  out->push_back(Feature(kNext2, next, k + 2 < e ? low(k + 2) : 0));
  out->push_back(Feature(kPrevPos, k > b ? HashString(tok[k - 1].xpos) : 0));
  out->push_back(Feature(kNextPos, k + 1 < e ? HashString(tok[k + 1].xpos) : 0));
  const CueEntry* entry = FindCue(word);
  out->push_back(Feature(kLexicon, entry ? 1 + static_cast<uint64_t>(entry->cls) : 0));
  bool mark = false;
  uint32_t lo = std::max(b, k > kWindow ? k - kWindow : 0), hi = std::min(e, k + kWindow);
  int children = 0;
  for (uint32_t i = lo; i < hi; ++i) {
    if (IsQuoteMark(doc.Slice(tok[i].span))) mark = true;
    if (tok[i].head != static_cast<int32_t>(k)) continue;
    ++children;
    uint64_t rel = Combine(HashString(tok[i].deprel), i < k ? 1 : 2);
    out->push_back(Feature(kChild, rel));
    out->push_back(Feature(kChildLemma, rel, lemma));
    // The word of a function-word dependent ("that", "about", "by") says how the content
    // is attached.
    std::string_view up = tok[i].upos;
    if (up == "SCONJ" || up == "ADP" || up == "PART" || up == "PRON" || up == "AUX")
      out->push_back(Feature(kChildWord, rel, low(i)));
  }
  out->push_back(Feature(kChildCount, static_cast<uint64_t>(std::min(children, 6))));
  out->push_back(Feature(kQuoteMark, mark ? 1 : 0));
}

float QuoteCueModel::Score(const Doc& doc, uint32_t k) const {
  thread_local std::vector<uint64_t> features;
  CueFeatures(doc, k, &features);
  float score = 0;
  for (uint64_t f : features) {
    auto it = std::lower_bound(keys_.begin(), keys_.end(), f);
    if (it != keys_.end() && *it == f) score += weights_[it - keys_.begin()];
  }
  return score;
}

Status QuoteCueModel::Save(const std::string& path) const {
  ModelWriter writer(kKind);
  SectionWriter params;
  params.F32(threshold_);
  writer.AddSection("params", params.Take());
  SectionWriter weights;
  weights.Array(keys_);
  weights.Array(weights_);
  writer.AddSection("weights", weights.Take());
  return writer.Write(path);
}

Result<QuoteCueModel> QuoteCueModel::Load(const std::string& path) {
  auto file = ModelFile::Load(path, kKind);
  if (!file.ok()) return file.status();
  QuoteCueModel model;
  SectionReader params = file->Section("params");
  model.threshold_ = params.F32();
  if (params.ok() && !std::isfinite(model.threshold_)) params.Fail("the threshold is not a number");
  SITREP_RETURN_IF_ERROR(params.Finish());
  SectionReader weights = file->Section("weights");
  model.keys_ = weights.Array<uint64_t>(kMaxFeatures);
  uint64_t at = weights.offset();
  model.weights_ = weights.Array<float>(kMaxFeatures);
  if (weights.ok() && model.weights_.size() != model.keys_.size())
    weights.Fail("the weights do not match the feature table");
  if (weights.ok() && !std::is_sorted(model.keys_.begin(), model.keys_.end()))
    return file->Error("the feature table is not sorted", at);
  for (float w : model.weights_)
    if (weights.ok() && !std::isfinite(w)) weights.Fail("a weight is not a number");
  SITREP_RETURN_IF_ERROR(weights.Finish());
  return model;
}

Result<QuoteCueModel> QuoteCueModel::LoadDefault() { return Load(DefaultModelDir() + "/" + kQuoteCueModelFile); }

bool QuoteCueTrainer::Learn(const std::vector<uint64_t>& features, bool is_cue) {
  ++step_;
  float score = 0;
  for (uint64_t f : features)
    if (auto it = weights_.find(f); it != weights_.end()) score += it->second.w;
  bool right = (score > 0) == is_cue;
  if (right) return true;
  float delta = is_cue ? 1.0f : -1.0f;
  for (uint64_t f : features) {
    Weight& w = weights_[f];
    // Bring the running total up to now before the weight changes (lazy averaging).
    w.total += w.w * static_cast<float>(step_ - w.stamp);
    w.stamp = step_;
    w.w += delta;
  }
  return false;
}

QuoteCueModel QuoteCueTrainer::Finish(float min_weight) const {
  std::vector<std::pair<uint64_t, float>> kept;
  for (const auto& [key, w] : weights_) {
    float total = w.total + w.w * static_cast<float>(step_ - w.stamp);
    float average = step_ > 0 ? total / static_cast<float>(step_) : 0;
    if (std::fabs(average) >= min_weight) kept.emplace_back(key, average);
  }
  std::sort(kept.begin(), kept.end());
  QuoteCueModel model;
  for (const auto& [key, w] : kept) {
    model.keys_.push_back(key);
    model.weights_.push_back(w);
  }
  return model;
}

}  // namespace sitrep
