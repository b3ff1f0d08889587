// Direct quotations: the attribution after a closing mark (", X said.") or
// before an opening one ("X said:"), and recording an accepted quotation.
#include <algorithm>
#include <optional>
#include <string>

#include "quotes/finder.h"

namespace attache::quotes::internal {

// ------------------------------------------------------------ direct quotes
// Binary searches: sentences and paragraphs are in text order.
const Sentence* Finder::SentenceAt(uint32_t pos) const {
  auto it = std::upper_bound(sentences_.begin(), sentences_.end(), pos,
                             [](uint32_t p, const Sentence& s) { return p < s.span.begin; });
  if (it == sentences_.begin()) return nullptr;
  --it;
  return pos < it->span.end ? &*it : nullptr;
}

size_t Finder::ParaOf(uint32_t pos) const {
  auto it = std::upper_bound(paras_.begin(), paras_.end(), pos, [](uint32_t p, const Span& s) { return p < s.begin; });
  if (it == paras_.begin()) return paras_.size();
  --it;
  return pos <= it->end ? static_cast<size_t>(it - paras_.begin()) : paras_.size();
}

// Attribution after a closing mark: ", Tkachenko said.", ", said Mr X.",
// ", a statement signed by X, read."
bool Finder::AttributionAfter(DirectSpan& d, Subject* sub, std::string* cue, std::optional<std::string>* ch) {
  const Sentence* s = SentenceAt(d.close_end > d.end ? d.close_end - 1 : d.end);
  std::vector<int> idx;
  if (s)
    for (int k = 0; k < static_cast<int>(s->toks.size()); ++k)
      if (s->toks[k].begin >= d.close_end) idx.push_back(k);
  if (idx.empty()) {
    const Sentence* next = SentenceAt(d.close_end + 1);
    if (!next || next == s || ParaOf(next->span.begin) != ParaOf(d.open)) return false;
    s = next;
    for (int k = 0; k < static_cast<int>(s->toks.size()); ++k)
      if (s->toks[k].begin >= d.close_end) idx.push_back(k);
  }
  int p = 0;
  while (p < static_cast<int>(idx.size()) && (IsPunct(s->toks[idx[p]], ',') || IsPunct(s->toks[idx[p]], '-')))
    ++p;
  // "“...,” the BelTA news agency quoted X as saying.", "“...,” according
  // to X's prepared remarks.": an after-frame (other than ", SPEAKER said",
  // read below) right after the quotation.
  if (p < static_cast<int>(idx.size()))
    for (const text::Frame* fp : after_frames_) {
      const text::Frame& f = *fp;
      if (f.types[0] != text::FrameWord::kComma || (f.words.size() == 3 && f.types[1] == text::FrameWord::kSlot))
        continue;
      // The frame after its comma (the quotation holds the comma, or none
      // is written).
      Span slot;
      const int n = static_cast<int>(s->toks.size());
      const int k = MatchFrame(*s, idx[p], f, &slot, n, 1);
      if (k < 0 || slot.size() == 0 || (k < n && !IsPunct(s->toks[k], '.') && !IsPunct(s->toks[k], ','))) continue;
      const Subject sj = SlotSubject(*s, slot);
      if (sj.kind == SubjectKind::kNone || NamesOutlet(*s, sj)) continue;
      *sub = sj;
      *cue = std::string(Slice(text_, s->toks[idx[p]].begin, s->toks[k - 1].end));
      d.attribution_end = s->toks[k - 1].end;
      used_.emplace_back(d.close_end, s->span.end);
      return true;
    }
  const bool statement = p < static_cast<int>(idx.size()) && p + 1 < static_cast<int>(idx.size()) &&
                         (IsWord(s->toks[idx[p]], "a") || IsWord(s->toks[idx[p]], "the")) &&
                         IsWord(s->toks[idx[p + 1]], "statement");
  bool appositive = false;  // "“...,” Olev Saar, the head of X, said."
  for (int q = p; q < static_cast<int>(idx.size()) && q < p + (statement || appositive ? 24 : 12); ++q) {
    const Token& t = s->toks[idx[q]];
    if (t.kind == TokenKind::kQuote) break;
    if (t.kind != TokenKind::kWord) {
      if (IsPunct(t, ',') && !statement && !appositive && q > p && q + 1 < static_cast<int>(idx.size()) &&
          SubjectEndingAt(*s, idx[q] - 1).kind == SubjectKind::kPerson && AppositiveStart(s->toks[idx[q + 1]])) {
        appositive = true;
        continue;
      }
      if (IsPunct(t, '.') || (IsPunct(t, ',') && !statement && !appositive)) break;
      continue;
    }
    const std::string& w = F(t);
    if (t.cap || (t_.verb(w) == VerbClass::kNone && !t_.closing_verbs.count(w) && !t_.trailing_verbs.count(w)))
      continue;
    if (TaggedNotVerb(*s, idx[q])) continue;
    Subject sj;
    if (statement) {
      // The person or institution named in the statement's description.
      for (int k = idx[p]; k < idx[q]; ++k) {
        Subject c = SubjectEndingAt(*s, k);
        if (c.kind == SubjectKind::kPerson || (c.kind == SubjectKind::kInstitution && sj.kind == SubjectKind::kNone))
          sj = c;
      }
      if (sj.kind == SubjectKind::kNone) sj.kind = SubjectKind::kPrevious;
    } else {
      sj = SubjectOf(*s, idx[q], idx[p]);
      if (sj.kind == SubjectKind::kNone && q == p) {
        int e = idx[q] + 1;
        while (e + 1 < static_cast<int>(s->toks.size()) && s->toks[e + 1].kind == TokenKind::kWord &&
               s->toks[e + 1].cap)
          ++e;
        sj = SubjectEndingAt(*s, e);
      }
    }
    if (sj.kind == SubjectKind::kNone) return false;
    if (t_.trailing_verbs.count(w) && !ReportingSubject(*s, sj)) return false;
    if (NamesOutlet(*s, sj)) return false;
    *sub = sj;
    *cue = w;
    int tail = idx[q] + 1;
    if (t_.verb(w) == VerbClass::kTell) {
      int e = tail;
      while (e < static_cast<int>(s->toks.size()) && e - tail < 10 && !IsPunct(s->toks[e], ',') &&
             !IsPunct(s->toks[e], '.'))
        ++e;
      if (auto outlet = OutletOf(*s, tail, e)) *ch = outlet;
      tail = e;
    }
    d.attribution_end = s->toks[std::min<int>(tail, static_cast<int>(s->toks.size())) - 1].end;
    // ", X said in an interview with OUTLET.": a channel frame in the
    // attribution.
    if (!*ch) {
      int frame_end = -1;
      if (auto outlet = ChannelOf(*s, &frame_end); outlet && s->toks[std::max(frame_end - 1, 0)].begin >= d.close_end)
        *ch = outlet;
    }
    used_.emplace_back(d.close_end, s->span.end);
    return true;
  }
  return false;
}

// Attribution before an opening mark: the clause before it ends with ':'
// or ',' and holds a speaker ("He says that ...:", "he said,").
bool Finder::AttributionBefore(const DirectSpan& d, Span para, Subject* sub, std::string* cue,
                       std::optional<std::string>* ch) const {
  uint32_t k = d.open;
  while (k > para.begin && IsSpace(text_[k - 1])) --k;
  if (k == para.begin) return false;
  const char last = text_[k - 1];
  if (last != ':' && last != ',') return false;
  const Sentence* s = SentenceAt(k - 1);
  if (!s) return false;
  for (size_t i = raw_.size(), seen = 0; i-- > 0 && seen < 16; ++seen) {
    const RawQuote& q = raw_[i];
    if (!q.direct && q.begin >= s->span.begin && q.begin < d.open && q.end <= d.open + 1) {
      *sub = q.subject;
      *cue = q.cue;
      *ch = q.channel;
      return true;
    }
  }
  // "In an interview with OUTLET, X said: “...”": a channel frame in the
  // clause before the quotation.
  {
    int frame_end = -1;
    if (auto outlet = ChannelOf(*s, &frame_end); outlet && frame_end > 0 && s->toks[frame_end - 1].end <= d.open)
      *ch = outlet;
  }
  int limit = 0;
  while (limit < static_cast<int>(s->toks.size()) && s->toks[limit].begin < k) ++limit;
  const int lowest = last == ',' ? std::max(0, limit - 2) : 0;
  for (int v = limit - 1; v >= lowest; --v) {
    const Token& t = s->toks[v];
    if (t.kind != TokenKind::kWord || t.cap) continue;
    const std::string& w = F(t);
    if (t_.verb(w) == VerbClass::kNone || TaggedNotVerb(*s, v)) continue;
    Subject sj = SubjectOf(*s, v, 0);
    if (sj.kind == SubjectKind::kNone) continue;
    *sub = sj;
    *cue = w;
    return true;
  }
  if (last == ':') {
    // "Lukashenko welcomed the diplomats ...: “...”": the person the
    // clause is about introduces the quotation.
    // "On the build-up, Mr X called on Russia to ...: “...”": after a
    // leading adverbial as well.
    const Subject sj = ClauseSubject(*s, limit);
    const uint32_t from = sj.start ? std::min(sj.start, sj.span.begin) : sj.span.begin;
    bool opens = from == s->span.begin;
    for (int j = 1; j < limit && !opens; ++j)
      if (s->toks[j].begin == from) opens = IsPunct(s->toks[j - 1], ',');
    if (sj.kind == SubjectKind::kPerson && opens) {
      *sub = sj;
      *cue = ":";
      return true;
    }
  }
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

void Finder::AddDirect(const DirectSpan& d, const Subject& sub, const std::string& cue, std::optional<std::string> ch) {
  // Reported quotes read inside this quotation's words are dropped; they
  // can only be among the latest found.
  const size_t from = raw_.size() > 16 ? raw_.size() - 16 : 0;
  raw_.erase(std::remove_if(raw_.begin() + static_cast<std::ptrdiff_t>(from), raw_.end(),
                            [&](const RawQuote& q) { return !q.direct && q.begin >= d.open && q.begin < d.close_end; }),
             raw_.end());
  RawQuote q;
  q.begin = d.begin;
  q.end = d.end;
  q.direct = true;
  q.subject = sub;
  q.channel = std::move(ch);
  q.cue = cue;
  raw_.push_back(std::move(q));
}

}  // namespace attache::quotes::internal
