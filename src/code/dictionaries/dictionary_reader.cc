#include "code/dictionaries/dictionary_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "code/sentence_graph.h"

namespace sitrep::code::dictionaries {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view StripComment(std::string_view line) {
  int depth = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '[')
      ++depth;
    else if (line[i] == ']' && depth > 0)
      --depth;
    else if ((line[i] == ';' || line[i] == '#') && depth == 0)
      return line.substr(0, i);
  }
  return line;
}

namespace {

// The parts of an entry line: "PHRASE {PLURALS} [CODE] [CODE]".
struct EntryLine {
  std::string_view phrase;
  std::optional<std::string_view> plurals;  // inside "{...}", when present
  std::vector<DatedCode> codes;
};

std::optional<EntryLine> SplitEntryLine(std::string_view text, std::string* why) {
  EntryLine out;
  const size_t stop = text.find_first_of("{[");
  out.phrase = Trim(text.substr(0, stop));
  std::string_view rest = stop == std::string_view::npos ? std::string_view() : text.substr(stop);
  if (rest.starts_with('{')) {
    const size_t close = rest.find('}');
    if (close == std::string_view::npos) return *why = "missing } after {", std::nullopt;
    out.plurals = Trim(rest.substr(1, close - 1));
    rest = Trim(rest.substr(close + 1));
  }
  while (!(rest = Trim(rest)).empty()) {
    if (rest.front() != '[') return *why = fmt::format("unexpected \"{}\" where a [code] belongs", rest), std::nullopt;
    const size_t close = rest.find(']');
    // PETRARCH's own example file has "[~LEG}": a typo TABARI would reject, and so do we.
    if (close == std::string_view::npos) return *why = "missing ] after [", std::nullopt;
    std::optional<DatedCode> code = ParseCodeBlock(rest.substr(1, close - 1), why);
    if (!code) return std::nullopt;
    out.codes.push_back(std::move(*code));
    rest.remove_prefix(close + 1);
  }
  return out;
}

// An agent code has one "~": "~GOV" adds GOV after the actor's code, "NGO~" before it.
bool CheckCodes(const std::vector<DatedCode>& codes, DictionaryKind kind, std::string* why) {
  for (const DatedCode& c : codes) {
    if (c.null()) continue;
    const size_t tildes = std::count(c.code.begin(), c.code.end(), '~');
    if (kind == DictionaryKind::kAgents && tildes != 1)
      return *why = fmt::format("agent code \"{}\" needs a ~ before or after it", c.code), false;
    if (kind == DictionaryKind::kActors && tildes != 0)
      return *why = fmt::format("actor code \"{}\" has an agent's ~", c.code), false;
  }
  return true;
}

class Reader {
 public:
  Reader(std::string_view name, DictionaryKind kind, std::vector<std::string>* warnings)
      : name_(name), kind_(kind), warnings_(warnings) {}

  std::vector<DictionaryRecord> Read(std::string_view text) {
    int line_number = 0;
    std::string section;  // a <NOUN>-like section being skipped
    bool in_comment = false;
    for (size_t at = 0; at <= text.size();) {
      size_t end = text.find('\n', at);
      if (end == std::string_view::npos) end = text.size();
      std::string_view raw = text.substr(at, end - at);
      at = end + 1;
      ++line_number;
      if (raw.ends_with('\r')) raw.remove_suffix(1);
      std::string_view line = Trim(raw);
      if (in_comment) {
        in_comment = line.find("-->") == std::string_view::npos;
        continue;
      }
      if (!section.empty()) {
        if (line.starts_with("</")) section.clear();
        continue;
      }
      if (line.empty() || line.starts_with('#') || line.starts_with('/') || line.starts_with(';')) continue;
      // "<!-- ... -->", and the "<! -- ... -->" PETRARCH's validation actors also write:
      // a comment, not a <NOUN>-like section that would swallow the rest of the file.
      if (line.starts_with("<!")) {
        in_comment = line.find("-->", 2) == std::string_view::npos;
        continue;
      }
      // TABARI's end-of-file mark, written "~FINISH" or "~~FINISH" (with a time stamp).
      if (line.starts_with('~') && line.find("FINISH") != std::string_view::npos) break;
      if (line.starts_with('<')) {
        // TABARI's <NOUN> and <ADJECTIVE> lists: words that help its parser, no codes.
        if (line.find("</") == std::string_view::npos) section = std::string(line);
        continue;
      }
      Line(raw, line, line_number);
      if (at > text.size()) break;
    }
    Close();
    return std::move(records_);
  }

 private:
  void Warn(int line, std::string_view what) {
    if (warnings_) warnings_->push_back(fmt::format("{}:{}: {}", name_, line, what));
  }

  void Line(std::string_view raw, std::string_view line, int number) {
    if (line.starts_with('!') && line.find('=') != std::string_view::npos) return Substitution(line, number);
    std::string why;
    std::string_view content = Trim(StripComment(line));
    if (content.empty()) return;
    const bool continuation = content.starts_with('+') || (IsBlank(raw.front()) && content.starts_with('['));
    if (continuation && !open_) {
      // A synonym or code under an entry that was malformed (already reported) or missing.
      if (!broken_)
        Warn(number,
             content.starts_with('+') ? "synonym (+) with no entry before it" : "code line with no entry before it");
      return;
    }
    if (content.starts_with('+')) content.remove_prefix(1);
    std::optional<EntryLine> entry = SplitEntryLine(content, &why);
    // Entries without codes in a row share the code lines after them: Phoenix writes
    // "IVO_JOSIPOVIC_ / PRESIDENT_JOSIPOVIC_ / JOSIPOVIC_" and then their dates.
    const bool joins =
        !continuation && entry && entry->codes.empty() && open_ && open_->codes.empty() && !open_->patterns.empty();
    if (!continuation && !joins) {
      Close();
      broken_ = false;
    }
    if (entry && !CheckCodes(entry->codes, kind_, &why)) entry.reset();
    if (entry && entry->phrase.empty() && !(continuation && content.starts_with('[')))
      why = "no phrase before the code", entry.reset();
    if (!entry) {
      Warn(number, why);
      if (!continuation) broken_ = true;
      return;
    }
    if (!continuation && !joins) open_ = DictionaryRecord{{}, {}, number};
    if (!entry->phrase.empty() && !AddPhrase(entry->phrase, entry->plurals, number)) {
      if (!continuation && !joins) open_.reset(), broken_ = true;
      return;
    }
    for (DatedCode& c : entry->codes) open_->codes.push_back(std::move(c));
  }

  // "!PERSON! = MAN, MEN, WOMAN": every item replaces the marker, without plurals.
  void Substitution(std::string_view line, int number) {
    const size_t eq = line.find('=');
    std::string_view marker = Trim(line.substr(0, eq));
    if (marker.size() < 3 || !marker.ends_with('!')) return Warn(number, "substitution set without !NAME! before =");
    std::vector<std::string> items;
    std::string_view list = StripComment(line.substr(eq + 1));
    for (size_t b = 0; b <= list.size();) {
      size_t e = list.find(',', b);
      if (e == std::string_view::npos) e = list.size();
      if (std::string_view item = Trim(list.substr(b, e - b)); !item.empty()) items.emplace_back(item);
      b = e + 1;
    }
    if (items.empty()) return Warn(number, fmt::format("substitution set {} has no items", marker));
    substitutions_[std::string(marker)] = std::move(items);
  }

  bool AddPhrase(std::string_view phrase, std::optional<std::string_view> plurals, int number) {
    const size_t bang = phrase.find('!');
    const size_t close = bang == std::string_view::npos ? bang : phrase.find('!', bang + 1);
    auto set = close == std::string_view::npos
                   ? substitutions_.end()
                   : substitutions_.find(std::string(phrase.substr(bang, close - bang + 1)));
    if (set != substitutions_.end()) {
      const bool at_end = Trim(phrase.substr(close + 1)).empty();
      for (const std::string& item : set->second) {
        std::string expanded = std::string(phrase.substr(0, bang)) + item + std::string(phrase.substr(close + 1));
        if (!AddPhrase(expanded, at_end ? std::optional<std::string_view>("") : plurals, number)) return false;
      }
      return true;
    }
    // Substitution sets belong to agent files; in an actor file "!" is part of a name
    // ("YAHOO!_INC").
    if (close != std::string_view::npos && kind_ == DictionaryKind::kAgents)
      return Warn(number, fmt::format("unknown substitution marker in \"{}\"", phrase)), false;
    Pattern p = ParsePhrase(phrase, !plurals.has_value());
    if (p.empty()) return Warn(number, fmt::format("no words in \"{}\"", phrase)), false;
    open_->patterns.push_back(std::move(p));
    // Irregular plurals "{ATTORNEYS_GENERAL}": more phrases, taken as written.
    if (plurals) {
      for (size_t b = 0; b < plurals->size();) {
        size_t e = plurals->find_first_of(" \t", b);
        if (e == std::string_view::npos) e = plurals->size();
        if (e > b) {
          Pattern q = ParsePhrase(plurals->substr(b, e - b), false);
          if (!q.empty()) open_->patterns.push_back(std::move(q));
        }
        b = e + 1;
      }
    }
    return true;
  }

  void Close() {
    if (!open_) return;
    DictionaryRecord r = std::move(*open_);
    open_.reset();
    if (r.codes.empty()) return Warn(r.line, "entry has no [code]");
    if (std::count_if(r.codes.begin(), r.codes.end(), [](const DatedCode& c) { return !c.dated(); }) > 1)
      Warn(r.line, "entry has more than one undated code; the last is its default");
    records_.push_back(std::move(r));
  }

  std::string_view name_;
  DictionaryKind kind_;
  std::vector<std::string>* warnings_;
  std::map<std::string, std::vector<std::string>> substitutions_;
  std::optional<DictionaryRecord> open_;
  bool broken_ = false;  // the last entry line was malformed: its continuation lines go with it
  std::vector<DictionaryRecord> records_;
};

}  // namespace

Pattern ParsePhrase(std::string_view phrase, bool plurals) {
  phrase = Trim(phrase);
  Pattern out;
  size_t b = 0;
  bool blank = false;  // the separator before the next word was a blank
  while (b < phrase.size()) {
    size_t e = b;
    while (e < phrase.size() && phrase[e] != '_' && phrase[e] != '-' && !IsBlank(phrase[e])) ++e;
    if (e > b) out.push_back(PatternWord{LowerAscii(phrase.substr(b, e - b)), PatternWord::Match::kExact, blank && !out.empty()});
    if (e < phrase.size()) blank = IsBlank(phrase[e]) ? (e > b || blank) : false;
    b = e + 1;
  }
  if (out.empty()) return out;
  // Only the last word can be a stem or take a plural; the words before it are followed
  // by a separator, which TABARI reads as "the word ends here".
  const char last = phrase.back();
  if (last == '_' || last == '-')
    out.back().match = plurals ? PatternWord::Match::kPlural : PatternWord::Match::kExact;
  else
    out.back().match = PatternWord::Match::kStem, out.back().plural = plurals;
  return out;
}

std::string PatternKey(const Pattern& pattern) {
  std::string key;
  for (const PatternWord& w : pattern) {
    if (!key.empty()) key += ' ';
    key += w.text;
    if (w.match == PatternWord::Match::kExact)
      key += '_';
    else if (w.match == PatternWord::Match::kPlural)
      key += '*';
  }
  return key;
}

std::vector<DictionaryRecord> ReadDictionary(std::string_view text, std::string_view name, DictionaryKind kind,
                                             std::vector<std::string>* warnings) {
  return Reader(name, kind, warnings).Read(text);
}

}  // namespace sitrep::code::dictionaries
