// The legs of a tour, each with its own date: "will travel to Riga on
// Monday and to Tallinn on Wednesday", "visited Latvia in March and
// Estonia in April", "will visit Riga on May 20 and Tallinn on May 22".
// After a trigger whose first place gave a visit, a run of places each
// followed by a date of its own, joined by events.txt's "legjoin" words
// (and an optional "legprep"), is one visit per place, each dated by its
// leg; a run where some place has no date of its own is left as read.
#include "events/finder.h"

namespace attache::events::internal {

void Finder::ReadLegs(size_t index) {
  const Sentence& s = sentences_[index];
  if (s.places.size() < 2) return;
  const int n = static_cast<int>(s.toks.size());
  for (int v = 0; v < n; ++v) {
    if (!(s.cls[static_cast<size_t>(v)] & (kVisit | kTravel | kArrive | kTrip)) || s.toks[static_cast<size_t>(v)].cap)
      continue;
    // The visitors the trigger gave, with the place they went to first.
    const uint32_t at = s.toks[static_cast<size_t>(v)].begin;
    const PlaceHit* first = nullptr;
    for (const PlaceHit& p : s.places)
      if (p.first > v && (!first || p.first < first->first)) first = &p;
    if (!first || first->first > v + 4) continue;
    std::vector<const text::PersonMention*> who;
    for (const Candidate& c : candidates_)
      if (c.pos == at && c.host == first->entity->code && c.mention &&
          std::find(who.begin(), who.end(), c.mention) == who.end())
        who.push_back(c.mention);
    if (who.empty()) continue;
    if (!s.dates) s.dates = text::FindDates(text_, s.span, anchor_, t_);
    // The run: each place, then its date, then joiners before the next.
    std::vector<const PlaceHit*> legs = {first};
    std::vector<std::string> dates;
    for (const PlaceHit* cur = first; cur && legs.size() <= 8;) {
      const PlaceHit* next = nullptr;
      for (const PlaceHit& p : s.places)
        if (p.first > cur->last && (!next || p.first < next->first)) next = &p;
      const text::TimeExpr* date = nullptr;
      for (const auto& d : *s.dates) {
        const int k = TokenAfter(s, d.begin);
        if (k > cur->last && (!next || k < next->first) && !d.value.empty() && k <= cur->last + 3) {
          date = &d;
          break;
        }
      }
      if (!date) break;
      dates.push_back(FirstDayOf(s, *date));
      if (!next) break;
      int k = TokenAfter(s, date->end - 1) + 1, joiners = 0;
      bool joined = k < next->first;
      for (; k < next->first && joined; ++k, ++joiners)
        joined = joiners < 3 && (t_.event_word(s.low[static_cast<size_t>(k)], "legjoin") ||
                                 (k + 1 == next->first && t_.event_word(s.low[static_cast<size_t>(k)], "legprep")));
      if (!joined) break;
      legs.push_back(next);
      cur = next;
    }
    if (legs.size() < 2 || dates.size() != legs.size()) continue;
    for (size_t i = 0; i < legs.size(); ++i)
      for (const text::PersonMention* m : who) {
        bool have = false;
        for (Candidate& c : candidates_)
          if (c.pos == at && c.visitor == m->full_name && c.host == legs[i]->entity->code) {
            c.date = dates[i];
            c.range_end.clear();
            have = true;
          }
        if (have) continue;
        const size_t before = candidates_.size();
        AddVisit(m, legs[i], s, v);
        if (candidates_.size() > before) {
          candidates_.back().date = dates[i];
          candidates_.back().range_end.clear();
        }
      }
  }
}

}  // namespace attache::events::internal
