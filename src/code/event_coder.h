// The event coder: reads a Doc's dependency trees and layers (entity, timex, quantity,
// quote, paragraph, dct) and finds who did what to whom, when and where.
//
// A predicate is a verb or an event noun of the predicate lexicon ("condemned", "the
// meeting", "a telephonic conversation"). Its arguments come from the tree, never from
// word windows: nsubj and obj; nsubj:pass and obl:agent in the passive; the subject of
// the governing verb through xcomp, advcl and conj (control, shared subjects); for a
// noun, its possessor, "by", "with", "between X and Y", and the subject of a light verb
// ("held talks with", "paid a courtesy call on"). Coordinated subjects of a meeting
// ("X and Y discussed") make one reciprocal event. Auxiliaries, negation and "to"-clauses
// give the future, hypothetical and negated modes; a date two or more years before the
// publication date makes it historical.
//
// Work is bounded per sentence: sentences longer than max_sentence_words are skipped,
// coordinated actors are cut at max_actors, events at max_events_per_sentence.
#pragma once

#include <vector>

#include "code/actor_knowledge.h"
#include "code/event_record.h"
#include "code/lexicon.h"
#include "sitrep/doc.h"

namespace sitrep::code {

struct CoderOptions {
  int max_sentence_words = 400;
  int max_actors = 16;               // per argument
  int max_events_per_sentence = 32;
  bool body_only = true;             // skip headings, bullets and captions: summaries, not new reports
};

class EventCoder {
 public:
  EventCoder(const PredicateLexicon& predicates, const ActorLexicon& actors, CoderOptions options = {})
      : predicates_(predicates), actors_(actors), options_(options) {}
  // With the default lexicons.
  EventCoder() : EventCoder(PredicateLexicon::Default(), ActorLexicon::Default()) {}

  // Every event of `doc`, in text order. REQUIRES: tokens and sentences; without the
  // syntax layer nothing is found. Thread-safe.
  std::vector<CodedEvent> CodeDocument(const Doc& doc) const { return CodeDocument(doc, {}); }
  // The same, knowing what the corpus says about some of the document's people (their
  // name words -> code, actor_knowledge.h): as if an office with a country had named them.
  std::vector<CodedEvent> CodeDocument(const Doc& doc, const NameCodes& known) const;

 private:
  const PredicateLexicon& predicates_;
  const ActorLexicon& actors_;
  CoderOptions options_;
};

}  // namespace sitrep::code
