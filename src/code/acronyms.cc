#include "code/acronyms.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

namespace sitrep::code {

namespace {

bool Upper(char c) { return c >= 'A' && c <= 'Z'; }
bool Lower(char c) { return c >= 'a' && c <= 'z'; }
char Fold(char c) { return Upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// A short form: 2 to 8 characters, capital letters (digits and one hyphen allowed after
// the first), an optional plural "s": "TTP", "COAS", "G7", "NGOs".
std::string LettersOf(std::string_view word) {
  if (word.ends_with('s') && word.size() > 2) word.remove_suffix(1);
  if (word.size() < 2 || word.size() > 8 || !Upper(word[0])) return "";
  std::string letters;
  for (char c : word) {
    if (Upper(c))
      letters += c;
    else if (!(c >= '0' && c <= '9') && c != '-')
      return "";
  }
  return letters.size() >= 2 ? letters : "";
}

// One part of a word of the long form: "Tehreek-e-Taliban" has three.
struct Part {
  char initial;
  bool capital;
  bool starts_word;  // the first part of its token: a long form starts only there
  size_t token;      // index into the document's tokens
};

// Whether letters[0..i] can be the initials of parts[..j], part j giving letter i; sets
// *start to the part that gives letter 0.
bool Match(const std::string& letters, int i, const std::vector<Part>& parts, int j, int* start) {
  if (Fold(parts[j].initial) != Fold(letters[i])) return false;
  if (i == 0) {
    if (!parts[j].capital || !parts[j].starts_word) return false;
    return *start = j, true;
  }
  // The letter before comes from an earlier part; small words in between may be skipped.
  for (int k = j - 1; k >= 0; --k) {
    if (Match(letters, i - 1, parts, k, start)) return true;
    if (parts[k].capital) return false;
  }
  return false;
}

}  // namespace

std::vector<AcronymDefinition> FindAcronymDefinitions(const Doc& doc) {
  std::vector<AcronymDefinition> found;
  const std::vector<Token>& tokens = doc.tokens();
  for (const Sentence& s : doc.sentences()) {
    if (s.token_end > tokens.size()) continue;
    for (size_t t = s.token_begin + 1; t + 1 < s.token_end; ++t) {
      if (doc.Slice(tokens[t - 1].span) != "(" || doc.Slice(tokens[t + 1].span) != ")") continue;
      const std::string_view short_form = doc.Slice(tokens[t].span);
      const std::string letters = LettersOf(short_form);
      if (letters.empty()) continue;
      // The parts before "(", nearest last, stopping at punctuation and possessives.
      std::vector<Part> parts;
      for (size_t w = t - 1; w-- > s.token_begin && parts.size() < 3 * letters.size() + 4;) {
        const std::string_view word = doc.Slice(tokens[w].span);
        // A hyphen the tokenizer split off joins two parts of one word ("Asia-Pacific").
        if (word == "-" && !parts.empty() && w > s.token_begin) {
          parts.front().starts_word = false;
          continue;
        }
        if (word.empty() || !(Upper(word[0]) || Lower(word[0]))) break;
        std::vector<Part> of_word;
        for (size_t p = 0; p < word.size();) {
          size_t end = word.find('-', p);
          if (end == std::string_view::npos) end = word.size();
          if (end > p) of_word.push_back(Part{word[p], Upper(word[p]), p == 0, w});
          p = end + 1;
        }
        parts.insert(parts.begin(), of_word.begin(), of_word.end());
      }
      if (parts.size() < letters.size()) continue;
      int start = -1;
      if (!Match(letters, static_cast<int>(letters.size()) - 1, parts, static_cast<int>(parts.size()) - 1, &start))
        continue;
      if (std::any_of(found.begin(), found.end(),
                      [&](const AcronymDefinition& d) { return d.short_form == short_form; }))
        continue;
      found.push_back(AcronymDefinition{std::string(short_form), tokens[t].span,
                                        Span{tokens[parts[start].token].span.begin, tokens[t - 2].span.end}});
    }
  }
  return found;
}

std::vector<Annotation> AcronymLayer(const Doc& doc, const std::vector<AcronymDefinition>& definitions) {
  std::map<std::string_view, const AcronymDefinition*> by_form;
  for (const AcronymDefinition& d : definitions) by_form.emplace(d.short_form, &d);
  std::vector<Annotation> layer;
  if (by_form.empty()) return layer;
  for (const Token& t : doc.tokens()) {
    auto it = by_form.find(doc.Slice(t.span));
    if (it == by_form.end()) continue;
    const AcronymDefinition& d = *it->second;
    nlohmann::json attrs = {{"expansion", doc.Slice(d.long_span)}, {"long_form", {d.long_span.begin, d.long_span.end}}};
    layer.push_back(Annotation{t.span, d.short_form, attrs.dump()});
  }
  return layer;
}

}  // namespace sitrep::code
