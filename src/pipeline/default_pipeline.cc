#include "annotate/paragraphs.h"
#include "annotate/token_stage.h"
#include "sitrep/pipeline.h"

namespace sitrep {

Result<std::unique_ptr<Pipeline>> MakeDefaultPipeline(PipelineOptions options) {
  auto pipeline = std::make_unique<Pipeline>(std::move(options));
  SITREP_RETURN_IF_ERROR(pipeline->Add(std::make_unique<ParagraphStage>()));
  SITREP_RETURN_IF_ERROR(pipeline->Add(std::make_unique<TokenStage>()));
  return pipeline;
}

}  // namespace sitrep
