// Quantities (see quantities.h). A sentence is read left to right; at each number the
// reader looks a few tokens back for a qualifier ("at least", "over") and for what
// happened ("killing", "deaths of"), and a few tokens ahead for a multiplier, a unit
// and the counted words. Every look is bounded, so a sentence costs O(tokens).
#include "annotate/quantities.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "annotate/quotes.h"

namespace sitrep {

namespace {

// Doubles hold integers exactly up to 2^53; refuse anything with more significant digits
// than that could carry, rather than print a rounded figure nobody wrote.
constexpr int kMaxSignificantDigits = 15;
constexpr int kMaxCountedWords = 4;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsLetterWord(std::string_view s) {
  if (s.empty()) return false;
  for (unsigned char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80)) return false;
  return true;
}

double Multiplier(std::string_view suffix) {
  static const std::unordered_map<std::string_view, double> kSuffix = {
      {"k", 1e3},   {"m", 1e6},   {"mn", 1e6},      {"mln", 1e6},     {"b", 1e9},
      {"bn", 1e9},  {"tn", 1e12}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12},
      {"lakh", 1e5}, {"lakhs", 1e5}, {"crore", 1e7}, {"crores", 1e7}, {"thousand", 1e3},
      {"hundred", 1e2}};
  auto it = kSuffix.find(suffix);
  return it == kSuffix.end() ? 0 : it->second;
}

// What the counted noun says is counted, for the categories analysts tally.
const std::unordered_map<std::string_view, std::string_view>& CountedCategories() {
  static const std::unordered_map<std::string_view, std::string_view> kMap = {
      {"death", "fatalities"}, {"deaths", "fatalities"}, {"fatalities", "fatalities"},
      {"fatality", "fatalities"}, {"dead", "killed"}, {"lives", "fatalities"}, {"bodies", "fatalities"},
      {"killed", "killed"}, {"casualties", "casualties"}, {"casualty", "casualties"},
      // misspellings seen in real reports
      {"causalities", "casualties"}, {"casualities", "casualties"}, {"casulaties", "casualties"},
      {"casualites", "casualties"},
      {"injuries", "injured"}, {"injured", "injured"}, {"wounded", "injured"}, {"injury", "injured"},
      {"attacks", "attacks"}, {"attack", "attacks"}, {"assaults", "attacks"}, {"bombings", "attacks"},
      {"blasts", "attacks"}, {"explosions", "attacks"}, {"ambushes", "attacks"}, {"raids", "attacks"},
      {"strikes", "attacks"}, {"incidents", "attacks"}, {"bombing", "attacks"}, {"blast", "attacks"},
      {"soldiers", "security personnel"}, {"soldier", "security personnel"}, {"troops", "security personnel"},
      {"personnel", "security personnel"}, {"policemen", "security personnel"},
      {"policeman", "security personnel"}, {"cops", "security personnel"}, {"servicemen", "security personnel"},
      {"officers", "security personnel"}, {"paramilitaries", "security personnel"},
      {"civilians", "civilians"}, {"civilian", "civilians"}, {"villagers", "civilians"},
      {"passengers", "civilians"}, {"residents", "civilians"}, {"children", "civilians"},
      {"worshippers", "civilians"}, {"students", "civilians"}, {"pilgrims", "civilians"},
      {"militants", "militants"}, {"militant", "militants"}, {"terrorists", "militants"},
      {"terrorist", "militants"}, {"insurgents", "militants"}, {"fighters", "militants"},
      {"rebels", "militants"}, {"attackers", "militants"}, {"gunmen", "militants"},
      {"police", "security personnel"}, {"people", "people"}, {"persons", "people"}, {"person", "people"}, {"individuals", "people"},
      {"others", "people"},
      {"percent", "percent"}, {"%", "percent"}, {"pc", "percent"},
      {"years", "duration"}, {"year", "duration"}, {"months", "duration"}, {"month", "duration"},
      {"weeks", "duration"}, {"week", "duration"}, {"days", "duration"}, {"day", "duration"},
      {"hours", "duration"}, {"hour", "duration"}, {"decades", "duration"}, {"decade", "duration"},
      {"minutes", "duration"}, {"km", "length"}, {"kilometer", "length"}, {"kilometre", "length"},
      {"kilometers", "length"}, {"kilometres", "length"}, {"miles", "length"}, {"mile", "length"},
      {"meters", "length"}, {"metres", "length"}, {"kg", "mass"}, {"tonnes", "mass"}, {"tons", "mass"}};
  return kMap;
}

std::string_view UnitOf(std::string_view label, std::string_view head) {
  if (label == "percent") return "%";
  if (label == "duration") return head.substr(0, head.size() - (head.back() == 's' ? 1 : 0));
  if (label == "length") {
    if (head.starts_with("mile")) return "mi";
    if (head.starts_with("met")) return "m";
    return "km";
  }
  if (label == "mass") return head == "kg" ? "kg" : "t";
  return "count";
}

// Currency words before ("$5", "Rs 10") or after ("10 rupees") a number.
std::string_view CurrencyBefore(std::string_view word) {
  static const std::unordered_map<std::string_view, std::string_view> kMap = {
      {"$", "USD"}, {"us$", "USD"}, {"usd", "USD"}, {"rs", "PKR"}, {"rs.", "PKR"}, {"pkr", "PKR"},
      {"€", "EUR"}, {"eur", "EUR"}, {"£", "GBP"}, {"gbp", "GBP"}, {"inr", "INR"}, {"afn", "AFN"}};
  auto it = kMap.find(word);
  return it == kMap.end() ? std::string_view() : it->second;
}
std::string_view CurrencyAfter(std::string_view word) {
  static const std::unordered_map<std::string_view, std::string_view> kMap = {
      {"dollars", "USD"}, {"dollar", "USD"}, {"rupees", "PKR"}, {"rupee", "PKR"}, {"euros", "EUR"},
      {"pounds", "GBP"}, {"afghanis", "AFN"}, {"usd", "USD"}, {"pkr", "PKR"}};
  auto it = kMap.find(word);
  return it == kMap.end() ? std::string_view() : it->second;
}

bool IsMonth(std::string_view lower) {
  static const std::unordered_set<std::string_view> kMonths = {
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
      "nov", "dec", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.",
      "nov.", "dec."};
  return kMonths.contains(lower);
}

// Words that end the counted phrase after a number: function words, auxiliaries and
// words that describe what happened rather than what is counted.
bool EndsCountedPhrase(std::string_view lower) {
  static const std::unordered_set<std::string_view> kStop = {
      "of", "in", "on", "at", "for", "from", "to", "by", "with", "among", "across", "during", "since",
      "after", "before", "including", "between", "into", "over", "under", "per", "than", "as", "near",
      "and", "or", "but", "nor", "the", "a", "an", "this", "that", "these", "those", "its", "their",
      "his", "her", "our", "who", "which", "whom", "whose", "were", "was", "are", "is", "be", "been",
      "being", "have", "has", "had", "will", "would", "could", "should", "may", "might", "must", "can",
      "also", "reportedly", "each", "apiece", "so", "far", "ago", "later", "earlier", "more", "less",
      "killed", "dead", "injured", "wounded", "died", "missing", "kidnapped", "abducted", "arrested",
      "according", "said", "when", "while", "where", "if", "it", "they", "he", "she", "we", "you",
      "not", "only", "just", "about", "around", "last", "this", "next", "every", "out"};
  return kStop.contains(lower);
}

// Qualifiers read backwards from the number: the words, and what they make of it.
enum class Bound { kNone, kMin, kMax, kApprox, kApproxMax };
struct Qualifier {
  std::vector<std::string_view> words;  // in text order
  Bound bound;
};
const std::vector<Qualifier>& Qualifiers() {
  // Longest first, so that "no more than" is not read as "more than".
  static const std::vector<Qualifier> kList = {
      {{"in", "excess", "of"}, Bound::kMin},  {{"no", "fewer", "than"}, Bound::kMin},
      {{"no", "less", "than"}, Bound::kMin},  {{"no", "more", "than"}, Bound::kMax},
      {{"as", "many", "as"}, Bound::kMax},    {{"at", "least"}, Bound::kMin},
      {{"more", "than"}, Bound::kMin},        {{"upwards", "of"}, Bound::kMin},
      {{"at", "most"}, Bound::kMax},          {{"up", "to"}, Bound::kMax},
      {{"less", "than"}, Bound::kMax},        {{"fewer", "than"}, Bound::kMax},
      {{"close", "to"}, Bound::kApproxMax},   {{"an", "estimated"}, Bound::kApprox},
      {{"over"}, Bound::kMin},                {{"above"}, Bound::kMin},
      {{"exceeding"}, Bound::kMin},           {{"under"}, Bound::kMax},
      {{"below"}, Bound::kMax},               {{"nearly"}, Bound::kApproxMax},
      {{"almost"}, Bound::kApproxMax},        {{"about"}, Bound::kApprox},
      {{"around"}, Bound::kApprox},           {{"approximately"}, Bound::kApprox},
      {{"roughly"}, Bound::kApprox},          {{"some"}, Bound::kApprox},
      {{"estimated"}, Bound::kApprox},        {{"approx."}, Bound::kApprox}};
  return kList;
}

// Words before a count that say what happened to those counted.
std::string_view OutcomeBefore(std::string_view lower) {
  static const std::unordered_map<std::string_view, std::string_view> kMap = {
      {"killing", "killed"}, {"killed", "killed"}, {"kill", "killed"}, {"kills", "killed"},
      {"murdered", "killed"}, {"murdering", "killed"}, {"deaths", "killed"}, {"death", "killed"},
      {"murder", "killed"}, {"murders", "killed"}, {"killings", "killed"}, {"claimed", "killed"},
      {"claiming", "killed"}, {"slain", "killed"}, {"executed", "killed"},
      {"injuring", "injured"}, {"injured", "injured"}, {"wounding", "injured"}, {"wounded", "injured"},
      {"injuries", "injured"}, {"injure", "injured"}};
  auto it = kMap.find(lower);
  return it == kMap.end() ? std::string_view() : it->second;
}
std::string_view OutcomeAfter(std::string_view lower) {
  static const std::unordered_map<std::string_view, std::string_view> kMap = {
      {"killed", "killed"}, {"dead", "killed"}, {"died", "killed"}, {"slain", "killed"},
      {"murdered", "killed"}, {"martyred", "killed"}, {"injured", "injured"}, {"wounded", "injured"},
      {"hurt", "injured"}};
  auto it = kMap.find(lower);
  return it == kMap.end() ? std::string_view() : it->second;
}

bool IsPeopleLabel(std::string_view label) {
  return label == "people" || label == "civilians" || label == "security personnel" || label == "militants";
}

// The tokens of one sentence with their lowercase forms, computed once.
struct SentenceWords {
  const Doc& doc;
  uint32_t begin, end;
  uint32_t base;         // byte offset of the sentence's first token
  std::string lowered;   // the sentence's bytes, ASCII letters lowercased
  bool has_tags = false;

  SentenceWords(const Doc& d, uint32_t b, uint32_t e) : doc(d), begin(b), end(e) {
    base = doc.tokens()[b].span.begin;
    lowered = Lower(std::string_view(doc.text()).substr(base, doc.tokens()[e - 1].span.end - base));
    has_tags = !doc.tokens()[b].upos.empty();
  }
  const Token& tok(uint32_t i) const { return doc.tokens()[i]; }
  std::string_view word(uint32_t i) const { return doc.Slice(tok(i).span); }
  std::string_view low(uint32_t i) const {
    if (i < begin || i >= end) return "";
    return std::string_view(lowered).substr(tok(i).span.begin - base, tok(i).span.size());
  }
  bool glued_to_next(uint32_t i) const { return i + 1 < end && !tok(i).space_after; }
};

// A number starting at token i: digits ("1,524"), number words ("twenty - one",
// "a dozen", "two hundred"), optionally followed by multipliers ("5 million").
struct NumberMatch {
  uint32_t begin, end;  // tokens [begin, end)
  NumberValue number;
};

// True when the lowercase word may be a number word: one test of its first two letters.
bool MayBeNumberWord(std::string_view lower) {
  static const auto* pairs = [] {
    auto* p = new std::array<bool, 26 * 26>{};
    for (std::string_view w : {"ze", "on", "tw", "th", "fo", "fi", "si", "se", "ei", "ni", "te", "el", "fu",
                               "hu", "mi", "bi", "tr", "do", "la", "cr", "sc"})
      (*p)[static_cast<size_t>(w[0] - 'a') * 26 + static_cast<size_t>(w[1] - 'a')] = true;
    return p;
  }();
  return lower.size() >= 3 && lower.size() <= 9 && lower[0] >= 'a' && lower[0] <= 'z' && lower[1] >= 'a' &&
         lower[1] <= 'z' && (*pairs)[static_cast<size_t>(lower[0] - 'a') * 26 + static_cast<size_t>(lower[1] - 'a')];
}

std::optional<NumberMatch> MatchNumber(const SentenceWords& s, uint32_t i) {
  NumberMatch m{i, i, {}};
  std::string_view w = s.word(i);
  if (w.empty() || (!IsDigit(w[0]) && s.low(i) != "a" && !MayBeNumberWord(s.low(i)))) return std::nullopt;
  if (!w.empty() && IsDigit(w[0])) {
    auto digits = ParseDigits(w);
    if (!digits) return std::nullopt;
    m.number = *digits;
    m.end = i + 1;
  } else {
    // Number words: "a" only before a multiplier ("a dozen", "a million").
    uint32_t j = i;
    double total = 0, current = 0;
    bool any = false;
    if (s.low(j) == "a" || s.low(j) == "one") {
      std::string_view next = s.low(j + 1);
      if (s.low(j) == "a" && (next == "dozen" || next == "hundred" || next == "thousand" || next == "million" ||
                              next == "billion" || next == "few")) {
        if (next == "few") return std::nullopt;
        current = 1;
        any = true;
        ++j;
      }
    }
    for (; j < s.end; ++j) {
      std::string_view lw = s.low(j);
      if (lw == "-" && any && !s.tok(j - 1).space_after) continue;  // "twenty-one"
      if (lw == "and" && any && current > 0 && current < 1000 && std::fmod(current, 100) == 0 &&
          NumberWordValue(s.low(j + 1)))
        continue;  // "two hundred and fifty"
      auto v = NumberWordValue(lw);
      if (!v) break;
      if (lw == "dozens" || lw == "hundreds" || lw == "thousands" || lw == "millions" || lw == "scores") {
        if (any) break;
        m.number.approximate = true;
        m.number.min = *v;
        any = true;
        ++j;
        break;
      }
      if (*v == 100 || lw == "dozen") {  // "two hundred", "a dozen", "two dozen"
        current = (current == 0 ? 1 : current) * *v;
      } else if (*v >= 1000) {
        total += (current == 0 ? 1 : current) * *v;
        current = 0;
      } else {
        current += *v;
      }
      any = true;
    }
    if (!any) return std::nullopt;
    // Back off a trailing hyphen or "and" that the loop stepped over.
    while (j > i && (s.low(j - 1) == "-" || s.low(j - 1) == "and")) --j;
    if (!m.number.approximate) m.number.value = total + current;
    m.end = j;
  }
  // Multipliers after the figure: "5 million", "1.5 billion", "10 lakh".
  while (m.end < s.end && m.number.value) {
    double mult = Multiplier(s.low(m.end));
    if (mult == 0 || (s.low(m.end) == "m" || s.low(m.end) == "b" || s.low(m.end) == "k")) break;
    m.number.value = *m.number.value * mult;
    ++m.end;
  }
  return m;
}

// A number that is part of a date, a year, a name or a code rather than a count.
bool IsNotACount(const SentenceWords& s, const NumberMatch& m) {
  std::string_view w = s.word(m.begin);
  std::string_view prev = m.begin > s.begin ? s.low(m.begin - 1) : "";
  std::string_view next = s.low(m.end);
  if (IsMonth(prev) || IsMonth(next)) return true;
  if (prev == "no." || prev == "#" || prev == "number" || prev == "article" || prev == "section" ||
      prev == "resolution" || prev == "chapter" || prev == "page" || prev == "rule" || prev == "flight")
    return true;
  // "COVID-19", "F-16", "G-20": a word glued by a hyphen before the number.
  if (prev == "-" && m.begin >= s.begin + 2 && !s.tok(m.begin - 2).space_after &&
      IsLetterWord(s.word(m.begin - 2)))
    return true;
  // A year: four digits from 1800 to 2100, unless a known counted noun follows directly.
  if (w.size() == 4 && m.end == m.begin + 1 && m.number.value && *m.number.value >= 1800 &&
      *m.number.value <= 2100 && w.find_first_not_of("0123456789") == std::string_view::npos) {
    auto it = CountedCategories().find(next);
    if (it == CountedCategories().end() || it->second == "duration") return true;
  }
  return false;
}

void ApplyBound(Bound bound, std::optional<double> figure, Quantity* q) {
  switch (bound) {
    case Bound::kNone:
      q->value = figure;
      q->min = q->max = figure;
      q->exact = figure.has_value();
      break;
    case Bound::kMin:
      q->min = figure;
      break;
    case Bound::kMax:
      q->max = figure;
      break;
    case Bound::kApprox:
      q->value = figure;
      break;
    case Bound::kApproxMax:
      q->value = figure;
      q->max = figure;
      break;
  }
}

// The qualifier ending just before token `i`, if any: its first token and its bound.
std::pair<uint32_t, Bound> QualifierBefore(const SentenceWords& s, uint32_t i) {
  for (const Qualifier& q : Qualifiers()) {
    auto n = static_cast<uint32_t>(q.words.size());
    if (i < s.begin + n) continue;
    bool match = true;
    for (uint32_t k = 0; k < n && match; ++k) match = s.low(i - n + k) == q.words[k];
    if (match) return {i - n, q.bound};
  }
  return {i, Bound::kNone};
}

// The counted phrase starting at token i: up to kMaxCountedWords modifier and noun words,
// joined across hyphens ("violence-related"). Returns [i, end) and the head token.
struct Counted {
  uint32_t begin, end, head;
};
std::optional<Counted> MatchCounted(const SentenceWords& s, uint32_t i, bool plural) {
  if (i >= s.end) return std::nullopt;
  // "50 killed", "20 dead": the count is of what happened to them.
  if (!OutcomeAfter(s.low(i)).empty() || s.low(i) == "killed" || s.low(i) == "dead")
    return Counted{i, i + 1, i};
  uint32_t j = i, words = 0;
  uint32_t head = i;
  while (j < s.end && words < kMaxCountedWords) {
    std::string_view lw = s.low(j);
    // Hyphenated words come as "violence - related" with no spaces: keep them together.
    if (lw == "-" && j > i && !s.tok(j - 1).space_after && !s.tok(j).space_after && j + 1 < s.end) {
      ++j;
      continue;
    }
    if (!IsLetterWord(s.word(j)) && lw != "%") break;
    if (EndsCountedPhrase(lw) && !(j > i && s.low(j - 1) == "-")) break;
    if (s.has_tags) {
      std::string_view upos = s.tok(j).upos;
      if (upos != "NOUN" && upos != "ADJ" && upos != "PROPN" && upos != "NUM" && upos != "SYM" &&
          !(upos == "VERB" && j > i && s.low(j - 1) == "-"))
        break;
    } else if (words > 0 && s.low(j - 1) != "-" && (lw.ends_with("ing") || (lw.ends_with("ed") && !CountedCategories().contains(lw)))) {
      break;  // "attacks killing ...", "people arrested": a verb, not part of the noun phrase
    }
    head = j;
    ++words;
    ++j;
    if (CountedCategories().contains(lw) && !(j < s.end && (s.low(j) == "-" || CountedCategories().contains(s.low(j)))))
      break;  // a known head noun ends the phrase ("civilians and ...")
  }
  if (words == 0) return std::nullopt;
  // Without a known head noun, a count of several things ends in a plural: trim words
  // after the last one that looks plural ("two countries held" -> "two countries").
  if (plural && !CountedCategories().contains(s.low(head))) {
    uint32_t k = head;
    while (k > i && !s.low(k).ends_with("s")) --k;
    head = s.low(k).ends_with("s") ? k : i;
  }
  return Counted{i, head + 1, head};
}

Span TokenSpan(const SentenceWords& s, uint32_t first, uint32_t last_exclusive) {
  return {s.tok(first).span.begin, s.tok(last_exclusive - 1).span.end};
}

}  // namespace

std::optional<NumberValue> ParseDigits(std::string_view token) {
  NumberValue out;
  size_t i = 0;
  std::string digits;      // the figure without separators
  size_t significant = 0;  // digits after leading zeros
  bool seen_point = false;
  int group = -1;          // digits since the last comma; -1 before any comma
  for (; i < token.size(); ++i) {
    char c = token[i];
    if (IsDigit(c)) {
      if (significant > 0 || c != '0') ++significant;
      digits.push_back(c);
      if (group >= 0) ++group;
    } else if (c == ',' && !seen_point && i > 0 && i + 1 < token.size() && IsDigit(token[i + 1])) {
      // Western groups of three, or South Asian groups of two ("1,50,000"): the last
      // group must be three digits, which is checked when the next comma or the end comes.
      if (group >= 0 && group != 2 && group != 3) return std::nullopt;
      group = 0;
    } else if (c == '.' && !seen_point && i + 1 < token.size() && IsDigit(token[i + 1])) {
      if (group >= 0 && group != 3) return std::nullopt;
      seen_point = true;
      group = -1;
      digits.push_back('.');
    } else {
      break;
    }
  }
  if (group >= 0 && group != 3) return std::nullopt;
  std::string_view suffix = token.substr(i);
  double mult = 1;
  if (!suffix.empty()) {
    mult = Multiplier(Lower(suffix));
    if (mult == 0) return std::nullopt;  // "3rd", "9/11", "05:50", "4G": not a count
  }
  if (significant > kMaxSignificantDigits) {
    out.warning = "number with " + std::to_string(significant) +
                  " significant digits is beyond what can be stored exactly; value not normalised";
    return out;
  }
  out.value = std::strtod(digits.c_str(), nullptr) * mult;
  return out;
}

std::optional<double> NumberWordValue(std::string_view w) {
  static const std::unordered_map<std::string_view, double> kWords = {
      {"zero", 0},        {"one", 1},        {"two", 2},         {"three", 3},        {"four", 4},
      {"five", 5},        {"six", 6},        {"seven", 7},       {"eight", 8},        {"nine", 9},
      {"ten", 10},        {"eleven", 11},    {"twelve", 12},     {"thirteen", 13},    {"fourteen", 14},
      {"fifteen", 15},    {"sixteen", 16},   {"seventeen", 17},  {"eighteen", 18},    {"nineteen", 19},
      {"twenty", 20},     {"thirty", 30},    {"forty", 40},      {"fifty", 50},       {"sixty", 60},
      {"seventy", 70},    {"eighty", 80},    {"ninety", 90},     {"hundred", 100},    {"thousand", 1e3},
      {"million", 1e6},   {"billion", 1e9},  {"trillion", 1e12}, {"dozen", 12},       {"lakh", 1e5},
      {"crore", 1e7},     {"dozens", 24},    {"hundreds", 200},  {"thousands", 2000}, {"millions", 2e6},
      {"scores", 40}};
  auto it = kWords.find(w);
  if (it == kWords.end()) return std::nullopt;
  return it->second;
}

std::vector<Quantity> FindQuantities(const Doc& doc, uint32_t begin, uint32_t end) {
  std::vector<Quantity> out;
  end = std::min<uint32_t>(end, static_cast<uint32_t>(doc.tokens().size()));
  if (begin >= end) return out;
  // Most sentences have no number at all: look before paying for a lowercase copy.
  bool maybe = false;
  for (uint32_t i = begin; i < end && !maybe; ++i) {
    std::string_view w = doc.Slice(doc.tokens()[i].span);
    if (w.empty()) continue;
    if (IsDigit(w[0])) {
      maybe = true;
    } else if (w.size() >= 3 && w.size() <= 9) {
      char buf[9];
      for (size_t k = 0; k < w.size(); ++k) buf[k] = (w[k] >= 'A' && w[k] <= 'Z') ? static_cast<char>(w[k] + 32) : w[k];
      std::string_view lower(buf, w.size());
      maybe = MayBeNumberWord(lower) && NumberWordValue(lower).has_value();
    }
  }
  if (!maybe) return out;

  SentenceWords s(doc, begin, end);
  std::optional<AccordingTo> according = FindAccordingTo(doc, begin, end);
  // Whether the sentence also counts injuries (then "casualties" are the dead); asked rarely.
  auto sentence_counts_injuries = [&] {
    for (uint32_t i = begin; i < end; ++i) {
      auto it = CountedCategories().find(s.low(i));
      if (it != CountedCategories().end() && it->second == "injured") return true;
    }
    return false;
  };

  for (uint32_t i = begin; i < end; ++i) {
    auto m = MatchNumber(s, i);
    if (!m) continue;
    // "one" is too often a pronoun ("one of which"): count it only before a noun.
    if (s.low(m->begin) == "one" && m->end == m->begin + 1 && s.low(m->end) == "of") continue;
    if (m->number.value && IsNotACount(s, *m)) {
      i = m->end - 1;
      continue;
    }
    Quantity q;
    q.number = TokenSpan(s, m->begin, m->end);
    uint32_t first = m->begin, last = m->end;  // tokens of the whole quantity

    // Money: "$ 5 million", "Rs 10 billion", "10 million rupees".
    std::string currency(CurrencyBefore(m->begin > begin ? s.low(m->begin - 1) : ""));
    if (!currency.empty()) first = m->begin - 1;

    // Ranges: "10 to 20", "10-20", "between 10 and 20".
    std::optional<double> range_max;
    if (m->number.value && last + 1 < end &&
        (s.low(last) == "to" || (s.low(last) == "-" && !s.tok(last - 1).space_after && !s.tok(last).space_after) ||
         (s.low(last) == "and" && first > begin && s.low(first - 1) == "between"))) {
      if (auto second = MatchNumber(s, last + 1); second && second->number.value) {
        range_max = second->number.value;
        if (s.low(last) == "and") --first;
        last = second->end;
      }
    }
    auto [qual_first, bound] = QualifierBefore(s, first);
    first = qual_first;

    if (!m->number.value && m->number.warning.empty() && m->number.min) {
      // "dozens", "hundreds": a vague lower bound, whatever the qualifier.
      q.min = m->number.min;
      if (bound == Bound::kMax || bound == Bound::kApproxMax) q.min.reset();
    } else if (range_max) {
      q.min = m->number.value;
      q.max = range_max;
    } else {
      ApplyBound(bound, m->number.value, &q);
    }
    q.warning = m->number.warning;

    // What is counted: after the figure, skipping a partitive "of the" ("dozens of people",
    // "two of its citizens") and a unit word.
    uint32_t after = last;
    if (s.low(after) == "%" || s.low(after) == "percent") {
      q.label = "percent";
      q.unit = "%";
      q.counted = s.tok(after).span;
      last = after + 1;
    } else if (s.low(after) == "per" && s.low(after + 1) == "cent") {
      q.label = "percent";
      q.unit = "%";
      q.counted = TokenSpan(s, after, after + 2);
      last = after + 2;
    } else {
      if (s.low(after) == "of") {
        std::string_view det = s.low(after + 1);
        if (det == "the" || det == "its" || det == "their" || det == "these" || det == "those" || det == "his" ||
            det == "her" || det == "our")
          after += 2;
        else if (m->number.approximate)
          after += 1;
      }
      // "2,670-kilometer border": a unit glued by a hyphen.
      if (s.low(after) == "-" && !s.tok(after - 1).space_after && !s.tok(after).space_after) ++after;
      if (after < end && !CurrencyAfter(s.low(after)).empty()) {
        currency = CurrencyAfter(s.low(after));
        last = after + 1;
      } else if (auto counted = MatchCounted(s, after, !(m->number.value && *m->number.value == 1))) {
        q.counted = TokenSpan(s, counted->begin, counted->end);
        std::string head(s.low(counted->head));
        auto cat = CountedCategories().find(head);
        if (cat != CountedCategories().end()) {
          q.label = cat->second;
        } else {
          q.label = head;
        }
        // "security forces personnel", "police officers": one category.
        if (q.label == "security personnel" || head == "forces") {
          for (uint32_t k = counted->begin; k < counted->end; ++k)
            if (s.low(k) == "security" || s.low(k) == "police" || s.low(k) == "army") q.label = "security personnel";
        }
        q.unit = UnitOf(q.label, head);
        last = counted->end;
      }
    }
    if (!currency.empty()) {
      q.label = "money";
      q.unit = currency;
    }
    if (q.label.empty()) {
      if (q.warning.empty()) {  // a bare figure with nothing counted: a code, a score, a name
        i = m->end - 1;
        continue;
      }
      q.label = "number";
    }
    if (q.unit.empty()) q.unit = "count";
    if (q.label == "casualties" && sentence_counts_injuries()) q.label = "fatalities";

    // What happened to those counted: a word before ("killing 151 civilians", "deaths of
    // over 50 people") or after ("were killed", "died").
    if (q.label == "fatalities" || q.label == "killed") q.outcome = "killed";
    if (q.label == "injured") q.outcome = "injured";
    for (uint32_t k = first, n = 0; k > begin && n < 3 && q.outcome.empty(); --k, ++n) {
      std::string_view lw = s.low(k - 1);
      if (lw == "of" || lw == "the") continue;
      q.outcome = OutcomeBefore(lw);
      if (q.outcome.empty() && !(lw == "that" || lw == "which" || lw == "who")) break;
    }
    for (uint32_t k = last, n = 0; k < end && n < 3 && q.outcome.empty(); ++k, ++n) {
      std::string_view lw = s.low(k);
      if (lw == "were" || lw == "was" || lw == "have" || lw == "had" || lw == "been" || lw == "are") continue;
      q.outcome = OutcomeAfter(lw);
      if (lw == "lost" && s.low(k + 1).starts_with("their")) q.outcome = "killed";
      break;
    }
    // "including 14 security personnel", "151 civilians and 114 security personnel": the
    // listed group shares what happened to the group before it.
    if (q.outcome.empty() && !out.empty() && IsPeopleLabel(q.label) && !out.back().outcome.empty()) {
      std::string_view before = first > begin ? s.low(first - 1) : "";
      if (before == "including" || before == "and" || before == ",") q.outcome = out.back().outcome;
    }
    if (according) q.source = according->source;
    q.span = TokenSpan(s, first, std::max(last, m->end));
    out.push_back(std::move(q));
    i = std::max(last, m->end) - 1;
  }
  return out;
}

namespace {

void AppendNumber(const char* key, const std::optional<double>& v, std::string* out) {
  *out += '"';
  *out += key;
  *out += "\":";
  if (!v) {
    *out += "null";
  } else if (std::floor(*v) == *v && std::fabs(*v) < 9e15) {
    *out += std::to_string(static_cast<int64_t>(*v));
  } else {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", *v);
    *out += buf;
  }
}

void AppendSpan(const char* key, const std::optional<Span>& s, std::string* out) {
  *out += '"';
  *out += key;
  *out += "\":";
  if (s) *out += "[" + std::to_string(s->begin) + "," + std::to_string(s->end) + "]";
  else *out += "null";
}

void AppendText(const char* key, std::string_view value, std::string* out) {
  *out += '"';
  *out += key;
  *out += "\":";
  if (value.empty()) {
    *out += "null";
    return;
  }
  *out += '"';
  for (char c : value) {
    if (c == '"' || c == '\\') *out += '\\';
    if (static_cast<unsigned char>(c) >= 0x20) *out += c;
  }
  *out += '"';
}

}  // namespace

// Written by hand rather than through a JSON library: it runs for every quantity of
// every document, and every value is a number, a span or a word from a fixed list.
std::string QuantityAttrsJson(const Quantity& q) {
  std::string out = "{";
  out.reserve(220);
  AppendNumber("value", q.value, &out);
  out += ',';
  AppendNumber("min", q.min, &out);
  out += ',';
  AppendNumber("max", q.max, &out);
  out += q.exact ? ",\"exact\":true," : ",\"exact\":false,";
  AppendText("unit", q.unit, &out);
  out += ',';
  AppendSpan("counted_span", q.counted, &out);
  out += ',';
  AppendText("outcome", q.outcome, &out);
  out += ',';
  AppendSpan("source_span", q.source, &out);
  out += ',';
  AppendText("warning", q.warning, &out);
  out += '}';
  return out;
}

}  // namespace sitrep
