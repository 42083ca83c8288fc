// The syntax stage: part-of-speech tags, lemmas and dependency trees for every sentence
// of a Doc. Reads the tokens and sentences of the token stage; fills Token::upos, xpos,
// lemma, head and deprel in place (heads index doc.tokens(), -1 for a sentence's root).
//
// The three models are loaded once per process (SyntaxModels::LoadDefault) and shared
// read-only, through const pointers, by every stage instance and worker thread.
//
// Where the models are found: $SITREP_MODELS when set, otherwise the models/ folder of the
// source tree sitrep was built from (DefaultModelDir in train/model_file.h). The files are
// tagger.model, lemmatizer.model and parser.model; a missing or damaged one is a
// Code::kModel error naming it, reported when the pipeline is built.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "annotate/lemmatizer.h"
#include "annotate/parser.h"
#include "annotate/tagger.h"
#include "sitrep/pipeline.h"

namespace sitrep {

struct SyntaxModels {
  std::shared_ptr<const Tagger> tagger;
  std::shared_ptr<const Lemmatizer> lemmatizer;
  std::shared_ptr<const Parser> parser;

  // Loads tagger.model, lemmatizer.model and parser.model from `dir`.
  static Result<SyntaxModels> Load(const std::string& dir);
  // The models of DefaultModelDir(), loaded on the first call and shared by every later
  // call (thread-safe). A failure is remembered and returned again.
  static Result<SyntaxModels> LoadDefault();
};

// What the stage finds for one word.
struct WordSyntax {
  std::string_view upos, xpos;  // point into the tagger model
  std::string lemma;
  int head = -1;  // index of the head word in the sentence, -1 for the root
  std::string deprel;
};

class SyntaxStage : public Stage {
 public:
  explicit SyntaxStage(SyntaxModels models) : models_(std::move(models)) {}

  std::string name() const override { return "syntax"; }
  std::vector<std::string> reads() const override { return {"token", "sentence"}; }
  std::vector<std::string> writes() const override { return {"pos", "lemma", "dependency"}; }
  // REQUIRES: sentences index doc.tokens() (checked: a bad range is Code::kInternal).
  Status Process(Doc& doc) const override;

  // Tags, lemmatizes and parses one sentence given as words. Thread-safe.
  void AnnotateSentence(const std::vector<std::string_view>& words, std::vector<WordSyntax>* out) const;

  // The same for a sentence whose first `dateline` words are a dateline (0: none).
  void AnnotateWithDateline(const std::vector<std::string_view>& words, size_t dateline,
                            std::vector<WordSyntax>* out) const;

  const SyntaxModels& models() const { return models_; }

 private:
  SyntaxModels models_;
};

}  // namespace sitrep
