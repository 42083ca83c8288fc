// Quantities: the counts and amounts a news report gives ("over 50 people", "at least 170
// militant attacks", "1,524 violence-related casualties", "$5 million", "40 percent"),
// each normalised to a value or bounds, with what is counted and, when the sentence says
// so, who gave the figure ("according to the Pakistan Institute for ...").
//
// Works on the tokens of one sentence. Uses the tagger's UPOS tags and the parser's
// heads when the tokens have them; without them it falls back to word lists and the
// shape of the tokens, so the stage runs (less well) before the syntax models exist.
// The work per sentence is linear in its tokens, with a small constant look-ahead.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/doc.h"

namespace sitrep {

// A number read from text, before qualifiers: "1,524" -> 1524, "4.5bn" -> 4.5e9,
// "twenty-one" -> 21, "dozens" -> at least 24 (approximate).
struct NumberValue {
  std::optional<double> value;  // absent when the text is a number we refuse to normalise
  bool approximate = false;     // "dozens", "hundreds": a vague multiple
  std::optional<double> min;    // a lower bound the word itself implies ("dozens" >= 24)
  std::string warning;          // why `value` is absent ("number with 40 digits ...")
};

// Reads one numeric token: digits with thousands separators (western "1,524,000" or
// South Asian "1,50,000"), a decimal point, and a glued multiplier ("5bn", "3k", "2m").
// Returns nullopt for tokens that are not numbers ("9/11", "05:50", "3rd", "v1.2.3").
// A number with more significant digits than a double holds exactly (> 15) has no value
// and a warning: it is never rounded into an invented figure.
std::optional<NumberValue> ParseDigits(std::string_view token);

// The value of a number word, lowercase ("four" -> 4, "dozen" -> 12, "million" -> 1e6),
// or nullopt.
std::optional<double> NumberWordValue(std::string_view lower_word);

// One quantity found in a sentence.
struct Quantity {
  Span span;                     // qualifier + number + counted words ("at least 170 militant attacks")
  Span number;                   // the number itself ("170", "1,524", "four", "a dozen")
  std::string label;             // what is counted, normalised: "fatalities", "injured", "killed",
                                 // "attacks", "security personnel", "civilians", "militants",
                                 // "people", "money", "percent", "duration", "length", or the
                                 // counted noun as written ("countries")
  std::optional<double> value;   // the figure when the text gives one (exact or approximate)
  std::optional<double> min;     // lower bound ("over 50", "at least 170": 50, 170)
  std::optional<double> max;     // upper bound ("up to 20", "nearly 30")
  bool exact = false;            // true only for a plain figure ("151 civilians")
  std::string unit;              // "count", a currency code ("USD", "PKR"), "%", "km", "year", ...
  std::optional<Span> counted;   // the counted words ("militant attacks", "violence-related causalities")
  std::string outcome;           // "killed" or "injured" when the sentence says what happened to them
  std::optional<Span> source;    // who gave the figure: the "according to" phrase's object
  std::string warning;           // set when the text could not be normalised
};

// The quantities of the sentence tokens [begin, end) of doc.tokens(), in text order.
std::vector<Quantity> FindQuantities(const Doc& doc, uint32_t begin, uint32_t end);

// The quantity's attributes as the JSON object the "quantity" layer stores.
std::string QuantityAttrsJson(const Quantity& q);

}  // namespace sitrep
