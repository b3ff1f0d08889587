// Dates of an event: the time expression of the trigger's clause, not
// one that dates a statement or bounds another clause; ranges and
// respective dates.
#include "events/finder.h"

namespace attache::events::internal {

// Whether the date expression starting at token k belongs to a clause
// opened by "since", "until" or "till" that does not hold the trigger at
// v: "until Thursday", "since taking office on September 16", "since the
// two sides agreed ... in March": the start or end of something else.
bool Finder::InBoundClause(const Sentence& s, int v, int k) const {
  for (int j = k - 1; j >= 0 && k - j <= 20; --j) {
    if (j == v) return false;
    const std::string& w = s.low[j];
    if (w == "since" || w == "until" || w == "till") return true;
    if (s.toks[j].kind == TokenKind::kPunct && (w == "," || w == ";" || w == ":" || w == "(" || w == ")"))
      return false;
  }
  return false;
}

// Whether the date expression starting at token k dates a statement about
// the event rather than the event: "..., the ministry said on Wednesday",
// "announced on Monday", "told reporters on Friday". The speech verb must
// come just before the date (prepositions and one object of "tell" may
// stand between) and must not be the trigger at v.
bool Finder::DatesAStatement(const Sentence& s, int v, int k) const {
  bool object_seen = false;
  for (int j = k - 1; j >= 0 && k - j <= 4; --j) {
    if (j == v) return false;
    const std::string& w = s.low[j];
    if (s.toks[j].kind == TokenKind::kPunct) return false;
    // Plain reporting verbs only ("expected on Monday" dates the visit),
    // and in lower case: "the United States on May 23" has no verb.
    const char first = text_[s.toks[j].begin];
    const bool capital = j > 0 && first >= 'A' && first <= 'Z';
    if (const auto c = t_.verb(w); !capital && (c == text::VerbClass::kSay || c == text::VerbClass::kTell)) {
      return true;
    }
    if (w == "on" || w == "in" || w == "at" || w == "earlier" || w == "late" || w == "later") continue;
    // "told reporters on Friday": one object between "told" and the date.
    if (!object_seen && j > 0 && t_.verb(s.low[j - 1]) == text::VerbClass::kTell) {
      object_seen = true;
      continue;
    }
    return false;
  }
  return false;
}

// Whether the date expression starting at token k hangs, on the
// sentence's tree, on a verb of speech that is not the trigger at v nor
// one the trigger depends on: "Trudeau will visit Latvia, his office
// announced Tuesday" (not "X is expected to arrive on Monday").
bool Finder::DatesASpeechOnTree(const Sentence& s, int v, int k) const {
  const syntax::Sentence* t = TreeOf(s);
  if (!t) return false;
  const int wk = t->WordOfToken(k), wv = t->WordOfToken(v);
  if (wk < 0 || wv < 0) return false;
  const auto word = [&](int i) -> const syntax::Word& { return t->words[static_cast<size_t>(i)]; };
  const std::string_view rel = syntax::Sentence::Base(word(wk).deprel);
  if (rel != "obl" && rel != "nmod") return false;
  const int h = word(wk).head;
  if (h < 0 || h == wv || word(h).upos != "VERB") return false;
  const text::VerbClass c = t_.verb(text::Fold(word(h).form));
  if (c != text::VerbClass::kSay && c != text::VerbClass::kSayThat && c != text::VerbClass::kTell) return false;
  // Not a verb above the trigger ("is expected to arrive", "said to visit").
  for (int a = word(wv).head, hop = 0; a >= 0 && hop < 64; a = word(a).head, ++hop)
    if (a == h) {
      const std::string_view r = syntax::Sentence::Base(word(wv).deprel);
      return r == "ccomp" || r == "parataxis";
    }
  return true;
}

// Whether the date expression starting at token k lies, on the tree, in
// an adverbial or adnominal clause opened by a conjunction ("after taking
// office last month", "before he left on Monday") that does not hold the
// trigger at v: the time of something else.
bool Finder::InOtherMarkedClause(const Sentence& s, int v, int k) const {
  const syntax::Sentence* t = TreeOf(s);
  if (!t) return false;
  const int wk = t->WordOfToken(k), wv = t->WordOfToken(v);
  if (wk < 0 || wv < 0) return false;
  for (int c = wk, hop = 0; c >= 0 && hop < 64; c = t->words[static_cast<size_t>(c)].head, ++hop) {
    const syntax::WordRange r = t->Subtree(c);
    if (wv >= r.first && wv <= r.last) return false;  // up to a clause that holds the trigger
    const std::string_view rel = syntax::Sentence::Base(t->words[static_cast<size_t>(c)].deprel);
    if (rel != "advcl" && rel != "acl") continue;
    for (int m : t->Children(c)) {
      const syntax::Word& w = t->words[static_cast<size_t>(m)];
      if (syntax::Sentence::Base(w.deprel) == "mark" && w.upos == "SCONJ") return true;
    }
  }
  return false;
}

// The date expression of the clause: the one nearest the trigger.
std::optional<std::string> Finder::DateOf(const Sentence& s, int v) const {
  const text::TimeExpr* best = DateExprOf(s, v);
  if (!best || best->value.empty()) return std::nullopt;
  return FirstDayOf(s, *best);
}

// "17–18 May", "17 and 18 May", "from 17 to 19 May": a run of days
// whose month is written after the last one starts on the first (the time
// expression holds the last day only); the joiners are events.txt's
// "dayrange". Any other date stays as it is.
std::string Finder::FirstDayOf(const Sentence& s, const text::TimeExpr& d) const {
  const std::string& value = d.value;
  if (value.size() != 10 || value[0] == 'X') return value;
  const int k = TokenAfter(s, d.begin);
  if (k < 2 || k >= static_cast<int>(s.toks.size()) || s.toks[static_cast<size_t>(k)].begin != d.begin) return value;
  const auto day = [&](int j) {
    const std::string& w = s.low[static_cast<size_t>(j)];
    if (s.toks[static_cast<size_t>(j)].kind != TokenKind::kNumber || w.empty() || w.size() > 2) return 0;
    for (char c : w)
      if (c < '0' || c > '9') return 0;
    return std::atoi(w.c_str());
  };
  const int last = day(k), first = day(k - 2);
  if (last != std::atoi(value.c_str() + 8) || first < 1 || first >= last ||
      !t_.event_word(s.low[static_cast<size_t>(k - 1)], "dayrange"))
    return value;
  return value.substr(0, 8) + (first < 10 ? "0" : "") + std::to_string(first);
}

// The first token of the sentence that ends after byte `pos`.
int Finder::TokenAfter(const Sentence& s, uint32_t pos) {
  auto it = std::upper_bound(s.toks.begin(), s.toks.end(), pos,
                             [](uint32_t p, const Token& t) { return p < t.end; });
  return static_cast<int>(it - s.toks.begin());
}

const text::TimeExpr* Finder::DateExprOf(const Sentence& s, int v) const {
  if (!s.dates) s.dates = text::FindDates(text_, s.span, anchor_, t_);
  const text::TimeExpr* best = nullptr;
  long best_dist = 0;
  for (const auto& d : *s.dates) {
    // "until Thursday", "since 2020": the end or start of something else.
    if (InBoundClause(s, v, TokenAfter(s, d.begin))) continue;
    if (DatesAStatement(s, v, TokenAfter(s, d.begin))) continue;
    if (DatesASpeechOnTree(s, v, TokenAfter(s, d.begin))) continue;
    if (InOtherMarkedClause(s, v, TokenAfter(s, d.begin))) continue;
    if (d.value.empty() && best) continue;  // a dated expression beats "today" without an anchor
    const long dist = std::labs(static_cast<long>(d.begin) - static_cast<long>(s.toks[v].begin));
    if (!best || dist < best_dist || (best->value.empty() && !d.value.empty())) {
      best = &d;
      best_dist = dist;
    }
  }
  return best;
}

// The date expression that directly follows `d` after one of `joins`
// ("January 13 to January 18", "Wednesday and Thursday"), or null.
const text::TimeExpr* Finder::NextJoined(const Sentence& s, const text::TimeExpr& d,
                                         std::initializer_list<std::string_view> joins) const {
  const text::TimeExpr* next = &d + 1;
  if (next == s.dates->data() + s.dates->size()) return nullptr;
  int k = TokenAfter(s, d.end - 1) + 1;  // the token after d's last one
  const int n = static_cast<int>(s.toks.size());
  bool joined = false;
  for (; k < n && s.toks[k].begin < next->begin; ++k) {
    bool ok = false;
    for (std::string_view j : joins) ok = ok || s.low[k] == j;
    if (!ok || joined) return nullptr;
    joined = true;
  }
  return joined && k < n && s.toks[k].begin == next->begin && !next->value.empty() ? next : nullptr;
}

// "from January 13 to January 18" (the trigger's date being the first
// day): the last day, else "".
std::string Finder::RangeEndOf(const Sentence& s, int v) const {
  const text::TimeExpr* d = DateExprOf(s, v);
  if (!d || d->value.empty()) return "";
  const int k = TokenAfter(s, d->begin);
  if (k == 0 || (s.low[k - 1] != "from" && s.low[k - 1] != "between")) return "";
  const auto* e = NextJoined(s, *d, {"to", "until", "till", "through", "and", "-", "\xE2\x80\x93"});
  return e ? e->value : "";
}

// "travel on Wednesday and Thursday to Cairo and Amman": as many dates
// joined as places joined, read respectively; else nothing.
std::optional<std::string> Finder::RespectiveDate(const Sentence& s, int v, const PlaceHit* where) const {
  const text::TimeExpr* d = DateExprOf(s, v);
  if (!d || d->value.empty()) return std::nullopt;
  std::vector<const text::TimeExpr*> dates = {d};
  while (dates.size() < 8)
    if (const auto* e = NextJoined(s, *dates.back(), {"and", ","})) dates.push_back(e);
    else break;
  if (dates.size() < 2) return std::nullopt;
  // The run of places joined by "," and "and" that holds `where`.
  const auto joined = [&](const PlaceHit& a, const PlaceHit& b) {
    if (b.first <= a.last) return false;
    for (int k = a.last + 1; k < b.first; ++k)
      if (s.low[k] != "," && s.low[k] != "and") return false;
    return b.first - a.last <= 3;
  };
  size_t at = s.places.size();
  for (size_t i = 0; i < s.places.size(); ++i)
    if (&s.places[i] == where) at = i;
  if (at == s.places.size()) return std::nullopt;
  size_t first = at, last = at;
  while (first > 0 && joined(s.places[first - 1], s.places[first])) --first;
  while (last + 1 < s.places.size() && joined(s.places[last], s.places[last + 1])) ++last;
  if (last - first + 1 != dates.size()) return std::nullopt;
  return dates[at - first]->value;
}

}  // namespace attache::events::internal
