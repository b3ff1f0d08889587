// Trips read on the dependency tree (src/syntax), where the word patterns
// found none: the visitor is the nsubj of a verb of travel (or of the verb
// it is the xcomp or conj of: "plans to visit", "arrived and then
// travelled"), the destinations are its obj ("visit X") or its obl with
// "to", "in", "for" ("travel to X", "arrived in Y"), with their conjuncts
// ("Kenya, Tanzania and Uganda") and appositions ("the Kazakh capital,
// Astana"). A passive subject is no visitor; a plural noun subject stands
// for the two or more people named in its phrase ("the ministers of A and
// B, X and Y, will visit").
#include "events/finder.h"

namespace attache::events::internal {

namespace {

// The token a relative clause's subject stands for: "X, who paid a visit
// to Moscow" (the pronoun is the nsubj of a verb that is the acl:relcl of
// X, or, where the parser made no relative clause, a pronoun right after
// "X,"); else the subject's own token.
int Antecedent(const Sentence& s, const syntax::Sentence& t, int subj, int verb) {
  const syntax::Word& x = t.words[static_cast<size_t>(subj)];
  const syntax::Word& v = t.words[static_cast<size_t>(verb)];
  if (x.upos != "PRON" || x.head != verb) return x.token;
  if (v.deprel == "acl:relcl" && v.head >= 0) return t.words[static_cast<size_t>(v.head)].token;
  if (x.token >= 2 && s.low[static_cast<size_t>(x.token - 1)] == ",") return x.token - 2;
  return x.token;
}

}  // namespace

void Finder::ReadTree(const Sentence& s, size_t index) {
  if (!syntax_) return;
  ReadEventsAbroad(s, index);
  ReadAccompanying(s, index);
  ReadVisitWithoutPlace(s, index);
  ReadPresence(index);
  ReadLegs(index);
  // A verb of travel the tree can read: tagged a verb (the parse keeps the
  // tagger's tags), with a place in the sentence for a destination or a
  // trip the word patterns read from it for company and stops.
  bool trigger = false;
  const syntax::Sentence* tagged = nullptr;
  for (size_t k = 0; k < s.cls.size() && !trigger; ++k) {
    if (!(s.cls[k] & (kVisit | kTravel | kArrive)) || s.toks[k].cap) continue;
    bool read = !s.places.empty();
    for (const Candidate& c : candidates_) read = read || c.pos == s.toks[k].begin;
    if (!read) continue;
    if (!tagged && !(tagged = syntax_->Tagged(index))) return;
    for (const syntax::Word& x : tagged->words) trigger = trigger || (x.token == static_cast<int>(k) && x.upos == "VERB");
  }
  if (!trigger) {
    ReadTripNouns(s, index);
    return;
  }
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
    if (done || Cancelled(s, v) || CancelledAfter(s, v) || Unrealised(s, v, /*wishes=*/false)) continue;
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
      const int up = t->words[static_cast<size_t>(h)].head;
      if (up < 0) break;
      // An adjunct clause of its own verb with no subject ("After visiting
      // Bosnia, X will", "X ended the tour by heading to Pristina"): the
      // main clause's; not past an object ("invited Y to visit").
      if (rel != "xcomp" && rel != "conj" && rel != "advcl") break;
      if (rel == "xcomp" && t->Child(up, "obj") >= 0) break;
      h = up;
    }
    // The passive subject of the verb itself is the one visited; that of a
    // verb of plan up the tree is the visitor ("X is expected to visit"),
    // not that of one of invitation ("X was invited to visit").
    if (subj < 0) continue;
    if (t->words[static_cast<size_t>(subj)].deprel == "nsubj:pass") {
      const int ht = t->words[static_cast<size_t>(h)].token;
      if (h == w || ht < 0 || ht >= n || !(s.cls[static_cast<size_t>(ht)] & (kPlanned | kExpected))) continue;
    }
    int st = t->words[static_cast<size_t>(subj)].token;
    if (st >= 0 && st < n && !IsPronoun(s, st)) st = Antecedent(s, *t, subj, h);
    if (st < 0 || st >= n) continue;
    const text::PersonMention* who = MentionAt(s, st);
    if (!who && IsPronoun(s, st)) who = Salient(s.toks[st].begin);
    // "Former president of the United States X will visit", where the
    // parser made the title the head: the one person its phrase names.
    if (!who && t->words[static_cast<size_t>(subj)].upos == "NOUN" &&
        text::Fold(t->words[static_cast<size_t>(subj)].form) == text::Fold(t->words[static_cast<size_t>(subj)].lemma))
      if (const auto named = PeopleInPhrase(s, *t, subj); named.size() == 1) who = named[0];
    if (!who) who = ByDescription(s, st);  // "the Japanese prime minister will visit
    // "The foreign ministers of A, B and C — X, Y and Z — will visit": a
    // plural noun subject names its people within its phrase.
    std::vector<const text::PersonMention*> group;
    if (!who && t->words[static_cast<size_t>(subj)].upos == "NOUN" &&
        text::Fold(t->words[static_cast<size_t>(subj)].form) != text::Fold(t->words[static_cast<size_t>(subj)].lemma)) {
      const auto range = t->SubtreeBytes(subj);
      for (int k = 0; k < n; ++k) {
        if (s.toks[k].begin < range.begin || s.toks[k].end > range.end) continue;
        const text::PersonMention* m = MentionAt(s, k);
        if (!m || !Known(m) || std::find(group.begin(), group.end(), m) != group.end()) continue;
        group.push_back(m);
        k = MentionEnd(s, k, m);
      }
      if (group.size() < 2) group.clear();
    }
    if (who) group.push_back(who);
    if (group.empty()) continue;
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
    for (const auto* g : group)
      for (const PlaceHit* p : places) AddVisit(g, p, s, v);
  }
  // "X is visiting Lithuania together with Y", "X arrived in Riga with
  // his wife Y": the people of the verb's "with" adjunct travel along, on
  // each trip read from the verb (by either reading).
  for (int w = 0; w < t->size(); ++w) {
    const syntax::Word& x = t->words[static_cast<size_t>(w)];
    if (x.token < 0 || x.token >= n || x.upos != "VERB") continue;
    const int v = x.token;
    if (!(s.cls[static_cast<size_t>(v)] & (kVisit | kTravel | kArrive)) || s.toks[v].cap) continue;
    std::vector<const text::PersonMention*> along;
    const PlaceHit* from = nullptr;
    for (int c : t->Children(w)) {
      const int cs = t->Child(c, "case");
      if (Tree::Base(t->words[static_cast<size_t>(c)].deprel) != "obl" || cs < 0) continue;
      const std::string prep = text::Fold(t->words[static_cast<size_t>(cs)].form);
      if (prep != "with") continue;
      for (const auto* m : PeopleInPhrase(s, *t, c)) along.push_back(m);
    }
    // "X arrived in Sarajevo from Algeria" (the "from" phrase anywhere in
    // the verb's clause: the parser may hang it on a date or apposition).
    for (int c = 0; c < t->size() && !from && (s.cls[static_cast<size_t>(v)] & kArrive); ++c) {
      const int cs = t->Child(c, "case");
      if (cs < 0 || text::Fold(t->words[static_cast<size_t>(cs)].form) != "from") continue;
      int h = t->words[static_cast<size_t>(c)].head;
      while (h >= 0 && h != w && t->words[static_cast<size_t>(h)].upos != "VERB") h = t->words[static_cast<size_t>(h)].head;
      if (h == w) from = PlaceOfToken(s, t->words[static_cast<size_t>(c)].token);
    }
    std::vector<Candidate> added;
    // A stop before, over (its date unknown), unless the visitor's own
    // country.
    if (from)
      for (const Candidate& c : candidates_) {
        const auto& own = CountryOf(c.visitor);
        if (c.pos != s.toks[v].begin || !own || *own == from->entity->code || c.host == from->entity->code) continue;
        Candidate d = c;
        d.host = std::string(from->entity->code);
        d.place.reset();
        if (from->entity->kind == text::EntityKind::kCity) d.place = std::string(from->entity->name);
        d.date.reset();
        d.range_end.clear();
        d.status = "past";
        d.status_explicit = true;
        d.present = false;
        d.destinations = 1;
        added.push_back(std::move(d));
      }
    if (along.empty() && added.empty()) continue;
    for (const Candidate& c : candidates_) {
      if (c.pos != s.toks[v].begin) continue;
      for (const auto* m : along) {
        const auto& own = CountryOf(m->full_name);
        if (m->full_name == c.visitor || (own && *own == c.host)) continue;
        Candidate d = c;
        d.visitor = m->full_name;
        d.mention = m;
        d.nation.reset();
        added.push_back(std::move(d));
      }
    }
    for (Candidate& d : added)
      if (candidates_.size() < kMaxCandidates) candidates_.push_back(std::move(d));
  }
  ReadTripNouns(s, index);
}

// A trip noun and what it names on the tree: "embarked on the journey from
// Tehran to Ashgabat", "as part of a tour including Nigeria, Kenya and South
// Africa", "her trip next week to Oslo". The destinations are the noun's
// nmod with "to" or "including" (a tour's also with "of"), with their
// conjuncts and appositions; the visitor is the noun's possessor, else the
// subject of the verb the noun hangs on (over obj, obl, nmod, xcomp and
// conj), or that verb's object when it is one of welcome ("X received Y on
// a visit to"). Nobody visits their own country. Read only where the word patterns gave the noun no visit, and
// only when the sentence names a place after the noun.
void Finder::ReadTripNouns(const Sentence& s, size_t index) {
  const int n = static_cast<int>(s.toks.size());
  std::vector<int> nouns;
  for (int k = 0; k < n; ++k) {
    // A capitalised one only after a determiner ("a State Visit to"), seen
    // on the tree below; not a headline's "to Visit China".
    if (!(s.cls[k] & kTrip) || (s.toks[k].cap && (k == 0 || !s.toks[k - 1].cap))) continue;
    bool placed = false, done = false;
    for (const PlaceHit& p : s.places) placed = placed || p.first > k;
    // (A visit home read there is dropped later: the noun is read again.)
    for (const Candidate& c : candidates_)
      if (c.pos == s.toks[k].begin) {
        const auto& own = CountryOf(c.visitor);
        done = done || !own || *own != c.host;
      }
    if (placed && !done) nouns.push_back(k);
  }
  if (nouns.empty()) return;
  const syntax::Sentence* t = syntax_->Get(index);
  if (!t) return;
  using Tree = syntax::Sentence;
  const auto rel_of = [&](int w) { return Tree::Base(t->words[static_cast<size_t>(w)].deprel); };
  for (const int v : nouns) {
    const int w = t->WordOfToken(v);
    if (w < 0) continue;
    if (s.toks[v].cap) {
      // "a State Visit": a determiner or possessor on the noun.
      if (t->Child(w, "det") < 0 && t->Child(w, "nmod:poss") < 0) continue;
    } else if (t->words[static_cast<size_t>(w)].upos != "NOUN") {
      continue;
    }
    const bool tour = s.low[v] == "tour" || s.low[v] == "tours";
    std::vector<const PlaceHit*> places;
    std::vector<int> stack;
    int by = -1;  // "the visits of US diplomats": whose trip it is
    for (int c : t->Children(w)) {
      if (rel_of(c) != "nmod") continue;
      const int cs = t->Child(c, "case");
      const std::string prep = cs >= 0 ? text::Fold(t->words[static_cast<size_t>(cs)].form) : "";
      if (prep == "to" || prep == "including" || (tour && prep == "of")) stack.push_back(c);
      else if (prep == "of" || prep == "by") by = c;
    }
    while (!stack.empty() && places.size() < 12) {
      const int c = stack.back();
      stack.pop_back();
      const int tok = t->words[static_cast<size_t>(c)].token;
      const PlaceHit* p = tok >= 0 && tok < n ? PlaceOfToken(s, tok) : nullptr;
      if (p && std::find(places.begin(), places.end(), p) == places.end()) places.push_back(p);
      // A place's conjuncts; a common noun's name in apposition ("the
      // capital, Astana").
      for (int d : t->Children(c))
        if ((p && rel_of(d) == "conj") || rel_of(d) == "appos") stack.push_back(d);
    }
    if (places.empty()) continue;
    // The visitor: the possessor, else the subject up the tree.
    const text::PersonMention* who = nullptr;
    int subj_verb = -1;  // the verb whose subject it is
    if (by >= 0) {
      const int tok = t->words[static_cast<size_t>(by)].token;
      who = tok >= 0 && tok < n ? MentionAt(s, tok) : nullptr;
      if (!who) continue;  // someone's trip, not a person named
    } else if (const int poss = t->Child(w, "nmod:poss"); poss >= 0) {
      const int tok = t->words[static_cast<size_t>(poss)].token;
      if (tok < 0 || tok >= n) continue;
      who = (s.low[tok] == "his" || s.low[tok] == "her") ? OwnerOfNoun(s, v) : MentionAt(s, tok);
    } else {
      int h = w;
      for (int hop = 0; hop < 5 && h >= 0 && !who; ++hop) {
        const std::string_view rel = rel_of(h);
        if (rel != "obj" && rel != "obl" && rel != "nmod" && rel != "xcomp" && rel != "conj") break;
        h = t->words[static_cast<size_t>(h)].head;
        if (h < 0) break;
        // "X welcomed Y on an official visit to the UAE": a host verb's
        // object makes the trip.
        const int ht = t->words[static_cast<size_t>(h)].token;
        const bool host = ht >= 0 && ht < n && (s.cls[static_cast<size_t>(ht)] & kHost);
        const int subj = host ? t->Child(h, "obj") : t->Child(h, "nsubj");
        if (subj < 0) continue;
        if (t->words[static_cast<size_t>(subj)].deprel == "nsubj:pass") break;
        int tok = t->words[static_cast<size_t>(subj)].token;
        // "X, who paid an official visit to Moscow".
        if (!host && tok >= 0 && tok < n && !IsPronoun(s, tok)) tok = Antecedent(s, *t, subj, h);
        if (tok < 0 || tok >= n) break;
        who = MentionAt(s, tok);
        if (!who && IsPronoun(s, tok)) who = Salient(s.toks[tok].begin);
        if (!who && t->words[static_cast<size_t>(subj)].upos == "NOUN")
          if (const auto named = PeopleInPhrase(s, *t, subj); named.size() == 1) who = named[0];  // a title as head
        if (!host) subj_verb = h;
        break;
      }
    }
    if (!who) continue;
    // "X and his wife Y will pay a visit": each subject named beside the
    // one found, and their conjuncts.
    std::vector<const text::PersonMention*> whos = {who};
    if (subj_verb >= 0)
      for (int c : t->Children(subj_verb)) {
        if (t->words[static_cast<size_t>(c)].deprel != "nsubj") continue;
        for (const auto* m : PeopleInPhrase(s, *t, c))
          if (std::find(whos.begin(), whos.end(), m) == whos.end()) whos.push_back(m);
      }
    postponed_ = false;
    if (Cancelled(s, v) || CancelledAfter(s, v)) {
      if (!Postponed(s, v)) continue;
      postponed_ = true;
    }
    std::sort(places.begin(), places.end(), [](const PlaceHit* a, const PlaceHit* b) { return a->first < b->first; });
    ++group_;
    for (const auto* x : whos) {
      const auto& own = CountryOf(x->full_name);
      for (const PlaceHit* p : places)
        if (!own || *own != p->entity->code) AddVisit(x, p, s, v);
    }
    postponed_ = false;
  }
}

// The tense of the clause a trigger at token v stands in, read on the
// tree: the verb itself, or the verb a trip noun hangs on ("paid a visit",
// "as part of his visit"), over xcomp to the verb that governs it ("plans
// to visit", "is expected to arrive"). kFuture: an aux will/would/shall, or
// an xcomp of a verb of plan; kSimplePast: a past form with no auxiliary
// ("visited", "paid", "hosted"), its verb's token in `verb`; kPerfect,
// kProgressive; else kUnknown.
Finder::Tense Finder::TreeTense(const Sentence& s, int v, int* verb) const {
  const syntax::Sentence* t = TreeOf(s);
  if (!t) return Tense::kUnknown;
  using Tree = syntax::Sentence;
  const int n = static_cast<int>(s.toks.size());
  int w = t->WordOfToken(v);
  if (w < 0) return Tense::kUnknown;
  const auto word = [&](int i) -> const syntax::Word& { return t->words[static_cast<size_t>(i)]; };
  // A noun: the verb it is the object or adjunct of.
  for (int hop = 0; hop < 3 && w >= 0 && word(w).upos != "VERB"; ++hop) {
    const std::string_view rel = Tree::Base(word(w).deprel);
    if (rel != "obj" && rel != "obl" && rel != "nmod") return Tense::kUnknown;
    w = word(w).head;
  }
  if (w < 0 || word(w).upos != "VERB") return Tense::kUnknown;
  for (int hop = 0; hop < 3; ++hop) {
    bool to = false, perfect = false, be_now = false, be_then = false, had = false;
    for (int c : t->Children(w)) {
      const std::string_view rel = Tree::Base(word(c).deprel);
      const std::string f = text::Fold(word(c).form);
      if (rel == "mark" && f == "to") to = true;
      if (rel != "aux") continue;
      if (f == "will" || f == "would" || f == "shall" || f == "'ll" || f == "wo") return Tense::kFuture;
      if (f == "has" || f == "have") perfect = true;
      if (f == "had") had = true;
      if (f == "is" || f == "are" || f == "am") be_now = true;
      if (f == "was" || f == "were") be_then = true;
    }
    const std::string form = text::Fold(word(w).form);
    const bool ing = form.size() > 4 && form.compare(form.size() - 3, 3, "ing") == 0;
    const std::string_view rel = Tree::Base(word(w).deprel);
    if (to && rel == "xcomp" && word(w).head >= 0) {
      // "plans to visit", "is expected to arrive", "is going to travel".
      const int g = word(w).head;
      const int gt = word(g).token;
      const std::string gf = text::Fold(word(g).form);
      if ((gt >= 0 && gt < n && (s.cls[static_cast<size_t>(gt)] & kPlanned)) || gf == "going" ||
          t->Child(g, "aux") >= 0 || word(g).lemma == "plan" || word(g).lemma == "intend" ||
          word(g).lemma == "want" || word(g).lemma == "hope")
        return Tense::kFuture;
      w = g;
      continue;
    }
    if (had) return Tense::kSimplePast;
    if (perfect) return Tense::kPerfect;
    if (ing && be_now) return Tense::kProgressive;
    if (be_then) return Tense::kSimplePast;
    if (be_now) return Tense::kUnknown;
    if (rel == "conj" && word(w).head >= 0 && word(word(w).head).upos == "VERB") {
      w = word(w).head;  // "arrived and met": the first verb's auxiliaries
      continue;
    }
    const std::string lemma = text::Fold(word(w).lemma);
    if (verb) *verb = word(w).token;
    if (!ing && form != lemma && form != lemma + "s" && form != lemma + "es") return Tense::kSimplePast;
    return Tense::kUnknown;
  }
  return Tense::kUnknown;
}

// Whether the place at token `place` belongs to the clause of the meeting
// word at token v on the tree: it hangs (over nmod, obl, appos, flat and
// compound, and the object it qualifies, at most four steps) on v itself, or on the verb v is the
// object of ("held talks in Tbilisi"), not on a verb v is an adjunct of
// ("At a meeting with X, Y expressed hope for ... in Bishkek"). Without
// syntax, true.
bool Finder::CityOfClause(const Sentence& s, int v, int place) const {
  const syntax::Sentence* t = TreeOf(s);
  if (!t) return true;
  using Tree = syntax::Sentence;
  const int w = t->WordOfToken(v);
  int c = t->WordOfToken(place);
  if (w < 0 || c < 0) return false;
  const syntax::Word& trigger = t->words[static_cast<size_t>(w)];
  const int light = Tree::Base(trigger.deprel) == "obj" ? trigger.head : -1;
  for (int hop = 0; hop < 5 && c >= 0; ++hop) {
    if (c == w || (light >= 0 && c == light)) return true;
    const std::string_view rel = Tree::Base(t->words[static_cast<size_t>(c)].deprel);
    if (rel != "nmod" && rel != "obl" && rel != "obj" && rel != "appos" && rel != "flat" && rel != "compound")
      return false;
    c = t->words[static_cast<size_t>(c)].head;
  }
  return false;
}

// The known people a phrase names: every person mention within word w's
// subtree ("A and B", "A and his wife B", wherever the parser hung the
// conjuncts), not those of a clause inside it ("X, who met Y").
std::vector<const text::PersonMention*> Finder::PeopleInPhrase(const Sentence& s, const syntax::Sentence& t,
                                                               int w) const {
  std::vector<const text::PersonMention*> out;
  const int n = static_cast<int>(s.toks.size());
  const auto range = t.SubtreeBytes(w);
  std::vector<text::Span> clauses;
  for (int c : t.Children(w)) {
    const std::string_view rel = syntax::Sentence::Base(t.words[static_cast<size_t>(c)].deprel);
    if (rel == "acl" || rel == "advcl" || rel == "ccomp" || rel == "parataxis") clauses.push_back(t.SubtreeBytes(c));
  }
  int last_end = -2;  // the last token of the mention before
  for (int j = 0; j < n && out.size() < 12; ++j) {
    if (s.toks[j].begin < range.begin || s.toks[j].end > range.end) continue;
    bool inner = false;
    for (const auto& c : clauses) inner = inner || (s.toks[j].begin >= c.begin && s.toks[j].end <= c.end);
    const text::PersonMention* m = inner ? nullptr : MentionAt(s, j);
    if (!m) continue;
    // The rest of one name split at its particles ("Ursula von der Leyen").
    bool rest = last_end >= 0 && j > last_end + 1;
    for (int k = last_end + 1; k < j && rest; ++k) rest = t_.particles.count(s.low[k]) > 0;
    const int end = MentionEnd(s, j, m);
    if (rest) {
      last_end = end;
      j = end;
      continue;
    }
    if (Known(m) && std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
    last_end = end;
    j = end;
  }
  return out;
}

}  // namespace attache::events::internal
