// Closed classes of words and quotation marks paired into segments (see quote_index.h).
#include "annotate/quote_index.h"

#include <algorithm>
#include <span>
#include <unordered_map>
#include <unordered_set>

namespace sitrep::quotes_internal {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}



// Closed classes of words, read by WordFlags below.
constexpr std::string_view kDeterminerWords[] = {"the", "a",   "an", "this", "that",  "these", "those",
                                                 "his", "her", "its", "their", "our", "my",    "your",
                                                 "’s",  "'s",  "whose", "no", "any", "every"};

bool IsPronounSubject(std::string_view lower) {
  return lower == "he" || lower == "she" || lower == "they" || lower == "it" || lower == "we" || lower == "i" ||
         lower == "you";
}

bool IsPersonPronoun(std::string_view lower) { return lower == "he" || lower == "she"; }

bool IsRelativePronoun(std::string_view lower) { return lower == "who" || lower == "which"; }

// Third-person verb forms that are also plural nouns.
bool IsAlsoPluralNoun(std::string_view lower) {
  static const std::unordered_set<std::string_view> k = {
      "reports", "states", "comments", "challenges", "attacks", "supports", "shows", "calls", "plans",
      "remarks", "answers", "replies", "demands", "promises", "pledges", "vows", "questions", "doubts",
      "fears", "worries", "favors", "favours", "notes", "posts", "tweets", "echoes", "voices", "forecasts",
      "estimates", "claims", "hopes", "wants", "finds", "charges", "cites", "defends", "responds", "warnings"};
  return k.contains(lower);
}

// Words after which a verb takes its base form ("did not say", "would support").
constexpr std::string_view kModalWords[] = {"will", "would", "could", "can", "may",  "might", "should",
                                            "must", "did",   "do",    "does", "to",  "’ll",  "'ll",
                                            "’d",   "'d",    "n’t",   "n't",  "not"};

// Words skipped between a subject and its verb ("Miller had also said").
constexpr std::string_view kVerbPrefixWords[] = {
    "has", "have", "had", "also", "will", "would", "could", "can", "may", "might", "should", "must", "did",
    "does", "do", "reportedly", "repeatedly", "later", "then", "previously", "recently", "further",
    "once", "again", "publicly", "privately", "never", "not", "n't", "just", "already", "earlier",
    "still", "often", "frequently", "even", "first", "initially", "finally", "subsequently", "quickly",
    "immediately", "always", "had", "’d", "'d", "’ll", "'ll", "’ve", "'ve", "was", "were", "is", "are", "n’t"};

// Words that start a clause: they cannot be inside the noun phrase before a verb.
constexpr std::string_view kClauseWords[] = {
    "that", "which", "who", "whom", "when", "while", "because", "as", "and", "but", "or", "so", "if",
    "after", "before", "since", "although", "though", "where", "whether", "than", "until", "unless",
    "to", "with", "by", "on", "at", "from", "into", "about", "during", "against", "over", "under",
    "however", "meanwhile", "also", "said", "says", "is", "was", "are", "were", "be", "been", "has",
    "have", "had", "not", "yet", "nor", "then", "there", "here", "it"};

// Time words, skipped around a verb ("said on Monday", "in April").
constexpr std::string_view kTimeWords[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
    "tonight", "recently", "earlier", "later", "week", "month", "year", "morning", "evening", "night",
    "afternoon", "weekend", "weeks", "months", "years", "days", "decades", "hours", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec."};

// Titles that put a person's name after them ("Spokesperson Vedant Patel").
constexpr std::string_view kTitleWords[] = {
    "president", "minister", "secretary", "spokesperson", "spokesman", "spokeswoman", "ambassador",
    "general", "gen.", "senator", "sen.", "rep.", "representative", "governor", "gov.", "mayor", "chief",
    "commander", "director", "chairman", "chairwoman", "chair", "leader", "mr", "mr.", "mrs", "mrs.",
    "ms", "ms.", "dr", "dr.", "judge", "justice", "king", "queen", "prince", "premier", "envoy",
    "coordinator", "counselor", "counsellor", "adviser", "advisor", "candidate", "nominee", "pope",
    "sheikh", "maulana", "colonel", "col.", "lt.", "captain", "capt.", "major", "maj.", "admiral",
    "marshal", "inspector", "superintendent", "commissioner", "professor", "prof.", "senator",
    "congressman", "congresswoman", "speaker", "attorney", "sir", "lord", "lady", "analyst", "official",
    "diplomat", "correspondent", "reporter", "founder", "ceo", "executive"};

bool IsSentenceEndPunct(std::string_view w) {
  return w == "." || w == "!" || w == "?" || w == "..." || w == "…" || w == ";";
}

// --- Quotation marks ------------------------------------------------------------------


Mark MarkOf(std::string_view w) {
  // Every mark begins with one of these bytes; most tokens are rejected here.
  if (w.empty()) return Mark::kNone;
  unsigned char c = static_cast<unsigned char>(w[0]);
  if (c != '"' && c != '`' && c != '\'' && c != 0xE2 && c != 0xC2) return Mark::kNone;
  if (w == "\u201C" || w == "\u201E" || w == "\u00AB" || w == "``") return Mark::kOpen;
  if (w == "\u201D" || w == "\u00BB") return Mark::kClose;
  if (w == "\"" || w == "''") return Mark::kStraight;  // '' opens and closes in some newsroom styles
  return Mark::kNone;
}

// A token that is one punctuation character from the General Punctuation block (dashes,
// curly quotes, ellipsis, bullets): UTF-8 E2 80 xx or E2 81 xx.
bool IsUnicodePunct(std::string_view w) {
  return w.size() == 3 && static_cast<unsigned char>(w[0]) == 0xE2 &&
         (static_cast<unsigned char>(w[1]) == 0x80 || static_cast<unsigned char>(w[1]) == 0x81);
}


// The closed-class sets above, as one bit mask per word.
uint16_t WordFlags(std::string_view lower) {
  // One table for all the closed classes behind a shape filter, so most words cost one
  // bit test and the others one probe.
  struct Table {
    std::unordered_map<std::string_view, uint16_t> flags;
    ShapeFilter filter;
  };
  static const auto* table = [] {
    auto* t = new Table();
    auto add = [&](std::span<const std::string_view> words, uint16_t flag) {
      for (std::string_view w : words) {
        t->flags[w] |= flag;
        t->filter.Add(w);
      }
    };
    add(kDeterminerWords, 1);
    add(kClauseWords, 2);
    add(kVerbPrefixWords, 4);
    constexpr std::string_view kPronouns[] = {"he", "she", "they", "it", "we", "i", "you"};
    add(kPronouns, 8);
    constexpr std::string_view kRelatives[] = {"who", "which"};
    add(kRelatives, 16);
    add(kTitleWords, 32);
    add(kTimeWords, 64);
    add(kModalWords, 128);
    return t;
  }();
  uint16_t f = 0;
  if (lower.empty() || lower.size() > 16) return f;
  if (table->filter.MayContain(lower))
    if (auto it = table->flags.find(lower); it != table->flags.end()) f = it->second;
  // Adverbs between subject and verb ("Miller repeatedly said"), but not the nouns and
  // adjectives that also end in -ly.
  static const std::unordered_set<std::string_view> kNotAdverbs = {
      "daily", "weekly", "monthly", "yearly", "family", "ally", "rally", "assembly", "early", "only",
      "holy", "elderly", "friendly", "likely", "supply", "reply", "apply", "bully", "anomaly", "italy",
      "july", "costly", "lonely", "lovely", "ugly", "silly", "deadly", "orderly", "unlikely", "hourly"};
  if (lower.size() > 4 && lower.ends_with("ly") && !kNotAdverbs.contains(lower)) f |= 4;
  if (lower.size() == 4 && (lower.starts_with("19") || lower.starts_with("20")) &&
      lower.find_first_not_of("0123456789") == std::string_view::npos)
    f |= 64;  // a year
  return f;
}

// Pairs quotation marks into segments. Curly marks say which way they face; a straight
// mark faces the way its spacing says, else it flips the current state. A quote still
// open at a paragraph's end continues if the next paragraph opens with a mark (the
// newspaper convention for multi-paragraph quotes), stays open if the next paragraph
// closes it, and is otherwise unclosed: warned about and dropped.
std::vector<Segment> PairQuotationMarks(const DocIndex& d, std::vector<QuoteWarning>* warnings) {
  std::vector<Segment> out;
  size_t problems = 0;
  auto warn = [&](uint32_t token, const char* message) {
    ++problems;
    if (warnings->size() < kMaxWarnings) warnings->push_back({d.tok[token].span, message});
  };
  std::vector<std::vector<std::pair<uint32_t, Mark>>> marks(d.paragraphs.size());
  for (uint32_t p = 0; p < d.paragraphs.size(); ++p) {
    auto [b, e] = d.paragraphs[p];
    for (uint32_t i = b; i < e; ++i) {
      Mark m = MarkOf(d.word(i));
      if (m == Mark::kNone) continue;
      bool space_before = i == b || d.tok[i - 1].space_after;
      bool space_after = d.tok[i].space_after || i + 1 == e;
      if (m == Mark::kStraight) {
        if (space_before && !space_after) m = Mark::kOpen;
        else if (!space_before && space_after) m = Mark::kClose;
      } else if (m == Mark::kOpen && !space_before && space_after && i > b &&
                 (d.low(i - 1) == "," || d.low(i - 1) == "." || d.low(i - 1) == "?" || d.low(i - 1) == "!")) {
        m = Mark::kClose;  // a mistyped closer: ",“ said X"
      }
      marks[p].emplace_back(i, m);
    }
  }
  constexpr uint32_t kClosed = UINT32_MAX;
  uint32_t open = kClosed;  // the opening mark of the quote we are in
  uint32_t open_paragraph = 0;
  for (uint32_t p = 0; p < d.paragraphs.size(); ++p) {
    for (auto [i, m] : marks[p]) {
      if (m == Mark::kStraight) m = open != kClosed ? Mark::kClose : Mark::kOpen;
      if (m == Mark::kOpen) {
        if (open != kClosed) warn(open, "quotation mark opened and never closed");
        open = i;
        open_paragraph = p;
      } else if (open == kClosed) {
        warn(i, "closing quotation mark without an opening one");
      } else if (i - open > kMaxQuoteTokens) {
        warn(open, "quotation too long: its marks are probably unbalanced");
        open = kClosed;
      } else {
        out.push_back({open, i, true});
        open = kClosed;
      }
    }
    if (open == kClosed) continue;
    // The paragraph ends inside a quote.
    uint32_t para_last = d.paragraphs[p].second - 1;
    bool next_opens = p + 1 < d.paragraphs.size() && !marks[p + 1].empty() &&
                      marks[p + 1][0].first == d.paragraphs[p + 1].first && marks[p + 1][0].second != Mark::kClose;
    bool next_closes = p + 1 < d.paragraphs.size() && !marks[p + 1].empty() &&
                       marks[p + 1][0].second != Mark::kOpen && marks[p + 1][0].first != d.paragraphs[p + 1].first;
    if (next_opens) {
      out.push_back({open, para_last, false});
      open = kClosed;
    } else if (next_closes && p + 1 - open_paragraph < kMaxOpenParagraphs) {
      continue;  // a quote running on into the next paragraph
    } else if (open == d.paragraphs[open_paragraph].first && open_paragraph == p) {
      // A paragraph that opens a quote and never closes it: the quote is the paragraph.
      warn(open, "quotation mark never closed; the quote is taken to end with its paragraph");
      out.push_back({open, para_last, false});
      open = kClosed;
    } else {
      warn(open, "quotation mark opened and never closed");
      open = kClosed;
    }
  }
  if (open != kClosed) warn(open, "quotation mark opened and never closed");
  size_t total = 0;
  for (const auto& m : marks) total += m.size();
  if (problems > 0 && d.tok.size() > 0) {
    std::string message = std::to_string(problems) + " of " + std::to_string(total) +
                          " quotation marks in this document are unbalanced; quotes near them may be missed";
    warnings->push_back({{0, d.tok.back().span.end}, message});
  }
  return out;
}

}  // namespace sitrep::quotes_internal
