#include "html/html.h"

#include <gtest/gtest.h>

#include <string>

namespace attache::html {
namespace {

// A compact rendering of the tree, for assertions: "div(p(#hello)p(#x))".
std::string Dump(const Document& doc, uint32_t i = 0) {
  std::string out;
  // Iterative walk with explicit close markers.
  struct Frame { uint32_t node; bool closing; };
  std::vector<Frame> stack{{i, false}};
  while (!stack.empty()) {
    Frame f = stack.back();
    stack.pop_back();
    const Node& n = doc.node(f.node);
    if (f.closing) { out += ")"; continue; }
    if (n.is_text()) { out += "#" + std::string(doc.text(n)); continue; }
    if (f.node != 0) out += std::string(doc.tag_name(n)) + "(";
    if (f.node != 0) stack.push_back({f.node, true});
    std::vector<uint32_t> kids;
    for (uint32_t c = n.first_child; c != kNone; c = doc.node(c).next_sibling) kids.push_back(c);
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back({*it, false});
  }
  return out;
}

TEST(HtmlTest, LookupTagKnowsEveryName) {
  for (int t = static_cast<int>(Tag::kA); t < static_cast<int>(Tag::kCount); ++t) {
    const Tag tag = static_cast<Tag>(t);
    EXPECT_EQ(LookupTag(TagName(tag)), tag) << TagName(tag);
  }
  for (const char* other : {"", "x", "aa", "h7", "blockquotes", "blockquotx", "figcaptio", "divv", "di",
                            "abcdefghijklmnopqrstuvwxyz", "#text", "#document", "DIV"})
    EXPECT_EQ(LookupTag(other), Tag::kOther) << other;
}

TEST(HtmlTest, BuildsTree) {
  Document d = Parse("<div><p>hello <b>you</b></p><p>x</div>");
  EXPECT_EQ(Dump(d), "div(p(#hello b(#you))p(#x))");
}

TEST(HtmlTest, ImpliedEndTags) {
  EXPECT_EQ(Dump(Parse("<p>one<p>two<div>three</div>")), "p(#one)p(#two)div(#three)");
  EXPECT_EQ(Dump(Parse("<ul><li>a<li>b</ul>")), "ul(li(#a)li(#b))");
  EXPECT_EQ(Dump(Parse("<table><tr><td>a<td>b<tr><td>c</table>")), "table(tr(td(#a)td(#b))tr(td(#c)))");
  EXPECT_EQ(Dump(Parse("<h1>a<h2>b")), "h1(#a)h2(#b)");
}

TEST(HtmlTest, StrayEndTagsIgnored) {
  EXPECT_EQ(Dump(Parse("<div>a</span>b</p></div>c")), "div(#ab)#c");
}

TEST(HtmlTest, RawTextElements) {
  Document d = Parse("<script>if (a<b) { x = '</div>'; }</script><style>p{}</style><title>A &amp; B</title>");
  EXPECT_EQ(Dump(d), "script(#if (a<b) { x = '</div>'; })style()title(#A & B)");
  EXPECT_EQ(Dump(Parse("<SCRIPT>x</Script >y")), "script(#x)#y");
}

TEST(HtmlTest, Attributes) {
  Document d = Parse("<a HREF=\"/x?a=1&amp;b=2\" data-x=y title='t &lt; u' hidden>l</a>");
  const Node& a = d.node(d.node(0).first_child);
  EXPECT_EQ(d.attr(a, "href"), "/x?a=1&b=2");
  EXPECT_EQ(d.attr(a, "data-x"), "y");
  EXPECT_EQ(d.attr(a, "title"), "t < u");
  bool found = false;
  d.attr(a, "hidden", &found);
  EXPECT_TRUE(found);
  d.attr(a, "nope", &found);
  EXPECT_FALSE(found);
}

TEST(HtmlTest, CharacterReferences) {
  std::string out;
  AppendDecoded("&lt;&#65;&#x42;&eacute;&copy&nbsp;&nope;&#0;&#x80;", false, &out);
  EXPECT_EQ(out, "<AB\xC3\xA9\xC2\xA9\xC2\xA0&nope;\xEF\xBF\xBD\xE2\x82\xAC");
  out.clear();
  AppendDecoded("?a=1&copy=2", true, &out);  // legacy reference stays literal in attributes
  EXPECT_EQ(out, "?a=1&copy=2");
}

TEST(HtmlTest, CommentsAndDoctype) {
  EXPECT_EQ(Dump(Parse("<!DOCTYPE html><!-- c --><p>a<!-- <p>b -->c</p>")), "p(#ac)");
  EXPECT_EQ(Dump(Parse("<p>a < b</p>")), "p(#a < b)");
}

TEST(HtmlTest, DeepNestingIsFlattenedWithoutRecursion) {
  std::string s;
  for (int i = 0; i < 200000; ++i) s += "<div>";
  s += "deep";
  ParseOptions opt;
  opt.max_depth = 100;
  Document d = Parse(s, opt);
  EXPECT_TRUE(d.depth_limited());
  EXPECT_EQ(d.InnerText(0), "deep");
  // Walk the whole tree iteratively.
  size_t count = 0;
  for (uint32_t i = 0; i != kNone; i = d.Next(i)) ++count;
  EXPECT_EQ(count, d.size());
}

TEST(HtmlTest, TruncatedMarkupDoesNotCrash) {
  for (const char* s : {"<", "<a", "<a href=", "<a href=\"x", "</", "</a", "<!--", "<!", "<script>x",
                        "&", "&#", "&#x", "&am", "<p>&#99999999999;"}) {
    Document d = Parse(s);
    EXPECT_GE(d.size(), 1u) << s;
  }
}

}  // namespace
}  // namespace attache::html

namespace attache::html {
namespace {

// Regression: <title/> inside inline SVG swallowed the rest of the page as
// raw text.
TEST(HtmlTest, ForeignContentSelfClosingTitle) {
  Document d = Parse("<div><svg><title/><path d=\"M0\"/></svg><p>after</p></div>");
  EXPECT_EQ(d.InnerText(0), "after");
  EXPECT_EQ(Dump(d), "div(svg(title()path())p(#after))");
}

}  // namespace
}  // namespace attache::html
