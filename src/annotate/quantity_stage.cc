#include "annotate/quantity_stage.h"

#include "annotate/quantities.h"

namespace sitrep {

Status QuantityStage::Process(Doc& doc) const {
  std::vector<Annotation> layer;
  for (const Sentence& sentence : doc.sentences())
    for (const Quantity& q : FindQuantities(doc, sentence.token_begin, sentence.token_end))
      layer.push_back({q.span, q.label, QuantityAttrsJson(q)});
  doc.SetLayer("quantity", std::move(layer));
  return Status::Ok();
}

}  // namespace sitrep
