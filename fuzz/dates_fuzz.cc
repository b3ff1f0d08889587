// Fuzzes the date parsers: text/timex.h (FindDates over the whole text and
// over each sentence, ResolveDate) and extract/dates.h (NormalizeDate,
// FindDateInText, for publication dates). The input's first line (at most
// 40 bytes) is the anchor, the rest the text; the extract stage's parsers
// see the whole input. Every value must be a real calendar date in the
// documented format.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "extract/dates.h"
#include "fuzz_util.h"
#include "text/tables.h"
#include "text/text.h"
#include "text/timex.h"

using attache_fuzz::Check;

namespace {

bool Digits(std::string_view s, size_t at, size_t n, int* v) {
  if (at + n > s.size()) return false;
  int x = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    x = x * 10 + (s[i] - '0');
  }
  *v = x;
  return true;
}

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = year < 0 || ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0);
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// "YYYY", "YYYY-MM", "YYYY-MM-DD" or "XXXX-MM-DD" (year < 0: unknown), as
// far as `len`; true when s[0, len) is one of them and a real date.
bool ValidDate(std::string_view s, size_t len, bool allow_unknown_year) {
  int y = 0, m = 0, d = 0;
  if (s.substr(0, 4) == "XXXX" && allow_unknown_year) y = -1;
  else if (!Digits(s, 0, 4, &y)) return false;
  if (len == 4) return y >= 0;
  if (s.size() < 7 || s[4] != '-' || !Digits(s, 5, 2, &m) || m < 1 || m > 12) return false;
  if (len == 7) return y >= 0;
  if (len != 10 || s.size() < 10 || s[7] != '-' || !Digits(s, 8, 2, &d)) return false;
  return d >= 1 && d <= DaysIn(y, m);
}

bool ValidTimexValue(std::string_view v) {
  if (v.empty()) return true;
  return (v.size() == 4 || v.size() == 7 || v.size() == 10) && ValidDate(v, v.size(), v.size() == 10);
}

// "YYYY-MM-DD[THH:MM[:SS]][Z|+HH:MM|-HH:MM]"
bool ValidIsoDate(std::string_view v) {
  if (v.size() < 10 || !ValidDate(v, 10, false)) return false;
  std::string_view rest = v.substr(10);
  if (!rest.empty() && rest[0] == 'T') {
    int h = 0, mi = 0, s = 0;
    if (!Digits(rest, 1, 2, &h) || h > 23 || rest.size() < 6 || rest[3] != ':' || !Digits(rest, 4, 2, &mi) ||
        mi > 59)
      return false;
    rest.remove_prefix(6);
    if (!rest.empty() && rest[0] == ':') {
      if (!Digits(rest, 1, 2, &s) || s > 60) return false;
      rest.remove_prefix(3);
    }
  }
  if (rest.empty() || rest == "Z") return true;
  int oh = 0, om = 0;
  return rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && Digits(rest, 1, 2, &oh) && oh <= 23 &&
         rest[3] == ':' && Digits(rest, 4, 2, &om) && om <= 59;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view in = attache_fuzz::AsView(data, size);
  const size_t nl = in.find('\n');
  std::string_view anchor, text = in;
  if (nl != std::string_view::npos && nl <= 40) {
    anchor = in.substr(0, nl);
    text = in.substr(nl + 1);
  }
  const auto& en = attache::text::TablesFor("en");
  const auto n = static_cast<uint32_t>(text.size());
  for (const auto& e : attache::text::FindDates(text, {0, n}, anchor, en)) {
    Check(e.begin < e.end && e.end <= n, "a date expression outside the text");
    Check(ValidTimexValue(e.value), "FindDates gave a value that is no date");
  }
  size_t sentences = 0;
  for (const auto& s : attache::text::SplitSentences(text, en)) {
    if (++sentences > 64) break;
    Check(s.begin <= s.end && s.end <= n, "a sentence outside the text");
    for (const auto& e : attache::text::FindDates(text, s, anchor, en)) {
      Check(e.begin >= s.begin && e.begin < e.end && e.end <= s.end, "a date expression outside its sentence");
      Check(ValidTimexValue(e.value), "FindDates gave a value that is no date (sentence)");
    }
  }
  Check(ValidTimexValue(attache::text::ResolveDate(text.substr(0, 200), anchor, en)),
        "ResolveDate gave a value that is no date");

  if (auto d = attache::extract::NormalizeDate(in)) Check(ValidIsoDate(*d), "NormalizeDate gave no ISO date");
  if (auto d = attache::extract::FindDateInText(in)) Check(ValidIsoDate(*d), "FindDateInText gave no ISO date");
  return 0;
}
