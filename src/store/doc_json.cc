#include "store/doc_json.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <stdexcept>

namespace sitrep::sqlite {

using nlohmann::json;

namespace {

constexpr DateTime::Precision kPrecisions[] = {DateTime::Precision::kYear, DateTime::Precision::kMonth,
                                               DateTime::Precision::kDay, DateTime::Precision::kMinute,
                                               DateTime::Precision::kSecond};

std::optional<DateTime::Precision> PrecisionFromName(std::string_view name) {
  for (DateTime::Precision p : kPrecisions)
    if (PrecisionName(p) == name) return p;
  return std::nullopt;
}

// Reading throws (json's exceptions, or invalid_argument for a shape json cannot
// check); the public functions catch and answer false.

// See the file comment: bad UTF-8 becomes U+FFFD instead of an exception.
std::string Dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

json SpanToJson(Span span) { return json::array({span.begin, span.end}); }

Span SpanFromJson(const json& value) {
  if (!value.is_array() || value.size() != 2) throw std::invalid_argument("span is not [begin, end]");
  return {value.at(0).get<uint32_t>(), value.at(1).get<uint32_t>()};
}

json DateToJson(const DateTime& date) {
  json out = {{"iso", date.iso}, {"precision", PrecisionName(date.precision)}, {"found_in", date.found_in}};
  if (date.utc_offset_minutes) out["utc_offset_minutes"] = *date.utc_offset_minutes;
  return out;
}

std::optional<DateTime> DateFromJson(const json& value) {
  if (value.is_null()) return std::nullopt;
  DateTime date;
  date.iso = value.at("iso").get<std::string>();
  std::optional<DateTime::Precision> precision = PrecisionFromName(value.at("precision").get<std::string>());
  if (!precision) throw std::invalid_argument("unknown date precision");
  date.precision = *precision;
  date.found_in = value.value("found_in", std::string());
  if (value.contains("utc_offset_minutes")) date.utc_offset_minutes = value.at("utc_offset_minutes").get<int>();
  return date;
}

json OptionalDateToJson(const std::optional<DateTime>& date) { return date ? DateToJson(*date) : json(); }

}  // namespace

std::string MetadataToJson(const Metadata& meta) {
  json evidence = json::object();
  for (const auto& [field, span] : meta.evidence) evidence[field] = SpanToJson(span);
  json captions = json::array();
  for (const Caption& c : meta.captions) captions.push_back({{"text", c.text}, {"original", SpanToJson(c.original)}});
  json out = {
      {"title", meta.title},
      {"published", OptionalDateToJson(meta.published)},
      {"modified", OptionalDateToJson(meta.modified)},
      {"authors", meta.authors},
      {"dateline_place", meta.dateline_place},
      {"dateline_agency", meta.dateline_agency},
      {"source", meta.source},
      {"url", meta.url},
      {"language", meta.language},
      {"description", meta.description},
      {"captions", captions},
      {"evidence", evidence},
  };
  return Dump(out);
}

bool MetadataFromJson(std::string_view text, Metadata* meta) {
  try {
    json value = json::parse(text);
    Metadata out;
    out.title = value.value("title", std::string());
    out.published = DateFromJson(value.value("published", json()));
    out.modified = DateFromJson(value.value("modified", json()));
    out.authors = value.value("authors", std::vector<std::string>());
    out.dateline_place = value.value("dateline_place", std::string());
    out.dateline_agency = value.value("dateline_agency", std::string());
    out.source = value.value("source", std::string());
    out.url = value.value("url", std::string());
    out.language = value.value("language", std::string());
    out.description = value.value("description", std::string());
    // A named copy: items() of a temporary would dangle inside the loop.
    for (const json& c : value.value("captions", json::array()))
      out.captions.push_back({c.at("text").get<std::string>(), SpanFromJson(c.at("original"))});
    const json evidence = value.value("evidence", json::object());
    for (const auto& [field, span] : evidence.items()) out.evidence[field] = SpanFromJson(span);
    *meta = std::move(out);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

std::string DroppedToJson(const std::vector<Dropped>& dropped) {
  json out = json::array();
  for (const Dropped& d : dropped)
    out.push_back({{"begin", d.original.begin}, {"end", d.original.end}, {"reason", d.reason}});
  return Dump(out);
}

bool DroppedFromJson(std::string_view text, std::vector<Dropped>* dropped) {
  try {
    std::vector<Dropped> out;
    for (const json& item : json::parse(text)) {
      out.push_back({{item.at("begin").get<uint32_t>(), item.at("end").get<uint32_t>()},
                     item.at("reason").get<std::string>()});
    }
    *dropped = std::move(out);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

std::string TokensToJson(const std::vector<Token>& tokens) {
  json out = json::array();
  for (const Token& t : tokens)
    out.push_back({t.span.begin, t.span.end, t.upos, t.xpos, t.lemma, t.head, t.deprel, t.space_after ? 1 : 0});
  return Dump(out);
}

bool TokensFromJson(std::string_view text, std::vector<Token>* tokens) {
  try {
    std::vector<Token> out;
    for (const json& item : json::parse(text)) {
      if (!item.is_array() || item.size() != 8) throw std::invalid_argument("token is not an 8-array");
      out.push_back({.span = {item[0].get<uint32_t>(), item[1].get<uint32_t>()},
                     .upos = item[2].get<std::string>(),
                     .xpos = item[3].get<std::string>(),
                     .lemma = item[4].get<std::string>(),
                     .head = item[5].get<int32_t>(),
                     .deprel = item[6].get<std::string>(),
                     .space_after = item[7].get<int>() != 0});
    }
    *tokens = std::move(out);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

std::string SentencesToJson(const std::vector<Sentence>& sentences) {
  json out = json::array();
  for (const Sentence& s : sentences) out.push_back({s.span.begin, s.span.end, s.token_begin, s.token_end});
  return Dump(out);
}

bool SentencesFromJson(std::string_view text, std::vector<Sentence>* sentences) {
  try {
    std::vector<Sentence> out;
    for (const json& item : json::parse(text)) {
      if (!item.is_array() || item.size() != 4) throw std::invalid_argument("sentence is not a 4-array");
      out.push_back({{item[0].get<uint32_t>(), item[1].get<uint32_t>()}, item[2].get<uint32_t>(),
                     item[3].get<uint32_t>()});
    }
    *sentences = std::move(out);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

std::string StringsToJson(const std::vector<std::string>& strings) { return Dump(json(strings)); }

bool StringsFromJson(std::string_view text, std::vector<std::string>* strings) {
  try {
    *strings = json::parse(text).get<std::vector<std::string>>();
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

std::string JoinAuthors(const std::vector<std::string>& authors) {
  std::string out;
  for (const std::string& author : authors) out += (out.empty() ? "" : "; ") + author;
  return out;
}

std::vector<std::string> LayerNames(const Doc& doc) {
  std::vector<std::string> names;
  for (const auto& [name, annotations] : doc.layers()) names.push_back(name);
  return names;
}

}  // namespace sitrep::sqlite
