#include "geo/place_key.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace sitrep::geo {

namespace {

void AppendUtf8(UChar32 c, std::string* out) {
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(buf, n, U8_MAX_LENGTH, c, error);
  if (!error) out->append(buf, n);
}

}  // namespace

std::string PlaceKey(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool ascii = true;
  for (unsigned char c : name) ascii &= c < 0x80;
  if (ascii) {  // the common case, without ICU
    for (unsigned char c : name) {
      if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c + 32));
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(static_cast<char>(c));
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);  // thread-safe singleton
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  icu::UnicodeString decomposed = U_SUCCESS(status) ? nfd->normalize(text, status) : text;
  if (U_FAILURE(status)) decomposed = text;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK || !u_isalnum(c)) continue;
    AppendUtf8(u_tolower(c), &out);
  }
  return out;
}

}  // namespace sitrep::geo
