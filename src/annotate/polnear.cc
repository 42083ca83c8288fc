// The PolNeAR reader (see polnear.h).
#include "annotate/polnear.h"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

namespace sitrep {

namespace {

// Byte offset of every code point of `text`, plus one past the end.
std::vector<uint32_t> CodePointOffsets(std::string_view text) {
  std::vector<uint32_t> out;
  out.reserve(text.size() + 1);
  for (uint32_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) out.push_back(i);
  out.push_back(static_cast<uint32_t>(text.size()));
  return out;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    size_t next = s.find(sep, pos);
    out.push_back(s.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos));
    if (next == std::string_view::npos) break;
    pos = next + 1;
  }
  return out;
}

bool ParseUint(std::string_view s, uint32_t* out) {
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

Result<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(Code::kIo, "cannot read this file").At(path.string());
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

Result<std::vector<PolnearAttribution>> ParseBratAttributions(std::string_view ann, std::string_view text) {
  std::vector<uint32_t> offsets = CodePointOffsets(text);
  std::unordered_map<std::string, std::pair<std::string, std::vector<Span>>> spans;  // id -> (type, pieces)
  std::vector<std::vector<std::pair<std::string, std::string>>> events;              // role -> id
  size_t line_no = 0;
  for (std::string_view line : Split(ann, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    std::vector<std::string_view> cols = Split(line, '\t');
    if (cols.size() < 2) continue;
    if (cols[0].starts_with("T")) {
      size_t space = cols[1].find(' ');
      if (space == std::string_view::npos) continue;
      std::string type(cols[1].substr(0, space));
      std::vector<Span> pieces;
      for (std::string_view piece : Split(cols[1].substr(space + 1), ';')) {
        std::vector<std::string_view> be = Split(piece, ' ');
        uint32_t b = 0, e = 0;
        if (be.size() != 2 || !ParseUint(be[0], &b) || !ParseUint(be[1], &e) || b > e || e >= offsets.size())
          return Status(Code::kParse, "bad span \"" + std::string(piece) + "\" on line " + std::to_string(line_no));
        pieces.push_back({offsets[b], offsets[e]});
      }
      spans[std::string(cols[0])] = {type, std::move(pieces)};
    } else if (cols[0].starts_with("E")) {
      std::vector<std::pair<std::string, std::string>> roles;
      for (std::string_view arg : Split(cols[1], ' ')) {
        size_t colon = arg.find(':');
        if (colon == std::string_view::npos) continue;
        roles.emplace_back(std::string(arg.substr(0, colon)), std::string(arg.substr(colon + 1)));
      }
      events.push_back(std::move(roles));
    }
  }
  std::vector<PolnearAttribution> out;
  for (const auto& roles : events) {
    PolnearAttribution a;
    for (const auto& [role, id] : roles) {
      auto it = spans.find(id);
      if (it == spans.end()) continue;
      if (role == "Source") a.source = it->second.second;
      else if (role == "Cue") a.cue = it->second.second;
      else if (role == "Content") a.content = it->second.second;
    }
    if (!a.content.empty() || !a.cue.empty()) out.push_back(std::move(a));
  }
  return out;
}

Result<std::vector<PolnearArticle>> ReadPolnearSplit(const std::string& data_dir, const std::string& split,
                                                     size_t skip, size_t limit) {
  namespace fs = std::filesystem;
  fs::path root = fs::path(data_dir) / split;
  fs::path ann_dir = root / "attributions", text_dir = root / "text";
  std::error_code ec;
  if (!fs::is_directory(ann_dir, ec) || !fs::is_directory(text_dir, ec))
    return Status(Code::kNotFound, "no attributions/ and text/ folders here").At(root.string());
  // Text stem -> the first annotation file for it, in name order.
  std::map<std::string, fs::path> first_ann;
  std::set<fs::path> ann_files;
  for (const auto& entry : fs::directory_iterator(ann_dir, ec))
    if (entry.path().extension() == ".ann") ann_files.insert(entry.path());
  for (const fs::path& ann : ann_files) {
    std::string stem = ann.stem().string();
    size_t underscore = stem.rfind('_');
    std::string name = underscore == std::string::npos ? stem : stem.substr(0, underscore);
    if (!fs::exists(text_dir / (name + ".txt"))) name = stem;  // an annotation named like its text
    first_ann.emplace(name, ann);
  }
  std::vector<PolnearArticle> out;
  size_t index = 0;
  for (const auto& [name, ann_path] : first_ann) {
    if (index++ < skip) continue;
    if (limit > 0 && out.size() >= limit) break;
    auto text = ReadFile(text_dir / (name + ".txt"));
    if (!text.ok()) return text.status();
    auto ann = ReadFile(ann_path);
    if (!ann.ok()) return ann.status();
    auto attributions = ParseBratAttributions(*ann, *text);
    if (!attributions.ok()) return Status(attributions.status()).At(ann_path.string());
    out.push_back({name, std::move(*text), std::move(*attributions)});
  }
  return out;
}

}  // namespace sitrep
