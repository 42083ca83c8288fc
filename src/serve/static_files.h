// The web UI's built files (web/dist), served from one directory and never from
// outside it: a path with "..", a backslash, a NUL or a percent-encoded escape of
// those is refused before the file system is asked, and the resolved file must still
// lie under the root (a symbolic link out of it is refused too).
#pragma once

#include <string>

#include "sitrep/status.h"

namespace sitrep::serve {

struct StaticFile {
  std::string content_type;
  std::string body;
  bool immutable = false;  // a hashed asset name: cacheable for a year
};

class StaticFiles {
 public:
  // An empty root serves nothing (every path is kNotFound).
  explicit StaticFiles(std::string root);

  // `path` is the URL path as decoded by the HTTP layer, starting with '/'; a
  // directory (and "/") means its index.html. kInvalidArgument
  // (403 to the client) for a path that tries to leave the root; kNotFound otherwise.
  Result<StaticFile> Read(const std::string& path) const;
  const std::string& root() const { return root_; }

 private:
  std::string root_;  // canonical, without a trailing slash
};

}  // namespace sitrep::serve
