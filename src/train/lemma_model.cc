// Lemma rules: learning, applying, and the model file sections.
#include "train/lemma_model.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "train/perceptron.h"

namespace sitrep {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Exact forms and lower-cased forms are separate keys: "i" must not inherit the rule of
// the far more frequent "I".
uint64_t KnownKey(std::string_view form, std::string_view xpos, bool lowered) {
  return Combine(Combine(HashString(form), HashString(xpos)), lowered ? 0x10 : 0x20);
}

uint64_t EndingKey(std::string_view xpos, std::string_view ending) {
  return Combine(Combine(HashString(xpos), HashString(ending)), ending.size() + 0x51);
}

bool IsProperNoun(std::string_view xpos) { return xpos == "NNP" || xpos == "NNPS"; }

size_t CommonPrefix(std::string_view a, std::string_view b) {
  size_t k = 0;
  while (k < a.size() && k < b.size() && a[k] == b[k]) ++k;
  return k;
}

}  // namespace

LemmaRule LemmaModel::RuleFor(std::string_view form, std::string_view lemma) {
  // Prefer lower-casing when it explains the lemma as well as keeping the case does, so
  // the rule carries over to capitalised words ("Books" -> "book").
  std::string lower = Lower(form);
  size_t keep = CommonPrefix(form, lemma), low = CommonPrefix(lower, lemma);
  LemmaRule rule;
  rule.lower = low >= keep;
  size_t k = rule.lower ? low : keep;
  // A rule strips at most 255 bytes; longer differences replace the whole tail.
  size_t strip = form.size() - k;
  if (strip > 255) k = form.size() - 255, strip = 255;
  rule.strip = static_cast<uint8_t>(strip);
  rule.add = std::string(lemma.substr(std::min(k, lemma.size())));
  return rule;
}

bool LemmaModel::Apply(const LemmaRule& rule, std::string_view form, std::string* lemma) {
  if (rule.strip > form.size() || (rule.strip == form.size() && rule.add.empty())) return false;
  *lemma = rule.lower ? Lower(form) : std::string(form);
  lemma->resize(lemma->size() - rule.strip);
  *lemma += rule.add;
  return true;
}

std::string LemmaModel::Lemmatize(std::string_view form, std::string_view xpos) const {
  std::string lemma;
  std::string lower = Lower(form);
  for (bool lowered : {false, true}) {
    auto it = known_.find(KnownKey(lowered ? std::string_view(lower) : form, xpos, lowered));
    if (it != known_.end() && Apply(rules_[it->second], form, &lemma)) return lemma;
  }
  // Longest ending first; the first rule that makes a lemma seen in training wins, else
  // the rule of the longest ending.
  std::string fallback;
  for (size_t len = std::min<size_t>(kMaxSuffix, lower.size()); len >= 1; --len) {
    auto it = endings_.find(EndingKey(xpos, std::string_view(lower).substr(lower.size() - len)));
    if (it == endings_.end() || !Apply(rules_[it->second], form, &lemma)) continue;
    if (lemmas_.count(HashString(Lower(lemma)))) return lemma;
    if (fallback.empty()) fallback = lemma;
  }
  if (!fallback.empty()) return fallback;
  return IsProperNoun(xpos) ? std::string(form) : lower;
}

LemmaModel LemmaModel::Train(const std::vector<ConlluSentence>& train) {
  LemmaModel model;
  std::map<std::pair<std::string, std::string>, uint32_t> rule_ids;  // (lower+strip, add)
  auto rule_id = [&](const LemmaRule& r) {
    auto key = std::make_pair(fmt::format("{}{}", r.lower ? 'L' : 'K', int{r.strip}), r.add);
    auto [it, added] = rule_ids.emplace(key, static_cast<uint32_t>(model.rules_.size()));
    if (added) model.rules_.push_back(r);
    return it->second;
  };
  // Counts: (form, xpos) -> rule -> n, and (xpos, ending) -> rule -> n.
  std::map<std::pair<std::string, std::string>, std::map<uint32_t, int>> known, lowered;
  // Endings count word types, not tokens: a rule must hold for two different words
  // before it spreads ("Sept." -> "September" must not turn "Capt." into "Captember").
  std::map<std::pair<std::string, std::string>, std::map<uint32_t, std::set<std::string>>> endings;
  for (const auto& s : train) {
    for (const auto& w : s.words) {
      if (w.lemma.empty() || w.xpos.empty()) continue;
      LemmaRule rule = RuleFor(w.form, w.lemma);
      uint32_t r = rule_id(rule);
      ++known[{w.form, w.xpos}][r];
      ++lowered[{Lower(w.form), w.xpos}][r];
      model.lemmas_.insert(HashString(Lower(w.lemma)));
      // An ending predicts a rule only when it covers what the rule strips, and never for
      // a rule that rewrites the whole word, so irregulars ("best" -> "good") do not spread.
      std::string lower = Lower(w.form);
      if (rule.strip >= lower.size()) continue;
      for (size_t len = std::max<size_t>(rule.strip, 1); len <= std::min<size_t>(kMaxSuffix, lower.size()); ++len)
        endings[{w.xpos, lower.substr(lower.size() - len)}][r].insert(lower);
    }
  }
  auto best = [](const std::map<uint32_t, int>& counts, int* total) {
    uint32_t best_rule = 0;
    int best_n = -1;
    *total = 0;
    for (auto [r, n] : counts) {
      *total += n;
      if (n > best_n) best_rule = r, best_n = n;
    }
    return best_rule;
  };
  int total = 0;
  for (const auto& [key, counts] : known) model.known_[KnownKey(key.first, key.second, false)] = best(counts, &total);
  for (const auto& [key, counts] : lowered) model.known_[KnownKey(key.first, key.second, true)] = best(counts, &total);
  for (const auto& [key, types] : endings) {
    std::map<uint32_t, int> counts;
    for (const auto& [rule, words] : types) counts[rule] = static_cast<int>(words.size());
    uint32_t r = best(counts, &total);
    if (counts[r] >= 2) model.endings_[EndingKey(key.first, key.second)] = r;
  }
  return model;
}

Status LemmaModel::Write(const std::string& path) const {
  ModelWriter writer(std::string{kLemmatizerKind});
  SectionWriter rules;
  rules.U32(static_cast<uint32_t>(rules_.size()));
  for (const LemmaRule& r : rules_) {
    rules.U8(r.lower ? 1 : 0);
    rules.U8(r.strip);
    rules.String(r.add);
  }
  writer.AddSection("rules", rules.Take());
  for (auto [name, table] : {std::pair{"known", &known_}, std::pair{"endings", &endings_}}) {
    std::vector<std::pair<uint64_t, uint32_t>> entries(table->begin(), table->end());
    std::sort(entries.begin(), entries.end());
    SectionWriter w;
    w.U64(entries.size());
    for (auto [key, rule] : entries) {
      w.U64(key);
      w.U32(rule);
    }
    writer.AddSection(name, w.Take());
  }
  SectionWriter lemmas;
  std::vector<uint64_t> words(lemmas_.begin(), lemmas_.end());
  std::sort(words.begin(), words.end());
  lemmas.Array(words);
  writer.AddSection("lemmas", lemmas.Take());
  return writer.Write(path);
}

Result<LemmaModel> LemmaModel::Load(const std::string& path) {
  auto file = ModelFile::Load(path, kLemmatizerKind);
  if (!file.ok()) return file.status();
  return FromFile(*file);
}

Result<LemmaModel> LemmaModel::FromFile(const ModelFile& file) {
  LemmaModel model;
  SectionReader rules = file.Section("rules");
  uint32_t n = rules.U32();
  if (rules.ok() && n > rules.remaining() / 6) rules.Fail(fmt::format("{} rules do not fit the section", n));
  for (uint32_t i = 0; i < n && rules.ok(); ++i) {
    LemmaRule r;
    uint8_t lower = rules.U8();
    if (rules.ok() && lower > 1) rules.Fail("bad rule case flag");
    r.lower = lower == 1;
    r.strip = rules.U8();
    r.add = rules.String();
    model.rules_.push_back(std::move(r));
  }
  SITREP_RETURN_IF_ERROR(rules.Finish());
  for (auto [name, table] : {std::pair{"known", &model.known_}, std::pair{"endings", &model.endings_}}) {
    SectionReader r = file.Section(name);
    uint64_t count = r.U64();
    if (r.ok() && count > r.remaining() / 12) r.Fail(fmt::format("{} entries do not fit the section", count));
    for (uint64_t i = 0; i < count && r.ok(); ++i) {
      uint64_t key = r.U64();
      uint32_t rule = r.U32();
      if (r.ok() && rule >= model.rules_.size()) r.Fail(fmt::format("entry names rule {} of {}", rule, model.rules_.size()));
      (*table)[key] = rule;
    }
    SITREP_RETURN_IF_ERROR(r.Finish());
  }
  SectionReader lemmas = file.Section("lemmas");
  std::vector<uint64_t> words = lemmas.Array<uint64_t>();
  SITREP_RETURN_IF_ERROR(lemmas.Finish());
  model.lemmas_.insert(words.begin(), words.end());
  return model;
}

}  // namespace sitrep
