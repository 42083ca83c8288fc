// Tokenizer and sentence splitter scores against CoNLL-U gold (see tokenizer_eval.h).
//
// The reader keeps only what scoring needs: comments that start documents, paragraphs
// and sentence texts, and the ID, FORM and MISC columns of each line.
#include "annotate/tokenizer_eval.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include "annotate/sentence_splitter.h"
#include "annotate/tokenizer.h"

namespace sitrep {

namespace {

// One line of a sentence: a word ("3") or a multiword token range ("3-4").
struct ConlluLine {
  bool range = false;
  int first = 0, last = 0;  // the word ids a range covers
  std::string_view form;
  bool space_after = true;
};

struct ConlluSentence {
  std::string text;  // from "# text = ", or rebuilt from the forms when absent
  bool starts_paragraph = false;
  std::vector<ConlluLine> lines;
};

std::string_view Field(std::string_view line, int index) {
  for (int i = 0; i < index; ++i) {
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return {};
    line.remove_prefix(tab + 1);
  }
  return line.substr(0, line.find('\t'));
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Parses a word or range line; false for empty nodes ("8.1") and malformed lines.
bool ParseLine(std::string_view line, ConlluLine* out) {
  std::string_view id = Field(line, 0);
  if (id.empty() || id.find('.') != std::string_view::npos) return false;
  size_t dash = id.find('-');
  out->range = dash != std::string_view::npos;
  std::string_view first = id.substr(0, dash);
  std::from_chars(first.data(), first.data() + first.size(), out->first);
  out->last = out->first;
  if (out->range) {
    std::string_view last = id.substr(dash + 1);
    std::from_chars(last.data(), last.data() + last.size(), out->last);
  }
  out->form = Field(line, 1);
  out->space_after = Field(line, 9).find("SpaceAfter=No") == std::string_view::npos;
  return !out->form.empty();
}

std::vector<ConlluSentence> ParseConllu(std::string_view conllu) {
  std::vector<ConlluSentence> sentences;
  ConlluSentence current;
  bool in_sentence = false, paragraph_pending = true;
  auto finish = [&] {
    if (in_sentence && !current.lines.empty()) sentences.push_back(std::move(current));
    current = ConlluSentence();
    in_sentence = false;
  };
  while (!conllu.empty()) {
    size_t newline = conllu.find('\n');
    std::string_view line = conllu.substr(0, newline);
    conllu.remove_prefix(newline == std::string_view::npos ? conllu.size() : newline + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      finish();
      continue;
    }
    if (!in_sentence) {
      in_sentence = true;
      current.starts_paragraph = paragraph_pending;
      paragraph_pending = false;
    }
    if (line.front() == '#') {
      if (line.starts_with("# newdoc") || line.starts_with("# newpar")) current.starts_paragraph = true;
      if (line.starts_with("# text = ")) current.text = std::string(Trim(line.substr(9)));
      continue;
    }
    ConlluLine parsed;
    if (ParseLine(line, &parsed)) current.lines.push_back(parsed);
  }
  finish();
  return sentences;
}

// The surface forms of a sentence: ranges, and words outside any range.
std::vector<const ConlluLine*> SurfaceTokens(const ConlluSentence& sentence) {
  std::vector<const ConlluLine*> surface;
  int covered_until = 0;
  for (const ConlluLine& line : sentence.lines) {
    if (line.range) {
      surface.push_back(&line);
      covered_until = line.last;
    } else if (line.first > covered_until) {
      surface.push_back(&line);
    }
  }
  return surface;
}

std::string RebuildText(const ConlluSentence& sentence) {
  std::string text;
  for (const ConlluLine* token : SurfaceTokens(sentence)) {
    text.append(token->form);
    if (token->space_after) text.push_back(' ');
  }
  return std::string(Trim(text));
}

// Finds `form` at or after `pos` in `text` (normally right after white space).
bool Align(std::string_view text, std::string_view form, size_t* pos, Span* found, uint32_t offset) {
  while (*pos < text.size() && (text[*pos] == ' ' || text[*pos] == '\t')) ++*pos;
  size_t at = text.substr(*pos, form.size()) == form ? *pos : text.find(form, *pos);
  if (at == std::string_view::npos) return false;
  *found = {static_cast<uint32_t>(offset + at), static_cast<uint32_t>(offset + at + form.size())};
  *pos = at + form.size();
  return true;
}

// Gold word spans of one sentence whose text starts at `offset` in the whole text.
void AlignWords(const ConlluSentence& sentence, std::string_view text, uint32_t offset, TreebankText* out) {
  size_t pos = 0;
  for (const ConlluLine* token : SurfaceTokens(sentence)) {
    Span surface;
    if (!Align(text, token->form, &pos, &surface, offset)) {
      out->unaligned_words += token->range ? token->last - token->first + 1 : 1;
      continue;
    }
    if (!token->range) {
      out->tokens.push_back(surface);
      continue;
    }
    // Words of a multiword token: consecutive pieces of its surface form, if they fit.
    std::vector<Span> words;
    uint32_t at = surface.begin;
    for (const ConlluLine& word : sentence.lines) {
      if (word.range || word.first < token->first || word.first > token->last) continue;
      bool fits = text.substr(at - offset, word.form.size()) == word.form && at + word.form.size() <= surface.end;
      if (!fits) {
        words.assign(1, surface);
        break;
      }
      words.push_back({at, static_cast<uint32_t>(at + word.form.size())});
      at += static_cast<uint32_t>(word.form.size());
    }
    if (at != surface.end) words.assign(1, surface);
    out->tokens.insert(out->tokens.end(), words.begin(), words.end());
  }
}

PrfScore Score(std::vector<Span> gold, std::vector<Span> predicted) {
  auto by_position = [](Span a, Span b) { return a.begin != b.begin ? a.begin < b.begin : a.end < b.end; };
  std::sort(gold.begin(), gold.end(), by_position);
  std::sort(predicted.begin(), predicted.end(), by_position);
  PrfScore score;
  score.gold = gold.size();
  score.predicted = predicted.size();
  size_t g = 0, p = 0;
  while (g < gold.size() && p < predicted.size()) {
    if (gold[g] == predicted[p]) {
      ++score.correct;
      ++g;
      ++p;
    } else if (by_position(gold[g], predicted[p])) {
      ++g;
    } else {
      ++p;
    }
  }
  score.precision = score.predicted ? double(score.correct) / double(score.predicted) : 0;
  score.recall = score.gold ? double(score.correct) / double(score.gold) : 0;
  double sum = score.precision + score.recall;
  score.f1 = sum > 0 ? 2 * score.precision * score.recall / sum : 0;
  return score;
}

}  // namespace

TreebankText ReadTreebankText(std::string_view conllu) {
  TreebankText out;
  uint32_t paragraph_begin = 0;
  for (const ConlluSentence& sentence : ParseConllu(conllu)) {
    std::string text = sentence.text.empty() ? RebuildText(sentence) : sentence.text;
    if (!out.text.empty()) {
      if (sentence.starts_paragraph) {
        out.paragraphs.push_back({paragraph_begin, static_cast<uint32_t>(out.text.size())});
        out.text += "\n\n";
        paragraph_begin = static_cast<uint32_t>(out.text.size());
      } else {
        out.text += ' ';
      }
    }
    auto offset = static_cast<uint32_t>(out.text.size());
    out.text += text;
    out.sentences.push_back({offset, static_cast<uint32_t>(out.text.size())});
    AlignWords(sentence, text, offset, &out);
  }
  if (out.text.size() > paragraph_begin)
    out.paragraphs.push_back({paragraph_begin, static_cast<uint32_t>(out.text.size())});
  return out;
}

TokenizationScores ScoreTokenizationText(std::string_view conllu) {
  TreebankText gold = ReadTreebankText(conllu);
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  tokens.reserve(gold.tokens.size() + 16);
  for (Span paragraph : gold.paragraphs) {
    auto first = static_cast<uint32_t>(tokens.size());
    TokenizeInto(gold.text, paragraph, &tokens);
    SplitSentencesInto(gold.text, tokens, first, static_cast<uint32_t>(tokens.size()), {}, &sentences);
  }
  std::vector<Span> token_spans, sentence_spans;
  token_spans.reserve(tokens.size());
  for (const Token& token : tokens) token_spans.push_back(token.span);
  for (const Sentence& sentence : sentences) sentence_spans.push_back(sentence.span);

  TokenizationScores scores;
  scores.tokens = Score(std::move(gold.tokens), std::move(token_spans));
  scores.sentences = Score(std::move(gold.sentences), std::move(sentence_spans));
  scores.paragraphs = gold.paragraphs.size();
  scores.unaligned_words = gold.unaligned_words;
  return scores;
}

TokenizationScores ScoreTokenization(const std::string& conllu_path) {
  std::ifstream in(conllu_path, std::ios::binary);
  if (!in) {
    TokenizationScores scores;
    scores.status = Status(Code::kNotFound, "cannot open CoNLL-U file").At(conllu_path);
    return scores;
  }
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) {
    TokenizationScores scores;
    scores.status = Status(Code::kIo, "read failed").At(conllu_path);
    return scores;
  }
  return ScoreTokenizationText(content.str());
}

}  // namespace sitrep
