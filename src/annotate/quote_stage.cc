#include "annotate/quote_stage.h"

#include <algorithm>

#include "annotate/quote_speakers.h"
#include "annotate/quotes.h"

namespace sitrep {

Result<std::unique_ptr<QuoteStage>> QuoteStage::MakeDefault(bool with_entities) {
  auto cues = QuoteCueModel::LoadDefault();
  if (!cues.ok()) return cues.status();
  return std::make_unique<QuoteStage>(with_entities, std::make_shared<const QuoteCueModel>(std::move(*cues)));
}

Status QuoteStage::Process(Doc& doc) const {
  QuoteResult found = FindQuotes(doc, cues_.get());
  if (with_entities_)
    if (const std::vector<Annotation>* entities = doc.Layer("entity")) AttachSpeakerEntities(doc, *entities, &found.quotes);
  std::vector<Annotation> quotes;
  quotes.reserve(found.quotes.size());
  for (size_t i = 0; i < found.quotes.size(); ++i) {
    const Quote& q = found.quotes[i];
    // The annotation covers the content and the cue and speaker words beside it, but not
    // an antecedent paragraphs away.
    Span hull = q.content;
    auto widen = [&](const std::optional<Span>& s) {
      if (!s) return;
      hull.begin = std::min(hull.begin, s->begin);
      hull.end = std::max(hull.end, s->end);
    };
    widen(q.cue);
    widen(q.speaker_mention);
    quotes.push_back({hull, std::string(QuoteKindName(q.kind)), QuoteAttrsJson(found.quotes, i)});
  }
  std::vector<Annotation> warnings;
  for (const QuoteWarning& w : found.warnings) warnings.push_back({w.span, w.message, ""});
  doc.SetLayer("quote", std::move(quotes));
  doc.SetLayer("quote_warning", std::move(warnings));
  return Status::Ok();
}

}  // namespace sitrep
