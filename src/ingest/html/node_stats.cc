#include "ingest/html/node_stats.h"

#include "ingest/html/strings.h"

namespace sitrep::html {
namespace {

// A paragraph shorter than this may be a menu item or a teaser; it is not counted as prose.
constexpr uint32_t kMinProseParagraph = 80;

bool IsComma(std::string_view s, size_t i) {
  if (s[i] == ',') return true;
  // The Arabic comma (Urdu, Arabic, Persian pages) and the ideographic ones.
  return s.compare(i, 2, "\xD8\x8C") == 0 || s.compare(i, 3, "\xEF\xBC\x8C") == 0 ||
         s.compare(i, 3, "\xE3\x80\x81") == 0;
}

void CountText(std::string_view text, NodeStats* n) {
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (IsAsciiSpace(c)) continue;
    ++n->own_text;
    if (c == ',' || static_cast<unsigned char>(c) >= 0xD8) n->own_commas += IsComma(text, i);
  }
}

// What the page hides from its readers: the hidden attribute, aria-hidden, and inline
// styles that take the element out of view. Pages hide schema.org copies of the
// article's fields, templates, and consent dialogs this way.
bool IsHiddenByMarkup(const Page& page, size_t i) {
  if (page.node(i).attribute_count == 0) return false;
  if (page.HasAttr(i, "hidden")) return true;
  // The usual names of classes that hide an element (screen-reader text included: it
  // labels controls for those who cannot see them, it is not the article).
  static constexpr std::string_view kHidingClasses[] = {
      "hidden", "hide", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
      "element-hidden", "element-invisible", "invisible", "d-none", "offscreen"};
  std::string_view classes = page.Attr(i, "class");
  for (std::string_view c : kHidingClasses)
    if (!classes.empty() && HasWord(classes, c)) return true;
  if (EqualsIgnoreCase(TrimAscii(page.Attr(i, "aria-hidden")), "true")) return true;
  std::string_view style = page.Attr(i, "style");
  if (style.empty()) return false;
  std::string compact;
  for (char c : style)
    if (!IsAsciiSpace(c)) compact.push_back(AsciiLower(c));
  return compact.find("display:none") != npos || compact.find("visibility:hidden") != npos;
}

}  // namespace

bool IsArticleElement(const Page& page, size_t i) {
  const Node& node = page.node(i);
  return node.kind == NodeKind::kElement &&
         (node.tag == Tag::k_article || HasWord(page.Attr(i, "role"), "article") ||
          HasWord(page.Attr(i, "itemprop"), "articleBody"));
}

std::vector<NodeStats> DescribeNodes(const Page& page) {
  std::vector<NodeStats> stats(page.size());
  for (size_t i = 0; i < page.size(); ++i) {
    const Node& node = page.node(i);
    NodeStats& n = stats[i];
    const NodeStats* parent = node.parent >= 0 ? &stats[node.parent] : nullptr;
    const Node* parent_node = node.parent >= 0 ? &page.node(node.parent) : nullptr;
    n.hidden = parent && parent->hidden;
    n.in_link = parent && parent->in_link;
    n.in_article = parent && parent->in_article;
    n.in_paragraph = parent && (parent->in_paragraph || IsParagraphTag(parent_node->tag));
    if (node.kind == NodeKind::kText) {
      n.is_text = true;
      if (!n.hidden) CountText(page.RawText(i), &n);
    } else if (node.kind == NodeKind::kElement) {
      n.is_element = true;
      n.hidden = n.hidden || node.foreign || IsOpaqueTag(node.tag) || IsHiddenByMarkup(page, i);
      n.is_block = IsBlockTag(node.tag);
      n.in_link = n.in_link || node.tag == Tag::k_a;
      n.in_article = n.in_article || IsArticleElement(page, i);
    }
    n.removed = n.hidden;
    if (parent && n.is_block && !n.hidden) stats[node.parent].has_block_child = true;
  }
  return stats;
}

// Children come after their parent, so one backward pass sums every subtree: when a
// node is reached, all of its descendants have added to it.
void SumAllText(const Page& page, std::vector<NodeStats>& stats) {
  for (size_t i = stats.size(); i-- > 0;) {
    NodeStats& n = stats[i];
    n.all_text += n.own_text;
    if (n.is_text) {
      n.all_inline = n.own_text;
      n.all_inline_link = n.in_link ? n.own_text : 0;
    }
    if (n.is_block && n.all_inline >= kMinProseParagraph && n.all_inline_link * 2 < n.all_inline)
      n.prose += n.all_inline;
    int parent = page.node(i).parent;
    if (parent < 0) continue;
    NodeStats& up = stats[parent];
    up.all_text += n.all_text;
    up.prose += n.prose;
    if (n.is_block) continue;
    up.all_inline += n.all_inline;
    up.all_inline_link += n.all_inline_link;
  }
}

void SumKeptText(const Page& page, std::vector<NodeStats>& stats) {
  for (size_t i = stats.size(); i-- > 0;) {
    NodeStats& n = stats[i];
    if (n.removed) continue;
    if (n.is_text) {
      n.text = n.inline_text = n.own_text;
      n.commas = n.inline_commas = n.own_commas;
      n.link_text = n.inline_link_text = n.in_link ? n.own_text : 0;
    }
    int parent = page.node(i).parent;
    if (parent < 0) continue;
    NodeStats& up = stats[parent];
    up.text += n.text;
    up.link_text += n.link_text;
    up.commas += n.commas;
    if (n.is_block) continue;  // a nested block is a paragraph of its own
    up.inline_text += n.inline_text;
    up.inline_link_text += n.inline_link_text;
    up.inline_commas += n.inline_commas;
  }
}

double LinkShare(const NodeStats& n) {
  return n.text == 0 ? 0.0 : static_cast<double>(n.link_text) / n.text;
}

}  // namespace sitrep::html
