// The runtime lemmatizer: a loaded LemmaModel.
#include "annotate/lemmatizer.h"

namespace sitrep {

Result<std::shared_ptr<const Lemmatizer>> Lemmatizer::Load(const std::string& path) {
  auto model = LemmaModel::Load(path);
  if (!model.ok()) return model.status();
  return std::shared_ptr<const Lemmatizer>(std::make_shared<Lemmatizer>(std::move(model).value()));
}

}  // namespace sitrep
