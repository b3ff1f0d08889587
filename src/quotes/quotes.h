// quotes stage: who said what.
//
// FindQuotes() reads an article's text and returns every attributed
// statement: direct quotations in any of the language's quote marks (inline,
// across paragraphs, with the speaker before, after or in the middle) and
// reported speech ("X said that ...", "According to X, ...", "X told OUTLET
// that ...", "In a conversation with OUTLET, X noted that ...", "in his
// words, ..."). Speakers are resolved to full names; pronouns and
// descriptions ("the political commentator") to the last speaker.
// Unattributed claims produce nothing. Everything language-specific comes
// from text::LanguageTables. Thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "attache/analyze.h"
#include "text/names.h"
#include "syntax/syntax.h"
#include "text/tables.h"

namespace attache::quotes {

std::vector<Quote> FindQuotes(std::string_view text, const text::LanguageTables& tables);
// The same over a text layer already built for `text`.
std::vector<Quote> FindQuotes(std::string_view text, const text::LanguageTables& tables, const text::TextLayer& layer);
// The same with the document's syntax (syntax/syntax.h: parses on demand;
// may be null).
// `outlet`: the page's publisher (may be empty), the channel of a
// question-and-answer interview whose introduction names no outlet.
std::vector<Quote> FindQuotes(std::string_view text, const text::LanguageTables& tables, const text::TextLayer& layer,
                              const syntax::DocumentSyntax* syntax, std::string_view outlet = {});

}  // namespace attache::quotes
