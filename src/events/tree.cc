// Trips read on the dependency tree (src/syntax), where the word patterns
// found none: the visitor is the nsubj of a verb of travel (or of the verb
// it is the xcomp or conj of: "plans to visit", "arrived and then
// travelled"), the destinations are its obj ("visit X") or its obl with
// "to", "in", "for" ("travel to X", "arrived in Y"), with their conjuncts
// ("Kenya, Tanzania and Uganda") and appositions ("the Kazakh capital,
// Astana"). A passive subject is no visitor.
#include "events/finder.h"

namespace attache::events::internal {

namespace {

// The place of the sentence that covers token k, or null.
const PlaceHit* PlaceOfToken(const Sentence& s, int k) {
  for (const PlaceHit& p : s.places)
    if (p.first <= k && k <= p.last) return &p;
  return nullptr;
}

}  // namespace

void Finder::ReadTree(const Sentence& s, size_t index) {
  if (!syntax_) return;
  bool trigger = false;
  for (size_t k = 0; k < s.cls.size() && !trigger; ++k)
    trigger = (s.cls[k] & (kVisit | kTravel | kArrive)) && !s.toks[k].cap;
  if (!trigger) return;
  const syntax::Sentence* t = syntax_->Get(index);
  if (!t) return;
  using Tree = syntax::Sentence;
  const int n = static_cast<int>(s.toks.size());
  for (int w = 0; w < t->size(); ++w) {
    const syntax::Word& x = t->words[static_cast<size_t>(w)];
    if (x.token < 0 || x.token >= n || x.upos != "VERB") continue;
    const int v = x.token;
    const uint32_t cls = s.cls[static_cast<size_t>(v)];
    if (!(cls & (kVisit | kTravel | kArrive)) || s.toks[v].cap) continue;
    // Read already by the word patterns, or called off.
    bool done = false;
    for (const Candidate& c : candidates_) done = done || c.pos == s.toks[v].begin;
    if (done || Cancelled(s, v) || CancelledAfter(s, v)) continue;
    // The visitor: the verb's subject, else that of the verb it hangs on.
    int subj = -1, h = w;
    for (int hop = 0; hop < 3 && h >= 0; ++hop) {
      for (int c : t->Children(h))
        if (Tree::Base(t->words[static_cast<size_t>(c)].deprel) == "nsubj") {
          subj = c;
          break;
        }
      if (subj >= 0) break;
      const std::string_view rel = Tree::Base(t->words[static_cast<size_t>(h)].deprel);
      if (rel != "xcomp" && rel != "conj") break;
      h = t->words[static_cast<size_t>(h)].head;
    }
    if (subj < 0 || t->words[static_cast<size_t>(subj)].deprel == "nsubj:pass") continue;
    const int st = t->words[static_cast<size_t>(subj)].token;
    if (st < 0 || st >= n) continue;
    const text::PersonMention* who = MentionAt(s, st);
    if (!who && IsPronoun(s, st)) who = Salient(s.toks[st].begin);
    if (!who) continue;
    // The destinations and their conjuncts.
    std::vector<const PlaceHit*> places;
    std::vector<int> stack;
    for (int c : t->Children(w)) {
      const std::string_view rel = Tree::Base(t->words[static_cast<size_t>(c)].deprel);
      bool ok = false;
      if (rel == "obj") ok = (cls & kVisit) != 0;
      if (rel == "obl") {
        const int cs = t->Child(c, "case");
        const std::string prep = cs >= 0 ? text::Fold(t->words[static_cast<size_t>(cs)].form) : "";
        ok = ((cls & kArrive) && (prep == "in" || prep == "at" || prep == "to")) ||
             ((cls & kTravel) && (prep == "to" || prep == "for")) || ((cls & kVisit) && prep == "to");
      }
      if (ok) stack.push_back(c);
    }
    while (!stack.empty() && places.size() < 12) {
      const int c = stack.back();
      stack.pop_back();
      const int tok = t->words[static_cast<size_t>(c)].token;
      if (tok >= 0 && tok < n)
        if (const PlaceHit* p = PlaceOfToken(s, tok))
          if (std::find(places.begin(), places.end(), p) == places.end()) places.push_back(p);
      // Conjuncts ("Kenya, Tanzania and Uganda") and a name in apposition
      // ("the Kazakh capital, Astana").
      for (int d : t->Children(c)) {
        const std::string_view rel = Tree::Base(t->words[static_cast<size_t>(d)].deprel);
        if (rel == "conj" || rel == "appos") stack.push_back(d);
      }
    }
    std::sort(places.begin(), places.end(), [](const PlaceHit* a, const PlaceHit* b) { return a->first < b->first; });
    ++group_;
    for (const PlaceHit* p : places) AddVisit(who, p, s, v);
  }
}

}  // namespace attache::events::internal
