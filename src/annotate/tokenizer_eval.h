// Scores the tokenizer and the sentence splitter against a Universal Dependencies
// treebank (CoNLL-U), from raw text, as the CoNLL 2018 shared task did: the text of
// each sentence ("# text = ...") is joined into one text per file, with "\n\n" where
// the treebank starts a paragraph or document ("# newpar", "# newdoc") and a space
// elsewhere; sitrep tokenizes and splits each paragraph; a predicted token or sentence
// counts as correct when its character span equals a gold one.
//
// Gold tokens are the syntactic words: "don't" (a multiword token "3-4") counts as "do"
// and "n't", whose forms concatenate to the surface form in English treebanks. Where
// they do not (French "du" = "de le"), the surface form is one gold token.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/span.h"
#include "sitrep/status.h"

namespace sitrep {

struct PrfScore {
  uint64_t gold = 0;
  uint64_t predicted = 0;
  uint64_t correct = 0;
  double precision = 0;  // correct / predicted, in [0, 1]
  double recall = 0;     // correct / gold
  double f1 = 0;
};

struct TokenizationScores {
  Status status;  // not ok when the file could not be read; the scores are then zero
  PrfScore tokens;
  PrfScore sentences;
  uint64_t paragraphs = 0;
  uint64_t unaligned_words = 0;  // gold words not found in their sentence's text
};

// The raw text a treebank was made from, with its gold spans (sorted).
struct TreebankText {
  std::string text;
  std::vector<Span> paragraphs;
  std::vector<Span> tokens;
  std::vector<Span> sentences;
  uint64_t unaligned_words = 0;
};
TreebankText ReadTreebankText(std::string_view conllu);

// Scores tokens and sentences on CoNLL-U text already in memory.
TokenizationScores ScoreTokenizationText(std::string_view conllu);
// Reads a CoNLL-U file and scores it. Never throws; errors come back in `status`.
TokenizationScores ScoreTokenization(const std::string& conllu_path);

}  // namespace sitrep
