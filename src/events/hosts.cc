// Receptions and hosted visits: "X received Y", "Y was hosted by X", "X
// gave Y a warm welcome", "the visiting minister X".
#include "events/finder.h"

namespace attache::events::internal {

// "X received Y", "X hosted Y in Sochi", "X welcomed Y to Paris", "X
// received a Chinese delegation led by Y".
void Finder::ReadHost(const Sentence& s, int v) {
  const int n = static_cast<int>(s.toks.size());
  int from = v + 1;
  std::optional<std::string> nation;  // "a Chinese delegation led by X"
  for (int k = v + 1; k < n && k <= v + 5; ++k) {
    const std::string& w = s.low[k];
    if (const text::Country* c = s.toks[k].cap ? text::LookupDemonym(Slice(s.toks[k]), t_.lang) : nullptr)
      nation = std::string(c->code);
    if (w == "delegation" || w == "delegations") {
      if (k + 2 < n && (s.low[k + 1] == "led" || s.low[k + 1] == "headed") && s.low[k + 2] == "by") from = k + 3;
      else if (k + 1 < n && s.low[k + 1] == "of") from = k + 2;
      break;
    }
    // "hosted talks with Y", "hosted a meeting with Y".
    if ((s.cls[k] & kMeeting) && !s.toks[k].cap && k + 1 < n && s.low[k + 1] == "with") {
      from = k + 2;
      break;
    }
    // "hosted a state dinner in honour of Y".
    if ((s.cls[k] & kMeal) && k + 3 < n && s.low[k + 1] == "in" &&
        (s.low[k + 2] == "honour" || s.low[k + 2] == "honor") && s.low[k + 3] == "of") {
      from = k + 4;
      break;
    }
    if (s.toks[k].kind != TokenKind::kWord) break;
    if (!(s.toks[k].cap || w == "a" || w == "an" || w == "the" ||
          (k + 1 < n && (s.cls[k + 1] & (kMeeting | kMeal)) && !t_.function_words.count(w))))
      break;
  }
  const auto guests = GuestsFrom(s, from, from + 24);
  if (guests.empty()) return;
  // "welcomed X to Google", "to the team": a welcome into something, not
  // to a place.
  {
    const auto* last = guests.back();
    int k = MentionEnd(s, TokenAfter(s, last->span.begin), last) + 1;
    if (k < n && s.low[k] == "to") {
      int p = k + 1;
      if (p < n && s.low[p] == "the") ++p;
      bool place = false;
      for (const PlaceHit& h : s.places) place = place || h.first == p;
      if (!place) return;
    }
  }
  // "received a delegation led by Chairperson of the Federation Council of
  // the Russian Federation Y": the country a lone guest's title run names,
  // when nothing else gives the guest's.
  std::optional<std::string> titled;
  if (guests.size() == 1 && !CountryOf(guests[0]->full_name)) {
    const int g = TokenAfter(s, guests[0]->span.begin);
    for (const PlaceHit& p : s.places)
      if (p.first >= from && p.last < g && p.entity->kind == text::EntityKind::kCountry) {
        titled = std::string(p.entity->code);
        break;
      }
  }
  const auto hosts = SubjectsOf(s, v);
  if (hosts.empty()) {
    // "Qatar hosted Hamas leader X", "Baku welcomed Y": a place receives;
    // a visit there, no meeting.
    int j = v - 1;
    while (j >= 0 && Skippable(s, j)) --j;
    if (j < 0 || PhoneCall(s) || Cancelled(s, v) || CancelledAfter(s, v)) return;
    for (const PlaceHit& p : s.places)
      if (p.last == j && !Possessive(s, j))
        for (const auto* g : guests)
          if (!Resident(g->full_name) && (nation || CountryOf(g->full_name))) AddVisit(g, &p, s, v);
    return;
  }
  Hosted(hosts, guests, s, v, true, from > v + 1 && nation ? nation : titled);
}

// A noun of welcome at v after a light verb: "X gave a warm welcome (on
// Thursday) to Y", "X gave Y a warm welcome", "Y was accorded a warm
// reception by X".
// The light verb of a reception noun at v ("gave ... a warm welcome"), or -1.
int Finder::ReceptionVerb(const Sentence& s, int v) const {
  for (int k = v - 1; k >= 0 && v - k <= 8; --k) {
    if (s.cls[k] & kGive) return k;
    if (s.toks[k].kind == TokenKind::kPunct && s.low[k] != "-") break;
  }
  return -1;
}

void Finder::ReadReception(const Sentence& s, int v) {
  const int n = static_cast<int>(s.toks.size());
  const int g = ReceptionVerb(s, v);
  if (g < 0) return;
  std::vector<const text::PersonMention*> hosts, guests;
  int after = v + 1;
  while (after < n && after < v + 6 && s.low[after] != "to" && s.low[after] != "by" &&
         (Skippable(s, after) || s.toks[after].cap))
    ++after;
  if (after < n && s.low[after] == "by") {
    hosts = ObjectsOf(s, after + 1, after + 14);
    guests = SubjectsOf(s, g);
  } else {
    hosts = SubjectsOf(s, g);
    guests = GuestsFrom(s, g + 1, v);  // "gave Y a warm welcome"
    if (guests.empty() && after < n && s.low[after] == "to") guests = GuestsFrom(s, after + 1, after + 24);
  }
  if (!hosts.empty() && !guests.empty()) Hosted(hosts, guests, s, v, true);
}

// Whether a person's role says they live where they are received ("US
// Ambassador X").
bool Finder::Resident(const std::string& name) const {
  std::optional<std::string> role, country;
  ActorDetails(name, std::nullopt, &role, &country);
  if (!role) return false;
  const std::string folded = text::Fold(*role);
  size_t i = 0;
  while (i < folded.size()) {
    size_t j = folded.find(' ', i);
    if (j == std::string::npos) j = folded.size();
    if (ClassBits(t_, std::string_view(folded).substr(i, j - i)) & kResident) return true;
    i = j + 1;
  }
  return false;
}

// Guests received by hosts: each guest visits the place named, else the
// host's country; a meeting between them unless `meeting` is false or
// the welcome is an arrival ceremony ("at the airport").
// A guest whose country nothing states may be the host's compatriot ("the
// President received Minister X"): a meeting, but no visit. `nation` is
// the guests' country when their group names it ("a Chinese delegation").
void Finder::Hosted(const std::vector<const text::PersonMention*>& hosts,
                    const std::vector<const text::PersonMention*>& guests, const Sentence& s, int v, bool meeting,
                    const std::optional<std::string>& nation) {
  // "X will not receive Y", "X received Y by video link".
  if (PhoneCall(s) || Cancelled(s, v) || CancelledAfter(s, v)) return;
  int from = v + 1;
  for (const auto* m : guests)
    if (m->span.begin > s.toks[v].begin) from = std::max(from, MentionEnd(s, TokenAfter(s, m->span.begin), m) + 1);
  for (const auto* m : hosts)
    if (m->span.begin > s.toks[v].begin) from = std::max(from, MentionEnd(s, TokenAfter(s, m->span.begin), m) + 1);
  const PlaceHit* where = HostPlace(s, from);
  std::string host;
  if (!where)
    for (const auto* h : hosts)
      if (const auto& c = CountryOf(h->full_name); c && host.empty()) host = *c;
  // A guest named beside another whose country is known and not the
  // host's is of that party ("host President X and First Lady Y").
  std::optional<std::string> party;
  for (const auto* g : guests)
    if (const auto& c = CountryOf(g->full_name); c && c->size() == 3 && !party && (host.empty() || *c != host) &&
                                                 (!where || *c != where->entity->code))
      party = c;
  for (const auto* g : guests) {
    if (std::find(hosts.begin(), hosts.end(), g) != hosts.end() || IsPlaceName(g->full_name)) continue;
    if (Resident(g->full_name) || (!nation && !party && !CountryOf(g->full_name))) continue;
    const size_t before = candidates_.size();
    AddVisit(g, where, s, v, host);
    for (size_t i = before; i < candidates_.size(); ++i)
      if (!candidates_[i].nation) candidates_[i].nation = nation ? nation : (CountryOf(g->full_name) ? std::nullopt : party);
  }
  bool ceremony = false;
  for (uint32_t c : s.cls) ceremony = ceremony || (c & kCeremony);
  // The host is at home where the guest is received (043), unless the
  // place is another country than the host's own.
  bool home = true;
  if (where)
    for (const auto* h : hosts)
      if (const auto& c = CountryOf(h->full_name); c && *c != where->entity->code) home = false;
  // A welcome or greeting alone is no talks ("X welcomed Y to Abu Dhabi"):
  // a meeting only when the article tells of talks.
  if (meeting && !ceremony && !Refused(s, v) && (!t_.event_word(s.low[v], "greet") || TalksTold()))
    AddMeeting(guests, hosts, s, v, false, home);
}

// Whether a word of talks ("met", "talks", "a meeting") is in the
// article, in lower case.
bool Finder::TalksTold() const {
  for (const Sentence& x : sentences_)
    for (size_t k = 0; k < x.toks.size(); ++k)
      if (!x.toks[k].cap && t_.event_word(x.low[k], "talks")) return true;
  return false;
}

// The people of a side who go to a meeting: not the companions ("X and
// his wife Y", "President X and First Lady Y": the title run or the two
// words before the name say so) when the sentence names someone who is
// none; a sentence of companions only keeps them all.
std::vector<const text::PersonMention*> Finder::Principals(const Sentence& s,
                                                           const std::vector<const text::PersonMention*>& side) const {
  const auto companion = [&](const text::PersonMention& m) {
    for (int k = TokenAfter(s, m.span.begin) - 1, seen = 0; k >= 0 && seen < 3; --k, ++seen) {
      if (s.toks[k].kind != TokenKind::kWord) break;
      if (t_.event_word(s.low[k], "companion")) return true;
    }
    return false;
  };
  // The sentence's mentions only (sorted by position), not the article's.
  const auto& ms = people_.mentions;
  bool principal = false;
  for (auto it = std::lower_bound(ms.begin(), ms.end(), s.span.begin,
                                  [](const text::PersonMention& m, uint32_t b) { return m.span.begin < b; });
       it != ms.end() && it->span.begin < s.span.end && !principal; ++it)
    principal = !companion(*it);
  if (!principal) return side;
  std::vector<const text::PersonMention*> kept;
  for (const auto* m : side)
    if (!companion(*m)) kept.push_back(m);
  return kept;
}

// "visiting" used as an adjective before a person: after a determiner or
// a possessive ("the visiting Turkish minister X", "Jordan's visiting
// King Y"), or opening a sentence.
bool Finder::Attributive(const Sentence& s, int v) const {
  const std::string& w = s.low[v];
  if (w.size() < 5 || w.compare(w.size() - 3, 3, "ing") != 0) return false;
  static const WordSet kDeterminers = {"the", "a", "an", "his", "her", "their", "its"};
  if (!(v == 0 || kDeterminers.has(s.low[v - 1]) || Possessive(s, v - 1) ||
        (v >= 2 && (s.low[v - 1] == "'s" || s.low[v - 1] == "\xE2\x80\x99s"))))
    return false;
  const auto who = ObjectsOf(s, v + 1, v + 8);
  return !who.empty() && TokenAfter(s, who[0]->span.begin) <= v + 6;
}

// The visitor a "visiting" describes: to the place the sentence names
// after them ("met X in London"), else to the country of the person they
// meet or who receives them.
void Finder::ReadVisiting(const Sentence& s, int v) {
  const int n = static_cast<int>(s.toks.size());
  const auto who = ObjectsOf(s, v + 1, v + 8);
  if (who.empty() || !Known(who[0])) return;
  const text::PersonMention* guest = who[0];
  const int end = MentionEnd(s, TokenAfter(s, guest->span.begin), guest);
  // The verb of the clause: a meeting or a reception.
  int verb = -1;
  for (int k = end + 1; k < n && k <= end + 12 && verb < 0; ++k)
    if (!s.toks[k].cap && (s.cls[k] & (kMeet | kMeeting | kHost))) verb = k;
  std::vector<const text::PersonMention*> other;
  if (verb >= 0) {
    int from = verb + 1;
    if (from < n && (s.low[from] == "with" || s.low[from] == "by")) ++from;
    other = ObjectsOf(s, from, from + 20);
  }
  const PlaceHit* where = nullptr;
  for (const PlaceHit& p : s.places) {
    if (p.first <= end || Possessive(s, p.last)) continue;
    if (p.first > end + 14) break;  // the clause of the visitor, not a later one
    int prep = p.first - 1;
    if (s.low[prep] == "the") --prep;
    if (s.low[prep] == "in" || s.low[prep] == "at" || s.low[prep] == "to") {
      where = &p;
      break;
    }
  }
  std::string host;
  if (!where)
    for (const auto* o : other)
      if (const auto& c = CountryOf(o->full_name); c && host.empty()) host = *c;
  AddVisit(guest, where, s, verb >= 0 ? verb : v, host);
}

// "in the Kenyan capital" (a country's hit ending on a capital noun, see
// CapitalNoun) as the place of talks at v: after the verb in its own
// words (OwnPlace), or in a leading adverbial ("While in the Kenyan
// capital, X met Y").
const PlaceHit* Finder::CapitalOfTalks(const Sentence& s, int v) const {
  for (const PlaceHit& p : s.places) {
    if (p.entity->kind != text::EntityKind::kCountry || p.last == p.first || p.first < 2) continue;
    if (!t_.event_word(s.low[p.last], "capital")) continue;
    const int prep = p.first - 2;  // before "the"
    if (s.low[prep] != "in" && s.low[prep] != "at") continue;
    if (p.first > v ? OwnPlace(s, v) == &p : p.last < AdverbialEnd(s) && p.last < v) return &p;
  }
  return nullptr;
}

// Talks in a city: a meeting held there ("Georgian Prime Minister X met
// European Council President Y in Tbilisi", "met Y at State House
// Nairobi") is a visit there for each participant whose country is known
// and another (on neutral ground, for each side). The city must follow
// the meeting's word in its sentence, or be that of the trip a
// participant was just reported on. Read after all sentences, over the
// meetings found.
void Finder::VisitsOfTalksAtHome() {
  const size_t count = meeting_candidates_.size();
  for (size_t i = 0; i < count && candidates_.size() < kMaxCandidates; ++i) {
    const MeetingCandidate& m = meeting_candidates_[i];
    auto it = std::upper_bound(sentences_.begin(), sentences_.end(), m.pos,
                               [](size_t p, const Sentence& x) { return p < x.span.begin; });
    if (it == sentences_.begin()) continue;
    const Sentence& s = *(it - 1);
    const int v = TokenAfter(s, static_cast<uint32_t>(m.pos));
    // No city, but a capital named through its country ("While in the
    // Turkmen capital, X held talks with Y"): that country, its city unnamed.
    const PlaceHit* where = m.place ? nullptr : CapitalOfTalks(s, v);
    if (!m.place && !where) continue;
    for (const PlaceHit& p : s.places) {
      if (where || p.first <= v || p.entity->kind != text::EntityKind::kCity || p.entity->name != *m.place) continue;
      // "in Tbilisi", "at State House Nairobi", within the meeting's clause:
      // no verb of another clause before it ("expressed hope for ... in").
      int prep = p.first - 1;
      while (prep > v && p.first - prep <= 3 && s.toks[prep].cap) --prep;
      if (s.low[prep] == "the") --prep;
      if (prep <= v || (s.low[prep] != "in" && s.low[prep] != "at")) continue;
      bool clause = true;
      for (int k = v + 1; k < prep && clause; ++k)
        clause = s.toks[k].cap || !(t_.verbs.count(s.low[k]) || (s.cls[k] & (kVisit | kTravel | kArrive | kBe)) ||
                                    s.low[k] == "while" || s.low[k] == "as" || s.low[k] == "which" ||
                                    s.low[k] == "who" || s.low[k] == "where");
      if (clause && CityOfClause(s, v, p.first)) where = &p;
    }
    // A sentence that names no place but in the country of the trip a
    // participant was reported on just before meets in that trip's city
    // ("Earlier on Thursday, he met Y and Uzbekistan's Z"): whoever of
    // another country met them there was there too (an organisation's
    // official may sit in that city: not read so).
    const text::Place* borrowed = nullptr;
    if (!where) {
      borrowed = text::LookupPlace(*m.place, t_.lang);
      if (!borrowed || borrowed->kind != text::EntityKind::kCity) continue;
      bool elsewhere = false;  // or the city named, in another clause
      for (const PlaceHit& p : s.places)
        elsewhere = elsewhere || p.entity->code != borrowed->code || p.entity->name == *m.place;
      if (elsewhere) continue;
    }
    const std::string host(where ? where->entity->code : borrowed->code);
    // "X met his British counterpart Y in London": a participant of the
    // host's country titled relative to the others ("counterpart") makes
    // them foreign there, their own country unknown.
    bool counterpart = false;
    for (const text::PersonMention& x : people_.mentions) {
      if (x.span.begin < s.span.begin || x.span.begin >= s.span.end || x.title.size() == 0) continue;
      if (std::find(m.participants.begin(), m.participants.end(), x.full_name) == m.participants.end()) continue;
      const auto& c = CountryOf(x.full_name);
      if (!c || *c != host) continue;
      const std::string title = text::Fold(Slice(x.title.begin, x.title.end));
      for (size_t i = 0, j; i < title.size(); i = j + 1) {
        j = title.find(' ', i);
        if (j == std::string::npos) j = title.size();
        counterpart = counterpart || (ClassBits(t_, std::string_view(title).substr(i, j - i)) & kRelational);
      }
    }
    ++group_;
    for (const std::string& p : m.participants) {
      const auto& c = CountryOf(p);
      if ((!c && !(counterpart && !borrowed)) || (c && *c == host) || candidates_.size() >= kMaxCandidates) continue;
      if (borrowed && c->size() != 3) continue;
      Candidate c2;
      c2.visitor = p;
      c2.host = host;
      c2.place = m.place;
      c2.date = m.date;
      c2.status = m.status;
      c2.pos = m.pos;
      c2.group = group_;
      c2.implied = true;
      candidates_.push_back(std::move(c2));
    }
  }
}

}  // namespace attache::events::internal

namespace attache::events::internal {

// "During the visit, X held talks with his Vietnamese counterpart Y": a
// trip noun that names no place, an adjunct of a verb of meeting, is a
// visit of the verb's subject to the country of the people met (one
// country, known, and another than the visitor's). Read on the tree.
void Finder::ReadVisitWithoutPlace(const Sentence& s, size_t index) {
  const int n = static_cast<int>(s.toks.size());
  bool talks = false;  // parsed only where someone may be met
  for (int k = 0; k < n && !talks; ++k) talks = (s.cls[k] & (kMeet | kHold | kConfer)) && !s.toks[k].cap;
  if (!talks) return;
  std::vector<int> nouns;
  for (int k = 0; k < n; ++k) {
    if (!(s.cls[k] & kTrip) || s.toks[k].cap) continue;
    bool done = false;
    for (const Candidate& c : candidates_) done = done || c.pos == s.toks[k].begin;
    if (!done) nouns.push_back(k);
  }
  if (nouns.empty()) return;
  const syntax::Sentence* t = syntax_->Get(index);
  if (!t) return;
  const OnTree on{s, *t};
  for (const int v : nouns) {
    const int w = t->WordOfToken(v);
    if (w < 0 || on.word(w).upos != "NOUN" || on.rel(w) != "obl" || on.word(w).head < 0) continue;
    // No place of its own: no "to"/"in"/"of" phrase at all.
    bool placed = false;
    for (int c : t->Children(w)) placed = placed || (on.rel(c) == "nmod" && on.prep(c) != "with");
    if (placed) continue;
    const int h = on.word(w).head;
    if (on.word(h).upos != "VERB") continue;
    std::vector<int> met;
    int subj = -1;
    for (int c : t->Children(h))
      if (on.word(c).deprel == "nsubj") subj = c;
    // The verb and the predicates in series with it, sharing its subject
    // ("paid respect to ..., held talks with Y").
    std::vector<int> verbs = {h};
    for (int c : t->Children(h))
      if ((on.rel(c) == "conj" || on.rel(c) == "advcl") && on.word(c).upos == "VERB" && t->Child(c, "nsubj") < 0)
        verbs.push_back(c);
    for (int g : verbs)
      for (int c : t->Children(g)) {
        if ((on.cls(g) & kMeet) && on.rel(c) == "obj") met.push_back(c);
        if ((on.cls(g) & (kMeet | kConfer)) && on.rel(c) == "obl" && on.prep(c) == "with") met.push_back(c);
        if ((on.cls(g) & kHold) && on.rel(c) == "obj" && (on.cls(c) & kMeeting))
          for (int d : t->Children(c))
            if (on.rel(d) == "nmod" && on.prep(d) == "with") met.push_back(d);
      }
    if (subj < 0 || met.empty()) continue;
    std::string host;
    bool one = true;
    for (int c : met)
      for (const auto* m : PeopleInPhrase(s, *t, c)) {
        const auto& country = CountryOf(m->full_name);
        if (!country) continue;
        if (host.empty()) host = *country;
        else one = one && host == *country;
      }
    if (host.empty() || !one || Cancelled(s, v) || CancelledAfter(s, v)) continue;
    ++group_;
    postponed_ = false;
    for (const auto* p : PeopleInPhrase(s, *t, subj)) {
      const auto& own = CountryOf(p->full_name);
      if (own && *own != host) AddVisit(p, nullptr, s, v, host);
    }
  }
}

}  // namespace attache::events::internal
