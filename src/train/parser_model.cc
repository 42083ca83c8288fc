// The arc-eager parser: configurations, oracle costs, features, decoding, model file.
#include "train/parser_model.h"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "train/projectivize.h"
#include "train/tagger_model.h"

namespace sitrep {

ParseState::ParseState(int n)
    : n_(n),
      head_(n + 1, -1),
      label_(n + 1, -1),
      lc1_(n + 1, -1),
      lc2_(n + 1, -1),
      rc1_(n + 1, -1),
      rc2_(n + 1, -1),
      nl_(n + 1, 0),
      nr_(n + 1, 0),
      lset_(n + 1, 0),
      rset_(n + 1, 0) {
  stack_.reserve(64);
}

void ParseState::AddArc(int h, int d, int label) {
  head_[d] = h;
  label_[d] = label;
  uint64_t bit = uint64_t{1} << (label & 63);
  if (d < h) {
    ++nl_[h];
    lset_[h] |= bit;
    if (lc1_[h] < 0 || d < lc1_[h]) {
      lc2_[h] = lc1_[h];
      lc1_[h] = d;
    } else if (lc2_[h] < 0 || d < lc2_[h]) {
      lc2_[h] = d;
    }
  } else {
    ++nr_[h];
    rset_[h] |= bit;
    if (rc1_[h] < 0 || d > rc1_[h]) {
      rc2_[h] = rc1_[h];
      rc1_[h] = d;
    } else if (rc2_[h] < 0 || d > rc2_[h]) {
      rc2_[h] = d;
    }
  }
}

void ParseState::Apply(Move move, int label) {
  switch (move) {
    case Move::kShift:
      stack_.push_back(b0_++);
      break;
    case Move::kReduce:
      stack_.pop_back();
      break;
    case Move::kLeft:
      AddArc(b0_, stack_.back(), label);
      stack_.pop_back();
      break;
    case Move::kRight:
      AddArc(stack_.back(), b0_, label);
      stack_.push_back(b0_++);
      break;
  }
}

bool ActionValid(const ParseState& state, int cls, int num_labels, int root_label) {
  ParseAction a = ClassAction(cls, num_labels);
  switch (a.move) {
    case Move::kShift: return state.CanShift();
    case Move::kReduce: return state.CanReduce();
    case Move::kLeft: return a.label == root_label ? state.CanLeftRoot() : state.CanLeft();
    case Move::kRight: return a.label != root_label && state.CanRight();
  }
  return false;
}

void OracleCosts(const ParseState& st, const std::vector<int>& gh, const std::vector<int>& gl, int num_labels,
                 int root_label, std::vector<int>* costs) {
  constexpr int kInvalid = 1 << 20;
  int n = st.n(), b0 = st.b0();
  int num_classes = 2 + 2 * num_labels;
  costs->assign(num_classes, kInvalid);
  const std::vector<int>& stack = st.stack();
  int s0 = stack.empty() ? -1 : stack.back();
  // Which words are on the stack; the stack is increasing, so binary search works.
  auto in_stack = [&](int k) { return k >= 0 && std::binary_search(stack.begin(), stack.end(), k); };
  // Headless stack words whose gold head is b0 (they can only get it from b0 while b0 is
  // in the buffer), and b0's gold head on the stack.
  int b0_deps_in_stack = 0;
  bool b0_head_in_stack = false;
  if (b0 < n) {
    for (int k : stack)
      if (gh[k] == b0 && st.head(k) < 0) ++b0_deps_in_stack;
    b0_head_in_stack = in_stack(gh[b0]);
  }
  int s0_deps_in_buffer = 0;
  if (s0 >= 0)
    for (int k = b0; k < n; ++k)
      if (gh[k] == s0) ++s0_deps_in_buffer;
  if (st.CanShift()) (*costs)[0] = b0_deps_in_stack + (b0_head_in_stack ? 1 : 0);
  if (st.CanReduce()) (*costs)[1] = s0_deps_in_buffer;
  if (st.CanLeft() || st.CanLeftRoot()) {
    int head_lost = (gh[s0] != b0 && gh[s0] > b0) ? 1 : 0;  // gold head further in the buffer
    int base = head_lost + s0_deps_in_buffer;
    for (int l = 0; l < num_labels; ++l) {
      if ((l == root_label) != st.CanLeftRoot()) continue;
      (*costs)[2 + l] = base + (gh[s0] == b0 && l != gl[s0] ? 1 : 0);
    }
  }
  if (st.CanRight()) {
    int head_lost = (gh[b0] != s0 && (b0_head_in_stack || gh[b0] > b0)) ? 1 : 0;
    int base = head_lost + b0_deps_in_stack;
    for (int l = 0; l < num_labels; ++l) {
      if (l == root_label) continue;
      (*costs)[2 + num_labels + l] = base + (gh[b0] == s0 && l != gl[b0] ? 1 : 0);
    }
  }
}

namespace {

// Feature template numbers. Never renumber: a model's weights are keyed by them.
enum T : uint64_t {
  S0wp = 1, S0w, S0p, N0wp, N0w, N0p, N1wp, N1w, N1p, N2wp, N2w, N2p,
  S0wpN0wp, S0wpN0w, S0wN0wp, S0wpN0p, S0pN0wp, S0wN0w, S0pN0p, N0pN1p,
  N0pN1pN2p, S0pN0pN1p, S0hpS0pN0p, S0pS0lpN0p, S0pS0rpN0p, S0pN0pN0lp,
  S0wd, S0pd, N0wd, N0pd, S0wN0wd, S0pN0pd,
  S0wvr, S0pvr, S0wvl, S0pvl, N0wvl, N0pvl,
  S0hw, S0hp, S0l, S0lw, S0lp, S0ll, S0rw, S0rp, S0rl, N0lw, N0lp, N0ll,
  S0h2w, S0h2p, S0hl, S0l2w, S0l2p, S0l2l, S0r2w, S0r2p, S0r2l, N0l2w, N0l2p, N0l2l,
  S0pS0lpS0l2p, S0pS0rpS0r2p, S0pS0hpS0h2p, N0pN0lpN0l2p,
  S0wsr, S0psr, S0wsl, S0psl, N0wsl, N0psl,
  Bias, S1p, S1w, S1pS0pN0p, S0c, N0c, S0cN0c, S0cN0p, S0pN0c, N1c, N0cN1p, S0fN0f,
  S0uN0u, S0lS0pN0p, N0m1p, S0p1p, S0pN0pN0m1p, S1pS0p, S0hcS0pN0p,
  N0pN0t2, S0pS0t2, N1pN1t2, S0t2N0t2, S0pN0pN0t2, S0pS0t2N0p,
  BetweenPunct, BetweenVerbs, BetweenBoth, N3p, S0rlN0p, S0wBetweenVerbs,
};

constexpr uint64_t kAbsent = 0x9E37;     // no such word
// Paired punctuation; a mark that is its own partner (straight quotes) always opens first.
constexpr std::pair<std::string_view, std::string_view> kPairs[] = {
    {"(", ")"}, {"[", "]"}, {"{", "}"}, {"\"", "\""}, {"\u201C", "\u201D"}, {"\u2018", "\u2019"}, {"'", "'"}, {"<", ">"}};
constexpr uint64_t kRootValue = 0x7F4A;  // the root as a word

int Distance(int s0, int b0) {
  int d = b0 - s0;
  if (d <= 4) return d;
  if (d <= 7) return 5;
  if (d <= 12) return 6;
  return 7;
}

}  // namespace

void ParserFeatures(const ParseState& st, const std::vector<ParseWord>& words, std::vector<uint64_t>* out) {
  int n = st.n();
  const std::vector<int>& stack = st.stack();
  int s0 = stack.empty() ? -1 : stack.back();
  int s1 = stack.size() > 1 ? stack[stack.size() - 2] : -1;
  int b0 = st.b0();
  int b1 = b0 + 1 <= n ? b0 + 1 : -1;
  int b2 = b0 + 2 <= n ? b0 + 2 : -1;
  auto W = [&](int i) { return i < 0 ? kAbsent : i == n ? kRootValue : words[i].word; };
  auto P = [&](int i) { return i < 0 ? kAbsent : i == n ? kRootValue : words[i].tag; };
  auto U = [&](int i) { return i < 0 ? kAbsent : i == n ? kRootValue : words[i].upos; };
  auto C = [&](int i) { return i < 0 ? kAbsent : i == n ? kRootValue : words[i].cluster; };
  auto F = [&](int i) { return i < 0 ? kAbsent : i == n ? kRootValue : words[i].cluster_fine; };
  auto L = [&](int i) -> uint64_t { return i < 0 || i == n ? kAbsent : static_cast<uint64_t>(st.label(i) + 2); };
  int s0h = s0 >= 0 ? st.head(s0) : -1;
  int s0h2 = s0h >= 0 && s0h < n ? st.head(s0h) : -1;
  int s0l = s0 >= 0 ? st.Left1(s0) : -1, s0l2 = s0 >= 0 ? st.Left2(s0) : -1;
  int s0r = s0 >= 0 ? st.Right1(s0) : -1, s0r2 = s0 >= 0 ? st.Right2(s0) : -1;
  int n0l = st.Left1(b0), n0l2 = st.Left2(b0);
  uint64_t s0w = W(s0), s0p = P(s0), n0w = W(b0), n0p = P(b0), n1w = W(b1), n1p = P(b1), n2w = W(b2), n2p = P(b2);
  uint64_t d = s0 >= 0 ? static_cast<uint64_t>(b0 == n ? 9 : Distance(s0, b0)) : 0;
  uint64_t s0vl = s0 >= 0 ? st.LeftCount(s0) : 99, s0vr = s0 >= 0 ? st.RightCount(s0) : 99;
  uint64_t n0vl = st.LeftCount(b0);
  uint64_t s0sl = s0 >= 0 ? st.LeftLabels(s0) : 1, s0sr = s0 >= 0 ? st.RightLabels(s0) : 1;
  uint64_t n0sl = st.LeftLabels(b0);
  auto& o = *out;
  o.clear();
  o.push_back(Feature(Bias, 0));
  o.push_back(Feature(S0wp, s0w, s0p));
  o.push_back(Feature(S0w, s0w));
  o.push_back(Feature(S0p, s0p));
  o.push_back(Feature(N0wp, n0w, n0p));
  o.push_back(Feature(N0w, n0w));
  o.push_back(Feature(N0p, n0p));
  o.push_back(Feature(N1wp, n1w, n1p));
  o.push_back(Feature(N1w, n1w));
  o.push_back(Feature(N1p, n1p));
  o.push_back(Feature(N2wp, n2w, n2p));
  o.push_back(Feature(N2w, n2w));
  o.push_back(Feature(N2p, n2p));
  o.push_back(Feature(S0wpN0wp, Combine(s0w, s0p), n0w, n0p));
  o.push_back(Feature(S0wpN0w, s0w, s0p, n0w));
  o.push_back(Feature(S0wN0wp, s0w, n0w, n0p));
  o.push_back(Feature(S0wpN0p, s0w, s0p, n0p));
  o.push_back(Feature(S0pN0wp, s0p, n0w, n0p));
  o.push_back(Feature(S0wN0w, s0w, n0w));
  o.push_back(Feature(S0pN0p, s0p, n0p));
  o.push_back(Feature(N0pN1p, n0p, n1p));
  o.push_back(Feature(N0pN1pN2p, n0p, n1p, n2p));
  o.push_back(Feature(S0pN0pN1p, s0p, n0p, n1p));
  o.push_back(Feature(S0hpS0pN0p, P(s0h), s0p, n0p));
  o.push_back(Feature(S0pS0lpN0p, s0p, P(s0l), n0p));
  o.push_back(Feature(S0pS0rpN0p, s0p, P(s0r), n0p));
  o.push_back(Feature(S0pN0pN0lp, s0p, n0p, P(n0l)));
  o.push_back(Feature(S0wd, s0w, d));
  o.push_back(Feature(S0pd, s0p, d));
  o.push_back(Feature(N0wd, n0w, d));
  o.push_back(Feature(N0pd, n0p, d));
  o.push_back(Feature(S0wN0wd, s0w, n0w, d));
  o.push_back(Feature(S0pN0pd, s0p, n0p, d));
  o.push_back(Feature(S0wvr, s0w, s0vr));
  o.push_back(Feature(S0pvr, s0p, s0vr));
  o.push_back(Feature(S0wvl, s0w, s0vl));
  o.push_back(Feature(S0pvl, s0p, s0vl));
  o.push_back(Feature(N0wvl, n0w, n0vl));
  o.push_back(Feature(N0pvl, n0p, n0vl));
  o.push_back(Feature(S0hw, W(s0h)));
  o.push_back(Feature(S0hp, P(s0h)));
  o.push_back(Feature(S0l, L(s0)));
  o.push_back(Feature(S0lw, W(s0l)));
  o.push_back(Feature(S0lp, P(s0l)));
  o.push_back(Feature(S0ll, L(s0l)));
  o.push_back(Feature(S0rw, W(s0r)));
  o.push_back(Feature(S0rp, P(s0r)));
  o.push_back(Feature(S0rl, L(s0r)));
  o.push_back(Feature(N0lw, W(n0l)));
  o.push_back(Feature(N0lp, P(n0l)));
  o.push_back(Feature(N0ll, L(n0l)));
  o.push_back(Feature(S0h2w, W(s0h2)));
  o.push_back(Feature(S0h2p, P(s0h2)));
  o.push_back(Feature(S0hl, L(s0h)));
  o.push_back(Feature(S0l2w, W(s0l2)));
  o.push_back(Feature(S0l2p, P(s0l2)));
  o.push_back(Feature(S0l2l, L(s0l2)));
  o.push_back(Feature(S0r2w, W(s0r2)));
  o.push_back(Feature(S0r2p, P(s0r2)));
  o.push_back(Feature(S0r2l, L(s0r2)));
  o.push_back(Feature(N0l2w, W(n0l2)));
  o.push_back(Feature(N0l2p, P(n0l2)));
  o.push_back(Feature(N0l2l, L(n0l2)));
  o.push_back(Feature(S0pS0lpS0l2p, s0p, P(s0l), P(s0l2)));
  o.push_back(Feature(S0pS0rpS0r2p, s0p, P(s0r), P(s0r2)));
  o.push_back(Feature(S0pS0hpS0h2p, s0p, P(s0h), P(s0h2)));
  o.push_back(Feature(N0pN0lpN0l2p, n0p, P(n0l), P(n0l2)));
  o.push_back(Feature(S0wsr, s0w, s0sr));
  o.push_back(Feature(S0psr, s0p, s0sr));
  o.push_back(Feature(S0wsl, s0w, s0sl));
  o.push_back(Feature(S0psl, s0p, s0sl));
  o.push_back(Feature(N0wsl, n0w, n0sl));
  o.push_back(Feature(N0psl, n0p, n0sl));
  // Beyond Zhang & Nivre: the second stack word, word classes, UPOS, neighbours in the text.
  uint64_t s1p = P(s1), s0c = C(s0), n0c = C(b0);
  o.push_back(Feature(S1p, s1p));
  o.push_back(Feature(S1w, W(s1)));
  o.push_back(Feature(S1pS0pN0p, s1p, s0p, n0p));
  o.push_back(Feature(S1pS0p, s1p, s0p));
  o.push_back(Feature(S0c, s0c));
  o.push_back(Feature(N0c, n0c));
  o.push_back(Feature(S0cN0c, s0c, n0c));
  o.push_back(Feature(S0cN0p, s0c, n0p));
  o.push_back(Feature(S0pN0c, s0p, n0c));
  o.push_back(Feature(N1c, C(b1)));
  o.push_back(Feature(N0cN1p, n0c, n1p));
  o.push_back(Feature(S0fN0f, F(s0), F(b0)));
  o.push_back(Feature(S0uN0u, U(s0), U(b0)));
  o.push_back(Feature(S0lS0pN0p, L(s0), s0p, n0p));
  int before_b0 = b0 - 1 >= 0 && b0 - 1 != s0 ? b0 - 1 : -1;
  int after_s0 = s0 >= 0 && s0 + 1 < b0 ? s0 + 1 : -1;
  o.push_back(Feature(N0m1p, P(before_b0)));
  o.push_back(Feature(S0p1p, P(after_s0)));
  o.push_back(Feature(S0pN0pN0m1p, s0p, n0p, P(before_b0)));
  o.push_back(Feature(S0hcS0pN0p, C(s0h), s0p, n0p));
  auto T2 = [&](int i) { return i < 0 ? kAbsent : i == n ? kRootValue : words[i].tag2; };
  uint64_t s0t2 = T2(s0), n0t2 = T2(b0);
  o.push_back(Feature(N0pN0t2, n0p, n0t2));
  o.push_back(Feature(S0pS0t2, s0p, s0t2));
  o.push_back(Feature(N1pN1t2, n1p, T2(b1)));
  o.push_back(Feature(S0t2N0t2, s0t2, n0t2));
  o.push_back(Feature(S0pN0pN0t2, s0p, n0p, n0t2));
  o.push_back(Feature(S0pS0t2N0p, s0p, s0t2, n0p));
  // What lies between s0 and b0: punctuation and verbs make a long arc less likely.
  if (s0 >= 0) {
    const ParseWord& after = words[s0 + 1 < n ? s0 + 1 : n - 1];
    uint32_t end_p = b0 < n ? words[b0].punct_before : words[n - 1].punct_before;
    uint32_t end_v = b0 < n ? words[b0].verbs_before : words[n - 1].verbs_before;
    uint64_t punct = std::min<uint32_t>(end_p - std::min(end_p, after.punct_before), 3);
    uint64_t verbs = std::min<uint32_t>(end_v - std::min(end_v, after.verbs_before), 2);
    o.push_back(Feature(BetweenPunct, s0p, n0p, punct));
    o.push_back(Feature(BetweenVerbs, s0p, n0p, verbs));
    o.push_back(Feature(BetweenBoth, punct, verbs, d));
    o.push_back(Feature(S0wBetweenVerbs, s0w, verbs));
  }
  o.push_back(Feature(N3p, P(b0 + 3 <= n ? b0 + 3 : -1)));
  o.push_back(Feature(S0rlN0p, L(s0r), s0p, n0p));
}

void ParserModel::set_labels(std::vector<std::string> labels) {
  labels_ = std::move(labels);
  root_label_ = -1;
  for (size_t l = 0; l < labels_.size(); ++l)
    if (labels_[l] == "root") root_label_ = static_cast<int>(l);
}

void ParserModel::DescribeWords(const std::vector<std::string_view>& forms, const std::vector<std::string_view>& xpos,
                                const std::vector<std::string_view>& upos,
                                const std::vector<std::string_view>& xpos2, std::vector<ParseWord>* words) const {
  words->resize(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) {
    ParseWord& w = (*words)[i];
    w.word = HashString(NormalizeWord(forms[i]));
    w.tag = i < xpos.size() ? HashString(xpos[i]) : kAbsent;
    w.upos = i < upos.size() ? HashString(upos[i]) : kAbsent;
    w.tag2 = i < xpos2.size() && !xpos2[i].empty() ? HashString(xpos2[i]) : 0x51;
    WordClusters::Ids ids = clusters_.Lookup(w.word);
    w.cluster = ids[1];
    w.cluster_fine = ids[2];
  }
}

void ParserModel::ParseIds(const std::vector<ParseWord>& words, std::vector<int>* heads,
                           std::vector<int>* labels) const {
  int n = static_cast<int>(words.size());
  int num_labels = this->num_labels();
  ParseState st(n);
  std::vector<uint64_t> features;
  std::vector<int32_t> scores(num_classes());
  while (!st.terminal()) {
    // Forced moves need no scoring: an empty stack, or only the root left in the buffer.
    if (st.stack().empty()) {
      st.Apply(Move::kShift, -1);
      continue;
    }
    if (st.b0() == n) {
      if (st.CanReduce()) st.Apply(Move::kReduce, -1);
      else st.Apply(Move::kLeft, root_label_);
      continue;
    }
    ParserFeatures(st, words, &features);
    std::fill(scores.begin(), scores.end(), 0);
    weights_.Score(features, scores.data());
    int best = -1;
    int32_t best_score = std::numeric_limits<int32_t>::min();
    for (int c = 0; c < num_classes(); ++c) {
      if ((best < 0 || scores[c] > best_score) && ActionValid(st, c, num_labels, root_label_)) {
        best = c;
        best_score = scores[c];
      }
    }
    ParseAction a = ClassAction(best, num_labels);
    st.Apply(a.move, a.label);
  }
  heads->resize(n);
  labels->resize(n);
  for (int i = 0; i < n; ++i) {
    (*heads)[i] = st.head(i);
    (*labels)[i] = st.label(i);
  }
}

// Attaches each pair of brackets or quotes to the one word between them whose head lies
// outside them (UD's convention, as Udapi's ud.FixPunct applies it), when that word is
// unique and the marks have no dependents. Linear in the sentence length for each pair.
void AttachPairedPunctuation(const std::vector<ParseWord>& words, std::vector<int>* heads,
                             std::vector<std::string>* labels) {
  int n = static_cast<int>(words.size());
  std::vector<int> children(n, 0);
  for (int h : *heads)
    if (h >= 0) ++children[h];
  for (int i = 0; i < n; ++i) {
    const ParseWord& open = words[i];
    if (!open.punct || open.bracket % 2 == 0 || children[i]) continue;
    uint8_t close = kPairs[open.bracket / 2].first == kPairs[open.bracket / 2].second ? open.bracket : open.bracket + 1;
    int j = i + 1;
    while (j < n && !(words[j].punct && words[j].bracket == close)) ++j;
    if (j >= n || children[j]) continue;
    int head = -1, found = 0;
    for (int k = i + 1; k < j && found < 2; ++k) {
      int h = (*heads)[k];
      if (!words[k].punct && (h < i || h > j)) head = k, ++found;
    }
    if (found != 1) continue;
    for (int mark : {i, j}) {
      if ((*heads)[mark] >= 0) --children[(*heads)[mark]];
      (*heads)[mark] = head;
      ++children[head];
      (*labels)[mark] = "punct";
    }
    i = j;
  }
}

void ParserModel::Parse(const std::vector<ParseWord>& words, std::vector<int>* heads,
                        std::vector<std::string>* labels) const {
  std::vector<int> label_ids;
  ParseIds(words, heads, &label_ids);
  int n = static_cast<int>(words.size());
  labels->resize(n);
  // One root: the first word attached to the root keeps it (the stack empties right to
  // left, so that is the rightmost); any others hang from it.
  int root = -1;
  for (int i = n - 1; i >= 0; --i) {
    if ((*heads)[i] != n) continue;
    if (root < 0) {
      root = i;
      continue;
    }
    (*heads)[i] = root;
    label_ids[i] = -2;  // relabelled below
  }
  for (int i = 0; i < n; ++i) {
    if ((*heads)[i] == n) (*heads)[i] = -1;
    if (label_ids[i] == -2) (*labels)[i] = "parataxis";
    else (*labels)[i] = label_ids[i] >= 0 && label_ids[i] < num_labels() ? labels_[label_ids[i]] : "dep";
  }
  Deprojectivize(heads, labels);
  AttachPairedPunctuation(words, heads, labels);
}

Status ParserModel::Write(const std::string& path) const {
  ModelWriter writer(std::string{kParserKind});
  SectionWriter labels;
  labels.U32(static_cast<uint32_t>(labels_.size()));
  for (const std::string& l : labels_) labels.String(l);
  writer.AddSection("labels", labels.Take());
  SectionWriter weights;
  weights_.Write(&weights);
  writer.AddSection("weights", weights.Take());
  SectionWriter clusters;
  clusters_.Write(&clusters);
  writer.AddSection("clusters", clusters.Take());
  return writer.Write(path);
}

Result<ParserModel> ParserModel::Load(const std::string& path) {
  auto file = ModelFile::Load(path, kParserKind);
  if (!file.ok()) return file.status();
  return FromFile(*file);
}

Result<ParserModel> ParserModel::FromFile(const ModelFile& file) {
  ParserModel model;
  SectionReader labels = file.Section("labels");
  uint32_t n = labels.U32();
  if (labels.ok() && (n == 0 || n > 1000)) labels.Fail(fmt::format("bad number of labels {}", n));
  std::vector<std::string> names;
  for (uint32_t l = 0; l < n && labels.ok(); ++l) names.push_back(labels.String());
  SITREP_RETURN_IF_ERROR(labels.Finish());
  model.set_labels(std::move(names));
  if (model.root_label_ < 0) return file.Error("the parser has no 'root' label", 0);
  SectionReader weights = file.Section("weights");
  auto w = SparseWeights::Read(&weights);
  if (!w.ok()) return w.status();
  SITREP_RETURN_IF_ERROR(weights.Finish());
  if (w->num_classes() != model.num_classes())
    return file.Error(fmt::format("weights for {} classes, labels make {}", w->num_classes(), model.num_classes()),
                      weights.offset());
  model.weights_ = std::move(w).value();
  SectionReader clusters = file.Section("clusters");
  auto c = WordClusters::Read(&clusters);
  if (!c.ok()) return c.status();
  SITREP_RETURN_IF_ERROR(clusters.Finish());
  model.clusters_ = std::move(c).value();
  return model;
}

}  // namespace sitrep
