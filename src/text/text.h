// Text stage: the shared text layer (sentences and tokens) that the quote,
// visit and meeting stages read. Offsets are byte offsets into the UTF-8 text
// given. Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/tables.h"

namespace attache::text {

struct Span {
  uint32_t begin = 0, end = 0;
  uint32_t size() const { return end - begin; }
};

enum class TokenKind : uint8_t { kWord, kNumber, kPunct, kQuote };

struct Token {
  uint32_t begin = 0, end = 0;
  TokenKind kind = TokenKind::kWord;
  bool cap = false;        // a word whose first letter is upper case
  bool all_caps = false;   // every letter upper case ("NATO", "RFE")
  uint32_t index = 0;      // free for a stage's own numbering of tokens
};

struct Dateline;  // dateline.h

// Sentences of `text`, from ICU's sentence rules with breaks suppressed after
// the language's abbreviations ("Prof.", "St.", "U.S.", "Jan.") as whole
// words, after an initial ("Tod D. Wolters") and after a '?' between two
// letters ("Ukraine?s"). Sentences never cross a paragraph break ("\n\n").
// A dateline that opens a paragraph ("BAKU, April 12 (Agency) -") is a
// sentence of its own; with `datelines`, each is added to it. Leading and
// trailing spaces are trimmed from each span.
std::vector<Span> SplitSentences(std::string_view text, const LanguageTables& tables,
                                 std::vector<Dateline>* datelines = nullptr);

// Tokens of text[span]: words (letters and digits, with inner apostrophes,
// hyphens and the dots of "U.S."), numbers, quotation marks and other
// punctuation. Spaces are not tokens. With `tables`, a word that is one of
// the language's abbreviations keeps its dot ("Mr.", "Prof.").
std::vector<Token> Tokenize(std::string_view text, Span span, const LanguageTables* tables = nullptr);

// Lower-case (ICU case folding) copy of a word.
std::string Fold(std::string_view word);

}  // namespace attache::text
