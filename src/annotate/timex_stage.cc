// The timex stage (see timex_stage.h).
#include "annotate/timex_stage.h"

namespace sitrep {

void AnnotateTimexes(Doc& doc, const DctEstimate* estimate) {
  std::vector<Timex> timexes = FindTimexes(doc);
  DctEstimate own;
  if (estimate == nullptr) {
    const std::optional<DateTime>& published = doc.meta().published;
    if (published) own = StatedEstimate(*published);
    if (!own.known()) own = EstimateDctFromContent(doc, timexes);
    estimate = &own;
  }
  ResolveTimexes(estimate->ToAnchor(), &timexes);
  std::vector<Annotation> layer;
  layer.reserve(timexes.size());
  for (const Timex& t : timexes) layer.push_back({t.span, std::string(TimexTypeName(t.type)), TimexAttrsJson(t)});
  doc.SetLayer("timex", std::move(layer));
  doc.SetLayer("dct", {Annotation{{0, 0}, "dct", DctAttrsJson(*estimate)}});
}

Status TimexStage::Process(Doc& doc) const {
  AnnotateTimexes(doc, nullptr);
  return Status::Ok();
}

}  // namespace sitrep
