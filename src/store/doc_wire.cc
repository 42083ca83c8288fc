// The coded-document wire format (see doc_wire.h).
#include "store/doc_wire.h"

#include <fmt/format.h>

#include <array>
#include <map>
#include <nlohmann/json.hpp>

#include "store/doc_json.h"

namespace sitrep {

namespace {

using nlohmann::json;

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string ToBase64(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const uint32_t v = (static_cast<uint8_t>(bytes[i]) << 16) | (static_cast<uint8_t>(bytes[i + 1]) << 8) |
                       static_cast<uint8_t>(bytes[i + 2]);
    for (int shift : {18, 12, 6, 0}) out += kBase64[(v >> shift) & 63];
  }
  if (const size_t rest = bytes.size() - i; rest > 0) {
    uint32_t v = static_cast<uint8_t>(bytes[i]) << 16;
    if (rest == 2) v |= static_cast<uint8_t>(bytes[i + 1]) << 8;
    out += kBase64[(v >> 18) & 63];
    out += kBase64[(v >> 12) & 63];
    out += rest == 2 ? kBase64[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

bool FromBase64(std::string_view text, std::string* out) {
  static const std::array<int8_t, 256> kValue = [] {
    std::array<int8_t, 256> t;
    t.fill(-1);
    for (int i = 0; i < 64; ++i) t[static_cast<uint8_t>(kBase64[i])] = static_cast<int8_t>(i);
    return t;
  }();
  if (text.size() % 4 != 0) return false;
  out->clear();
  out->reserve(text.size() / 4 * 3);
  for (size_t i = 0; i < text.size(); i += 4) {
    uint32_t v = 0;
    int pad = 0;
    for (size_t k = 0; k < 4; ++k) {
      const char c = text[i + k];
      if (c == '=' && i + 4 == text.size() && k >= 2) {
        ++pad, v <<= 6;
        continue;
      }
      if (pad || kValue[static_cast<uint8_t>(c)] < 0) return false;
      v = (v << 6) | static_cast<uint32_t>(kValue[static_cast<uint8_t>(c)]);
    }
    out->push_back(static_cast<char>((v >> 16) & 255));
    if (pad < 2) out->push_back(static_cast<char>((v >> 8) & 255));
    if (pad < 1) out->push_back(static_cast<char>(v & 255));
  }
  return true;
}

json OriginJson(const Origin& o) { return {{"path", o.path}, {"offset", o.offset}, {"format", o.format}}; }

Code CodeNamed(std::string_view name) {
  for (int c = 0; c <= static_cast<int>(Code::kInternal); ++c)
    if (CodeName(static_cast<Code>(c)) == name) return static_cast<Code>(c);
  return Code::kInternal;
}

Status Bad(std::string what) { return Status(Code::kParse, "not a coded document: " + std::move(what)); }

const json* Field(const json& j, const char* key, json::value_t type) {
  auto it = j.find(key);
  return it != j.end() && it->type() == type ? &*it : nullptr;
}

}  // namespace

std::string OutcomeToWire(const Outcome& outcome) {
  json out = {{"wire", kWireVersion}, {"origin", OriginJson(outcome.origin)}, {"doc", nullptr},
              {"failures", json::array()}};
  for (const Failure& f : outcome.failures) {
    json row = {{"origin", OriginJson(f.origin)}, {"stage", f.stage}, {"code", CodeName(f.status.code())},
                {"message", f.status.message()}, {"file", f.status.file()}};
    if (f.status.offset()) row["offset"] = *f.status.offset();
    out["failures"].push_back(std::move(row));
  }
  if (outcome.doc) {
    const Doc& d = *outcome.doc;
    json layers = json::object();
    for (const auto& [name, annotations] : d.layers()) {
      json list = json::array();
      for (const Annotation& a : annotations) list.push_back({a.span.begin, a.span.end, a.label, a.attrs});
      layers[name] = std::move(list);
    }
    // The JSON columns of the store are embedded as parsed JSON, so the line stays
    // readable with jq; their writers are the store's own (doc_json.h).
    out["doc"] = {{"origin", OriginJson(d.origin())},
                  {"content_hash", d.content_hash()},
                  {"text_hash", d.text_hash()},
                  {"original", ToBase64(d.original())},
                  {"text", d.text()},
                  {"offset_map", ToBase64(d.offset_map().Serialize())},
                  {"metadata", json::parse(sqlite::MetadataToJson(d.meta()))},
                  {"dropped", json::parse(sqlite::DroppedToJson(d.dropped()))},
                  {"tokens", json::parse(sqlite::TokensToJson(d.tokens()))},
                  {"sentences", json::parse(sqlite::SentencesToJson(d.sentences()))},
                  {"layers", std::move(layers)}};
  }
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<Outcome> OutcomeFromWire(std::string_view line) {
  json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return Bad("the line is not a JSON object");
  if (j.value("wire", "") != kWireVersion)
    return Bad(fmt::format("\"wire\" is not \"{}\" (written by another version of sitrep?)", kWireVersion));
  auto origin_of = [](const json& o, Origin* out) {
    if (!o.is_object()) return false;
    out->path = o.value("path", ""), out->format = o.value("format", "");
    out->offset = o.value("offset", uint64_t{0});
    return true;
  };
  Outcome outcome;
  if (!origin_of(j.value("origin", json()), &outcome.origin)) return Bad("no \"origin\"");
  if (const json* failures = Field(j, "failures", json::value_t::array)) {
    for (const json& f : *failures) {
      if (!f.is_object()) return Bad("a failure that is not an object");
      Failure failure;
      origin_of(f.value("origin", json()), &failure.origin);
      failure.stage = f.value("stage", "");
      failure.status = Status(CodeNamed(f.value("code", "internal")), f.value("message", ""));
      std::optional<uint64_t> offset;
      if (f.contains("offset") && f["offset"].is_number_unsigned()) offset = f["offset"].get<uint64_t>();
      failure.status.At(f.value("file", ""), offset);
      outcome.failures.push_back(std::move(failure));
    }
  }
  const json& d = j.value("doc", json());
  if (d.is_null()) return outcome;
  if (!d.is_object()) return Bad("\"doc\" is neither an object nor null");

  Origin origin;
  origin_of(d.value("origin", json()), &origin);
  std::string original, map_bytes;
  const json* text = Field(d, "text", json::value_t::string);
  if (!text) return Bad("the document has no \"text\"");
  if (!FromBase64(d.value("original", ""), &original)) return Bad("\"original\" is not base64");
  if (!FromBase64(d.value("offset_map", ""), &map_bytes)) return Bad("\"offset_map\" is not base64");
  OffsetMap map;
  if (!OffsetMap::Deserialize(map_bytes, &map)) return Bad("\"offset_map\" cannot be read");
  Metadata meta;
  if (!sqlite::MetadataFromJson(d.value("metadata", json()).dump(), &meta)) return Bad("\"metadata\" is not valid");
  std::vector<Dropped> dropped;
  if (!sqlite::DroppedFromJson(d.value("dropped", json::array()).dump(), &dropped)) return Bad("\"dropped\" is not valid");
  std::vector<Token> tokens;
  if (!sqlite::TokensFromJson(d.value("tokens", json::array()).dump(), &tokens)) return Bad("\"tokens\" are not valid");
  std::vector<Sentence> sentences;
  if (!sqlite::SentencesFromJson(d.value("sentences", json::array()).dump(), &sentences))
    return Bad("\"sentences\" are not valid");

  Doc doc(std::move(origin), std::move(original), text->get<std::string>(), std::move(map), std::move(meta));
  if (doc.content_hash() != d.value("content_hash", ""))
    return Status(Code::kStore, "the document's original bytes do not match its content hash");
  if (doc.text_hash() != d.value("text_hash", ""))
    return Status(Code::kStore, "the document's text does not match its text hash");
  doc.set_dropped(std::move(dropped));
  doc.mutable_tokens() = std::move(tokens);
  doc.mutable_sentences() = std::move(sentences);
  if (const json* layers = Field(d, "layers", json::value_t::object)) {
    for (const auto& [name, list] : layers->items()) {
      if (!list.is_array()) return Bad(fmt::format("layer \"{}\" is not a list", name));
      std::vector<Annotation> annotations;
      annotations.reserve(list.size());
      for (const json& a : list) {
        if (!a.is_array() || a.size() != 4 || !a[0].is_number_unsigned() || !a[1].is_number_unsigned() ||
            !a[2].is_string() || !a[3].is_string())
          return Bad(fmt::format("an annotation of layer \"{}\" is not [begin, end, label, attrs]", name));
        const Span span{a[0].get<uint32_t>(), a[1].get<uint32_t>()};
        if (span.begin > span.end || span.end > doc.text().size())
          return Bad(fmt::format("an annotation of layer \"{}\" lies outside the text", name));
        annotations.push_back({span, a[2].get<std::string>(), a[3].get<std::string>()});
      }
      doc.SetLayer(name, std::move(annotations));
    }
  }
  outcome.doc = std::move(doc);
  return outcome;
}

}  // namespace sitrep
