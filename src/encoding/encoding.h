// Encoding stage: bytes in any common encoding to NFC UTF-8.
//
// The charset is taken, in order, from a byte-order mark, the HTTP header,
// an HTML <meta charset> / http-equiv declaration in the first bytes, and
// finally ICU's detector when the bytes are not valid UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace attache::encoding {

// Returns the canonical name of the charset `bytes` are in (e.g. "UTF-8",
// "windows-1251"). `http_charset` may be empty. `is_html` allows the meta
// prescan.
std::string DetectCharset(std::string_view bytes, std::string_view http_charset, bool is_html);

// Converts `bytes` from `charset` to UTF-8 (dropping a BOM), replacing
// undecodable sequences with U+FFFD and NUL bytes with nothing, then
// normalises to NFC.
std::string ToUtf8(std::string_view bytes, std::string_view charset);

// True when `s` is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);

}  // namespace attache::encoding
