// Syntax stage: one sentence's analysis (syntax.h): running the model parts
// in order, and the tree's indexes (children, subtrees) built without
// recursion.
#include <algorithm>

#include "syntax/decode.h"
#include "syntax/syntax.h"

namespace attache::syntax {

std::string_view EntityTypeName(EntityType t) {
  switch (t) {
    case EntityType::kPerson: return "person";
    case EntityType::kPlace: return "place";
    case EntityType::kOrganization: return "organization";
  }
  return "";
}

int Sentence::Root() const {
  for (int i = 0; i < size(); ++i)
    if (words[i].head < 0) return i;
  return -1;
}

Sentence::ChildRange Sentence::Children(int w) const {
  if (w < -1 || w >= size() || child_begin_.empty()) return {nullptr, nullptr};
  const int* base = children_.data();
  return {base + child_begin_[w + 1], base + child_begin_[w + 2]};
}

int Sentence::Child(int w, std::string_view deprel) const {
  const bool base_only = deprel.find(':') == std::string_view::npos;
  for (int c : Children(w))
    if (words[c].deprel == deprel || (base_only && Base(words[c].deprel) == deprel)) return c;
  return -1;
}

text::Span Sentence::SubtreeBytes(int w) const {
  const WordRange r = Subtree(w);
  if (r.last < r.first) return {};
  return {words[r.first].begin, words[r.last].end};
}

int Sentence::WordAt(uint32_t offset) const {
  for (int i = 0; i < size(); ++i)
    if (offset >= words[i].begin && offset < words[i].end) return i;
  return -1;
}

int Sentence::WordOfToken(int token) const {
  for (int i = 0; i < size(); ++i)
    if (words[i].token == token) return i;
  return -1;
}

void Sentence::Index() {
  const int n = size();
  // Children by counting sort on head: slot h+1 holds head h's (-1: root).
  child_begin_.assign(n + 2, 0);
  for (const Word& w : words)
    if (w.head >= -1 && w.head < n) ++child_begin_[w.head + 2];
  for (int i = 1; i < n + 2; ++i) child_begin_[i] += child_begin_[i - 1];
  std::vector<int> fill(child_begin_.begin(), child_begin_.end());
  children_.assign(child_begin_[n + 1], 0);
  for (int i = 0; i < n; ++i) {
    const int h = words[i].head;
    if (h >= -1 && h < n) children_[fill[h + 1]++] = i;
  }
  // Subtrees: every word widens the span of each of its ancestors. The walk
  // up is bounded by n steps (guards against a cycle in a read tree).
  subtree_.assign(n, WordRange{});
  for (int i = 0; i < n; ++i) subtree_[i] = {i, i};
  for (int i = 0; i < n; ++i) {
    int h = words[i].head;
    for (int steps = 0; h >= 0 && h < n && steps < n; ++steps) {
      subtree_[h].first = std::min(subtree_[h].first, i);
      subtree_[h].last = std::max(subtree_[h].last, i);
      h = words[h].head;
    }
  }
}

namespace {

// The words' hashes and tags: the tagger's own (`tag`), or the ones already
// in s->words[].upos. The gazetteer marks, which only the name finder
// reads, wait for it (EntityList::Fill). False when the sentence is empty
// or too long.
bool Prepare(const Model& m, const Sentence& s, bool tag, TaggedWords* t) {
  const int n = s.size();
  if (n == 0 || n > kMaxSentenceWords) return false;
  std::vector<std::string_view> forms(n);
  for (int i = 0; i < n; ++i) forms[i] = s.words[i].form;
  HashWords(forms, &t->w);
  t->tags.assign(n + 1, 0);
  if (tag) {
    TagWords(m, t->w, &t->tags);
  } else {
    for (int i = 0; i < n; ++i) {
      const auto it = std::find(m.upos.begin(), m.upos.end(), s.words[i].upos);
      t->tags[i + 1] = it == m.upos.end() ? 0 : static_cast<int>(it - m.upos.begin());
    }
  }
  return true;
}

// UPOS and lemma of every word from the tags.
void SetTags(const Model& m, const TaggedWords& t, Sentence* s) {
  for (int i = 0; i < s->size(); ++i) {
    Word& x = s->words[i];
    x.upos = m.upos[t.tags[i + 1]];
    x.lemma = m.lemmas.Lemma(x.form, t.tags[i + 1], t.tags[i + 1] == m.propn);
  }
}

}  // namespace

// What the name finder needs, kept from the parse.
struct EntityList::Pending {
  const Model* model;
  TaggedWords t;  // without the gazetteer marks
  std::vector<int> heads, labels;
  std::vector<std::pair<uint32_t, uint32_t>> bytes;  // words' offsets
  std::vector<std::string> forms;
};

void EntityList::Fill() const {
  const std::shared_ptr<Pending> p = std::move(pending_);
  pending_.reset();
  const Model& m = *p->model;
  const int n = static_cast<int>(p->bytes.size());
  const std::vector<std::string_view> forms(p->forms.begin(), p->forms.end());
  MarkGazetteer(forms, m.lang, &p->t.w);
  std::vector<int> ner;
  EntityWords(m, p->t.w, p->t.tags, p->heads, p->labels, &ner);
  v_.clear();
  for (int i = 1; i <= n; ++i) {
    const std::string& lab = m.ner[ner[i]];
    if (lab.size() < 3 || lab[0] != 'B') continue;
    int j = i;
    while (j + 1 <= n && m.ner[ner[j + 1]].size() > 2 && m.ner[ner[j + 1]][0] == 'I') ++j;
    const std::string_view type = std::string_view(lab).substr(2);
    Entity e;
    e.type = type == "PER" ? EntityType::kPerson : type == "LOC" ? EntityType::kPlace : EntityType::kOrganization;
    e.first = i - 1;
    e.last = j - 1;
    e.begin = p->bytes[i - 1].first;
    e.end = p->bytes[j - 1].second;
    v_.push_back(e);
  }
}

namespace {

// Parser and relation labeller over prepared words, the name finder left
// for the first read of the entities; the tags and lemmas are set too
// unless `tagged` (TagOnly set them from these tags).
void Finish(const Model& m, TaggedWords t, bool tagged, Sentence* s) {
  const int n = s->size();
  auto p = std::make_shared<EntityList::Pending>();
  ParseWords(m, t.w, t.tags, &p->heads, &p->labels);
  if (!tagged) SetTags(m, t, s);
  p->bytes.resize(static_cast<std::size_t>(n));
  p->forms.resize(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    Word& x = s->words[i];
    x.head = p->heads[i + 1] - 1;
    x.deprel = p->labels[i + 1] >= 0 ? std::string_view(m.deprels[p->labels[i + 1]]) : std::string_view("dep");
    p->bytes[static_cast<std::size_t>(i)] = {x.begin, x.end};
    p->forms[static_cast<std::size_t>(i)] = x.form;
  }
  p->model = &m;
  p->t = std::move(t);
  s->entities.Defer(std::move(p));
  s->Index();
}

}  // namespace

bool Analyze(const Model& model, Sentence* s) {
  TaggedWords t;
  if (!Prepare(model, *s, true, &t)) return false;
  Finish(model, std::move(t), false, s);
  return true;
}

bool ParseOnly(const Model& model, Sentence* s) {
  TaggedWords t;
  if (!Prepare(model, *s, false, &t)) return false;
  Finish(model, std::move(t), false, s);
  return true;
}

bool TagOnly(const Model& model, Sentence* s) {
  TaggedWords t;
  return TagKeeping(model, s, &t);
}

bool TagKeeping(const Model& model, Sentence* s, TaggedWords* t) {
  if (!Prepare(model, *s, true, t)) return false;
  SetTags(model, *t, s);
  return true;
}

void ParseTagged(const Model& model, TaggedWords t, Sentence* s) { Finish(model, std::move(t), true, s); }

}  // namespace attache::syntax
