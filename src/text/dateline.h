// Text stage: the dateline that opens a news story's paragraph.
//
// "BAKU, Azerbaijan, April 12 (Reuters) - The minister ...", "TBILISI,
// Agency -- ...", "Astana, 5 June 2023 /Agency/ – ...", "ISLAMABAD: ...",
// "MOSCOW, November 23. /Agency/. ...": a place (in capitals, or a city of
// the gazetteer as written), then optionally a country, a date and the
// agency in brackets, slashes or capitals, closed by a dash or a colon (a
// dot after the agency; a bracket after a place in capitals). It is where
// and when the story was filed, not part of its first sentence:
// SplitSentences makes it a sentence of its own. Thread-safe.
#pragma once

#include <optional>
#include <string_view>

#include "text/gazetteer.h"
#include "text/tables.h"
#include "text/text.h"

namespace attache::text {

struct Dateline {
  Span span;                      // the whole dateline, its closing dash or colon included
  Span place;                     // "BAKU", "Mexico City"
  const Place* entity = nullptr;  // that place in the gazetteer
  Span date;                      // "April 12", "5 June 2023"; empty when none
  Span source;                    // "(Reuters)", "/Kazinform/", "IRNA"; empty when none
};

// The dateline that opens text[paragraph] (leading spaces skipped), if any.
std::optional<Dateline> DatelineAt(std::string_view text, Span paragraph, const LanguageTables& tables);

}  // namespace attache::text
