// Meeting triggers ("met", "held talks with", "a meeting between A and
// B"), the meetings they give and the visits a meeting abroad implies.
#include "events/finder.h"

namespace attache::events::internal {

void Finder::ReadMeeting(const Sentence& s, int v) {
  if (PhoneCall(s) || Cancelled(s, v) || CancelledAfter(s, v) || Refused(s, v)) return;
  const int n = static_cast<int>(s.toks.size());
  std::vector<const text::PersonMention*> subjects, objects;
  const std::string& w = s.low[v];
  if (w == "call") {
    subjects = SubjectsOfClause(s, v);
    objects = ObjectsOf(s, v + 2, v + 14);
  } else if ((s.cls[v] & kMeet)) {
    subjects = SubjectsOf(s, v);
    int from = v + 1;
    if (from < n && s.low[from] == "with") ++from;
    objects = ObjectsOf(s, from, from + 24);
  } else {
    // "meetings with A and B", "talks with A", "a meeting between A and B".
    if (v + 1 >= n) return;
    if (s.low[v + 1] == "between") {
      auto both = ObjectsOf(s, v + 2, v + 16);
      if (both.size() >= 2) AddMeeting({both[0]}, {both[1]}, s, v, true);
      return;
    }
    // "talks in Belgrade with X".
    int with = v + 1;
    if (s.low[with] == "in") {
      const auto places = PlacesFrom(s, v + 2, 1);
      if (!places.empty()) with = places.back()->last + 1;
    }
    if (with >= n || s.low[with] != "with") {
      // "A and B will hold talks on trade": they meet each other.
      // Two people only, in one place at most: "officials A, B and C
      // held talks in all three countries" is no meeting between them.
      if (v > 0 && (s.cls[v - 1] & kHold) &&
          (s.low[v + 1] != "in" || (PlacesFrom(s, v + 2, 1).size() == 1))) {
        const auto both = SubjectsOf(s, v - 1);
        if (both.size() == 2) AddMeeting({both[1]}, {both[0]}, s, v, true);
      }
      return;
    }
    objects = ObjectsOf(s, with + 1, with + 25);
    const text::PersonMention* owner = OwnerOfNoun(s, v);
    if (owner) subjects.push_back(owner);
    else subjects = SubjectsOfClause(s, v);
    if (subjects.empty())
      if (const auto* m = NearestActor(s, v)) subjects.push_back(m);  // "X said during a meeting with Y"
    if (subjects.empty())
      if (const auto* m = ClauseSubject(s, static_cast<int>(s.toks.size())))
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
      bool visit_noun = false;
      for (int k = 0; k < v && !visit_noun; ++k) visit_noun = (s.cls[k] & kTrip) && !s.toks[k].cap;
      if (visit_noun && !candidates_.empty() && candidates_.back().mention && !candidates_.back().implied &&
          s.span.begin - std::min<size_t>(s.span.begin, candidates_.back().pos) < 1500)
        subjects.push_back(candidates_.back().mention);
    }
  }
  // "A and B will meet", "A and B held talks": the subjects meet each other.
  if (objects.empty() && subjects.size() >= 2) {
    AddMeeting({subjects[1]}, {subjects[0]}, s, v, true);
    return;
  }
  if (subjects.empty() || objects.empty()) return;
  AddMeeting(subjects, objects, s, v);
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
void Finder::AddMeeting(const std::vector<const text::PersonMention*>& subjects,
                        const std::vector<const text::PersonMention*>& objects, const Sentence& s, int v,
                        bool symmetric, bool hosted) {
  const PlaceHit* own = OwnPlace(s, v);
  for (const auto* a : subjects) {
    for (const auto* b : objects) {
      if (a->full_name == b->full_name || IsPlaceName(a->full_name) || IsPlaceName(b->full_name)) continue;
      if (!Known(a) || !Known(b)) continue;
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
            if (!m.date && it->status == m.status) m.date = it->date;
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

}  // namespace attache::events::internal
