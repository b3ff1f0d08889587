// Actors: who is the subject of a trigger, whose a trip noun is, and what
// a pronoun, "the latter" or "the president" refers to.
#include "events/finder.h"

namespace attache::events::internal {

// The person mention that covers token k. Mentions are in text order and
// do not overlap, so a binary search finds the one starting at or before it.
const text::PersonMention* Finder::MentionAt(const Sentence& s, int k) const {
  const Token& t = s.toks[k];
  const auto& ms = people_.mentions;
  auto it = std::upper_bound(ms.begin(), ms.end(), t.begin,
                             [](uint32_t b, const text::PersonMention& m) { return b < m.span.begin; });
  if (it == ms.begin()) return nullptr;
  --it;
  if (it->span.end > t.begin) return &*it;
  return nullptr;
}

// The person mention whose title run covers token k ("of" in "President
// of Kyrgyzstan Sadyr Japarov").
const text::PersonMention* Finder::TitleAt(const Sentence& s, int k) const {
  const Token& t = s.toks[k];
  const auto& ms = people_.mentions;
  auto it = std::lower_bound(ms.begin(), ms.end(), t.begin,
                             [](const text::PersonMention& m, uint32_t b) { return m.span.begin < b; });
  if (it == ms.end() || it->title.size() == 0) return nullptr;
  return it->title.begin <= t.begin && t.begin < it->title.end ? &*it : nullptr;
}

// The token index where a mention ends, from the token at k inside it.
int Finder::MentionEnd(const Sentence& s, int k, const text::PersonMention* m) const {
  while (k + 1 < static_cast<int>(s.toks.size()) && s.toks[k + 1].begin < m->span.end) ++k;
  return k;
}

// Words between a subject and its trigger: auxiliaries, modals, adverbs,
// "expected to", "plans to", time adjuncts ("on Thursday evening").
bool Finder::Skippable(const Sentence& s, int k) const {
  static const WordSet kSkip = {
      "is", "are", "was", "were", "will", "would", "shall", "should", "could", "can", "may", "might", "must",
      "has", "have", "had", "be", "been", "being", "to", "also", "then", "already", "still", "just", "now", "soon",
      "later", "earlier", "previously", "recently", "again", "expected", "set", "scheduled", "due", "planned",
      "plans", "plan", "planning", "intends", "wants", "hopes", "going", "about", "on", "this", "next", "last",
      "morning", "evening", "afternoon", "night", "week", "month", "year", "today", "tomorrow", "yesterday",
      "not", "never", "first", "officially", "reportedly", "finally", "both", "jointly", "personally", "late",
      "early"};
  const Token& t = s.toks[k];
  if (t.kind == TokenKind::kNumber) return true;
  if (t.kind != TokenKind::kWord) return false;
  if (kSkip.has(s.low[k])) return true;
  static const WordSet kTimeCaps = {"monday",  "tuesday",  "wednesday", "thursday", "friday", "saturday",
                                    "sunday",  "january",  "february",  "march",    "april",  "may",
                                    "june",    "july",     "august",    "september", "october", "november",
                                    "december"};
  if (kTimeCaps.has(s.low[k])) return true;
  return !t.cap && s.low[k].size() > 4 && s.low[k].compare(s.low[k].size() - 2, 2, "ly") == 0;
}

// People who are the subject of the trigger at token v: a person, a
// pronoun or "A and B" ending just before it (over skippable words).
std::vector<const text::PersonMention*> Finder::SubjectsOf(const Sentence& s, int v) const {
  std::vector<const text::PersonMention*> out = DirectSubjectsOf(s, v);
  // "X left Mexico City to visit Y": the purpose clause's subject is the
  // sentence's; so is that of "before seeing Y", "after visiting Z".
  const bool gerund = s.low[v].size() > 4 && s.low[v].compare(s.low[v].size() - 3, 3, "ing") == 0;
  if (out.empty() && v > 0 &&
      (s.low[v - 1] == "to" || (gerund && (s.low[v - 1] == "before" || s.low[v - 1] == "after" ||
                                           s.low[v - 1] == "while" || s.low[v - 1] == "when"))))
    if (const auto* m = ClauseSubject(s, v)) out.push_back(m);
  return out;
}

std::vector<const text::PersonMention*> Finder::DirectSubjectsOf(const Sentence& s, int v) const {
  std::vector<const text::PersonMention*> out;
  int j = v - 1;
  while (j >= 0 && Skippable(s, j)) --j;
  // "Vladimir Putin, who arrived in Kazakhstan": the person the relative
  // clause hangs on.
  if (j >= 1 && s.low[j] == "who" && s.low[j - 1] == ",") {
    if (const auto* m = MentionAt(s, j - 2 >= 0 ? j - 2 : 0)) out.push_back(m);
    return out;
  }
  if (j >= 0 && s.low[j] == "and") {
    // "X had left for Yerevan and should return to Baku": the subject of
    // the verb before "and": the nearest person followed by a verb.
    if (const auto* m = NearestActor(s, j)) out.push_back(m);
    else if (const auto* c = ClauseSubject(s, j)) out.push_back(c);
    return out;
  }
  if (j >= 0 && s.low[j] == ",") {
    // "X, an economist who ..., will meet": the person a comma follows at
    // the clause's start; "The European Council President, who arrived
    // ..., will meet": the description the sentence opens with.
    const text::PersonMention* m = ClauseSubject(s, j);
    if (!m) {
      int c = 0;
      while (c < j && s.low[c] != ",") ++c;
      if (c > 0 && c < j) m = ByDescription(s, c - 1);
    }
    if (m) out.push_back(m);
    return out;
  }
  // "President X of Turkey will visit": the country after the name.
  for (const PlaceHit& p : s.places)
    if (p.last == j && p.first >= 2 && s.low[p.first - 1] == "of" && MentionAt(s, p.first - 2)) {
      j = p.first - 2;
      break;
    }
  bool joined = false;  // an "and" of the list passed: its commas join too
  while (j >= 0) {
    if (IsPronoun(s, j)) {
      if (const auto* p = Salient(s.toks[j].begin)) out.push_back(p);
      break;
    }
    const text::PersonMention* m = MentionAt(s, j);
    if (!m) {
      // "the president", "the Saudi crown prince": a holder of the role;
      // "the latter", "the former": one of the last two people named.
      if (const auto* p = ByDescription(s, j)) out.push_back(p);
      else if (const auto* q = LatterOrFormer(s, j)) out.push_back(q);
      break;
    }
    out.push_back(m);
    // Back over the mention and its title to a coordinator.
    int k = j;
    while (k >= 0 && s.toks[k].end > std::min(m->span.begin, m->title.size() ? m->title.begin : m->span.begin)) --k;
    // "..., and central bank Governor X", "and his Vietnamese counterpart
    // Y": the description's own words.
    for (int back = 0; back < 3 && k >= 1 && s.toks[k].kind == TokenKind::kWord && s.low[k] != "and" &&
                       ((!s.toks[k].cap && !t_.function_words.count(s.low[k])) ||
                        (s.toks[k].cap && text::LookupDemonym(Slice(s.toks[k]), t_.lang)));
         ++back)
      --k;
    // "X and his Vietnamese counterpart Y".
    if (k >= 1 && (s.low[k] == "his" || s.low[k] == "her" || s.low[k] == "their") && s.low[k - 1] == "and") --k;
    // "A, B and C met": a comma joins people once an "and" has; "After
    // the meeting with A, B met C": a comma alone does not (but a headline
    // opening with the pair, "A, B meet in Sochi", does).
    if (k >= 0 && s.low[k] == "," && !joined && k >= 1) {
      const text::PersonMention* before = MentionAt(s, k - 1);
      if (!before || TokenAfter(s, before->title.size() ? before->title.begin : before->span.begin) != 0) break;
    }
    if (k >= 0 && (s.low[k] == "and" || s.low[k] == ",")) {
      joined = joined || s.low[k] == "and";
      j = k - 1;
      continue;
    }
    // "cutouts of A, B and C to greet X": people named after "of" modify
    // a noun; they are not the verb's subjects (a delegation of them is
    // theirs).
    if (k >= 1 && s.low[k] == "of" && out.size() >= 2 && !(s.cls[k - 1] & kDelegation)) out.clear();
    break;
  }
  return out;
}

// The nearest person before token j who is followed by a verb ("Lavrov
// had left ... and should return", "Tokayev said during a meeting with").
const text::PersonMention* Finder::NearestActor(const Sentence& s, int j) const {
  for (int k = j - 1; k >= 0; --k) {
    const text::PersonMention* m = MentionAt(s, k);
    if (!m && IsPronoun(s, k)) m = Salient(s.toks[k].begin);
    if (!m) continue;
    const int e = m == MentionAt(s, k) ? MentionEnd(s, k, m) : k;
    int f = e + 1;
    while (f < j && Skippable(s, f)) ++f;
    if (f < j && s.toks[f].kind == TokenKind::kWord && !s.toks[f].cap && !t_.function_words.count(s.low[f]) &&
        s.low[f] != "with" && s.low[f] != "and")
      return m;
  }
  return nullptr;
}

// The person the sentence is about: the first person named at its start
// (after a leading adverbial), or a pronoun standing there.
// The token after a leading adverbial ending in a comma within the first
// 12 tokens ("Soon after his arrival, ..."), else 0.
int Finder::AdverbialEnd(const Sentence& s, int before) const {
  if (!s.toks.empty() && s.toks[0].kind == TokenKind::kWord && !MentionAt(s, 0) && !TitleAt(s, 0))
    for (int k = 0; k < before && k < 12 && k < static_cast<int>(s.toks.size()); ++k) {
      if (s.low[k] == ",") return k + 1;
    }
  return 0;
}

const text::PersonMention* Finder::ClauseSubject(const Sentence& s, int before) const {
  const int start = AdverbialEnd(s, before);
  for (int k = start; k < before && k < start + 10; ++k) {
    if (IsPronoun(s, k)) return Salient(s.toks[k].begin);
    if (const auto* m = MentionAt(s, k)) return m;
    if (const auto* m = ByDescription(s, k)) return m;  // "..., the Japanese PM said"
  }
  return nullptr;
}

// "the president" / "the crown prince": a person whose title holds the
// noun, named before `pos`.
const text::PersonMention* Finder::ByDescription(const Sentence& s, int j) const {
  if (s.toks[j].kind != TokenKind::kWord || !t_.role_nouns.count(s.low[j])) return nullptr;
  int k = j - 1;
  while (k >= 0 && j - k <= 4 && s.low[k] != "the") --k;
  // "Chinese foreign minister is planned to visit": a description that
  // opens the sentence with no determiner, of a demonym or country and
  // title words only.
  if (k < 0 && j >= 1 && j <= 3) {
    bool bare = true, nation = false;
    for (int d = 0; d < j && bare; ++d) {
      const bool country = text::LookupDemonym(Slice(s.toks[d]), t_.lang) != nullptr;
      nation = nation || country;
      bare = s.toks[d].kind == TokenKind::kWord && (country || t_.titles.count(s.low[d]));
    }
    if (bare && nation) k = -1;
    else return nullptr;
  } else if (k < 0 || s.low[k] != "the") {
    return nullptr;
  }
  // "Erdogan, the Turkish president, ...": the appositive's person (not
  // "At a meeting with X, the Canadian PM said").
  if (k >= 2 && s.low[k - 1] == "," && (j + 1 >= static_cast<int>(s.toks.size()) || s.low[j + 1] == "," ||
                                        s.low[j + 1] == "."))
    if (const auto* m = MentionAt(s, k - 2)) return m;
  // The country the description names ("the Kyrgyz leader", "the UAE
  // leader"), if any.
  std::string nation;
  for (int d = k + 1; d < j && nation.empty(); ++d) {
    if (const text::Country* c = text::LookupDemonym(Slice(s.toks[d]), t_.lang)) nation = c->code;
    else if (const text::Place* p = s.toks[d].cap ? text::LookupPlace(Slice(s.toks[d]), t_.lang) : nullptr;
             p && p->kind == text::EntityKind::kCountry)
      nation = p->code;
  }
  // The latest person named before "the", looking back over a bounded
  // number of mentions (a page of a million names costs no more per
  // sentence than an article does).
  const auto& ms = people_.mentions;
  const auto until = std::lower_bound(ms.begin(), ms.end(), s.toks[std::max(k, 0)].begin,
                                      [](const text::PersonMention& m, uint32_t b) { return m.span.begin < b; });
  const auto from = until - std::min<std::ptrdiff_t>(until - ms.begin(), kDescriptionLookBack);
  for (auto it = until; it != from;) {
    const text::PersonMention& m = *--it;
    if (m.title.size() == 0) continue;
    const std::string title = text::Fold(Slice(m.title.begin, m.title.end));
    if (title.find(s.low[j]) == std::string::npos) continue;
    // Title words before the noun must be the person's too: "the prime
    // minister" is not the foreign minister.
    bool all = true;
    for (int d = k + 1; d < j && all; ++d)
      if (s.toks[d].kind == TokenKind::kWord && !s.toks[d].cap && t_.titles.count(s.low[d]))
        all = title.find(s.low[d]) != std::string::npos;
    // "the Italian president" is not the Israeli one.
    if (all && !nation.empty()) {
      const auto& country = CountryOf(m.full_name);
      all = country && *country == nation;
    }
    if (all) return &m;
  }
  // "the Kyrgyz leader", "the UAE leader": a person of that country named
  // before.
  if (!nation.empty()) {
    for (auto it = until; it != from;) {
      const text::PersonMention& m = *--it;
      if (m.title.size() == 0 && !text::OfficeOf(m.full_name, anchor_)) continue;
      const auto& country = CountryOf(m.full_name);
      if (country && *country == nation) return &m;
    }
  }
  return nullptr;
}

// "the latter" / "the former" at token j: the last, or the one before the
// last, of the people named before it in the sentence (else the sentence
// before).
const text::PersonMention* Finder::LatterOrFormer(const Sentence& s, int j) const {
  if (j < 1 || s.low[j - 1] != "the" || (s.low[j] != "latter" && s.low[j] != "former")) return nullptr;
  const auto& ms = people_.mentions;
  const size_t idx = static_cast<size_t>(&s - sentences_.data());
  const uint32_t from = idx > 0 && idx < sentences_.size() ? sentences_[idx - 1].span.begin : s.span.begin;
  const uint32_t until = s.toks[j - 1].begin;
  std::vector<const text::PersonMention*> named;  // distinct people, latest first
  auto m_it = std::lower_bound(ms.begin(), ms.end(), until,
                               [](const text::PersonMention& m, uint32_t b) { return m.span.begin < b; });
  while (m_it != ms.begin() && named.size() < 2) {
    --m_it;
    if (m_it->span.begin < from) break;
    if (!Known(&*m_it)) continue;
    if (std::none_of(named.begin(), named.end(), [&](const auto* p) { return p->full_name == m_it->full_name; }))
      named.push_back(&*m_it);
    // The sentence itself names two: look no further back.
    if (named.size() == 2) break;
  }
  if (s.low[j] == "latter") return named.empty() ? nullptr : named[0];
  return named.size() == 2 ? named[1] : nullptr;
}

// The person most recently the subject of something, before `pos`.
// The person "he" or "she" refers to: the subject of the latest sentence
// that opened with a person, else the latest person named.
const text::PersonMention* Finder::Salient(uint32_t pos) const {
  // The sentence holding `pos`, by binary search.
  auto it = std::upper_bound(sentences_.begin(), sentences_.end(), pos,
                             [](uint32_t p, const Sentence& s) { return p < s.span.begin; });
  if (it == sentences_.begin()) return nullptr;
  const size_t here = static_cast<size_t>(it - sentences_.begin()) - 1;
  const auto& ms = people_.mentions;
  auto named = [&](const text::PersonMention& m) {
    return m.full_name.find(' ') != std::string::npos || m.title.size() > 0;
  };
  // A person named earlier in the same sentence binds first ("Lavrov's
  // visit ... after his visits to Turkey").
  const Sentence& cur = sentences_[here];
  auto m_it = std::lower_bound(ms.begin(), ms.end(), cur.span.begin,
                               [](const text::PersonMention& m, uint32_t b) { return m.span.begin < b; });
  const text::PersonMention* near = nullptr;
  for (; m_it != ms.end() && m_it->span.end <= pos; ++m_it)
    if (named(*m_it)) near = &*m_it;
  if (near) return near;
  // Else the subject of one of the last sentences that opened with a person
  // (a bounded look back), else the latest person named before.
  for (size_t back = 1; back <= 30 && back <= here; ++back) {
    const Sentence& s = sentences_[here - back];
    // After a leading adverbial ("During the visit, PM X paid ...").
    const int start = AdverbialEnd(s);
    for (int k = start; k < static_cast<int>(s.toks.size()) && k < start + 8; ++k) {
      if (const auto* m = MentionAt(s, k)) return m;
      // "President of Kyrgyzstan Sadyr Japarov invited ...": the title's
      // own words do not end the opening.
      if (const auto* m = TitleAt(s, k)) return m;
      if (s.toks[k].kind == TokenKind::kWord && !s.toks[k].cap && !Skippable(s, k)) break;
    }
  }
  auto b_it = std::lower_bound(ms.begin(), ms.end(), pos,
                               [](const text::PersonMention& m, uint32_t b) { return m.span.begin < b; });
  for (int guard = 0; b_it != ms.begin() && guard < 200; ++guard) {
    --b_it;
    if (named(*b_it)) return &*b_it;
  }
  return nullptr;
}

// "Lavrov's visit", "his trip", "the visit of X to": the visitor of a noun.
const text::PersonMention* Finder::OwnerOfNoun(const Sentence& s, int v) const {
  // Possessive before (skipping adjectives: "three-day", "official", "state").
  for (int k = v - 1; k >= 0 && v - k <= 4; --k) {
    const std::string& w = s.low[k];
    if (w == "his" || w == "her") {
      // "At his meeting with Y, the Japanese PM said": a possessive in a
      // leading adverbial is the main clause's subject.
      if (k < AdverbialEnd(s))
        if (const auto* m = ClauseSubject(s, static_cast<int>(s.toks.size()))) return m;
      return Salient(s.toks[k].begin);
    }
    const Token& t = s.toks[k];
    const std::string_view raw = Slice(t);
    const bool possessive = raw.size() > 2 && (raw.substr(raw.size() - 2) == "'s" ||
                                               (raw.size() > 4 && raw.substr(raw.size() - 4) == "\xE2\x80\x99s"));
    if (possessive) return MentionAt(s, k);
    if (t.kind != TokenKind::kWord || t.cap) break;
  }
  // "the visit of Russian Foreign Minister Sergei Lavrov".
  if (v + 1 < static_cast<int>(s.toks.size()) && s.low[v + 1] == "of") {
    for (int k = v + 2; k < static_cast<int>(s.toks.size()) && k < v + 10; ++k) {
      if (const auto* m = MentionAt(s, k)) return m;
      if (s.toks[k].kind == TokenKind::kPunct) break;
    }
  }
  return nullptr;
}

// A person worth a record: a full name, a title, or an office-holder.
bool Finder::Known(const text::PersonMention* m) const {
  if (!m) return false;
  // "the Diplomatic Academy", "the Ho Chi Minh Mausoleum", "the Foreign
  // Ministry": a name whose head word names an institution or a place.
  const size_t sp = m->full_name.rfind(' ');
  const std::string last = sp == std::string::npos ? m->full_name : m->full_name.substr(sp + 1);
  if (t_.institutions.count(last) || (ClassBits(t_, text::Fold(last)) & kNotPerson)) return false;
  return m->full_name.find(' ') != std::string::npos || m->title.size() > 0 ||
         text::OfficeOf(m->full_name, anchor_) != nullptr;
}

// The subject of the clause a noun trigger sits in: "X is on a visit to",
// "X will pay a state visit to", "X made his first trip to".
std::vector<const text::PersonMention*> Finder::SubjectsOfClause(const Sentence& s, int v) const {
  // Walk back over the noun phrase ("a three day official") and a light
  // verb ("will be on", "paid", "held") to the subject.
  int k = v - 1;
  // A role noun ends the walk: "the Kyrgyz leader made a state visit".
  while (k >= 0 && v - k <= 9 &&
         ((s.toks[k].kind == TokenKind::kWord && !s.toks[k].cap && !t_.function_words.count(s.low[k]) &&
           !(t_.role_nouns.count(s.low[k]) && k > 0 && (s.toks[k - 1].cap || s.low[k - 1] == "the"))) ||
          s.toks[k].kind == TokenKind::kNumber || s.low[k] == "a" || s.low[k] == "an" || s.low[k] == "on" ||
          s.low[k] == "the" || Skippable(s, k)))
    --k;
  if (k < 0) return {};
  return SubjectsOf(s, k + 1);
}

bool Finder::Possessive(const Sentence& s, int k) const {
  const std::string_view raw = Slice(s.toks[k]);
  if (raw.size() > 2 && raw.substr(raw.size() - 2) == "'s") return true;
  if (raw.size() > 4 && raw.substr(raw.size() - 4) == "\xE2\x80\x99s") return true;
  return k + 1 < static_cast<int>(s.toks.size()) && (s.low[k + 1] == "'s" || s.low[k + 1] == "\xE2\x80\x99s");
}

}  // namespace attache::events::internal
