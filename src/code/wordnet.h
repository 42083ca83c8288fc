// Growing the predicate lexicon with WordNet (Debian's wordnet-base, /usr/share/wordnet):
// each verb of the lexicon without a pattern gains the other words of its most frequent
// sense's synset ("condemn" -> "reprobate", "decry"...), coded like the verb itself and
// marked "wordnet:<verb>". Only the first sense is used, and very general verbs are never
// added, because a wrong sense costs precision, which users value over recall.
#pragma once

#include <string>

namespace sitrep::code {

class PredicateLexicon;

// $SITREP_WORDNET when set, else /usr/share/wordnet.
std::string DefaultWordNetDir();

// Adds the synonyms; returns how many entries were added (0 when WordNet is absent).
int GrowWithWordNet(PredicateLexicon* lexicon, const std::string& dir);

}  // namespace sitrep::code
