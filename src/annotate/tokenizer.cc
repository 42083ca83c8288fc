// The tokenizer (see tokenizer.h for the conventions it follows).
//
// How it works: a paragraph is first cut at white space into chunks ("Pakistan’s",
// "(TTP),", "http://x.org/a."). Each chunk is then read left to right: a run of word
// characters is a word, and a punctuation character either joins two word runs
// (inner "." in "U.S", "," in "1,524", "-" after "non") or starts tokens of its own.
// Decisions that need the next word (does the period after "U.S" end the sentence?)
// look ahead in the paragraph without consuming anything.
//
// The joining rules and the word lists were chosen by reading the EWT training data;
// `sitrep eval ud` (tokenizer_eval.h) measures them against its gold tokens.
#include "annotate/tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace sitrep {

namespace {

enum class CharClass : uint8_t { kSpace, kWord, kPunct };

// One decoded character: its code point (negative for an invalid UTF-8 sequence),
// its size in bytes (at least 1) and its class.
struct Char {
  UChar32 cp;
  uint32_t size;
  CharClass cls;
};

constexpr std::array<CharClass, 128> MakeAsciiClasses() {
  std::array<CharClass, 128> classes{};
  for (int c = 0; c < 128; ++c) {
    bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    // Control characters separate tokens like spaces: they carry no text.
    bool space = c <= 0x20 || c == 0x7F;
    classes[c] = space ? CharClass::kSpace : word ? CharClass::kWord : CharClass::kPunct;
  }
  return classes;
}
constexpr std::array<CharClass, 128> kAsciiClass = MakeAsciiClasses();

CharClass ClassifyNonAscii(UChar32 cp) {
  if (cp < 0) return CharClass::kPunct;  // invalid bytes: a token of their own
  if (u_isUWhiteSpace(cp) || cp == 0x200B || cp == 0xFEFF) return CharClass::kSpace;
  switch (u_charType(cp)) {
    case U_CONTROL_CHAR:
      return CharClass::kSpace;
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_FORMAT_CHAR:  // ZWNJ and ZWJ inside Urdu or Persian words, soft hyphens
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return CharClass::kWord;
    default:
      return u_isalnum(cp) ? CharClass::kWord : CharClass::kPunct;
  }
}

[[gnu::noinline]] Char DecodeNonAscii(std::string_view text, size_t pos, size_t end) {
  int64_t i = static_cast<int64_t>(pos);
  UChar32 cp;
  U8_NEXT(text.data(), i, static_cast<int64_t>(end), cp);
  return {cp, static_cast<uint32_t>(i - static_cast<int64_t>(pos)), ClassifyNonAscii(cp)};
}

// Most news text is ASCII: that case is a table lookup, inlined at every call.
[[gnu::always_inline]] inline Char DecodeAt(std::string_view text, size_t pos, size_t end) {
  auto byte = static_cast<uint8_t>(text[pos]);
  if (byte < 0x80) [[likely]] return {byte, 1, kAsciiClass[byte]};
  return DecodeNonAscii(text, pos, end);
}

// Characters whose presence in a chunk calls for the slower matchers (URL, e-mail,
// domain); chunks without them, nearly all, skip those matchers.
enum ChunkFlag : uint8_t { kHasAt = 1, kHasColon = 2, kHasDot = 4, kHasHyphenOrSlash = 8 };
constexpr std::array<uint8_t, 128> MakeChunkFlags() {
  std::array<uint8_t, 128> flags{};
  flags['@'] = kHasAt;
  flags[':'] = kHasColon;
  flags['.'] = kHasDot;
  flags['-'] = kHasHyphenOrSlash;
  flags['/'] = kHasHyphenOrSlash;
  return flags;
}
constexpr std::array<uint8_t, 128> kChunkFlags = MakeChunkFlags();

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// The backtick stands in for an apostrophe in some web text ("mama`s").
bool IsApostrophe(UChar32 cp) { return cp == '\'' || cp == 0x2019 || cp == '`'; }
bool IsHyphen(UChar32 cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }
// Characters that end a sentence; a run of them is one token ("?!", "...", "….").
bool IsSentencePunct(UChar32 cp) { return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026; }
bool IsOpeningQuote(UChar32 cp) {
  return cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x2018 || cp == 0x00AB || cp == '`';
}

// Copies `word` lower-cased into `buffer` if it is short ASCII; false otherwise.
template <size_t N>
bool LowerAscii(std::string_view word, std::array<char, N>& buffer, std::string_view* out) {
  if (word.size() >= N) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (static_cast<uint8_t>(word[i]) >= 0x80) return false;
    buffer[i] = AsciiLower(word[i]);
  }
  *out = std::string_view(buffer.data(), word.size());
  return true;
}

bool EqualsIgnoreCase(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (size_t i = 0; i < text.size(); ++i)
    if (AsciiLower(text[i]) != lower[i]) return false;
  return true;
}

bool StartsWithIgnoreCase(std::string_view text, std::string_view lower) {
  return text.size() >= lower.size() && EqualsIgnoreCase(text.substr(0, lower.size()), lower);
}

// ---------------------------------------------------------------------------------
// Word lists. Each is sorted so lookups are binary searches.

// Prefixes that EWT keeps joined to the rest of a hyphenated word ("non-stop",
// "e-mail"); after any other first part the hyphen is a token of its own.
constexpr auto kHyphenPrefixes = std::to_array<std::string_view>({
    "anti",  "arch",  "bi",   "co",     "counter", "cross",  "de",    "e",     "ex",
    "extra", "inter", "intra", "macro", "mega",    "micro",  "mid",   "mini",  "multi",
    "neo",   "non",   "over", "post",   "pre",     "pro",    "pseudo", "psycho", "quasi",
    "re",    "semi",  "socio", "sub",   "super",   "trans",  "tri",   "ultra", "un"});

// Words that EWT splits although they have no apostrophe, and where: "dont" -> do nt.
struct LexicalSplit {
  std::string_view word;
  uint8_t at;
};
constexpr auto kLexicalSplits = std::to_array<LexicalSplit>({
    {"aint", 2},    {"arent", 3},   {"cannot", 3},  {"cant", 2},    {"couldnt", 5},
    {"didnt", 3},   {"doesnt", 4},  {"dont", 2},    {"gimme", 3},   {"gonna", 3},
    {"gotta", 3},   {"hadnt", 3},   {"hasnt", 3},   {"havent", 4},  {"hes", 2},
    {"im", 1},      {"isnt", 2},    {"ive", 1},     {"lemme", 3},   {"lets", 3},
    {"outta", 3},   {"shouldnt", 6}, {"thats", 4},  {"theres", 5},  {"theyre", 4},
    {"wanna", 3},   {"wasnt", 3},   {"werent", 4},  {"whats", 4},   {"wont", 2},
    {"wouldnt", 5}, {"youre", 3},   {"youve", 3},
});

struct AbbreviationEntry {
  std::string_view lower;
  AbbreviationKind kind;
  bool lowercase_ok;  // also an abbreviation when written in lower case ("etc", "approx")
};
using AK = AbbreviationKind;
// Abbreviations written with a final period in news and in EWT, with some of South
// Asian news ("Rs. 500", "Engr.", "Mohd.", "Dy. Commissioner"). U.S.-style words
// (single letters with dots) are recognised by their shape and need no entry.
constexpr auto kAbbreviations = std::to_array<AbbreviationEntry>({
    {"adm", AK::kTitle, false},        {"al", AK::kGeneral, true},        {"ala", AK::kGeneral, false},
    {"amb", AK::kTitle, false},        {"approx", AK::kNeverFinal, true}, {"apr", AK::kDate, false},
    {"ariz", AK::kGeneral, false},     {"ark", AK::kGeneral, false},      {"assn", AK::kGeneral, false},
    {"assoc", AK::kGeneral, false},    {"attn", AK::kNeverFinal, true},   {"atty", AK::kTitle, false},
    {"aug", AK::kDate, false},         {"ave", AK::kGeneral, false},      {"blvd", AK::kGeneral, false},
    {"brig", AK::kTitle, false},       {"bros", AK::kGeneral, false},     {"calif", AK::kGeneral, false},
    {"capt", AK::kTitle, false},       {"cdr", AK::kTitle, false},        {"cf", AK::kNeverFinal, true},
    {"cmdr", AK::kTitle, false},       {"co", AK::kGeneral, false},       {"col", AK::kTitle, false},
    {"colo", AK::kGeneral, false},     {"conn", AK::kGeneral, false},     {"corp", AK::kGeneral, false},
    {"cpl", AK::kTitle, false},        {"cpt", AK::kTitle, false},        {"dec", AK::kDate, false},
    {"dept", AK::kGeneral, true},      {"det", AK::kTitle, false},        {"dr", AK::kTitle, false},
    {"drs", AK::kTitle, false},        {"dy", AK::kTitle, false},         {"eg", AK::kNeverFinal, true},
    {"engr", AK::kTitle, false},       {"esp", AK::kNeverFinal, true},    {"esq", AK::kGeneral, false},
    {"est", AK::kGeneral, true},       {"etc", AK::kEndsList, true},      {"ext", AK::kGeneral, true},
    {"feb", AK::kDate, false},         {"fig", AK::kGeneral, true},       {"fla", AK::kGeneral, false},
    {"fr", AK::kTitle, false},         {"fri", AK::kDate, false},         {"ft", AK::kTitle, false},
    {"ga", AK::kGeneral, false},       {"gen", AK::kTitle, false},        {"gov", AK::kTitle, false},
    {"govt", AK::kGeneral, true},      {"hon", AK::kTitle, false},        {"hrs", AK::kGeneral, true},
    {"ie", AK::kNeverFinal, true},     {"inc", AK::kGeneral, false},      {"ind", AK::kGeneral, false},
    {"info", AK::kGeneral, true},      {"insp", AK::kTitle, false},       {"intl", AK::kGeneral, false},
    {"jan", AK::kDate, false},         {"jr", AK::kGeneral, false},       {"jul", AK::kDate, false},
    {"jun", AK::kDate, false},         {"kan", AK::kGeneral, false},      {"ky", AK::kGeneral, false},
    {"la", AK::kGeneral, false},       {"lb", AK::kGeneral, true},        {"lbs", AK::kGeneral, true},
    {"lt", AK::kTitle, false},         {"ltd", AK::kGeneral, false},      {"maj", AK::kTitle, false},
    {"mar", AK::kDate, false},         {"mass", AK::kGeneral, false},     {"md", AK::kGeneral, false},
    {"messrs", AK::kTitle, false},     {"mich", AK::kGeneral, false},     {"min", AK::kGeneral, true},
    {"minn", AK::kGeneral, false},     {"mins", AK::kGeneral, true},      {"misc", AK::kGeneral, true},
    {"mohd", AK::kTitle, false},       {"mon", AK::kDate, false},         {"mr", AK::kTitle, false},
    {"mrs", AK::kTitle, false},        {"ms", AK::kTitle, false},         {"mt", AK::kTitle, false},
    {"natl", AK::kGeneral, false},     {"neb", AK::kGeneral, false},      {"nev", AK::kGeneral, false},
    {"no", AK::kBeforeNumber, true},   {"nos", AK::kBeforeNumber, true},  {"nov", AK::kDate, false},
    {"oct", AK::kDate, false},         {"okla", AK::kGeneral, false},     {"ore", AK::kGeneral, false},
    {"oz", AK::kGeneral, true},        {"pa", AK::kGeneral, false},       {"para", AK::kGeneral, true},
    {"plc", AK::kGeneral, false},      {"pp", AK::kNeverFinal, true},     {"pres", AK::kTitle, false},
    {"prof", AK::kTitle, false},       {"ps", AK::kNeverFinal, false},    {"pvt", AK::kTitle, false},
    {"rep", AK::kTitle, false},        {"reps", AK::kTitle, false},       {"rev", AK::kTitle, false},
    {"rs", AK::kNeverFinal, false},    {"sat", AK::kDate, false},         {"sec", AK::kTitle, false},
    {"sen", AK::kTitle, false},        {"sens", AK::kTitle, false},       {"sep", AK::kDate, false},
    {"sept", AK::kDate, false},        {"sgt", AK::kTitle, false},        {"sr", AK::kGeneral, false},
    {"st", AK::kTitle, false},         {"sun", AK::kDate, false},         {"supt", AK::kTitle, false},
    {"tel", AK::kNeverFinal, true},    {"tenn", AK::kGeneral, false},     {"tex", AK::kGeneral, false},
    {"thu", AK::kDate, false},         {"thur", AK::kDate, false},        {"thurs", AK::kDate, false},
    {"tue", AK::kDate, false},         {"tues", AK::kDate, false},        {"univ", AK::kGeneral, false},
    {"va", AK::kGeneral, false},       {"vol", AK::kGeneral, true},       {"vs", AK::kNeverFinal, true},
    {"wed", AK::kDate, false},         {"wis", AK::kGeneral, false},      {"yr", AK::kGeneral, true},
    {"yrs", AK::kGeneral, true},
});

// Capitalised words that commonly open a sentence, lower-cased.
constexpr auto kSentenceStarters = std::to_array<std::string_view>({
    "a",       "according", "after",    "all",    "also",      "although", "an",
    "and",     "as",        "at",       "before", "both",      "but",      "by",
    "during",  "each",      "earlier",  "even",   "for",       "from",     "he",
    "her",     "here",      "his",      "how",    "however",   "i",        "if",
    "in",      "it",        "its",      "last",   "later",     "many",     "meanwhile",
    "more",    "moreover",  "most",     "my",     "no",        "now",      "on",
    "once",    "one",       "our",      "please", "she",       "since",    "so",
    "some",    "still",     "such",     "that",   "the",       "their",    "then",
    "there",   "these",     "they",     "this",   "those",     "though",   "thus",
    "to",      "today",     "we",       "what",   "when",      "where",    "which",
    "while",   "who",       "why",      "you",
});

// Words after which "its" stands for "it's" (EWT train: "its a", "its not", ...).
constexpr auto kAfterItIs = std::to_array<std::string_view>({
    "a", "about", "actually", "all", "also", "always", "an", "been", "definitely", "getting",
    "going", "gonna", "just", "kind", "like", "not", "nothing", "now", "ok", "okay", "only",
    "pretty", "probably", "quite", "really", "simply", "so", "still", "the", "too", "very"});

// Units written against a number, which EWT splits off.
constexpr auto kUnits = std::to_array<std::string_view>({
    "am", "cm", "ft", "g", "gb", "hrs", "k", "kb", "kg", "km", "lb", "lbs", "m", "mb", "mg",
    "mi", "min", "mins", "ml", "mm", "mph", "pm", "yrs"});

// A word of up to 8 ASCII bytes, lower-cased and packed into an integer (0 when it
// does not fit), so that looking a word up costs a few integer comparisons.
constexpr uint64_t PackLower(std::string_view word) {
  if (word.empty() || word.size() > 8) return 0;
  uint64_t packed = 0;
  for (char c : word) {
    if (static_cast<uint8_t>(c) >= 0x80) return 0;
    packed = packed << 8 | static_cast<uint8_t>(AsciiLower(c));
  }
  return packed;
}

struct PackedSplit {
  uint64_t key;
  uint8_t at;
  friend constexpr bool operator<(const PackedSplit& a, const PackedSplit& b) { return a.key < b.key; }
};
constexpr auto kPackedLexicalSplits = [] {
  std::array<PackedSplit, kLexicalSplits.size()> packed{};
  for (size_t i = 0; i < kLexicalSplits.size(); ++i)
    packed[i] = {PackLower(kLexicalSplits[i].word), kLexicalSplits[i].at};
  std::sort(packed.begin(), packed.end());
  return packed;
}();

// A filter over (length, first letter, last letter) that rejects almost every word
// before the lookup above: one bit per combination that some entry (or "its") has.
constexpr size_t LetterIndex(char c) { return static_cast<size_t>(AsciiLower(c) - 'a') % 32; }
constexpr auto kLexicalSplitFilter = [] {
  std::array<uint32_t, 9 * 32> bits{};  // [length][first letter] -> mask of last letters
  auto add = [&bits](std::string_view word) {
    bits[word.size() * 32 + LetterIndex(word.front())] |= 1u << LetterIndex(word.back());
  };
  for (const LexicalSplit& split : kLexicalSplits) add(split.word);
  add("its");
  return bits;
}();

bool MaybeLexicalSplit(std::string_view word) {
  if (word.size() < 2 || word.size() > 8 || !IsAsciiLetter(word.front()) || !IsAsciiLetter(word.back()))
    return false;
  return kLexicalSplitFilter[word.size() * 32 + LetterIndex(word.front())] >> LetterIndex(word.back()) & 1;
}

static_assert(std::is_sorted(kHyphenPrefixes.begin(), kHyphenPrefixes.end()));
static_assert(std::is_sorted(kSentenceStarters.begin(), kSentenceStarters.end()));
static_assert(std::is_sorted(kUnits.begin(), kUnits.end()));
static_assert(std::is_sorted(kAfterItIs.begin(), kAfterItIs.end()));
static_assert(std::is_sorted(kLexicalSplits.begin(), kLexicalSplits.end(),
                             [](const LexicalSplit& a, const LexicalSplit& b) { return a.word < b.word; }));
static_assert(std::is_sorted(kAbbreviations.begin(), kAbbreviations.end(),
                             [](const AbbreviationEntry& a, const AbbreviationEntry& b) { return a.lower < b.lower; }));

template <typename Array>
bool Contains(const Array& sorted, std::string_view lower) {
  return std::binary_search(sorted.begin(), sorted.end(), lower);
}

const AbbreviationEntry* FindAbbreviation(std::string_view lower) {
  auto it = std::lower_bound(kAbbreviations.begin(), kAbbreviations.end(), lower,
                             [](const AbbreviationEntry& e, std::string_view w) { return e.lower < w; });
  return it != kAbbreviations.end() && it->lower == lower ? &*it : nullptr;
}

// "U.S", "p.m", "e.g", "Ph.D": one- or two-letter pieces joined by single dots.
bool IsDottedLetters(std::string_view word) {
  size_t piece = 0, dots = 0;
  for (char c : word) {
    if (c == '.') {
      if (piece == 0) return false;
      piece = 0;
      ++dots;
    } else if (IsAsciiLetter(c) && piece < 2) {
      ++piece;
    } else {
      return false;
    }
  }
  return dots > 0 && piece > 0;
}

// ---------------------------------------------------------------------------------

// How a punctuation character between two word runs is treated.
enum class Inner { kJoin, kSplit, kClitic, kNegation };

class ParagraphTokenizer {
 public:
  ParagraphTokenizer(std::string_view text, Span within, std::vector<Token>* out)
      : text_(text), begin_(within.begin), end_(std::min<size_t>(within.end, text.size())), out_(out) {}

  void Run();

 private:
  void TokenizeChunk(size_t begin, size_t end);
  size_t ScanPunctuation(size_t pos, size_t end);
  size_t ScanWord(size_t pos, size_t end, bool first_in_chunk);
  Inner DecideInner(UChar32 cp, size_t start, size_t piece_start, size_t p, size_t q, size_t end,
                    size_t* join_to, size_t* clitic_end);
  Inner DecideApostrophe(size_t start, size_t p, size_t q, size_t end, size_t* clitic_end) const;
  size_t FinishWord(size_t start, size_t word_end, size_t end);
  bool KeepsPeriod(size_t start, size_t word_end) const;
  void EmitWord(size_t start, size_t end);
  size_t LexicalSplitPoint(size_t start, size_t end) const;
  size_t UnitSplitPoint(size_t start, size_t end) const;
  std::string_view NextWord(size_t pos) const;
  void Emit(size_t begin, size_t end);

  size_t SkipWordChars(size_t pos, size_t end) const;
  size_t MatchUrl(size_t pos, size_t end) const;
  size_t MatchEmail(size_t pos, size_t end) const;
  size_t MatchDomain(size_t pos, size_t end) const;
  size_t MatchEmoticon(size_t pos, size_t end) const;
  size_t MatchTag(size_t pos, size_t end) const;
  size_t MatchApostropheWord(size_t pos, size_t end) const;
  size_t MatchSignedNumber(size_t pos, size_t end) const;
  size_t NumericChainEnd(size_t start, size_t end);
  size_t NextNonSpace(size_t pos) const;

  std::string_view text_;
  size_t begin_;
  size_t end_;
  std::vector<Token>* out_;
  uint8_t chunk_flags_ = 0;      // ChunkFlag bits of the chunk being read
  size_t failed_chain_end_ = 0;  // end of the last digit chain found not to be a number
};

void ParagraphTokenizer::Run() {
  size_t first_token = out_->size();
  size_t pos = begin_;
  while (pos < end_) {
    Char c = DecodeAt(text_, pos, end_);
    if (c.cls == CharClass::kSpace) {
      pos += c.size;
      continue;
    }
    size_t chunk_end = pos;
    chunk_flags_ = 0;
    while (chunk_end < end_) {
      auto byte = static_cast<uint8_t>(text_[chunk_end]);
      if (byte < 0x80) {
        if (kAsciiClass[byte] == CharClass::kSpace) break;
        chunk_flags_ |= kChunkFlags[byte];
        ++chunk_end;
        continue;
      }
      Char next = DecodeNonAscii(text_, chunk_end, end_);
      if (next.cls == CharClass::kSpace) break;
      chunk_end += next.size;
    }
    TokenizeChunk(pos, chunk_end);
    pos = chunk_end;
  }
  for (size_t i = first_token; i + 1 < out_->size(); ++i)
    (*out_)[i].space_after = (*out_)[i].span.end != (*out_)[i + 1].span.begin;
}

void ParagraphTokenizer::TokenizeChunk(size_t begin, size_t end) {
  size_t pos = begin;
  bool first_word = true;
  while (pos < end) {
    Char c = DecodeAt(text_, pos, end);
    if (c.cls == CharClass::kWord) {
      pos = ScanWord(pos, end, first_word);
      first_word = false;
    } else {
      pos = ScanPunctuation(pos, end);
    }
  }
}

// A token starting with punctuation: an emoticon, a handle or hashtag, "'90s", or a
// run of punctuation.
size_t ParagraphTokenizer::ScanPunctuation(size_t pos, size_t end) {
  size_t special = MatchEmoticon(pos, end);
  if (special == 0) special = MatchTag(pos, end);
  if (special == 0) special = MatchSignedNumber(pos, end);
  if (special == 0) special = MatchApostropheWord(pos, end);
  if (special != 0) {
    Emit(pos, special);
    return special;
  }
  Char c = DecodeAt(text_, pos, end);
  size_t run_end = pos + c.size;
  if (c.cp >= 0) {
    // A run of the same character ("--", "!!", "***") or of sentence punctuation
    // ("?!", "...") is one token, as in EWT.
    while (run_end < end) {
      Char next = DecodeAt(text_, run_end, end);
      bool same = next.cp == c.cp || (IsSentencePunct(c.cp) && IsSentencePunct(next.cp));
      if (!same) break;
      run_end += next.size;
    }
  }
  Emit(pos, run_end);
  return run_end;
}

size_t ParagraphTokenizer::SkipWordChars(size_t pos, size_t end) const {
  while (pos < end) {
    auto byte = static_cast<uint8_t>(text_[pos]);
    if (byte < 0x80) {
      if (kAsciiClass[byte] != CharClass::kWord) break;
      ++pos;
      continue;
    }
    Char c = DecodeAt(text_, pos, end);
    if (c.cls != CharClass::kWord) break;
    pos += c.size;
  }
  return pos;
}

// A word and whatever is glued to it by inner punctuation, then clitics, lexical
// splits and an abbreviation's period.
size_t ParagraphTokenizer::ScanWord(size_t pos, size_t end, bool first_in_chunk) {
  size_t special = 0;
  if (chunk_flags_ & (kHasColon | kHasDot)) special = MatchUrl(pos, end);
  if (special == 0 && (chunk_flags_ & kHasAt)) special = MatchEmail(pos, end);
  if (special == 0 && first_in_chunk && (chunk_flags_ & kHasDot) && (chunk_flags_ & kHasHyphenOrSlash))
    special = MatchDomain(pos, end);
  if (special != 0) {
    Emit(pos, special);
    return special;
  }
  size_t start = pos;
  size_t piece_start = pos;  // where the current hyphen or slash piece began
  size_t p = pos;
  while (true) {
    p = SkipWordChars(p, end);
    if (p >= end) break;
    Char c = DecodeAt(text_, p, end);
    size_t q = p + c.size;
    if (q >= end || DecodeAt(text_, q, end).cls != CharClass::kWord) break;
    size_t join_to = q, clitic_end = 0;
    Inner inner = DecideInner(c.cp, start, piece_start, p, q, end, &join_to, &clitic_end);
    if (inner == Inner::kJoin) {
      if (!(c.cp == '.' || c.cp == ',' || c.cp == ':' || c.cp == '_' || IsApostrophe(c.cp)))
        piece_start = join_to;
      p = join_to;
      continue;
    }
    if (inner == Inner::kClitic || inner == Inner::kNegation) {
      size_t split = inner == Inner::kClitic ? p : p - 1;  // "do|n't", "it|'s"
      EmitWord(start, split);
      Emit(split, clitic_end);
      return clitic_end;
    }
    break;
  }
  return FinishWord(start, p, end);
}

Inner ParagraphTokenizer::DecideInner(UChar32 cp, size_t start, size_t piece_start, size_t p,
                                      size_t q, size_t end, size_t* join_to, size_t* clitic_end) {
  char before = text_[p - 1];
  char after = text_[q];
  if (cp == '.' || cp == '_') return Inner::kJoin;  // "U.S", "3.5", "file.doc", "ENW_GCP"
  if (cp == ',') {
    // Thousands: "1,524" but not "1,2" or "him,he".
    bool three_digits = q + 3 <= end && IsAsciiDigit(text_[q]) && IsAsciiDigit(text_[q + 1]) &&
                        IsAsciiDigit(text_[q + 2]) && (q + 3 == end || !IsAsciiDigit(text_[q + 3]));
    return IsAsciiDigit(before) && three_digits ? Inner::kJoin : Inner::kSplit;
  }
  if (cp == ':') return IsAsciiDigit(before) && IsAsciiDigit(after) ? Inner::kJoin : Inner::kSplit;
  if (cp == '/') {
    // Dates and fractions ("9/11") and letter pairs ("l/c"); "and/or" is split.
    if (IsAsciiDigit(before) && IsAsciiDigit(after)) {
      // EWT splits fractions of single digits ("1 / 2") but keeps dates ("9/11").
      bool single_digits = p - piece_start == 1 && (q + 1 == end || !IsAsciiDigit(text_[q + 1])) &&
                           (q + 1 == end || text_[q + 1] != '/');
      return single_digits ? Inner::kSplit : Inner::kJoin;
    }
    bool single_before = p - piece_start == 1 && IsAsciiLetter(before);
    bool single_after = IsAsciiLetter(after) && (q + 1 == end || !IsAsciiLetter(text_[q + 1]));
    return single_before && single_after ? Inner::kJoin : Inner::kSplit;
  }
  if (cp == '&') {
    // "AT&T", "PG&E", "P&L": short letter groups on both sides.
    size_t right = q;
    while (right < end && right - q < 3 && IsAsciiLetter(text_[right])) ++right;
    bool short_right = right - q <= 2 && (right == end || !IsAsciiLetter(text_[right]));
    return p - piece_start <= 2 && IsAsciiLetter(before) && short_right ? Inner::kJoin : Inner::kSplit;
  }
  if (IsHyphen(cp)) {
    if (piece_start == start && IsAsciiDigit(before) && IsAsciiDigit(text_[start])) {
      size_t chain_end = NumericChainEnd(start, end);
      if (chain_end == 0) return Inner::kSplit;
      *join_to = chain_end;
      return Inner::kJoin;
    }
    // "e-Taliban" in "Tehreek-e-Taliban" follows a split hyphen: no prefix there.
    bool after_split_hyphen = start > begin_ && text_[start - 1] == '-';
    std::array<char, 8> buffer;
    std::string_view lower;
    if (piece_start == start && !after_split_hyphen &&
        LowerAscii(text_.substr(start, p - start), buffer, &lower) && Contains(kHyphenPrefixes, lower))
      return Inner::kJoin;
    return Inner::kSplit;
  }
  if (IsApostrophe(cp)) return DecideApostrophe(start, p, q, end, clitic_end);
  return Inner::kSplit;
}

// "it's" -> it 's, "don't" -> do n't; "O'Connell" and "ma'am" stay whole.
Inner ParagraphTokenizer::DecideApostrophe(size_t start, size_t p, size_t q, size_t end,
                                           size_t* clitic_end) const {
  size_t rest_end = q;
  while (rest_end < end && rest_end - q < 3 && IsAsciiLetter(text_[rest_end])) ++rest_end;
  bool rest_is_word_end = rest_end == end || DecodeAt(text_, rest_end, end).cls != CharClass::kWord;
  if (!rest_is_word_end || rest_end - q > 2) return Inner::kJoin;
  std::array<char, 4> buffer;
  std::string_view rest;
  if (!LowerAscii(text_.substr(q, rest_end - q), buffer, &rest)) return Inner::kJoin;
  *clitic_end = rest_end;
  if (rest == "s" || rest == "m" || rest == "d" || rest == "ll" || rest == "re" || rest == "ve")
    return Inner::kClitic;
  if (rest == "t" && p - 1 > start && AsciiLower(text_[p - 1]) == 'n') return Inner::kNegation;
  return Inner::kJoin;
}

// The end of "713-853-3989" or "11-20-2000" when the digit groups from `start` form
// a phone number or a date (kept whole in EWT); 0 for a range like "2025-2026".
size_t ParagraphTokenizer::NumericChainEnd(size_t start, size_t end) {
  // A chain that failed fails from each of its later groups too ("1-2-3x"): do not scan
  // it again from each of them, which would be quadratic.
  if (start < failed_chain_end_) return 0;
  size_t groups = 0, first_len = 0, last_len = 0, pos = start;
  while (true) {
    size_t group_begin = pos;
    while (pos < end && IsAsciiDigit(text_[pos])) ++pos;
    last_len = pos - group_begin;
    if (last_len == 0) return 0;
    if (++groups == 1) first_len = last_len;
    if (pos + 1 < end && text_[pos] == '-' && IsAsciiDigit(text_[pos + 1])) {
      ++pos;
      continue;
    }
    break;
  }
  bool glued_to_word = pos < end && DecodeAt(text_, pos, end).cls == CharClass::kWord;  // "1-2-3x"
  bool phone = groups >= 3 || (groups == 2 && first_len == 3 && last_len == 4);
  if (phone && !glued_to_word) return pos;
  failed_chain_end_ = pos;
  return 0;
}

// Ends a word at word_end, taking a following period when it belongs to an
// abbreviation.
size_t ParagraphTokenizer::FinishWord(size_t start, size_t word_end, size_t end) {
  bool single_period = word_end < end && text_[word_end] == '.' &&
                       (word_end + 1 == end || text_[word_end + 1] != '.');
  if (single_period && KeepsPeriod(start, word_end)) {
    Emit(start, word_end + 1);
    return word_end + 1;
  }
  EmitWord(start, word_end);
  return word_end;
}

AbbreviationKind ClassifyWord(std::string_view word) {
  if (word.empty()) return AbbreviationKind::kNone;
  if (IsDottedLetters(word)) {
    if (EqualsIgnoreCase(word, "e.g") || EqualsIgnoreCase(word, "i.e") || EqualsIgnoreCase(word, "p.s"))
      return AbbreviationKind::kNeverFinal;
    return AbbreviationKind::kGeneral;
  }
  if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return AbbreviationKind::kInitial;
  if (word.size() <= 4 && static_cast<uint8_t>(word[0]) >= 0x80) {
    // A single non-ASCII capital ("Ž. Nowak") is an initial too.
    Char c = DecodeAt(word, 0, word.size());
    if (c.size == word.size() && c.cp >= 0 && u_isupper(c.cp)) return AbbreviationKind::kInitial;
  }
  std::array<char, 8> buffer;
  std::string_view lower;
  if (!LowerAscii(word, buffer, &lower)) return AbbreviationKind::kNone;
  const AbbreviationEntry* entry = FindAbbreviation(lower);
  if (entry == nullptr) return AbbreviationKind::kNone;
  bool capitalised = word[0] >= 'A' && word[0] <= 'Z';
  return capitalised || entry->lowercase_ok ? entry->kind : AbbreviationKind::kNone;
}

// Whether the period after text_[start, word_end) belongs to the word. It does for an
// abbreviation, unless the period also ends the sentence: EWT then makes the period a
// token of its own ("etc" "."), which is what the sentence splitter breaks after.
bool ParagraphTokenizer::KeepsPeriod(size_t start, size_t word_end) const {
  AbbreviationKind kind = ClassifyWord(text_.substr(start, word_end - start));
  if (kind == AbbreviationKind::kNone) return false;
  size_t after = word_end + 1;
  if (after < end_ && DecodeAt(text_, after, end_).cls != CharClass::kSpace)
    return kind != AbbreviationKind::kBeforeNumber;  // "U.S.," "etc.)"
  size_t next = NextNonSpace(after);
  if (next >= end_) return false;  // the paragraph ends: so does the sentence
  Char c = DecodeAt(text_, next, end_);
  if (kind == AbbreviationKind::kBeforeNumber) return IsAsciiDigit(text_[next]) || c.cp == '#';
  if (kind == AbbreviationKind::kTitle || kind == AbbreviationKind::kNeverFinal) return true;
  // An opening quote after "U.S." starts the next sentence; a bracket adds to this one.
  if (c.cls == CharClass::kPunct) return !IsOpeningQuote(c.cp);
  if (c.cp < 0 || !u_isupper(c.cp)) return true;  // "U.S. officials", "Jan. 5"
  if (kind == AbbreviationKind::kEndsList) return false;
  size_t word_stop = SkipWordChars(next, end_);
  return !IsSentenceStarter(text_.substr(next, word_stop - next));
}

// Emits a word, splitting the few that EWT splits without an apostrophe ("cannot",
// "its" for "it's") and numbers glued to a unit ("5pm", "65k").
void ParagraphTokenizer::EmitWord(size_t start, size_t end) {
  if (end <= start) return;
  size_t split = LexicalSplitPoint(start, end);
  if (split == 0 && IsAsciiDigit(text_[start])) split = UnitSplitPoint(start, end);
  if (split != 0) {
    Emit(start, split);
    Emit(split, end);
    return;
  }
  Emit(start, end);
}

size_t ParagraphTokenizer::LexicalSplitPoint(size_t start, size_t end) const {
  if (!MaybeLexicalSplit(text_.substr(start, end - start))) return 0;
  uint64_t key = PackLower(text_.substr(start, end - start));
  if (key == 0) return 0;
  if (key == PackLower("its")) {
    // "its" is "it's" in web text when a verb's complement follows: "its a", "its not".
    std::array<char, 12> next_buffer;
    std::string_view next;
    return LowerAscii(NextWord(end), next_buffer, &next) && Contains(kAfterItIs, next) ? start + 2 : 0;
  }
  auto it = std::lower_bound(kPackedLexicalSplits.begin(), kPackedLexicalSplits.end(), PackedSplit{key, 0});
  if (it == kPackedLexicalSplits.end() || it->key != key) return 0;
  // "IM" is an instant message, not "I m".
  if (key == PackLower("im") && text_[start + 1] == 'M') return 0;
  return start + it->at;
}

// "7:30PM" -> 7:30 PM, "65k" -> 65 k; ordinals ("2nd") and decades ("1990s") stay whole.
size_t ParagraphTokenizer::UnitSplitPoint(size_t start, size_t end) const {
  size_t digits_end = start;
  while (digits_end < end && (IsAsciiDigit(text_[digits_end]) || text_[digits_end] == ':' ||
                              text_[digits_end] == '.' || text_[digits_end] == ',')) {
    ++digits_end;
  }
  if (digits_end == end || !IsAsciiDigit(text_[digits_end - 1])) return 0;
  std::array<char, 6> buffer;
  std::string_view unit;
  if (!LowerAscii(text_.substr(digits_end, end - digits_end), buffer, &unit)) return 0;
  return Contains(kUnits, unit) ? digits_end : 0;
}

std::string_view ParagraphTokenizer::NextWord(size_t pos) const {
  size_t next = NextNonSpace(pos);
  return text_.substr(next, SkipWordChars(next, end_) - next);
}

void ParagraphTokenizer::Emit(size_t begin, size_t end) {
  if (end <= begin) return;
  Token& token = out_->emplace_back();
  token.span = {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
}

size_t ParagraphTokenizer::NextNonSpace(size_t pos) const {
  while (pos < end_) {
    Char c = DecodeAt(text_, pos, end_);
    if (c.cls != CharClass::kSpace) return pos;
    pos += c.size;
  }
  return end_;
}

// Strips punctuation that closes a sentence or a bracket from the end of a URL or
// address found inside a chunk.
size_t TrimTrailingPunctuation(std::string_view text, size_t begin, size_t end) {
  while (end > begin) {
    char c = text[end - 1];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == ']' ||
        c == '}' || c == '>' || c == '"' || c == '\'' || c == '-') {
      --end;
    } else if (end - begin >= 3 && static_cast<uint8_t>(c) >= 0x80) {
      // Closing curly quotes (U+2019, U+201D) and the ellipsis (U+2026): E2 80 xx.
      std::string_view tail = text.substr(end - 3, 3);
      if (tail == "\u2019" || tail == "\u201D" || tail == "\u2026") end -= 3; else break;
    } else {
      break;
    }
  }
  return end;
}

bool IsUrlChar(char c) {
  auto byte = static_cast<uint8_t>(c);
  return byte > 0x20 && byte != 0x7F && c != '"' && c != '<' && c != '>';
}

// "http://...", "www....", "mailto:...": everything up to the end of the chunk.
size_t ParagraphTokenizer::MatchUrl(size_t pos, size_t end) const {
  char first = AsciiLower(text_[pos]);
  if (first != 'h' && first != 'w' && first != 'f' && first != 'm') return 0;
  std::string_view rest = text_.substr(pos, end - pos);
  bool url = StartsWithIgnoreCase(rest, "http://") || StartsWithIgnoreCase(rest, "https://") ||
             StartsWithIgnoreCase(rest, "ftp://") || StartsWithIgnoreCase(rest, "mailto:") ||
             (StartsWithIgnoreCase(rest, "www.") && rest.size() > 4 && IsAsciiLetter(rest[4]));
  if (!url) return 0;
  size_t stop = pos;
  while (stop < end && IsUrlChar(text_[stop])) ++stop;
  return TrimTrailingPunctuation(text_, pos, stop);
}

bool IsEmailLocalChar(char c) {
  return IsAsciiLetter(c) || IsAsciiDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' ||
         c == '-' || c == '\'';
}

// "carol.st.clair@enron.com". The local part is short, so the scan is bounded.
size_t ParagraphTokenizer::MatchEmail(size_t pos, size_t end) const {
  size_t at = pos;
  size_t limit = std::min(end, pos + 64);
  while (at < limit && IsEmailLocalChar(text_[at])) ++at;
  if (at >= end || text_[at] != '@' || at == pos) return 0;
  size_t stop = at + 1;
  bool dot = false;
  while (stop < end && (IsAsciiLetter(text_[stop]) || IsAsciiDigit(text_[stop]) || text_[stop] == '.' ||
                        text_[stop] == '-' || text_[stop] == '_')) {
    dot = dot || text_[stop] == '.';
    ++stop;
  }
  stop = TrimTrailingPunctuation(text_, at + 1, stop);
  // Internal addresses have no dot ("Rice@ENRON"); a one-letter host is no address.
  return (dot || stop > at + 2) && stop > at + 1 ? stop : 0;
}

// A bare domain with a hyphen or path ("get-a-free-house.com", "whitehouse.gov/news"):
// host labels joined by dots, the last one a common top-level domain.
size_t ParagraphTokenizer::MatchDomain(size_t pos, size_t end) const {
  static constexpr std::array<std::string_view, 12> kTopLevel = {
      "biz", "ca", "co", "com", "edu", "gov", "info", "int", "mil", "net", "org", "pk"};
  size_t stop = pos, last_dot = 0;
  size_t limit = std::min(end, pos + 256);
  while (stop < limit && (IsAsciiLetter(text_[stop]) || IsAsciiDigit(text_[stop]) || text_[stop] == '-' ||
                          text_[stop] == '.')) {
    if (text_[stop] == '.') last_dot = stop;
    ++stop;
  }
  if (last_dot == 0 || last_dot + 1 >= stop) return 0;
  std::array<char, 8> buffer;
  std::string_view tld;
  if (!LowerAscii(text_.substr(last_dot + 1, stop - last_dot - 1), buffer, &tld) || !Contains(kTopLevel, tld))
    return 0;
  if (stop < end && text_[stop] == '/') {
    while (stop < end && IsUrlChar(text_[stop])) ++stop;
    return TrimTrailingPunctuation(text_, pos, stop);
  }
  if (stop < end && DecodeAt(text_, stop, end).cls == CharClass::kWord) return 0;
  return stop;
}

// Emoticons are only recognised at the end of a chunk, where they cannot be ordinary
// punctuation: ":)" in "great:)" but not the ":(" of "note:(a)".
size_t ParagraphTokenizer::MatchEmoticon(size_t pos, size_t end) const {
  static constexpr std::array<std::string_view, 24> kEmoticons = {
      ":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":p", ":-P", ":/",
      ":-/", "=)", "=(", ":'(", "^_^", "^^", "-_-", ">:(", "(:", "<3", ":o", ":|"};
  std::string_view rest = text_.substr(pos, end - pos);
  if (rest.size() > 3) return 0;
  for (std::string_view e : kEmoticons)
    if (rest == e) return end;
  return 0;
}

// "@handle" and "#hashtag" ("#" before a number stays apart: "# 5").
size_t ParagraphTokenizer::MatchTag(size_t pos, size_t end) const {
  char sigil = text_[pos];
  if ((sigil != '@' && sigil != '#') || pos + 1 >= end) return 0;
  Char first = DecodeAt(text_, pos + 1, end);
  if (first.cls != CharClass::kWord || IsAsciiDigit(text_[pos + 1])) return 0;
  size_t stop = pos + 1;
  while (stop < end) {
    if (text_[stop] == '_') {
      ++stop;
      continue;
    }
    Char c = DecodeAt(text_, stop, end);
    if (c.cls != CharClass::kWord) break;
    stop += c.size;
  }
  return stop;
}

// A country calling code or a signed figure: "+44", "+1.5".
size_t ParagraphTokenizer::MatchSignedNumber(size_t pos, size_t end) const {
  if (text_[pos] != '+' || pos + 1 >= end || !IsAsciiDigit(text_[pos + 1])) return 0;
  size_t stop = pos + 1;
  while (stop < end && (IsAsciiDigit(text_[stop]) || ((text_[stop] == '.' || text_[stop] == ',') &&
                                                      stop + 1 < end && IsAsciiDigit(text_[stop + 1])))) {
    ++stop;
  }
  return stop;
}

// Words that begin with an apostrophe: "'90s", "'em", and a clitic written apart
// ("Jones 's").
size_t ParagraphTokenizer::MatchApostropheWord(size_t pos, size_t end) const {
  Char c = DecodeAt(text_, pos, end);
  if (!IsApostrophe(c.cp)) return 0;
  size_t q = pos + c.size;
  size_t stop = q;
  while (stop < end && stop - q < 4 && (IsAsciiLetter(text_[stop]) || IsAsciiDigit(text_[stop]))) ++stop;
  if (stop == q || (stop < end && DecodeAt(text_, stop, end).cls == CharClass::kWord)) return 0;
  std::string_view rest = text_.substr(q, stop - q);
  bool decade = rest.size() >= 2 && IsAsciiDigit(rest[0]) && IsAsciiDigit(rest[1]) &&
                (rest.size() == 2 || (rest.size() == 3 && AsciiLower(rest[2]) == 's'));
  bool clitic = EqualsIgnoreCase(rest, "s") || EqualsIgnoreCase(rest, "ll") || EqualsIgnoreCase(rest, "re") ||
                EqualsIgnoreCase(rest, "ve") || EqualsIgnoreCase(rest, "m") || EqualsIgnoreCase(rest, "d") ||
                EqualsIgnoreCase(rest, "em");
  return decade || clitic ? stop : 0;
}

}  // namespace

AbbreviationKind ClassifyAbbreviation(std::string_view word) { return ClassifyWord(word); }

bool IsSentenceStarter(std::string_view word) {
  std::array<char, 12> buffer;
  std::string_view lower;
  return LowerAscii(word, buffer, &lower) && Contains(kSentenceStarters, lower);
}

void TokenizeInto(std::string_view text, Span within, std::vector<Token>* tokens) {
  if (within.begin >= within.end || within.begin >= text.size()) return;
  ParagraphTokenizer(text, within, tokens).Run();
}

std::vector<Token> Tokenize(std::string_view text, Span within) {
  std::vector<Token> tokens;
  tokens.reserve(within.size() / 5 + 4);
  TokenizeInto(text, within, &tokens);
  return tokens;
}

}  // namespace sitrep
