// A parsed HTML page as one flat array of nodes in document order (pre-order): an
// element's subtree is the range [its index, end). Every pass of the reader is a loop over
// this array, never a recursion, so no page can exhaust the stack.
//
// The parser is sitrep's own (dom.cc over tokenizer.cc). It follows the HTML standard
// where the article's text depends on it: raw-text elements, character references,
// void elements, the end tags a browser implies (a <p> closed by the next block, an <li>
// by the next item, table cells by the next cell or row), end tags that match nothing
// ignored. It leaves out what only moves nodes around (foster parenting of table
// content, re-opening formatting elements), so nodes stay in source order and every node
// keeps the exact bytes it came from. Nesting is capped at kMaxDepth open elements:
// deeper start tags are read as if absent, which keeps hostile pages linear.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/html/tags.h"
#include "sitrep/span.h"

namespace sitrep::html {

enum class NodeKind : uint8_t { kDocument, kElement, kText };

struct Node {
  NodeKind kind = NodeKind::kDocument;
  Tag tag = Tag::kUnknown;      // elements only
  bool foreign = false;         // inside <svg> or <math>
  bool raw_text = false;        // a text node of <script>, <style>, <title>...: no markup, and
                                // entities decoded only in <title> and <textarea>
  int32_t parent = -1;
  uint32_t end = 0;             // one past the last node of the subtree
  Span source;                  // element: from its start tag to the end of its end tag, or to
                                // where the parser closed it; text: its bytes in the page
  uint32_t first_attribute = 0;
  uint32_t attribute_count = 0;
};

struct Attribute {
  Span name;   // as written (any case)
  Span value;  // without quotes; empty when the attribute has no value
};

class Page {
 public:
  static constexpr int kMaxDepth = 256;

  // Parses `html`, which must outlive the Page. Any bytes give a page; none are an error.
  explicit Page(std::string_view html);

  std::string_view html() const { return html_; }
  const std::vector<Node>& nodes() const { return nodes_; }
  const Node& node(size_t i) const { return nodes_[i]; }
  size_t size() const { return nodes_.size(); }
  std::string_view Slice(Span span) const { return html_.substr(span.begin, span.size()); }

  // An attribute's value as written (entities not decoded), "" when absent. Names are
  // compared without case; the first of repeated attributes wins, as in a browser.
  std::string_view Attr(size_t node, std::string_view name) const;
  bool HasAttr(size_t node, std::string_view name) const;
  // The bytes of the value, for evidence; nullopt-like empty span at 0 when absent.
  Span AttrSpan(size_t node, std::string_view name) const;
  // The value with character references decoded and white space collapsed.
  std::string AttrText(size_t node, std::string_view name) const;

  // A text node's bytes as written.
  std::string_view RawText(size_t node) const { return Slice(nodes_[node].source); }

  // The first element with `tag`, or -1.
  int Find(Tag tag) const;

 private:
  friend class TreeBuilder;
  const Attribute* FindAttr(size_t node, std::string_view name) const;

  std::string_view html_;
  std::vector<Node> nodes_;
  std::vector<Attribute> attributes_;
};

}  // namespace sitrep::html
