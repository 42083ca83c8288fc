// Cues next to a quoted segment: "…,” he said" and "He said: “…" (see quote_index.h).
#include "annotate/quote_index.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace sitrep::quotes_internal {

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

}  // namespace sitrep::quotes_internal
