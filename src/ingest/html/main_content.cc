#include "ingest/html/main_content.h"

#include <algorithm>

#include "ingest/html/furniture.h"
#include "ingest/html/strings.h"

namespace sitrep::html {
namespace {

// Paragraphs shorter than this say nothing about where the article is.
constexpr uint32_t kMinParagraphText = 25;

double TagWeight(Tag tag) {
  switch (tag) {
    case Tag::k_div: return 5;
    case Tag::k_pre: case Tag::k_td: case Tag::k_blockquote: return 3;
    case Tag::k_address: case Tag::k_ol: case Tag::k_ul: case Tag::k_dl: case Tag::k_dd: case Tag::k_dt:
    case Tag::k_li: case Tag::k_form: return -3;
    case Tag::k_h1: case Tag::k_h2: case Tag::k_h3: case Tag::k_h4: case Tag::k_h5: case Tag::k_h6:
    case Tag::k_th: return -5;
    default: return 0;
  }
}

double HintWeight(const Page& page, size_t i) {
  Hints hints = ReadHints(page, i);
  if (hints.content) return 25;
  if (!hints.furniture.empty()) return -25;
  return 0;
}

// Blocks whose own text reads as a paragraph of the article. Headings and list items
// are left out: menus and teaser lists are made of them.
bool CountsAsParagraph(const Node& node, const NodeStats& n) {
  return n.is_block && !n.removed && !IsHeadingTag(node.tag) && node.tag != Tag::k_li &&
         node.tag != Tag::k_th && node.tag != Tag::k_html && n.inline_text >= kMinParagraphText;
}

bool CanContainArticle(const Node& node, const NodeStats& n) {
  return n.is_element && node.tag != Tag::k_html && node.tag != Tag::k_head;
}

// Each paragraph adds points for its length and its commas (long sentences of prose) to
// its parent, half to its grandparent and a sixth to the next; a candidate then keeps the
// share of its points that is not link text. Returns the scores; 0 for non-candidates.
// The text a block holds beside nested blocks ("<div><h2>..</h2>Text<br>Text</div>") is
// a paragraph inside that block, so there the scoring starts at the block itself.
std::vector<double> ScoreCandidates(const Page& page, const std::vector<NodeStats>& stats) {
  std::vector<double> score(stats.size(), 0.0);
  std::vector<bool> seen(stats.size(), false);
  for (size_t i = 0; i < stats.size(); ++i) {
    const NodeStats& n = stats[i];
    const Node& node = page.node(i);
    if (!CountsAsParagraph(node, n)) continue;
    double link_share = static_cast<double>(n.inline_link_text) / n.inline_text;
    double points = (1.0 + n.inline_commas + std::min(n.inline_text / 100.0, 3.0)) * (1.0 - link_share);
    int up = n.has_block_child && node.tag != Tag::k_p ? static_cast<int>(i) : node.parent;
    for (double divider : {1.0, 2.0, 6.0}) {
      if (up < 0 || !CanContainArticle(page.node(up), stats[up])) break;
      if (!seen[up]) {
        seen[up] = true;
        score[up] = TagWeight(page.node(up).tag) + HintWeight(page, up);
      }
      score[up] += points / divider;
      up = page.node(up).parent;
    }
  }
  for (size_t i = 0; i < stats.size(); ++i) {
    if (!seen[i]) continue;
    score[i] *= 1.0 - LinkShare(stats[i]);
    // A candidate with a negative score still beats no candidate: keep it above zero.
    score[i] = std::max(score[i], 1e-6);
  }
  return score;
}

int BestScored(const std::vector<double>& score) {
  int best = -1;
  for (size_t i = 0; i < score.size(); ++i)
    if (score[i] > 0 && (best < 0 || score[i] > score[best])) best = static_cast<int>(i);
  return best;
}

// The winner and those of its siblings that read like content: scored well themselves,
// share its class, or are paragraphs of prose with few links.
std::vector<int> WithSiblings(const Page& page, const std::vector<NodeStats>& stats,
                              const std::vector<double>& score, int best) {
  int parent = page.node(best).parent;
  if (parent < 0) return {best};
  double threshold = std::max(10.0, score[best] * 0.2);
  std::string_view best_class = page.Attr(best, "class");
  std::vector<int> chosen;
  for (uint32_t i = parent + 1; i < page.node(parent).end; i = page.node(i).end) {
    const NodeStats& n = stats[i];
    if (!n.is_element || n.removed || n.text == 0) continue;
    double bonus = !best_class.empty() && page.Attr(i, "class") == best_class ? score[best] * 0.2 : 0;
    bool prose = page.node(i).tag == Tag::k_p &&
                 ((n.text > 80 && LinkShare(n) < 0.25) || (n.text >= 40 && n.link_text == 0));
    if (static_cast<int>(i) == best || score[i] + bonus >= threshold || prose) chosen.push_back(static_cast<int>(i));
  }
  return chosen;
}

// The kept element matching `match` with the most text, or -1.
template <typename Match>
int LargestKept(const Page& page, const std::vector<NodeStats>& stats, Match match) {
  int best = -1;
  for (size_t i = 0; i < stats.size(); ++i) {
    const NodeStats& n = stats[i];
    if (n.removed || n.text == 0 || !CanContainArticle(page.node(i), n) || !match(i)) continue;
    if (best < 0 || n.text > stats[best].text) best = static_cast<int>(i);
  }
  return best;
}

}  // namespace

std::vector<int> ChooseContainers(const Page& page, const std::vector<NodeStats>& stats) {
  std::vector<double> score = ScoreCandidates(page, stats);
  int best = BestScored(score);
  uint32_t best_text = best >= 0 ? stats[best].text : 0;
  const std::vector<int> semantic = {
      LargestKept(page, stats, [&](size_t i) {
        return page.node(i).tag == Tag::k_article || HasWord(page.Attr(i, "role"), "article");
      }),
      LargestKept(page, stats, [&](size_t i) { return HasWord(page.Attr(i, "itemprop"), "articleBody"); }),
      LargestKept(page, stats, [&](size_t i) {
        return page.node(i).tag == Tag::k_main || HasWord(page.Attr(i, "role"), "main");
      }),
  };
  // A semantic element wins if it is not a teaser: it must hold at least half the text
  // of the scorer's choice (teaser lists mark every item as an <article>).
  for (int candidate : semantic) {
    if (candidate < 0) continue;
    const NodeStats& n = stats[candidate];
    if (uint64_t{n.text} * 2 >= best_text && LinkShare(n) < 0.5) return {candidate};
  }
  if (best >= 0) return WithSiblings(page, stats, score, best);
  // No paragraph long enough to score: a short page; take its body if it is not links.
  int body = page.Find(Tag::k_body);
  if (body < 0) body = 0;
  if (!stats[body].removed && stats[body].text > 0 && LinkShare(stats[body]) < 0.5) return {body};
  return {};
}

}  // namespace sitrep::html
