// The attribution scorer (see quotes_eval.h).
#include "eval/quotes_eval.h"

#include <time.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <tuple>

#include <nlohmann/json.hpp>

#include "annotate/paragraphs.h"
#include "annotate/polnear.h"
#include "annotate/quantity_stage.h"
#include "annotate/quote_stage.h"
#include "annotate/syntax_stage.h"
#include "annotate/token_stage.h"
#include "sitrep/ingest.h"

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
  // Content pairs, largest overlap first, each unit used once. An article has tens of
  // attributions, so all pairs are few.
  std::vector<std::tuple<uint32_t, size_t, size_t>> pairs;  // (overlap, system, gold)
  for (size_t i = 0; i < sys.size(); ++i)
    for (size_t j = 0; j < gold.size(); ++j)
      if (uint32_t o = OverlapBytes(sys[i].content, gold[j].content); o > 0) pairs.emplace_back(o, i, j);
  std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) {
    return std::get<0>(a) != std::get<0>(b) ? std::get<0>(a) > std::get<0>(b)
                                            : std::tie(std::get<1>(a), std::get<2>(a)) < std::tie(std::get<1>(b), std::get<2>(b));
  });
  std::vector<uint8_t> sys_used(sys.size(), 0), gold_used(gold.size(), 0);
  for (const auto& [overlap, i, j] : pairs) {
    if (sys_used[i] || gold_used[j]) continue;
    sys_used[i] = gold_used[j] = 1;
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

Result<QuotesEvalResult> RunQuotesEval(const QuotesEvalOptions& options) {
  auto articles = ReadPolnearSplit(options.data, options.split, options.skip, options.limit);
  if (!articles.ok()) return articles.status();
  std::unique_ptr<SyntaxStage> syntax;
  if (options.syntax) {
    auto models = options.models.empty() ? SyntaxModels::LoadDefault() : SyntaxModels::Load(options.models);
    if (models.ok()) syntax = std::make_unique<SyntaxStage>(*models);
    else if (!options.models.empty()) return models.status();  // asked for these models: say why not
  }
  ParagraphStage paragraphs;
  TokenStage tokens;
  QuantityStage quantities;
  QuoteStage quotes;
  std::ofstream errors;
  if (!options.errors.empty()) {
    errors.open(options.errors);
    if (!errors) return Status(Code::kIo, "cannot write " + options.errors);
  }
  QuotesEvalResult result;
  result.used_syntax = syntax != nullptr;
  for (PolnearArticle& article : *articles) {
    // The article goes in as a plain-text file would (paragraphs one per line or between
    // blank lines, web debris dropped); system spans are mapped back to the file's bytes,
    // where the gold spans are.
    Record record;
    record.origin = {article.name, 0, "text"};
    record.format = Format::kText;
    record.bytes = article.text;
    double t0 = CpuSeconds();
    Result<Doc> read = ReadRecord(record, IngestOptions{});
    if (!read.ok()) return read.status();
    Doc& doc = *read;
    SITREP_RETURN_IF_ERROR(paragraphs.Process(doc));
    SITREP_RETURN_IF_ERROR(tokens.Process(doc));
    if (syntax) SITREP_RETURN_IF_ERROR(syntax->Process(doc));
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

}  // namespace sitrep
