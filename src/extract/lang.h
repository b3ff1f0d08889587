// Internal (extract stage): a small, fast language identifier for article
// text.
//
// The languages are data: one file per language under data/lang/, compiled
// in through lang_tables.inc (scripts/gen_lang_tables.py). A language is
// either decided by its script alone (Greek, Armenian, Georgian, Hebrew,
// Thai, Han, Kana, Hangul) or by counting its most frequent function words
// among the languages written in the text's dominant script.
#pragma once

#include <string>
#include <string_view>

namespace attache::extract {

// The BCP 47 primary language subtag of `utf8_text` ("en", "ru", "ja"), or ""
// when the text is too short, in no known language, or too close between two
// languages. Reads at most the first 8 KB; bounded time, no allocation after
// the first call. Thread-safe.
std::string GuessLanguage(std::string_view utf8_text);

}  // namespace attache::extract
