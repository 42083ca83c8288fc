// A Doc as JSON: what `sitrep annotate` prints, one object per document.
#pragma once

#include <nlohmann/json.hpp>

#include "sitrep/doc.h"

namespace sitrep {

nlohmann::json DateTimeToJson(const DateTime& d);
nlohmann::json MetadataToJson(const Metadata& meta);

// Every field of the Doc with every layer and its spans (clean-text offsets, and the
// original offsets they map to). The keys articleBody, title, published and author are
// there for scorers that expect the article-extraction benchmark's names.
nlohmann::json DocToJson(const Doc& doc);

}  // namespace sitrep
