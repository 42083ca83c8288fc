// WordNet: reading the database files, morphy-style analysis, and the model section.
#include "train/wordnet.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "train/perceptron.h"

namespace sitrep {

namespace {

struct Rule {
  std::string_view suffix, replacement;
  uint32_t bit;
  uint8_t pos;
};

// WordNet's detachment rules (morph.c), each with the signature bit it sets.
constexpr Rule kRules[] = {
    {"s", "", WordNetLexicon::kNounPlural, WordNetLexicon::kPosNoun},
    {"ses", "s", WordNetLexicon::kNounPlural, WordNetLexicon::kPosNoun},
    {"xes", "x", WordNetLexicon::kNounPlural, WordNetLexicon::kPosNoun},
    {"zes", "z", WordNetLexicon::kNounPlural, WordNetLexicon::kPosNoun},
    {"ches", "ch", WordNetLexicon::kNounPlural, WordNetLexicon::kPosNoun},
    {"shes", "sh", WordNetLexicon::kNounPlural, WordNetLexicon::kPosNoun},
    {"men", "man", WordNetLexicon::kNounPlural, WordNetLexicon::kPosNoun},
    {"ies", "y", WordNetLexicon::kNounPlural, WordNetLexicon::kPosNoun},
    {"s", "", WordNetLexicon::kVerbS, WordNetLexicon::kPosVerb},
    {"ies", "y", WordNetLexicon::kVerbS, WordNetLexicon::kPosVerb},
    {"es", "e", WordNetLexicon::kVerbS, WordNetLexicon::kPosVerb},
    {"es", "", WordNetLexicon::kVerbS, WordNetLexicon::kPosVerb},
    {"ed", "e", WordNetLexicon::kVerbEd, WordNetLexicon::kPosVerb},
    {"ed", "", WordNetLexicon::kVerbEd, WordNetLexicon::kPosVerb},
    {"ing", "e", WordNetLexicon::kVerbIng, WordNetLexicon::kPosVerb},
    {"ing", "", WordNetLexicon::kVerbIng, WordNetLexicon::kPosVerb},
    {"er", "", WordNetLexicon::kAdjEr, WordNetLexicon::kPosAdj},
    {"est", "", WordNetLexicon::kAdjEst, WordNetLexicon::kPosAdj},
    {"er", "e", WordNetLexicon::kAdjEr, WordNetLexicon::kPosAdj},
    {"est", "e", WordNetLexicon::kAdjEst, WordNetLexicon::kPosAdj},
};

Status ReadLines(const std::string& path, std::vector<std::string>* lines) {
  std::ifstream in(path);
  if (!in) return Status(Code::kNotFound, "cannot open the WordNet file (install the wordnet-base package)").At(path);
  std::string line;
  while (std::getline(in, line)) lines->push_back(std::move(line));
  return Status::Ok();
}

constexpr std::pair<std::string_view, uint8_t> kFiles[] = {
    {"noun", WordNetLexicon::kPosNoun},
    {"verb", WordNetLexicon::kPosVerb},
    {"adj", WordNetLexicon::kPosAdj},
    {"adv", WordNetLexicon::kPosAdv},
};

}  // namespace

uint8_t WordNetLexicon::LemmaPos(std::string_view lower) const {
  auto it = lemmas_.find(HashString(lower));
  return it == lemmas_.end() ? 0 : it->second;
}

std::vector<std::string> WordNetLexicon::Exceptions(std::string_view lower, uint8_t pos) const {
  std::vector<std::string> out;
  auto [begin, end] = exceptions_.equal_range(HashString(lower));
  for (auto it = begin; it != end; ++it)
    if (it->second.first & pos) out.push_back(it->second.second);
  return out;
}

uint32_t WordNetLexicon::Signature(std::string_view lower) const {
  if (lemmas_.empty() || lower.empty()) return 0;
  uint32_t sig = 0;
  uint8_t pos = LemmaPos(lower);
  if (pos & kPosNoun) sig |= kNoun;
  if (pos & kPosVerb) sig |= kVerb;
  if (pos & kPosAdj) sig |= kAdj;
  if (pos & kPosAdv) sig |= kAdv;
  auto [begin, end] = exceptions_.equal_range(HashString(lower));
  for (auto it = begin; it != end; ++it) {
    switch (it->second.first) {
      case kPosNoun: sig |= kNounIrregular; break;
      case kPosVerb: sig |= kVerbIrregular; break;
      case kPosAdj: sig |= kAdjIrregular; break;
      default: sig |= kAdvIrregular; break;
    }
  }
  std::string base;
  for (const Rule& r : kRules) {
    if (lower.size() <= r.suffix.size() || !lower.ends_with(r.suffix) || (sig & r.bit)) continue;
    base.assign(lower.substr(0, lower.size() - r.suffix.size()));
    base += r.replacement;
    if (LemmaPos(base) & r.pos) sig |= r.bit;
  }
  return sig;
}

Result<WordNetLexicon> WordNetLexicon::ReadDatabase(const std::string& dir) {
  WordNetLexicon lex;
  std::vector<std::string> lines;
  for (auto [name, pos] : kFiles) {
    lines.clear();
    SITREP_RETURN_IF_ERROR(ReadLines(dir + "/index." + std::string(name), &lines));
    for (const std::string& line : lines) {
      if (line.empty() || line[0] == ' ') continue;  // the licence header
      std::string lemma = line.substr(0, line.find(' '));
      if (lemma.find('_') != std::string::npos) continue;  // multiword lemmas: not one token
      lex.lemmas_[HashString(lemma)] |= pos;
    }
    lines.clear();
    SITREP_RETURN_IF_ERROR(ReadLines(dir + "/" + std::string(name) + ".exc", &lines));
    for (const std::string& line : lines) {
      std::istringstream fields(line);
      std::string form, base;
      if (!(fields >> form) || form.find('_') != std::string::npos) continue;
      while (fields >> base)
        if (base.find('_') == std::string::npos) lex.exceptions_.emplace(HashString(form), std::make_pair(pos, base));
    }
  }
  if (lex.lemmas_.empty()) return Status(Code::kParse, "no lemmas in the WordNet index files").At(dir);
  return lex;
}

Result<std::vector<std::vector<std::string>>> WordNetLexicon::ReadGlosses(const std::string& dir) {
  std::vector<std::vector<std::string>> text;
  std::vector<std::string> lines;
  for (auto [name, pos] : kFiles) {
    lines.clear();
    SITREP_RETURN_IF_ERROR(ReadLines(dir + "/data." + std::string(name), &lines));
    for (const std::string& line : lines) {
      if (line.empty() || line[0] == ' ') continue;
      size_t bar = line.find(" | ");
      if (bar == std::string::npos) continue;
      // "definition; "example sentence"": split off punctuation the way EWT does, roughly.
      std::vector<std::string> words;
      std::string word;
      auto flush = [&] {
        if (!word.empty()) words.push_back(std::move(word));
        word.clear();
      };
      for (char c : std::string_view(line).substr(bar + 3)) {
        if (c == ' ') {
          flush();
        } else if (c == ';' || c == ',' || c == '"' || c == '(' || c == ')' || c == ':' || c == '?' || c == '!') {
          flush();
          words.push_back(std::string(1, c));
        } else {
          word.push_back(c);
        }
      }
      flush();
      if (!words.empty() && words.back().size() > 1 && words.back().back() == '.') {
        words.back().pop_back();
        words.push_back(".");
      }
      text.push_back(std::move(words));
    }
  }
  return text;
}

void WordNetLexicon::Write(SectionWriter* w) const {
  std::vector<std::pair<uint64_t, uint8_t>> lemmas(lemmas_.begin(), lemmas_.end());
  std::sort(lemmas.begin(), lemmas.end());
  w->U64(lemmas.size());
  for (auto [key, pos] : lemmas) {
    w->U64(key);
    w->U8(pos);
  }
  std::vector<std::tuple<uint64_t, uint8_t, std::string>> exc;
  for (const auto& [key, value] : exceptions_) exc.emplace_back(key, value.first, value.second);
  std::sort(exc.begin(), exc.end());
  w->U64(exc.size());
  for (const auto& [key, pos, base] : exc) {
    w->U64(key);
    w->U8(pos);
    w->String(base);
  }
}

Result<WordNetLexicon> WordNetLexicon::Read(SectionReader* r) {
  WordNetLexicon lex;
  uint64_t n = r->U64();
  if (r->ok() && n > r->remaining() / 9) r->Fail(fmt::format("{} WordNet lemmas do not fit the section", n));
  lex.lemmas_.reserve(r->ok() ? n : 0);
  for (uint64_t i = 0; i < n && r->ok(); ++i) {
    uint64_t key = r->U64();
    lex.lemmas_[key] = r->U8();
  }
  uint64_t m = r->U64();
  if (r->ok() && m > r->remaining() / 13) r->Fail(fmt::format("{} WordNet exceptions do not fit the section", m));
  for (uint64_t i = 0; i < m && r->ok(); ++i) {
    uint64_t key = r->U64();
    uint8_t pos = r->U8();
    std::string base = r->String();
    lex.exceptions_.emplace(key, std::make_pair(pos, std::move(base)));
  }
  if (!r->ok()) return r->status();
  return lex;
}

}  // namespace sitrep
