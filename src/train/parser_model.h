// The dependency parser: the arc-eager transition system with its dynamic oracle, the
// feature templates, greedy decoding and the model file layout. Shared by the trainer
// (train/parser_trainer.cc) and the runtime Parser (annotate/parser.h).
//
// Transition system: arc-eager (Nivre 2003) with the root as the last item of the buffer
// (Ballesteros & Nivre 2013), so a word is made a root only when everything after it has
// been seen. Actions: SHIFT, REDUCE, LEFT-ARC(l) (s0 <- b0, pop) and RIGHT-ARC(l) (s0 -> b0,
// push); labels are chosen jointly with the action, so there are 2 + 2L classes. The only
// arc to the root is LEFT-ARC(root) when the buffer holds nothing but the root.
//
// Oracle: Goldberg & Nivre (2012)'s dynamic oracle for arc-eager: the cost of an action is
// the number of gold arcs it makes unreachable. Training follows the model's own choices
// (with some probability) and updates towards the best zero-cost action, so the parser
// learns to recover from its mistakes. Non-projective trees go through train/projectivize.h.
//
// Features: Zhang & Nivre (2011)'s rich set (words, tags and labels of s0, its head and
// grand-head, its two leftmost and rightmost children, b0 and its two leftmost children,
// b1, b2; distance, valency, label sets) plus s1, distributional word classes, and the
// tagger's runner-up tags where it hesitated (so tagging errors cost the parser less).
// Decoding keeps every sentence in linear time: each step is O(1) apart from scoring.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "train/model_file.h"
#include "train/perceptron.h"
#include "train/word_clusters.h"

namespace sitrep {

inline constexpr std::string_view kParserKind = "parser";

// What the parser sees of a word.
struct ParseWord {
  uint64_t word = 0;     // hash of the normalised form
  uint64_t tag = 0;      // hash of the XPOS tag
  uint64_t cluster = 0;  // coarse and fine word classes
  uint64_t cluster_fine = 0;
  uint64_t upos = 0;     // hash of the UPOS tag
  uint64_t tag2 = 0;     // hash of the tagger's runner-up XPOS where it hesitated, else a constant
  uint32_t punct_before = 0;  // punctuation marks among the words before this one
  uint32_t verbs_before = 0;  // verbs and auxiliaries among the words before this one
  bool punct = false;         // tagged PUNCT
  uint8_t bracket = 0;        // a paired mark: 2k+1 opens pair k, 2k+2 closes it (quotes: 2k+1)
};

enum class Move : uint8_t { kShift, kReduce, kLeft, kRight };

// A parser configuration. Words are 0..n-1; n is the root, always the last buffer item.
class ParseState {
 public:
  explicit ParseState(int n);

  int n() const { return n_; }
  int b0() const { return b0_; }
  const std::vector<int>& stack() const { return stack_; }
  bool terminal() const { return b0_ == n_ && stack_.empty(); }
  int head(int i) const { return head_[i]; }
  int label(int i) const { return label_[i]; }

  bool CanShift() const { return b0_ < n_; }
  bool CanReduce() const { return !stack_.empty() && head_[stack_.back()] >= 0; }
  // Left-arc with a non-root label, and with the root label.
  bool CanLeft() const { return !stack_.empty() && head_[stack_.back()] < 0 && b0_ < n_; }
  bool CanLeftRoot() const { return !stack_.empty() && head_[stack_.back()] < 0 && b0_ == n_; }
  bool CanRight() const { return !stack_.empty() && b0_ < n_; }

  void Apply(Move move, int label);

  // Feature helpers: -1 when absent.
  int Left1(int i) const { return lc1_[i]; }
  int Left2(int i) const { return lc2_[i]; }
  int Right1(int i) const { return rc1_[i]; }
  int Right2(int i) const { return rc2_[i]; }
  int LeftCount(int i) const { return nl_[i]; }
  int RightCount(int i) const { return nr_[i]; }
  uint64_t LeftLabels(int i) const { return lset_[i]; }
  uint64_t RightLabels(int i) const { return rset_[i]; }

 private:
  void AddArc(int h, int d, int label);

  int n_;
  int b0_ = 0;
  std::vector<int> stack_;
  std::vector<int> head_, label_, lc1_, lc2_, rc1_, rc2_, nl_, nr_;
  std::vector<uint64_t> lset_, rset_;
};

// Class ids: 0 SHIFT, 1 REDUCE, 2 + l LEFT(l), 2 + L + l RIGHT(l).
struct ParseAction {
  Move move;
  int label;
};
inline int ActionClass(ParseAction a, int num_labels) {
  switch (a.move) {
    case Move::kShift: return 0;
    case Move::kReduce: return 1;
    case Move::kLeft: return 2 + a.label;
    case Move::kRight: return 2 + num_labels + a.label;
  }
  return 0;
}
inline ParseAction ClassAction(int cls, int num_labels) {
  if (cls == 0) return {Move::kShift, -1};
  if (cls == 1) return {Move::kReduce, -1};
  if (cls < 2 + num_labels) return {Move::kLeft, cls - 2};
  return {Move::kRight, cls - 2 - num_labels};
}

// Whether class `cls` is allowed in `state`; `root_label` is the id of "root".
bool ActionValid(const ParseState& state, int cls, int num_labels, int root_label);

// The cost of each class under the dynamic oracle: gold heads (n for the root) and labels
// of a projective tree. `costs` gets one entry per class (large for invalid ones).
void OracleCosts(const ParseState& state, const std::vector<int>& gold_heads, const std::vector<int>& gold_labels,
                 int num_labels, int root_label, std::vector<int>* costs);

void ParserFeatures(const ParseState& state, const std::vector<ParseWord>& words, std::vector<uint64_t>* out);

class ParserModel {
 public:
  const std::vector<std::string>& labels() const { return labels_; }
  int num_labels() const { return static_cast<int>(labels_.size()); }
  int num_classes() const { return 2 + 2 * num_labels(); }
  int root_label() const { return root_label_; }

  // The parser's view of a sentence from its forms and tags. `xpos2` holds the tagger's
  // runner-up tags (empty strings where it was sure); it may be empty.
  void DescribeWords(const std::vector<std::string_view>& forms, const std::vector<std::string_view>& xpos,
                     const std::vector<std::string_view>& upos, const std::vector<std::string_view>& xpos2,
                     std::vector<ParseWord>* words) const;
  // Parses a sentence: heads are word indexes (-1 for the root), labels are strings
  // (already lowered back from the pseudo-projective encoding). Exactly one root. Paired
  // punctuation (brackets, quotes) is then attached, as in UD, to the one head of what it
  // encloses, when there is one.
  // Thread-safe. Time and memory linear in the sentence length.
  void Parse(const std::vector<ParseWord>& words, std::vector<int>* heads, std::vector<std::string>* labels) const;
  // The raw greedy parse, before lowering: heads (n for the root) and label ids.
  void ParseIds(const std::vector<ParseWord>& words, std::vector<int>* heads, std::vector<int>* labels) const;

  Status Write(const std::string& path) const;
  static Result<ParserModel> Load(const std::string& path);
  static Result<ParserModel> FromFile(const ModelFile& file);

  // Construction by the trainer.
  void set_labels(std::vector<std::string> labels);
  void set_weights(SparseWeights w) { weights_ = std::move(w); }
  void set_clusters(WordClusters c) { clusters_ = std::move(c); }
  const WordClusters& clusters() const { return clusters_; }
  const SparseWeights& weights() const { return weights_; }

 private:
  std::vector<std::string> labels_;
  int root_label_ = -1;
  SparseWeights weights_;
  WordClusters clusters_;
};

}  // namespace sitrep
