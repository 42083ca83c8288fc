// Scoring article-body extraction as the article-extraction benchmark (Zyte, 2019-) does,
// so that sitrep's numbers can be set beside the published ones.
//
// Per page, both texts are cut into \w+ tokens (Python's Unicode word characters) and
// into shingles: every run of 4 consecutive tokens, or the whole token list when a text
// has fewer than 4. The shingles are compared as multisets: true positives are shingles
// in both, false positives only in the prediction, false negatives only in the truth;
// the three are divided by their sum so that long articles weigh no more than short
// ones. Precision is averaged over the pages with something predicted, recall over the
// pages with something to find, F1 = 2PR / (P + R) of those averages, and accuracy is the
// share of pages whose token lists are equal.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/status.h"

namespace sitrep {

// The \w+ tokens of `text` (UTF-8), as views into it, in order. A word character is a
// letter (general category L), a character with a numeric value (Nd, Nl, No and the CJK
// numerals), or '_'. Marks (Mn, Mc) are not, so they split words, as they do in Python.
// A byte that is not valid UTF-8 is not a word character.
std::vector<std::string_view> WordTokens(std::string_view text);

// The shares of a page's shingles that are matched, only predicted, only true; they sum
// to 1, or are all 0 when neither text has a token.
struct ShingleMatch {
  double tp = 0, fp = 0, fn = 0;
};
ShingleMatch MatchShingles(std::string_view truth, std::string_view predicted);

// Whether the two texts have the same tokens in the same order.
bool SameTokens(std::string_view truth, std::string_view predicted);

struct PageScore {
  ShingleMatch match;
  bool exact = false;
};
PageScore ScorePage(std::string_view truth, std::string_view predicted);

// The benchmark's four numbers over a set of pages. A mean over no pages is 0.
struct ExtractionScore {
  double f1 = 0, precision = 0, recall = 0, accuracy = 0;
};
ExtractionScore Summarise(const std::vector<PageScore>& pages);

// The standard deviation of each number over `samples` bootstrap resamples of the pages
// (the benchmark's "±"), with a fixed seed so a run can be repeated.
ExtractionScore BootstrapSpread(const std::vector<PageScore>& pages, int samples = 1000,
                                uint64_t seed = 1);

// "extraction: f1=0.970 precision=0.965 recall=0.976 accuracy=0.320"
std::string ScoreLine(const ExtractionScore& score);

// Reads a benchmark JSON file: {"<id>": {"articleBody": "..."}, ...}, the ground truth or
// an extractor's predictions, which may be wrapped as {"version": ..., "output": {...}}.
// A missing or null articleBody reads as "".
Result<std::map<std::string, std::string>> ReadArticleBodies(const std::string& path);

}  // namespace sitrep
