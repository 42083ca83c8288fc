// TimeML reading and writing (see timeml.h). A small scanner, not an XML parser: TimeML
// files are flat text with inline tags, and nothing else in them matters here.
#include "annotate/timeml.h"

#include <fmt/format.h>

#include <chrono>

#include "annotate/paragraphs.h"
#include "annotate/syntax_stage.h"
#include "annotate/timex_stage.h"
#include "annotate/token_stage.h"

namespace sitrep {

namespace {

// The value of attribute `name` in the inside of a tag (`type="DATE" value="1998"`).
std::string Attribute(std::string_view tag, std::string_view name) {
  size_t p = 0;
  while ((p = tag.find(name, p)) != std::string_view::npos) {
    bool starts = p == 0 || tag[p - 1] == ' ' || tag[p - 1] == '\t' || tag[p - 1] == '\n';
    size_t q = p + name.size();
    while (q < tag.size() && tag[q] == ' ') ++q;
    if (starts && q < tag.size() && tag[q] == '=') {
      ++q;
      while (q < tag.size() && tag[q] == ' ') ++q;
      if (q < tag.size() && (tag[q] == '"' || tag[q] == '\'')) {
        size_t end = tag.find(tag[q], q + 1);
        if (end != std::string_view::npos) return std::string(tag.substr(q + 1, end - q - 1));
      }
    }
    p += name.size();
  }
  return "";
}

// Decodes the entity at xml[p] ('&'), appending it to *out; returns the bytes consumed.
size_t DecodeEntity(std::string_view xml, size_t p, std::string* out) {
  static constexpr std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  for (auto [name, c] : kEntities)
    if (xml.substr(p, name.size()) == name) return out->push_back(c), name.size();
  out->push_back('&');
  return 1;
}

std::optional<DateTime> DctFrom(std::string_view tag) {
  std::string value = Attribute(tag, "value");
  if (value.size() < 4) return std::nullopt;
  DateTime d;
  d.iso = value;
  d.precision = value.size() >= 16 ? DateTime::Precision::kMinute
              : value.size() >= 10 ? DateTime::Precision::kDay
              : value.size() >= 7  ? DateTime::Precision::kMonth
                                   : DateTime::Precision::kYear;
  d.found_in = "timeml:DCT";
  return d;
}

void AppendEscaped(std::string_view s, std::string* out) {
  for (char c : s) {
    if (c == '&') *out += "&amp;";
    else if (c == '<') *out += "&lt;";
    else if (c == '>') *out += "&gt;";
    else out->push_back(c);
  }
}

// The string value of "key" in JSON written by TimexAttrsJson (no nested objects).
std::string JsonString(std::string_view json, std::string_view key) {
  std::string pattern = fmt::format("\"{}\":\"", key);
  size_t p = json.find(pattern);
  if (p == std::string_view::npos) return "";
  std::string out;
  for (size_t q = p + pattern.size(); q < json.size() && json[q] != '"'; ++q) {
    if (json[q] == '\\' && q + 1 < json.size()) ++q;
    out.push_back(json[q]);
  }
  return out;
}

}  // namespace

Result<TimemlDoc> ParseTimeml(std::string_view xml, const std::string& name) {
  TimemlDoc doc;
  size_t open = xml.find("<TEXT>");
  size_t close = xml.rfind("</TEXT>");
  if (open == std::string_view::npos || close == std::string_view::npos || close < open)
    return Status(Code::kParse, "no <TEXT> element").At(name);
  doc.head = std::string(xml.substr(0, open + 6));
  // The creation time: the TIMEX3 in <DCT>, or one marked CREATION_TIME anywhere.
  for (size_t p = 0; (p = xml.find("<TIMEX3", p)) != std::string_view::npos; ++p) {
    size_t end = xml.find('>', p);
    if (end == std::string_view::npos) break;
    std::string_view tag = xml.substr(p, end - p);
    if (tag.find("CREATION_TIME") != std::string_view::npos) {
      doc.dct = DctFrom(tag);
      break;
    }
  }
  std::optional<TimemlTimex> current;
  for (size_t p = open + 6; p < close;) {
    char c = xml[p];
    if (c == '&') {
      p += DecodeEntity(xml, p, &doc.text);
      continue;
    }
    if (c != '<') {
      doc.text.push_back(c);
      ++p;
      continue;
    }
    size_t end = xml.find('>', p);
    if (end == std::string_view::npos || end > close)
      return Status(Code::kParse, "a tag is not closed").At(name, p);
    std::string_view tag = xml.substr(p + 1, end - p - 1);
    auto here = static_cast<uint32_t>(doc.text.size());
    if (tag.starts_with("TIMEX3")) {
      current = TimemlTimex{{here, here}, Attribute(tag, "type"), Attribute(tag, "value"), Attribute(tag, "mod")};
      if (tag.ends_with("/")) current.reset();  // an empty (non-consuming) TIMEX3
    } else if (tag == "/TIMEX3" && current) {
      current->span.end = here;
      doc.timexes.push_back(std::move(*current));
      current.reset();
    }
    p = end + 1;
  }
  return doc;
}

std::string WriteTimeml(const TimemlDoc& doc, const std::vector<TimemlTimex>& timexes) {
  std::string out = doc.head;
  uint32_t at = 0;
  int tid = 0;
  auto size = static_cast<uint32_t>(doc.text.size());
  for (const TimemlTimex& t : timexes) {
    if (t.span.begin < at || t.span.end > size || t.span.begin >= t.span.end) continue;
    AppendEscaped(std::string_view(doc.text).substr(at, t.span.begin - at), &out);
    out += fmt::format("<TIMEX3 tid=\"t{}\" type=\"{}\" value=\"{}\"", ++tid, t.type, t.value);
    if (!t.mod.empty()) out += fmt::format(" mod=\"{}\"", t.mod);
    out += ">";
    AppendEscaped(std::string_view(doc.text).substr(t.span.begin, t.span.size()), &out);
    out += "</TIMEX3>";
    at = t.span.end;
  }
  AppendEscaped(std::string_view(doc.text).substr(at), &out);
  out += "</TEXT>\n\n</TimeML>\n";
  return out;
}

Doc TimemlToDoc(const TimemlDoc& doc, const std::string& path) {
  Metadata meta;
  meta.published = doc.dct;
  return Doc(Origin{path, 0, "timeml"}, doc.text, doc.text, OffsetMap::Identity(static_cast<uint32_t>(doc.text.size())),
             std::move(meta));
}

std::vector<TimemlTimex> TimexesFromDoc(const Doc& doc) {
  std::vector<TimemlTimex> out;
  const std::vector<Annotation>* layer = doc.Layer("timex");
  if (layer == nullptr) return out;
  for (const Annotation& a : *layer) {
    std::string value = JsonString(a.attrs, "value");
    if (value.empty()) continue;
    std::string mod = JsonString(a.attrs, "mod");
    // TIMEX3 mods are upper case; "exact" and the signals sitrep keeps for itself are not written.
    static constexpr std::pair<std::string_view, std::string_view> kMods[] = {
        {"approx", "APPROX"}, {"start", "START"}, {"mid", "MID"}, {"end", "END"},
        {"less_than", "LESS_THAN"}, {"more_than", "MORE_THAN"}, {"equal_or_less", "EQUAL_OR_LESS"},
        {"equal_or_more", "EQUAL_OR_MORE"}, {"before", "BEFORE"}, {"after", "AFTER"},
        {"on_or_before", "ON_OR_BEFORE"}, {"on_or_after", "ON_OR_AFTER"}};
    std::string timeml_mod;
    for (auto [ours, theirs] : kMods)
      if (mod == ours) timeml_mod = theirs;
    out.push_back({a.span, a.label, value, timeml_mod});
  }
  return out;
}

TimemlAnnotator::TimemlAnnotator(bool with_syntax) {
  core_.push_back(std::make_unique<ParagraphStage>());
  core_.push_back(std::make_unique<TokenStage>());
  if (with_syntax)
    if (auto models = SyntaxModels::LoadDefault(); models.ok()) syntax_ = std::make_unique<SyntaxStage>(*models);
  timex_ = std::make_unique<TimexStage>();
}

TimemlAnnotator::~TimemlAnnotator() = default;

Status TimemlAnnotator::Annotate(Doc& doc) {
  using Clock = std::chrono::steady_clock;
  auto start = Clock::now();
  for (const auto& stage : core_) SITREP_RETURN_IF_ERROR(stage->Process(doc));
  if (syntax_) SITREP_RETURN_IF_ERROR(syntax_->Process(doc));
  auto core_done = Clock::now();
  SITREP_RETURN_IF_ERROR(timex_->Process(doc));
  core_seconds_ += std::chrono::duration<double>(core_done - start).count();
  timex_seconds_ += std::chrono::duration<double>(Clock::now() - core_done).count();
  return Status::Ok();
}

}  // namespace sitrep
