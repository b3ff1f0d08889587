// events stage: who visited or met whom, where and when, planned or done.
//
// FindEvents() reads an article's text and returns its visits (a named
// person travelling officially to a country or city: "visited", "arrived
// in", "will travel to", "left for", "was in", "X's visit to", "received X")
// and its meetings between named officials ("met", "held talks with",
// "meetings with", "call on"). Mentions of one trip merge into one visit;
// trips called off are not visits; phone calls are not meetings. Dates are
// resolved against the publication date; status is planned, ongoing or past
// from the wording and the date. Actors take their full name from anywhere
// in the article and their role and country from the article, else from the
// office-holder table. Everything language-specific comes from
// text::LanguageTables. Thread-safe.
#pragma once

#include <string_view>

#include "attache/analyze.h"
#include "text/names.h"
#include "syntax/syntax.h"
#include "text/tables.h"

namespace attache::events {

struct Events {
  std::vector<Visit> visits;
  std::vector<Meeting> meetings;
};

// `published` is the article's publication date (ISO 8601), or only its
// month or year ("YYYY-MM", "YYYY") when no more is known, or "".
Events FindEvents(std::string_view text, std::string_view published, const text::LanguageTables& tables);
// The same over a text layer already built for `text`.
Events FindEvents(std::string_view text, std::string_view published, const text::LanguageTables& tables,
                  const text::TextLayer& layer);
// The same with the document's syntax (syntax/syntax.h: parses on demand;
// may be null).
Events FindEvents(std::string_view text, std::string_view published, const text::LanguageTables& tables,
                  const text::TextLayer& layer, const syntax::DocumentSyntax* syntax);

}  // namespace attache::events
