// Cues read from the parse: verbs outside the lexicon with a clausal complement, a verb
// or noun with its preposition ("talked about"), and the learnt cues (see quote_index.h).
#include "annotate/quote_index.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace sitrep::quotes_internal {

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

// True when the parse gives the verb at `k` a clausal complement that starts at token
// `at` and is a clause (a subject of its own, or "that"): "CNN reported at least six
// planes filled the skies", "the Post observed Republicans now control". The word
// after a verb is a poor guide to a clause ("at least" reads like a setting), the
// parse a better one; the class of the verb in the lexicon no longer matters then.
bool ClauseInParseAt(const DocIndex& d, uint32_t k, uint32_t at, uint32_t e) {
  if (!d.has_deps || at <= k || at >= e) return false;
  auto [wb, we] = SyntaxWindow(d, k);
  for (uint32_t i = at; i < we && i < e && i - at <= 12; ++i) {
    if (d.tok[i].head != static_cast<int32_t>(k) || d.tok[i].deprel != "ccomp") continue;
    auto [lo, hi] = SubtreeHull(d, i);
    if (lo != at || hi >= e) return false;
    for (uint32_t j = lo; j < i; ++j)
      if (d.tok[j].head == static_cast<int32_t>(i) &&
          (d.tok[j].deprel.starts_with("nsubj") || d.low(j) == "that" || d.tok[j].deprel == "expl"))
        return true;
    return false;
  }
  return false;
}

namespace {

// "Cruz reboots his attacks on Trump", "Clinton chose to make her peroration about
// guns": a possessive pronoun on a noun cue that is a verb's object stands for that
// verb's subject, which names the speaker where "his" does not. Returns the subject.
std::optional<uint32_t> PossessorAsSubject(const DocIndex& d, uint32_t noun, uint32_t possessor, uint32_t wb) {
  if (d.tok[possessor].xpos != "PRP$") return std::nullopt;
  std::string_view rel = d.tok[noun].deprel;
  if (rel != "obj" && rel != "obl") return std::nullopt;
  int32_t h = d.tok[noun].head;
  if (h < static_cast<int32_t>(wb) || h >= static_cast<int32_t>(noun) || d.tok[h].upos != "VERB") return std::nullopt;
  auto verb = static_cast<uint32_t>(h);
  for (uint32_t i = wb; i < verb; ++i)
    if (d.tok[i].head == h && d.tok[i].deprel == "nsubj") return i;
  return InheritedSubject(d, verb, wb);
}

}  // namespace

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
  if (!verb)
    if (auto subject = PossessorAsSubject(d, k, *speaker, wb)) speaker = subject;
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

// The subject a verb shares with the verb it hangs from: "Trump met ... and mentioned
// ...", "Clinton wants to promote ...", "Brafman concluded by making it clear ...".
// Climbs a few coordinations, complements and participle clauses (not "if"/"because"
// clauses, whose subject is their own) and takes the first subject on the way.
std::optional<uint32_t> InheritedSubject(const DocIndex& d, uint32_t k, uint32_t wb) {
  uint32_t at = k;
  for (int step = 0; step < 4; ++step) {
    std::string_view rel = d.tok[at].deprel;
    int32_t h = d.tok[at].head;
    if (h < static_cast<int32_t>(wb) || static_cast<uint32_t>(h) >= d.tok.size()) return std::nullopt;
    // "staff members suggesting that ...": a participle modifying a noun is that noun's.
    if (rel == "acl" && d.tok[at].xpos.starts_with("VBG")) {
      std::string_view hu = d.tok[h].upos;
      if (hu != "NOUN" && hu != "PROPN") return std::nullopt;
      // "His office issued a statement saying ...": a message someone sent speaks for
      // its sender, the subject of the verb it is the object of.
      static const std::unordered_set<std::string_view> kMessages = {
          "statement", "letter", "message", "email", "e-mail", "tweet", "post", "memo", "note", "release",
          "video", "ad", "advertisement", "op-ed", "editorial", "petition", "resolution", "announcement"};
      int32_t verb = d.tok[h].head;
      if (kMessages.contains(d.tok[h].lemma) && d.tok[h].deprel == "obj" && verb >= static_cast<int32_t>(wb) &&
          verb < h) {
        for (uint32_t i = wb; i < static_cast<uint32_t>(verb); ++i)
          if (d.tok[i].head == verb && d.tok[i].deprel == "nsubj") return i;
      }
      return static_cast<uint32_t>(h);
    }
    if (rel != "conj" && rel != "xcomp" && rel != "advcl") return std::nullopt;
    if (rel == "advcl") {
      // A participle clause shares its main clause's subject ("after seeking to
      // convince", "before sketching out"), unless it is a condition.
      if (!d.tok[at].xpos.starts_with("VBG") && !d.tok[at].xpos.starts_with("VBN")) return std::nullopt;
      for (uint32_t i = wb; i < at; ++i)
        if (d.tok[i].head == static_cast<int32_t>(at) && d.tok[i].deprel == "mark" &&
            (d.low(i) == "if" || d.low(i) == "unless" || d.low(i) == "whether" || d.low(i) == "than"))
          return std::nullopt;
    }
    auto head = static_cast<uint32_t>(h);
    for (uint32_t i = wb; i < head; ++i)
      if (d.tok[i].head == h && (d.tok[i].deprel == "nsubj" || d.tok[i].deprel == "nsubj:pass")) return i;
    at = head;
  }
  return std::nullopt;
}

// A verb the cue model takes for a cue (quote_cue_model.h), read from its parse: the
// speaker is its subject (the "by" phrase of a passive, or the subject of the verb it is
// coordinated with), the content its clausal complement ("said they wanted", "urged
// them to"), or a passive's subject ("was first reported by The Washington Post").
std::optional<Candidate> LearntCue(const DocIndex& d, uint32_t k, uint32_t b, uint32_t e) {
  auto [wb, we] = SyntaxWindow(d, k);
  wb = std::max(wb, b);
  we = std::min(we, e);
  bool noun = d.tok[k].upos == "NOUN";
  // Which dependent after the cue holds the content, best first: a verb's clause, then
  // its object or oblique; a noun's clause ("the claim that"), then its modifier ("her
  // criticism of Trump").
  auto rank = [noun](std::string_view rel) {
    if (noun) return rel == "acl" || rel == "ccomp" ? 0 : rel == "nmod" ? 1 : 9;
    if (rel == "ccomp") return 0;
    if (rel == "xcomp") return 1;
    if (rel == "obj") return 2;
    if (rel == "obl" || rel == "obl:arg") return 3;
    return 9;
  };
  std::optional<uint32_t> agent, passive_subject, content;
  int64_t subject = -1;  // a token, or -1 (not an optional: GCC misreads its copies)
  int content_rank = 9;
  auto is_child = [&](uint32_t i, uint32_t head) { return d.tok[i].head == static_cast<int32_t>(head); };
  for (uint32_t i = wb; i < we; ++i) {
    if (!is_child(i, k)) continue;
    std::string_view rel = d.tok[i].deprel;
    if ((rel == "nsubj" || (noun && rel == "nmod:poss")) && i < k) subject = i;
    if (rel == "nsubj:pass" && !noun) passive_subject = i;
    if (rel == "obl:agent" && i > k) agent = i;
    if (i > k && rank(rel) < content_rank) {
      content = i;
      content_rank = rank(rel);
    }
  }
  if (noun && subject >= 0)
    if (auto s = PossessorAsSubject(d, k, static_cast<uint32_t>(subject), wb)) subject = *s;
  if (passive_subject) {
    // "X was reported by Y": X is what was said, Y said it (or nobody named does). But
    // "she is expected to win": the clause is what is expected, and a personal pronoun
    // is never what was said (a relative one is: "attacks, which were claimed by").
    if (*passive_subject > k) return std::nullopt;
    subject = agent ? static_cast<int64_t>(*agent) : -1;
    if (content && content_rank <= 1) {
      passive_subject.reset();
    } else {
      if (IsPronounSubject(d.low(*passive_subject))) return std::nullopt;
      content = passive_subject;
    }
  }
  if (subject < 0 && !passive_subject) {
    if (!noun) {
      if (auto inherited = InheritedSubject(d, k, wb)) subject = *inherited;
    } else if (d.tok[k].deprel == "obj" && d.tok[k].head >= static_cast<int32_t>(wb) &&
               d.tok[k].head < static_cast<int32_t>(k)) {
      // "Trump raised questions about ...": the subject of the verb the noun is the object of.
      auto verb = static_cast<uint32_t>(d.tok[k].head);
      for (uint32_t i = wb; i < verb; ++i)
        if (is_child(i, verb) && d.tok[i].deprel == "nsubj") subject = i;
      if (subject < 0)
        if (auto inherited = InheritedSubject(d, verb, wb)) subject = *inherited;
    }
  }
  // A learnt cue carries what was said as a clause ("said they wanted", "urged them
  // to"), or is a passive ("was reported by"). With only an object or oblique ("thanked
  // Pakistan", "touched on regional matters") it is a stance or an act, not something
  // anyone said: PolNeAR counts some of those, an analyst reading quotes would not (and
  // the event coder would take the act's object for reported speech). models/README.md
  // has what this costs on PolNeAR.
  if (!content) return std::nullopt;
  if (!passive_subject && content_rank > 1) return std::nullopt;
  if (subject >= 0) {
    auto head = static_cast<uint32_t>(subject);
    std::string_view su = d.tok[head].upos;
    if ((su != "PROPN" && su != "PRON" && su != "NOUN") || d.low(head) == "it" || d.low(head) == "this" ||
        d.low(head) == "that" || IsTimeSubject(d, head))
      subject = -1;
  }
  auto [lo, hi] = SubtreeHull(d, *content);
  if (hi >= e) hi = e - 1;
  // An oblique's preposition is how the content attaches, not part of it ("about X").
  if (d.tok[lo].deprel == "case" && is_child(lo, *content) && lo < hi) ++lo;
  // A semicolon ends what the cue says, whatever the parse hangs after it.
  for (uint32_t i = std::max(lo, k + 1); i <= hi; ++i)
    if (d.low(i) == ";") {
      hi = i > lo ? i - 1 : lo;
      break;
    }
  while (hi > lo && (IsSentenceEndPunct(d.low(hi)) || d.low(hi) == "," || MarkOf(d.word(hi)) != Mark::kNone)) --hi;
  if (hi < lo || (lo <= k && hi >= k)) return std::nullopt;
  Candidate c;
  c.cue_token = k;
  c.quote.kind = Quote::Kind::kIndirect;
  c.quote.cue = d.tok[k].span;
  c.quote.cue_lemma = d.tok[k].lemma.empty() ? std::string(d.low(k)) : d.tok[k].lemma;
  c.quote.speaker_from = "none";
  if (subject >= 0) {
    const auto head = static_cast<uint32_t>(subject);
    const bool by_phrase = agent.has_value() && agent.value() == head;
    auto [slo, shi] = SubtreeHull(d, head);
    // A subject phrase holds no verb of its own; when its hull does, the parse went wrong
    // and the head word alone is the safer speaker.
    bool clause = false;
    for (uint32_t i = slo; i <= shi && !clause; ++i)
      clause = i != head && (d.tok[i].upos == "VERB" || d.tok[i].upos == "AUX" || d.tok[i].upos == "SCONJ");
    if (clause || shi - slo + 1 > kMaxNounPhrase || (slo <= k && shi >= k)) slo = shi = head;
    while (shi > slo && (d.low(shi) == "’s" || d.low(shi) == "'s" || d.low(shi) == ",")) --shi;
    if (by_phrase && d.low(slo) == "by" && slo < shi) ++slo;
    SetLeftSpeaker(d, {slo, shi}, b, &c.quote);
  }
  c.content_first = lo;
  c.content_last = hi;
  c.trailing = lo < k;
  return c;
}

void AddLearntCues(const DocIndex& d, uint32_t b, uint32_t e, size_t first, std::vector<Candidate>* out) {
  size_t rule_end = out->size();
  for (uint32_t k = b; k < e && out->size() - first < kMaxQuotesPerSentence; ++k) {
    if (d.in_quote[k] || !IsCueCandidate(d.doc, k)) continue;
    if (!d.cues->IsCue(d.doc, k)) continue;
    bool read = false;
    for (size_t r = first; r < rule_end && !read; ++r) read = (*out)[r].cue_token == k;
    if (read) continue;
    if (auto c = LearntCue(d, k, b, e)) out->push_back(std::move(*c));
  }
}

}  // namespace sitrep::quotes_internal
