// Office-holders, internal: the table's rows and the index of their names.
//
// The index (which folded full name is which person, the rows of each
// person, of each last word, of each office; the people under each phonetic
// surname key) used to be built in every process on first use: 270 M
// instructions, a third of them folding and keying 18,000 names, and as much
// again freeing it at exit. It is now built once at build time:
// `attache_officeholders_index` (src/text/officeholders_gen/main.cc) runs
// BuildIndex() over the rows and writes the result as constant arrays
// (build/generated/officeholders_index.inc), which officeholders.cc compiles
// in. BuildIndex() stays here for that program and for the test that checks
// the compiled-in index against a fresh build.
//
// Every string of the index is a Str into one text; every list is a Range
// into one array; maps are arrays sorted by key (byte order), searched by
// bisection. No pointers, so the arrays need no relocation at load.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/officeholders.h"

namespace attache::text::officeholders {

struct Row {
  Office office;
  std::string_view until;  // an open range is known only to this date ("" = to now)
};
struct AliasRow {
  std::string_view variant, canonical;
};

#define ATTACHE_OFFICE(country, office, name, from, to, until) Row{{country, office, name, from, to}, until},
#define ATTACHE_ALIAS(variant, canonical)
inline constexpr Row kRows[] = {
#include "text/officeholders_table.inc"
};
#undef ATTACHE_OFFICE
#undef ATTACHE_ALIAS
#define ATTACHE_OFFICE(country, office, name, from, to, until)
#define ATTACHE_ALIAS(variant, canonical) AliasRow{variant, canonical},
inline constexpr AliasRow kAliases[] = {
#include "text/officeholders_table.inc"
};
#undef ATTACHE_OFFICE
#undef ATTACHE_ALIAS

inline constexpr uint32_t kRowCount = sizeof(kRows) / sizeof(kRows[0]);

struct Str {
  uint32_t at, size;  // bytes of the index's text
};
struct Range {
  uint32_t begin, end;
};
struct Keyed {  // a map entry: key -> a number
  Str key;
  uint32_t value;
};
struct KeyedRange {  // a map entry: key -> a list
  Str key;
  Range range;
};
struct Alias {
  Str from, to;
};
struct Phonetic {  // a person under a surname key, with the keys of the given names
  uint32_t person;
  Range given;  // into words
};

struct IndexView {
  std::string_view text;
  std::span<const uint32_t> person_of_row;  // row -> person id
  std::span<const uint32_t> key_of_row;     // row -> folded key (index into key_words)
  std::span<const Range> key_words;         // folded key -> its words (into words)
  std::span<const Str> words;               // words of folded keys and of phonetic given names
  std::span<const Str> spelling;            // person id -> the table's spelling
  std::span<const Range> rows_of;           // person id -> its rows (into lists)
  std::span<const Keyed> person;            // folded full name -> person id
  std::span<const Alias> alias;             // folded variant -> folded canonical
  std::span<const KeyedRange> last_word, first_word, holders;  // -> rows (into lists); holders: "country\toffice"
  std::span<const uint32_t> lists;
  std::span<const KeyedRange> surnames;  // phonetic surname key -> people (into phonetic)
  std::span<const Phonetic> phonetic;

  std::string_view Get(Str s) const { return text.substr(s.at, s.size); }
};

// The index computed from the rows (FoldPersonName, translit.h's
// PhoneticWords), owning its arrays.
struct BuiltIndex {
  std::string text;
  std::vector<uint32_t> person_of_row, key_of_row;
  std::vector<Range> key_words;
  std::vector<Str> words, spelling;
  std::vector<Range> rows_of;
  std::vector<Keyed> person;
  std::vector<Alias> alias;
  std::vector<KeyedRange> last_word, first_word, holders;
  std::vector<uint32_t> lists;
  std::vector<KeyedRange> surnames;
  std::vector<Phonetic> phonetic;

  IndexView View() const;
};
BuiltIndex BuildIndex();

// The words of a folded name key, split at its spaces.
std::vector<std::string> SplitKeyWords(const std::string& key);

// The index compiled in at build time (officeholders.cc).
const IndexView& CompiledIndex();

}  // namespace attache::text::officeholders
