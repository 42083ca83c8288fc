#include "text/search_words.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>

namespace sitrep {

namespace {

// Letters, marks, digits and private-use characters make words (unicode61's default
// categories, with the marks kept inside words: in Devanagari or Arabic script a
// vowel sign is part of the word, not a break in it).
bool IsWordChar(UChar32 c) {
  constexpr uint32_t kWord = U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK | U_GC_CO_MASK;
  return (U_GET_GC_MASK(c) & kWord) != 0;
}

bool IsAsciiWordChar(uint8_t c) { return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9'); }
char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// The Combining Diacritical Marks block: the accents of Latin, Greek and Cyrillic
// letters once decomposed. Marks of other scripts are kept.
bool IsLatinDiacritic(UChar32 c) { return c >= 0x300 && c <= 0x36F; }

void AppendUtf8(UChar32 c, std::string* out) {
  uint8_t bytes[U8_MAX_LENGTH];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(bytes, n, U8_MAX_LENGTH, c, error);
  if (!error && out->size() + n <= kMaxLexemeBytes) out->append(reinterpret_cast<char*>(bytes), n);
}

// Lower-cased, decomposed, and without its Latin diacritics: "É" is "e", "ß" stays.
void AppendFolded(UChar32 c, std::string* out) {
  c = u_tolower(c);
  if (IsLatinDiacritic(c)) return;
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString parts;
  if (nfd == nullptr || !nfd->getDecomposition(c, parts)) return AppendUtf8(c, out);
  for (int32_t i = 0; i < parts.length();) {
    const UChar32 part = parts.char32At(i);
    i += U16_LENGTH(part);
    if (!IsLatinDiacritic(part)) AppendUtf8(part, out);
  }
}

}  // namespace

bool SearchWords::Next(SearchWord* word) {
  const auto* s = reinterpret_cast<const uint8_t*>(text_.data());
  const int64_t size = static_cast<int64_t>(text_.size());
  int64_t i = static_cast<int64_t>(at_);
  while (i < size) {
    // Skip to the start of a word.
    int64_t begin = i;
    UChar32 c;
    if (s[i] < 0x80) {
      c = s[i++];
      if (!IsAsciiWordChar(static_cast<uint8_t>(c))) continue;
    } else {
      U8_NEXT(s, i, size, c);
      if (c < 0 || !IsWordChar(c)) continue;
    }
    // Read it to its end, folding as we go; ASCII, most of the text, without ICU.
    lexeme_.clear();
    int64_t end = i;
    for (;;) {
      if (c < 0x80) {
        // The rest of an ASCII run at once: most words are nothing else.
        int64_t run = i;
        while (run < size && s[run] < 0x80 && IsAsciiWordChar(s[run])) ++run;
        const size_t room = kMaxLexemeBytes > lexeme_.size() ? kMaxLexemeBytes - lexeme_.size() : 0;
        const size_t n = std::min<size_t>(room, static_cast<size_t>(run - i) + 1);
        if (n > 0) {
          const size_t old = lexeme_.size();
          lexeme_.resize(old + n);
          lexeme_[old] = AsciiLower(static_cast<char>(c));
          for (size_t k = 1; k < n; ++k) lexeme_[old + k] = AsciiLower(static_cast<char>(s[i + k - 1]));
        }
        i = run;
      } else {
        AppendFolded(c, &lexeme_);
      }
      end = i;
      if (i >= size) break;
      if (s[i] < 0x80) {
        const UChar32 next = s[i];
        if (!IsAsciiWordChar(static_cast<uint8_t>(next))) break;
        c = next;
        ++i;
      } else {
        int64_t probe = i;
        UChar32 next;
        U8_NEXT(s, probe, size, next);
        if (next < 0 || !IsWordChar(next)) break;
        c = next;
        i = probe;
      }
    }
    at_ = static_cast<size_t>(end);
    if (lexeme_.empty()) continue;  // a lone accent: nothing left once folded
    word->lexeme = lexeme_;
    word->span = Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
    word->stopword = IsSearchStopword(lexeme_);
    return true;
  }
  at_ = text_.size();
  return false;
}

bool IsSearchStopword(std::string_view w) {
  // Sorted, for a binary search; all of them are ASCII and at most five letters long.
  static constexpr std::array<std::string_view, 33> kStopwords = {
      "a",    "an",   "and",  "are",   "as",   "at",   "be",    "but",  "by",   "for",  "if",
      "in",   "into", "is",   "it",    "no",   "not",  "of",    "on",   "or",   "such", "that",
      "the",  "their", "then", "there", "these", "they", "this", "to",   "was",  "will", "with"};
  static_assert(std::is_sorted(kStopwords.begin(), kStopwords.end()));
  if (w.empty() || w.size() > 5) return false;
  // Most short words are turned away by their first letter, before any comparison.
  constexpr uint32_t kFirstLetters = 1u << ('a' - 'a') | 1u << ('b' - 'a') | 1u << ('f' - 'a') | 1u << ('i' - 'a') |
                                     1u << ('n' - 'a') | 1u << ('o' - 'a') | 1u << ('s' - 'a') | 1u << ('t' - 'a') |
                                     1u << ('w' - 'a');
  if (w[0] < 'a' || w[0] > 'z' || !(kFirstLetters >> (w[0] - 'a') & 1)) return false;
  return std::binary_search(kStopwords.begin(), kStopwords.end(), w);
}

}  // namespace sitrep
