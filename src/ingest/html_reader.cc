// The HTML reader: from a news page to the article's clean text, its metadata, and a map
// from every byte of that text back to the page.
//
// The steps, each in its own file under html/:
//  1. dom.cc (over tokenizer.cc) parses the page into a flat array of nodes in document
//     order; every later pass is a loop over that array, never a recursion.
//  2. node_stats.cc counts the visible text of every subtree; furniture.cc marks page
//     furniture (navigation, share bars, related stories, comments, captions...).
//  3. main_content.cc chooses the elements that hold the article.
//  4. text_builder.cc cuts their text into paragraphs, each byte traced to the page.
//  5. metadata.cc (with json_ld.cc) reads title, dates, authors and the rest.
//  6. assemble.cc leaves out the headline, bylines and web debris, and joins the rest.
#include "ingest/html_reader.h"

#include <algorithm>
#include <limits>

#include "ingest/html/assemble.h"
#include "ingest/html/dom.h"
#include "ingest/html/furniture.h"
#include "ingest/html/main_content.h"
#include "ingest/html/metadata.h"
#include "ingest/html/node_stats.h"
#include "ingest/html/strings.h"
#include "ingest/html/text_builder.h"

namespace sitrep {

namespace {

// At most this many removed furniture subtrees are reported, the largest first: enough to
// audit a page without listing every share button.
constexpr size_t kMaxFurnitureDrops = 40;

}  // namespace

std::string SniffHtmlCharset(std::string_view bytes) {
  using namespace html;
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

Result<HtmlArticle> ExtractHtml(std::string_view buffer) {
  if (buffer.size() >= std::numeric_limits<uint32_t>::max())
    return Status(Code::kTooLarge, "an HTML page of 4 GiB or more");
  html::Page page(buffer);
  std::vector<html::NodeStats> stats = html::DescribeNodes(page);
  HtmlArticle article;
  std::vector<int> captions;
  article.dropped = html::RemoveFurniture(page, stats, kMaxFurnitureDrops, &captions);
  article.meta = html::ReadMetadata(page, stats);
  for (int c : captions)
    if (std::string text = html::PlainText(page, stats, c); !text.empty())
      article.meta.captions.push_back({std::move(text), page.node(c).source});

  std::vector<html::Block> blocks = html::CollectBlocks(page, stats, html::ChooseContainers(page, stats));
  std::vector<std::string> reasons = html::ClassifyBlocks(page, blocks, article.meta);
  html::AssembleText(blocks, reasons, buffer, &article.text, &article.map, &article.dropped);
  std::stable_sort(article.dropped.begin(), article.dropped.end(),
                   [](const Dropped& a, const Dropped& b) { return a.original.begin < b.original.begin; });
  return article;
}

}  // namespace sitrep
