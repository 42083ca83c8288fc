// Building annotation_layers rows on the client (pg_annotations.h).
#include "store/pg/pg_annotations.h"

#include <fmt/format.h>

#include <algorithm>

namespace sitrep::pg {

LayerArrays LayerArraysOf(const Doc& doc, const std::vector<std::string>* only) {
  LayerArrays out;
  for (const auto& [layer, annotations] : doc.layers()) {
    if (annotations.empty()) continue;
    if (only && std::find(only->begin(), only->end(), layer) == only->end()) continue;
    PgArray begins, ends, labels, attrs;
    bool any_attrs = false;
    for (const Annotation& a : annotations) {
      // Spans fit in integer: PostgreSQL's own text values stop at 1 GB.
      begins.Add(static_cast<int64_t>(a.span.begin));
      ends.Add(static_cast<int64_t>(a.span.end));
      labels.Add(PgText(a.label));
      if (a.attrs.empty()) {
        attrs.AddNull();
      } else {
        attrs.Add(PgText(a.attrs));
        any_attrs = true;
      }
    }
    out.layers.Add(PgText(layer));
    out.begins.Add(begins.Take());
    out.ends.Add(ends.Take());
    out.labels.Add(labels.Take());
    // Most layers have no attributes at all: NULL rather than an array of NULLs.
    if (any_attrs) {
      out.attrs.Add(attrs.Take());
    } else {
      out.attrs.AddNull();
    }
  }
  return out;
}

std::string SelectLayerRows(std::string_view doc_id, std::string_view from, int first) {
  return fmt::format(
      "SELECT {0}, l.layer, l.b::integer[], l.e::integer[], l.label::text[], l.attrs::text[]"
      " FROM {1}unnest(${2}::text[], ${3}::text[], ${4}::text[], ${5}::text[], ${6}::text[])"
      " AS l(layer, b, e, label, attrs)",
      doc_id, from.empty() ? std::string() : std::string(from) + ", ", first, first + 1, first + 2, first + 3,
      first + 4);
}

}  // namespace sitrep::pg
