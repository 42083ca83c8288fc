// The sentence splitter (see sentence_splitter.h for the rules).
//
// One pass over the tokens of a paragraph. At each token that can end a sentence, it
// takes in the closing quotes and brackets written against it, then looks at the first
// character of the next token to decide. The rules come from counting, in the EWT
// training data, what follows each kind of sentence punctuation at true sentence ends
// and elsewhere (e.g. "." is followed by a lower-case word at 222 sentence ends and 6
// other places; "..." by a lower-case word at 7 sentence ends and 56 other places).
#include "annotate/sentence_splitter.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

namespace sitrep {

namespace {

// What a token can do at a sentence end.
enum class Terminal {
  kNone,
  kStop,      // ".", "!", "?"
  kRun,       // "!!", "?!", ".?"
  kEllipsis,  // "...", "..", "…"
  kEmoticon,  // ":)", ";-)"
};

// The first character of the token after a possible sentence end.
enum class Opening { kLower, kUpper, kDigit, kOpeningQuote, kContinuing, kOther };

UChar32 FirstChar(std::string_view s) {
  if (s.empty()) return -1;
  int32_t i = 0;
  UChar32 cp;
  U8_NEXT(s.data(), i, static_cast<int32_t>(std::min<size_t>(s.size(), 8)), cp);
  return cp;
}

bool StartsWithAsciiAlnum(std::string_view token) {
  char c = token.empty() ? ' ' : token[0];
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

Terminal TerminalOf(std::string_view token) {
  if (StartsWithAsciiAlnum(token)) return Terminal::kNone;  // most tokens: words
  if (token == "." || token == "!" || token == "?") return Terminal::kStop;
  static constexpr std::array<std::string_view, 10> kEmoticons = {
      ":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":/"};
  if (std::find(kEmoticons.begin(), kEmoticons.end(), token) != kEmoticons.end()) return Terminal::kEmoticon;
  bool only_dots = true, only_sentence_punct = true;
  for (size_t i = 0; i < token.size();) {
    if (token[i] == '.') {
      ++i;
    } else if (token.substr(i, 3) == "\u2026") {
      i += 3;
    } else if (token[i] == '!' || token[i] == '?') {
      only_dots = false;
      ++i;
    } else {
      only_dots = only_sentence_punct = false;
      break;
    }
  }
  if (token.empty() || !only_sentence_punct) return Terminal::kNone;
  return only_dots ? Terminal::kEllipsis : Terminal::kRun;
}

bool IsClosingQuoteOrBracket(std::string_view token) {
  static constexpr std::array<std::string_view, 10> kClosers = {
      "\"", "''", "'", "\u201D", "\u2019", "\u2019\u2019", ")", "]", "}", "\u00BB"};
  return std::find(kClosers.begin(), kClosers.end(), token) != kClosers.end();
}

bool IsBullet(std::string_view token) {
  static constexpr std::array<std::string_view, 10> kBullets = {
      "\u2022", "\u25CF", "\u25AA", "\u25E6", "\u2023", "\u00B7", "-", "*", "\u2013", "\u2014"};
  return std::find(kBullets.begin(), kBullets.end(), token) != kBullets.end();
}

Opening OpeningOf(std::string_view token) {
  UChar32 cp = FirstChar(token);
  if (cp < 0) return Opening::kOther;
  switch (cp) {
    case '"': case '\'': case '(': case '[': case '{': case '`':
    case 0x201C: case 0x2018: case 0x00AB:
      return Opening::kOpeningQuote;
    case ',': case ';': case ':': case ')': case ']': case '}': case '%':
    case '.': case '!': case '?': case 0x201D: case 0x2019:
      return Opening::kContinuing;
    default:
      break;
  }
  if (u_isdigit(cp)) return Opening::kDigit;
  if (u_islower(cp)) return Opening::kLower;
  // Capitals, and letters of scripts without case (Urdu, Chinese), can open a sentence.
  if (u_isalpha(cp)) return Opening::kUpper;
  return Opening::kOther;
}

class ParagraphSplitter {
 public:
  ParagraphSplitter(std::string_view text, const std::vector<Token>& tokens, uint32_t begin, uint32_t end)
      : text_(text), tokens_(tokens), begin_(begin), end_(end) {}

  // The first token of the next sentence when one ends at token i (possibly after
  // closing quotes), or 0 when it does not. The current sentence began at `start`.
  uint32_t NextSentenceAt(uint32_t start, uint32_t i) const;
  // Whether a line break after token i, on a line that began at token line_start,
  // ends a sentence.
  bool BreaksAtLineEnd(uint32_t line_start, uint32_t i) const;
  bool LineBreakAfter(uint32_t i) const;

 private:
  // The text of token i; empty for a span that does not fit the text (tokens of
  // another text are a caller's bug, but must not crash the splitter).
  std::string_view Text(uint32_t i) const {
    Span s = tokens_[i].span;
    if (s.begin > s.end || s.end > text_.size()) return {};
    return text_.substr(s.begin, s.end - s.begin);
  }
  uint32_t StructuralBreakAt(uint32_t start, uint32_t i) const;
  uint32_t PunctuationBreakAt(uint32_t start, uint32_t i) const;
  bool IsElision(uint32_t i) const;
  bool IsListMarker(uint32_t start, uint32_t i) const;
  bool IsMailTimestamp(uint32_t i) const;
  bool PlainWordAt(uint32_t i) const;
  bool EndsSalutation(uint32_t start, uint32_t i) const;
  bool IsTitleLike(uint32_t line_start, uint32_t last) const;

  std::string_view text_;
  const std::vector<Token>& tokens_;
  uint32_t begin_;
  uint32_t end_;
};

// "[…]" and "(...)" stand for words left out of a quotation, not for a sentence end.
bool ParagraphSplitter::IsElision(uint32_t i) const {
  if (i == begin_ || i + 1 >= end_) return false;
  std::string_view open = Text(i - 1), close = Text(i + 1);
  return ((open == "[" && close == "]") || (open == "(" && close == ")")) &&
         !tokens_[i - 1].space_after && !tokens_[i].space_after;
}

// "2." opening a sentence numbers a list item: "... so. 2. The change ...".
bool ParagraphSplitter::IsListMarker(uint32_t start, uint32_t i) const {
  if (i != start + 1 || tokens_[start].space_after) return false;
  std::string_view number = Text(start);
  return number.size() <= 2 && std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The comma after a greeting or a closing formula of a letter ends it: "Dear Mr.
// Horton, I have ..." and "Thanks, Gregg".
bool ParagraphSplitter::EndsSalutation(uint32_t start, uint32_t i) const {
  if (Text(i) != "," || i == start || i - start > 4) return false;
  static constexpr std::array<std::string_view, 5> kGreetings = {"Dear", "Hi", "Hello", "Hey", "Greetings"};
  if (std::find(kGreetings.begin(), kGreetings.end(), Text(start)) != kGreetings.end()) return true;
  static constexpr std::array<std::string_view, 12> kClosings = {
      "Thanks", "Thank you", "Regards", "Best regards", "Kind regards", "Warm regards",
      "Best wishes", "Cheers", "Sincerely", "Many thanks", "Thanks again", "Yours sincerely"};
  // The words of [start, i) must spell a closing formula, one space apart.
  Span words = {tokens_[start].span.begin, tokens_[i - 1].span.end};
  if (words.begin > words.end || words.end > text_.size()) return false;
  std::string_view phrase = text_.substr(words.begin, words.end - words.begin);
  return std::find(kClosings.begin(), kClosings.end(), phrase) != kClosings.end();
}

// A rule of repeated symbols ("=====", "*****", "_____") stands between sentences.
bool IsSeparatorLine(std::string_view token) {
  if (token.size() < 3) return false;
  char c = token[0];
  if (c != '=' && c != '*' && c != '_' && c != '-' && c != '~' && c != '#') return false;
  return std::all_of(token.begin(), token.end(), [c](char x) { return x == c; });
}

bool IsUrl(std::string_view token) {
  return token.size() > 7 && (token.starts_with("http://") || token.starts_with("https://") ||
                              token.starts_with("www."));
}

bool IsDigitsWith(std::string_view token, char separator, int min_groups, int max_groups) {
  int groups = 1;
  bool digit_before = false;
  for (char c : token) {
    if (c >= '0' && c <= '9') {
      digit_before = true;
    } else if (c == separator && digit_before) {
      ++groups;
      digit_before = false;
    } else {
      return false;
    }
  }
  return digit_before && groups >= min_groups && groups <= max_groups;
}

// "05/30/2001 11:05 AM", the time stamp of a forwarded e-mail, heads a message: EWT
// always ends a sentence before it (after a sender's name) and after it.
bool ParagraphSplitter::IsMailTimestamp(uint32_t i) const {
  if (i + 2 >= end_) return false;
  std::string_view date = Text(i);
  if (date.empty() || date[0] < '0' || date[0] > '9') return false;
  std::string_view meridiem = Text(i + 2);
  return (meridiem == "AM" || meridiem == "PM" || meridiem == "am" || meridiem == "pm") &&
         IsDigitsWith(date, '/', 3, 3) && IsDigitsWith(Text(i + 1), ':', 2, 3);
}

// True when neither token i nor token i + 1 can take part in any rule below: a word
// not followed by a digit or a symbol. Checked first because it is the common case.
bool ParagraphSplitter::PlainWordAt(uint32_t i) const {
  std::string_view token = Text(i);
  if (!StartsWithAsciiAlnum(token) || token == "AM" || token == "PM" || token == "am" || token == "pm" ||
      token.starts_with("http") || token.starts_with("www."))
    return false;
  if (i + 1 >= end_) return true;
  std::string_view next = Text(i + 1);
  return StartsWithAsciiAlnum(next) && !(next[0] >= '0' && next[0] <= '9');
}

uint32_t ParagraphSplitter::NextSentenceAt(uint32_t start, uint32_t i) const {
  if (PlainWordAt(i)) return 0;
  uint32_t next = StructuralBreakAt(start, i);
  return next != 0 ? next : PunctuationBreakAt(start, i);
}

// Breaks that web text marks by layout rather than punctuation: letters' salutations,
// mail headers, separator lines, lines of links.
uint32_t ParagraphSplitter::StructuralBreakAt(uint32_t start, uint32_t i) const {
  if (EndsSalutation(start, i)) return i + 1;
  if (i >= begin_ + 2 && IsMailTimestamp(i - 2)) return i + 1;
  if (IsMailTimestamp(i + 1) && OpeningOf(Text(i)) != Opening::kLower) return i + 1;
  if (i + 1 < end_) {
    // A separator line is a sentence of its own, and so is a URL that ends a line of
    // links or a sentence written without a full stop ("... see http://x.org It is").
    std::string_view token = Text(i), next = Text(i + 1);
    if (IsSeparatorLine(token) || IsSeparatorLine(next)) return i + 1;
    if (IsUrl(token) && (IsUrl(next) || OpeningOf(next) == Opening::kUpper)) return i + 1;
  }
  return 0;
}

// Breaks after sentence punctuation (and the closing quotes written against it).
uint32_t ParagraphSplitter::PunctuationBreakAt(uint32_t start, uint32_t i) const {
  Terminal terminal = TerminalOf(Text(i));
  if (terminal == Terminal::kNone) return 0;
  if ((terminal == Terminal::kEllipsis || terminal == Terminal::kRun) && IsElision(i)) return 0;
  if (terminal == Terminal::kStop && IsListMarker(start, i)) return 0;
  uint32_t next = i + 1;
  bool closed = false;  // a quote or bracket closed right after the punctuation
  while (next < end_ && !tokens_[next - 1].space_after && IsClosingQuoteOrBracket(Text(next))) {
    closed = true;
    ++next;
  }
  if (next >= end_) return end_;
  Opening opening = OpeningOf(Text(next));
  if (opening == Opening::kContinuing) return 0;
  bool breaks = false;
  switch (terminal) {
    case Terminal::kStop:
      breaks = !(closed && opening == Opening::kLower);
      break;
    case Terminal::kRun:
      breaks = opening != Opening::kLower;
      break;
    case Terminal::kEllipsis:
      breaks = opening == Opening::kUpper || opening == Opening::kDigit || opening == Opening::kOpeningQuote;
      break;
    case Terminal::kEmoticon:
      breaks = opening == Opening::kUpper;
      break;
    case Terminal::kNone:
      break;
  }
  return breaks ? next : 0;
}

bool ParagraphSplitter::LineBreakAfter(uint32_t i) const {
  if (i + 1 >= end_) return false;
  uint32_t gap_begin = tokens_[i].span.end, gap_end = tokens_[i + 1].span.begin;
  if (gap_end <= gap_begin || gap_end > text_.size()) return false;
  if (gap_end == gap_begin + 1) return text_[gap_begin] == '\n';  // the usual single space
  return text_.substr(gap_begin, gap_end - gap_begin).find('\n') != std::string_view::npos;
}

// A heading written on its own line: mostly capitalised words, not ending like a clause
// that continues ("...and", "...,").
bool ParagraphSplitter::IsTitleLike(uint32_t line_start, uint32_t last) const {
  std::string_view tail = Text(last);
  if (tail == "," || tail == ";" || tail == ":" || tail == "-" || tail == "(" || tail == "\u2013") return false;
  uint32_t upper = 0, lower = 0;
  for (uint32_t k = line_start; k <= last; ++k) {
    Opening o = OpeningOf(Text(k));
    upper += o == Opening::kUpper || o == Opening::kDigit;
    lower += o == Opening::kLower;
  }
  return upper > 0 && upper >= 2 * lower;
}

bool ParagraphSplitter::BreaksAtLineEnd(uint32_t line_start, uint32_t i) const {
  std::string_view next = Text(i + 1);
  if (IsBullet(next)) return true;
  Opening opening = OpeningOf(next);
  bool can_open = opening == Opening::kUpper || opening == Opening::kDigit || opening == Opening::kOpeningQuote;
  return can_open && IsTitleLike(line_start, i);
}

Sentence MakeSentence(const std::vector<Token>& tokens, uint32_t begin, uint32_t end) {
  Sentence sentence;
  sentence.span = {tokens[begin].span.begin, tokens[end - 1].span.end};
  sentence.token_begin = begin;
  sentence.token_end = end;
  return sentence;
}

}  // namespace

void SplitSentencesInto(std::string_view text, const std::vector<Token>& tokens, uint32_t begin,
                        uint32_t end, const SentenceSplitOptions& options,
                        std::vector<Sentence>* sentences) {
  end = std::min<uint32_t>(end, static_cast<uint32_t>(tokens.size()));
  if (begin >= end) return;
  uint32_t max_tokens = std::max<uint32_t>(1, options.max_tokens);
  ParagraphSplitter splitter(text, tokens, begin, end);
  uint32_t start = begin, line_start = begin;
  for (uint32_t i = begin; i < end; ++i) {
    uint32_t next = splitter.NextSentenceAt(start, i);
    bool line_break = splitter.LineBreakAfter(i);
    if (next == 0 && line_break && splitter.BreaksAtLineEnd(line_start, i)) next = i + 1;
    // Forced break: the tokens since `start` already make a sentence of maximum size.
    if (next == 0 && i + 1 - start >= max_tokens) next = i + 1;
    if (next != 0) {
      // Closing quotes taken in may not push a sentence past the maximum either.
      if (next - start > max_tokens) next = start + max_tokens;
      sentences->push_back(MakeSentence(tokens, start, next));
      start = next;
      i = next - 1;
      line_break = splitter.LineBreakAfter(i);
    }
    if (line_break) line_start = i + 1;
  }
  if (start < end) sentences->push_back(MakeSentence(tokens, start, end));
}

std::vector<Sentence> SplitSentences(std::string_view text, const std::vector<Token>& tokens, uint32_t begin,
                                     uint32_t end, const SentenceSplitOptions& options) {
  std::vector<Sentence> sentences;
  SplitSentencesInto(text, tokens, begin, end, options, &sentences);
  return sentences;
}

std::vector<Sentence> SplitSentences(std::string_view text, const std::vector<Token>& tokens,
                                     const SentenceSplitOptions& options) {
  return SplitSentences(text, tokens, 0, static_cast<uint32_t>(tokens.size()), options);
}

}  // namespace sitrep
