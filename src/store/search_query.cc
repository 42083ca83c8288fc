#include "store/search_query.h"

#include <fmt/format.h>

#include <algorithm>

#include "text/search_words.h"

namespace sitrep::sqlite {

namespace {

// What the search box's text is made of, before any word is looked at.
enum class Kind { kWords, kPhrase, kOr, kAnd, kNot, kMinus, kOpen, kClose };
struct Item {
  Kind kind;
  std::string_view text;  // the words of kWords and kPhrase
  bool prefix = false;    // written with a trailing *
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

std::vector<Item> Lex(std::string_view s) {
  std::vector<Item> items;
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (IsSpace(c)) {
      ++i;
    } else if (c == '(' || c == ')') {
      items.push_back({c == '(' ? Kind::kOpen : Kind::kClose, {}});
      ++i;
    } else if (c == '"') {
      // A phrase runs to the next quote, or to the end when it is never closed.
      size_t close = s.find('"', i + 1);
      if (close == std::string_view::npos) close = s.size();
      Item phrase{Kind::kPhrase, s.substr(i + 1, close - i - 1)};
      i = std::min(close + 1, s.size());
      if (i < s.size() && s[i] == '*') phrase.prefix = true, ++i;
      items.push_back(phrase);
    } else if (c == '-' && i + 1 < s.size() && !IsSpace(s[i + 1]) &&
               (i == 0 || IsSpace(s[i - 1]) || s[i - 1] == '(')) {
      items.push_back({Kind::kMinus, {}});  // -word, as websearch_to_tsquery reads it
      ++i;
    } else {
      size_t end = i;
      while (end < s.size() && !IsSpace(s[end]) && s[end] != '"' && s[end] != '(' && s[end] != ')') ++end;
      std::string_view word = s.substr(i, end - i);
      i = end;
      if (word == "OR") items.push_back({Kind::kOr, {}});
      else if (word == "AND") items.push_back({Kind::kAnd, {}});
      else if (word == "NOT") items.push_back({Kind::kNot, {}});
      else {
        Item item{Kind::kWords, word};
        while (!item.text.empty() && item.text.back() == '*') item.text.remove_suffix(1), item.prefix = true;
        items.push_back(item);
      }
    }
  }
  return items;
}

// Sub-expressions joined by `op`, in parentheses when there is more than one.
std::string Join(const std::vector<std::string>& parts, std::string_view op) {
  std::string out;
  int n = 0;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (n++ > 0) out += op;
    out += part;
  }
  return n > 1 ? "(" + out + ")" : out;
}

constexpr int kMaxDepth = 32;  // deeper parentheses are read as if they were not there

class Parser {
 public:
  Parser(std::vector<Item> items, SearchQuery* out) : items_(std::move(items)), out_(out) {}

  std::string Parse() {
    std::vector<std::string> parts;
    while (at_ < items_.size()) {
      parts.push_back(Or(false));
      if (Peek(Kind::kClose)) ++at_;  // a ')' that closes nothing
    }
    return Join(parts, " & ");
  }

 private:
  bool Peek(Kind kind) const { return at_ < items_.size() && items_[at_].kind == kind; }

  std::string Or(bool negated) {
    std::vector<std::string> parts = {And(negated)};
    while (Peek(Kind::kOr)) {
      ++at_;
      parts.push_back(And(negated));
    }
    return Join(parts, " | ");
  }

  std::string And(bool negated) {
    std::vector<std::string> parts;
    while (at_ < items_.size() && !Peek(Kind::kClose) && !Peek(Kind::kOr)) {
      if (Peek(Kind::kAnd)) {
        ++at_;
        continue;
      }
      parts.push_back(Not(negated));
    }
    return Join(parts, " & ");
  }

  // a NOT b: a without b.
  std::string Not(bool negated) {
    std::vector<std::string> parts = {Unary(negated)};
    while (Peek(Kind::kNot)) {
      ++at_;
      std::string excluded = Unary(!negated);
      if (!excluded.empty()) parts.push_back("!" + excluded);
    }
    return Join(parts, " & ");
  }

  // Always consumes an item unless at the end or at a ')'.
  std::string Unary(bool negated) {
    if (at_ >= items_.size() || Peek(Kind::kClose)) return "";
    const Item& item = items_[at_++];
    switch (item.kind) {
      case Kind::kMinus:
      case Kind::kNot: {
        std::string excluded = Unary(!negated);
        return excluded.empty() ? "" : "!" + excluded;
      }
      case Kind::kOpen: {
        if (depth_ >= kMaxDepth) return "";
        ++depth_;
        std::string inside = Or(negated);
        --depth_;
        if (Peek(Kind::kClose)) ++at_;
        return inside;
      }
      case Kind::kOr:
      case Kind::kAnd: return "";  // an operator with nothing before it
      case Kind::kWords:
      case Kind::kPhrase: return Term(item, negated);
      case Kind::kClose: break;
    }
    return "";
  }

  // A word or a phrase: its lexemes in order, each <N> from the one before, N counting
  // the stopwords left out between them. A prefix applies to the last word, stopword
  // or not ("the*" finds "theory").
  std::string Term(const Item& item, bool negated) {
    struct Lexeme {
      std::string text;
      int distance;
    };
    std::vector<std::pair<std::string, bool>> words;  // lexeme, stopword
    SearchWord word;
    for (SearchWords w(item.text); w.Next(&word);) words.emplace_back(word.lexeme, word.stopword);
    std::vector<Lexeme> lexemes;
    int since_last = 0;
    for (size_t i = 0; i < words.size(); ++i) {
      ++since_last;
      const bool last = i + 1 == words.size();
      if (words[i].second && !(last && item.prefix)) continue;
      // PostgreSQL allows <0> to <16384>.
      lexemes.push_back({std::move(words[i].first), lexemes.empty() ? 0 : std::min(since_last, 16384)});
      since_last = 0;
    }
    if (lexemes.empty()) return "";
    const bool prefix = item.prefix;  // then the last word was kept, stopword or not
    std::string out;
    for (size_t i = 0; i < lexemes.size(); ++i) {
      if (i > 0) out += lexemes[i].distance == 1 ? " <-> " : fmt::format(" <{}> ", lexemes[i].distance);
      out += QuoteLexeme(lexemes[i].text);
      const bool is_prefix = prefix && i + 1 == lexemes.size();
      if (is_prefix) out += ":*";
      if (!negated) (is_prefix ? out_->prefixes : out_->terms).push_back(lexemes[i].text);
    }
    return lexemes.size() > 1 ? "(" + out + ")" : out;
  }

  std::vector<Item> items_;
  SearchQuery* out_;
  size_t at_ = 0;
  int depth_ = 0;
};

}  // namespace

std::string QuoteLexeme(std::string_view lexeme) {
  std::string out = "'";
  for (char c : lexeme) {
    if (c == '\'') out += "''";
    else if (c == '\\') out += "\\\\";
    else out += c;
  }
  return out + "'";
}

SearchQuery ParseSearchQuery(std::string_view text) {
  SearchQuery query;
  query.tsquery = Parser(Lex(text), &query).Parse();
  auto unique = [](std::vector<std::string>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  };
  unique(query.terms);
  unique(query.prefixes);
  return query;
}

}  // namespace sitrep::sqlite
