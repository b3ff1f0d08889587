// Meeting triggers ("met", "held talks with", "a meeting between A and
// B"), the meetings they give and the visits a meeting abroad implies.
#include "events/finder.h"

namespace attache::events::internal {

void Finder::ReadMeeting(const Sentence& s, int v) {
  // "a joint press conference in Riga with X" is no meeting (the visit it
  // tells of stands).
  const size_t before = meeting_candidates_.size();
  ReadMeetingWords(s, v);
  if (v > 0 && (s.cls[v] & kMeeting) && (s.cls[v - 1] & kPress)) meeting_candidates_.resize(before);
}

void Finder::ReadMeetingWords(const Sentence& s, int v) {
  if (PhoneCall(s, v) || Cancelled(s, v) || CancelledAfter(s, v) || Refused(s, v)) return;
  const int n = static_cast<int>(s.toks.size());
  std::vector<const text::PersonMention*> subjects, objects;
  // "A and B will meet with members of the presidency": they meet someone
  // the "with" phrase names (no one named here), not each other.
  bool counterpart = false;
  const std::string& w = s.low[v];
  if (w == "call") {
    subjects = SubjectsOfClause(s, v);
    objects = ObjectsOf(s, v + 2, v + 14);
    // "renewed his call on Y to free ...": an infinitive after the one
    // called on urges, unless a light verb of a visit makes the call
    // ("paid a courtesy call on Y to discuss trade").
    bool paid = false;
    for (int k = std::max(0, v - 3); k < v && !paid; ++k) paid = t_.event_word(s.low[k], "pay");
    if (!paid && !objects.empty() && Urged(s, objects.back())) return;
  } else if ((s.cls[v] & kMeet)) {
    subjects = SubjectsOf(s, v);
    int from = v + 1;
    if (from < n && s.low[from] == "with") ++from, counterpart = true;
    objects = PeopleListed(s, from, counterpart ? from - 1 : -1);
    DropApposedDescriptions(s, from, &objects);
  } else {
    // "meetings with A and B", "talks with A", "a meeting between A and B".
    if (v + 1 >= n) return;
    // "talks between A and B", "a trilateral meeting of A, B and C",
    // "consultations among A, B and C": one meeting of them all.
    if (s.low[v + 1] == "between" || s.low[v + 1] == "among" || s.low[v + 1] == "of") {
      auto all = PeopleListed(s, v + 2);
      // "a meeting of the foreign ministers of A, B and C, X, Y and Z":
      // the names apposed to a title phrase of several (words, places and
      // commas only before them).
      if (all.size() < 2)
        for (int k = v + 2; k < n && k < v + 2 + 16; ++k) {
          if (s.toks[k].kind != TokenKind::kWord && s.low[k] != ",") break;
          if (t_.verbs.count(s.low[k])) break;
          const auto* m = k > v + 2 && s.low[k - 1] == "," ? MentionAt(s, k) : nullptr;
          if (!m || !Known(m)) continue;
          const auto apposed = PeopleListed(s, k);
          if (apposed.size() >= 2) all = apposed;
          break;
        }
      if (all.size() >= 2) AddGroupMeeting(all, s, v);
      return;
    }
    // "talks in Belgrade with X".
    int with = v + 1;
    if (s.low[with] == "in") {
      const auto places = PlacesFrom(s, v + 2, 1);
      if (!places.empty()) with = places.back()->last + 1;
    }
    // "A and B were meeting in Sochi": the noun's form as a verb.
    if (w == "meeting" && v > 0 &&
        (s.low[v - 1] == "were" || s.low[v - 1] == "are" || s.low[v - 1] == "is" || s.low[v - 1] == "was") &&
        (with >= n || s.low[with] != "with")) {
      const auto all = SubjectsOf(s, v);
      if (all.size() >= 2) AddGroupMeeting(all, s, v);
      return;
    }
    if (with >= n || s.low[with] != "with") {
      // "A and B will hold talks on trade": they meet each other.
      // Two people only, in one place at most: "officials A, B and C
      // held talks in all three countries" is no meeting between them.
      if (v > 0 && (s.cls[v - 1] & kHold) &&
          (s.low[v + 1] != "in" || (PlacesFrom(s, v + 2, 1).size() == 1))) {
        const auto all = SubjectsOf(s, v - 1);
        if (all.size() >= 2) AddGroupMeeting(all, s, v);
      }
      return;
    }
    objects = PeopleListed(s, with + 1, with);
    DropApposedDescriptions(s, with + 1, &objects);
    counterpart = true;
    const text::PersonMention* owner = OwnerOfNoun(s, v);
    if (owner) subjects.push_back(owner);
    else subjects = SubjectsOfClause(s, v);
    // The noun itself taken for a name ("Talks with Y are scheduled")
    // is no one.
    const auto itself = [&](const text::PersonMention* m) {
      return m && m->span.begin <= s.toks[v].begin && s.toks[v].begin < m->span.end;
    };
    subjects.erase(std::remove_if(subjects.begin(), subjects.end(), itself), subjects.end());
    if (subjects.empty())
      if (const auto* m = NearestActor(s, v); m && !itself(m)) subjects.push_back(m);  // "X said during a meeting with Y"
    if (subjects.empty())
      if (const auto* m = ClauseSubject(s, static_cast<int>(s.toks.size())); m && !itself(m))
        // "At a meeting with Y, X said" (X is no object then); not the
        // first person met ("It will be a state visit, with meetings with
        // Y").
        if (objects.empty() || objects[0] != m) {
          subjects.push_back(m);
          objects.erase(std::remove(objects.begin(), objects.end(), m), objects.end());
        }
    if (subjects.empty()) {
      // "The visit of X ... promises to be full of meetings with ...": the
      // visitor named in the sentence.
      for (const Candidate& c : candidates_)
        if (c.pos >= s.span.begin && c.pos < s.span.end && c.mention) {
          subjects.push_back(c.mention);
          break;
        }
    }
    if (subjects.empty()) {
      // "It will still be a state visit, with meetings with Y": the
      // visitor of the latest visit reported just before.
      // "X arrived in Ottawa on Monday. Talks with Y are scheduled for
      // Tuesday": a sentence opened by the talks (no word before them but
      // a determiner or an adjective) is of that visit too.
      bool visit_noun = v <= 2;
      for (int k = 0; k < v && visit_noun; ++k)
        visit_noun = s.toks[k].kind == TokenKind::kWord && !MentionAt(s, k) && !IsPronoun(s, k);
      for (int k = 0; k < v && !visit_noun; ++k) visit_noun = (s.cls[k] & kTrip) && !s.toks[k].cap;
      if (visit_noun && !candidates_.empty() && candidates_.back().mention && !candidates_.back().implied &&
          s.span.begin - std::min<size_t>(s.span.begin, candidates_.back().pos) < 1500)
        subjects.push_back(candidates_.back().mention);
    }
    // "His visit with X comes after a meeting with Y": X, met in another
    // word's "with" phrase, is no side of this meeting.
    subjects.erase(std::remove_if(subjects.begin(), subjects.end(),
                                  [&](const text::PersonMention* m) { return CounterpartElsewhere(s, v, with, m); }),
                   subjects.end());
    if (subjects.empty()) return;
  }
  // "A and B will meet", "A and B held talks": the subjects meet each other.
  if (objects.empty() && subjects.size() >= 2) {
    const size_t before = meeting_candidates_.size();
    AddGroupMeeting(subjects, s, v);
    // With a counterpart unnamed, only the visits of meeting there stand.
    if (counterpart) meeting_candidates_.resize(before);
    return;
  }
  if (subjects.empty() || objects.empty()) return;
  // "X is meeting with A, B and C" (under way, not "separately"): one
  // meeting of them all; "X will meet A, B and C" is one per counterpart.
  if (subjects.size() == 1 && objects.size() >= 2 && IsProgressive(s, v) &&
      !Apart(s)) {
    std::vector<const text::PersonMention*> all = subjects;
    all.insert(all.end(), objects.begin(), objects.end());
    AddGroupMeeting(all, s, v);
    return;
  }
  AddSides(subjects, objects, s, v);
}

// "A and B will meet C, D and E": the people of one side meet each one of
// the other together, one meeting of A, B and C, one of A, B and D, ...;
// one person on each side makes the pairwise meetings of AddMeeting.
void Finder::AddSides(const std::vector<const text::PersonMention*>& subjects,
                      const std::vector<const text::PersonMention*>& objects, const Sentence& s, int v) {
  const auto side = Participants(s, Principals(s, subjects));
  if (side.size() < 2 || Apart(s)) {
    AddMeeting(subjects, objects, s, v);
    return;
  }
  // One of them named again after the verb ("A and B met in Madrid, A's
  // office said") is none of those they meet; with no one else, they
  // meet each other.
  std::vector<const text::PersonMention*> others;
  for (const auto* o : Principals(s, objects))
    if (std::none_of(side.begin(), side.end(), [&](const auto* q) { return q->full_name == o->full_name; }))
      others.push_back(o);
  if (others.empty()) {
    AddGroupMeeting(side, s, v);
    return;
  }
  for (const auto* o : others) {
    std::vector<const text::PersonMention*> all = side;
    all.push_back(o);
    AddGroupMeeting(all, s, v);
  }
}

// "met A, the State Minister of X for Y issues, B, the chairman of Z, and
// the head of the EU office, C": the list of people read from token `from`
// goes on past the title phrases ObjectsOf stops in, as long as each part
// between commas (or "and") is a name or a title phrase: a title or role
// word first (after a function word or two), a few words, no verb, and a
// name after it. `prep`: the token of the list's preposition, if any.
void Finder::ListedAfter(const Sentence& s, int from, std::vector<const text::PersonMention*>* people,
                         int prep) const {
  const int n = static_cast<int>(s.toks.size());
  int k = -1;
  for (const auto* p : *people) {
    const int b = TokenAfter(s, p->span.begin);
    if (b >= from && b < n) k = std::max(k, MentionEnd(s, b, p) + 1);
  }
  if (k < 0) return;
  const auto sep = [&](int j) { return j < n && (s.low[j] == "," || t_.event_word(s.low[j], "join")); };
  for (int parts = 0; k < n && sep(k) && parts < 24; ++parts) {
    while (sep(k)) ++k;
    // "with A, and later with B": the list's preposition again, after a
    // word or two.
    if (prep >= 0 && prep < n) {
      int j = k;
      while (j < n && j < k + 2 && s.toks[j].kind == TokenKind::kWord && !s.toks[j].cap && s.low[j] != s.low[prep]) ++j;
      if (j < n && s.low[j] == s.low[prep]) k = j + 1;
    }
    if (k >= n) return;
    // A name, or the title run before one ("Armenian President X").
    const text::PersonMention* m = MentionAt(s, k);
    if (!m) m = TitleAt(s, k);
    if (m && Known(m)) {
      if (std::find(people->begin(), people->end(), m) == people->end()) people->push_back(m);
      k = MentionEnd(s, TokenAfter(s, m->span.begin), m) + 1;
      continue;
    }
    int j = k;
    while (j < n && j < k + 2 && s.toks[j].kind == TokenKind::kWord && t_.function_words.count(s.low[j])) ++j;
    if (j >= n || s.toks[j].kind != TokenKind::kWord ||
        !(t_.titles.count(std::string(Slice(s.toks[j]))) || t_.titles.count(s.low[j]) || t_.role_nouns.count(s.low[j])))
      return;
    // The phrase runs over words to the name it is the title of ("and
    // Speaker C") or to the next comma (the title of the name before).
    int e = j;
    const text::PersonMention* named = nullptr;
    while (e < n && e < j + 12 && s.low[e] != "," && s.toks[e].kind == TokenKind::kWord) {
      // (A full name: one word after a title is often a field of it, "the
      // State Minister for Reintegration".)
      if (const auto* m = MentionAt(s, e); m && Known(m) && m->full_name.find(' ') != std::string::npos) {
        named = m;
        break;
      }
      ++e;
    }
    if (named) {
      if (std::find(people->begin(), people->end(), named) == people->end()) people->push_back(named);
      k = MentionEnd(s, e, named) + 1;
      continue;
    }
    // A name must follow it (a title after the last name closes the list),
    // and it is no clause: ", the minister said, X ...".
    if (e >= n || s.low[e] != "," || t_.verbs.count(s.low[e - 1])) return;
    k = e;
  }
}

// The people listed from token `from`: ObjectsOf over the list's reach,
// then on past title phrases (ListedAfter, `prep` as there).
std::vector<const text::PersonMention*> Finder::PeopleListed(const Sentence& s, int from, int prep) const {
  auto people = ObjectsOf(s, from, from + kListReach);
  ListedAfter(s, from, &people, prep);
  return people;
}

// "met the President of Germany, X", "met X, the foreign minister of
// Germany": a description in the list read from token `from` whose own
// name follows it (a comma, then a name, within a few words) or precedes
// it (a name, a comma) is that name's title, not someone named before; the
// person the description was taken for is dropped.
void Finder::DropApposedDescriptions(const Sentence& s, int from, std::vector<const text::PersonMention*>* people) const {
  const int n = static_cast<int>(s.toks.size());
  if (from < 0 || from >= n) return;
  const uint32_t begin = s.toks[from].begin;
  const auto listed = [&](const text::PersonMention* p) {
    return std::find(people->begin(), people->end(), p) != people->end();
  };
  // Only someone named outside the list can have been read from a
  // description in it; each position is asked once, the first description
  // of each such person decides.
  std::vector<const text::PersonMention*> outside, drop;
  for (const auto* m : *people)
    if (!(m->span.begin >= begin && m->span.begin < s.span.end) &&
        std::find(outside.begin(), outside.end(), m) == outside.end())
      outside.push_back(m);
  for (int j = from; j < n && j < from + kListReach && !outside.empty(); ++j) {
    const text::PersonMention* m = ByDescription(s, j);
    const auto at = m ? std::find(outside.begin(), outside.end(), m) : outside.end();
    if (at == outside.end()) continue;
    outside.erase(at);
    // "met X, the foreign minister of Y,": the apposition of a name
    // listed just before it.
    for (int k = j - 1; k > from && k >= j - 5; --k) {
      if (s.low[k] != ",") continue;
      const text::PersonMention* before = MentionAt(s, k - 1);
      if (before && before != m && listed(before)) drop.push_back(m);
      break;
    }
    for (int k = j + 1; k + 1 < n && k <= j + 8; ++k) {
      if (s.low[k] != ",") continue;
      const text::PersonMention* named = MentionAt(s, k + 1);
      if (!named) named = TitleAt(s, k + 1);
      if (named && named != m && Known(named) && listed(named)) drop.push_back(m);
      break;
    }
  }
  people->erase(std::remove_if(people->begin(), people->end(),
                               [&](const auto* p) { return std::find(drop.begin(), drop.end(), p) != drop.end(); }),
                people->end());
}

// Whether person m is named, on the sentence's tree, in a phrase marked
// by the same word as the meeting noun's counterpart (token `with`) that
// hangs on another word than the meeting noun at v.
bool Finder::CounterpartElsewhere(const Sentence& s, int v, int with, const text::PersonMention* m) const {
  const syntax::Sentence* t = TreeOf(s);
  if (!t) return false;
  const int mv = t->WordOfToken(v);
  int w = t->WordAt(m->span.begin);
  if (mv < 0 || w < 0) return false;
  // Up from the name's first word to the head of its phrase.
  for (int hop = 0; hop < 4; ++hop) {
    const std::string_view rel = syntax::Sentence::Base(t->words[static_cast<size_t>(w)].deprel);
    const int h = t->words[static_cast<size_t>(w)].head;
    if (h < 0 || (rel != "flat" && rel != "compound")) break;
    w = h;
  }
  const int head = t->words[static_cast<size_t>(w)].head;
  if (head == mv || head < 0) return false;
  for (int c : t->Children(w)) {
    const int k = t->words[static_cast<size_t>(c)].token;
    if (syntax::Sentence::Base(t->words[static_cast<size_t>(c)].deprel) == "case" && k >= 0 && k != with &&
        s.low[static_cast<size_t>(k)] == s.low[static_cast<size_t>(with)])
      return true;
  }
  return false;
}

// Whether an infinitive follows person m's mention ("on Y to free"), on
// the tree: the word after it marks a verb.
bool Finder::Urged(const Sentence& s, const text::PersonMention* m) const {
  const syntax::Sentence* t = TreeOf(s);
  const int n = static_cast<int>(s.toks.size());
  const int b = TokenAfter(s, m->span.begin);
  if (!t || b >= n) return false;
  const int e = MentionEnd(s, b, m) + 1;
  const int w = e < n ? t->WordOfToken(e) : -1;
  if (w < 0 || syntax::Sentence::Base(t->words[static_cast<size_t>(w)].deprel) != "mark") return false;
  const int h = t->words[static_cast<size_t>(w)].head;
  return h >= 0 && t->words[static_cast<size_t>(h)].upos == "VERB";
}

// "will meet C separately", "will meet C respectively": one by one.
bool Finder::Apart(const Sentence& s) const {
  return std::any_of(s.low.begin(), s.low.end(), [&](const std::string& w) { return t_.event_word(w, "apart"); });
}

// "is meeting", "were meeting", "is currently meeting": a meeting under
// way (or under way then) in the progressive.
bool Finder::IsProgressive(const Sentence& s, int v) const {
  const std::string& w = s.low[v];
  if (w.size() < 5 || w.compare(w.size() - 3, 3, "ing") != 0) return false;
  int k = v - 1;
  while (k >= 0 && k >= v - 3 && s.toks[k].kind == TokenKind::kWord && !s.toks[k].cap &&
         s.low[k].size() > 4 && s.low[k].compare(s.low[k].size() - 2, 2, "ly") == 0)
    --k;  // "currently", "reportedly"
  return k >= 0 && (s.low[k] == "is" || s.low[k] == "are" || s.low[k] == "was" || s.low[k] == "were");
}

// A visit implied by meeting `who` in `where` abroad.
void Finder::AddImpliedVisit(const text::PersonMention* who, const PlaceHit* where, const MeetingCandidate& m, bool cue) {
  if (candidates_.size() >= kMaxCandidates || !Known(who)) return;
  Candidate c;
  c.visitor = who->full_name;
  c.mention = who;
  c.host = std::string(where->entity->code);
  if (where->entity->kind == text::EntityKind::kCity) c.place = std::string(where->entity->name);
  c.date = m.date;
  c.status = m.status;
  c.status_explicit = cue;
  c.pos = m.pos;
  c.group = group_;
  c.implied = true;
  candidates_.push_back(std::move(c));
}

// `symmetric`: the people meet each other ("A and B met", "a meeting
// between A and B"), so a meeting abroad is a visit for each of them.
void Finder::AddMeeting(const std::vector<const text::PersonMention*>& all_subjects,
                        const std::vector<const text::PersonMention*>& all_objects, const Sentence& s, int v,
                        bool symmetric, bool hosted) {
  // "is ready to meet X", "was scheduled to meet Y, but ... cancelled".
  if (Unrealised(s, v)) return;
  // "X and his wife Y were received by Z": the principals meet.
  const auto subjects = Principals(s, all_subjects), objects = Principals(s, all_objects);
  const PlaceHit* own = OwnPlace(s, v);
  for (const auto* a : subjects) {
    for (const auto* b : objects) {
      if (a->full_name == b->full_name || !Participant(s, a) || !Participant(s, b)) continue;
      if (meeting_candidates_.size() >= kMaxCandidates) return;
      MeetingCandidate m;
      m.participants = {a->full_name, b->full_name};
      m.date = DateOf(s, v);
      bool cue = false;
      m.status = StatusOf(s, v, m.date, &cue);
      // The city the meeting's own words name, else a city named in the
      // sentence, else the place of the subject's visit reported nearby.
      if (own && own->entity->kind == text::EntityKind::kCity) m.place = std::string(own->entity->name);
      for (const PlaceHit& p : s.places)
        if (!m.place && p.entity->kind == text::EntityKind::kCity) {
          m.place = std::string(p.entity->name);
          break;
        }
      if (!m.place) {
        for (auto it = candidates_.rbegin(); it != candidates_.rend(); ++it)
          if (it->visitor == a->full_name && it->place && s.span.begin - std::min<size_t>(s.span.begin, it->pos) < 1200) {
            m.place = it->place;
            if (!m.date && it->status == m.status) {
              m.date = it->date;
              m.borrowed = true;
            }
            break;
          }
      }
      m.pos = s.toks[v].begin;
      m.hosted = hosted;
      // Meeting someone in a place abroad ("meet X in Doha") is visiting
      // that country; when they meet each other, for both of them whose
      // country is known (a visit to one's own country is dropped later).
      // The one met is visiting too when the place is not in his country
      // ("Lavrov will hold talks with Kyrgyz FM X in Moscow", "met his
      // Hungarian counterpart Y in New York").
      if (own) {
        AddImpliedVisit(a, own, m, cue);
        std::optional<std::string> role, country;
        ActorDetails(b->full_name, m.date, &role, &country);
        if (country && (symmetric || *country != own->entity->code)) AddImpliedVisit(b, own, m, cue);
      }
      meeting_candidates_.push_back(std::move(m));
    }
  }
}

// People who meet one another: "A and B met", "talks between A and B", "a
// trilateral meeting of A, B and C". Two make the pairwise meeting above
// (the subjects' order kept: the first named last); three or more make one
// meeting of them all. Only people whose country is the place's host the
// others there: each other one whose country is known visits; with no host
// among them the place is neutral ground, and nobody visits.
void Finder::AddGroupMeeting(const std::vector<const text::PersonMention*>& people, const Sentence& s, int v) {
  if (Unrealised(s, v)) return;
  const auto known = Participants(s, people);
  if (known.size() < 2) return;
  if (known.size() == 2) {
    AddMeeting({known[1]}, {known[0]}, s, v, true);
    return;
  }
  if (meeting_candidates_.size() >= kMaxCandidates) return;
  MeetingCandidate m;
  for (const auto* p : known) m.participants.push_back(p->full_name);
  m.date = DateOf(s, v);
  bool cue = false;
  m.status = StatusOf(s, v, m.date, &cue);
  const PlaceHit* own = OwnPlace(s, v);
  if (own && own->entity->kind == text::EntityKind::kCity) m.place = std::string(own->entity->name);
  m.pos = s.toks[v].begin;
  if (own && !NeutralGround(known, own, m.date))
    for (const auto* p : known) {
      std::optional<std::string> role, country;
      ActorDetails(p->full_name, m.date, &role, &country);
      if (country && *country != own->entity->code) AddImpliedVisit(p, own, m, cue);
    }
  meeting_candidates_.push_back(std::move(m));
}

// Whether mention m can take part in a meeting: a known person (Known), or
// one named by a single word more than once ("Retno met ...", "Erdogan
// held talks ..." in an article that never gives the full name); not a
// place ("Turkey-Azerbaijan"), nor the cut-off country of a title ("the
// President of Georg").
bool Finder::Participant(const Sentence& s, const text::PersonMention* m) const {
  if (!m || IsPlaceName(m->full_name)) return false;
  const bool single = m->full_name.find(' ') == std::string::npos;
  if (single && m->title.size() > 0) {
    const std::string title = text::Fold(Slice(m->title.begin, m->title.end));
    // "the President of Georg", "the Speaker of the Bundestag", "the State
    // Minister for Reintegration": a title that ends in a function word
    // runs into the name of its office, no one's name.
    const size_t sp = title.rfind(' ');
    if (t_.function_words.count(sp == std::string::npos ? title : title.substr(sp + 1))) return false;
  }
  if (Known(m)) return true;
  if (!single || t_.institutions.count(m->full_name) || (ClassBits(t_, text::Fold(m->full_name)) & kNotPerson))
    return false;
  int uses = 0;
  bool titled = false;
  for (const text::PersonMention& x : people_.mentions)
    if (x.full_name == m->full_name) {
      ++uses;
      titled = titled || x.title.size() > 0;
    }
  if (uses < 2) return false;
  if (titled || !syntax_) return titled;
  // Else the tagger must see a person there ("Hamas" is none).
  const auto* t = TreeOf(s);
  const int w = t ? t->WordAt(m->span.begin) : -1;
  if (w < 0) return false;
  for (const syntax::Entity& e : t->entities)
    if (e.type == syntax::EntityType::kPerson && e.first <= w && w <= e.last) return true;
  return false;
}

// Those of `people` who can take part (Participant), one mention per
// person, in their order.
std::vector<const text::PersonMention*> Finder::Participants(const Sentence& s,
                                                             const std::vector<const text::PersonMention*>& people) const {
  std::vector<const text::PersonMention*> out;
  for (const auto* p : people)
    if (Participant(s, p) &&
        std::none_of(out.begin(), out.end(), [&](const auto* q) { return q->full_name == p->full_name; }))
      out.push_back(p);
  return out;
}

// Whether no one of `people` is from the country of `where`.
bool Finder::NeutralGround(const std::vector<const text::PersonMention*>& people, const PlaceHit* where,
                           const std::optional<std::string>& date) const {
  for (const auto* p : people) {
    std::optional<std::string> role, country;
    ActorDetails(p->full_name, date, &role, &country);
    if (country && *country == where->entity->code) return false;
  }
  return true;
}

}  // namespace attache::events::internal
