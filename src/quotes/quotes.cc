// Quotation finding. The text is read paragraph by paragraph:
//   1. quotation-mark spans are found (forgiving of pages that close a
//      quotation with the opening mark, or never close it);
//   2. each span long enough to be a statement looks for its speaker after
//      the closing mark (", Tkachenko said.") or before the opening mark
//      ("He says that ...: “...");
//   3. each sentence is searched for reported speech: frames ("According to
//      X,", ", according to X.", "in his words,") and speech verbs with a
//      subject on their left;
//   4. in text order, subjects are resolved: names to full names, pronouns
//      and descriptions to the last speaker, institutions as named.
#include "quotes/quotes.h"

#include <algorithm>
#include <optional>
#include <string>

#include "text/names.h"
#include "text/text.h"

namespace attache::quotes {

namespace {

using text::LanguageTables;
using text::Span;
using text::Token;
using text::TokenKind;
using text::VerbClass;

constexpr int kMinDirectWords = 4;   // shorter quoted spans are scare quotes or titles
constexpr int kMinReportedWords = 3;

enum class SubjectKind { kNone, kPerson, kPronoun, kDescription, kInstitution, kPrevious };

struct Subject {
  SubjectKind kind = SubjectKind::kNone;
  Span span;                         // the subject as written
  const text::PersonMention* person = nullptr;
  std::optional<std::string> role;   // title, appositive or description
};

struct RawQuote {
  uint32_t begin = 0, end = 0;  // content
  bool direct = false;
  Subject subject;
  std::optional<std::string> channel;
  std::string cue;
};

struct DirectSpan {
  uint32_t open = 0, begin = 0, end = 0, close_end = 0;  // mark, content, content end, after closing mark
  bool closed = false;
  bool accepted = false;
};

std::string_view Slice(std::string_view text, uint32_t b, uint32_t e) { return text.substr(b, e - b); }

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Trims spaces and the punctuation that frames content (":", ",", quote
// marks left open) from both ends of [b, e).
void TrimContent(std::string_view text, uint32_t* b, uint32_t* e) {
  while (*b < *e && (IsSpace(text[*b]) || text[*b] == ',' || text[*b] == ':')) ++*b;
  while (*e > *b && (IsSpace(text[*e - 1]) || text[*e - 1] == ':' || text[*e - 1] == ',')) --*e;
}

int CountWords(std::string_view s) {
  int words = 0;
  bool in = false;
  for (char c : s) {
    const bool sp = IsSpace(c);
    if (!sp && !in) ++words;
    in = !sp;
  }
  return words;
}

// ---------------------------------------------------------------- marks

struct MarkAt {
  uint32_t pos, len;
  int pair;         // index into tables.quote_marks
  bool can_open, can_close;
};

bool IsLetterByte(std::string_view t, size_t i) {
  if (i >= t.size()) return false;
  const auto c = static_cast<unsigned char>(t[i]);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Quotation marks in [b, e), with whether each may open or close by its
// surroundings.
std::vector<MarkAt> FindMarks(std::string_view text, uint32_t b, uint32_t e, const LanguageTables& tables) {
  std::vector<MarkAt> marks;
  for (uint32_t i = b; i < e;) {
    int found = -1;
    uint32_t len = 0;
    for (size_t k = 0; k < tables.quote_marks.size(); ++k) {
      for (const std::string* m : {&tables.quote_marks[k].first, &tables.quote_marks[k].second}) {
        if (m->size() > len && text.compare(i, m->size(), *m) == 0) {
          found = static_cast<int>(k);
          len = static_cast<uint32_t>(m->size());
        }
      }
    }
    if (found < 0) {
      ++i;
      continue;
    }
    const bool space_before = i == b || IsSpace(text[i - 1]) || text[i - 1] == '(' || text[i - 1] == '[';
    const bool space_after = i + len >= e || IsSpace(text[i + len]);
    const std::string_view m = text.substr(i, len);
    const bool single = m == "'" || m == "\xE2\x80\x99" || m == "\xE2\x80\x98" || m == "\xE2\x80\x9A";
    MarkAt mk{i, len, found, !space_after, !space_before || i + len >= e || space_after};
    if (single) {
      // Apostrophes inside or at the end of words are not quotation marks.
      const bool letter_before = i > b && IsLetterByte(text, i - 1);
      const bool letter_after = IsLetterByte(text, i + len);
      if (letter_before && letter_after) {
        i += len;
        continue;
      }
      mk.can_open = space_before && letter_after;
      mk.can_close = letter_before && !letter_after;
      if (!mk.can_open && !mk.can_close) {
        i += len;
        continue;
      }
    }
    marks.push_back(mk);
    i += len;
  }
  return marks;
}

bool IsSingleMark(std::string_view m) {
  return m == "'" || m == "\xE2\x80\x99" || m == "\xE2\x80\x98" || m == "\xE2\x80\x9A";
}

std::vector<DirectSpan> FindSpans(std::string_view text, Span para, const LanguageTables& tables) {
  std::vector<DirectSpan> spans;
  const std::vector<MarkAt> marks = FindMarks(text, para.begin, para.end, tables);
  int open = -1;  // index into marks
  for (size_t k = 0; k < marks.size(); ++k) {
    const MarkAt& m = marks[k];
    const std::string_view ms = text.substr(m.pos, m.len);
    if (open < 0) {
      const bool is_opener = ms == tables.quote_marks[m.pair].first || ms == "\"" || ms == "'";
      if (is_opener && m.can_open) open = static_cast<int>(k);
      continue;
    }
    const MarkAt& o = marks[open];
    const std::string_view os = text.substr(o.pos, o.len);
    // Inside double quotes, single quotes are nested quotations.
    if (IsSingleMark(ms) && !IsSingleMark(os)) continue;
    const std::string& closer = tables.quote_marks[o.pair].second;
    const bool matches = ms == closer || ms == os;
    if (!matches) continue;
    if (m.can_close || (!m.can_open)) {
      spans.push_back({o.pos, o.pos + o.len, m.pos, m.pos + m.len, true, false});
      open = -1;
    } else {
      // An opening-shaped mark while a quotation is open: the open one was
      // never closed; a new one starts here.
      spans.push_back({o.pos, o.pos + o.len, m.pos, m.pos, false, false});
      open = static_cast<int>(k);
    }
  }
  if (open >= 0) {
    const MarkAt& o = marks[open];
    spans.push_back({o.pos, o.pos + o.len, para.end, para.end, false, false});
  }
  for (DirectSpan& s : spans) {
    uint32_t b = s.begin, e = s.end;
    while (b < e && IsSpace(text[b])) ++b;
    while (e > b && IsSpace(text[e - 1])) --e;
    s.begin = b;
    s.end = e;
  }
  return spans;
}

// ---------------------------------------------------------------- sentences

struct Sentence {
  Span span;
  std::vector<Token> toks;
};

class Finder {
 public:
  Finder(std::string_view text, const LanguageTables& tables) : text_(text), t_(tables) {}

  std::vector<Quote> Run() {
    const std::vector<Span> sentence_spans = text::SplitSentences(text_, t_);
    people_ = text::FindPeople(text_, sentence_spans, t_);
    sentences_.reserve(sentence_spans.size());
    for (const Span& s : sentence_spans) sentences_.push_back({s, text::Tokenize(text_, s)});
    // Paragraphs.
    uint32_t p = 0;
    std::vector<Span> paras;
    while (p < text_.size()) {
      size_t q = text_.find("\n\n", p);
      if (q == std::string_view::npos) q = text_.size();
      paras.push_back({p, static_cast<uint32_t>(q)});
      p = static_cast<uint32_t>(q + 2);
    }
    for (size_t i = 0; i < paras.size(); ++i) Paragraph(paras[i], i > 0 && ParagraphHadQuote(paras[i - 1]));
    std::sort(raw_.begin(), raw_.end(), [](const RawQuote& a, const RawQuote& b) { return a.begin < b.begin; });
    return Resolve();
  }

 private:
  std::string_view W(const Token& t) const { return Slice(text_, t.begin, t.end); }
  std::string F(const Token& t) const { return text::Fold(W(t)); }
  bool IsWord(const Token& t, std::string_view w) const { return t.kind == TokenKind::kWord && F(t) == w; }
  bool IsPunct(const Token& t, char c) const {
    return t.kind == TokenKind::kPunct && t.end - t.begin == 1 && text_[t.begin] == c;
  }

  bool ParagraphHadQuote(Span para) const {
    for (const RawQuote& q : raw_)
      if (q.begin >= para.begin && q.begin < para.end) return true;
    return false;
  }

  // Words that may stand between a subject and its verb.
  bool IsSkippable(const Token& t) const {
    if (t.kind != TokenKind::kWord) return false;
    const std::string w = F(t);
    static const char* const kSkip[] = {"also", "further", "again", "then", "later", "earlier", "previously",
                                        "once", "not", "never", "did", "does", "do", "has", "have", "had",
                                        "will", "would", "could", "can", "may", "might", "must", "should",
                                        "to", "fail", "failed", "already", "still", "even", "himself",
                                        "herself", "today", "yesterday", "recently", "repeatedly", "reportedly",
                                        "however", "nevertheless", "meanwhile", "separately", "too", "is", "was"};
    for (const char* s : kSkip)
      if (w == s) return true;
    return w.size() > 4 && w.compare(w.size() - 2, 2, "ly") == 0;  // adverbs: bluntly, publicly
  }

  // The subject whose last token is toks[j], if any.
  Subject SubjectEndingAt(const Sentence& s, int j) const {
    Subject sub;
    if (j < 0) return sub;
    const Token& t = s.toks[j];
    if (t.kind != TokenKind::kWord) return sub;
    const std::string w = F(t);
    if (t_.pronouns.count(w) && (w == "he" || w == "she")) {
      sub.kind = SubjectKind::kPronoun;
      sub.span = {t.begin, t.end};
      return sub;
    }
    // A person mention that ends at this token.
    for (const auto& m : people_.mentions) {
      if (m.span.end == t.end || (m.span.end > t.begin && m.span.end <= t.end && m.span.begin >= s.span.begin)) {
        if (m.span.end < t.begin) continue;
        sub.kind = SubjectKind::kPerson;
        sub.span = m.span;
        sub.person = &m;
        if (m.title.size() > 0) sub.role = RoleText(m.title, s.span.begin);
        return sub;
      }
    }
    // A description: "the (political) commentator".
    if (t_.role_nouns.count(w)) {
      for (int k = j - 1; k >= 0 && k >= j - 4; --k) {
        const Token& d = s.toks[k];
        if (d.kind != TokenKind::kWord) break;
        const std::string dw = F(d);
        if (dw == "the" || dw == "this" || dw == "our") {
          sub.kind = SubjectKind::kDescription;
          sub.span = {d.begin, t.end};
          sub.role = std::string(Slice(text_, s.toks[k + 1].begin, t.end));
          return sub;
        }
      }
      return sub;
    }
    // An institution: capitalised words (with "of", "the", "and") that hold
    // an institution word: "the Foreign Ministry", "Ministry of External
    // Affairs", "the ministry".
    {
      int k = j;
      bool institution = false;
      int start = j;
      while (k >= 0) {
        const Token& d = s.toks[k];
        if (d.kind != TokenKind::kWord) break;
        const std::string dw = F(d);
        const bool inst = t_.institutions.count(std::string(W(d))) > 0 ||
                          (dw.size() > 1 && t_.institutions.count(std::string(1, static_cast<char>(dw[0] - 32)) + dw.substr(1)));
        if (inst) institution = true;
        if (d.cap || inst) {
          start = k;
        } else if (!(dw == "of" || dw == "and" || dw == "for")) {
          break;
        }
        --k;
      }
      if (institution && (t.cap || t_.institutions.count(std::string(W(t))) ||
                          t_.institutions.count(std::string(1, static_cast<char>(w[0] - 32)) + w.substr(1)))) {
        sub.kind = SubjectKind::kInstitution;
        sub.span = {s.toks[start].begin, t.end};
        return sub;
      }
    }
    return sub;
  }

  // A role as stated; lower-cased when it only opens a sentence.
  std::string RoleText(Span span, uint32_t sentence_begin) const {
    std::string r(Slice(text_, span.begin, span.end));
    if (span.begin == sentence_begin && !r.empty() && r[0] >= 'A' && r[0] <= 'Z') {
      const size_t sp = r.find(' ');
      const std::string first = r.substr(0, sp);
      std::string lower = first;
      lower[0] = static_cast<char>(lower[0] + 32);
      if (t_.titles.count(lower)) r[0] = static_cast<char>(r[0] + 32);
    }
    return r;
  }

  // The subject of the speech verb at toks[v], looking left over adverbs and,
  // when a comma stands there, over an appositive ("X, head of Y, said").
  Subject SubjectOf(const Sentence& s, int v, int floor) const {
    int j = v - 1;
    while (j > floor && IsSkippable(s.toks[j])) --j;
    if (j <= floor - 1) return {};
    Subject sub = SubjectEndingAt(s, j);
    if (sub.kind != SubjectKind::kNone) return sub;
    if (!IsPunct(s.toks[j], ',')) return {};
    // Appositive: the first subject in the clause that a comma follows.
    for (int i = std::max(floor, 0); i + 1 < j; ++i) {
      if (!IsPunct(s.toks[i + 1], ',')) continue;
      Subject cand = SubjectEndingAt(s, i);
      if (cand.kind != SubjectKind::kPerson && cand.kind != SubjectKind::kPronoun) continue;
      // The appositive runs from after that comma to the comma before a
      // relative clause ("who ...") or before the verb.
      int a = i + 2;
      int end = j;  // the comma before the verb
      for (int k = a; k < j; ++k) {
        if (IsPunct(s.toks[k], ',') && k + 1 < j &&
            (IsWord(s.toks[k + 1], "who") || IsWord(s.toks[k + 1], "which") || IsWord(s.toks[k + 1], "whose"))) {
          end = k;
          break;
        }
      }
      if (a < end) {
        if (IsWord(s.toks[a], "a") || IsWord(s.toks[a], "an") || IsWord(s.toks[a], "the")) ++a;
        if (a < end && cand.kind == SubjectKind::kPerson) cand.role = std::string(Slice(text_, s.toks[a].begin, s.toks[end - 1].end));
      }
      return cand;
    }
    return {};
  }

  // Matches the words of a frame at toks[i]; slots take the tokens up to
  // the next fixed word (or the end). Returns the token after the match.
  int MatchFrame(const Sentence& s, int i, const text::Frame& f, Span* slot, int limit) const {
    int k = i;
    *slot = {};
    for (size_t w = 0; w < f.words.size(); ++w) {
      const std::string& fw = f.words[w];
      if (fw == "SPEAKER" || fw == "OUTLET") {
        const std::string* next = w + 1 < f.words.size() ? &f.words[w + 1] : nullptr;
        const int start = k;
        while (k < limit && k - start < 12) {
          const Token& t = s.toks[k];
          if (next && (*next == "," ? IsPunct(t, ',') : F(t) == *next)) break;
          if (!next && (IsPunct(t, ',') || IsPunct(t, '.') || IsPunct(t, ':') || t.kind == TokenKind::kQuote ||
                        IsWord(t, "that"))) break;
          ++k;
        }
        if (k == start) return -1;
        *slot = {s.toks[start].begin, s.toks[k - 1].end};
        continue;
      }
      if (k >= limit) return -1;
      const Token& t = s.toks[k];
      if (fw == "POSS") {
        const std::string tw = F(t);
        if (tw != "his" && tw != "her" && tw != "their") return -1;
        ++k;
        continue;
      }
      if (fw == ",") {
        if (!IsPunct(t, ',')) return -1;
      } else if (F(t) != fw) {
        return -1;
      }
      ++k;
    }
    return k;
  }

  // Resolves a SPEAKER slot's text to a subject.
  Subject SlotSubject(const Sentence& s, Span slot) const {
    int last = -1;
    for (size_t k = 0; k < s.toks.size(); ++k)
      if (s.toks[k].end <= slot.end) last = static_cast<int>(k);
    Subject sub = SubjectEndingAt(s, last);
    if (sub.kind == SubjectKind::kNone && last >= 0) {
      const std::string w = F(s.toks[last]);
      if (w == "him" || w == "her") {
        sub.kind = SubjectKind::kPronoun;
        sub.span = slot;
      }
    }
    // The slot must be the subject, not hold it somewhere inside.
    if (sub.kind != SubjectKind::kNone && sub.span.begin > slot.begin + 4 && sub.kind != SubjectKind::kInstitution) {
      // "according to a statement by X": keep X.
    }
    return sub;
  }

  bool InAccepted(uint32_t pos) const {
    for (const DirectSpan& d : spans_)
      if (d.accepted && pos >= d.open && pos < std::max(d.close_end, d.end)) return true;
    return false;
  }

  // The end of reported content that starts at `b` in sentence `s`: the
  // sentence end, or an accepted quotation's opening mark.
  uint32_t ContentEnd(const Sentence& s, uint32_t b) const {
    uint32_t e = s.span.end;
    for (const DirectSpan& d : spans_)
      if (d.accepted && d.open >= b && d.open < e) e = d.open;
    return e;
  }

  void AddReported(uint32_t b, uint32_t e, const Subject& sub, std::optional<std::string> channel, std::string cue) {
    TrimContent(text_, &b, &e);
    // Trailing sentence punctuation stays; a lone closing mark does not.
    if (e <= b || CountWords(Slice(text_, b, e)) < kMinReportedWords) return;
    for (const RawQuote& q : raw_)
      if (!(e <= q.begin || b >= q.end)) return;  // already covered
    RawQuote q;
    q.begin = b;
    q.end = e;
    q.direct = false;
    q.subject = sub;
    q.channel = std::move(channel);
    q.cue = std::move(cue);
    raw_.push_back(std::move(q));
  }

  // Channel frames ("In a conversation with Caliber.Az,") anywhere in the
  // sentence; returns the outlet and the token range the frame used.
  std::optional<std::string> ChannelOf(const Sentence& s, int* frame_end) const {
    *frame_end = -1;
    for (int i = 0; i < static_cast<int>(s.toks.size()); ++i) {
      for (const text::Frame& f : t_.frames) {
        if (f.kind != text::FrameKind::kChannel || f.words[0] == "told") continue;
        Span slot;
        const int k = MatchFrame(s, i, f, &slot, static_cast<int>(s.toks.size()));
        if (k < 0 || slot.size() == 0) continue;
        const std::string_view outlet = Slice(text_, slot.begin, slot.end);
        if (!(outlet[0] >= 'A' && outlet[0] <= 'Z') && static_cast<unsigned char>(outlet[0]) < 0x80) continue;
        *frame_end = k;
        return std::string(outlet);
      }
    }
    return std::nullopt;
  }

  void Reported(const Sentence& s) {
    const int n = static_cast<int>(s.toks.size());
    if (n < 3) return;
    int frame_end = -1;
    std::optional<std::string> channel = ChannelOf(s, &frame_end);
    // Frames that open a clause: "According to X, ...", "in his words, ...".
    for (int i = 0; i < n; ++i) {
      if (InAccepted(s.toks[i].begin)) continue;
      for (const text::Frame& f : t_.frames) {
        if (f.kind != text::FrameKind::kBefore) continue;
        if (i > 0 && !(IsPunct(s.toks[i - 1], ',') || i <= 2)) continue;
        Span slot;
        const int k = MatchFrame(s, i, f, &slot, n);
        if (k < 0 || k >= n) continue;
        Subject sub;
        if (slot.size() > 0) {
          sub = SlotSubject(s, slot);
        } else {
          sub.kind = SubjectKind::kPronoun;  // "in his words"
          sub.span = {s.toks[i].begin, s.toks[k - 1].end};
        }
        if (sub.kind == SubjectKind::kNone) continue;
        const uint32_t b = s.toks[k].begin;
        AddReported(b, ContentEnd(s, b), sub, channel, std::string(Slice(text_, s.toks[i].begin, s.toks[k - 1].end)));
        return;
      }
    }
    // Frames that close a sentence: "..., according to X."
    for (int i = 1; i < n; ++i) {
      for (const text::Frame& f : t_.frames) {
        if (f.kind != text::FrameKind::kAfter || f.words.size() < 3 || f.words[1] == "SPEAKER") continue;
        Span slot;
        const int k = MatchFrame(s, i, f, &slot, n);
        if (k < 0 || slot.size() == 0) continue;
        if (k < n && !(IsPunct(s.toks[k], '.') || IsPunct(s.toks[k], ','))) continue;
        const Subject sub = SlotSubject(s, slot);
        if (sub.kind == SubjectKind::kNone) continue;
        uint32_t b = s.span.begin;
        for (const DirectSpan& d : spans_)
          if (d.accepted && d.close_end > b && d.close_end <= s.toks[i].begin) b = d.close_end;
        AddReported(b, s.toks[i].begin, sub, channel, std::string(Slice(text_, s.toks[i + 1].begin, s.toks[k - 1].end)));
        return;
      }
    }
    // Speech verbs.
    for (int v = 1; v < n; ++v) {
      const Token& vt = s.toks[v];
      if (vt.kind != TokenKind::kWord || vt.cap || InAccepted(vt.begin)) continue;
      const VerbClass vc = t_.verb(F(vt));
      if (vc == VerbClass::kNone) continue;
      const Subject sub = SubjectOf(s, v, frame_end > 0 && frame_end < v ? frame_end : 0);
      if (sub.kind == SubjectKind::kNone) continue;
      int c = v + 1;
      if (c < n && (IsWord(s.toks[c], "out") || IsWord(s.toks[c], "up"))) ++c;
      // Parenthetical: ", the analyst suggests, CONTENT".
      int before_sub = -1;
      for (int k = v - 1; k >= 0; --k)
        if (s.toks[k].end <= sub.span.begin) {
          before_sub = k;
          break;
        }
      if (c < n && IsPunct(s.toks[c], ',') && before_sub >= 0 && IsPunct(s.toks[before_sub], ',')) {
        const uint32_t b = s.toks[c].end;
        AddReported(b, ContentEnd(s, b), sub, channel, std::string(W(vt)));
        return;
      }
      std::optional<std::string> ch = channel;
      if (vc == VerbClass::kTell) {
        // The object: an outlet when it is a name.
        const int start = c;
        while (c < n && c - start < 8 && !IsWord(s.toks[c], "that") && !IsPunct(s.toks[c], ',') &&
               !IsPunct(s.toks[c], ':') && !IsPunct(s.toks[c], '.') && s.toks[c].kind != TokenKind::kQuote)
          ++c;
        if (c > start) {
          const std::string obj(Slice(text_, s.toks[start].begin, s.toks[c - 1].end));
          if (s.toks[start].cap && !t_.audience.count(text::Fold(obj)) && !t_.audience.count(F(s.toks[start])))
            ch = obj;
        }
      }
      bool that = false;
      if (c < n && IsWord(s.toks[c], "that")) {
        that = true;
        ++c;
      } else if (c < n && s.toks[c].kind == TokenKind::kWord && !s.toks[c].cap) {
        // "said on Monday that ...": a short adjunct before "that".
        for (int k = c; k < n && k < c + 8; ++k) {
          if (IsPunct(s.toks[k], ',') || IsPunct(s.toks[k], '.')) break;
          if (IsWord(s.toks[k], "that")) {
            that = true;
            c = k + 1;
            break;
          }
        }
      }
      if (c >= n) continue;
      if (!that && (vc == VerbClass::kSayThat)) continue;
      if (!that && (IsPunct(s.toks[c], ',') || IsPunct(s.toks[c], '.') || IsPunct(s.toks[c], ':') ||
                    s.toks[c].kind == TokenKind::kQuote))
        continue;  // attribution of a quotation, handled with the quotation
      if (!that && vc == VerbClass::kTell && c < n && s.toks[c].kind == TokenKind::kWord &&
          (IsWord(s.toks[c], "to") || IsWord(s.toks[c], "about")))
        continue;  // "told him to leave", "told reporters about"
      const uint32_t b = s.toks[c].begin;
      AddReported(b, ContentEnd(s, b), sub, ch, std::string(W(vt)));
      return;
    }
  }

  // The sentence that holds byte `pos`.
  const Sentence* SentenceAt(uint32_t pos) const {
    for (const Sentence& s : sentences_)
      if (pos >= s.span.begin && pos < s.span.end) return &s;
    return nullptr;
  }

  // Attribution after a closing mark: ", Tkachenko said." / ", said Mr X."
  bool AttributionAfter(const DirectSpan& d, Subject* sub, std::string* cue, std::optional<std::string>* ch,
                        uint32_t* tail) const {
    const Sentence* s = SentenceAt(d.close_end > d.end ? d.close_end - 1 : d.end);
    if (!s) return false;
    // Tokens after the closing mark, up to the end of the sentence.
    std::vector<int> idx;
    for (int k = 0; k < static_cast<int>(s->toks.size()); ++k)
      if (s->toks[k].begin >= d.close_end) idx.push_back(k);
    // Also the next sentence when ICU broke right after the quotation.
    if (idx.empty()) {
      const Sentence* next = SentenceAt(d.close_end + 1);
      if (next && next != s) {
        s = next;
        for (int k = 0; k < static_cast<int>(s->toks.size()); ++k)
          if (s->toks[k].begin >= d.close_end) idx.push_back(k);
      }
    }
    int p = 0;
    while (p < static_cast<int>(idx.size()) && s->toks[idx[p]].kind == TokenKind::kPunct &&
           (IsPunct(s->toks[idx[p]], ',') || IsPunct(s->toks[idx[p]], '-')))
      ++p;
    for (int q = p; q < static_cast<int>(idx.size()) && q < p + 8; ++q) {
      const Token& t = s->toks[idx[q]];
      if (t.kind == TokenKind::kQuote) break;
      if (t.kind != TokenKind::kWord) {
        if (IsPunct(t, ',') || IsPunct(t, '.')) break;
        continue;
      }
      const std::string w = F(t);
      if (t_.verb(w) == VerbClass::kNone && !t_.closing_verbs.count(w)) continue;
      // SUBJ VERB
      Subject sj = SubjectOf(*s, idx[q], idx[p]);
      if (sj.kind == SubjectKind::kNone && q + 1 < static_cast<int>(idx.size())) {
        // VERB SUBJ: "said Mr Modi"
        int e = idx[q] + 1;
        while (e + 1 < static_cast<int>(s->toks.size()) && s->toks[e + 1].kind == TokenKind::kWord &&
               s->toks[e + 1].cap)
          ++e;
        sj = SubjectEndingAt(*s, e);
      }
      if (sj.kind == SubjectKind::kNone) return false;
      *sub = sj;
      *cue = w;
      if (t_.verb(w) == VerbClass::kTell && idx[q] + 1 < static_cast<int>(s->toks.size())) {
        const Token& o = s->toks[idx[q] + 1];
        if (o.cap && !t_.audience.count(F(o))) *ch = std::string(W(o));
      }
      *tail = s->toks[idx[q]].end;
      return true;
    }
    return false;
  }

  // Attribution before an opening mark: the clause before it ends with ':'
  // or ',' and holds a speaker ("He says that ...:", "he said,").
  bool AttributionBefore(const DirectSpan& d, Span para, Subject* sub, std::string* cue,
                         std::optional<std::string>* ch) const {
    uint32_t k = d.open;
    while (k > para.begin && IsSpace(text_[k - 1])) --k;
    if (k == para.begin) return false;
    const char last = text_[k - 1];
    if (last != ':' && last != ',') return false;
    const Sentence* s = SentenceAt(k - 1);
    if (!s) return false;
    // A reported quote of this clause already names the speaker.
    for (const RawQuote& q : raw_) {
      if (!q.direct && q.begin >= s->span.begin && q.begin < d.open && q.end <= d.open + 1) {
        *sub = q.subject;
        *cue = q.cue;
        *ch = q.channel;
        return true;
      }
    }
    int limit = 0;
    while (limit < static_cast<int>(s->toks.size()) && s->toks[limit].begin < k) ++limit;
    // After a comma, only "he said, “...": the verb stands right before it.
    const int lowest = last == ',' ? std::max(0, limit - 2) : 0;
    for (int v = limit - 1; v >= lowest; --v) {
      const Token& t = s->toks[v];
      if (t.kind != TokenKind::kWord || t.cap) continue;
      const std::string w = F(t);
      if (t_.verb(w) == VerbClass::kNone) continue;
      Subject sj = SubjectOf(*s, v, 0);
      if (sj.kind == SubjectKind::kNone) continue;
      *sub = sj;
      *cue = w;
      return true;
    }
    // "According to him, ...:"
    for (int i = 0; i < limit && last == ':'; ++i) {
      for (const text::Frame& f : t_.frames) {
        if (f.kind != text::FrameKind::kBefore) continue;
        Span slot;
        const int e = MatchFrame(*s, i, f, &slot, limit);
        if (e < 0) continue;
        Subject sj;
        if (slot.size() > 0) sj = SlotSubject(*s, slot);
        else sj.kind = SubjectKind::kPronoun;
        if (sj.kind == SubjectKind::kNone) continue;
        *sub = sj;
        *cue = "according to";
        return true;
      }
    }
    return false;
  }

  void Paragraph(Span para, bool previous_had_quote) {
    const size_t first_span = spans_.size();
    for (DirectSpan& d : FindSpans(text_, para, t_)) spans_.push_back(d);
    // Reported speech first, so that quotations after a colon can take
    // their speaker from it.
    std::vector<const Sentence*> in_para;
    for (const Sentence& s : sentences_)
      if (s.span.begin >= para.begin && s.span.end <= para.end) in_para.push_back(&s);
    for (size_t i = first_span; i < spans_.size(); ++i) {
      DirectSpan& d = spans_[i];
      if (CountWords(Slice(text_, d.begin, d.end)) < kMinDirectWords) continue;
      Subject sub;
      std::string cue;
      std::optional<std::string> ch;
      uint32_t tail = 0;
      if (AttributionAfter(d, &sub, &cue, &ch, &tail)) {
        d.accepted = true;
        AddDirect(d, sub, cue, ch);
        // "“...,” he said, “...”": the second part belongs to the first.
        if (i + 1 < spans_.size()) {
          DirectSpan& next = spans_[i + 1];
          uint32_t g = tail;
          while (g < next.open && (IsSpace(text_[g]) || text_[g] == ',')) ++g;
          if (g == next.open && CountWords(Slice(text_, next.begin, next.end)) >= 1) {
            next.accepted = true;
            raw_.back().end = next.end;
            ++i;
          }
        }
      }
    }
    for (const Sentence* s : in_para) Reported(*s);
    for (size_t i = first_span; i < spans_.size(); ++i) {
      DirectSpan& d = spans_[i];
      if (d.accepted || CountWords(Slice(text_, d.begin, d.end)) < kMinDirectWords) continue;
      Subject sub;
      std::string cue;
      std::optional<std::string> ch;
      if (AttributionBefore(d, para, &sub, &cue, &ch)) {
        d.accepted = true;
        AddDirect(d, sub, cue, ch);
        continue;
      }
      // A paragraph that is one quotation carries on the last speaker.
      uint32_t k = para.begin;
      while (k < d.open && IsSpace(text_[k])) ++k;
      if (k == d.open && previous_had_quote) {
        d.accepted = true;
        Subject prev;
        prev.kind = SubjectKind::kPrevious;
        AddDirect(d, prev, "", std::nullopt);
      }
    }
  }

  void AddDirect(const DirectSpan& d, const Subject& sub, const std::string& cue, std::optional<std::string> ch) {
    uint32_t b = d.begin, e = d.end;
    // Drop reported quotes this span overlaps (its words were read as
    // reported speech before the quotation was accepted).
    raw_.erase(std::remove_if(raw_.begin(), raw_.end(),
                              [&](const RawQuote& q) { return !q.direct && q.begin >= d.open && q.begin < d.close_end; }),
               raw_.end());
    RawQuote q;
    q.begin = b;
    q.end = e;
    q.direct = true;
    q.subject = sub;
    q.channel = std::move(ch);
    q.cue = cue;
    raw_.push_back(std::move(q));
  }

  std::vector<Quote> Resolve() {
    std::vector<Quote> out;
    std::string last_person;          // the last person who spoke
    std::optional<std::string> last_role;
    std::string last_speaker;         // person or institution
    std::vector<std::pair<std::string, std::string>> channels;  // speaker -> channel
    for (const RawQuote& r : raw_) {
      Quote q;
      q.direct = r.direct;
      q.begin = r.begin;
      q.end = r.end;
      q.text = std::string(Slice(text_, r.begin, r.end));
      q.cue = r.cue;
      q.channel = r.channel;
      switch (r.subject.kind) {
        case SubjectKind::kPerson:
          q.speaker = r.subject.person ? r.subject.person->full_name : std::string(Slice(text_, r.subject.span.begin, r.subject.span.end));
          q.speaker_role = r.subject.role;
          last_person = q.speaker;
          break;
        case SubjectKind::kPronoun:
        case SubjectKind::kPrevious:
        case SubjectKind::kDescription:
          if (!last_person.empty()) {
            q.speaker = last_person;
          } else {
            // No speaker yet: the last person named before this point.
            for (const auto& m : people_.mentions)
              if (m.span.begin < r.begin) q.speaker = m.full_name;
          }
          if (r.subject.kind == SubjectKind::kDescription) q.speaker_role = r.subject.role;
          if (r.subject.kind == SubjectKind::kPrevious && !last_speaker.empty()) q.speaker = last_speaker;
          break;
        case SubjectKind::kInstitution: {
          std::string name(Slice(text_, r.subject.span.begin, r.subject.span.end));
          if (name.rfind("the ", 0) == 0 || name.rfind("The ", 0) == 0) name.erase(0, 4);
          q.speaker = name;
          break;
        }
        case SubjectKind::kNone:
          break;
      }
      if (q.speaker.empty()) continue;
      last_speaker = q.speaker;
      // The outlet a speaker talked to holds for the rest of the article.
      auto it = std::find_if(channels.begin(), channels.end(), [&](const auto& p) { return p.first == q.speaker; });
      if (q.channel) {
        if (it == channels.end()) channels.emplace_back(q.speaker, *q.channel);
        else it->second = *q.channel;
      } else if (it != channels.end()) {
        q.channel = it->second;
      }
      (void)last_role;
      out.push_back(std::move(q));
    }
    return out;
  }

  std::string_view text_;
  const LanguageTables& t_;
  text::PeopleIndex people_;
  std::vector<Sentence> sentences_;
  std::vector<DirectSpan> spans_;
  std::vector<RawQuote> raw_;
};

}  // namespace

std::vector<Quote> FindQuotes(std::string_view text, const text::LanguageTables& tables) {
  Finder f(text, tables);
  return f.Run();
}

}  // namespace attache::quotes
