#include "text/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>
#include <uchardet/uchardet.h>

#include <algorithm>
#include <memory>
#include <vector>

#include <fmt/format.h>

namespace sitrep {

namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 if it is not valid there.
size_t Utf8SequenceAt(std::string_view s, size_t i) {
  UChar32 c;
  int32_t pos = static_cast<int32_t>(i);
  int32_t len = static_cast<int32_t>(std::min<size_t>(s.size(), INT32_MAX));
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, len, c);
  return c < 0 ? 0 : static_cast<size_t>(pos) - i;
}

bool HasMultibyteUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i)
    if (static_cast<uint8_t>(s[i]) >= 0x80 && Utf8SequenceAt(s, i) > 1) return true;
  return false;
}

// Converts with ICU, recording for each output code point the input bytes it came from.
Result<Decoded> ConvertWithIcu(std::string_view bytes, const std::string& encoding, uint32_t skip) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(encoding.c_str(), &err), ucnv_close);
  if (U_FAILURE(err)) return Status(Code::kEncoding, fmt::format("unknown encoding '{}'", encoding));
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_SUBSTITUTE, nullptr, nullptr, nullptr, &err);

  std::string_view input = bytes.substr(skip);
  std::vector<UChar> units(input.size() + 16);
  std::vector<int32_t> offsets(units.size());
  const char* src = input.data();
  UChar* dst = units.data();
  ucnv_toUnicode(conv.get(), &dst, units.data() + units.size(), &src, input.data() + input.size(),
                 offsets.data(), true, &err);
  if (U_FAILURE(err)) return Status(Code::kEncoding, fmt::format("cannot decode as {}: {}", encoding, u_errorName(err)));
  int32_t n = static_cast<int32_t>(dst - units.data());

  Decoded out;
  out.encoding = encoding;
  out.text.reserve(input.size());
  for (int32_t i = 0; i < n;) {
    uint32_t from = static_cast<uint32_t>(offsets[i]) + skip;
    UChar32 c;
    U16_NEXT(units.data(), i, n, c);
    uint32_t to = i < n ? static_cast<uint32_t>(offsets[i]) + skip : static_cast<uint32_t>(bytes.size());
    if (to < from) to = from;
    char buf[4];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, c, error);
    (void)error;  // a code point from ICU always fits in four bytes
    std::string_view utf8(buf, len);
    if (utf8 == bytes.substr(from, to - from)) out.map.AppendVerbatim(from, to - from);
    else out.map.AppendReplacement(from, to - from, static_cast<uint32_t>(len));
    out.text.append(utf8);
  }
  return out;
}

std::string Normalise(std::string_view name) {
  std::string s;
  for (char c : name) s.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  // Browsers read these labels as Windows-1252, and so do we (WHATWG Encoding).
  if (s == "iso-8859-1" || s == "latin1" || s == "latin-1" || s == "us-ascii" || s == "ascii" || s == "cp1252")
    return "windows-1252";
  return s;
}

}  // namespace

size_t FindInvalidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (static_cast<uint8_t>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t len = Utf8SequenceAt(s, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

size_t FindBinaryMarker(std::string_view s) {
  auto nul = s.find('\0');
  if (nul != std::string_view::npos) return nul;
  // Text has few control characters; most binary formats have many early on.
  size_t probe = std::min<size_t>(s.size(), 8192), controls = 0, first = std::string_view::npos;
  for (size_t i = 0; i < probe; ++i) {
    auto c = static_cast<uint8_t>(s[i]);
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
      if (first == std::string_view::npos) first = i;
      ++controls;
    }
  }
  return probe > 0 && controls * 20 > probe ? first : std::string_view::npos;
}

Result<Decoded> DecodeToUtf8(std::string_view bytes, std::string_view declared) {
  if (bytes.size() > UINT32_MAX / 2) return Status(Code::kTooLarge, "input over 2 GiB");
  auto size = static_cast<uint32_t>(bytes.size());
  auto starts = [&](std::string_view bom) { return bytes.substr(0, bom.size()) == bom; };
  if (starts("\xEF\xBB\xBF")) {
    std::string_view rest = bytes.substr(3);
    if (size_t bad = FindInvalidUtf8(rest); bad != std::string_view::npos)
      return Status(Code::kEncoding, "invalid UTF-8 after a UTF-8 byte-order mark").At("", bad + 3);
    Decoded out{std::string(rest), {}, "UTF-8"};
    out.map.AppendVerbatim(3, size - 3);
    return out;
  }
  if (starts("\xFF\xFE")) return ConvertWithIcu(bytes, "UTF-16LE", 2);
  if (starts("\xFE\xFF")) return ConvertWithIcu(bytes, "UTF-16BE", 2);

  if (size_t bin = FindBinaryMarker(bytes); bin != std::string_view::npos)
    return Status(Code::kBinary, "binary content (NUL or control bytes), not text").At("", bin);

  size_t bad = FindInvalidUtf8(bytes);
  if (bad == std::string_view::npos) return Decoded{std::string(bytes), OffsetMap::Identity(size), "UTF-8"};
  // Real UTF-8 with a broken byte is damaged input, not another encoding: decoding it as
  // Windows-1252 would silently garble every accented letter, so we say where it breaks.
  if (HasMultibyteUtf8(bytes))
    return Status(Code::kEncoding, "invalid UTF-8 byte in otherwise UTF-8 text").At("", bad);

  std::string encoding = Normalise(declared);
  if (encoding.empty() || encoding == "utf-8" || encoding == "utf8") {
    std::unique_ptr<std::remove_pointer_t<uchardet_t>, void (*)(uchardet_t)> det(uchardet_new(), uchardet_delete);
    uchardet_handle_data(det.get(), bytes.data(), std::min<size_t>(bytes.size(), 1 << 16));
    uchardet_data_end(det.get());
    encoding = Normalise(uchardet_get_charset(det.get()));
    if (encoding.empty() || encoding == "utf-8" || encoding == "ascii") encoding = "windows-1252";
  }
  auto decoded = ConvertWithIcu(bytes, encoding, 0);
  if (!decoded.ok() && encoding != "windows-1252") return ConvertWithIcu(bytes, "windows-1252", 0);
  return decoded;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace sitrep
