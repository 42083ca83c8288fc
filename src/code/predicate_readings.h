// What the words around a predicate say about the event it names, read off the
// sentence's tree: the measure a noun is counted in ("a package of sanctions"), whether
// what is given is aid and of which kind, whether who is freed are people, whether what
// is denied is an accusation. The event coder (event_coder.cc) asks these while it
// builds an event; each is a small rule of English news, kept here so that the coder
// itself stays about arguments and actors.
#pragma once

#include "code/event_record.h"
#include "code/sentence_graph.h"

namespace sitrep::code {

// The measure noun an event noun is counted in ("package of sanctions", "series of
// attacks", "round of talks"), or the noun itself.
int MeasureOf(const SentenceGraph& g, int v);

// Forces of nature are no actors: "the earthquake struck", "the storm killed 20".
bool IsNaturalForce(const SentenceGraph& g, int w);

// "denied charges of fraud", "rejected accusations": the object is an accusation.
bool DeniesAnAccusation(const SentenceGraph& g, int v);

// Whether giving verb `v` ("provide", "send", ...) gives aid, and of which kind (sets
// e's CAMEO code and context: 071 economic, 072 military, 073 humanitarian, 074
// peacekeeping). Other verbs: true.
bool GivesAid(const SentenceGraph& g, int v, CodedEvent* e);

// "suspended military aid": the kind of aid withheld (CAMEO 1621-1624).
void RefineAidWithheld(const SentenceGraph& g, int v, CodedEvent* e);

// Whether who "release"/"free"/"repatriate" acts on are people. Other verbs: true.
bool FreesPeople(const SentenceGraph& g, int v);

// "promised technical assistance" is an intent to give aid (033); "agreed to meet", to
// meet (036); plain intent to cooperate stays 030.
void RefineIntent(const SentenceGraph& g, int v, CodedEvent* e);

}  // namespace sitrep::code
