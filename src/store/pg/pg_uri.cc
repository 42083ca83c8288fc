#include "store/pg/pg_uri.h"

namespace sitrep::pg {

bool IsPostgresUri(const std::string& where) {
  return where.starts_with("postgresql://") || where.starts_with("postgres://");
}

std::string RedactUri(const std::string& uri) {
  std::string out = uri;
  // The user information ends at an '@'. A password should be percent-encoded, but
  // one that is not may hold '@', '/' or '?' itself: taking the last '@' of the whole
  // URI hides too much rather than too little when a later part has one.
  const size_t scheme_end = out.find("://");
  if (scheme_end != std::string::npos) {
    const size_t authority = scheme_end + 3;
    const size_t at = out.rfind('@');
    if (at != std::string::npos && at >= authority) {
      const size_t colon = out.find(':', authority);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  // Query parameters: password=... up to the next '&'.
  const size_t query = out.find('?');
  if (query == std::string::npos) return out;
  for (size_t pos = query; pos < out.size();) {
    const size_t key = pos + 1;
    if (out.compare(key, 9, "password=") == 0) {
      size_t end = out.find('&', key);
      if (end == std::string::npos) end = out.size();
      out.replace(key + 9, end - key - 9, "***");
    }
    pos = out.find('&', key);
    if (pos == std::string::npos) break;
  }
  return out;
}

}  // namespace sitrep::pg
