// Tense: which way a sentence looks from the time it was written, from the tagger's
// xpos when the syntax stage ran and from word cues (will, had, said, ...) otherwise.
#include <algorithm>
#include <iterator>
#include <unordered_map>

#include "annotate/timex_internal.h"

namespace sitrep::timex_internal {

namespace {

bool IsAux(std::string_view w) {
  static constexpr std::string_view kAux[] = {"be", "been", "being", "is", "are", "was", "were", "am", "'s", "’s",
                                              "has", "have", "had", "having", "will", "would", "to", "get", "got"};
  return std::find(std::begin(kAux), std::end(kAux), w) != std::end(kAux);
}

bool IsIrregularPast(std::string_view w) {
  static const std::unordered_map<std::string_view, bool> kPast = [] {
    std::unordered_map<std::string_view, bool> m;
    for (std::string_view v : {"said", "told", "met", "held", "took", "came", "went", "made", "gave", "began", "saw",
                               "led", "left", "won", "lost", "fell", "rose", "sent", "spoke", "wrote", "got", "paid",
                               "sold", "bought", "found", "thought", "brought", "struck", "knew", "became", "ran",
                               "stood", "felt", "kept", "fought", "chose", "drew", "flew", "grew", "hung", "meant",
                               "sought", "shot", "taught", "threw", "woke", "swore", "broke", "forgot", "arose"})
      m[v] = true;
    return m;
  }();
  return kPast.count(w) > 0;
}

// A word ending in -ed that is not a verb.
bool LooksLikePastTense(std::string_view w) {
  if (w.size() < 5 || !w.ends_with("ed") || w.ends_with("eed")) return false;
  static constexpr std::string_view kNot[] = {"hundred", "united", "based", "related", "armed", "red", "limited",
                                              "advanced", "alleged", "so-called", "detailed", "renewed", "sacred"};
  return std::find(std::begin(kNot), std::end(kNot), w) == std::end(kNot);
}

// A word that states a plan or an arrangement: what it governs lies ahead of the writer
// even when the verb is in the past ("planned to leave on Thursday", "was scheduled to
// close Monday", "is to resume trading Tuesday"). Only a plan stated before the date
// counts ("On Friday, the government planned to pay" dates the planning), and not one
// already in the past perfect ("had been scheduled to expire at midnight Friday").
bool SignalsIntent(const std::vector<Word>& words, size_t i) {
  std::string_view low = words[i].low;
  std::string_view prev = i > 0 ? words[i - 1].low : std::string_view();
  if (prev == "been" || prev == "had" || prev == "previously" || prev == "originally") return false;
  std::string_view next = i + 1 < words.size() ? words[i + 1].low : std::string_view();
  static constexpr std::string_view kPlans[] = {"plan", "plans", "planned", "planning", "scheduled", "intend",
                                                "intends", "intended", "intending", "upcoming", "expected",
                                                "expects", "expect", "due"};
  if (std::find(std::begin(kPlans), std::end(kPlans), low) != std::end(kPlans))
    return low == "expected" || low == "expects" || low == "expect" || low == "due" ? next == "to" : true;
  if ((low == "set" || low == "is" || low == "are" || low == "was" || low == "were" || low == "going") && next == "to")
    return i + 2 < words.size() && (words[i + 2].xpos == "VB" || words[i + 2].xpos.empty());
  return false;
}

// The tense a word signals where it stands, or kUnknown.
Direction CueAt(const std::vector<Word>& words, size_t i, size_t sentence_begin, bool before_timex) {
  const Word& w = words[i];
  std::string_view low = w.low;
  std::string_view prev = i > sentence_begin ? words[i - 1].low : std::string_view();
  if (before_timex && SignalsIntent(words, i)) return Direction::kFuture;
  if (!w.xpos.empty()) {
    if (w.xpos == "MD") return low == "will" || low == "'ll" || low == "shall" || low == "wo" ? Direction::kFuture
                               : low == "would"                                           ? Direction::kFuture
                                                                                          : Direction::kUnknown;
    if (w.xpos == "VBD" || low == "ago") return Direction::kPast;
    // A participle with no auxiliary is a reduced clause about what happened ("shares
    // issued July 1") or a past tense the tagger took for one ("In January, X brought in").
    if (w.xpos == "VBN" && !IsAux(prev) && prev != "the" && prev != "a" && prev != "an")
      return Direction::kPast;
    if (w.xpos == "VBZ" || w.xpos == "VBP") return low == "has" || low == "have" ? Direction::kPast : Direction::kPresent;
    return Direction::kUnknown;
  }
  // Plans ("planned", "scheduled", "is to") are read by SignalsIntent, before the date only.
  if (low == "will" || low == "'ll" || low == "’ll" || low == "shall" || low == "would" || low == "tomorrow" ||
      (low == "wo" && i + 1 < words.size() && words[i + 1].low == "n't"))
    return Direction::kFuture;
  if (low == "was" || low == "were" || low == "had" || low == "did" || low == "has" || low == "have" || low == "ago")
    return Direction::kPast;
  if (low == "is" || low == "are" || low == "am" || low == "says" || low == "say") return Direction::kPresent;
  if ((IsIrregularPast(low) || LooksLikePastTense(low)) && !IsAux(prev) && prev != "the" && prev != "a")
    return Direction::kPast;
  return Direction::kUnknown;
}

}  // namespace

Direction TenseAround(const std::vector<Word>& words, size_t sentence_begin, size_t sentence_end, size_t begin,
                      size_t end) {
  for (size_t d = 1; d <= 20; ++d) {
    if (begin >= sentence_begin + d) {
      Direction dir = CueAt(words, begin - d, sentence_begin, true);
      if (dir != Direction::kUnknown) return dir;
    }
    if (end + d - 1 < sentence_end) {
      Direction dir = CueAt(words, end + d - 1, sentence_begin, false);
      if (dir != Direction::kUnknown) return dir;
    }
  }
  return Direction::kUnknown;
}

}  // namespace sitrep::timex_internal
