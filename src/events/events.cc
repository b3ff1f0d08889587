// Visits and meetings. Each sentence is read for trigger words (tables'
// events.txt); a trigger's actors are found around it: the person or people
// before it (or a possessive, "Lavrov's visit"), the places after it (the
// gazetteer), the people after "with". Dates come from the sentence's time
// expressions, status from its wording and the date. Mentions of one trip
// are then merged.
#include "events/events.h"

#include "core/civil_date.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text/gazetteer.h"
#include "text/names.h"
#include "text/officeholders.h"
#include "text/text.h"
#include "text/word_set.h"
#include "text/timex.h"

namespace attache::events {

namespace {

using text::LanguageTables;
using text::Span;
using text::Token;
using text::TokenKind;

using text::WordSet;

struct PlaceHit {
  int first, last;  // token range
  const text::Entity* entity;
};

// Word classes of events.txt, as bits.
enum : uint32_t {
  kVisit = 1 << 0, kArrive = 1 << 1, kTravel = 1 << 2, kBe = 1 << 3, kTrip = 1 << 4, kHost = 1 << 5,
  kMeet = 1 << 6, kMeeting = 1 << 7, kCancel = 1 << 8, kPlanned = 1 << 9, kOngoing = 1 << 10, kPhone = 1 << 11,
  kHold = 1 << 12, kCallOff = 1 << 13, kReception = 1 << 14, kGive = 1 << 15, kCeremony = 1 << 16,
  kResident = 1 << 17, kLead = 1 << 18, kDelegation = 1 << 19, kHappen = 1 << 20,
  kMeal = 1 << 21, kExpected = 1 << 22, kRefuse = 1 << 23,
};

// The classes that make a sentence worth reading.
constexpr uint32_t kTriggers =
    kVisit | kArrive | kTravel | kTrip | kMeet | kMeeting | kHost | kReception | kLead | kExpected;

uint32_t ClassBits(const LanguageTables& t, std::string_view w) {
  static const std::pair<const char*, uint32_t> kNames[] = {
      {"visit", kVisit},       {"arrive", kArrive},     {"travel", kTravel},     {"be", kBe},
      {"trip", kTrip},         {"host", kHost},         {"meet", kMeet},         {"meeting", kMeeting},
      {"cancel", kCancel},     {"planned", kPlanned},   {"ongoing", kOngoing},   {"phone", kPhone},
      {"hold", kHold},         {"calloff", kCallOff},   {"reception", kReception}, {"give", kGive},
      {"ceremony", kCeremony}, {"resident", kResident}, {"lead", kLead},
      {"delegation", kDelegation}, {"happen", kHappen},     {"meal", kMeal},
      {"expected", kExpected}, {"refuse", kRefuse}};
  auto it = t.event_words.find(std::string(w));
  if (it == t.event_words.end()) return 0;
  uint32_t bits = 0;
  for (const auto& c : it->second)
    for (const auto& [name, bit] : kNames)
      if (c == name) bits |= bit;
  return bits;
}

struct Sentence {
  Span span;
  std::vector<Token> toks;
  std::vector<std::string> low;   // folded tokens
  std::vector<uint32_t> cls;      // events.txt classes of each token
  std::vector<PlaceHit> places;   // countries and cities named
  bool placed = false;            // places looked up
  mutable std::optional<std::vector<text::TimeExpr>> dates;  // found when first needed
};

struct Actor {
  const text::PersonMention* person = nullptr;
};

struct Candidate {
  std::string visitor;
  const text::PersonMention* mention = nullptr;
  std::string host;
  std::optional<std::string> place;
  std::optional<std::string> date;
  std::string status;
  bool status_explicit = false;
  bool present = false;  // "is on a visit", "is visiting", "starts today": now, whatever the date
  bool implied = false;  // read from a meeting abroad, not from a visit's own words
  int destinations = 1;  // places named by the same trigger ("visit to Poland and Ukraine")
  std::string range_end;  // "from January 13 to January 18": the last day
  size_t pos = 0;
  int group = 0;  // visits read from one trigger share a group
  std::optional<std::string> nation;  // from the list naming the visitor ("Turkish officials including X")
};

struct MeetingCandidate {
  std::vector<std::string> participants;
  std::optional<std::string> place, date;
  std::string status;
  size_t pos = 0;
  bool hosted = false;  // one side received the other: at home, whatever the table knows of the host
};

// Year-month-day strings compare as text when both are full dates.
bool Before(std::string_view a, std::string_view b) {
  const size_t n = std::min(a.size(), b.size());
  return n >= 4 && a.substr(0, n) < b.substr(0, n);
}

bool Compatible(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  if (!a || !b) return true;
  const size_t n = std::min(a->size(), b->size());
  return a->compare(0, n, *b, 0, n) == 0;
}

// Bounds on what one article can produce, so that hostile text stays cheap:
// merging compares candidates pairwise.
constexpr size_t kMaxCandidates = 2000;
// How many person mentions back "the president" may look for its person.
constexpr std::ptrdiff_t kDescriptionLookBack = 256;

EventCodes CodesFor(const std::string& status, bool meeting, bool third_place, bool place_known) {
  // From CAMEO2PLOVER (PLOVER manual draft 0.8): 036 -> AGREE; 040, 042,
  // 043 -> CONSULT (042/043 mode "visit"); 044 -> CONSULT, "third-party".
  if (status == "planned") return {"036", "AGREE", ""};
  if (!meeting) return {"042", "CONSULT", "visit"};
  if (!place_known) return {"040", "CONSULT", ""};
  if (third_place) return {"044", "CONSULT", "third-party"};
  return {"043", "CONSULT", "visit"};
}

class Finder {
 public:
  Finder(std::string_view text, std::string_view published, const LanguageTables& tables)
      : text_(text), t_(tables) {
    // "YYYY-MM-DD[T...]", or only "YYYY-MM" / "YYYY" when no more is known.
    const auto digits = [&](size_t b, size_t n) {
      for (size_t i = b; i < b + n; ++i)
        if (i >= published.size() || published[i] < '0' || published[i] > '9') return false;
      return true;
    };
    if (published.size() >= 10 && published[4] == '-') anchor_ = std::string(published.substr(0, 10));
    else if (published.size() == 7 && digits(0, 4) && published[4] == '-' && digits(5, 2)) anchor_ = published;
    else if (published.size() == 4 && digits(0, 4)) anchor_ = published;
  }

  Events Run(const text::TextLayer& layer) {
    people_ = layer.people;
    sentences_.reserve(layer.sentences.size());
    for (size_t i = 0; i < layer.sentences.size(); ++i) {
      Sentence s;
      s.span = layer.sentences[i];
      s.toks = layer.tokens[i];
      for (const Token& t : s.toks) {
        s.low.push_back(text::Fold(Slice(t)));
        s.cls.push_back(t.kind == TokenKind::kWord ? ClassBits(t_, s.low.back()) : 0);
      }
      // Only sentences with a trigger word are read further.
      bool trigger = false;
      for (uint32_t c : s.cls) trigger = trigger || (c & kTriggers);
      if (trigger) FindPlaces(&s);
      sentences_.push_back(std::move(s));
    }
    FindDateline();
    if (anchor_.size() < 10) {
      // No publication day: the first full date the article states (within
      // the month or year known, if any).
      for (const auto& d : text::FindDates(text_, {0, static_cast<uint32_t>(text_.size())}, "", t_))
        if (d.value.size() == 10 && d.value[0] != 'X') {
          if (Compatible(anchor_, d.value))
            anchor_ = d.value;
          break;
        }
    }
    for (const Sentence& s : sentences_) Read(s);
    return Merge();
  }

 private:
  std::string_view Slice(const Token& t) const { return text_.substr(t.begin, t.end - t.begin); }
  std::string_view Slice(uint32_t b, uint32_t e) const { return text_.substr(b, e - b); }

  // "ISLAMABAD: ...", "RIYADH, Aug. 17 (Xinhua) --": a city in capitals at
  // the start of one of the first paragraphs is where the story was filed.
  // A date after it is the day of the news: it becomes the anchor when it
  // falls on or up to two days before the publication date (a wire story
  // published the next morning), or when the page gives no date.
  void FindDateline() {
    size_t b = 0;
    for (int para = 0; para < 6 && b < text_.size() && b < 2000; ++para) {
      if (DatelineAt(b)) return;
      b = text_.find('\n', b);
      if (b == std::string_view::npos) return;
      while (b < text_.size() && (text_[b] == '\n' || text_[b] == ' ')) ++b;
    }
  }

  bool DatelineAt(size_t b) {
    size_t e = b;
    while (e < text_.size() && e < b + 40 &&
           ((text_[e] >= 'A' && text_[e] <= 'Z') || text_[e] == ' ' || text_[e] == '-'))
      ++e;
    while (e > b && text_[e - 1] == ' ') --e;
    if (e < b + 3 || e >= text_.size() || !(text_[e] == ':' || text_[e] == ',' || text_[e] == '.' || text_[e] == ' '))
      return false;
    std::string name(text_.substr(b, e - b));
    bool start = true;
    for (char& c : name) {
      if (!start && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      start = c == ' ' || c == '-';
    }
    const text::Place* p = text::LookupPlace(name, t_.lang);
    if (!p || p->kind != text::EntityKind::kCity) return false;
    dateline_ = PlaceHit{0, 0, p};
    if (text_[e] != ',') return true;
    const uint32_t from = static_cast<uint32_t>(e + 1);
    const uint32_t to = static_cast<uint32_t>(std::min(text_.size(), e + 30));
    const auto dates = text::FindDates(text_, {from, to}, anchor_, t_);
    if (dates.empty() || dates[0].begin > from + 2 || dates[0].value.size() != 10 || dates[0].value[0] == 'X')
      return true;
    const std::string& day = dates[0].value;
    if (anchor_.size() < 10) {
      if (Compatible(anchor_, day)) anchor_ = day;
    } else if (const long gap = DayGap(anchor_, day); gap >= 0 && gap <= 2 && day <= anchor_) {
      anchor_ = day;
    }
    return true;
  }

  void FindPlaces(Sentence* s) const {
    if (s->placed) return;
    s->placed = true;
    for (int i = 0; i < static_cast<int>(s->toks.size()); ++i) {
      const Token& t = s->toks[i];
      if (!t.cap) continue;
      text::Entry e;
      const size_t len = text::MatchAt(text_, t.begin, &e, t_.lang);
      if (len == 0 || !e.entity || e.role != text::Entry::Role::kName) continue;
      if (e.entity->kind != text::EntityKind::kCountry && e.entity->kind != text::EntityKind::kCity) continue;
      int last = i;
      while (last + 1 < static_cast<int>(s->toks.size()) && s->toks[last + 1].end <= t.begin + len) ++last;
      s->places.push_back({i, last, e.entity});
      i = last;
    }
  }

  // The person mention that covers token k. Mentions are in text order and
  // do not overlap, so a binary search finds the one starting at or before it.
  const text::PersonMention* MentionAt(const Sentence& s, int k) const {
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
  const text::PersonMention* TitleAt(const Sentence& s, int k) const {
    const Token& t = s.toks[k];
    const auto& ms = people_.mentions;
    auto it = std::lower_bound(ms.begin(), ms.end(), t.begin,
                               [](const text::PersonMention& m, uint32_t b) { return m.span.begin < b; });
    if (it == ms.end() || it->title.size() == 0) return nullptr;
    return it->title.begin <= t.begin && t.begin < it->title.end ? &*it : nullptr;
  }

  // The token index where a mention ends, from the token at k inside it.
  int MentionEnd(const Sentence& s, int k, const text::PersonMention* m) const {
    while (k + 1 < static_cast<int>(s.toks.size()) && s.toks[k + 1].begin < m->span.end) ++k;
    return k;
  }

  bool IsPronoun(const Sentence& s, int k) const { return s.low[k] == "he" || s.low[k] == "she"; }

  // Words between a subject and its trigger: auxiliaries, modals, adverbs,
  // "expected to", "plans to", time adjuncts ("on Thursday evening").
  bool Skippable(const Sentence& s, int k) const {
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
  std::vector<const text::PersonMention*> SubjectsOf(const Sentence& s, int v) const {
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

  std::vector<const text::PersonMention*> DirectSubjectsOf(const Sentence& s, int v) const {
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
      // the clause's start.
      if (const auto* m = ClauseSubject(s, j)) out.push_back(m);
      return out;
    }
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
      if (k >= 0 && (s.low[k] == "and" || s.low[k] == ",")) {
        j = k - 1;
        continue;
      }
      break;
    }
    return out;
  }

  // The nearest person before token j who is followed by a verb ("Lavrov
  // had left ... and should return", "Tokayev said during a meeting with").
  const text::PersonMention* NearestActor(const Sentence& s, int j) const {
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
  int AdverbialEnd(const Sentence& s, int before = 12) const {
    if (!s.toks.empty() && s.toks[0].kind == TokenKind::kWord && !MentionAt(s, 0) && !TitleAt(s, 0))
      for (int k = 0; k < before && k < 12 && k < static_cast<int>(s.toks.size()); ++k) {
        if (s.low[k] == ",") return k + 1;
      }
    return 0;
  }

  const text::PersonMention* ClauseSubject(const Sentence& s, int before) const {
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
  const text::PersonMention* ByDescription(const Sentence& s, int j) const {
    if (s.toks[j].kind != TokenKind::kWord || !t_.role_nouns.count(s.low[j])) return nullptr;
    int k = j - 1;
    while (k >= 0 && j - k <= 4 && s.low[k] != "the") --k;
    if (k < 0 || s.low[k] != "the") return nullptr;
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
    const auto until = std::lower_bound(ms.begin(), ms.end(), s.toks[k].begin,
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
  const text::PersonMention* LatterOrFormer(const Sentence& s, int j) const {
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
  const text::PersonMention* Salient(uint32_t pos) const {
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
  const text::PersonMention* OwnerOfNoun(const Sentence& s, int v) const {
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

  // Places named from token `from` on: "Azerbaijan", "Turkey and Armenia",
  // "Egypt, Tunisia, Togo, and Côte d’Ivoire"; after an optional "the".
  std::vector<const PlaceHit*> PlacesFrom(const Sentence& s, int from, int max_gap) const {
    std::vector<const PlaceHit*> out;
    int k = from;
    while (k < static_cast<int>(s.toks.size())) {
      const PlaceHit* hit = nullptr;
      for (const PlaceHit& p : s.places)
        if (p.first >= k && p.first <= k + max_gap) {
          hit = &p;
          break;
        }
      if (!hit) break;
      // Nothing but articles and adjectives between.
      bool clean = true;
      for (int g = k; g < hit->first; ++g)
        if (s.toks[g].kind != TokenKind::kWord || s.low[g] == "and" || s.low[g] == "with") clean = out.empty() && clean;
      if (!clean) break;
      out.push_back(hit);
      k = hit->last + 1;
      if (k < static_cast<int>(s.toks.size()) && (s.low[k] == "," || s.low[k] == "and")) {
        ++k;
        if (k < static_cast<int>(s.toks.size()) && s.low[k] == "and") ++k;
        max_gap = 1;
        continue;
      }
      break;
    }
    return out;
  }

  // "all three countries", "the two nations", "both countries" at token k:
  // the latest list of exactly that many countries (or their cities) named
  // together in this sentence or the few before it ("Saudi Arabia, Qatar and
  // the United Arab Emirates").
  std::vector<PlaceHit> CountriesReferredTo(const Sentence& s, int k) const {
    static const char* const kCountWords[] = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
    static const WordSet kNouns = {"countries", "nations", "states", "capitals"};
    const int n = static_cast<int>(s.toks.size());
    if (k < n && (s.low[k] == "all" || s.low[k] == "each")) ++k;
    if (k < n && s.low[k] == "of") ++k;
    if (k < n && s.low[k] == "the") ++k;
    size_t count = 0;
    if (k < n && s.low[k] == "both") count = 2;
    else if (k < n)
      for (size_t c = 0; c < std::size(kCountWords); ++c)
        if (s.low[k] == kCountWords[c]) count = c + 2;
    if (count == 0) return {};
    ++k;
    if (k < n && s.toks[k].cap) ++k;  // "the three Gulf states"
    if (k >= n || !kNouns.has(s.low[k])) return {};
    const size_t here = static_cast<size_t>(&s - sentences_.data());
    if (here >= sentences_.size()) return {};
    for (size_t back = 0; back <= 8 && back <= here; ++back) {
      const Sentence& o = sentences_[here - back];
      std::vector<PlaceHit> hits = o.places;
      if (hits.empty() && back > 0) {
        Sentence tmp;
        tmp.toks = o.toks;
        FindPlaces(&tmp);
        hits = std::move(tmp.places);
      }
      // Runs of places joined by commas, "and", "the"; the latest run of
      // the right size.
      std::vector<PlaceHit> best, run;
      auto close = [&] {
        std::vector<std::string_view> codes;
        for (const PlaceHit& p : run)
          if (std::find(codes.begin(), codes.end(), p.entity->code) == codes.end()) codes.push_back(p.entity->code);
        if (codes.size() == count && run.size() == count) best = run;
        run.clear();
      };
      for (const PlaceHit& p : hits) {
        if (back == 0 && p.first >= k) break;
        if (!run.empty()) {
          bool joined = true;
          for (int g = run.back().last + 1; g < p.first && joined; ++g)
            joined = o.low[g] == "," || o.low[g] == "and" || o.low[g] == "the";
          if (!joined) close();
        }
        run.push_back(p);
      }
      close();
      if (!best.empty()) return best;
    }
    return {};
  }

  // Status from wording around the trigger at v, then from the date.
  std::string StatusOf(const Sentence& s, int v, const std::optional<std::string>& date, bool* explicit_cue) const {
    std::string status = "past";
    *explicit_cue = false;
    const int n = static_cast<int>(s.toks.size());
    int b = v;
    while (b > 0 && !(s.toks[b - 1].kind == TokenKind::kPunct && (s.low[b - 1] == ";" || s.low[b - 1] == ":"))) --b;
    for (int k = b; k <= std::min(v + 2, n - 1); ++k) {
      const std::string& w = s.low[k];
      if ((s.cls[k] & kPlanned) && k <= v) {
        status = "planned";
        *explicit_cue = true;
      }
      // "is to visit", "to visit" after a noun (headline style).
      if (w == "to" && k + 1 == v && k > 0 && (s.low[k - 1] == "is" || s.low[k - 1] == "are")) {
        status = "planned";
        *explicit_cue = true;
      }
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

  // Whether the date expression starting at token k belongs to a clause
  // opened by "since", "until" or "till" that does not hold the trigger at
  // v: "until Thursday", "since taking office on September 16", "since the
  // two sides agreed ... in March": the start or end of something else.
  bool InBoundClause(const Sentence& s, int v, int k) const {
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
  bool DatesAStatement(const Sentence& s, int v, int k) const {
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

  // The date expression of the clause: the one nearest the trigger.
  std::optional<std::string> DateOf(const Sentence& s, int v) const {
    const text::TimeExpr* best = DateExprOf(s, v);
    if (!best || best->value.empty()) return std::nullopt;
    return best->value;
  }

  // The first token of the sentence that ends after byte `pos`.
  static int TokenAfter(const Sentence& s, uint32_t pos) {
    auto it = std::upper_bound(s.toks.begin(), s.toks.end(), pos,
                               [](uint32_t p, const Token& t) { return p < t.end; });
    return static_cast<int>(it - s.toks.begin());
  }

  const text::TimeExpr* DateExprOf(const Sentence& s, int v) const {
    if (!s.dates) s.dates = text::FindDates(text_, s.span, anchor_, t_);
    const text::TimeExpr* best = nullptr;
    long best_dist = 0;
    for (const auto& d : *s.dates) {
      // "until Thursday", "since 2020": the end or start of something else.
      if (InBoundClause(s, v, TokenAfter(s, d.begin))) continue;
      if (DatesAStatement(s, v, TokenAfter(s, d.begin))) continue;
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
  const text::TimeExpr* NextJoined(const Sentence& s, const text::TimeExpr& d,
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
  std::string RangeEndOf(const Sentence& s, int v) const {
    const text::TimeExpr* d = DateExprOf(s, v);
    if (!d || d->value.empty()) return "";
    const int k = TokenAfter(s, d->begin);
    if (k == 0 || (s.low[k - 1] != "from" && s.low[k - 1] != "between")) return "";
    const auto* e = NextJoined(s, *d, {"to", "until", "till", "through", "and", "-", "\xE2\x80\x93"});
    return e ? e->value : "";
  }

  // "travel on Wednesday and Thursday to Cairo and Amman": as many dates
  // joined as places joined, read respectively; else nothing.
  std::optional<std::string> RespectiveDate(const Sentence& s, int v, const PlaceHit* where) const {
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

  // A verb and the particle that makes it call something off at k: "called
  // off", "put off", "put on hold", "delayed indefinitely", "ruled out".
  bool CallsOff(const Sentence& s, int k) const {
    const int n = static_cast<int>(s.toks.size());
    if (!(s.cls[k] & kCallOff) || k + 1 >= n) return false;
    const std::string& next = s.low[k + 1];
    if (next == "off" || next == "indefinitely") return true;
    if (next == "on" && k + 2 < n && s.low[k + 2] == "hold") return true;
    return next == "out" && s.low[k].rfind("rul", 0) == 0;
  }

  // Called off, denied, negated ("no plans for any talks") or only offered
  // ("invited X to visit").
  bool Cancelled(const Sentence& s, int v) const {
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
      if (s.low[k] == "invited" || s.low[k] == "invites" || s.low[k] == "invite" || s.low[k] == "invitation") return true;
    }
    return false;
  }

  // The trigger's own predicate calls it off: "the visit of X to Baku was
  // postponed", "talks have been called off", "his trip was delayed
  // indefinitely", "the visit did not take place". The predicate is the
  // first auxiliary after the trigger in its clause (not "after elections
  // were postponed").
  bool CancelledAfter(const Sentence& s, int v) const {
    static const WordSet kAux = {"was",  "were", "is",   "are",   "has",   "have", "had",   "been", "be",
                                 "being", "got", "did", "does", "do", "will", "would", "could", "may", "might"};
    static const WordSet kClause = {"which", "who", "whom", "where", "that", "when", "after", "before", "because",
                                    "while", "since", "but", "although", "though", "as", "if", "until", "despite"};
    const int n = static_cast<int>(s.toks.size());
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

  bool PhoneCall(const Sentence& s) const {
    for (size_t k = 0; k < s.cls.size(); ++k) {
      if (!(s.cls[k] & kPhone)) continue;
      // "call on the president" is a visit, not a call.
      if ((s.low[k] == "call" || s.low[k] == "called" || s.low[k] == "calls") && k + 1 < s.low.size() &&
          s.low[k + 1] == "on")
        continue;
      // "in a video message, X said he met Y": a recording, not a call.
      static const WordSet kRecorded = {"message", "messages", "address", "statement", "footage", "clip", "recording"};
      if (k + 1 < s.low.size() && kRecorded.has(s.low[k + 1])) continue;
      return true;
    }
    return false;
  }

  // A person worth a record: a full name, a title, or an office-holder.
  bool Known(const text::PersonMention* m) const {
    return m && (m->full_name.find(' ') != std::string::npos || m->title.size() > 0 ||
                 text::OfficeOf(m->full_name, anchor_) != nullptr);
  }

  // A visit of `who` to `where`, or, without a place, to the country
  // `host_code` (the host's own: "X received Y").
  void AddVisit(const text::PersonMention* who, const PlaceHit* where, const Sentence& s, int v,
                std::string_view host_code = {}) {
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
    // A visit on the day of the news is under way, unless the wording says
    // it is over ("was in") or ahead.
    if (c.status == "past" && !c.status_explicit && c.date && anchor_.size() == 10 && *c.date == anchor_)
      c.status = "ongoing";
    c.present = c.status == "ongoing" && !(s.cls[v] & kArrive);
    c.pos = s.toks[v].begin;
    c.group = group_;
    c.nation = ListNation(s, who);
    candidates_.push_back(std::move(c));
  }

  // "X visited Crown Prince Y and President Z": a visit to each host's
  // country, and a meeting with each.
  void VisitHosts(const std::vector<const text::PersonMention*>& who,
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
  std::optional<std::string> ListNation(const Sentence& s, const text::PersonMention* who) const {
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

  void Read(const Sentence& s) {
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
      if ((s.cls[v] & (kVisit | kTrip | kTravel | kArrive)) && !cap && (Cancelled(s, v) || CancelledAfter(s, v)))
        continue;
      // "the visiting Turkish minister X", "Jordan's visiting King Y": X is
      // the visitor, not someone visited.
      if ((s.cls[v] & kVisit) && Attributive(s, v)) {
        ReadVisiting(s, v);
        continue;
      }
      // "X visited Azerbaijan", "will visit Egypt, Tunisia and Togo".
      if (!cap && (s.cls[v] & kVisit)) {
        const auto places = PlacesFrom(s, v + 1, 2);
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
          if (owner && !Cancelled(s, v) && !CancelledAfter(s, v)) AddVisit(owner, &p, s, v);
          break;
        }
      // "Lavrov's visit to Baku", "a trip to Ankara", "on a visit to", "tour of".
      if (!cap && (s.cls[v] & kTrip) && v + 1 < n && (s.low[v + 1] == "to" || s.low[v + 1] == "of" || s.low[v + 1] == "in")) {
        int from = v + 2;
        const text::PersonMention* owner = OwnerOfNoun(s, v);
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
        const auto places = PlacesFrom(s, from, 1);
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
      if (!cap && (s.cls[v] & kHost) && v + 1 < n && s.low[v + 1] == "by") {
        const auto hosts = ObjectsOf(s, v + 2, v + 14);
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
      // Meetings.
      if (!cap && ((s.cls[v] & kMeet) || (s.cls[v] & kMeeting) ||
                   (w == "call" && v + 1 < n && s.low[v + 1] == "on"))) {
        ReadMeeting(s, v);
      }
    }
  }

  // The subject of the clause a noun trigger sits in: "X is on a visit to",
  // "X will pay a state visit to", "X made his first trip to".
  std::vector<const text::PersonMention*> SubjectsOfClause(const Sentence& s, int v) const {
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

  // People after a meeting trigger: "with A and B", "met A", "between A and B".
  // Only people in object position count: right after the trigger, after
  // "with", or after "and"/"," that join them; an adjunct ("in Jerusalem",
  // "on Wednesday") in between is passed over, anything else ends the list.
  std::vector<const text::PersonMention*> ObjectsOf(const Sentence& s, int from, int limit) const {
    static const WordSet kArticles = {"the", "a", "an", "his", "her", "their", "its", "both", "also", "then",
                                      "other", "senior", "including", "such", "as", "top", "several",
                                      "visiting"};  // "received the visiting minister X"
    static const WordSet kAdjunctPreps = {"in", "on", "at", "during", "later", "early", "next", "this", "last"};
    std::vector<const text::PersonMention*> out;
    const int n = static_cast<int>(s.toks.size());
    bool expect = true;
    for (int k = from; k < n && k < limit; ++k) {
      const Token& t = s.toks[k];
      const std::string& w = s.low[k];
      if (t.kind == TokenKind::kPunct && (w == "." || w == ";" || w == ":" || w == "(")) break;
      // "Crown Prince Mohammed — the country's ruler — and President Z": the
      // aside between dashes is passed over.
      if (t.kind == TokenKind::kPunct && (w == "\xE2\x80\x94" || w == "\xE2\x80\x93")) {
        int e = k + 1;
        while (e < n && e < k + 16 && s.low[e] != w) ++e;
        if (e < n && s.low[e] == w) k = e;
        continue;
      }
      if (const auto* m = MentionAt(s, k)) {
        // A capitalised word taken for a name ("the National Assembly
        // Speaker X"): part of the title of the person that follows.
        if (!Known(m) && m->title.size() == 0) continue;
        // "... in Moscow on April 2, spokeswoman X said": the speaker after a
        // comma ends the list.
        {
          const int e = MentionEnd(s, k, m);
          int b = TokenAfter(s, m->title.size() ? m->title.begin : m->span.begin);
          while (b > from && s.toks[b - 1].kind == TokenKind::kWord && !s.toks[b - 1].cap &&
                 !t_.function_words.count(s.low[b - 1]))
            --b;  // "Foreign Ministry spokeswoman X"
          if (b > from && s.low[b - 1] == "," && e + 1 < n && t_.verbs.count(s.low[e + 1])) break;
        }
        if (expect && std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
        k = MentionEnd(s, k, m);
        expect = false;
        continue;
      }
      // "President of Turkmenistan X", "Minister of Foreign Affairs of
      // Georgia X": the words of a title run belong to the person after
      // ("the Deputy Prime Minister of Moldova X" is X, not a minister named
      // before).
      if (expect && t.kind == TokenKind::kWord && TitleAt(s, k)) continue;
      // "seeing the UAE leader", "met the Japanese prime minister": a
      // description of a person named before.
      if (expect && t.kind == TokenKind::kWord && t_.role_nouns.count(w) && !(k + 1 < n && MentionAt(s, k + 1)) &&
          !(k + 2 < n && s.low[k + 1] == "," && MentionAt(s, k + 2)))
        if (const auto* m = ByDescription(s, k)) {
          if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
          expect = false;
          continue;
        }
      if (w == "with" || w == "and" || w == ",") {
        expect = true;
        continue;
      }
      if (kAdjunctPreps.has(w)) {
        // Pass over the adjunct up to the next "with"/"and"/",".
        expect = false;
        continue;
      }
      if (t.kind == TokenKind::kWord && (t.cap || kArticles.has(w) || t_.titles.count(w) || t_.role_nouns.count(w) ||
                                         Skippable(s, k)))
        continue;
      if (t.kind == TokenKind::kNumber) continue;
      // "Vice President A and other senior figures, including B": the
      // people a group noun introduces.
      int inc = k;
      while (inc < n && inc < k + 5 && s.toks[inc].kind == TokenKind::kWord && s.low[inc] != "including") ++inc;
      if (inc < n && s.low[inc] == ",") ++inc;
      if (!out.empty() && inc < n && inc > k && s.low[inc] == "including") {
        k = inc;
        expect = true;
        continue;
      }
      break;
    }
    return out;
  }

  // "refused to meet X", "declined to receive Y": the trigger is the object
  // of a refusal.
  bool Refused(const Sentence& s, int v) const {
    int k = v - 1;
    while (k >= 0 && v - k <= 3 && s.low[k] != "to" && Skippable(s, k)) --k;
    if (k < 1 || s.low[k] != "to") return false;
    int r = k - 1;
    while (r >= 0 && k - r <= 3 && !(s.cls[r] & kRefuse) && Skippable(s, r)) --r;
    return r >= 0 && (s.cls[r] & kRefuse);
  }

  void ReadMeeting(const Sentence& s, int v) {
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

  bool Possessive(const Sentence& s, int k) const {
    const std::string_view raw = Slice(s.toks[k]);
    if (raw.size() > 2 && raw.substr(raw.size() - 2) == "'s") return true;
    if (raw.size() > 4 && raw.substr(raw.size() - 4) == "\xE2\x80\x99s") return true;
    return k + 1 < static_cast<int>(s.toks.size()) && (s.low[k + 1] == "'s" || s.low[k + 1] == "\xE2\x80\x99s");
  }

  // People named as the object at `from`, as far as they are guests: not
  // "welcomed X's decision" (a possessive names what is welcomed).
  std::vector<const text::PersonMention*> GuestsFrom(const Sentence& s, int from, int limit) const {
    auto out = ObjectsOf(s, from, limit);
    // Only a person right at the object position: "received a letter from
    // X" ends the list before X.
    out.erase(std::remove_if(out.begin(), out.end(),
                             [&](const text::PersonMention* m) {
                               const int n = static_cast<int>(s.toks.size());
                               const int k = TokenAfter(s, m->span.begin);
                               if (k >= n) return true;
                               const int e = MentionEnd(s, k, m);
                               if (Possessive(s, e)) return true;
                               // "will receive a Stadia controller": a name
                               // inside a noun phrase, not a guest.
                               const int b = TokenAfter(s, m->title.size() ? m->title.begin : m->span.begin);
                               if (b > 0 && (s.low[b - 1] == "a" || s.low[b - 1] == "an")) return true;
                               return e + 1 < n && s.toks[e + 1].kind == TokenKind::kWord && !s.toks[e + 1].cap &&
                                      !t_.function_words.count(s.low[e + 1]) && !Skippable(s, e + 1) &&
                                      s.low[e + 1] != "who" && s.low[e + 1] != "whom";
                             }),
              out.end());
    return out;
  }

  // "X received Y", "X hosted Y in Sochi", "X welcomed Y to Paris", "X
  // received a Chinese delegation led by Y".
  void ReadHost(const Sentence& s, int v) {
    const int n = static_cast<int>(s.toks.size());
    int from = v + 1;
    std::optional<std::string> nation;  // "a Chinese delegation led by X"
    for (int k = v + 1; k < n && k <= v + 5; ++k) {
      const std::string& w = s.low[k];
      if (const text::Country* c = s.toks[k].cap ? text::LookupDemonym(Slice(s.toks[k]), t_.lang) : nullptr)
        nation = std::string(c->code);
      if (w == "delegation" || w == "delegations") {
        if (k + 2 < n && (s.low[k + 1] == "led" || s.low[k + 1] == "headed") && s.low[k + 2] == "by") from = k + 3;
        else if (k + 1 < n && s.low[k + 1] == "of") from = k + 2;
        break;
      }
      // "hosted talks with Y", "hosted a meeting with Y".
      if ((s.cls[k] & kMeeting) && !s.toks[k].cap && k + 1 < n && s.low[k + 1] == "with") {
        from = k + 2;
        break;
      }
      // "hosted a state dinner in honour of Y".
      if ((s.cls[k] & kMeal) && k + 3 < n && s.low[k + 1] == "in" &&
          (s.low[k + 2] == "honour" || s.low[k + 2] == "honor") && s.low[k + 3] == "of") {
        from = k + 4;
        break;
      }
      if (s.toks[k].kind != TokenKind::kWord) break;
      if (!(s.toks[k].cap || w == "a" || w == "an" || w == "the" ||
            (k + 1 < n && (s.cls[k + 1] & (kMeeting | kMeal)) && !t_.function_words.count(w))))
        break;
    }
    const auto guests = GuestsFrom(s, from, from + 24);
    if (guests.empty()) return;
    // "welcomed X to Google", "to the team": a welcome into something, not
    // to a place.
    {
      const auto* last = guests.back();
      int k = MentionEnd(s, TokenAfter(s, last->span.begin), last) + 1;
      if (k < n && s.low[k] == "to") {
        int p = k + 1;
        if (p < n && s.low[p] == "the") ++p;
        bool place = false;
        for (const PlaceHit& h : s.places) place = place || h.first == p;
        if (!place) return;
      }
    }
    const auto hosts = SubjectsOf(s, v);
    if (hosts.empty()) {
      // "Qatar hosted Hamas leader X", "Baku welcomed Y": a place receives;
      // a visit there, no meeting.
      int j = v - 1;
      while (j >= 0 && Skippable(s, j)) --j;
      if (j < 0 || PhoneCall(s) || Cancelled(s, v) || CancelledAfter(s, v)) return;
      for (const PlaceHit& p : s.places)
        if (p.last == j && !Possessive(s, j))
          for (const auto* g : guests)
            if (!Resident(g->full_name) && (nation || CountryOf(g->full_name))) AddVisit(g, &p, s, v);
      return;
    }
    Hosted(hosts, guests, s, v, true, from > v + 1 ? nation : std::nullopt);
  }

  // A noun of welcome at v after a light verb: "X gave a warm welcome (on
  // Thursday) to Y", "X gave Y a warm welcome", "Y was accorded a warm
  // reception by X".
  // The light verb of a reception noun at v ("gave ... a warm welcome"), or -1.
  int ReceptionVerb(const Sentence& s, int v) const {
    for (int k = v - 1; k >= 0 && v - k <= 8; --k) {
      if (s.cls[k] & kGive) return k;
      if (s.toks[k].kind == TokenKind::kPunct && s.low[k] != "-") break;
    }
    return -1;
  }

  void ReadReception(const Sentence& s, int v) {
    const int n = static_cast<int>(s.toks.size());
    const int g = ReceptionVerb(s, v);
    if (g < 0) return;
    std::vector<const text::PersonMention*> hosts, guests;
    int after = v + 1;
    while (after < n && after < v + 6 && s.low[after] != "to" && s.low[after] != "by" &&
           (Skippable(s, after) || s.toks[after].cap))
      ++after;
    if (after < n && s.low[after] == "by") {
      hosts = ObjectsOf(s, after + 1, after + 14);
      guests = SubjectsOf(s, g);
    } else {
      hosts = SubjectsOf(s, g);
      guests = GuestsFrom(s, g + 1, v);  // "gave Y a warm welcome"
      if (guests.empty() && after < n && s.low[after] == "to") guests = GuestsFrom(s, after + 1, after + 24);
    }
    if (!hosts.empty() && !guests.empty()) Hosted(hosts, guests, s, v, true);
  }

  // The place of a reception: a city or country after "in", "at" or "to"
  // following the people (token `from` on, over adjuncts: "at the Elysee
  // Palace in Paris"), else in a leading adverbial ("In Baku, X received
  // Y").
  const PlaceHit* HostPlace(const Sentence& s, int from) const {
    for (const PlaceHit& p : s.places) {
      int prep = p.first - 1;
      if (prep >= 0 && s.low[prep] == "the") --prep;
      if (prep < 0 || !(s.low[prep] == "in" || s.low[prep] == "at" || s.low[prep] == "to")) continue;
      if (Possessive(s, p.last)) continue;
      if (p.first < from) {
        if (p.last < AdverbialEnd(s)) return &p;
        continue;
      }
      if (p.first > from + 16) break;
      bool ok = true;
      int venue = 0;  // lower-case words of a venue: "at the presidential palace in Baku"
      for (int k = from; k < prep && ok; ++k) {
        const Token& t = s.toks[k];
        const std::string& w = s.low[k];
        if (w == "at") venue = 4;
        ok = t.cap || t.kind == TokenKind::kNumber || w == "," || w == "the" || w == "at" || w == "in" ||
             w == "on" || w == "to" || w == "of" || Skippable(s, k) || t_.titles.count(w) || t_.particles.count(w);
        if (!ok && venue > 0 && t.kind == TokenKind::kWord && !t_.function_words.count(w)) {
          ok = true;
          --venue;
        }
      }
      if (ok) return &p;
    }
    return nullptr;
  }

  // Whether a person's role says they live where they are received ("US
  // Ambassador X").
  bool Resident(const std::string& name) const {
    std::optional<std::string> role, country;
    ActorDetails(name, std::nullopt, &role, &country);
    if (!role) return false;
    const std::string folded = text::Fold(*role);
    size_t i = 0;
    while (i < folded.size()) {
      size_t j = folded.find(' ', i);
      if (j == std::string::npos) j = folded.size();
      if (ClassBits(t_, std::string_view(folded).substr(i, j - i)) & kResident) return true;
      i = j + 1;
    }
    return false;
  }

  // Guests received by hosts: each guest visits the place named, else the
  // host's country; a meeting between them unless `meeting` is false or
  // the welcome is an arrival ceremony ("at the airport").
  // A guest whose country nothing states may be the host's compatriot ("the
  // President received Minister X"): a meeting, but no visit. `nation` is
  // the guests' country when their group names it ("a Chinese delegation").
  void Hosted(const std::vector<const text::PersonMention*>& hosts,
              const std::vector<const text::PersonMention*>& guests, const Sentence& s, int v, bool meeting,
              const std::optional<std::string>& nation = std::nullopt) {
    // "X will not receive Y", "X received Y by video link".
    if (PhoneCall(s) || Cancelled(s, v) || CancelledAfter(s, v)) return;
    int from = v + 1;
    for (const auto* m : guests)
      if (m->span.begin > s.toks[v].begin) from = std::max(from, MentionEnd(s, TokenAfter(s, m->span.begin), m) + 1);
    for (const auto* m : hosts)
      if (m->span.begin > s.toks[v].begin) from = std::max(from, MentionEnd(s, TokenAfter(s, m->span.begin), m) + 1);
    const PlaceHit* where = HostPlace(s, from);
    std::string host;
    if (!where)
      for (const auto* h : hosts)
        if (const auto& c = CountryOf(h->full_name); c && host.empty()) host = *c;
    for (const auto* g : guests) {
      if (std::find(hosts.begin(), hosts.end(), g) != hosts.end() || IsPlaceName(g->full_name)) continue;
      if (Resident(g->full_name) || (!nation && !CountryOf(g->full_name))) continue;
      const size_t before = candidates_.size();
      AddVisit(g, where, s, v, host);
      for (size_t i = before; i < candidates_.size(); ++i)
        if (!candidates_[i].nation) candidates_[i].nation = nation;
    }
    bool ceremony = false;
    for (uint32_t c : s.cls) ceremony = ceremony || (c & kCeremony);
    // The host is at home where the guest is received (043), unless the
    // place is another country than the host's own.
    bool home = true;
    if (where)
      for (const auto* h : hosts)
        if (const auto& c = CountryOf(h->full_name); c && *c != where->entity->code) home = false;
    if (meeting && !ceremony && !Refused(s, v)) AddMeeting(guests, hosts, s, v, false, home);
  }

  // "visiting" used as an adjective before a person: after a determiner or
  // a possessive ("the visiting Turkish minister X", "Jordan's visiting
  // King Y"), or opening a sentence.
  bool Attributive(const Sentence& s, int v) const {
    const std::string& w = s.low[v];
    if (w.size() < 5 || w.compare(w.size() - 3, 3, "ing") != 0) return false;
    static const WordSet kDeterminers = {"the", "a", "an", "his", "her", "their", "its"};
    if (!(v == 0 || kDeterminers.has(s.low[v - 1]) || Possessive(s, v - 1) ||
          (v >= 2 && (s.low[v - 1] == "'s" || s.low[v - 1] == "\xE2\x80\x99s"))))
      return false;
    const auto who = ObjectsOf(s, v + 1, v + 8);
    return !who.empty() && TokenAfter(s, who[0]->span.begin) <= v + 6;
  }

  // The visitor a "visiting" describes: to the place the sentence names
  // after them ("met X in London"), else to the country of the person they
  // meet or who receives them.
  void ReadVisiting(const Sentence& s, int v) {
    const int n = static_cast<int>(s.toks.size());
    const auto who = ObjectsOf(s, v + 1, v + 8);
    if (who.empty() || !Known(who[0])) return;
    const text::PersonMention* guest = who[0];
    const int end = MentionEnd(s, TokenAfter(s, guest->span.begin), guest);
    // The verb of the clause: a meeting or a reception.
    int verb = -1;
    for (int k = end + 1; k < n && k <= end + 12 && verb < 0; ++k)
      if (!s.toks[k].cap && (s.cls[k] & (kMeet | kMeeting | kHost))) verb = k;
    std::vector<const text::PersonMention*> other;
    if (verb >= 0) {
      int from = verb + 1;
      if (from < n && (s.low[from] == "with" || s.low[from] == "by")) ++from;
      other = ObjectsOf(s, from, from + 20);
    }
    const PlaceHit* where = nullptr;
    for (const PlaceHit& p : s.places) {
      if (p.first <= end || Possessive(s, p.last)) continue;
      if (p.first > end + 14) break;  // the clause of the visitor, not a later one
      int prep = p.first - 1;
      if (s.low[prep] == "the") --prep;
      if (s.low[prep] == "in" || s.low[prep] == "at" || s.low[prep] == "to") {
        where = &p;
        break;
      }
    }
    std::string host;
    if (!where)
      for (const auto* o : other)
        if (const auto& c = CountryOf(o->full_name); c && host.empty()) host = *c;
    AddVisit(guest, where, s, verb >= 0 ? verb : v, host);
  }

  // The place a meeting trigger at v names in its own words: a city or
  // country after "in" or "at" ("meet X in Doha", "meet X at the Vatican",
  // "a meeting between A and B was held in Astana"), with only the
  // meeting's people, their titles, "with", "and", commas and time words
  // between ("meet Qatar's emir, Sheikh Tamim, in Doha"); not another clause
  // ("spoke about ... in Tunis").
  const PlaceHit* OwnPlace(const Sentence& s, int v) const {
    for (const PlaceHit& p : s.places) {
      if (p.first <= v || p.first > v + 24 || p.first < 2) continue;
      int prep = p.first - 1;
      if (s.low[prep] == "the") --prep;
      if (s.low[prep] != "in" && s.low[prep] != "at") continue;
      bool own = true;
      for (int k = v + 1; k < prep && own; ++k) {
        const Token& t = s.toks[k];
        const std::string& w = s.low[k];
        own = t.cap || t.kind == TokenKind::kNumber || w == "," || w == "with" || w == "and" || w == "the" ||
              w == "his" || w == "her" || w == "their" || t_.titles.count(w) || t_.role_nouns.count(w) ||
              t_.particles.count(w) || Skippable(s, k) || w == "\xE2\x80\x99s" || w == "'s" || w == "between" ||
              w == "held" || w == "took" || w == "place" ||
              // "met on the sidelines of the summit in Z".
              w == "sidelines" || w == "margins" || w == "margin" || w == "of" || w == "a" || w == "an" ||
              ((s.cls[k] & kMeeting) && !t.cap);
      }
      if (own) return &p;
    }
    // "In Doha, X met Y", "On the sidelines of the summit in Astana, X met
    // Y": the place that ends a leading adverbial.
    const int lead = AdverbialEnd(s);
    if (lead > 0 && lead - 1 < v &&
        (s.low[0] == "in" || s.low[0] == "at" || s.low[0] == "on" || s.low[0] == "during" || s.low[0] == "while"))
      for (const PlaceHit& p : s.places) {
        if (p.first >= lead) break;
        if (p.last == lead - 2 && !Possessive(s, p.last) &&
            (p.first <= 2 || s.low[p.first - 1] == "in" || s.low[p.first - 1] == "at"))
          return &p;
      }
    return nullptr;
  }

  // A visit implied by meeting `who` in `where` abroad.
  void AddImpliedVisit(const text::PersonMention* who, const PlaceHit* where, const MeetingCandidate& m, bool cue) {
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
  void AddMeeting(const std::vector<const text::PersonMention*>& subjects,
                  const std::vector<const text::PersonMention*>& objects, const Sentence& s, int v,
                  bool symmetric = false, bool hosted = false) {
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

  bool IsPlaceName(const std::string& name) const {
    return text::LookupPlace(name, t_.lang) || text::LookupDemonym(name, t_.lang) || text::LookupOrg(name, t_.lang);
  }

  // Role and country of a person from the article (a title anywhere), else
  // the office-holder table on the article's date.
  void ActorDetails(const std::string& name, const std::optional<std::string>& date, std::optional<std::string>* role,
                    std::optional<std::string>* country) const {
    for (const auto& m : people_.mentions) {
      if (m.full_name != name) continue;
      if (m.title.size() == 0) {
        // "Jordan's Abdullah II".
        if (!country->has_value()) *country = NationBefore(m.span.begin);
        continue;
      }
      std::string title(Slice(m.title.begin, m.title.end));
      if (!role->has_value()) *role = title;
      // A demonym or a country in the title: "Russian Foreign Minister",
      // "President of Kyrgyzstan", "Turkey’s president", "US Secretary of State".
      size_t i = 0;
      while (i < title.size() && !country->has_value()) {
        size_t j = title.find(' ', i);
        if (j == std::string::npos) j = title.size();
        std::string word = title.substr(i, j - i);
        if (word.size() > 4 && word.compare(word.size() - 4, 4, "\xE2\x80\x99s") == 0) word.resize(word.size() - 4);
        if (word.size() > 2 && word.compare(word.size() - 2, 2, "'s") == 0) word.resize(word.size() - 2);
        if (const auto* d = text::LookupDemonym(word, t_.lang)) *country = std::string(d->code);
        else if (const auto* p = text::LookupPlace(word, t_.lang); p && p->kind == text::EntityKind::kCountry)
          *country = std::string(p->code);
        i = j + 1;
      }
      // "Jordan's King Abdullah II", "Jordan's visiting King Abdullah II".
      if (!country->has_value()) *country = NationBefore(m.title.begin);
      if (country->has_value()) break;
    }
    const std::string when = date && (*date)[0] != 'X' ? *date : anchor_;
    if (const text::Office* o = text::OfficeOf(name, when)) {
      if (!country->has_value()) *country = std::string(o->country);
      if (!role->has_value()) *role = std::string(o->office);
    }
  }

  // The country a possessive names just before byte `start` ("Jordan's",
  // "Saudi Arabia's"), over an attributive "visiting"; else none.
  std::optional<std::string> NationBefore(uint32_t start) const {
    const size_t from = start > 60 ? start - 60 : 0;
    const std::string_view before = text_.substr(from, start - from);
    std::vector<std::string_view> words;  // the last words, last first
    size_t e = before.size();
    while (words.size() < 4) {
      while (e > 0 && before[e - 1] == ' ') --e;
      size_t b = e;
      while (b > 0 && before[b - 1] != ' ' && before[b - 1] != '\n') --b;
      if (b == e) break;
      words.push_back(before.substr(b, e - b));
      if (b == 0 || before[b - 1] == '\n') break;
      e = b;
    }
    size_t i = 0;
    if (i < words.size() && (words[i] == "visiting" || words[i] == "touring")) ++i;
    if (i >= words.size()) return std::nullopt;
    std::string_view w = words[i];
    if (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s") w.remove_suffix(4);
    else if (w.size() > 2 && w.substr(w.size() - 2) == "'s") w.remove_suffix(2);
    else return std::nullopt;
    for (int extra = 0; extra <= 1; ++extra) {
      std::string name;
      if (extra == 1) {
        if (i + 1 >= words.size()) break;
        name = std::string(words[i + 1]) + " ";
      }
      name += std::string(w);
      const text::Place* p = text::LookupPlace(name, t_.lang);
      if (p && p->kind == text::EntityKind::kCountry) return std::string(p->code);
    }
    return std::nullopt;
  }

  // A person's country on the article's date, computed once per name.
  const std::optional<std::string>& CountryOf(const std::string& name) const {
    auto it = country_of_.find(name);
    if (it != country_of_.end()) return it->second;
    std::optional<std::string> role, country;
    ActorDetails(name, std::nullopt, &role, &country);
    return country_of_.emplace(name, std::move(country)).first->second;
  }

  // Days between two full dates, or -1 when either is not a full date.
  static long DayGap(const std::optional<std::string>& a, const std::optional<std::string>& b) {
    if (!a || !b || a->size() != 10 || b->size() != 10 || (*a)[0] == 'X' || (*b)[0] == 'X') return -1;
    auto days = [](const std::string& d) {
      return civil::DaysFromCivil(std::stoi(d.substr(0, 4)), std::stoi(d.substr(5, 2)), std::stoi(d.substr(8, 2)));
    };
    return std::labs(static_cast<long>(days(*a) - days(*b)));
  }

  Events Merge() {
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
      kept.push_back(std::move(v));
    }
    out.visits = std::move(kept);
    std::vector<bool> hosted;  // by meeting: one side received the other
    for (MeetingCandidate& c : meeting_candidates_) {
      Meeting* same = nullptr;
      for (Meeting& m : out.meetings) {
        const bool people = (m.participants[0] == c.participants[0] && m.participants[1] == c.participants[1]) ||
                            (m.participants[0] == c.participants[1] && m.participants[1] == c.participants[0]);
        if (people && Compatible(m.date, c.date)) same = &m;
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
    }
    return out;
  }

  std::string_view text_;
  const LanguageTables& t_;
  std::string anchor_;
  text::PeopleIndex people_;
  std::vector<Sentence> sentences_;
  std::vector<Candidate> candidates_;
  std::vector<MeetingCandidate> meeting_candidates_;
  std::vector<bool> explicit_;
  int group_ = 0;
  std::vector<int> groups_;
  std::optional<PlaceHit> dateline_;
  std::vector<bool> present_;  // by visit index: the group it was first read in
  std::vector<std::optional<std::string>> nations_;  // by visit index: the country its list gave
  mutable std::unordered_map<std::string, std::optional<std::string>> country_of_;
};

}  // namespace

Events FindEvents(std::string_view text, std::string_view published, const text::LanguageTables& tables) {
  return FindEvents(text, published, tables, text::BuildTextLayer(text, tables));
}

Events FindEvents(std::string_view text, std::string_view published, const text::LanguageTables& tables,
                  const text::TextLayer& layer) {
  Finder f(text, published, tables);
  return f.Run(layer);
}

Events FindEvents(std::string_view text, std::string_view published, const text::LanguageTables& tables,
                  const text::TextLayer& layer, const syntax::DocumentSyntax* syntax) {
  (void)syntax;  // the finder's rules do not read trees yet
  return FindEvents(text, published, tables, layer);
}

}  // namespace attache::events
