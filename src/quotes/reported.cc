// Reported speech in a sentence: a speech verb with its subject on the left
// and a clause on the right, frames before and after the content, trailing
// attributions (", X said.") and participles (", saying ...").
#include <algorithm>
#include <optional>
#include <string>

#include "quotes/finder.h"

namespace attache::quotes::internal {

// ------------------------------------------------------------ reported speech
// Whether `pos` lies in an accepted quotation or its attribution. Spans are
// in text order and do not overlap, so only the last few that open before
// `pos` can hold it.
bool Finder::InAccepted(uint32_t pos) const {
  auto it = std::upper_bound(spans_.begin(), spans_.end(), pos,
                             [](uint32_t p, const DirectSpan& d) { return p < d.open; });
  for (int back = 0; back < 3 && it != spans_.begin(); ++back) {
    --it;
    if (it->accepted && pos < std::max(it->close_end, it->attribution_end)) return true;
  }
  return false;
}

uint32_t Finder::ContentEnd(const Sentence& s, uint32_t b) const {
  uint32_t e = s.span.end;
  for (const DirectSpan& d : spans_)
    if (d.accepted && d.open >= b && d.open < e) e = d.open;
  return e;
}

void Finder::AddReported(uint32_t b, uint32_t e, const Subject& sub, std::optional<std::string> channel, std::string cue) {
  TrimContent(text_, &b, &e);
  if (e <= b || CountWords(Slice(text_, b, e)) < kMinReportedWords) return;
  // Quotes are found sentence by sentence, so only recent ones can overlap.
  for (size_t i = raw_.size(), seen = 0; i-- > 0 && seen < 16; ++seen)
    if (!(e <= raw_[i].begin || b >= raw_[i].end)) return;  // already covered
  RawQuote q;
  q.begin = b;
  q.end = e;
  // Content that is one quotation ("added that “the visit should ...”")
  // is a direct quotation.
  const std::string_view content = Slice(text_, b, e);
  for (const auto& [open, close] : t_.quote_marks) {
    if (content.size() > open.size() + close.size() + 8 && content.compare(0, open.size(), open) == 0) {
      std::string_view inner = content.substr(open.size());
      const size_t c = inner.find(close);
      const size_t rest = c == std::string_view::npos ? 0 : inner.size() - c - close.size();
      if (c != std::string_view::npos && rest <= 2 && inner.substr(0, c).find(open) == std::string_view::npos) {
        q.direct = true;
        q.begin = b + static_cast<uint32_t>(open.size());
        q.end = q.begin + static_cast<uint32_t>(c);
        break;
      }
    }
  }
  q.subject = sub;
  q.channel = std::move(channel);
  q.cue = std::move(cue);
  raw_.push_back(std::move(q));
}

// Whether the words from toks[c] read as a clause (they hold a finite verb:
// an auxiliary, a modal or a past form) rather than a noun phrase.
bool Finder::IsFinite(std::string_view w) {
  static const WordSet kFinite = {"is", "are", "was", "were", "will", "would", "could", "can", "may", "might",
                                  "must", "should", "shall", "has", "have", "had", "does", "did", "do", "isn't",
                                  "aren't", "wasn't", "won't", "wouldn't", "can't", "remains", "remain", "needs",
                                  "wants", "plans", "intends", "hopes", "expects", "believes"};
  return kFinite.has(w);
}

bool Finder::LooksLikeClause(const Sentence& s, int c) const {
  const int n = static_cast<int>(s.toks.size());
  for (int k = c; k < n && k < c + 16; ++k) {
    const Token& t = s.toks[k];
    if (t.kind == TokenKind::kQuote) return true;
    if (t.kind != TokenKind::kWord || t.cap) continue;
    const std::string& w = F(t);
    if (IsFinite(w)) return true;
    if (k > c + 1 && w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0) return true;
  }
  return false;
}

// Whether the tagger reads the sentence's first word as the start of a
// noun phrase (a determiner, noun, pronoun, adjective or number), not an
// adverbial (a preposition, adverb, subordinator or verb); false without a
// tagger.
bool Finder::NominalStart(const Sentence& s) const {
  if (!syn_) return false;
  const syntax::Sentence* tagged = syn_->Tagged(s.index);
  if (!tagged || tagged->size() == 0) return false;
  const std::string_view upos = tagged->words[0].upos;
  return upos == "DET" || upos == "NOUN" || upos == "PROPN" || upos == "PRON" || upos == "ADJ" || upos == "NUM";
}

bool Finder::IsPreposition(const Token& t) const {
  if (t.kind != TokenKind::kWord || t.cap) return false;
  static const WordSet kPreps = {"on", "in", "at", "during", "after", "before", "via", "while", "when",
                                 "ahead", "by", "from", "with", "to", "for", "about", "upon", "following"};
  return kPreps.has(F(t));
}

// Temporal and place adjuncts after a speech verb: "said here on
// Thursday", "said on Monday that", "said in a statement that".
int Finder::SkipAdjuncts(const Sentence& s, int c) const {
  const int n = static_cast<int>(s.toks.size());
  static const WordSet kAdverbs = {"here", "today", "yesterday", "tonight", "again", "also", "earlier",
                                   "later", "recently", "previously", "publicly", "separately"};
  static const WordSet kPreps = {"on", "in", "at", "during", "after", "before", "late", "early", "last",
                                 "this", "next", "via", "through", "by", "while", "when", "ahead"};
  static const WordSet kTime = {"week", "month", "year", "weekend", "morning", "afternoon", "evening", "night",
                                "day"};
  for (int guard = 0; guard < 4 && c < n; ++guard) {
    const std::string& w = F(s.toks[c]);
    // "said Tuesday": a bare weekday dates the statement.
    const auto day = t_.dates.weekdays.find(w);
    if (kAdverbs.has(w) || (day != t_.dates.weekdays.end() && day->second > 0)) {
      ++c;
      continue;
    }
    // "said Oct. 24": a capitalised month, its full stop and a day number.
    const std::string month = !w.empty() && w.back() == '.' ? w.substr(0, w.size() - 1) : w;
    if (s.toks[c].cap && t_.dates.months.count(month) && c + 1 < n) {
      int k = c + 1;
      if (IsPunct(s.toks[k], '.') && k + 1 < n) ++k;
      if (s.toks[k].kind == TokenKind::kNumber) {
        c = k + 1;
        continue;
      }
    }
    if (!kPreps.has(w)) break;
    // A preposition opens an adjunct: up to "that" within a few words, or
    // over capitalised words, numbers and time words.
    for (int k = c + 1; k < n && k < c + 10; ++k) {
      if (IsPunct(s.toks[k], ',') || IsPunct(s.toks[k], '.') || s.toks[k].kind == TokenKind::kQuote) break;
      // "said at the meeting they discussed that ...": a verb of the
      // content's own before "that"; the content starts at the preposition.
      if (IsWord(s.toks[k], "that")) return ClauseAfterAdjunct(s, c) ? c : k;  // the caller takes "that"
    }
    int k = c + 1;
    while (k < n && k < c + 5) {
      const Token& t = s.toks[k];
      const bool time = kTime.has(F(t));
      if (!(t.cap || t.kind == TokenKind::kNumber || time || IsPunct(t, ','))) break;
      if (IsPunct(t, ',') && !(k + 1 < n && s.toks[k + 1].kind == TokenKind::kNumber)) break;
      ++k;
    }
    if (k == c + 1) break;
    c = k;
  }
  return c;
}

// "at the meeting they discussed that ...": a preposition at toks[c], then
// a word the tagger reads as a verb before a "that" within a few words:
// the content's own clause, not an adjunct of the speech verb.
bool Finder::ClauseAfterAdjunct(const Sentence& s, int c) const {
  const int n = static_cast<int>(s.toks.size());
  if (!syn_ || c >= n || !IsPreposition(s.toks[c])) return false;
  int that = -1;
  for (int k = c + 1; k < n && k < c + 10 && that < 0; ++k) {
    if (IsPunct(s.toks[k], ',') || IsPunct(s.toks[k], '.') || s.toks[k].kind == TokenKind::kQuote) return false;
    if (IsWord(s.toks[k], "that")) that = k;
  }
  if (that < 0) return false;
  const syntax::Sentence* tagged = syn_->Tagged(s.index);
  if (!tagged) return false;
  for (int k = c + 1; k < that; ++k) {
    const int w = tagged->WordOfToken(k);
    if (w >= 0 && tagged->words[static_cast<size_t>(w)].upos == "VERB") return true;
  }
  return false;
}

// Whether the words from toks[c] to the end of the sentence are only an
// adjunct of the speech verb before them: "said during a news briefing.",
// "said in a statement published in Berlin this morning." (a preposition,
// then no finite verb, "that", comma or quotation).
bool Finder::AdjunctToEnd(const Sentence& s, int c) const {
  const int n = static_cast<int>(s.toks.size());
  if (c >= n || !IsPreposition(s.toks[c]) || IsWord(s.toks[c], "to") || IsWord(s.toks[c], "for")) return false;
  for (int k = c + 1; k < n; ++k) {
    const Token& t = s.toks[k];
    if (k - c > 12 || t.kind == TokenKind::kQuote || IsPunct(t, ',') || IsPunct(t, ':') || IsPunct(t, ';')) return false;
    if (IsPunct(t, '.')) return k + 1 >= n;
    if (t.kind == TokenKind::kWord && (IsWord(t, "that") || IsFinite(F(t)))) return false;
  }
  return true;
}

// Attributions are recorded in text order; only the last one starting at
// or before `pos` can hold it.
bool Finder::VerbUsed(uint32_t pos) const {
  auto it = std::upper_bound(used_.begin(), used_.end(), pos,
                             [](uint32_t p, const std::pair<uint32_t, uint32_t>& u) { return p < u.first; });
  return it != used_.begin() && pos < std::prev(it)->second;
}

// Reported speech in one sentence: at most one quote.
void Finder::Reported(const Sentence& s) {
  const int n = static_cast<int>(s.toks.size());
  if (n < 3) return;
  int frame_end = -1;
  std::optional<std::string> channel = ChannelOf(s, &frame_end);
  if (channel && frame_end > 0) {
    // "Speaking to the SABC, Pandor outlined ...": the speaker of what follows.
    Subject sub = ClauseSubject(s, n);
    // "political scientist Marta Zarina": a role noun before the name.
    for (int k = 0; sub.kind == SubjectKind::kDescription && k < n; ++k) {
      if (s.toks[k].begin < sub.span.end) continue;
      for (int e = k; e < n && e < k + 4; ++e) {
        const Subject named = SubjectEndingAt(s, e);
        if (named.kind == SubjectKind::kPerson && named.span.begin <= s.toks[k].begin) {
          sub = named;
          break;
        }
      }
      break;
    }
    if (sub.kind == SubjectKind::kPerson && sub.person) interview_ties_.emplace_back(sub.person, *channel);
    if (sub.kind == SubjectKind::kPerson) {
      pending_speaker_ = sub;
      pending_channel_ = channel;
      pending_para_ = ParaOf(s.span.begin);
    }
  }
  if (FrontedParticiple(s, channel)) return;
  if (SpeechVerb(s, channel, frame_end)) return;
  if (BeforeFrame(s, channel)) return;
  // ", X said on Monday, according to the agency": the speaker is X, the
  // agency the source of the report.
  if (TrailingAttribution(s, channel)) return;
  if (AfterFrame(s, channel)) return;
  if (Participle(s, channel)) return;
  // The tree rules: only a sentence with a speech cue is parsed, the cue
  // looked for once for both.
  if (!syn_ || !SpeechCue(s)) return;
  if (ToldAtInstitution(s)) return;
  ReportedOnTree(s, channel);
}

bool Finder::SpeechVerb(const Sentence& s, const std::optional<std::string>& channel, int frame_end) {
  const int n = static_cast<int>(s.toks.size());
  for (int v = 1; v < n; ++v) {
    const Token& vt = s.toks[v];
    if (vt.kind != TokenKind::kWord || vt.cap || InAccepted(vt.begin) || VerbUsed(vt.begin)) continue;
    VerbClass vc = t_.verb(F(vt));
    // "The press office reports that ...": a reporting verb with "that"
    // after an institution or a description that is no news outlet.
    const bool reporting = vc == VerbClass::kNone && t_.trailing_verbs.count(F(vt)) > 0;
    if (reporting) vc = VerbClass::kSayThat;
    if (vc == VerbClass::kNone || vc == VerbClass::kIng) continue;
    // The tagger's and the tree's readings of the verb (TaggedNotVerb,
    // PassiveOnTree) are asked last, where the words read an attribution.
    const Subject sub = SubjectOf(s, v, frame_end > 0 && frame_end < v ? frame_end : 0);
    if (sub.kind == SubjectKind::kNone || ModifierOfNoun(s, sub, v) || NamesOutlet(s, sub)) continue;
    if (reporting && (sub.kind != SubjectKind::kInstitution || !ReportingSubject(s, sub))) continue;
    int c = v + 1;
    if (c < n && (IsWord(s.toks[c], "out") || IsWord(s.toks[c], "up"))) ++c;
    // Parenthetical: ", the analyst suggests, CONTENT".
    int before_sub = -1;
    for (int k = v - 1; k >= 0; --k)
      if (s.toks[k].end <= std::min(sub.span.begin, sub.start)) {
        before_sub = k;
        break;
      }
    // ", she said, adding that ...": a participle after the comma; the
    // attribution closes the content before it.
    if (c + 1 < n && IsPunct(s.toks[c], ',') && before_sub >= 0 && IsPunct(s.toks[before_sub], ',') &&
        t_.verb(F(s.toks[c + 1])) == VerbClass::kIng)
      continue;
    // The content is the whole sentence, the attribution inside it ("The
    // agreement, Tamm said, will be signed"): it starts where the sentence
    // does.
    // A leading adverbial ("In a post on X, the minister said, ...") is no
    // part of it.
    if (c < n && IsPunct(s.toks[c], ',') && before_sub >= 0 && IsPunct(s.toks[before_sub], ',')) {
      if (TaggedNotVerb(s, v) || PassiveOnTree(s, v)) continue;
      const uint32_t b = NominalStart(s) ? ClauseStart(s, s.toks[before_sub].begin) : s.toks[c].end;
      AddReported(b, ContentEnd(s, s.toks[c].end), sub, channel, std::string(W(vt)));
      return true;
    }
    std::optional<std::string> ch = channel;
    if (vc == VerbClass::kTell) {
      const int start = c;
      while (c < n && c - start < 10 && !IsWord(s.toks[c], "that") && !IsPunct(s.toks[c], ',') &&
             !IsPunct(s.toks[c], ':') && !IsPunct(s.toks[c], '.') && s.toks[c].kind != TokenKind::kQuote)
        ++c;
      if (c > start)
        if (auto outlet = OutletOf(s, start, c)) ch = outlet;
    }
    const int after_verb = c;
    c = SkipAdjuncts(s, c);
    bool that = false;
    if (c < n && IsWord(s.toks[c], "that")) {
      that = true;
      ++c;
    }
    if (c >= n) continue;
    if (!that && vc == VerbClass::kSayThat) continue;
    // "..., Kazakbaev said during a briefing." / "..., his office said
    // yesterday, ...": the attribution closes content before it.
    const bool trailing_position = before_sub >= 0 && IsPunct(s.toks[before_sub], ',');
    if (!that && trailing_position &&
        (c != after_verb || IsPunct(s.toks[c], ',') || IsPunct(s.toks[c], '.') ||
         (IsPreposition(s.toks[c]) && !ClauseAfterAdjunct(s, c))))
      continue;
    // "..., Foreign Minister of the republic Ruslan Kazakbaev said during a
    // briefing.": an attribution after a comma, with words between the
    // comma and the name, still closes the content before it.
    if (!that && AdjunctToEnd(s, after_verb)) {
      bool comma_before = false;
      for (int k = v - 1; k >= 0 && k >= v - 14 && !comma_before; --k) comma_before = IsPunct(s.toks[k], ',');
      if (comma_before) continue;
    }
    // "stated it on February 24": an object, not a clause.
    if (!that && c + 1 < n && (IsWord(s.toks[c], "it") || IsWord(s.toks[c], "so")) &&
        (IsPreposition(s.toks[c + 1]) || IsPunct(s.toks[c + 1], ',') || IsPunct(s.toks[c + 1], '.')))
      continue;
    if (!that && IsPunct(s.toks[c], ',')) {
      // "Mr Lal said, India has ...": a clause after the comma, not a
      // quotation.
      if (c + 1 < n && s.toks[c + 1].kind != TokenKind::kQuote && CountWords(Slice(text_, s.toks[c].end, s.span.end)) >= 4)
        ++c;
      else
        continue;
    } else if (!that && (IsPunct(s.toks[c], '.') || IsPunct(s.toks[c], ':') || s.toks[c].kind == TokenKind::kQuote)) {
      continue;  // attribution of a quotation, handled with the quotation
    }
    if (!that && c < n && (IsWord(s.toks[c], "to") || IsWord(s.toks[c], "about") || IsWord(s.toks[c], "of")))
      continue;  // "told him to leave", "spoke about"
    // "confirmed the trip on Friday": an object, not a clause. Plain
    // reporting verbs ("said", "told") take a clause whatever follows.
    static const WordSet kPlain = {"said", "says", "say", "told", "tells", "tell", "added", "adds",
                                   "stated", "states", "noted", "notes"};
    if (!that && !kPlain.has(F(vt)) && !LooksLikeClause(s, c)) continue;
    // "stressed the importance of ...", "announced the forthcoming visit":
    // the tree reads the words after the verb as its object, not a clause.
    // A plain reporting verb takes a clause the tree may misread as an
    // object ("said the minister, X, is in Cuba"): only a noun object that
    // runs to the sentence's end is a topic ("noted the importance of ...").
    if (TaggedNotVerb(s, v) || PassiveOnTree(s, v)) continue;
    if (!that && TopicObject(s, v, c, kPlain.has(F(vt)))) continue;
    // "said, welcoming the guests: Hello, ...", "stated in turn: ...": an
    // adjunct that a colon closes is not content; what follows it is.
    if (!that)
      for (int k = c; k < n - 4 && k < c + 8; ++k) {
        if (s.toks[k].kind == TokenKind::kQuote || IsWord(s.toks[k], "that")) break;
        if (IsPunct(s.toks[k], ':')) {
          c = k + 1;
          break;
        }
      }
    const uint32_t b = s.toks[c].begin;
    AddReported(b, ContentEnd(s, b), sub, ch, std::string(W(vt)));
    return true;
  }
  return false;
}

bool Finder::BeforeFrame(const Sentence& s, const std::optional<std::string>& channel) {
  const int n = static_cast<int>(s.toks.size());
  for (int i = 0; i < n; ++i) {
    if (InAccepted(s.toks[i].begin)) continue;
    if (i > 2 && !IsPunct(s.toks[i - 1], ',')) continue;
    for (const text::Frame& f : t_.frames) {
      if (f.kind != text::FrameKind::kBefore) continue;
      Span slot;
      const int k = MatchFrame(s, i, f, &slot, n);
      if (k < 0 || k >= n) continue;
      // A frame that closes the sentence introduces nothing.
      if (CountWords(Slice(text_, s.toks[k].begin, s.span.end)) < kMinReportedWords) continue;
      Subject sub;
      if (slot.size() > 0) {
        sub = SlotSubject(s, slot);
      } else {
        sub.kind = SubjectKind::kPronoun;  // "in his words"
        sub.span = {s.toks[i].begin, s.toks[k - 1].end};
      }
      // "According to the news agency X, ...": an outlet relays a fact.
      if (sub.kind == SubjectKind::kNone || NamesOutlet(s, sub)) continue;
      const uint32_t b = s.toks[k].begin;
      AddReported(b, ContentEnd(s, b), sub, channel, std::string(Slice(text_, s.toks[i].begin, s.toks[k - 1].end)));
      return true;
    }
  }
  return false;
}

// The start of the content that a sentence-final attribution closes: the
// sentence start, or the end of an accepted quotation before it.
uint32_t Finder::ClauseStart(const Sentence& s, uint32_t limit) const {
  uint32_t b = s.span.begin;
  for (const DirectSpan& d : spans_)
    if (d.accepted && d.close_end > b && d.close_end <= limit) b = std::max(d.close_end, d.attribution_end);
  return b;
}

bool Finder::AfterFrame(const Sentence& s, const std::optional<std::string>& channel) {
  const int n = static_cast<int>(s.toks.size());
  // The frames this rule reads (a few of the table's), picked once per
  // document (after_frames_). ", SPEAKER said" is a trailing attribution's;
  // longer frames after a slot ("..., X was quoted as saying") are read here.
  if (after_frames_.empty()) return false;
  for (int i = 1; i < n; ++i) {
    for (const text::Frame* fp : after_frames_) {
      const text::Frame& f = *fp;
      Span slot;
      const int k = MatchFrame(s, i, f, &slot, n);
      if (k < 0 || slot.size() == 0) continue;
      if (k < n && !(IsPunct(s.toks[k], '.') || IsPunct(s.toks[k], ',') || IsPunct(s.toks[k], '('))) continue;
      // "“...,” Aydin said after the meeting, according to the press
      // service": the source of a report already attributed.
      if (VerbUsed(s.toks[i].begin)) continue;
      // "..., the agency reported on Monday, citing X": an outlet that
      // relays a fact; no statement of X's.
      bool relayed = false;
      for (int k = i - 1; k >= 0 && k >= i - 8 && !IsPunct(s.toks[k], ','); --k)
        relayed = relayed || (s.toks[k].kind == TokenKind::kWord && t_.trailing_verbs.count(F(s.toks[k])) > 0);
      if (relayed) continue;
      // "..., according to the Japanese News Agency": a news outlet relays.
      const Subject sub = SlotSubject(s, slot);
      if (sub.kind == SubjectKind::kNone || NamesOutlet(s, sub)) continue;
      AddReported(ClauseStart(s, s.toks[i].begin), s.toks[i].begin, sub, channel,
                  std::string(Slice(text_, s.toks[i + 1].begin, s.toks[k - 1].end)));
      return true;
    }
  }
  return false;
}

// "CONTENT, Turkey’s president said Friday." / "CONTENT, said Troy
// Stangarone, senior director ..." / "CONTENT, he said."
bool Finder::TrailingAttribution(const Sentence& s, const std::optional<std::string>& channel) {
  const int n = static_cast<int>(s.toks.size());
  int commas = 0;
  for (int c = n - 2; c >= 2 && commas < 3; --c) {
    if (!IsPunct(s.toks[c], ',')) continue;
    ++commas;
    if (InAccepted(s.toks[c].begin)) return false;
    // SUBJ [aux] VERB within the next few tokens.
    for (int v = c + 1; v < n && v <= c + 14; ++v) {
      if (IsPunct(s.toks[v], ',')) break;
      const Token& vt = s.toks[v];
      if (vt.kind != TokenKind::kWord || vt.cap) continue;
      const VerbClass vc = t_.verb(F(vt));
      const bool trailing_verb = t_.trailing_verbs.count(F(vt)) > 0;
      if ((vc == VerbClass::kNone && !trailing_verb) || vc == VerbClass::kIng) continue;
      if (TaggedNotVerb(s, v)) continue;
      Subject sub = SubjectOf(s, v, c + 1);
      // "..., NATO said.", "..., the United Nations announced.": a name the
      // word patterns do not read, the tree's subject between comma and verb.
      if (sub.kind == SubjectKind::kNone) sub = TreeSubjectBetween(s, c, v);
      if (ModifierOfNoun(s, sub, v)) break;
      // "..., Kanyi Daily reported.": an outlet is not a speaker.
      if ((trailing_verb && !ReportingSubject(s, sub)) || NamesOutlet(s, sub)) break;
      // VERB SUBJ: the name follows the verb, not a preposition ("said for
      // Xi Central Asia is ...").
      if (sub.kind == SubjectKind::kNone && v == c + 1 && !trailing_verb && v + 1 < n &&
          !IsPreposition(s.toks[v + 1])) {
        // VERB SUBJ: "said Carnegie's Paal", "said Troy Stangarone, ..."
        int e = v + 1;
        while (e + 1 < n && s.toks[e + 1].kind == TokenKind::kWord && s.toks[e + 1].cap) ++e;
        sub = SubjectEndingAt(s, e);
        if (sub.kind == SubjectKind::kPerson && e + 2 < n && IsPunct(s.toks[e + 1], ',')) {
          // An appositive after the name is its role.
          int a = e + 2;
          int end = a;
          while (end < n && !IsPunct(s.toks[end], ',') && !IsPunct(s.toks[end], '.')) ++end;
          if (a < end && (IsWord(s.toks[a], "a") || IsWord(s.toks[a], "an") || IsWord(s.toks[a], "the"))) ++a;
          if (a < end) sub.role = std::string(Slice(text_, s.toks[a].begin, s.toks[end - 1].end));
        }
      }
      if (sub.kind == SubjectKind::kNone) break;
      // What follows the verb is only an adjunct, not new content.
      const int after = SkipAdjuncts(s, v + 1);
      const bool ends = after >= n || IsPunct(s.toks[after], '.') || IsPunct(s.toks[after], ',');
      bool adjunct_tail = after < n && vc != VerbClass::kSayThat && IsPreposition(s.toks[after]) &&
                                !IsWord(s.toks[after], "to") && !IsWord(s.toks[after], "for");
      // "..., official sources told Dawn.": the object of a verb of telling
      // that runs to the sentence's end is the outlet told.
      std::optional<std::string> told = channel;
      if (!ends && !adjunct_tail && vc == VerbClass::kTell && v + 1 < n) {
        int e = n;
        while (e > v + 1 && s.toks[e - 1].kind == TokenKind::kPunct) --e;
        // Not a person told: a name with a title or a fuller form.
        const text::PersonMention* m = e > v + 1 ? MentionEndingIn(s.toks[e - 1]) : nullptr;
        const bool person = m && (m->title.size() > 0 || m->full_name.find(' ') != std::string::npos);
        if ((e == n || IsPunct(s.toks[e], '.')) && e > v + 1 && !person) {
          if (auto outlet = OutletOf(s, v + 1, e)) {
            told = outlet;
            adjunct_tail = true;
          } else {
            // "..., X told reporters.", "told a regular news conference":
            // lower-case words ending in an audience, no outlet.
            bool audience = t_.audience.count(F(s.toks[e - 1])) > 0;
            for (int w = v + 1; w < e && audience; ++w)
              audience = s.toks[w].kind == TokenKind::kWord && !s.toks[w].cap;
            adjunct_tail = audience;
          }
        }
      }
      if (!ends && !adjunct_tail && v != c + 1) break;
      AddReported(ClauseStart(s, s.toks[c].begin), s.toks[c].begin, sub, told, std::string(W(vt)));
      return true;
    }
  }
  return false;
}

// The subject of a reporting verb ("the ministry reported"): an
// institution that is not a news outlet, a description, a pronoun or a
// titled person; not "Kanyi Daily", "the Saudi Press Agency".
bool Finder::ReportingSubject(const Sentence& s, const Subject& sub) const {
  if (sub.kind == SubjectKind::kNone || (sub.kind == SubjectKind::kPerson && !sub.role)) return false;
  return !NamesOutlet(s, sub);
}

// "official news agency IRNA said", "the newspaper said": a news outlet
// relays; it is no speaker. A person's role is left aside ("Radio Sava's
// director Ana Ruiz said").
bool Finder::NamesOutlet(const Sentence& s, const Subject& sub) const {
  if (sub.kind == SubjectKind::kNone || sub.kind == SubjectKind::kPronoun) return false;
  const uint32_t b = std::min(sub.start ? sub.start : sub.span.begin, sub.span.begin);
  const uint32_t e = sub.kind == SubjectKind::kPerson && sub.person && sub.person->title.size() > 0
                         ? sub.person->title.begin
                         : sub.span.end;
  for (const Token& t : s.toks)
    if (t.begin >= b && t.end <= e && t.kind == TokenKind::kWord && t_.outlet_heads.count(F(t))) return true;
  return false;
}

// "..., saying (that) CONTENT": the participle's subject is the clause's.
bool Finder::Participle(const Sentence& s, const std::optional<std::string>& channel) {
  const int n = static_cast<int>(s.toks.size());
  for (int v = 2; v + 1 < n; ++v) {
    if (!IsPunct(s.toks[v - 1], ',') || t_.verb(F(s.toks[v])) != VerbClass::kIng) continue;
    const Subject sub = ClauseSubject(s, v);
    if (sub.kind == SubjectKind::kNone) return false;
    int c = v + 1;
    if (IsWord(s.toks[c], "that")) ++c;
    if (c >= n) return false;
    // ", emphasising the importance of ...": a topic, not content.
    if (c == v + 1 && TopicObject(s, v, c, true)) return false;
    const uint32_t b = s.toks[c].begin;
    AddReported(b, ContentEnd(s, b), sub, channel, std::string(W(s.toks[v])));
    return true;
  }
  return false;
}

// Whether the tree reads toks[c] as inside the noun object of the verb at
// toks[v], with no clausal complement: a topic, not reported content.
bool Finder::TopicObject(const Sentence& s, int v, int c, bool to_end) const {
  if (!syn_) return false;
  const syntax::Sentence* t = syn_->Get(s.index);
  if (!t) return false;
  const int w = t->WordOfToken(v);
  const int cw = t->WordOfToken(c);
  if (w < 0 || cw < 0) return false;
  int obj = -1;
  for (int ch : t->Children(w)) {
    const std::string_view rel = syntax::Sentence::Base(t->words[static_cast<size_t>(ch)].deprel);
    if (rel == "ccomp" || rel == "parataxis") return false;
    if (rel == "obj" && t->words[static_cast<size_t>(ch)].upos == "NOUN") obj = ch;
  }
  if (obj < 0) return false;
  const syntax::WordRange r = t->Subtree(obj);
  if (to_end)
    for (int k = r.last + 1; k < t->size(); ++k)
      if (t->words[static_cast<size_t>(k)].upos != "PUNCT") return false;
  return r.first <= cw && cw <= r.last;
}

}  // namespace attache::quotes::internal
