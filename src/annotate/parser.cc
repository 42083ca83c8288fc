// The runtime parser: a loaded ParserModel.
#include "annotate/parser.h"

namespace sitrep {

Result<std::shared_ptr<const Parser>> Parser::Load(const std::string& path) {
  auto model = ParserModel::Load(path);
  if (!model.ok()) return model.status();
  return std::shared_ptr<const Parser>(std::make_shared<Parser>(std::move(model).value()));
}

void Parser::Parse(const std::vector<std::string_view>& words, const std::vector<std::string_view>& xpos,
                   const std::vector<std::string_view>& upos, const std::vector<std::string_view>& xpos2,
                   std::vector<int>* heads,
                   std::vector<std::string>* labels) const {
  std::vector<ParseWord> described;
  model_.DescribeWords(words, xpos, upos, xpos2, &described);
  model_.Parse(described, heads, labels);
}

}  // namespace sitrep
