// Internal (extract stage, page text): which line of the page text is the
// headline. A headline is told by its position (just above the article's
// prose), its form (a few words, some in lower case, no closing full stop)
// and, when the address carries one, its agreement with the address's slug;
// site widgets, timestamps, breadcrumbs, bylines and photo captions are not
// headlines.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extract/text_lines.h"

namespace attache::extract::text {

// Headline candidates, top first: the first is the headline, the next one
// below it (if any) the subtitle. The body is lines [body_begin, body_end);
// `url` may be empty.
std::vector<size_t> TitleCandidates(const std::vector<Line>& lines, size_t body_begin, size_t body_end,
                                    std::string_view url);

// A headline line's form: a few words, some in lower case, no closing full
// stop, and not a widget, timestamp, breadcrumb, byline or photo credit.
bool IsTitleLike(const Line& l);

// True when a declared or shown title (of HTML pages too) is page furniture:
// a widget ("+ A - 16 px"), an update note or timestamp ("Details added
// (first version posted on 14:51)"). Narrower than the page-text rules:
// site-name separators, labels ("Impressum") and short titles stay.
bool IsTitleFurniture(std::string_view text);

// Splits a run-together "Headline Subtitle" line where an honorific opens a
// new name right after a capitalised word ("... irritates Moscow Prof.
// Tkachenko on ..."): such a word cannot be part of the same name.
bool SplitTitle(std::string_view line, std::string* title, std::string* subtitle);

}  // namespace attache::extract::text
