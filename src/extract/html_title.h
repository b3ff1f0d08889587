// Internal (extract stage, HTML metadata): a page's <title> and declared
// headline against the site's name ("Headline | Site", "Site - Headline").
#pragma once

#include <string>
#include <string_view>

#include "extract/html_meta_text.h"

namespace attache::extract::meta {

struct Split {
  std::string_view head, tail;
};

// Splits "Headline | Site" at the last site separator; empty tail if none.
Split SplitLastSeparator(std::string_view title, bool allow_dash);
// Splits at the first separator ("Site | Headline").
Split SplitFirstSeparator(std::string_view title);
// "Example News" vs "example.com", "The Example" vs "Example".
bool MatchesSite(std::string_view part, std::string_view site);
// Removes a " | Site" suffix (or "Site | " prefix) when it names `site`.
std::string StripKnownSite(std::string_view title, std::string_view site);
// <title> to headline: strips a known site name, else a suffix that looks
// like one (reported through *suffix).
std::string StripTitleSuffix(std::string_view title, std::string_view site, std::string* suffix);
// Share of the words of `h1` that occur in `title`.
double Overlap(std::string_view h1, std::string_view title);

}  // namespace attache::extract::meta
