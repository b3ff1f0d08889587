// Tests of the syntax stage: a tiny model trained on sentences written here
// (save/load round trip, refused files), the word splitter, the tree's
// indexes, lazy document parses, and the shipped English model on a few
// sentences written for these tests.
#include "syntax/syntax.h"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "syntax/conllu.h"
#include "syntax/decode.h"
#include "syntax/features.h"
#include "syntax/model.h"
#include "syntax/trainer.h"
#include "text/tables.h"

namespace attache::syntax {
namespace {

// Six sentences written for this test, in CoNLL-U, with a GUM-style entity.
constexpr const char* kTiny =
    "1\tAnna\tAnna\tPROPN\t_\t_\t2\tnsubj\t_\tEntity=(1-person-new-1)\n"
    "2\tvisited\tvisit\tVERB\t_\t_\t0\troot\t_\t_\n"
    "3\tOslo\tOslo\tPROPN\t_\t_\t2\tobj\t_\tEntity=(2-place-new-1)\n"
    "4\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n"
    "\n"
    "1\tThe\tthe\tDET\t_\t_\t2\tdet\t_\t_\n"
    "2\tteam\tteam\tNOUN\t_\t_\t3\tnsubj\t_\t_\n"
    "3\tplayed\tplay\tVERB\t_\t_\t0\troot\t_\t_\n"
    "4\twell\twell\tADV\t_\t_\t3\tadvmod\t_\t_\n"
    "5\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_\n"
    "\n"
    "1\tBoris\tBoris\tPROPN\t_\t_\t2\tnsubj\t_\tEntity=(3-person-new-1)\n"
    "2\tmet\tmeet\tVERB\t_\t_\t0\troot\t_\t_\n"
    "3\tthe\tthe\tDET\t_\t_\t4\tdet\t_\t_\n"
    "4\tmayor\tmayor\tNOUN\t_\t_\t2\tobj\t_\t_\n"
    "5\tin\tin\tADP\t_\t_\t6\tcase\t_\t_\n"
    "6\tRome\tRome\tPROPN\t_\t_\t2\tobl\t_\tEntity=(4-place-new-1)\n"
    "7\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n"
    "\n"
    "1\tShe\tshe\tPRON\t_\t_\t2\tnsubj\t_\t_\n"
    "2\tsaid\tsay\tVERB\t_\t_\t0\troot\t_\t_\n"
    "3\tthe\tthe\tDET\t_\t_\t4\tdet\t_\t_\n"
    "4\ttalks\ttalk\tNOUN\t_\t_\t5\tnsubj\t_\t_\n"
    "5\tended\tend\tVERB\t_\t_\t2\tccomp\t_\t_\n"
    "6\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n"
    "\n";

Model TinyModel() {
  std::vector<TreebankSentence> train;
  EXPECT_TRUE(ReadConllu(kTiny, "tiny", &train).ok());
  TrainConfig cfg;
  cfg.tagger_bits = cfg.parser_bits = cfg.labeller_bits = cfg.entity_bits = 10;
  cfg.tagger_epochs = cfg.parser_epochs = cfg.entity_epochs = 6;
  cfg.folds = 0;
  cfg.word_table_text = "suffix n't\nsplit -\n";
  auto m = Train(train, train, cfg);
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  return std::move(m).value();
}

Sentence Words(const std::vector<std::string>& forms) {
  Sentence s;
  uint32_t at = 0;
  for (const auto& f : forms) {
    Word w;
    w.form = f;
    w.begin = at;
    w.end = at + static_cast<uint32_t>(f.size());
    at = w.end + 1;
    s.words.push_back(w);
  }
  return s;
}

TEST(SyntaxModel, TinyModelLearnsItsSentencesAndRoundTrips) {
  const Model m = TinyModel();
  Sentence a = Words({"Boris", "met", "the", "mayor", "in", "Rome", "."});
  ASSERT_TRUE(Analyze(m, &a));
  EXPECT_EQ(a.words[1].upos, "VERB");
  EXPECT_EQ(a.words[1].deprel, "root");
  EXPECT_EQ(a.words[0].head, 1);
  EXPECT_EQ(a.words[1].lemma, "meet");

  const std::string bytes = m.Serialize();
  auto back = Model::Deserialize(bytes, "tiny.bin");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back.value().Serialize(), bytes);
  for (const auto& forms : std::vector<std::vector<std::string>>{
           {"Boris", "met", "the", "mayor", "in", "Rome", "."}, {"Anna", "said", "the", "team", "played", "."},
           {"The", "mayor", "visited", "Oslo", "well", "."}}) {
    Sentence x = Words(forms), y = Words(forms);
    ASSERT_TRUE(Analyze(m, &x));
    ASSERT_TRUE(Analyze(back.value(), &y));
    for (int i = 0; i < x.size(); ++i) {
      EXPECT_EQ(x.words[i].upos, y.words[i].upos);
      EXPECT_EQ(x.words[i].head, y.words[i].head);
      EXPECT_EQ(x.words[i].deprel, y.words[i].deprel);
      EXPECT_EQ(x.words[i].lemma, y.words[i].lemma);
    }
    ASSERT_EQ(x.entities.size(), y.entities.size());
  }
}

TEST(SyntaxModel, TrainingIsDeterministic) {
  EXPECT_EQ(TinyModel().Serialize(), TinyModel().Serialize());
}

TEST(SyntaxModel, BadFilesAreRefusedWithTheirName) {
  const std::string bytes = TinyModel().Serialize();
  auto cut = Model::Deserialize(std::string_view(bytes).substr(0, bytes.size() - 7), "cut.bin");
  ASSERT_FALSE(cut.ok());
  EXPECT_NE(cut.status().message().find("cut.bin"), std::string::npos);
  EXPECT_NE(cut.status().message().find("truncated"), std::string::npos);

  std::string flipped = bytes;
  flipped[flipped.size() / 2] ^= 0x5a;
  auto bad = Model::Deserialize(flipped, "flipped.bin");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("flipped.bin"), std::string::npos);

  std::string v9 = bytes;
  v9[8] = 9;
  auto old = Model::Deserialize(v9, "v9.bin");
  ASSERT_FALSE(old.ok());
  EXPECT_NE(old.status().message().find("v9.bin"), std::string::npos);
  EXPECT_NE(old.status().message().find("version 9"), std::string::npos);

  auto magic = Model::Deserialize(std::string(64, 'x'), "junk.bin");
  ASSERT_FALSE(magic.ok());
  EXPECT_NE(magic.status().message().find("magic"), std::string::npos);

  auto missing = Model::Load("/nonexistent/syntax.bin");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("/nonexistent/syntax.bin"), std::string::npos);
}

TEST(SyntaxWords, TokensSplitByTheWordTable) {
  Model m;
  m.word_table_text = "suffix n't\nsuffix 's\nsplit -\n";
  m.Prepare();
  const std::string text = "Ann's well-known dog didn't bark.";
  const auto& tables = text::TablesFor("en");
  const auto sents = text::SplitSentences(text, tables);
  ASSERT_EQ(sents.size(), 1u);
  const auto words = SplitWords(m, text, text::Tokenize(text, sents[0], &tables));
  std::vector<std::string> forms;
  for (const auto& w : words) {
    forms.push_back(w.form);
    EXPECT_EQ(text.substr(w.begin, w.end - w.begin), w.form);
  }
  EXPECT_EQ(forms, (std::vector<std::string>{"Ann", "'s", "well", "-", "known", "dog", "did", "n't", "bark", "."}));
  EXPECT_EQ(words[0].token, words[1].token);
  Sentence sent;
  sent.words = words;
  EXPECT_EQ(sent.WordOfToken(words[6].token), 6);  // "didn't" -> "did"
  EXPECT_EQ(sent.WordOfToken(99), -1);
}

TEST(SyntaxSentence, ChildrenAndSubtreesFromHeads) {
  // "the old man slept" : man <- the, old; slept <- man (root)
  Sentence s = Words({"the", "old", "man", "slept"});
  const int heads[] = {2, 2, 3, -1};
  const char* rels[] = {"det", "amod", "nsubj", "root"};
  for (int i = 0; i < 4; ++i) s.words[i].head = heads[i], s.words[i].deprel = rels[i];
  s.Index();
  EXPECT_EQ(s.Root(), 3);
  std::vector<int> kids(s.Children(2).begin(), s.Children(2).end());
  EXPECT_EQ(kids, (std::vector<int>{0, 1}));
  EXPECT_EQ(s.Children(-1).size(), 1u);
  EXPECT_EQ(s.Subtree(2).first, 0);
  EXPECT_EQ(s.Subtree(2).last, 2);
  EXPECT_EQ(s.Subtree(3).last, 3);
  EXPECT_EQ(s.Child(3, "nsubj"), 2);
  EXPECT_EQ(s.SubtreeBytes(2).begin, 0u);
  EXPECT_EQ(s.SubtreeBytes(2).end, 11u);  // "the old man"
  EXPECT_EQ(s.WordAt(5), 1);
}

// The shipped model (data/models/en/syntax.bin) on sentences written here.
class ShippedModel : public ::testing::Test {
 protected:
  void SetUp() override {
    m_ = ModelFor("en");
    if (!m_) GTEST_SKIP() << "no English syntax model: " << ModelError("en");
  }
  Sentence Parse(const std::string& text) {
    text_ = text;
    const auto& tables = text::TablesFor("en");
    Sentence s;
    s.words = SplitWords(*m_, text_, text::Tokenize(text_, {0, static_cast<uint32_t>(text_.size())}, &tables));
    EXPECT_TRUE(Analyze(*m_, &s));
    return s;
  }
  int Find(const Sentence& s, std::string_view form) {
    for (int i = 0; i < s.size(); ++i)
      if (s.words[i].form == form) return i;
    return -1;
  }
  const Model* m_ = nullptr;
  std::string text_;
};

TEST_F(ShippedModel, TagsAndLemmas) {
  const Sentence s = Parse("The ministers visited two old cities and were welcomed warmly.");
  EXPECT_EQ(s.words[Find(s, "ministers")].upos, "NOUN");
  EXPECT_EQ(s.words[Find(s, "ministers")].lemma, "minister");
  EXPECT_EQ(s.words[Find(s, "visited")].upos, "VERB");
  EXPECT_EQ(s.words[Find(s, "visited")].lemma, "visit");
  EXPECT_EQ(s.words[Find(s, "cities")].lemma, "city");
  EXPECT_EQ(s.words[Find(s, "old")].upos, "ADJ");
  EXPECT_EQ(s.words[Find(s, "The")].upos, "DET");
}

TEST_F(ShippedModel, TreeOfASimpleClauseAndAPassive) {
  Sentence s = Parse("The foreign minister visited Paris on Monday.");
  const int v = Find(s, "visited");
  EXPECT_EQ(s.Root(), v);
  EXPECT_EQ(s.words[Find(s, "minister")].head, v);
  EXPECT_EQ(s.words[Find(s, "minister")].deprel, "nsubj");
  EXPECT_EQ(s.words[Find(s, "Paris")].deprel, "obj");
  EXPECT_EQ(s.Subtree(Find(s, "minister")).first, 0);

  s = Parse("The talks were held in Geneva by both delegations.");
  const int held = Find(s, "held");
  EXPECT_EQ(s.Root(), held);
  EXPECT_EQ(s.words[Find(s, "talks")].deprel, "nsubj:pass");
  EXPECT_EQ(s.words[Find(s, "Geneva")].head, held);
  EXPECT_EQ(s.Child(held, "obl"), Find(s, "Geneva"));
}

// The beam decoder (bench/parser_beam's subject): width 1 is the greedy
// parser, and a wider beam still gives one tree (one root, every head a
// word of the sentence or the root).
TEST_F(ShippedModel, BeamOfOneIsGreedyAndWiderBeamsGiveTrees) {
  const std::string text = "The delegation led by the deputy minister arrived in the capital on Tuesday for talks.";
  const auto& tables = text::TablesFor("en");
  const std::vector<Word> words =
      SplitWords(*m_, text, text::Tokenize(text, {0, static_cast<uint32_t>(text.size())}, &tables));
  std::vector<std::string_view> forms;
  for (const Word& w : words) forms.push_back(w.form);
  std::vector<WordHashes> hashed;
  HashWords(forms, &hashed);
  MarkGazetteer(forms, "en", &hashed);
  std::vector<int> tags, greedy_heads, greedy_labels, heads, labels;
  TagWords(*m_, hashed, &tags);
  ParseWords(*m_, hashed, tags, &greedy_heads, &greedy_labels);
  ParseWordsBeam(*m_, hashed, tags, 1, &heads, &labels);
  EXPECT_EQ(heads, greedy_heads);
  EXPECT_EQ(labels, greedy_labels);
  for (int width : {2, 4, 8}) {
    ParseWordsBeam(*m_, hashed, tags, width, &heads, &labels);
    const int n = static_cast<int>(forms.size());
    int roots = 0;
    for (int i = 1; i <= n; ++i) {
      EXPECT_GE(heads[static_cast<size_t>(i)], 0);
      EXPECT_LE(heads[static_cast<size_t>(i)], n);
      EXPECT_NE(heads[static_cast<size_t>(i)], i);
      roots += heads[static_cast<size_t>(i)] == 0;
    }
    EXPECT_EQ(roots, 1) << "width " << width;
  }
}

TEST_F(ShippedModel, EntitiesOfThreeTypes) {
  const Sentence s = Parse("Maria Jensen told reporters in Copenhagen that Microsoft would pay.");
  bool person = false, place = false, org = false;
  for (const Entity& e : s.entities) {
    const std::string t = text_.substr(e.begin, e.end - e.begin);
    if (e.type == EntityType::kPerson && t == "Maria Jensen") person = true;
    if (e.type == EntityType::kPlace && t == "Copenhagen") place = true;
    if (e.type == EntityType::kOrganization && t == "Microsoft") org = true;
  }
  EXPECT_TRUE(person);
  EXPECT_TRUE(place);
  EXPECT_TRUE(org);
}

// The name finder runs on the first read of a sentence's entities: a copy
// made before that finds the same spans on its own, and clear() drops them
// unread.
TEST_F(ShippedModel, EntitiesAreFoundOnFirstRead) {
  const Sentence s = Parse("Petra Novak met officials of the World Bank in Lisbon on Monday.");
  Sentence copy = s, cleared = s;
  cleared.entities.clear();
  EXPECT_TRUE(cleared.entities.empty());
  ASSERT_FALSE(s.entities.empty());
  ASSERT_EQ(copy.entities.size(), s.entities.size());
  for (std::size_t i = 0; i < s.entities.size(); ++i) {
    EXPECT_EQ(copy.entities[i].type, s.entities[i].type);
    EXPECT_EQ(copy.entities[i].begin, s.entities[i].begin);
    EXPECT_EQ(copy.entities[i].end, s.entities[i].end);
  }
  copy.entities.push_back(Entity{});
  EXPECT_EQ(copy.entities.size(), s.entities.size() + 1);
}

// The gazetteer marks are made on the first read of the entities (only the
// name finder reads them): the spans are those of the whole pipeline run
// by hand, marks first.
TEST_F(ShippedModel, EntitiesWithGazetteerMarksMadeOnFirstRead) {
  const auto& tables = text::TablesFor("en");
  // The marks make these countries and cities places.
  const Sentence one = Parse("The governor tried to pressure Ukraine into a new gas deal.");
  ASSERT_EQ(one.entities.size(), 1u);
  EXPECT_EQ(one.entities[0].type, EntityType::kPlace);
  for (const std::string text : {"Petra Novak met officials of the World Bank in Lisbon on Monday.",
                                 "The envoy flew back to Washington after the talks in Delhi ended.",
                                 "The governor tried to pressure Ukraine into a new gas deal."}) {
    SCOPED_TRACE(text);
    const Sentence s = Parse(text);
    const std::vector<Word> words =
        SplitWords(*m_, text, text::Tokenize(text, {0, static_cast<uint32_t>(text.size())}, &tables));
    std::vector<std::string_view> forms;
    for (const Word& w : words) forms.push_back(w.form);
    std::vector<WordHashes> hashed;
    HashWords(forms, &hashed);
    MarkGazetteer(forms, "en", &hashed);
    std::vector<int> tags, heads, labels, ner;
    TagWords(*m_, hashed, &tags);
    ParseWords(*m_, hashed, tags, &heads, &labels);
    EntityWords(*m_, hashed, tags, heads, labels, &ner);
    std::vector<std::pair<int, int>> want;  // first and last word of each B-/I- run
    for (int i = 1; i < static_cast<int>(ner.size()); ++i) {
      const std::string& lab = m_->ner[static_cast<size_t>(ner[static_cast<size_t>(i)])];
      if (lab.size() > 2 && lab[0] == 'B') want.emplace_back(i - 1, i - 1);
      if (lab.size() > 2 && lab[0] == 'I' && !want.empty()) want.back().second = i - 1;
    }
    ASSERT_FALSE(want.empty());
    ASSERT_EQ(s.entities.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
      EXPECT_EQ(s.entities[i].first, want[i].first);
      EXPECT_EQ(s.entities[i].last, want[i].second);
    }
  }
}

TEST_F(ShippedModel, DocumentParsesOnlyWhatIsAskedAndCaches) {
  const std::string text = "The envoy arrived in Rome. He met the prime minister.\n\nTalks ended late.";
  const text::TextLayer layer = text::BuildTextLayer(text, text::TablesFor("en"));
  ASSERT_EQ(layer.sentences.size(), 3u);
  DocumentSyntax doc(text, layer, "en");
  EXPECT_EQ(doc.parsed(), 0u);
  const Sentence* s = doc.Get(1);
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(doc.parsed(), 1u);
  EXPECT_EQ(doc.Get(1), s);
  EXPECT_EQ(doc.parsed(), 1u);
  EXPECT_EQ(doc.Get(7), nullptr);
  EXPECT_EQ(doc.SentenceAt(layer.sentences[2].begin + 1), 2);
  EXPECT_EQ(text.substr(s->words[0].begin, 2), "He");
  EXPECT_EQ(s->words[s->Root()].form, "met");
}

// Tagged() runs the tagger alone; a later Get() of the same sentence parses
// from those tags and gives what Get() alone gives.
TEST_F(ShippedModel, TaggedFirstThenParsedIsTheSameParse) {
  const std::string text =
      "The minister reports to parliament every week. Officials said the reports would be published. "
      "Anna Berg of the United Nations reports from Vienna.";
  const text::TextLayer layer = text::BuildTextLayer(text, text::TablesFor("en"));
  ASSERT_EQ(layer.sentences.size(), 3u);
  // The parse after Tagged() reuses the tagger's hashes and tags
  // (TaggedWords): the same tree, tags, lemmas and entities as one Get().
  DocumentSyntax staged(text, layer, "en"), direct(text, layer, "en");
  for (std::size_t i = 0; i < 3; ++i) {
    const Sentence* t = staged.Tagged(i);
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(staged.parsed(), i);  // tags only: nothing parsed yet
    std::vector<std::string_view> tags;
    for (const Word& w : t->words) tags.push_back(w.upos);
    const Sentence* a = staged.Get(i);
    const Sentence* b = direct.Get(i);
    ASSERT_EQ(a, t);  // the same sentence, now with its tree
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(staged.parsed(), i + 1);
    ASSERT_EQ(a->size(), b->size());
    for (int k = 0; k < a->size(); ++k) {
      EXPECT_EQ(tags[k], b->words[k].upos);
      EXPECT_EQ(a->words[k].upos, b->words[k].upos);
      EXPECT_EQ(a->words[k].lemma, b->words[k].lemma);
      EXPECT_EQ(a->words[k].head, b->words[k].head);
      EXPECT_EQ(a->words[k].deprel, b->words[k].deprel);
    }
    ASSERT_EQ(a->entities.size(), b->entities.size());
    for (std::size_t e = 0; e < a->entities.size(); ++e) {
      EXPECT_EQ(a->entities[e].type, b->entities[e].type);
      EXPECT_EQ(a->entities[e].first, b->entities[e].first);
      EXPECT_EQ(a->entities[e].last, b->entities[e].last);
    }
    EXPECT_EQ(a->Root(), b->Root());
    EXPECT_EQ(staged.Tagged(i), a);  // and Tagged() now returns the parse
  }
  EXPECT_EQ(staged.Tagged(9), nullptr);
  EXPECT_FALSE(direct.Get(2)->entities.empty());  // the third sentence names a person and places
}

TEST(SyntaxDocument, NoModelMeansNoTrees) {
  const std::string text = "A short text.";
  const text::TextLayer layer = text::BuildTextLayer(text, text::TablesFor("en"));
  DocumentSyntax doc(text, layer, static_cast<const Model*>(nullptr));
  EXPECT_FALSE(doc.available());
  EXPECT_EQ(doc.Get(0), nullptr);
}

TEST(SyntaxConllu, GumEntitiesBecomeNamedSpans) {
  std::vector<TreebankSentence> s;
  ASSERT_TRUE(ReadConllu(kTiny, "tiny", &s).ok());
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0].ner, (std::vector<std::string>{"B-PER", "O", "B-LOC", "O"}));
  EXPECT_TRUE(s[1].ner.empty());
  std::vector<TreebankSentence> bad;
  const Status st = ReadConllu("1\tx\tx\n", "bad.conllu", &bad);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("bad.conllu:1"), std::string::npos);
}

}  // namespace
}  // namespace attache::syntax
