// The quotes stage's entry point. The rules live in one file per family
// (finder.h lists them); this file only builds the text layer when the
// caller has none and runs the Finder.
#include "quotes/quotes.h"

#include "quotes/finder.h"
#include "text/officeholders.h"
#include "text/text.h"

namespace attache::quotes {

namespace {

// Each speaker under the office-holder table's spelling, when it knows the
// person ("Shavkat Mirzieev" -> "Shavkat Mirziyoyev"); one look-up a name.
std::vector<Quote> WithCanonicalSpeakers(std::vector<Quote> quotes) {
  for (size_t i = 0; i < quotes.size(); ++i) {
    Quote& q = quotes[i];
    for (size_t j = 0; j < i && q.speaker_canonical.empty(); ++j)
      if (quotes[j].speaker == q.speaker) q.speaker_canonical = quotes[j].speaker_canonical;
    if (q.speaker_canonical.empty()) q.speaker_canonical = text::CanonicalName(q.speaker);
  }
  return quotes;
}

}  // namespace

std::vector<Quote> FindQuotes(std::string_view text, const text::LanguageTables& tables) {
  return FindQuotes(text, tables, text::BuildTextLayer(text, tables));
}

std::vector<Quote> FindQuotes(std::string_view text, const text::LanguageTables& tables, const text::TextLayer& layer) {
  internal::Finder f(text, tables);
  return WithCanonicalSpeakers(f.Run(layer));
}

std::vector<Quote> FindQuotes(std::string_view text, const text::LanguageTables& tables, const text::TextLayer& layer,
                              const syntax::DocumentSyntax* syntax, std::string_view outlet) {
  internal::Finder f(text, tables, syntax);
  f.SetPageOutlet(std::string(outlet));
  return WithCanonicalSpeakers(f.Run(layer));
}

}  // namespace attache::quotes
