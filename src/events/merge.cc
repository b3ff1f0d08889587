// Merging: mentions of one trip or one meeting become one record; CAMEO
// and PLOVER codes.
#include "events/finder.h"

namespace attache::events::internal {

// Days between two full dates, or -1 when either is not a full date.
long Finder::DayGap(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  if (!a || !b || a->size() != 10 || b->size() != 10 || (*a)[0] == 'X' || (*b)[0] == 'X') return -1;
  auto days = [](const std::string& d) {
    return civil::DaysFromCivil(std::stoi(d.substr(0, 4)), std::stoi(d.substr(5, 2)), std::stoi(d.substr(8, 2)));
  };
  return std::labs(static_cast<long>(days(*a) - days(*b)));
}

// Whether `date` lies in a month before the publication date's (and, as
// a day, more than a week before it): a trip over before the news.
bool Finder::EarlierTrip(const std::string& date) const {
  if (anchor_.size() < 7 || date.size() < 4 || date[0] == 'X') return false;
  const std::string month = anchor_.substr(0, 7);
  if (date.compare(0, std::min<size_t>(date.size(), 7), month, 0, std::min<size_t>(date.size(), 7)) >= 0) return false;
  const long gap = DayGap(date, anchor_);
  return gap < 0 || gap > 7;
}

Events Finder::Merge() {
  Events out;
  // How many places each trigger named for each visitor: a date read with
  // "a visit to Poland and Ukraine from Wednesday" is weaker than one read
  // with a single destination.
  for (Candidate& c : candidates_) {
    int n = 0;
    for (const Candidate& o : candidates_) n += o.group == c.group && o.visitor == c.visitor;
    c.destinations = n;
    // A tour of several places over a range of days dates none of them
    // by day: what the first and last days share ("2024-01").
    if (n > 1 && c.date && !c.range_end.empty()) {
      size_t common = 0;
      while (common < c.date->size() && common < c.range_end.size() && (*c.date)[common] == c.range_end[common])
        ++common;
      if (common >= 7) c.date = c.date->substr(0, 7);
      else if (common >= 4) c.date = c.date->substr(0, 4);
      else c.date.reset();
    }
  }
  // Visits stated in their own words first; those implied by a meeting
  // abroad join them (the meeting happens during the trip) or stand alone.
  std::stable_sort(candidates_.begin(), candidates_.end(),
                   [](const Candidate& a, const Candidate& b) { return !a.implied && b.implied; });
  std::vector<int> destinations;  // by visit: places its date came with
  for (const Candidate& c : candidates_) {
    Visit* same = nullptr;
    for (Visit& v : out.visits) {
      if (v.visitor != c.visitor || v.host_country != c.host) continue;
      // One trip: compatible dates, or a meeting during it, or two dates a
      // few days apart for the same plan.
      const long gap = DayGap(v.date, c.date);
      // A meeting abroad joins a trip under way or of the same tense; a
      // planned meeting is no part of a past trip ("visited X last year"
      // and "will see X in Y on Wednesday"), nor a past one of a plan.
      const bool tense_clash = (v.status == "past" && c.status == "planned") ||
                               (v.status == "planned" && c.status == "past");
      // An undated trip under way or ahead and one dated in an earlier
      // month are two trips ("is in Latvia on a state visit. She last
      // visited Latvia in 2019").
      if ((!v.date && c.date && v.status != "past" && EarlierTrip(*c.date)) ||
          (!c.date && v.date && c.status != "past" && EarlierTrip(*v.date)))
        continue;
      if (Compatible(v.date, c.date) || (c.implied && !tense_clash) || (gap >= 0 && gap <= 7 && v.status == c.status))
        same = &v;
    }
    if (same && !Compatible(same->date, c.date) && !c.implied) {
      const size_t idx = static_cast<size_t>(same - out.visits.data());
      if (c.destinations < destinations[idx]) {
        same->date = c.date;  // the date stated for this destination alone
        destinations[idx] = c.destinations;
      }
    }
    if (!same) {
      Visit v;
      v.visitor = c.visitor;
      v.host_country = c.host;
      v.place = c.place;
      v.date = c.date;
      v.status = c.status;
      v.mentions.push_back(c.pos);
      explicit_.push_back(c.status_explicit);
      groups_.push_back(c.group);
      present_.push_back(c.present);
      nations_.push_back(c.nation);
      destinations.push_back(c.destinations);
      out.visits.push_back(std::move(v));
      continue;
    }
    const size_t idx = static_cast<size_t>(same - out.visits.data());
    if (!same->place && c.place) same->place = c.place;
    // A visit under way is dated today: a later day of its programme ("will
    // meet X on Wednesday") is no date of the visit.
    const bool later_day = same->status == "ongoing" && explicit_[idx] && c.date && !anchor_.empty() &&
                           (*c.date)[0] != 'X' && Before(anchor_, *c.date) && !Compatible(anchor_, c.date);
    if (!same->date && c.date && !later_day) same->date = c.date;
    if (!explicit_[idx] && c.status_explicit) {
      same->status = c.status;
      explicit_[idx] = true;
    }
    if (c.present) present_[idx] = true;
    if (!nations_[idx]) nations_[idx] = c.nation;
    same->mentions.push_back(c.pos);
  }
  // Actors' details; people named together ("the US envoy A and B")
  // share a country when only one of them states it; a visit to one's own
  // country is a return home.
  for (Visit& v : out.visits) ActorDetails(v.visitor, v.date, &v.visitor_role, &v.visitor_country);
  for (size_t i = 0; i < out.visits.size(); ++i) {
    if (out.visits[i].visitor_country) continue;
    for (size_t j = 0; j < out.visits.size() && !out.visits[i].visitor_country; ++j)
      if (j != i && out.visits[j].visitor_country && groups_[i] == groups_[j]) out.visits[i].visitor_country = out.visits[j].visitor_country;
    if (!out.visits[i].visitor_country) out.visits[i].visitor_country = nations_[i];
  }
  // A date given with a later mention of the trip (visits_dated.cc).
  DateFromTripNouns(&out.visits);
  // An arrival is news on the day it is reported: ongoing then (dated
  // that day when no date is given), past when the arrival came earlier.
  for (size_t i = 0; i < out.visits.size(); ++i) {
    Visit& v = out.visits[i];
    if (v.status != "ongoing") continue;
    if (!v.date && anchor_.size() == 10) v.date = anchor_;
    else if (v.date && !present_[i] && v.date->size() == 10 && !anchor_.empty() && *v.date < anchor_)
      v.status = "past";
  }
  // Where a visit's place is not stated with it, a city of the host
  // country named in a sentence about the visitor.
  std::unordered_map<std::string, std::vector<size_t>> sentences_of;  // visitor -> sentences naming them
  if (!out.visits.empty()) {
    size_t si = 0;
    for (const auto& m : people_.mentions) {
      while (si < sentences_.size() && sentences_[si].span.end <= m.span.begin) ++si;
      if (si == sentences_.size()) break;
      auto& list = sentences_of[m.full_name];
      if (list.empty() || list.back() != si) list.push_back(si);
    }
  }
  // A visit under way on a page whose day is unknown: the one date a
  // sentence about the visitor in the host country states ("X is welcomed
  // in Hanoi on October 18"), outside since/until clauses.
  for (Visit& v : out.visits) {
    if (v.date || v.status != "ongoing" || anchor_.size() == 10) continue;
    for (size_t si : sentences_of[v.visitor]) {
      Sentence& s = sentences_[si];
      FindPlaces(&s);
      bool here = false;
      for (const PlaceHit& p : s.places) here = here || p.entity->code == v.host_country;
      if (!here) continue;
      if (!s.dates) s.dates = text::FindDates(text_, s.span, anchor_, t_);
      int n = 0;
      const std::string* only = nullptr;
      for (const auto& d : *s.dates)
        if (!d.value.empty() && !InBoundClause(s, -1, TokenAfter(s, d.begin))) ++n, only = &d.value;
      if (n == 1) {
        v.date = *only;
        break;
      }
    }
  }
  for (size_t i = 0; i < out.visits.size(); ++i) {
    Visit& v = out.visits[i];
    if (v.place) continue;
    for (size_t si : sentences_of[v.visitor]) {
      Sentence& s = sentences_[si];
      FindPlaces(&s);  // also sentences without a trigger ("in Warsaw, Mr Modi will be welcomed")
      for (const PlaceHit& p : s.places)
        if (p.entity->kind == text::EntityKind::kCity && p.entity->code == v.host_country) {
          v.place = std::string(p.entity->name);
          break;
        }
      if (v.place) break;
    }
    // A visit under way in the country the story is filed from: the
    // dateline's city ("ASTANA – ... Putin, who arrived in Kazakhstan").
    if (!v.place && dateline_ && v.status == "ongoing" && dateline_->entity->code == v.host_country)
      v.place = std::string(dateline_->entity->name);
  }
  std::vector<Visit> kept;
  for (Visit& v : out.visits) {
    if (v.visitor_country && *v.visitor_country == v.host_country) continue;
    v.codes = CodesFor(v.status, false, false, v.place.has_value());
    v.visitor_canonical = text::CanonicalName(v.visitor);
    kept.push_back(std::move(v));
  }
  out.visits = std::move(kept);
  std::vector<bool> hosted;  // by meeting: one side received the other
  for (MeetingCandidate& c : meeting_candidates_) {
    Meeting* same = nullptr;
    for (Meeting& m : out.meetings) {
      // The same people, in any order ("A and B", "B and A"; a group).
      bool people = m.participants.size() == c.participants.size();
      for (const std::string& p : c.participants)
        people = people && std::find(m.participants.begin(), m.participants.end(), p) != m.participants.end();
      // A date taken from the trip does not tell two meetings apart, nor do
      // two days of one week (a weekday read from another tense).
      const long gap = DayGap(m.date, c.date);
      if (people && (Compatible(m.date, c.date) || c.borrowed || (gap >= 0 && gap <= 7))) same = &m;
    }
    if (same) {
      if (!same->place && c.place) same->place = c.place;
      if (!same->date && c.date) same->date = c.date;
      if (c.hosted) hosted[static_cast<size_t>(same - out.meetings.data())] = true;
      same->mentions.push_back(c.pos);
      continue;
    }
    Meeting m;
    m.participants = c.participants;
    m.place = c.place;
    m.date = c.date;
    m.status = c.status;
    m.mentions.push_back(c.pos);
    out.meetings.push_back(std::move(m));
    hosted.push_back(c.hosted);
  }
  for (size_t i = 0; i < out.meetings.size(); ++i) {
    Meeting& m = out.meetings[i];
    bool third = !hosted[i];
    const text::Place* where = m.place ? text::LookupPlace(*m.place, t_.lang) : nullptr;
    for (const std::string& p : m.participants) {
      std::optional<std::string> role, country;
      ActorDetails(p, m.date, &role, &country);
      if (where && country && *country == where->code) third = false;
    }
    m.codes = CodesFor(m.status, true, third && where, where != nullptr);
    for (const std::string& p : m.participants) m.participants_canonical.push_back(text::CanonicalName(p));
  }
  return out;
}

}  // namespace attache::events::internal
