#include "encoding/encoding.h"

#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <memory>

namespace attache::encoding {

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { ++i; continue; }
    size_t len = 0;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) len = 3;
    else if (c >= 0xF0 && c <= 0xF4) len = 4;
    else return false;
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) || (c == 0xF0 && c1 < 0x90) ||
        (c == 0xF4 && c1 >= 0x90))
      return false;
    i += len;
  }
  return true;
}

std::string DetectCharset(std::string_view bytes, std::string_view http_charset, bool is_html) {
  (void)http_charset;
  (void)is_html;
  return IsValidUtf8(bytes) ? "UTF-8" : "windows-1252";
}

std::string ToUtf8(std::string_view bytes, std::string_view charset) {
  std::string out;
  if (charset == "UTF-8" && IsValidUtf8(bytes)) {
    out.assign(bytes);
  } else {
    UErrorCode err = U_ZERO_ERROR;
    icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), std::string(charset).c_str());
    u.toUTF8String(out);
    (void)err;
  }
  return out;
}

}  // namespace attache::encoding
