// Helpers shared by the events stage's tests: run the finder over a text
// (with or without its syntax),
// print what it found (for failure messages), and pick one visit.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "attache/analyze.h"
#include "events/events.h"
#include "syntax/syntax.h"
#include "text/tables.h"

namespace attache::events::test_util {

inline Events Find(const std::string& text, const std::string& published = "") {
  return FindEvents(text, published, text::TablesFor("en"));
}

// As analyze runs it: with the document's syntax (the tree rules read
// nothing when the language has no model).
inline Events FindWithSyntax(const std::string& text, const std::string& published) {
  const text::LanguageTables& tables = text::TablesFor("en");
  const text::TextLayer layer = text::BuildTextLayer(text, tables);
  const syntax::DocumentSyntax syn(text, layer, "en");
  return FindEvents(text, published, tables, layer, &syn);
}

inline std::string Dump(const Events& e) {
  std::string out;
  for (const Visit& v : e.visits)
    out += "V " + v.visitor + " -> " + v.host_country + " place=" + v.place.value_or("-") +
           " date=" + v.date.value_or("-") + " " + v.status + " country=" + v.visitor_country.value_or("-") + "\n";
  for (const Meeting& m : e.meetings) {
    out += "M";
    for (const std::string& p : m.participants) out += " " + p;
    out += " place=" + m.place.value_or("-") + " date=" + m.date.value_or("-") + " " + m.status + "\n";
  }
  return out;
}

inline const Visit* FindVisit(const Events& e, const std::string& visitor, const std::string& host) {
  for (const Visit& v : e.visits)
    if (v.visitor == visitor && v.host_country == host) return &v;
  return nullptr;
}

// The events of `text` (published on 15 May 2024) read with its syntax;
// false when there is no model (the test then skips: FIND_OR_SKIP).
inline bool FindWithModel(const std::string& text, Events* out) {
  if (!syntax::ModelFor("en")) return false;
  *out = FindWithSyntax(text, "2024-05-15");
  return true;
}

// Whether a meeting has exactly these participants (in any order).
inline bool HasMeeting(const Events& e, std::vector<std::string> people) {
  std::sort(people.begin(), people.end());
  for (const Meeting& m : e.meetings) {
    std::vector<std::string> p = m.participants;
    std::sort(p.begin(), p.end());
    if (p == people) return true;
  }
  return false;
}

}  // namespace attache::events::test_util

#define FIND_OR_SKIP(text, e)                                \
  if (!::attache::events::test_util::FindWithModel(text, &e)) \
  GTEST_SKIP() << "no syntax model for en: " << ::attache::syntax::ModelError("en")
