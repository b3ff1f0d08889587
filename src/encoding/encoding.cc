#include "encoding/encoding.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <cstdint>
#include <memory>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace attache::encoding {

namespace {

constexpr size_t kMetaPrescanBytes = 4096;
constexpr size_t kDetectorSampleBytes = 64 * 1024;

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (Lower(s[i]) != prefix[i]) return false;
  return true;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && StartsWithNoCase(a, b);
}

// Returns the BOM-declared charset and the BOM length, or "" and 0.
std::string_view BomCharset(std::string_view b, size_t* bom_len) {
  auto at = [&](size_t i) { return static_cast<unsigned char>(b[i]); };
  *bom_len = 0;
  if (b.size() >= 3 && at(0) == 0xEF && at(1) == 0xBB && at(2) == 0xBF) return *bom_len = 3, "UTF-8";
  if (b.size() >= 4 && at(0) == 0xFF && at(1) == 0xFE && at(2) == 0 && at(3) == 0)
    return *bom_len = 4, "UTF-32LE";
  if (b.size() >= 4 && at(0) == 0 && at(1) == 0 && at(2) == 0xFE && at(3) == 0xFF)
    return *bom_len = 4, "UTF-32BE";
  if (b.size() >= 2 && at(0) == 0xFF && at(1) == 0xFE) return *bom_len = 2, "UTF-16LE";
  if (b.size() >= 2 && at(0) == 0xFE && at(1) == 0xFF) return *bom_len = 2, "UTF-16BE";
  return "";
}

// UTF-16 without a BOM: ASCII-range text puts a NUL in every other byte.
std::string_view Utf16ByNuls(std::string_view b) {
  const size_t n = std::min(b.size(), kMetaPrescanBytes) & ~size_t{1};
  if (n < 8) return "";
  size_t even = 0, odd = 0;
  for (size_t i = 0; i < n; i += 2) {
    even += b[i] == 0;
    odd += b[i + 1] == 0;
  }
  const size_t pairs = n / 2;
  if (odd * 10 >= pairs * 4 && even * 20 < pairs) return "UTF-16LE";
  if (even * 10 >= pairs * 4 && odd * 20 < pairs) return "UTF-16BE";
  return "";
}

// Counts well-formed multi-byte sequences and malformed bytes. An incomplete
// sequence cut off by the end of `s` is not counted as malformed (excerpts
// are often cut mid-character).
void Utf8Stats(std::string_view s, size_t* multibyte, size_t* bad) {
  *multibyte = *bad = 0;
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    // Eight ASCII bytes at a time.
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { ++i; continue; }
    size_t len = 0;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) len = 3;
    else if (c >= 0xF0 && c <= 0xF4) len = 4;
    if (len == 0) { ++*bad; ++i; continue; }
    size_t k = 1;
    for (; k < len && i + k < n; ++k) {
      const auto ck = static_cast<unsigned char>(s[i + k]);
      if ((ck & 0xC0) != 0x80) break;
      if (k == 1 && ((c == 0xE0 && ck < 0xA0) || (c == 0xED && ck >= 0xA0) ||
                     (c == 0xF0 && ck < 0x90) || (c == 0xF4 && ck >= 0x90)))
        break;
    }
    if (k == len) { ++*multibyte; i += len; continue; }
    if (i + k == n) return;  // truncated at the end
    ++*bad;
    i += k;
  }
}

// The value of "charset=" inside a Content-Type-like string, or "".
std::string_view CharsetParam(std::string_view content) {
  for (size_t i = 0; i + 7 <= content.size(); ++i) {
    if (!StartsWithNoCase(content.substr(i), "charset")) continue;
    size_t j = i + 7;
    while (j < content.size() && IsSpace(content[j])) ++j;
    if (j >= content.size() || content[j] != '=') continue;
    ++j;
    while (j < content.size() && IsSpace(content[j])) ++j;
    if (j < content.size() && (content[j] == '"' || content[j] == '\'')) {
      const char q = content[j++];
      const size_t e = content.find(q, j);
      if (e == std::string_view::npos) return "";
      return content.substr(j, e - j);
    }
    size_t e = j;
    while (e < content.size() && !IsSpace(content[e]) && content[e] != ';') ++e;
    return content.substr(j, e - j);
  }
  return "";
}

// Parses one attribute at `*i` inside a tag; false at '>' or the end.
bool NextAttribute(std::string_view s, size_t* i, std::string_view* name, std::string_view* value) {
  size_t p = *i;
  while (p < s.size() && (IsSpace(s[p]) || s[p] == '/')) ++p;
  if (p >= s.size() || s[p] == '>') { *i = p; return false; }
  const size_t ns = p;
  while (p < s.size() && !IsSpace(s[p]) && s[p] != '/' && s[p] != '>' && (p == ns || s[p] != '=')) ++p;
  *name = s.substr(ns, p - ns);
  *value = {};
  while (p < s.size() && IsSpace(s[p])) ++p;
  if (p < s.size() && s[p] == '=') {
    ++p;
    while (p < s.size() && IsSpace(s[p])) ++p;
    if (p < s.size() && (s[p] == '"' || s[p] == '\'')) {
      const char q = s[p++];
      const size_t e = s.find(q, p);
      if (e == std::string_view::npos) { *i = s.size(); return false; }
      *value = s.substr(p, e - p);
      p = e + 1;
    } else {
      const size_t vs = p;
      while (p < s.size() && !IsSpace(s[p]) && s[p] != '>') ++p;
      *value = s.substr(vs, p - vs);
    }
  }
  *i = p;
  return true;
}

const icu::Normalizer2* Nfc() {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  return U_SUCCESS(err) ? nfc : nullptr;
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

std::string IcuDetect(std::string_view bytes, bool is_html) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> det(ucsdet_open(&err));
  if (U_FAILURE(err)) return "";
  ucsdet_enableInputFilter(det.get(), is_html);
  const size_t n = std::min(bytes.size(), kDetectorSampleBytes);
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(n), &err);
  const UCharsetMatch* m = ucsdet_detect(det.get(), &err);
  if (U_FAILURE(err) || m == nullptr) return "";
  const char* name = ucsdet_getName(m, &err);
  const int32_t confidence = ucsdet_getConfidence(m, &err);
  if (U_FAILURE(err) || name == nullptr || confidence < 10) return "";
  std::string_view nv(name);
  // EBCDIC guesses and BOM-less UTF-16/32 (checked before) are false alarms
  // for web pages.
  if (nv.rfind("IBM", 0) == 0 || nv.rfind("UTF-16", 0) == 0 || nv.rfind("UTF-32", 0) == 0) return "";
  return CanonicalCharset(nv);
}

// Converts with an ICU converter into UTF-16, then drops NUL and a leading
// U+FEFF.
icu::UnicodeString DecodeWithIcu(std::string_view bytes, std::string_view charset) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> cnv(ucnv_open(std::string(charset).c_str(), &err));
  if (U_FAILURE(err)) {
    err = U_ZERO_ERROR;
    cnv.reset(ucnv_open("windows-1252", &err));
  }
  icu::UnicodeString u;
  if (U_FAILURE(err)) {  // no converters at all: keep ASCII only
    for (char c : bytes) u.append(static_cast<UChar>(static_cast<unsigned char>(c) < 0x80 ? c : 0xFFFD));
    return u;
  }
  UChar buf[8192];
  const char* src = bytes.data();
  const char* const end = src + bytes.size();
  do {
    err = U_ZERO_ERROR;
    UChar* tgt = buf;
    ucnv_toUnicode(cnv.get(), &tgt, buf + std::size(buf), &src, end, nullptr, true, &err);
    u.append(buf, 0, static_cast<int32_t>(tgt - buf));
  } while (err == U_BUFFER_OVERFLOW_ERROR);
  // Drop a BOM the converter kept, NULs, and turn ICU's U+001A substitute
  // character into U+FFFD.
  bool dirty = false;
  const int32_t len = u.length();
  for (int32_t i = 0; i < len && !dirty; ++i) {
    const UChar c = u.charAt(i);
    dirty = c == 0 || c == 0x1A || (i == 0 && c == 0xFEFF);
  }
  if (!dirty) return u;
  icu::UnicodeString clean(len, 0, 0);  // capacity only
  for (int32_t i = 0; i < len; ++i) {
    const UChar c = u.charAt(i);
    if (c == 0 || (i == 0 && c == 0xFEFF)) continue;
    clean.append(c == 0x1A ? static_cast<UChar>(0xFFFD) : c);
  }
  return clean;
}

}  // namespace

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

std::string CanonicalCharset(std::string_view label) {
  while (!label.empty() && (IsSpace(label.front()) || label.front() == '"' || label.front() == '\''))
    label.remove_prefix(1);
  while (!label.empty() && (IsSpace(label.back()) || label.back() == '"' || label.back() == '\''))
    label.remove_suffix(1);
  if (label.empty() || label.size() > 64) return "";
  std::string lower;
  for (char c : label) lower.push_back(Lower(c));
  // Browser (WHATWG) mappings that differ from ICU's strict reading.
  static constexpr std::pair<std::string_view, std::string_view> kBrowser[] = {
      {"iso-8859-1", "windows-1252"}, {"iso8859-1", "windows-1252"}, {"latin1", "windows-1252"},
      {"l1", "windows-1252"},         {"ascii", "windows-1252"},     {"us-ascii", "windows-1252"},
      {"iso_8859-1", "windows-1252"}, {"cp819", "windows-1252"},     {"x-user-defined", "windows-1252"},
      {"iso-8859-9", "windows-1254"}, {"latin5", "windows-1254"},    {"tis-620", "windows-874"},
      {"iso-8859-11", "windows-874"}, {"gb2312", "GBK"},             {"x-gbk", "GBK"},
      {"euc-kr", "windows-949"},      {"ks_c_5601-1987", "windows-949"}, {"utf8", "UTF-8"},
      {"unicode-1-1-utf-8", "UTF-8"}, {"x-sjis", "Shift_JIS"},       {"unicode", "UTF-16LE"},
  };
  for (const auto& [from, to] : kBrowser)
    if (lower == from) return std::string(to);
  UErrorCode err = U_ZERO_ERROR;
  const char* name = ucnv_getStandardName(lower.c_str(), "MIME", &err);
  if (U_FAILURE(err) || name == nullptr) {
    err = U_ZERO_ERROR;
    name = ucnv_getStandardName(lower.c_str(), "IANA", &err);
  }
  if (U_FAILURE(err) || name == nullptr) {
    // Known to ICU under another standard only: keep the label if it opens.
    err = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterCloser> cnv(ucnv_open(lower.c_str(), &err));
    if (U_FAILURE(err)) return "";
    return std::string(label);
  }
  std::string canon(name);
  std::string canon_lower;
  for (char c : canon) canon_lower.push_back(Lower(c));
  for (const auto& [from, to] : kBrowser)
    if (canon_lower == from) return std::string(to);
  return canon;
}

std::string PrescanMetaCharset(std::string_view html) {
  const std::string_view s = html.substr(0, std::min(html.size(), kMetaPrescanBytes));
  size_t i = 0;
  while (i < s.size()) {
    const size_t lt = s.find('<', i);
    if (lt == std::string_view::npos) break;
    if (s.compare(lt, 4, "<!--") == 0) {
      const size_t e = s.find("-->", lt + 4);
      if (e == std::string_view::npos) break;
      i = e + 3;
      continue;
    }
    if (!StartsWithNoCase(s.substr(lt + 1), "meta") || lt + 5 >= s.size() ||
        !(IsSpace(s[lt + 5]) || s[lt + 5] == '/')) {
      i = lt + 1;
      continue;
    }
    size_t p = lt + 5;
    std::string_view name, value, charset, content;
    bool http_equiv_ct = false;
    while (NextAttribute(s, &p, &name, &value)) {
      if (EqualsNoCase(name, "charset") && charset.empty()) charset = value;
      else if (EqualsNoCase(name, "content") && content.empty()) content = value;
      else if (EqualsNoCase(name, "http-equiv")) http_equiv_ct = EqualsNoCase(value, "content-type");
    }
    std::string_view label = charset;
    if (label.empty() && http_equiv_ct) label = CharsetParam(content);
    if (!label.empty()) {
      std::string canon = CanonicalCharset(label);
      if (canon.rfind("UTF-16", 0) == 0 || canon.rfind("UTF-32", 0) == 0) return "UTF-8";
      if (!canon.empty()) return canon;
    }
    i = p;
  }
  return "";
}

namespace {

bool LooksUtf8(size_t multibyte, size_t bad) { return bad == 0 || (multibyte > 0 && bad * 20 < multibyte); }

// A declared charset the bytes plainly contradict is a mislabelled page:
// "UTF-8" over bytes that are mostly not UTF-8 (a windows-1251 page with a
// template's <meta charset="utf-8">), or a single-byte charset over bytes
// that are all well-formed UTF-8 with some multi-byte sequences (which no
// real ISO-8859-1 or windows-125x text is). Then the content decides.
bool Contradicted(const std::string& declared, std::string_view bytes) {
  if (declared.rfind("UTF-16", 0) == 0 || declared.rfind("UTF-32", 0) == 0) return false;
  size_t multibyte = 0, bad = 0;
  Utf8Stats(bytes.substr(0, std::min(bytes.size(), kDetectorSampleBytes)), &multibyte, &bad);
  if (declared == "UTF-8") return !LooksUtf8(multibyte, bad);
  const bool single_byte = declared.rfind("ISO-8859", 0) == 0 || declared.rfind("windows-125", 0) == 0 ||
                           declared == "KOI8-R" || declared == "KOI8-U" || declared == "US-ASCII";
  return single_byte && bad == 0 && multibyte >= 3;
}

}  // namespace

std::string DetectCharset(std::string_view bytes, std::string_view http_charset, bool is_html) {
  size_t bom_len = 0;
  if (std::string_view bom = BomCharset(bytes, &bom_len); !bom.empty()) return std::string(bom);
  if (!http_charset.empty()) {
    std::string canon = CanonicalCharset(http_charset);
    if (!canon.empty() && !Contradicted(canon, bytes)) return canon;
  }
  if (is_html) {
    std::string meta = PrescanMetaCharset(bytes);
    if (!meta.empty() && !Contradicted(meta, bytes)) return meta;
  }
  if (std::string_view u16 = Utf16ByNuls(bytes); !u16.empty()) return std::string(u16);
  size_t multibyte = 0, bad = 0;
  Utf8Stats(bytes, &multibyte, &bad);
  if (LooksUtf8(multibyte, bad)) return "UTF-8";
  std::string guess = IcuDetect(bytes, is_html);
  return guess.empty() ? "windows-1252" : guess;
}

namespace {

// Code points that NFC leaves alone whatever surrounds them: NFC_QC=Yes (the
// character alone is normalised) and a normalisation boundary before it (it
// neither reorders nor combines with what precedes). A string whose
// characters are all such is NFC. Computed with ICU, 64 code points at a
// time, on first use; racing threads compute the same bits.
class SureNfcTable {
 public:
  bool Sure(const icu::Normalizer2* nfc, UChar32 c) {
    if (c < 0x300) return true;
    const size_t block = static_cast<size_t>(c) >> 6;
    uint64_t bits;
    if (ready_[block].load(std::memory_order_acquire)) {
      bits = bits_[block].load(std::memory_order_relaxed);
    } else {
      bits = 0;
      const UChar32 first = static_cast<UChar32>(block << 6);
      for (UChar32 k = 0; k < 64; ++k) {
        const UChar32 cp = first + k;
        if (u_getIntPropertyValue(cp, UCHAR_NFC_QUICK_CHECK) == UNORM_YES && nfc->hasBoundaryBefore(cp))
          bits |= uint64_t{1} << k;
      }
      bits_[block].store(bits, std::memory_order_relaxed);
      ready_[block].store(true, std::memory_order_release);
    }
    return (bits >> (c & 63)) & 1;
  }

 private:
  static constexpr size_t kBlocks = 0x110000 >> 6;
  std::atomic<uint64_t> bits_[kBlocks] = {};
  std::atomic<bool> ready_[kBlocks] = {};
};

SureNfcTable& SureNfc() {
  static SureNfcTable* table = new SureNfcTable();  // never destroyed: usable during exit
  return *table;
}

// Length of the well-formed UTF-8 sequence starting with lead byte s[i]
// (>= 0x80), with its code point in *cp; 0 when it is malformed.
inline size_t DecodeUtf8(const unsigned char* s, size_t i, size_t n, UChar32* cp) {
  const unsigned c = s[i];
  if (c >= 0xC2 && c <= 0xDF) {
    if (i + 1 >= n || (s[i + 1] & 0xC0) != 0x80) return 0;
    *cp = static_cast<UChar32>(((c & 0x1F) << 6) | (s[i + 1] & 0x3F));
    return 2;
  }
  if (c >= 0xE0 && c <= 0xEF) {
    if (i + 2 >= n || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80) return 0;
    const unsigned c1 = s[i + 1];
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) return 0;
    *cp = static_cast<UChar32>(((c & 0x0F) << 12) | ((c1 & 0x3F) << 6) | (s[i + 2] & 0x3F));
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (i + 3 >= n || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80 || (s[i + 3] & 0xC0) != 0x80)
      return 0;
    const unsigned c1 = s[i + 1];
    if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) return 0;
    *cp = static_cast<UChar32>(((c & 0x07) << 18) | ((c1 & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) |
                               (s[i + 3] & 0x3F));
    return 4;
  }
  return 0;
}

// Skips ASCII bytes other than NUL from s[i]; returns the first other index
// (or n).
inline size_t SkipPlainAscii(const unsigned char* s, size_t i, size_t n) {
#if defined(__SSE2__)
  const __m128i zero = _mm_setzero_si128();
  while (i + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    const int mask = _mm_movemask_epi8(v) | _mm_movemask_epi8(_mm_cmpeq_epi8(v, zero));
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    i += 16;
  }
#else
  while (i + 8 <= n) {
    uint64_t w;
    std::memcpy(&w, s + i, 8);
    const uint64_t has_zero = (w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull;
    if ((w & 0x8080808080808080ull) | has_zero) break;
    i += 8;
  }
#endif
  while (i < n && s[i] != 0 && s[i] < 0x80) ++i;
  return i;
}

struct Utf8Scan {
  bool valid = true;
  bool nul = false;
  size_t first_unsure = std::string_view::npos;  // first code point not surely NFC
};

// One pass: well-formedness, NUL bytes, and whether every code point is
// surely NFC. Stops at the first malformed sequence.
Utf8Scan ScanUtf8(std::string_view bytes, const icu::Normalizer2* nfc) {
  Utf8Scan r;
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  SureNfcTable* sure = nfc != nullptr ? &SureNfc() : nullptr;
  size_t i = 0;
  while (true) {
    i = SkipPlainAscii(s, i, n);
    if (i >= n) break;
    if (s[i] == 0) {
      r.nul = true;
      ++i;
      continue;
    }
    UChar32 cp = 0;
    const size_t len = DecodeUtf8(s, i, n, &cp);
    if (len == 0) {
      r.valid = false;
      return r;
    }
    if (r.first_unsure == std::string_view::npos && sure != nullptr && !sure->Sure(nfc, cp)) r.first_unsure = i;
    i += len;
  }
  return r;
}

// Whether valid UTF-8 `s` without NUL bytes is NFC, asking ICU only about
// the stretches between ASCII characters (NFC boundaries) that hold a code
// point not surely NFC, from the one holding s[from] on.
bool IsNfcBySegments(std::string_view s, size_t from, const icu::Normalizer2* nfc) {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  SureNfcTable& sure = SureNfc();
  size_t i = from;
  while (true) {
    i = SkipPlainAscii(b, i, n);
    if (i >= n) return true;
    UChar32 cp = 0;
    const size_t len = DecodeUtf8(b, i, n, &cp);
    if (len == 0) return true;  // not reached: `s` is valid
    if (sure.Sure(nfc, cp)) {
      i += len;
      continue;
    }
    size_t start = i;
    while (start > 0 && b[start - 1] >= 0x80) --start;
    if (start > 0) --start;  // the ASCII character before may compose with what follows
    size_t end = i + len;
    while (end < n && b[end] >= 0x80) ++end;
    UErrorCode err = U_ZERO_ERROR;
    const bool ok = nfc->isNormalizedUTF8(icu::StringPiece(s.data() + start, static_cast<int32_t>(end - start)), err);
    if (U_FAILURE(err)) return true;  // as the whole-text check did: keep the text as it is
    if (!ok) return false;
    i = end;
  }
}

}  // namespace

std::string ToUtf8(std::string_view bytes, std::string_view charset) {
  std::string storage;
  const std::string_view out = ToUtf8View(bytes, charset, &storage);
  if (out.data() == storage.data() && out.size() == storage.size()) return storage;
  return std::string(out);
}

std::string_view ToUtf8View(std::string_view bytes, std::string_view charset, std::string* storage) {
  const icu::Normalizer2* nfc = Nfc();
  const bool utf8 = charset.empty() || EqualsNoCase(charset, "utf-8");
  if (utf8) {
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    const Utf8Scan scan = ScanUtf8(bytes, nfc);
    if (scan.valid) {
      std::string_view text = bytes;
      if (scan.nul) {
        storage->clear();
        storage->reserve(bytes.size());
        for (char c : bytes)
          if (c != 0) storage->push_back(c);
        text = *storage;
      }
      if (scan.first_unsure == std::string_view::npos || nfc == nullptr) return text;
      // Without NUL bytes the text has not moved: resume where the scan found
      // the first doubtful character. Removed NULs may join characters.
      if (IsNfcBySegments(text, scan.nul ? 0 : scan.first_unsure, nfc)) return text;
      std::string normalized;
      normalized.reserve(text.size());
      icu::StringByteSink<std::string> sink(&normalized);
      UErrorCode err = U_ZERO_ERROR;
      nfc->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink, nullptr, err);
      if (U_FAILURE(err)) return text;
      *storage = std::move(normalized);
      return *storage;
    }
  }
  icu::UnicodeString u = DecodeWithIcu(bytes, utf8 ? std::string_view("UTF-8") : charset);
  if (nfc != nullptr) {
    UErrorCode err = U_ZERO_ERROR;
    if (!nfc->isNormalized(u, err) && U_SUCCESS(err)) {
      icu::UnicodeString n = nfc->normalize(u, err);
      if (U_SUCCESS(err)) u = std::move(n);
    }
  }
  storage->clear();
  u.toUTF8String(*storage);
  return *storage;
}

}  // namespace attache::encoding
