// Internal (extract stage): articles from page text a crawler already
// extracted: the article plus what is left of the page (menus, social links,
// "Leave a Reply", newsletter sign-ups, share/print bars, view counters,
// copyright lines, related headlines).
#pragma once

#include <string_view>

#include "attache/document.h"
#include "attache/extract.h"

namespace attache::extract {

// `text` is NFC UTF-8. Fills title, subtitle, published, outlet, section,
// views, url (from a leading "URL: <address>" line) and text of `out`
// (source is left to the caller). Never fails: a page with no recognisable
// article keeps its longest run of prose.
void ExtractPageText(std::string_view text, const ExtractLimits& limits, Article* out);

}  // namespace attache::extract
