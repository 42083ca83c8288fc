#include "code/dictionaries/code_dictionary.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace sitrep::code::dictionaries {

namespace {

// The undated codes of an entry, for comparing duplicates.
std::vector<std::string> DefaultCodes(const DictionaryEntry& e) {
  std::vector<std::string> out;
  for (const DatedCode& c : e.codes)
    if (!c.dated()) out.push_back(c.code);
  return out;
}

bool WordMatches(const PatternWord& p, std::string_view word, DictionaryKind kind, bool stems) {
  PatternWord::Match match = p.match;
  if (match == PatternWord::Match::kStem && !stems)
    match = kind == DictionaryKind::kAgents && p.plural ? PatternWord::Match::kPlural : PatternWord::Match::kExact;
  switch (match) {
    case PatternWord::Match::kExact:
      return word == p.text;
    case PatternWord::Match::kStem:
      return word.starts_with(p.text);
    case PatternWord::Match::kPlural:
      if (word == p.text) return true;
      if (!word.starts_with(p.text)) {
        // "party" -> "parties"
        return p.text.ends_with('y') && word.size() == p.text.size() + 2 && word.ends_with("ies") &&
               word.starts_with(std::string_view(p.text).substr(0, p.text.size() - 1));
      }
      return word.substr(p.text.size()) == "s" || word.substr(p.text.size()) == "es";
  }
  return false;
}

}  // namespace

Status CodeDictionary::Load(const std::string& path, std::vector<std::string>* warnings) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(Code::kNotFound, fmt::format("{}: cannot open the dictionary", path));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status(Code::kIo, fmt::format("{}: cannot read the dictionary", path));
  Add(text.str(), path, warnings);
  return Status::Ok();
}

void CodeDictionary::Add(std::string_view text, std::string_view name, std::vector<std::string>* warnings) {
  for (DictionaryRecord& r : ReadDictionary(text, name, kind_, warnings)) {
    const auto id = static_cast<uint32_t>(entries_.size());
    entries_.push_back(DictionaryEntry{std::move(r.codes), fmt::format("{}:{}", name, r.line)});
    const DictionaryEntry& entry = entries_.back();
    for (Pattern& p : r.patterns) {
      auto [known, fresh] = first_entry_.try_emplace(PatternKey(p), id);
      if (!fresh) {
        const DictionaryEntry& before = entries_[known->second];
        if (known->second != id && DefaultCodes(before) != DefaultCodes(entry) && warnings)
          warnings->push_back(
              fmt::format("{}: ambiguous: \"{}\" is also at {} with another undated code; that one is used",
                          entry.origin, PatternKey(p), before.origin));
        continue;  // the first entry keeps the phrase
      }
      const auto pid = static_cast<uint32_t>(patterns_.size());
      if (p.front().match == PatternWord::Match::kStem && p.size() == 1) {
        by_stem_[p.front().text].push_back(pid);
        stem_sizes_.insert(p.front().text.size());
      } else {
        by_word_[p.front().text].push_back(pid);
      }
      patterns_.push_back(Indexed{std::move(p), id});
    }
  }
}

template <typename Visit>
void CodeDictionary::ForCandidates(std::string_view word, Visit visit) const {
  auto in = [&](const Index& index, std::string_view key) {
    if (auto it = index.find(key); it != index.end())
      for (uint32_t pid : it->second) visit(pid);
  };
  in(by_word_, word);
  // A plural-taking first word is filed under its singular.
  if (word.ends_with('s')) in(by_word_, word.substr(0, word.size() - 1));
  if (word.ends_with("es")) in(by_word_, word.substr(0, word.size() - 2));
  if (word.ends_with("ies")) in(by_word_, std::string(word.substr(0, word.size() - 3)) + "y");
  for (size_t n : stem_sizes_) {
    if (n > word.size()) break;
    in(by_stem_, word.substr(0, n));
  }
}

bool CodeDictionary::Matches(const Pattern& pattern, const std::vector<std::string>& words, size_t first,
                             bool stems) const {
  if (first + pattern.size() > words.size()) return false;
  for (size_t k = 0; k < pattern.size(); ++k)
    if (!WordMatches(pattern[k], words[first + k], kind_, stems)) return false;
  return true;
}

size_t CodeDictionary::MatchesWithGaps(const Pattern& pattern, const std::vector<std::string>& words, size_t first,
                                       bool stems) const {
  size_t at = first;
  for (size_t k = 0; k < pattern.size(); ++k, ++at) {
    if (k > 0 && pattern[k].after_blank) {  // the first of the next few words that matches
      // Words only: a comma or a dash between ends the phrase ("Radagast, the Brown").
      auto is_word = [](const std::string& w) {
        return std::any_of(w.begin(), w.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
      };
      size_t skip = 0;
      while (skip <= kMaxGap && at + skip < words.size() && !WordMatches(pattern[k], words[at + skip], kind_, stems)) {
        if (!is_word(words[at + skip])) return 0;
        ++skip;
      }
      if (skip > kMaxGap || at + skip >= words.size()) return 0;
      at += skip;
    } else if (at >= words.size() || !WordMatches(pattern[k], words[at], kind_, stems)) {
      return 0;
    }
  }
  return at - first;
}

PhraseMatch CodeDictionary::LongestAt(const std::vector<std::string>& words, size_t first, bool gaps,
                                      bool stems) const {
  PhraseMatch best;
  if (first >= words.size()) return best;
  uint32_t best_pid = 0;
  size_t best_words = 0;  // of the pattern: more words is a longer phrase, whatever it spans
  ForCandidates(words[first], [&](uint32_t pid) {
    const Indexed& c = patterns_[pid];
    // Load order breaks ties: the first file, then the first line, wins.
    const bool longer = c.pattern.size() > best_words || (c.pattern.size() == best_words && pid < best_pid);
    if (!longer) return;
    size_t span = 0;
    if (Matches(c.pattern, words, first, stems)) span = c.pattern.size();
    else if (gaps) span = MatchesWithGaps(c.pattern, words, first, stems);
    if (span == 0) return;
    best = PhraseMatch{&entries_[c.entry], first, span};
    best_pid = pid;
    best_words = c.pattern.size();
  });
  return best;
}

}  // namespace sitrep::code::dictionaries
