// The attribution scorer (see quotes_eval.h).
#include "eval/quotes_eval.h"

#include <time.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <tuple>

#include <nlohmann/json.hpp>

#include "annotate/paragraphs.h"
#include "annotate/polnear.h"
#include "annotate/quantity_stage.h"
#include "annotate/quote_cue_model.h"
#include "annotate/quote_stage.h"
#include "annotate/syntax_stage.h"
#include "annotate/token_stage.h"
#include "sitrep/ingest.h"
#include "train/model_file.h"

namespace sitrep {

namespace {

bool IsTrimmable(std::string_view text, uint32_t at, uint32_t* width) {
  unsigned char c = static_cast<unsigned char>(text[at]);
  *width = 1;
  if (c < 0x80) return c <= ' ' || (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
                       (c >= '{' && c <= '~');
  // General Punctuation (U+2000-U+206F: curly quotes, dashes, ellipsis) and the
  // no-break space.
  if (c == 0xE2 && at + 2 < text.size() && (static_cast<unsigned char>(text[at + 1]) == 0x80 ||
                                                static_cast<unsigned char>(text[at + 1]) == 0x81)) {
    *width = 3;
    return true;
  }
  if (c == 0xC2 && at + 1 < text.size() && static_cast<unsigned char>(text[at + 1]) == 0xA0) {
    *width = 2;
    return true;
  }
  return false;
}

// The span without spaces and punctuation at either end (empty if nothing else is left).
Span Trim(std::string_view text, Span s) {
  s.end = std::min<uint32_t>(s.end, static_cast<uint32_t>(text.size()));
  uint32_t width = 0;
  while (s.begin < s.end && IsTrimmable(text, s.begin, &width)) s.begin = std::min(s.end, s.begin + width);
  while (s.end > s.begin) {
    // Step back to the first byte of the last character.
    uint32_t start = s.end - 1;
    while (start > s.begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    if (!IsTrimmable(text, start, &width) || start + width != s.end) break;
    s.end = start;
  }
  return s;
}

std::vector<Span> TrimAll(std::string_view text, const std::vector<Span>& pieces) {
  std::vector<Span> out;
  for (Span p : pieces) {
    Span t = Trim(text, p);
    if (!t.empty()) out.push_back(t);
  }
  return out;
}

uint32_t OverlapBytes(const std::vector<Span>& a, const std::vector<Span>& b) {
  uint32_t total = 0;
  for (Span x : a)
    for (Span y : b) {
      uint32_t lo = std::max(x.begin, y.begin), hi = std::min(x.end, y.end);
      if (lo < hi) total += hi - lo;
    }
  return total;
}

std::optional<Span> Hull(const std::vector<Span>& pieces) {
  if (pieces.empty()) return std::nullopt;
  Span h = pieces.front();
  for (Span p : pieces) {
    h.begin = std::min(h.begin, p.begin);
    h.end = std::max(h.end, p.end);
  }
  return h;
}

double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec / 1e9;
}

std::optional<Span> SpanAttr(const nlohmann::json& j, const char* key) {
  if (!j.contains(key) || !j[key].is_array() || j[key].size() != 2) return std::nullopt;
  return Span{j[key][0].get<uint32_t>(), j[key][1].get<uint32_t>()};
}

std::string Excerpt(std::string_view text, const std::vector<Span>& pieces, size_t max = 160) {
  std::string out;
  for (Span p : pieces) {
    if (!out.empty()) out += " | ";
    p.end = std::min<uint32_t>(p.end, static_cast<uint32_t>(text.size()));
    out += std::string(text.substr(p.begin, std::min<size_t>(p.end - p.begin, max)));
  }
  for (char& c : out)
    if (c == '\n' || c == '\t') c = ' ';
  return out;
}

// Content pairs (system, gold), largest overlap first, each unit used once: how the
// scorer matches units, and what the error dump reports speakers against. An article
// has tens of attributions, so all pairs are few.
std::vector<std::pair<size_t, size_t>> PairContents(const std::vector<std::vector<Span>>& sys,
                                                    const std::vector<std::vector<Span>>& gold) {
  std::vector<std::tuple<uint32_t, size_t, size_t>> pairs;  // (overlap, system, gold)
  for (size_t i = 0; i < sys.size(); ++i)
    for (size_t j = 0; j < gold.size(); ++j)
      if (uint32_t o = OverlapBytes(sys[i], gold[j]); o > 0) pairs.emplace_back(o, i, j);
  std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) {
    return std::get<0>(a) != std::get<0>(b) ? std::get<0>(a) > std::get<0>(b)
                                            : std::tie(std::get<1>(a), std::get<2>(a)) < std::tie(std::get<1>(b), std::get<2>(b));
  });
  std::vector<uint8_t> sys_used(sys.size(), 0), gold_used(gold.size(), 0);
  std::vector<std::pair<size_t, size_t>> out;
  for (const auto& [overlap, i, j] : pairs) {
    if (sys_used[i] || gold_used[j]) continue;
    sys_used[i] = gold_used[j] = 1;
    out.emplace_back(i, j);
  }
  return out;
}

// One line per gold unit no system content overlaps (MISS) and per system unit no gold
// content overlaps (FALSE), for reading errors: "MISS\tcue\tsource\tcontent".
void WriteErrors(std::ostream& out, const std::string& name, std::string_view text,
                 const std::vector<AttributionUnit>& gold, const std::vector<AttributionUnit>& system) {
  auto write = [&](const char* what, const AttributionUnit& u) {
    out << what << '\t' << name << '\t' << Excerpt(text, u.cue) << '\t' << Excerpt(text, u.source) << '\t'
        << Excerpt(text, u.content) << '\n';
  };
  for (const AttributionUnit& g : gold) {
    std::vector<Span> gc = TrimAll(text, g.content);
    if (gc.empty()) continue;
    bool hit = false;
    for (const AttributionUnit& s : system) hit = hit || OverlapBytes(gc, TrimAll(text, s.content)) > 0;
    if (!hit) write("MISS", g);
  }
  // A content found with the wrong speaker, or none, in the pairs the scorer counts.
  std::vector<std::vector<Span>> sc, gc;
  for (const AttributionUnit& s : system) sc.push_back(TrimAll(text, s.content));
  for (const AttributionUnit& g : gold) gc.push_back(TrimAll(text, g.content));
  for (const auto& [i, j] : PairContents(sc, gc)) {
    std::vector<Span> gs = TrimAll(text, gold[j].source);
    if (gs.empty() || OverlapBytes(gs, TrimAll(text, system[i].source)) > 0) continue;
    write("SOURCE", gold[j]);
    write("SOURCE-WAS", system[i]);
  }
  for (const AttributionUnit& s : system) {
    std::vector<Span> sc = TrimAll(text, s.content);
    bool hit = false;
    for (const AttributionUnit& g : gold) hit = hit || OverlapBytes(sc, TrimAll(text, g.content)) > 0;
    if (!hit) write("FALSE", s);
  }
}

}  // namespace

void RoleCounts::Add(const RoleCounts& o) {
  gold += o.gold;
  system += o.system;
  exact += o.exact;
  overlap += o.overlap;
}

void AttributionCounts::Add(const AttributionCounts& o) {
  source.Add(o.source);
  cue.Add(o.cue);
  content.Add(o.content);
}

RoleScores Summarize(const RoleCounts& c) {
  RoleScores s;
  if (c.system > 0) {
    s.exact_p = static_cast<double>(c.exact) / c.system;
    s.overlap_p = static_cast<double>(c.overlap) / c.system;
  }
  if (c.gold > 0) {
    s.exact_r = static_cast<double>(c.exact) / c.gold;
    s.overlap_r = static_cast<double>(c.overlap) / c.gold;
  }
  s.exact_f1 = F1(s.exact_p, s.exact_r);
  s.overlap_f1 = F1(s.overlap_p, s.overlap_r);
  return s;
}

AttributionCounts ScoreAttributions(std::string_view text, const std::vector<AttributionUnit>& gold_units,
                                    const std::vector<AttributionUnit>& system_units) {
  struct Trimmed {
    std::vector<Span> source, cue, content;
  };
  auto trim = [&](const std::vector<AttributionUnit>& units) {
    std::vector<Trimmed> out;
    for (const AttributionUnit& u : units)
      out.push_back({TrimAll(text, u.source), TrimAll(text, u.cue), TrimAll(text, u.content)});
    return out;
  };
  std::vector<Trimmed> gold = trim(gold_units), sys = trim(system_units);
  AttributionCounts counts;
  for (const Trimmed& g : gold) {
    counts.content.gold += !g.content.empty();
    counts.source.gold += !g.source.empty();
    counts.cue.gold += !g.cue.empty();
  }
  for (const Trimmed& s : sys) {
    counts.content.system += !s.content.empty();
    counts.source.system += !s.source.empty();
    counts.cue.system += !s.cue.empty();
  }
  std::vector<std::vector<Span>> sys_content, gold_content;
  for (const Trimmed& s : sys) sys_content.push_back(s.content);
  for (const Trimmed& g : gold) gold_content.push_back(g.content);
  for (const auto& [i, j] : PairContents(sys_content, gold_content)) {
    const Trimmed& s = sys[i];
    const Trimmed& g = gold[j];
    ++counts.content.overlap;
    if (!s.source.empty() && !g.source.empty()) {
      counts.source.overlap += OverlapBytes(s.source, g.source) > 0;
      counts.source.exact += Hull(s.source) == Hull(g.source);
    }
    if (!s.cue.empty() && !g.cue.empty()) {
      counts.cue.overlap += OverlapBytes(s.cue, g.cue) > 0;
      counts.cue.exact += Hull(s.cue) == Hull(g.cue);
    }
  }
  // Exact contents are paired on their own, one-to-one.
  size_t exact = 0;
  std::vector<uint8_t> gold_exact(gold.size(), 0);
  for (const Trimmed& s : sys) {
    auto hs = Hull(s.content);
    if (!hs) continue;
    for (size_t j = 0; j < gold.size(); ++j)
      if (!gold_exact[j] && Hull(gold[j].content) == hs) {
        gold_exact[j] = 1;
        ++exact;
        break;
      }
  }
  counts.content.exact = exact;
  return counts;
}

std::vector<AttributionUnit> UnitsFromQuoteLayer(const Doc& doc) {
  std::vector<AttributionUnit> units;
  const std::vector<Annotation>* layer = doc.Layer("quote");
  if (layer == nullptr) return units;
  std::map<std::pair<uint32_t, uint32_t>, size_t> unit_of_content, unit_of_cue;
  for (const Annotation& a : *layer) {
    nlohmann::json j = nlohmann::json::parse(a.attrs, nullptr, false);
    if (j.is_discarded()) continue;
    auto content = SpanAttr(j, "content");
    if (!content) continue;
    auto cue = SpanAttr(j, "cue");
    auto mention = SpanAttr(j, "speaker_mention");
    auto continues = SpanAttr(j, "continues");
    // The unit this quote belongs to: the one it continues, or the one with its cue.
    std::optional<size_t> unit;
    if (continues) {
      if (auto it = unit_of_content.find({continues->begin, continues->end}); it != unit_of_content.end())
        unit = it->second;
    }
    if (!unit && cue) {
      if (auto it = unit_of_cue.find({cue->begin, cue->end}); it != unit_of_cue.end()) unit = it->second;
    }
    if (!unit) {
      unit = units.size();
      units.emplace_back();
      if (cue) units.back().cue.push_back(*cue);
      if (mention) units.back().source.push_back(*mention);
      if (cue) unit_of_cue[{cue->begin, cue->end}] = *unit;
    }
    units[*unit].content.push_back(*content);
    unit_of_content[{content->begin, content->end}] = *unit;
  }
  return units;
}

namespace {

// The stages every article goes through before the quotes stage.
struct CoreStages {
  ParagraphStage paragraphs;
  TokenStage tokens;
  std::unique_ptr<SyntaxStage> syntax;
};

// Loads the syntax models when asked: a folder named explicitly must load, the default
// one may be missing (then the quotes finder works from its word lists alone).
Status MakeCoreStages(bool with_syntax, const std::string& models, CoreStages* core) {
  if (!with_syntax) return Status::Ok();
  auto loaded = models.empty() ? SyntaxModels::LoadDefault() : SyntaxModels::Load(models);
  if (loaded.ok()) core->syntax = std::make_unique<SyntaxStage>(*loaded);
  else if (!models.empty()) return loaded.status();  // asked for these models: say why not
  return Status::Ok();
}

// The article as a plain-text file is read (paragraphs one per line or between blank
// lines, web debris dropped), then paragraphs, tokens and syntax. System spans map back
// to the file's bytes, where the gold spans are, through Doc::ToOriginal.
Result<Doc> PrepareArticle(const PolnearArticle& article, const CoreStages& core) {
  Record record;
  record.origin = {article.name, 0, "text"};
  record.format = Format::kText;
  record.bytes = article.text;
  Result<Doc> read = ReadRecord(record, IngestOptions{});
  if (!read.ok()) return read.status();
  Doc& doc = *read;
  SITREP_RETURN_IF_ERROR(core.paragraphs.Process(doc));
  SITREP_RETURN_IF_ERROR(core.tokens.Process(doc));
  if (core.syntax) SITREP_RETURN_IF_ERROR(core.syntax->Process(doc));
  return read;
}

}  // namespace

Result<QuotesEvalResult> RunQuotesEval(const QuotesEvalOptions& options) {
  auto articles = ReadPolnearSplit(options.data, options.split, options.skip, options.limit);
  if (!articles.ok()) return articles.status();
  CoreStages core;
  SITREP_RETURN_IF_ERROR(MakeCoreStages(options.syntax, options.models, &core));
  std::shared_ptr<const QuoteCueModel> cues;
  if (options.cue_model && core.syntax) {
    // The learnt cues read the parse, so they only run with the syntax stage.
    std::string dir = options.models.empty() ? DefaultModelDir() : options.models;
    auto model = QuoteCueModel::Load(dir + "/" + kQuoteCueModelFile);
    if (!model.ok()) return model.status();
    cues = std::make_shared<const QuoteCueModel>(std::move(*model));
  }
  QuantityStage quantities;
  QuoteStage quotes(/*with_entities=*/false, cues);
  std::ofstream errors;
  if (!options.errors.empty()) {
    errors.open(options.errors);
    if (!errors) return Status(Code::kIo, "cannot write " + options.errors);
  }
  QuotesEvalResult result;
  result.used_syntax = core.syntax != nullptr;
  result.used_cue_model = cues != nullptr;
  for (PolnearArticle& article : *articles) {
    double t0 = CpuSeconds();
    Result<Doc> read = PrepareArticle(article, core);
    if (!read.ok()) return read.status();
    Doc& doc = *read;
    double t1 = CpuSeconds();
    SITREP_RETURN_IF_ERROR(quantities.Process(doc));
    SITREP_RETURN_IF_ERROR(quotes.Process(doc));
    double t2 = CpuSeconds();
    result.core_seconds += t1 - t0;
    result.layer_seconds += t2 - t1;
    for (const Annotation& a : *doc.Layer("quote")) {
      result.direct += a.label == "direct";
      result.mixed += a.label == "mixed";
      result.indirect += a.label == "indirect";
    }
    std::vector<AttributionUnit> gold;
    for (const PolnearAttribution& g : article.attributions) gold.push_back({g.source, g.cue, g.content});
    std::vector<AttributionUnit> system = UnitsFromQuoteLayer(doc);
    for (AttributionUnit& u : system)
      for (std::vector<Span>* role : {&u.source, &u.cue, &u.content})
        for (Span& s : *role) s = doc.ToOriginal(s);
    result.counts.Add(ScoreAttributions(article.text, gold, system));
    if (errors.is_open()) WriteErrors(errors, article.name, article.text, gold, system);
    ++result.articles;
  }
  return result;
}

Result<QuoteCueTrainResult> TrainQuoteCues(const QuoteCueTrainOptions& options) {
  auto articles = ReadPolnearSplit(options.data, options.split, options.skip, options.limit);
  if (!articles.ok()) return articles.status();
  CoreStages core;
  SITREP_RETURN_IF_ERROR(MakeCoreStages(true, options.models, &core));
  if (!core.syntax)
    return Status(Code::kModel, "training the quote cues needs the syntax models (see models/README.md)");
  // Every verb is an example; it is a cue when it overlaps a gold cue span.
  struct Example {
    std::vector<uint64_t> features;
    bool is_cue;
  };
  std::vector<Example> examples;
  QuoteCueTrainResult result;
  for (const PolnearArticle& article : *articles) {
    Result<Doc> read = PrepareArticle(article, core);
    if (!read.ok()) return read.status();
    const Doc& doc = *read;
    for (uint32_t k = 0; k < doc.tokens().size(); ++k) {
      if (!IsCueCandidate(doc, k)) continue;
      Span at = doc.ToOriginal(doc.tokens()[k].span);
      bool is_cue = false;
      for (const PolnearAttribution& g : article.attributions)
        for (const Span& c : g.cue) is_cue = is_cue || (c.begin < at.end && at.begin < c.end);
      Example ex;
      CueFeatures(doc, k, &ex.features);
      ex.is_cue = is_cue;
      result.positives += is_cue;
      examples.push_back(std::move(ex));
    }
    ++result.articles;
  }
  result.examples = examples.size();
  // A fixed shuffle per epoch: the same data give the same model, bit for bit.
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  QuoteCueTrainer trainer;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t right = 0;
    for (size_t i : order) right += trainer.Learn(examples[i].features, examples[i].is_cue);
    result.epoch_accuracy.push_back(examples.empty() ? 0 : static_cast<double>(right) / examples.size());
  }
  QuoteCueModel model = trainer.Finish(options.min_weight);
  result.features = model.num_features();
  SITREP_RETURN_IF_ERROR(model.Save(options.out));
  return result;
}

}  // namespace sitrep
