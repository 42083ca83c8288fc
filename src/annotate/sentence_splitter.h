// The sentence splitter: groups the tokens of one paragraph into sentences.
//
// It reads the tokenizer's decisions rather than the raw text: an abbreviation that
// does not end its sentence keeps its period ("U.S.", "Gen."), so every "." token is a
// real full stop. A sentence ends after ".", "!", "?", a run of them or an ellipsis,
// together with any closing quotes or brackets written against it (the ” of `.”`
// belongs to the sentence before). Whether it breaks there depends on what follows:
//   - "." "!" "?" break before anything but continuing punctuation (",", ";", ")"), and
//     before a lower-case word only when no quote closed in between (`“Why?” he asked`
//     stays one sentence; EWT's web text often starts sentences in lower case);
//   - "...", "…" and runs like "?!" break only before a capital, digit or opening quote;
//     "[…]" and "(...)" mark an elision and never break;
//   - an emoticon at a word end (":)") breaks before a capital;
//   - "2." right after a sentence start numbers a list item and does not break.
// Web text and e-mail mark some sentences by layout alone, which EWT follows: the
// comma of "Dear Mr. Horton," and "Thanks,", the time stamp "05/30/2001 11:05 AM" of
// a forwarded mail, separator lines ("=====") and lines of links all break.
// A line break inside a paragraph also breaks after a title-like line or before a
// bullet, and no sentence grows past max_tokens (a forced break keeps the cost linear).
// Paragraph boundaries are the caller's business: split each paragraph on its own.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "sitrep/doc.h"

namespace sitrep {

struct SentenceSplitOptions {
  uint32_t max_tokens = 500;  // a longer run of tokens is cut into pieces of this size
};

// Sentences of tokens[begin, end) (one paragraph; spans into `text`), in order, with
// token_begin/token_end indexes into `tokens`. Every token falls in exactly one
// sentence. REQUIRES: begin <= end <= tokens.size(). Thread-safe.
std::vector<Sentence> SplitSentences(std::string_view text, const std::vector<Token>& tokens,
                                     uint32_t begin, uint32_t end,
                                     const SentenceSplitOptions& options = {});

// All of `tokens` taken as one paragraph.
std::vector<Sentence> SplitSentences(std::string_view text, const std::vector<Token>& tokens,
                                     const SentenceSplitOptions& options = {});

// As SplitSentences, but appends to *sentences.
void SplitSentencesInto(std::string_view text, const std::vector<Token>& tokens, uint32_t begin,
                        uint32_t end, const SentenceSplitOptions& options,
                        std::vector<Sentence>* sentences);

}  // namespace sitrep
