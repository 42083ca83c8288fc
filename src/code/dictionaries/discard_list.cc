#include "code/dictionaries/discard_list.h"

#include <fmt/format.h>

#include <cctype>
#include <fstream>
#include <sstream>

namespace sitrep::code::dictionaries {

Status DiscardList::Load(const std::string& path, std::vector<std::string>* warnings) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(Code::kNotFound, fmt::format("{}: cannot open the discard list", path));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status(Code::kIo, fmt::format("{}: cannot read the discard list", path));
  Add(text.str(), path, warnings);
  return Status::Ok();
}

void DiscardList::Add(std::string_view text, std::string_view name, std::vector<std::string>* warnings) {
  int number = 0;
  for (size_t at = 0; at <= text.size();) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    at = end + 1;
    ++number;
    if (const size_t hash = line.find_first_of("#;"); hash != std::string_view::npos) line = line.substr(0, hash);
    std::vector<std::string> words;
    std::string word;
    for (char c : line) {
      if (c == ' ' || c == '\t' || c == '\r' || c == '_') {
        if (!word.empty()) words.push_back(std::move(word)), word.clear();
      } else {
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
    }
    if (!word.empty()) words.push_back(std::move(word));
    if (words.empty()) continue;
    if (words.front().starts_with('+')) words.front().erase(0, 1);  // story level
    if (words.front().empty()) {
      if (warnings) warnings->push_back(fmt::format("{}:{}: not a discard phrase", name, number));
      continue;
    }
    phrases_.push_back(std::move(words));
  }
}

std::string DiscardList::Find(const std::vector<std::string>& words) const {
  auto same = [](const std::string& text, const std::string& phrase) {
    return text == phrase || (text.size() == phrase.size() + 1 && text.starts_with(phrase) && text.back() == 's');
  };
  for (const auto& phrase : phrases_)
    for (size_t i = 0; i + phrase.size() <= words.size(); ++i) {
      size_t k = 0;
      while (k < phrase.size() && same(words[i + k], phrase[k])) ++k;
      if (k == phrase.size()) {
        std::string out;
        for (const std::string& w : phrase) out += (out.empty() ? "" : " ") + w;
        return out;
      }
    }
  return {};
}

}  // namespace sitrep::code::dictionaries
