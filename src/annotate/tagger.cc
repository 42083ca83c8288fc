// The runtime tagger: a loaded TaggerModel and the mapping from classes to tag strings.
#include "annotate/tagger.h"

namespace sitrep {

Result<std::shared_ptr<const Tagger>> Tagger::Load(const std::string& path) {
  auto model = TaggerModel::Load(path);
  if (!model.ok()) return model.status();
  return std::shared_ptr<const Tagger>(std::make_shared<Tagger>(std::move(model).value()));
}

void Tagger::Tag(const std::vector<std::string_view>& words, std::vector<PosTag>* tags) const {
  TagChoice choice;
  model_.Tag(words, &choice);
  tags->resize(choice.best.size());
  for (size_t i = 0; i < choice.best.size(); ++i) {
    PosTag& t = (*tags)[i];
    t.upos = model_.upos()[choice.best[i]];
    t.xpos = model_.xpos()[choice.best[i]];
    int alt = choice.alternative[i];
    t.xpos2 = alt == kNoTag || model_.xpos()[alt] == t.xpos ? std::string_view() : model_.xpos()[alt];
  }
}

}  // namespace sitrep
