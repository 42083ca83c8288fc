#include "ingest/html/metadata.h"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/dates.h"
#include "ingest/html/entities.h"
#include "ingest/html/json_ld.h"
#include "ingest/html/strings.h"

namespace sitrep::html {
namespace {

// Everything the metadata rules look at, gathered in one pass over the page.
struct PageFacts {
  std::map<std::string, std::vector<Found>> meta;  // "og:title" -> contents, in page order
  std::vector<Found> itemprop_published;
  std::optional<Found> language, canonical, title_tag, first_h1, first_time, first_time_text;
  std::vector<Found> rel_authors, bylines;
  std::vector<Found> json_ld;  // raw script bodies
};

// Visible text longer than this is not a metadata value (a "byline" class on a wrapper).
constexpr size_t kMaxFactText = 2000;

// The visible text of the element's subtree, decoded and collapsed, with the page bytes
// from its first text to its last.
std::optional<Found> ElementText(const Page& page, int element) {
  std::string text;
  Span where{std::numeric_limits<uint32_t>::max(), 0};
  for (uint32_t i = element + 1; i < page.node(element).end && text.size() < kMaxFactText; ++i) {
    const Node& n = page.node(i);
    if (n.kind == NodeKind::kElement) {
      if (n.foreign || IsOpaqueTag(n.tag)) i = n.end - 1;
      else if (IsBlockTag(n.tag) || n.tag == Tag::k_br) text.push_back(' ');
      continue;
    }
    std::string_view raw = page.RawText(i);
    text.append(raw.find('&') == npos ? std::string(raw) : DecodeEntities(raw, false));
    if (IsAllSpace(raw)) continue;
    where.begin = std::min(where.begin, n.source.begin);
    where.end = std::max(where.end, n.source.end);
  }
  std::string value = CollapseSpace(text);
  if (value.empty() || value.size() > kMaxFactText) return std::nullopt;
  return Found{std::move(value), where};
}

std::optional<Found> AttrFound(const Page& page, size_t i, std::string_view name) {
  std::string value = page.AttrText(i, name);
  if (value.empty()) return std::nullopt;
  return Found{std::move(value), page.AttrSpan(i, name)};
}

// The text of an element whose content is raw text (<title>, <script>): its one child.
std::optional<Found> RawChildText(const Page& page, size_t i) {
  size_t child = i + 1;
  if (child >= page.node(i).end || page.node(child).kind != NodeKind::kText) return std::nullopt;
  return Found{std::string(page.RawText(child)), page.node(child).source};
}

std::optional<Found> TitleText(const Page& page, size_t i) {
  std::optional<Found> title = RawChildText(page, i);
  if (!title) return std::nullopt;
  title->value = CollapseSpace(DecodeEntities(title->value, false));
  if (title->value.empty()) return std::nullopt;
  return title;
}

void GatherMeta(const Page& page, size_t i, PageFacts* facts) {
  std::optional<Found> content = AttrFound(page, i, "content");
  if (!content) return;
  for (std::string_view key_attr : {"property", "name", "itemprop"}) {
    std::string key = Lower(TrimAscii(page.Attr(i, key_attr)));
    if (key.empty()) continue;
    if (key == "datepublished") facts->itemprop_published.push_back(*content);
    else facts->meta[key].push_back(*content);
  }
}

void GatherElement(const Page& page, const std::vector<NodeStats>& stats, size_t i, PageFacts* facts) {
  const Node& n = page.node(i);
  switch (n.tag) {
    case Tag::k_html:
      if (!facts->language) facts->language = AttrFound(page, i, "lang");
      return;
    case Tag::k_meta:
      GatherMeta(page, i, facts);
      return;
    case Tag::k_link:
      if (!facts->canonical && HasWord(page.Attr(i, "rel"), "canonical")) facts->canonical = AttrFound(page, i, "href");
      break;
    case Tag::k_title:
      if (!facts->title_tag && !n.foreign) facts->title_tag = TitleText(page, i);
      return;
    case Tag::k_script:
      if (FindIgnoreCase(page.Attr(i, "type"), "ld+json") != npos)
        if (auto body = RawChildText(page, i)) facts->json_ld.push_back(std::move(*body));
      return;
    case Tag::k_h1:
      if (!facts->first_h1 && !stats[i].removed) facts->first_h1 = ElementText(page, static_cast<int>(i));
      break;
    case Tag::k_time:
      if (!facts->first_time && !stats[i].removed) facts->first_time = AttrFound(page, i, "datetime");
      if (!facts->first_time_text && !stats[i].removed) facts->first_time_text = ElementText(page, static_cast<int>(i));
      break;
    default:
      break;
  }
  if (n.attribute_count == 0) return;
  if (HasWord(page.Attr(i, "itemprop"), "datePublished")) {
    std::optional<Found> date = AttrFound(page, i, "datetime");
    if (!date) date = AttrFound(page, i, "content");
    if (!date) date = ElementText(page, static_cast<int>(i));
    if (date) facts->itemprop_published.push_back(std::move(*date));
  }
  if (n.tag != Tag::k_link && HasWord(page.Attr(i, "rel"), "author"))
    if (auto name = ElementText(page, static_cast<int>(i))) facts->rel_authors.push_back(std::move(*name));
  if (facts->bylines.size() < 3 && FindIgnoreCase(page.Attr(i, "class"), "byline") != npos)
    if (auto line = ElementText(page, static_cast<int>(i))) facts->bylines.push_back(std::move(*line));
}

PageFacts GatherFacts(const Page& page, const std::vector<NodeStats>& stats) {
  PageFacts facts;
  for (size_t i = 0; i < page.size(); ++i)
    if (page.node(i).kind == NodeKind::kElement) GatherElement(page, stats, i, &facts);
  return facts;
}

const Found* FirstMeta(const PageFacts& facts, std::string_view key) {
  auto it = facts.meta.find(std::string(key));
  return it != facts.meta.end() && !it->second.empty() ? &it->second.front() : nullptr;
}

const Found* Ptr(const std::optional<Found>& found) { return found ? &*found : nullptr; }

// The part of `where` that holds `value` verbatim, or `where` when entities or white space
// make them differ.
Span Narrow(const Page& page, Span where, std::string_view value) {
  size_t at = value.empty() ? npos : page.Slice(where).find(value);
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

void ChooseTitle(const PageFacts& facts, const JsonLdArticle& ld, const Page& page,
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
    meta->evidence["title"] = Narrow(page, c.where, c.value);
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

bool IsDigits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), IsAsciiDigit); }

// "nov" -> "11": the English month abbreviations some sites put in paths ("/2019/nov/18/").
std::string MonthNumber(std::string_view abbreviation) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  for (size_t m = 0; m < 12; ++m)
    if (EqualsIgnoreCase(abbreviation, kMonths[m])) return (m < 9 ? "0" : "") + std::to_string(m + 1);
  return "";
}

// A date in a URL's path, as news sites write them: "/2019/11/19/", "/2019-11-19-",
// "/20191119/", "/2019/nov/18/", or "/2019/11/" for the month alone. Returns the date
// and where in `url` it is written.
std::optional<FoundDate> DateInUrl(std::string_view url) {
  size_t path = url.find("://");
  path = url.find('/', path == npos ? 0 : path + 3);
  auto is_sep = [](char c) { return c == '/' || c == '-' || c == '_' || c == '.'; };
  for (size_t i = path; i != npos && i + 5 <= url.size(); i = url.find_first_of("/-_", i + 1)) {
    std::string_view rest = url.substr(i + 1);
    std::string_view year = rest.substr(0, 4);
    if (!IsDigits(year) || (year.substr(0, 2) != "19" && year.substr(0, 2) != "20")) continue;
    std::string_view month, day;
    std::string named_month;
    size_t length = 4;
    if (rest.size() >= 11 && rest[4] == '/' && rest[8] == '/' && !(named_month = MonthNumber(rest.substr(5, 3))).empty() &&
        IsDigits(rest.substr(9, 2))) {
      month = named_month, day = rest.substr(9, 2), length = 11;  // "2019/nov/18"
    } else if (rest.size() >= 8 && IsDigits(rest.substr(0, 8)) && (rest.size() == 8 || !IsAsciiDigit(rest[8]))) {
      month = rest.substr(4, 2), day = rest.substr(6, 2), length = 8;  // "20191119"
    } else if (rest.size() >= 7 && is_sep(rest[4]) && IsDigits(rest.substr(5, 2))) {
      month = rest.substr(5, 2), length = 7;
      if (rest.size() >= 10 && rest[7] == rest[4] && IsDigits(rest.substr(8, 2)) &&
          (rest.size() == 10 || !IsAsciiDigit(rest[10])))
        day = rest.substr(8, 2), length = 10;
      else if (rest.size() > 7 && rest[7] != '/')
        continue;  // "/2019-11x": not a date; "/2019/11/slug" is a month
    } else {
      continue;
    }
    int m = std::stoi(std::string(month)), d = day.empty() ? 1 : std::stoi(std::string(day));
    if (m < 1 || m > 12 || d < 1 || d > 31) continue;
    FoundDate found;
    found.date.iso = std::string(year) + "-" + std::string(month) + (day.empty() ? "" : "-" + std::string(day));
    found.date.precision = day.empty() ? DateTime::Precision::kMonth : DateTime::Precision::kDay;
    found.date.found_in = "url";
    found.begin = i + 1;
    found.end = i + 1 + length;
    return found;
  }
  return std::nullopt;
}

void ChooseDates(const PageFacts& facts, const JsonLdArticle& ld, const Page& page, Metadata* meta) {
  std::vector<DateSource> published = {
      {FirstMeta(facts, "article:published_time"), "meta:article:published_time"},
      {Ptr(ld.published), "json-ld:datePublished"}};
  for (const char* key : {"date", "pubdate", "publishdate", "dc.date.issued", "dc.date", "sailthru.date",
                          "parsely-pub-date", "og:published_time", "article.published"})
    published.push_back({FirstMeta(facts, key), std::string("meta:") + key});
  for (const Found& f : facts.itemprop_published) published.push_back({&f, "itemprop:datePublished"});
  published.push_back({Ptr(facts.first_time), "time:datetime"});
  if (!SetFirstDate(published, "published", &meta->published, meta)) {
    // Prose: a byline or the first <time>'s text ("Updated 5:27 am, Nov. 20, 2019"),
    // then the URL's path.
    std::vector<const Found*> prose;
    for (const Found& f : facts.bylines) prose.push_back(&f);
    prose.push_back(Ptr(facts.first_time_text));
    for (const Found* line : prose) {
      if (!line) continue;
      std::optional<FoundDate> date = FindDateInText(line->value);
      if (!date) continue;
      date->date.found_in = line == Ptr(facts.first_time_text) ? "time:text" : "byline";
      meta->published = date->date;
      meta->evidence["published"] = Narrow(page, line->where, line->value.substr(date->begin, date->end - date->begin));
      break;
    }
    for (const Found* url : {Ptr(facts.canonical), FirstMeta(facts, "og:url")}) {
      if (meta->published || !url) continue;
      if (std::optional<FoundDate> date = DateInUrl(url->value)) {
        meta->published = date->date;
        meta->evidence["published"] = Narrow(page, url->where, url->value.substr(date->begin, date->end - date->begin));
      }
    }
  }

  std::vector<DateSource> modified = {
      {FirstMeta(facts, "article:modified_time"), "meta:article:modified_time"},
      {Ptr(ld.modified), "json-ld:dateModified"},
      {FirstMeta(facts, "og:updated_time"), "meta:og:updated_time"},
      {FirstMeta(facts, "datemodified"), "itemprop:dateModified"}};
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

void ChooseAuthors(const PageFacts& facts, const JsonLdArticle& ld, const Page& page,
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
        found.push_back({name, Narrow(page, line.where, name)});
  }
  for (const Found& f : found) {
    bool seen = std::any_of(meta->authors.begin(), meta->authors.end(),
                            [&](const std::string& a) { return EqualsIgnoreCase(a, f.value); });
    if (seen) continue;
    if (meta->authors.empty()) meta->evidence["authors"] = f.where;
    meta->authors.push_back(f.value);
  }
}

}  // namespace

Metadata ReadMetadata(const Page& page, const std::vector<NodeStats>& stats) {
  PageFacts facts = GatherFacts(page, stats);
  JsonLdArticle ld = ReadJsonLd(facts.json_ld);
  Metadata meta;
  // The site's name first: the title rules use it to recognise a " | Site" suffix.
  SetFirst({FirstMeta(facts, "og:site_name"), Ptr(ld.publisher)}, "source", &meta.source, &meta);
  ChooseTitle(facts, ld, page, &meta);
  ChooseDates(facts, ld, page, &meta);
  ChooseAuthors(facts, ld, page, &meta);
  SetFirst({Ptr(facts.canonical), FirstMeta(facts, "og:url")}, "url", &meta.url, &meta);
  SetFirst({Ptr(facts.language)}, "language", &meta.language, &meta);
  SetFirst({FirstMeta(facts, "og:description"), FirstMeta(facts, "description"),
            FirstMeta(facts, "twitter:description")},
           "description", &meta.description, &meta);
  return meta;
}

}  // namespace sitrep::html
