// Internal (extract stage): the article body of an HTML page.
#pragma once

#include <cstddef>
#include <string>

#include "html/html.h"

namespace attache::extract {

// Finds the element (or run of sibling elements) that holds the article and
// returns its text: paragraphs separated by one blank line, without
// navigation, related lists, comments, share bars or captions of the page
// around it. Returns "" when the page has no prose. At most `max_bytes`.
std::string ExtractHtmlBody(const html::Document& doc, std::size_t max_bytes);

}  // namespace attache::extract
