// Text stage: people named in a text, with the titles and roles around them.
//
// FindPeople() reads a whole text once and returns every person mention: a
// run of capitalised name words ("Sergei Lavrov", "Mohammed bin Salman"), a
// single name word that repeats a known full name's word ("Lavrov"), or one
// that follows a title ("spokeswoman Zakharova"). Each mention carries the
// title run before it ("Russian Foreign Minister") and the full name it refers
// to: the longest name in the text that contains its words. Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/dateline.h"
#include "text/tables.h"
#include "text/text.h"

namespace attache::text {

struct PersonMention {
  Span span;                // the name as written
  Span title;               // the title run before it, or empty
  std::string full_name;    // resolved full name
};

struct PeopleIndex {
  std::vector<PersonMention> mentions;  // in text order
  std::vector<std::string> full_names;  // distinct, in order of first appearance
  std::vector<std::vector<std::string>> full_name_words;  // folded words of each full name

  // The mention that starts at byte `begin`, or nullptr.
  const PersonMention* At(uint32_t begin) const;
  // The full name a name word or phrase refers to, or "" when unknown.
  std::string Resolve(std::string_view name) const;
};

// `is_place(word_span)` may be given to keep places and demonyms out of names.
PeopleIndex FindPeople(std::string_view text, const std::vector<Span>& sentences, const LanguageTables& tables);
// The same over sentences already tokenized (tokens[i] are sentences[i]'s).
PeopleIndex FindPeople(std::string_view text, const std::vector<Span>& sentences,
                       const std::vector<std::vector<Token>>& tokens, const LanguageTables& tables);

// What the stages built on the text layer share for one text: its
// sentences, their tokens and the people named. Built once per article.
struct TextLayer {
  std::vector<Span> sentences;
  std::vector<std::vector<Token>> tokens;  // tokens[i] are sentences[i]'s
  PeopleIndex people;
  std::vector<Dateline> datelines;  // the paragraphs' datelines, each also a sentence, in text order
};

TextLayer BuildTextLayer(std::string_view text, const LanguageTables& tables);

// True when `word` can be part of a person's name: capitalised, not a title
// or a function word of the language.
bool IsNameWord(std::string_view text, const Token& t, const LanguageTables& tables);

}  // namespace attache::text
