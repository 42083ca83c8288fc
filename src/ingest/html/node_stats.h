// What the reader's passes know about each node of a page beyond its markup: where it
// sits (in a link, in the article element, in a paragraph), whether it is furniture, and
// how much visible text its subtree holds. One NodeStats per Page node, same index.
#pragma once

#include <cstdint>
#include <vector>

#include "ingest/html/dom.h"

namespace sitrep::html {

struct NodeStats {
  bool is_element = false;
  bool is_text = false;
  bool is_block = false;      // starts a paragraph of its own
  bool hidden = false;        // never holds article text (<script>, <svg>, <head>...), or inside such an element
  bool in_link = false;       // inside an <a>
  bool in_article = false;    // inside an <article> or [itemprop=articleBody]
  bool in_paragraph = false;  // inside a <p>, heading, list item or table cell
  bool removed = false;       // page furniture or hidden, itself or by an ancestor
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

// Positions, flags and own_* counts; hidden nodes start out removed.
std::vector<NodeStats> DescribeNodes(const Page& page);

// all_*, prose: the subtree sums before furniture removal.
void SumAllText(const Page& page, std::vector<NodeStats>& stats);
// text, link_text, commas, inline_*: the sums over what furniture removal kept.
void SumKeptText(const Page& page, std::vector<NodeStats>& stats);

double LinkShare(const NodeStats& n);

// <article>, [role=article] or [itemprop=articleBody].
bool IsArticleElement(const Page& page, size_t i);

}  // namespace sitrep::html
