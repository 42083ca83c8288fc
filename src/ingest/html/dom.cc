// Tree building: from tokens to the flat node array. The HTML standard's tree
// construction is a state machine of some twenty insertion modes; the reader needs far
// less of it, because all it asks of the tree is which text belongs to which block.
// What is kept, and why:
//  - Implied end tags, so that blocks on pages that never close their <p>, <li> or <td>
//    come out as the siblings a browser shows, not nested ever deeper.
//  - Scope: an end tag closes the nearest open element of its name, but never reaches
//    past a table cell or a block for an inline element ("</b>" cannot close a <div>),
//    and an end tag that matches nothing is ignored.
//  - One <html>, <head> and <body>; content that cannot be in <head> closes it.
//  - "Breakout" tags that leave <svg> and <math> (an unclosed <svg> icon must not
//    swallow the article).
// What is left out: foster parenting and the re-opening of formatting elements. Both
// move or clone nodes, and the reader prefers every node in source order, with its bytes.
#include "ingest/html/dom.h"

#include <algorithm>

#include "ingest/html/entities.h"
#include "ingest/html/strings.h"
#include "ingest/html/tokenizer.h"

namespace sitrep::html {
namespace {

// Elements the standard calls "special": an inline end tag does not close past them.
bool IsSpecial(Tag tag) {
  switch (tag) {
    case Tag::k_address: case Tag::k_applet: case Tag::k_area: case Tag::k_article: case Tag::k_aside:
    case Tag::k_base: case Tag::k_basefont: case Tag::k_bgsound: case Tag::k_blockquote: case Tag::k_body:
    case Tag::k_br: case Tag::k_button: case Tag::k_caption: case Tag::k_center: case Tag::k_col:
    case Tag::k_colgroup: case Tag::k_dd: case Tag::k_details: case Tag::k_dir: case Tag::k_div:
    case Tag::k_dl: case Tag::k_dt: case Tag::k_embed: case Tag::k_fieldset: case Tag::k_figcaption:
    case Tag::k_figure: case Tag::k_footer: case Tag::k_form: case Tag::k_frame: case Tag::k_frameset:
    case Tag::k_h1: case Tag::k_h2: case Tag::k_h3: case Tag::k_h4: case Tag::k_h5: case Tag::k_h6:
    case Tag::k_head: case Tag::k_header: case Tag::k_hgroup: case Tag::k_hr: case Tag::k_html:
    case Tag::k_iframe: case Tag::k_img: case Tag::k_input: case Tag::k_keygen: case Tag::k_li:
    case Tag::k_link: case Tag::k_listing: case Tag::k_main: case Tag::k_marquee: case Tag::k_menu:
    case Tag::k_meta: case Tag::k_nav: case Tag::k_noembed: case Tag::k_noframes: case Tag::k_noscript:
    case Tag::k_object: case Tag::k_ol: case Tag::k_p: case Tag::k_param: case Tag::k_plaintext:
    case Tag::k_pre: case Tag::k_script: case Tag::k_search: case Tag::k_section: case Tag::k_select:
    case Tag::k_source: case Tag::k_style: case Tag::k_summary: case Tag::k_table: case Tag::k_tbody:
    case Tag::k_td: case Tag::k_template: case Tag::k_textarea: case Tag::k_tfoot: case Tag::k_th:
    case Tag::k_thead: case Tag::k_title: case Tag::k_tr: case Tag::k_track: case Tag::k_ul:
    case Tag::k_wbr: case Tag::k_xmp:
      return true;
    default:
      return false;
  }
}

// Start tags that close an open <p> (the standard's "close a p element in button scope").
bool ClosesParagraph(Tag tag) {
  switch (tag) {
    case Tag::k_address: case Tag::k_article: case Tag::k_aside: case Tag::k_blockquote:
    case Tag::k_center: case Tag::k_details: case Tag::k_dialog: case Tag::k_dir: case Tag::k_div:
    case Tag::k_dl: case Tag::k_fieldset: case Tag::k_figcaption: case Tag::k_figure: case Tag::k_footer:
    case Tag::k_header: case Tag::k_hgroup: case Tag::k_main: case Tag::k_menu: case Tag::k_nav:
    case Tag::k_ol: case Tag::k_p: case Tag::k_search: case Tag::k_section: case Tag::k_summary:
    case Tag::k_ul: case Tag::k_h1: case Tag::k_h2: case Tag::k_h3: case Tag::k_h4: case Tag::k_h5:
    case Tag::k_h6: case Tag::k_pre: case Tag::k_listing: case Tag::k_form: case Tag::k_plaintext:
    case Tag::k_table: case Tag::k_hr: case Tag::k_xmp: case Tag::k_li: case Tag::k_dd: case Tag::k_dt:
      return true;
    default:
      return false;
  }
}

// Start tags that leave <svg> or <math> content (the standard's foreign-content breakout).
bool BreaksOutOfForeign(Tag tag) {
  switch (tag) {
    case Tag::k_b: case Tag::k_big: case Tag::k_blockquote: case Tag::k_body: case Tag::k_br:
    case Tag::k_center: case Tag::k_code: case Tag::k_dd: case Tag::k_div: case Tag::k_dl: case Tag::k_dt:
    case Tag::k_em: case Tag::k_embed: case Tag::k_h1: case Tag::k_h2: case Tag::k_h3: case Tag::k_h4:
    case Tag::k_h5: case Tag::k_h6: case Tag::k_head: case Tag::k_hr: case Tag::k_i: case Tag::k_img:
    case Tag::k_li: case Tag::k_listing: case Tag::k_menu: case Tag::k_meta: case Tag::k_nobr: case Tag::k_ol:
    case Tag::k_p: case Tag::k_pre: case Tag::k_ruby: case Tag::k_s: case Tag::k_small: case Tag::k_span:
    case Tag::k_strong: case Tag::k_strike: case Tag::k_sub: case Tag::k_sup: case Tag::k_table:
    case Tag::k_tt: case Tag::k_u: case Tag::k_ul: case Tag::k_var:
      return true;
    default:
      return false;
  }
}

bool BelongsInHead(Tag tag) {
  switch (tag) {
    case Tag::k_base: case Tag::k_basefont: case Tag::k_bgsound: case Tag::k_link: case Tag::k_meta:
    case Tag::k_noframes: case Tag::k_script: case Tag::k_style: case Tag::k_template: case Tag::k_title:
    case Tag::k_noscript:
      return true;
    default:
      return false;
  }
}

// The boundaries of the standard's scopes: a search for an open element stops there.
enum class Scope { kDefault, kButton, kListItem, kTable };

bool BoundsScope(Tag tag, Scope scope) {
  switch (tag) {
    case Tag::k_html: case Tag::k_table: case Tag::k_template:
      return true;
    case Tag::k_applet: case Tag::k_caption: case Tag::k_td: case Tag::k_th: case Tag::k_marquee:
    case Tag::k_object:
      return scope != Scope::kTable;
    case Tag::k_button:
      return scope == Scope::kButton;
    case Tag::k_ol: case Tag::k_ul:
      return scope == Scope::kListItem;
    default:
      return false;
  }
}

}  // namespace

class TreeBuilder {
 public:
  TreeBuilder(std::string_view html, Page* page) : html_(html), page_(page), tokenizer_(html) {}

  void Build() {
    page_->nodes_.push_back(Node{});  // the document
    open_.push_back(0);
    for (;;) {
      Token token = tokenizer_.Next(&attributes_);
      if (token.kind == Token::Kind::kEnd) break;
      switch (token.kind) {
        case Token::Kind::kText:
          if (!drop_next_text_) AddText(token.span, raw_text_next_);
          break;
        case Token::Kind::kStartTag: StartTag(token); break;
        case Token::Kind::kEndTag: EndTag(token); break;
        case Token::Kind::kEnd: break;
      }
      if (token.kind == Token::Kind::kText) raw_text_next_ = drop_next_text_ = false;
    }
    auto end = static_cast<uint32_t>(html_.size());
    while (open_.size() > 1) Pop(end);
    Close(0, end);
  }

 private:
  Node& current() { return page_->nodes_[open_.back()]; }
  Tag current_tag() const { return page_->nodes_[open_.back()].tag; }
  // Inside <svg> or <math> (an element there is marked foreign, the root included).
  bool in_foreign() const { return page_->nodes_[open_.back()].foreign; }

  void Close(size_t i, uint32_t source_end) {
    Node& node = page_->nodes_[i];
    node.end = static_cast<uint32_t>(page_->nodes_.size());
    node.source.end = std::max(node.source.begin, source_end);
  }
  void Pop(uint32_t source_end) {
    Close(open_.back(), source_end);
    open_.pop_back();
  }
  // Pops up to and including open_[k].
  void PopTo(size_t k, uint32_t last_end, uint32_t others_end) {
    while (open_.size() > k + 1) Pop(others_end);
    Pop(last_end);
  }

  // The position in open_ of the innermost open element with `tag` within `scope`, or 0.
  size_t FindInScope(Tag tag, Scope scope) const {
    for (size_t k = open_.size(); k-- > 1;) {
      Tag t = page_->nodes_[open_[k]].tag;
      if (t == tag) return k;
      if (BoundsScope(t, scope)) return 0;
    }
    return 0;
  }

  void AddText(Span span, bool raw) {
    if (span.empty()) return;
    // Words cannot be in <head>: text there means the page has begun.
    if (current_tag() == Tag::k_head && !IsAllSpace(html_.substr(span.begin, span.size()))) Pop(span.begin);
    Node text;
    text.kind = NodeKind::kText;
    text.raw_text = raw;
    text.foreign = in_foreign();
    text.parent = static_cast<int32_t>(open_.back());
    text.source = span;
    text.end = static_cast<uint32_t>(page_->nodes_.size() + 1);
    page_->nodes_.push_back(text);
  }

  void CloseParagraph(uint32_t at) {
    if (size_t k = FindInScope(Tag::k_p, Scope::kButton)) PopTo(k, at, at);
  }

  // The end tags a browser implies before this start tag.
  void ImplyEndTags(Tag tag, uint32_t at) {
    if (current_tag() == Tag::k_head && !BelongsInHead(tag)) Pop(at);
    switch (tag) {
      case Tag::k_li: case Tag::k_dd: case Tag::k_dt:
        // The nearest open item of the same list kind, unless a block other than
        // <address>, <div> or <p> stands between.
        for (size_t k = open_.size(); k-- > 1;) {
          Tag t = page_->nodes_[open_[k]].tag;
          bool same = tag == Tag::k_li ? t == Tag::k_li : (t == Tag::k_dd || t == Tag::k_dt);
          if (same) {
            PopTo(k, at, at);
            break;
          }
          if (IsSpecial(t) && t != Tag::k_address && t != Tag::k_div && t != Tag::k_p) break;
        }
        break;
      case Tag::k_td: case Tag::k_th:
        if (size_t k = std::max(FindInScope(Tag::k_td, Scope::kTable), FindInScope(Tag::k_th, Scope::kTable)))
          PopTo(k, at, at);
        break;
      case Tag::k_tr: case Tag::k_tbody: case Tag::k_thead: case Tag::k_tfoot: case Tag::k_caption:
      case Tag::k_colgroup: {
        bool section = tag != Tag::k_tr;
        for (size_t k = open_.size(); k-- > 1;) {
          Tag t = page_->nodes_[open_[k]].tag;
          if (t == Tag::k_table || t == Tag::k_html || t == Tag::k_template) break;
          bool closes = t == Tag::k_tr || t == Tag::k_td || t == Tag::k_th || t == Tag::k_caption ||
                        (section && (t == Tag::k_tbody || t == Tag::k_thead || t == Tag::k_tfoot));
          if (closes) {
            PopTo(k, at, at);
            k = open_.size();
          }
        }
        break;
      }
      case Tag::k_option:
        if (current_tag() == Tag::k_option) Pop(at);
        break;
      case Tag::k_optgroup:
        if (current_tag() == Tag::k_option) Pop(at);
        if (current_tag() == Tag::k_optgroup) Pop(at);
        break;
      case Tag::k_a:
        // Links do not nest: a new one closes the open one (within the same cell).
        for (size_t k = open_.size(); k-- > 1;) {
          Tag t = page_->nodes_[open_[k]].tag;
          if (t == Tag::k_a) {
            PopTo(k, at, at);
            break;
          }
          if (t == Tag::k_td || t == Tag::k_th || t == Tag::k_table || t == Tag::k_caption) break;
        }
        break;
      case Tag::k_button:
        if (size_t k = FindInScope(Tag::k_button, Scope::kDefault)) PopTo(k, at, at);
        break;
      default:
        break;
    }
    if (ClosesParagraph(tag)) CloseParagraph(at);
    if (IsHeadingTag(tag) && IsHeadingTag(current_tag())) Pop(at);
  }

  void StartTag(const Token& token) {
    Tag tag = LookupTag(token.name);
    if (in_foreign() && BreaksOutOfForeign(tag)) {
      while (open_.size() > 1 && current().foreign) Pop(token.span.begin);
    }
    bool foreign = in_foreign();
    if (!foreign) {
      if (tag == Tag::k_html && seen_html_) return;
      if (tag == Tag::k_head && (seen_head_ || seen_body_)) return;
      if (tag == Tag::k_body && seen_body_) return;
      ImplyEndTags(tag, token.span.begin);
      seen_html_ |= tag == Tag::k_html;
      seen_head_ |= tag == Tag::k_head;
      seen_body_ |= tag == Tag::k_body;
    }
    bool escapable = false;
    bool raw_text = !foreign && IsRawTextTag(tag, &escapable);
    bool is_void = foreign ? token.self_closing : IsVoidTag(tag);
    raw_text |= !foreign && tag == Tag::k_plaintext;
    if (!is_void && open_.size() > static_cast<size_t>(Page::kMaxDepth)) {
      // Too deep: the element is left out, but a raw-text element's content is still
      // not markup.
      if (raw_text) {
        tokenizer_.ReadRawText(token.name, tag == Tag::k_plaintext);
        drop_next_text_ = true;
      }
      return;
    }
    Node element;
    element.kind = NodeKind::kElement;
    element.tag = tag;
    element.foreign = foreign || tag == Tag::k_svg || tag == Tag::k_math;
    element.parent = static_cast<int32_t>(open_.back());
    element.source = token.span;
    element.first_attribute = static_cast<uint32_t>(page_->attributes_.size());
    element.attribute_count = static_cast<uint32_t>(attributes_.size());
    page_->attributes_.insert(page_->attributes_.end(), attributes_.begin(), attributes_.end());
    size_t index = page_->nodes_.size();
    element.end = static_cast<uint32_t>(index + 1);
    page_->nodes_.push_back(element);
    if (is_void) return;
    open_.push_back(index);
    if (raw_text) {
      tokenizer_.ReadRawText(token.name, tag == Tag::k_plaintext);
      raw_text_next_ = true;
    }
  }

  // Whether the open element at open_[k] is the one `token` (an end tag) names.
  bool Names(size_t k, Tag tag, std::string_view name) const {
    const Node& node = page_->nodes_[open_[k]];
    if (node.tag != tag) return false;
    if (tag != Tag::kUnknown) return true;
    // Custom elements: compare the names as written, after the '<'.
    std::string_view start = html_.substr(node.source.begin + 1, name.size() + 1);
    return start.size() > name.size() && EqualsIgnoreCase(start.substr(0, name.size()), name) &&
           (IsAsciiSpace(start.back()) || start.back() == '/' || start.back() == '>');
  }

  void EndTag(const Token& token) {
    Tag tag = LookupTag(token.name);
    uint32_t at = token.span.begin, after = token.span.end;
    if (tag == Tag::k_br && !in_foreign()) {  // "</br>" is read as "<br>", as browsers do
      Token br = token;
      br.kind = Token::Kind::kStartTag;
      attributes_.clear();
      StartTag(br);
      return;
    }
    if (tag == Tag::k_body || tag == Tag::k_html) return;  // content after them stays in <body>
    if (tag == Tag::k_head) {
      if (current_tag() == Tag::k_head) Pop(after);
      return;
    }
    if (IsHeadingTag(tag)) {
      // Any open heading: "<h2>Title</h3>" ends the <h2>.
      for (size_t k = open_.size(); k-- > 1;) {
        Tag t = page_->nodes_[open_[k]].tag;
        if (IsHeadingTag(t)) return PopTo(k, after, at);
        if (BoundsScope(t, Scope::kDefault)) return;
      }
      return;
    }
    if (IsSpecial(tag) || in_foreign()) {
      Scope scope = tag == Tag::k_p ? Scope::kButton : tag == Tag::k_li ? Scope::kListItem : Scope::kDefault;
      bool table_part = tag == Tag::k_table || tag == Tag::k_tbody || tag == Tag::k_thead ||
                        tag == Tag::k_tfoot || tag == Tag::k_tr || tag == Tag::k_td || tag == Tag::k_th ||
                        tag == Tag::k_caption;
      if (table_part) scope = Scope::kTable;
      for (size_t k = open_.size(); k-- > 1;) {
        if (Names(k, tag, token.name)) return PopTo(k, after, at);
        Tag t = page_->nodes_[open_[k]].tag;
        if (tag == Tag::k_table ? t == Tag::k_html || t == Tag::k_template : BoundsScope(t, scope)) return;
      }
      return;
    }
    // Any other end tag closes the nearest element of its name, unless a special element
    // (a block, a cell) is open inside it: "<b><div></b>" leaves both open.
    for (size_t k = open_.size(); k-- > 1;) {
      if (Names(k, tag, token.name)) return PopTo(k, after, at);
      if (IsSpecial(page_->nodes_[open_[k]].tag)) return;
    }
  }

  std::string_view html_;
  Page* page_;
  Tokenizer tokenizer_;
  std::vector<Attribute> attributes_;  // the current tag's, reused
  std::vector<size_t> open_;           // indexes of the open elements; [0] is the document
  bool seen_html_ = false, seen_head_ = false, seen_body_ = false;
  bool raw_text_next_ = false;         // the next text token is a raw-text element's content
  bool drop_next_text_ = false;       // ... of an element left out for depth
};

Page::Page(std::string_view html) : html_(html) {
  nodes_.reserve(html.size() / 48 + 16);
  TreeBuilder(html, this).Build();
}

const Attribute* Page::FindAttr(size_t node, std::string_view name) const {
  const Node& n = nodes_[node];
  for (uint32_t k = 0; k < n.attribute_count; ++k) {
    const Attribute& a = attributes_[n.first_attribute + k];
    if (EqualsIgnoreCase(Slice(a.name), name)) return &a;
  }
  return nullptr;
}

std::string_view Page::Attr(size_t node, std::string_view name) const {
  const Attribute* a = FindAttr(node, name);
  return a ? Slice(a->value) : std::string_view();
}

bool Page::HasAttr(size_t node, std::string_view name) const { return FindAttr(node, name) != nullptr; }

Span Page::AttrSpan(size_t node, std::string_view name) const {
  const Attribute* a = FindAttr(node, name);
  return a ? a->value : Span{};
}

std::string Page::AttrText(size_t node, std::string_view name) const {
  std::string_view raw = Attr(node, name);
  if (raw.find('&') == npos) return CollapseSpace(raw);
  return CollapseSpace(DecodeEntities(raw, /*in_attribute=*/true));
}

int Page::Find(Tag tag) const {
  for (size_t i = 0; i < nodes_.size(); ++i)
    if (nodes_[i].kind == NodeKind::kElement && nodes_[i].tag == tag) return static_cast<int>(i);
  return -1;
}

}  // namespace sitrep::html
