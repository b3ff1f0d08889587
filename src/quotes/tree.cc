// Reported speech read on the dependency tree (src/syntax), where the word
// patterns of reported.cc found none. Only sentences with a speech cue (a
// word of speech_verbs.txt, or a verb of stance.txt) are parsed.
//   - the content is the clausal complement (ccomp) of a speech verb: "said
//     he would ...", "told CBC on Friday they ...", "admitted he was ...";
//     or the "that" clause of a stance noun the verb takes as its object:
//     "expressed confidence that ...", "voiced hope that ...";
//   - the speaker is the verb's nsubj, or that of the verb it is the conj,
//     xcomp or advcl of ("met X and said ..."); a passive subject is none. A
//     place or an organisation the tagger names is an institution ("Iran
//     said it would ..."); each conjunct of the subject speaks ("Norway
//     and Denmark said ...");
//   - the channel is the outlet named by the verb's obj or iobj ("told
//     Trend") or by its obl with "to" ("said to Report").
// An outlet told something at an institution ("Trend was told at the
// ministry that ...", "As APA was told in the press service, ..."): the
// institution in the passive verb's obl speaks, to the outlet its subject
// names (ToldAtInstitution).
#include <optional>
#include <string>

#include "quotes/finder.h"

namespace attache::quotes::internal {

namespace {

using Tree = syntax::Sentence;

std::string_view Rel(const Tree& t, int w) { return Tree::Base(t.words[static_cast<size_t>(w)].deprel); }

}  // namespace

// What ReportedOnTree needs of a cue word before it parses: a speech or
// stance verb not yet read, with kMinReportedWords words after it for the
// content, tagged a verb (the parse keeps the tagger's tags), a stance verb
// with a stance noun in the sentence for its object, and before it a
// subject phrase that TreeSubject can return (a phrase SubjectEndingAt
// reads, or a proper noun). Tagging costs a third of a parse.
bool Finder::SpeechCue(const Sentence& s) const {
  const syntax::Sentence* tagged = nullptr;
  int stance_noun = -1;  // not looked for yet
  const int n = static_cast<int>(s.toks.size());
  for (int k = 0; k + 1 < n; ++k) {
    const Token& t = s.toks[k];
    if (t.kind != TokenKind::kWord || t.cap) continue;
    const std::string& w = F(t);
    const bool speech = t_.verb(w) != VerbClass::kNone;
    if (!(speech || t_.stance_verbs.count(w)) || InAccepted(t.begin) || VerbUsed(t.begin)) continue;
    if (CountWords(Slice(text_, s.toks[k + 1].begin, s.span.end)) < kMinReportedWords) continue;
    if (!tagged && !(tagged = syn_->Tagged(s.index))) return false;
    const int wi = tagged->WordOfToken(k);
    if (wi < 0 || tagged->words[static_cast<size_t>(wi)].upos != "VERB") continue;
    if (!speech && stance_noun < 0) {
      stance_noun = 0;
      for (const syntax::Word& x : tagged->words) stance_noun |= t_.stance_nouns.count(text::Fold(x.form)) > 0;
    }
    if (!speech && stance_noun == 0) continue;
    for (const syntax::Word& x : tagged->words)
      if (x.token >= 0 && x.token < k && x.upos == "PROPN") return true;
    for (int j = 0; j < k; ++j)
      if (SubjectEndingAt(s, j).kind != SubjectKind::kNone) return true;
  }
  return false;
}

// "The pool was not told where ...": the tagger's auxiliary before the
// verb, then the tree's passive dependents.
bool Finder::PassiveOnTree(const Sentence& s, int v) const {
  if (!syn_ || v == 0) return false;
  const syntax::Sentence* tagged = syn_->Tagged(s.index);
  if (!tagged) return false;
  const int w = tagged->WordOfToken(v);
  int a = w - 1;
  if (a >= 0 && tagged->words[static_cast<size_t>(a)].upos == "PART") --a;
  if (a < 0 || tagged->words[static_cast<size_t>(a)].upos != "AUX") return false;
  const syntax::Sentence* t = syn_->Get(s.index);
  if (!t) return false;
  for (int c : t->Children(w))
    if (t->words[static_cast<size_t>(c)].deprel == "aux:pass" || t->words[static_cast<size_t>(c)].deprel == "nsubj:pass")
      return true;
  return false;
}

// The antecedent of a relative pronoun subject (the head of the relative
// clause, acl:relcl, whose nsubj it is: "X, who said ..."), else `subj`.
int Finder::RelativeAntecedent(const syntax::Sentence& t, int subj) {
  const syntax::Word& x = t.words[static_cast<size_t>(subj)];
  if (x.upos != "PRON" || x.head < 0) return subj;
  const syntax::Word& clause = t.words[static_cast<size_t>(x.head)];
  const size_t colon = clause.deprel.find(':');
  if (colon == std::string::npos || std::string_view(clause.deprel).substr(colon + 1) != "relcl") return subj;
  // The pronoun opens its clause (punctuation aside).
  int first = t.Subtree(x.head).first;
  while (first < subj && t.words[static_cast<size_t>(first)].upos == "PUNCT") ++first;
  if (first != subj) return subj;
  // The name just before the pronoun ("X's press secretary, Y, who"),
  // else the noun the clause hangs on, else (a clause the parser hung on
  // the verb, advcl:relcl) the noun just before it.
  int w = subj - 1;
  while (w >= 0 && t.words[static_cast<size_t>(w)].upos == "PUNCT") --w;
  if (w < 0) return subj;
  const std::string_view before = t.words[static_cast<size_t>(w)].upos;
  if (before == "PROPN") return w;
  if (clause.head >= 0 && clause.head < subj) {
    const std::string_view upos = t.words[static_cast<size_t>(clause.head)].upos;
    if (upos == "NOUN" || upos == "PROPN") return clause.head;
  }
  return before == "NOUN" ? w : subj;
}

Subject Finder::TreeSubject(const Sentence& s, const syntax::Sentence& t, int subj, int verb_tok) const {
  const int n = static_cast<int>(s.toks.size());
  const syntax::WordRange r = t.Subtree(subj);
  const int first = t.words[static_cast<size_t>(r.first)].token;
  const int head = t.words[static_cast<size_t>(subj)].token;
  if (first < 0 || head < 0 || head >= verb_tok) return {};
  // A person named from the head on, appositives included ("EU Special
  // Envoy ..., Miroslav Lajcak, says"), else the last subject phrase up to
  // the first comma after the head.
  for (int j = head; j < verb_tok && j < n; ++j) {
    const Subject sub = SubjectEndingAt(s, j);
    if (sub.kind == SubjectKind::kPerson || sub.kind == SubjectKind::kPronoun) return sub;
  }
  Subject best;
  for (int j = std::max(first, 0); j < verb_tok && j < n; ++j) {
    const Token& tk = s.toks[j];
    if (j > head && (IsPunct(tk, ',') || IsPunct(tk, '(') || tk.kind == TokenKind::kQuote)) break;
    const Subject sub = SubjectEndingAt(s, j);
    if (sub.kind != SubjectKind::kNone) best = sub;
  }
  if (best.kind != SubjectKind::kNone) return best;
  // A place or an organisation the tagger names: "Iran said", "Washington
  // believes".
  const syntax::Word& x = t.words[static_cast<size_t>(subj)];
  if (x.upos != "PROPN") return {};
  for (const syntax::Entity& e : t.entities) {
    if (e.first > subj || subj > e.last || e.type == syntax::EntityType::kPerson) continue;
    Subject inst;
    inst.kind = SubjectKind::kInstitution;
    inst.span = {e.begin, e.end};
    inst.start = e.begin;
    return inst;
  }
  return {};
}

Subject Finder::TreeSubjectBetween(const Sentence& s, int c, int v) const {
  if (!syn_) return {};
  // What TreeSubject can return between the comma and the verb: a phrase
  // SubjectEndingAt reads, or a proper noun (the tagger's tags are the
  // parse's); a sentence with neither there is not parsed.
  bool cue = false;
  for (int j = c + 1; j < v && !cue; ++j) cue = SubjectEndingAt(s, j).kind != SubjectKind::kNone;
  if (const syntax::Sentence* tg = cue ? nullptr : syn_->Tagged(s.index))
    for (const syntax::Word& x : tg->words) cue = cue || (x.token > c && x.token < v && x.upos == "PROPN");
  if (!cue) return {};
  const syntax::Sentence* t = syn_->Get(s.index);
  if (!t) return {};
  const int w = t->WordOfToken(v);
  if (w < 0) return {};
  const int subj = t->Child(w, "nsubj");
  if (subj < 0 || t->words[static_cast<size_t>(subj)].deprel == "nsubj:pass") return {};
  const int first = t->words[static_cast<size_t>(t->Subtree(subj).first)].token;
  if (first <= c || t->words[static_cast<size_t>(subj)].token >= v) return {};
  return TreeSubject(s, *t, subj, v);
}

// "Stressing that the humanitarian sphere is important, President X noted
// ...": a participle of speech that opens the sentence, its clause the
// content, the speaker the subject of the verb it is an adjunct of.
bool Finder::FrontedParticiple(const Sentence& s, const std::optional<std::string>& channel) {
  const int n = static_cast<int>(s.toks.size());
  if (!syn_ || n < 8) return false;
  const Token& vt = s.toks[0];
  if (vt.kind != TokenKind::kWord || t_.verb(F(vt)) != VerbClass::kIng || InAccepted(vt.begin) || VerbUsed(vt.begin))
    return false;
  // The participle's clause opens with a subordinator ("that").
  const syntax::Sentence* tagged = syn_->Tagged(s.index);
  if (!tagged) return false;
  const int m = tagged->WordOfToken(1);
  if (m < 0 || tagged->words[static_cast<size_t>(m)].upos != "SCONJ") return false;
  // It ends at the comma after which the main clause's subject and its
  // speech verb stand.
  for (int k = 3; k + 2 < n; ++k) {
    if (!IsPunct(s.toks[k], ',')) continue;
    for (int j = k + 1; j < n && j <= k + 10; ++j) {
      const Subject sub = SubjectEndingAt(s, j);
      if (sub.kind != SubjectKind::kPerson && sub.kind != SubjectKind::kDescription &&
          sub.kind != SubjectKind::kInstitution)
        continue;
      int v = j + 1;
      while (v < n && IsSkippable(s.toks[v])) ++v;
      if (v >= n || s.toks[v].kind != TokenKind::kWord || s.toks[v].cap || t_.verb(F(s.toks[v])) == VerbClass::kNone)
        continue;
      if (NamesOutlet(s, sub)) return false;
      const size_t before = raw_.size();
      AddReported(s.toks[2].begin, s.toks[k].begin, sub, channel, std::string(W(vt)));
      return raw_.size() > before;
    }
  }
  return false;
}

int Finder::UnreadVerb(const Sentence& s, const Tree& t, int w) const {
  const syntax::Word& x = t.words[static_cast<size_t>(w)];
  const int v = x.token;
  if (v < 0 || v >= static_cast<int>(s.toks.size()) || x.upos != "VERB" || t.WordOfToken(v) != w) return -1;
  const Token& vt = s.toks[static_cast<size_t>(v)];
  return vt.cap || InAccepted(vt.begin) || VerbUsed(vt.begin) ? -1 : v;
}

bool Finder::ReportedOnTree(const Sentence& s, const std::optional<std::string>& channel) {
  if (!syn_) return false;
  const syntax::Sentence* tp = syn_->Get(s.index);
  if (!tp) return false;
  const Tree& t = *tp;
  const int n = static_cast<int>(s.toks.size());
  for (int w = 0; w < t.size(); ++w) {
    const int v = UnreadVerb(s, t, w);
    if (v < 0) continue;
    const Token& vt = s.toks[v];
    const VerbClass vc = t_.verb(F(vt));
    const bool stance = t_.stance_verbs.count(F(vt)) > 0;
    if (vc == VerbClass::kNone && !stance) continue;
    // The content: the verb's ccomp, or the "that" clause of a stance noun
    // (under the noun, or under the verb when the parser puts it there).
    bool stance_obj = false;
    for (int c : t.Children(w))
      stance_obj = stance_obj || (stance && Rel(t, c) == "obj" &&
                                  t_.stance_nouns.count(text::Fold(t.words[static_cast<size_t>(c)].form)) > 0);
    int content = -1;
    for (int c : t.Children(w)) {
      const std::string_view rel = Rel(t, c);
      if ((vc != VerbClass::kNone || (stance_obj && t.Child(c, "mark") >= 0)) && rel == "ccomp" &&
          t.words[static_cast<size_t>(c)].token > v) {
        content = c;
        break;
      }
      if (stance && rel == "obj" && t_.stance_nouns.count(text::Fold(t.words[static_cast<size_t>(c)].form))) {
        for (int cc : t.Children(c)) {
          const std::string_view r2 = Rel(t, cc);
          if ((r2 == "acl" || r2 == "ccomp") && t.Child(cc, "mark") >= 0) content = cc;
        }
        if (content >= 0) break;
      }
    }
    if (content < 0) continue;
    // The first word of the content, after its "that".
    int first = t.Subtree(content).first;
    const int mark = t.Child(content, "mark");
    if (mark >= 0 && mark == first && text::Fold(t.words[static_cast<size_t>(mark)].form) == "that") ++first;
    if (first > t.Subtree(content).last) continue;
    const int ct = t.words[static_cast<size_t>(first)].token;
    if (ct <= v || ct >= n || s.toks[ct].kind == TokenKind::kQuote) continue;
    // A relative clause read as the complement ("acknowledged X, who ...").
    static const WordSet kWh = {"who", "whom", "whose", "which", "where", "when", "what", "how", "why"};
    if (kWh.has(F(s.toks[ct]))) continue;
    // The speaker: the nsubj of the verb or of the verb it hangs on.
    int subj = -1;
    for (int h = w, hop = 0; hop < 3 && h >= 0 && subj < 0; ++hop) {
      for (int c : t.Children(h))
        if (Rel(t, c) == "nsubj") {
          subj = c;
          break;
        }
      // "Washington and Tehran have both said": a subject the parser hung
      // on the verb's auxiliary before it.
      for (int c : t.Children(h)) {
        if (subj >= 0) break;
        if (Rel(t, c) != "aux" || c > h) continue;
        for (int cc : t.Children(c))
          if (Rel(t, cc) == "nsubj" && cc < c) subj = cc;
      }
      if (subj >= 0) break;
      const std::string_view rel = Rel(t, h);
      if (rel != "conj" && rel != "xcomp" && rel != "advcl") break;
      h = t.words[static_cast<size_t>(h)].head;
    }
    if (subj < 0 || t.words[static_cast<size_t>(subj)].deprel == "nsubj:pass") continue;
    // "..., X, who said ...": the relative pronoun's antecedent speaks.
    subj = RelativeAntecedent(t, subj);
    const Subject sub = TreeSubject(s, t, subj, v);
    if (sub.kind == SubjectKind::kNone || ModifierOfNoun(s, sub, v) || NamesOutlet(s, sub)) continue;
    if (sub.kind == SubjectKind::kInstitution && !ReportingSubject(s, sub)) continue;
    // The channel: the outlet the verb names as its object or "to" oblique.
    std::optional<std::string> ch = channel;
    for (int c : t.Children(w)) {
      const std::string_view rel = Rel(t, c);
      const bool to = rel == "obl" && t.Child(c, "case") >= 0 &&
                      text::Fold(t.words[static_cast<size_t>(t.Child(c, "case"))].form) == "to";
      if (!((rel == "obj" || rel == "iobj") && vc == VerbClass::kTell) && !to) continue;
      const syntax::WordRange r = t.Subtree(c);
      const int b = t.words[static_cast<size_t>(r.first)].token, e = t.words[static_cast<size_t>(r.last)].token;
      if (b < 0 || e < b || e >= n) continue;
      if (auto outlet = OutletOf(s, to ? b + 1 : b, e + 1)) ch = outlet;
    }
    const uint32_t begin = s.toks[ct].begin;
    const size_t before = raw_.size();
    AddReported(begin, ContentEnd(s, begin), sub, ch, std::string(W(vt)));
    if (raw_.size() == before) continue;
    // "Washington and Tehran have both said ...": one quote per conjunct
    // of the subject that is itself a speaker.
    for (int c : t.Children(subj)) {
      if (Rel(t, c) != "conj") continue;
      const Subject other = TreeSubject(s, t, c, v);
      if (other.kind != SubjectKind::kPerson && other.kind != SubjectKind::kInstitution) continue;
      RawQuote q = raw_.back();
      q.subject = other;
      raw_.push_back(std::move(q));
    }
    return true;
  }
  return false;
}

// "Nordpress was told at the president's office that ...", "As Nordpress
// was told in the press centre of the Parliament, ...": a passive verb of
// telling whose subject is an outlet and whose obl names an institution.
// The content is the verb's ccomp, or, when the verb's clause is a fronted
// adverbial, the main clause after it.
bool Finder::ToldAtInstitution(const Sentence& s) {
  if (!syn_) return false;
  const syntax::Sentence* tp = syn_->Get(s.index);
  if (!tp) return false;
  const Tree& t = *tp;
  const int n = static_cast<int>(s.toks.size());
  auto tok = [&](int w) { return t.words[static_cast<size_t>(w)].token; };
  for (int w = 0; w < t.size(); ++w) {
    const syntax::Word& x = t.words[static_cast<size_t>(w)];
    const int v = UnreadVerb(s, t, w);
    if (v < 0) continue;
    const Token& vt = s.toks[v];
    if (t_.verb(F(vt)) == VerbClass::kNone && !t_.trailing_verbs.count(F(vt))) continue;
    const int subj = t.Child(w, "nsubj:pass");
    if (subj < 0 || t.Child(w, "aux:pass") < 0) continue;
    // The institution: an obl (not a time) with a preposition, holding an
    // institution's head word.
    Subject inst;
    for (int c : t.Children(w)) {
      if (t.words[static_cast<size_t>(c)].deprel != "obl" || t.Child(c, "case") < 0) continue;
      const syntax::WordRange r = t.Subtree(c);
      int b = tok(t.Child(c, "case")) + 1, e = tok(r.last);
      if (b <= 0 || e < b || e >= n) continue;
      bool head = false;
      for (int k = b; k <= e; ++k) head = head || (s.toks[k].kind == TokenKind::kWord && IsInstitutionWord(F(s.toks[k])));
      if (!head) continue;
      inst.kind = SubjectKind::kInstitution;
      inst.span = {s.toks[b].begin, s.toks[e].end};
      inst.start = inst.span.begin;
      break;
    }
    if (inst.kind == SubjectKind::kNone) continue;
    // The content.
    int first = -1;
    for (int c : t.Children(w))
      if (Rel(t, c) == "ccomp" && tok(c) > v) {
        first = t.Subtree(c).first;
        const int mark = t.Child(c, "mark");
        if (mark == first) ++first;
        break;
      }
    if (first < 0 && Rel(t, w) == "advcl" && t.Child(w, "mark") >= 0 && x.head > w) {
      first = t.Subtree(w).last + 1;
      while (first < t.size() && t.words[static_cast<size_t>(first)].upos == "PUNCT") ++first;
    }
    if (first < 0 || first >= t.size() || tok(first) <= v || tok(first) >= n) continue;
    // The channel: the outlet the subject names, its quotation marks aside.
    const syntax::WordRange r = t.Subtree(subj);
    int wb = r.first;
    while (wb < subj && (t.words[static_cast<size_t>(wb)].upos == "PUNCT" || t.words[static_cast<size_t>(wb)].upos == "SCONJ" ||
                         t.words[static_cast<size_t>(wb)].upos == "ADP"))
      ++wb;
    int b = tok(wb), e = tok(r.last);
    while (b >= 0 && b < e && s.toks[b].kind != TokenKind::kWord) ++b;
    while (e > b && s.toks[e].kind != TokenKind::kWord) --e;
    std::optional<std::string> ch;
    if (b >= 0 && e >= b) ch = OutletOf(s, b, e + 1);
    if (!ch) continue;
    const uint32_t begin = s.toks[tok(first)].begin;
    const size_t before = raw_.size();
    AddReported(begin, ContentEnd(s, begin), inst, ch, std::string(W(vt)));
    if (raw_.size() > before) return true;
  }
  return false;
}

}  // namespace attache::quotes::internal
