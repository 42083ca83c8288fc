// The tokenizer: cuts one paragraph of news English into tokens, following the
// conventions of the Universal Dependencies English Web Treebank (EWT), so the tagger
// and parser trained on EWT see the words they were trained on.
//
// A token is a byte span of the Doc text; nothing is copied. The main conventions:
//   - clitics are words of their own: "Pakistan’s" -> Pakistan ’s, "don't" -> do n't,
//     "can't" -> ca n't, "I'm" -> I 'm, "gonna" -> gon na, "cannot" -> can not, and
//     web spellings without the apostrophe: "dont" -> do nt, "its a" -> it s a;
//   - hyphenated compounds are split ("Tehreek-e-Taliban" -> Tehreek - e - Taliban,
//     "2025-2026" -> 2025 - 2026) except after a small set of prefixes ("e-mail",
//     "non-permanent", "co-chaired") and in phone numbers ("713-853-3989"); the pieces
//     have space_after == false, so a later stage can join them again;
//   - numbers keep their inner punctuation ("1,524", "3.5", "05:50", "9/11") but not
//     a unit glued to them ("7:30PM" -> 7:30 PM, "65k" -> 65 k);
//   - a known abbreviation keeps its period ("U.S.", "Gen.", "No. 10", "J. Bass"),
//     unless the period also ends the sentence ("... in the U.S. The next ..."): then,
//     as in EWT, the period is a token of its own and the sentence splitter breaks there;
//   - URLs, e-mail addresses, @handles and #hashtags are one token each;
//   - runs of sentence punctuation ("...", "?!", "!!!"), dashes ("--") and the like are
//     one token each; curly quotes, dashes and "…" are tokens of their own.
//
// Speed: one pass over the bytes with an ASCII table and ICU character properties for
// the rest; no regular expressions, no allocation per token beyond the output vector.
// Any byte string is safe input: an invalid UTF-8 sequence becomes a token of its own,
// control characters separate tokens like spaces, and the cost is linear in the input
// whatever it holds (a megabyte without a space included).
#pragma once

#include <string_view>
#include <vector>

#include "sitrep/doc.h"

namespace sitrep {

// Tokens of text[within] (one paragraph), with spans into `text` and space_after set
// (false when the next token starts where this one ends; true for the last token).
// A span reaching past the end of `text` is cut at its end. Thread-safe.
std::vector<Token> Tokenize(std::string_view text, Span within);

// As Tokenize, but appends to *tokens, which may already hold earlier paragraphs.
void TokenizeInto(std::string_view text, Span within, std::vector<Token>* tokens);

// What a word followed by a period can be, given the word without its period.
enum class AbbreviationKind {
  kNone,         // not an abbreviation: the period is punctuation
  kTitle,        // before a name, never at a sentence end: "Mr", "Gen", "St"
  kBeforeNumber, // an abbreviation only before a number: "No" in "No. 10"
  kInitial,      // a single capital: "J" in "J. Bass"
  kDate,         // a month or weekday: "Sept", "Wed"
  kNeverFinal,   // introduces something: "e.g", "i.e", "vs"
  kEndsList,     // usually ends a sentence when a capital follows: "etc"
  kGeneral,      // may end a sentence: "U.S", "Inc", "p.m"
};
AbbreviationKind ClassifyAbbreviation(std::string_view word);

// True for a capitalised word that often opens a sentence ("The", "He", "But"), the
// evidence that a period after an abbreviation also ends the sentence.
bool IsSentenceStarter(std::string_view word);

}  // namespace sitrep
