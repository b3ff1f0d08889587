// Internal to the events stage: the Finder that reads one article's visits
// and meetings, shared by the rule files of this folder (ARCHITECTURE.md
// lists which file decides what). Each sentence is read for trigger words
// (tables' events.txt); a trigger's actors are found around it: the person
// or people before it (or a possessive, "Lavrov's visit"), the places after
// it (the gazetteer), the people after "with". Dates come from the
// sentence's time expressions, status from its wording and the date.
// Mentions of one trip are then merged.
#pragma once

#include "core/civil_date.h"
#include "events/events.h"

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

namespace attache::events::internal {

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
  kMeal = 1 << 21, kExpected = 1 << 22, kRefuse = 1 << 23, kAttend = 1 << 24, kAccompany = 1 << 25,
  kPostpone = 1 << 26, kNotPerson = 1 << 27, kConfer = 1 << 28, kPress = 1 << 29, kEvent = 1 << 30, kRelational = 1u << 31,
};

// The classes that make a sentence worth reading.
constexpr uint32_t kTriggers =
    kVisit | kArrive | kTravel | kTrip | kMeet | kMeeting | kHost | kReception | kLead | kExpected | kAttend | kEvent;

inline uint32_t ClassBits(const LanguageTables& t, std::string_view w) {
  static const std::pair<const char*, uint32_t> kNames[] = {
      {"visit", kVisit},       {"arrive", kArrive},     {"travel", kTravel},     {"be", kBe},
      {"trip", kTrip},         {"host", kHost},         {"meet", kMeet},         {"meeting", kMeeting},
      {"cancel", kCancel},     {"planned", kPlanned},   {"ongoing", kOngoing},   {"phone", kPhone},
      {"hold", kHold},         {"calloff", kCallOff},   {"reception", kReception}, {"give", kGive},
      {"ceremony", kCeremony}, {"resident", kResident}, {"lead", kLead},
      {"delegation", kDelegation}, {"happen", kHappen},     {"meal", kMeal},
      {"expected", kExpected}, {"refuse", kRefuse},     {"attend", kAttend},     {"accompany", kAccompany},
      {"postpone", kPostpone}, {"notperson", kNotPerson}, {"confer", kConfer}, {"press", kPress},
      {"event", kEvent}, {"relational", kRelational}};
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

// The place of sentence s that covers token k, or null.
inline const PlaceHit* PlaceOfToken(const Sentence& s, int k) {
  for (const PlaceHit& p : s.places)
    if (p.first <= k && k <= p.last) return &p;
  return nullptr;
}

// A sentence read on its tree: a word, its relation without the subtype,
// the events.txt classes of its token when written in lower case (0 for a
// capitalised one: "Visit" in a name is no trigger), the preposition of an
// obl or nmod and the place that covers a word.
struct OnTree {
  const Sentence& s;
  const syntax::Sentence& t;
  const syntax::Word& word(int i) const { return t.words[static_cast<size_t>(i)]; }
  std::string_view rel(int i) const { return syntax::Sentence::Base(word(i).deprel); }
  uint32_t cls(int i) const {
    const int k = word(i).token;
    return k >= 0 && k < static_cast<int>(s.toks.size()) && !s.toks[static_cast<size_t>(k)].cap
               ? s.cls[static_cast<size_t>(k)]
               : 0;
  }
  // The "case" child of word i, folded ("" when none).
  std::string prep(int i) const {
    const int c = t.Child(i, "case");
    return c >= 0 ? text::Fold(word(c).form) : std::string();
  }
  const PlaceHit* place(int i) const { return PlaceOfToken(s, word(i).token); }
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
  bool borrowed = false;  // the date is the trip's, not stated for the meeting
};

// Year-month-day strings compare as text when both are full dates.
inline bool Before(std::string_view a, std::string_view b) {
  const size_t n = std::min(a.size(), b.size());
  return n >= 4 && a.substr(0, n) < b.substr(0, n);
}

inline bool Compatible(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  if (!a || !b) return true;
  const size_t n = std::min(a->size(), b->size());
  return a->compare(0, n, *b, 0, n) == 0;
}

// Bounds on what one article can produce, so that hostile text stays cheap:
// merging compares candidates pairwise.
constexpr size_t kMaxCandidates = 2000;
// How many person mentions back "the president" may look for its person.
constexpr std::ptrdiff_t kDescriptionLookBack = 256;
// How many tokens after a meeting verb or its "with" a list of the people
// met may run ("with the ambassador of A, X, the ambassador of B, Y, and
// the head of C, Z").
constexpr int kListReach = 48;

inline EventCodes CodesFor(const std::string& status, bool meeting, bool third_place, bool place_known) {
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
  Events Run(const text::TextLayer& layer);
  // The document's parses, asked for sentence by sentence (may be null).
  void UseSyntax(const syntax::DocumentSyntax* syntax) { syntax_ = syntax; }

 private:
  std::string_view Slice(const Token& t) const { return text_.substr(t.begin, t.end - t.begin); }
  std::string_view Slice(uint32_t b, uint32_t e) const { return text_.substr(b, e - b); }
  bool IsPronoun(const Sentence& s, int k) const { return s.low[k] == "he" || s.low[k] == "she"; }

  // the driver (finder.cc)
  void FindDateline(const std::vector<text::Dateline>& datelines);
  bool DatelineAt(size_t b);
  void DatelineDay(uint32_t from, uint32_t to);
  void FindPlaces(Sentence* s) const;
  // "the Kenyan capital" at tokens [first, ...]: the token that ends it, else -1.
  const PlaceHit* CapitalOfTalks(const Sentence& s, int v) const;
  const text::Entity* CapitalReferredTo(const Sentence& s, int k) const;
  size_t CountWord(const std::string& w) const;
  std::vector<const PlaceHit*> CountedList(const Sentence& s, int from) const;
  int CapitalNoun(const Sentence& s, int first, int last, const text::Entity& country) const;

  // actors (actors.cc)
  const text::PersonMention* MentionAt(const Sentence& s, int k) const;
  const text::PersonMention* TitleAt(const Sentence& s, int k) const;
  int MentionEnd(const Sentence& s, int k, const text::PersonMention* m) const;
  bool Skippable(const Sentence& s, int k) const;
  std::vector<const text::PersonMention*> SubjectsOf(const Sentence& s, int v) const;
  std::vector<const text::PersonMention*> DirectSubjectsOf(const Sentence& s, int v) const;
  const text::PersonMention* NearestActor(const Sentence& s, int j) const;
  int AdverbialEnd(const Sentence& s, int before = 12) const;
  const text::PersonMention* ClauseSubject(const Sentence& s, int before) const;
  const text::PersonMention* ByDescription(const Sentence& s, int j) const;
  const text::PersonMention* LatterOrFormer(const Sentence& s, int j) const;
  const text::PersonMention* Salient(uint32_t pos) const;
  const text::PersonMention* OwnerOfNoun(const Sentence& s, int v) const;
  bool Known(const text::PersonMention* m) const;
  std::vector<const text::PersonMention*> SubjectsOfClause(const Sentence& s, int v) const;
  bool Possessive(const Sentence& s, int k) const;

  // objects of meeting and host verbs (objects.cc)
  std::vector<const text::PersonMention*> ObjectsOf(const Sentence& s, int from, int limit) const;
  std::vector<const text::PersonMention*> GuestsFrom(const Sentence& s, int from, int limit) const;

  // places (places.cc)
  std::vector<const PlaceHit*> PlacesFrom(const Sentence& s, int from, int max_gap) const;
  std::vector<PlaceHit> CountriesReferredTo(const Sentence& s, int k) const;
  const PlaceHit* HostPlace(const Sentence& s, int from) const;
  const PlaceHit* OwnPlace(const Sentence& s, int v) const;
  bool IsPlaceName(const std::string& name) const;

  // dates (dates.cc)
  bool InBoundClause(const Sentence& s, int v, int k) const;
  bool DatesAStatement(const Sentence& s, int v, int k) const;
  bool DatesASpeechOnTree(const Sentence& s, int v, int k) const;
  bool InOtherMarkedClause(const Sentence& s, int v, int k) const;
  std::optional<std::string> DateOf(const Sentence& s, int v) const;
  std::string FirstDayOf(const Sentence& s, const text::TimeExpr& d) const;
  static int TokenAfter(const Sentence& s, uint32_t pos);
  const text::TimeExpr* DateExprOf(const Sentence& s, int v) const;
  const text::TimeExpr* NextJoined(const Sentence& s, const text::TimeExpr& d,
                                   std::initializer_list<std::string_view> joins) const;
  std::string RangeEndOf(const Sentence& s, int v) const;
  std::optional<std::string> RespectiveDate(const Sentence& s, int v, const PlaceHit* where) const;

  // status, calls-off, phone calls (status.cc)
  std::string StatusOf(const Sentence& s, int v, const std::optional<std::string>& date, bool* explicit_cue) const;
  const syntax::Sentence* TreeOf(const Sentence& s) const;
  bool OutsideTriggerClause(const Sentence& s, int v, int k) const;
  std::string CopulaOf(const Sentence& s, int v) const;
  bool SubordinateClause(const Sentence& s, int v) const;
  bool TripBegunNow(const Sentence& s, int v) const;
  bool CallsOff(const Sentence& s, int k) const;
  bool Cancelled(const Sentence& s, int v) const;
  bool CancelledAfter(const Sentence& s, int v) const;
  int PredicateOfTrip(const Sentence& s, int v) const;
  bool Postponed(const Sentence& s, int v) const;
  bool PhoneCall(const Sentence& s, int v = -1) const;
  bool Refused(const Sentence& s, int v) const;
  bool Unrealised(const Sentence& s, int v, bool wishes = true) const;
  bool TalksTold() const;
  bool CounterpartElsewhere(const Sentence& s, int v, int with, const text::PersonMention* m) const;
  std::vector<const text::PersonMention*> Principals(const Sentence& s,
                                                     const std::vector<const text::PersonMention*>& side) const;

  // visit triggers (visits.cc)
  void AddVisit(const text::PersonMention* who, const PlaceHit* where, const Sentence& s, int v,
                std::string_view host_code = {});
  // A visit implied by being at `where` (part of a trip reported elsewhere,
  // if one is): only for a person whose country is known and another;
  // `once` skips one this sentence already gave.
  void AddVisitThere(const text::PersonMention* who, const PlaceHit* where, const Sentence& s, int v,
                     bool once = false);
  void VisitHosts(const std::vector<const text::PersonMention*>& who,
                  const std::vector<const text::PersonMention*>& hosts, const Sentence& s, int v);
  std::optional<std::string> ListNation(const Sentence& s, const text::PersonMention* who) const;
  void Read(const Sentence& s);
  void ReadCompanions(const Sentence& s);
  void ReadTree(const Sentence& s, size_t index);
  void ReadTripNouns(const Sentence& s, size_t index);
  enum class Tense { kUnknown, kFuture, kSimplePast, kPerfect, kProgressive };
  Tense TreeTense(const Sentence& s, int v, int* verb = nullptr) const;
  std::vector<const text::PersonMention*> MembersFrom(const Sentence& s, int from) const;
  void ReadAttendance(const Sentence& s, int v);
  void ReadAttendedBy(const Sentence& s, int v);
  void ReadEventsAbroad(const Sentence& s, size_t index);
  void ReadAccompanying(const Sentence& s, size_t index);
  void ReadVisitWithoutPlace(const Sentence& s, size_t index);
  void ReadPresence(size_t index);  // visits_presence.cc
  const text::PersonMention* PronounOwnerOnTree(const Sentence& s, int v) const;
  void ReadLegs(size_t index);  // visits_legs.cc
  void ReadBeingIn(const Sentence& s, const syntax::Sentence& t);
  void DateFromTripNouns(std::vector<Visit>* visits);  // visits_dated.cc
  std::vector<const text::PersonMention*> PeopleInPhrase(const Sentence& s, const syntax::Sentence& t, int w) const;

  // meeting triggers (meetings.cc)
  void ReadMeeting(const Sentence& s, int v);
  void ReadMeetingWords(const Sentence& s, int v);
  bool IsProgressive(const Sentence& s, int v) const;
  bool Apart(const Sentence& s) const;
  bool Urged(const Sentence& s, const text::PersonMention* m) const;
  void ListedAfter(const Sentence& s, int from, std::vector<const text::PersonMention*>* people,
                   int prep = -1) const;
  std::vector<const text::PersonMention*> PeopleListed(const Sentence& s, int from, int prep = -1) const;
  void DropApposedDescriptions(const Sentence& s, int from, std::vector<const text::PersonMention*>* people) const;
  bool Participant(const Sentence& s, const text::PersonMention* m) const;
  std::vector<const text::PersonMention*> Participants(const Sentence& s,
                                                       const std::vector<const text::PersonMention*>& people) const;
  void AddGroupMeeting(const std::vector<const text::PersonMention*>& people, const Sentence& s, int v);
  bool NeutralGround(const std::vector<const text::PersonMention*>& people, const PlaceHit* where,
                     const std::optional<std::string>& date) const;
  void AddImpliedVisit(const text::PersonMention* who, const PlaceHit* where, const MeetingCandidate& m, bool cue);
  void AddSides(const std::vector<const text::PersonMention*>& subjects,
                const std::vector<const text::PersonMention*>& objects, const Sentence& s, int v);
  void AddMeeting(const std::vector<const text::PersonMention*>& subjects,
                  const std::vector<const text::PersonMention*>& objects, const Sentence& s, int v,
                  bool symmetric = false, bool hosted = false);

  // meetings read on the tree (meetings_tree.cc)
  void ReadMeetingTree(const Sentence& s, size_t index);
  void DropFronted(const Sentence& s, const syntax::Sentence& t, int w, int v);
  bool CorrectPatterns(const Sentence& s, int v, const std::vector<const text::PersonMention*>& subjects,
                       const std::vector<const text::PersonMention*>& objects,
                       const std::vector<const text::PersonMention*>& group);
  const text::PersonMention* PersonOfWord(const Sentence& s, const syntax::Sentence& t, int w) const;
  std::vector<const text::PersonMention*> PeopleOfWord(const Sentence& s, const syntax::Sentence& t, int w) const;
  const text::PersonMention* VisitorDescribed(const Sentence& s, const syntax::Sentence& t, int w) const;
  std::vector<const text::PersonMention*> TreeSubjects(const Sentence& s, const syntax::Sentence& t, int h) const;
  // groups described, not named (meetings_groups.cc)
  std::vector<const text::PersonMention*> GroupDescribed(const Sentence& s, const syntax::Sentence& t, int w) const;

  // receptions and hosted visits (hosts.cc)
  void ReadHost(const Sentence& s, int v);
  int ReceptionVerb(const Sentence& s, int v) const;
  void ReadReception(const Sentence& s, int v);
  bool Resident(const std::string& name) const;
  void Hosted(const std::vector<const text::PersonMention*>& hosts,
              const std::vector<const text::PersonMention*>& guests, const Sentence& s, int v, bool meeting,
              const std::optional<std::string>& nation = std::nullopt);
  bool Attributive(const Sentence& s, int v) const;
  void ReadVisiting(const Sentence& s, int v);
  void VisitsOfTalksAtHome();
  bool CityOfClause(const Sentence& s, int v, int place) const;

  // roles and countries (roles.cc)
  void ActorDetails(const std::string& name, const std::optional<std::string>& date, std::optional<std::string>* role,
                    std::optional<std::string>* country) const;
  std::optional<std::string> NationBefore(uint32_t start) const;
  std::optional<std::string> AppositionNation(text::Span span, std::optional<std::string>* role) const;
  const std::optional<std::string>& CountryOf(const std::string& name) const;

  // merging (merge.cc)
  static long DayGap(const std::optional<std::string>& a, const std::optional<std::string>& b);
  bool EarlierTrip(const std::string& date) const;
  Events Merge();

  std::string_view text_;
  const LanguageTables& t_;
  std::string anchor_;
  text::PeopleIndex people_;
  std::vector<Sentence> sentences_;
  std::vector<Candidate> candidates_;
  std::vector<MeetingCandidate> meeting_candidates_;
  std::vector<bool> explicit_;
  const syntax::DocumentSyntax* syntax_ = nullptr;
  int group_ = 0;
  bool postponed_ = false;  // the trigger being read is of a trip put off: planned, its date unknown
  std::vector<int> groups_;
  std::optional<PlaceHit> dateline_;
  std::vector<bool> present_;  // by visit index: the group it was first read in
  std::vector<std::optional<std::string>> nations_;  // by visit index: the country its list gave
  mutable std::unordered_map<std::string, std::optional<std::string>> country_of_;
  std::unordered_map<std::string, std::optional<std::string>> dated_country_;  // AddVisitThere: name, date
};

}  // namespace attache::events::internal
