#include "code/dictionaries/verb_dictionary.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace sitrep::code::dictionaries {

// verb_reader.cc: the line grammar.
void ReadVerbText(VerbDictionary* dict, std::string_view text, std::string_view name, std::vector<std::string>* warnings);

Status VerbDictionary::Load(const std::string& path, std::vector<std::string>* warnings) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(Code::kNotFound, fmt::format("{}: cannot open the verb dictionary", path));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status(Code::kIo, fmt::format("{}: cannot read the verb dictionary", path));
  Add(text.str(), path, warnings);
  return Status::Ok();
}

void VerbDictionary::Add(std::string_view text, std::string_view name, std::vector<std::string>* warnings) {
  ReadVerbText(this, text, name, warnings);
  Index();
}

void VerbDictionary::Index() {
  by_form_.clear();
  by_stem_.clear();
  stem_sizes_.clear();
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    const VerbEntry& e = entries_[i];
    for (size_t f = 0; f < e.forms.size(); ++f) {
      // Only the root of a TABARI stem matches as a prefix; irregular forms are words.
      if (f == 0 && e.stem) {
        by_stem_[e.forms[f]].push_back(i);
        stem_sizes_.push_back(e.forms[f].size());
      } else {
        by_form_[e.forms[f]].push_back(i);
      }
    }
  }
  std::sort(stem_sizes_.begin(), stem_sizes_.end());
  stem_sizes_.erase(std::unique(stem_sizes_.begin(), stem_sizes_.end()), stem_sizes_.end());
}

std::vector<const VerbEntry*> VerbDictionary::Candidates(std::string_view word, std::string_view lemma) const {
  std::vector<uint32_t> ids;
  for (std::string_view w : {word, lemma}) {
    if (w.empty()) continue;
    if (auto it = by_form_.find(std::string(w)); it != by_form_.end()) ids.insert(ids.end(), it->second.begin(), it->second.end());
    // The regular endings the programs add to a verb: TABARI's S, ED, ES, EN, ING (manual
    // 5.2.3: "departes" is DEPART); PETRARCH's S, ED, ING, and ES after a hissing sound.
    for (std::string_view ending : {"s", "ed", "es", "en", "ing"}) {
      if (w.size() < ending.size() + 3 || !w.ends_with(ending)) continue;
      const std::string root(w.substr(0, w.size() - ending.size()));
      auto it = by_form_.find(root);
      if (it == by_form_.end()) continue;
      const bool hissing = root.ends_with('s') || root.ends_with('x') || root.ends_with('z') || root.ends_with("ch") ||
                           root.ends_with("sh");
      for (uint32_t id : it->second)
        if (entries_[id].tabari || (ending != "en" && (ending != "es" || hissing))) ids.push_back(id);
    }
    for (size_t n : stem_sizes_) {
      if (n > w.size()) break;
      if (auto it = by_stem_.find(std::string(w.substr(0, n))); it != by_stem_.end())
        ids.insert(ids.end(), it->second.begin(), it->second.end());
    }
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<const VerbEntry*> out;
  for (uint32_t id : ids) out.push_back(&entries_[id]);
  return out;
}

size_t VerbDictionary::patterns() const {
  size_t n = 0;
  for (const auto& b : blocks_) n += b.size();
  return n;
}

}  // namespace sitrep::code::dictionaries
