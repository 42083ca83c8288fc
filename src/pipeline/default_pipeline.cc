#include "annotate/paragraphs.h"
#include "sitrep/pipeline.h"

namespace sitrep {

Result<std::unique_ptr<Pipeline>> MakeDefaultPipeline(PipelineOptions options) {
  auto pipeline = std::make_unique<Pipeline>(std::move(options));
  SITREP_RETURN_IF_ERROR(pipeline->Add(std::make_unique<ParagraphStage>()));
  return pipeline;
}

}  // namespace sitrep
