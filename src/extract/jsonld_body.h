// Internal (extract stage): the article body as a page declares it in
// JSON-LD ("articleBody"), for pages whose visible markup holds no prose
// (text rendered by scripts).
#pragma once

#include <string>

#include "html/html.h"

namespace attache::extract {

// The longest "articleBody" string found in the page's
// <script type="application/ld+json"> blocks, paragraphs separated by a
// blank line; "" when there is none. Scripts over 4 MiB or nested deeper
// than 64 levels are ignored.
std::string JsonLdArticleBody(const html::Document& doc);

// The longest schema.org HowTo the page declares in JSON-LD, as markup: its
// description and the text of its steps (also steps grouped in sections), in
// order; "" when there is none. Same limits as above.
std::string JsonLdHowToMarkup(const html::Document& doc);

}  // namespace attache::extract
