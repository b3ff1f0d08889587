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

struct LanguageTables {
  std::string lang;
  std::vector<std::string> abbreviations;
  std::vector<std::pair<std::string, std::string>> quote_marks;  // open, close
  std::unordered_map<std::string, VerbClass> verbs;              // form -> class
  std::unordered_set<std::string> closing_verbs;                 // "summed" ...
  std::vector<Frame> frames;
  std::unordered_map<std::string, char> pronouns;  // form -> 'm' / 'f'
  std::unordered_set<std::string> titles, role_nouns, institutions, not_names, particles, audience,
      generic_speakers, function_words;

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
