// Cues next to a quoted segment: "…,” he said" and "He said: “…", and speaker labels
// before a colon: "Trump: ‘I Will Win’", "Matthews: Well, ..." (see quote_index.h).
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

// The cue word at token k: the rule lexicon's entry, or a verb the learnt model takes for a
// cue ("“This is fantastic!” beamed Hartley"). Returns the lemma, or empty for no cue.
std::string CueLemmaAt(const DocIndex& d, uint32_t k) {
  if (d.cue[k] != nullptr) return d.cue[k]->lemma;
  if (d.cues != nullptr && d.has_deps && d.tok[k].upos == "VERB" && d.cues->IsCue(d.doc, k))
    return d.tok[k].lemma.empty() ? std::string(d.low(k)) : d.tok[k].lemma;
  return {};
}

// After a trailing cue nothing more may be said: "…,” Ryan told the delegates before the
// vote." ends, "…” Trump said he would ..." goes on to report something else. True when
// the sentence [.., e) ends after the cue at `k` (past adverbials and an addressee).
bool NothingSaidAfter(const DocIndex& d, uint32_t k, uint32_t e) {
  uint32_t a = SkipAdverbials(d, k + 1, e);
  if (a < e && d.cue[k] != nullptr && d.cue[k]->cls == CueClass::kTell && MarkOf(d.word(a)) == Mark::kNone) {
    uint32_t np_end = NounPhraseFrom(d, a, e);
    if (np_end > a) a = SkipAdverbials(d, np_end, e);
  }
  static const std::unordered_set<std::string_view> kSettingPreps = {
      "on", "in", "at", "during", "to", "after", "before", "with", "from", "via", "while", "as", "of", "about"};
  return a >= e || IsSentenceEndPunct(d.low(a)) || d.low(a) == "," || MarkOf(d.word(a)) != Mark::kNone ||
         kSettingPreps.contains(d.low(a));
}

// A cue after a quote's closing mark: "…,” he said" / "…,” said Miller" / "…,” Dar wrote
// on his official X handle" / "…,” Jeff Sessions, a close advisor to Trump, told AFP."
// Returns the candidate, or nullopt.
std::optional<Candidate> TrailingCue(const DocIndex& d, const Segment& seg) {
  uint32_t i = seg.last + 1;
  uint32_t e = d.sent_end(seg.last);
  bool next_sentence = false;
  if (i >= e) {
    // The splitter may end the sentence at the closing mark ("…?” Sanders replied."):
    // look into the next sentence of the same paragraph; it must then be no more than
    // the speaker and the cue, since a sentence of its own may report something else.
    if (i < d.tok.size() && d.paragraph_of[i] == d.paragraph_of[seg.last] && MarkOf(d.word(i)) == Mark::kNone) {
      e = d.sent_end(i);
      next_sentence = !IsLowerAscii(d.word(i)[0]);
    } else {
      return std::nullopt;
    }
  }
  if (d.low(i) == ",") ++i;
  // An apposition or relative clause after the speaker's name ("Melanne Verveer, who
  // served as ..., told CBS News") may take more words than a plain phrase.
  uint32_t limit = std::min<uint32_t>(e, i + kMaxTrailingGap + kMaxAside);
  for (uint32_t k = i; k < limit; ++k) {
    if (MarkOf(d.word(k)) != Mark::kNone || IsSentenceEndPunct(d.low(k))) break;
    std::string lemma = CueLemmaAt(d, k);
    if (lemma.empty()) continue;
    if (next_sentence && !NothingSaidAfter(d, k, e)) return std::nullopt;
    Candidate c;
    c.cue_token = k;
    c.quote.cue = d.tok[k].span;
    c.quote.cue_lemma = lemma;
    if (k > i) {
      // "…,” Khan had also said": step over auxiliaries and adverbs to the subject.
      uint32_t np_last = k - 1;
      while (np_last > i && d.is_prefix(np_last) && !d.is_pronoun(np_last)) --np_last;
      auto np = NounPhraseEndingAt(d, np_last, i);
      if (np && k - i <= kMaxTrailingGap) {
        SetSpeaker(d, {*np, np_last}, d.is_pronoun(*np) ? "pronoun" : "subject", &c.quote);
        return c;
      }
      // "…,” Senator Jeff Sessions, a close advisor to Trump, told AFP": the name, then an
      // aside closed by the comma before the cue. PolNeAR's source is the whole stretch;
      // the speaker is the name.
      if (d.low(np_last) != "," || np_last <= i) return std::nullopt;
      uint32_t name_end = NounPhraseFrom(d, i, np_last);
      if (name_end == i || name_end >= np_last || d.low(name_end) != ",") return std::nullopt;
      if (!d.cap(i) && !d.is_det(i)) return std::nullopt;  // "…,” she added, “…": not a name
      SetSpeaker(d, {i, name_end - 1}, "subject", &c.quote);
      c.quote.speaker_mention = d.span(i, np_last - 1);
      return c;
    }
    if (k - i > kMaxTrailingGap) return std::nullopt;
    auto np = SpeakerAfter(d, k, e);
    if (!np) return std::nullopt;
    SetSpeaker(d, *np, d.is_pronoun(np->first) ? "pronoun" : "inverted-subject", &c.quote);
    return c;
  }
  return std::nullopt;
}

// A verb of speech a few words before the opening mark at `open`, when all the words
// between belong to it in the parse: "Canova wrote to his 20,000 Twitter followers, “…".
// Returns the cue token, or `open` when there is none.
static uint32_t CueOverDependents(const DocIndex& d, uint32_t open, uint32_t b) {
  if (!d.has_deps) return open;
  uint32_t k = open;
  while (k > b && open - k <= 12) {
    --k;
    std::string_view lw = d.low(k);
    if (IsSentenceEndPunct(lw) || MarkOf(d.word(k)) != Mark::kNone || lw == ";") return open;
    if (d.cue[k] == nullptr || d.in_quote[k]) continue;
    CueClass cls = d.cue[k]->cls;
    if (cls != CueClass::kSay && cls != CueClass::kTell && cls != CueClass::kClaim) return open;
    // Every word between hangs from the cue (an addressee, a setting, a time), so the
    // quote is what it says rather than part of another clause.
    for (uint32_t i = k + 1; i < open; ++i) {
      std::string_view w = d.low(i);
      if (w == "," || w == ":") continue;
      int32_t h = static_cast<int32_t>(i);
      for (int depth = 0; depth < 8 && h >= 0 && h != static_cast<int32_t>(k); ++depth) h = d.tok[h].head;
      if (h != static_cast<int32_t>(k)) return open;
    }
    return k;
  }
  return open;
}

// A cue before a quote's opening mark: "Miller had said: “…" / "He noted, “…" /
// "said that “…".
std::optional<Candidate> LeadingCue(const DocIndex& d, const Segment& seg) {
  uint32_t b = d.sent_begin(seg.open);
  if (seg.open == b) return std::nullopt;
  uint32_t k = seg.open - 1;
  // Between the cue and the mark: ":", ",", "that", "in a statement", "on Monday".
  bool blocked = false;
  for (uint32_t n = 0; k > b && n < kMaxCueGap; --k, ++n) {
    if (d.cue[k] != nullptr) break;
    std::string_view lw = d.low(k);
    if (!(lw == ":" || lw == "," || lw == "that" || lw == "in" || lw == "a" || lw == "an" || lw == "the" ||
          lw == "on" || d.is_time(k) || lw == "statement" || lw == "interview" || lw == "briefing" ||
          lw == "reporters" || lw == "told" || d.is_prefix(k))) {
      blocked = true;
      break;
    }
  }
  // Other words between: the parse says whether they belong to a cue before them.
  if (blocked || d.cue[k] == nullptr) k = CueOverDependents(d, seg.open, b);
  if (k == seg.open || d.cue[k] == nullptr) return std::nullopt;
  Candidate c;
  c.cue_token = k;
  c.quote.cue = d.tok[k].span;
  c.quote.cue_lemma = d.cue[k]->lemma;
  auto left = SpeakerBefore(d, k, b);
  if (!left) return std::nullopt;
  SetLeftSpeaker(d, *left, b, &c.quote);
  return c;
}

// A quote paragraph after a paragraph that ends in a colon, whose sentence has a cue
// with a speaker but no content a rule read: "In a press release, the committee said
// about its platform: / “The platform goes further ...”".
std::optional<Candidate> ColonLeadIn(const DocIndex& d, const Segment& seg) {
  if (seg.open == 0 || d.low(seg.open - 1) != ":" || seg.open != d.paragraphs[d.paragraph_of[seg.open]].first)
    return std::nullopt;
  uint32_t colon = seg.open - 1, b = d.sent_begin(colon);
  for (uint32_t k = colon; k-- > b && colon - k <= kMaxNounPhrase * 2;) {
    if (MarkOf(d.word(k)) != Mark::kNone) return std::nullopt;
    if (d.cue[k] == nullptr || d.in_quote[k]) continue;
    if (IsPassive(d, k, b)) return std::nullopt;
    auto left = SpeakerBefore(d, k, b);
    if (!left) return std::nullopt;
    Candidate c;
    c.cue_token = k;
    c.quote.cue = d.tok[k].span;
    c.quote.cue_lemma = d.cue[k]->lemma;
    SetLeftSpeaker(d, *left, b, &c.quote);
    return c;
  }
  return std::nullopt;
}

// A quotation after a colon whose lead-in has no verb of speech: "Trump reportedly
// yelled: “…”", "the DNC issued a statement apologizing for the emails: “…”". A colon
// before a quotation hands it to the lead-in's subject, whatever the verb; the verb
// heading the lead-in is the cue. A lead-in that is only a noun phrase is a label and
// names the speaker itself. Read from the parse only.
std::optional<Candidate> ColonClause(const DocIndex& d, const Segment& seg) {
  if (!d.has_deps || seg.open == 0 || d.low(seg.open - 1) != ":") return std::nullopt;
  uint32_t colon = seg.open - 1;
  if (colon == 0) return std::nullopt;
  uint32_t b = d.sent_begin(colon - 1);
  if (colon - b < 2 || colon - b > kMaxAside * 2) return std::nullopt;
  // The head of the lead-in: up from the word before the colon while the head stays
  // within [b, colon).
  auto n = static_cast<int32_t>(d.tok.size());
  int32_t h = static_cast<int32_t>(colon - 1);
  for (int depth = 0; depth < 24; ++depth) {
    int32_t up = d.tok[h].head;
    if (up < static_cast<int32_t>(b) || up >= static_cast<int32_t>(colon) || up >= n || up == h) break;
    h = up;
  }
  auto verb = static_cast<uint32_t>(h);
  if (d.tok[verb].upos != "VERB" && colon - b <= 6 && NounPhraseEndingAt(d, colon - 1, b) == b &&
      (d.cap(b) || d.is_det(b))) {
    // No verb at all, only a name or a noun phrase: a speaker's label in the body
    // ("Frank Newport and Jim Harter: “We found ...”", "the report: “In general ...”").
    Candidate c;
    c.cue_token = colon;
    c.quote.cue = d.tok[colon].span;
    c.quote.cue_lemma = ":";
    SetSpeaker(d, {b, colon - 1}, "subject", &c.quote);
    return c;
  }
  if (d.tok[verb].upos != "VERB" || d.in_quote[verb]) return std::nullopt;
  std::optional<uint32_t> subject;
  for (uint32_t i = b; i < verb; ++i)
    if (d.tok[i].head == h && d.tok[i].deprel == "nsubj") subject = i;
  if (!subject) return std::nullopt;
  std::string_view su = d.tok[*subject].upos;
  if (su != "PROPN" && su != "NOUN" && su != "PRON") return std::nullopt;
  auto [lo, hi] = SubtreeHull(d, *subject);
  if (lo < b || hi >= verb || hi - lo + 1 > kMaxNounPhrase) lo = hi = *subject;
  Candidate c;
  c.cue_token = verb;
  c.quote.cue = d.tok[verb].span;
  c.quote.cue_lemma = d.tok[verb].lemma.empty() ? std::string(d.low(verb)) : d.tok[verb].lemma;
  SetLeftSpeaker(d, {lo, hi}, b, &c.quote);
  return c;
}

// A segment is a full quotation (not a scare-quoted phrase) when it holds whole
// sentences or at least a clause's worth of words.
bool LooksLikeSpeech(const DocIndex& d, const Segment& seg) {
  uint32_t words = WordCount(d, seg.open, seg.last);
  bool starts_sentence = seg.open == d.sent_begin(seg.open) || seg.open == d.paragraphs[d.paragraph_of[seg.open]].first;
  return words >= 6 || (starts_sentence && words >= 3);
}

// --- Speaker labels ---------------------------------------------------------------------

// A dateline opening an article, "ISLAMABAD: Pakistan said ...", names where the story
// was filed, not who speaks: the words before the colon are in capitals, and what
// follows is a sentence of the story rather than a headline's few words (or the
// paragraph is not a heading at all).
bool IsDateline(const DocIndex& d, uint32_t b, uint32_t colon, uint32_t e) {
  std::string_view lead = d.doc.Slice(d.span(b, colon - 1));
  int letters = 0;
  for (char ch : lead) {
    if (IsLowerAscii(ch)) return false;
    letters += IsUpper(ch);
  }
  if (letters < 3) return false;  // "US:", "UN:" may well be speakers in a headline
  // Datelines open the story; further down, a label in capitals names who speaks in a
  // transcript ("JAKE TAPPER: Donald Trump released ...").
  uint32_t p = d.paragraph_of[b];
  if (p > 3) return false;
  return !d.heading[p] || e - colon > 12;
}

// A headline that names a speaker and gives their words: "Trump: ‘I Will Win’",
// "Poll: Clinton Leads in Ohio". Only in heading paragraphs, and only when the words
// before the colon are one short noun phrase that is not a rubric ("Watch:", "Update:").
std::optional<Candidate> HeadlineQuote(const DocIndex& d, uint32_t b, uint32_t e) {
  static const std::unordered_set<std::string_view> kRubrics = {
      "breaking", "watch", "video", "exclusive", "update", "updated", "live", "photos", "photo", "analysis",
      "opinion", "editorial", "review", "factbox", "explainer", "timeline", "transcript", "read", "listen",
      "breaking news", "the latest", "latest", "correction", "podcast", "quiz", "poll results", "fact check", "recap", "highlights"};
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
  if (IsDateline(d, b, colon, e)) return std::nullopt;
  uint32_t p = d.paragraph_of[b];
  if (!d.heading[p] && p != 0) {
    // A paragraph of the body opened by a speaker's label: a transcript ("Matthews: Well,
    // speculation is bad."), a list of headlines ("Bernie Sanders: I'm Not Much Of A
    // Socialist"). The label is a name, one to three capitalised words, and a sentence
    // follows; labels of page furniture ("Image Credits:", "Also See:") end in a word
    // no speaker's name ends in.
    static const std::unordered_set<std::string_view> kLabelWords = {
        "credits", "credit", "see", "note", "notes", "related", "source", "sources", "tags", "topics",
        "contact", "disclaimer", "update", "read", "more", "also", "email", "phone", "website", "date",
        "time", "location", "price", "address", "category", "filed", "caption", "share", "follow", "via",
        "subscribe", "warning", "summary", "background", "context", "q", "a", "question", "answer", "step"};
    if (colon - b > 3 || kLabelWords.contains(d.low(colon - 1))) return std::nullopt;
    for (uint32_t k = b; k < colon; ++k)
      if (!d.cap(k)) return std::nullopt;
    if (!(d.cap(colon + 1) || MarkOf(d.word(colon + 1)) != Mark::kNone)) return std::nullopt;
  }
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

}  // namespace sitrep::quotes_internal
