#include "serve/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace sitrep::serve {

namespace fs = std::filesystem;

namespace {

std::string TypeOf(const std::string& ext) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"}, {".js", "application/javascript"}, {".mjs", "application/javascript"},
      {".css", "text/css"},                  {".json", "application/json"},     {".svg", "image/svg+xml"},
      {".png", "image/png"},                 {".ico", "image/x-icon"},          {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"}, {".map", "application/json"}};
  for (const auto& [e, type] : kTypes)
    if (ext == e) return type;
  return "application/octet-stream";
}

// Refuses what could step outside the root however the layers below decode it.
bool LooksSafe(const std::string& path) {
  if (path.empty() || path[0] != '/') return false;
  if (path.find('\0') != std::string::npos || path.find('\\') != std::string::npos) return false;
  if (path.find('%') != std::string::npos) return false;  // already decoded once: a second layer is an attack
  for (size_t begin = 1; begin <= path.size();) {
    size_t end = path.find('/', begin);
    if (end == std::string::npos) end = path.size();
    std::string part = path.substr(begin, end - begin);
    if (part == ".." || part == ".") return false;
    if (!part.empty() && part[0] == '.') return false;  // no hidden files
    begin = end + 1;
  }
  return true;
}

}  // namespace

StaticFiles::StaticFiles(std::string root) {
  std::error_code ec;
  if (!root.empty()) {
    fs::path canonical = fs::weakly_canonical(root, ec);
    root_ = ec ? root : canonical.string();
    while (root_.size() > 1 && root_.back() == '/') root_.pop_back();
  }
}

Result<StaticFile> StaticFiles::Read(const std::string& path) const {
  if (!LooksSafe(path)) return Status(Code::kInvalidArgument, "this path is not allowed");
  if (root_.empty()) return Status(Code::kNotFound, "no web UI is served (start with --static DIR)");
  fs::path file = fs::path(root_) / path.substr(1);
  std::error_code ec;
  if (path == "/" || fs::is_directory(file, ec)) file /= "index.html";
  fs::path real = fs::canonical(file, ec);
  if (ec) return Status(Code::kNotFound, "no such file");
  const std::string real_text = real.string();
  if (real_text.compare(0, root_.size() + 1, root_ + "/") != 0)
    return Status(Code::kInvalidArgument, "this path is not allowed");
  if (!fs::is_regular_file(real, ec)) return Status(Code::kNotFound, "no such file");
  std::ifstream in(real, std::ios::binary);
  std::ostringstream body;
  body << in.rdbuf();
  StaticFile out{TypeOf(real.extension().string()), body.str(), false};
  out.immutable = real_text.find("/assets/") != std::string::npos;
  return out;
}

}  // namespace sitrep::serve
