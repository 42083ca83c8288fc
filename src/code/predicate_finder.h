// Finding predicates and the words around them in a dependency tree: which lexicon
// entries a word triggers, light verbs, verbs of saying, and the relations through which
// a verb shares its governor's subject. Internal to the coder (event_coder.cc).
#pragma once

#include <string_view>
#include <vector>

#include "code/lexicon.h"
#include "code/sentence_graph.h"

namespace sitrep::code {

// Verbs that carry an event noun without adding meaning ("held talks", "paid a courtesy
// call"), by lemma or, when the lemmatizer stumbles ("co-chaired"), by the word itself.
bool IsLightVerbWord(const SentenceGraph& g, int i);
// Relations through which a verb without a subject shares its governor's.
bool SharesSubject(std::string_view deprel);
bool IsSayVerb(std::string_view lemma);
// The lexicon entries word `i` triggers: those whose pattern the parse shows (one per
// event type), else the entry without a pattern; none for other parts of speech.
std::vector<const PredicateEntry*> ChooseEntries(const SentenceGraph& g, int i, const PredicateLexicon& lexicon);

}  // namespace sitrep::code
