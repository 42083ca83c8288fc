// The standard pipeline, in the order a document goes through it: paragraphs, tokens and
// sentences, syntax (tags, lemmas, dependencies), named entities, places on the map, time expressions,
// quantities, quotations, people and acronyms, events. The trained models are loaded
// once per process and shared by every worker; a missing or damaged model file fails
// here, before any input is read, and so does a user's dictionary that cannot be read.
#include "annotate/entity_stage.h"
#include "annotate/paragraphs.h"
#include "annotate/quantity_stage.h"
#include "annotate/quote_stage.h"
#include "annotate/syntax_stage.h"
#include "annotate/timex_stage.h"
#include "annotate/token_stage.h"
#include "code/actor_stage.h"
#include "code/dictionaries/dictionary_events.h"
#include "code/event_stage.h"
#include "geo/place_stage.h"
#include "sitrep/pipeline.h"

namespace sitrep {

Result<std::unique_ptr<Pipeline>> MakeDefaultPipeline(PipelineOptions options) {
  auto pipeline = std::make_unique<Pipeline>(options);
  SITREP_RETURN_IF_ERROR(pipeline->Add(std::make_unique<ParagraphStage>()));
  SITREP_RETURN_IF_ERROR(pipeline->Add(std::make_unique<TokenStage>()));

  Result<SyntaxModels> syntax = SyntaxModels::LoadDefault();
  if (!syntax.ok()) return syntax.status();
  SITREP_RETURN_IF_ERROR(pipeline->Add(std::make_unique<SyntaxStage>(std::move(*syntax))));

  Result<std::unique_ptr<EntityStage>> entities = EntityStage::MakeDefault();
  if (!entities.ok()) return entities.status();
  SITREP_RETURN_IF_ERROR(pipeline->Add(std::move(*entities)));

  Result<std::unique_ptr<PlaceStage>> places = PlaceStage::MakeDefault();
  if (!places.ok()) return places.status();
  SITREP_RETURN_IF_ERROR(pipeline->Add(std::move(*places)));

  SITREP_RETURN_IF_ERROR(pipeline->Add(std::make_unique<TimexStage>()));
  SITREP_RETURN_IF_ERROR(pipeline->Add(std::make_unique<QuantityStage>()));
  Result<std::unique_ptr<QuoteStage>> quotes = QuoteStage::MakeDefault(/*with_entities=*/true);
  if (!quotes.ok()) return quotes.status();
  SITREP_RETURN_IF_ERROR(pipeline->Add(std::move(*quotes)));
  // The user's PETRARCH/TABARI dictionaries, if any: read once, shared by both stages
  // (the verb dictionaries travel with the lexicon to the event stage).
  auto lexicon = code::dictionaries::LexiconWithVerbs(options.dictionaries);
  if (!lexicon.ok()) return lexicon.status();
  SITREP_RETURN_IF_ERROR(pipeline->Add(std::make_unique<ActorStage>(*lexicon)));
  SITREP_RETURN_IF_ERROR(pipeline->Add(std::make_unique<EventStage>(*lexicon)));
  return pipeline;
}

}  // namespace sitrep
