#include "ingest/html/furniture.h"

#include <algorithm>
#include <iterator>
#include <string>

#include "ingest/html/strings.h"

namespace sitrep::html {
namespace {

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
    {"widget", true, "html: widget"},     {"author", true, "html: byline"},
    {"bio", false, "html: byline"},          {"gallery", true, "html: gallery"},
    {"slideshow", true, "html: gallery"},    {"carousel", true, "html: gallery"},
    {"rail", false, "html: sidebar"},        {"disclaimer", true, "html: disclaimer"},
    {"disclosure", true, "html: disclaimer"}, {"dek", false, "html: summary"},
    {"standfirst", true, "html: summary"},
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
  char word[64];
  size_t length = 0;
  for (size_t i = 0; i <= token.size(); ++i) {
    char c = i < token.size() ? token[i] : ' ';
    bool camel_break = length > 0 && c >= 'A' && c <= 'Z' && token[i - 1] >= 'a' && token[i - 1] <= 'z';
    if (!IsAsciiAlnum(c) || camel_break || length == sizeof(word)) {
      if (length > 0) fn(std::string_view(word, length));
      length = 0;
    }
    if (IsAsciiAlnum(c)) word[length++] = AsciiLower(c);
  }
}

std::string_view FurnitureByTag(const Node& node, const NodeStats& n) {
  switch (node.tag) {
    case Tag::k_nav: case Tag::k_menu: return "html: nav";
    case Tag::k_aside: return "html: aside";
    case Tag::k_form: return "html: form";
    case Tag::k_figure: case Tag::k_figcaption: return "html: caption";  // captions and credits
    case Tag::k_header: return n.in_article ? "" : "html: header";
    case Tag::k_footer: return n.in_article ? "" : "html: footer";
    default: return "";
  }
}

std::string_view FurnitureByRole(std::string_view role) {
  if (role.empty()) return "";
  if (HasWord(role, "navigation") || HasWord(role, "menu") || HasWord(role, "menubar")) return "html: nav";
  if (HasWord(role, "banner")) return "html: header";
  if (HasWord(role, "contentinfo")) return "html: footer";
  if (HasWord(role, "complementary")) return "html: aside";
  if (HasWord(role, "dialog") || HasWord(role, "alertdialog")) return "html: popup";
  if (HasWord(role, "search")) return "html: form";
  return "";
}

// Why the element is furniture, or "" to keep it. `body` is the page's <body>: an
// element holding most of its prose is a layout wrapper, whatever its class says
// ("content-with-sidebar", "ad_body", a <form> around the whole page).
std::string_view FurnitureReason(const Page& page, size_t i, const NodeStats& n, const NodeStats& body) {
  bool holds_most = body.prose > 0 ? uint64_t{n.prose} * 2 > body.prose : uint64_t{n.all_text} * 2 > body.all_text;
  // Inside a paragraph a class names a link or a word, and removing it would cut the
  // sentence.
  Hints hints = n.in_paragraph && !n.is_block ? Hints{} : ReadHints(page, i);
  // The tag or role says furniture; the class, when it says so too, says which kind
  // (an <aside class="related"> is reported as related stories).
  std::string_view by_tag = FurnitureByTag(page.node(i), n);
  if (by_tag.empty()) by_tag = FurnitureByRole(page.Attr(i, "role"));
  if (!by_tag.empty()) {
    // A <form> around the whole page (ASP.NET) or a <figure> around the story is layout.
    if ((page.node(i).tag == Tag::k_form || page.node(i).tag == Tag::k_figure) && holds_most) return "";
    return !hints.furniture.empty() ? hints.furniture : by_tag;
  }
  if (hints.furniture.empty() || hints.content || holds_most) return "";
  return hints.furniture;
}

// The <article> or [itemprop=articleBody] with the most text, and its ancestors: never
// furniture, whatever their class or tag (an ASP.NET page wraps everything in a <form>).
std::vector<bool> ProtectMainArticle(const Page& page, const std::vector<NodeStats>& stats) {
  std::vector<bool> protect(stats.size(), false);
  int best = -1;
  for (size_t i = 0; i < stats.size(); ++i) {
    const NodeStats& n = stats[i];
    if (!n.is_element || n.hidden || n.all_text == 0 || !IsArticleElement(page, i)) continue;
    if (best < 0 || n.all_text > stats[best].all_text) best = static_cast<int>(i);
  }
  for (int i = best; i >= 0; i = page.node(i).parent) protect[i] = true;
  return protect;
}

}  // namespace

// A token that names furniture anywhere in it is furniture ("main-nav" is navigation);
// a token of content words only ("entry-content") speaks for content.
Hints ReadHints(const Page& page, size_t i) {
  Hints hints;
  for (std::string_view attr : {"class", "id"}) {
    std::string_view list = page.Attr(i, attr);
    size_t k = 0;
    while (k < list.size()) {
      while (k < list.size() && IsAsciiSpace(list[k])) ++k;
      size_t start = k;
      while (k < list.size() && !IsAsciiSpace(list[k])) ++k;
      const FurnitureWord* token_furniture = nullptr;
      bool token_content = false;
      ForEachWord(list.substr(start, k - start), [&](std::string_view word) {
        if (IsContentWord(word)) token_content = true;
        else if (!token_furniture) token_furniture = MatchFurnitureWord(word);
      });
      if (token_furniture) {
        if (hints.furniture.empty()) hints.furniture = token_furniture->reason;
      } else if (token_content) {
        hints.content = true;
      }
    }
  }
  return hints;
}

std::vector<Dropped> RemoveFurniture(const Page& page, std::vector<NodeStats>& stats, size_t limit,
                                     std::vector<int>* captions) {
  SumAllText(page, stats);
  std::vector<bool> protect = ProtectMainArticle(page, stats);
  int body_index = page.Find(Tag::k_body);
  const NodeStats body = stats[body_index >= 0 ? body_index : 0];
  std::vector<Dropped> dropped;
  for (size_t i = 0; i < stats.size(); ++i) {
    NodeStats& n = stats[i];
    int parent = page.node(i).parent;
    if (parent >= 0 && stats[parent].removed) {
      n.removed = true;
      continue;
    }
    if (!n.is_element || n.removed || protect[i]) continue;
    std::string_view reason = FurnitureReason(page, i, n, body);
    if (reason.empty()) continue;
    n.removed = true;
    if (n.all_text == 0) continue;
    dropped.push_back({page.node(i).source, std::string(reason)});
    if (captions && reason == "html: caption") captions->push_back(static_cast<int>(i));
  }
  std::stable_sort(dropped.begin(), dropped.end(),
                   [](const Dropped& a, const Dropped& b) { return a.original.size() > b.original.size(); });
  if (dropped.size() > limit) dropped.resize(limit);
  SumKeptText(page, stats);
  return dropped;
}

}  // namespace sitrep::html
