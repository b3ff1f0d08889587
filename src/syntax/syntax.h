// Syntax stage: per sentence, a UPOS tag and a lemma for every word, a
// Universal Dependencies tree and entity spans (person, place, organisation),
// from the project's own models (averaged perceptrons over hashed features, a
// greedy arc-hybrid parser; see model.h for the file format).
//
// How a finder gets the tree of a sentence
// ----------------------------------------
// analyze builds one DocumentSyntax per article over the text layer and hands
// it to the finders (quotes, events). Nothing is parsed up front: a finder asks
// for the sentences it needs, each is tagged and parsed on first request and
// kept for the rest of the document.
//
//   const syntax::Sentence* s = doc_syntax ? doc_syntax->Get(i) : nullptr;   // i: index into layer.sentences
//   if (!s) { /* no model, or sentence too long: fall back to word patterns */ }
//   for (int w = 0; w < s->size(); ++w) {
//     const syntax::Word& x = s->words[w];
//     // x.begin, x.end: byte offsets of the word in the article text
//     // x.form, x.lemma, x.upos ("VERB"), x.deprel ("nsubj:pass"), x.head (-1: root)
//     // x.token: index of the text layer token it comes from (layer.tokens[i][x.token])
//     if (x.deprel == "nsubj")
//       for (int c : s->Children(x.head)) { ... }                   // the head's dependents, in order
//   }
//   int w = s->WordOfToken(k);                // layer.tokens[i][k] -> its first word
//   syntax::WordRange r = s->Subtree(w);      // words r.first .. r.last (inclusive), all below w
//   text::Span b = s->SubtreeBytes(w);        // the same as byte offsets
//   for (const syntax::Entity& e : s->entities) { e.type; e.first; e.last; e.begin; e.end; }
//
// A word is a syntactic word in the UD sense: an attache token such as
// "don't", "Putin's" or "well-known" becomes two or three words ("do" "n't",
// "Putin" "'s", "well" "-" "known"); the split is driven by the language's
// table in the model (data/models/<lang>/words.txt), and every word keeps byte
// offsets inside its token. Strings (upos, deprel) point into the loaded
// model, which lives as long as the process.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "attache/status.h"
#include "text/names.h"
#include "text/text.h"

namespace attache::syntax {

class Model;
struct TaggedWords;

struct Word {
  uint32_t begin = 0, end = 0;  // byte offsets in the text the sentence came from
  std::string form;             // as written (a split clitic: its own bytes, "n't")
  std::string lemma;
  std::string_view upos;        // "NOUN", "VERB", "PROPN", ...
  std::string_view deprel;      // UD relation with subtype ("nsubj", "obl:tmod"); "root" at the root
  int head = -1;                // index of the head word in the sentence, -1 for the root
  int token = -1;               // index of the text layer's token within the sentence, -1 when none
};

enum class EntityType : uint8_t { kPerson, kPlace, kOrganization };
std::string_view EntityTypeName(EntityType t);  // "person", "place", "organization"

struct Entity {
  EntityType type = EntityType::kPerson;
  int first = 0, last = 0;      // word indices, inclusive
  uint32_t begin = 0, end = 0;  // byte offsets
};

// A sentence's entity spans, read like a vector. The name finder runs on
// the first read (most parsed sentences are never asked for their
// entities): Analyze leaves what it needs here, and the spans are the same
// as if it had run then.
class EntityList {
 public:
  const Entity* begin() const { return Filled().data(); }
  const Entity* end() const { return Filled().data() + v_.size(); }
  std::size_t size() const { return Filled().size(); }
  bool empty() const { return Filled().empty(); }
  const Entity& operator[](std::size_t i) const { return Filled()[i]; }
  void clear() {
    pending_.reset();
    v_.clear();
  }
  void push_back(const Entity& e) {
    Filled();
    v_.push_back(e);
  }
  struct Pending;  // syntax/sentence.cc
  void Defer(std::shared_ptr<Pending> p) {
    v_.clear();
    pending_ = std::move(p);
  }

 private:
  const std::vector<Entity>& Filled() const {
    if (pending_) Fill();
    return v_;
  }
  void Fill() const;
  mutable std::vector<Entity> v_;
  mutable std::shared_ptr<Pending> pending_;
};

struct WordRange {
  int first = 0, last = -1;  // inclusive; empty when last < first
};

struct Sentence {
  std::vector<Word> words;
  EntityList entities;

  int size() const { return static_cast<int>(words.size()); }
  int Root() const;  // index of the word whose head is -1 (there is exactly one), -1 when empty

  // Dependents of word `w` in text order; w = -1 gives the root. Iterable:
  // `for (int c : s.Children(w))`.
  struct ChildRange {
    const int* b;
    const int* e;
    const int* begin() const { return b; }
    const int* end() const { return e; }
    std::size_t size() const { return static_cast<std::size_t>(e - b); }
  };
  ChildRange Children(int w) const;
  // First dependent of `w` with relation `deprel` (exact, or its base when
  // `deprel` has no ':' : "nsubj" matches "nsubj:pass"), or -1.
  int Child(int w, std::string_view deprel) const;
  // The smallest and largest word index below `w` (including w).
  WordRange Subtree(int w) const { return w < 0 || w >= size() ? WordRange{} : subtree_[w]; }
  text::Span SubtreeBytes(int w) const;
  // The word covering byte `offset`, or -1.
  int WordAt(uint32_t offset) const;
  // The first word made from the text layer's token `token` (its index in
  // the sentence's tokens), or -1. A split token's other words follow it.
  int WordOfToken(int token) const;
  // Relation without subtype ("obl" for "obl:tmod").
  static std::string_view Base(std::string_view deprel) { return deprel.substr(0, deprel.find(':')); }

  // Fills the children and subtree indexes from the heads (after parsing or
  // after reading a tree). Non-recursive.
  void Index();

 private:
  std::vector<int> child_begin_;  // size()+2 entries: word w's children are children_[child_begin_[w+1] ..]
  std::vector<int> children_;
  std::vector<WordRange> subtree_;
};

// Sentences longer than this many words are not parsed (Get returns nullptr
// and the count goes to the summary).
constexpr int kMaxSentenceWords = 200;

// The model of `lang` ("en"), loaded once from ATTACHE_MODEL_DIR (the
// environment variable) or the source tree's data/models/<lang>/syntax.bin.
// nullptr when the language has no model or the file is bad; the reason is
// written to stderr once per language ("analyze goes on without syntax").
const Model* ModelFor(std::string_view lang);
// The reason ModelFor(lang) failed, or "" when it loaded.
std::string ModelError(std::string_view lang);
// Path the model of `lang` is read from.
std::string ModelPath(std::string_view lang);

// Tags, lemmatises, parses and finds entities in the words of one sentence
// (words[i].form, begin and end filled). false when the sentence is empty or
// longer than kMaxSentenceWords (words are left unparsed).
bool Analyze(const Model& model, Sentence* s);
// The same with gold tags kept (upos already set) - for evaluation, and to
// parse a sentence TagOnly has tagged (the same tags Analyze would give).
bool ParseOnly(const Model& model, Sentence* s);
// Tags and lemmatises only: upos and lemma set, no heads, relations,
// entities or indexes. The tags are Analyze's (the tagger does not look at
// the tree).
bool TagOnly(const Model& model, Sentence* s);

// The syntactic words of one text-layer sentence: its tokens split by the
// model's word table, with byte offsets and token indexes.
std::vector<Word> SplitWords(const Model& model, std::string_view text, const std::vector<text::Token>& tokens);

// Lazy, cached parses of one document's sentences. Not thread-safe (one per
// Analyze call). `text` and `layer` must outlive it.
class DocumentSyntax {
 public:
  // The model of `lang` is loaded (ModelFor) on the first Get(), so a
  // document whose finders ask for nothing costs nothing.
  DocumentSyntax(std::string_view text, const text::TextLayer& layer, std::string_view lang);
  // With a model already at hand (nullptr: no syntax).
  DocumentSyntax(std::string_view text, const text::TextLayer& layer, const Model* model);
  ~DocumentSyntax();
  DocumentSyntax(const DocumentSyntax&) = delete;
  DocumentSyntax& operator=(const DocumentSyntax&) = delete;

  // Whether there is a model (loads it on first call).
  bool available() const;
  // The parse of layer.sentences[i], or nullptr (no model, index out of range,
  // or the sentence is longer than kMaxSentenceWords).
  const Sentence* Get(std::size_t i) const;
  // Only the tags and lemmas of layer.sentences[i] (words[k].upos, lemma,
  // form, offsets, token; no tree: heads and relations are unset), or
  // nullptr as for Get. Cheaper: the parser and the name finder do not run
  // until Get asks for the same sentence, and then the tags are the same.
  const Sentence* Tagged(std::size_t i) const;
  // The sentence containing byte `offset`, or -1.
  int SentenceAt(uint32_t offset) const;
  std::size_t parsed() const { return parsed_; }
  std::size_t too_long() const { return too_long_; }

 private:
  std::string_view text_;
  const text::TextLayer& layer_;
  std::string lang_;
  mutable const Model* model_;
  mutable bool looked_up_;
  mutable std::vector<std::unique_ptr<Sentence>> cache_;
  mutable std::vector<uint8_t> state_;  // 0 not tried, 1 parsed, 2 refused, 3 tagged only
  mutable std::vector<std::unique_ptr<TaggedWords>> tagged_;  // state 3: the tagger's hashes and tags
  mutable std::size_t parsed_ = 0, too_long_ = 0;
};

}  // namespace attache::syntax
