// PostgreSQL connection URIs as sitrep shows them: never with their password.
#pragma once

#include <string>

namespace sitrep::pg {

// True for postgresql://... and postgres://..., the two schemes libpq accepts.
bool IsPostgresUri(const std::string& where);

// `uri` with any password (user:PASSWORD@host or ?password=... / &password=...)
// replaced by "***", so that an error message can name the store it is about.
std::string RedactUri(const std::string& uri);

}  // namespace sitrep::pg
