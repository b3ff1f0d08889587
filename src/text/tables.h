// Text stage: the language tables (data/nlp/<lang>/*.txt), parsed once.
//
// Everything language-specific in the text layer and the stages built on it
// comes from here: adding a language means adding a data folder. Thread-safe:
// the tables are built on first use and never change.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace attache::text {

enum class VerbClass : unsigned char {
  kNone = 0,
  kSay,      // X said (that) ...
  kSayThat,  // X pointed out that ...
  kTell,     // X told OUTLET (that) ...
  kThink,    // X believes (that) ...
  kIng,      // ..., saying (that) ...
};

enum class FrameKind : unsigned char { kBefore, kAfter, kChannel };

enum class FrameWord : unsigned char { kWord, kSlot, kPossessive, kComma };

struct Frame {
  FrameKind kind;
  std::vector<std::string> words;  // lower case; slots are "SPEAKER", "OUTLET", "POSS"
  std::vector<FrameWord> types;    // what each word is, decided once
};

// The words of date expressions (months.txt, weekdays.txt, date_words.txt):
// all lower case, matched against folded tokens without a trailing ".".
struct DateWords {
  using Phrase = std::vector<std::string>;
  std::unordered_map<std::string, int> months;    // form -> 1..12
  std::unordered_map<std::string, int> weekdays;  // form -> 1 (Monday) .. 7 (Sunday); negative: an abbreviation
  std::vector<std::pair<Phrase, int>> day_phrases;  // "yesterday" -> -1
  std::vector<Phrase> no_date;                      // "in recent days"
  std::unordered_map<std::string, int> shifts;      // "next" -> 1
  std::unordered_map<std::string, char> units;      // "weeks" -> 'w' (d, w, m, y)
  std::unordered_map<std::string, int> numbers;     // "two" -> 2
  std::unordered_map<std::string, char> parts;      // "end" -> 'l', "beginning" -> 'f', "late" -> 'n'
  std::unordered_set<std::string> ago, preps, ordinals, future, past, articles, ofs;
  std::vector<std::string> past_suffixes, past_exceptions;
  bool slash_month_first = true;  // "02/27/2023"
  bool names_capitalized = false;  // month and weekday names only when capitalized
};

struct LanguageTables {
  std::string lang;
  std::vector<std::string> abbreviations;
  std::vector<std::pair<std::string, std::string>> quote_marks;  // open, close
  std::unordered_map<std::string, VerbClass> verbs;              // form -> class
  std::unordered_set<std::string> closing_verbs;                 // "summed" ...
  std::unordered_set<std::string> trailing_verbs;                // "reported": only closing a sentence
  std::vector<Frame> frames;
  std::unordered_map<std::string, char> pronouns;  // form -> 'm' / 'f' / 'n' (no gender: "it")
  std::unordered_map<std::string, char> honorifics;  // folded "mr" -> 'm', "ms" -> 'f'
  // role_equivalents.txt: a description's words, folded -> the title they
  // name ({"top", "diplomat"} -> "Foreign Minister").
  std::vector<std::pair<std::vector<std::string>, std::string>> role_equivalents;
  std::unordered_set<std::string> titles, role_nouns, institutions, not_names, particles, audience,
      generic_speakers, function_words, outlet_parts, outlet_heads, office_groups,
      stance_verbs, stance_nouns;  // stance.txt: "expressed" + "hope" that ...
  std::vector<std::string> anonymity;  // phrases that keep a source unnamed ("not to be named")
  DateWords dates;
  // events.txt: word -> the classes it belongs to ("visit", "trip", ...).
  std::unordered_map<std::string, std::vector<std::string>> event_words;
  bool event_word(std::string_view w, std::string_view cls) const;

  VerbClass verb(std::string_view form) const;
  bool is(const std::unordered_set<std::string>& set, std::string_view w) const {
    return set.count(std::string(w)) > 0;
  }
};

// The tables of `lang` ("en"), or English when there are none for it.
const LanguageTables& TablesFor(std::string_view lang);

// The tables of `lang`, or nullptr when the project has none for it.
const LanguageTables* FindTables(std::string_view lang);

}  // namespace attache::text
