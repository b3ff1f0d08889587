#include "text/dateline.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/names.h"

namespace attache::text {
namespace {

std::vector<std::string> Sentences(std::string_view s) {
  std::vector<std::string> out;
  for (Span sp : SplitSentences(s, TablesFor("en"))) out.emplace_back(s.substr(sp.begin, sp.size()));
  return out;
}

std::string Part(std::string_view s, Span sp) { return std::string(s.substr(sp.begin, sp.size())); }

// Issue 11: a dateline is a sentence of its own, not the first sentence's
// subject or place.
TEST(DatelineTest, DatelineIsItsOwnSentence) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"LIMA, Peru, March 3 (Wire) - The minister left. He flew home.", "LIMA, Peru, March 3 (Wire) -"},
      {"QUITO, NewsDesk -- Envoys met on Friday.", "QUITO, NewsDesk --"},
      {"Nairobi, 4 May 2024 /Wire/ – The talks ended.", "Nairobi, 4 May 2024 /Wire/ –"},
      {"OSLO: The king received the envoy.", "OSLO:"},
      {"CAIRO (Wire Service - 3rd May, 2024) The envoy arrived.", "CAIRO (Wire Service - 3rd May, 2024)"},
      {"CAIRO/MAY. 3 2024 (The Daily) — The envoy arrived.", "CAIRO/MAY. 3 2024 (The Daily) —"},
      {"CAIRO, May 3. /Wire/. The envoy arrived.", "CAIRO, May 3. /Wire/."},
      {"NEW DELHI – The envoy arrived.", "NEW DELHI –"},
  };
  for (const auto& [text, dateline] : cases) {
    const std::vector<std::string> s = Sentences(text);
    ASSERT_GE(s.size(), 2u) << text;
    EXPECT_EQ(s[0], dateline) << text;
  }
  EXPECT_EQ(Sentences("Headline\n\nLIMA, Peru, March 3 (Wire) - The minister left. He flew home."),
            (std::vector<std::string>{"Headline", "LIMA, Peru, March 3 (Wire) -", "The minister left.",
                                      "He flew home."}));
}

TEST(DatelineTest, PlaceDateAndSource) {
  const std::string text = "Nairobi, 4 May 2024 /Wire/ – The talks ended.";
  const auto d = DatelineAt(text, {0, static_cast<uint32_t>(text.size())}, TablesFor("en"));
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(Part(text, d->place), "Nairobi");
  ASSERT_NE(d->entity, nullptr);
  EXPECT_EQ(d->entity->code, "KEN");
  EXPECT_EQ(Part(text, d->date), "4 May 2024");
  EXPECT_EQ(Part(text, d->source), "/Wire/");
  const std::string caps = "LIMA, Peru, March 3, NewsDesk - The minister left.";
  const auto e = DatelineAt(caps, {0, static_cast<uint32_t>(caps.size())}, TablesFor("en"));
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(Part(caps, e->place), "LIMA");
  EXPECT_EQ(Part(caps, e->date), "March 3");
  EXPECT_EQ(Part(caps, e->source), "NewsDesk");
  // The text layer keeps them for the finders.
  const TextLayer layer = BuildTextLayer("Headline\n\n" + caps, TablesFor("en"));
  ASSERT_EQ(layer.datelines.size(), 1u);
  EXPECT_EQ(layer.datelines[0].entity->code, "PER");
}

TEST(DatelineTest, NoDateline) {
  for (const std::string text : {
           "Nairobi – Addis Ababa flights resume",                  // a headline, no story after it
           "Kenya – The talks ended with a joint statement on trade and on the border, the ministers said.",
           "Kenya, Peru and Chile – The talks ended.",             // a list of places
           "Lima. Ana Ruiz – Wire. The talks ended.",               // a byline after the place
           "Lima is calm – The talks ended.",                       // a sentence
           "Ana Ruiz – “We agreed,” she said.",                     // a speaker, no place
           "Thursday, May 16, 2024 - The talks ended.",             // a date alone
       }) {
    EXPECT_FALSE(DatelineAt(text, {0, static_cast<uint32_t>(text.size())}, TablesFor("en")).has_value()) << text;
  }
}

}  // namespace
}  // namespace attache::text
