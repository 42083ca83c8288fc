// Building annotation_layers rows on the client (pg_annotations.h).
#include "store/pg/pg_annotations.h"

#include <fmt/format.h>

#include <algorithm>
#include <pqxx/pqxx>

namespace sitrep::pg {

void LayerRows::Add(const Doc& doc, int64_t doc_id, const std::vector<std::string>* only) {
  using Of = PgArray::Of;
  for (const auto& [layer, annotations] : doc.layers()) {
    if (annotations.empty()) continue;
    if (only && std::find(only->begin(), only->end(), layer) == only->end()) continue;
    PgArray begins(Of::kInteger), ends(Of::kInteger), labels(Of::kText), attrs(Of::kText);
    bool any_attrs = false;
    for (const Annotation& a : annotations) {
      // Spans fit in integer: PostgreSQL's own text values stop at 1 GB.
      begins.Add(static_cast<int64_t>(a.span.begin));
      ends.Add(static_cast<int64_t>(a.span.end));
      labels.Add(std::string_view(PgText(a.label)));
      if (a.attrs.empty()) {
        attrs.AddNull();
      } else {
        attrs.Add(std::string_view(PgText(a.attrs)));
        any_attrs = true;
      }
    }
    // The table's columns: doc_id, layer, span_begins, span_ends, labels, attrs.
    PgRecord row(6);
    row.Add(doc_id);
    row.Add(PgRecord::kText, PgText(layer));
    row.Add(PgRecord::kIntegerArray, begins.Take());
    row.Add(PgRecord::kIntegerArray, ends.Take());
    row.Add(PgRecord::kTextArray, labels.Take());
    // Most layers have no attributes at all: NULL rather than an array of NULLs.
    if (any_attrs) {
      row.Add(PgRecord::kTextArray, attrs.Take());
    } else {
      row.AddNull(PgRecord::kTextArray);
    }
    rows_.Add(std::string_view(row.Take()));
  }
}

uint32_t LayerRowType(pqxx::transaction_base& tx) {
  return tx.exec1("SELECT 'annotation_layers'::regtype::oid")[0].as<uint32_t>();
}

std::string SelectLayerRows(std::string_view docs, int param) {
  if (docs.empty())
    return fmt::format("SELECT * FROM unnest(${}::annotation_layers[])", param);
  return fmt::format(
      "SELECT {0}.id, r.layer, r.span_begins, r.span_ends, r.labels, r.attrs"
      " FROM unnest(${1}::annotation_layers[]) AS r JOIN {0} ON {0}.doc = r.doc_id",
      docs, param);
}

}  // namespace sitrep::pg
