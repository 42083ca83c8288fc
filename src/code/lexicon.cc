#include "code/lexicon.h"

#include <fmt/format.h>

#include <algorithm>
#include <mutex>

#include "code/cameo_table.h"
#include "code/wordnet.h"

namespace sitrep::code {

namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t begin = 0;
  while (true) {
    size_t tab = line.find('\t', begin);
    fields.push_back(line.substr(begin, tab == std::string_view::npos ? std::string_view::npos : tab - begin));
    if (tab == std::string_view::npos) break;
    begin = tab + 1;
  }
  return fields;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Calls fn(line_number, fields) for each line that is neither blank nor a comment.
template <typename Fn>
void ForEachLine(std::string_view text, Fn fn) {
  int number = 0;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    fn(number, SplitTabs(line));
  }
}

std::string Dash(std::string_view field) { return field == "-" ? std::string() : std::string(field); }

}  // namespace

PredicateLexicon PredicateLexicon::Parse(std::string_view text, std::string_view name,
                                         std::vector<std::string>* warnings) {
  PredicateLexicon lexicon;
  ForEachLine(text, [&](int line, const std::vector<std::string_view>& f) {
    auto warn = [&](std::string_view why) {
      if (warnings) warnings->push_back(fmt::format("{}:{}: {}", name, line, why));
    };
    if (f.size() != 7) return warn(fmt::format("expected 7 tab-separated fields, found {}", f.size()));
    if (f[0] != "V" && f[0] != "N") return warn("part of speech must be V or N");
    if (f[1].empty()) return warn("empty lemma");
    if (!IsPloverEventType(f[3])) return warn(fmt::format("'{}' is not a PLOVER event type", f[3]));
    if (!LookupCameo(f[5])) return warn(fmt::format("'{}' is not a known CAMEO code", f[5]));
    lexicon.Add(PredicateEntry{f[0][0], Lower(f[1]), Dash(f[2]), std::string(f[3]), Dash(f[4]),
                               std::string(f[5]), Dash(f[6]), "lexicon"});
  });
  return lexicon;
}

void PredicateLexicon::Add(PredicateEntry entry) {
  auto& table = entry.pos == 'V' ? verbs_ : nouns_;
  std::string key = entry.lemma;
  table[key].push_back(std::move(entry));
  ++count_;
}

const std::vector<PredicateEntry>& PredicateLexicon::Find(char pos, std::string_view lemma) const {
  static const std::vector<PredicateEntry> kNone;
  const auto& table = pos == 'V' ? verbs_ : nouns_;
  auto it = table.find(lemma);
  return it == table.end() ? kNone : it->second;
}

std::vector<std::string> PredicateLexicon::Lemmas(char pos) const {
  std::vector<std::string> out;
  for (const auto& [lemma, entries] : pos == 'V' ? verbs_ : nouns_) out.push_back(lemma);
  return out;
}

const PredicateLexicon& PredicateLexicon::Default() {
  static const PredicateLexicon* lexicon = [] {
    auto* built = new PredicateLexicon(Parse(EmbeddedPredicatesTsv(), "predicates.tsv", nullptr));
    GrowWithWordNet(built, DefaultWordNetDir());
    return built;
  }();
  return *lexicon;
}

ActorLexicon ActorLexicon::Parse(std::string_view text, std::string_view name, std::vector<std::string>* warnings) {
  ActorLexicon lexicon;
  ForEachLine(text, [&](int line, const std::vector<std::string_view>& f) {
    auto warn = [&](std::string_view why) {
      if (warnings) warnings->push_back(fmt::format("{}:{}: {}", name, line, why));
    };
    if (f.size() != 3) return warn(fmt::format("expected 3 tab-separated fields, found {}", f.size()));
    ActorWord word;
    if (f[0] == "country") word.kind = ActorWord::Kind::kCountry;
    else if (f[0] == "capital") word.kind = ActorWord::Kind::kCapital;
    else if (f[0] == "sector") word.kind = ActorWord::Kind::kSector;
    else if (f[0] == "group") word.kind = ActorWord::Kind::kGroup;
    else return warn(fmt::format("unknown kind '{}'", f[0]));
    if (f[1].empty() || f[2].empty()) return warn("empty phrase or code");
    word.code = std::string(f[2]);
    std::string phrase = Lower(f[1]);
    if (word.kind == ActorWord::Kind::kSector)
      for (size_t b = 0; b < phrase.size();) {
        size_t e = std::min(phrase.find(' ', b), phrase.size());
        lexicon.office_words_.emplace(phrase.substr(b, e - b));
        b = e + 1;
      }
    lexicon.max_words_ = std::max(lexicon.max_words_, 1 + static_cast<int>(std::count(phrase.begin(), phrase.end(), ' ')));
    lexicon.phrases_.emplace(std::move(phrase), std::move(word));
  });
  return lexicon;
}

const ActorLexicon& ActorLexicon::Default() {
  static const ActorLexicon lexicon = Parse(EmbeddedActorsTsv(), "actors.tsv", nullptr);
  return lexicon;
}

const ActorWord* ActorLexicon::Find(std::string_view phrase) const {
  auto it = phrases_.find(phrase);
  return it == phrases_.end() ? nullptr : &it->second;
}

}  // namespace sitrep::code
