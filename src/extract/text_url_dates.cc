// Dates in a page's address: /2023/04/01/, /20231209/, -2023-12-09-,
// ?date=2023-12-09 and the other layouts of UrlDate.
#include <algorithm>

#include "extract/text_dates.h"
#include "extract/text_dates_parts.h"

namespace attache::extract::text {
namespace dparts {
namespace {

// Where an address's path begins (after "scheme://") and where its query or
// fragment begins (url.size() when it has none).
size_t PathStart(std::string_view url) {
  const size_t i = url.find("://");
  return i == std::string_view::npos ? 0 : i + 3;
}

}  // namespace

size_t QueryStart(std::string_view url) { return std::min(url.find_first_of("?#", PathStart(url)), url.size()); }

// The segments of an address's path, the host first ("a.example/2031/08/x"
// -> a.example, 2031, 08, x); the query and fragment left out.
std::vector<std::string_view> PathSegments(std::string_view url) {
  size_t i = PathStart(url);
  const size_t q = QueryStart(url);
  std::vector<std::string_view> seg;
  for (std::string_view path = url.substr(0, q); i < path.size();) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    seg.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  return seg;
}

// The year and month of an address that gives no day ("/2031/08/slug").
std::pair<int, int> UrlYearMonth(std::string_view url) {
  const std::vector<std::string_view> seg = PathSegments(url);
  const auto digits = AllDigits;
  for (size_t k = 1; k + 1 < seg.size(); ++k) {
    if (seg[k].size() != 4 || !digits(seg[k]) || !digits(seg[k + 1]) || seg[k + 1].size() > 2) continue;
    const int y = ToInt(seg[k]), m = ToInt(seg[k + 1]);
    if (y >= 1990 && y <= 2100 && m >= 1 && m <= 12) return {y, m};
  }
  return {0, 0};
}


}  // namespace dparts

using namespace dparts;

std::optional<std::string> UrlDate(std::string_view url) {
  const auto digits = AllDigits;
  auto iso = [](int y, int m, int d) -> std::optional<std::string> {
    if (!ValidDate(y, m, d) || y < 1990) return std::nullopt;
    return Iso(y, m, d);
  };
  const std::vector<std::string_view> seg = PathSegments(url);
  const size_t q = QueryStart(url);
  // Path segments: /2023/04/01/, /2023/feb/21/, /2018/03-29/, /2023/0818/,
  // /2008-07/09/, and a year a section or two before its month and day
  // (/2010/world/europe/10/12/).
  for (size_t k = 1; k < seg.size(); ++k) {
    std::string_view s = seg[k];
    if (!(digits(s) && s.size() == 4) && !(s.size() == 7 && s[4] == '-' && digits(s.substr(0, 4)))) continue;
    const int y = ToInt(s.substr(0, 4));
    if (s.size() == 7 && k + 1 < seg.size() && digits(seg[k + 1]) && seg[k + 1].size() <= 2 && digits(s.substr(5))) {
      if (auto v = iso(y, ToInt(s.substr(5)), ToInt(seg[k + 1]))) return v;
    }
    if (s.size() != 4 || k + 1 >= seg.size()) continue;
    std::string_view a = seg[k + 1];
    if (digits(a) && a.size() == 4) {
      if (auto v = iso(y, ToInt(a.substr(0, 2)), ToInt(a.substr(2, 2)))) return v;
    } else if (a.size() == 5 && a[2] == '-' && digits(a.substr(0, 2)) && digits(a.substr(3))) {
      if (auto v = iso(y, ToInt(a.substr(0, 2)), ToInt(a.substr(3, 2)))) return v;
    }
    for (size_t skip = 0; skip <= 2 && k + skip + 2 < seg.size(); ++skip) {
      std::string_view ms = seg[k + 1 + skip], ds = seg[k + 2 + skip];
      if (skip > 0 && digits(seg[k + skip])) break;  // a number between is no section
      const int m = digits(ms) && ms.size() <= 2 ? ToInt(ms) : (skip == 0 ? MonthOf(ms) : 0);
      if (m && digits(ds) && ds.size() <= 2) {
        if (auto v = iso(y, m, ToInt(ds))) return v;
      }
    }
  }
  // Digits inside a segment: "2023-04-10" and "2023-04-10-slug" (or with
  // "_" or "." between), a day first "10-04-2023", or a run of 8
  // ("20241111") or of 14 and more (a timestamp "20100610162839000").
  for (size_t k = 1; k < seg.size(); ++k) {
    std::string_view s = seg[k];
    const auto sep = [&](size_t i) { return i < s.size() && (s[i] == '-' || s[i] == '_' || s[i] == '.'); };
    const auto two = [&](size_t i) { return i + 2 <= s.size() && digits(s.substr(i, 2)); };
    const auto ends = [&](size_t i) { return i == s.size() || !(s[i] >= '0' && s[i] <= '9'); };
    for (size_t b = 0; b < s.size();) {
      if (!(s[b] >= '0' && s[b] <= '9') || (b > 0 && s[b - 1] >= '0' && s[b - 1] <= '9')) {
        ++b;
        continue;
      }
      size_t e = b;
      while (e < s.size() && s[e] >= '0' && s[e] <= '9') ++e;
      std::string_view run = s.substr(b, e - b);
      if (run.size() == 4 && sep(e) && two(e + 1) && s[e + 3] == s[e] && two(e + 4) && ends(e + 6)) {
        if (auto v = iso(ToInt(run), ToInt(s.substr(e + 1, 2)), ToInt(s.substr(e + 4, 2)))) return v;
      }
      if (run.size() == 2 && sep(e) && two(e + 1) && s[e + 3] == s[e] && e + 8 <= s.size() &&
          digits(s.substr(e + 4, 4)) && ends(e + 8)) {
        if (auto v = iso(ToInt(s.substr(e + 4, 4)), ToInt(s.substr(e + 1, 2)), ToInt(run))) return v;
      }
      if (run.size() == 8 || run.size() >= 14) {
        if (auto v = iso(ToInt(run.substr(0, 4)), ToInt(run.substr(4, 2)), ToInt(run.substr(6, 2)))) return v;
      }
      // A year and month, then the day as the next segment: /202112/09/.
      if (run.size() == 6 && e == s.size() && b == 0 && k + 1 < seg.size() && seg[k + 1].size() <= 2 &&
          digits(seg[k + 1])) {
        if (auto v = iso(ToInt(run.substr(0, 4)), ToInt(run.substr(4, 2)), ToInt(seg[k + 1]))) return v;
      }
      b = e;
    }
  }
  // Query fields: ?yyyy=2021&mm=06&dd=03, ?year=2021&month=6&day=3.
  int y = 0, m = 0, d = 0;
  for (std::string_view rest = url.substr(q); !rest.empty();) {
    rest.remove_prefix(1);
    const size_t amp = std::min(rest.find('&'), rest.size());
    std::string_view kv = rest.substr(0, amp);
    rest = rest.substr(amp);
    const size_t eq = kv.find('=');
    if (eq == std::string_view::npos) continue;
    // A field whose value is an ISO date: ?date=2021-06-03.
    if (const std::string_view val = kv.substr(eq + 1); val.size() == 10 && val[4] == '-' && val[7] == '-' &&
                                                         digits(val.substr(0, 4)) && digits(val.substr(5, 2)) &&
                                                         digits(val.substr(8, 2))) {
      if (auto v = iso(ToInt(val.substr(0, 4)), ToInt(val.substr(5, 2)), ToInt(val.substr(8, 2)))) return v;
    }
    if (!digits(kv.substr(eq + 1)) || kv.size() - eq - 1 > 4) continue;
    const std::string key = Fold(kv.substr(0, eq));
    const int v = ToInt(kv.substr(eq + 1));
    if (key == "yyyy" || key == "year") y = v;
    if (key == "mm" || key == "month") m = v;
    if (key == "dd" || key == "day") d = v;
  }
  return iso(y, m, d);
}

}  // namespace attache::extract::text
