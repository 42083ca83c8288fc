// Features of a document for consolidation (see doc_features.h).
#include "consolidate/doc_features.h"

#include "consolidate/twin_dct.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <string_view>
#include <unordered_set>

#include "annotate/timex.h"

namespace sitrep {

namespace {

// Words that say nothing about which development an article reports: reporting verbs,
// calendar words (every article has a "Monday"), and the commonest function words for
// when no tagger ran.
bool IsUninformative(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "say", "said", "tell", "told", "add", "added", "state", "stated", "report", "reported", "also",
      "be", "have", "do", "make", "take", "give", "get", "go", "come", "would", "could", "should",
      "will", "may", "might", "must", "can", "other", "more", "most", "many", "much", "new", "last",
      "first", "next", "year", "month", "week", "day", "time", "today", "yesterday", "tomorrow",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
      "february", "march", "april", "june", "july", "august", "september", "october", "november",
      "december", "the", "and", "that", "this", "with", "from", "which", "their", "there", "they",
      "them", "were", "been", "being", "into", "about", "after", "before", "while", "when", "where",
      "what", "than", "then", "such", "some", "these", "those", "over", "under", "between", "during",
      "against", "both", "each", "its", "his", "her", "our", "your", "who", "whom", "whose", "not",
      "for", "was", "are", "has", "had", "did", "does", "but", "all", "any", "one", "two", "mr", "ms"};
  return kWords.count(w) > 0;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool HasLetter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

// "PER:dar" for "Ishaq Dar" (a surname alone names the same person later in the text and
// in other reports); "LOC:islamabad", "ORG:foreign office" for places and bodies.
std::string NameKey(const std::string& label, std::string_view text) {
  std::string t = Lower(text);
  if (t.rfind("the ", 0) == 0) t.erase(0, 4);
  if (label == "PER") {
    size_t space = t.find_last_of(' ');
    if (space != std::string::npos) t.erase(0, space + 1);
  }
  // Possessives and trailing punctuation make two spellings of one name.
  while (!t.empty() && !std::isalnum(static_cast<unsigned char>(t.back()))) t.pop_back();
  if (t.size() > 2 && t.compare(t.size() - 2, 2, "'s") == 0) t.resize(t.size() - 2);
  return label + ":" + t;
}

void ReadDctLayer(const Doc& doc, DocFeatures* f) {
  const std::vector<Annotation>* dct = doc.Layer("dct");
  if (!dct || dct->empty()) return;
  nlohmann::json attrs = nlohmann::json::parse(dct->front().attrs, nullptr, /*allow_exceptions=*/false);
  if (!attrs.is_object()) return;
  // A date a twin gave (an earlier consolidation) is not evidence for grouping: the
  // content estimate it replaced is, so stories come out the same run after run.
  if (attrs.value("source", "") == "twin") attrs = attrs.value(kContentBeforeTwin, nlohmann::json());
  if (!attrs.is_object()) return;
  DayRange r;
  if (attrs.contains("earliest") && attrs["earliest"].is_string()) {
    DayRange e;
    if (IsoDayRange(attrs["earliest"].get<std::string>(), &e)) r.first = e.first;
  }
  if (attrs.contains("latest") && attrs["latest"].is_string()) {
    DayRange l;
    if (IsoDayRange(attrs["latest"].get<std::string>(), &l)) r.last = l.last;
  }
  f->when = r;
}

}  // namespace

bool IsoDayRange(const std::string& iso, DayRange* range) {
  auto digits = [&](size_t at, size_t n, int* out) {
    if (iso.size() < at + n) return false;
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(iso[i]))) return false;
      v = v * 10 + (iso[i] - '0');
    }
    *out = v;
    return true;
  };
  int y = 0, m = 0, d = 0;
  if (!digits(0, 4, &y)) return false;
  if (iso.size() >= 7 && iso[4] == '-' && digits(5, 2, &m) && m >= 1 && m <= 12) {
    if (iso.size() >= 10 && iso[7] == '-' && digits(8, 2, &d) && d >= 1 && d <= DaysInMonth(y, m)) {
      range->first = range->last = DaysFromCivil(y, m, d);
      return true;
    }
    range->first = DaysFromCivil(y, m, 1);
    range->last = DaysFromCivil(y, m, DaysInMonth(y, m));
    return true;
  }
  range->first = DaysFromCivil(y, 1, 1);
  range->last = DaysFromCivil(y, 12, 31);
  return true;
}

DocFeatures FeaturesOf(const Doc& doc) {
  DocFeatures f;
  f.key = doc.text_hash();
  // Adjacent content lemmas also count as a pair ("violent extremism", "price cap"):
  // reports of one development repeat its phrases, while reports of one topic share
  // mostly single words.
  std::string previous;
  size_t previous_index = static_cast<size_t>(-2);
  for (size_t index = 0; index < doc.tokens().size(); ++index) {
    const Token& t = doc.tokens()[index];
    std::string_view form = doc.Slice(t.span);
    if (!HasLetter(form) && !std::isdigit(static_cast<unsigned char>(form.empty() ? ' ' : form[0]))) continue;
    std::string word = Lower(form);
    f.words.push_back(word);
    bool content = t.upos.empty() ? word.size() >= 4 && HasLetter(word)
                                  : (t.upos == "NOUN" || t.upos == "PROPN" || t.upos == "VERB" || t.upos == "ADJ");
    if (!content) continue;
    std::string lemma = t.lemma.empty() ? word : Lower(t.lemma);
    if (lemma.size() < 3 || IsUninformative(lemma) || !HasLetter(lemma)) continue;
    if (previous_index + 1 == index) f.terms.push_back(previous + "_" + lemma);
    previous = lemma, previous_index = index;
    f.terms.push_back(std::move(lemma));
  }
  if (const std::vector<Annotation>* entities = doc.Layer("entity")) {
    for (const Annotation& a : *entities) {
      if (a.label != "PER" && a.label != "ORG" && a.label != "LOC") continue;  // NORP: too general
      std::string key = NameKey(a.label, doc.Slice(a.span));
      if (key.size() > a.label.size() + 2) f.names.push_back(std::move(key));
    }
  }
  // Dates stated with month and day: their TIMEX3 value is "2024-03-20" or, when the
  // year is not known, "XXXX-03-20". Relative ones ("on Monday") are left out: without
  // a creation date they say nothing, and with one they only repeat it.
  if (const std::vector<Annotation>* timex = doc.Layer("timex")) {
    for (const Annotation& a : *timex) {
      if (a.label != "DATE") continue;
      std::string_view text = doc.Slice(a.span);
      bool names_month =
          std::any_of(text.begin(), text.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
      nlohmann::json attrs = nlohmann::json::parse(a.attrs, nullptr, false);
      if (!names_month || !attrs.is_object() || !attrs.contains("value") || !attrs["value"].is_string()) continue;
      std::string v = attrs["value"].get<std::string>();
      if (v.size() != 10 || v[4] != '-' || v[7] != '-' || !std::isdigit(static_cast<unsigned char>(v[5])) ||
          !std::isdigit(static_cast<unsigned char>(v[8])))
        continue;
      f.stated_days.emplace_back(std::stoi(v.substr(5, 2)), std::stoi(v.substr(8, 2)));
    }
  }
  if (doc.meta().published && IsoDayRange(doc.meta().published->iso, &f.when)) {
    f.dated = true;
  } else {
    ReadDctLayer(doc, &f);
  }
  return f;
}

}  // namespace sitrep
