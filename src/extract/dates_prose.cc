// Dates in human-readable text ("Posted February 27, 2023 at 4:55 pm",
// "27.02.2023 16:55", "27 февраля 2023"): tokens, then day-month-year
// patterns with a clock time before or after.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/dates.h"
#include "extract/dates_parts.h"

namespace attache::extract {

using namespace date_parts;  // NOLINT: the shared parts of date reading

namespace {

// ---- Token-based reading of prose dates ----

enum class TokKind : uint8_t { kNum, kWord, kPunct };

struct Token {
  TokKind kind;
  uint32_t begin, len;  // byte range in the input
  int value;            // kNum: the number (len <= 9); kPunct: code point
  std::string word;     // kWord: lower-cased
};

// Decodes one UTF-8 sequence; returns its length (>= 1) and the code point,
// or U+FFFD for a malformed byte.
std::size_t DecodeUtf8(std::string_view s, std::size_t i, uint32_t* cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) { *cp = c; return 1; }
  std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (n == 0 || c >= 0xF8 || i + n > s.size()) { *cp = 0xFFFD; return 1; }
  uint32_t v = c & (0x3F >> (n - 1));
  for (std::size_t k = 1; k < n; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) { *cp = 0xFFFD; return 1; }
    v = (v << 6) | (cc & 0x3F);
  }
  // Overlong forms, surrogates and out-of-range values are malformed.
  static constexpr uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (v < kMin[n] || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF) { *cp = 0xFFFD; return 1; }
  *cp = v;
  return n;
}

bool IsLetterCp(uint32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  if (cp == 0xD7 || cp == 0xF7) return false;
  return (cp >= 0xC0 && cp < 0x2000);  // Latin, Greek, Cyrillic and kin
}

bool IsSpaceCp(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000 || cp == 0xFEFF;
}

void AppendLowerCp(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    char c = static_cast<char>(cp);
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    out->push_back(c);
    return;
  }
  if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x410 && cp <= 0x42F)) cp += 0x20;
  else if (cp >= 0x400 && cp <= 0x40F) cp += 0x50;
  if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> toks;
  std::size_t i = 0;
  while (i < s.size()) {
    uint32_t cp = 0;
    std::size_t n = DecodeUtf8(s, i, &cp);
    if (IsSpaceCp(cp)) { i += n; continue; }
    if (IsDigit(s[i])) {
      std::size_t j = i;
      int v = 0;
      while (j < s.size() && IsDigit(s[j])) {
        if (j - i < 9) v = v * 10 + (s[j] - '0');
        ++j;
      }
      toks.push_back({TokKind::kNum, static_cast<uint32_t>(i), static_cast<uint32_t>(j - i), v, {}});
      i = j;
      continue;
    }
    if (IsLetterCp(cp)) {
      Token t{TokKind::kWord, static_cast<uint32_t>(i), 0, 0, {}};
      std::size_t j = i;
      while (j < s.size()) {
        uint32_t c2 = 0;
        std::size_t m = DecodeUtf8(s, j, &c2);
        if (!IsLetterCp(c2)) break;
        if (t.word.size() < 32) AppendLowerCp(c2, &t.word);
        j += m;
      }
      t.len = static_cast<uint32_t>(j - i);
      toks.push_back(std::move(t));
      i = j;
      continue;
    }
    toks.push_back({TokKind::kPunct, static_cast<uint32_t>(i), static_cast<uint32_t>(n), static_cast<int>(cp), {}});
    i += n;
  }
  return toks;
}

struct MonthName { std::string_view name; int month; };

// English, German, French, Spanish, Italian, Portuguese, Dutch and Russian
// month names and common abbreviations (lower case).
constexpr MonthName kMonths[] = {
    {"january", 1}, {"jan", 1}, {"february", 2}, {"feb", 2}, {"march", 3}, {"mar", 3},
    {"april", 4}, {"apr", 4}, {"may", 5}, {"june", 6}, {"jun", 6}, {"july", 7}, {"jul", 7},
    {"august", 8}, {"aug", 8}, {"september", 9}, {"sept", 9}, {"sep", 9}, {"october", 10},
    {"oct", 10}, {"november", 11}, {"nov", 11}, {"december", 12}, {"dec", 12},
    {"januar", 1}, {"jänner", 1}, {"februar", 2}, {"märz", 3}, {"mai", 5}, {"juni", 6},
    {"juli", 7}, {"oktober", 10}, {"okt", 10}, {"dezember", 12}, {"dez", 12},
    {"janvier", 1}, {"février", 2}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"juin", 6},
    {"juillet", 7}, {"août", 8}, {"aout", 8}, {"septembre", 9}, {"octobre", 10},
    {"novembre", 11}, {"décembre", 12}, {"decembre", 12},
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6},
    {"julio", 7}, {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},
    {"noviembre", 11}, {"diciembre", 12},
    {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6},
    {"luglio", 7}, {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12},
    {"janeiro", 1}, {"fevereiro", 2}, {"março", 3}, {"maio", 5}, {"junho", 6}, {"julho", 7},
    {"setembro", 9}, {"outubro", 10}, {"novembro", 11}, {"dezembro", 12},
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"augustus", 8}, {"december", 12},
    {"января", 1}, {"февраля", 2}, {"марта", 3}, {"апреля", 4}, {"мая", 5}, {"июня", 6},
    {"июля", 7}, {"августа", 8}, {"сентября", 9}, {"октября", 10}, {"ноября", 11},
    {"декабря", 12}, {"январь", 1}, {"февраль", 2}, {"март", 3}, {"апрель", 4}, {"май", 5},
    {"июнь", 6}, {"июль", 7}, {"август", 8}, {"сентябрь", 9}, {"октябрь", 10},
    {"ноябрь", 11}, {"декабрь", 12},
};

int MonthOf(const Token& t) { return t.kind == TokKind::kWord ? MonthNumber(t.word) : 0; }

bool IsPunct(const std::vector<Token>& t, std::size_t i, uint32_t cp) {
  return i < t.size() && t[i].kind == TokKind::kPunct && static_cast<uint32_t>(t[i].value) == cp;
}
bool IsWord(const std::vector<Token>& t, std::size_t i, std::string_view w) {
  return i < t.size() && t[i].kind == TokKind::kWord && t[i].word == w;
}
bool IsNum(const std::vector<Token>& t, std::size_t i, uint32_t min_len, uint32_t max_len) {
  return i < t.size() && t[i].kind == TokKind::kNum && t[i].len >= min_len && t[i].len <= max_len;
}

// Skips an ordinal suffix ("27th") and the filler words some languages put
// between day, month and year.
std::size_t SkipFiller(const std::vector<Token>& t, std::size_t i) {
  for (int k = 0; k < 3 && i < t.size(); ++k) {
    if (t[i].kind == TokKind::kWord &&
        (t[i].word == "st" || t[i].word == "nd" || t[i].word == "rd" || t[i].word == "th" ||
         t[i].word == "of" || t[i].word == "de" || t[i].word == "del" || t[i].word == "г")) {
      ++i;
    } else if (t[i].kind == TokKind::kPunct && (t[i].value == '.' || t[i].value == ',')) {
      ++i;
    } else {
      break;
    }
  }
  return i;
}

// A date starting at token i; on success sets *end to the token after it.
bool DateAt(const std::vector<Token>& t, std::size_t i, DateParts* d, std::size_t* end) {
  // Day Month Year: "27 February 2023", "27. Februar 2023", "27 de febrero de 2023".
  if (IsNum(t, i, 1, 2)) {
    std::size_t j = SkipFiller(t, i + 1);
    int m = j < t.size() ? MonthOf(t[j]) : 0;
    if (m) {
      std::size_t k = SkipFiller(t, j + 1);
      if (IsNum(t, k, 4, 4) && ValidDate(t[k].value, m, t[i].value)) {
        d->year = t[k].value;
        d->month = m;
        d->day = t[i].value;
        *end = k + 1;
        if (IsWord(t, *end, "г") || IsWord(t, *end, "года")) ++*end;
        return true;
      }
    }
    // Numeric D.M.YYYY, D/M/YYYY, D-M-YYYY.
    if (i + 4 < t.size() && t[i + 1].kind == TokKind::kPunct &&
        (t[i + 1].value == '.' || t[i + 1].value == '/' || t[i + 1].value == '-') &&
        IsNum(t, i + 2, 1, 2) && IsPunct(t, i + 3, static_cast<uint32_t>(t[i + 1].value)) &&
        IsNum(t, i + 4, 4, 4) && t[i + 1].begin + 1 == t[i + 2].begin &&
        t[i + 3].begin + 1 == t[i + 4].begin && t[i].begin + t[i].len == t[i + 1].begin) {
      int a = t[i].value, b = t[i + 2].value, y = t[i + 4].value;
      int day = a, month = b;
      if (t[i + 1].value == '/') {
        // Slashes: day-first and month-first are both common. Take the
        // reading that is the only valid one; refuse when both are and differ.
        bool dm = ValidDate(y, b, a), md = ValidDate(y, a, b);
        if (md && !dm) { day = b; month = a; }
        else if (dm && md && a != b) return false;
      }
      if (ValidDate(y, month, day)) {
        d->year = y;
        d->month = month;
        d->day = day;
        *end = i + 5;
        return true;
      }
    }
  }
  // D.M.YY written tight, as in datelines ("Baku/19.04.21/Turan",
  // "15.04.24 14:07"): two-digit years below 70 are of this century. Not
  // when a fourth number follows ("1.10.12.4" is a version).
  if (IsNum(t, i, 1, 2) && IsPunct(t, i + 1, '.') && IsNum(t, i + 2, 2, 2) && IsPunct(t, i + 3, '.') &&
      IsNum(t, i + 4, 2, 2) && t[i + 4].begin + t[i + 4].len - t[i].begin == t[i].len + 6 &&
      !(IsPunct(t, i + 5, '.') && IsNum(t, i + 6, 1, 4) && t[i + 6].begin == t[i + 5].begin + 1)) {
    const int yy = t[i + 4].value;
    const int y = yy < 70 ? 2000 + yy : 1900 + yy;
    if (ValidDate(y, t[i + 2].value, t[i].value)) {
      d->year = y;
      d->month = t[i + 2].value;
      d->day = t[i].value;
      *end = i + 5;
      return true;
    }
  }
  // Month Day, Year: "February 27, 2023", "Feb. 27th, 2023".
  if (int m = i < t.size() ? MonthOf(t[i]) : 0) {
    std::size_t j = i + 1;
    if (IsPunct(t, j, '.')) ++j;
    if (IsNum(t, j, 1, 2)) {
      std::size_t k = SkipFiller(t, j + 1);
      if (IsNum(t, k, 4, 4) && ValidDate(t[k].value, m, t[j].value)) {
        d->year = t[k].value;
        d->month = m;
        d->day = t[j].value;
        *end = k + 1;
        return true;
      }
    }
  }
  // CJK: 2023年2月27日.
  if (IsNum(t, i, 4, 4) && IsPunct(t, i + 1, 0x5E74) && IsNum(t, i + 2, 1, 2) &&
      IsPunct(t, i + 3, 0x6708) && IsNum(t, i + 4, 1, 2) &&
      ValidDate(t[i].value, t[i + 2].value, t[i + 4].value)) {
    d->year = t[i].value;
    d->month = t[i + 2].value;
    d->day = t[i + 4].value;
    *end = i + 5;
    if (IsPunct(t, *end, 0x65E5)) ++*end;
    return true;
  }
  return false;
}

struct ZoneName { const char* name; int minutes; };
constexpr ZoneName kZones[] = {
    {"utc", 0}, {"gmt", 0}, {"z", 0}, {"est", -300}, {"edt", -240}, {"cst", -360},
    {"cdt", -300}, {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420},
    {"bst", 60}, {"cet", 60}, {"cest", 120}, {"eet", 120}, {"eest", 180}, {"msk", 180},
    {"aest", 600}, {"aedt", 660}, {"jst", 540}, {"hkt", 480}, {"sgt", 480},
};

// A time "H:MM[:SS] [am|pm|a.m.|p.m.] [zone]" at token i.
bool TimeAt(const std::vector<Token>& t, std::size_t i, DateParts* d, std::size_t* end) {
  // "16:55", and the French "16h55" (number, word "h", number).
  if (!(IsNum(t, i, 1, 2) && (IsPunct(t, i + 1, ':') || IsWord(t, i + 1, "h")) &&
        IsNum(t, i + 2, 2, 2))) {
    return false;
  }
  int h = t[i].value, mi = t[i + 2].value, s = -1;
  std::size_t j = i + 3;
  if (IsPunct(t, j, ':') && IsNum(t, j + 1, 2, 2)) {
    s = t[j + 1].value;
    j += 2;
  }
  // am / pm.
  int ampm = 0;
  if (IsWord(t, j, "am") || IsWord(t, j, "pm")) {
    ampm = t[j].word[0] == 'a' ? 1 : 2;
    ++j;
    if (IsPunct(t, j, '.')) ++j;
  } else if ((IsWord(t, j, "a") || IsWord(t, j, "p")) && IsPunct(t, j + 1, '.') &&
             IsWord(t, j + 2, "m")) {
    ampm = t[j].word[0] == 'a' ? 1 : 2;
    j += 3;
    if (IsPunct(t, j, '.')) ++j;
  }
  if (ampm) {
    if (h < 1 || h > 12) return false;
    if (ampm == 1 && h == 12) h = 0;
    if (ampm == 2 && h < 12) h += 12;
  }
  if (!ValidTime(h, mi, s)) return false;
  d->hour = h;
  d->minute = mi;
  d->second = s;
  d->tz.clear();
  // Zone.
  if (j < t.size() && t[j].kind == TokKind::kWord) {
    for (const ZoneName& z : kZones) {
      if (t[j].word == z.name) {
        int mins = z.minutes;
        ++j;
        // "GMT+3", "UTC+04:00".
        if (mins == 0 && (IsPunct(t, j, '+') || IsPunct(t, j, '-')) && IsNum(t, j + 1, 1, 4)) {
          int sign = t[j].value == '-' ? -1 : 1;
          int hh = t[j + 1].len <= 2 ? t[j + 1].value : t[j + 1].value / 100;
          int mm = t[j + 1].len <= 2 ? 0 : t[j + 1].value % 100;
          j += 2;
          if (t[j - 1].len <= 2 && IsPunct(t, j, ':') && IsNum(t, j + 1, 2, 2)) {
            mm = t[j + 1].value;
            j += 2;
          }
          if (hh <= 14 && mm <= 59) d->tz = OffsetString(sign, hh, mm);
        } else {
          int a = mins < 0 ? -mins : mins;
          d->tz = OffsetString(mins < 0 ? -1 : (mins > 0 ? 1 : 0), a / 60, a % 60);
        }
        break;
      }
    }
  } else if ((IsPunct(t, j, '+') || IsPunct(t, j, '-')) && IsNum(t, j + 1, 4, 4) &&
             t[j].begin + 1 == t[j + 1].begin) {
    int v = t[j + 1].value;
    if (v / 100 <= 14 && v % 100 <= 59) d->tz = OffsetString(t[j].value == '-' ? -1 : 1, v / 100, v % 100);
    j += 2;
  }
  *end = j;
  return true;
}

bool IsTimeFiller(const Token& t) {
  if (t.kind == TokKind::kPunct) return true;
  static constexpr const char* kWords[] = {
      "at", "um", "à", "a", "las", "в", "alle", "om", "às", "kl", "o", "le", "et", "pt", "ct",
      "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday",
      "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (const char* w : kWords) {
    if (t.word == w) return true;
  }
  return false;
}

// Days since 1970-01-01 to a civil date (proleptic Gregorian).

}  // namespace

int date_parts::MonthNumber(std::string_view lower) {
  // (Asked of every word page text's date reader meets: a hash lookup, not
  // a scan of the table.)
  static const std::unordered_map<std::string_view, int> kByName = [] {
    std::unordered_map<std::string_view, int> m;
    for (const MonthName& n : kMonths) m.emplace(n.name, n.month);
    return m;
  }();
  const auto it = kByName.find(lower);
  return it == kByName.end() ? 0 : it->second;
}

std::optional<std::string> FindDateInText(std::string_view text) {
  if (text.size() > kMaxTextBytes) text = text.substr(0, kMaxTextBytes);
  // ISO-like dates embedded in text.
  std::vector<Token> t = Tokenize(text);
  for (std::size_t i = 0; i < t.size(); ++i) {
    DateParts d;
    std::size_t end = i;
    if (IsNum(t, i, 4, 4)) {
      std::size_t byte_end = 0;
      if (ParseIsoAt(text, t[i].begin, &d, &byte_end)) {
        if (byte_end < text.size() && IsDigit(text[byte_end])) continue;
        if (d.hour < 0) {
          // "2023-02-27 16:55" is handled by ParseIsoAt; "2023-02-27, 4:55 pm" here.
          std::size_t k = i + 1;
          while (k < t.size() && t[k].begin < byte_end) ++k;
          for (std::size_t w = k; w < t.size() && w < k + 3; ++w) {
            std::size_t tend = 0;
            if (TimeAt(t, w, &d, &tend)) break;
            if (!IsTimeFiller(t[w])) break;
          }
        }
        return Format(d);
      }
    }
    if (!DateAt(t, i, &d, &end)) continue;
    // A time shortly after the date, or else shortly before it.
    bool found = false;
    for (std::size_t w = end; w < t.size() && w < end + 4; ++w) {
      std::size_t tend = 0;
      if (TimeAt(t, w, &d, &tend)) { found = true; break; }
      if (!IsTimeFiller(t[w])) break;
    }
    if (!found && i > 0) {
      for (std::size_t back = 1; back <= 8 && back <= i; ++back) {
        std::size_t w = i - back;
        std::size_t tend = 0;
        DateParts tp = d;
        if (TimeAt(t, w, &tp, &tend)) {
          // Only the filler tokens may lie between the time and the date.
          bool ok = tend <= i;
          for (std::size_t k = tend; ok && k < i; ++k) ok = IsTimeFiller(t[k]);
          if (ok) d = tp;
          break;
        }
      }
    }
    return Format(d);
  }
  return std::nullopt;
}

}  // namespace attache::extract
