// A document's annotations as PostgreSQL stores them (schema version 5): one row of
// annotation_layers per document and layer, the layer's annotations as parallel
// arrays in `seq` order. One row per layer instead of one per annotation: an article
// has about ten layers and a hundred annotations, and each row cost an index entry per
// index and a foreign-key check. The `annotations` view unnests the arrays back into
// the rows of the SQLite store's annotations table, for reading.
#pragma once

#include <pqxx/transaction_base>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/doc.h"
#include "store/pg/pg_store.h"

namespace sitrep::pg {

// The layers of documents as one parameter: an array of annotation_layers rows
// (PgRecord), in binary, each with the layer's arrays in binary too, so the server parses
// no text and cuts nothing out of anything. A row's doc_id is the document's id, or in a
// statement of several documents its place among them (SelectLayerRows joins it to the
// id). Layers without annotations have no row.
class LayerRows {
 public:
  // `row_type`: the oid of the annotation_layers row type (LayerRowType).
  explicit LayerRows(uint32_t row_type) : rows_(PgArray::Oid(row_type)) {}
  // Adds the layers of `doc` (those named in `only`, when given) with `doc_id`.
  void Add(const Doc& doc, int64_t doc_id, const std::vector<std::string>* only = nullptr);
  std::string Take() { return rows_.Take(); }

 private:
  PgArray rows_;
};

// The oid of annotation_layers' row type in the store of `tx`.
uint32_t LayerRowType(pqxx::transaction_base& tx);

// `SELECT <doc id>, ... FROM unnest(...)`: the rows for INSERT INTO annotation_layers,
// reading LayerRows from parameter $param. With `docs` empty the rows hold their
// documents' ids; otherwise `docs` is a CTE of (doc, id), the documents by their
// places, and the rows hold places.
std::string SelectLayerRows(std::string_view docs, int param);

}  // namespace sitrep::pg
