// A sentence's dependency tree as the coder walks it: heads and children by position in
// the sentence, checked once. The parser's output is trusted for nothing: a head outside
// the sentence, a head on itself or a cycle is cut (the word becomes a root), so every
// later walk terminates, and each walk is also bounded by the sentence length.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/doc.h"

namespace sitrep::code {

class SentenceGraph {
 public:
  // Words [begin, end) of doc.tokens(). REQUIRES: end <= doc.tokens().size().
  SentenceGraph(const Doc& doc, uint32_t begin, uint32_t end);

  int size() const { return static_cast<int>(head_.size()); }
  const Token& token(int i) const { return doc_.tokens()[begin_ + i]; }
  uint32_t global(int i) const { return begin_ + static_cast<uint32_t>(i); }
  std::string_view word(int i) const { return doc_.Slice(token(i).span); }
  const std::string& lower(int i) const { return lower_[i]; }   // the word in lower case
  const std::string& lemma(int i) const { return lemma_[i]; }   // the lemma in lower case, else the word
  const std::string& deprel(int i) const { return token(i).deprel; }
  const std::string& upos(int i) const { return token(i).upos; }
  int head(int i) const { return head_[i]; }
  const std::vector<int>& children(int i) const { return children_[i]; }
  int cut_heads() const { return cut_; }  // heads dropped as invalid or cyclic

  // The first child of `i` whose relation is `rel` (or starts with `rel` + ':' when
  // `subtypes`), -1 if none.
  int Child(int i, std::string_view rel, bool subtypes = false) const;
  // The words of `i`'s subtree, in sentence order, leaving out the children (at any
  // depth) whose relation is in `skip`; at most `limit` words.
  std::vector<int> Subtree(int i, const std::vector<std::string_view>& skip = {}, int limit = 64) const;
  // Distance from `ancestor` down to `i` in the tree, -1 if `i` is not below it.
  int DepthBelow(int ancestor, int i) const;
  // The preposition (case child) of `i`, lower case, "" if none.
  std::string CaseOf(int i) const;
  // Span from the first to the last word of `words` (sorted).
  Span SpanOf(const std::vector<int>& words) const;
  std::string TextOf(const std::vector<int>& words) const;

 private:
  const Doc& doc_;
  uint32_t begin_;
  std::vector<int> head_;
  std::vector<std::vector<int>> children_;
  std::vector<std::string> lower_, lemma_;
  int cut_ = 0;
};

std::string LowerAscii(std::string_view s);

}  // namespace sitrep::code
