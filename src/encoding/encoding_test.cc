#include "encoding/encoding.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <string>

namespace attache::encoding {
namespace {

const std::string kPrivetUtf8 = "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82";  // Привет
const std::string kPrivet1251 = "\xCF\xF0\xE8\xE2\xE5\xF2";
const std::string kPrivetKoi8 = "\xF0\xD2\xC9\xD7\xC5\xD4";

// A paragraph of Russian news prose, re-encoded with ICU for the detector.
std::string RussianIn(const char* charset) {
  const std::string utf8 =
      "\xD0\x9C\xD0\xB8\xD0\xBD\xD0\xB8\xD1\x81\xD1\x82\xD1\x80 \xD0\xB8\xD0\xBD\xD0\xBE\xD1\x81\xD1"
      "\x82\xD1\x80\xD0\xB0\xD0\xBD\xD0\xBD\xD1\x8B\xD1\x85 \xD0\xB4\xD0\xB5\xD0\xBB \xD0\xBF\xD1\x80"
      "\xD0\xB8\xD0\xB1\xD1\x8B\xD0\xBB \xD0\xB2 \xD1\x81\xD1\x82\xD0\xBE\xD0\xBB\xD0\xB8\xD1\x86\xD1"
      "\x83 \xD0\xB4\xD0\xBB\xD1\x8F \xD0\xBF\xD0\xB5\xD1\x80\xD0\xB5\xD0\xB3\xD0\xBE\xD0\xB2\xD0\xBE"
      "\xD1\x80\xD0\xBE\xD0\xB2 \xD1\x81 \xD0\xBF\xD1\x80\xD0\xB5\xD0\xB7\xD0\xB8\xD0\xB4\xD0\xB5\xD0"
      "\xBD\xD1\x82\xD0\xBE\xD0\xBC \xD1\x80\xD0\xB5\xD1\x81\xD0\xBF\xD1\x83\xD0\xB1\xD0\xBB\xD0\xB8"
      "\xD0\xBA\xD0\xB8. ";
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8 + utf8 + utf8 + utf8);
  std::string out(static_cast<size_t>(u.length()) * 4, '\0');
  UErrorCode err = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(charset, &err);
  const int32_t n = ucnv_fromUChars(cnv, out.data(), static_cast<int32_t>(out.size()), u.getBuffer(),
                                    u.length(), &err);
  ucnv_close(cnv);
  EXPECT_TRUE(U_SUCCESS(err));
  out.resize(static_cast<size_t>(n));
  return out;
}

TEST(EncodingTest, ValidUtf8) {
  EXPECT_TRUE(IsValidUtf8("plain"));
  EXPECT_TRUE(IsValidUtf8(kPrivetUtf8));
  EXPECT_FALSE(IsValidUtf8(kPrivet1251));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xD0"));              // truncated
}

TEST(EncodingTest, BomWins) {
  EXPECT_EQ(DetectCharset("\xEF\xBB\xBFhi", "windows-1251", true), "UTF-8");
  EXPECT_EQ(DetectCharset(std::string("\xFF\xFEh\0i\0", 6), "", false), "UTF-16LE");
  EXPECT_EQ(DetectCharset(std::string("\xFE\xFF\0h\0i", 6), "", false), "UTF-16BE");
  EXPECT_EQ(DetectCharset(std::string("\xFF\xFE\0\0h\0\0\0", 8), "", false), "UTF-32LE");
}

TEST(EncodingTest, HttpCharsetThenMeta) {
  EXPECT_EQ(DetectCharset("abc", "cp1251", true), "windows-1251");
  EXPECT_EQ(DetectCharset("abc", "\"KOI8-R\"", false), "KOI8-R");
  EXPECT_EQ(DetectCharset("abc", "ISO-8859-1", false), "windows-1252");
  EXPECT_EQ(DetectCharset("abc", "us-ascii", false), "windows-1252");
  EXPECT_EQ(DetectCharset("abc", "iso-8859-5", false), "ISO-8859-5");
  EXPECT_EQ(DetectCharset("abc", "no-such-charset", false), "UTF-8");  // ignored
  const std::string meta = "<html><head><meta charset=\"windows-1251\"></head><body>" + kPrivet1251;
  EXPECT_EQ(DetectCharset(meta, "", true), "windows-1251");
  EXPECT_EQ(DetectCharset(meta, "koi8-r", true), "KOI8-R");  // HTTP beats meta
  const std::string equiv =
      "<!-- <meta charset=utf-8> --><META HTTP-EQUIV='Content-Type' CONTENT='text/html; "
      "charset=koi8-r'>" + kPrivetKoi8;
  EXPECT_EQ(DetectCharset(equiv, "", true), "KOI8-R");
  EXPECT_EQ(PrescanMetaCharset("<meta charset=utf-16>"), "UTF-8");
  EXPECT_EQ(PrescanMetaCharset("<meta content=\"text/html\" http-equiv=refresh>"), "");
  EXPECT_EQ(PrescanMetaCharset("<meta name=x content='a'><meta charset = latin1 />"), "windows-1252");
}

TEST(EncodingTest, AMislabelledPageIsReadByItsContent) {
  std::string cp1251, utf8;
  for (int i = 0; i < 20; ++i) cp1251 += kPrivet1251 + " ";
  for (int i = 0; i < 5; ++i) utf8 += kPrivetUtf8 + " ";
  const std::string meta_utf8 = "<meta charset=\"utf-8\">" + cp1251;
  EXPECT_NE(DetectCharset(meta_utf8, "", true), "UTF-8");
  EXPECT_NE(DetectCharset(cp1251, "utf-8", false), "UTF-8");
  EXPECT_EQ(DetectCharset(utf8, "iso-8859-1", false), "UTF-8");
  EXPECT_EQ(DetectCharset("<meta charset=\"windows-1251\">" + utf8, "", true), "UTF-8");
  // One stray byte in a UTF-8 page, or one Latin-1 letter that happens to
  // pair up, does not overturn the declaration.
  EXPECT_EQ(DetectCharset(utf8 + "\xFF", "utf-8", false), "UTF-8");
  EXPECT_EQ(DetectCharset("caf\xC3\xA9", "iso-8859-1", false), "windows-1252");
}

TEST(EncodingTest, DetectsWithoutDeclarations) {
  EXPECT_EQ(DetectCharset("just ascii", "", true), "UTF-8");
  EXPECT_EQ(DetectCharset(kPrivetUtf8, "", false), "UTF-8");
  EXPECT_EQ(DetectCharset(kPrivetUtf8.substr(0, 11), "", false), "UTF-8");  // cut mid-character
  EXPECT_EQ(DetectCharset(RussianIn("windows-1251"), "", false), "windows-1251");
  EXPECT_EQ(DetectCharset(RussianIn("KOI8-R"), "", false), "KOI8-R");
  EXPECT_EQ(DetectCharset(std::string("h\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0", 22), "", false), "UTF-16LE");
  EXPECT_EQ(DetectCharset("caf\xE9 cr\xE8me br\xFBl\xE9\x65", "", false).empty(), false);
}

TEST(EncodingTest, ConvertsCyrillic) {
  EXPECT_EQ(ToUtf8(kPrivet1251, "windows-1251"), kPrivetUtf8);
  EXPECT_EQ(ToUtf8(kPrivetKoi8, "KOI8-R"), kPrivetUtf8);
  EXPECT_EQ(ToUtf8("\xBF\xE0\xD8\xD2\xD5\xE2", "ISO-8859-5"), kPrivetUtf8);
  const std::string long1251 = RussianIn("windows-1251");
  EXPECT_EQ(ToUtf8(long1251, DetectCharset(long1251, "", false)), ToUtf8(RussianIn("KOI8-R"), "KOI8-R"));
}

TEST(EncodingTest, ConvertsUtf16AndDropsBomAndNul) {
  EXPECT_EQ(ToUtf8(std::string("\xFF\xFEH\0i\0", 6), "UTF-16LE"), "Hi");
  EXPECT_EQ(ToUtf8(std::string("\xFE\xFF\0H\0i", 6), "UTF-16BE"), "Hi");
  EXPECT_EQ(ToUtf8("\xEF\xBB\xBFok", "UTF-8"), "ok");
  EXPECT_EQ(ToUtf8(std::string("a\0b\0", 4), "UTF-8"), "ab");
  EXPECT_EQ(ToUtf8(std::string("a\0\xE9", 3), "windows-1252"), "a\xC3\xA9");
}

TEST(EncodingTest, InvalidBytesBecomeReplacement) {
  EXPECT_EQ(ToUtf8("a\xFF" "b", "UTF-8"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(ToUtf8("\xE9t\xE9", "windows-1252"), "\xC3\xA9t\xC3\xA9");
  EXPECT_EQ(ToUtf8("\x80", "ISO-8859-1-not-a-name"), "\xE2\x82\xAC");  // unknown: windows-1252
  EXPECT_TRUE(IsValidUtf8(ToUtf8("\x82\xA0\xFF\xFF", "Shift_JIS")));
}

TEST(EncodingTest, NormalisesToNfc) {
  EXPECT_EQ(ToUtf8("Cafe\xCC\x81", "UTF-8"), "Caf\xC3\xA9");  // e + U+0301 -> é
  EXPECT_EQ(ToUtf8("Caf\xC3\xA9", "UTF-8"), "Caf\xC3\xA9");
  EXPECT_EQ(ToUtf8(std::string("e\0\x01\x03", 4), "UTF-16LE"), "\xC3\xA9");
  EXPECT_EQ(ToUtf8("", "UTF-8"), "");
  EXPECT_EQ(ToUtf8("", "windows-1251"), "");
}

// The UTF-8 fast path asks ICU only about stretches between ASCII characters
// that hold a character NFC might change; these cover its edges.
TEST(EncodingTest, NormalisesToNfcAroundFastPath) {
  const std::string e_acute = "\xC3\xA9";
  // At the very start, in the middle of long ASCII, and at the very end.
  EXPECT_EQ(ToUtf8("e\xCC\x81 x", "UTF-8"), e_acute + " x");
  const std::string pad(100, 'a');
  EXPECT_EQ(ToUtf8(pad + "e\xCC\x81" + pad, "UTF-8"), pad + e_acute + pad);
  EXPECT_EQ(ToUtf8(pad + "e\xCC\x81", "UTF-8"), pad + e_acute);
  // The base letter is itself non-ASCII and surely NFC: и + U+0306 -> й.
  EXPECT_EQ(ToUtf8(pad + " \xD0\xB8\xCC\x86", "UTF-8"), pad + " \xD0\xB9");
  // Cyrillic and CJK text after the doubtful character is left alone.
  EXPECT_EQ(ToUtf8("\xE4\xB8\xAD\xE6\x96\x87" "e\xCC\x81\xE4\xB8\xAD", "UTF-8"),
            "\xE4\xB8\xAD\xE6\x96\x87" + e_acute + "\xE4\xB8\xAD");
  // Hangul: a syllable (surely NFC alone) absorbs a following trailing jamo:
  // U+AC00 + U+11A8 -> U+AC01.
  EXPECT_EQ(ToUtf8(pad + "\xEA\xB0\x80\xE1\x86\xA8", "UTF-8"), pad + "\xEA\xB0\x81");
  // Combining marks out of canonical order are reordered: a + U+0301 +
  // U+0335 -> á + U+0335.
  EXPECT_EQ(ToUtf8("a\xCC\x81\xCC\xB5", "UTF-8"), "\xC3\xA1\xCC\xB5");
  // Singletons NFC replaces: U+212B ANGSTROM SIGN -> U+00C5; U+2126 OHM -> U+03A9.
  EXPECT_EQ(ToUtf8(pad + "\xE2\x84\xAB " + pad, "UTF-8"), pad + "\xC3\x85 " + pad);
  EXPECT_EQ(ToUtf8("\xE2\x84\xA6", "UTF-8"), "\xCE\xA9");
  // A removed NUL joins a letter and its accent.
  EXPECT_EQ(ToUtf8(std::string("e\0\xCC\x81", 4), "UTF-8"), e_acute);
  EXPECT_EQ(ToUtf8(pad + std::string("e\0\xCC\x81", 4) + pad, "UTF-8"), pad + e_acute + pad);
  // Already NFC text with doubtful characters (emoji, Arabic, Devanagari) is unchanged.
  const std::string nfc = "\xF0\x9F\x98\x80 \xD8\xB3\xD9\x84\xD8\xA7\xD9\x85 \xE0\xA4\x95\xE0\xA5\x8D\xE0\xA4\xB7";
  EXPECT_EQ(ToUtf8(nfc, "UTF-8"), nfc);
  // Invalid UTF-8 after a doubtful character still becomes U+FFFD.
  EXPECT_EQ(ToUtf8("e\xCC\x81\xFF", "UTF-8"), e_acute + "\xEF\xBF\xBD");
  EXPECT_EQ(ToUtf8(pad + "\xF4\x90\x80\x80", "UTF-8"), pad + "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(EncodingTest, ToUtf8ViewCopiesOnlyWhenNeeded) {
  std::string storage;
  const std::string plain = "caf\xC3\xA9 \xD0\x9F";
  std::string_view v = ToUtf8View(plain, "UTF-8", &storage);
  EXPECT_EQ(v.data(), plain.data());
  EXPECT_EQ(v, plain);
  const std::string bom = "\xEF\xBB\xBFok";
  v = ToUtf8View(bom, "utf-8", &storage);
  EXPECT_EQ(v.data(), bom.data() + 3);
  EXPECT_EQ(v, "ok");
  v = ToUtf8View("Cafe\xCC\x81", "UTF-8", &storage);
  EXPECT_EQ(v, "Caf\xC3\xA9");
  EXPECT_EQ(v.data(), storage.data());
  EXPECT_EQ(ToUtf8View(std::string("a\0b", 3), "UTF-8", &storage), "ab");
  EXPECT_EQ(ToUtf8View("a\xFF", "UTF-8", &storage), "a\xEF\xBF\xBD");
  EXPECT_EQ(ToUtf8View(kPrivet1251, "windows-1251", &storage), kPrivetUtf8);
}

}  // namespace
}  // namespace attache::encoding
