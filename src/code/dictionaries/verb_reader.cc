// The line grammar of PETRARCH-2 and TABARI verb files (verb_dictionary.h), read into a
// VerbDictionary. Written from the files themselves, PETRARCH's docs/source/dictionaries.rst
// and the TABARI manual (sections 5.5-5.7).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "code/dictionaries/dictionary_reader.h"
#include "code/dictionaries/verb_dictionary.h"

namespace sitrep::code::dictionaries {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsBlockHeader(std::string_view line) {
  return line.size() > 6 && line.starts_with("---") && line.ends_with("---") && line.find('[') != std::string_view::npos;
}

// One code: digits and letters ("0874", "174L"), or a special code. TABARI's "!" and "?"
// marks after a code (subordinate codes, doubtful entries) are dropped.
std::optional<std::string> ParseOneCode(std::string_view part, std::string* why) {
  part = Trim(part);
  if (part == "---" || part.empty()) return std::string();
  if (part == "###" || part == "+++") return std::string(part);
  while (!part.empty() && (part.back() == '!' || part.back() == '?')) part.remove_suffix(1);
  if (part.empty() || !std::all_of(part.begin(), part.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }))
    return *why = fmt::format("\"{}\" is not a verb code", part), std::nullopt;
  std::string out(part);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// "[032:033]", "[---]", "[:1234]". Empty inside "[]" is an error.
std::optional<VerbCode> ParseVerbCode(std::string_view inside, std::string* why) {
  inside = Trim(inside);
  if (inside.empty()) return *why = "no code in []", std::nullopt;
  VerbCode out;
  out.subordinate = inside.find('?') != std::string_view::npos;
  out.dominant = inside.find('!') != std::string_view::npos;
  const size_t colon = inside.find(':');
  auto first = ParseOneCode(inside.substr(0, colon), why);
  if (!first) return std::nullopt;
  out.code = *first;
  if (colon != std::string_view::npos) {
    auto second = ParseOneCode(inside.substr(colon + 1), why);
    if (!second) return std::nullopt;
    out.paired = *second;
  }
  return out;
}

// "TEXT [CODE] (nothing else)": the text and the code, or nullopt with `why`.
struct Coded {
  std::string_view text;
  std::optional<VerbCode> code;  // absent when the line has no "[...]"
};
std::optional<Coded> SplitCode(std::string_view line, std::string* why) {
  Coded out;
  const size_t open = line.rfind('[');
  if (open == std::string_view::npos) {
    if (line.find(']') != std::string_view::npos) return *why = "] without [", std::nullopt;
    out.text = Trim(line);
    return out;
  }
  const size_t close = line.find(']', open);
  if (close == std::string_view::npos) return *why = "missing ] after [", std::nullopt;
  if (!Trim(line.substr(close + 1)).empty())
    return *why = fmt::format("unexpected \"{}\" after the code", Trim(line.substr(close + 1))), std::nullopt;
  out.code = ParseVerbCode(line.substr(open + 1, close - open - 1), why);
  if (!out.code) return std::nullopt;
  out.text = Trim(line.substr(0, open));
  return out;
}

// A raw piece of a pattern: a word or symbol with the connector that led to it.
struct Piece {
  std::string text;     // upper case as in the file; "{", "|", "}" for alternatives
  bool joined = false;  // "_" (or a "~" word) right before it
  bool tilde = false;   // written "WORD~": a stem that the next piece must touch
  bool underscore_after = false;
};

std::vector<Piece> SplitPieces(std::string_view text) {
  std::vector<Piece> out;
  bool joined = false;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (IsBlank(c) || c == '(' || c == ')') {
      joined = false;
      ++i;
    } else if (c == '_') {
      if (!out.empty()) out.back().underscore_after = true;
      joined = true;
      ++i;
    } else if (c == '{' || c == '}' || c == '|') {
      out.push_back(Piece{std::string(1, c), joined});
      joined = false;
      ++i;
    } else {
      size_t j = i;
      while (j < text.size() && !IsBlank(text[j]) && text[j] != '_' && text[j] != '{' && text[j] != '}' &&
             text[j] != '|' && text[j] != '(' && text[j] != ')')
        ++j;
      Piece p{std::string(text.substr(i, j - i)), joined};
      // "ANTI-": a hyphen at either end is a separator in the text ("anti- Gondor").
      while (p.text.size() > 1 && p.text.back() == '-') p.text.pop_back();
      while (p.text.size() > 1 && p.text.front() == '-' && p.text != "---") p.text.erase(0, 1);
      if (p.text.size() > 1 && p.text.back() == '~') p.text.pop_back(), p.tilde = true;
      if (p.text.size() > 1 && p.text.back() == '=') p.text.pop_back(), p.underscore_after = true;  // "BAN=": exact
      out.push_back(std::move(p));
      joined = out.back().tilde;
      i = j;
    }
  }
  return out;
}

using Sequence = std::vector<VerbToken>;
using Choices = std::vector<Sequence>;  // alternatives for one place in a pattern

}  // namespace

// Reads one file into the dictionary: keeps the synonym sets and the current block.
class VerbReader {
 public:
  VerbReader(VerbDictionary* dict, std::string_view name, std::vector<std::string>* warnings)
      : dict_(dict), name_(name), warnings_(warnings) {}

  void Read(std::string_view text) {
    petrarch_ = false;
    ForEachLine(text, [&](std::string_view line) {
      if (IsBlockHeader(Trim(StripComment(line)))) petrarch_ = true;
      return true;
    });
    line_ = 0;
    ForEachLine(text, [&](std::string_view raw) {
      ++line_;
      return ReadLine(raw);
    });
    FinishBlock();
  }

 private:
  template <typename Fn>
  static void ForEachLine(std::string_view text, Fn fn) {
    size_t at = 0;
    while (at <= text.size()) {
      size_t end = text.find('\n', at);
      if (end == std::string_view::npos) end = text.size();
      if (!fn(text.substr(at, end - at))) return;
      at = end + 1;
    }
  }

  void Warn(std::string message) {
    if (warnings_) warnings_->push_back(fmt::format("{}:{}: {}", name_, line_, message));
  }
  std::string Origin() const { return fmt::format("{}:{}", name_, line_); }

  // False ends the file ("~FINISH").
  bool ReadLine(std::string_view raw) {
    std::string_view trimmed = Trim(raw);
    if (in_xml_comment_) {
      if (trimmed.find("-->") != std::string_view::npos) in_xml_comment_ = false;
      return true;
    }
    if (trimmed.starts_with("<!")) {  // "<!-- -->" and "<! -- -->"
      in_xml_comment_ = trimmed.find("-->") == std::string_view::npos;
      return true;
    }
    if (trimmed.starts_with("~FINISH")) return false;
    std::string_view line = Trim(StripComment(raw));
    if (line.empty()) return true;
    if (in_time_) {  // TABARI's time-shift phrases are not events
      if (line.starts_with("</TIME>")) in_time_ = false;
      return true;
    }
    if (line.front() == '<') {
      if (line.starts_with("<TIME>")) in_time_ = true;
      synset_.clear();  // "<SYNSETS>", "</SYNSETS>" and other section tags
      return true;
    }
    if (line.front() == '&') return StartSynset(line), true;
    if (line.front() == '+' && !synset_.empty()) return AddSynonym(line.substr(1)), true;
    synset_.clear();
    if (line.front() == '~') return true;  // PETRARCH transformations: not read
    if (IsBlockHeader(line)) return StartBlock(line), true;
    if (line.front() == '-') return AddPattern(line.substr(1)), true;
    if (line.front() == '{') return AddForms(line), true;
    AddVerb(line);
    return true;
  }

  void StartSynset(std::string_view line) {
    std::string name = Lower(Trim(line.substr(1)));
    if (name.empty() || name.find_first_of(" \t[{") != std::string::npos) {
      synset_.clear();
      return Warn(fmt::format("\"{}\" is not a synonym set name", line));
    }
    while (name.ends_with('_')) name.pop_back();
    synset_ = name;
    sets_[synset_];  // declared, even if empty
  }

  void AddSynonym(std::string_view phrase) {
    std::string why;
    auto choices = Expand(SplitPieces(Trim(phrase)), &why);
    if (!choices) return Warn(fmt::format("synonym \"{}\": {}", Trim(phrase), why));
    Choices& set = sets_[synset_];
    for (Sequence& s : *choices)
      if (set.size() < VerbDictionary::kMaxExpansions * 4) set.push_back(std::move(s));
  }

  void StartBlock(std::string_view line) {
    FinishBlock();
    std::string why;
    std::string_view inner = Trim(line.substr(3, line.size() - 6));
    auto coded = SplitCode(inner, &why);
    block_code_ = VerbCode{};
    if (!coded) Warn(fmt::format("block header: {}", why));
    else if (coded->code) block_code_ = *coded->code;
    block_open_ = true;
    dict_->blocks_.emplace_back();
  }

  void FinishBlock() {
    if (!dict_->blocks_.empty()) {
      auto& patterns = dict_->blocks_.back();
      std::stable_sort(patterns.begin(), patterns.end(),
                       [](const VerbPattern& a, const VerbPattern& b) { return a.length > b.length; });
    }
  }

  // "ABANDON [345]", "HOLD {HOLDS HOLDING HELD } [---]", "KLM_NOP_+RST [002]", "+BEEF_UP".
  void AddVerb(std::string_view line) {
    std::string why;
    auto coded = SplitCode(line, &why);
    if (!coded) return Warn(why);
    std::string_view text = coded->text;
    std::string_view forms;
    if (const size_t open = text.find('{'); open != std::string_view::npos) {
      const size_t close = text.find('}', open);
      if (close == std::string_view::npos) return Warn("missing } after {");
      if (!Trim(text.substr(close + 1)).empty()) return Warn("unexpected text after the verb forms");
      forms = text.substr(open + 1, close - open - 1);
      text = Trim(text.substr(0, open));
    }
    if (text.empty()) return Warn("a verb line without a verb");
    if (text.find_first_of("*$%^()|") != std::string_view::npos)
      return Warn(fmt::format("\"{}\" is not a verb (a pattern line starts with \"-\")", text));
    if (!petrarch_) {  // TABARI: every verb opens its own block
      if (!coded->code) return Warn(fmt::format("verb \"{}\" has no [code]", text));
      FinishBlock();
      dict_->blocks_.emplace_back();
      block_open_ = true;
      block_code_ = VerbCode{};
    } else if (!block_open_) {
      return Warn(fmt::format("verb \"{}\" before any \"--- NAME [CODE] ---\" block", text));
    }
    VerbEntry entry;
    if (!ParseVerbPhrase(text, &entry, &why)) return Warn(why);
    entry.code = coded->code ? *coded->code : block_code_;
    entry.block = static_cast<uint32_t>(dict_->blocks_.size() - 1);
    entry.origin = Origin();
    entry.tabari = !petrarch_;
    AddFormsTo(&entry, forms);
    dict_->entries_.push_back(std::move(entry));
    last_verb_ = true;
  }

  // The verb word of a phrase is the one marked "+", else the first; the others are words
  // every use of the verb needs around it.
  bool ParseVerbPhrase(std::string_view text, VerbEntry* entry, std::string* why) {
    std::vector<Piece> pieces = SplitPieces(text);
    int head = -1;
    for (size_t i = 0; i < pieces.size(); ++i)
      if (pieces[i].text.size() > 1 && pieces[i].text.front() == '+') {
        if (head >= 0) return *why = fmt::format("verb \"{}\" marks two words with +", text), false;
        head = static_cast<int>(i);
        pieces[i].text.erase(0, 1);
      }
    if (head < 0) head = 0;
    if (pieces.empty()) return *why = "a verb line without a verb", false;
    const Piece& h = pieces[head];
    if (h.text.empty() || h.text == "+") return *why = fmt::format("verb \"{}\" has no verb word", text), false;
    entry->forms.push_back(Lower(h.text));
    entry->stem = !petrarch_ && !h.underscore_after;
    for (size_t i = 0; i < pieces.size(); ++i) {
      if (static_cast<int>(i) == head) continue;
      VerbToken t = WordToken(pieces[i]);
      if (static_cast<int>(i) < head) {
        entry->before.push_back(std::move(t));
      } else {
        if (static_cast<int>(i) == head + 1) t.adjacent = pieces[i].joined;
        entry->after.push_back(std::move(t));
      }
    }
    // "KLM_NOP_+RST": the verb touches the word before it.
    if (head > 0) entry->verb_adjacent = pieces[head].joined;
    return true;
  }

  VerbToken WordToken(const Piece& p) const {
    VerbToken t;
    t.kind = VerbToken::Kind::kWord;
    t.word = Lower(p.text);
    t.adjacent = p.joined;
    t.stem = !petrarch_ && !p.underscore_after;
    return t;
  }

  // Irregular forms: "{BROKE BROKEN}", "{+CORDONED_OFF +CORDONS_OFF}": the verb word of each.
  void AddFormsTo(VerbEntry* entry, std::string_view forms) {
    const std::vector<Piece> pieces = SplitPieces(forms);
    const bool marked = std::any_of(pieces.begin(), pieces.end(), [](const Piece& p) { return p.text.starts_with('+'); });
    for (const Piece& p : pieces) {
      // Only the verb word of a phrase: the "+" one ("WIRE_+TAPS"), else the first.
      if (marked ? !p.text.starts_with('+') : p.joined) continue;
      std::string w = Lower(p.text.starts_with('+') ? p.text.substr(1) : p.text);
      if (w.empty() || std::find(entry->forms.begin(), entry->forms.end(), w) != entry->forms.end()) continue;
      entry->forms.push_back(std::move(w));
    }
  }

  // TABARI: "{ BROKE_ BROKEN_ }" on the line after a verb.
  void AddForms(std::string_view line) {
    if (!last_verb_ || dict_->entries_.empty()) return Warn("verb forms {...} without a verb before them");
    const size_t close = line.find('}');
    if (close == std::string_view::npos) return Warn("missing } after {");
    if (!Trim(line.substr(close + 1)).empty()) return Warn("unexpected text after the verb forms");
    AddFormsTo(&dict_->entries_.back(), line.substr(1, close - 1));
  }

  void AddPattern(std::string_view line) {
    last_verb_ = false;
    if (!block_open_) return Warn("a pattern with no verb before it");
    std::string why;
    auto coded = SplitCode(line, &why);
    if (!coded) return Warn(why);
    if (!coded->code) return Warn("a pattern without a [code]");
    auto choices = Expand(SplitPieces(coded->text), &why);
    if (!choices) return Warn(why);
    auto& block = dict_->blocks_.back();
    for (Sequence& s : *choices) {
      VerbPattern p;
      p.code = *coded->code;
      p.origin = Origin();
      int stars = 0;
      for (VerbToken& t : s) {
        if (t.kind == VerbToken::Kind::kVerb) {
          ++stars;
          p.verb_adjacent = t.adjacent;
          continue;
        }
        if (t.kind == VerbToken::Kind::kWord)
          p.length += static_cast<int>(std::count_if(t.word.begin(), t.word.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }));
        (stars ? p.after : p.before).push_back(std::move(t));
      }
      if (stars != 1) return Warn(fmt::format("pattern \"{}\" needs exactly one *", Trim(coded->text)));
      // The word after "*" touches the verb when written "*_WORD".
      block.push_back(std::move(p));
    }
  }

  // Pieces -> every sequence they stand for, over synonym sets and { A | B } alternatives.
  std::optional<Choices> Expand(const std::vector<Piece>& pieces, std::string* why) {
    Choices out{Sequence{}};
    size_t i = 0;
    while (i < pieces.size()) {
      Choices place;
      const Piece& p = pieces[i];
      if (p.text == "{") {
        // Alternatives when there is a "|" before the matching "}"; else just grouping.
        size_t close = i + 1;
        bool bars = false;
        while (close < pieces.size() && pieces[close].text != "}") bars |= pieces[close].text == "|", ++close;
        if (close == pieces.size()) return *why = "missing } after {", std::nullopt;
        if (!bars) {  // PETRARCH "{FINANCIAL AID}": the words in order
          std::vector<Piece> inner(pieces.begin() + i + 1, pieces.begin() + close);
          if (!inner.empty()) inner.front().joined = p.joined;
          auto sub = Expand(inner, why);
          if (!sub) return std::nullopt;
          place = std::move(*sub);
        } else {
          std::vector<Piece> alt;
          for (size_t k = i + 1; k <= close; ++k) {
            if (pieces[k].text == "|" || pieces[k].text == "}") {
              if (!alt.empty()) {
                alt.front().joined = p.joined;
                auto sub = Expand(alt, why);
                if (!sub) return std::nullopt;
                for (Sequence& s : *sub) place.push_back(std::move(s));
              }
              alt.clear();
            } else {
              alt.push_back(pieces[k]);
            }
          }
        }
        // "}_WORD": the word after the set touches it.
        i = close + 1;
      } else if (p.text == "}" || p.text == "|") {
        return *why = fmt::format("unexpected \"{}\"", p.text), std::nullopt;
      } else if (p.text.front() == '&') {
        std::string name = Lower(p.text.substr(1));
        while (name.ends_with('_')) name.pop_back();
        auto set = sets_.find(name);
        if (set == sets_.end()) return *why = fmt::format("unknown synonym set {}", p.text), std::nullopt;
        for (Sequence s : set->second) {
          if (!s.empty()) s.front().adjacent = p.joined;
          place.push_back(std::move(s));
        }
        ++i;
      } else {
        VerbToken t;
        t.adjacent = p.joined;
        if (p.text == "*") t.kind = VerbToken::Kind::kVerb;
        else if (p.text == "$") t.kind = VerbToken::Kind::kSource;
        else if (p.text == "+") t.kind = VerbToken::Kind::kTarget;
        else if (p.text == "%") t.kind = VerbToken::Kind::kCompound;
        else if (p.text == "^") t.kind = VerbToken::Kind::kSkip;
        else t = WordToken(p);
        place.push_back(Sequence{std::move(t)});
        ++i;
      }
      if (place.empty()) continue;
      Choices next;
      for (const Sequence& head : out)
        for (const Sequence& tail : place) {
          if (next.size() >= VerbDictionary::kMaxExpansions) break;
          Sequence s = head;
          s.insert(s.end(), tail.begin(), tail.end());
          next.push_back(std::move(s));
        }
      out = std::move(next);
    }
    return out;
  }

  VerbDictionary* dict_;
  std::string name_;
  std::vector<std::string>* warnings_;
  int line_ = 0;
  bool petrarch_ = false;
  bool in_xml_comment_ = false, in_time_ = false;
  bool block_open_ = false, last_verb_ = false;
  VerbCode block_code_;
  std::string synset_;  // the set "+" lines are added to, or empty
  std::map<std::string, Choices> sets_;
};

void ReadVerbText(VerbDictionary* dict, std::string_view text, std::string_view name, std::vector<std::string>* warnings) {
  VerbReader(dict, name, warnings).Read(text);
}

}  // namespace sitrep::code::dictionaries
