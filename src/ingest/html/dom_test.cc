// The HTML parser and character references: the tree a browser would give, where the
// reader depends on it, and every node keeping its bytes.
#include "ingest/html/dom.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/html/entities.h"

namespace sitrep::html {
namespace {

// The tree as nested tags, text as "'text'", e.g. "html(body(p('a') p('b')))". Only
// elements and non-blank text; raw text in <script> etc. is shown too.
std::string Shape(const Page& page, size_t i = 0) {
  std::string out;
  for (size_t k = i + 1; k < page.node(i).end; k = page.node(k).end) {
    const Node& n = page.node(k);
    if (n.kind == NodeKind::kText) {
      std::string text(page.RawText(k));
      if (text.find_first_not_of(" \n\t") == std::string::npos) continue;
      out += (out.empty() ? "" : " ") + ("'" + text + "'");
      continue;
    }
    std::string name = n.tag == Tag::kUnknown ? "?" : std::string(TagName(n.tag));
    std::string inner = Shape(page, k);
    out += (out.empty() ? "" : " ") + name + (inner.empty() ? "" : "(" + inner + ")");
  }
  return out;
}

std::string ShapeOf(std::string_view html) { return Shape(Page(html)); }

TEST(Page, ImpliedEndTags) {
  EXPECT_EQ(ShapeOf("<p>a<p>b<div>c</div>"), "p('a') p('b') div('c')");
  EXPECT_EQ(ShapeOf("<ul><li>a<li>b</ul>"), "ul(li('a') li('b'))");
  EXPECT_EQ(ShapeOf("<dl><dt>a<dd>b<dt>c</dl>"), "dl(dt('a') dd('b') dt('c'))");
  EXPECT_EQ(ShapeOf("<table><tr><td>a<td>b<tr><td>c</table>"), "table(tr(td('a') td('b')) tr(td('c')))");
  EXPECT_EQ(ShapeOf("<h2>a<h3>b"), "h2('a') h3('b')");
  EXPECT_EQ(ShapeOf("<a href=1>a<a href=2>b</a>"), "a('a') a('b')");
  // A list nested in an item does not close it.
  EXPECT_EQ(ShapeOf("<ul><li>a<ul><li>b</ul><li>c</ul>"), "ul(li('a' ul(li('b'))) li('c'))");
}

TEST(Page, EndTagsThatMatchNothingAreIgnored) {
  EXPECT_EQ(ShapeOf("<div>a</span>b</div>c"), "div('a' 'b') 'c'");
  // An inline end tag does not close past a block: both stay open, as in a browser.
  EXPECT_EQ(ShapeOf("<b><div>a</b>b</div>"), "b(div('a' 'b'))");
  // "</h3>" ends an open <h2>.
  EXPECT_EQ(ShapeOf("<h2>a</h3>b"), "h2('a') 'b'");
  EXPECT_EQ(ShapeOf("a</br>b"), "'a' br 'b'");
}

TEST(Page, RawTextElementsHoldNoMarkup) {
  EXPECT_EQ(ShapeOf("<script>if (a<b) x = '</div>';</script><p>t"), "script('if (a<b) x = '</div>';') p('t')");
  EXPECT_EQ(ShapeOf("<title>A <b>B</b></title>"), "title('A <b>B</b>')");
  EXPECT_EQ(ShapeOf("<style>p>a{}</STYLE ><p>x"), "style('p>a{}') p('x')");
  EXPECT_EQ(ShapeOf("<script>never closed <p>"), "script('never closed <p>')");
}

TEST(Page, CommentsDoctypesAndStrayLessThan) {
  EXPECT_EQ(ShapeOf("<!DOCTYPE html><!-- <p>x</p> --><p>a < b <3 </p>"), "p('a < b <3 ')");
  EXPECT_EQ(ShapeOf("<!--><p>a<!---><?x y?><![CDATA[z]]>"), "p('a')");
  EXPECT_EQ(ShapeOf("<p>a<!-- never closed"), "p('a')");
}

TEST(Page, AttributesQuotedUnquotedAndRepeated) {
  Page page(R"(<div class="a > b" id=x data-x='1' CLASS="second" hidden>t</div>)");
  int div = page.Find(Tag::k_div);
  ASSERT_GE(div, 0);
  EXPECT_EQ(page.Attr(div, "class"), "a > b");
  EXPECT_EQ(page.Attr(div, "ID"), "x");
  EXPECT_EQ(page.Attr(div, "data-x"), "1");
  EXPECT_TRUE(page.HasAttr(div, "hidden"));
  EXPECT_EQ(page.Attr(div, "missing"), "");
  Page meta(R"(<meta content="Tom &amp; Jerry&#39;s  show">)");
  EXPECT_EQ(meta.AttrText(meta.Find(Tag::k_meta), "content"), "Tom & Jerry's show");
}

TEST(Page, ATagCutByTheEndOfThePageIsLost) {
  EXPECT_EQ(ShapeOf("<p>a<div class=\"x"), "p('a')");
}

TEST(Page, SvgIsForeignUntilABreakoutTag) {
  // An unclosed icon must not swallow the article: <p> leaves the <svg>.
  Page page("<svg><path/><g><p>text</svg>");
  int p = page.Find(Tag::k_p);
  ASSERT_GE(p, 0);
  EXPECT_FALSE(page.node(p).foreign);
  EXPECT_EQ(Shape(page), "svg(? ?) p('text')");
  // In foreign content "/>" closes an element.
  EXPECT_EQ(ShapeOf("<svg><g/><g></g></svg><p>x"), "svg(? ?) p('x')");
}

TEST(Page, OneHtmlHeadAndBody) {
  EXPECT_EQ(ShapeOf("<html><head><title>t</title></head><body><p>a</body><body><p>b</html>c"),
            "html(head(title('t')) body(p('a') p('b' 'c')))");
  // Words close <head>.
  EXPECT_EQ(ShapeOf("<head><meta charset=utf-8>Hello<p>x"), "head(meta) 'Hello' p('x')");
}

TEST(Page, SourceSpansCoverTheElement) {
  std::string html = "<div id=a><p>one</p>two</div>";
  Page page(html);
  int div = page.Find(Tag::k_div);
  EXPECT_EQ(page.Slice(page.node(div).source), html);
  int p = page.Find(Tag::k_p);
  EXPECT_EQ(page.Slice(page.node(p).source), "<p>one</p>");
  // An element closed by another's start tag ends where that tag begins.
  std::string open = "<p>one<p>two";
  Page implied(open);
  EXPECT_EQ(implied.Slice(implied.node(implied.Find(Tag::k_p)).source), "<p>one");
}

TEST(Page, NestingIsCapped) {
  std::string html;
  for (int i = 0; i < 1000; ++i) html += "<div>";
  html += "deep";
  Page page(html);
  int depth = 0;
  for (size_t i = page.size() - 1; page.node(i).parent >= 0; i = page.node(i).parent) ++depth;
  EXPECT_LE(depth, Page::kMaxDepth + 1);
  EXPECT_EQ(page.RawText(page.size() - 1), "deep");
}

TEST(Entities, NamedNumericAndLegacy) {
  EXPECT_EQ(DecodeEntities("&amp; &lt;&gt; &quot;&apos; &nbsp;", false), "& <> \"' \xC2\xA0");
  EXPECT_EQ(DecodeEntities("&#8217; &#x2019; &#X2019 &#39", false), "\xE2\x80\x99 \xE2\x80\x99 \xE2\x80\x99 '");
  // Legacy names need no ';' in text, and the longest one wins; "&notin;" is one reference.
  EXPECT_EQ(DecodeEntities("&copy2024 &notit; &notin;", false), "\xC2\xA9" "2024 \xC2\xAC" "it; \xE2\x88\x89");
  // Not references: unknown names, no digits.
  EXPECT_EQ(DecodeEntities("&bogus; & &# &#x;", false), "&bogus; & &# &#x;");
  // Forbidden numbers become U+FFFD; C1 controls are read as Windows-1252.
  EXPECT_EQ(DecodeEntities("&#0;&#xD800;&#x110000;&#99999999999;", false),
            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(DecodeEntities("&#150;&#x93;", false), "\xE2\x80\x93\xE2\x80\x9C");
  // Two code points from one name.
  EXPECT_EQ(DecodeEntities("&NotEqualTilde;", false), "\xE2\x89\x82\xCC\xB8");
}

TEST(Entities, AttributeValuesKeepQueryStrings) {
  EXPECT_EQ(DecodeEntities("?a=1&copy=2&amp;b=3", true), "?a=1&copy=2&b=3");
  EXPECT_EQ(DecodeEntities("?a=1&copy=2", false), "?a=1\xC2\xA9=2");
}

}  // namespace
}  // namespace sitrep::html
