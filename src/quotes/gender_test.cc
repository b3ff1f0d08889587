// A pronoun subject's gender against what the page shows of each person's
// (gender.cc): an honorific before a name, a possessive in a clause the
// person is the subject of. A person the page shows neither way stays a
// possible antecedent of both pronouns. Each case runs with the document's
// syntax; without a model the test is skipped.
#include <gtest/gtest.h>

#include <string>

#include "quotes/quotes.h"
#include "quotes/test_cases.h"
#include "syntax/syntax.h"
#include "text/tables.h"
#include "text/text.h"

namespace attache::quotes {
namespace {

using testing_util::Case;

const Case kGenderCases[] = {
    {"an honorific: \"she\" is not the man who spoke last",
     "Ms Anna Berg, the Estonian foreign minister, arrived in Oslo on Monday.\n\n"
     "\"The ferry link will open in May,\" Mr Karl Tamm said at the port.\n\n"
     "\"We have waited for this bridge for ten years,\" she said.",
     {{"Karl Tamm", "The ferry link will open in May", true, ""},
      {"Anna Berg", "We have waited for this bridge", true, ""}}},
    {"a possessive in the person's own clause shows the gender",
     "Anna Berg travelled to Oslo with her delegation on Monday.\n\n"
     "\"The ferry link will open in May,\" Karl Tamm said at the port, with his deputy beside him.\n\n"
     "\"We have waited for this bridge for ten years,\" she said.",
     {{"Karl Tamm", "The ferry link will open in May", true, ""},
      {"Anna Berg", "We have waited for this bridge", true, ""}}},
    {"a person the page shows neither way is still the pronoun's antecedent",
     "\"The ferry link will open in May,\" Karl Tamm said at the port.\n\n"
     "\"We have waited for this bridge for ten years,\" she said.",
     {{"Karl Tamm", "The ferry link will open in May", true, ""},
      {"Karl Tamm", "We have waited for this bridge", true, ""}}},
    {"a possessive after another person's name shows nothing of the subject's",
     "Karl Tamm met Anna Berg and praised her patience.\n\n"
     "\"The ferry link will open in May,\" Karl Tamm said at the port.\n\n"
     "\"We have waited for this bridge for ten years,\" she said.",
     {{"Karl Tamm", "The ferry link will open in May", true, ""},
      {"Karl Tamm", "We have waited for this bridge", true, ""}}},
    {"no one of the pronoun's gender is named: no speaker is guessed",
     "\"The ferry link will open in May,\" Mr Karl Tamm said at the port.\n\n"
     "\"We have waited for this bridge for ten years,\" she said.",
     {{"Karl Tamm", "The ferry link will open in May", true, ""}}},
};

TEST(QuotesGender, Cases) {
  for (const Case& c : kGenderCases) testing_util::ExpectCaseWithTree(c);
}

}  // namespace
}  // namespace attache::quotes
