// Quotations and reported speech (see quotes.h). The document is read in four passes,
// each linear in its tokens:
//   1. quotation marks are paired into quoted segments, paragraph by paragraph;
//   2. each sentence's reporting verbs ("said", "told", "according to") are read with
//      their speaker (left or right of the verb) and their content (the clause after the
//      verb, or the sentence part before a trailing ", X said");
//   3. each quoted segment is attached to a cue next to it (direct), or found inside a
//      reported clause (mixed), or continues the previous quote (a quote paragraph), or
//      is dropped as scare quotes;
//   4. pronoun speakers are resolved to the nearest preceding person-like name.
#include "annotate/quotes.h"

#include "annotate/quote_cues.h"

#include <algorithm>
#include <array>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

namespace sitrep {

namespace {

// Look-around limits, in tokens, sentences or paragraphs. They bound the work per
// quote and keep a runaway quotation mark from swallowing a document.
constexpr uint32_t kMaxNounPhrase = 14;       // tokens in a speaker phrase
constexpr uint32_t kMaxAside = 24;            // tokens in a ", at a news briefing," aside
constexpr uint32_t kMaxCueGap = 8;            // tokens between a quote's opening mark and its cue
constexpr uint32_t kMaxTrailingGap = 14;      // tokens from a closing mark to the cue after it
constexpr uint32_t kMaxOpenParagraphs = 3;    // paragraphs a quote may span without a closer
constexpr uint32_t kMaxQuoteTokens = 800;     // tokens in one quote
constexpr uint32_t kPronounLookback = 10;     // paragraphs searched for a pronoun's antecedent
constexpr uint32_t kContinuationParagraphs = 2;  // a quote paragraph continues a quote this close
constexpr size_t kMaxWarnings = 20;
constexpr uint32_t kSyntaxWindow = 64;        // tokens either side of a verb searched in its parse
constexpr size_t kMaxQuotesPerSentence = 32;  // reported-speech readings kept per sentence

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }


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

enum class Mark : uint8_t { kNone, kOpen, kClose, kStraight };

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

struct Segment {
  uint32_t open;   // token of the opening mark
  uint32_t last;   // last token of the content: the closing mark, or the paragraph's last token
  bool closed;     // false when it runs to its paragraph's end (a continued quote paragraph)
  bool used = false;
};

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

// --- The document, indexed once ---------------------------------------------------------

struct DocIndex {
  const Doc& doc;
  const std::vector<Token>& tok;
  std::string lowered;                 // the text with ASCII letters lowercased (same offsets)
  std::vector<uint32_t> sentence_of;   // token -> sentence index
  std::vector<uint32_t> paragraph_of;  // token -> paragraph index
  std::vector<std::pair<uint32_t, uint32_t>> paragraphs;  // token ranges
  std::vector<uint8_t> heading;                            // per paragraph: labelled "heading"
  std::vector<const CueEntry*> cue;    // token -> cue entry (verb forms), or null
  std::vector<uint8_t> in_quote;       // token is inside a quoted segment
  bool has_tags = false;
  bool has_deps = false;

  explicit DocIndex(const Doc& d) : doc(d), tok(d.tokens()) {
    size_t n = tok.size();
    lowered = Lower(doc.text());
    flag_memo.assign(n, 0);
    sentence_of.assign(n, 0);
    for (uint32_t s = 0; s < doc.sentences().size(); ++s) {
      const Sentence& sent = doc.sentences()[s];
      for (uint32_t i = sent.token_begin; i < sent.token_end && i < n; ++i) sentence_of[i] = s;
    }
    paragraph_of.assign(n, 0);
    const std::vector<Annotation>* layer = doc.Layer("paragraph");
    uint32_t i = 0;
    if (layer != nullptr) {
      for (const Annotation& p : *layer) {
        uint32_t first = i;
        while (i < n && tok[i].span.begin < p.span.end) {
          paragraph_of[i] = static_cast<uint32_t>(paragraphs.size());
          ++i;
        }
        if (i > first) {
          paragraphs.emplace_back(first, i);
          heading.push_back(p.label == "heading");
        }
      }
    }
    if (i < n) {  // tokens after the last paragraph (or no paragraph layer at all)
      for (uint32_t k = i; k < n; ++k) paragraph_of[k] = static_cast<uint32_t>(paragraphs.size());
      paragraphs.emplace_back(i, static_cast<uint32_t>(n));
      heading.push_back(0);
    }
    for (const Token& t : tok) {
      if (!t.upos.empty()) has_tags = true;
      if (!t.deprel.empty()) has_deps = true;
      if (has_tags && has_deps) break;
    }
    cue.assign(n, nullptr);
    const std::string& text = doc.text();
    for (uint32_t k = 0; k < n; ++k) {
      // Cues are lowercase words: "State" in "State Department" is a name. A headline
      // in title case is the exception: "Sanders Says He Will Stay In".
      bool title_case = false;
      if (!IsLowerAscii(text[tok[k].span.begin])) {
        uint32_t p = paragraph_of[k];
        if (!(IsUpper(text[tok[k].span.begin]) && (p == 0 || heading[p]) && k > paragraphs[p].first &&
              k + 1 < paragraphs[p].second))
          continue;
        title_case = true;
      }
      const CueEntry* entry = FindCue(low(k));
      if (entry == nullptr) continue;
      if (title_case && entry->cls != CueClass::kSay && entry->cls != CueClass::kTell &&
          entry->cls != CueClass::kClaim && entry->cls != CueClass::kStance)
        continue;
      if (has_tags && !title_case && tok[k].upos != "VERB") continue;
      if (!has_tags && k > 0 && is_det(k - 1)) continue;  // "the report", "a call"
      if (k > 0 && low(k - 1) == "-" && !tok[k - 1].space_after) continue;    // "self-described"
      cue[k] = entry;
    }
    in_quote.assign(n, 0);
  }

  std::string_view word(uint32_t i) const { return doc.Slice(tok[i].span); }

  // Closed-class facts about a token's word, looked up once per token (one hash probe)
  // however often the look-arounds ask.
  enum Flag : uint16_t {
    kDet = 1, kClause = 2, kPrefix = 4, kPronoun = 8, kRelative = 16, kTitle = 32, kTime = 64, kModal = 128,
    kKnown = 0x8000,
  };
  uint16_t flags(uint32_t i) const {
    uint16_t& f = flag_memo[i];
    if (f == 0) f = static_cast<uint16_t>(kKnown | WordFlags(low(i)));
    return f;
  }
  bool is_det(uint32_t i) const { return flags(i) & kDet; }
  bool is_clause(uint32_t i) const { return flags(i) & kClause; }
  bool is_prefix(uint32_t i) const { return flags(i) & kPrefix; }
  bool is_pronoun(uint32_t i) const { return flags(i) & kPronoun; }
  bool is_relative(uint32_t i) const { return flags(i) & kRelative; }
  bool is_title(uint32_t i) const { return flags(i) & kTitle; }
  bool is_time(uint32_t i) const { return flags(i) & kTime; }
  bool is_modal(uint32_t i) const { return flags(i) & kModal; }
  mutable std::vector<uint16_t> flag_memo;
  std::string_view low(uint32_t i) const {
    return std::string_view(lowered).substr(tok[i].span.begin, tok[i].span.size());
  }
  bool cap(uint32_t i) const {
    std::string_view w = word(i);
    return !w.empty() && (IsUpper(w[0]) || static_cast<unsigned char>(w[0]) >= 0x80) && !IsUnicodePunct(w) &&
           w != "\u2019s";
  }
  uint32_t sent_begin(uint32_t i) const { return doc.sentences()[sentence_of[i]].token_begin; }
  uint32_t sent_end(uint32_t i) const { return doc.sentences()[sentence_of[i]].token_end; }
  Span span(uint32_t first, uint32_t last_inclusive) const {
    return {tok[first].span.begin, tok[last_inclusive].span.end};
  }
};

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

// --- Noun phrases next to a cue -------------------------------------------------------

// True for a token that can be part of a speaker phrase read without tags.
bool NounPhraseWord(const DocIndex& d, uint32_t i) {
  std::string_view w = d.word(i);
  std::string_view lw = d.low(i);
  if (w.empty() || IsUnicodePunct(w)) return false;
  if (d.has_tags) {
    std::string_view u = d.tok[i].upos;
    if (u == "PROPN" || u == "NOUN" || u == "ADJ" || u == "DET" || u == "NUM" || u == "PART") return true;
    if (u == "PUNCT") return w == "-" || w == "." || w == "&";
    if (u == "ADP") return lw == "of" || lw == "for";
    if (u == "CCONJ") return lw == "and" || lw == "&";
    return false;
  }
  if (lw == "’s" || lw == "'s" || lw == "’" || lw == "-" || lw == "&" || lw == "of" || lw == "for")
    return true;
  // A capitalised word is a name or a title ("Under Secretary"), except a function word
  // opening the sentence ("However", "In").
  if (IsUpper(w[0]) && !(i == d.sent_begin(i) && (d.is_clause(i) || d.is_prefix(i)))) return d.cue[i] == nullptr;
  if (lw == "and") return true;  // checked by the caller: only between capitalised words
  if (d.is_det(i)) return lw != "that" && lw != "whose";
  if (d.is_clause(i) || d.is_prefix(i) || d.cue[i] != nullptr) return false;
  if (lw.size() > 4 && lw.ends_with("ed")) return false;  // "congratulated", "reaffirmed": a verb
  unsigned char c = static_cast<unsigned char>(w[0]);
  return IsUpper(w[0]) || IsLowerAscii(w[0]) || c >= 0x80 || (w[0] >= '0' && w[0] <= '9');
}

// The noun phrase that ends at token `last` (inclusive), not reaching before `floor`.
// Returns its first token, or nullopt when there is none.
std::optional<uint32_t> NounPhraseEndingAt(const DocIndex& d, uint32_t last, uint32_t floor) {
  if (last < floor || last >= d.tok.size()) return std::nullopt;
  if (d.is_pronoun(last)) return last;
  // A cue word can head the phrase: "the congressional report said".
  bool noun_cue = d.cue[last] != nullptr && (d.low(last) == d.cue[last]->lemma || IsAlsoPluralNoun(d.low(last))) &&
                  last > floor && ((NounPhraseWord(d, last - 1) && !d.is_clause(last - 1)) || d.low(last - 1) == ",");
  static const std::unordered_set<std::string_view> kNotHead = {"in", "on", "at", "of", "for", "to", "with",
                                                                "from", "by", "about", "into", "as"};
  if (kNotHead.contains(d.low(last))) return std::nullopt;
  if (!(NounPhraseWord(d, last) || noun_cue) || d.low(last) == "of" || d.low(last) == "and" || d.is_det(last))
    return std::nullopt;
  // Without tags, a lowercase "-ed" word is a verb more often than a head noun
  // ("The discussion also included plans").
  if (!d.has_tags && IsLowerAscii(d.word(last)[0]) && d.low(last).ends_with("ed")) return std::nullopt;
  uint32_t first = last;
  while (first > floor && last - first + 1 < kMaxNounPhrase && NounPhraseWord(d, first - 1)) {
    std::string_view lw = d.low(first - 1);
    // "of", "for" and "and" join two nouns: "Secretary of State", "Pakistan and the US".
    if ((lw == "of" || lw == "for" || lw == "and") &&
        !(first - 1 > floor && (d.cap(first - 2) || NounPhraseWord(d, first - 2))))
      break;
    if (lw == "and" && !d.cap(first)) break;
    if (d.is_det(first - 1) && lw != "’s" && lw != "'s") {
      --first;
      // A determiner opens the phrase, unless "of" or "for" joins it to a noun before:
      // "The spokesman for the ministry".
      if (first > floor + 1 && (d.low(first - 1) == "of" || d.low(first - 1) == "for") &&
          (d.cap(first - 2) || (NounPhraseWord(d, first - 2) && !d.is_det(first - 2))) &&
          last - first + 3 < kMaxNounPhrase) {
        first -= 1;
        continue;
      }
      break;
    }
    --first;
  }
  // Never begin with a joining word.
  while (first < last && (d.low(first) == "of" || d.low(first) == "and" || d.low(first) == "for" ||
                          d.low(first) == "-" || d.low(first) == "’s" || d.low(first) == "'s"))
    ++first;
  return first;
}

// The noun phrase starting at token `first`, not reaching `limit`: [first, end).
uint32_t NounPhraseFrom(const DocIndex& d, uint32_t first, uint32_t limit) {
  if (first >= limit) return first;
  if (d.is_pronoun(first)) return first + 1;
  uint32_t end = first;
  while (end < limit && end - first < kMaxNounPhrase && NounPhraseWord(d, end)) {
    std::string_view lw = d.low(end);
    if ((lw == "of" || lw == "for" || lw == "and") && !(end + 1 < limit && (d.cap(end + 1) || d.is_det(end + 1))))
      break;
    if (end > first && d.is_det(end) && lw != "’s" && lw != "'s") break;
    if (end > first && d.is_pronoun(end)) break;  // "told the Post she would"
    ++end;
  }
  while (end > first && (d.low(end - 1) == "of" || d.low(end - 1) == "and" || d.low(end - 1) == "for" ||
                         d.low(end - 1) == "-"))
    --end;
  return end;
}

// The subtree of token `head` in its sentence, as a token range (the parse is projective
// enough for news that its hull is the phrase). Bounded by the sentence.
// The tokens of `i`'s sentence within kSyntaxWindow of it: parse look-ups stay bounded
// even in a run-on "sentence" of thousands of tokens.
std::pair<uint32_t, uint32_t> SyntaxWindow(const DocIndex& d, uint32_t i) {
  uint32_t b = d.sent_begin(i), e = d.sent_end(i);
  return {std::max(b, i > kSyntaxWindow ? i - kSyntaxWindow : 0), std::min(e, i + kSyntaxWindow)};
}

std::pair<uint32_t, uint32_t> SubtreeHull(const DocIndex& d, uint32_t head) {
  auto [b, e] = SyntaxWindow(d, head);
  uint32_t lo = head, hi = head;
  auto n = static_cast<int32_t>(d.tok.size());
  for (uint32_t i = b; i < e; ++i) {
    int32_t h = static_cast<int32_t>(i);
    for (int depth = 0; depth < 24 && h >= 0 && h < n && static_cast<uint32_t>(h) != head; ++depth)
      h = d.tok[h].head;
    if (h == static_cast<int32_t>(head)) {
      lo = std::min(lo, i);
      hi = std::max(hi, i);
    }
  }
  return {lo, hi};
}

// The speaker of the verb at `cue` to its left: "Miller", "The US State Department’s
// spokesperson Matthew Miller, at a news briefing,": skipping auxiliaries, adverbs and one
// comma-enclosed aside. Returns the token range [first, last].
std::optional<std::pair<uint32_t, uint32_t>> SpeakerBefore(const DocIndex& d, uint32_t cue, uint32_t floor) {
  if (d.has_deps) {
    auto [b, e] = SyntaxWindow(d, cue);
    for (uint32_t i = b; i < e; ++i)
      if (d.tok[i].head == static_cast<int32_t>(cue) && (d.tok[i].deprel == "nsubj" || d.tok[i].deprel == "nsubj:outer")) {
        auto [lo, hi] = SubtreeHull(d, i);
        if (hi - lo + 1 > kMaxNounPhrase) lo = hi = i;
        if (lo >= floor) return std::make_pair(lo, hi);
      }
    // Without a subject in the parse, fall back to the words.
  }
  if (cue == 0 || cue <= floor) return std::nullopt;
  uint32_t j = cue - 1;
  while (j > floor && d.is_prefix(j) && !d.is_pronoun(j)) --j;
  if (j < floor) return std::nullopt;
  // "Barkley, who said ...": the relative pronoun is the speaker as written.
  if (d.is_relative(j)) return std::make_pair(j, j);
  // A comma before the verb closes an aside: skip to the comma that opens it. An aside
  // may hold a reporting verb only as a relative clause ("X, who said ..., said").
  if (d.low(j) == "," && j > floor) {
    uint32_t k = j - 1;
    uint32_t steps = 0;
    bool has_cue = false;
    while (k > floor && steps < kMaxAside && d.low(k) != "," && MarkOf(d.word(k)) == Mark::kNone) {
      has_cue |= d.cue[k] != nullptr;
      --k;
      ++steps;
    }
    if (k <= floor || d.low(k) != ",") return std::nullopt;
    if (has_cue && !d.is_relative(k + 1)) return std::nullopt;
    j = k - 1;
  }
  // Temporal phrases between subject and verb: "X on Friday said", "the US (US) said".
  if (d.low(j) == ")" ) {
    uint32_t k = j;
    while (k > floor && j - k < 6 && d.low(k) != "(") --k;
    if (d.low(k) == "(" && k > floor) j = k - 1;
  }
  if (d.is_time(j) && j >= floor + 2 && (d.low(j - 1) == "on" || d.low(j - 1) == "last" || d.low(j - 1) == "this"))
    j -= 2;
  auto first = NounPhraseEndingAt(d, j, floor);
  if (!first) return std::nullopt;
  // An apposition before a plain noun: "The Guardian, a British daily, report revealed".
  if (*first > floor + 1 && d.low(*first - 1) == "," && !d.cap(*first)) {
    uint32_t k = *first - 2;
    while (k > floor && *first - k < kMaxAside && d.low(k) != "," &&
           (NounPhraseWord(d, k) || (d.low(k).ends_with("ed") && d.cue[k] == nullptr)))  // "a noted daily"
      --k;
    if (d.low(k) == "," && k > floor) {
      if (auto outer = NounPhraseEndingAt(d, k - 1, floor); outer && d.cap(k - 1)) first = outer;
    }
  }
  return std::make_pair(*first, j);
}

// Without tags, "attack", "support" or "reports" after a noun phrase may be a noun ("a
// drone attack", "US support for", "recent comments"). Read it as a verb only when its
// subject agrees with it: a base form after a modal, a plural or I/you/we/they; an -s
// form that is also a plural noun after a name, a pronoun or a determiner phrase.
bool AgreesAsVerb(const DocIndex& d, const CueEntry& cue, uint32_t k, std::pair<uint32_t, uint32_t> subject) {
  std::string_view form = d.low(k);
  std::string_view first = d.low(subject.first);
  if (IsRelativePronoun(first) && subject.first == subject.second) return true;
  if (form == cue.lemma) {
    for (uint32_t j = k; j > subject.second + 1; --j)
      if (d.is_modal(j - 1)) return true;
    std::string_view head = d.low(subject.second);
    if (head == "i" || head == "you" || head == "we" || head == "they" || head == "people" || head == "police")
      return true;
    if (head.ends_with("s") && !head.ends_with("ss") && !d.cap(subject.second)) return true;
    std::string_view head_word = d.word(subject.second);
    if (head_word.size() > 2 && head_word.back() == 's' && IsLowerAscii(head_word[head_word.size() - 2]) &&
        d.cap(subject.second))
      return true;  // "Republicans", not "US"
    for (uint32_t j = subject.first; j <= subject.second; ++j)
      if (d.low(j) == "and") return true;
    return subject.first == subject.second && head.ends_with("s");
  }
  if (IsAlsoPluralNoun(form)) {
    static const std::unordered_set<std::string_view> kReporters = {
        "official", "spokesman", "spokeswoman", "spokesperson", "report", "study", "poll", "survey", "statement",
        "campaign", "government", "ministry", "department", "agency", "group", "party", "committee",
        "newspaper", "article", "analysis", "president", "minister", "senator", "candidate", "governor",
        "leader", "lawmaker", "author", "source", "administration", "company", "court", "judge", "expert"};
    std::string_view head = d.low(subject.second);
    return (d.cap(subject.second) && !(head[0] >= '0' && head[0] <= '9')) || head == "he" || head == "she" ||
           head == "it" || kReporters.contains(head);
  }
  return true;
}

// The subject of a verb coordinated with an earlier one: "Obama met survivors ... and
// said", "Carson admitted that ..., but said". The subject is the sentence's first noun
// phrase, after an opening adverbial ("In an interview, Trump ...").
std::optional<std::pair<uint32_t, uint32_t>> SentenceSubject(const DocIndex& d, uint32_t b, uint32_t j);

std::optional<std::pair<uint32_t, uint32_t>> CoordinatedSubject(const DocIndex& d, uint32_t cue, uint32_t b) {
  if (cue <= b + 1) return std::nullopt;
  uint32_t j = cue - 1;
  while (j > b && d.is_prefix(j)) --j;
  if (d.low(j) != "and" && d.low(j) != "but") return std::nullopt;
  return SentenceSubject(d, b, j);
}

// The first noun phrase of the sentence [b, ...) before token j, after an opening
// adverbial ("In an interview, Trump ..."): the subject of its main verb.
std::optional<std::pair<uint32_t, uint32_t>> SentenceSubject(const DocIndex& d, uint32_t b, uint32_t j) {
  static const std::unordered_set<std::string_view> kOpeners = {
      "in", "on", "at", "during", "after", "before", "with", "speaking", "asked", "addressing", "while", "when",
      "later", "earlier", "meanwhile", "however", "still", "but", "and", "also", "then", "since", "last"};
  uint32_t start = b;
  if (kOpeners.contains(d.low(b)) || d.low(b).ends_with("ing")) {
    uint32_t k = b;
    while (k < j && k - b < 16 && d.low(k) != ",") ++k;
    if (k >= j || d.low(k) != ",") return std::nullopt;
    start = k + 1;
  }
  uint32_t end = NounPhraseFrom(d, start, j);
  if (end == start || d.cue[start] != nullptr) return std::nullopt;
  return std::make_pair(start, end - 1);
}

// The phrase between a comma and a sentence-final cue: ", a person familiar with the
// talks said." Returns nullopt when a clause boundary or another cue is in the way.
std::optional<std::pair<uint32_t, uint32_t>> TrailingSpeakerPhrase(const DocIndex& d, uint32_t cue, uint32_t b) {
  if (cue <= b + 1) return std::nullopt;
  uint32_t last = cue - 1;
  while (last > b && d.is_prefix(last) && !d.is_pronoun(last)) --last;
  for (uint32_t k = last; k > b && last - k < 12; --k) {
    std::string_view lw = d.low(k);
    if (lw == ",") return k < last ? std::optional(std::make_pair(k + 1, last)) : std::nullopt;
    if (IsSentenceEndPunct(lw) || MarkOf(d.word(k)) != Mark::kNone || lw == ":" || lw == "that" ||
        (d.cue[k] != nullptr && k != last))
      return std::nullopt;
  }
  return std::nullopt;
}

// The speaker of an inverted cue: "…,” said Miller" / ", said the spokesman."
std::optional<std::pair<uint32_t, uint32_t>> SpeakerAfter(const DocIndex& d, uint32_t cue, uint32_t limit) {
  uint32_t first = cue + 1;
  if (first >= limit) return std::nullopt;
  uint32_t end = NounPhraseFrom(d, first, limit);
  if (end == first) return std::nullopt;
  return std::make_pair(first, end - 1);
}

// --- Reported speech --------------------------------------------------------------------

struct Candidate {
  Quote quote;
  uint32_t cue_token;
  uint32_t content_first, content_last;  // tokens
  bool trailing = false;                 // content before the cue
};

// Skips what may stand between a verb and its content: "on Monday", "in a statement",
// "to reporters", "also", "this week", "repeatedly". Returns the first content token.
uint32_t SkipAdverbials(const DocIndex& d, uint32_t i, uint32_t end) {
  // A "that" shortly after a setting or time phrase starts the content: "said in an
  // interview with CNN on Sunday that", "told reporters at a rally in Iowa that".
  static const std::unordered_set<std::string_view> kPhraseStart = {
      "in", "on", "at", "during", "after", "before", "with", "to", "from", "last", "this", "earlier",
      "late", "since", "while", "over", "through", "via", "repeatedly", "again", "also", "later", "recently"};
  if (i < end && kPhraseStart.contains(d.low(i))) {
    for (uint32_t k = i + 1; k < end && k - i <= 10; ++k) {
      std::string_view lw = d.low(k);
      if (lw == "that") return k;
      if (IsSentenceEndPunct(lw) || MarkOf(d.word(k)) != Mark::kNone || lw == ":" || d.cue[k] != nullptr) break;
    }
  }
  for (int rounds = 0; rounds < 4 && i < end; ++rounds) {
    std::string_view lw = d.low(i);
    if (d.is_prefix(i) && lw != "that") {
      ++i;
      continue;
    }
    if (d.is_time(i)) {
      ++i;
      continue;
    }
    if ((lw == "on" || lw == "in" || lw == "at" || lw == "since" || lw == "last" || lw == "this" ||
         lw == "earlier" || lw == "late" || lw == "during") &&
        i + 1 < end && d.is_time(i + 1)) {
      i += 2;  // "on Friday", "in April", "last March 3"
      if (i < end && d.word(i)[0] >= '0' && d.word(i)[0] <= '9') ++i;
      continue;
    }
    if ((lw == "in" || lw == "over" || lw == "during" || lw == "for") && i + 1 < end) {
      // "in recent months", "over the past week": a time phrase of up to four words.
      uint32_t k = i + 1;
      while (k < end && k - i <= 4 && !d.is_time(k) && IsLowerAscii(d.word(k)[0])) ++k;
      if (k < end && k - i <= 4 && d.is_time(k)) {
        i = k + 1;
        continue;
      }
    }
    if ((lw == "in" || lw == "during" || lw == "at") && i + 2 < end &&
        (d.is_det(i + 1) || d.cap(i + 1))) {
      // "in a statement", "in an interview with CNN", "at a news briefing" before the content.
      uint32_t k = i + 1;
      while (k < end && k - i < 8 && d.low(k) != "that" && d.low(k) != "," && d.low(k) != ":" &&
             MarkOf(d.word(k)) == Mark::kNone)
        ++k;
      static const std::unordered_set<std::string_view> kSettings = {
          "statement", "interview", "briefing", "speech", "tweet", "post", "letter", "email", "conference",
          "call", "address", "op-ed", "message", "remarks", "meeting", "hearing", "rally"};
      bool setting = false;
      for (uint32_t t = i + 1; t < k; ++t) setting |= kSettings.contains(d.low(t));
      if (setting && k < end && (d.low(k) == "that" || d.low(k) == "," || d.low(k) == ":" || MarkOf(d.word(k)) != Mark::kNone)) {
        i = d.low(k) == "," ? k + 1 : k;
        continue;
      }
    }
    if (lw == ",") {  // "said, adding" / "said, “..."
      ++i;
      continue;
    }
    break;
  }
  return i;
}

// What may follow a cue of class `cls` at token `i` for the words after it to be content.
bool ContentCanStart(const DocIndex& d, const CueEntry& cue, uint32_t i, uint32_t end) {
  if (i >= end) return false;
  std::string_view lw = d.low(i);
  if (MarkOf(d.word(i)) != Mark::kNone || lw == ":" || lw == "that") return true;
  if (IsSentenceEndPunct(lw) || lw == "," || lw == ")" || lw == "-" || lw == "\u2014") return false;
  static const std::unordered_set<std::string_view> kWh = {"whether", "if", "why", "how", "what", "when", "who", "where"};
  bool clause_start = d.is_pronoun(i) || lw == "there" || (d.cap(i) && !d.is_time(i)) ||
                      (d.is_det(i) && lw != "that");
  switch (cue.cls) {
    case CueClass::kSay: {
      // "adds a layer of complexity" is not speech; "added that ..." is.
      if (cue.lemma == "add") return d.is_pronoun(i) || lw == "there";
      // "say" takes any clause; only a preposition after it means something else
      // ("said in 2010", "wrote for the paper").
      static const std::unordered_set<std::string_view> kNotContent = {
          "in", "on", "at", "during", "after", "before", "with", "from", "by", "about", "as", "of", "into",
          "than", "and", "or", "but", "because", "while", "off", "up", "back", "down", "for", "to"};
      return !kNotContent.contains(lw) || (lw == "to" && cue.lemma != "say" && cue.lemma != "write");
    }
    case CueClass::kTell:
      return clause_start || kWh.contains(lw) || lw == "to" || (cue.lemma == "ask" && lw == "for");
    case CueClass::kClaim:
      return clause_start || kWh.contains(lw) || lw == "to" || lw == "for";
    case CueClass::kStance:
      if (cue.lemma == "call") {
        // "called for talks", "called on X to ...", "called him a liar", "called Clinton a
        // liar"; not "called on the minister" (a visit) nor "a group called X" (a name).
        if (lw == "for") return true;
        if (lw == "on") {
          for (uint32_t k = i + 1; k < end && k - i <= 10; ++k)
            if (d.low(k) == "to") return true;
          return false;
        }
        static const std::unordered_set<std::string_view> kObjects = {"him", "her", "them", "it", "me", "us",
                                                                      "himself", "herself", "themselves"};
        if (kObjects.contains(lw)) return true;
        // "called the agreement “an historic step”": a quoted label ahead.
        for (uint32_t k = i; k < end && k - i <= 12; ++k) {
          if (MarkOf(d.word(k)) != Mark::kNone) return true;
          if (d.low(k) == "," || d.is_clause(k)) break;
        }
        if (d.cap(i)) {
          uint32_t k = i;
          while (k < end && k - i < 4 && d.cap(k)) ++k;
          return k < end && (d.low(k) == "a" || d.low(k) == "an" || d.low(k) == "the");
        }
        return false;
      }
      if (cue.lemma == "decline" || cue.lemma == "refuse") return lw == "to";
      if (cue.lemma == "describe") return clause_start;
      return !d.is_clause(i) || lw == "to" || lw == "for" || lw == "it";
    case CueClass::kThink: {
      if (cue.lemma == "seem" || cue.lemma == "appear") return lw == "to";
      if (cue.lemma == "see" || cue.lemma == "view" || cue.lemma == "regard") {
        if (!(clause_start || IsLowerAscii(d.word(i)[0]))) return false;
        for (uint32_t k = i + 1; k < end && k - i <= 12; ++k) {
          std::string_view w = d.low(k);
          if (w == "as") return true;
          if (w == "," || IsSentenceEndPunct(w) || d.is_clause(k)) break;
        }
        return false;
      }
      // Verbs of belief take a bare clause: "I think somebody has to start".
      static const std::unordered_set<std::string_view> kBelief = {
          "believe", "think", "feel", "know", "fear", "worry", "doubt", "suspect", "understand", "realize",
          "realise", "recognize", "recognise", "learn"};
      static const std::unordered_set<std::string_view> kNotClause = {
          "in", "on", "at", "during", "after", "before", "with", "from", "by", "about", "as", "of", "into",
          "than", "and", "or", "but", "because", "while", "for", "to", "so", "like", "up", "back", "out"};
      if (kBelief.contains(cue.lemma) && !kNotClause.contains(lw) && !IsSentenceEndPunct(lw) && lw != ",") return true;
      if (cue.lemma == "want" || cue.lemma == "seek" || cue.lemma == "plan" || cue.lemma == "intend" ||
          cue.lemma == "wish" || cue.lemma == "expect" || cue.lemma == "hope")
        return lw == "to" || clause_start;
      return clause_start || kWh.contains(lw);
    }
    case CueClass::kEvidence:
      return clause_start;
    case CueClass::kTrailing:
      return false;
    case CueClass::kStrict:
      return d.is_pronoun(i) || lw == "there" || kWh.contains(lw);
  }
  return false;
}

bool IsPassive(const DocIndex& d, uint32_t cue, uint32_t floor) {
  // "was asked", "is expected", "has been criticized": the subject is not the speaker.
  for (uint32_t k = cue, n = 0; k > floor && n < 3; --k, ++n) {
    std::string_view lw = d.low(k - 1);
    if (lw == "was" || lw == "were" || lw == "is" || lw == "are" || lw == "been" || lw == "being" || lw == "be" ||
        lw == "get" || lw == "got")
      return !(d.low(cue).ends_with("ing"));  // "is saying" is active
    if (!(d.is_prefix(k - 1) || lw == "widely" || lw == "not")) break;
  }
  if (d.has_deps) {
    auto [b, e] = SyntaxWindow(d, cue);
    for (uint32_t i = b; i < e; ++i)
      if (d.tok[i].head == static_cast<int32_t>(cue) && d.tok[i].deprel.starts_with("nsubj:pass")) return true;
  }
  return false;
}

// The end (exclusive) of a content that runs to its sentence's end: without the final
// full stop, and stopping before ", according to" and before ", adding/saying ...".
uint32_t ContentEnd(const DocIndex& d, uint32_t from, uint32_t end) {
  end = std::min(end, from + kMaxQuoteTokens);
  uint32_t stop = end;
  for (uint32_t i = from; i + 1 < end && stop == end; ++i) {
    // "... but did not suggest ...", "... and he railed against ...": a second verb of
    // speech coordinated with the first starts an attribution of its own.
    if ((d.low(i) == "but" || d.low(i) == "and") && i > from) {
      for (uint32_t k = i + 1; k < end && k - i <= 4; ++k) {
        if (d.cue[k] != nullptr && !d.low(k).ends_with("ing")) {
          stop = d.low(i - 1) == "," ? i - 1 : i;
          break;
        }
        if (!(d.is_pronoun(k) || d.is_prefix(k) || d.is_modal(k))) break;
      }
      if (stop != end) break;
    }
    if (d.low(i) != ",") continue;
    std::string_view next = d.low(i + 1);
    if (next == "according" || (d.cue[i + 1] != nullptr && next.ends_with("ing"))) {
      stop = i;
      break;
    }
    // ", but 55 percent of voters say ...": another speaker's clause.
    if (next == "but" || next == "while" || next == "whereas" || next == "and") {
      for (uint32_t k = i + 2; k < end && k - i <= 8; ++k) {
        if (d.low(k) == "," || IsSentenceEndPunct(d.low(k))) break;
        if (d.cue[k] != nullptr && !d.low(k).ends_with("ing")) {
          stop = i;
          break;
        }
      }
    }
  }
  while (stop > from && IsSentenceEndPunct(d.low(stop - 1))) --stop;
  return stop;
}

void SetSpeaker(const DocIndex& d, std::pair<uint32_t, uint32_t> np, const char* from, Quote* q) {
  q->speaker_mention = d.span(np.first, np.second);
  q->speaker = q->speaker_mention;
  q->speaker_from = from;
}

// A headline that names a speaker and gives their words: "Trump: ‘I Will Win’",
// "Poll: Clinton Leads in Ohio". Only in heading paragraphs, and only when the words
// before the colon are one short noun phrase that is not a rubric ("Watch:", "Update:").
std::optional<Candidate> HeadlineQuote(const DocIndex& d, uint32_t b, uint32_t e) {
  static const std::unordered_set<std::string_view> kRubrics = {
      "breaking", "watch", "video", "exclusive", "update", "updated", "live", "photos", "photo", "analysis",
      "opinion", "editorial", "review", "factbox", "explainer", "timeline", "transcript", "read", "listen",
      "breaking news", "correction", "podcast", "quiz", "poll results", "fact check", "recap", "highlights"};
  uint32_t colon = b;
  while (colon < e && colon - b <= 6 && d.low(colon) != ":") ++colon;
  if (colon >= e || colon == b || colon - b > 6 || e - colon < 3 || !d.cap(b)) return std::nullopt;
  auto first = NounPhraseEndingAt(d, colon - 1, b);
  if (!first || *first != b) return std::nullopt;
  for (uint32_t k = b; k < colon; ++k)
    if (d.cue[k] != nullptr) return std::nullopt;  // "Rauf said:" is a cue, not a headline
  std::string lead(d.doc.Slice(d.span(b, colon - 1)));
  for (char& c : lead)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (kRubrics.contains(lead)) return std::nullopt;
  Candidate c;
  c.cue_token = colon;
  c.quote.kind = Quote::Kind::kIndirect;
  c.quote.cue = d.tok[colon].span;
  c.quote.cue_lemma = ":";
  SetSpeaker(d, {b, colon - 1}, "subject", &c.quote);
  c.content_first = colon + 1;
  c.content_last = e - 1;
  return c;
}

// The speaker left of a cue: a pronoun to resolve later, a relative pronoun standing
// for the noun phrase before it ("Barkley, who said"), or a noun phrase.
void SetLeftSpeaker(const DocIndex& d, std::pair<uint32_t, uint32_t> np, uint32_t floor, Quote* q) {
  std::string_view first = d.low(np.first);
  if (IsRelativePronoun(first) && np.first == np.second) {
    SetSpeaker(d, np, "relative", q);
    uint32_t k = np.first;
    if (k > floor && d.low(k - 1) == ",") --k;
    if (k > floor)
      if (auto antecedent = NounPhraseEndingAt(d, k - 1, floor)) q->speaker = d.span(*antecedent, k - 1);
    return;
  }
  SetSpeaker(d, np, IsPronounSubject(first) ? "pronoun" : "subject", q);
}

// A verb at `k` that is not a known cue but has, in the parse, a subject before it and a
// clausal complement after it, opened by "that" or by a subject of its own.
std::optional<Candidate> ClausalComplement(const DocIndex& d, uint32_t k, uint32_t b, uint32_t e) {
  if (d.tok[k].upos != "VERB") return std::nullopt;
  auto [wb, we] = SyntaxWindow(d, k);
  wb = std::max(wb, b);
  we = std::min(we, e);
  std::optional<uint32_t> subject, comp;
  for (uint32_t i = wb; i < we; ++i) {
    if (d.tok[i].head != static_cast<int32_t>(k)) continue;
    std::string_view rel = d.tok[i].deprel;
    if (rel == "nsubj" && i < k) subject = i;
    if (rel == "nsubj:pass" || rel == "expl") return std::nullopt;
    if (rel == "ccomp" && i > k && !comp) comp = i;
  }
  if (!subject || !comp) return std::nullopt;
  std::string_view su = d.tok[*subject].upos;
  if (su != "PROPN" && su != "PRON" && su != "NOUN") return std::nullopt;
  if (su == "PRON" && (d.low(*subject) == "it" || d.low(*subject) == "this" || d.low(*subject) == "that"))
    return std::nullopt;
  auto [lo, hi] = SubtreeHull(d, *comp);
  if (lo <= k || hi >= e) return std::nullopt;
  // The clause must start right after the verb (and an object or adverbial or two).
  if (lo > k + 4) return std::nullopt;
  bool has_mark = d.low(lo) == "that";
  bool has_subject = false;
  for (uint32_t i = lo; i <= hi && !has_subject; ++i)
    has_subject = d.tok[i].head == static_cast<int32_t>(*comp) && d.tok[i].deprel.starts_with("nsubj");
  if (!has_mark && !has_subject) return std::nullopt;
  auto [slo, shi] = SubtreeHull(d, *subject);
  if (shi >= k || shi - slo + 1 > kMaxNounPhrase) slo = shi = *subject;
  Candidate c;
  c.cue_token = k;
  c.quote.kind = Quote::Kind::kIndirect;
  c.quote.cue = d.tok[k].span;
  c.quote.cue_lemma = d.tok[k].lemma.empty() ? std::string(d.low(k)) : d.tok[k].lemma;
  SetSpeaker(d, {slo, shi}, IsPronounSubject(d.low(slo)) ? "pronoun" : "subject", &c.quote);
  c.content_first = lo;
  uint32_t last = hi;
  while (last > lo && (IsSentenceEndPunct(d.low(last)) || d.low(last) == ",")) --last;
  if (last <= lo) return std::nullopt;
  c.content_last = last;
  return c;
}

// Attributions carried by a verb or noun and a preposition: "talked about the border",
// "voted for Clinton", "her criticism of Trump", "his support for the deal". The
// content is the preposition's object (its subtree in the parse); a noun needs a
// possessive speaker ("Clinton's", "his"), a verb its subject.
std::optional<Candidate> PrepositionalCue(const DocIndex& d, uint32_t k, uint32_t b, uint32_t e) {
  static const std::unordered_map<std::string_view, std::string_view> kVerbs = {
      {"talk", "about"},   {"speak", "about"},      {"refer", "to"},      {"comment", "on"},
      {"vote", "for"},     {"advocate", "for"},     {"campaign", "for"},  {"rail", "against"},
      {"push", "for"},     {"apologize", "for"},    {"complain", "about"}, {"worry", "about"},
      {"care", "about"},   {"hint", "at"},          {"allude", "to"},     {"respond", "to"},
      {"react", "to"},     {"testify", "about"},    {"argue", "for"},     {"lobby", "for"},
      {"brag", "about"},   {"boast", "about"},      {"joke", "about"},    {"warn", "about"},
      {"write", "about"},  {"tweet", "about"},      {"reflect", "on"},    {"focus", "on"},
      {"weigh", "in"},     {"object", "to"},        {"insist", "on"},     {"speculate", "about"}};
  static const std::unordered_map<std::string_view, std::string_view> kNouns = {
      {"comments", "about"}, {"comment", "on"},     {"criticism", "of"},   {"support", "for"},
      {"attack", "on"},      {"attacks", "on"},     {"praise", "for"},     {"opposition", "to"},
      {"call", "for"},       {"calls", "for"},      {"remarks", "about"},  {"views", "on"},
      {"view", "of"},        {"claims", "about"},   {"concerns", "about"}, {"concern", "about"},
      {"endorsement", "of"}, {"announcement", "of"}, {"critique", "of"},   {"defense", "of"},
      {"assessment", "of"},  {"description", "of"}, {"denial", "of"},      {"rejection", "of"},
      {"condemnation", "of"}, {"stance", "on"},     {"position", "on"},    {"warnings", "about"},
      {"statement", "on"},   {"questions", "about"}, {"praise", "of"},     {"backing", "of"}};
  std::string_view upos = d.tok[k].upos;
  bool verb = upos == "VERB";
  if (!verb && upos != "NOUN") return std::nullopt;
  std::string_view lemma = d.tok[k].lemma;
  const auto& table = verb ? kVerbs : kNouns;
  auto it = table.find(verb ? lemma : d.low(k));
  if (it == table.end()) return std::nullopt;
  // Accept the listed preposition and the close variants ("about"/"on", "of"/"for").
  auto prep_ok = [&](std::string_view p) {
    return p == it->second || (it->second == "about" && p == "on") || (it->second == "on" && p == "about");
  };
  auto [wb, we] = SyntaxWindow(d, k);
  wb = std::max(wb, b);
  we = std::min(we, e);
  std::optional<uint32_t> object, speaker;
  for (uint32_t i = wb; i < we; ++i) {
    if (d.tok[i].head != static_cast<int32_t>(k)) continue;
    std::string_view rel = d.tok[i].deprel;
    if (verb && rel == "nsubj" && i < k) speaker = i;
    if (verb && rel.starts_with("nsubj:pass")) return std::nullopt;
    if (!verb && rel == "nmod:poss" && i < k) speaker = i;
    if (!object && i > k && (rel == "obl" || rel == "nmod" || rel == "obl:arg")) {
      // The object's own case marker must be the right preposition, right after k.
      if (i > k + 1 && prep_ok(d.low(k + 1)) && d.tok[k + 1].head == static_cast<int32_t>(i)) object = i;
    }
  }
  if (!object || !speaker) return std::nullopt;
  std::string_view su = d.tok[*speaker].upos;
  if (su != "PROPN" && su != "PRON" && su != "NOUN") return std::nullopt;
  if (d.low(*speaker) == "it" || d.low(*speaker) == "its" || d.low(*speaker) == "this") return std::nullopt;
  auto [lo, hi] = SubtreeHull(d, *object);
  if (lo != k + 1 || hi >= e || hi <= lo) return std::nullopt;
  auto [slo, shi] = SubtreeHull(d, *speaker);
  if (shi >= k || shi - slo + 1 > kMaxNounPhrase) slo = shi = *speaker;
  while (shi > slo && (d.low(shi) == "’s" || d.low(shi) == "'s")) --shi;
  Candidate c;
  c.cue_token = k;
  c.quote.kind = Quote::Kind::kIndirect;
  c.quote.cue = d.span(k, k + 1);
  c.quote.cue_lemma = std::string(lemma.empty() ? d.low(k) : lemma);
  std::string_view sw = d.low(slo);
  bool pronoun = IsPronounSubject(sw) || sw == "his" || sw == "her" || sw == "their";
  SetSpeaker(d, {slo, shi}, pronoun ? "pronoun" : "subject", &c.quote);
  uint32_t last = hi;
  while (last > lo + 1 && (IsSentenceEndPunct(d.low(last)) || d.low(last) == ",")) --last;
  c.content_first = lo + 1;
  c.content_last = last;
  return c;
}

// Reported speech in the sentence of tokens [b, e).
void FindReportedSpeech(const DocIndex& d, uint32_t b, uint32_t e, std::vector<Candidate>* out) {
  uint32_t covered_until = b;  // tokens before this belong to an accepted quote's content
  size_t first_candidate = out->size();
  std::string previous_speaker_from;
  std::optional<Span> previous_speaker, previous_mention;
  // "Asked whether he would run, Trump said ...": the question is an attribution of its
  // own, whose asker goes unnamed.
  // Also "When asked if ...", "..., asked whether ...", "He was asked how ...".
  for (uint32_t a = b; a + 2 < e && a < b + 64; ++a) {
    if (d.low(a) != "asked" || d.in_quote[a]) continue;
    static const std::unordered_set<std::string_view> kWh = {"whether", "if", "why", "how", "what", "when", "who",
                                                             "where", "which"};
    if (!(kWh.contains(d.low(a + 1)) || (a == b && d.low(a + 1) == "about"))) continue;
    if (!(a == b || d.low(a - 1) == "when" || d.low(a - 1) == "," || d.low(a - 1) == "was" || d.low(a - 1) == "were" ||
          d.low(a - 1) == "after" || d.low(a - 1) == "being"))
      continue;
    uint32_t stop = a + 1;
    while (stop < e && stop - a < kMaxQuoteTokens && d.low(stop) != "," && !IsSentenceEndPunct(d.low(stop))) ++stop;
    if (stop <= a + 2 || stop >= e) continue;
    Candidate c;
    c.cue_token = a;
    c.quote.kind = Quote::Kind::kIndirect;
    c.quote.cue = d.tok[a].span;
    c.quote.cue_lemma = "ask";
    c.quote.speaker_from = "none";
    c.content_first = d.low(a + 1) == "about" ? a + 2 : a + 1;
    c.content_last = stop - 1;
    out->push_back(std::move(c));
    break;
  }
  for (uint32_t k = b; k < e && out->size() - first_candidate < kMaxQuotesPerSentence; ++k) {
    // "according to X": the figure or claim next to it is X's.
    if (d.low(k) == "according" && k + 1 < e && d.low(k + 1) == "to" && !d.in_quote[k]) {
      uint32_t src_end = NounPhraseFrom(d, k + 2, e);
      if (src_end == k + 2) continue;
      Candidate c;
      c.cue_token = k;
      c.quote.kind = Quote::Kind::kIndirect;
      c.quote.cue = d.span(k, k + 1);
      c.quote.cue_lemma = "according to";
      SetSpeaker(d, {k + 2, src_end - 1}, "according-to", &c.quote);
      bool at_start = k == b || (k <= b + 2 && (d.low(k - 1) == "," || d.cap(k - 1) || d.low(k - 1) == "but"));
      if (at_start) {
        uint32_t from = src_end < e && d.low(src_end) == "," ? src_end + 1 : src_end;
        c.content_first = from;
        c.content_last = ContentEnd(d, from, e);
      } else {
        c.content_first = b;
        c.content_last = k > b && d.low(k - 1) == "," ? k - 1 : k;
        c.trailing = true;
      }
      if (c.content_last <= c.content_first) continue;
      c.content_last -= 1;  // inclusive
      out->push_back(std::move(c));
      covered_until = std::max(covered_until, e);
      k = src_end - 1;
      continue;
    }
    const CueEntry* cue = d.cue[k];
    if (d.has_deps && !d.in_quote[k] && k >= covered_until && k + 2 < e) {
      if (auto c = PrepositionalCue(d, k, b, e)) {
        covered_until = std::max(covered_until, c->content_last + 1);
        out->push_back(std::move(*c));
        continue;
      }
    }
    if (cue == nullptr && d.has_deps && !d.in_quote[k] && k >= covered_until) {
      // A verb outside the lexicon that takes a clause after it, with a subject of its
      // own: "Clinton has made clear that ...", "Trump bragged that ...".
      if (auto c = ClausalComplement(d, k, b, e)) {
        previous_speaker = c->quote.speaker;
        previous_mention = c->quote.speaker_mention;
        previous_speaker_from = c->quote.speaker_from;
        covered_until = std::max(covered_until, c->content_last + 1);
        out->push_back(std::move(*c));
      }
      continue;
    }
    if (cue == nullptr || d.in_quote[k]) continue;
    if (IsPassive(d, k, b)) continue;
    bool participle_after_comma = k > b && d.low(k - 1) == "," && d.low(k).ends_with("ing");
    if (k < covered_until && !participle_after_comma) continue;
    if (participle_after_comma && !previous_speaker) {
      // "Clinton celebrated in Florida, declaring ...": the sentence's subject speaks.
      if (auto subject = SentenceSubject(d, b, k - 1)) {
        Quote q;
        SetLeftSpeaker(d, *subject, b, &q);
        previous_speaker = q.speaker;
        previous_mention = q.speaker_mention;
        previous_speaker_from = q.speaker_from;
      }
    }

    Candidate c;
    c.cue_token = k;
    c.quote.kind = Quote::Kind::kIndirect;
    c.quote.cue = d.tok[k].span;
    c.quote.cue_lemma = cue->lemma;
    uint32_t cue_last = k;
    if (cue->lemma == "point" && !(k + 1 < e && d.low(k + 1) == "out")) continue;  // "point out" only
    // Particles that belong to the cue: "pointed out", "called for", "went on".
    if (k + 1 < e && (d.low(k + 1) == "out" || (cue->lemma == "call" && (d.low(k + 1) == "for" || d.low(k + 1) == "on")))) {
      cue_last = k + 1;
      c.quote.cue = d.span(k, cue_last);
    }

    auto left = SpeakerBefore(d, k, b);
    // Trailing cue: "..., X said." / "..., said X." with the content before it.
    uint32_t after = SkipAdverbials(d, cue_last + 1, e);
    static const std::unordered_set<std::string_view> kTrailingPreps = {
        "on", "in", "at", "during", "to", "after", "before", "with", "from", "via", "while", "as"};
    bool at_end = after >= e || IsSentenceEndPunct(d.low(after)) || MarkOf(d.word(after)) != Mark::kNone ||
                  kTrailingPreps.contains(d.low(after));
    if (!left) left = CoordinatedSubject(d, k, b);  // "X met survivors and said ..."
    if (at_end && (!left || left->first == b || d.low(left->first - 1) != ",")) {
      // "..., a source close to him said." The whole phrase since the comma is the speaker.
      if (auto phrase = TrailingSpeakerPhrase(d, k, b)) left = phrase;
    }
    if (left && !d.has_tags && !AgreesAsVerb(d, *cue, k, *left)) left.reset();
    if (left && left->first > b && d.low(left->first - 1) == "," && (at_end || d.low(after - 1) == ",")) {
      c.trailing = true;
      SetLeftSpeaker(d, *left, b, &c.quote);
      c.content_first = b;
      c.content_last = left->first - 1;  // the comma: trimmed below
      // "A, X said, B": the content goes on after the verb (the hull holds the aside).
      if (!at_end && after < e) {
        c.trailing = false;
        c.content_last = ContentEnd(d, after, e);
      }
    } else if (participle_after_comma && previous_speaker) {
      // ", adding that ...": the same speaker as the verb before.
      if (!ContentCanStart(d, *cue, after, e)) continue;
      c.quote.speaker = previous_speaker;
      c.quote.speaker_mention = previous_mention;
      c.quote.speaker_from = previous_speaker_from;
      c.content_first = after;
      c.content_last = ContentEnd(d, after, e);
    } else if (!left && k > b && d.low(k - 1) == "," && !participle_after_comma) {
      auto right = SpeakerAfter(d, cue_last, e);
      if (!right) continue;
      // "..., said Jim Clyburn, a congressman." The phrase after the verb ends the clause.
      uint32_t next = right->second + 1;
      if (next < e && d.low(next) != "," && !IsSentenceEndPunct(d.low(next)) && d.low(next) != ")") continue;
      c.trailing = true;
      SetSpeaker(d, *right, d.is_pronoun(right->first) ? "pronoun" : "inverted-subject", &c.quote);
      c.content_first = b;
      c.content_last = k - 1;
    } else {
      if (!left || cue->cls == CueClass::kTrailing) continue;
      // tell-class verbs take an addressee first: "told reporters that", "assured him".
      static const std::unordered_set<std::string_view> kClauseOpeners = {
          "that", ":", "whether", "if", "why", "how", "what", "when", "who", "where", "to", "for", "about"};
      if (cue->cls == CueClass::kTell && after < e && !kClauseOpeners.contains(d.low(after)) &&
          MarkOf(d.word(after)) == Mark::kNone) {
        uint32_t np_end = NounPhraseFrom(d, after, e);
        if (np_end > after && np_end < e) after = SkipAdverbials(d, np_end, e);
      }
      // "tweeted Sunday, saying ...": the participle carries the content, with this speaker.
      if (after > cue_last + 1 && d.low(after - 1) == "," && after < e && d.cue[after] != nullptr &&
          d.low(after).ends_with("ing")) {
        SetLeftSpeaker(d, *left, b, &c.quote);
        previous_speaker = c.quote.speaker;
        previous_mention = c.quote.speaker_mention;
        previous_speaker_from = c.quote.speaker_from;
        continue;
      }
      // "called for the resignation", "called on X to ...": the particle took the place
      // of the word the class test reads.
      bool after_particle = false;
      if (cue_last == k + 1 && after < e && !IsSentenceEndPunct(d.low(after)) && d.low(after) != ",") {
        if (d.low(cue_last) == "for") after_particle = true;
        if (d.low(cue_last) == "on")
          for (uint32_t t = after + 1; t < e && t - after <= 10 && !after_particle; ++t)
            after_particle = d.low(t) == "to";
      }
      if (!after_particle && !ContentCanStart(d, *cue, after, e)) continue;
      SetLeftSpeaker(d, *left, b, &c.quote);
      c.content_first = after;
      c.content_last = ContentEnd(d, after, e);
      if (c.quote.speaker_from == "relative") {
        // A relative clause ends at the comma before the main verb: "who said X, said Y".
        for (uint32_t i = after; i + 1 < c.content_last; ++i)
          if (d.low(i) == "," && (d.cue[i + 1] != nullptr || (i + 2 < e && d.cue[i + 2] != nullptr))) {
            c.content_last = i;
            break;
          }
      }
    }
    if (c.trailing) {
      // Drop the comma and anything that is not content at the edges.
      uint32_t last = c.content_last;
      while (last > c.content_first && (d.low(last) == "," || d.low(last) == "\u2014")) --last;
      c.content_last = last + 1;
      if (c.content_last <= c.content_first + 1) continue;
    }
    if (c.content_last <= c.content_first) continue;
    c.content_last -= 1;  // inclusive
    previous_speaker = c.quote.speaker;
    previous_mention = c.quote.speaker_mention;
    previous_speaker_from = c.quote.speaker_from;
    covered_until = std::max(covered_until, c.content_last + 1);
    out->push_back(std::move(c));
  }
}

// --- Direct quotes --------------------------------------------------------------------

// The number of word tokens in [first, last].
uint32_t WordCount(const DocIndex& d, uint32_t first, uint32_t last) {
  uint32_t n = 0;
  for (uint32_t i = first; i <= last; ++i) {
    std::string_view w = d.word(i);
    if (!w.empty() && (IsUpper(w[0]) || IsLowerAscii(w[0]) || (w[0] >= '0' && w[0] <= '9'))) ++n;
  }
  return n;
}

// A cue after a quote's closing mark: "…,” he said" / "…,” said Miller" / "…,” Dar wrote
// on his official X handle." Returns the candidate, or nullopt.
std::optional<Candidate> TrailingCue(const DocIndex& d, const Segment& seg) {
  uint32_t i = seg.last + 1;
  uint32_t e = d.sent_end(seg.last);
  if (i >= e) {
    // The splitter may end the sentence at the closing mark: look into the next one
    // only if it starts in the same paragraph with a lowercase word ("he said").
    if (i < d.tok.size() && d.paragraph_of[i] == d.paragraph_of[seg.last] && IsLowerAscii(d.word(i)[0]))
      e = d.sent_end(i);
    else
      return std::nullopt;
  }
  if (d.low(i) == ",") ++i;
  uint32_t limit = std::min<uint32_t>(e, i + kMaxTrailingGap);
  for (uint32_t k = i; k < limit; ++k) {
    if (MarkOf(d.word(k)) != Mark::kNone || IsSentenceEndPunct(d.low(k))) break;
    if (d.cue[k] == nullptr) continue;
    Candidate c;
    c.cue_token = k;
    c.quote.cue = d.tok[k].span;
    c.quote.cue_lemma = d.cue[k]->lemma;
    if (k > i) {
      // "…,” Khan had also said": step over auxiliaries and adverbs to the subject.
      uint32_t np_last = k - 1;
      while (np_last > i && d.is_prefix(np_last) && !d.is_pronoun(np_last)) --np_last;
      auto np = NounPhraseEndingAt(d, np_last, i);
      if (!np) return std::nullopt;
      SetSpeaker(d, {*np, np_last}, d.is_pronoun(*np) ? "pronoun" : "subject", &c.quote);
    } else {
      auto np = SpeakerAfter(d, k, e);
      if (!np) return std::nullopt;
      SetSpeaker(d, *np, d.is_pronoun(np->first) ? "pronoun" : "inverted-subject", &c.quote);
    }
    return c;
  }
  return std::nullopt;
}

// A cue before a quote's opening mark: "Miller had said: “…" / "He noted, “…" /
// "said that “…".
std::optional<Candidate> LeadingCue(const DocIndex& d, const Segment& seg) {
  uint32_t b = d.sent_begin(seg.open);
  if (seg.open == b) return std::nullopt;
  uint32_t k = seg.open - 1;
  // Between the cue and the mark: ":", ",", "that", "in a statement", "on Monday".
  for (uint32_t n = 0; k > b && n < kMaxCueGap; --k, ++n) {
    if (d.cue[k] != nullptr) break;
    std::string_view lw = d.low(k);
    if (!(lw == ":" || lw == "," || lw == "that" || lw == "in" || lw == "a" || lw == "an" || lw == "the" ||
          lw == "on" || d.is_time(k) || lw == "statement" || lw == "interview" || lw == "briefing" ||
          lw == "reporters" || lw == "told" || d.is_prefix(k)))
      return std::nullopt;
  }
  if (d.cue[k] == nullptr) return std::nullopt;
  Candidate c;
  c.cue_token = k;
  c.quote.cue = d.tok[k].span;
  c.quote.cue_lemma = d.cue[k]->lemma;
  auto left = SpeakerBefore(d, k, b);
  if (!left) return std::nullopt;
  SetLeftSpeaker(d, *left, b, &c.quote);
  return c;
}

// A segment is a full quotation (not a scare-quoted phrase) when it holds whole
// sentences or at least a clause's worth of words.
bool LooksLikeSpeech(const DocIndex& d, const Segment& seg) {
  uint32_t words = WordCount(d, seg.open, seg.last);
  bool starts_sentence = seg.open == d.sent_begin(seg.open) || seg.open == d.paragraphs[d.paragraph_of[seg.open]].first;
  return words >= 6 || (starts_sentence && words >= 3);
}

// --- Speaker resolution -------------------------------------------------------------------

struct PersonMention {
  uint32_t first, last;  // tokens
};

// Names after a title ("Spokesperson Vedant Patel", "Secretary of State Antony Blinken").
std::vector<PersonMention> TitledNames(const DocIndex& d) {
  std::vector<PersonMention> out;
  for (uint32_t i = 0; i + 1 < d.tok.size(); ++i) {
    if (!d.cap(i + 1) && d.low(i + 1) != "of" && d.low(i + 1) != "for") continue;  // cheap test first
    if (!d.is_title(i)) continue;
    uint32_t j = i + 1;
    // "Secretary of State", "Minister for Interior": the office's own words.
    if ((d.low(j) == "of" || d.low(j) == "for") && j + 1 < d.tok.size() && d.cap(j + 1)) ++j;
    uint32_t first = j;
    while (j < d.tok.size() && j - first < 6 && d.cap(j) && d.paragraph_of[j] == d.paragraph_of[i] &&
           !d.is_title(j))
      ++j;
    if (j == first || j - first < 1) continue;
    // Keep the name: at most the last three capitalised words of the run.
    if (j - first > 3) first = j - 3;
    if (j - first == 1 && !(j < d.tok.size() && (d.low(j) == "," || d.cue[j] != nullptr || d.is_prefix(j))))
      continue;  // "President Biden said" yes; "General Assembly" no
    out.push_back({first, j - 1});
  }
  return out;
}

class PronounResolver {
 public:
  PronounResolver(const DocIndex& d, const std::vector<Quote>& quotes) : d_(d) {
    std::unordered_set<uint32_t> titled_ends;
    for (const PersonMention& m : TitledNames(d)) {
      persons_.push_back(m);
      surnames_.insert(d.low(m.last));
      titled_ends.insert(m.last);
    }
    // Named speakers found so far count as persons when they end in a known surname or
    // are two capitalised words ("Matthew Miller").
    for (const Quote& q : quotes) {
      if (!q.speaker || q.speaker_from == "pronoun" || q.speaker_from == "previous-quote") continue;
      auto [first, last] = TokensOf(q.speaker->begin, q.speaker->end);
      if (first > last || !d.cap(last)) continue;
      bool person = surnames_.contains(d.low(last)) || (last > first && d.cap(last - 1));
      if (person && !titled_ends.contains(last)) persons_.push_back({first, last});
    }
    std::stable_sort(persons_.begin(), persons_.end(), [](const PersonMention& a, const PersonMention& b) {
      return a.last < b.last;
    });
  }

  // The nearest person mentioned before token `at` within kPronounLookback paragraphs:
  // a name, or an earlier pronoun already resolved (so "he ... he said" chains).
  // REQUIRES: calls in text order.
  std::optional<Span> Resolve(uint32_t at) {
    std::optional<Span> best;
    uint32_t best_at = 0;
    auto it = std::lower_bound(persons_.begin(), persons_.end(), at,
                               [](const PersonMention& m, uint32_t t) { return m.last < t; });
    if (it != persons_.begin()) {
      const PersonMention& m = *std::prev(it);
      if (d_.paragraph_of[at] - d_.paragraph_of[m.last] <= kPronounLookback) {
        best = d_.span(m.first, m.last);
        best_at = m.last;
      }
    }
    if (!chain_.empty() && chain_.back().first < at && (!best || chain_.back().first > best_at) &&
        d_.paragraph_of[at] - d_.paragraph_of[chain_.back().first] <= kPronounLookback)
      best = chain_.back().second;
    if (best) chain_.emplace_back(at, *best);
    return best;
  }

  std::pair<uint32_t, uint32_t> TokensOf(uint32_t begin, uint32_t end) const {
    auto lo = std::lower_bound(d_.tok.begin(), d_.tok.end(), begin,
                               [](const Token& t, uint32_t b) { return t.span.begin < b; });
    auto hi = std::lower_bound(d_.tok.begin(), d_.tok.end(), end,
                               [](const Token& t, uint32_t e) { return t.span.end < e; });
    return {static_cast<uint32_t>(lo - d_.tok.begin()), static_cast<uint32_t>(hi - d_.tok.begin())};
  }

 private:
  const DocIndex& d_;
  std::vector<PersonMention> persons_;  // sorted by last token
  std::unordered_set<std::string_view> surnames_;  // views into DocIndex::lowered
  std::vector<std::pair<uint32_t, Span>> chain_;  // (pronoun token, antecedent), in text order
};

}  // namespace

std::string_view QuoteKindName(Quote::Kind kind) {
  switch (kind) {
    case Quote::Kind::kDirect: return "direct";
    case Quote::Kind::kIndirect: return "indirect";
    case Quote::Kind::kMixed: return "mixed";
  }
  return "direct";
}

QuoteResult FindQuotes(const Doc& doc) {
  QuoteResult result;
  if (doc.tokens().empty()) return result;
  DocIndex d(doc);
  std::vector<Segment> segments = PairQuotationMarks(d, &result.warnings);
  for (const Segment& s : segments)
    for (uint32_t i = s.open; i <= s.last; ++i) d.in_quote[i] = 1;

  // Pass 2: reported speech, sentence by sentence.
  std::vector<Candidate> reported;
  for (const Sentence& s : doc.sentences()) {
    if (s.token_end > d.tok.size() || s.token_begin >= s.token_end) continue;
    uint32_t p = d.paragraph_of[s.token_begin];
    // Headings, and the first paragraph, which is the headline even when it ends in a
    // quotation mark that hides it from the heading test.
    if ((d.heading[p] || p == 0) && s.token_begin == d.paragraphs[p].first) {
      if (auto c = HeadlineQuote(d, s.token_begin, d.paragraphs[p].second)) {
        reported.push_back(std::move(*c));
        continue;
      }
    }
    FindReportedSpeech(d, s.token_begin, s.token_end, &reported);
  }

  // Pass 3: quoted segments. Each becomes direct (a cue next to it), part of a mixed
  // quote (inside a reported clause), a continuation, or nothing (scare quotes).
  std::vector<uint8_t> reported_used(reported.size(), 0);
  std::unordered_map<uint32_t, size_t> reported_by_cue;          // cue token -> candidate
  std::vector<std::pair<size_t, size_t>> reported_in_sentence(doc.sentences().size(), {0, 0});
  for (size_t r = 0; r < reported.size(); ++r) {
    reported_by_cue.emplace(reported[r].cue_token, r);
    auto& range = reported_in_sentence[d.sentence_of[reported[r].cue_token]];
    if (range.first == range.second) range.first = r;
    range.second = r + 1;
  }
  // A quote is referred to before its final place is known: a segment's quote by its
  // index in `found`, a reported candidate by its index in `reported`.
  struct Ref {
    bool reported;
    size_t index;
  };
  struct Found {
    uint32_t first;  // first content token, for text order
    Quote quote;
    std::optional<Ref> continues;
  };
  std::vector<Found> found;
  std::optional<std::pair<uint32_t, Ref>> last_direct;  // (opening mark, quote)
  for (Segment& seg : segments) {
    // Inside a reported clause of its sentence: mixed, or direct when it fills the clause.
    bool placed = false;
    auto [r_begin, r_end] = reported_in_sentence[d.sentence_of[seg.open]];
    for (size_t r = r_begin; r < r_end && !placed; ++r) {
      Candidate& c = reported[r];
      if (reported_used[r] || c.trailing || seg.open < c.content_first || seg.last > c.content_last + 1) continue;
      bool fills = seg.open <= c.content_first + 1 && seg.last + 2 >= c.content_last;
      if (fills) {
        c.quote.kind = Quote::Kind::kDirect;
        c.content_first = seg.open;
        c.content_last = seg.last;
        last_direct = {seg.open, Ref{true, r}};
      } else if (c.quote.kind != Quote::Kind::kDirect) {
        c.quote.kind = Quote::Kind::kMixed;
      }
      placed = true;
    }
    // "Breitbart News responded:" ending a paragraph, the quote opening the next one.
    if (!placed && seg.open > 0 && d.low(seg.open - 1) == ":" &&
        seg.open == d.paragraphs[d.paragraph_of[seg.open]].first) {
      auto [c_begin, c_end] = reported_in_sentence[d.sentence_of[seg.open - 1]];
      for (size_t r = c_begin; r < c_end && !placed; ++r) {
        Candidate& c = reported[r];
        if (c.content_first != seg.open - 1 || c.trailing) continue;
        c.quote.kind = Quote::Kind::kDirect;
        c.content_first = seg.open;
        c.content_last = seg.last;
        last_direct = {seg.open, Ref{true, r}};
        placed = true;
      }
    }
    if (placed) continue;
    std::optional<Candidate> c = TrailingCue(d, seg);
    if (c && !LooksLikeSpeech(d, seg)) {
      // A quoted title before a speaker who goes on to say something else: 'On “Fox
      // News Sunday,” Issa said the ...' is Issa's reported speech, not a quote.
      auto it = reported_by_cue.find(c->cue_token);
      if (it != reported_by_cue.end() && !reported[it->second].trailing) c.reset();
    }
    if (!c) c = LeadingCue(d, seg);
    if (c) {
      // A reported-speech reading of the same cue is superseded by the direct quote.
      if (auto it = reported_by_cue.find(c->cue_token); it != reported_by_cue.end()) reported_used[it->second] = 1;
      c->quote.kind = Quote::Kind::kDirect;
      c->quote.content = d.span(seg.open, seg.last);
      last_direct = {seg.open, Ref{false, found.size()}};
      found.push_back({seg.open, std::move(c->quote), std::nullopt});
      continue;
    }
    if (!LooksLikeSpeech(d, seg)) continue;  // scare quotes
    Found f{seg.open, {}, std::nullopt};
    f.quote.kind = Quote::Kind::kDirect;
    f.quote.content = d.span(seg.open, seg.last);
    f.quote.speaker_from = "none";
    // A quote paragraph (or sentence) without a cue continues the quote before it.
    if (last_direct && d.paragraph_of[seg.open] - d.paragraph_of[last_direct->first] <= kContinuationParagraphs) {
      f.quote.speaker_from = "previous-quote";
      f.continues = last_direct->second;
    }
    last_direct = {seg.open, Ref{false, found.size()}};
    found.push_back(std::move(f));
  }
  std::vector<size_t> found_of_reported(reported.size(), SIZE_MAX);
  for (size_t r = 0; r < reported.size(); ++r) {
    if (reported_used[r]) continue;
    Candidate& c = reported[r];
    if (c.content_first == c.content_last && d.low(c.content_first) == ":") continue;  // nothing said
    c.quote.content = d.span(c.content_first, c.content_last);
    found_of_reported[r] = found.size();
    found.push_back({c.content_first, std::move(c.quote), std::nullopt});
  }

  // Text order, with "continues" as an index into the final list.
  std::vector<size_t> order(found.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return found[a].first < found[b].first; });
  std::vector<int> final_index(found.size());
  for (size_t i = 0; i < order.size(); ++i) final_index[order[i]] = static_cast<int>(i);
  for (size_t i : order) {
    Found& f = found[i];
    if (f.continues) {
      size_t target = f.continues->reported ? found_of_reported[f.continues->index] : f.continues->index;
      if (target < found.size()) f.quote.continues = final_index[target];
      else f.quote.speaker_from = "none";
    }
    result.quotes.push_back(std::move(f.quote));
  }

  // Pass 4: pronoun speakers, then the speakers that continuations inherit.
  // Most documents have no pronoun speaker: build the resolver only when one needs it.
  std::optional<PronounResolver> resolver;
  for (Quote& q : result.quotes) {
    if (q.speaker_from != "pronoun" || !q.speaker_mention) continue;
    if (!resolver) resolver.emplace(d, result.quotes);
    auto [first, last] = resolver->TokensOf(q.speaker_mention->begin, q.speaker_mention->end);
    if (first >= d.tok.size() || !IsPersonPronoun(d.low(first))) continue;
    if (auto antecedent = resolver->Resolve(first)) q.speaker = antecedent;
  }
  for (Quote& q : result.quotes)
    if (q.speaker_from == "previous-quote" && q.continues >= 0 && q.continues < static_cast<int>(result.quotes.size()))
      q.speaker = result.quotes[q.continues].speaker;
  return result;
}

std::string QuoteAttrsJson(const std::vector<Quote>& quotes, size_t i) {
  // Written by hand: this runs for every quote of every document, and the values are
  // numbers and words from fixed lists.
  const Quote& q = quotes[i];
  std::string out;
  out.reserve(200);
  auto span = [&](const char* key, const std::optional<Span>& s) {
    out += '"';
    out += key;
    out += "\":";
    if (s) out += "[" + std::to_string(s->begin) + "," + std::to_string(s->end) + "]";
    else out += "null";
  };
  auto text = [&](const char* key, std::string_view value) {
    out += '"';
    out += key;
    out += "\":\"";
    for (char c : value) {
      if (c == '"' || c == '\\') out += '\\';
      if (static_cast<unsigned char>(c) >= 0x20) out += c;
    }
    out += '"';
  };
  out += '{';
  span("content", q.content);
  out += ',';
  span("cue", q.cue);
  out += ',';
  text("cue_lemma", q.cue_lemma);
  out += ',';
  span("speaker", q.speaker);
  out += ',';
  span("speaker_mention", q.speaker_mention);
  out += ',';
  text("speaker_from", q.speaker_from.empty() ? "none" : q.speaker_from);
  out += ",\"speaker_entity\":";
  if (q.speaker_entity) {
    out += '{';
    span("span", q.speaker_entity);
    out += ',';
    text("label", q.speaker_entity_label);
    out += ',';
    text("text", q.speaker_entity_text);
    out += '}';
  } else {
    out += "null";
  }
  out += ',';
  std::optional<Span> continued;
  if (q.continues >= 0 && static_cast<size_t>(q.continues) < quotes.size()) continued = quotes[q.continues].content;
  span("continues", continued);
  out += '}';
  return out;
}

void ResolveSpeakerEntities(Doc& doc, const SpeakerResolver& actor_for) {
  const std::vector<Annotation>* layer = doc.Layer("quote");
  if (layer == nullptr) return;
  std::vector<Annotation> updated = *layer;
  for (Annotation& a : updated) {
    nlohmann::json j = nlohmann::json::parse(a.attrs, nullptr, false);
    if (j.is_discarded() || !j.contains("speaker") || !j["speaker"].is_array()) continue;
    Span speaker{j["speaker"][0].get<uint32_t>(), j["speaker"][1].get<uint32_t>()};
    std::optional<std::string> actor = actor_for(speaker);
    j["speaker_actor"] = actor ? nlohmann::json(*actor) : nlohmann::json(nullptr);
    a.attrs = j.dump();
  }
  doc.SetLayer("quote", std::move(updated));
}

std::optional<AccordingTo> FindAccordingTo(const Doc& doc, uint32_t begin, uint32_t end) {
  const std::vector<Token>& tok = doc.tokens();
  end = std::min<uint32_t>(end, static_cast<uint32_t>(tok.size()));
  for (uint32_t k = begin; k + 2 < end; ++k) {
    std::string_view w = doc.Slice(tok[k].span), next = doc.Slice(tok[k + 1].span);
    if (w.size() != 9 || (w[0] != 'a' && w[0] != 'A') || w.substr(1) != "ccording" || next.size() != 2 ||
        (next != "to" && next != "To"))
      continue;
    // The source runs to the next comma or the sentence's end.
    uint32_t e = k + 2;
    while (e < end && e - (k + 2) < kMaxNounPhrase * 2) {
      std::string_view x = doc.Slice(tok[e].span);
      if (x == "," || x == ";" || x == ":" || x == "(" || x == ")" || IsSentenceEndPunct(x) || MarkOf(x) != Mark::kNone ||
          x == "that" || x == "which" || x == "who")
        break;
      ++e;
    }
    if (e == k + 2) continue;
    return AccordingTo{{tok[k].span.begin, tok[k + 1].span.end}, {tok[k + 2].span.begin, tok[e - 1].span.end}};
  }
  return std::nullopt;
}

}  // namespace sitrep
