// Internal (extract stage): article metadata from what an HTML page declares.
#pragma once

#include "attache/document.h"
#include "html/html.h"

namespace attache::extract {

// Fills title, subtitle, published, outlet, authors, section and lang of
// `out` from JSON-LD (NewsArticle and kin), Open Graph / Twitter / Dublin Core
// and other meta tags, <time>, <html lang>, bylines and the visible page, in
// that order of trust. Leaves a field untouched when nothing declares it.
void ExtractHtmlMetadata(const html::Document& doc, Article* out);

}  // namespace attache::extract
