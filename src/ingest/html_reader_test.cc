#include "ingest/html_reader.h"

#include <gtest/gtest.h>
#include <pthread.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/ingest.h"

namespace sitrep {
namespace {

HtmlArticle Extract(std::string_view html) {
  Result<HtmlArticle> article = ExtractHtml(html);
  EXPECT_TRUE(article.ok()) << article.status().ToString();
  return article.ok() ? std::move(article).value() : HtmlArticle{};
}

std::string_view Slice(std::string_view html, Span span) {
  return html.substr(span.begin, span.size());
}

std::vector<std::string> Paragraphs(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    size_t end = text.find("\n\n", start);
    out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 2;
  }
  return out;
}

// The clean-text spans of the paragraphs.
std::vector<Span> ParagraphSpans(const std::string& text) {
  std::vector<Span> out;
  uint32_t start = 0;
  for (const std::string& p : Paragraphs(text)) {
    out.push_back({start, start + static_cast<uint32_t>(p.size())});
    start += static_cast<uint32_t>(p.size()) + 2;
  }
  return out;
}

bool HasDropped(const HtmlArticle& article, std::string_view reason) {
  return std::any_of(article.dropped.begin(), article.dropped.end(),
                     [&](const Dropped& d) { return d.reason == reason; });
}

// What a reader sees in a slice of the test pages: tags removed (<br> read as a space),
// the few entities the pages use decoded, white space collapsed. Enough to compare a paragraph with the page
// bytes its map points to.
std::string Visible(std::string_view html) {
  static const std::pair<std::string_view, std::string_view> kEntities[] = {
      {"&amp;", "&"},       {"&pound;", "\xC2\xA3"}, {"&nbsp;", " "},
      {"&ldquo;", "\xE2\x80\x9C"}, {"&rdquo;", "\xE2\x80\x9D"}, {"&#8212;", "\xE2\x80\x94"},
      {"&#x2019;", "\xE2\x80\x99"}, {"&copy", "\xC2\xA9"}, {"&rsquo;", "\xE2\x80\x99"}};
  std::string out;
  bool space = false;
  for (size_t i = 0; i < html.size();) {
    if (html[i] == '<') {
      if (html.substr(i, 4) == "<br>") space = true;  // other tags may sit inside a word
      size_t close = html.find('>', i);
      i = close == std::string_view::npos ? html.size() : close + 1;
      continue;
    }
    std::string_view text = html.substr(i, 1);
    size_t length = 1;
    for (auto [entity, decoded] : kEntities) {
      if (html.substr(i, entity.size()) != entity) continue;
      text = decoded;
      length = entity.size();
      break;
    }
    i += length;
    if (text == " " || text == "\n" || text == "\r" || text == "\t") {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.append(text);
  }
  return out;
}

std::string CollapseNewlines(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

// Every verbatim piece of the map copies bytes that are equal in text and page, and the
// map covers the whole text.
void ExpectMapIsSound(std::string_view html, const HtmlArticle& article) {
  EXPECT_EQ(article.map.clean_size(), article.text.size());
  for (const OffsetMap::Piece& p : article.map.pieces()) {
    if (!p.verbatim) continue;
    EXPECT_EQ(std::string_view(article.text).substr(p.clean_begin, p.clean_size),
              html.substr(p.orig_begin, p.orig_size));
  }
}

// ---------------------------------------------------------------------------------------
// A whole news page.

constexpr std::string_view kNewsPage = R"(<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Flood barriers hold as river peaks | Riverside Courier</title>
<meta property="og:title" content="Flood barriers hold as river peaks">
<meta property="og:site_name" content="Riverside Courier">
<meta property="og:url" content="https://courier.example/news/flood-barriers?ref=og">
<meta property="og:description" content="Temporary walls kept the old town dry overnight.">
<meta property="article:published_time" content="2024-03-05T06:40:00+00:00">
<meta property="article:modified_time" content="2024-03-05T09:10:00+00:00">
<meta name="author" content="Priya Natarajan">
<link rel="canonical" href="https://courier.example/news/flood-barriers">
<script>var layout = "<div>not text</div>";</script>
</head>
<body>
<nav class="site-nav"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<div class="cookie-consent">We use cookies to improve this site. <button>Accept</button></div>
<header class="site-header"><a href="/">Riverside Courier</a> <span>Tuesday edition</span></header>
<article>
  <h1>Flood barriers hold as river peaks</h1>
  <p class="byline">By Priya Natarajan, 5 March 2024</p>
  <p>The river crested just below the top of the temporary barriers on Tuesday night, and the old town stayed dry.</p>
  <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
  <p>Engineers had worked through the evening, adding a second row of sandbags where the wall met the bridge.</p>
  <h2>What happens next</h2>
  <p>The council said the barriers would stay in place until Friday, when the water is expected to fall.</p>
  <ul><li>Schools reopen on Thursday.</li><li>The ferry stays closed.</li></ul>
  <figure><img src="wall.jpg" alt=""><figcaption>The wall at dawn. Photo: Courier staff</figcaption></figure>
  <aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Storm closes coast road</a></li>
    <li><a href="/b">Council approves new pumps</a></li></ul></aside>
</article>
<footer><p>Copyright 2024 Riverside Courier. All rights reserved.</p><a href="/about">About us</a></footer>
</body></html>)";

TEST(ExtractHtml, NewsPageKeepsOnlyTheArticleParagraphsInOrder) {
  HtmlArticle article = Extract(kNewsPage);
  EXPECT_EQ(Paragraphs(article.text),
            (std::vector<std::string>{
                "The river crested just below the top of the temporary barriers on Tuesday "
                "night, and the old town stayed dry.",
                "Engineers had worked through the evening, adding a second row of sandbags "
                "where the wall met the bridge.",
                "What happens next",
                "The council said the barriers would stay in place until Friday, when the "
                "water is expected to fall.",
                "Schools reopen on Thursday.", "The ferry stays closed."}));
  ExpectMapIsSound(kNewsPage, article);
}

TEST(ExtractHtml, NewsPageRecordsWhatItLeftOut) {
  HtmlArticle article = Extract(kNewsPage);
  for (std::string_view reason : {"html: nav", "html: cookie", "html: header", "html: share",
                                  "html: related", "html: footer", "html: headline",
                                  "html: byline", "html: caption"})
    EXPECT_TRUE(HasDropped(article, reason)) << reason;
  for (const Dropped& d : article.dropped) {
    if (d.reason == "html: nav") {
      EXPECT_EQ(Slice(kNewsPage, d.original).substr(0, 4), "<nav");
    }
    if (d.reason == "html: related") {
      EXPECT_EQ(Slice(kNewsPage, d.original).substr(0, 23), "<aside class=\"related\">");
    }
    if (d.reason == "html: headline") {
      EXPECT_EQ(Slice(kNewsPage, d.original), "Flood barriers hold as river peaks");
    }
  }
  EXPECT_TRUE(std::is_sorted(article.dropped.begin(), article.dropped.end(),
                             [](const Dropped& a, const Dropped& b) {
                               return a.original.begin < b.original.begin;
                             }));
}

TEST(ExtractHtml, NewsPageMetadata) {
  HtmlArticle article = Extract(kNewsPage);
  const Metadata& meta = article.meta;
  EXPECT_EQ(meta.title, "Flood barriers hold as river peaks");
  EXPECT_EQ(meta.source, "Riverside Courier");
  EXPECT_EQ(meta.url, "https://courier.example/news/flood-barriers");  // canonical before og:url
  EXPECT_EQ(meta.language, "en-GB");
  EXPECT_EQ(meta.description, "Temporary walls kept the old town dry overnight.");
  EXPECT_EQ(meta.authors, std::vector<std::string>{"Priya Natarajan"});
  ASSERT_TRUE(meta.published.has_value());
  EXPECT_EQ(meta.published->iso.substr(0, 16), "2024-03-05T06:40");
  EXPECT_EQ(meta.published->found_in, "meta:article:published_time");
  ASSERT_TRUE(meta.modified.has_value());
  EXPECT_EQ(meta.modified->iso.substr(0, 16), "2024-03-05T09:10");
  EXPECT_EQ(meta.modified->found_in, "meta:article:modified_time");
}

TEST(ExtractHtml, NewsPageEvidencePointsAtTheBytesRead) {
  HtmlArticle article = Extract(kNewsPage);
  const auto& ev = article.meta.evidence;
  auto slice = [&](const char* field) {
    auto it = ev.find(field);
    return it == ev.end() ? std::string_view("<missing>") : Slice(kNewsPage, it->second);
  };
  EXPECT_EQ(slice("title"), "Flood barriers hold as river peaks");
  EXPECT_EQ(slice("source"), "Riverside Courier");
  EXPECT_EQ(slice("url"), "https://courier.example/news/flood-barriers");
  EXPECT_EQ(slice("language"), "en-GB");
  EXPECT_EQ(slice("description"), "Temporary walls kept the old town dry overnight.");
  EXPECT_EQ(slice("authors"), "Priya Natarajan");
  EXPECT_EQ(slice("published"), "2024-03-05T06:40:00+00:00");
  EXPECT_EQ(slice("modified"), "2024-03-05T09:10:00+00:00");
  // The og:title tag comes after <title>: the evidence is the og:title's content.
  EXPECT_GT(ev.at("title").begin, kNewsPage.find("og:title"));
}

// ---------------------------------------------------------------------------------------
// Metadata sources, one at a time.

TEST(ExtractHtml, TitleFallsBackToTitleTagWithoutSiteSuffixThenH1) {
  HtmlArticle with_title = Extract(
      "<html><head><title>Harbour works finish early - Harbour Gazette</title></head>"
      "<body><p>Short.</p></body></html>");
  EXPECT_EQ(with_title.meta.title, "Harbour works finish early");
  EXPECT_EQ(Slice("<html><head><title>Harbour works finish early - Harbour Gazette</title>",
                  with_title.meta.evidence.at("title")),
            "Harbour works finish early");

  // Too short a head to be a headline without the suffix: the title stays whole.
  EXPECT_EQ(Extract("<title>Pakistan - US talks</title>").meta.title, "Pakistan - US talks");

  HtmlArticle with_h1 = Extract("<body><h1>  Dock  strike   ends </h1><p>Text.</p></body>");
  EXPECT_EQ(with_h1.meta.title, "Dock strike ends");

  HtmlArticle twitter = Extract(
      "<meta name=\"twitter:title\" content=\"From Twitter card\"><title>From title tag here "
      "| Site</title>");
  EXPECT_EQ(twitter.meta.title, "From Twitter card");
}

TEST(ExtractHtml, PublishedDateSourcesInOrderOfTrust) {
  HtmlArticle pubdate = Extract(
      "<meta name=\"pubdate\" content=\"2023-11-02\"><time datetime=\"2020-01-01\">x</time>");
  ASSERT_TRUE(pubdate.meta.published.has_value());
  EXPECT_EQ(pubdate.meta.published->iso, "2023-11-02");
  EXPECT_EQ(pubdate.meta.published->found_in, "meta:pubdate");

  HtmlArticle itemprop = Extract(
      "<body><span itemprop=\"datePublished\" content=\"2022-02-03T10:00\">Feb 3</span>"
      "<time datetime=\"2020-01-01\">x</time></body>");
  ASSERT_TRUE(itemprop.meta.published.has_value());
  EXPECT_EQ(itemprop.meta.published->found_in, "itemprop:datePublished");
  EXPECT_EQ(itemprop.meta.published->iso.substr(0, 10), "2022-02-03");

  std::string html = "<body><p>Story.</p><time datetime=\"2021-07-08T12:30\">8 July</time></body>";
  HtmlArticle time = Extract(html);
  ASSERT_TRUE(time.meta.published.has_value());
  EXPECT_EQ(time.meta.published->found_in, "time:datetime");
  EXPECT_EQ(Slice(html, time.meta.evidence.at("published")), "2021-07-08T12:30");

  // A value that is not a date is passed over for the next source.
  HtmlArticle unreadable = Extract(
      "<meta property=\"article:published_time\" content=\"soon\">"
      "<meta name=\"date\" content=\"2019-05-06\">");
  ASSERT_TRUE(unreadable.meta.published.has_value());
  EXPECT_EQ(unreadable.meta.published->found_in, "meta:date");
}

TEST(ExtractHtml, PublishedDateFromBylineTimeTextOrUrl) {
  HtmlArticle byline = Extract(R"(<head><link rel="canonical" href="https://x.example/2019/11/19/story"></head>
<body><div class="byline">By Jane Roe, September 17, 2024 5:50 PM</div><p>Text.</p></body>)");
  ASSERT_TRUE(byline.meta.published);
  EXPECT_EQ(byline.meta.published->found_in, "byline");
  EXPECT_EQ(byline.meta.published->iso.substr(0, 10), "2024-09-17");

  HtmlArticle time_text = Extract("<body><time>Nov. 20, 2019</time><p>Text.</p></body>");
  ASSERT_TRUE(time_text.meta.published);
  EXPECT_EQ(time_text.meta.published->found_in, "time:text");
  EXPECT_EQ(time_text.meta.published->iso, "2019-11-20");

  struct UrlCase {
    const char* url;
    const char* iso;
    const char* written;  // the evidence: the date as the URL writes it
  };
  for (const UrlCase& c : {UrlCase{"https://x.example/news/2019/11/19/a-story.html", "2019-11-19", "2019/11/19"},
                           UrlCase{"https://x.example/2018-10-12-show", "2018-10-12", "2018-10-12"},
                           UrlCase{"https://x.example/a/20191119/b", "2019-11-19", "20191119"},
                           UrlCase{"https://x.example/blog/2018/10/title", "2018-10", "2018/10"},
                           UrlCase{"https://x.example/us/2019/nov/18/slug/", "2019-11-18", "2019/nov/18"}}) {
    std::string html = std::string("<head><meta property=\"og:url\" content=\"") + c.url +
                       "\"></head><body><p>Text.</p></body>";
    HtmlArticle article = Extract(html);
    ASSERT_TRUE(article.meta.published) << c.url;
    EXPECT_EQ(article.meta.published->iso, c.iso) << c.url;
    EXPECT_EQ(article.meta.published->found_in, "url");
    EXPECT_EQ(Slice(html, article.meta.evidence.at("published")), c.written);
  }
  // Numbers that are not dates.
  HtmlArticle none = Extract(R"(<head><link rel="canonical" href="https://x.example/item/2019-99/12345678901"></head><body><p>T.</p></body>)");
  EXPECT_FALSE(none.meta.published);
}

TEST(ExtractHtml, AuthorsFromBylineWhenNoStructuredAuthor) {
  std::string html =
      "<meta property=\"article:author\" content=\"https://social.example/someone\">"
      "<body><article><div class=\"byline\">By Sam Reyes and Ana Cruz | 2 May 2024</div>"
      "<p>The port reopened on Monday after a week of repairs to the main crane, officials "
      "said.</p></article></body>";
  HtmlArticle article = Extract(html);
  EXPECT_EQ(article.meta.authors, (std::vector<std::string>{"Sam Reyes", "Ana Cruz"}));
  EXPECT_EQ(Slice(html, article.meta.evidence.at("authors")), "Sam Reyes");
  EXPECT_EQ(article.text,
            "The port reopened on Monday after a week of repairs to the main crane, officials "
            "said.");
}

// ---------------------------------------------------------------------------------------
// JSON-LD.

TEST(ExtractHtml, JsonLdGraphWithReferencesById) {
  std::string html = R"(<html><head><script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "Organization", "@id": "https://x.example/#org", "name": "Harbour Gazette"},
  {"@type": "Person", "@id": "https://x.example/#lena", "name": "Lena Okafor"},
  {"@type": ["NewsArticle"], "headline": "Ferry service resumes",
   "datePublished": "2024-06-01T08:00:00Z", "dateModified": "2024-06-01T09:30:00Z",
   "author": {"@id": "https://x.example/#lena"}, "publisher": {"@id": "https://x.example/#org"}}
]}
</script></head><body></body></html>)";
  HtmlArticle article = Extract(html);
  const Metadata& meta = article.meta;
  EXPECT_EQ(meta.title, "Ferry service resumes");
  EXPECT_EQ(meta.source, "Harbour Gazette");
  EXPECT_EQ(meta.authors, std::vector<std::string>{"Lena Okafor"});
  ASSERT_TRUE(meta.published.has_value());
  EXPECT_EQ(meta.published->found_in, "json-ld:datePublished");
  ASSERT_TRUE(meta.modified.has_value());
  EXPECT_EQ(meta.modified->found_in, "json-ld:dateModified");
  EXPECT_EQ(Slice(html, meta.evidence.at("published")), "2024-06-01T08:00:00Z");
  EXPECT_EQ(Slice(html, meta.evidence.at("modified")), "2024-06-01T09:30:00Z");
  EXPECT_EQ(Slice(html, meta.evidence.at("authors")), "Lena Okafor");
  EXPECT_EQ(Slice(html, meta.evidence.at("title")), "Ferry service resumes");
}

TEST(ExtractHtml, JsonLdTopLevelArrayPicksTheArticle) {
  std::string html = R"(<script type="application/ld+json">
[{"@type": "BreadcrumbList", "name": "Not the headline"},
 {"@type": "ReportageNewsArticle", "headline": "Bridge\u0020inspection finds cracks",
  "author": [{"@type": "Person", "name": "A. One"}, {"name": "B. Two"}, "C. Three"],
  "publisher": {"@type": "Organization", "name": "Valley Post"}}]
</script>)";
  HtmlArticle article = Extract(html);
  EXPECT_EQ(article.meta.title, "Bridge inspection finds cracks");
  EXPECT_EQ(article.meta.authors, (std::vector<std::string>{"A. One", "B. Two", "C. Three"}));
  EXPECT_EQ(article.meta.source, "Valley Post");
  // The evidence is the JSON string as written, escapes and all.
  EXPECT_EQ(Slice(html, article.meta.evidence.at("title")), "Bridge\\u0020inspection finds cracks");
  EXPECT_EQ(Slice(html, article.meta.evidence.at("authors")), "A. One");
  EXPECT_EQ(Slice(html, article.meta.evidence.at("source")), "Valley Post");
}

TEST(ExtractHtml, BadJsonLdIsIgnored) {
  std::string html = R"(<meta property="og:title" content="Title from Open Graph">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Broken</script>
<script type="application/ld+json">{"@type": "NewsArticle", "author": 42, "publisher": [1, 2]}</script>
<script type="application/ld+json">
//<![CDATA[
{"@type": "BlogPosting", "datePublished": "2018-04-05"}
//]]>
</script>
<body><p>Body text of the post, long enough to be a paragraph of the page.</p></body>)";
  Result<HtmlArticle> article = ExtractHtml(html);
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->meta.title, "Title from Open Graph");
  EXPECT_TRUE(article->meta.authors.empty());
  // The second script is the first that describes an article, and it has no date.
  EXPECT_FALSE(article->meta.published.has_value());
}

TEST(ExtractHtml, JsonLdInCommentMarkersIsRead) {
  HtmlArticle article = Extract(R"(<script type="application/ld+json">
//<![CDATA[
{"@type": "BlogPosting", "datePublished": "2018-04-05"}
//]]>
</script>)");
  ASSERT_TRUE(article.meta.published.has_value());
  EXPECT_EQ(article.meta.published->iso, "2018-04-05");
}

// ---------------------------------------------------------------------------------------
// Text, entities and the offset map.

constexpr std::string_view kEntityPage =
    "<html><body><article>\n"
    "<p>Fish &amp; chips cost &pound;5&nbsp;today, &ldquo;cheap&rdquo; they said &#8212; "
    "isn&#x2019;t it?</p>\n"
    "<p>Line one<br>line   two\r\n  continues&copy here.</p>\n"
    "<p>AT&T and R&D stay as written; &bogus; too.</p>\n"
    "</article></body></html>";

TEST(ExtractHtml, EntitiesAreDecodedAndSpacesCollapsed) {
  HtmlArticle article = Extract(kEntityPage);
  EXPECT_EQ(article.text,
            "Fish & chips cost \xC2\xA3" "5 today, \xE2\x80\x9C" "cheap\xE2\x80\x9D they said "
            "\xE2\x80\x94 isn\xE2\x80\x99t it?\n\n"
            "Line one\nline two continues\xC2\xA9 here.\n\n"
            "AT&T and R&D stay as written; &bogus; too.");
}

TEST(ExtractHtml, EveryParagraphMapsBackToItsBytes) {
  HtmlArticle article = Extract(kEntityPage);
  ExpectMapIsSound(kEntityPage, article);
  std::vector<Span> spans = ParagraphSpans(article.text);
  ASSERT_EQ(spans.size(), 3u);
  for (Span span : spans) {
    std::string paragraph = CollapseNewlines(article.text.substr(span.begin, span.size()));
    std::string_view original = Slice(kEntityPage, article.map.ToOriginal(span));
    EXPECT_NE(Visible(original).find(paragraph), std::string::npos)
        << paragraph << "\n  vs " << original;
  }
}

TEST(ExtractHtml, EntityMapsToItsWholeReference) {
  HtmlArticle article = Extract(kEntityPage);
  auto original_of = [&](std::string_view needle) {
    size_t at = article.text.find(needle);
    EXPECT_NE(at, std::string::npos) << needle;
    Span clean{static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
    return Slice(kEntityPage, article.map.ToOriginal(clean));
  };
  EXPECT_EQ(original_of("&"), "&amp;");
  EXPECT_EQ(original_of("\xC2\xA3"), "&pound;");
  EXPECT_EQ(original_of("5 today"), "5&nbsp;today");
  EXPECT_EQ(original_of("isn\xE2\x80\x99t"), "isn&#x2019;t");
  EXPECT_EQ(original_of("\xC2\xA9"), "&copy");
  EXPECT_EQ(original_of("AT&T"), "AT&T");  // not a reference: copied verbatim
  EXPECT_EQ(original_of("chips"), "chips");
}

TEST(ExtractHtml, LineBreaksAndParagraphBreaksFromBr) {
  HtmlArticle article = Extract(
      "<body><div class=\"story\">First line of the notice<br>second line of it<br><br>\n"
      "<br>A new paragraph after two breaks.</div></body>");
  EXPECT_EQ(article.text,
            "First line of the notice\nsecond line of it\n\nA new paragraph after two breaks.");
}

TEST(ExtractHtml, BrokenMarkupStillGivesParagraphsInOrder) {
  HtmlArticle article = Extract(
      "<div><p>One paragraph, never closed<p>Second paragraph, also open</span></div></b>"
      "<p>Third <b>bold <i>and</b> italic</i> end");
  EXPECT_EQ(Paragraphs(article.text),
            (std::vector<std::string>{"One paragraph, never closed",
                                      "Second paragraph, also open",
                                      "Third bold and italic end"}));
}

TEST(ExtractHtml, DebrisBlocksAreLeftOutWithTheirReason) {
  HtmlArticle article = Extract(
      "<body><article><p>The mayor opened the new library on Saturday, and hundreds of "
      "readers queued to get in.</p><p>Read More</p></article></body>");
  EXPECT_EQ(article.text,
            "The mayor opened the new library on Saturday, and hundreds of readers queued to "
            "get in.");
  EXPECT_TRUE(std::any_of(article.dropped.begin(), article.dropped.end(), [](const Dropped& d) {
    return d.reason.rfind("debris:", 0) == 0;
  }));
}

// ---------------------------------------------------------------------------------------
// Finding the article without markup that names it.

TEST(ExtractHtml, ScorerFindsTheMainDivAmongLinkHeavyBlocks) {
  std::string html = "<html><body><div class=\"col-a\">";
  for (int i = 0; i < 8; ++i)
    html += "<div><a href=\"/s" + std::to_string(i) + "\">Markets close higher as traders "
            "weigh the latest figures, story " + std::to_string(i) + "</a></div>";
  html += "</div><div class=\"col-b\">"
          "<p>The harbour authority said on Monday that dredging would begin in April, once "
          "the last of the winter storms had passed, and would take about six weeks.</p>"
          "<p>Fishing crews, who have complained for years about the silted channel, said "
          "they welcomed the plan, though some worried about the cost.</p>"
          "<p>The work is paid for by the regional government, which set aside the money in "
          "its autumn budget, a spokeswoman said.</p></div>"
          "<div class=\"col-c\">";
  for (int i = 0; i < 4; ++i)
    html += "<p><a href=\"/t" + std::to_string(i) + "\">A teaser for another story, with "
            "commas, many words, and a link that runs the whole length of it</a></p>";
  html += "</div></body></html>";
  HtmlArticle article = Extract(html);
  std::vector<std::string> paragraphs = Paragraphs(article.text);
  ASSERT_EQ(paragraphs.size(), 3u) << article.text;
  EXPECT_EQ(paragraphs[0].substr(0, 27), "The harbour authority said ");
  EXPECT_EQ(paragraphs[2].substr(0, 12), "The work is ");
  ExpectMapIsSound(html, article);
}

TEST(ExtractHtml, TeaserArticlesDoNotWinOverTheStory) {
  std::string html = "<body><div id=\"story\">";
  for (int i = 0; i < 5; ++i)
    html += "<p>Paragraph " + std::to_string(i) + " of the story, which goes on for a while, "
            "with commas, clauses and the plain sentences a report is made of.</p>";
  html += "</div><div class=\"more\"><article><a href=\"/x\">Other story</a> with a short "
          "summary, here.</article></div></body>";
  HtmlArticle article = Extract(html);
  EXPECT_EQ(Paragraphs(article.text).size(), 5u) << article.text;
}

TEST(ExtractHtml, PageWrappedInAFormKeepsItsArticle) {
  HtmlArticle article = Extract(
      "<body><form id=\"aspnetForm\" action=\"/page.aspx\"><div class=\"page\">"
      "<p>The district court adjourned the hearing until next week, after the defence asked "
      "for more time to study the new evidence.</p></div></form></body>");
  EXPECT_EQ(article.text.substr(0, 30), "The district court adjourned t");
}

TEST(ExtractHtml, ClassHintsThatAlsoSayContentDoNotRemove) {
  HtmlArticle article = Extract(
      "<body><div class=\"content has-sidebar\"><p>A paragraph that must stay, because the "
      "wrapper also says it holds the content of the page.</p></div>"
      "<div class=\"sidebar\"><p>Sidebar text that is long enough to look like a paragraph "
      "of prose, but sits in a sidebar.</p></div></body>");
  EXPECT_NE(article.text.find("A paragraph that must stay"), std::string::npos);
  EXPECT_EQ(article.text.find("Sidebar text"), std::string::npos);
  EXPECT_TRUE(HasDropped(article, "html: sidebar"));
}

// ---------------------------------------------------------------------------------------
// Pages that are hard on the parser.

std::string Nested(int depth, std::string_view tag, std::string_view inner) {
  std::string html = "<html><body>";
  for (int i = 0; i < depth; ++i) html += "<" + std::string(tag) + ">";
  html += inner;
  for (int i = 0; i < depth; ++i) html += "</" + std::string(tag) + ">";
  return html + "</body></html>";
}

constexpr std::string_view kDeepText =
    "Deep inside the page, this sentence is still the article, with a comma.";

TEST(ExtractHtml, TenThousandNestedDivs) {
  std::string html = Nested(10000, "div", kDeepText);
  HtmlArticle article = Extract(html);
  EXPECT_EQ(article.text, kDeepText);
  ExpectMapIsSound(html, article);
}

// Runs `fn` on a thread with a small stack, as an embedding program's worker might have,
// so that recursion as deep as a page's nesting crashes the test.
template <typename Fn>
void RunOnSmallStack(Fn fn) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 256 * 1024);
  pthread_t thread;
  auto run = [](void* arg) -> void* {
    (*static_cast<Fn*>(arg))();
    return nullptr;
  };
  ASSERT_EQ(pthread_create(&thread, &attr, run, &fn), 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
}

TEST(ExtractHtml, NestingBeyondTheCapIsFlattenedNotFatal) {
  // A parser that recursed over the tree, or did work per tag in proportion to the
  // depth of open elements, would overflow the small stack or take minutes here.
  std::string spans = Nested(200000, "span", kDeepText);
  std::string divs = Nested(100000, "div", kDeepText);
  HtmlArticle from_spans, from_divs;
  RunOnSmallStack([&] {
    from_spans = Extract(spans);
    from_divs = Extract(divs);
  });
  EXPECT_EQ(from_spans.text, kDeepText);
  EXPECT_EQ(from_divs.text, kDeepText);
  ExpectMapIsSound(spans, from_spans);
  ExpectMapIsSound(divs, from_divs);
}

TEST(ExtractHtml, OneGiantTable) {
  std::string html = "<html><body><table>";
  for (int row = 0; row < 20000; ++row)
    html += "<tr><td>Row " + std::to_string(row) + "</td><td>A cell with some words, a comma, "
            "and enough text to count</td></tr>";
  html += "</table></body></html>";
  HtmlArticle article = Extract(html);
  EXPECT_EQ(article.text.substr(0, 7), "Row 0\n\n");
  EXPECT_NE(article.text.find("Row 19999"), std::string::npos);
  ExpectMapIsSound(html, article);
}

TEST(ExtractHtml, PagesWithoutTextGiveEmptyTextNotAnError) {
  for (std::string_view html :
       {std::string_view(""), std::string_view("<html><body></body></html>"),
        std::string_view("<html><body><nav><a href=\"/\">Home</a> <a href=\"/x\">News</a>"
                         "</nav><footer>Contact</footer></body></html>"),
        std::string_view("<p> &nbsp; </p><div>\n<br><br></div></ p><!-- never closed"),
        std::string_view("<html><body><script>document.write('hi')</script></body></html>")}) {
    Result<HtmlArticle> article = ExtractHtml(html);
    ASSERT_TRUE(article.ok()) << html;
    EXPECT_EQ(article->text, "") << html;
    EXPECT_EQ(article->map.clean_size(), 0u);
  }
}

// ---------------------------------------------------------------------------------------
// Which blocks are the article.

constexpr std::string_view kLongParagraph =
    "The regional water board approved the new reservoir on Tuesday after two years of "
    "hearings, and construction is expected to begin in the spring, officials said.";

TEST(ExtractHtml, HiddenElementsAreNotText) {
  std::string html = "<body><article><p>" + std::string(kLongParagraph) + "</p>"
                     "<div style=\"display: none\" itemscope><span itemprop=\"headline\">Hidden copy "
                     "of the headline</span></div><p hidden>Hidden paragraph.</p>"
                     "<span class=\"sr-only\">Filed under:</span><p aria-hidden=\"true\">Icon label.</p>"
                     "</article></body>";
  HtmlArticle article = Extract(html);
  EXPECT_EQ(article.text, kLongParagraph);
}

TEST(ExtractHtml, LinkListsAreLeftOutButLinkedProseStays) {
  std::string linked_prose =
      "<p>Officials from <a href=\"/a\">the ministry of water and the environment</a> met "
      "<a href=\"/b\">representatives of the farmers' unions of the three districts</a> on "
      "Monday, the agency said.</p>";
  std::string html = "<body><article><p>" + std::string(kLongParagraph) + "</p>" + linked_prose +
                     "<ul><li><a href=\"/x\">Storm closes coast road</a></li>"
                     "<li><a href=\"/y\">Council approves new pumps</a></li></ul>"
                     "<p>" + std::string(kLongParagraph) + "</p></article></body>";
  HtmlArticle article = Extract(html);
  EXPECT_NE(article.text.find("Officials from the ministry"), std::string::npos) << article.text;
  EXPECT_EQ(article.text.find("Storm closes"), std::string::npos) << article.text;
  EXPECT_TRUE(HasDropped(article, "html: links"));
}

// A kicker and a standfirst above the story, a list that ends the story, and a box of
// other headlines below it: the list is the story's, the rest is not.
TEST(ExtractHtml, BlocksAroundTheStoryOutsideItsElementAreLeftOut) {
  std::string html = "<body><article><div class=\"top\"><span>Opinion</span>"
                     "<h2>The reservoir will change the valley, for better and worse.</h2></div>"
                     "<div class=\"text\"><p>" + std::string(kLongParagraph) + "</p><p>" +
                     std::string(kLongParagraph) + "</p><ul><li>Work starts in April</li>"
                     "<li>Farmers are paid for the land</li></ul></div>"
                     "<div class=\"box\"><h3>Most popular</h3><div>Storm closes coast road</div>"
                     "<div>Council approves new pumps</div></div></article></body>";
  HtmlArticle article = Extract(html);
  std::vector<std::string> paragraphs = Paragraphs(article.text);
  ASSERT_EQ(paragraphs.size(), 4u) << article.text;
  EXPECT_EQ(paragraphs[2], "Work starts in April");
  EXPECT_EQ(paragraphs[3], "Farmers are paid for the land");
  EXPECT_TRUE(HasDropped(article, "html: header"));
  EXPECT_TRUE(HasDropped(article, "html: trailer"));
}

TEST(ExtractHtml, CaptionsAndCreditsAreKeptApart) {
  std::string html = "<body><article><p>" + std::string(kLongParagraph) + "</p>"
                     "<figure><img src=\"a.jpg\"><span>Jane Roe/Agency</span>"
                     "<figcaption>The dam site at dawn &amp; the valley.</figcaption></figure>"
                     "<div class=\"gallery\"><div class=\"caption\">Another photo</div></div>"
                     "</article></body>";
  HtmlArticle article = Extract(html);
  EXPECT_EQ(article.text, kLongParagraph);
  ASSERT_EQ(article.meta.captions.size(), 1u);
  EXPECT_EQ(article.meta.captions[0].text, "Jane Roe/Agency The dam site at dawn & the valley.");
  EXPECT_EQ(Slice(html, article.meta.captions[0].original).substr(0, 8), "<figure>");
}

TEST(ExtractHtml, PreformattedAndRawTextKeepTheirLines) {
  HtmlArticle article = Extract("<body><pre>line one\nline  two &amp; more</pre>"
                                "<xmp>a &amp; <b>b</b></xmp></body>");
  EXPECT_EQ(article.text, "line one\nline two & more\n\na &amp; <b>b</b>");
}

// ---------------------------------------------------------------------------------------
// Bad input through the whole reader (ReadRecord): encodings, sizes.

Result<Doc> ReadHtml(std::string bytes) {
  Record record;
  record.origin = {"page.html", 0, "html"};
  record.format = Format::kHtml;
  record.bytes = std::move(bytes);
  return ReadRecord(record, IngestOptions{});
}

TEST(ReadHtmlRecord, DeclaredLegacyEncodings) {
  auto latin = ReadHtml("<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xE9 "
                        "\x93open\x94 \x96 na\xEFve</p></body></html>");
  ASSERT_TRUE(latin.ok()) << latin.status().ToString();
  EXPECT_EQ(latin->text(), "Caf\xC3\xA9 \xE2\x80\x9Copen\xE2\x80\x9D \xE2\x80\x93 na\xC3\xAFve");
  // "日本語" in Shift-JIS, and "中文" in GB2312.
  auto sjis = ReadHtml("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                       "charset=Shift_JIS\"></head><body><p>\x93\xFA\x96\x7B\x8C\xEA</p></body></html>");
  ASSERT_TRUE(sjis.ok()) << sjis.status().ToString();
  EXPECT_EQ(sjis->text(), "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E");
  auto gb = ReadHtml("<html><head><meta charset=\"gb2312\"></head><body><p>\xD6\xD0\xCE\xC4</p></body></html>");
  ASSERT_TRUE(gb.ok()) << gb.status().ToString();
  EXPECT_EQ(gb->text(), "\xE4\xB8\xAD\xE6\x96\x87");
}

TEST(ReadHtmlRecord, ACharsetThatLiesStillGivesText) {
  // Declares UTF-8, is Windows-1252.
  auto doc = ReadHtml("<html><head><meta charset=\"utf-8\"></head><body><p>D\xE9j\xE0 vu, "
                      "the caf\xE9 said.</p></body></html>");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_NE(doc->text().find("vu, the caf"), std::string::npos) << doc->text();
}

TEST(ReadHtmlRecord, TwentyMegabytePage) {
  std::string html = "<html><body><div class=\"story\">";
  while (html.size() < (20u << 20))
    html += "<p>" + std::string(kLongParagraph) + " <a href=\"/x\">link</a> &amp; more.</p>\n";
  html += "</div></body></html>";
  auto doc = ReadHtml(html);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_GT(doc->text().size(), 10u << 20);
  EXPECT_EQ(doc->offset_map().clean_size(), doc->text().size());
}

TEST(ReadHtmlRecord, NoArticleIsAFailureRowNotACrash) {
  auto doc = ReadHtml("<html><body><nav><a href=\"/\">Home</a></nav></body></html>");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Code::kEmpty);
  EXPECT_EQ(doc.status().file(), "page.html");
}

// ---------------------------------------------------------------------------------------
// SniffHtmlCharset.

TEST(SniffHtmlCharset, ReadsBothDeclarationForms) {
  EXPECT_EQ(SniffHtmlCharset("<html><head><meta charset=\"UTF-8\">"), "utf-8");
  EXPECT_EQ(SniffHtmlCharset("<META CHARSET=windows-1252>"), "windows-1252");
  EXPECT_EQ(SniffHtmlCharset("<meta charset = 'iso-8859-1' />"), "iso-8859-1");
  EXPECT_EQ(SniffHtmlCharset("<meta http-equiv=\"Content-Type\" "
                             "content=\"text/html; charset=Shift_JIS\">"),
            "shift_jis");
  EXPECT_EQ(SniffHtmlCharset("<meta name=\"viewport\" content=\"width=device-width\">"
                             "<meta content=\"text/html;charset=koi8-r\" http-equiv=content-type>"),
            "koi8-r");
}

TEST(SniffHtmlCharset, NothingDeclaredOrTooLate) {
  EXPECT_EQ(SniffHtmlCharset(""), "");
  EXPECT_EQ(SniffHtmlCharset("<html><head><title>charset=utf-8</title></head>"), "");
  std::string late = std::string(1100, ' ') + "<meta charset=\"utf-8\">";
  EXPECT_EQ(SniffHtmlCharset(late), "");
  EXPECT_EQ(SniffHtmlCharset("<meta charset=\"\">"), "");
}

}  // namespace
}  // namespace sitrep
