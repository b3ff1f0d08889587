// attache/extract.h: separating the article from the page around it.
//
// Extract() takes one RawDocument (HTML or page text, any common encoding)
// and returns the Article: metadata from what the page declares (JSON-LD,
// Open Graph and other meta tags, <time>, bylines) with fallbacks to the
// visible page, and the body text without navigation, related lists,
// comments or share bars. Pure function of its input; thread-safe.
#pragma once

#include <cstddef>

#include "attache/document.h"
#include "attache/status.h"

namespace attache {

struct ExtractLimits {
  // Markup nested deeper than this is flattened (the parser never recurses,
  // the limit only bounds the tree it keeps). Default 512.
  std::size_t max_depth = 512;
  // Article text longer than this is cut at a paragraph boundary. Default 4 MiB.
  std::size_t max_output_bytes = 4u << 20;
};

// Returns the Article, or a Status naming why nothing could be extracted
// (binary data, empty page, invalid input).
Result<Article> Extract(const RawDocument& doc, const ExtractLimits& limits = {});

}  // namespace attache
