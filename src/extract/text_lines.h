// Internal (extract stage, page text): the lines of a crawler's page text,
// each classified from its own features, and the small text helpers the
// page-text readers share (text_page.cc, text_dates.cc, text_title.cc).
#pragma once

#include <unicode/uchar.h>

#include <array>
#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace attache::extract::text {

// ---- text helpers

bool IsSpace(char c);
bool IsAsciiAlnum(char c);
std::string_view Trim(std::string_view s);
std::vector<std::string_view> Words(std::string_view s);
std::string Fold(std::string_view s);              // Unicode case folding
UChar32 FirstChar(std::string_view s);             // 0 when empty or invalid
std::string_view StripOpeners(std::string_view w);  // leading quotes and brackets
std::string_view StripClosers(std::string_view s);  // trailing quotes, brackets, spaces
bool IsCapitalised(std::string_view word);
// Whether text ends with the dot of an abbreviation that has dots inside
// ("talks with the U.S."), not a sentence's full stop.
bool DotOfAbbreviation(std::string_view text);
bool HasLower(std::string_view s);
bool HasLetter(std::string_view s);
bool EndsWith(std::string_view s, std::string_view suffix);
// True when folded `hay` holds `needle` starting and ending on word boundaries.
bool ContainsWord(std::string_view hay, std::string_view needle, bool at_start);
// Letters and digits only, ASCII lower case: "Caliber.Az" -> "caliberaz".
std::string Squash(std::string_view s);
std::string CollapseSpaces(std::string_view s);

template <size_t N>
int IndexIn(const std::array<const char*, N>& table, std::string_view w) {
  for (size_t i = 0; i < N; ++i) {
    if (w == table[i]) return static_cast<int>(i);
  }
  return -1;
}

// ---- lines

enum class Kind { kBlank, kChrome, kDate, kProse, kTeaser, kOther };

struct Line {
  std::string_view text;
  std::vector<std::string_view> words;
  Kind kind = Kind::kBlank;
  bool ends_article = false;  // chrome after which the article stops
};

// Sets l->kind (and ends_article) from the line's own words; `last` is the
// page's last non-blank line (prose there may lack its full stop).
void Classify(Line* l, bool last);

// Page text saved with hard line breaks (most lines of the page cut at about
// one width, under 100 characters): joins each paragraph's lines into one
// line, whose text is kept in `storage`. Other pages are left alone.
void JoinHardWrapped(std::vector<Line>* lines, std::deque<std::string>* storage);

}  // namespace attache::extract::text
