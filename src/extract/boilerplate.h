// Internal (extract stage): page furniture recognised by its words.
//
// The tables are data, one block per language; add a language by adding
// rows. Paragraphs are compared after Unicode case folding (ICU), so rows are
// written in lower case.
#pragma once

#include <string_view>

namespace attache::extract {

// True when a whole short paragraph is a page label ("Advertisement",
// "Related articles", "Реклама").
bool IsBoilerplateLabel(std::string_view paragraph);

// True when a short paragraph is the page's own date line ("Published: 10:48,
// Tue, Nov 19, 2019", "Updated at 1:23 p.m."): an opening word and a digit.
bool IsDatelineOfPage(std::string_view paragraph);

// True when a short paragraph is a call to action of the page ("Subscribe to
// our newsletter", "Follow us on Twitter") rather than article text.
bool IsCallToAction(std::string_view paragraph);

// True when a short line is the writer's sign-off ("Cheers, Anna", "Euer
// Tom", "x Franzi"): a closing word and at most a name. It ends the text; it is
// not a label to trim.
bool IsSignOff(std::string_view paragraph);

// Any of the three above, with one normalisation of `paragraph`.
bool IsFurnitureParagraph(std::string_view paragraph);

}  // namespace attache::extract
