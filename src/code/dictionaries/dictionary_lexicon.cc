#include "code/dictionaries/dictionary_lexicon.h"

#include <fmt/format.h>

#include "code/dictionaries/user_dictionaries.h"

namespace sitrep::code::dictionaries {

Result<std::shared_ptr<const ActorLexicon>> LexiconWithDictionaries(const DictionaryOptions& options) {
  if (options.empty()) return std::shared_ptr<const ActorLexicon>();
  std::vector<std::string> warnings;
  auto dicts = UserDictionaries::Load(options.actors, options.agents, &warnings);
  if (options.warn) {
    // A whole file in another dialect would bury the terminal: the first ones say enough.
    constexpr size_t kShown = 50;
    for (size_t i = 0; i < warnings.size() && i < kShown; ++i) options.warn(warnings[i]);
    if (warnings.size() > kShown)
      options.warn(fmt::format("... and {} more dictionary warnings", warnings.size() - kShown));
  }
  if (!dicts.ok()) return dicts.status();
  auto lexicon = std::make_shared<ActorLexicon>(ActorLexicon::Default());
  lexicon->set_user_dictionaries(std::move(*dicts));
  return std::shared_ptr<const ActorLexicon>(std::move(lexicon));
}

}  // namespace sitrep::code::dictionaries
