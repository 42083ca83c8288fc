// The syntax stage: tagger, then lemmatizer, then parser, one sentence at a time.
#include "annotate/syntax_stage.h"

#include <mutex>

#include <fmt/format.h>

#include "train/model_file.h"

namespace sitrep {

Result<SyntaxModels> SyntaxModels::Load(const std::string& dir) {
  SyntaxModels m;
  auto tagger = Tagger::Load(dir + "/tagger.model");
  if (!tagger.ok()) return tagger.status();
  auto lemmatizer = Lemmatizer::Load(dir + "/lemmatizer.model");
  if (!lemmatizer.ok()) return lemmatizer.status();
  auto parser = Parser::Load(dir + "/parser.model");
  if (!parser.ok()) return parser.status();
  m.tagger = std::move(tagger).value();
  m.lemmatizer = std::move(lemmatizer).value();
  m.parser = std::move(parser).value();
  return m;
}

Result<SyntaxModels> SyntaxModels::LoadDefault() {
  static std::once_flag once;
  static Result<SyntaxModels>* loaded = nullptr;
  std::call_once(once, [] { loaded = new Result<SyntaxModels>(Load(DefaultModelDir())); });
  return *loaded;
}

void SyntaxStage::AnnotateSentence(const std::vector<std::string_view>& words, std::vector<WordSyntax>* out) const {
  std::vector<PosTag> tags;
  models_.tagger->Tag(words, &tags);
  std::vector<std::string_view> xpos(words.size()), upos(words.size()), xpos2(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    xpos[i] = tags[i].xpos;
    upos[i] = tags[i].upos;
    xpos2[i] = tags[i].xpos2;
  }
  std::vector<int> heads;
  std::vector<std::string> labels;
  models_.parser->Parse(words, xpos, upos, xpos2, &heads, &labels);
  out->resize(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    WordSyntax& w = (*out)[i];
    w.upos = upos[i];
    w.xpos = xpos[i];
    w.lemma = models_.lemmatizer->Lemmatize(words[i], xpos[i]);
    w.head = heads[i];
    w.deprel = std::move(labels[i]);
  }
}

Status SyntaxStage::Process(Doc& doc) const {
  std::vector<Token>& tokens = doc.mutable_tokens();
  std::vector<std::string_view> words;
  std::vector<WordSyntax> syntax;
  for (const Sentence& sent : doc.sentences()) {
    if (sent.token_begin > sent.token_end || sent.token_end > tokens.size())
      return Status(Code::kInternal, fmt::format("sentence with tokens [{}, {}) of {}", sent.token_begin,
                                                 sent.token_end, tokens.size()));
    if (sent.token_begin == sent.token_end) continue;
    words.clear();
    for (uint32_t t = sent.token_begin; t < sent.token_end; ++t) words.push_back(doc.Slice(tokens[t].span));
    AnnotateSentence(words, &syntax);
    for (size_t i = 0; i < syntax.size(); ++i) {
      Token& token = tokens[sent.token_begin + i];
      WordSyntax& w = syntax[i];
      token.upos = std::string(w.upos);
      token.xpos = std::string(w.xpos);
      token.lemma = std::move(w.lemma);
      token.head = w.head < 0 ? -1 : static_cast<int32_t>(sent.token_begin + w.head);
      token.deprel = std::move(w.deprel);
    }
  }
  return Status::Ok();
}

}  // namespace sitrep
