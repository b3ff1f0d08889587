#include "extract/html_body.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "extract/boilerplate.h"
#include "html/html.h"

namespace attache::extract {
namespace {

namespace fs = std::filesystem;

std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs every case in src/extract/testdata/body (see its README.md).
TEST(HtmlBodyTest, DataDrivenCases) {
  const fs::path dir = fs::path(ATTACHE_SOURCE_DIR) / "src/extract/testdata/body";
  int cases = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".html") continue;
    ++cases;
    const fs::path expect_path = fs::path(entry.path()).replace_extension(".expect");
    ASSERT_TRUE(fs::exists(expect_path)) << expect_path;
    const std::string text = ExtractHtmlBody(html::Parse(Slurp(entry.path())), 1 << 20);
    const std::string flat = Collapse(text);
    std::istringstream lines(Slurp(expect_path));
    std::string line;
    while (std::getline(lines, line)) {
      if (line.size() < 2 || line[0] == '#') continue;
      const std::string arg = Collapse(line.substr(2));
      SCOPED_TRACE(entry.path().filename().string() + ": " + line);
      if (line[0] == '+') {
        EXPECT_NE(flat.find(arg), std::string::npos) << "text was:\n" << text;
      } else if (line[0] == '-') {
        EXPECT_EQ(flat.find(arg), std::string::npos) << "text was:\n" << text;
      } else if (line[0] == '=') {
        size_t paragraphs = text.empty() ? 0 : 1;
        for (size_t p = text.find("\n\n"); p != std::string::npos; p = text.find("\n\n", p + 2)) ++paragraphs;
        EXPECT_EQ(paragraphs, std::stoul(arg)) << "text was:\n" << text;
      }
    }
  }
  EXPECT_GE(cases, 4);
}

TEST(HtmlBodyTest, ParagraphsAreSeparatedByOneBlankLine) {
  const std::string text = ExtractHtmlBody(
      html::Parse("<article><p>First paragraph of the story, long enough to be prose for the scorer here.</p>"
                  "<p>Second   paragraph,\n with  odd   spacing, and enough words to be prose too.</p></article>"),
      1 << 20);
  EXPECT_EQ(text,
            "First paragraph of the story, long enough to be prose for the scorer here.\n\n"
            "Second paragraph, with odd spacing, and enough words to be prose too.");
}

TEST(HtmlBodyTest, NoProseGivesEmptyText) {
  EXPECT_EQ(ExtractHtmlBody(html::Parse("<html><body><nav><a href=/>Home</a></nav></body></html>"), 1 << 20), "");
  EXPECT_EQ(ExtractHtmlBody(html::Parse(""), 1 << 20), "");
}

TEST(HtmlBodyTest, OutputIsBounded) {
  std::string page = "<article>";
  for (int i = 0; i < 2000; ++i) page += "<p>A sentence of article text, with a comma, repeated many times over.</p>";
  page += "</article>";
  const std::string text = ExtractHtmlBody(html::Parse(page), 4096);
  EXPECT_LE(text.size(), 4096u + 200u);
  EXPECT_FALSE(text.empty());
}

TEST(BoilerplateTest, Tables) {
  EXPECT_TRUE(IsBoilerplateLabel("Advertisement"));
  EXPECT_TRUE(IsBoilerplateLabel("Related articles:"));
  EXPECT_TRUE(IsBoilerplateLabel("Реклама"));
  EXPECT_FALSE(IsBoilerplateLabel("Advertisement revenue fell by a third last year."));
  EXPECT_TRUE(IsCallToAction("Sign up for our newsletter and never miss a story."));
  EXPECT_FALSE(IsCallToAction("The minister said the talks would continue in the spring."));
  EXPECT_TRUE(IsCallToAction("Sie müssen sich einloggen, um an der Diskussion teilzunehmen."));
  // Appeals for support and newsletters, per language.
  EXPECT_TRUE(IsCallToAction("Liked this report? Please consider supporting our newsroom with a monthly gift."));
  EXPECT_TRUE(IsCallToAction("Die wichtigsten Nachrichten der Woche direkt in dein Postfach!"));
  EXPECT_TRUE(IsCallToAction("Apoya nuestro periodismo independiente. Cancela cuando quieras."));
  EXPECT_TRUE(IsCallToAction("Zapraszamy do subskrypcji naszego tygodnika."));
  EXPECT_FALSE(IsCallToAction("The council said it would support the journalism school for another three years."));
  EXPECT_TRUE(IsDatelineOfPage("Published: 10:48, Tue, Nov 19, 2019"));
  EXPECT_TRUE(IsDatelineOfPage("Updated at 1:23 p.m."));
  EXPECT_FALSE(IsDatelineOfPage("Updated maps show the new border crossing."));
  EXPECT_FALSE(IsDatelineOfPage("Published reports in 2019 said the port would close."));
  EXPECT_TRUE(IsBoilerplateLabel("Ähnliche Nachrichten"));
  EXPECT_TRUE(IsBoilerplateLabel("Notas relacionadas"));
  EXPECT_TRUE(IsBoilerplateLabel("Über den Autor"));
  EXPECT_TRUE(IsBoilerplateLabel("Vergrößern"));  // rows are case-folded: ß is written ss
  EXPECT_TRUE(IsBoilerplateLabel("Das könnte Dich auch interessieren …"));  // a trailing ellipsis
  EXPECT_TRUE(IsBoilerplateLabel("Siehe auch"));
  EXPECT_TRUE(IsBoilerplateLabel("Quellenangaben:"));
  EXPECT_TRUE(IsBoilerplateLabel("Externer Inhalt"));
  EXPECT_TRUE(IsBoilerplateLabel("Related Coverage"));
  EXPECT_FALSE(IsBoilerplateLabel("Quellenangaben fehlen in dem Bericht bis heute."));
  // Captions and credits that open with a label, a figure's number between.
  EXPECT_TRUE(IsFurnitureParagraph("Abbildung 4: Der Pegel des Flusses im Jahresverlauf."));
  EXPECT_TRUE(IsFurnitureParagraph("Figure 2 - Rainfall by month, 1990 to 2020"));
  EXPECT_TRUE(IsFurnitureParagraph("Titelbild: Anna Beispiel/Agentur"));
  EXPECT_TRUE(IsFurnitureParagraph("(Credit: Sam Example / Photo Desk)"));
  EXPECT_TRUE(IsFurnitureParagraph("Quelle: Landesamt für Statistik"));
  EXPECT_FALSE(IsFurnitureParagraph("Source code for the tool is published under an open licence."));
  EXPECT_FALSE(IsFurnitureParagraph("Figure skating returns to the old rink this winter, the club said."));
  EXPECT_FALSE(IsFurnitureParagraph("Abbildung und Text stammen aus dem Jahr 1920."));
  // Captions that close with the picture's credit.
  EXPECT_TRUE(IsFurnitureParagraph("Der neue Steg am Nordufer des Sees. Foto: Anna Beispiel"));
  EXPECT_TRUE(IsFurnitureParagraph("Fans wait at the gate before the final. (Photo: Sam Example)"));
  EXPECT_FALSE(IsFurnitureParagraph("He said the photo: was taken long before the storm hit the coast."));
  EXPECT_FALSE(IsFurnitureParagraph("Im Bild: die Kinder der dritten Klasse mit ihren Eltern beim Sommerfest im Hof."));
}

TEST(BoilerplateTest, SignOffs) {
  EXPECT_TRUE(IsSignOff("Euer Tom"));
  EXPECT_TRUE(IsSignOff("x Anna"));
  EXPECT_TRUE(IsSignOff("XX, die Redaktion"));
  EXPECT_TRUE(IsSignOff("Liebe Grüße"));
  EXPECT_TRUE(IsSignOff("Cheers, Sam"));
  EXPECT_FALSE(IsSignOff("X"));                           // a share button
  EXPECT_FALSE(IsSignOff("Xylophone lessons for beginners"));
  EXPECT_FALSE(IsSignOff("Eure Meinung zu diesem Thema ist gefragt"));
  EXPECT_FALSE(IsSignOff("Yours 2 for 1 deals"));
}

TEST(HtmlBodyTest, SignOffEndsTheTextAndStopsTheTrim) {
  const std::string text = ExtractHtmlBody(
      html::Parse("<article><p>We spent the whole weekend in the hills above the lake, walking from one hut to the next.</p>"
                  "<p>The weather held until Sunday evening, when the first storm of the autumn came over the ridge.</p>"
                  "<p>Eure Lena</p><p>Related Posts</p><p>12 comments on this post</p></article>"),
      1 << 20);
  EXPECT_NE(text.find("Eure Lena"), std::string::npos) << text;
  EXPECT_EQ(text.find("Related Posts"), std::string::npos) << text;
  EXPECT_EQ(text.find("12 comments"), std::string::npos) << text;
}

}  // namespace
}  // namespace attache::extract
