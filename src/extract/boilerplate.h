// Internal (extract stage): page furniture recognised by its words.
//
// The tables are data, one block per language; add a language by adding
// rows. Matching is on ICU-free lower-casing of ASCII letters only, so
// non-Latin rows are written in the case pages use.
#pragma once

#include <string_view>

namespace attache::extract {

// True when a whole short paragraph is a page label ("Advertisement",
// "Related articles", "Реклама").
bool IsBoilerplateLabel(std::string_view paragraph);

// True when a short paragraph is a call to action of the page ("Subscribe to
// our newsletter", "Follow us on Twitter") rather than article text.
bool IsCallToAction(std::string_view paragraph);

}  // namespace attache::extract
