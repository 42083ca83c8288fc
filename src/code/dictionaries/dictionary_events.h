// The user's verb dictionaries in the pipeline (--verbs FILE on annotate, ingest, worker
// and consolidate; docs/dictionaries.md): the dictionary coder (dictionary_coder.h) codes
// each body sentence of a Doc on the parse the syntax stage already made, and its
// (source, target, CAMEO) triples become full events of the "events" layer, next to
// sitrep's own.
//
// Each triple is tied back to the words that gave it: the verb whose entry or pattern
// the triple's origin names (of two such verbs, the one nearer its actors), and the
// actor (and agent) phrases of the user's dictionaries whose codes it carries. The event
// then gets what sitrep's own events get: PLOVER type, mode and context (PloverOfCameo,
// below), QuadClass and Goldstein score from the CAMEO table (cameo_table.h), modes,
// date, place, size and quotation from the same readers (event_details.h); its actors'
// `how` is "dictionary FILE:LINE" and its `lexicon` "dictionary". Where sitrep's coder
// has an event on the same trigger word, the dictionary's events replace it and keep its
// date, place and size.
//
// The verbs are loaded once per process (LexiconWithVerbs) and shared read-only by every
// worker thread, as the actor lexicon is: they travel with that lexicon's shared_ptr, so
// every EventStage made from it (the pipeline's, consolidation's re-coding) codes with them.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "code/dictionaries/dictionary_coder.h"
#include "code/event_record.h"
#include "code/lexicon.h"
#include "sitrep/doc.h"
#include "sitrep/pipeline.h"

namespace sitrep::code::dictionaries {

// The PLOVER type, mode and context a CAMEO code falls under (its longest listed prefix:
// "0431" -> "043" -> "04"). Nullopt for codes PLOVER has no event type for (01x, public
// statements) and for what is not a CAMEO code.
struct PloverType {
  std::string_view type, mode, context;  // mode and context "" when none
};
std::optional<PloverType> PloverOfCameo(std::string_view cameo);

class DictionaryEventCoder {
 public:
  // `actors`: the user's actor and agent dictionaries (may be empty: then no actor is
  // found and nothing is coded).
  DictionaryEventCoder(std::shared_ptr<const VerbDictionary> verbs, std::shared_ptr<const UserDictionaries> actors,
                       DictionaryCoderOptions options = {});

  // Codes the body sentences of `doc` (tokens, sentences and syntax done) and merges the
  // events into `events`, sitrep's own events of the same document: an event of `events`
  // whose trigger is the trigger of a dictionary event is replaced by the dictionary's
  // (it keeps that event's date, place and size). `lexicon` is the actor lexicon sitrep
  // codes with (for the speakers of quotations). Thread-safe.
  void CodeDocument(const Doc& doc, const ActorLexicon& lexicon, std::vector<CodedEvent>* events) const;

  // The dictionary's events of `doc` alone, in text order.
  std::vector<CodedEvent> Code(const Doc& doc, const ActorLexicon& lexicon) const;

 private:
  std::shared_ptr<const VerbDictionary> verbs_;
  std::shared_ptr<const UserDictionaries> actors_;
  DictionaryCoderOptions options_;
  DictionaryCoder coder_;
};

// Reads the files of `options` once: the actor and agent dictionaries into a copy of
// sitrep's actor lexicon (as LexiconWithDictionaries does), and with `options.verbs` the
// verb dictionaries too, into a DictionaryEventCoder attached to that lexicon
// (DictionaryEventsOf). Null when `options` names no file; an error names a file that
// cannot be read; malformed lines go to options.warn (the first 50, then a count).
Result<std::shared_ptr<const ActorLexicon>> LexiconWithVerbs(const DictionaryOptions& options);

// A lexicon pointer that carries `events` (DictionaryEventsOf gives them back).
std::shared_ptr<const ActorLexicon> AttachDictionaryEvents(ActorLexicon lexicon,
                                                           std::shared_ptr<const DictionaryEventCoder> events);
// The coder attached to `lexicon` by LexiconWithVerbs or AttachDictionaryEvents; null
// for any other lexicon.
std::shared_ptr<const DictionaryEventCoder> DictionaryEventsOf(const std::shared_ptr<const ActorLexicon>& lexicon);

}  // namespace sitrep::code::dictionaries
