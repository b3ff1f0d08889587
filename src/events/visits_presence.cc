// Presence in a city abroad, read on the tree (the preposition "in" is
// events.txt's "within"): "In Zagreb, X will hail the
// accession", "in Sarajevo, as well as in Belgrade and Pristina, X will
// meet heads of state": the nsubj of a verb whose obl with "in" is a city
// (its conjuncts and appositions kept) is there; a person whose country is
// known and another than the city's visits it.
#include "events/finder.h"

namespace attache::events::internal {

namespace {

// The cities of an obl with "in" and of its conjuncts and appositions
// ("in Sarajevo, as well as in Belgrade and Pristina", "in Croatia's
// capital, Zagreb").
std::vector<const PlaceHit*> CitiesOf(const OnTree& on, int obl) {
  std::vector<const PlaceHit*> out;
  std::vector<int> stack = {obl};
  while (!stack.empty() && out.size() < 8) {
    const int c = stack.back();
    stack.pop_back();
    const PlaceHit* p = on.place(c);
    if (p && p->entity->kind == text::EntityKind::kCity && std::find(out.begin(), out.end(), p) == out.end())
      out.push_back(p);
    for (int d : on.t.Children(c))
      if (on.rel(d) == "conj" || on.rel(d) == "appos" || (on.rel(d) == "nmod" && on.prep(d).empty())) stack.push_back(d);
  }
  return out;
}

}  // namespace

void Finder::ReadPresence(size_t index) {
  Sentence& s = sentences_[index];
  const int n = static_cast<int>(s.toks.size());
  // Cheap test first: a capitalised word after "in" and a person or pronoun.
  bool cue = false;
  for (int k = 0; k + 1 < n && !cue; ++k) cue = t_.event_word(s.low[static_cast<size_t>(k)], "within") && s.toks[static_cast<size_t>(k + 1)].cap;
  if (!cue) return;
  bool person = false;
  for (int k = 0; k < n && !person; ++k) person = IsPronoun(s, k) || MentionAt(s, k) != nullptr;
  if (!person) return;
  FindPlaces(&s);
  if (s.places.empty()) return;
  const syntax::Sentence* t = syntax_->Get(index);
  if (!t) return;
  const OnTree on{s, *t};
  ReadBeingIn(s, *t);
  for (int w = 0; w < t->size(); ++w) {
    if (on.word(w).upos != "VERB") continue;
    const int v = on.word(w).token;
    if (v < 0 || v >= n) continue;
    // The verb's obl with "in", or one on the verb's object ("addressed
    // the parliament in Riga", "inaugurated a trade fair in Riga").
    std::vector<const PlaceHit*> cities;
    for (int c : t->Children(w)) {
      if (on.rel(c) == "obl" && t_.event_word(on.prep(c), "within"))
        for (const PlaceHit* p : CitiesOf(on, c)) cities.push_back(p);
      // Not an adjunct's: "commented on the summit in Tashkent" is talk
      // about a gathering, not presence at it.
      if (on.rel(c) == "obj")
        for (int d : t->Children(c))
          if ((on.rel(d) == "nmod" || on.rel(d) == "obl") && t_.event_word(on.prep(d), "within"))
            for (const PlaceHit* p : CitiesOf(on, d))
              if (std::find(cities.begin(), cities.end(), p) == cities.end()) cities.push_back(p);
    }
    if (cities.empty()) continue;
    // A meeting with someone named is the meeting rules' (a visit, or
    // none on neutral ground); so are talks between the people of the
    // subject (below).
    bool counterpart = false;
    if (on.cls(w) & (kMeet | kConfer | kMeeting))
      for (int c : t->Children(w))
        if ((on.rel(c) == "obj" || (on.rel(c) == "obl" && on.prep(c) == "with")) && !PeopleInPhrase(s, *t, c).empty())
          counterpart = true;
    if (counterpart || Cancelled(s, v) || CancelledAfter(s, v)) continue;
    // The subject, over xcomp and conj ("is due to speak in Riga").
    int subj = -1;
    for (int h = w, hop = 0; hop < 3 && h >= 0 && subj < 0; ++hop) {
      for (int c : t->Children(h))
        if (on.word(c).deprel == "nsubj") subj = c;
      if (subj >= 0) break;
      const std::string_view rel = on.rel(h);
      const int up = on.word(h).head;
      if (up < 0 || (rel != "xcomp" && rel != "conj") || (rel == "xcomp" && t->Child(up, "obj") >= 0)) break;
      h = up;
    }
    if (subj < 0) continue;
    std::vector<const text::PersonMention*> people;
    const int k = on.word(subj).token;
    if (k >= 0 && k < n && IsPronoun(s, k)) {
      if (const auto* m = Salient(s.toks[static_cast<size_t>(k)].begin); m && Known(m)) people.push_back(m);
    } else {
      people = PeopleInPhrase(s, *t, subj);
    }
    // "A and B met in Sochi": talks between them, the meeting rules' too.
    if (people.empty() || (people.size() > 1 && (on.cls(w) & (kMeet | kConfer | kMeeting)))) continue;
    ++group_;
    postponed_ = false;
    for (const auto* m : people)
      for (const PlaceHit* p : cities) AddVisitThere(m, p, s, v, /*once=*/true);
  }
}

// "X was in Riga on Monday", "X will be in Latvia next week", "X is
// currently in Ukraine": a place with "in" that is the predicate of a
// copula has its nsubj there (the copula's tense is the visit's). Read
// here because a sentence with only "be" holds no trigger of its own.
void Finder::ReadBeingIn(const Sentence& s, const syntax::Sentence& t) {
  const OnTree on{s, t};
  const int n = static_cast<int>(s.toks.size());
  for (int w = 0; w < t.size(); ++w) {
    const PlaceHit* where = on.place(w);
    const int cop = t.Child(w, "cop"), subj = t.Child(w, "nsubj");
    if (!where || cop < 0 || subj < 0 || !t_.event_word(on.prep(w), "within")) continue;
    const int v = on.word(cop).token;
    if (v < 0 || v >= n || Cancelled(s, v)) continue;
    std::vector<const text::PersonMention*> people;
    const int k = on.word(subj).token;
    if (k >= 0 && k < n && IsPronoun(s, k)) {
      if (const auto* m = Salient(s.toks[static_cast<size_t>(k)].begin); m && Known(m)) people.push_back(m);
    } else {
      people = PeopleInPhrase(s, t, subj);
    }
    if (people.empty()) continue;
    ++group_;
    postponed_ = false;
    for (const auto* m : people) AddVisitThere(m, where, s, v, /*once=*/true);
  }
}

}  // namespace attache::events::internal
