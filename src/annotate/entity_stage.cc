// The entity stage: the recogniser over each sentence, then nationality words.
#include "annotate/entity_stage.h"

#include <algorithm>

#include <fmt/format.h>

namespace sitrep {

namespace {

// A nationality or group word standing alone: capitalised (or in a capitalised sentence)
// and known to the gazetteer as such, and not a place name too ("Georgia").
bool IsNationality(const Gazetteer& gazetteer, std::string_view word, bool upper_sentence) {
  if (word.empty()) return false;
  unsigned char first = static_cast<unsigned char>(word[0]);
  if (!(first >= 'A' && first <= 'Z') && !upper_sentence) return false;
  uint16_t bits = gazetteer.Lookup(word);
  return (bits & kGazNationality) && !(bits & (kGazCountry | kGazCity | kGazRegion | kGazLocation));
}

}  // namespace

void JoinFlatNames(std::string_view doc_text, const std::vector<Token>& tokens, const Sentence& sent,
                   std::vector<NamedEntity>* entities) {
  const uint32_t n = sent.token_end - sent.token_begin;
  auto token = [&](uint32_t i) -> const Token& { return tokens[sent.token_begin + i]; };
  auto capitalised = [&](uint32_t i) {  // a tagger's PROPN "sworn" is not a name
    unsigned char c = static_cast<unsigned char>(doc_text[token(i).span.begin]);
    return (c >= 'A' && c <= 'Z') || c >= 0x80;
  };
  for (size_t k = 0; k < entities->size(); ++k) {
    NamedEntity& e = (*entities)[k];
    if (e.type != "PER") continue;
    while (e.end < n && token(e.end).upos == "PROPN" && token(e.end).deprel.starts_with("flat") && capitalised(e.end)) {
      int64_t head = static_cast<int64_t>(token(e.end).head) - sent.token_begin;
      if (head < e.begin || head >= e.end) break;
      ++e.end;
    }
    // The words taken from the next entity leave it; an emptied one goes.
    for (size_t j = k + 1; j < entities->size(); ++j) {
      NamedEntity& next = (*entities)[j];
      if (next.begin >= e.end) break;
      next.begin = e.end;
    }
    std::erase_if(*entities, [](const NamedEntity& x) { return x.begin >= x.end; });
  }
}

Result<std::unique_ptr<EntityStage>> EntityStage::MakeDefault(EntityStageOptions options) {
  auto ner = NamedEntityRecognizer::LoadDefault();
  if (!ner.ok()) return ner.status();
  return std::make_unique<EntityStage>(*ner, options);
}

Status EntityStage::Process(Doc& doc) const {
  const std::vector<Token>& tokens = doc.tokens();
  const std::vector<Sentence>& sents = doc.sentences();
  std::vector<std::vector<std::string_view>> all_words(sents.size()), all_upos(sents.size());
  for (size_t s = 0; s < sents.size(); ++s) {
    const Sentence& sent = sents[s];
    if (sent.token_begin > sent.token_end || sent.token_end > tokens.size())
      return Status(Code::kInternal, fmt::format("sentence with tokens [{}, {}) of {}", sent.token_begin,
                                                 sent.token_end, tokens.size()));
    bool tagged = true;
    for (uint32_t t = sent.token_begin; t < sent.token_end; ++t) {
      all_words[s].push_back(doc.Slice(tokens[t].span));
      all_upos[s].push_back(tokens[t].upos);
      tagged &= !tokens[t].upos.empty();
    }
    if (!tagged) all_upos[s].clear();
  }
  // The whole document at once: each sentence sees how its words are written elsewhere.
  std::vector<std::vector<NamedEntity>> doc_entities;
  ner_->RecognizeDoc(all_words, all_upos, &doc_entities);
  std::vector<Annotation> out;
  for (size_t s = 0; s < sents.size(); ++s) {
    const Sentence& sent = sents[s];
    const std::vector<std::string_view>& words = all_words[s];
    std::vector<bool> inside(words.size(), false);
    if (!all_upos[s].empty()) JoinFlatNames(doc.text(), tokens, sent, &doc_entities[s]);
    for (const NamedEntity& e : doc_entities[s]) {
      Span span{tokens[sent.token_begin + e.begin].span.begin, tokens[sent.token_begin + e.end - 1].span.end};
      out.push_back({span, std::string(e.type), fmt::format("{{\"confidence\":{:.3f}}}", e.confidence)});
      for (uint32_t i = e.begin; i < e.end; ++i) inside[i] = true;
    }
    if (!options_.nationalities) continue;
    size_t upper = 0, letters = 0;
    for (std::string_view w : words)
      for (unsigned char c : w) upper += c >= 'A' && c <= 'Z', letters += (c | 32) >= 'a' && (c | 32) <= 'z';
    bool upper_sentence = letters >= 8 && upper * 10 >= letters * 8;
    for (size_t i = 0; i < words.size(); ++i) {
      if (inside[i] || !IsNationality(ner_->gazetteer(), words[i], upper_sentence)) continue;
      out.push_back({tokens[sent.token_begin + i].span, "NORP", "{\"confidence\":0.900}"});
    }
  }
  std::sort(out.begin(), out.end(), [](const Annotation& a, const Annotation& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end < b.span.end;
  });
  doc.SetLayer("entity", std::move(out));
  return Status::Ok();
}

}  // namespace sitrep
