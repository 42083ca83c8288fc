#include "sitrep/ingest.h"

#include <array>
#include <utility>

namespace sitrep {

namespace {
constexpr std::array<std::pair<Format, std::string_view>, 7> kFormatNames = {{
    {Format::kAuto, "auto"},
    {Format::kText, "text"},
    {Format::kHtml, "html"},
    {Format::kJsonl, "jsonl"},
    {Format::kWarc, "warc"},
    {Format::kConllu, "conllu"},
    {Format::kIob2, "iob2"},
}};
}  // namespace

std::string_view FormatName(Format format) {
  for (const auto& [f, name] : kFormatNames)
    if (f == format) return name;
  return "unknown";
}

Result<Format> ParseFormat(std::string_view name) {
  if (name == "txt" || name == "plain") return Format::kText;
  if (name == "htm") return Format::kHtml;
  if (name == "ndjson") return Format::kJsonl;
  for (const auto& [f, n] : kFormatNames)
    if (n == name) return f;
  return Status(Code::kInvalidArgument, "unknown input format '" + std::string(name) +
                                            "' (expected auto, text, html, jsonl, warc, conllu or iob2)");
}

}  // namespace sitrep
