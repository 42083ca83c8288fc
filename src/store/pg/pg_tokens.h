// The tokens of a document as one compact bytea value for the PostgreSQL store.
//
// The SQLite store keeps tokens as JSON text (doc_json.h): about 30 kB an article,
// which PostgreSQL validated and compressed on every insert. This binary form is a
// fifth of that and the server only copies it. It carries exactly what the JSON does:
// a token decoded from it equals the token TokensFromJson(TokensToJson(t)) gives,
// including the rare string that is not valid UTF-8 (replaced as the JSON writer does).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/doc.h"

namespace sitrep::pg {

std::string EncodeTokens(const std::vector<Token>& tokens);

// False, leaving `tokens` as it was, when `bytes` is not a value EncodeTokens wrote
// (truncated, damaged, or of a format version this sitrep does not know).
bool DecodeTokens(std::string_view bytes, std::vector<Token>* tokens);

}  // namespace sitrep::pg
