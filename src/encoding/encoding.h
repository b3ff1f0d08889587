// Encoding stage: bytes in any common encoding to NFC UTF-8.
//
// DetectCharset decides, in order, from: a byte-order mark; the HTTP
// Content-Type charset; an HTML <meta charset> / http-equiv declaration in
// the first 4 KiB (only when `is_html`); a UTF-16 pattern of NUL bytes; the
// bytes being valid UTF-8; ICU's statistical detector; and finally
// windows-1252. Labels are mapped as browsers do ("iso-8859-1" and "ascii"
// mean windows-1252, "iso-8859-9" means windows-1254). A declaration the
// bytes plainly contradict is passed over: "UTF-8" over bytes that are
// mostly malformed UTF-8, a single-byte charset over well-formed UTF-8 with
// multi-byte sequences.
//
// ToUtf8 never fails: undecodable sequences become U+FFFD. Pure ASCII and
// valid, already-NFC UTF-8 take a fast path without a UTF-16 round trip.
// All functions are pure and thread-safe (ICU converters are per call).
#pragma once

#include <string>
#include <string_view>

namespace attache::encoding {

// Returns the canonical name of the charset `bytes` are in (e.g. "UTF-8",
// "windows-1251", "KOI8-R", "UTF-16LE"); never empty. `http_charset` may be
// empty or an unknown label (then it is ignored). `is_html` allows the meta
// prescan and makes ICU's detector skip markup.
std::string DetectCharset(std::string_view bytes, std::string_view http_charset, bool is_html);

// Maps a charset label ("cp1251", " \"UTF8\" ", "latin1") to the canonical
// name DetectCharset would return, or "" when ICU knows no such charset.
std::string CanonicalCharset(std::string_view label);

// Finds a charset declared by <meta charset> or <meta http-equiv=
// "Content-Type" content="...; charset=..."> in the first 4 KiB of `html`.
// Returns the canonical name, or "" when there is none (or it is unknown).
// A declared UTF-16/32 is reported as UTF-8, as the HTML standard requires.
std::string PrescanMetaCharset(std::string_view html);

// Converts `bytes` from `charset` to UTF-8, dropping a leading BOM and all
// NUL characters, replacing undecodable sequences with U+FFFD, and
// normalising to NFC. An unknown `charset` is treated as windows-1252.
std::string ToUtf8(std::string_view bytes, std::string_view charset);

// The same text as ToUtf8, without a copy when none is needed: returns a
// view of `bytes` itself when they are already NFC UTF-8 without NUL bytes
// (after a UTF-8 BOM), else a view of `*storage`, which then holds the
// converted text. Valid while `bytes` and `*storage` are.
std::string_view ToUtf8View(std::string_view bytes, std::string_view charset, std::string* storage);

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or values
// above U+10FFFF).
bool IsValidUtf8(std::string_view s);

}  // namespace attache::encoding
