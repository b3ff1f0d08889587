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
  for (int k = from; k < n && k < from + 80; ++k) {
    const std::string& w = s.low[k];
    if (w == "." || w == ";" || w == ":") break;
    if (const auto* m = MentionAt(s, k)) {
      if (Known(m) && std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
      k = MentionEnd(s, k, m);
      continue;
    }
    if (s.toks[k].kind != TokenKind::kWord || s.toks[k].cap) continue;
    if (kEnds.has(w) || (s.cls[k] & kVerbs) || t_.verbs.count(w)) break;
  }
  return out;
}

void Finder::ReadCompanions(const Sentence& s) {
  const int n = static_cast<int>(s.toks.size());
  for (int k = 0; k + 2 < n; ++k) {
    if (!(s.cls[k] & kAccompany)) continue;
    std::vector<const text::PersonMention*> members, subjects;
    if (s.toks[k].cap) {
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
  for (const auto* p : who) {
    std::optional<std::string> role, country;
    ActorDetails(p->full_name, DateOf(s, v), &role, &country);
    if (!country || *country == where->entity->code) continue;
    const size_t before = candidates_.size();
    AddVisit(p, where, s, v);
    // Part of the trip that brought them there, if one is reported.
    if (candidates_.size() > before) candidates_.back().implied = true;
  }
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
  for (const auto* p : guests) {
    std::optional<std::string> role, country;
    ActorDetails(p->full_name, DateOf(s, v), &role, &country);
    if (!country || *country == where->entity->code) continue;
    const size_t before = candidates_.size();
    AddVisit(p, where, s, v);
    if (candidates_.size() > before) candidates_.back().implied = true;
  }
}

}  // namespace attache::events::internal
