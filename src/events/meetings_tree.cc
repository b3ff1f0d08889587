// Meetings read on the dependency tree (src/syntax), for the sentences
// whose meeting words the word patterns (meetings.cc) gave nothing:
//   - a verb of meeting: its nsubj and their conjuncts meet its obj or its
//     obl with "with" ("A met B", "A and B met with C"); with no one met,
//     the subjects meet each other ("A and B met in Sochi");
//   - a verb of conferring ("discussed ... with", "negotiated with"): its
//     subjects meet the people of its obl with "with" only;
//   - a meeting noun: the people of its nmod with "between" or "among" (or
//     "of", for two or more) meet each other; those of its nmod with
//     "with" meet its owner (nmod:poss) or the subject of the verb it
//     hangs on ("held talks with", "said during a meeting with");
//     "their meeting" is a meeting of that verb's subjects.
// A person is read from the head of a phrase or, under a title ("the
// President of Georgia X", "the ambassador of the US, Y"), from the first
// name inside it; a pronoun is the salient person, "the president" a
// holder of the role named before.
#include "events/finder.h"

namespace attache::events::internal {

namespace {

using Tree = syntax::Sentence;

std::string_view Rel(const Tree& t, int w) { return Tree::Base(t.words[static_cast<size_t>(w)].deprel); }

// The preposition of an obl or nmod, folded ("" when none).
std::string CaseOf(const Tree& t, int w) {
  const int c = t.Child(w, "case");
  return c >= 0 ? text::Fold(t.words[static_cast<size_t>(c)].form) : std::string();
}

}  // namespace

// The person word w stands for (nullptr when none): the mention at its
// token, a pronoun's salient person, a description's holder, else the first
// name in its phrase ("the President of Georgia X", "the delegation led by
// Y"; not in a conjunct, a relative or adverbial clause, or an owner: "his
// counterpart").
const text::PersonMention* Finder::PersonOfWord(const Sentence& s, const Tree& t, int w) const {
  const int n = static_cast<int>(s.toks.size());
  const int tok = t.words[static_cast<size_t>(w)].token;
  if (tok < 0 || tok >= n) return nullptr;
  if (const auto* m = MentionAt(s, tok)) return m;
  if (IsPronoun(s, tok)) return Salient(s.toks[tok].begin);
  // Three levels down at most.
  std::vector<std::pair<int, int>> stack;  // word, depth
  const auto kids0 = t.Children(w);
  for (auto it = kids0.end(); it != kids0.begin();) stack.push_back({*--it, 1});
  while (!stack.empty()) {
    const auto [c, depth] = stack.back();
    stack.pop_back();
    const std::string_view rel = Rel(t, c);
    const std::string_view full = t.words[static_cast<size_t>(c)].deprel;
    const int ct = t.words[static_cast<size_t>(c)].token;
    if (rel == "conj" || rel == "advcl" || rel == "parataxis" || rel == "cc" || rel == "punct" ||
        full == "nmod:poss" || full == "acl:relcl")
      continue;
    // A clause on the noun only when it names the group's head: "the
    // delegation led by Y", not "relatives of people kidnapped by Z".
    // (A name taken for a verb, "counterpart Recep Tayyip Erdogan", is read.)
    if (rel == "acl" && !(ct >= 0 && ct < n && ((s.cls[static_cast<size_t>(ct)] & kLead) || s.toks[ct].cap)))
      continue;
    // A phrase of place or time inside it names no one of it: "met Monday
    // in Casa Rosada" (only "of" and "by" lead to its person: "the
    // ambassador of the US, Y", "led by Y").
    // (A capitalised "case" is a name's word the tagger took for one:
    // "Premier Li Keqiang".)
    if (rel == "nmod" || rel == "obl") {
      const int cw = t.Child(c, "case");
      const int cwt = cw >= 0 ? t.words[static_cast<size_t>(cw)].token : -1;
      const std::string prep = CaseOf(t, c);
      if (!prep.empty() && prep != "of" && prep != "by" && !(cwt > 0 && cwt < n && s.toks[cwt].cap)) continue;
    }
    // A name that is a place's ("Turkey-Azerbaijan" of "the
    // Turkey-Azerbaijan friendship group") is no one: the search goes on.
    if (ct >= 0 && ct < n)
      if (const auto* m = MentionAt(s, ct); m && !IsPlaceName(m->full_name)) return m;
    if (depth >= 3) continue;
    // The head a group's clause names ("a delegation led by the member of
    // the Assembly of X, head of the group Y") is searched as deep as a
    // phrase of its own.
    const bool lead = rel == "acl" && ct >= 0 && ct < n && (s.cls[static_cast<size_t>(ct)] & kLead);
    const auto kids = t.Children(c);
    for (auto it = kids.end(); it != kids.begin();) stack.push_back({*--it, lead ? 0 : depth + 1});
  }
  return ByDescription(s, tok);
}

// The people of word w and of its conjuncts ("A, B and C").
std::vector<const text::PersonMention*> Finder::PeopleOfWord(const Sentence& s, const Tree& t, int w) const {
  std::vector<const text::PersonMention*> out;
  std::vector<int> stack = {w};
  while (!stack.empty() && out.size() < 12) {
    const int c = stack.back();
    stack.pop_back();
    if (const auto* m = PersonOfWord(s, t, c))
      if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
    const auto kids = t.Children(c);
    for (auto it = kids.end(); it != kids.begin();) {
      const int d = *--it;
      if (Rel(t, d) == "conj") stack.push_back(d);
    }
  }
  return out;
}

// "The Georgian PM will meet ...", "the visiting minister held talks ...":
// a description (a role noun after "the") that names no one resolves to
// the salient person when he or she is a visitor the article reports.
const text::PersonMention* Finder::VisitorDescribed(const Sentence& s, const Tree& t, int w) const {
  // The phrase's tokens (the parse may hang "the" elsewhere: "the" just
  // before them counts).
  syntax::WordRange r = t.Subtree(w);
  // Not its preposition ("of the head of state").
  if (const int c = t.Child(w, "case"); c == r.first && c < w) ++r.first;
  const int n = static_cast<int>(s.toks.size());
  const int first = t.words[static_cast<size_t>(r.first)].token, last = t.words[static_cast<size_t>(r.last)].token;
  if (first < 0 || last < first || last >= n || last - first > 4) return nullptr;
  if (s.low[first] != "the" && (first == 0 || s.low[first - 1] != "the")) return nullptr;
  bool role = false;
  for (int k = first; k <= last; ++k) role = role || (!s.toks[k].cap && t_.role_nouns.count(s.low[k])) ||
                                             (s.toks[k].cap && k > first && t_.role_nouns.count(s.low[k]));
  if (!role) return nullptr;
  const text::PersonMention* p = Salient(s.toks[first].begin);
  if (!p) return nullptr;
  for (const Candidate& c : candidates_)
    if (c.visitor == p->full_name) return p;
  return nullptr;
}

// The subjects of verb h, or of the verb it is an xcomp, conj or advcl of
// ("plans to meet", "arrived and met"). Empty for a passive subject.
std::vector<const text::PersonMention*> Finder::TreeSubjects(const Sentence& s, const Tree& t, int h) const {
  for (int hop = 0; hop < 4 && h >= 0; ++hop) {
    const int subj = t.Child(h, "nsubj");
    if (subj >= 0) {
      if (t.words[static_cast<size_t>(subj)].deprel == "nsubj:pass") return {};
      // A parse may give the verb two subjects (a dateline taken for one:
      // "THE HAGUE, June 24 - Today, the Prime Minister, X, met ..."): the
      // first that names someone.
      for (int c : t.Children(h)) {
        if (t.words[static_cast<size_t>(c)].deprel != "nsubj") continue;
        auto people = PeopleOfWord(s, t, c);
        if (people.empty())
          if (const auto* v = VisitorDescribed(s, t, c)) people.push_back(v);
        // "The two presidents will hold talks": the people it describes
        // (also when the names layer took an opening plural noun for a
        // name: "Leaders of the two countries met").
        if (people.empty() || (people.size() == 1 && !Known(people[0])))
          if (auto group = GroupDescribed(s, t, c); !group.empty() || people.empty()) people = std::move(group);
        if (!people.empty()) return people;
      }
      return {};
    }
    // "On Tuesday, the President of X met Y", "after meeting A in London
    // on Wednesday, B made ...": the parser may hang the subject on a
    // fronted adjunct as its apposition.
    for (int a = h - 1; a >= 0; --a) {
      if (Rel(t, a) != "appos") continue;
      int c = t.words[static_cast<size_t>(a)].head;
      for (int up = 0; up < 6 && c >= 0 && c != h; ++up) {
        const std::string_view r = Rel(t, c);
        if (r != "obl" && r != "nmod" && r != "appos" && r != "advcl") break;
        c = t.words[static_cast<size_t>(c)].head;
      }
      if (c != h) continue;
      auto people = PeopleOfWord(s, t, a);
      if (people.empty())
        if (const auto* v = VisitorDescribed(s, t, a)) people.push_back(v);
      if (!people.empty()) return people;
      break;
    }
    const std::string_view rel = Rel(t, h);
    if (rel != "xcomp" && rel != "conj" && rel != "advcl" && rel != "acl") return {};
    h = t.words[static_cast<size_t>(h)].head;
  }
  return {};
}

void Finder::ReadMeetingTree(const Sentence& s, size_t index) {
  if (!syntax_ || meeting_candidates_.size() >= kMaxCandidates) return;
  const int n = static_cast<int>(s.toks.size());
  // Only a sentence with a meeting word and a person is parsed.
  bool cue = false;
  for (int k = 0; k < n && !cue; ++k)
    cue = (!s.toks[k].cap || k == 0) && ((s.cls[k] & (kMeet | kMeeting | kConfer)) ||
                                         ((s.cls[k] & kHost) && s.low[k].rfind("receiv", 0) == 0));
  if (!cue) return;
  const auto& ms = people_.mentions;
  const auto first = std::lower_bound(ms.begin(), ms.end(), s.span.begin,
                                      [](const text::PersonMention& m, uint32_t b) { return m.span.begin < b; });
  if (first == ms.end() || first->span.begin >= s.span.end) return;
  // Where the patterns read a trigger of the sentence, the tree only
  // corrects theirs, and is asked only when the sentence names people they
  // left out.
  std::vector<std::string> named, taken;
  for (auto it = first; it != ms.end() && it->span.begin < s.span.end; ++it)
    if (Known(&*it) && std::find(named.begin(), named.end(), it->full_name) == named.end())
      named.push_back(it->full_name);
  // Two people at least: two named (Known), or one and a pronoun ("he",
  // "his delegation") or a description.
  if (named.size() < 2) {
    bool other = false;
    for (int k = 0; k < n && !other; ++k)
      other = IsPronoun(s, k) || s.low[k] == "his" || s.low[k] == "her" || (t_.role_nouns.count(s.low[k]) && k > 0 && s.low[k - 1] == "the") ||  // "the President of X"
              (CountWord(s.low[k]) && k + 1 < n && !s.toks[k + 1].cap);  // a group described: "the two leaders" 
    // "One of the meetings was with X": the meeting of the person the text
    // is about (a meeting word, then a copula before "with").
    for (int k = 1; k + 1 < n && !other; ++k)
      other = (s.cls[static_cast<size_t>(k)] & kBe) && s.low[k + 1] == "with" &&
              std::any_of(s.cls.begin(), s.cls.begin() + k, [](uint32_t c) { return (c & kMeeting) != 0; });
    if (!other) return;
  }
  bool read = false;
  for (const MeetingCandidate& m : meeting_candidates_)
    if (m.pos >= s.span.begin && m.pos < s.span.end) {
      read = true;
      for (const std::string& p : m.participants)
        if (std::find(taken.begin(), taken.end(), p) == taken.end()) taken.push_back(p);
    }
  // Or when they gave one trigger two subjects meeting the same person
  // (one may be named in a fronted phrase: DropFronted).
  std::vector<const MeetingCandidate*> mine;
  for (const MeetingCandidate& m : meeting_candidates_)
    if (m.pos >= s.span.begin && m.pos < s.span.end && m.participants.size() == 2 && mine.size() < 64)
      mine.push_back(&m);
  bool shared = false;
  for (const auto* a : mine)
    for (const auto* b : mine)
      shared = shared || (a != b && a->pos == b->pos && a->participants[1] == b->participants[1] &&
                          a->participants[0] != b->participants[0]);
  if (read && !shared && std::all_of(named.begin(), named.end(), [&](const std::string& p) {
        return std::find(taken.begin(), taken.end(), p) != taken.end();
      }))
    return;
  const bool phone = PhoneCall(s);
  const Tree* t = syntax_->Get(index);
  if (!t) return;
  for (int w = 0; w < t->size(); ++w) {
    const syntax::Word& x = t->words[static_cast<size_t>(w)];
    const int v = x.token;
    if (v < 0 || v >= n || (s.toks[v].cap && v > 0)) continue;
    // A call of this word's phrase ("held talks by phone"), not one told
    // beside it ("after a phone call, X met Y").
    if (phone && PhoneCall(s, v)) continue;
    uint32_t cls = s.cls[static_cast<size_t>(v)];
    const bool verb = x.upos == "VERB";
    const bool noun = x.upos == "NOUN";
    // "X is meeting Y": a noun's spelling the tagger reads as the verb of
    // meeting (its lemma) meets as the verb does.
    if (verb && (cls & kMeeting) && (ClassBits(t_, x.lemma) & kMeet)) cls |= kMeet;
    // "X received Y", "Y was received by X" (not "welcomed": a ceremony).
    // Received at the airport: a welcome, no meeting.
    const bool receive = verb && (cls & kHost) && x.lemma == "receive" &&
                         std::none_of(s.cls.begin(), s.cls.end(), [](uint32_t c) { return (c & kCeremony) != 0; });
    if (!((verb && (cls & (kMeet | kConfer))) || receive || (noun && (cls & kMeeting)))) continue;
    if (noun && v > 0 && (s.cls[static_cast<size_t>(v - 1)] & kPress)) continue;  // "press conference"
    if (Cancelled(s, v) || CancelledAfter(s, v) || Refused(s, v)) continue;
    std::vector<const text::PersonMention*> subjects, objects, group;
    if (receive) {
      const int pass = t->Child(w, "nsubj:pass");
      if (pass >= 0) {
        objects = PeopleOfWord(s, *t, pass);
        for (int c : t->Children(w))
          if (t->words[static_cast<size_t>(c)].deprel == "obl:agent")
            for (const auto* m : PeopleOfWord(s, *t, c)) subjects.push_back(m);
      } else {
        subjects = TreeSubjects(s, *t, w);
        for (int c : t->Children(w))
          if (Rel(*t, c) == "obj")
            for (const auto* m : PeopleOfWord(s, *t, c)) objects.push_back(m);
      }
    } else if (verb) {
      subjects = TreeSubjects(s, *t, w);
      bool counterpart = false;  // "met with members of ...": someone else, unnamed
      int prep = -1;             // the token of the "with"
      bool object = false;       // an obj of the verb of meeting right after it
      for (int c : t->Children(w)) {
        const std::string_view rel = Rel(*t, c);
        if ((rel == "obj" && (cls & kMeet)) || (rel == "obl" && CaseOf(*t, c) == "with")) {
          counterpart = counterpart || rel == "obl";
          if (rel == "obl" && prep < 0) prep = t->words[static_cast<size_t>(t->Child(c, "case"))].token;
          object = object || (rel == "obj" && t->Subtree(c).first == w + 1);
          for (const auto* m : PeopleOfWord(s, *t, c)) objects.push_back(m);
        }
      }
      // "met with the speaker of parliament, A, and the finance minister,
      // B": a description the parser left apart from the names apposed to
      // it (or read as the subject it describes); the verb's nominal
      // phrases after it (an obl with no preposition, an appos, a conj)
      // name those met.
      const bool none_else = std::all_of(objects.begin(), objects.end(), [&](const auto* m) {
        return std::find(subjects.begin(), subjects.end(), m) != subjects.end();
      });
      if (prep >= 0 && none_else && counterpart && !subjects.empty()) {
        objects.clear();
        const int with = t->WordOfToken(prep) >= 0 ? t->words[static_cast<size_t>(t->WordOfToken(prep))].head : -1;
        const int wt = with >= 0 ? t->words[static_cast<size_t>(with)].token : -1;
        if (wt >= 0 && wt < n && !s.toks[wt].cap && t_.role_nouns.count(s.low[wt]))
          for (int c : t->Children(w)) {
            const std::string_view rel = Rel(*t, c), upos = t->words[static_cast<size_t>(c)].upos;
            if (c <= with || (upos != "NOUN" && upos != "PROPN") ||
                !((rel == "obl" && t->Child(c, "case") < 0) || rel == "appos" || rel == "conj"))
              continue;
            for (const auto* m : PeopleOfWord(s, *t, c))
              if (std::find(objects.begin(), objects.end(), m) == objects.end()) objects.push_back(m);
          }
      }
      // A list the tree breaks ("with President A and Prime Minister B"
      // read as one name's compounds, "the Commissioner for Trade X" with
      // X under "for") is read as the patterns read it, and goes on past
      // title phrases (ListedAfter).
      const int list = prep >= 0 && !objects.empty() ? prep + 1 : object ? v + 1 : -1;
      // (Full names only: one word after a title run is often a field of
      // it, "the State Minister for Reintegration".)
      if (list >= 0)
        for (const auto* m : ObjectsOf(s, list, list + kListReach))
          if (m->full_name.find(' ') != std::string::npos &&
              std::find(objects.begin(), objects.end(), m) == objects.end())
            objects.push_back(m);
      if (!objects.empty()) ListedAfter(s, v + 1, &objects, prep);
      DropApposedDescriptions(s, v + 1, &objects);
      if (objects.empty()) {
        // "A and B met in Vienna"; conferring needs someone conferred with.
        if ((cls & kMeet) && subjects.size() >= 2 && !counterpart) group = subjects;
        subjects.clear();
      }
    } else {
      // "press conference", "summit" name events, not meetings, unless
      // "between" says who meets.
      const bool plain = s.low[v] != "conference" && s.low[v] != "summit";
      const text::PersonMention* owner = nullptr;
      const text::PersonMention* of_one = nullptr;  // the one person of its "of" phrase
      bool their = false;
      for (int c : t->Children(w)) {
        const std::string_view rel = Rel(*t, c);
        const bool poss = t->words[static_cast<size_t>(c)].deprel == "nmod:poss";
        if (rel == "nmod" && !poss) {
          const std::string prep = CaseOf(*t, c);
          if (prep == "between" || prep == "among" || (prep == "of" && plain)) {
            auto people = PeopleOfWord(s, *t, c);
            // "between A, and B" with B's conjunct hung on the noun.
            for (int d : t->Children(w))
              if (d > c && Rel(*t, d) == "conj")
                for (const auto* m : PeopleOfWord(s, *t, d))
                  if (std::find(people.begin(), people.end(), m) == people.end()) people.push_back(m);
            if (people.size() >= 2 && group.empty()) group = people;
            // "meetings of the head of state with A and B": one person of
            // the noun meets those of its "with".
            // A person named in the phrase, else the visitor it describes
            // ("the head of state"; not a holder of some other "head").
            if (people.size() == 1 && prep == "of" && plain) {
              const text::Span b = t->SubtreeBytes(c);
              if (people[0]->span.begin >= b.begin && people[0]->span.begin < b.end) of_one = people[0];
            }
            if (people.size() <= 1 && !of_one && prep == "of" && plain) of_one = VisitorDescribed(s, *t, c);
          } else if (prep == "with" && plain) {
            for (const auto* m : PeopleOfWord(s, *t, c)) objects.push_back(m);
          }
        } else if (poss && plain) {
          const int pt = t->words[static_cast<size_t>(c)].token;
          if (pt >= 0 && pt < n && s.low[pt] == "their") their = true;
          else owner = PersonOfWord(s, *t, c);
        }
      }
      // "a meeting is to take place between A and B", "talks will be held
      // among A, B and C": the noun is the subject of a verb whose phrase
      // says who meets.
      if (group.empty() && objects.empty() && !their && Rel(*t, w) == "nsubj" && x.head >= 0 &&
          t->words[static_cast<size_t>(x.head)].upos == "VERB")
        for (int c : t->Children(x.head)) {
          const std::string prep = Rel(*t, c) == "obl" ? CaseOf(*t, c) : std::string();
          if (prep != "between" && prep != "among") continue;
          auto people = PeopleOfWord(s, *t, c);
          if (people.size() >= 2) group = people;
          break;
        }
      // "A, B and C attend a meeting", "A and B held a meeting": the
      // subjects of the verb it is the object of meet each other.
      if (group.empty() && objects.empty() && !their && plain && Rel(*t, w) == "obj" && x.head >= 0) {
        const int h = x.head;
        const int ht = t->words[static_cast<size_t>(h)].token;
        if (ht >= 0 && ht < n && t->words[static_cast<size_t>(h)].upos == "VERB" &&
            (s.cls[static_cast<size_t>(ht)] & (kAttend | kHold))) {
          auto people = TreeSubjects(s, *t, h);
          if (people.size() >= 2) group = people;
        }
      }
      // "to hold meetings of X with A and B": the "with" of the light verb
      // the noun is the object of is the noun's.
      if (group.empty() && objects.empty() && !their && plain && Rel(*t, w) == "obj" && x.head >= 0 &&
          (owner || of_one)) {
        const int ht = t->words[static_cast<size_t>(x.head)].token;
        if (ht >= 0 && ht < n && (s.cls[static_cast<size_t>(ht)] & kHold))
          for (int c : t->Children(x.head))
            if (Rel(*t, c) == "obl" && CaseOf(*t, c) == "with")
              for (const auto* m : PeopleOfWord(s, *t, c)) objects.push_back(m);
      }
      // "His first meeting was with A", "one of the meetings was with B":
      // the noun (or the phrase it is the "of" of) is the subject of a
      // copular "with" phrase, whose people meet the noun's owner, else
      // the person the text is about.
      if (group.empty() && objects.empty() && !their && plain) {
        const int sj = Rel(*t, w) == "nmod" && CaseOf(*t, w) == "of" ? x.head : w;
        const int h = sj >= 0 && Rel(*t, sj) == "nsubj" ? t->words[static_cast<size_t>(sj)].head : -1;
        if (h >= 0 && t->Child(h, "cop") >= 0 && CaseOf(*t, h) == "with") {
          for (const auto* m : PeopleOfWord(s, *t, h)) objects.push_back(m);
          if (!owner && !of_one && !objects.empty()) owner = Salient(s.toks[0].begin);
        }
      }
      // "King A granted an audience to B", "B was given an audience by A":
      // the noun is the object of a verb of giving; its "to" phrase (or,
      // the verb passive, its "by" phrase), on the noun or on the verb,
      // names the other side of the verb's subject (not "described the
      // talks to X").
      const int gt = x.head >= 0 ? t->words[static_cast<size_t>(x.head)].token : -1;
      if (group.empty() && objects.empty() && !their && !owner && !of_one && plain && Rel(*t, w) == "obj" &&
          gt >= 0 && gt < n && (s.cls[static_cast<size_t>(gt)] & kGive) &&
          t->words[static_cast<size_t>(x.head)].upos == "VERB") {
        const int h = x.head;
        const int pass = t->Child(h, "nsubj:pass");
        std::vector<const text::PersonMention*> other;
        for (const int at : {w, h})
          for (int c : t->Children(at)) {
            const std::string_view rel = Rel(*t, c);
            if ((rel == "nmod" || rel == "obl") && CaseOf(*t, c) == (pass >= 0 ? "by" : "to"))
              for (const auto* m : PeopleOfWord(s, *t, c)) other.push_back(m);
          }
        if (pass < 0) {
          objects = other;
        } else if (other.size() == 1) {
          objects = PeopleOfWord(s, *t, pass);
          if (!objects.empty()) owner = other[0];
        }
      }
      if (!owner && !objects.empty()) owner = of_one;
      // "At the meeting, A and B discussed ...", "at the start of talks,
      // the two leaders said": a meeting noun in an adjunct of a verb (up
      // its nmod chain) that names no one else: the verb's subjects meet
      // each other.
      if (group.empty() && objects.empty() && !their && !owner && plain) {
        int h = w;
        while (h >= 0 && Rel(*t, h) == "nmod") h = t->words[static_cast<size_t>(h)].head;
        if (h >= 0 && Rel(*t, h) == "obl" && t->Child(h, "case") >= 0) {
          const int verb_w = t->words[static_cast<size_t>(h)].head;
          if (verb_w >= 0 && t->words[static_cast<size_t>(verb_w)].upos == "VERB") {
            auto people = TreeSubjects(s, *t, verb_w);
            if (people.size() >= 2) group = people;
          }
        }
      }
      if (group.empty() && (!objects.empty() || their)) {
        if (owner) {
          subjects.push_back(owner);
        } else {
          // The verb the noun hangs on: "held talks with", "said during a
          // meeting with", "discussed ... during their meeting".
          int h = x.head;
          while (h >= 0 && t->words[static_cast<size_t>(h)].upos != "VERB" && Rel(*t, h) != "root" &&
                 (Rel(*t, h) == "nmod" || Rel(*t, h) == "obj" || Rel(*t, h) == "obl"))
            h = t->words[static_cast<size_t>(h)].head;
          if (h >= 0 && t->words[static_cast<size_t>(h)].upos == "VERB") subjects = TreeSubjects(s, *t, h);
        }
        if (their && objects.empty() && subjects.size() >= 2) {
          group = subjects;
          subjects.clear();
        }
      }
    }
    if (verb && (cls & kMeet)) DropFronted(s, *t, w, v);
    if (CorrectPatterns(s, v, subjects, objects, group) || read) continue;
    if (!group.empty()) {
      AddGroupMeeting(group, s, v);
      continue;
    }
    if (subjects.empty() || objects.empty()) continue;
    // "X is meeting with A, B and C": one meeting of them all.
    if (subjects.size() == 1 && objects.size() >= 2 && IsProgressive(s, v)) {
      std::vector<const text::PersonMention*> all = subjects;
      all.insert(all.end(), objects.begin(), objects.end());
      AddGroupMeeting(all, s, v);
      continue;
    }
    AddSides(subjects, objects, s, v);
  }
}

// Where the word patterns read trigger v already, the tree corrects them
// (true): the people a list gives beyond the patterns' reach are added,
// and a group grows to the tree's. False when the patterns read nothing
// here.
bool Finder::CorrectPatterns(const Sentence& s, int v, const std::vector<const text::PersonMention*>& subjects,
                             const std::vector<const text::PersonMention*>& objects,
                             const std::vector<const text::PersonMention*>& group) {
  const size_t pos = s.toks[v].begin;
  const auto here = [&](const MeetingCandidate& m) { return m.pos == pos; };
  if (std::none_of(meeting_candidates_.begin(), meeting_candidates_.end(), here)) return false;
  const auto named = [](const std::vector<const text::PersonMention*>& people, const std::string& name) {
    return std::any_of(people.begin(), people.end(), [&](const auto* p) { return p->full_name == name; });
  };
  if (!group.empty()) {
    for (MeetingCandidate& m : meeting_candidates_) {
      if (!here(m) || m.participants.size() < 3 || m.participants.size() >= group.size()) continue;
      if (!std::all_of(m.participants.begin(), m.participants.end(), [&](const auto& p) { return named(group, p); }))
        continue;
      for (const auto* p : group)
        if (Participant(s, p) && std::find(m.participants.begin(), m.participants.end(), p->full_name) ==
                                     m.participants.end())
          m.participants.push_back(p->full_name);
    }
    return true;
  }
  if (subjects.empty() || objects.empty()) return true;
  std::vector<const text::PersonMention*> met, more;
  for (const MeetingCandidate& m : meeting_candidates_)
    if (here(m))
      for (const auto* p : subjects)
        if (std::find(m.participants.begin(), m.participants.end(), p->full_name) != m.participants.end() &&
            std::find(met.begin(), met.end(), p) == met.end())
          met.push_back(p);
  for (const auto* b : objects) {
    bool seen = false;
    for (const MeetingCandidate& m : meeting_candidates_)
      seen = seen || (here(m) && std::find(m.participants.begin(), m.participants.end(), b->full_name) !=
                                     m.participants.end());
    if (!seen) more.push_back(b);
  }
  // Subjects the patterns left out ("A, and B, chairman of ..., will meet
  // C") meet the same people.
  std::vector<const text::PersonMention*> joined;
  for (const auto* p : subjects)
    if (std::none_of(meeting_candidates_.begin(), meeting_candidates_.end(), [&](const MeetingCandidate& m) {
          return here(m) && std::find(m.participants.begin(), m.participants.end(), p->full_name) !=
                                m.participants.end();
        }))
      joined.push_back(p);
  // The visits these meetings imply were read with the patterns' pairs.
  const size_t visits = candidates_.size();
  std::vector<const text::PersonMention*> side = met;
  side.insert(side.end(), joined.begin(), joined.end());
  // (Two or more of one side, as AddSides reads them.)
  if (!met.empty() && !joined.empty() && !Apart(s) && Participants(s, Principals(s, side)).size() >= 2) {
    // They meet those people together with the subjects the patterns read.
    meeting_candidates_.erase(
        std::remove_if(meeting_candidates_.begin(), meeting_candidates_.end(),
                       [&](const MeetingCandidate& m) {
                         return here(m) && std::any_of(met.begin(), met.end(), [&](const auto* p) {
                                  return std::find(m.participants.begin(), m.participants.end(), p->full_name) !=
                                         m.participants.end();
                                });
                       }),
        meeting_candidates_.end());
    AddSides(side, objects, s, v);
  } else {
    if (!met.empty() && !more.empty()) AddSides(met, more, s, v);
    if (!met.empty() && !joined.empty()) AddMeeting(joined, objects, s, v);
  }
  candidates_.resize(visits);
  return true;
}

// "After the meeting with A, B met C": A, named only in a phrase fronted
// before the verb of meeting (an obl or advcl other than "with ..."), is
// none of its people; the word patterns' pairs with A at trigger v go.
void Finder::DropFronted(const Sentence& s, const Tree& t, int w, int v) {
  // Only where the tree names the verb's own subject.
  const int subj = t.Child(w, "nsubj");
  if (subj < 0 || t.words[static_cast<size_t>(subj)].deprel == "nsubj:pass") return;
  const size_t pos = s.toks[v].begin;
  const auto& ms = people_.mentions;
  const auto first = std::lower_bound(ms.begin(), ms.end(), s.span.begin,
                                      [](const text::PersonMention& m, uint32_t b) { return m.span.begin < b; });
  const auto fronted = [&](const std::string& name) {
    bool any = false;
    for (auto it = first; it != ms.end() && it->span.begin < s.span.end; ++it) {
      if (it->full_name != name) continue;
      int c = t.WordAt(it->span.begin);
      while (c >= 0 && t.words[static_cast<size_t>(c)].head != w && t.words[static_cast<size_t>(c)].head >= 0)
        c = t.words[static_cast<size_t>(c)].head;
      if (c < 0 || c >= w || t.words[static_cast<size_t>(c)].head != w) return false;
      const std::string_view rel = Rel(t, c);
      if ((rel != "obl" && rel != "advcl") || CaseOf(t, c) == "with") return false;
      any = true;
    }
    return any;
  };
  meeting_candidates_.erase(std::remove_if(meeting_candidates_.begin(), meeting_candidates_.end(),
                                           [&](const MeetingCandidate& m) {
                                             return m.pos == pos && m.participants.size() == 2 &&
                                                    (fronted(m.participants[0]) || fronted(m.participants[1]));
                                           }),
                            meeting_candidates_.end());
}

}  // namespace attache::events::internal
