// Visit triggers: the verbs and nouns of travel ("visited", "arrived in",
// "X's trip to", "led a delegation to") and the visits they give.
#include "events/finder.h"

namespace attache::events::internal {

// A visit of `who` to `where`, or, without a place, to the country
// `host_code` (the host's own: "X received Y").
void Finder::AddVisit(const text::PersonMention* who, const PlaceHit* where, const Sentence& s, int v,
                      std::string_view host_code) {
  if (!Known(who) || (!where && host_code.empty()) || candidates_.size() >= kMaxCandidates) return;
  Candidate c;
  c.visitor = who->full_name;
  c.mention = who;
  c.host = where ? std::string(where->entity->code) : std::string(host_code);
  if (where && where->entity->kind == text::EntityKind::kCity) c.place = std::string(where->entity->name);
  c.date = DateOf(s, v);
  if (auto r = where ? RespectiveDate(s, v, where) : std::nullopt) c.date = r;
  else c.range_end = RangeEndOf(s, v);
  c.status = StatusOf(s, v, c.date, &c.status_explicit);
  // The tense of the trigger's own clause, read on the tree: a future
  // ("would travel", "plans to visit") is a plan whatever the words around
  // say; a visit paid the day of the news is over ("paid a visit on
  // Wednesday"; an arrival or a departure reported that day stays news).
  int verb = -1;
  if (const Tense tense = TreeTense(s, v, &verb); tense != Tense::kUnknown) {
    if (tense == Tense::kFuture && c.status != "planned") {
      c.status = "planned";
      c.status_explicit = true;
    } else if (tense == Tense::kSimplePast && c.status == "past" && !c.status_explicit && verb >= 0 &&
               verb < static_cast<int>(s.toks.size()) &&
               ((s.cls[static_cast<size_t>(verb)] & kVisit) || t_.event_word(s.low[static_cast<size_t>(verb)], "pay"))) {
      c.status_explicit = true;
    }
  }
  if (postponed_) {
    // Put off: still planned; a date is kept only when it lies ahead (the
    // new one), not the old date or the day it was put off.
    if (c.date && !(anchor_.size() >= 4 && Before(anchor_, *c.date))) c.date.reset();
    c.range_end.clear();
    c.status = "planned";
    c.status_explicit = true;
  }
  // A visit on the day of the news is under way, unless the wording says
  // it is over ("was in") or ahead.
  if (c.status == "past" && !c.status_explicit && c.date && anchor_.size() == 10 && *c.date == anchor_)
    c.status = "ongoing";
  c.present = c.status == "ongoing" && !(s.cls[v] & kArrive);
  c.pos = s.toks[v].begin;
  c.group = group_;
  c.nation = ListNation(s, who);
  // "paid a visit to the capital in April 2022 and September 2022": months
  // or years joined by "and" after one place are trips of their own (days
  // so joined are one stay: "on Wednesday and Thursday").
  std::vector<std::string> more;
  if (c.date && c.date->size() <= 7 && c.range_end.empty() && c.date == DateOf(s, v))
    if (const text::TimeExpr* d = DateExprOf(s, v); d && !(where && RespectiveDate(s, v, where))) {
      const int k = TokenAfter(s, d->begin);
      for (const text::TimeExpr* e = d; k > 0 && s.low[k - 1] != "between" && more.size() < 4;) {
        e = NextJoined(s, *e, {"and"});
        if (!e || e->value.size() > 7 || e->value == *c.date) break;
        more.push_back(e->value);
      }
    }
  for (const std::string& date : more) {
    if (candidates_.size() + 1 >= kMaxCandidates) break;
    Candidate other = c;
    other.date = date;
    candidates_.push_back(std::move(other));
  }
  candidates_.push_back(std::move(c));
}

// The person a possessive pronoun of the trip noun at v stands for, on
// the tree: the nsubj of the verb the noun is an adjunct of ("X met Y
// during her visit to Riga": X, not Y, the person named last);
// null when the possessor is no pronoun or the verb has no named subject.
const text::PersonMention* Finder::PronounOwnerOnTree(const Sentence& s, int v) const {
  const syntax::Sentence* t = TreeOf(s);
  if (!t) return nullptr;
  const OnTree on{s, *t};
  const int w = t->WordOfToken(v);
  if (w < 0) return nullptr;
  const int poss = t->Child(w, "nmod:poss");
  if (poss < 0 || on.word(poss).upos != "PRON") return nullptr;
  // The noun an adjunct of the verb itself ("during her visit"), not of a
  // noun of it ("about the outcome of his visit").
  if (on.rel(w) != "obl") return nullptr;
  const int h = on.word(w).head;
  if (h < 0 || on.word(h).upos != "VERB") return nullptr;
  const int subj = t->Child(h, "nsubj");
  if (subj < 0) return nullptr;
  const int k = on.word(subj).token;
  if (k < 0 || k >= static_cast<int>(s.toks.size()) || IsPronoun(s, k)) return nullptr;
  const auto people = PeopleInPhrase(s, *t, subj);
  return people.size() == 1 && Known(people[0]) ? people[0] : nullptr;
}

void Finder::AddVisitThere(const text::PersonMention* who, const PlaceHit* where, const Sentence& s, int v,
                           bool once) {
  // The person's country on the trip's date, looked up once per name and
  // date (a page may name the same person thousands of times).
  const std::optional<std::string> date = DateOf(s, v);
  const std::string key = who->full_name + '\n' + date.value_or("");
  auto known = dated_country_.find(key);
  if (known == dated_country_.end()) {
    std::optional<std::string> role, country;
    ActorDetails(who->full_name, date, &role, &country);
    known = dated_country_.emplace(key, std::move(country)).first;
  }
  const std::optional<std::string>& country = known->second;
  if (!country || *country == where->entity->code) return;
  if (once)  // read already from this sentence (by the word patterns)?
    for (const Candidate& c : candidates_)
      if (c.visitor == who->full_name && c.host == where->entity->code && c.pos >= s.span.begin &&
          c.pos < s.span.end)
        return;
  const size_t before = candidates_.size();
  AddVisit(who, where, s, v);
  if (candidates_.size() > before) candidates_.back().implied = true;
}

// "X visited Crown Prince Y and President Z": a visit to each host's
// country, and a meeting with each.
void Finder::VisitHosts(const std::vector<const text::PersonMention*>& who,
                        const std::vector<const text::PersonMention*>& hosts, const Sentence& s, int v) {
  if (who.empty() || hosts.empty()) return;
  for (const auto* h : hosts) {
    std::optional<std::string> role, country;
    ActorDetails(h->full_name, std::nullopt, &role, &country);
    if (!country) continue;
    for (const auto* p : who) {
      if (candidates_.size() >= kMaxCandidates) return;
      Candidate c;
      c.visitor = p->full_name;
      c.mention = p;
      c.host = *country;
      c.date = DateOf(s, v);
      c.status = StatusOf(s, v, c.date, &c.status_explicit);
      c.pos = s.toks[v].begin;
      c.group = group_;
      candidates_.push_back(std::move(c));
    }
  }
  AddMeeting(who, hosts, s, v);
}

// "Turkish officials including A, B and C": the country of the people a
// list names, from the demonym of the noun that introduces it.
std::optional<std::string> Finder::ListNation(const Sentence& s, const text::PersonMention* who) const {
  if (who->span.begin < s.span.begin || who->span.begin >= s.span.end) return std::nullopt;
  int k = 0;
  const int n = static_cast<int>(s.toks.size());
  while (k < n && s.toks[k].begin < who->span.begin) ++k;
  int lower = 0;
  for (int i = k - 1; i >= 2 && k - i <= 30; --i) {
    const std::string& w = s.low[i];
    if (w == "including" || (w == "as" && s.low[i - 1] == "such")) {
      if (w == "as") --i;
      for (int d = i - 1; d >= 0 && i - d <= 3; --d)
        if (const text::Country* c = text::LookupDemonym(Slice(s.toks[d]), t_.lang)) return std::string(c->code);
      return std::nullopt;
    }
    const Token& t = s.toks[i];
    if (t.kind == TokenKind::kWord && !t.cap && w != "and" && w != "of" && !t_.titles.count(w)) {
      if (t_.function_words.count(w) || ++lower > 3) return std::nullopt;
    } else {
      lower = 0;
    }
    if (t.kind == TokenKind::kPunct && w != "," && w != "\xE2\x80\x94") return std::nullopt;
  }
  return std::nullopt;
}

void Finder::Read(const Sentence& s) {
  const int n = static_cast<int>(s.toks.size());
  bool trigger = false;
  for (uint32_t c : s.cls) trigger = trigger || (c & kTriggers);
  if (!trigger) return;
  for (int v = 0; v < n; ++v) {
    const Token& t = s.toks[v];
    if (t.kind != TokenKind::kWord) continue;
    ++group_;
    const std::string& w = s.low[v];
    const bool cap = t.cap;
    postponed_ = false;
    // "was scheduled to visit Riga, but the trip was cancelled": a plan
    // called off in its own phrase or a clause joined to it.
    if ((s.cls[v] & (kVisit | kTravel | kArrive)) && !cap && Unrealised(s, v, /*wishes=*/false)) continue;
    if ((s.cls[v] & (kVisit | kTrip | kTravel | kArrive)) && !cap && (Cancelled(s, v) || CancelledAfter(s, v))) {
      // A trip put off is still planned; one called off is no visit.
      if (!Postponed(s, v)) continue;
      postponed_ = true;
    }
    // "the visiting Turkish minister X", "Jordan's visiting King Y": X is
    // the visitor, not someone visited.
    if ((s.cls[v] & kVisit) && Attributive(s, v)) {
      ReadVisiting(s, v);
      continue;
    }
    // "X visited Azerbaijan", "will visit Egypt, Tunisia and Togo".
    if (!cap && (s.cls[v] & kVisit)) {
      auto places = PlacesFrom(s, v + 1, 2);
      if (places.empty()) places = CountedList(s, v + 1);  // "visited three countries: A, B and C"
      if (!places.empty()) {
        auto who = SubjectsOf(s, v);
        for (const auto* p : who)
          for (const auto* where : places) AddVisit(p, where, s, v);
        if (!who.empty()) continue;
      }
      // "X visited Crown Prince Y and President Z": a visit to each one's
      // country, and a meeting with each.
      const auto hosts = ObjectsOf(s, v + 1, v + 30);
      if (!hosts.empty()) {
        const auto who = SubjectsOf(s, v);
        VisitHosts(who, hosts, s, v);
        // Else a noun ("paid courtesy visits to President Y"): read below.
        if (!who.empty()) continue;
      }
    }
    // "arrived in Jeddah", "will travel to Baku", "left for Yerevan", "was in Baku".
    if (!cap && ((s.cls[v] & kArrive) || (s.cls[v] & kTravel) || ((s.cls[v] & kBe) && w != "be" ? true : w == "be"))) {
      const bool be = (s.cls[v] & kBe);
      // Time adjuncts may stand between the verb and its place: "travel on
      // Wednesday and Thursday to Cairo".
      int p = v + 1;
      bool expected = false;  // "is expected in Ankara": read below as a visit ahead
      while (p < n && p < v + 8 && (Skippable(s, p) || s.low[p] == "and" || s.low[p] == ",") && s.low[p] != "to") {
        expected = expected || (be && (s.cls[p] & kExpected));
        ++p;
      }
      if (expected) p = n;
      if (p < n) {
        const std::string& prep = s.low[p];
        const bool ok = ((s.cls[v] & kArrive) && (prep == "in" || prep == "at" || prep == "to" || prep == "into")) ||
                        ((s.cls[v] & kTravel) && (prep == "to" || prep == "for" || prep == "into")) ||
                        (be && prep == "in");
        if (!ok && (s.cls[v] & kArrive) && prep == "here" && dateline_) {
          // "arrived here": the dateline's city.
          for (const auto* who : SubjectsOf(s, v)) AddVisit(who, &*dateline_, s, v);
        }
        if (ok) {
          const auto places = PlacesFrom(s, p + 1, 1);
          if (!places.empty()) {
            int subj_end = v;
            if (be && w == "be" && v > 0 && s.low[v - 1] == "will") subj_end = v - 1;
            for (const auto* p : SubjectsOf(s, subj_end))
              for (const auto* where : places) AddVisit(p, where, s, v);
          }
        }
      }
    }
    // "X is expected in Ankara on Monday", "X is due in Baku": ahead.
    if (!cap && (s.cls[v] & kExpected) && v > 0 && v + 2 < n && s.low[v + 1] == "in" &&
        (s.low[v - 1] == "is" || s.low[v - 1] == "are" || s.low[v - 1] == "was" || s.low[v - 1] == "were")) {
      const auto places = PlacesFrom(s, v + 2, 1);
      if (!places.empty())
        for (const auto* who : SubjectsOf(s, v))
          for (const auto* where : places) AddVisit(who, where, s, v);
    }
    // "X held talks in Moscow", "officials holding talks in all three
    // countries": talks in a place are a visit there.
    if (!cap && (s.cls[v] & kMeeting) && v > 0 && (s.cls[v - 1] & kHold) && v + 2 < n && s.low[v + 1] == "in") {
      std::vector<const PlaceHit*> places = PlacesFrom(s, v + 2, 1);
      std::vector<PlaceHit> group;
      if (places.empty()) {
        group = CountriesReferredTo(s, v + 2);
        for (const PlaceHit& p : group) places.push_back(&p);
      }
      if (!places.empty())
        for (const auto* p : SubjectsOf(s, v - 1))
          for (const auto* where : places) AddVisit(p, where, s, v);
    }
    // "Modi's US visit", "during his China trip", "Lavrov's two-day Baku
    // visit": the place before the noun, after a possessive.
    if (!cap && (s.cls[v] & kTrip) && v >= 2 && s.low[v - 1] != "-")
      for (const PlaceHit& p : s.places) {
        if (p.last != v - 1 || Possessive(s, p.last)) continue;
        int k = p.first - 1;
        while (k >= 0 && p.first - k <= 3 &&
               (s.toks[k].kind == TokenKind::kNumber || s.low[k] == "-" ||
                (s.toks[k].kind == TokenKind::kWord && !s.toks[k].cap && !t_.function_words.count(s.low[k]) &&
                 s.low[k] != "his" && s.low[k] != "her")))
          --k;
        const text::PersonMention* owner = nullptr;
        if (k >= 0 && (s.low[k] == "his" || s.low[k] == "her"))
          // "During his China trip, X met Y": the main clause's subject.
          owner = k < AdverbialEnd(s) ? ClauseSubject(s, static_cast<int>(s.toks.size())) : Salient(s.toks[k].begin);
        else if (k >= 0 && Possessive(s, k)) owner = MentionAt(s, k);
        else if (k >= 1 && (s.low[k] == "'s" || s.low[k] == "\xE2\x80\x99s")) owner = MentionAt(s, k - 1);
        if (owner && (postponed_ || (!Cancelled(s, v) && !CancelledAfter(s, v)))) AddVisit(owner, &p, s, v);
        break;
      }
    // "Lavrov's visit to Baku", "a trip to Ankara", "on a visit to", "tour of".
    if (!cap && (s.cls[v] & kTrip) && v + 1 < n && (s.low[v + 1] == "to" || s.low[v + 1] == "of" || s.low[v + 1] == "in")) {
      int from = v + 2;
      const text::PersonMention* owner = OwnerOfNoun(s, v);
      if (const auto* subject = PronounOwnerOnTree(s, v)) owner = subject;
      // "the visit of X to Y" needs a person X; only "a tour of" names places.
      const bool tour = s.low[v] == "tour" || s.low[v] == "tours";
      if (s.low[v + 1] == "of" && !tour && !owner) continue;
      if (s.low[v + 1] == "of" && owner) {
        // "the visit of X to Y": the place follows "to" after the name.
        for (int k = v + 2; k < n && k < v + 14; ++k)
          if (s.low[k] == "to" || s.low[k] == "in") {
            from = k + 1;
            break;
          }
      }
      auto places = PlacesFrom(s, from, 1);
      if (places.empty()) places = CountedList(s, from);  // "a tour of three countries: A, B and C"
      // "paid courtesy visits to General Secretary X and President Y".
      const auto hosts = places.empty() && s.low[v + 1] == "to" ? ObjectsOf(s, v + 2, v + 30)
                                                                : std::vector<const text::PersonMention*>{};
      if (!places.empty() || !hosts.empty()) {
        std::vector<const text::PersonMention*> who;
        if (owner) who.push_back(owner);
        else who = SubjectsOfClause(s, v);
        if (who.empty())
          if (const auto* m = NearestActor(s, v)) who.push_back(m);  // "He stated it during an official visit to"
        for (const auto* p : who)
          for (const auto* where : places) AddVisit(p, where, s, v);
        VisitHosts(who, hosts, s, v);
      }
    }
    // "he will be hosted by President Joe Biden", "Y was received by X in
    // Baku": a visit to the host's country (or the place named) and a
    // meeting with the host; "Y was welcomed (greeted) by X" is a visit,
    // the welcome a ceremony, no meeting.
    // The passive's "by" may follow adjuncts: "was received in Yerevan
    // yesterday (1 April) by X", "was greeted at Riga airport by X".
    int by = v + 1;
    if (!cap && (s.cls[v] & kHost) && v > 0 && (s.cls[v - 1] & kBe))
      while (by < n && by <= v + 12 && s.low[by] != "by" &&
             (Skippable(s, by) || s.toks[by].cap || s.toks[by].kind == TokenKind::kNumber || s.low[by] == "in" ||
              s.low[by] == "at" || s.low[by] == "(" || s.low[by] == ")" || (s.cls[by] & kCeremony) ||
              t_.dates.months.count(s.low[by]) || t_.dates.weekdays.count(s.low[by]) || s.low[by] == "yesterday" ||
              s.low[by] == "today"))
        ++by;
    if (!cap && (s.cls[v] & kHost) && by < n && s.low[by] == "by") {
      const auto hosts = ObjectsOf(s, by + 1, by + 14);
      const auto who = SubjectsOf(s, v);
      const bool ceremony = s.low[v].rfind("welcom", 0) == 0 || s.low[v].rfind("greet", 0) == 0;
      if (!hosts.empty() && !who.empty()) Hosted(hosts, who, s, v, !ceremony);
      continue;
    }
    // "X led a delegation to Baku", "headed a Chinese trade mission to".
    if (!cap && (s.cls[v] & kLead)) {
      int k = v + 1;
      while (k < n && k <= v + 5 && !(s.cls[k] & kDelegation) &&
             (s.toks[k].kind == TokenKind::kWord && (s.toks[k].cap || !t_.function_words.count(s.low[k]) ||
                                                    s.low[k] == "a" || s.low[k] == "an" || s.low[k] == "the")))
        ++k;
      if (k < n && (s.cls[k] & kDelegation) && !s.toks[k].cap && !Cancelled(s, v)) {
        int to = k + 1;
        while (to < n && to <= k + 4 && s.low[to] != "to" && Skippable(s, to)) ++to;
        if (to < n && s.low[to] == "to") {
          const auto places = PlacesFrom(s, to + 1, 1);
          if (!places.empty())
            for (const auto* who : SubjectsOf(s, v))
              for (const auto* where : places) AddVisit(who, where, s, v);
        }
      }
      continue;
    }
    // "X gave a warm welcome to Y", "X gave Y a warm welcome", "Y was
    // accorded a warm reception by X".
    if (!cap && (s.cls[v] & kReception) && ReceptionVerb(s, v) >= 0) {
      ReadReception(s, v);
      continue;
    }
    // "X received Y", "X hosted Y in Sochi", "X welcomed Y to Paris".
    if (!cap && (s.cls[v] & kHost)) {
      ReadHost(s, v);
      continue;
    }
    // "X attended the summit in Yerevan": a visit to the event's country.
    if (!cap && (s.cls[v] & kAttend)) {
      ReadAttendance(s, v);
      continue;
    }
    // Meetings ("Talks between A and B ..." may open the sentence).
    if ((!cap || (v == 0 && (s.cls[v] & kMeeting))) && ((s.cls[v] & kMeet) || (s.cls[v] & kMeeting) ||
                 (w == "call" && v + 1 < n && s.low[v + 1] == "on"))) {
      ReadMeeting(s, v);
    }
  }
}

}  // namespace attache::events::internal
