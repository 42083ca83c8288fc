// The circumstances of a coded event, read from the layers around its trigger: modes
// (negated, future, hypothetical), date (timex layer, else the publication date), place
// (LOC entities), size (casualties from the quantity layer) and quotation (quote layer).
// Internal to the coder (event_coder.cc).
#pragma once

#include <string>
#include <vector>

#include "code/actor_coder.h"
#include "code/event_record.h"
#include "code/sentence_graph.h"
#include "sitrep/doc.h"

namespace sitrep::code {

// The layers of one Doc the coder reads, looked up once.
struct DocLayers {
  const std::vector<Annotation>* entities = nullptr;
  const std::vector<Annotation>* timexes = nullptr;
  const std::vector<Annotation>* quantities = nullptr;
  const std::vector<Annotation>* quotes = nullptr;
  const std::vector<Annotation>* paragraphs = nullptr;
  const std::vector<Annotation>* places = nullptr;  // geo/place_stage.h
  std::string dct_iso;      // the publication date used by the timex stage, "" if unknown
  int dct_year = 0;         // its year, or the earliest year it can be (0: unknown)
  int dct_earliest_year = 0;  // when the DCT itself is unknown: the earliest year it can be
  Span lead_paragraph;      // the first body paragraph
  // The quotations' content and speaker spans, read once: every event asks.
  struct QuoteSpans {
    Span content, speaker;
  };
  std::vector<QuoteSpans> quote_spans;

  explicit DocLayers(const Doc& doc);
};

// Negation, future and hypothetical from the words around `trigger` and `governor`
// (the verb a noun trigger hangs from, -1 if none).
void ReadModes(const SentenceGraph& g, int trigger, int governor, CodedEvent* event);

// The CAMEO code of an intended or refused act of material cooperation, aid or yielding
// (031-034, 121-124), which CAMEO codes apart and PLOVER marks with a mode.
void RefineCameoForModes(CodedEvent* e);

// The time expression of the event: the one attached nearest below the trigger (or its
// governor); one attached higher up counts only when no other predicate lies between.
// `is_trigger[i]` marks the sentence's predicates.
void ReadDate(const Doc& doc, const DocLayers& layers, const SentenceGraph& g, int trigger, int governor,
              const std::vector<bool>& is_trigger, CodedEvent* event);

// The place: a LOC entity below the trigger after "in", "at", "near" ..., not one of the actors.
void ReadPlace(const Doc& doc, const ActorCoder& actors, const SentenceGraph& g, int trigger, int governor,
               CodedEvent* event);

// Killed and injured counts of the sentence (for ASSAULT events).
void ReadSize(const DocLayers& layers, Span sentence, CodedEvent* event);
// Where the event's place is on the map: the place layer's geocode of its entity, or of
// the dateline when the place came from there.
void GeocodePlace(const DocLayers& layers, CodedEvent* event);

// The quotation the trigger is inside, if any: its speaker's words and code.
void ReadQuote(const Doc& doc, const DocLayers& layers, const ActorCoder& actors, DocMemory& memory,
               CodedEvent* event);

}  // namespace sitrep::code
