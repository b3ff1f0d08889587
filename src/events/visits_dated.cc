// A visit's date from a later mention of the trip, read on the tree: "X
// will visit Latvia, his office announced. During his two-day visit on
// July 9 and 10, X ...", "It will be X's first visit (Feb 12-13) to
// Azerbaijan". A trip noun with a possessor (a name, or a pronoun for the
// person it stands for) and a date in its own phrase (an nmod, appos or
// obl of the noun) dates that person's one undated visit (to the place the
// phrase names, if it names one), when the date fits the visit's tense;
// the people read with them from one trigger (a delegation) share it.
#include "events/finder.h"

namespace attache::events::internal {

namespace {

struct DatedTrip {
  std::string visitor;
  std::string host;  // "" when the phrase names no place
  std::string date;
};

}  // namespace

void Finder::DateFromTripNouns(std::vector<Visit>* visits) {
  if (!syntax_) return;
  bool undated = false;
  for (const Visit& v : *visits) undated = undated || !v.date;
  if (!undated) return;
  std::vector<DatedTrip> found;
  for (size_t i = 0; i < sentences_.size() && found.size() < 64; ++i) {
    Sentence& s = sentences_[i];
    const int n = static_cast<int>(s.toks.size());
    bool trip = false;
    for (int k = 0; k < n && !trip; ++k) trip = (s.cls[static_cast<size_t>(k)] & kTrip) && !s.toks[static_cast<size_t>(k)].cap;
    if (!trip) continue;
    if (!s.dates) s.dates = text::FindDates(text_, s.span, anchor_, t_);
    bool dated = false;
    for (const auto& d : *s.dates) dated = dated || !d.value.empty();
    if (!dated) continue;
    const syntax::Sentence* t = syntax_->Get(i);
    if (!t) continue;
    FindPlaces(&s);
    const OnTree on{s, *t};
    for (int w = 0; w < t->size(); ++w) {
      if (!(on.cls(w) & kTrip) || on.word(w).upos != "NOUN") continue;
      const int poss = t->Child(w, "nmod:poss");
      if (poss < 0) continue;
      const int pk = on.word(poss).token;
      if (pk < 0 || pk >= n) continue;
      const text::PersonMention* who =
          IsPronoun(s, pk) || on.word(poss).upos == "PRON" ? Salient(s.toks[static_cast<size_t>(pk)].begin) : MentionAt(s, pk);
      if (!who || !Known(who)) continue;
      // The date and the place of the noun's own phrase.
      const text::TimeExpr* date = nullptr;
      for (const auto& d : *s.dates) {
        if (d.value.empty()) continue;
        int c = t->WordOfToken(TokenAfter(s, d.begin));
        for (int hop = 0; c >= 0 && hop < 3 && on.word(c).head != w; ++hop) c = on.word(c).head;
        if (c < 0 || on.word(c).head != w) continue;
        const std::string_view rel = on.rel(c);
        if (rel == "nmod" || rel == "appos" || rel == "obl") {
          date = &d;
          break;
        }
      }
      if (!date) continue;
      std::string host;
      for (int c : t->Children(w))
        if (on.rel(c) == "nmod")
          if (const PlaceHit* p = on.place(c)) host = std::string(p->entity->code);
      found.push_back({who->full_name, host, FirstDayOf(s, *date)});
    }
  }
  for (const DatedTrip& d : found) {
    // The one undated visit of that person (to that place) whose tense the
    // date fits.
    Visit* only = nullptr;
    int count = 0;
    for (Visit& v : *visits) {
      if (v.visitor != d.visitor || v.date || (!d.host.empty() && v.host_country != d.host)) continue;
      const bool ahead = anchor_.size() >= 4 && Before(anchor_, d.date) && !Compatible(anchor_, d.date);
      const bool behind = anchor_.size() >= 4 && Before(d.date, anchor_) && !Compatible(anchor_, d.date);
      if ((ahead && v.status != "planned") || (behind && v.status == "planned")) continue;
      only = &v;
      ++count;
    }
    if (count != 1) continue;
    // Those read with the visitor from one trigger (a delegation) travel
    // along.
    const std::string host = only->host_country;
    std::vector<int> groups;
    for (const Candidate& c : candidates_)
      if (c.visitor == d.visitor && c.host == host) groups.push_back(c.group);
    for (Visit& v : *visits) {
      if (v.date || v.host_country != host) continue;
      bool along = &v == only;
      for (const Candidate& c : candidates_)
        along = along || (c.visitor == v.visitor && c.host == host &&
                          std::find(groups.begin(), groups.end(), c.group) != groups.end());
      if (along) v.date = d.date;
    }
  }
}

}  // namespace attache::events::internal
