// Shared by the quotes stage's tests: a page written for a test and the
// quotes it must give, checked by speaker, start, direct flag and channel.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "attache/analyze.h"
#include "quotes/quotes.h"
#include "syntax/syntax.h"
#include "text/tables.h"
#include "text/text.h"

namespace attache::quotes::testing_util {

// One expected quote; channel "" = not checked, "-" = none expected.
struct Want {
  std::string speaker, start;
  bool direct;
  std::string channel;
};

struct Case {
  const char* name;
  const char* text;
  std::vector<Want> want;
};

// Checks the quotes a finder gave for `c` against what it wants.
inline void ExpectQuotes(const Case& c, const std::vector<Quote>& got) {
  std::string dump;
  for (const Quote& q : got)
    dump += q.speaker + " | " + (q.channel ? *q.channel : "-") + " | " + (q.direct ? "direct" : "reported") + " | " +
            q.text + "\n";
  EXPECT_EQ(got.size(), c.want.size()) << dump;
  for (const Want& w : c.want) {
    bool found = false;
    for (const Quote& q : got) {
      if (q.speaker != w.speaker || q.text.find(w.start) == std::string::npos || q.direct != w.direct) continue;
      if (w.channel == "-" && q.channel) continue;
      if (!w.channel.empty() && w.channel != "-" && q.channel != w.channel) continue;
      found = true;
    }
    EXPECT_TRUE(found) << "missing " << w.speaker << ": " << w.start << "\ngot:\n" << dump;
  }
}

// The quotes of `c`'s page without syntax, checked.
inline void ExpectCase(const Case& c) {
  SCOPED_TRACE(c.name);
  ExpectQuotes(c, FindQuotes(c.text, text::TablesFor("en")));
}

// The quotes of `c`'s page read with its syntax, checked; the test is
// skipped, with the reason, when the language has no syntax model.
inline void ExpectCaseWithTree(const Case& c) {
  SCOPED_TRACE(c.name);
  const std::string text = c.text;
  const auto& tables = text::TablesFor("en");
  const text::TextLayer layer = text::BuildTextLayer(text, tables);
  const syntax::DocumentSyntax syn(text, layer, "en");
  if (!syn.available()) GTEST_SKIP() << "no syntax model for en: " << syntax::ModelError("en");
  ExpectQuotes(c, FindQuotes(text, tables, layer, &syn));
}

}  // namespace attache::quotes::testing_util
