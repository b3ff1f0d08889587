// Descriptions that name an office in other words (roles.cc,
// role_equivalents.txt): "the premier" is the Prime Minister named before,
// not the last speaker; "the top diplomat" the Foreign Minister.
#include <gtest/gtest.h>

#include "quotes/test_cases.h"

namespace attache::quotes {
namespace {

using testing_util::Case;
using testing_util::ExpectCase;

const Case kRoleCases[] = {
    {"\"the premier\" is the Prime Minister named before, not the last speaker",
     "Estonian Prime Minister Karl Tamm arrived in Oslo on Monday for talks on the ferry link.\n\n"
     "\"We expect the new schedule to be ready in May,\" Harbour Director Anna Berg said at the port.\n\n"
     "\"The link will carry twice as many lorries next year,\" the premier said after the talks.",
     {{"Anna Berg", "We expect the new schedule to be ready", true, ""},
      {"Karl Tamm", "The link will carry twice as many lorries", true, ""}}},
    {"\"the top diplomat\" is the Foreign Minister named before",
     "Foreign Minister Anna Berg met the harbour workers in Tartu on Monday.\n\n"
     "\"The port will stay open all winter,\" Mayor Karl Tamm told the crowd.\n\n"
     "\"Our ministry will fund the new quay from next year,\" the top diplomat said.",
     {{"Karl Tamm", "The port will stay open all winter", true, ""},
      {"Anna Berg", "Our ministry will fund the new quay", true, ""}}},
    {"a page that titles someone Premier keeps its own words",
     "Premier Karl Tamm and Prime Minister Anna Berg met in Oslo on Monday.\n\n"
     "\"The link will carry twice as many lorries next year,\" the premier said after the talks.",
     {{"Karl Tamm", "The link will carry twice as many lorries", true, ""}}},
};

TEST(QuotesRoles, Cases) {
  for (const Case& c : kRoleCases) ExpectCase(c);
}

}  // namespace
}  // namespace attache::quotes
