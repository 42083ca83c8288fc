// Test helper: a Doc with a hand-written dependency tree, so the coder's tests do not
// depend on what the trained models happen to output.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "sitrep/doc.h"

namespace sitrep::code::testing {

struct Word {
  std::string form, upos, lemma;
  int head;             // 1-based within the sentence, 0 for the root
  std::string deprel;
};

struct Entity {
  std::string phrase;   // first occurrence in the text
  std::string label;    // PER, ORG, LOC
};

// One sentence per inner vector; the text is the words joined by spaces, sentences by
// a space. All in one body paragraph.
inline Doc MakeDoc(const std::vector<std::vector<Word>>& sentences, const std::vector<Entity>& entities = {},
                   const std::string& published = "") {
  std::string text;
  std::vector<Token> tokens;
  std::vector<Sentence> sents;
  for (const auto& words : sentences) {
    Sentence s;
    s.token_begin = static_cast<uint32_t>(tokens.size());
    if (!text.empty()) text += ' ';
    s.span.begin = static_cast<uint32_t>(text.size());
    for (size_t i = 0; i < words.size(); ++i) {
      if (i) text += ' ';
      Token t;
      t.span = Span{static_cast<uint32_t>(text.size()), static_cast<uint32_t>(text.size() + words[i].form.size())};
      text += words[i].form;
      t.upos = words[i].upos, t.lemma = words[i].lemma, t.deprel = words[i].deprel;
      t.head = words[i].head == 0 ? -1 : static_cast<int32_t>(s.token_begin + words[i].head - 1);
      tokens.push_back(t);
    }
    s.span.end = static_cast<uint32_t>(text.size());
    s.token_end = static_cast<uint32_t>(tokens.size());
    sents.push_back(s);
  }
  Metadata meta;
  if (!published.empty()) meta.published = DateTime{published, DateTime::Precision::kDay, {}, "test"};
  Doc doc(Origin{"test.txt", 0, "text"}, text, text, OffsetMap::Identity(static_cast<uint32_t>(text.size())), meta);
  doc.mutable_tokens() = tokens;
  doc.mutable_sentences() = sents;
  std::vector<Annotation> layer;
  for (const Entity& e : entities) {
    size_t at = text.find(e.phrase);
    if (at != std::string::npos)
      layer.push_back(Annotation{Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + e.phrase.size())}, e.label, "{}"});
  }
  std::sort(layer.begin(), layer.end(), [](const Annotation& a, const Annotation& b) { return a.span.begin < b.span.begin; });
  doc.SetLayer("entity", layer);
  doc.SetLayer("paragraph", {Annotation{Span{0, static_cast<uint32_t>(text.size())}, "body", "{}"}});
  return doc;
}

}  // namespace sitrep::code::testing
