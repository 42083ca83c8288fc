// A document's annotations as PostgreSQL stores them (schema version 5): one row of
// annotation_layers per document and layer, the layer's annotations as parallel
// arrays in `seq` order. One row per layer instead of one per annotation: an article
// has about ten layers and a hundred annotations, and each row cost an index entry per
// index and a foreign-key check. The `annotations` view unnests the arrays back into
// the rows of the SQLite store's annotations table, for reading.
#pragma once

#include <string>
#include <vector>

#include "sitrep/doc.h"
#include "store/pg/pg_store.h"

namespace sitrep::pg {

// The layers of a document as five array parameters: the layer names (text[]) and,
// one element per layer, an array literal of its span begins, span ends, labels and
// attributes (each element a text the server casts to integer[] or text[]). Layers
// without annotations have no row. `only`, when given, picks the layers written.
struct LayerArrays {
  PgArray layers, begins, ends, labels, attrs;
};
LayerArrays LayerArraysOf(const Doc& doc, const std::vector<std::string>* only = nullptr);

// `SELECT <doc id>, ... FROM unnest(...)`: the rows for INSERT INTO annotation_layers,
// reading LayerArrays from parameters $first .. $first+4; `doc_id` is an SQL expression
// and `from` more FROM items (a CTE that returns the id), or empty.
std::string SelectLayerRows(std::string_view doc_id, std::string_view from, int first);

}  // namespace sitrep::pg
