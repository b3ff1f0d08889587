// The quotes stage's entry point. The rules live in one file per family
// (finder.h lists them); this file only builds the text layer when the
// caller has none and runs the Finder.
#include "quotes/quotes.h"

#include "quotes/finder.h"
#include "text/text.h"

namespace attache::quotes {

std::vector<Quote> FindQuotes(std::string_view text, const text::LanguageTables& tables) {
  return FindQuotes(text, tables, text::BuildTextLayer(text, tables));
}

std::vector<Quote> FindQuotes(std::string_view text, const text::LanguageTables& tables, const text::TextLayer& layer) {
  internal::Finder f(text, tables);
  return f.Run(layer);
}

std::vector<Quote> FindQuotes(std::string_view text, const text::LanguageTables& tables, const text::TextLayer& layer,
                              const syntax::DocumentSyntax* syntax) {
  internal::Finder f(text, tables, syntax);
  return f.Run(layer);
}

}  // namespace attache::quotes
