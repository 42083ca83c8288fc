#include "text/dump.h"

#include <fmt/format.h>

#include <filesystem>

namespace sitrep {

namespace {
std::string Evidence(const Metadata& meta, const std::string& field) {
  auto it = meta.evidence.find(field);
  if (it == meta.evidence.end()) return "";
  return fmt::format("  [original {}-{}]", it->second.begin, it->second.end);
}

std::string DescribeDate(const DateTime& d) {
  std::string s = fmt::format("{} ({}", d.iso, PrecisionName(d.precision));
  if (d.utc_offset_minutes)
    s += fmt::format(", UTC{}{:02}:{:02}", *d.utc_offset_minutes < 0 ? '-' : '+',
                     std::abs(*d.utc_offset_minutes) / 60, std::abs(*d.utc_offset_minutes) % 60);
  if (!d.found_in.empty()) s += ", from " + d.found_in;
  return s + ")";
}
}  // namespace

std::string Excerpt(std::string_view text, size_t max) {
  std::string out;
  size_t n = text.size() <= max ? text.size() : max;
  while (n > 0 && n < text.size() && (static_cast<uint8_t>(text[n]) & 0xC0) == 0x80) --n;
  for (char c : text.substr(0, n)) {
    if (c == '\n') out += "⏎";
    else if (c == '\t') out += ' ';
    else out.push_back(c);
  }
  if (n < text.size()) out += "…";
  return out;
}

std::string DumpDoc(const Doc& doc, const DumpOptions& options) {
  const Metadata& m = doc.meta();
  auto show = [&](std::string_view text, size_t max) {
    if (!options.redact_text || text.empty()) return Excerpt(text, max);
    return fmt::format("#{} ({} bytes)", HashHex(text).substr(0, 8), text.size());
  };
  std::string path = options.full_path ? doc.origin().path
                                       : std::filesystem::path(doc.origin().path).filename().string();
  std::string out;
  auto line = [&](std::string_view key, const std::string& value, const std::string& field = "") {
    if (!value.empty()) out += fmt::format("{:<11}{}{}\n", std::string(key) + ":", value, Evidence(m, field));
  };
  out += fmt::format("document   {}\n", doc.content_hash());
  line("origin", fmt::format("{} @{} ({})", path, doc.origin().offset, doc.origin().format));
  line("size", fmt::format("{} bytes of text from {} original bytes", doc.text().size(), doc.original().size()));
  line("title", show(m.title, 200), "title");
  if (m.published) line("published", DescribeDate(*m.published), "published");
  if (m.modified) line("modified", DescribeDate(*m.modified), "modified");
  std::string authors;
  for (const auto& a : m.authors) authors += (authors.empty() ? "" : "; ") + a;
  line("author", authors, "author");
  line("dateline", m.dateline_place + (m.dateline_agency.empty() ? "" : " (agency " + m.dateline_agency + ")"),
       "dateline");
  line("source", m.source, "source");
  line("url", m.url, "url");
  line("language", m.language);
  line("summary", show(m.description, 160));

  if (!doc.dropped().empty()) {
    out += fmt::format("dropped:   {} parts of the original\n", doc.dropped().size());
    for (const Dropped& d : doc.dropped()) {
      std::string_view orig = std::string_view(doc.original()).substr(d.original.begin, d.original.size());
      out += fmt::format("  [{}-{}] {}: \"{}\"\n", d.original.begin, d.original.end, d.reason, show(orig, 70));
    }
  }
  if (!doc.sentences().empty()) {
    out += fmt::format("sentences: {} ({} tokens)\n", doc.sentences().size(), doc.tokens().size());
    size_t shown = 0;
    for (const Sentence& s : doc.sentences()) {
      if (++shown > options.max_layer_items) {
        out += fmt::format("  … {} more\n", doc.sentences().size() - options.max_layer_items);
        break;
      }
      out += fmt::format("  [{}-{}] {} tokens: {}\n", s.span.begin, s.span.end, s.token_end - s.token_begin,
                         show(doc.Slice(s.span), 90));
    }
  }
  for (const auto& [name, items] : doc.layers()) {
    out += fmt::format("layer {}: {}\n", name, items.size());
    size_t shown = 0;
    for (const Annotation& a : items) {
      if (++shown > options.max_layer_items) {
        out += fmt::format("  … {} more\n", items.size() - options.max_layer_items);
        break;
      }
      Span orig = doc.ToOriginal(a.span);
      out += fmt::format("  [{}-{}] ~ original [{}-{}] {}{}{}\n", a.span.begin, a.span.end, orig.begin,
                         orig.end, a.label, a.label.empty() ? "" : " ", show(doc.Slice(a.span), 90));
    }
  }
  return out;
}

}  // namespace sitrep
