// The JSON forms of the parts of a Doc that the store keeps as JSON columns: the whole
// Metadata (with its evidence spans and dates) and the list of dropped parts.
//
// Writing never fails: a string that is not valid UTF-8 has its bad bytes replaced by
// U+FFFD rather than failing a whole batch over one odd title. Reading fails (false)
// on anything that is not the shape written here, which the store reports as damage.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/doc.h"

namespace sitrep::sqlite {

std::string MetadataToJson(const Metadata& meta);
bool MetadataFromJson(std::string_view json, Metadata* meta);

std::string DroppedToJson(const std::vector<Dropped>& dropped);
bool DroppedFromJson(std::string_view json, std::vector<Dropped>* dropped);

std::string StringsToJson(const std::vector<std::string>& strings);
bool StringsFromJson(std::string_view json, std::vector<std::string>* strings);

// "year", "month", "day", "minute", "second": the names the store and its users see.
std::string_view PrecisionName(DateTime::Precision precision);

}  // namespace sitrep::sqlite
