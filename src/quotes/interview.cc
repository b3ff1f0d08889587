// Question-and-answer interviews: paragraphs that ask (opening with a dash,
// or "Q:", and holding a question mark) and the paragraphs that answer them
// up to the next question. Each answer paragraph is one reported quote
// (verbatim but unquoted, so not direct) of the person the introduction
// names, with the outlet the introduction names as its channel ("in an
// interview with X", "X presents an interview with", "X spoke with NAME").
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "quotes/finder.h"

namespace attache::quotes::internal {

namespace {

// The paragraph without its leading spaces and dash ("- ", "– ", "— ") or
// speaker label ("Q:", "A:", a short capitalised name before a colon:
// "Nova:", "Question:"); `label` tells which was there: '-', the label's
// text, or empty.
std::string_view Body(std::string_view text, Span p, std::string* label) {
  std::string_view s = Slice(text, p.begin, p.end);
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  label->clear();
  for (std::string_view dash : {"- ", "\xE2\x80\x93 ", "\xE2\x80\x94 "})
    if (s.substr(0, dash.size()) == dash) {
      *label = "-";
      s.remove_prefix(dash.size());
      return s;
    }
  // A label: at most three capitalised words (letters, dots, hyphens),
  // then a colon and a space.
  const size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 40 || colon + 1 >= s.size() || !IsSpace(s[colon + 1]))
    return s;
  const std::string_view l = s.substr(0, colon);
  int words = 1;
  bool word_start = true;
  for (char c : l) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == ' ') {
      if (word_start) return s;
      ++words;
      word_start = true;
      continue;
    }
    if (word_start && !(u >= 'A' && u <= 'Z')) return s;
    if (!(u >= 0x80 || std::isalpha(u) || c == '.' || c == '-' || c == '\'')) return s;
    word_start = false;
  }
  if (words > 3 || word_start) return s;
  *label = std::string(l);
  s.remove_prefix(colon + 1);
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  return s;
}

}  // namespace

void Finder::FindInterview() {
  const size_t n = paras_.size();
  std::vector<bool> question(n, false);
  size_t first_question = n;
  int questions = 0;
  // A question: a paragraph with a question mark after a dash, "Q:", or a
  // label that asks at least twice ("Nova: ...?", "Question: ...?").
  std::vector<std::string> labels(n);
  std::vector<bool> asks(n, false);
  turns_.assign(n, nullptr);
  for (size_t i = 0; i < n; ++i) {
    const std::string_view b = Body(text_, paras_[i], &labels[i]);
    asks[i] = !labels[i].empty() && b.find('?') != std::string_view::npos && CountWords(b) >= 3;
    // A turn: the label is a person named in full, with the title before
    // the name and nothing else; the words are unquoted (a headline
    // "NAME: “...”" quotes them).
    if (labels[i].empty() || labels[i] == "-" || CountWords(b) < 6) continue;
    bool marks = false;
    for (const auto& [open, close] : t_.quote_marks)
      marks = marks || b.find(open) != std::string_view::npos || b.find(close) != std::string_view::npos;
    if (marks) continue;
    uint32_t start = paras_[i].begin;
    while (start < paras_[i].end && IsSpace(text_[start])) ++start;
    const uint32_t colon = start + static_cast<uint32_t>(labels[i].size());
    for (const auto& m : people_.mentions)
      if (m.span.end == colon && m.full_name.find(' ') != std::string::npos &&
          (m.title.size() > 0 ? m.title.begin : m.span.begin) == start)
        turns_[i] = &m;
  }
  std::string asker;  // the label that asks, when it is a name
  for (size_t i = 0; i < n; ++i) {
    if (!asks[i]) continue;
    int same = 0;
    for (size_t j = 0; j < n; ++j) same += asks[j] && labels[j] == labels[i];
    const bool repeated = same >= 2;
    if (labels[i] != "-" && labels[i] != "Q" && !repeated) continue;
    question[i] = true;
    ++questions;
    first_question = std::min(first_question, i);
    if (labels[i].size() > 1 && asker.empty()) asker = labels[i];
  }
  // With no labels (the questions set apart only by type): paragraphs that
  // are one short question each, at least two, each answered by the next
  // paragraph.
  if (questions == 0) {
    std::vector<size_t> bare;
    bool answered = true;
    for (size_t i = 0; i < n; ++i) {
      std::string_view b = Slice(text_, paras_[i].begin, paras_[i].end);
      while (!b.empty() && IsSpace(b.back())) b.remove_suffix(1);
      const int words = CountWords(b);
      if (!labels[i].empty() || b.empty() || b.back() != '?' || words < 3 || words > 40) continue;
      if (b.find('?') + 1 != b.size()) continue;  // one question, not a run of them
      const std::string_view next = i + 1 < n ? Slice(text_, paras_[i + 1].begin, paras_[i + 1].end) : "";
      if (CountWords(next) < 6 || next.find('?') != std::string_view::npos) answered = false;
      bare.push_back(i);
    }
    if (bare.size() >= 2 && answered)
      for (size_t i : bare) {
        question[i] = true;
        ++questions;
        first_question = std::min(first_question, i);
      }
  }
  if (questions == 0 || first_question == 0) return;
  // The interviewee: the first person named in full in the introduction,
  // the last paragraph before the first question that names someone in
  // full (a byline or a caption may stand between), after the word
  // "interview" when it has one ("X presents an interview with NAME").
  size_t intro_para = first_question - 1;
  for (size_t back = first_question; back-- > 0 && back + 4 >= first_question;) {
    bool named = false;
    for (const auto& m : people_.mentions)
      named = named || (m.span.begin >= paras_[back].begin && m.span.end <= paras_[back].end &&
                        m.full_name.find(' ') != std::string::npos);
    if (named) {
      intro_para = back;
      break;
    }
  }
  const Span intro = paras_[intro_para];
  const size_t iv = Slice(text_, intro.begin, intro.end).find("nterview");  // either case
  const uint32_t from = iv == std::string::npos ? intro.begin : intro.begin + static_cast<uint32_t>(iv);
  // Not the outlet of a channel frame read as a name ("in an interview with
  // Baltic Courier"); else the first person named in full anywhere in it
  // ("X answered the questions of ...").
  std::optional<std::string> frame_outlet;
  const Sentence* frame_sentence = nullptr;  // where frame_outlet is read
  for (const Sentence& s : sentences_) {
    if (s.span.begin < intro.begin || s.span.end > intro.end + 1) continue;
    int frame_end = -1;
    if ((frame_outlet = ChannelOf(s, &frame_end))) {
      frame_sentence = &s;
      break;
    }
  }
  for (uint32_t start : {from, intro.begin}) {
    for (const auto& m : people_.mentions)
      if (m.span.begin >= start && m.span.end <= intro.end && m.full_name.find(' ') != std::string::npos &&
          !(frame_outlet && frame_outlet->find(Slice(text_, m.span.begin, m.span.end)) != std::string::npos)) {
        interviewee_ = &m;
        break;
      }
    if (interviewee_) break;
  }
  if (!interviewee_) return;
  // The outlet: a channel frame of the introduction ("in an interview with
  // X"), else the capitalised name the introduction opens with ("X presents
  // an interview with ..."), else the possessive in "questions of X's".
  // The sentences before frame_sentence hold no channel frame.
  for (const Sentence& s : sentences_) {
    if (s.span.begin < intro.begin || s.span.end > intro.end + 1) continue;
    if (&s == frame_sentence) {
      interview_channel_ = frame_outlet;
      break;
    }
    const int toks = static_cast<int>(s.toks.size());
    for (int k = 0; k + 1 < toks; ++k) {
      if (!(IsWord(s.toks[k], "interview") || IsWord(s.toks[k], "questions"))) continue;
      if (IsWord(s.toks[k], "questions") && k + 2 < toks && (IsWord(s.toks[k + 1], "of") || IsWord(s.toks[k + 1], "from"))) {
        // "questions of APA's Russian bureau": the owner of the bureau.
        const Token& o = s.toks[k + 2];
        if (o.cap) interview_channel_ = std::string(WithoutPossessive(W(o)));
      } else if (auto o = OutletOf(s, 0, k)) {
        // "X presents an interview with ...": X, unless X is the interviewee.
        if (s.toks[0].begin < interviewee_->span.begin || s.toks[0].begin >= interviewee_->span.end)
          if (o->find(' ') == std::string::npos || k <= 4) interview_channel_ = o;
      }
      break;
    }
    if (interview_channel_) break;
  }
  // "OUTLET spoke with NAME about ...": the named subject of a verb whose
  // object or oblique is a person named in full, read on the tree.
  for (const Sentence& s : sentences_) {
    if (interview_channel_ || !syn_) break;
    if (s.span.begin < intro.begin || s.span.end > intro.end + 1) continue;
    const syntax::Sentence* t = syn_->Get(s.index);
    if (!t) continue;
    for (int w = 0; w < t->size() && !interview_channel_; ++w) {
      const syntax::Word& x = t->words[static_cast<size_t>(w)];
      const std::string_view rel = syntax::Sentence::Base(x.deprel);
      if ((rel != "obj" && rel != "obl") || x.head < 0) continue;
      const text::PersonMention* person = nullptr;
      for (const auto& m : people_.mentions)
        if (m.span.begin <= x.begin && x.end <= m.span.end && m.full_name.find(' ') != std::string::npos) person = &m;
      const int subj = t->Child(x.head, "nsubj");
      if (!person || subj < 0 || t->words[static_cast<size_t>(subj)].upos != "PROPN") continue;
      const syntax::WordRange r = t->Subtree(subj);
      const int b = t->words[static_cast<size_t>(r.first)].token, e = t->words[static_cast<size_t>(r.last)].token;
      if (b < 0 || e < b || e >= static_cast<int>(s.toks.size())) continue;
      interview_channel_ = OutletOf(s, b, e + 1);
      // The outlet's name read as a person's: the one it spoke with answers.
      if (interview_channel_ && s.toks[b].begin < interviewee_->span.end && s.toks[e].end > interviewee_->span.begin)
        interviewee_ = person;
    }
  }
  // The label that asks names the outlet when the introduction does not
  // ("Nova: How ...?"), unless all its words are words that never name
  // ("Question") or it is the interviewee's own name.
  if (!interview_channel_ && !asker.empty() && interviewee_->full_name.find(asker) == std::string::npos) {
    bool name = false;
    size_t b = 0;
    while (b < asker.size()) {
      size_t e = asker.find(' ', b);
      if (e == std::string::npos) e = asker.size();
      if (!t_.not_names.count(asker.substr(b, e - b))) name = true;
      b = e + 1;
    }
    if (name) interview_channel_ = asker;
  }
  // Else the page is the outlet's own interview.
  if (!interview_channel_ && !page_outlet_.empty()) interview_channel_ = page_outlet_;
  answers_.assign(n, false);
  for (size_t i = first_question + 1; i < n; ++i) {
    if (question[i]) continue;
    if (!question[i - 1] && !answers_[i - 1]) break;
    std::string label;
    const std::string_view b = Body(text_, paras_[i], &label);
    if (CountWords(b) < 6) break;  // the interview is over: furniture follows
    answers_[i] = true;
  }
}

bool Finder::Answer(size_t pi) {
  const bool answer = pi < answers_.size() && answers_[pi];
  const text::PersonMention* who = nullptr;
  if (pi < turns_.size() && turns_[pi] && !answer) who = turns_[pi];  // a turn of a transcript
  else if (answer) who = interviewee_;                                 // an answer of the interview
  else return false;
  std::string label;
  const std::string_view b = Body(text_, paras_[pi], &label);
  RawQuote q;
  q.begin = static_cast<uint32_t>(b.data() - text_.data());
  q.end = q.begin + static_cast<uint32_t>(b.size());
  TrimContent(text_, &q.begin, &q.end);
  q.direct = false;
  q.subject.kind = SubjectKind::kPerson;
  q.subject.person = who;
  q.subject.span = who->span;
  if (answer) q.channel = interview_channel_;
  q.cue = answer ? "answer" : "turn";
  raw_.push_back(q);
  return true;
}

}  // namespace attache::quotes::internal
