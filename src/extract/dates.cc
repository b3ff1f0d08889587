#include "extract/dates.h"

#include "core/civil_date.h"

#include <cstddef>
#include <cstdint>
#include <vector>

#include "extract/dates_parts.h"

namespace attache::extract {
namespace date_parts {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

bool ValidDate(int y, int m, int d) {
  return y >= kMinYear && y <= kMaxYear && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

bool ValidTime(int h, int mi, int s) {
  return h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= -1 && s <= 59;
}

void AppendTwo(int v, std::string* out) {
  out->push_back(static_cast<char>('0' + (v / 10) % 10));
  out->push_back(static_cast<char>('0' + v % 10));
}

std::string Format(const DateParts& p) {
  std::string out;
  AppendTwo(p.year / 100, &out);
  AppendTwo(p.year % 100, &out);
  out.push_back('-');
  AppendTwo(p.month, &out);
  out.push_back('-');
  AppendTwo(p.day, &out);
  if (p.hour >= 0 && p.minute >= 0) {
    out.push_back('T');
    AppendTwo(p.hour, &out);
    out.push_back(':');
    AppendTwo(p.minute, &out);
    if (p.second > 0) {
      out.push_back(':');
      AppendTwo(p.second, &out);
    }
    out += p.tz;
  }
  return out;
}

std::string OffsetString(int sign, int hours, int minutes) {
  if (hours == 0 && minutes == 0 && sign == 0) return "Z";
  std::string s(1, sign < 0 ? '-' : '+');
  AppendTwo(hours, &s);
  s.push_back(':');
  AppendTwo(minutes, &s);
  return s;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Reads exactly `n` digits at s[*pos].
bool ReadDigits(std::string_view s, std::size_t* pos, int n, int* value) {
  if (*pos + static_cast<std::size_t>(n) > s.size()) return false;
  int v = 0;
  for (int k = 0; k < n; ++k) {
    char c = s[*pos + k];
    if (!IsDigit(c)) return false;
    v = v * 10 + (c - '0');
  }
  *pos += n;
  *value = v;
  return true;
}

// Reads 1 or 2 digits (not followed by a third).
bool ReadOneOrTwo(std::string_view s, std::size_t* pos, int* value) {
  std::size_t p = *pos;
  if (p >= s.size() || !IsDigit(s[p])) return false;
  int v = s[p] - '0';
  ++p;
  if (p < s.size() && IsDigit(s[p])) {
    v = v * 10 + (s[p] - '0');
    ++p;
  }
  if (p < s.size() && IsDigit(s[p])) return false;
  *pos = p;
  *value = v;
  return true;
}

// "Z", "+HH:MM", "+HHMM", "+HH" at s[*pos] (after optional spaces); also
// " UTC"/" GMT". Leaves *pos unchanged when there is no offset.
void ReadIsoOffset(std::string_view s, std::size_t* pos, std::string* tz) {
  std::size_t p = *pos;
  if (p < s.size() && (s[p] == 'Z' || s[p] == 'z')) {
    if (p + 1 < s.size() && ((s[p + 1] | 0x20) >= 'a' && (s[p + 1] | 0x20) <= 'z')) return;
    *tz = "Z";
    *pos = p + 1;
    return;
  }
  while (p < s.size() && s[p] == ' ') ++p;
  if (p + 3 <= s.size()) {
    std::string_view w = s.substr(p, 3);
    if (w == "UTC" || w == "GMT" || w == "utc" || w == "gmt") {
      std::size_t q = p + 3;
      if (q >= s.size() || !(s[q] == '+' || s[q] == '-')) {
        if (q < s.size() && ((s[q] | 0x20) >= 'a' && (s[q] | 0x20) <= 'z')) return;
        *tz = "Z";
        *pos = q;
        return;
      }
      p = q;
    }
  }
  if (p < s.size() && (s[p] == '+' || s[p] == '-')) {
    int sign = s[p] == '-' ? -1 : 1;
    std::size_t q = p + 1;
    int hh = 0, mm = 0;
    if (!ReadDigits(s, &q, 2, &hh)) return;
    if (q < s.size() && s[q] == ':') {
      std::size_t r = q + 1;
      if (!ReadDigits(s, &r, 2, &mm)) return;
      q = r;
    } else {
      std::size_t r = q;
      if (ReadDigits(s, &r, 2, &mm)) q = r;
    }
    if (q < s.size() && IsDigit(s[q])) return;
    if (hh > 14 || mm > 59) return;
    *tz = OffsetString(sign, hh, mm);
    *pos = q;
  }
}

// ISO-like "YYYY-MM-DD[( |T)HH:MM[:SS[.fff]][offset]]" (also with / or .
// between the date parts, same separator twice) starting at s[pos].
bool ParseIsoAt(std::string_view s, std::size_t pos, DateParts* out, std::size_t* end) {
  std::size_t p = pos;
  DateParts d;
  if (!ReadDigits(s, &p, 4, &d.year)) return false;
  if (p >= s.size()) return false;
  char sep = s[p];
  if (sep != '-' && sep != '/' && sep != '.') return false;
  ++p;
  if (!ReadOneOrTwo(s, &p, &d.month)) return false;
  if (p >= s.size() || s[p] != sep) return false;
  ++p;
  if (!ReadOneOrTwo(s, &p, &d.day)) return false;
  if (!ValidDate(d.year, d.month, d.day)) return false;
  // Time part.
  std::size_t q = p;
  if (q < s.size() && (s[q] == 'T' || s[q] == 't' || s[q] == ' ')) {
    ++q;
    while (q < s.size() && s[q] == ' ') ++q;
    int h = 0, mi = 0, sec = -1;
    if (ReadOneOrTwo(s, &q, &h) && q < s.size() && s[q] == ':' && (++q, ReadDigits(s, &q, 2, &mi))) {
      if (q < s.size() && s[q] == ':') {
        std::size_t r = q + 1;
        if (ReadDigits(s, &r, 2, &sec)) {
          q = r;
          if (q < s.size() && (s[q] == '.' || s[q] == ',')) {
            std::size_t r2 = q + 1;
            while (r2 < s.size() && r2 - q <= 10 && IsDigit(s[r2])) ++r2;
            if (r2 > q + 1) q = r2;
          }
        }
      }
      if (ValidTime(h, mi, sec)) {
        d.hour = h;
        d.minute = mi;
        d.second = sec;
        ReadIsoOffset(s, &q, &d.tz);
        p = q;
      }
    }
  }
  *out = d;
  *end = p;
  return true;
}

void CivilFromDays(int64_t z, int* y, int* m, int* d) {
  const civil::YearMonthDay c = civil::CivilFromDays(z);
  *y = static_cast<int>(c.year);
  *m = c.month;
  *d = c.day;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace date_parts

using namespace date_parts;  // NOLINT: this reader's own parts

std::optional<std::string> NormalizeDate(std::string_view value) {
  std::string_view s = Trim(value);
  if (s.empty()) return std::nullopt;
  if (s.size() > kMaxTextBytes) s = s.substr(0, kMaxTextBytes);
  DateParts d;
  std::size_t end = 0;
  if (ParseIsoAt(s, 0, &d, &end)) return Format(d);
  // Basic ISO "20230227" or "20230227T165500Z".
  if (s.size() >= 8) {
    bool all = true;
    for (std::size_t k = 0; k < 8; ++k) all = all && IsDigit(s[k]);
    if (all && (s.size() == 8 || s[8] == 'T')) {
      d.year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
      d.month = (s[4] - '0') * 10 + (s[5] - '0');
      d.day = (s[6] - '0') * 10 + (s[7] - '0');
      if (ValidDate(d.year, d.month, d.day)) {
        std::size_t p = 9;
        int h = 0, mi = 0, sec = -1;
        if (s.size() > 8 && ReadDigits(s, &p, 2, &h) && ReadDigits(s, &p, 2, &mi)) {
          std::size_t r = p;
          if (ReadDigits(s, &r, 2, &sec)) p = r;
          if (ValidTime(h, mi, sec)) {
            d.hour = h;
            d.minute = mi;
            d.second = sec;
            ReadIsoOffset(s, &p, &d.tz);
          }
        }
        return Format(d);
      }
    }
  }
  // Unix time in seconds (10 digits) or milliseconds (13 digits).
  if ((s.size() == 10 || s.size() == 13)) {
    bool all = true;
    int64_t v = 0;
    for (char c : s) {
      all = all && IsDigit(c);
      if (all) v = v * 10 + (c - '0');
    }
    if (all) {
      if (s.size() == 13) v /= 1000;
      int64_t days = v / 86400, rem = v % 86400;
      CivilFromDays(days, &d.year, &d.month, &d.day);
      if (ValidDate(d.year, d.month, d.day)) {
        d.hour = static_cast<int>(rem / 3600);
        d.minute = static_cast<int>(rem / 60 % 60);
        d.second = static_cast<int>(rem % 60);
        d.tz = "Z";
        return Format(d);
      }
    }
  }
  return FindDateInText(s);
}

}  // namespace attache::extract
