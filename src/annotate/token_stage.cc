// The token stage (see token_stage.h): the tokenizer and the sentence splitter, run
// paragraph by paragraph so that a sentence ends where its paragraph does.
#include "annotate/token_stage.h"

#include <algorithm>

#include "annotate/tokenizer.h"

namespace sitrep {

namespace {

// The paragraph spans to tokenize, in order and without overlap (the tokens of a Doc
// are in text order), or the whole text when the Doc has no paragraphs.
std::vector<Span> ParagraphSpans(const Doc& doc) {
  std::vector<Span> spans;
  auto text_size = static_cast<uint32_t>(doc.text().size());
  if (const std::vector<Annotation>* layer = doc.Layer("paragraph"); layer != nullptr) {
    spans.reserve(layer->size());
    uint32_t covered = 0;
    for (const Annotation& paragraph : *layer) {
      Span span = {std::max(paragraph.span.begin, covered), std::min(paragraph.span.end, text_size)};
      if (span.begin >= span.end) continue;
      spans.push_back(span);
      covered = span.end;
    }
  }
  if (spans.empty()) spans.push_back({0, text_size});
  return spans;
}

}  // namespace

Status TokenStage::Process(Doc& doc) const {
  const std::string& text = doc.text();
  std::vector<Token>& tokens = doc.mutable_tokens();
  std::vector<Sentence>& sentences = doc.mutable_sentences();
  tokens.clear();
  sentences.clear();
  // About one token per five bytes of news text: one allocation in the common case.
  tokens.reserve(text.size() / 5 + 16);
  for (Span paragraph : ParagraphSpans(doc)) {
    auto first = static_cast<uint32_t>(tokens.size());
    TokenizeInto(text, paragraph, &tokens);
    SplitSentencesInto(text, tokens, first, static_cast<uint32_t>(tokens.size()), options_, &sentences);
  }
  return Status::Ok();
}

}  // namespace sitrep
