// Noun phrases and speakers next to a cue (see quote_index.h).
#include "annotate/quote_index.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace sitrep::quotes_internal {

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
  // A possessive determiner opens a phrase the tagger calls a pronoun: "according to
  // his campaign filings", "its FEC reports". It counts only with a noun after it.
  if (d.has_tags && d.tok[first].xpos == "PRP$" && first + 1 < limit && NounPhraseWord(d, first + 1)) ++end;
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
        // A subject after the verb ("..., said several observers") is an inverted
        // speaker, read by the caller from the right.
        if (i > cue) return std::nullopt;
        if (IsTimeSubject(d, i)) continue;
        auto [lo, hi] = SubtreeHull(d, i);
        if (hi - lo + 1 > kMaxNounPhrase) lo = hi = i;
        if (lo >= floor) return std::make_pair(lo, hi);
      }
    // A participle without a subject of its own ("issued a statement Wednesday saying
    // ..."): the subject it shares with the verb it hangs from, not the words before it.
    if (d.tok[cue].xpos.starts_with("VBG"))
      if (auto s = InheritedSubject(d, cue, b); s && *s >= floor && *s < cue) {
        auto [lo, hi] = SubtreeHull(d, *s);
        if (hi - lo + 1 > kMaxNounPhrase || lo < floor || hi >= cue) lo = hi = *s;
        return std::make_pair(lo, hi);
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

// A dateline opening the paragraph is not part of the speaker: "CLEVELAND, July 19 (UPI) —
// Former Attorney General Michael Mukasey told", "WASHINGTON (AP) — Donald Trump called".
// The parse hangs it on the subject, or takes it for the subject; before the dash there
// are only capitalised words, numbers and punctuation.
static std::pair<uint32_t, uint32_t> PastDateline(const DocIndex& d, std::pair<uint32_t, uint32_t> np) {
  uint32_t p = d.paragraph_of[np.first];
  if (np.first != d.paragraphs[p].first) return np;
  for (uint32_t k = np.first; k < d.tok.size() && k - np.first < 12 && d.paragraph_of[k] == p; ++k) {
    std::string_view w = d.word(k);
    bool dash = w == "\u2014" || w == "\u2013" || w == "\u2015" || w == "--" ||
                (w == "-" && k > np.first && d.tok[k - 1].space_after);
    if (dash) {
      if (k == np.first) return np;
      if (k < np.second) return {k + 1, np.second};
      // The dateline alone was taken for the subject: the speaker is the phrase after it.
      uint32_t end = NounPhraseFrom(d, k + 1, std::min<uint32_t>(d.paragraphs[p].second, k + 1 + kMaxNounPhrase));
      return end > k + 1 ? std::make_pair(k + 1, end - 1) : np;
    }
    bool dateline_word = d.cap(k) || (w[0] >= '0' && w[0] <= '9') || w == "," || w == "(" || w == ")" || w == ".";
    if (!dateline_word) return np;
  }
  return np;
}

// A time phrase fronted before the subject ("Wednesday at the CNN debate, Clinton said",
// "Last September, ...") is not who spoke, though a parse may make it the subject. "May"
// and "March" may be names.
bool IsTimeSubject(const DocIndex& d, uint32_t head) {
  return d.is_time(head) && d.low(head) != "may" && d.low(head) != "march";
}

void SetSpeaker(const DocIndex& d, std::pair<uint32_t, uint32_t> np, const char* from, Quote* q) {
  np = PastDateline(d, np);
  q->speaker_mention = d.span(np.first, np.second);
  q->speaker = q->speaker_mention;
  q->speaker_from = from;
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

}  // namespace sitrep::quotes_internal
