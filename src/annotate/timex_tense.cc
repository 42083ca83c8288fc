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

// Present-tense verbs of saying, thinking and being: they describe the time of writing,
// not a schedule.
bool IsStativePresent(std::string_view w) {
  static constexpr std::string_view kStative[] = {
      "is", "are", "am", "'s", "’s", "'re", "’re", "'m", "’m", "do", "does", "say", "says", "tell", "tells",
      "report", "reports", "claim", "claims", "insist", "insists", "think", "thinks", "believe", "believes", "note",
      "notes", "add", "adds", "argue", "argues", "maintain", "maintains", "show", "shows", "suggest", "suggests",
      "indicate", "indicates", "recall", "recalls", "know", "knows", "mean", "means", "remain", "remains",
      "seem", "seems", "appear", "appears", "want", "wants", "need", "needs", "hope", "hopes", "expect", "expects",
      "estimate", "estimates", "feel", "feels", "see", "sees", "acknowledge", "acknowledges", "deny", "denies", "agree",
      "agrees", "contend", "contends", "assert", "asserts", "predict", "predicts", "warn", "warns", "fear", "fears",
      "include", "includes", "represent", "represents", "own", "owns", "hold", "holds", "continue", "continues"};
  return std::find(std::begin(kStative), std::end(kStative), w) != std::end(kStative);
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
  if (std::find(std::begin(kPlans), std::end(kPlans), low) != std::end(kPlans)) {
    // "due" states a schedule after a form of "be" ("is due in court Friday"); "due to"
    // elsewhere gives a cause.
    if (low == "due") return prev == "is" || prev == "are" || prev == "was" || prev == "were" || prev == "'s";
    if (low != "expected" && low != "expects" && low != "expect") return true;
    // "expected to resume", "expect the talks to resume": a few words may come between.
    for (size_t k = i + 1; k < words.size() && k <= i + 5; ++k) {
      if (words[k].low == "to") return true;
      if (words[k].low == "," || words[k].low == "." || words[k].low == "that") break;
    }
    return false;
  }
  if (low == "set" && next == "for") return true;  // "the trial, set for Jan. 12"
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
  // "has until Friday to respond": the time left, ahead of the writer.
  if ((low == "has" || low == "have") && i + 1 < words.size() && words[i + 1].low == "until") return Direction::kFuture;
  // "were planning to", "is scheduled to", "was set for": a form of "be" that carries a plan
  // looks ahead, wherever it stands ("a demonstration on Saturday, and were planning to ...").
  if (low == "was" || low == "were" || low == "is" || low == "are" || low == "'s" || low == "'re") {
    std::string_view next = i + 1 < words.size() ? words[i + 1].low : std::string_view();
    std::string_view after = i + 2 < words.size() ? words[i + 2].low : std::string_view();
    if (next == "planning" || next == "preparing" || next == "scheduled" ||
        ((next == "expected" || next == "set" || next == "going" || next == "due") &&
         (after == "to" || after == "for")))
      return Direction::kFuture;
  }
  if (!w.xpos.empty()) {
    if (w.xpos == "MD") {
      // "could have left Friday" looks back; any other modal looks ahead ("will meet
      // Thursday", "could decide Monday", "may vote next month").
      std::string_view next = i + 1 < words.size() ? words[i + 1].low : std::string_view();
      if (next == "have" || next == "'ve" || (next == "not" && i + 2 < words.size() && words[i + 2].low == "have"))
        return Direction::kPast;
      return low == "will" || low == "'ll" || low == "shall" || low == "wo" || low == "would" || low == "could" ||
                     low == "may" || low == "might" || low == "should" || low == "must" || low == "can" ||
                     low == "ca"
                 ? Direction::kFuture
                 : Direction::kUnknown;
    }
    if (w.xpos == "VBD" || low == "ago") return Direction::kPast;
    // A participle with no auxiliary is a reduced clause about what happened ("shares
    // issued July 1") or a past tense the tagger took for one ("In January, X brought in").
    if (w.xpos == "VBN" && !IsAux(prev) && prev != "the" && prev != "a" && prev != "an")
      return Direction::kPast;
    if (w.xpos == "VBZ" || w.xpos == "VBP") {
      if (low == "has" || low == "have" || low == "'ve" || low == "\u2019ve") return Direction::kPast;
      // A present-tense event verb with a date states a schedule ("the offer expires
      // Friday", "trading resumes Wednesday", "it closes in January"); saying, knowing
      // and being describe the present.
      return IsStativePresent(low) ? Direction::kPresent : Direction::kFuture;
    }
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

namespace {

bool IsQuoteMark(std::string_view w) {
  return w == "\"" || w == "''" || w == "``" || w == "\u201c" || w == "\u201d" || w == "'";
}

bool IsReportingVerb(std::string_view w) {
  return w == "said" || w == "says" || w == "say" || w == "told" || w == "added" || w == "reported" ||
         w == "announced" || w == "according" || w == "stated" || w == "explained" || w == "noted";
}

// A comma that opens a trailing attribution (", a spokesman said", ", officials said
// Tuesday", ", according to police"): the reporting verb after it dates the saying, not
// what the clause before it reports.
bool OpensAttribution(const std::vector<Word>& words, size_t i, size_t to) {
  if (words[i].low != ",") return false;
  for (size_t k = i + 1; k < to && k <= i + 4; ++k) {
    if (IsReportingVerb(words[k].low)) return true;
    if (words[k].low == "," || words[k].low == ".") return false;
  }
  return false;
}

// A word that opens another clause after a time expression: a coordinating conjunction,
// a relative or subordinating word, a semicolon.
bool StartsClause(std::string_view w) {
  return w == "and" || w == "but" || w == "while" || w == "whereas" || w == "although" || w == "though" ||
         w == "because" || w == "which" || w == "who" || w == "where" || w == "when" || w == ";";
}

// The nearest cue within [from, to).
Direction NearestCue(const std::vector<Word>& words, size_t sentence_begin, size_t from, size_t to, size_t begin,
                     size_t end) {
  for (size_t k = end; k < to; ++k)
    if (OpensAttribution(words, k, to)) {
      to = k;
      break;
    }
  // "The vote is Friday", "the election is in November": a date as what "is" states is a
  // schedule, ahead of the writer.
  auto is_be = [](std::string_view w) { return w == "is" || w == "are" || w == "'s"; };
  auto is_prep = [](std::string_view w) { return w == "in" || w == "on" || w == "at" || w == "for"; };
  if (begin >= from + 1 && is_be(words[begin - 1].low)) return Direction::kFuture;
  if (begin >= from + 2 && is_prep(words[begin - 1].low) && is_be(words[begin - 2].low)) return Direction::kFuture;
  // A time adverbial modifies the verb of its own clause: in "took the town Monday and will
  // hold it until Friday", the "will" after "and" belongs to another clause. So a cue before
  // the timex, or after it but before a clause boundary, is looked for first; a cue past the
  // boundary only when the clause has none ("Monday and Tuesday will be holidays").
  size_t clause_to = to;
  for (size_t k = end; k < to; ++k)
    if (StartsClause(words[k].low)) {
      clause_to = k;
      break;
    }
  for (size_t limit : {clause_to, to}) {
    for (size_t d = 1; d <= 20; ++d) {
      if (begin >= from + d) {
        Direction dir = CueAt(words, begin - d, sentence_begin, true);
        if (dir != Direction::kUnknown) return dir;
      }
      if (end + d - 1 < limit) {
        Direction dir = CueAt(words, end + d - 1, sentence_begin, false);
        if (dir != Direction::kUnknown) return dir;
      }
    }
    if (limit == to) break;
  }
  return Direction::kUnknown;
}

}  // namespace

Direction TenseAround(const std::vector<Word>& words, size_t sentence_begin, size_t sentence_end, size_t begin,
                      size_t end) {
  // A quotation is a sentence of its own: in ''He will leave at 4 a.m. Thursday,'' Castro
  // said, the attribution dates the saying, not the leaving. Cues inside the quotation marks
  // nearest the timex come first; the whole sentence only when they say nothing.
  size_t from = begin, to = end;
  while (from > sentence_begin && !IsQuoteMark(words[from - 1].low)) --from;
  while (to < sentence_end && !IsQuoteMark(words[to].low)) ++to;
  if (from > sentence_begin || to < sentence_end) {
    Direction dir = NearestCue(words, sentence_begin, from, to, begin, end);
    if (dir != Direction::kUnknown) return dir;
  }
  return NearestCue(words, sentence_begin, sentence_begin, sentence_end, begin, end);
}

}  // namespace sitrep::timex_internal
