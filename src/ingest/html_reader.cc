// The HTML reader: from a news page to the article's clean text, its metadata, and a map
// from every byte of that text back to the page.
//
// The steps, in order:
//  1. A linear pre-scan caps tag nesting at 256 open elements (CapNestingDepth). gumbo
//     does work in proportion to the depth of open elements on every tag (100,000 nested
//     <div>s take it half a minute) and frees its tree recursively (which overflows a
//     small stack); real pages nest far less deeply.
//  2. gumbo parses the page with the HTML5 rules, so broken markup gets the tree a
//     browser would build. The tree is flattened into a pre-order array (PageNode) and
//     every later pass is a loop over that array, never a recursion.
//  3. Page furniture is marked: elements that never hold article text (scripts, form
//     controls, media), furniture by tag (nav, aside, header/footer outside the article)
//     and by the words of class and id ("share-bar", "relatedStories", "cookie"), unless
//     the class also speaks for content or the element holds most of the page's prose.
//  4. The article's container is chosen. A semantic element (<article>,
//     [itemprop=articleBody], <main>) wins when it holds a fair share of the text;
//     otherwise a scoring in the spirit of Readability decides: every paragraph gives
//     points for its length and commas to its parent and grandparents, candidates lose the
//     share of their text inside links, and siblings of the winner that read like
//     content join it.
//  5. The container's text is cut into paragraphs at block-level elements. White space
//     collapses, entities are decoded, and each byte is traced back to the page
//     (AlignText, BlockBuilder). The headline and byline blocks are left out (they are
//     metadata), and so is what the shared debris rules call web debris.
//  6. Metadata comes from <meta> tags, JSON-LD, <title>, <h1>, <time> and bylines, each
//     value with the page bytes it was read from.

#include "ingest/html_reader.h"

#include <gumbo.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/dates.h"
#include "ingest/debris.h"

namespace sitrep {
namespace {

constexpr size_t npos = std::string_view::npos;

// ---------------------------------------------------------------------------------------
// Small string helpers.

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }
char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  return true;
}

// `needle` must be lower case.
size_t FindIgnoreCase(std::string_view hay, std::string_view needle, size_t from = 0) {
  if (needle.empty() || hay.size() < needle.size()) return npos;
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    if (AsciiLower(hay[i]) != needle[0]) continue;
    if (EqualsIgnoreCase(hay.substr(i, needle.size()), needle)) return i;
  }
  return npos;
}

std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

// The length of the white space at s[i], or 0. A no-break space counts: pages use it as a
// plain space, and gumbo decodes &nbsp; to it.
size_t SpaceLength(std::string_view s, size_t i) {
  if (IsAsciiSpace(s[i])) return 1;
  if (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') return 2;
  return 0;
}

bool IsAllSpace(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = SpaceLength(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

// White-space runs become one space, and the ends are trimmed: for metadata values.
std::string CollapseSpace(std::string_view s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size();) {
    if (size_t n = SpaceLength(s, i)) {
      space = true;
      i += n;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(s[i++]);
  }
  return out;
}

size_t CountWords(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = IsAsciiSpace(c);
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

size_t Utf8Length(char lead) {
  auto b = static_cast<unsigned char>(lead);
  if (b < 0xC0) return 1;
  if (b < 0xE0) return 2;
  if (b < 0xF0) return 3;
  return 4;
}

// ---------------------------------------------------------------------------------------
// 1. The nesting cap.

// gumbo spends time in proportion to the depth of open elements on every token, and
// frees its tree recursively. Real pages stay far below this cap (under 60 in a sample
// of 181 news sites, as counted by the scan below), so it only ever touches hostile or
// badly broken pages, where it keeps the parse linear.
constexpr int kMaxNesting = 256;

// Tags that do not make the tree deeper when left open: void elements, and elements
// whose end tag a sibling implies (<p>, <li>, <td>), so the scan does not count them.
bool IsUncountedTag(std::string_view name) {
  static constexpr std::string_view kTags[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
      "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image", "p",
      "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot",
      "colgroup", "caption", "rb", "rt", "rtc", "rp", "html", "head", "body"};
  return std::find(std::begin(kTags), std::end(kTags), name) != std::end(kTags);
}

// Elements whose content is raw text up to their own end tag.
bool IsRawTextTag(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" ||
         name == "xmp" || name == "iframe" || name == "noembed" || name == "noframes";
}

// The offset just past the '>' that ends a tag whose name ends at `from`, reading quoted
// attribute values as the HTML tokenizer does (a '>' inside quotes does not end the tag).
size_t FindTagEnd(std::string_view html, size_t from) {
  char quote = 0;
  bool after_equals = false;
  for (size_t i = from; i < html.size(); ++i) {
    char c = html[i];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '>') return i + 1;
    if (after_equals && (c == '"' || c == '\'')) quote = c;
    if (c == '=') after_equals = true;
    else if (!IsAsciiSpace(c)) after_equals = false;
  }
  return npos;
}

// The offset of the end tag "</name" at or after `from`, or npos.
size_t FindEndTag(std::string_view html, std::string_view name, size_t from) {
  std::string needle = "</" + std::string(name);
  for (size_t at = FindIgnoreCase(html, needle, from); at != npos;
       at = FindIgnoreCase(html, needle, at + 1)) {
    size_t after = at + needle.size();
    if (after >= html.size() || !IsAsciiAlnum(html[after])) return at;
  }
  return npos;
}

// Reads the page's tags without building a tree and returns a copy in which the start
// and end tags beyond kMaxNesting open elements are blanked with spaces (same length, so
// every offset stays valid); nullopt when the page nests less deeply, as real pages do.
std::optional<std::string> CapNestingDepth(std::string_view html) {
  std::optional<std::string> capped;
  int depth = 0;
  int foreign = 0;  // inside <svg> or <math>, where "/>" closes an element
  size_t i = 0;
  while ((i = html.find('<', i)) != npos) {
    size_t tag_begin = i;
    if (html.compare(i, 4, "<!--") == 0) {
      size_t close = html.find("-->", i + 4);
      if (close == npos) break;
      i = close + 3;
      continue;
    }
    bool closing = i + 1 < html.size() && html[i + 1] == '/';
    size_t name_begin = i + 1 + (closing ? 1 : 0);
    if (name_begin >= html.size() || !IsAsciiAlpha(html[name_begin])) {
      i = name_begin;
      continue;
    }
    size_t name_end = name_begin;
    while (name_end < html.size() && (IsAsciiAlnum(html[name_end]) || html[name_end] == '-'))
      ++name_end;
    size_t tag_end = FindTagEnd(html, name_end);
    if (tag_end == npos) break;  // the tokenizer too reads the rest as one tag
    std::string name = Lower(html.substr(name_begin, name_end - name_begin));
    bool self_closing = html[tag_end - 2] == '/';
    i = tag_end;
    if (name == "plaintext") break;
    if (name == "svg" || name == "math") foreign = std::max(0, foreign + (closing ? -1 : 1));
    if (IsUncountedTag(name) || (!closing && self_closing && foreign > 0)) continue;
    bool blank;
    if (closing) {
      blank = depth > kMaxNesting;
      depth = std::max(0, depth - 1);
    } else {
      blank = ++depth > kMaxNesting;
    }
    if (blank) {
      if (!capped) capped.emplace(html);
      std::fill(capped->begin() + tag_begin, capped->begin() + tag_end, ' ');
    }
    if (!closing && IsRawTextTag(name)) {
      i = FindEndTag(html, name, tag_end);
      if (i == npos) break;
    }
  }
  return capped;
}

// ---------------------------------------------------------------------------------------
// 2. The parsed page, flattened.

class GumboTree {
 public:
  explicit GumboTree(std::string_view buffer) : options_(kGumboDefaultOptions) {
    options_.max_errors = 0;  // the errors are never read; recording them costs time
    output_ = gumbo_parse_with_options(&options_, buffer.data(), buffer.size());
  }
  ~GumboTree() {
    if (output_) gumbo_destroy_output(&options_, output_);
  }
  GumboTree(const GumboTree&) = delete;
  GumboTree& operator=(const GumboTree&) = delete;

  const GumboNode* document() const { return output_ ? output_->document : nullptr; }

 private:
  GumboOptions options_;
  GumboOutput* output_ = nullptr;
};

// One node of the page in document order. An element's subtree is [its index, end).
struct PageNode {
  const GumboNode* node = nullptr;
  int parent = -1;
  uint32_t end = 0;
  GumboTag tag = GUMBO_TAG_UNKNOWN;  // meaningful for elements only
  bool is_element = false;
  bool is_text = false;
  bool is_block = false;      // starts a paragraph of its own
  bool opaque = false;        // never holds article text; its children are not indexed
  bool in_link = false;       // inside an <a>
  bool in_article = false;    // inside an <article> or [itemprop=articleBody]
  bool in_paragraph = false;  // inside a <p>, heading, list item or table cell
  bool removed = false;       // page furniture, itself or by an ancestor
  bool has_block_child = false;
  // Visible text, in non-space bytes. own_* belong to a text node; all_* and prose sum
  // the subtree before furniture is removed, text/link_text/commas after.
  uint32_t own_text = 0, own_commas = 0;
  uint32_t all_text = 0;
  uint32_t all_inline = 0, all_inline_link = 0;  // see inline_text below
  uint32_t prose = 0;  // text in paragraphs long enough and with few enough links to be prose
  uint32_t text = 0, link_text = 0, commas = 0;
  // The same counts for the text not inside a nested block: the element's own paragraph.
  uint32_t inline_text = 0, inline_link_text = 0, inline_commas = 0;
};

const GumboVector* ChildrenOf(const GumboNode* node) {
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  if (node->type == GUMBO_NODE_ELEMENT) return &node->v.element.children;
  return nullptr;
}

std::string_view Attr(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
  return attr ? std::string_view(attr->value) : std::string_view();
}

bool HasWord(std::string_view list, std::string_view word) {
  size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && IsAsciiSpace(list[i])) ++i;
    size_t start = i;
    while (i < list.size() && !IsAsciiSpace(list[i])) ++i;
    if (i > start && EqualsIgnoreCase(list.substr(start, i - start), word)) return true;
  }
  return false;
}

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR:
    case GUMBO_TAG_LI: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_UL: case GUMBO_TAG_LEGEND: case GUMBO_TAG_HTML:
      return true;
    default:
      return false;
  }
}

// Elements that never hold article text: code, styling, media, form controls.
bool IsOpaqueTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT: case GUMBO_TAG_IMG: case GUMBO_TAG_TITLE: case GUMBO_TAG_OPTION:
    case GUMBO_TAG_DATALIST: case GUMBO_TAG_MAP: case GUMBO_TAG_APPLET: case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_NOEMBED:
      return true;
    default:
      return false;
  }
}

bool IsHeadingTag(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 ||
         tag == GUMBO_TAG_H4 || tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

// Blocks that hold running text: what is inside them is part of one paragraph.
bool IsParagraphTag(GumboTag tag) {
  return tag == GUMBO_TAG_P || IsHeadingTag(tag) || tag == GUMBO_TAG_LI ||
         tag == GUMBO_TAG_BLOCKQUOTE || tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_DD ||
         tag == GUMBO_TAG_DT || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH;
}

bool IsArticleElement(const GumboNode* node) {
  return node->v.element.tag == GUMBO_TAG_ARTICLE || HasWord(Attr(node, "role"), "article") ||
         HasWord(Attr(node, "itemprop"), "articleBody");
}

bool IsComma(std::string_view s, size_t i) {
  if (s[i] == ',') return true;
  // The Arabic comma (Urdu, Arabic, Persian pages) and the ideographic ones.
  return s.compare(i, 2, "\xD8\x8C") == 0 || s.compare(i, 3, "\xEF\xBC\x8C") == 0 ||
         s.compare(i, 3, "\xE3\x80\x81") == 0;
}

void CountText(std::string_view text, PageNode* entry) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (IsAsciiSpace(text[i])) continue;
    ++entry->own_text;
    if (IsComma(text, i)) ++entry->own_commas;
  }
}

void DescribeElement(const GumboNode* node, const PageNode* parent, PageNode* entry) {
  GumboTag tag = node->v.element.tag;
  entry->tag = tag;
  entry->is_element = true;
  // Elements in SVG or MathML never hold article text; <svg> itself is opaque already.
  entry->opaque = IsOpaqueTag(tag) || node->v.element.tag_namespace != GUMBO_NAMESPACE_HTML;
  entry->is_block = IsBlockTag(tag);
  entry->in_link = entry->in_link || tag == GUMBO_TAG_A;
  entry->in_article = entry->in_article || IsArticleElement(node);
  entry->in_paragraph = parent && (parent->in_paragraph || IsParagraphTag(parent->tag));
}

// The page as an array in document order. Iterative, so no depth can exhaust the stack.
std::vector<PageNode> IndexPage(const GumboNode* document) {
  std::vector<PageNode> nodes;
  struct Pending {
    const GumboNode* node;
    int parent;
  };
  std::vector<Pending> stack = {{document, -1}};
  while (!stack.empty()) {
    Pending next = stack.back();
    stack.pop_back();
    const GumboNode* node = next.node;
    PageNode entry;
    entry.node = node;
    entry.parent = next.parent;
    const PageNode* parent = next.parent >= 0 ? &nodes[next.parent] : nullptr;
    entry.in_link = parent && parent->in_link;
    entry.in_article = parent && parent->in_article;
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        entry.is_text = true;
        CountText(node->v.text.text, &entry);
        break;
      case GUMBO_NODE_ELEMENT:
        DescribeElement(node, parent, &entry);
        break;
      case GUMBO_NODE_DOCUMENT:
        break;
      default:
        continue;  // comments; template contents
    }
    int index = static_cast<int>(nodes.size());
    if (parent && entry.is_block) nodes[next.parent].has_block_child = true;
    nodes.push_back(entry);
    const GumboVector* children = ChildrenOf(node);
    if (!children || entry.opaque) continue;
    for (unsigned k = children->length; k-- > 0;)
      stack.push_back({static_cast<const GumboNode*>(children->data[k]), index});
  }
  for (size_t i = nodes.size(); i-- > 0;) {
    nodes[i].end = std::max<uint32_t>(nodes[i].end, static_cast<uint32_t>(i + 1));
    if (nodes[i].parent >= 0)
      nodes[nodes[i].parent].end = std::max(nodes[nodes[i].parent].end, nodes[i].end);
  }
  return nodes;
}

// The index of the first element with `tag`, or -1.
int FindTag(const std::vector<PageNode>& nodes, GumboTag tag) {
  for (size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].is_element && nodes[i].tag == tag) return static_cast<int>(i);
  return -1;
}

// A paragraph shorter than this may be a menu item or a teaser; it is not counted as prose.
constexpr uint32_t kMinProseParagraph = 80;

// Children come after their parent, so one backward pass sums every subtree: when a
// node is reached, all of its descendants have added to it.
void SumAllText(std::vector<PageNode>& nodes) {
  for (size_t i = nodes.size(); i-- > 0;) {
    PageNode& n = nodes[i];
    n.all_text += n.own_text;
    if (n.is_text) {
      n.all_inline = n.own_text;
      n.all_inline_link = n.in_link ? n.own_text : 0;
    }
    if (n.is_block && n.all_inline >= kMinProseParagraph && n.all_inline_link * 2 < n.all_inline)
      n.prose += n.all_inline;
    if (n.parent < 0) continue;
    PageNode& up = nodes[n.parent];
    up.all_text += n.all_text;
    up.prose += n.prose;
    if (n.is_block) continue;
    up.all_inline += n.all_inline;
    up.all_inline_link += n.all_inline_link;
  }
}

void SumKeptText(std::vector<PageNode>& nodes) {
  for (size_t i = nodes.size(); i-- > 0;) {
    PageNode& n = nodes[i];
    if (n.removed) continue;
    if (n.is_text) {
      n.text = n.inline_text = n.own_text;
      n.commas = n.inline_commas = n.own_commas;
      n.link_text = n.inline_link_text = n.in_link ? n.own_text : 0;
    }
    if (n.parent < 0) continue;
    PageNode& up = nodes[n.parent];
    up.text += n.text;
    up.link_text += n.link_text;
    up.commas += n.commas;
    if (n.is_block) continue;  // a nested block is a paragraph of its own
    up.inline_text += n.inline_text;
    up.inline_link_text += n.inline_link_text;
    up.inline_commas += n.inline_commas;
  }
}

double LinkShare(const PageNode& n) {
  return n.text == 0 ? 0.0 : static_cast<double>(n.link_text) / n.text;
}

// Page bytes: gumbo's pointers and positions as offsets into the parsed buffer.
class PageBytes {
 public:
  explicit PageBytes(std::string_view buffer) : buffer_(buffer) {}
  std::string_view Slice(Span span) const { return buffer_.substr(span.begin, span.size()); }

  Span PieceSpan(const GumboStringPiece& piece) const {
    if (!piece.data || piece.data < buffer_.data() || piece.data > buffer_.data() + buffer_.size())
      return {};
    auto begin = static_cast<uint32_t>(piece.data - buffer_.data());
    auto size = static_cast<uint32_t>(std::min<size_t>(piece.length, buffer_.size() - begin));
    return {begin, begin + size};
  }

  // From the start tag to the end of the end tag (or where the parser closed it).
  Span ElementSpan(const GumboNode* node) const {
    const GumboElement& element = node->v.element;
    uint32_t size = Size();
    uint32_t begin = std::min(element.start_pos.offset, size);
    uint64_t end = uint64_t{element.end_pos.offset} + element.original_end_tag.length;
    return {begin, static_cast<uint32_t>(std::clamp<uint64_t>(end, begin, size))};
  }

  // The attribute's value without its quotes; empty when the attribute is absent.
  Span AttrValueSpan(const GumboNode* node, const char* name) const {
    const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
    if (!attr) return {};
    Span span = PieceSpan(attr->original_value);
    if (span.size() >= 2 && (buffer_[span.begin] == '"' || buffer_[span.begin] == '\'')) {
      ++span.begin;
      --span.end;
    }
    if (span.empty()) {
      uint32_t at = std::min(attr->value_start.offset, Size());
      span = {at, at};
    }
    return span;
  }

 private:
  uint32_t Size() const { return static_cast<uint32_t>(buffer_.size()); }
  std::string_view buffer_;
};

// ---------------------------------------------------------------------------------------
// 3. Page furniture.

// A word of a class or id that marks furniture, and the reason reported when it does.
struct FurnitureWord {
  std::string_view word;
  bool prefix;  // "related" matches "relatedposts" too
  std::string_view reason;
};

constexpr FurnitureWord kFurnitureWords[] = {
    {"comment", true, "html: comments"},     {"disqus", true, "html: comments"},
    {"related", true, "html: related"},      {"recommend", true, "html: related"},
    {"outbrain", true, "html: related"},     {"taboola", true, "html: related"},
    {"share", true, "html: share"},          {"sharing", true, "html: share"},
    {"social", true, "html: social"},        {"cookie", true, "html: cookie"},
    {"consent", true, "html: cookie"},       {"gdpr", true, "html: cookie"},
    {"newsletter", true, "html: newsletter"}, {"subscri", true, "html: newsletter"},
    {"popup", true, "html: popup"},          {"modal", true, "html: popup"},
    {"advert", true, "html: ad"},            {"ad", false, "html: ad"},
    {"ads", false, "html: ad"},              {"sponsor", true, "html: ad"},
    {"promo", true, "html: promo"},          {"caption", true, "html: caption"},
    {"credit", true, "html: caption"},       {"byline", true, "html: byline"},
    {"nav", true, "html: nav"},              {"menu", true, "html: nav"},
    {"breadcrumb", true, "html: nav"},       {"pagination", true, "html: nav"},
    {"footer", true, "html: footer"},        {"sidebar", true, "html: sidebar"},
    {"banner", true, "html: banner"},        {"masthead", true, "html: header"},
    {"tag", false, "html: tags"},            {"tags", false, "html: tags"},
    {"widget", true, "html: widget"},
};

bool IsContentWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {"article", "content", "story", "body", "post",
                                                "entry", "main", "text", "articlebody"};
  return std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
}

const FurnitureWord* MatchFurnitureWord(std::string_view word) {
  for (const FurnitureWord& f : kFurnitureWords) {
    bool match = f.prefix ? word.substr(0, f.word.size()) == f.word : word == f.word;
    if (match) return &f;
  }
  return nullptr;
}

// Splits one class or id token into lower-case words: "relatedStories_box" gives
// "related", "stories", "box".
template <typename Fn>
void ForEachWord(std::string_view token, Fn fn) {
  std::string word;
  for (size_t i = 0; i <= token.size(); ++i) {
    char c = i < token.size() ? token[i] : ' ';
    bool camel_break = !word.empty() && c >= 'A' && c <= 'Z' && token[i - 1] >= 'a' &&
                       token[i - 1] <= 'z';
    if (!IsAsciiAlnum(c) || camel_break) {
      if (!word.empty()) fn(std::string_view(word));
      word.clear();
    }
    if (IsAsciiAlnum(c)) word.push_back(AsciiLower(c));
  }
}

// What the class and id of an element say. A token that names furniture anywhere in it
// is furniture ("main-nav" is navigation); a token of content words only ("entry-content")
// speaks for content and keeps the element.
struct Hints {
  const FurnitureWord* furniture = nullptr;
  bool content = false;
};

Hints ReadHints(const GumboNode* node) {
  Hints hints;
  for (const char* attr : {"class", "id"}) {
    std::string_view list = Attr(node, attr);
    size_t i = 0;
    while (i < list.size()) {
      while (i < list.size() && IsAsciiSpace(list[i])) ++i;
      size_t start = i;
      while (i < list.size() && !IsAsciiSpace(list[i])) ++i;
      const FurnitureWord* token_furniture = nullptr;
      bool token_content = false;
      ForEachWord(list.substr(start, i - start), [&](std::string_view word) {
        if (IsContentWord(word)) token_content = true;
        else if (!token_furniture) token_furniture = MatchFurnitureWord(word);
      });
      if (token_furniture) {
        if (!hints.furniture) hints.furniture = token_furniture;
      } else if (token_content) {
        hints.content = true;
      }
    }
  }
  return hints;
}

std::string_view FurnitureByTag(const PageNode& n) {
  switch (n.tag) {
    case GUMBO_TAG_NAV: case GUMBO_TAG_MENU: return "html: nav";
    case GUMBO_TAG_ASIDE: return "html: aside";
    case GUMBO_TAG_FORM: return "html: form";
    case GUMBO_TAG_FIGCAPTION: return "html: caption";
    case GUMBO_TAG_HEADER: return n.in_article ? "" : "html: header";
    case GUMBO_TAG_FOOTER: return n.in_article ? "" : "html: footer";
    default: return "";
  }
}

std::string_view FurnitureByRole(std::string_view role) {
  if (HasWord(role, "navigation") || HasWord(role, "menu") || HasWord(role, "menubar"))
    return "html: nav";
  if (HasWord(role, "banner")) return "html: header";
  if (HasWord(role, "contentinfo")) return "html: footer";
  if (HasWord(role, "complementary")) return "html: aside";
  if (HasWord(role, "dialog") || HasWord(role, "alertdialog")) return "html: popup";
  if (HasWord(role, "search")) return "html: form";
  return "";
}

// Why the element is furniture, or "" to keep it. `page` is the page's <body>: an
// element holding most of its prose is a layout wrapper, whatever its class says
// ("content-with-sidebar", "ad_body", a <form> around the whole page).
std::string_view FurnitureReason(const PageNode& n, const PageNode& page) {
  bool holds_most = page.prose > 0 ? uint64_t{n.prose} * 2 > page.prose
                                   : uint64_t{n.all_text} * 2 > page.all_text;
  // Inside a paragraph a class names a link or a word, and removing it would cut the
  // sentence.
  Hints hints = n.in_paragraph ? Hints{} : ReadHints(n.node);
  // The tag or role says furniture; the class, when it says so too, says which kind
  // (an <aside class="related"> is reported as related stories).
  std::string_view by_tag = FurnitureByTag(n);
  if (by_tag.empty()) by_tag = FurnitureByRole(Attr(n.node, "role"));
  if (!by_tag.empty()) {
    if (n.tag == GUMBO_TAG_FORM && holds_most) return "";
    return hints.furniture ? hints.furniture->reason : by_tag;
  }
  if (!hints.furniture || hints.content || holds_most) return "";
  return hints.furniture->reason;
}

// The <article> or [itemprop=articleBody] with the most text, and its ancestors: never
// furniture, whatever their class or tag (an ASP.NET page wraps everything in a <form>).
std::vector<bool> ProtectMainArticle(const std::vector<PageNode>& nodes) {
  std::vector<bool> protect(nodes.size(), false);
  int best = -1;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const PageNode& n = nodes[i];
    if (!n.is_element || n.all_text == 0) continue;
    if (!IsArticleElement(n.node)) continue;
    if (best < 0 || n.all_text > nodes[best].all_text) best = static_cast<int>(i);
  }
  for (int i = best; i >= 0; i = nodes[i].parent) protect[i] = true;
  return protect;
}

// Marks furniture in `nodes` and returns what was removed (the outermost element of each
// removed subtree that had text), largest first, at most `limit` entries.
std::vector<Dropped> RemoveFurniture(std::vector<PageNode>& nodes, const PageBytes& bytes,
                                     size_t limit) {
  SumAllText(nodes);
  std::vector<bool> protect = ProtectMainArticle(nodes);
  int body = FindTag(nodes, GUMBO_TAG_BODY);
  const PageNode& page = nodes[body >= 0 ? body : 0];
  std::vector<Dropped> dropped;
  for (size_t i = 0; i < nodes.size(); ++i) {
    PageNode& n = nodes[i];
    if (n.parent >= 0 && nodes[n.parent].removed) {
      n.removed = true;
      continue;
    }
    if (!n.is_element || protect[i]) continue;
    std::string_view reason = FurnitureReason(n, page);
    if (reason.empty()) continue;
    n.removed = true;
    if (n.all_text > 0) dropped.push_back({bytes.ElementSpan(n.node), std::string(reason)});
  }
  std::stable_sort(dropped.begin(), dropped.end(), [](const Dropped& a, const Dropped& b) {
    return a.original.size() > b.original.size();
  });
  if (dropped.size() > limit) dropped.resize(limit);
  SumKeptText(nodes);
  return dropped;
}

// ---------------------------------------------------------------------------------------
// 4. Choosing the article's container.

// Paragraphs shorter than this say nothing about where the article is.
constexpr uint32_t kMinParagraphText = 25;

double TagWeight(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_DIV: return 5;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: return 3;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL:
    case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM: return -3;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TH: return -5;
    default: return 0;
  }
}

double HintWeight(const GumboNode* node) {
  Hints hints = ReadHints(node);
  if (hints.content) return 25;
  if (hints.furniture) return -25;
  return 0;
}

// Blocks whose own text reads as a paragraph of the article. Headings and list items
// are left out: menus and teaser lists are made of them.
bool CountsAsParagraph(const PageNode& n) {
  return n.is_block && !n.removed && !IsHeadingTag(n.tag) && n.tag != GUMBO_TAG_LI &&
         n.tag != GUMBO_TAG_TH && n.tag != GUMBO_TAG_HTML &&
         n.inline_text >= kMinParagraphText;
}

bool CanContainArticle(const PageNode& n) {
  return n.is_element && n.tag != GUMBO_TAG_HTML &&
         n.tag != GUMBO_TAG_HEAD;
}

// Each paragraph adds points for its length and its commas (long sentences of prose) to
// its parent, half to its grandparent and a sixth to the next; a candidate then keeps the
// share of its points that is not link text. Returns the scores; 0 for non-candidates.
// The text a block holds beside nested blocks ("<div><h2>..</h2>Text<br>Text</div>") is
// a paragraph inside that block, so there the scoring starts at the block itself.
std::vector<double> ScoreCandidates(const std::vector<PageNode>& nodes) {
  std::vector<double> score(nodes.size(), 0.0);
  std::vector<bool> seen(nodes.size(), false);
  for (const PageNode& n : nodes) {
    if (!CountsAsParagraph(n)) continue;
    double link_share = static_cast<double>(n.inline_link_text) / n.inline_text;
    double points = (1.0 + n.inline_commas + std::min(n.inline_text / 100.0, 3.0)) *
                    (1.0 - link_share);
    int up = n.has_block_child && n.tag != GUMBO_TAG_P ? static_cast<int>(&n - nodes.data()) : n.parent;
    for (double divider : {1.0, 2.0, 6.0}) {
      if (up < 0 || !CanContainArticle(nodes[up])) break;
      if (!seen[up]) {
        seen[up] = true;
        score[up] = TagWeight(nodes[up].tag) + HintWeight(nodes[up].node);
      }
      score[up] += points / divider;
      up = nodes[up].parent;
    }
  }
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (!seen[i]) continue;
    score[i] *= 1.0 - LinkShare(nodes[i]);
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
std::vector<int> WithSiblings(const std::vector<PageNode>& nodes,
                              const std::vector<double>& score, int best) {
  int parent = nodes[best].parent;
  if (parent < 0) return {best};
  double threshold = std::max(10.0, score[best] * 0.2);
  std::string_view best_class = Attr(nodes[best].node, "class");
  std::vector<int> chosen;
  for (uint32_t i = parent + 1; i < nodes[parent].end; i = nodes[i].end) {
    const PageNode& n = nodes[i];
    if (!n.is_element || n.removed || n.text == 0) continue;
    double bonus = !best_class.empty() && Attr(n.node, "class") == best_class ? score[best] * 0.2 : 0;
    bool prose = n.tag == GUMBO_TAG_P && ((n.text > 80 && LinkShare(n) < 0.25) ||
                                          (n.text >= 40 && n.link_text == 0));
    if (static_cast<int>(i) == best || score[i] + bonus >= threshold || prose)
      chosen.push_back(static_cast<int>(i));
  }
  return chosen;
}

// The kept element matching `match` with the most text, or -1.
template <typename Match>
int LargestKept(const std::vector<PageNode>& nodes, Match match) {
  int best = -1;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const PageNode& n = nodes[i];
    if (n.removed || n.text == 0 || !CanContainArticle(n) || !match(n)) continue;
    if (best < 0 || n.text > nodes[best].text) best = static_cast<int>(i);
  }
  return best;
}

// The elements whose text is the article, in document order; empty when none is found.
std::vector<int> ChooseContainers(const std::vector<PageNode>& nodes) {
  std::vector<double> score = ScoreCandidates(nodes);
  int best = BestScored(score);
  uint32_t best_text = best >= 0 ? nodes[best].text : 0;
  const std::vector<int> semantic = {
      LargestKept(nodes, [](const PageNode& n) {
        return n.tag == GUMBO_TAG_ARTICLE || HasWord(Attr(n.node, "role"), "article");
      }),
      LargestKept(nodes, [](const PageNode& n) {
        return HasWord(Attr(n.node, "itemprop"), "articleBody");
      }),
      LargestKept(nodes, [](const PageNode& n) {
        return n.tag == GUMBO_TAG_MAIN || HasWord(Attr(n.node, "role"), "main");
      }),
  };
  // A semantic element wins if it is not a teaser: it must hold at least half the text
  // of the scorer's choice (teaser lists mark every item as an <article>).
  for (int candidate : semantic) {
    if (candidate < 0) continue;
    const PageNode& n = nodes[candidate];
    if (uint64_t{n.text} * 2 >= best_text && LinkShare(n) < 0.5) return {candidate};
  }
  if (best >= 0) return WithSiblings(nodes, score, best);
  // No paragraph long enough to score: a short page; take its body if it is not links.
  int body = FindTag(nodes, GUMBO_TAG_BODY);
  if (body >= 0 && !nodes[body].removed && nodes[body].text > 0 && LinkShare(nodes[body]) < 0.5)
    return {body};
  return {};
}

// ---------------------------------------------------------------------------------------
// 5. Text: entities, white space, paragraphs.

// A stretch of a text node: page bytes and the text the parser made of them.
struct TextPiece {
  uint32_t orig_begin = 0;
  uint32_t orig_size = 0;
  std::string_view clean;
  bool verbatim = false;  // clean is a byte-for-byte copy of the page bytes
};

// The next raw byte at or after `from` that the parser may have changed ('&', CR, NUL,
// '<'), or the end.
size_t NextMayDiffer(std::string_view raw, size_t from) {
  size_t at = raw.find_first_of(std::string_view("&\r\0<", 4), from);
  return at == npos ? raw.size() : at;
}

// Whether raw[i, stop) equals decoded from j on, where `stop` is NextMayDiffer; at the
// end of the raw bytes the decoded text must end too.
bool AgreeUntil(std::string_view raw, size_t i, size_t stop, std::string_view decoded, size_t j) {
  if (i > stop || j > decoded.size()) return false;
  size_t n = stop - i;
  if (decoded.size() - j < n || decoded.compare(j, n, raw, i, n) != 0) return false;
  return stop < raw.size() || j + n == decoded.size();
}

// The raw and decoded lengths of the character reference at raw[i] ('&'), or nullopt if
// the parser left it as text. Longer spellings are tried first, as the tokenizer matches
// the longest name, then the shorter legacy names written without ';' ("&copy2024").
std::optional<std::pair<size_t, size_t>> MatchReference(std::string_view raw, size_t i,
                                                        std::string_view decoded, size_t j) {
  size_t name_end = i + 1;
  if (name_end < raw.size() && raw[name_end] == '#') {
    ++name_end;
    if (name_end < raw.size() && (raw[name_end] == 'x' || raw[name_end] == 'X')) ++name_end;
    while (name_end < raw.size() && IsAsciiAlnum(raw[name_end]) && name_end - i < 16) ++name_end;
  } else {
    while (name_end < raw.size() && IsAsciiAlnum(raw[name_end]) && name_end - i < 40) ++name_end;
  }
  size_t full = name_end < raw.size() && raw[name_end] == ';' ? name_end + 1 : name_end;
  // A name holds no byte the parser changes, so every spelling tried agrees up to the
  // same point: found once, not once per spelling.
  size_t stop = NextMayDiffer(raw, i + 1);
  for (size_t end = full; end >= i + 2; --end) {
    size_t clean = 0;
    for (int code_points = 0; code_points < 2 && j + clean < decoded.size(); ++code_points) {
      clean += Utf8Length(decoded[j + clean]);  // one reference makes one or two code points
      if (AgreeUntil(raw, end, stop, decoded, j + clean)) return std::make_pair(end - i, clean);
    }
  }
  return std::nullopt;
}

// Lines up a text node's page bytes (`raw`, at page offset `at`) with gumbo's decoded
// text, so each decoded byte is traced to the page: equal runs are verbatim; a character
// reference, a CR LF pair or a NUL maps to the bytes it came from. Should the two stop
// agreeing (gumbo merges text across an ignored tag), the rest of the node becomes one
// replacement of the rest of the bytes: coarser, never wrong.
void AlignText(std::string_view raw, uint32_t at, std::string_view decoded,
               std::vector<TextPiece>* out) {
  size_t i = 0, j = 0, run = npos;
  auto flush = [&] {
    if (run != npos && i > run)
      out->push_back({at + static_cast<uint32_t>(run), static_cast<uint32_t>(i - run),
                      raw.substr(run, i - run), true});
    run = npos;
  };
  auto replace = [&](size_t raw_size, size_t clean_size) {
    flush();
    out->push_back({at + static_cast<uint32_t>(i), static_cast<uint32_t>(raw_size),
                    decoded.substr(j, clean_size), false});
    i += raw_size;
    j += clean_size;
  };
  while (i < raw.size() && j < decoded.size()) {
    char c = raw[i];
    if (c == '&') {
      if (auto ref = MatchReference(raw, i, decoded, j)) {
        replace(ref->first, ref->second);
        continue;
      }
    } else if (c == '\r') {
      replace(i + 1 < raw.size() && raw[i + 1] == '\n' ? 2 : 1, decoded[j] == '\n' ? 1 : 0);
      continue;
    } else if (c == '\0') {
      replace(1, decoded.compare(j, 3, "\xEF\xBF\xBD") == 0 ? 3 : 0);
      continue;
    }
    if (c == decoded[j]) {
      if (run == npos) run = i;
      ++i;
      ++j;
      continue;
    }
    if (IsAsciiSpace(c)) {  // dropped by the parser: the newline that opens a <pre>
      flush();
      ++i;
      continue;
    }
    size_t close = c == '<' ? raw.find('>', i) : npos;
    if (close != npos && AgreeUntil(raw, close + 1, NextMayDiffer(raw, close + 1), decoded, j)) {
      // a tag the parser ignored and left inside the text
      flush();
      i = close + 1;
      continue;
    }
    break;
  }
  flush();
  if (j < decoded.size())
    out->push_back({at + static_cast<uint32_t>(i), static_cast<uint32_t>(raw.size() - i),
                    decoded.substr(j), false});
}

// One paragraph before the debris rules have seen it: its text, and the steps that
// rebuild that text, with its map, in a CleanTextBuilder.
struct Block {
  struct Step {
    uint32_t orig_begin, orig_size, clean_begin, clean_size;
    bool verbatim;
  };
  std::string text;
  std::vector<Step> steps;
  Span original;
  uint32_t link_bytes = 0;
  GumboTag tag = GUMBO_TAG_UNKNOWN;  // the block element it came from

  bool heading() const { return IsHeadingTag(tag); }
  double link_density() const { return text.empty() ? 0.0 : double(link_bytes) / text.size(); }

  void AppendTo(CleanTextBuilder* out) const {
    for (const Step& s : steps) {
      if (s.verbatim) out->Copy(s.orig_begin, s.orig_size);
      else out->Replace(s.orig_begin, s.orig_size, std::string_view(text).substr(s.clean_begin, s.clean_size));
    }
  }
};

// Turns a stream of text pieces, line breaks and block boundaries into paragraphs:
// white-space runs become one space (none at either end), one <br> a "\n", and two
// <br>s in a row end the paragraph, as pages that lay out text with <br>s mean them.
class BlockBuilder {
 public:
  explicit BlockBuilder(std::string_view page) : page_(page) {}

  void EnterBlock(GumboTag tag) {
    EndBlock();
    tags_.push_back(tag);
  }
  void LeaveBlock() {
    EndBlock();
    if (!tags_.empty()) tags_.pop_back();
  }
  void EndBlock() {
    pending_space_.reset();
    pending_break_.reset();
    if (!current_.text.empty()) blocks_.push_back(std::move(current_));
    current_ = Block{};
  }

  void AddPiece(const TextPiece& piece, bool in_link, bool preformatted) {
    if (!piece.verbatim) {
      if (piece.clean.empty()) return;
      if (preformatted && piece.clean == "\n") AddLineBreak({piece.orig_begin, piece.orig_begin + piece.orig_size});
      else if (IsAllSpace(piece.clean)) AddSpace(piece.orig_begin, piece.orig_size);
      else AddContent(piece.orig_begin, piece.orig_size, piece.clean, false, in_link);
      return;
    }
    std::string_view s = piece.clean;
    for (size_t k = 0; k < s.size();) {
      uint32_t at = piece.orig_begin + static_cast<uint32_t>(k);
      if (size_t n = SpaceLength(s, k)) {
        if (preformatted && s[k] == '\n') AddLineBreak({at, at + 1});
        else AddSpace(at, static_cast<uint32_t>(n));
        k += n;
        continue;
      }
      size_t m = k;
      while (m < s.size() && SpaceLength(s, m) == 0) ++m;
      AddContent(at, static_cast<uint32_t>(m - k), s.substr(k, m - k), true, in_link);
      k = m;
    }
  }

  void AddLineBreak(Span at) {
    if (current_.text.empty()) return;  // a break before any text adds nothing
    if (pending_break_) {
      EndBlock();
      return;
    }
    pending_break_ = at;
    pending_space_.reset();
  }

  std::vector<Block> TakeBlocks() {
    EndBlock();
    return std::move(blocks_);
  }

 private:
  void AddSpace(uint32_t begin, uint32_t size) {
    if (current_.text.empty() || pending_break_) return;
    if (!pending_space_) pending_space_ = Span{begin, begin + size};
    else if (begin >= pending_space_->begin) pending_space_->end = std::max(pending_space_->end, begin + size);
  }

  void AddContent(uint32_t begin, uint32_t size, std::string_view clean, bool verbatim, bool in_link) {
    if (current_.text.empty()) {
      current_.tag = tags_.empty() ? GUMBO_TAG_UNKNOWN : tags_.back();
      current_.original = {begin, begin + size};
    } else if (pending_break_) {
      AddStep(pending_break_->begin, pending_break_->size(), "\n", false);
    } else if (pending_space_) {
      bool plain = pending_space_->size() == 1 && page_[pending_space_->begin] == ' ';
      AddStep(pending_space_->begin, pending_space_->size(), " ", plain);
    }
    pending_break_.reset();
    pending_space_.reset();
    AddStep(begin, size, clean, verbatim);
    if (in_link) current_.link_bytes += static_cast<uint32_t>(clean.size());
    current_.original.begin = std::min(current_.original.begin, begin);
    current_.original.end = std::max(current_.original.end, begin + size);
  }

  void AddStep(uint32_t begin, uint32_t size, std::string_view clean, bool verbatim) {
    auto clean_begin = static_cast<uint32_t>(current_.text.size());
    auto clean_size = static_cast<uint32_t>(clean.size());
    current_.text.append(clean);
    if (verbatim && !current_.steps.empty()) {
      Block::Step& last = current_.steps.back();
      if (last.verbatim && last.orig_begin + last.orig_size == begin &&
          last.clean_begin + last.clean_size == clean_begin) {
        last.orig_size += size;
        last.clean_size += clean_size;
        return;
      }
    }
    current_.steps.push_back({begin, size, clean_begin, clean_size, verbatim});
  }

  std::string_view page_;
  std::vector<GumboTag> tags_;  // the open block elements, innermost last
  std::vector<Block> blocks_;
  Block current_;
  std::optional<Span> pending_space_, pending_break_;
};

// Feeds the kept text of the container's subtree to `builder`, in document order.
void CollectBlocks(const std::vector<PageNode>& nodes, const PageBytes& bytes, int container,
                   BlockBuilder* builder) {
  std::vector<int> open;  // entered elements, innermost last
  int pre_depth = 0;
  std::vector<TextPiece> pieces;
  auto leave = [&](int k) {
    if (nodes[k].tag == GUMBO_TAG_PRE) --pre_depth;
    if (nodes[k].is_block) builder->LeaveBlock();
  };
  for (uint32_t i = container; i < nodes[container].end;) {
    const PageNode& n = nodes[i];
    while (!open.empty() && n.parent != open.back()) {
      leave(open.back());
      open.pop_back();
    }
    if (n.removed || n.opaque) {
      i = n.end;
      continue;
    }
    if (n.is_text) {
      const GumboText& t = n.node->v.text;
      Span raw = bytes.PieceSpan(t.original_text);
      pieces.clear();
      AlignText(bytes.Slice(raw), raw.begin, t.text, &pieces);
      for (const TextPiece& piece : pieces) builder->AddPiece(piece, n.in_link, pre_depth > 0);
      ++i;
      continue;
    }
    if (n.tag == GUMBO_TAG_BR) {
      builder->AddLineBreak(bytes.ElementSpan(n.node));
      i = n.end;
      continue;
    }
    if (n.is_block) builder->EnterBlock(n.tag);
    if (n.tag == GUMBO_TAG_PRE) ++pre_depth;
    open.push_back(static_cast<int>(i));
    ++i;
  }
  while (!open.empty()) {
    leave(open.back());
    open.pop_back();
  }
  builder->EndBlock();
}

// ---------------------------------------------------------------------------------------
// 6. Metadata.

// A value read from the page and the page bytes it was read from.
struct Found {
  std::string value;
  Span where;
};

// Everything the metadata rules look at, gathered in one pass over the page.
struct PageFacts {
  std::map<std::string, std::vector<Found>> meta;  // "og:title" -> contents, in page order
  std::vector<Found> itemprop_published;
  std::optional<Found> language, canonical, title_tag, first_h1, first_time;
  std::vector<Found> rel_authors, bylines;
  std::vector<Found> json_ld;  // raw script bodies
};

// Visible text longer than this is not a metadata value (a "byline" class on a wrapper).
constexpr size_t kMaxFactText = 2000;

// The text of the element's subtree, collapsed, with the page bytes from its first text
// to its last.
std::optional<Found> ElementText(const std::vector<PageNode>& nodes, const PageBytes& bytes,
                                 int element) {
  std::string text;
  Span where{std::numeric_limits<uint32_t>::max(), 0};
  for (uint32_t i = element + 1; i < nodes[element].end && text.size() < kMaxFactText; ++i) {
    const PageNode& n = nodes[i];
    if (!n.is_text) {
      if (n.is_block) text.push_back(' ');
      continue;
    }
    text.append(n.node->v.text.text);
    Span raw = bytes.PieceSpan(n.node->v.text.original_text);
    if (n.own_text == 0) continue;
    where.begin = std::min(where.begin, raw.begin);
    where.end = std::max(where.end, raw.end);
  }
  std::string value = CollapseSpace(text);
  if (value.empty() || value.size() > kMaxFactText) return std::nullopt;
  return Found{std::move(value), where};
}

std::optional<Found> AttrFound(const PageBytes& bytes, const GumboNode* node, const char* name) {
  std::string value = CollapseSpace(Attr(node, name));
  if (value.empty()) return std::nullopt;
  return Found{std::move(value), bytes.AttrValueSpan(node, name)};
}

// The raw text of an element whose content gumbo keeps as one text node (<title>,
// <script>), uncollapsed.
std::optional<Found> RawChildText(const PageBytes& bytes, const GumboNode* node) {
  const GumboVector& children = node->v.element.children;
  if (children.length == 0) return std::nullopt;
  const auto* child = static_cast<const GumboNode*>(children.data[0]);
  if (child->type != GUMBO_NODE_TEXT && child->type != GUMBO_NODE_WHITESPACE) return std::nullopt;
  Span span = bytes.PieceSpan(child->v.text.original_text);
  return Found{std::string(bytes.Slice(span)), span};
}

// <title> holds one text node; gumbo has decoded its entities.
std::optional<Found> TitleText(const PageBytes& bytes, const GumboNode* node) {
  std::optional<Found> title = RawChildText(bytes, node);
  if (!title) return std::nullopt;
  const auto* child = static_cast<const GumboNode*>(node->v.element.children.data[0]);
  title->value = CollapseSpace(child->v.text.text);
  if (title->value.empty()) return std::nullopt;
  return title;
}

void GatherMeta(const PageBytes& bytes, const GumboNode* node, PageFacts* facts) {
  std::optional<Found> content = AttrFound(bytes, node, "content");
  if (!content) return;
  for (const char* key_attr : {"property", "name", "itemprop"}) {
    std::string key = Lower(TrimAscii(Attr(node, key_attr)));
    if (key.empty()) continue;
    if (key == "datepublished") facts->itemprop_published.push_back(*content);
    else facts->meta[key].push_back(*content);
  }
}

void GatherElement(const std::vector<PageNode>& nodes, const PageBytes& bytes, int i,
                   PageFacts* facts) {
  const PageNode& n = nodes[i];
  const GumboNode* node = n.node;
  switch (n.tag) {
    case GUMBO_TAG_HTML:
      if (!facts->language) facts->language = AttrFound(bytes, node, "lang");
      return;
    case GUMBO_TAG_META:
      GatherMeta(bytes, node, facts);
      return;
    case GUMBO_TAG_LINK:
      if (!facts->canonical && HasWord(Attr(node, "rel"), "canonical"))
        facts->canonical = AttrFound(bytes, node, "href");
      break;
    case GUMBO_TAG_TITLE:
      if (!facts->title_tag) facts->title_tag = TitleText(bytes, node);
      return;
    case GUMBO_TAG_SCRIPT:
      if (FindIgnoreCase(Attr(node, "type"), "ld+json") != npos)
        if (auto body = RawChildText(bytes, node)) facts->json_ld.push_back(std::move(*body));
      return;
    case GUMBO_TAG_H1:
      if (!facts->first_h1 && !n.removed) facts->first_h1 = ElementText(nodes, bytes, i);
      break;
    case GUMBO_TAG_TIME:
      if (!facts->first_time && !n.removed) facts->first_time = AttrFound(bytes, node, "datetime");
      break;
    default:
      break;
  }
  if (HasWord(Attr(node, "itemprop"), "datePublished")) {
    std::optional<Found> date = AttrFound(bytes, node, "datetime");
    if (!date) date = AttrFound(bytes, node, "content");
    if (!date) date = ElementText(nodes, bytes, i);
    if (date) facts->itemprop_published.push_back(std::move(*date));
  }
  if (n.tag != GUMBO_TAG_LINK && HasWord(Attr(node, "rel"), "author"))
    if (auto name = ElementText(nodes, bytes, i)) facts->rel_authors.push_back(std::move(*name));
  if (facts->bylines.size() < 3 && FindIgnoreCase(Attr(node, "class"), "byline") != npos)
    if (auto line = ElementText(nodes, bytes, i)) facts->bylines.push_back(std::move(*line));
}

PageFacts GatherFacts(const std::vector<PageNode>& nodes, const PageBytes& bytes) {
  PageFacts facts;
  for (size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].is_element) GatherElement(nodes, bytes, static_cast<int>(i), &facts);
  return facts;
}

// JSON-LD (schema.org in a <script type="application/ld+json">).

using Json = nlohmann::json;
using JsonIds = std::map<std::string, const Json*>;

// What a page's JSON-LD says about its article.
struct JsonLdArticle {
  std::optional<Found> headline, published, modified, publisher;
  std::vector<Found> authors;
};

// Parses a script as JSON. Some sites wrap it in comment or CDATA markers
// ("//<![CDATA[ {...} //]]>"), so the object or array inside is tried, the one that
// starts first before the other. A discarded value when neither parses.
Json ParseJsonLd(std::string_view script) {
  auto part = [&](char open, char close) -> std::pair<size_t, std::string_view> {
    size_t begin = script.find(open);
    size_t end = script.rfind(close);
    if (begin == npos || end == npos || end < begin) return {npos, {}};
    return {begin, script.substr(begin, end + 1 - begin)};
  };
  auto object = part('{', '}');
  auto array = part('[', ']');
  if (array.first < object.first) std::swap(object, array);
  for (const auto& candidate : {object, array}) {
    if (candidate.first == npos) continue;
    Json doc = Json::parse(candidate.second, nullptr, /*allow_exceptions=*/false);
    if (!doc.is_discarded()) return doc;
  }
  return Json(Json::value_t::discarded);
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// NewsArticle, ReportageNewsArticle, Article, BlogPosting, LiveBlogPosting, and the
// same written as full schema.org URLs.
bool IsArticleType(const Json& object) {
  auto type = object.find("@type");
  if (type == object.end()) return false;
  auto is_article = [](const Json& t) {
    if (!t.is_string()) return false;
    const std::string& s = t.get_ref<const std::string&>();
    return EndsWith(s, "Article") || EndsWith(s, "BlogPosting");
  };
  if (type->is_array()) return std::any_of(type->begin(), type->end(), is_article);
  return is_article(*type);
}

// The objects of a JSON-LD document: itself, the items of arrays, the nodes of an @graph
// and a page's mainEntity; breadth first and bounded, as the input is untrusted.
std::vector<const Json*> CollectObjects(const Json& root) {
  constexpr size_t kMaxValues = 2000;
  constexpr int kMaxDepth = 5;
  std::vector<const Json*> objects;
  std::vector<std::pair<const Json*, int>> queue = {{&root, 0}};
  for (size_t k = 0; k < queue.size() && queue.size() < kMaxValues; ++k) {
    auto [value, depth] = queue[k];
    if (depth > kMaxDepth) continue;
    if (value->is_array()) {
      for (const Json& item : *value) queue.push_back({&item, depth + 1});
      continue;
    }
    if (!value->is_object()) continue;
    objects.push_back(value);
    for (const char* key : {"@graph", "mainEntity", "mainEntityOfPage"}) {
      auto it = value->find(key);
      if (it != value->end() && (it->is_array() || it->is_object())) queue.push_back({&*it, depth + 1});
    }
  }
  return objects;
}

std::string StringField(const Json& object, const char* key) {
  if (!object.is_object()) return {};
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

JsonIds IndexIds(const std::vector<const Json*>& objects) {
  JsonIds ids;
  for (const Json* object : objects) {
    std::string id = StringField(*object, "@id");
    if (!id.empty()) ids.emplace(std::move(id), object);
  }
  return ids;
}

// "Jane Doe", {"name": "Jane Doe"}, or {"@id": "#jane"} naming a node elsewhere in the
// graph (as Yoast and other CMS plugins write it).
std::string NameOf(const Json& value, const JsonIds& ids) {
  if (value.is_string()) return value.get<std::string>();
  std::string name = StringField(value, "name");
  if (!name.empty()) return name;
  auto it = ids.find(StringField(value, "@id"));
  if (it == ids.end() || it->second == &value) return {};
  return StringField(*it->second, "name");
}

// Where `"key": "value"` is written in the script, for evidence; the whole script when
// the value is written in a way this search does not see.
Span JsonValueSpan(const Found& script, std::string_view key, std::string_view value) {
  std::string_view raw = script.value;
  std::string quoted_key = "\"" + std::string(key) + "\"";
  for (size_t at = raw.find(quoted_key); at != npos; at = raw.find(quoted_key, at + 1)) {
    size_t k = at + quoted_key.size();
    while (k < raw.size() && IsAsciiSpace(raw[k])) ++k;
    if (k >= raw.size() || raw[k] != ':') continue;
    ++k;
    while (k < raw.size() && IsAsciiSpace(raw[k])) ++k;
    if (k >= raw.size() || raw[k] != '"') continue;
    size_t close = k + 1;
    while (close < raw.size() && raw[close] != '"') close += raw[close] == '\\' ? 2 : 1;
    if (close >= raw.size()) break;
    Json literal = Json::parse(raw.substr(k, close + 1 - k), nullptr, /*allow_exceptions=*/false);
    if (literal.is_string() && literal.get_ref<const std::string&>() == value)
      return {script.where.begin + static_cast<uint32_t>(k + 1),
              script.where.begin + static_cast<uint32_t>(close)};
  }
  return script.where;
}

std::optional<Found> JsonString(const Found& script, const Json& object, const char* key) {
  std::string value = StringField(object, key);
  std::string clean = CollapseSpace(value);
  if (clean.empty()) return std::nullopt;
  return Found{std::move(clean), JsonValueSpan(script, key, value)};
}

std::optional<Found> JsonName(const Found& script, const Json& value, const char* key,
                              const JsonIds& ids) {
  std::string name = NameOf(value, ids);
  std::string clean = CollapseSpace(name);
  if (clean.empty()) return std::nullopt;
  return Found{std::move(clean), JsonValueSpan(script, value.is_string() ? key : "name", name)};
}

std::optional<JsonLdArticle> ReadJsonLdScript(const Found& script) {
  Json doc = ParseJsonLd(script.value);
  if (doc.is_discarded()) return std::nullopt;
  std::vector<const Json*> objects = CollectObjects(doc);
  auto found = std::find_if(objects.begin(), objects.end(),
                            [](const Json* o) { return IsArticleType(*o); });
  if (found == objects.end()) return std::nullopt;
  const Json& object = **found;
  JsonIds ids = IndexIds(objects);
  JsonLdArticle article;
  article.headline = JsonString(script, object, "headline");
  article.published = JsonString(script, object, "datePublished");
  article.modified = JsonString(script, object, "dateModified");
  if (auto author = object.find("author"); author != object.end()) {
    auto add = [&](const Json& one) {
      if (auto name = JsonName(script, one, "author", ids)) article.authors.push_back(std::move(*name));
    };
    if (author->is_array()) std::for_each(author->begin(), author->end(), add);
    else add(*author);
  }
  if (auto publisher = object.find("publisher"); publisher != object.end())
    article.publisher = JsonName(script, *publisher, "publisher", ids);
  return article;
}

// The first script that describes an article wins; scripts that do not parse are skipped,
// never fatal.
JsonLdArticle ReadJsonLd(const std::vector<Found>& scripts) {
  for (const Found& script : scripts) {
    try {
      if (auto article = ReadJsonLdScript(script)) return std::move(*article);
    } catch (const std::exception&) {
      // nlohmann throws on type mismatches deep in odd documents; this script is skipped.
    }
  }
  return {};
}

// Choosing each field from its sources, in order of trust.

const Found* FirstMeta(const PageFacts& facts, std::string_view key) {
  auto it = facts.meta.find(std::string(key));
  return it != facts.meta.end() && !it->second.empty() ? &it->second.front() : nullptr;
}

const Found* Ptr(const std::optional<Found>& found) { return found ? &*found : nullptr; }

// The part of `where` that holds `value` verbatim, or `where` when entities or white space
// make them differ.
Span Narrow(const PageBytes& bytes, Span where, std::string_view value) {
  size_t at = value.empty() ? npos : bytes.Slice(where).find(value);
  if (at == npos) return where;
  auto begin = where.begin + static_cast<uint32_t>(at);
  return {begin, begin + static_cast<uint32_t>(value.size())};
}

bool SetFirst(std::initializer_list<const Found*> sources, const char* name, std::string* field,
              Metadata* meta) {
  for (const Found* found : sources) {
    if (!found || found->value.empty()) continue;
    *field = found->value;
    meta->evidence[name] = found->where;
    return true;
  }
  return false;
}

// Splits "Headline | Site" at its last separator into {headline, site}.
std::optional<std::pair<std::string_view, std::string_view>> SplitSiteSuffix(std::string_view title) {
  static constexpr std::string_view kSeparators[] = {
      " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ", " \xC2\xBB ",
      " \xE2\x80\xA2 "};
  size_t best = npos, separator = 0;
  for (std::string_view sep : kSeparators) {
    size_t at = title.rfind(sep);
    if (at != npos && (best == npos || at > best)) {
      best = at;
      separator = sep.size();
    }
  }
  if (best == npos) return std::nullopt;
  return std::make_pair(TrimAscii(title.substr(0, best)), TrimAscii(title.substr(best + separator)));
}

// The title without a trailing " | Site": cut when the suffix names the site or, unless
// `only_site`, when it is short and leaves a headline of three words or more.
std::string StripSiteSuffix(std::string_view title, std::string_view site, bool only_site) {
  auto split = SplitSiteSuffix(title);
  if (!split) return std::string(title);
  auto [head, suffix] = *split;
  bool names_site = !site.empty() && !suffix.empty() &&
                    (FindIgnoreCase(site, Lower(suffix)) != npos ||
                     FindIgnoreCase(suffix, Lower(site)) != npos);
  bool looks_like_site = !only_site && CountWords(suffix) <= 4 && CountWords(head) >= 3;
  return names_site || looks_like_site ? std::string(head) : std::string(title);
}

void ChooseTitle(const PageFacts& facts, const JsonLdArticle& ld, const PageBytes& bytes,
                 Metadata* meta) {
  std::vector<Found> candidates;
  for (const char* key : {"og:title", "twitter:title"})
    if (const Found* f = FirstMeta(facts, key))
      candidates.push_back({StripSiteSuffix(f->value, meta->source, true), f->where});
  if (ld.headline) candidates.push_back(*ld.headline);
  if (facts.title_tag)
    candidates.push_back({StripSiteSuffix(facts.title_tag->value, meta->source, false),
                          facts.title_tag->where});
  if (facts.first_h1) candidates.push_back(*facts.first_h1);
  for (Found& c : candidates) {
    if (c.value.empty()) continue;
    meta->title = c.value;
    meta->evidence["title"] = Narrow(bytes, c.where, c.value);
    return;
  }
}

struct DateSource {
  const Found* found;
  std::string found_in;
};

// The first source whose value reads as a date.
bool SetFirstDate(const std::vector<DateSource>& sources, const char* name,
                  std::optional<DateTime>* field, Metadata* meta) {
  for (const DateSource& source : sources) {
    if (!source.found) continue;
    std::optional<DateTime> date = ParseDate(source.found->value);
    if (!date) continue;
    date->found_in = source.found_in;
    *field = std::move(date);
    meta->evidence[name] = source.found->where;
    return true;
  }
  return false;
}

void ChooseDates(const PageFacts& facts, const JsonLdArticle& ld, Metadata* meta) {
  std::vector<DateSource> published = {
      {FirstMeta(facts, "article:published_time"), "meta:article:published_time"},
      {Ptr(ld.published), "json-ld:datePublished"}};
  for (const char* key : {"date", "pubdate", "publishdate", "dc.date.issued", "sailthru.date",
                          "parsely-pub-date"})
    published.push_back({FirstMeta(facts, key), std::string("meta:") + key});
  for (const Found& f : facts.itemprop_published) published.push_back({&f, "itemprop:datePublished"});
  published.push_back({Ptr(facts.first_time), "time:datetime"});
  SetFirstDate(published, "published", &meta->published, meta);

  std::vector<DateSource> modified = {
      {FirstMeta(facts, "article:modified_time"), "meta:article:modified_time"},
      {Ptr(ld.modified), "json-ld:dateModified"},
      {FirstMeta(facts, "og:updated_time"), "meta:og:updated_time"}};
  SetFirstDate(modified, "modified", &meta->modified, meta);
}

bool LooksLikeUrl(std::string_view s) {
  return s.find("://") != npos || s.substr(0, 4) == "www." || (!s.empty() && s.front() == '/');
}

// "By Jane Doe and John Roe · 16 September 2024" gives "Jane Doe" and "John Roe".
std::vector<std::string> NamesInByline(std::string_view line) {
  std::string text(line);
  for (std::string_view sep : {"\xC2\xB7", "|", "\xE2\x80\xA2", " - ", " \xE2\x80\x93 ",
                               " \xE2\x80\x94 ", "/", "\n"}) {
    size_t at = text.find(sep);
    if (at != npos) text.resize(at);
  }
  if (auto date = FindDateInText(text); date && date->begin <= text.size()) text.resize(date->begin);
  std::string_view rest = TrimAscii(text);
  size_t by = FindIgnoreCase(rest, "by ");
  if (by != npos && by <= 12 && (by == 0 || rest[by - 1] == ' ')) rest = rest.substr(by + 3);
  std::string list(rest);
  for (std::string_view joiner : {" and ", " & "}) {
    for (size_t at = list.find(joiner); at != npos; at = list.find(joiner, at))
      list.replace(at, joiner.size(), ",");
  }
  std::vector<std::string> names;
  size_t start = 0;
  for (size_t i = 0; i <= list.size(); ++i) {
    if (i < list.size() && list[i] != ',' && list[i] != ';') continue;
    std::string name(TrimAscii(std::string_view(list).substr(start, i - start)));
    start = i + 1;
    bool has_digit = std::any_of(name.begin(), name.end(), IsAsciiDigit);
    size_t words = CountWords(name);
    if (!has_digit && words >= 1 && words <= 5 && name.size() <= 60) names.push_back(name);
  }
  return names;
}

void ChooseAuthors(const PageFacts& facts, const JsonLdArticle& ld, const PageBytes& bytes,
                   Metadata* meta) {
  std::vector<Found> found;
  if (auto it = facts.meta.find("author"); it != facts.meta.end())
    found.insert(found.end(), it->second.begin(), it->second.end());
  if (auto it = facts.meta.find("article:author"); it != facts.meta.end())
    for (const Found& f : it->second)
      if (!LooksLikeUrl(f.value)) found.push_back(f);
  found.insert(found.end(), ld.authors.begin(), ld.authors.end());
  // Text on the page is the last resort: it needs cleaning ("By ... · date").
  for (const std::vector<Found>* lines : {&facts.rel_authors, &facts.bylines}) {
    if (!found.empty()) break;
    for (const Found& line : *lines)
      for (std::string& name : NamesInByline(line.value))
        found.push_back({name, Narrow(bytes, line.where, name)});
  }
  for (const Found& f : found) {
    bool seen = std::any_of(meta->authors.begin(), meta->authors.end(),
                            [&](const std::string& a) { return EqualsIgnoreCase(a, f.value); });
    if (seen) continue;
    if (meta->authors.empty()) meta->evidence["authors"] = f.where;
    meta->authors.push_back(f.value);
  }
}

Metadata ReadMetadata(const std::vector<PageNode>& nodes, const PageBytes& bytes) {
  PageFacts facts = GatherFacts(nodes, bytes);
  JsonLdArticle ld = ReadJsonLd(facts.json_ld);
  Metadata meta;
  // The site's name first: the title rules use it to recognise a " | Site" suffix.
  SetFirst({FirstMeta(facts, "og:site_name"), Ptr(ld.publisher)}, "source", &meta.source, &meta);
  ChooseTitle(facts, ld, bytes, &meta);
  ChooseDates(facts, ld, &meta);
  ChooseAuthors(facts, ld, bytes, &meta);
  SetFirst({Ptr(facts.canonical), FirstMeta(facts, "og:url")}, "url", &meta.url, &meta);
  SetFirst({Ptr(facts.language)}, "language", &meta.language, &meta);
  SetFirst({FirstMeta(facts, "og:description"), FirstMeta(facts, "description"),
            FirstMeta(facts, "twitter:description")},
           "description", &meta.description, &meta);
  return meta;
}

// ---------------------------------------------------------------------------------------
// Putting the text together.

// At most this many removed furniture subtrees are reported, the largest first: enough to
// audit a page without listing every share button.
constexpr size_t kMaxFurnitureDrops = 40;


// Before the first block this long come the headline, kicker and byline; a block this
// long is a paragraph of the story.
constexpr size_t kMinStoryBlock = 160;

bool BeforeStory(const Block& block) {
  return block.heading() || block.text.size() < kMinStoryBlock;
}

// The headline: an <h1> before the story's first paragraph repeats Metadata::title.
void MarkHeadline(const std::vector<Block>& blocks, std::vector<std::string>* reasons) {
  for (size_t k = 0; k < blocks.size() && BeforeStory(blocks[k]); ++k)
    if (blocks[k].tag == GUMBO_TAG_H1) (*reasons)[k] = "html: headline";
}

bool LooksLikeByline(std::string_view text, const std::vector<std::string>& authors) {
  bool names_author = std::any_of(authors.begin(), authors.end(), [&](const std::string& a) {
    return !a.empty() && FindIgnoreCase(text, Lower(a)) != npos;
  });
  if (names_author || FindIgnoreCase(text.substr(0, 3), "by ") == 0) return true;
  std::optional<FoundDate> date = FindDateInText(text);
  return date && (date->end - date->begin) * 2 >= text.size();  // little but a date
}

// Bylines: short blocks before the article's first long paragraph that name an author,
// start with "By", or hold little but a date ("By Jane Doe - 11/19/19 06:56 AM").
void MarkBylines(const std::vector<Block>& blocks, const Metadata& meta,
                 std::vector<std::string>* reasons) {
  for (size_t k = 0; k < blocks.size() && BeforeStory(blocks[k]); ++k)
    if ((*reasons)[k].empty() && blocks[k].text.size() < kMinStoryBlock &&
        LooksLikeByline(blocks[k].text, meta.authors))
      (*reasons)[k] = "html: byline";
}

// Runs the shared debris rules over the blocks not already left out.
void MarkDebris(const std::vector<Block>& blocks, std::vector<std::string>* reasons) {
  std::vector<TextBlock> input;
  std::vector<size_t> which;
  for (size_t k = 0; k < blocks.size(); ++k) {
    if (!(*reasons)[k].empty()) continue;
    const Block& b = blocks[k];
    input.push_back({b.original, b.text, b.heading(), b.link_density()});
    which.push_back(k);
  }
  std::vector<std::string> verdicts = ClassifyDebris(input);
  for (size_t m = 0; m < which.size() && m < verdicts.size(); ++m)
    (*reasons)[which[m]] = std::move(verdicts[m]);
}

// Joins the kept blocks with "\n\n" (anchored where the previous block ends) and records
// the others as dropped.
void AssembleText(const std::vector<Block>& blocks, const std::vector<std::string>& reasons,
                  std::string_view buffer, HtmlArticle* article) {
  CleanTextBuilder out(buffer);
  const Block* previous = nullptr;
  for (size_t k = 0; k < blocks.size(); ++k) {
    if (!reasons[k].empty()) {
      article->dropped.push_back({blocks[k].original, reasons[k]});
      continue;
    }
    if (previous) out.Insert(previous->original.end, "\n\n");
    blocks[k].AppendTo(&out);
    previous = &blocks[k];
  }
  article->text = out.TakeText();
  article->map = out.TakeMap();
}

}  // namespace

std::string SniffHtmlCharset(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 1024);
  for (size_t at = FindIgnoreCase(head, "<meta"); at != npos; at = FindIgnoreCase(head, "<meta", at + 5)) {
    size_t close = head.find('>', at);
    std::string_view tag = head.substr(at, close == npos ? npos : close - at);
    // Both forms carry "charset=": <meta charset="utf-8"> and the http-equiv
    // content="text/html; charset=windows-1252".
    for (size_t cs = FindIgnoreCase(tag, "charset"); cs != npos; cs = FindIgnoreCase(tag, "charset", cs + 7)) {
      size_t k = cs + 7;
      while (k < tag.size() && IsAsciiSpace(tag[k])) ++k;
      if (k >= tag.size() || tag[k] != '=') continue;
      ++k;
      while (k < tag.size() && (IsAsciiSpace(tag[k]) || tag[k] == '"' || tag[k] == '\'')) ++k;
      size_t end = k;
      while (end < tag.size() && (IsAsciiAlnum(tag[end]) || std::string_view("-_.:").find(tag[end]) != npos)) ++end;
      if (end > k) return Lower(tag.substr(k, end - k));
    }
  }
  return "";
}

Result<HtmlArticle> ExtractHtml(std::string_view html) {
  if (html.size() >= std::numeric_limits<uint32_t>::max())
    return Status(Code::kTooLarge, "an HTML page of 4 GiB or more");
  std::optional<std::string> capped = CapNestingDepth(html);
  std::string_view buffer = capped ? std::string_view(*capped) : html;
  GumboTree tree(buffer);
  if (!tree.document()) return Status(Code::kParse, "the HTML parser failed on this page");

  PageBytes bytes(buffer);
  std::vector<PageNode> nodes = IndexPage(tree.document());
  HtmlArticle article;
  article.dropped = RemoveFurniture(nodes, bytes, kMaxFurnitureDrops);
  article.meta = ReadMetadata(nodes, bytes);

  BlockBuilder builder(buffer);
  for (int container : ChooseContainers(nodes)) CollectBlocks(nodes, bytes, container, &builder);
  std::vector<Block> blocks = builder.TakeBlocks();
  std::vector<std::string> reasons(blocks.size());
  MarkHeadline(blocks, &reasons);
  MarkBylines(blocks, article.meta, &reasons);
  MarkDebris(blocks, &reasons);
  AssembleText(blocks, reasons, buffer, &article);
  std::stable_sort(article.dropped.begin(), article.dropped.end(),
                   [](const Dropped& a, const Dropped& b) { return a.original.begin < b.original.begin; });
  return article;
}

}  // namespace sitrep
