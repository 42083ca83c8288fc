// One JSON Lines record read as an article: its text, with a map back to the line's
// bytes, and the metadata fields that scrapers and datasets commonly write.
//
// simdjson's On-Demand API walks the line. It gives the raw token of every value, which
// is what keeps evidence traceable: string values are unescaped here, not by simdjson,
// so each escape becomes one replacement piece of the OffsetMap (and a stray escape or a
// lone surrogate, which Python's json module happily writes, becomes U+FFFD instead of
// failing the record). On-Demand checks the structure it walks but not the inside of
// values it skips, so a line with a malformed field we do not read is still accepted.
//
// Where a field has several names (url, link, canonical_url), the earlier name in the
// list wins; where the same name appears twice, the first usable occurrence wins (a
// "text" that is null does not hide a later "text" that holds the article).
#include <simdjson.h>

#include <array>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "ingest/containers.h"
#include "ingest/dates.h"
#include "text/encoding.h"

namespace sitrep {
namespace {

namespace od = simdjson::ondemand;
constexpr size_t npos = std::string_view::npos;
constexpr uint32_t kReplacementChar = 0xFFFD;

// ---- Unescaping JSON strings with an offset map ----

struct Unescaped {
  std::string text;
  OffsetMap map;  // text -> line bytes
};

// The four hex digits at s[pos, pos + 4), or nullopt.
std::optional<uint32_t> Hex4(std::string_view s, size_t pos) {
  if (pos + 4 > s.size()) return std::nullopt;
  uint32_t value = 0;
  for (char c : s.substr(pos, 4)) {
    uint32_t digit;
    if (c >= '0' && c <= '9') digit = static_cast<uint32_t>(c - '0');
    else if (c >= 'a' && c <= 'f') digit = static_cast<uint32_t>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') digit = static_cast<uint32_t>(c - 'A' + 10);
    else return std::nullopt;
    value = value * 16 + digit;
  }
  return value;
}

bool IsHighSurrogate(uint32_t u) { return u >= 0xD800 && u <= 0xDBFF; }
bool IsLowSurrogate(uint32_t u) { return u >= 0xDC00 && u <= 0xDFFF; }

struct Escape {
  uint32_t code_point;
  size_t length;  // bytes of the escape in the line
};

// The escape that starts at s[pos] == '\\'. A surrogate pair is one escape of 12 bytes.
Escape DecodeEscape(std::string_view s, size_t pos) {
  if (pos + 1 >= s.size()) return {kReplacementChar, 1};
  char c = s[pos + 1];
  switch (c) {
    case '"': return {'"', 2};
    case '\\': return {'\\', 2};
    case '/': return {'/', 2};
    case 'b': return {'\b', 2};
    case 'f': return {'\f', 2};
    case 'n': return {'\n', 2};
    case 'r': return {'\r', 2};
    case 't': return {'\t', 2};
    case 'u': break;
    // An unknown escape: replace the backslash, and the character after it when that is
    // one byte (a multi-byte character is left whole, so the text stays valid UTF-8).
    default: return {kReplacementChar, static_cast<unsigned char>(c) < 0x80 ? 2u : 1u};
  }
  std::optional<uint32_t> unit = Hex4(s, pos + 2);
  if (!unit) return {kReplacementChar, 2};
  if (IsLowSurrogate(*unit)) return {kReplacementChar, 6};
  if (!IsHighSurrogate(*unit)) return {*unit, 6};
  if (s.substr(pos + 6, 2) == "\\u") {
    std::optional<uint32_t> low = Hex4(s, pos + 8);
    if (low && IsLowSurrogate(*low)) return {0x10000 + ((*unit - 0xD800) << 10) + (*low - 0xDC00), 12};
  }
  return {kReplacementChar, 6};  // a high surrogate with no low one after it
}

// Unescapes the string contents line[begin, end) (between the quotes).
Unescaped Unescape(std::string_view line, size_t begin, size_t end) {
  Unescaped out;
  std::string_view s = line.substr(begin, end - begin);
  size_t pos = 0;
  while (pos < s.size()) {
    size_t backslash = s.find('\\', pos);
    size_t run_end = backslash == npos ? s.size() : backslash;
    out.text.append(s.substr(pos, run_end - pos));
    out.map.AppendVerbatim(static_cast<uint32_t>(begin + pos), static_cast<uint32_t>(run_end - pos));
    if (backslash == npos) break;
    Escape escape = DecodeEscape(s, backslash);
    size_t before = out.text.size();
    AppendUtf8(escape.code_point, &out.text);
    out.map.AppendReplacement(static_cast<uint32_t>(begin + backslash), static_cast<uint32_t>(escape.length),
                              static_cast<uint32_t>(out.text.size() - before));
    pos = backslash + escape.length;
  }
  return out;
}

bool IsBlank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == npos; }

std::string_view TrimSpace(std::string_view s) {
  size_t first = s.find_first_not_of(" \t\r\n");
  if (first == npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// ---- Errors with a place in the line ----

// Where the top-level value's brackets close, or where an unclosed string opens,
// found by counting brackets outside strings. Only used to place errors that simdjson
// reports without a position.
struct BracketScan {
  size_t close = npos;        // offset just past the closing bracket
  size_t open_string = npos;  // the quote of a string that never closes
};

BracketScan ScanBrackets(std::string_view line) {
  BracketScan scan;
  int depth = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '"') {
      size_t j = i + 1;
      while (j < line.size() && line[j] != '"') j += line[j] == '\\' ? 2 : 1;
      if (j >= line.size()) {
        scan.open_string = i;
        return scan;
      }
      i = j;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && --depth == 0) {
      scan.close = i + 1;
      return scan;
    }
  }
  return scan;
}

Status ParseError(std::string message, size_t offset) {
  return Status(Code::kParse, std::move(message)).At("", offset);
}

// A simdjson error as a Status; `at` is where simdjson stopped, when it says.
Status JsonError(std::string_view line, simdjson::error_code error, std::optional<size_t> at) {
  BracketScan scan = ScanBrackets(line);
  switch (error) {
    case simdjson::UTF8_ERROR:
      return Status(Code::kEncoding, "JSON Lines record is not valid UTF-8").At("", 0);
    case simdjson::EMPTY:
      return ParseError("line holds no JSON", 0);
    case simdjson::UNCLOSED_STRING:
      return ParseError("a JSON string is never closed", scan.open_string == npos ? 0 : scan.open_string);
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
      if (scan.close != npos && !IsBlank(line.substr(scan.close))) {
        return ParseError("text after the end of the JSON object",
                          line.find_first_not_of(" \t\r\n", scan.close));
      }
      return ParseError("the JSON object is never closed", line.size());
    case simdjson::TAPE_ERROR:
      return ParseError("bad JSON structure (a comma, colon, bracket or key missing or out of place)",
                        at.value_or(0));
    default:
      return ParseError(fmt::format("not valid JSON ({})", simdjson::error_message(error)), at.value_or(0));
  }
}

std::string_view TypeName(od::json_type type) {
  switch (type) {
    case od::json_type::array: return "an array";
    case od::json_type::object: return "an object";
    case od::json_type::number: return "a number";
    case od::json_type::string: return "a string";
    case od::json_type::boolean: return "a boolean";
    case od::json_type::null: return "null";
  }
  return "of an unknown type";
}

// The line parses as a document but its top-level value is not an object.
Status NotAnObject(std::string_view line, od::document& doc) {
  size_t first = line.find_first_not_of(" \t\r\n");
  if (first == npos) return ParseError("line holds no JSON", 0);
  char c = line[first];
  od::json_type type;
  bool looks_like_value = c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') ||
                          line.substr(first, 4) == "true" || line.substr(first, 5) == "false" ||
                          line.substr(first, 4) == "null";
  if (looks_like_value && !doc.type().get(type)) {
    return ParseError(fmt::format("line is {}, not a JSON object", TypeName(type)), first);
  }
  return ParseError(fmt::format("not JSON: expected '{{' but found '{}'", c), first);
}

// ---- Fields ----

enum class Field { kText, kTitle, kUrl, kPublished, kModified, kAuthors, kSource, kLanguage, kDescription };

// Names that sources give each field, best first; the position is the name's rank.
struct FieldName {
  std::string_view key;
  Field field;
};
constexpr FieldName kFieldNames[] = {
    {"text", Field::kText},           {"body", Field::kText},
    {"content", Field::kText},        {"articleBody", Field::kText},
    {"article", Field::kText},        {"maintext", Field::kText},
    {"title", Field::kTitle},         {"headline", Field::kTitle},
    {"url", Field::kUrl},             {"link", Field::kUrl},
    {"canonical_url", Field::kUrl},   {"published", Field::kPublished},
    {"date", Field::kPublished},      {"published_at", Field::kPublished},
    {"datePublished", Field::kPublished}, {"pubDate", Field::kPublished},
    {"modified", Field::kModified},   {"dateModified", Field::kModified},
    {"modified_at", Field::kModified}, {"updated_at", Field::kModified},
    {"author", Field::kAuthors},      {"authors", Field::kAuthors},
    {"source", Field::kSource},       {"outlet", Field::kSource},
    {"site_name", Field::kSource},    {"publisher", Field::kSource},
    {"language", Field::kLanguage},   {"lang", Field::kLanguage},
    {"description", Field::kDescription},
};
constexpr size_t kFieldCount = static_cast<size_t>(Field::kDescription) + 1;

std::optional<std::pair<Field, size_t>> LookUpField(std::string_view key) {
  for (size_t rank = 0; rank < std::size(kFieldNames); ++rank)
    if (kFieldNames[rank].key == key) return std::make_pair(kFieldNames[rank].field, rank);
  return std::nullopt;
}

// A string value read from the line.
struct StringValue {
  std::string text;
  Span raw;  // the token in the line, quotes included
};

// Collects the fields of one line as the walk meets them.
class ArticleFields {
 public:
  ArticleFields(std::string_view line, const char* buffer) : line_(line), buffer_(buffer) {
    best_rank_.fill(npos);
  }

  simdjson::error_code Take(std::string_view key, od::value& value);
  Result<JsonArticle> Finish();

 private:
  simdjson::error_code TakeText(std::string_view key, od::value& value, od::json_type type, size_t rank);
  simdjson::error_code TakeAuthors(od::value& value, od::json_type type, size_t rank);
  simdjson::error_code TakeSource(od::value& value, od::json_type type, size_t rank);
  // A string value, or the string under "name" in an object value.
  simdjson::error_code NamedString(od::value& value, od::json_type type, std::optional<StringValue>* out);
  bool TakeString(Field field, od::value& value);

  StringValue ReadString(od::value& value) {
    Span raw = RawString(value);
    return {std::string(TrimSpace(Unescape(line_, raw.begin + 1, raw.end - 1).text)), raw};
  }
  Span RawString(od::value& value) const {
    std::string_view token = value.raw_json_token();
    size_t begin = static_cast<size_t>(token.data() - buffer_);
    size_t end = begin + TrimSpace(token).size();  // the token runs on over spaces after it
    return {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
  }
  bool Better(Field field, size_t rank) const { return rank < best_rank_[static_cast<size_t>(field)]; }
  void Keep(Field field, size_t rank) { best_rank_[static_cast<size_t>(field)] = rank; }

  std::string_view line_;
  const char* buffer_;  // the padded copy simdjson reads; offsets in it are line offsets
  std::array<size_t, kFieldCount> best_rank_;
  std::optional<Unescaped> text_;
  std::vector<std::string> text_problems_;  // why text fields that were there were not used
  Metadata meta_;
};

simdjson::error_code ArticleFields::Take(std::string_view key, od::value& value) {
  std::optional<std::pair<Field, size_t>> found = LookUpField(key);
  if (!found || !Better(found->first, found->second)) return simdjson::SUCCESS;
  auto [field, rank] = *found;
  od::json_type type;
  if (auto error = value.type().get(type)) return error;
  switch (field) {
    case Field::kText: return TakeText(key, value, type, rank);
    case Field::kAuthors: return TakeAuthors(value, type, rank);
    case Field::kSource: return TakeSource(value, type, rank);
    default:
      if (type == od::json_type::string && TakeString(field, value)) Keep(field, rank);
      return simdjson::SUCCESS;
  }
}

simdjson::error_code ArticleFields::TakeText(std::string_view key, od::value& value, od::json_type type,
                                             size_t rank) {
  if (type != od::json_type::string) {
    text_problems_.push_back(fmt::format("{} is {}", key, TypeName(type)));
    return simdjson::SUCCESS;
  }
  Span raw = RawString(value);
  Unescaped text = Unescape(line_, raw.begin + 1, raw.end - 1);
  if (IsBlank(text.text)) {
    text_problems_.push_back(fmt::format("{} is empty", key));
    return simdjson::SUCCESS;
  }
  text_ = std::move(text);
  Keep(Field::kText, rank);
  return simdjson::SUCCESS;
}

// Where a plain string field goes in Metadata, and its evidence name.
struct StringSlot {
  std::string Metadata::*member;
  const char* name;
};
std::optional<StringSlot> SlotFor(Field field) {
  switch (field) {
    case Field::kTitle: return StringSlot{&Metadata::title, "title"};
    case Field::kUrl: return StringSlot{&Metadata::url, "url"};
    case Field::kLanguage: return StringSlot{&Metadata::language, "language"};
    case Field::kDescription: return StringSlot{&Metadata::description, "description"};
    default: return std::nullopt;
  }
}

// Returns whether the value was usable: not empty, and for a date, one that parses.
bool ArticleFields::TakeString(Field field, od::value& value) {
  StringValue s = ReadString(value);
  if (s.text.empty()) return false;
  if (field == Field::kPublished || field == Field::kModified) {
    std::optional<DateTime> date = ParseDate(s.text);
    if (!date) return false;
    bool published = field == Field::kPublished;
    date->found_in = published ? "json:published" : "json:modified";
    (published ? meta_.published : meta_.modified) = std::move(date);
    meta_.evidence[published ? "published" : "modified"] = s.raw;
    return true;
  }
  std::optional<StringSlot> slot = SlotFor(field);
  if (!slot) return false;
  meta_.*(slot->member) = std::move(s.text);
  meta_.evidence[slot->name] = s.raw;
  return true;
}

simdjson::error_code ArticleFields::NamedString(od::value& value, od::json_type type,
                                                std::optional<StringValue>* out) {
  if (type == od::json_type::string) {
    StringValue s = ReadString(value);
    if (!s.text.empty()) *out = std::move(s);
    return simdjson::SUCCESS;
  }
  if (type != od::json_type::object) return simdjson::SUCCESS;
  od::object object;
  if (auto error = value.get_object().get(object)) return error;
  for (auto member : object) {
    od::field field;
    if (auto error = std::move(member).get(field)) return error;
    std::string_view key;
    if (auto error = field.unescaped_key().get(key)) return error;
    od::json_type member_type;
    if (auto error = field.value().type().get(member_type)) return error;
    if (key == "name" && member_type == od::json_type::string && !*out) {
      StringValue s = ReadString(field.value());
      if (!s.text.empty()) *out = std::move(s);
    }
  }
  return simdjson::SUCCESS;
}

// Authors come as one string, an array of strings, or objects with a "name" (schema.org).
simdjson::error_code ArticleFields::TakeAuthors(od::value& value, od::json_type type, size_t rank) {
  std::vector<StringValue> authors;
  if (type == od::json_type::array) {
    od::array array;
    if (auto error = value.get_array().get(array)) return error;
    for (auto element : array) {
      od::value item;
      if (auto error = std::move(element).get(item)) return error;
      od::json_type item_type;
      if (auto error = item.type().get(item_type)) return error;
      std::optional<StringValue> name;
      if (auto error = NamedString(item, item_type, &name)) return error;
      if (name) authors.push_back(std::move(*name));
    }
  } else {
    std::optional<StringValue> name;
    if (auto error = NamedString(value, type, &name)) return error;
    if (name) authors.push_back(std::move(*name));
  }
  if (authors.empty()) return simdjson::SUCCESS;
  meta_.authors.clear();
  for (StringValue& author : authors) meta_.authors.push_back(std::move(author.text));
  meta_.evidence["authors"] = {authors.front().raw.begin, authors.back().raw.end};
  Keep(Field::kAuthors, rank);
  return simdjson::SUCCESS;
}

// The outlet: a string, or an object with a "name" (schema.org publisher).
simdjson::error_code ArticleFields::TakeSource(od::value& value, od::json_type type, size_t rank) {
  std::optional<StringValue> name;
  if (auto error = NamedString(value, type, &name)) return error;
  if (!name) return simdjson::SUCCESS;
  meta_.source = std::move(name->text);
  meta_.evidence["source"] = name->raw;
  Keep(Field::kSource, rank);
  return simdjson::SUCCESS;
}

Result<JsonArticle> ArticleFields::Finish() {
  if (!text_) {
    std::string tried;
    for (const FieldName& name : kFieldNames)
      if (name.field == Field::kText) tried += (tried.empty() ? "" : ", ") + std::string(name.key);
    std::string message = fmt::format("no article text: none of {} is a non-empty string", tried);
    for (const std::string& problem : text_problems_) message += "; " + problem;
    return Status(Code::kMissingField, std::move(message));
  }
  return JsonArticle{std::move(text_->text), std::move(text_->map), std::move(meta_)};
}

std::optional<size_t> Location(od::document& doc, const char* buffer) {
  const char* at = nullptr;
  if (doc.current_location().get(at)) return std::nullopt;
  return static_cast<size_t>(at - buffer);
}

}  // namespace

Result<JsonArticle> ParseJsonArticle(std::string_view line) {
  // One parser per thread: it keeps its buffers between lines, and records are read by
  // many threads at once.
  thread_local od::parser parser;
  simdjson::padded_string padded(line);
  od::document doc;
  if (auto error = parser.iterate(padded).get(doc)) return JsonError(line, error, std::nullopt);
  od::json_type type;
  if (auto error = doc.type().get(type)) return JsonError(line, error, Location(doc, padded.data()));
  if (type != od::json_type::object) return NotAnObject(line, doc);
  od::object object;
  if (auto error = doc.get_object().get(object)) return JsonError(line, error, Location(doc, padded.data()));

  ArticleFields fields(line, padded.data());
  for (auto member : object) {
    od::field field;
    std::string_view key;
    simdjson::error_code error = std::move(member).get(field);
    if (!error) error = field.unescaped_key().get(key);
    if (!error) error = fields.Take(key, field.value());
    if (error) return JsonError(line, error, Location(doc, padded.data()));
  }
  if (std::optional<size_t> rest = Location(doc, padded.data())) {
    return ParseError("text after the end of the JSON object", *rest);
  }
  return fields.Finish();
}

}  // namespace sitrep
