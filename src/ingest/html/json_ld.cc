// JSON-LD in the reader: parse each script leniently, find the article object among
// arrays, @graph nodes and mainEntity, and resolve names given by @id reference.
#include "ingest/html/json_ld.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>

#include "ingest/html/strings.h"

namespace sitrep::html {
namespace {

using Json = nlohmann::json;
using JsonIds = std::map<std::string, const Json*>;

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

}  // namespace

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

}  // namespace sitrep::html
