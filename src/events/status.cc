// Status (planned, ongoing, past) from wording and date; trips called
// off, denied, refused; phone calls.
#include "events/finder.h"

namespace attache::events::internal {

namespace {

// The head of the finite clause that holds word w on the tree: the
// nearest word at or above w that a clausal relation attaches (a
// complement, adverbial or relative clause, parataxis) and that has a
// subject or an auxiliary of its own ("that X met", "who had travelled";
// not "plans to visit", "due to meet"); -1 for the main clause.
int ClauseHead(const syntax::Sentence& t, int w) {
  static constexpr std::string_view kClausal[] = {"ccomp", "advcl", "acl", "parataxis", "csubj"};
  for (int c = w, hop = 0; c >= 0 && hop < 64; c = t.words[static_cast<size_t>(c)].head, ++hop) {
    const std::string_view rel = syntax::Sentence::Base(t.words[static_cast<size_t>(c)].deprel);
    bool clausal = false;
    for (std::string_view r : kClausal) clausal = clausal || rel == r;
    if (clausal && (t.Child(c, "nsubj") >= 0 || t.Child(c, "aux") >= 0)) return c;
  }
  return -1;
}

}  // namespace

// The tree of sentence s, parsed on demand; null without syntax.
const syntax::Sentence* Finder::TreeOf(const Sentence& s) const {
  if (!syntax_) return nullptr;
  const size_t index = static_cast<size_t>(&s - sentences_.data());
  return index < sentences_.size() ? syntax_->Get(index) : nullptr;
}

// Whether token k lies in another finite clause than the trigger at v on
// the sentence's tree: "the ministry announced that X met Y" (the cue
// "announced" is the report's, not the meeting's), "X, who met Y on
// Monday, will visit Z" (Monday is the meeting's). False without a tree.
bool Finder::OutsideTriggerClause(const Sentence& s, int v, int k) const {
  const syntax::Sentence* t = TreeOf(s);
  if (!t) return false;
  const int wv = t->WordOfToken(v), wk = t->WordOfToken(k);
  if (wv < 0 || wk < 0) return false;
  return ClauseHead(*t, wv) != ClauseHead(*t, wk);
}

// The copula of the noun at v on the sentence's tree ("is" in "this is
// his first visit"), folded; "" when it has none or an auxiliary ("will
// be") goes with it.
std::string Finder::CopulaOf(const Sentence& s, int v) const {
  const syntax::Sentence* t = TreeOf(s);
  if (!t) return "";
  const int w = t->WordOfToken(v);
  if (w < 0 || t->Child(w, "aux") >= 0) return "";
  const int c = t->Child(w, "cop");
  return c < 0 ? "" : text::Fold(t->words[static_cast<size_t>(c)].form);
}

// Whether the verb at v heads an adverbial clause with a conjunction of
// its own on the sentence's tree ("when he arrived", "after she landed";
// not "to arrive").
bool Finder::SubordinateClause(const Sentence& s, int v) const {
  const syntax::Sentence* t = TreeOf(s);
  if (!t) return false;
  const int w = t->WordOfToken(v);
  if (w < 0 || syntax::Sentence::Base(t->words[static_cast<size_t>(w)].deprel) != "advcl") return false;
  // A conjunction ("after"), or an adverb that opens the clause ("when").
  const int first = t->Subtree(w).first;
  for (int c : t->Children(w)) {
    const syntax::Word& m = t->words[static_cast<size_t>(c)];
    const std::string_view rel = syntax::Sentence::Base(m.deprel);
    if (rel == "mark" && m.upos == "SCONJ") return true;
    if (rel == "advmod" && m.upos == "ADV" && c == first && c + 1 < w) return true;
  }
  return false;
}

// Whether the trip noun at v is the object of a verb of beginning or
// continuing (events.txt "begin") in the present ("continues his visit"),
// the present perfect ("has begun a visit") or the present progressive, on
// the sentence's tree.
bool Finder::TripBegunNow(const Sentence& s, int v) const {
  const syntax::Sentence* t = TreeOf(s);
  if (!t) return false;
  const int w = t->WordOfToken(v);
  if (w < 0 || syntax::Sentence::Base(t->words[static_cast<size_t>(w)].deprel) != "obj") return false;
  const int h = t->words[static_cast<size_t>(w)].head;
  if (h < 0) return false;
  const syntax::Word& verb = t->words[static_cast<size_t>(h)];
  const std::string form = text::Fold(verb.form);
  if (!t_.event_word(form, "begin")) return false;
  const bool ing = form.size() > 4 && form.compare(form.size() - 3, 3, "ing") == 0;
  bool perfect = false, be_now = false;
  for (int c : t->Children(h)) {
    const syntax::Word& a = t->words[static_cast<size_t>(c)];
    if (syntax::Sentence::Base(a.deprel) != "aux") continue;
    const std::string f = text::Fold(a.form);
    if (f == "has" || f == "have") perfect = true;
    else if (f == "is" || f == "are") be_now = true;
    else return false;  // "will", "had", "would"
  }
  // The present: "continues", "begins" (a form that is the lemma's plus s).
  const std::string lemma = text::Fold(verb.lemma);
  const bool present = form == lemma + "s" || form == lemma + "es";
  return perfect || (be_now && ing) || present;
}

// Status from wording around the trigger at v, then from the date.
std::string Finder::StatusOf(const Sentence& s, int v, const std::optional<std::string>& date, bool* explicit_cue) const {
  std::string status = "past";
  *explicit_cue = false;
  const int n = static_cast<int>(s.toks.size());
  int b = v;
  while (b > 0 && !(s.toks[b - 1].kind == TokenKind::kPunct && (s.low[b - 1] == ";" || s.low[b - 1] == ":"))) --b;
  for (int k = b; k <= std::min(v + 2, n - 1); ++k) {
    const std::string& w = s.low[k];
    // A cue of another clause does not date this one: "announced that X
    // met Y", "it will be his first trip since Z, who had travelled".
    if ((s.cls[k] & kPlanned) && k < v && OutsideTriggerClause(s, v, k)) continue;
    if ((s.cls[k] & kPlanned) && k <= v) {
      status = "planned";
      *explicit_cue = true;
    }
    // "accepted an invitation to visit Riga": a plan (events.txt "accept"
    // and "invitation").
    if (k < v && t_.event_word(w, "accept"))
      for (int j = k + 1; j < v && j <= k + 4; ++j)
        if (t_.event_word(s.low[j], "invitation")) {
          status = "planned";
          *explicit_cue = true;
        }
    // "is to visit", "to visit" after a noun (headline style).
    if (w == "to" && k + 1 == v && k > 0 && (s.low[k - 1] == "is" || s.low[k - 1] == "are")) {
      status = "planned";
      *explicit_cue = true;
    }
    // "when he arrived in Baku, he went to the border": an arrival told
    // in a subordinate clause of time is narrative, not news of the day.
    if ((s.cls[k] & kOngoing) && k == v && SubordinateClause(s, v)) continue;
    if ((s.cls[k] & kOngoing) && k >= v - 2 && status != "planned") {
      status = "ongoing";
      *explicit_cue = true;
    }
  }
  // "is in London": present; "was in": past; "will be in": ahead.
  const std::string& trig = s.low[v];
  if (s.cls[v] & kBe) {
    if ((trig == "is" || trig == "are") && status != "planned") {
      status = "ongoing";
      *explicit_cue = true;
    } else if (trig == "was" || trig == "were") {
      status = "past";
      *explicit_cue = true;
    } else if (trig == "been" && v > 0 && (s.low[v - 1] == "has" || s.low[v - 1] == "have") && status != "planned") {
      status = "ongoing";  // "has been in Warsaw this week"
      *explicit_cue = true;
    }
  }
  // "has begun a three-day visit", "continues his tour of the region": a
  // trip that is the object of a verb that starts or carries it on, in the
  // present or the present perfect.
  if (status == "past" && (s.cls[v] & kTrip) && TripBegunNow(s, v)) {
    status = "ongoing";
    *explicit_cue = true;
  }
  // "This is his first visit to Oslo", "It was her third trip": a trip
  // noun that is the predicate of a copula takes its tense.
  if (status != "planned" && (s.cls[v] & kTrip)) {
    if (const std::string cop = CopulaOf(s, v); cop == "is" || cop == "are") {
      status = "ongoing";
      *explicit_cue = true;
    } else if (cop == "was" || cop == "were") {
      status = "past";
      *explicit_cue = true;
    }
  }
  // "is on a visit", "is visiting", "starts today".
  if (status != "planned" && trig.size() > 4 && trig.compare(trig.size() - 3, 3, "ing") == 0 && v > 0 &&
      (s.low[v - 1] == "is" || s.low[v - 1] == "are")) {
    status = "ongoing";
    *explicit_cue = true;
  }
  // "on a visit", "is on his first official visit", "was on a three-day
  // trip" (past).
  if (status != "planned" && (s.cls[v] & kTrip)) {
    static const WordSet kDeterminers = {"a", "an", "his", "her", "their", "its"};
    int k = v - 1;
    while (k >= 0 && v - k <= 5 && !kDeterminers.has(s.low[k]) &&
           (s.toks[k].kind == TokenKind::kNumber ||
            (s.toks[k].kind == TokenKind::kWord && !s.toks[k].cap && !t_.function_words.count(s.low[k]))))
      --k;
    if (k >= 1 && kDeterminers.has(s.low[k]) && s.low[k - 1] == "on") {
      const bool was = k >= 2 && (s.low[k - 2] == "was" || s.low[k - 2] == "were");
      status = was ? "past" : "ongoing";
      *explicit_cue = true;
    }
    // "is paying an official visit", "are making a tour": a light verb in
    // the progressive.
    if (k >= 2 && kDeterminers.has(s.low[k]) && s.low[k - 1].size() > 4 &&
        s.low[k - 1].compare(s.low[k - 1].size() - 3, 3, "ing") == 0 && !s.toks[k - 1].cap &&
        (s.low[k - 2] == "is" || s.low[k - 2] == "are" || s.low[k - 2] == "was" || s.low[k - 2] == "were")) {
      status = s.low[k - 2] == "is" || s.low[k - 2] == "are" ? "ongoing" : "past";
      *explicit_cue = true;
    }
  }
  for (int k = v; k < n && k < v + 16; ++k)
    if ((s.low[k] == "starts" || s.low[k] == "begins") && k + 1 < n && s.low[k + 1] == "today") {
      status = "ongoing";
      *explicit_cue = true;
    }
  // "X left for Washington", "X left Mexico City to visit Y": a departure
  // is news while the trip is under way (not "had left").
  if (status == "past" && !*explicit_cue) {
    static const WordSet kDepart = {"left", "departed", "headed"};
    int d = -1;
    if (kDepart.has(trig)) {
      d = v;
    } else if ((s.cls[v] & (kVisit | kTrip)) && v >= 2 && s.low[v - 1] == "to") {
      for (int k = v - 2; k >= 0 && v - k <= 10 && s.toks[k].kind != TokenKind::kPunct; --k)
        if (kDepart.has(s.low[k])) {
          d = k;
          break;
        }
    }
    bool had = false;
    for (int k = d - 1; k >= 0 && d - k <= 3 && !had; --k) had = s.low[k] == "had";
    if (d >= 0 && !had) {
      status = "ongoing";
      *explicit_cue = true;
    }
  }
  // The date has the last word: after the publication date it is ahead.
  if (date && !anchor_.empty() && date->size() >= 4 && (*date)[0] != 'X') {
    if (Before(anchor_, *date) && date->compare(0, std::min(date->size(), anchor_.size()), anchor_, 0,
                                                std::min(date->size(), anchor_.size())) != 0) {
      status = "planned";
      *explicit_cue = true;
    } else if (Before(*date, anchor_) && status == "ongoing" &&
               date->compare(0, std::min(date->size(), anchor_.size()), anchor_, 0,
                             std::min(date->size(), anchor_.size())) != 0) {
      status = "past";
    }
  }
  return status;
}

// A verb and the particle that makes it call something off at k: "called
// off", "put off", "put on hold", "delayed indefinitely", "ruled out".
bool Finder::CallsOff(const Sentence& s, int k) const {
  const int n = static_cast<int>(s.toks.size());
  if (!(s.cls[k] & kCallOff) || k + 1 >= n) return false;
  const std::string& next = s.low[k + 1];
  if (next == "off" || next == "indefinitely") return true;
  if (next == "on" && k + 2 < n && s.low[k + 2] == "hold") return true;
  return next == "out" && s.low[k].rfind("rul", 0) == 0;
}

// Called off, denied, negated ("no plans for any talks") or only offered
// ("invited X to visit").
bool Finder::Cancelled(const Sentence& s, int v) const {
  const int n = static_cast<int>(s.toks.size());
  for (int k = std::max(0, v - 8); k < v; ++k)
    if ((s.cls[k] & kCancel) || CallsOff(s, k)) return true;
  // "put the visit (to Caracas) on hold", "called the trip off".
  for (int a = v + 1; a < n && a <= v + 6 && s.toks[a].kind == TokenKind::kWord; ++a)
    if (s.low[a] == "off" || (s.low[a] == "on" && a + 1 < n && s.low[a + 1] == "hold")) {
      for (int k = std::max(0, v - 4); k < v; ++k)
        if (s.cls[k] & kCallOff) return true;
      break;
    }
  for (int k = std::max(0, v - 6); k < v; ++k)
    if (s.low[k] == "not" || s.low[k] == "never" || s.low[k] == "no" || s.low[k] == "without") return true;
  // "X had been expected to meet Y", "had been due to visit": a plan told
  // in the pluperfect is one that fell through.
  for (int k = std::max(0, v - 6); k + 2 < v; ++k)
    if (s.low[k] == "had" && s.low[k + 1] == "been" && (s.cls[k + 2] & kPlanned)) {
      bool joined = true;  // the trigger is the plan's own verb
      for (int j = k + 3; j < v && joined; ++j) joined = Skippable(s, j);
      if (joined) return true;
    }
  for (int k = std::max(0, v - 12); k < v; ++k) {
    // "At the invitation of X, Y visited Z", "at X's invitation": the
    // visit is made, not offered.
    if (s.low[k] == "invitation" && ((k + 1 < v && s.low[k + 1] == "of") ||
                                     (k >= 2 && Possessive(s, k - 1) && s.low[k - 2] == "at")))
      continue;
    // "accepted an invitation to meet X": a plan, not an offer only.
    bool accepted = false;
    for (int a = std::max(0, k - 3); a < k && !accepted; ++a) accepted = t_.event_word(s.low[a], "accept");
    if (accepted) continue;
    if (s.low[k] == "invited" || s.low[k] == "invites" || s.low[k] == "invite" || s.low[k] == "invitation") return true;
  }
  return false;
}

// The verb whose subject the trip noun at v is on the sentence's tree,
// past an apposition or participle clause between them ("X's visit to
// Riga, planned for next week, has been postponed"); -1 when none.
int Finder::PredicateOfTrip(const Sentence& s, int v) const {
  if (!(s.cls[static_cast<size_t>(v)] & kTrip)) return -1;
  const syntax::Sentence* t = TreeOf(s);
  if (!t) return -1;
  const int w = t->WordOfToken(v);
  if (w < 0 || syntax::Sentence::Base(t->words[static_cast<size_t>(w)].deprel) != "nsubj") return -1;
  int h = t->words[static_cast<size_t>(w)].head;
  if (h < 0 || t->words[static_cast<size_t>(h)].upos != "VERB") return -1;
  // A participle with no auxiliary that the parser made the subject's
  // verb ("visit ..., planned for next week, has been postponed"): the
  // clause it hangs on.
  const std::string_view rel = syntax::Sentence::Base(t->words[static_cast<size_t>(h)].deprel);
  if ((rel == "advcl" || rel == "acl") && t->Child(h, "aux") < 0 && t->Child(h, "aux:pass") < 0 &&
      t->words[static_cast<size_t>(h)].head >= 0)
    h = t->words[static_cast<size_t>(h)].head;
  if (t->words[static_cast<size_t>(h)].upos != "VERB") return -1;
  const int k = t->words[static_cast<size_t>(h)].token;
  return k > v && k < static_cast<int>(s.toks.size()) ? k : -1;
}

// The trigger's own predicate calls it off: "the visit of X to Baku was
// postponed", "talks have been called off", "his trip was delayed
// indefinitely", "the visit did not take place". The predicate is the
// first auxiliary after the trigger in its clause (not "after elections
// were postponed").
bool Finder::CancelledAfter(const Sentence& s, int v) const {
  static const WordSet kAux = {"was",  "were", "is",   "are",   "has",   "have", "had",   "been", "be",
                               "being", "got", "did", "does", "do", "will", "would", "could", "may", "might"};
  static const WordSet kClause = {"which", "who", "whom", "where", "that", "when", "after", "before", "because",
                                  "while", "since", "but", "although", "though", "as", "if", "until", "despite"};
  const int n = static_cast<int>(s.toks.size());
  // On the tree, over a clause set off by commas: only a word that calls
  // the trip off after it can be that predicate, so a sentence with none
  // is not parsed for it.
  bool off_after = false;
  for (int k = v + 1; k < n && !off_after; ++k) off_after = (s.cls[static_cast<size_t>(k)] & kCancel) || CallsOff(s, k);
  if (const int p = off_after ? PredicateOfTrip(s, v) : -1;
      p >= 0 && ((s.cls[static_cast<size_t>(p)] & kCancel) || CallsOff(s, p)))
    return true;
  for (int k = v + 1; k < n && k <= v + 16; ++k) {
    const std::string& w = s.low[k];
    if (s.toks[k].kind == TokenKind::kPunct && w != "-" && w != "'s" && w != "\xE2\x80\x99s") return false;
    if (kClause.has(w)) return false;
    if (!kAux.has(w)) continue;
    int p = k + 1;
    bool negated = false;
    while (p < n && (kAux.has(s.low[p]) || Skippable(s, p))) {
      negated = negated || s.low[p] == "not" || s.low[p] == "never";
      ++p;
    }
    if (p >= n) return false;
    if (s.cls[p] & kCancel) return true;
    if (negated && (s.cls[p] & kHappen)) return true;
    return CallsOff(s, p);
  }
  return false;
}

// Whether the meeting word at v is only wished for or planned in vain, on
// the sentence's tree: it (or the light verb or trip verb it hangs on, over
// obj, xcomp and conj) is the xcomp or object of a word of wish ("is ready
// to meet X", "wants to hold talks", "proposed a meeting"), or of a word of
// plan whose phrase tells the plan called off ("was scheduled to meet X,
// but the meeting was cancelled"). Without `wishes`, only the plan called
// off counts (a trip wished for is a possible one: planned).
bool Finder::Unrealised(const Sentence& s, int v, bool wishes) const {
  // Only a wish (when asked) or a plan with a word that calls it off
  // ("undone", a cancel word, "called off") can leave a trip unrealised:
  // a sentence with neither is not parsed for it.
  bool wish = false, plan = false, undone = false;
  for (size_t k = 0; k < s.toks.size() && !wish; ++k) {
    wish = wishes && t_.event_word(s.low[k], "wish");
    plan = plan || (s.cls[k] & kPlanned);
    undone = undone || t_.event_word(s.low[k], "undone") || (s.cls[k] & kCancel) || CallsOff(s, static_cast<int>(k));
  }
  if (!wish && !(plan && undone)) return false;
  const syntax::Sentence* t = TreeOf(s);
  if (!t) return false;
  const auto word_class = [&](int w, std::string_view cls) {
    const int k = t->words[static_cast<size_t>(w)].token;
    return k >= 0 && t_.event_word(s.low[static_cast<size_t>(k)], cls);
  };
  const auto token_bits = [&](int w) -> uint32_t {
    const int k = t->words[static_cast<size_t>(w)].token;
    return k >= 0 ? s.cls[static_cast<size_t>(k)] : 0u;
  };
  int c = t->WordOfToken(v);
  for (int hop = 0; c >= 0 && hop < 4; ++hop) {
    const std::string_view rel = syntax::Sentence::Base(t->words[static_cast<size_t>(c)].deprel);
    const int h = t->words[static_cast<size_t>(c)].head;
    // An infinitive the parser hung otherwise ("was due to meet" as advcl
    // or csubj) counts as xcomp.
    const bool infinitive = t->Child(c, "nsubj") < 0 && t->Child(c, "mark") >= 0 &&
                            t->words[static_cast<size_t>(t->Child(c, "mark"))].upos == "PART";
    if (h < 0 || (rel != "xcomp" && rel != "obj" && rel != "conj" && !infinitive)) return false;
    if (wishes && rel != "conj" && word_class(h, "wish")) return true;
    if (rel != "conj" && (token_bits(h) & kPlanned)) {
      const auto undone = [&](int top) {
        const syntax::WordRange r = t->Subtree(top);
        for (int k = r.first; k <= r.last; ++k) {
          const int tok = t->words[static_cast<size_t>(k)].token;
          if (word_class(k, "undone") || (token_bits(k) & kCancel) || (tok >= 0 && CallsOff(s, tok))) return true;
        }
        return false;
      };
      // The plan's phrase, or a clause coordinated with the plan's or with
      // one it hangs in ("..., but the meeting was cancelled").
      if (undone(h)) return true;
      for (int a = h, up = 0; a >= 0 && up < 8; a = t->words[static_cast<size_t>(a)].head, ++up)
        for (int d : t->Children(a))
          if (d != h && syntax::Sentence::Base(t->words[static_cast<size_t>(d)].deprel) == "conj" && undone(d))
            return true;
    }
    c = h;
  }
  return false;
}

// Whether the sentence tells of a call; with a trigger v and the tree, a
// call of the trigger's own phrase: the phone word is the trigger, or hangs
// below it or below the light verb or plan it is the obj/xcomp of ("held a
// phone call with", "talks by video link", "met virtually"), not in an
// adjunct of sequence ("after a phone call last week, A met B").
bool Finder::PhoneCall(const Sentence& s, int v) const {
  std::vector<int> phones;
  for (size_t k = 0; k < s.cls.size(); ++k) {
    if (!(s.cls[k] & kPhone)) continue;
    // "call on the president" is a visit, not a call.
    if ((s.low[k] == "call" || s.low[k] == "called" || s.low[k] == "calls") && k + 1 < s.low.size() &&
        s.low[k + 1] == "on")
      continue;
    // "in a video message, X said he met Y": a recording, not a call.
    static const WordSet kRecorded = {"message", "messages", "address", "statement", "footage", "clip", "recording"};
    if (k + 1 < s.low.size() && kRecorded.has(s.low[k + 1])) continue;
    phones.push_back(static_cast<int>(k));
  }
  if (phones.empty()) return false;
  // The trigger a phone word itself is its own phrase's call: no parse.
  if (std::find(phones.begin(), phones.end(), v) != phones.end()) return true;
  const syntax::Sentence* t = v >= 0 ? TreeOf(s) : nullptr;
  const int m = t ? t->WordOfToken(v) : -1;
  if (m < 0) return true;
  // The trigger's phrase: the trigger and the words it is obj/xcomp/conj
  // of ("spoke by phone with Y and discussed trade").
  std::vector<int> phrase = {m};
  for (int c = m, hop = 0; hop < 4; ++hop) {
    const std::string_view rel = syntax::Sentence::Base(t->words[static_cast<size_t>(c)].deprel);
    const int h = t->words[static_cast<size_t>(c)].head;
    if (h < 0 || (rel != "obj" && rel != "xcomp" && rel != "conj")) break;
    phrase.push_back(c = h);
  }
  const auto sequence = [&](int w) {
    for (int c : t->Children(w)) {
      const std::string_view rel = syntax::Sentence::Base(t->words[static_cast<size_t>(c)].deprel);
      const int k = t->words[static_cast<size_t>(c)].token;
      if ((rel == "case" || rel == "mark") && k >= 0 && t_.event_word(s.low[static_cast<size_t>(k)], "sequence"))
        return true;
    }
    return false;
  };
  for (int k : phones) {
    for (int c = t->WordOfToken(k), hop = 0; c >= 0 && hop < 64; c = t->words[static_cast<size_t>(c)].head, ++hop) {
      if (std::find(phrase.begin(), phrase.end(), c) != phrase.end()) return true;
      if (sequence(c)) break;
    }
  }
  return false;
}

// "refused to meet X", "declined to receive Y": the trigger is the object
// of a refusal.
bool Finder::Refused(const Sentence& s, int v) const {
  int k = v - 1;
  while (k >= 0 && v - k <= 3 && s.low[k] != "to" && Skippable(s, k)) --k;
  if (k < 1 || s.low[k] != "to") return false;
  int r = k - 1;
  while (r >= 0 && k - r <= 3 && !(s.cls[r] & kRefuse) && Skippable(s, r)) --r;
  return r >= 0 && (s.cls[r] & kRefuse);
}

// Whether the word that calls off the trigger at v only puts it off:
// "postponed the visit", "the trip was delayed", "put off" (a trip
// cancelled, denied or scrapped is not postponed).
bool Finder::Postponed(const Sentence& s, int v) const {
  static const WordSet kAux = {"was", "were", "is", "are", "has", "have", "had", "been", "be", "being", "got"};
  const int n = static_cast<int>(s.toks.size());
  const auto puts_off = [&](int k) {
    if (!(s.cls[k] & kPostpone)) return false;
    if (s.cls[k] & kCancel) return true;
    // "put off" and "delayed", not "put on hold" or "delayed indefinitely".
    return CallsOff(s, k) && k + 1 < n && s.low[k + 1] == "off";
  };
  const auto calls_off = [&](int k) { return ((s.cls[k] & kCancel) || CallsOff(s, k)) && !puts_off(k); };
  bool put_off = false;
  for (int k = std::max(0, v - 8); k < v; ++k) {
    if (calls_off(k)) return false;
    put_off = put_off || puts_off(k);
  }
  if (const int p = PredicateOfTrip(s, v); p >= 0 && !put_off) {
    if (calls_off(p)) return false;
    put_off = puts_off(p);
  }
  for (int k = v + 1; k < n && k <= v + 16 && !put_off; ++k) {
    if (s.toks[k].kind == TokenKind::kPunct) break;
    if (!kAux.has(s.low[k])) continue;
    int p = k + 1;
    while (p < n && (kAux.has(s.low[p]) || Skippable(s, p))) ++p;
    if (p < n && puts_off(p)) put_off = true;
    break;
  }
  return put_off;
}

}  // namespace attache::events::internal
