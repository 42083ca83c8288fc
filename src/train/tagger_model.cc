// The part-of-speech model: word description, feature templates, two-pass greedy
// decoding and the model file sections.
#include "train/tagger_model.h"

#include <algorithm>

#include <fmt/format.h>

namespace sitrep {

namespace {

enum Flag : uint32_t {
  kHasDigit = 1,
  kHasHyphen = 2,
  kHasUpper = 4,
  kAllUpper = 8,
  kTitle = 16,
  kHasPeriod = 32,
  kNonAscii = 64,
  kAllDigit = 128,
  kHasAlpha = 256,
};

char ShapeChar(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (c >= 0x80) return 'u';
  return static_cast<char>(c);
}

// Feature template numbers. Never renumber: a model's weights are keyed by them.
enum Template : uint64_t {
  kBias = 1, kForm, kLower, kSuffix1, kSuffix2, kSuffix3, kSuffix4, kPrefix1, kPrefix2, kPrefix3,
  kShape, kShortShape, kFlags, kPrev1, kPrev12, kPrev1Word, kWordM1, kSuffixM1, kWordM2, kWordP1,
  kSuffixP1, kWordP2, kWordM1Word, kWordWordP1, kPrev1WordP1, kShapeP1, kShapeM1, kFirstShape,
  kPrev1Suffix3, kWordP1WordP2, kCluster0, kCluster1, kCluster2, kClusterM1, kClusterP1, kClusterP1b,
  kNext1, kNext12, kNext1Word, kPrev1Next1, kNext1Suffix3, kClusterM1b, kFlagsP1, kPrev2, kNext2,
  kClusterP2, kPrev1Cluster, kAmb0, kAmbP1, kAmbP2, kAmbP1P2, kPrev1AmbP1, kWordAmbP1, kAmbM1Amb0,
  kCaseFlags, kCaseSuffix, kCasePrev1, kCaseWord, kCaseFlagsP1, kWordNet, kWordNetSuffix, kWordNetFlags,
  kPrev1WordNet, kWordNetP1,
};

}  // namespace

std::string NormalizeWord(std::string_view word) {
  std::string out(word);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    else if (c >= '0' && c <= '9') c = '0';
  }
  return out;
}

void DescribeWord(std::string_view word, const WordClusters& clusters, WordInfo* info) {
  *info = WordInfo();
  std::string lower = NormalizeWord(word);
  info->form = HashString(word);
  info->lower = HashString(lower);
  // Affixes of the normalised form, by byte; shorter words still get distinct values.
  for (int k = 0; k < 4; ++k) {
    size_t n = std::min<size_t>(k + 1, lower.size());
    info->suffix[k] = HashString(std::string_view(lower).substr(lower.size() - n)) + k;
    if (k < 3) info->prefix[k] = HashString(std::string_view(lower).substr(0, n)) + k;
  }
  std::string shape, short_shape;
  uint32_t flags = 0;
  bool all_upper = true, all_digit = true;
  for (size_t i = 0; i < word.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    char s = ShapeChar(c);
    if (s == 'd') flags |= kHasDigit;
    else all_digit = false;
    if (s == 'X') flags |= kHasUpper | kHasAlpha;
    else if (s == 'x') { flags |= kHasAlpha; all_upper = false; }
    if (c == '-') flags |= kHasHyphen;
    if (c == '.') flags |= kHasPeriod;
    if (c >= 0x80) flags |= kNonAscii;
    // The full shape keeps runs up to four; the short shape collapses every run.
    size_t run = 0;
    while (run < shape.size() && run < 4 && shape[shape.size() - 1 - run] == s) ++run;
    if (run < 4) shape.push_back(s);
    if (short_shape.empty() || short_shape.back() != s) short_shape.push_back(s);
  }
  if ((flags & kHasAlpha) && all_upper) flags |= kAllUpper;
  if (all_digit && !word.empty()) flags |= kAllDigit;
  if (!word.empty() && ShapeChar(static_cast<unsigned char>(word[0])) == 'X' && !(flags & kAllUpper)) flags |= kTitle;
  info->flags = flags;
  info->shape = HashString(shape);
  info->short_shape = HashString(short_shape);
  if (!clusters.empty()) {
    WordClusters::Ids ids = clusters.Lookup(info->lower);
    for (int k = 0; k < WordClusters::kLevels; ++k) info->cluster[k] = ids[k];
  }
}

void MarkSentenceCase(std::vector<WordInfo>* words) {
  size_t alpha = 0, title = 0, upper = 0, any_upper = 0;
  for (const WordInfo& w : *words) {
    if (!(w.flags & kHasAlpha)) continue;
    ++alpha;
    if (w.flags & kTitle) ++title;
    if (w.flags & kAllUpper) ++upper;
    if (w.flags & kHasUpper) ++any_upper;
  }
  uint32_t c = 0;
  if (alpha >= 3 && upper * 5 >= alpha * 4) c = 2;
  else if (alpha >= 3 && (title + upper) * 5 >= alpha * 3) c = 1;
  else if (alpha >= 3 && any_upper == 0) c = 3;
  for (WordInfo& w : *words) w.sentence_case = c;
}

void TaggerFeatures(const std::vector<WordInfo>& words, const std::vector<int>& prev_tags,
                    const std::vector<int>* first_pass, size_t i, std::vector<uint64_t>* out) {
  static const WordInfo kBoundary = [] {
    WordInfo b;
    b.form = b.lower = b.shape = b.short_shape = 0x1234567;
    for (auto& x : b.suffix) x = 0x1234567;
    for (auto& x : b.cluster) x = 0xFFFF;
    return b;
  }();
  size_t n = words.size();
  auto at = [&](ptrdiff_t k) -> const WordInfo& {
    ptrdiff_t j = static_cast<ptrdiff_t>(i) + k;
    return j < 0 || j >= static_cast<ptrdiff_t>(n) ? kBoundary : words[j];
  };
  auto tag_at = [&](ptrdiff_t k) -> uint64_t {
    ptrdiff_t j = static_cast<ptrdiff_t>(i) + k;
    if (j < 0) return 1000;
    if (j >= static_cast<ptrdiff_t>(n)) return 1001;
    if (k < 0) return static_cast<uint64_t>(prev_tags[j] + 2);
    return first_pass ? static_cast<uint64_t>((*first_pass)[j] + 2) : 1002;
  };
  const WordInfo& w = words[i];
  const WordInfo& m1 = at(-1);
  const WordInfo& m2 = at(-2);
  const WordInfo& p1 = at(1);
  const WordInfo& p2 = at(2);
  uint64_t t1 = tag_at(-1), t2 = tag_at(-2);
  out->clear();
  out->push_back(Feature(kBias, 0));
  out->push_back(Feature(kForm, w.lower == kUnknownWord ? kUnknownWord : w.form));
  out->push_back(Feature(kLower, w.lower));
  for (int k = 0; k < 4; ++k) out->push_back(Feature(kSuffix1 + k, w.suffix[k]));
  for (int k = 0; k < 3; ++k) out->push_back(Feature(kPrefix1 + k, w.prefix[k]));
  out->push_back(Feature(kShape, w.shape));
  out->push_back(Feature(kShortShape, w.short_shape));
  out->push_back(Feature(kFlags, w.flags));
  out->push_back(Feature(kFirstShape, i == 0, w.short_shape));
  out->push_back(Feature(kPrev1, t1));
  out->push_back(Feature(kPrev2, t2));
  out->push_back(Feature(kPrev12, t1, t2));
  out->push_back(Feature(kPrev1Word, t1, w.lower));
  out->push_back(Feature(kPrev1Suffix3, t1, w.suffix[2]));
  out->push_back(Feature(kWordM1, m1.lower));
  out->push_back(Feature(kSuffixM1, m1.suffix[2]));
  out->push_back(Feature(kWordM2, m2.lower));
  out->push_back(Feature(kWordP1, p1.lower));
  out->push_back(Feature(kSuffixP1, p1.suffix[2]));
  out->push_back(Feature(kWordP2, p2.lower));
  out->push_back(Feature(kWordM1Word, m1.lower, w.lower));
  out->push_back(Feature(kWordWordP1, w.lower, p1.lower));
  out->push_back(Feature(kWordP1WordP2, p1.lower, p2.lower));
  out->push_back(Feature(kPrev1WordP1, t1, p1.lower));
  out->push_back(Feature(kShapeP1, p1.short_shape));
  out->push_back(Feature(kShapeM1, m1.short_shape));
  out->push_back(Feature(kFlagsP1, p1.flags));
  if (w.cluster[0]) {
    out->push_back(Feature(kCluster0, w.cluster[0]));
    out->push_back(Feature(kCluster1, w.cluster[1]));
    out->push_back(Feature(kCluster2, w.cluster[2]));
    out->push_back(Feature(kPrev1Cluster, t1, w.cluster[1]));
  }
  out->push_back(Feature(kClusterM1, m1.cluster[1]));
  out->push_back(Feature(kClusterM1b, m1.cluster[2]));
  out->push_back(Feature(kClusterP1, p1.cluster[1]));
  out->push_back(Feature(kClusterP1b, p1.cluster[2]));
  out->push_back(Feature(kClusterP2, p2.cluster[1]));
  out->push_back(Feature(kCaseFlags, w.sentence_case, w.flags, i == 0));
  out->push_back(Feature(kCaseSuffix, w.sentence_case, w.suffix[2]));
  out->push_back(Feature(kCasePrev1, w.sentence_case, t1));
  out->push_back(Feature(kCaseWord, w.sentence_case, w.lower));
  out->push_back(Feature(kCaseFlagsP1, w.sentence_case, w.flags & (kTitle | kAllUpper), p1.flags & (kTitle | kAllUpper)));
  if (w.lower == kUnknownWord) {
    out->push_back(Feature(kWordNet, w.wordnet));
    out->push_back(Feature(kWordNetSuffix, w.wordnet, w.suffix[1]));
    out->push_back(Feature(kWordNetFlags, w.wordnet, w.flags & (kTitle | kAllUpper | kHasHyphen | kHasDigit), i == 0));
    out->push_back(Feature(kPrev1WordNet, t1, w.wordnet));
  }
  if (p1.lower == kUnknownWord) out->push_back(Feature(kWordNetP1, p1.wordnet));
  out->push_back(Feature(kAmb0, w.amb));
  out->push_back(Feature(kAmbP1, p1.amb));
  out->push_back(Feature(kAmbP2, p2.amb));
  out->push_back(Feature(kAmbP1P2, p1.amb, p2.amb));
  out->push_back(Feature(kPrev1AmbP1, t1, p1.amb));
  out->push_back(Feature(kWordAmbP1, w.lower, p1.amb));
  out->push_back(Feature(kAmbM1Amb0, t1, w.amb));
  if (first_pass) {
    uint64_t n1 = tag_at(1), n2 = tag_at(2);
    out->push_back(Feature(kNext1, n1));
    out->push_back(Feature(kNext2, n2));
    out->push_back(Feature(kNext12, n1, n2));
    out->push_back(Feature(kNext1Word, n1, w.lower));
    out->push_back(Feature(kPrev1Next1, t1, n1));
    out->push_back(Feature(kNext1Suffix3, n1, w.suffix[2]));
  }
}

void TaggerModel::Pass(const SparseWeights& weights, const std::vector<WordInfo>& words,
                       const std::vector<uint64_t>& dict_keys, const std::vector<int>* first_pass,
                       std::vector<int>* tags, std::vector<int>* second, std::vector<float>* margins,
                       const std::vector<float>* first_margins) const {
  size_t n = words.size();
  tags->assign(n, kNoTag);
  if (second) second->assign(n, kNoTag);
  if (margins) margins->assign(n, 1e9f);
  std::vector<uint64_t> features;
  int nc = num_classes();
  std::vector<int32_t> scores(nc);
  for (size_t i = 0; i < n; ++i) {
    int fixed = DictTag(dict_keys[i]);
    if (fixed != kNoTag) {
      (*tags)[i] = fixed;
      continue;
    }
    if (first_margins && (*first_margins)[i] >= second_pass_margin_) {
      (*tags)[i] = (*first_pass)[i];
      continue;
    }
    TaggerFeatures(words, *tags, first_pass, i, &features);
    std::fill(scores.begin(), scores.end(), 0);
    weights.Score(features, scores.data());
    int best = static_cast<int>(std::max_element(scores.begin(), scores.begin() + nc) - scores.begin());
    (*tags)[i] = best;
    if (second) {
      int runner = -1;
      for (int c = 0; c < nc; ++c)
        if (c != best && (runner < 0 || scores[c] > scores[runner])) runner = c;
      (*second)[i] = runner;
      if (margins && runner >= 0) (*margins)[i] = static_cast<float>(scores[best] - scores[runner]) / weights.scale();
    }
  }
}

void TaggerModel::TagWords(const std::vector<WordInfo>& words, const std::vector<uint64_t>& dict_keys,
                           std::vector<int>* tags, std::vector<int>* second, std::vector<float>* margins) const {
  if (second_.num_features() == 0) return Pass(first_, words, dict_keys, nullptr, tags, second, margins);
  std::vector<int> first_pass, first_second;
  std::vector<float> first_margins;
  Pass(first_, words, dict_keys, nullptr, &first_pass, &first_second, &first_margins);
  Pass(second_, words, dict_keys, &first_pass, tags, second, margins, &first_margins);
}

void TaggerModel::Describe(const std::vector<std::string_view>& words, std::vector<WordInfo>* infos) const {
  infos->resize(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    DescribeWord(words[i], clusters_, &(*infos)[i]);
    Complete(words[i], &(*infos)[i]);
  }
  MarkSentenceCase(infos);
}

void TaggerModel::Complete(std::string_view word, WordInfo* info) const {
  info->amb = Lexicon(info->lower);
  if (InVocab(info->lower)) return;
  info->lower = kUnknownWord;
  if (!wordnet_.empty()) info->wordnet = wordnet_.Signature(NormalizeWord(word));
}

void TaggerModel::Tag(const std::vector<std::string_view>& words, std::vector<int>* tags, std::vector<int>* second,
                      std::vector<float>* margins) const {
  std::vector<WordInfo> infos;
  Describe(words, &infos);
  std::vector<uint64_t> keys(words.size());
  for (size_t i = 0; i < words.size(); ++i) keys[i] = infos[i].form;
  TagWords(infos, keys, tags, second, margins);
}

void TaggerModel::TagWords(const std::vector<WordInfo>& words, const std::vector<uint64_t>& dict_keys,
                           TagChoice* choice) const {
  std::vector<float> margins;
  TagWords(words, dict_keys, &choice->best, &choice->alternative, &margins);
  for (size_t i = 0; i < margins.size(); ++i)
    if (!(margins[i] < kAlternativeMargin)) choice->alternative[i] = kNoTag;
}

void TaggerModel::Tag(const std::vector<std::string_view>& words, TagChoice* choice) const {
  std::vector<WordInfo> infos;
  Describe(words, &infos);
  std::vector<uint64_t> keys(words.size());
  for (size_t i = 0; i < words.size(); ++i) keys[i] = infos[i].form;
  TagWords(infos, keys, choice);
}

Status TaggerModel::Write(const std::string& path) const {
  ModelWriter writer(std::string{kTaggerKind});
  SectionWriter classes;
  classes.U32(static_cast<uint32_t>(xpos_.size()));
  for (size_t c = 0; c < xpos_.size(); ++c) {
    classes.String(xpos_[c]);
    classes.String(upos_[c]);
  }
  writer.AddSection("classes", classes.Take());
  SectionWriter dict;
  std::vector<std::pair<uint64_t, int>> entries(dict_.begin(), dict_.end());
  std::sort(entries.begin(), entries.end());
  dict.U64(entries.size());
  for (auto [key, cls] : entries) {
    dict.U64(key);
    dict.U16(static_cast<uint16_t>(cls));
  }
  writer.AddSection("dict", dict.Take());
  SectionWriter lexicon;
  std::vector<std::pair<uint64_t, uint32_t>> lex(lexicon_.begin(), lexicon_.end());
  std::sort(lex.begin(), lex.end());
  lexicon.U64(lex.size());
  for (auto [key, sig] : lex) {
    lexicon.U64(key);
    lexicon.U32(sig);
  }
  writer.AddSection("lexicon", lexicon.Take());
  SectionWriter vocab;
  std::vector<uint64_t> words(vocab_.begin(), vocab_.end());
  std::sort(words.begin(), words.end());
  vocab.Array(words);
  writer.AddSection("vocab", vocab.Take());
  SectionWriter first, second, clusters;
  first_.Write(&first);
  second_.Write(&second);
  clusters_.Write(&clusters);
  writer.AddSection("weights1", first.Take());
  writer.AddSection("weights2", second.Take());
  writer.AddSection("clusters", clusters.Take());
  SectionWriter wordnet;
  wordnet_.Write(&wordnet);
  writer.AddSection("wordnet", wordnet.Take());
  return writer.Write(path);
}

Result<TaggerModel> TaggerModel::Load(const std::string& path) {
  auto file = ModelFile::Load(path, kTaggerKind);
  if (!file.ok()) return file.status();
  return FromFile(*file);
}

Result<TaggerModel> TaggerModel::FromFile(const ModelFile& file) {
  TaggerModel model;
  SectionReader classes = file.Section("classes");
  uint32_t n = classes.U32();
  if (classes.ok() && (n == 0 || n > 65535)) classes.Fail(fmt::format("bad number of classes {}", n));
  for (uint32_t c = 0; c < n && classes.ok(); ++c) {
    model.xpos_.push_back(classes.String());
    model.upos_.push_back(classes.String());
  }
  SITREP_RETURN_IF_ERROR(classes.Finish());
  SectionReader dict = file.Section("dict");
  uint64_t entries = dict.U64();
  if (dict.ok() && entries > dict.remaining() / 10) dict.Fail(fmt::format("{} dictionary entries do not fit the section", entries));
  for (uint64_t k = 0; k < entries && dict.ok(); ++k) {
    uint64_t key = dict.U64();
    uint16_t cls = dict.U16();
    if (dict.ok() && cls >= n) dict.Fail(fmt::format("dictionary names class {} of {}", cls, n));
    model.dict_[key] = cls;
  }
  SITREP_RETURN_IF_ERROR(dict.Finish());
  SectionReader lexicon = file.Section("lexicon");
  uint64_t lex_entries = lexicon.U64();
  if (lexicon.ok() && lex_entries > lexicon.remaining() / 12)
    lexicon.Fail(fmt::format("{} lexicon entries do not fit the section", lex_entries));
  for (uint64_t k = 0; k < lex_entries && lexicon.ok(); ++k) {
    uint64_t key = lexicon.U64();
    uint32_t sig = lexicon.U32();
    if (lexicon.ok() && ((sig & 0xFFFF) > n || (sig >> 16) > n)) lexicon.Fail("lexicon names an unknown class");
    model.lexicon_[key] = sig;
  }
  SITREP_RETURN_IF_ERROR(lexicon.Finish());
  SectionReader vocab = file.Section("vocab");
  std::vector<uint64_t> words = vocab.Array<uint64_t>();
  SITREP_RETURN_IF_ERROR(vocab.Finish());
  model.vocab_.insert(words.begin(), words.end());
  for (auto [name, target] : {std::pair{"weights1", &model.first_}, std::pair{"weights2", &model.second_}}) {
    SectionReader r = file.Section(name);
    auto w = SparseWeights::Read(&r);
    if (!w.ok()) return w.status();
    SITREP_RETURN_IF_ERROR(r.Finish());
    if (w->num_features() && w->num_classes() != static_cast<int>(n)) return file.Error(fmt::format("{} has {} classes, not {}", name, w->num_classes(), n), r.offset());
    *target = std::move(w).value();
  }
  SectionReader clusters = file.Section("clusters");
  auto c = WordClusters::Read(&clusters);
  if (!c.ok()) return c.status();
  SITREP_RETURN_IF_ERROR(clusters.Finish());
  model.clusters_ = std::move(c).value();
  SectionReader wordnet = file.Section("wordnet");
  auto wn = WordNetLexicon::Read(&wordnet);
  if (!wn.ok()) return wn.status();
  SITREP_RETURN_IF_ERROR(wordnet.Finish());
  model.wordnet_ = std::move(wn).value();
  return model;
}

}  // namespace sitrep
