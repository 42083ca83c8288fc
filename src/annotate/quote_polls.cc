// Findings credited to a poll or a study by a bare "in" opening the sentence: "In a
// Des Moines Register poll, Cruz had a 10-point lead".
// News reports these the way they report "according to": the poll is the source and
// the clause is what it says. Only data sources that cannot speak are read this way;
// "In a statement, the senator said ..." has a speaker of its own and is left to the
// cue after it (see quote_index.h).
#include "annotate/quote_index.h"

#include <unordered_set>

namespace sitrep::quotes_internal {

namespace {

inline constexpr uint32_t kMaxPollPhrase = 12;  // tokens from "in" to the poll's head noun
inline constexpr uint32_t kMaxPollTail = 8;     // tokens after the head ("released Monday")

bool IsPollNoun(std::string_view lower) {
  static const std::unordered_set<std::string_view> kPolls = {"poll", "polls", "survey", "surveys", "study",
                                                              "studies", "polling"};
  return kPolls.contains(lower);
}

// The poll's head noun after "in" at `k`: the words between are a noun phrase's words,
// no comma, no cue and no quotation mark.
std::optional<uint32_t> PollHead(const DocIndex& d, uint32_t k, uint32_t e) {
  for (uint32_t i = k + 1; i < e && i - k <= kMaxPollPhrase; ++i) {
    if (d.in_quote[i] || d.cue[i] != nullptr || d.low(i) == "," || IsSentenceEndPunct(d.low(i))) return std::nullopt;
    if (IsPollNoun(d.low(i))) {
      // "poll results", "survey data": the head is the last noun of the run.
      if (i + 1 < e && d.has_tags && d.tok[i + 1].upos == "NOUN" && !IsPollNoun(d.low(i + 1))) return i + 1;
      return i;
    }
    // A verb or a second preposition: "mired in single digits in polls" is no poll's phrase.
    if (d.has_tags && (d.tok[i].upos == "VERB" || (d.tok[i].upos == "ADP" && d.low(i) != "of" && d.low(i) != "from")))
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Candidate> PollFinding(const DocIndex& d, uint32_t k, uint32_t b, uint32_t e) {
  if (d.low(k) != "in" || d.in_quote[k]) return std::nullopt;
  // Only a poll opening the sentence: at its end ("has a strong lead in the polls") the
  // poll is more often where a lead stands than whose finding the clause is.
  bool opens = k == b || (k == b + 1 && (d.low(b) == "but" || d.low(b) == "and"));
  if (!opens) return std::nullopt;
  auto head = PollHead(d, k, e);
  if (!head) return std::nullopt;
  // "In a poll released Monday, <finding>": the finding follows the comma.
  uint32_t comma = *head + 1;
  while (comma < e && comma - *head <= kMaxPollTail && d.low(comma) != "," && d.cue[comma] == nullptr) ++comma;
  if (comma >= e || d.low(comma) != ",") return std::nullopt;
  uint32_t end = ContentEnd(d, comma + 1, e);
  if (end <= comma + 3) return std::nullopt;  // a clause, not a word or two
  Candidate c;
  c.cue_token = k;
  c.quote.kind = Quote::Kind::kIndirect;
  c.quote.cue = d.tok[k].span;
  c.quote.cue_lemma = "in";
  SetSpeaker(d, {k + 1, *head}, "poll", &c.quote);
  c.content_first = comma + 1;
  c.content_last = end - 1;
  return c;
}

}  // namespace sitrep::quotes_internal
