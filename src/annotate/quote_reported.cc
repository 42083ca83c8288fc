// Reported speech in a sentence: a cue, its speaker and the clause it reports (see
// quote_index.h).
#include "annotate/quote_index.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace sitrep::quotes_internal {

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
    // A semicolon joins a sentence of the writer's own: "thanked Trump for recognising
    // Pakistan's role; earlier in March, Trump had ...".
    if (d.low(i) == ";" && i > from) {
      stop = i;
      break;
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
    // "In a poll released Monday, ...": the poll's finding (quote_polls.cc). The
    // finding may hold attributions of its own, so nothing is marked covered.
    if (d.low(k) == "in" && k >= covered_until)
      if (auto c = PollFinding(d, k, b, e)) {
        out->push_back(std::move(*c));
        continue;
      }
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
      std::optional<Candidate> c = ClausalComplement(d, k, b, e);
      if (c) {
        previous_speaker = c->quote.speaker;
        previous_mention = c->quote.speaker_mention;
        previous_speaker_from = c->quote.speaker_from;
        if (!c->trailing) covered_until = std::max(covered_until, c->content_last + 1);
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
    // "pledged to ban": an infinitive is content, not a setting like "said to reporters".
    if (at_end && after + 1 < e && d.low(after) == "to" && d.has_tags &&
        (d.tok[after + 1].upos == "VERB" || d.tok[after + 1].upos == "AUX"))
      at_end = false;
    if (!at_end && cue->cls == CueClass::kTell && after < e && d.cap(after)) {
      // "..., a school spokesman told The Wall Street Journal.": past the addressee.
      uint32_t np_end = NounPhraseFrom(d, after, e);
      uint32_t a = np_end > after ? SkipAdverbials(d, np_end, e) : after;
      at_end = np_end > after && (a >= e || IsSentenceEndPunct(d.low(a)) || kTrailingPreps.contains(d.low(a)));
    }
    if (!left) left = CoordinatedSubject(d, k, b);  // "X met survivors and said ..."
    if (at_end && (!left || left->first == b || d.low(left->first - 1) != ",")) {
      // "..., a source close to him said." The whole phrase since the comma is the speaker.
      if (auto phrase = TrailingSpeakerPhrase(d, k, b)) left = phrase;
    }
    if (left && !d.has_tags && !AgreesAsVerb(d, *cue, k, *left)) left.reset();
    // "Any cleareyed reading of his actions, said Michael Kofman, an expert ...": after a
    // comma, a name that follows the verb and ends the clause is the speaker, whatever
    // the parse made the subject (the content before the comma).
    if (left && k > b && d.low(k - 1) == "," && !participle_after_comma) {
      if (auto right = SpeakerAfter(d, cue_last, e)) {
        uint32_t next = right->second + 1;
        bool ends = next >= e || d.low(next) == "," || IsSentenceEndPunct(d.low(next));
        if (ends && d.cap(right->first) && !d.is_pronoun(right->first) && !IsTimeSubject(d, right->second))
          left.reset();
      }
    }
    // "..., misogynist and birther who pledged": a relative clause's content follows it.
    bool relative = left && IsRelativePronoun(d.low(left->second));
    if (left && !relative && left->first > b && d.low(left->first - 1) == "," && (at_end || d.low(after - 1) == ",")) {
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
      if (cue->cls == CueClass::kTrailing) continue;
      // No speaker beside the verb ("refused to say whether", "while saying he would"):
      // the subject it shares with the verb it hangs from.
      if (!left && d.has_deps)
        if (auto subject = InheritedSubject(d, k, SyntaxWindow(d, k).first); subject && *subject >= b) {
          auto [lo, hi] = SubtreeHull(d, *subject);
          left = hi - lo + 1 > kMaxNounPhrase || lo < b || hi >= k ? std::make_pair(*subject, *subject)
                                                                    : std::make_pair(lo, hi);
        }
      // A verb with no speaker at all is rarely speech: "visited Pakistan to discuss
      // ways", "the defending champion".
      if (!left) continue;
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
      if (!after_particle && !ContentCanStart(d, *cue, after, e) && !ClauseInParseAt(d, k, after, e)) continue;
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
  if (d.cues != nullptr && d.has_deps) AddLearntCues(d, b, e, first_candidate, out);
}

}  // namespace sitrep::quotes_internal
