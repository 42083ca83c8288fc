#include "text/doc_json.h"

namespace sitrep {

using nlohmann::json;

namespace {
json SpanJson(Span s) { return json::array({s.begin, s.end}); }
}  // namespace

json DateTimeToJson(const DateTime& d) {
  json j = {{"value", d.iso}, {"precision", PrecisionName(d.precision)}, {"found_in", d.found_in}};
  if (d.utc_offset_minutes) j["utc_offset_minutes"] = *d.utc_offset_minutes;
  return j;
}

json MetadataToJson(const Metadata& m) {
  json j = {{"title", m.title},
            {"authors", m.authors},
            {"dateline", {{"place", m.dateline_place}, {"agency", m.dateline_agency}}},
            {"source", m.source},
            {"url", m.url},
            {"language", m.language},
            {"description", m.description}};
  j["published"] = m.published ? DateTimeToJson(*m.published) : json(nullptr);
  j["modified"] = m.modified ? DateTimeToJson(*m.modified) : json(nullptr);
  json captions = json::array();
  for (const Caption& c : m.captions) captions.push_back({{"text", c.text}, {"original", SpanJson(c.original)}});
  j["captions"] = std::move(captions);
  json evidence = json::object();
  for (const auto& [field, span] : m.evidence) evidence[field] = SpanJson(span);
  j["evidence"] = std::move(evidence);
  return j;
}

json DocToJson(const Doc& doc) {
  const Metadata& m = doc.meta();
  json j;
  j["id"] = doc.content_hash();
  j["origin"] = {{"path", doc.origin().path}, {"offset", doc.origin().offset}, {"format", doc.origin().format}};
  j["title"] = m.title;
  j["published"] = m.published ? json(m.published->iso) : json(nullptr);
  std::string authors;
  for (const auto& a : m.authors) authors += (authors.empty() ? "" : "; ") + a;
  j["author"] = authors;
  j["articleBody"] = doc.text();
  j["metadata"] = MetadataToJson(m);
  json dropped = json::array();
  for (const Dropped& d : doc.dropped()) dropped.push_back({{"original", SpanJson(d.original)}, {"reason", d.reason}});
  j["dropped"] = std::move(dropped);
  json layers = json::object();
  for (const auto& [name, items] : doc.layers()) {
    json list = json::array();
    for (const Annotation& a : items) {
      json item = {{"span", SpanJson(a.span)}, {"original", SpanJson(doc.ToOriginal(a.span))}, {"label", a.label}};
      if (!a.attrs.empty()) item["attrs"] = json::parse(a.attrs, nullptr, false);
      list.push_back(std::move(item));
    }
    layers[name] = std::move(list);
  }
  j["layers"] = std::move(layers);
  return j;
}

}  // namespace sitrep
