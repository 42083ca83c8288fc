#include "annotate/paragraphs.h"

namespace sitrep {

namespace {

bool IsBullet(std::string_view s) {
  for (std::string_view b : {"- ", "* ", "\u2022", "\u2013 ", "\u25CF", "\u25AA"})
    if (s.substr(0, b.size()) == b) return true;
  return false;
}

// A heading is short and does not end like a sentence.
bool IsHeading(std::string_view s) {
  if (s.empty() || s.size() > 150) return false;
  char last = s.back();
  return last != '.' && last != ',' && last != ';' && last != ':' && last != '"' &&
         s.find(". ") == std::string_view::npos && s.substr(s.size() >= 3 ? s.size() - 3 : 0) != "\u201D";
}

}  // namespace

Status ParagraphStage::Process(Doc& doc) const {
  const std::string& text = doc.text();
  std::vector<Annotation> paragraphs;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find("\n\n", pos);
    if (end == std::string::npos) end = text.size();
    if (end > pos) {
      std::string_view p = std::string_view(text).substr(pos, end - pos);
      const char* label = IsBullet(p) ? "bullet" : IsHeading(p) ? "heading" : "body";
      paragraphs.push_back({{static_cast<uint32_t>(pos), static_cast<uint32_t>(end)}, label, ""});
    }
    pos = end + 2;
  }
  doc.SetLayer("paragraph", std::move(paragraphs));
  return Status::Ok();
}

}  // namespace sitrep
