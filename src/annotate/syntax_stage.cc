// The syntax stage: tagger, then lemmatizer, then parser, one sentence at a time.
#include "annotate/syntax_stage.h"

#include <mutex>

#include <fmt/format.h>

#include "text/dateline.h"
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

namespace {

// How many tokens of `sent` form a dateline opening its paragraph ("WOODSIDE ,
// California —"), 0 when there is none or nothing would be left to parse after it.
uint32_t DatelineTokens(const Doc& doc, const Sentence& sent) {
  const std::string& text = doc.text();
  if (sent.span.begin > 0 && text[sent.span.begin - 1] != '\n') return 0;
  auto dateline = FindDateline(std::string_view(text).substr(sent.span.begin, sent.span.size()));
  if (!dateline) return 0;
  const size_t end = sent.span.begin + dateline->size;
  uint32_t t = sent.token_begin;
  while (t < sent.token_end && doc.tokens()[t].span.end <= end) ++t;
  if (t < sent.token_end && doc.tokens()[t].span.begin < end) return 0;  // ends inside a token
  return t - sent.token_begin + 2 <= sent.token_end - sent.token_begin ? t - sent.token_begin : 0;
}

}  // namespace

void SyntaxStage::AnnotateWithDateline(const std::vector<std::string_view>& words, size_t dateline,
                                       std::vector<WordSyntax>* out) const {
  if (dateline == 0) return AnnotateSentence(words, out);
  // The dateline and the sentence after it are parsed apart, then the dateline's head
  // hangs from the sentence's root: parsed together, the place becomes the subject.
  std::vector<WordSyntax> head_part, body;
  AnnotateSentence({words.begin(), words.begin() + dateline}, &head_part);
  AnnotateSentence({words.begin() + dateline, words.end()}, &body);
  int body_root = 0;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i].head < 0) body_root = static_cast<int>(i + dateline);
    else body[i].head += static_cast<int>(dateline);
  }
  for (WordSyntax& w : head_part)
    if (w.head < 0) w.head = body_root, w.deprel = "dep";
  *out = std::move(head_part);
  for (WordSyntax& w : body) out->push_back(std::move(w));
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
    AnnotateWithDateline(words, DatelineTokens(doc, sent), &syntax);
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
