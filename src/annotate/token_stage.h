// The token stage: runs the tokenizer and the sentence splitter over each paragraph of
// a Doc, so that no sentence crosses a paragraph (or heading, or bullet) boundary.
#pragma once

#include "annotate/sentence_splitter.h"
#include "sitrep/pipeline.h"

namespace sitrep {

// Reads the "paragraph" layer (when it is missing or empty, the whole text is one
// paragraph) and fills doc.mutable_tokens() and doc.mutable_sentences(), replacing
// what they held. Sentence::token_begin/token_end index doc.tokens(). Stateless: one
// instance serves every thread.
class TokenStage : public Stage {
 public:
  explicit TokenStage(SentenceSplitOptions options = {}) : options_(options) {}

  std::string name() const override { return "tokens"; }
  std::vector<std::string> reads() const override { return {"paragraph"}; }
  std::vector<std::string> writes() const override { return {"token", "sentence"}; }
  Status Process(Doc& doc) const override;

 private:
  SentenceSplitOptions options_;
};

}  // namespace sitrep
