// Acronyms a document defines: "Tehreek-e-Taliban Pakistan (TTP)", "Chief of Army Staff
// (COAS)", "Pakistan Institute for Conflict and Security Studies (PICSS)".
//
// A definition is a parenthesised short form right after the words it abbreviates. The
// short form's letters must be the initials of those words, in order: every capitalised
// word (and every capitalised part of a hyphenated word) gives a letter, small words
// ("of", "for", "and", the "e" of "Tehreek-e-Taliban") may give one or be skipped, and
// the long form starts at the word that gives the first letter. Nothing else is guessed:
// "(PEN)" after "ISLAMABAD" defines nothing.
//
// The "acronym" layer marks every use of a defined short form in the document (before
// the definition too: a headline may use it first), labelled with the short form, attrs
// {"expansion": "Tehreek-e-Taliban Pakistan", "long_form": [begin, end]} where
// long_form is the byte span of the definition's long form.
#pragma once

#include <string>
#include <vector>

#include "sitrep/doc.h"

namespace sitrep::code {

struct AcronymDefinition {
  std::string short_form;  // "TTP"
  Span short_span;         // where it is defined
  Span long_span;          // "Tehreek-e-Taliban Pakistan"
};

// The definitions in `doc`, in text order; the first definition of a short form wins.
// REQUIRES: tokens and sentences.
std::vector<AcronymDefinition> FindAcronymDefinitions(const Doc& doc);

// Every use of the defined short forms, as the "acronym" layer (sorted by span).
std::vector<Annotation> AcronymLayer(const Doc& doc, const std::vector<AcronymDefinition>& definitions);

}  // namespace sitrep::code
