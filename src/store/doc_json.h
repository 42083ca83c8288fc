// The JSON forms of the parts of a Doc that the store keeps as JSON columns: the whole
// Metadata (with its evidence spans and dates), the list of dropped parts, and the
// tokens and sentences of the language core.
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

// Compact arrays, one per token or sentence: see schema.cc (version 2).
std::string TokensToJson(const std::vector<Token>& tokens);
bool TokensFromJson(std::string_view json, std::vector<Token>* tokens);
std::string SentencesToJson(const std::vector<Sentence>& sentences);
bool SentencesFromJson(std::string_view json, std::vector<Sentence>* sentences);

std::string StringsToJson(const std::vector<std::string>& strings);
bool StringsFromJson(std::string_view json, std::vector<std::string>* strings);

// The authors column: all authors joined with "; ".
std::string JoinAuthors(const std::vector<std::string>& authors);
// The names of all of a Doc's layers, empty ones too (the layers column).
std::vector<std::string> LayerNames(const Doc& doc);


}  // namespace sitrep::sqlite
