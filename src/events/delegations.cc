// Delegations and attendance: the members who make a head's trip
// ("accompanied by A, B and C": one visit each) and the events attended
// abroad ("X attended the summit in Yerevan").
#include "events/finder.h"

namespace attache::events::internal {

// Delegations: "X arrived in Astana, accompanied by A, B and C", "He was
// joined by A and B": each member named makes the head's trip, with its
// place, date and status. The head's trip is one read from this sentence
// before the members, else the latest trip of the person the clause is
// about, read in the sentences just before.
namespace {

// The people of two readings of one list, in text order, each once.
std::vector<const text::PersonMention*> Union(std::vector<const text::PersonMention*> a,
                                              const std::vector<const text::PersonMention*>& b) {
  for (const auto* m : b)
    if (std::find(a.begin(), a.end(), m) == a.end()) a.push_back(m);
  std::sort(a.begin(), a.end(),
            [](const text::PersonMention* x, const text::PersonMention* y) { return x->span.begin < y->span.begin; });
  return a;
}

}  // namespace

// The members a delegation's list names from token `from` ("by state
// ministers A and B and Energy Minister C", "including the minister of
// foreign affairs, D"): every known person up to the end of the clause,
// which a verb of its own ("will hold talks", "said", "who"), a modal or a
// stop ends; titles and descriptions in lower case are passed over.
std::vector<const text::PersonMention*> Finder::MembersFrom(const Sentence& s, int from) const {
  static const WordSet kEnds = {"will", "would", "shall", "who", "whom", "which", "where", "when", "that", "to"};
  constexpr uint32_t kVerbs = kVisit | kArrive | kTravel | kBe | kHost | kMeet | kHold | kAttend | kHappen;
  std::vector<const text::PersonMention*> out;
  const int n = static_cast<int>(s.toks.size());
  // The tagger's word classes, where it ran: a verb's spelling used as a
  // noun of a title ("current head of the council X") ends nothing.
  const size_t index = static_cast<size_t>(&s - sentences_.data());
  const syntax::Sentence* tags = syntax_ && index < sentences_.size() ? syntax_->Tagged(index) : nullptr;
  const auto noun = [&](int k) {
    if (!tags) return false;
    const int w = tags->WordOfToken(k);
    return w >= 0 && tags->words[static_cast<size_t>(w)].upos == "NOUN";
  };
  for (int k = from; k < n && k < from + 80; ++k) {
    const std::string& w = s.low[k];
    if (w == "." || w == ";" || w == ":") break;
    if (const auto* m = MentionAt(s, k)) {
      const int end = MentionEnd(s, k, m);
      // Not a capitalised modifier of a noun ("with Turkic states"), nor
      // one word of an institution's name ("Council of Elders").
      const bool modifier = end + 1 < n && !s.toks[end + 1].cap && noun(end + 1);
      const bool lone = m->full_name.find(' ') == std::string::npos;
      if (Known(m) && !modifier && !(tags && lone) && std::find(out.begin(), out.end(), m) == out.end())
        out.push_back(m);
      k = end;
      continue;
    }
    if (s.toks[k].kind != TokenKind::kWord || s.toks[k].cap) continue;
    if (kEnds.has(w) || (((s.cls[k] & kVerbs) || t_.verbs.count(w)) && !noun(k))) break;
  }
  return out;
}

void Finder::ReadCompanions(const Sentence& s) {
  const int n = static_cast<int>(s.toks.size());
  for (int k = 0; k + 2 < n; ++k) {
    // "X, together with A and B, visited Riga", "alongside A": events.txt's
    // "along" word, with its "alongprep" when it takes one.
    const bool along = !s.toks[k].cap && t_.event_word(s.low[k], "along");
    if (!(s.cls[k] & kAccompany) && !along) continue;
    std::vector<const text::PersonMention*> members, subjects;
    if (along) {
      const int from = t_.event_word(s.low[k + 1], "alongprep") ? k + 2 : k + 1;
      members = Union(ObjectsOf(s, from, from + 80), MembersFrom(s, from));
      subjects = SubjectsOf(s, k);
    } else if (s.toks[k].cap) {
      // "Accompanying X was a delegation including A and B": the head
      // follows the participle, the members the verb "be".
      const text::PersonMention* lead = MentionAt(s, k + 1);
      if (k != AdverbialEnd(s) || !lead) continue;
      int b = MentionEnd(s, k + 1, lead) + 1;
      if (b >= n || !(s.cls[b] & kBe)) continue;
      members = ObjectsOf(s, b + 1, b + 80);
      for (int j = b + 1; members.empty() && j < n && j <= b + 6; ++j)
        if (s.low[j] == "including") members = Union(ObjectsOf(s, j + 1, j + 80), MembersFrom(s, j + 1));
      subjects.push_back(lead);
    } else {
      // "accompanied by A", "accompanied during his trip by A".
      int by = k + 1;
      while (by < n && by <= k + 6 && s.low[by] != "by" && s.toks[by].kind == TokenKind::kWord) ++by;
      if (by >= n || s.low[by] != "by") continue;
      members = Union(ObjectsOf(s, by + 1, by + 80), MembersFrom(s, by + 1));
      subjects = SubjectsOf(s, k);
    }
    if (members.empty()) continue;
    // A trip home ("X left for Turkey, accompanied by ...") is no head's
    // trip: the one abroad before it is.
    const auto abroad = [&](const Candidate& c) {
      const auto& own = CountryOf(c.visitor);
      return !c.implied && !(own && *own == c.host);
    };
    // The head named again by surname only ("Accompanying Kobakhidze was").
    const auto surname = [](const std::string& name) {
      const size_t sp = name.rfind(' ');
      return sp == std::string::npos ? name : name.substr(sp + 1);
    };
    int head = -1;
    if (!s.toks[k].cap)
      for (size_t i = 0; i < candidates_.size(); ++i)
        if (candidates_[i].pos >= s.span.begin && candidates_[i].pos < s.toks[k].begin && abroad(candidates_[i])) {
          head = static_cast<int>(i);
          break;
        }
    // "X, accompanied by A and B, arrived in Riga": the subject's trip read
    // from this sentence after the members.
    if (head < 0 && subjects.size() == 1)
      for (size_t i = 0; i < candidates_.size() && head < 0; ++i)
        if (candidates_[i].pos > s.toks[k].begin && candidates_[i].pos < s.span.end &&
            candidates_[i].visitor == subjects[0]->full_name && abroad(candidates_[i]))
          head = static_cast<int>(i);
    if (head < 0) {
      if (subjects.size() == 1)
        for (size_t i = candidates_.size(); i-- > 0;) {
          const Candidate& c = candidates_[i];
          if (c.pos >= s.span.begin || s.span.begin - c.pos > 1500) continue;
          if ((c.visitor == subjects[0]->full_name || surname(c.visitor) == surname(subjects[0]->full_name)) &&
              abroad(c)) {
            head = static_cast<int>(i);
            break;
          }
        }
    }
    if (head < 0) continue;
    const int group = candidates_[static_cast<size_t>(head)].group;
    const std::string head_name = candidates_[static_cast<size_t>(head)].visitor;
    std::vector<Candidate> added;
    for (const Candidate& c : candidates_) {
      if (c.group != group || c.visitor != head_name) continue;
      for (const auto* m : members) {
        if (m->full_name == head_name || !Known(m) || IsPlaceName(m->full_name)) continue;
        Candidate d = c;
        d.visitor = m->full_name;
        d.mention = m;
        d.pos = m->span.begin;
        d.nation = ListNation(s, m);
        added.push_back(std::move(d));
      }
    }
    for (Candidate& d : added)
      if (candidates_.size() < kMaxCandidates) candidates_.push_back(std::move(d));
    return;
  }
}

// "X attended the summit in Yerevan", "X will participate in talks in
// Doha": taking part in an event held abroad is visiting its country. The
// place is the first one after "in"/"at" within the verb's clause; the
// visitor's country must be known and differ from it (a leader at home
// makes no visit). "A, B and C attended a meeting" is a meeting of them.
void Finder::ReadAttendance(const Sentence& s, int v) {
  static const WordSet kTalks = {"meeting", "meetings", "talks", "consultations", "negotiations"};
  static const WordSet kClause = {"which", "who", "where", "that", "when", "after", "before", "because",
                                  "while", "but", "although", "and", "said", "says"};
  const int n = static_cast<int>(s.toks.size());
  if (Cancelled(s, v) || CancelledAfter(s, v) || Refused(s, v)) return;
  if (v + 1 < n && s.low[v + 1] == "by") {
    ReadAttendedBy(s, v);
    return;
  }
  const auto who = SubjectsOf(s, v);
  if (who.empty()) return;
  const PlaceHit* where = nullptr;
  bool talks = false;
  for (int k = v + 1; k < n && k <= v + 24 && !where; ++k) {
    const std::string& w = s.low[k];
    if (s.toks[k].kind == TokenKind::kPunct && w != "-" && w != "'s" && w != "\xE2\x80\x99s" && w != "(" && w != ")")
      break;
    if (kClause.has(w)) break;
    if (k <= v + 4 && kTalks.has(w)) talks = true;
    if ((w == "in" || w == "at") && k + 1 < n) {
      const auto places = PlacesFrom(s, k + 1, 1);
      if (!places.empty()) where = places.front();
    }
  }
  if (talks && who.size() >= 2) {
    const size_t before = meeting_candidates_.size();
    AddGroupMeeting(who, s, v);
    if (meeting_candidates_.size() > before && where && where->entity->kind == text::EntityKind::kCity &&
        !meeting_candidates_.back().place)
      meeting_candidates_.back().place = std::string(where->entity->name);
  }
  if (!where) return;
  for (const auto* p : who) AddVisitThere(p, where, s, v);
}

// "The summit will be attended by A, B and C": the event's place is the one
// this sentence names after "in" or "at", else the one the sentence before
// names so ("X will take part in the summit in Yerevan. The event will also
// be attended by ...") or the place of the trip it reports ("X will visit
// Yerevan for the summit"); each guest whose country is known and not the
// host's visits it.
void Finder::ReadAttendedBy(const Sentence& s, int v) {
  const auto guests = ObjectsOf(s, v + 2, v + 80);
  if (guests.empty()) return;
  const auto place_after_in = [&](const Sentence& t, int from) -> const PlaceHit* {
    for (const PlaceHit& p : t.places)
      if (p.first > from && p.first >= 1 && (t.low[p.first - 1] == "in" || t.low[p.first - 1] == "at")) return &p;
    return nullptr;
  };
  const PlaceHit* where = place_after_in(s, -1);
  if (!where) {
    const size_t i = static_cast<size_t>(&s - sentences_.data());
    if (i >= 1 && i < sentences_.size()) {
      const Sentence& prev = sentences_[i - 1];
      if (!prev.placed) return;  // not a sentence about an event or a trip
      where = place_after_in(prev, -1);
      // "X will visit Yerevan to take part in the summit": the place of
      // the trip that sentence reports.
      for (const Candidate& c : candidates_) {
        if (where || c.pos < prev.span.begin || c.pos >= prev.span.end || c.implied) continue;
        for (const PlaceHit& p : prev.places)
          if (p.entity->code == c.host && (!c.place || *c.place == p.entity->name)) where = &p;
      }
    }
  }
  if (!where) return;
  for (const auto* p : guests) AddVisitThere(p, where, s, v);
}

}  // namespace attache::events::internal

namespace attache::events::internal {

// Events abroad read on the tree, where the word patterns found none: a
// verb of attendance ("attend a meeting ... on March 14 in Beijing, China",
// "participated in a gala held at Mar-a-Lago in Palm Beach") or any verb
// whose adjunct with "at", "during" or "on" leads to a noun of a gathering
// ("met Y on the sidelines of the summit in Samarkand", "spoke at the forum
// in Astana") places its subject (and, for a verb of meeting, its object)
// at the event; so does a relative "where" after a place ("departing
// Finland, where X attended the council's summit"). The place is the first
// one after "in" or "at" down the adjunct's nmod, obl and acl (its conjunct
// or apposition kept: "in Beijing, China"). Each person whose country is
// known and not the place's visits it.
void Finder::ReadEventsAbroad(const Sentence& s, size_t index) {
  if (!syntax_ || s.places.empty()) return;
  bool cue = false;
  for (size_t k = 0; k < s.cls.size() && !cue; ++k) cue = (s.cls[k] & kEvent) || ((s.cls[k] & kAttend) && !s.toks[k].cap);
  if (!cue) return;
  const syntax::Sentence* t = syntax_->Get(index);
  if (!t) return;
  using Tree = syntax::Sentence;
  const int n = static_cast<int>(s.toks.size());
  const OnTree on{s, *t};
  // A gathering's noun, also in a name ("the SCO Summit") or as the
  // conjunct the parser made of a name's last word.
  const auto event_of = [&](int i) -> uint32_t {
    const auto bits = [&](int j) -> uint32_t {
      const int k = on.word(j).token;
      return k >= 0 && k < n ? s.cls[static_cast<size_t>(k)] & kEvent : 0;
    };
    uint32_t b = bits(i);
    for (int c : t->Children(i))
      if (Tree::Base(on.word(c).deprel) == "conj") b |= bits(c);
    return b;
  };
  for (int w = 0; w < t->size(); ++w) {
    if (on.word(w).upos != "VERB") continue;
    const int v = on.word(w).token;
    if (v < 0 || v >= n) continue;
    // "took part in": a verb whose object is events.txt's "partake" word.
    bool partake = false;
    for (int c : t->Children(w)) {
      const int ck = on.word(c).token;
      partake = partake || (on.rel(c) == "obj" && ck >= 0 && ck < n && t_.event_word(s.low[static_cast<size_t>(ck)], "partake"));
    }
    const bool attend = (on.cls(w) & kAttend) != 0 || partake;
    const PlaceHit* where = nullptr;
    // "Finland, where X attended the summit".
    if ((on.rel(w) == "acl" || on.rel(w) == "advcl") && on.word(w).head >= 0 && (attend || (on.cls(w) & kMeet)))
      for (int c : t->Children(w))
        if (on.rel(c) == "advmod" && text::Fold(on.word(c).form) == "where") where = on.place(on.word(w).head);
    // Down the verb's adjuncts: (node, depth, whether a gathering is on the path).
    struct Step {
      int node, depth;
      bool event;
    };
    std::vector<Step> stack;
    // An adjunct of the verb, or of the meeting noun it governs ("held a
    // meeting on the sidelines of the summit in Samarkand").
    const auto adjunct = [&](int c) {
      const std::string prep = on.prep(c);
      // "on the sidelines of the summit", not "commented on the summit".
      if (prep == "at" || prep == "during" || (prep == "on" && !(event_of(c) & kEvent))) stack.push_back({c, 0, false});
    };
    for (int c : t->Children(w)) {
      const std::string_view rel = on.rel(c);
      if (attend && (rel == "obj" || rel == "obl")) stack.push_back({c, 0, true});
      if (!attend && rel == "obl") adjunct(c);
      if (!attend && rel == "obj" && (on.cls(c) & kMeeting))
        for (int d : t->Children(c))
          if (on.rel(d) == "nmod") adjunct(d);
    }
    bool gathering = false;  // an event on the way, its place maybe beside it
    while (!where && !stack.empty()) {
      const Step st = stack.back();
      stack.pop_back();
      const bool event = st.event || event_of(st.node);
      gathering = gathering || event;
      // A city in the gathering's own name ("at the Munich Security
      // Conference", "the Riga Forum"): where it is held.
      if (event_of(st.node))
        for (int c : t->Children(st.node))
          if (const PlaceHit* p = on.rel(c) == "compound" ? on.place(c) : nullptr;
              p && p->entity->kind == text::EntityKind::kCity && !where)
            where = p;
      if (where) break;
      const std::string prep = on.prep(st.node);
      if (event && st.depth > 0 && (prep == "in" || prep == "at"))
        if (const PlaceHit* p = on.place(st.node)) {
          where = p;
          break;
        }
      if (st.depth >= 4) continue;
      for (int c : t->Children(st.node)) {
        const std::string_view rel = on.rel(c);
        if (rel == "nmod" || rel == "obl" || rel == "acl") stack.push_back({c, st.depth + 1, event});
      }
      // The direct adjunct of a verb of attendance: "took part in talks in
      // Doha" reaches the city one step further; "attended ... in Beijing".
      if (attend && st.depth == 0 && (prep == "in" || prep == "at"))
        if (const PlaceHit* p = on.place(st.node)) where = p;
    }
    // "held a meeting on the sidelines of the forum in Tashkent", the city
    // hung by the parser on the meeting or the verb beside the forum.
    if (!where && gathering) {
      std::vector<int> anchors = {w};
      for (int c : t->Children(w))
        if (on.rel(c) == "obj" && (on.cls(c) & kMeeting)) anchors.push_back(c);
      for (int a : anchors)
        for (int c : t->Children(a)) {
          const std::string_view rel = on.rel(c);
          const std::string prep = on.prep(c);
          if (!where && (rel == "obl" || rel == "nmod") && (prep == "in" || prep == "at")) where = on.place(c);
        }
    }
    if (!where) continue;
    if (Cancelled(s, v) || CancelledAfter(s, v) || Refused(s, v)) continue;
    // Who: the subject (over xcomp and conj: "is due to attend") with its
    // conjuncts; for a verb of meeting, also the one met.
    std::vector<int> heads;
    for (int h = w, hop = 0; hop < 4 && h >= 0; ++hop) {
      for (int c : t->Children(h))
        if (on.word(c).deprel == "nsubj") heads.push_back(c);  // not a passive's
      if (!heads.empty() || on.word(h).head < 0) break;
      // "On his way to attend the summit in Brussels, X will": the adjunct's
      // noun, then the main clause's subject; not "invited Y to attend"
      // (the object attends).
      const std::string_view rel = on.rel(h);
      const int up = on.word(h).head;
      if (rel == "acl" && on.word(up).upos == "NOUN" && on.rel(up) == "obl") {
        h = on.word(up).head;
        continue;
      }
      if (rel != "xcomp" && rel != "conj" && rel != "advcl") break;
      if (rel == "xcomp" && t->Child(up, "obj") >= 0) break;
      h = up;
    }
    if (on.cls(w) & kMeet)
      for (int c : t->Children(w))
        if (on.rel(c) == "obj" || (on.rel(c) == "obl" && on.prep(c) == "with")) heads.push_back(c);
    for (int c : t->Children(w))
      if (on.rel(c) == "obj" && (on.cls(c) & kMeeting))
        for (int d : t->Children(c))
          if (on.rel(d) == "nmod" && on.prep(d) == "with") heads.push_back(d);  // "held talks with Y"
    for (int c : t->Children(w))
      if (on.rel(c) == "obl" && on.prep(c) == "with" && !(on.cls(w) & kMeet)) heads.push_back(c);
    // The people each phrase names ("A and B", the parser's conjuncts
    // wherever it hung them), not those of a clause inside it.
    std::vector<const text::PersonMention*> people;
    for (size_t i = 0; i < heads.size(); ++i) {
      const int h = heads[i];
      const int k = on.word(h).token;
      if (k >= 0 && k < n && IsPronoun(s, k)) {
        if (const auto* m = Salient(s.toks[k].begin); m && Known(m)) people.push_back(m);
        continue;
      }
      for (const auto* m : PeopleInPhrase(s, *t, h))
        if (std::find(people.begin(), people.end(), m) == people.end()) people.push_back(m);
    }
    if (people.empty()) continue;
    ++group_;
    postponed_ = false;
    for (const auto* p : people) AddVisitThere(p, where, s, v, /*once=*/true);
  }
}

}  // namespace attache::events::internal

namespace attache::events::internal {

// "X will be accompanying Y on his visit to Ukraine", "X accompanied Y on
// a trip to Kenya and Uganda": the subject of a verb of company in the
// active voice travels with its object, to the places of the trip noun
// its adjunct names (read on the tree, with their conjuncts).
void Finder::ReadAccompanying(const Sentence& s, size_t index) {
  bool cue = false;
  for (size_t k = 0; k < s.cls.size() && !cue; ++k) cue = (s.cls[k] & kAccompany) && !s.toks[k].cap;
  if (!cue || s.places.empty()) return;
  const syntax::Sentence* t = syntax_->Get(index);
  if (!t) return;
  const int n = static_cast<int>(s.toks.size());
  const OnTree on{s, *t};
  for (int w = 0; w < t->size(); ++w) {
    if (on.word(w).upos != "VERB" || !(on.cls(w) & kAccompany)) continue;
    int subj = -1, obj = -1, trip = -1;
    for (int c : t->Children(w)) {
      if (on.word(c).deprel == "nsubj") subj = c;
      if (on.rel(c) == "obj") obj = c;
      if ((on.rel(c) == "obl" || on.rel(c) == "obj") && (on.cls(c) & kTrip)) trip = c;
    }
    if (subj < 0 || obj < 0 || trip < 0) continue;
    std::vector<const PlaceHit*> places;
    std::vector<int> stack;
    for (int c : t->Children(trip)) {
      const int cs = t->Child(c, "case");
      if (on.rel(c) == "nmod" && cs >= 0 && text::Fold(on.word(cs).form) == "to") stack.push_back(c);
    }
    while (!stack.empty() && places.size() < 12) {
      const int c = stack.back();
      stack.pop_back();
      const PlaceHit* p = on.place(c);
      if (p && std::find(places.begin(), places.end(), p) == places.end()) places.push_back(p);
      for (int d : t->Children(c))
        if ((p && on.rel(d) == "conj") || on.rel(d) == "appos") stack.push_back(d);
    }
    if (places.empty()) continue;
    const int v = on.word(w).token;
    if (v < 0 || v >= n || Cancelled(s, v) || CancelledAfter(s, v)) continue;
    std::sort(places.begin(), places.end(), [](const PlaceHit* a, const PlaceHit* b) { return a->first < b->first; });
    ++group_;
    postponed_ = false;
    for (const auto* m : PeopleInPhrase(s, *t, subj)) {
      const auto& own = CountryOf(m->full_name);
      for (const PlaceHit* p : places)
        if (!own || *own != p->entity->code) AddVisit(m, p, s, v);
    }
  }
}

}  // namespace attache::events::internal
