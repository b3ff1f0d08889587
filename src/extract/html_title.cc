// Headlines against site names.
#include "extract/html_title.h"

#include <algorithm>

namespace attache::extract::meta {

// Splits "Headline | Site" at the last site separator; empty tail if none.
Split SplitLastSeparator(std::string_view title, bool allow_dash) {
  static constexpr std::string_view kStrong[] = {" | ", " :: ", " \xC2\xB7 ", " \xE2\x80\xA2 ", " \xC2\xAB ", " \xC2\xBB "};
  static constexpr std::string_view kDash[] = {" - ", " \xE2\x80\x94 ", " \xE2\x80\x93 "};
  std::size_t best = std::string_view::npos, best_len = 0;
  auto consider = [&](std::string_view sep) {
    std::size_t p = title.rfind(sep);
    if (p != std::string_view::npos && (best == std::string_view::npos || p > best)) {
      best = p;
      best_len = sep.size();
    }
  };
  for (std::string_view s : kStrong) consider(s);
  if (allow_dash) {
    for (std::string_view s : kDash) consider(s);
  }
  if (best == std::string_view::npos) return {title, {}};
  return {title.substr(0, best), title.substr(best + best_len)};
}

// Splits at the first separator ("Site | Headline").
Split SplitFirstSeparator(std::string_view title) {
  static constexpr std::string_view kSeps[] = {" | ", " :: ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 "};
  std::size_t best = std::string_view::npos, best_len = 0;
  for (std::string_view sep : kSeps) {
    std::size_t p = title.find(sep);
    if (p != std::string_view::npos && p < best) {
      best = p;
      best_len = sep.size();
    }
  }
  if (best == std::string_view::npos) return {title, {}};
  return {title.substr(0, best), title.substr(best + best_len)};
}

bool MatchesSite(std::string_view part, std::string_view site) {
  if (site.empty() || part.empty()) return false;
  if (SameWords(part, site)) return true;
  // "Example News" vs "example.com", "The Example" vs "Example".
  std::vector<std::string> a = Words(part), b = Words(site);
  if (a.empty() || b.empty()) return false;
  {
    std::string ja, jb;
    for (const auto& w : a) ja += w;
    for (const auto& w : b) jb += w;
    if (ja == jb) return true;
  }
  auto strip = [](std::vector<std::string>* w) {
    if (!w->empty() && (*w)[0] == "the") w->erase(w->begin());
    while (!w->empty() && (w->back() == "com" || w->back() == "org" || w->back() == "net" || w->back() == "co" ||
                           w->back() == "uk" || w->back() == "www")) {
      w->pop_back();
    }
    if (!w->empty() && (*w)[0] == "www") w->erase(w->begin());
  };
  strip(&a);
  strip(&b);
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  std::string ja, jb;
  for (const auto& w : a) ja += w;
  for (const auto& w : b) jb += w;
  return ja == jb;
}

// A title part that reads like a site's name rather than part of a headline.
bool LooksLikeSiteName(std::string_view tail, std::string_view head, bool dash) {
  std::size_t tw = CountWords(tail), hw = CountWords(head);
  if (tw == 0 || tw > 5 || tail.size() > 50 || hw < 2 || hw < tw) return false;
  if (tail.back() == '?' || tail.back() == '!') return false;
  if (dash) {
    // After a dash, only capitalised words or a domain.
    if (tail.find('.') != std::string_view::npos && tail.find(' ') == std::string_view::npos) return true;
    std::size_t i = 0;
    while (i < tail.size()) {
      std::size_t j = tail.find(' ', i);
      if (j == std::string_view::npos) j = tail.size();
      std::string_view w = tail.substr(i, j - i);
      if (!w.empty()) {
        unsigned char c = static_cast<unsigned char>(w[0]);
        if (std::islower(c)) return false;
      }
      i = j + 1;
    }
    return tw <= 4;
  }
  return true;
}

// Removes a " | Site" suffix (or "Site | " prefix) when it names `site`.
std::string StripKnownSite(std::string_view title, std::string_view site) {
  if (site.empty()) return std::string(title);
  Split last = SplitLastSeparator(title, true);
  if (!last.tail.empty() && MatchesSite(last.tail, site) && !last.head.empty()) return CleanText(last.head);
  Split first = SplitFirstSeparator(title);
  if (!first.tail.empty() && MatchesSite(first.head, site) && !first.tail.empty()) return CleanText(first.tail);
  return std::string(title);
}

// <title> to headline: strips a known site name, else a suffix that looks
// like one (reported through *suffix).
std::string StripTitleSuffix(std::string_view title, std::string_view site, std::string* suffix) {
  std::string known = StripKnownSite(title, site);
  if (known.size() != title.size()) {
    // Strip a further known-site part ("Headline | Section | Site").
    return known;
  }
  Split strong = SplitLastSeparator(title, false);
  if (!strong.tail.empty() && LooksLikeSiteName(strong.tail, strong.head, false)) {
    if (suffix) *suffix = CleanText(strong.tail);
    return CleanText(strong.head);
  }
  Split any = SplitLastSeparator(title, true);
  if (!any.tail.empty() && LooksLikeSiteName(any.tail, any.head, true)) {
    if (suffix) *suffix = CleanText(any.tail);
    return CleanText(any.head);
  }
  return std::string(title);
}

// Share of the words of `h1` that occur in `title`.
double Overlap(std::string_view h1, std::string_view title) {
  std::vector<std::string> a = Words(h1), b = Words(title);
  if (a.empty() || b.empty()) return 0;
  std::size_t hit = 0;
  for (const std::string& w : a) {
    if (std::find(b.begin(), b.end(), w) != b.end()) ++hit;
  }
  return static_cast<double>(hit) / static_cast<double>(a.size());
}

}  // namespace attache::extract::meta
