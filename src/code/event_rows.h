// From a Doc's "events" layer to the rows the store keeps (desk.h NewEvent): one event
// with one mention (the evidence sentence and trigger of the document `doc_id`).
// Events with no date at all, or whose fields the store would refuse, are left out and
// counted in `skipped`.
#pragma once

#include <cstdint>
#include <vector>

#include "sitrep/desk.h"
#include "sitrep/doc.h"

namespace sitrep::code {

std::vector<NewEvent> EventRowsOf(const Doc& doc, int64_t doc_id, int* skipped = nullptr);

}  // namespace sitrep::code
