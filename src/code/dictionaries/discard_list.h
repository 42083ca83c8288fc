// PETRARCH's discard list (PETR.Validate.discards.txt, Phoenix.discards.txt): phrases
// whose presence says a sentence is not news to code ("BASEBALL", "WORLD CUP"). One
// phrase a line; "+PHRASE" discards the whole story, which for one sentence is the same;
// "#" starts a comment. Words are separated by blanks or "_" and matched consecutively,
// in any case, a word also taking its regular plural.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/status.h"

namespace sitrep::code::dictionaries {

class DiscardList {
 public:
  Status Load(const std::string& path, std::vector<std::string>* warnings);
  void Add(std::string_view text, std::string_view name, std::vector<std::string>* warnings);

  // The phrase found in `words` (lower case), or empty.
  std::string Find(const std::vector<std::string>& words) const;
  size_t size() const { return phrases_.size(); }

 private:
  std::vector<std::vector<std::string>> phrases_;
};

}  // namespace sitrep::code::dictionaries
