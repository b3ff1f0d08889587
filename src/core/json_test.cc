#include "core/json.h"

#include <gtest/gtest.h>

#include "attache/document.h"

namespace attache {

TEST(JsonTest, EscapesControlAndQuotes) {
  EXPECT_EQ(json::Quote("a\"b\\c\n\x01"), "\"a\\\"b\\\\c\\n\\u0001\"");
}

TEST(JsonTest, ReplacesInvalidUtf8) {
  EXPECT_EQ(json::Quote("x\xff" "y"), "\"x\xEF\xBF\xBDy\"");
  EXPECT_EQ(json::Quote("\xC3\xA9"), "\"\xC3\xA9\"");  // é stays
  // Runs around escapes and replacements, and sequences cut at the end.
  EXPECT_EQ(json::Quote("ab\xC3\xA9\"cd\x7F\xE2\x82" "e\tf\xC3"),
            "\"ab\xC3\xA9\\\"cd\x7F\xEF\xBF\xBD\xEF\xBF\xBD" "e\\tf\xEF\xBF\xBD\"");
  EXPECT_EQ(json::Quote(""), "\"\"");
  std::string out = "[";
  json::AppendString(&out, "x");
  EXPECT_EQ(out, "[\"x\"");
}

// Regression: raw U+2028 in output broke JSON-lines readers that split on
// Unicode line separators.
TEST(JsonTest, EscapesUnicodeLineSeparators) {
  EXPECT_EQ(json::Quote("a\xE2\x80\xA8" "b\xE2\x80\xA9" "c\xC2\x85" "d"), "\"a\\u2028b\\u2029c\\u0085d\"");
}

TEST(JsonTest, ArticleNullsAndExtras) {
  Article a;
  a.source = "p.html";
  a.title = "T";
  a.text = "body";
  a.extra_json = "{\"lang_hint\":\"en\"}";
  EXPECT_EQ(ArticleToJson(a),
            "{\"source\":\"p.html\",\"url\":null,\"title\":\"T\",\"subtitle\":null,\"published\":null,"
            "\"outlet\":null,\"authors\":[],\"section\":null,\"lang\":null,\"text\":\"body\","
            "\"lang_hint\":\"en\"}");
}

}  // namespace attache
