// The driver: the text paragraph by paragraph; a statement that a paragraph
// announces ("X said:") and continues over the next ones; quotations that
// open a paragraph and carry on the previous speaker or take the next
// paragraph's.
#include <algorithm>
#include <optional>
#include <string>

#include "quotes/finder.h"

namespace attache::quotes::internal {

std::vector<Quote> Finder::Run(const text::TextLayer& layer) {
  people_ = layer.people;
  sentences_.reserve(layer.sentences.size());
  for (size_t i = 0; i < layer.sentences.size(); ++i) sentences_.push_back({layer.sentences[i], layer.tokens[i], i});
  // Every token is folded once; F() reads the result by the token's index.
  for (Sentence& s : sentences_)
    for (Token& t : s.toks) {
      t.index = static_cast<uint32_t>(folded_.size());
      folded_.push_back(text::Fold(Slice(text_, t.begin, t.end)));
    }
  mentions_by_end_.reserve(people_.mentions.size());
  for (const auto& m : people_.mentions) mentions_by_end_.push_back(&m);
  std::sort(mentions_by_end_.begin(), mentions_by_end_.end(),
            [](const text::PersonMention* a, const text::PersonMention* b) { return a->span.end < b->span.end; });
  FindAcronyms();
  uint32_t p = 0;
  while (p < text_.size()) {
    size_t q = text_.find("\n\n", p);
    if (q == std::string_view::npos) q = text_.size();
    paras_.push_back({p, static_cast<uint32_t>(q)});
    p = static_cast<uint32_t>(q + 2);
  }
  FindInterview();
  for (size_t i = 0; i < paras_.size(); ++i) Paragraph(i);
  LookAhead();
  std::sort(raw_.begin(), raw_.end(), [](const RawQuote& a, const RawQuote& b) { return a.begin < b.begin; });
  return Resolve();
}

// The speaker of a paragraph that ends "SUBJ said:" with no quotation
// after it: the statement follows in the next paragraphs.
// "SUBJ told OUTLET:" gives the outlet of the statement too.
bool Finder::IntroducesStatement(Span para, Subject* sub, std::optional<std::string>* channel) const {
  uint32_t e = para.end;
  while (e > para.begin && IsSpace(text_[e - 1])) --e;
  if (e == para.begin || text_[e - 1] != ':') return false;
  const Sentence* s = SentenceAt(e - 1);
  if (!s) return false;
  const int n = static_cast<int>(s->toks.size());
  int frame_end = -1;
  const std::optional<std::string> frame = ChannelOf(*s, &frame_end);
  // The verb just before the colon, or before the outlet it told ("X told
  // Nova Radio:") or the channel frame that ends there.
  for (int v = n - 1; v >= 0 && v >= n - 10; --v) {
    const Token& t = s->toks[v];
    if (t.kind != TokenKind::kWord || t.cap) continue;
    const VerbClass vc = t_.verb(F(t));
    if (vc == VerbClass::kNone) continue;
    std::optional<std::string> outlet;
    if (vc == VerbClass::kTell && v + 1 < n - 1) outlet = OutletOf(*s, v + 1, n - 1);
    if (!outlet && frame && frame_end >= n - 1) outlet = frame;
    if (v < n - 3 && !outlet) return false;
    *channel = outlet ? outlet : frame;
    *sub = SubjectOf(*s, v, 0);
    return sub->kind != SubjectKind::kNone;
  }
  return false;
}

void Finder::Paragraph(size_t pi) {
  if (Answer(pi)) return;
  const Span para = paras_[pi];
  const size_t first_span = spans_.size();
  for (DirectSpan& d : FindSpans(text_, para, t_))
    if (!TitleCase(d)) spans_.push_back(d);
  if (first_span == spans_.size()) ClosingParagraph(pi);
  std::vector<const Sentence*> in_para;
  auto first_sentence = std::lower_bound(sentences_.begin(), sentences_.end(), para.begin,
                                         [](const Sentence& s, uint32_t b) { return s.span.begin < b; });
  for (auto it = first_sentence; it != sentences_.end() && it->span.begin < para.end; ++it)
    if (it->span.end <= para.end) in_para.push_back(&*it);
  // A statement announced by the previous paragraph ("X said:"), without
  // quotation marks.
  if (statement_speaker_ && first_span == spans_.size() && CountWords(Slice(text_, para.begin, para.end)) >= 6 &&
      !HasOwnAttribution(in_para)) {
    RawQuote q;
    q.begin = para.begin;
    q.end = para.end;
    TrimContent(text_, &q.begin, &q.end);
    q.direct = true;
    q.subject = *statement_speaker_;
    q.channel = statement_channel_;
    q.cue = "said:";
    raw_.push_back(q);
    if (++statement_paragraphs_ >= 4) statement_speaker_.reset();
    return;
  }
  statement_speaker_.reset();
  statement_paragraphs_ = 0;
  // Quotations with their speaker after them.
  for (size_t i = first_span; i < spans_.size(); ++i) {
    DirectSpan& d = spans_[i];
    if (CountWords(Slice(text_, d.begin, d.end)) < kMinDirectWords) continue;
    Subject sub;
    std::string cue;
    std::optional<std::string> ch;
    if (AttributionAfter(d, &sub, &cue, &ch)) {
      d.accepted = true;
      AddDirect(d, sub, cue, ch);
      EmbeddedFragment(d);
      // "“...,” he said, “...”": the second part belongs to the first.
      if (i + 1 < spans_.size()) {
        DirectSpan& next = spans_[i + 1];
        uint32_t g = d.attribution_end;
        while (g < next.open && (IsSpace(text_[g]) || text_[g] == ',')) ++g;
        if (g == next.open) {
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
    // Right after an attributed quotation in the same paragraph, with
    // nothing but its attribution between: the same speaker goes on.
    if (i > first_span && spans_[i - 1].accepted) {
      uint32_t g = std::max(spans_[i - 1].attribution_end, spans_[i - 1].close_end);
      while (g < d.open && (IsSpace(text_[g]) || text_[g] == '.' || text_[g] == ',')) ++g;
      if (g == d.open) {
        d.accepted = true;
        Subject prev;
        prev.kind = SubjectKind::kPrevious;
        AddDirect(d, prev, "", std::nullopt);
        continue;
      }
    }
    uint32_t k = para.begin;
    while (k < d.open && IsSpace(text_[k])) ++k;
    if (k != d.open) {
      // Inside a paragraph, after the speaker's reported words, with no
      // one else named between: the same speaker goes on quoting.
      if (d.closed) ContinuedQuotation(d, para);
      continue;
    }
    // A paragraph that opens with a quotation: a quotation left open at
    // the paragraph's end goes on in the next paragraph and takes the
    // speaker named where it ends; otherwise it carries on the speaker of
    // the paragraph before, or of "Speaking to OUTLET, X ...".
    if (!d.closed && pi + 1 < paras_.size() && OpensWithQuote(pi + 1)) {
      d.pending = true;
    } else if (pi > 0 && ParagraphEndsWithQuote(pi - 1)) {
      d.accepted = true;
      Subject prev;
      prev.kind = SubjectKind::kPrevious;
      AddDirect(d, prev, "", std::nullopt);
    } else if (pending_speaker_ && pending_para_ + 1 == pi) {
      d.accepted = true;
      AddDirect(d, *pending_speaker_, "", pending_channel_);
    } else {
      d.pending = true;  // may take the speaker of the next paragraph's quotation
    }
  }
  Subject intro;
  if (IntroducesStatement(para, &intro, &statement_channel_)) {
    statement_speaker_ = intro;
    statement_paragraphs_ = 0;
  }
}

// "Earlier, Latvian Prime Minister Anna Berg said the talks were useful.":
// a paragraph whose speech verb has a subject of its own (a person, an
// institution or a description, not a pronoun) is the writer's, not the
// statement announced before it.
bool Finder::HasOwnAttribution(const std::vector<const Sentence*>& in_para) const {
  for (const Sentence* s : in_para)
    for (int v = 1; v < static_cast<int>(s->toks.size()); ++v) {
      const Token& t = s->toks[v];
      if (t.kind != TokenKind::kWord || t.cap || t_.verb(F(t)) == VerbClass::kNone) continue;
      const Subject sub = SubjectOf(*s, v, 0);
      if (sub.kind == SubjectKind::kPerson || sub.kind == SubjectKind::kInstitution ||
          sub.kind == SubjectKind::kDescription)
        return true;
    }
  return false;
}

// "declared “Asia In First Place”": a quotation whose every word but short
// joiners is capitalised names a title (a headline, a document), no speech.
bool Finder::TitleCase(const DirectSpan& d) const {
  // A title is short: a few words, all in the sentence where it opens.
  if (!d.closed || d.end - d.begin > 120) return false;
  const Sentence* s = SentenceAt(d.begin);
  if (!s) return false;
  int caps = 0;
  auto it = std::lower_bound(s->toks.begin(), s->toks.end(), d.begin,
                             [](const Token& t, uint32_t b) { return t.begin < b; });
  for (; it != s->toks.end() && it->end <= d.end; ++it) {
    if (it->kind != TokenKind::kWord) continue;
    if (it->cap) ++caps;
    else if (it->end - it->begin > 3) return false;
  }
  return caps >= 3;
}

bool Finder::OpensWithQuote(size_t pi) const {
  uint32_t k = paras_[pi].begin;
  while (k < paras_[pi].end && IsSpace(text_[k])) ++k;
  for (const auto& [open, close] : t_.quote_marks)
    if (text_.compare(k, open.size(), open) == 0) return true;
  return false;
}

bool Finder::ParagraphEndsWithQuote(size_t pi) const {
  const Span para = paras_[pi];
  for (size_t i = raw_.size(), seen = 0; i-- > 0 && seen < 64; ++seen)
    if (raw_[i].begin >= para.begin && raw_[i].begin < para.end) return true;
  return false;
}

// Paragraph-opening quotations with no speaker take the speaker of the
// next paragraph's opening quotation (a statement over several
// paragraphs, attributed at its end).
void Finder::LookAhead() {
  for (size_t i = spans_.size(); i-- > 0;) {
    DirectSpan& d = spans_[i];
    if (!d.pending) continue;
    const size_t pi = ParaOf(d.open);
    for (size_t j = i + 1; j < spans_.size(); ++j) {
      const DirectSpan& next = spans_[j];
      const size_t pj = ParaOf(next.open);
      if (pj == pi) continue;
      if (pj != pi + 1 || !next.accepted) break;
      uint32_t k = paras_[pj].begin;
      while (k < next.open && IsSpace(text_[k])) ++k;
      if (k != next.open) break;
      for (const RawQuote& q : raw_) {
        if (q.direct && q.begin == next.begin) {
          d.accepted = true;
          d.pending = false;
          RawQuote copy = q;
          copy.begin = d.begin;
          copy.end = d.end;
          raw_.push_back(copy);
          break;
        }
      }
      break;
    }
  }
}

// "Mr Guterres “is currently in Ukraine,” his spokesman said.": a quotation
// that opens inside a clause of the writer's words is a fragment of a
// paraphrase; the quote is the whole clause, not direct. A clause that
// already names a speaker and a speech verb ("X said the talks were “...”")
// is left as it is.
void Finder::EmbeddedFragment(const DirectSpan& d) {
  const Sentence* s = SentenceAt(d.open);
  if (!s || raw_.empty() || !raw_.back().direct || raw_.back().begin != d.begin) return;
  uint32_t b = s->span.begin;
  for (const DirectSpan& o : spans_)
    if (o.close_end > b && o.close_end <= d.open) b = std::max(o.close_end, o.attribution_end);
  if (b >= d.open) return;
  const std::string_view prefix = Slice(text_, b, d.open);
  if (CountWords(prefix) < 2 || prefix.find(':') != std::string_view::npos) return;
  for (const Token& t : s->toks) {
    if (t.begin < b) continue;
    if (t.begin >= d.open) break;
    if (t.kind == TokenKind::kQuote) return;
    if (t.kind == TokenKind::kWord && !t.cap && t_.verb(F(t)) != VerbClass::kNone) return;
  }
  uint32_t qb = b, qe = raw_.back().end;
  TrimContent(text_, &qb, &qe);
  raw_.back().begin = qb;
  raw_.back().direct = false;
}

// A quotation over paragraphs that marks only its ends: it opens in one
// paragraph and is never closed there, goes on through paragraphs without
// marks, and closes in a paragraph with no opening mark, followed by its
// attribution ("... all issues,” said X."). The closing paragraph becomes a
// span from its start; once attributed, the paragraphs back to the open
// one are the same speaker's, one quote each.
void Finder::ClosingParagraph(size_t pi) {
  const Span para = paras_[pi];
  uint32_t close = para.end, close_len = 0;
  for (const auto& [open, closer] : t_.quote_marks) {
    if (closer == open) continue;
    const size_t at = Slice(text_, para.begin, para.end).find(closer);
    if (at != std::string_view::npos && para.begin + at < close) {
      close = para.begin + static_cast<uint32_t>(at);
      close_len = static_cast<uint32_t>(closer.size());
    }
  }
  if (close_len == 0 || close == para.begin || IsSpace(text_[close - 1])) return;
  // The open quotation it closes, within a few paragraphs, with nothing but
  // unmarked paragraphs between.
  size_t opener = spans_.size();
  for (size_t i = spans_.size(); i-- > 0;) {
    const DirectSpan& o = spans_[i];
    const size_t po = ParaOf(o.open);
    if (po + 4 < pi) break;
    if (!o.closed && o.end >= paras_[po].end - 1) opener = i;
    break;
  }
  if (opener == spans_.size()) return;
  const size_t popen = ParaOf(spans_[opener].open);
  DirectSpan d{para.begin, para.begin, close, close + close_len, true, false, false, 0};
  while (d.begin < d.end && IsSpace(text_[d.begin])) ++d.begin;
  if (CountWords(Slice(text_, d.begin, d.end)) < kMinDirectWords) return;
  Subject sub;
  std::string cue;
  std::optional<std::string> ch;
  if (spans_[opener].accepted) {
    // Attributed where it opened ("X stated: “..."): the paragraphs up to
    // its close are that speaker's, with the channel of the opening, when
    // the close ends its paragraph (nothing else is said there).
    uint32_t after = close + close_len;
    while (after < para.end && (IsSpace(text_[after]) || text_[after] == '.')) ++after;
    if (after != para.end) return;
    const RawQuote* first = nullptr;
    for (const RawQuote& q : raw_)
      if (q.direct && q.begin == spans_[opener].begin) first = &q;
    if (!first) return;
    sub = first->subject;
    cue = first->cue;
    ch = first->channel;
    d.accepted = true;
    spans_.push_back(d);
    AddDirect(d, sub, cue, ch);
  } else {
    if (!AttributionAfter(d, &sub, &cue, &ch)) return;
    d.accepted = true;
    spans_.push_back(d);
    AddDirect(d, sub, cue, ch);
    DirectSpan& o = spans_[opener];
    o.accepted = true;
    o.pending = false;
    AddDirect(o, sub, cue, ch);
  }
  for (size_t pj = popen + 1; pj < pi; ++pj) {
    RawQuote q;
    q.begin = paras_[pj].begin;
    q.end = paras_[pj].end;
    TrimContent(text_, &q.begin, &q.end);
    if (q.end <= q.begin) continue;
    q.direct = true;
    q.subject = sub;
    q.channel = ch;
    q.cue = cue;
    raw_.push_back(q);
  }
}

void Finder::ContinuedQuotation(DirectSpan& d, Span para) {
  int last = -1;
  for (size_t r = raw_.size(), seen = 0; r-- > 0 && seen < 16; ++seen) {
    const RawQuote& q = raw_[r];
    if (q.begin < para.begin || q.end > d.open) continue;
    if (last < 0 || q.end > raw_[static_cast<size_t>(last)].end) last = static_cast<int>(r);
  }
  if (last < 0) return;
  // The quotation opens a sentence of its own, not a fragment of the
  // writer's clause.
  uint32_t b = d.open;
  while (b > para.begin && IsSpace(text_[b - 1])) --b;
  if (b == d.open || b <= para.begin) return;
  const char before = text_[b - 1];
  if (before != '.' && before != '!' && before != '?') return;
  const RawQuote prev = raw_[static_cast<size_t>(last)];
  if (prev.subject.kind == SubjectKind::kNone) return;
  for (const auto& m : people_.mentions)
    if (m.span.begin >= prev.end && m.span.begin < d.open) return;
  // Another speech verb between opens another attribution.
  const std::string_view gap = Slice(text_, prev.end, d.open);
  if (gap.find('"') != std::string_view::npos || CountWords(gap) > 40) return;
  d.accepted = true;
  AddDirect(d, prev.subject, "", prev.channel);
}

}  // namespace attache::quotes::internal
