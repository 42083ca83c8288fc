// The internals of the quotes finder (quotes.h), shared by its files: the look-around
// limits, closed classes of words, quotation marks, the document index every pass reads,
// and the passes themselves:
//   quote_words.cc       closed classes of words, quotation marks paired into segments
//   quote_phrases.cc     noun phrases and speakers next to a cue
//   quote_reported.cc    reported speech in a sentence ("X said that ...", "according to")
//   quote_polls.cc       findings credited to a poll ("In a CNN poll, ...")
//   quote_syntax_cues.cc cues read from the parse: clausal complements, "talked about",
//                        and the learnt cues of quote_cue_model.h
//   quote_direct.cc      cues next to a quoted segment ("...," he said), speaker labels
//                        ("Trump: ...")
//   quotes.cc            the four passes put together, pronoun speakers, the JSON
// Nothing here is part of the public API.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "annotate/quote_cue_model.h"
#include "annotate/quote_cues.h"
#include "annotate/quotes.h"

namespace sitrep::quotes_internal {

// Look-around limits, in tokens, sentences or paragraphs. They bound the work per
// quote and keep a runaway quotation mark from swallowing a document.
inline constexpr uint32_t kMaxNounPhrase = 14;       // tokens in a speaker phrase
inline constexpr uint32_t kMaxAside = 24;            // tokens in a ", at a news briefing," aside
inline constexpr uint32_t kMaxCueGap = 8;            // tokens between a quote's opening mark and its cue
inline constexpr uint32_t kMaxTrailingGap = 14;      // tokens from a closing mark to the cue after it
inline constexpr uint32_t kMaxOpenParagraphs = 3;    // paragraphs a quote may span without a closer
inline constexpr uint32_t kMaxQuoteTokens = 800;     // tokens in one quote
inline constexpr uint32_t kPronounLookback = 10;     // paragraphs searched for a pronoun's antecedent
inline constexpr uint32_t kContinuationParagraphs = 2;  // a quote paragraph continues a quote this close
inline constexpr size_t kMaxWarnings = 20;
inline constexpr uint32_t kSyntaxWindow = 64;        // tokens either side of a verb searched in its parse
inline constexpr size_t kMaxQuotesPerSentence = 32;  // reported-speech readings kept per sentence

inline bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }

// A quotation mark token: curly marks face one way, a straight one either way.
enum class Mark : uint8_t { kNone, kOpen, kClose, kStraight };

// A quoted stretch of tokens, from its opening mark.
struct Segment {
  uint32_t open;   // token of the opening mark
  uint32_t last;   // last token of the content: the closing mark, or the paragraph's last token
  bool closed;     // false when it runs to its paragraph's end (a continued quote paragraph)
  bool used = false;
};

// quote_words.cc
std::string Lower(std::string_view s);
bool IsPronounSubject(std::string_view lower);
bool IsPersonPronoun(std::string_view lower);
bool IsRelativePronoun(std::string_view lower);
bool IsAlsoPluralNoun(std::string_view lower);
bool IsSentenceEndPunct(std::string_view w);
Mark MarkOf(std::string_view w);
bool IsUnicodePunct(std::string_view w);
uint16_t WordFlags(std::string_view lower);

// The document, indexed once: per token its sentence, paragraph, cue entry and whether
// it is quoted; per paragraph whether it is a heading.
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
  const QuoteCueModel* cues = nullptr;  // the learnt cues, or none

  DocIndex(const Doc& d, const QuoteCueModel* cue_model) : doc(d), tok(d.tokens()), cues(cue_model) {
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


struct Candidate {
  Quote quote;
  uint32_t cue_token;
  uint32_t content_first, content_last;  // tokens
  bool trailing = false;                 // content before the cue
};


// quote_words.cc
std::vector<Segment> PairQuotationMarks(const DocIndex& d, std::vector<QuoteWarning>* warnings);

// quote_phrases.cc
bool NounPhraseWord(const DocIndex& d, uint32_t i);
std::optional<uint32_t> NounPhraseEndingAt(const DocIndex& d, uint32_t last, uint32_t floor);
uint32_t NounPhraseFrom(const DocIndex& d, uint32_t first, uint32_t limit);
std::pair<uint32_t, uint32_t> SyntaxWindow(const DocIndex& d, uint32_t i);
std::pair<uint32_t, uint32_t> SubtreeHull(const DocIndex& d, uint32_t head);
bool IsTimeSubject(const DocIndex& d, uint32_t head);
std::optional<std::pair<uint32_t, uint32_t>> SpeakerBefore(const DocIndex& d, uint32_t cue, uint32_t floor);
bool AgreesAsVerb(const DocIndex& d, const CueEntry& cue, uint32_t k, std::pair<uint32_t, uint32_t> subject);
std::optional<std::pair<uint32_t, uint32_t>> CoordinatedSubject(const DocIndex& d, uint32_t cue, uint32_t b);
std::optional<std::pair<uint32_t, uint32_t>> SentenceSubject(const DocIndex& d, uint32_t b, uint32_t j);
std::optional<std::pair<uint32_t, uint32_t>> TrailingSpeakerPhrase(const DocIndex& d, uint32_t cue, uint32_t b);
std::optional<std::pair<uint32_t, uint32_t>> SpeakerAfter(const DocIndex& d, uint32_t cue, uint32_t limit);
void SetSpeaker(const DocIndex& d, std::pair<uint32_t, uint32_t> np, const char* from, Quote* q);
void SetLeftSpeaker(const DocIndex& d, std::pair<uint32_t, uint32_t> np, uint32_t floor, Quote* q);

// quote_reported.cc
uint32_t SkipAdverbials(const DocIndex& d, uint32_t i, uint32_t end);
bool ContentCanStart(const DocIndex& d, const CueEntry& cue, uint32_t i, uint32_t end);
bool IsPassive(const DocIndex& d, uint32_t cue, uint32_t floor);
uint32_t ContentEnd(const DocIndex& d, uint32_t from, uint32_t end);
void FindReportedSpeech(const DocIndex& d, uint32_t b, uint32_t e, std::vector<Candidate>* out);

// quote_polls.cc: "In a poll, <finding>" with "in" at token k of the sentence [b, e).
std::optional<Candidate> PollFinding(const DocIndex& d, uint32_t k, uint32_t b, uint32_t e);

// quote_syntax_cues.cc
std::optional<Candidate> ClausalComplement(const DocIndex& d, uint32_t k, uint32_t b, uint32_t e);
std::optional<Candidate> PrepositionalCue(const DocIndex& d, uint32_t k, uint32_t b, uint32_t e);
std::optional<uint32_t> InheritedSubject(const DocIndex& d, uint32_t k, uint32_t wb);
// `margin`: the model's score for k over its threshold.
std::optional<Candidate> LearntCue(const DocIndex& d, uint32_t k, uint32_t b, uint32_t e);
// The learnt cues of the sentence [b, e) that no rule read: out[first..] holds the
// sentence's candidates so far. Quotes may nest: a learnt cue inside another quote's
// content is an attribution of its own.
void AddLearntCues(const DocIndex& d, uint32_t b, uint32_t e, size_t first, std::vector<Candidate>* out);
// True when the parse gives the verb at k a clausal complement starting at token `at`
// ("CNN reported at least six planes filled the skies"): content whatever the word at
// `at` looks like.
bool ClauseInParseAt(const DocIndex& d, uint32_t k, uint32_t at, uint32_t e);

// quote_direct.cc
uint32_t WordCount(const DocIndex& d, uint32_t first, uint32_t last);
std::optional<Candidate> TrailingCue(const DocIndex& d, const Segment& seg);
std::optional<Candidate> LeadingCue(const DocIndex& d, const Segment& seg);
std::optional<Candidate> ColonLeadIn(const DocIndex& d, const Segment& seg);
std::optional<Candidate> ColonClause(const DocIndex& d, const Segment& seg);
bool IsDateline(const DocIndex& d, uint32_t b, uint32_t colon, uint32_t e);
std::optional<Candidate> HeadlineQuote(const DocIndex& d, uint32_t b, uint32_t e);
bool LooksLikeSpeech(const DocIndex& d, const Segment& seg);

}  // namespace sitrep::quotes_internal
