// The entity model: word description, feature templates, constrained greedy decoding,
// the model file sections, and the runtime recogniser.
#include "annotate/ner.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <unordered_map>

#include <fmt/format.h>

#include "train/tagger_model.h"

namespace sitrep {

namespace {

// Feature template numbers. Never renumber: a model's weights are keyed by them.
enum Template : uint64_t {
  kBias = 1, kForm, kLower, kPrefix1, kPrefix2, kPrefix3, kPrefix4, kSuffix1, kSuffix2, kSuffix3, kSuffix4,
  kShape, kShortShape, kFlags, kFirstShape, kLowerM1, kLowerM2, kLowerP1, kLowerP2, kLowerM1W, kLowerWP1,
  kShapeM1, kShapeP1, kShapeM1W, kShapeWP1, kShapeM2, kShapeP2, kCluster0, kCluster1, kCluster2, kClusterM1,
  kClusterP1, kClusterM1Fine, kClusterP1Fine, kGazWord, kGazWordCase, kGazName, kGazNameCase, kGazNameAll,
  kGazNameM1, kGazNameP1, kPrev1, kPrev12, kPrev1Lower, kPrev1Shape, kCaseShape, kCaseGaz, kPos, kPosM1,
  kPosP1, kPosWord, kSuffixM1, kSuffixP1, kLowerM1P1, kPrev1Gaz, kDocCase, kDocCaseGaz,
};

// The word's case in a few values, for crossing with other features.
uint64_t CaseClass(uint32_t flags) {
  if (flags & kNerTitle) return 1;
  if (flags & kNerAllUpper) return 2;
  if (flags & kNerLower) return 3;
  if (flags & kNerMixed) return 4;
  if (flags & kNerUncased) return 5;
  return 6;
}

char ShapeOf(UChar32 c) {
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') return 'X';
    if (c >= 'a' && c <= 'z') return 'x';
    if (c >= '0' && c <= '9') return 'd';
    return static_cast<char>(c);
  }
  if (u_isupper(c) || u_istitle(c)) return 'X';
  if (u_islower(c)) return 'x';
  if (u_isdigit(c)) return 'd';
  if (u_isalpha(c)) return 'c';  // a letter without case
  return 'u';
}

}  // namespace

void DescribeNerWord(std::string_view word, const WordClusters& clusters, NerWord* info) {
  *info = NerWord();
  std::string lower = NormalizeWord(word);  // ASCII lower case, digits as 0: the word classes' key
  info->form = HashString(word);
  info->lower = HashString(lower);
  for (int k = 0; k < 4; ++k) {
    size_t n = std::min<size_t>(k + 1, lower.size());
    info->suffix[k] = HashString(std::string_view(lower).substr(lower.size() - n)) + k;
    info->prefix[k] = HashString(std::string_view(lower).substr(0, n)) + k;
  }
  std::string shape, short_shape;
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  int32_t n = static_cast<int32_t>(word.size());
  int letters = 0, upper = 0, lower_count = 0, uncased = 0, chars = 0;
  bool first_upper = false, later_upper = false;
  uint32_t flags = 0;
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) c = 0xFFFD;
    ++chars;
    char sc = ShapeOf(c);
    if (c >= 0x80) flags |= kNerNonAscii;
    if (sc == 'X') {
      if (letters == 0) first_upper = true;
      else later_upper = true;
      ++letters, ++upper;
    } else if (sc == 'x') {
      ++letters, ++lower_count;
    } else if (sc == 'c') {
      ++letters, ++uncased;
    } else if (sc == 'd') {
      flags |= kNerDigit;
    } else if (c == '-') {
      flags |= kNerHyphen;
    } else if (c == '.') {
      flags |= kNerPeriod;
    }
    // The full shape keeps runs up to four; the short shape collapses every run.
    size_t run = 0;
    while (run < shape.size() && run < 4 && shape[shape.size() - 1 - run] == sc) ++run;
    if (run < 4 && shape.size() < 24) shape.push_back(sc);
    if ((short_shape.empty() || short_shape.back() != sc) && short_shape.size() < 12) short_shape.push_back(sc);
  }
  if (letters == 0) flags |= kNerNoLetter;
  else if (uncased == letters) flags |= kNerUncased;
  else if (lower_count == 0) flags |= kNerAllUpper;
  else if (upper == 0) flags |= kNerLower;
  else if (first_upper && !later_upper) flags |= kNerTitle;
  else flags |= kNerMixed;
  if (chars == 1) flags |= kNerOneChar;
  info->flags = flags;
  info->shape = HashString(shape);
  info->short_shape = HashString(short_shape);
  if (!clusters.empty()) {
    WordClusters::Ids ids = clusters.Lookup(info->lower);
    for (int k = 0; k < WordClusters::kLevels; ++k) info->cluster[k] = ids[k];
  }
}

SentenceCase ClassifySentenceCase(const std::vector<NerWord>& words) {
  int cased = 0, upper = 0, title = 0, lower = 0;
  for (const NerWord& w : words) {
    if (w.flags & (kNerNoLetter | kNerUncased)) continue;
    ++cased;
    if (w.flags & kNerAllUpper) ++upper;
    else if (w.flags & (kNerTitle | kNerMixed)) ++title;
    else if (w.flags & kNerLower) ++lower;
  }
  if (cased < 3) return SentenceCase::kNormal;
  if (upper * 10 >= cased * 8) return SentenceCase::kUpper;
  if (lower == cased) return SentenceCase::kLower;
  if (cased >= 4 && (title + upper) * 10 >= cased * 7) return SentenceCase::kTitle;
  return SentenceCase::kNormal;
}

void SetDocCase(const std::vector<std::vector<NerWord>*>& sentences) {
  // Per word: how often capitalised inside ordinary sentences, how often in lower case.
  std::unordered_map<uint64_t, std::pair<uint32_t, uint32_t>> seen;
  auto counts = [](const NerWord& w, size_t i, bool normal) -> std::pair<uint32_t, uint32_t> {
    if (!normal || (w.flags & (kNerNoLetter | kNerUncased))) return {0, 0};
    if (w.flags & kNerLower) return {0, 1};
    return {i > 0 && (w.flags & (kNerTitle | kNerMixed | kNerAllUpper)) ? 1u : 0u, 0};
  };
  std::vector<bool> normal(sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s) {
    normal[s] = ClassifySentenceCase(*sentences[s]) == SentenceCase::kNormal;
    for (size_t i = 0; i < sentences[s]->size(); ++i) {
      auto [cap, low] = counts((*sentences[s])[i], i, normal[s]);
      auto& c = seen[(*sentences[s])[i].lower];
      c.first += cap, c.second += low;
    }
  }
  for (size_t s = 0; s < sentences.size(); ++s) {
    for (size_t i = 0; i < sentences[s]->size(); ++i) {
      NerWord& w = (*sentences[s])[i];
      auto [cap, low] = counts(w, i, normal[s]);
      const auto& c = seen[w.lower];
      w.doc_case = static_cast<uint8_t>((c.first > cap ? 1 : 0) | (c.second > low ? 2 : 0));
    }
  }
}

bool NerAllowed(int prev, int next) {
  int prev_part = prev <= 0 ? -1 : NerPart(prev);
  bool open = prev_part == 0 || prev_part == 1;  // after B or I a span is open
  if (!open) return next == 0 || NerPart(next) == 0 || NerPart(next) == 3;
  return next != 0 && NerType(next) == NerType(prev) && (NerPart(next) == 1 || NerPart(next) == 2);
}

void NerFeatures(const std::vector<NerWord>& words, SentenceCase sentence_case, const std::vector<int>& labels,
                 size_t i, bool use_pos, std::vector<uint64_t>* out) {
  static const NerWord kBoundary = [] {
    NerWord b;
    b.form = b.lower = b.shape = b.short_shape = b.upos = 0x51ED27;
    for (auto& x : b.suffix) x = 0x51ED27;
    for (auto& x : b.cluster) x = 0xFFFF;
    b.gaz_pos = 7;
    return b;
  }();
  size_t n = words.size();
  auto at = [&](ptrdiff_t k) -> const NerWord& {
    ptrdiff_t j = static_cast<ptrdiff_t>(i) + k;
    return j < 0 || j >= static_cast<ptrdiff_t>(n) ? kBoundary : words[j];
  };
  auto label_at = [&](ptrdiff_t k) -> uint64_t {
    ptrdiff_t j = static_cast<ptrdiff_t>(i) + k;
    return j < 0 ? 1000 : static_cast<uint64_t>(labels[j] + 1);
  };
  const NerWord& w = words[i];
  const NerWord& m1 = at(-1);
  const NerWord& m2 = at(-2);
  const NerWord& p1 = at(1);
  const NerWord& p2 = at(2);
  uint64_t l1 = label_at(-1), l2 = label_at(-2);
  uint64_t cc = CaseClass(w.flags);
  uint64_t sc = static_cast<uint64_t>(sentence_case);
  out->clear();
  out->push_back(Feature(kBias, 0));
  out->push_back(Feature(kForm, w.form));
  out->push_back(Feature(kLower, w.lower));
  for (int k = 0; k < 4; ++k) {
    out->push_back(Feature(kPrefix1 + k, w.prefix[k]));
    out->push_back(Feature(kSuffix1 + k, w.suffix[k]));
  }
  out->push_back(Feature(kShape, w.shape));
  out->push_back(Feature(kShortShape, w.short_shape));
  out->push_back(Feature(kFlags, w.flags));
  out->push_back(Feature(kFirstShape, i == 0, w.short_shape));
  out->push_back(Feature(kLowerM1, m1.lower));
  out->push_back(Feature(kLowerM2, m2.lower));
  out->push_back(Feature(kLowerP1, p1.lower));
  out->push_back(Feature(kLowerP2, p2.lower));
  out->push_back(Feature(kLowerM1W, m1.lower, w.lower));
  out->push_back(Feature(kLowerWP1, w.lower, p1.lower));
  out->push_back(Feature(kLowerM1P1, m1.lower, p1.lower));
  out->push_back(Feature(kSuffixM1, m1.suffix[2]));
  out->push_back(Feature(kSuffixP1, p1.suffix[2]));
  out->push_back(Feature(kShapeM1, m1.short_shape));
  out->push_back(Feature(kShapeP1, p1.short_shape));
  out->push_back(Feature(kShapeM2, m2.short_shape));
  out->push_back(Feature(kShapeP2, p2.short_shape));
  out->push_back(Feature(kShapeM1W, m1.short_shape, w.short_shape));
  out->push_back(Feature(kShapeWP1, w.short_shape, p1.short_shape));
  if (w.cluster[0]) {
    out->push_back(Feature(kCluster0, w.cluster[0]));
    out->push_back(Feature(kCluster1, w.cluster[1]));
    out->push_back(Feature(kCluster2, w.cluster[2]));
  }
  out->push_back(Feature(kClusterM1, m1.cluster[1]));
  out->push_back(Feature(kClusterP1, p1.cluster[1]));
  out->push_back(Feature(kClusterM1Fine, m1.cluster[2]));
  out->push_back(Feature(kClusterP1Fine, p1.cluster[2]));
  for (int b = 0; b < kGazetteerTypes; ++b) {
    if (w.gaz_word & (1u << b)) {
      out->push_back(Feature(kGazWord, b));
      out->push_back(Feature(kGazWordCase, b, cc));
    }
    if (w.gaz_name & (1u << b)) {
      out->push_back(Feature(kGazName, b, w.gaz_pos));
      out->push_back(Feature(kGazNameCase, b, w.gaz_pos, cc));
      out->push_back(Feature(kCaseGaz, b, sc, cc));
    }
  }
  out->push_back(Feature(kGazNameAll, w.gaz_name, w.gaz_pos));
  out->push_back(Feature(kGazNameM1, m1.gaz_name, m1.gaz_pos));
  out->push_back(Feature(kGazNameP1, p1.gaz_name, p1.gaz_pos));
  out->push_back(Feature(kPrev1, l1));
  out->push_back(Feature(kPrev12, l1, l2));
  out->push_back(Feature(kPrev1Lower, l1, w.lower));
  out->push_back(Feature(kPrev1Shape, l1, w.short_shape));
  out->push_back(Feature(kPrev1Gaz, l1, w.gaz_name, w.gaz_pos));
  out->push_back(Feature(kCaseShape, sc, w.short_shape, i == 0));
  out->push_back(Feature(kDocCase, w.doc_case, CaseClass(w.flags), i == 0 ? 1 + sc : 0));
  out->push_back(Feature(kDocCaseGaz, w.doc_case, w.gaz_name & 0xFF));
  if (use_pos) {
    out->push_back(Feature(kPos, w.upos));
    out->push_back(Feature(kPosM1, m1.upos, w.upos));
    out->push_back(Feature(kPosP1, w.upos, p1.upos));
    out->push_back(Feature(kPosWord, w.upos, w.short_shape));
  }
}

std::string NerModel::LabelName(int label) const {
  if (label <= 0 || NerType(label) >= static_cast<int>(types_.size())) return "O";
  static constexpr const char* kParts[] = {"B-", "I-", "L-", "U-"};
  return kParts[NerPart(label)] + types_[NerType(label)];
}

void NerModel::Describe(const std::vector<std::string_view>& words, const std::vector<std::string_view>& upos,
                        const Gazetteer* gazetteer, std::vector<NerWord>* out) const {
  DescribeRaw(words, upos, gazetteer, out);
  SetDocCase({out});
  MaskRare(out);
}

void NerModel::DescribeDoc(const std::vector<std::vector<std::string_view>>& sentences,
                           const std::vector<std::vector<std::string_view>>& upos, const Gazetteer* gazetteer,
                           std::vector<std::vector<NerWord>>* out) const {
  out->resize(sentences.size());
  std::vector<std::vector<NerWord>*> all;
  static const std::vector<std::string_view> kNone;
  for (size_t s = 0; s < sentences.size(); ++s) {
    DescribeRaw(sentences[s], s < upos.size() ? upos[s] : kNone, gazetteer, &(*out)[s]);
    all.push_back(&(*out)[s]);
  }
  SetDocCase(all);
  for (auto* words : all) MaskRare(words);
}

void NerModel::MaskRare(std::vector<NerWord>* words) const {
  if (vocab_.empty()) return;
  for (NerWord& w : *words)
    if (!vocab_.count(w.lower)) w.form = w.lower = kNerUnknownWord;
}

void NerModel::DescribeRaw(const std::vector<std::string_view>& words, const std::vector<std::string_view>& upos,
                           const Gazetteer* gazetteer, std::vector<NerWord>* out) const {
  size_t n = words.size();
  out->resize(n);
  for (size_t i = 0; i < n; ++i) {
    NerWord& w = (*out)[i];
    DescribeNerWord(words[i], clusters_, &w);
    if (i < upos.size()) w.upos = HashString(upos[i]);
  }
  if (!gazetteer || gazetteer->size() == 0) return;
  std::vector<std::string> keys(n);
  for (size_t i = 0; i < n; ++i) keys[i] = Gazetteer::MatchKey(words[i]);
  std::vector<GazetteerMatch> matches;
  gazetteer->FindAll(keys, &matches);
  // Single-word verdicts, and the longest names, leftmost first, that do not overlap. A
  // name written in lower case and made of common words ("of", "north") is not one.
  for (const GazetteerMatch& m : matches)
    if (m.end == m.begin + 1) (*out)[m.begin].gaz_word = m.bits;
  auto common = [&](uint32_t k) { return ((*out)[k].gaz_word & kGazCommon) && ((*out)[k].flags & kNerLower); };
  size_t covered = 0;
  for (const GazetteerMatch& m : matches) {
    if (m.begin < covered || !(m.bits & kGazNameBits)) continue;
    bool all_common = true;
    for (uint32_t k = m.begin; k < m.end && all_common; ++k) all_common = common(k);
    if (all_common) continue;
    for (uint32_t k = m.begin; k < m.end; ++k) {
      NerWord& w = (*out)[k];
      w.gaz_name = m.bits & kGazNameBits;
      w.gaz_pos = m.end == m.begin + 1 ? 4 : k == m.begin ? 1 : k + 1 == m.end ? 3 : 2;
    }
    covered = m.end;
  }
}

void NerModel::DecodeWith(const SparseWeights& weights, const std::vector<NerWord>& words, std::vector<int>* labels,
                          std::vector<float>* probs) const {
  size_t n = words.size();
  labels->assign(n, 0);
  if (probs) probs->assign(n, 1.0f);
  if (n == 0) return;
  SentenceCase sc = ClassifySentenceCase(words);
  std::vector<uint64_t> features;
  int num = num_labels();
  std::vector<float> scores(num);
  for (size_t i = 0; i < n; ++i) {
    NerFeatures(words, sc, *labels, i, use_pos_, &features);
    std::fill(scores.begin(), scores.end(), 0.0f);
    weights.Score(features, scores.data());
    int prev = i == 0 ? -1 : (*labels)[i - 1];
    int best = -1;
    for (int l = 0; l < num; ++l) {
      if (!NerAllowed(prev, l)) continue;
      // The last word closes any span: no B or I there.
      if (i + 1 == n && l != 0 && NerPart(l) < 2) continue;
      if (best < 0 || scores[l] > scores[best]) best = l;
    }
    (*labels)[i] = best;
    if (probs) {
      double total = 0;
      for (int l = 0; l < num; ++l) {
        if (!NerAllowed(prev, l) || (i + 1 == n && l != 0 && NerPart(l) < 2)) continue;
        total += std::exp((scores[l] - scores[best]) / temperature_);
      }
      (*probs)[i] = static_cast<float>(1.0 / total);
    }
  }
}

void NerModel::Decode(const std::vector<NerWord>& words, std::vector<int>* labels, std::vector<float>* probs) const {
  DecodeWith(weights_, words, labels, probs);
}

Status NerModel::Write(const std::string& path) const {
  ModelWriter writer(std::string{kNerKind});
  SectionWriter types;
  types.U32(static_cast<uint32_t>(types_.size()));
  for (const std::string& t : types_) types.String(t);
  writer.AddSection("types", types.Take());
  SectionWriter params;
  params.U8(use_pos_ ? 1 : 0);
  params.F32(temperature_);
  params.U64(gazetteer_fingerprint_);
  writer.AddSection("params", params.Take());
  SectionWriter vocab;
  std::vector<uint64_t> words(vocab_.begin(), vocab_.end());
  std::sort(words.begin(), words.end());
  vocab.Array(words);
  writer.AddSection("vocab", vocab.Take());
  SectionWriter clusters, weights;
  clusters_.Write(&clusters);
  weights_.Write(&weights);
  writer.AddSection("clusters", clusters.Take());
  writer.AddSection("weights", weights.Take());
  return writer.Write(path);
}

Result<NerModel> NerModel::Load(const std::string& path) {
  auto file = ModelFile::Load(path, kNerKind);
  if (!file.ok()) return file.status();
  return FromFile(*file);
}

Result<NerModel> NerModel::FromFile(const ModelFile& file) {
  NerModel model;
  SectionReader types = file.Section("types");
  uint32_t n = types.U32();
  if (types.ok() && (n == 0 || n > 64)) types.Fail(fmt::format("bad number of entity types {}", n));
  for (uint32_t t = 0; t < n && types.ok(); ++t) model.types_.push_back(types.String());
  SITREP_RETURN_IF_ERROR(types.Finish());
  SectionReader params = file.Section("params");
  model.use_pos_ = params.U8() != 0;
  model.temperature_ = params.F32();
  model.gazetteer_fingerprint_ = params.U64();
  if (params.ok() && !(model.temperature_ > 0 && std::isfinite(model.temperature_)))
    params.Fail("the temperature is not a positive number");
  SITREP_RETURN_IF_ERROR(params.Finish());
  SectionReader vocab = file.Section("vocab");
  std::vector<uint64_t> words = vocab.Array<uint64_t>();
  SITREP_RETURN_IF_ERROR(vocab.Finish());
  model.vocab_.insert(words.begin(), words.end());
  SectionReader clusters = file.Section("clusters");
  auto c = WordClusters::Read(&clusters);
  if (!c.ok()) return c.status();
  SITREP_RETURN_IF_ERROR(clusters.Finish());
  model.clusters_ = std::move(c).value();
  SectionReader weights = file.Section("weights");
  auto w = SparseWeights::Read(&weights);
  if (!w.ok()) return w.status();
  SITREP_RETURN_IF_ERROR(weights.Finish());
  if (w->num_features() && w->num_classes() != model.num_labels())
    return file.Error(fmt::format("the weights have {} labels, not {}", w->num_classes(), model.num_labels()),
                      weights.offset());
  model.weights_ = std::move(w).value();
  return model;
}

uint64_t GazetteerFingerprint(const Gazetteer& gazetteer) {
  uint64_t h = Combine(0x6A7E77EE5ULL, gazetteer.size());
  for (size_t i = 0; i < gazetteer.size(); ++i) h = Combine(Combine(h, HashString(gazetteer.name(i))), gazetteer.bits(i));
  return h;
}

Result<std::shared_ptr<const NamedEntityRecognizer>> NamedEntityRecognizer::Load(const std::string& model_path,
                                                                                 const std::string& gazetteer_path) {
  auto model = NerModel::Load(model_path);
  if (!model.ok()) return model.status();
  std::shared_ptr<const Gazetteer> gazetteer;
  if (model->gazetteer_fingerprint() != 0) {
    auto g = Gazetteer::Load(gazetteer_path);
    if (!g.ok()) return g.status();
    if (GazetteerFingerprint(**g) != model->gazetteer_fingerprint())
      return Status(Code::kModel, fmt::format("this model was trained with another gazetteer than {}; retrain it "
                                              "(scripts/train-ner.sh)", gazetteer_path))
          .At(model_path);
    gazetteer = std::move(g).value();
  } else {
    gazetteer = std::make_shared<Gazetteer>();
  }
  return std::shared_ptr<const NamedEntityRecognizer>(
      std::make_shared<NamedEntityRecognizer>(std::move(model).value(), std::move(gazetteer)));
}

Result<std::shared_ptr<const NamedEntityRecognizer>> NamedEntityRecognizer::LoadDir(const std::string& dir) {
  return Load(dir + "/ner.model", dir + "/gazetteer.bin");
}

Result<std::shared_ptr<const NamedEntityRecognizer>> NamedEntityRecognizer::LoadDefault() {
  static std::once_flag once;
  static Result<std::shared_ptr<const NamedEntityRecognizer>>* loaded = nullptr;
  std::call_once(once, [] { loaded = new Result<std::shared_ptr<const NamedEntityRecognizer>>(LoadDir(DefaultModelDir())); });
  return *loaded;
}

void NamedEntityRecognizer::Recognize(const std::vector<std::string_view>& words,
                                      const std::vector<std::string_view>& upos,
                                      std::vector<NamedEntity>* entities) const {
  RecognizeSentence(words, upos, /*confidence=*/true, entities);
}

void NamedEntityRecognizer::RecognizeSentence(const std::vector<std::string_view>& words,
                                              const std::vector<std::string_view>& upos, bool confidence,
                                              std::vector<NamedEntity>* entities) const {
  std::vector<NerWord> infos;
  model_.Describe(words, model_.uses_pos() ? upos : std::vector<std::string_view>{}, gazetteer_.get(), &infos);
  std::vector<int> labels;
  std::vector<float> probs;
  model_.Decode(infos, &labels, confidence ? &probs : nullptr);
  EntitiesFromLabels(labels, probs, entities);
}

void NamedEntityRecognizer::EntitiesFromLabels(const std::vector<int>& labels, const std::vector<float>& probs,
                                               std::vector<NamedEntity>* entities) const {
  entities->clear();
  for (size_t i = 0; i < labels.size(); ++i) {
    int part = NerPart(labels[i]);
    if (part == 0 || part == 3) {
      NamedEntity e;
      e.begin = static_cast<uint32_t>(i);
      e.type = model_.types()[NerType(labels[i])];
      e.confidence = i < probs.size() ? probs[i] : 1.0f;
      entities->push_back(e);
    } else if (part < 0 || entities->empty()) {
      continue;
    }
    entities->back().end = static_cast<uint32_t>(i + 1);
    if (i < probs.size()) entities->back().confidence = std::min(entities->back().confidence, probs[i]);
  }
}

void NamedEntityRecognizer::RecognizeDoc(const std::vector<std::vector<std::string_view>>& sentences,
                                         const std::vector<std::vector<std::string_view>>& upos,
                                         std::vector<std::vector<NamedEntity>>* entities) const {
  RecognizeDocument(sentences, upos, /*confidence=*/true, entities);
}

void NamedEntityRecognizer::RecognizeDocument(const std::vector<std::vector<std::string_view>>& sentences,
                                              const std::vector<std::vector<std::string_view>>& upos,
                                              bool confidence, std::vector<std::vector<NamedEntity>>* entities) const {
  std::vector<std::vector<NerWord>> infos;
  static const std::vector<std::vector<std::string_view>> kNone;
  model_.DescribeDoc(sentences, model_.uses_pos() ? upos : kNone, gazetteer_.get(), &infos);
  entities->assign(sentences.size(), {});
  std::vector<int> labels;
  std::vector<float> probs;
  for (size_t s = 0; s < sentences.size(); ++s) {
    model_.Decode(infos[s], &labels, confidence ? &probs : nullptr);
    if (!confidence) probs.clear();
    EntitiesFromLabels(labels, probs, &(*entities)[s]);
  }
}

void NamedEntityRecognizer::TagDoc(const std::vector<std::vector<std::string_view>>& sentences,
                                   const std::vector<std::vector<std::string_view>>& upos,
                                   std::vector<std::vector<std::string>>* tags) const {
  std::vector<std::vector<NamedEntity>> entities;
  RecognizeDocument(sentences, upos, /*confidence=*/false, &entities);
  tags->assign(sentences.size(), {});
  for (size_t s = 0; s < sentences.size(); ++s) {
    (*tags)[s].assign(sentences[s].size(), "O");
    for (const NamedEntity& e : entities[s])
      for (uint32_t i = e.begin; i < e.end; ++i) (*tags)[s][i] = (i == e.begin ? "B-" : "I-") + std::string(e.type);
  }
}

void NamedEntityRecognizer::Tag(const std::vector<std::string_view>& words, const std::vector<std::string_view>& upos,
                                std::vector<std::string>* tags) const {
  std::vector<NamedEntity> entities;
  RecognizeSentence(words, upos, /*confidence=*/false, &entities);
  tags->assign(words.size(), "O");
  for (const NamedEntity& e : entities)
    for (uint32_t i = e.begin; i < e.end; ++i) (*tags)[i] = (i == e.begin ? "B-" : "I-") + std::string(e.type);
}

}  // namespace sitrep
