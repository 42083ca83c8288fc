// Quotations and reported speech: who said what, with which verb.
//
// Three kinds, as journalists use them:
//   direct    “We will continue to work ...,” Miller said.   (the words as spoken)
//   mixed     Biden vowed that Washington would “continue to stand with Pakistan”.
//   indirect  Qazi said that Islamabad had credible evidence ...  / ... according to X.
// Each quote has a content span, a cue (the reporting verb, or "according to"), and a
// speaker span. The speaker is found from the parse when the tokens have one (the
// nsubj of the cue verb), otherwise from the noun phrase next to the cue. A pronoun
// speaker ("he said") is resolved to the nearest preceding person-like name; a paragraph
// that is only a quote, without a cue, continues the previous quote's speaker. Quoted
// phrases with no reporting verb around them are scare quotes, not quotations.
//
// Speakers are spans of text here; quote_speakers.h ties them to the "entity" layer
// ("speaker_entity"), and ResolveSpeakerEntities is the seam that links them to actors.
//
// Cost: quotation marks are paired in one pass over the tokens; cues are looked up per
// token in a hash table; every look-around is bounded by a fixed number of tokens,
// sentences or paragraphs, so the work is linear in the document.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/doc.h"

namespace sitrep {

struct Quote {
  enum class Kind { kDirect, kIndirect, kMixed };
  Kind kind = Kind::kDirect;
  Span content;                         // the words attributed (with their quotation marks)
  std::optional<Span> cue;              // "said", "wrote", "according to"; none for a continuation
  std::string cue_lemma;                // "say", "write", "according to"
  std::optional<Span> speaker;          // who said it: the name, also for "he said"
  std::optional<Span> speaker_mention;  // the words next to the cue naming the speaker ("he")
  std::string speaker_from;             // "subject", "inverted-subject", "according-to",
                                        // "pronoun", "previous-quote", "none"
  int continues = -1;                   // for "previous-quote": the index of the quote it continues
  // The speaker as the entities stage found it (quote_speakers.h): the PER/ORG mention
  // and its words, or none.
  std::optional<Span> speaker_entity;
  std::string speaker_entity_label;     // "PER", "ORG", "LOC"
  std::string speaker_entity_text;
};

struct QuoteWarning {
  Span span;
  std::string message;
};

struct QuoteResult {
  std::vector<Quote> quotes;  // in text order of their content
  std::vector<QuoteWarning> warnings;
};

class QuoteCueModel;

// All quotes of a Doc. Reads doc.tokens(), doc.sentences() and the "paragraph" layer
// (without it, the whole text is one paragraph). With `cues`, verbs outside the rule
// lexicon that the model takes for cues are read too (they need the parse).
QuoteResult FindQuotes(const Doc& doc, const QuoteCueModel* cues = nullptr);

std::string_view QuoteKindName(Quote::Kind kind);  // "direct", "indirect", "mixed"

// The attributes of quotes[i] as the JSON object the "quote" layer stores:
// {"content":[b,e],"cue":[b,e]|null,"cue_lemma":"..","speaker":[b,e]|null,
//  "speaker_mention":[b,e]|null,"speaker_from":"..",
//  "speaker_entity":{"span":[b,e],"label":"PER","text":".."}|null,"continues":[b,e]|null}
// where "continues" is the content span of the quote this one continues (layer order
// differs from list order, so a span is the stable way to point at it).
std::string QuoteAttrsJson(const std::vector<Quote>& quotes, size_t i);

// The seam for actor linking: calls `actor_for` with each quote's speaker span and
// stores what it returns (an actor id, or nullopt for "unknown") as "speaker_actor".
using SpeakerResolver = std::function<std::optional<std::string>(Span speaker)>;
void ResolveSpeakerEntities(Doc& doc, const SpeakerResolver& actor_for);

// "according to X" in the tokens [begin, end): the span of "according to" and of X,
// the noun phrase after it. Shared with the quantities stage for figure attribution.
struct AccordingTo {
  Span cue;
  Span source;
};
std::optional<AccordingTo> FindAccordingTo(const Doc& doc, uint32_t begin, uint32_t end);

}  // namespace sitrep
