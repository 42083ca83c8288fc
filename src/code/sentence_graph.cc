#include "code/sentence_graph.h"

#include <algorithm>

namespace sitrep::code {

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

SentenceGraph::SentenceGraph(const Doc& doc, uint32_t begin, uint32_t end) : doc_(doc), begin_(begin) {
  const int n = static_cast<int>(end - begin);
  head_.assign(n, -1);
  children_.assign(n, {});
  lower_.reserve(n), lemma_.reserve(n);
  for (int i = 0; i < n; ++i) {
    const Token& t = doc.tokens()[begin + i];
    lower_.push_back(LowerAscii(doc.Slice(t.span)));
    lemma_.push_back(t.lemma.empty() ? lower_.back() : LowerAscii(t.lemma));
    const int64_t h = static_cast<int64_t>(t.head) - begin;
    if (t.head >= 0 && h >= 0 && h < n && h != i) head_[i] = static_cast<int>(h);
    else if (t.head >= 0) ++cut_;
  }
  // Cut cycles: walking up from any word must reach a root within n steps.
  std::vector<int> state(n, 0);  // 0 unseen, 1 on the current path, 2 known to reach a root
  for (int start = 0; start < n; ++start) {
    std::vector<int> path;
    int i = start;
    while (i >= 0 && state[i] == 0) {
      state[i] = 1;
      path.push_back(i);
      i = head_[i];
    }
    if (i >= 0 && state[i] == 1) {  // came back to the path: a cycle; cut the word that closes it
      head_[path.back()] = -1;
      ++cut_;
    }
    for (int p : path) state[p] = 2;
  }
  for (int i = 0; i < n; ++i)
    if (head_[i] >= 0) children_[head_[i]].push_back(i);
}

int SentenceGraph::Child(int i, std::string_view rel, bool subtypes) const {
  for (int c : children_[i]) {
    std::string_view d = deprel(c);
    if (d == rel || (subtypes && d.size() > rel.size() && d.substr(0, rel.size()) == rel && d[rel.size()] == ':'))
      return c;
  }
  return -1;
}

std::vector<int> SentenceGraph::Subtree(int i, const std::vector<std::string_view>& skip, int limit) const {
  std::vector<int> out, stack = {i};
  while (!stack.empty() && static_cast<int>(out.size()) < limit) {
    int w = stack.back();
    stack.pop_back();
    out.push_back(w);
    for (int c : children_[w])
      if (std::find(skip.begin(), skip.end(), std::string_view(deprel(c))) == skip.end()) stack.push_back(c);
  }
  std::sort(out.begin(), out.end());
  return out;
}

int SentenceGraph::DepthBelow(int ancestor, int i) const {
  int depth = 0;
  for (int w = i; w >= 0 && depth <= size(); w = head_[w], ++depth)
    if (w == ancestor) return depth;
  return -1;
}

std::string SentenceGraph::CaseOf(int i) const {
  int c = Child(i, "case");
  return c < 0 ? std::string() : lower_[c];
}

Span SentenceGraph::SpanOf(const std::vector<int>& words) const {
  if (words.empty()) return Span{};
  return Span{token(words.front()).span.begin, token(words.back()).span.end};
}

std::string SentenceGraph::TextOf(const std::vector<int>& words) const {
  return std::string(doc_.Slice(SpanOf(words)));
}

}  // namespace sitrep::code
