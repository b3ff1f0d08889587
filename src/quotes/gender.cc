// Gender: what the page itself shows of a person's gender, so that a
// pronoun subject ("she said") is not resolved to a person of the other
// gender. Never from a list of first names: an honorific before one of the
// person's mentions ("Mr", "Ms": honorifics.txt), else a gendered
// possessive in a clause whose subject the person is ("X said her country
// ...", "X and his counterpart"), read on the tree. A person the page shows
// neither way is compatible with both.
#include <string>

#include "quotes/finder.h"

namespace attache::quotes::internal {

namespace {

// The gender mark of a pronoun or honorific form: 'm', 'f' or 0.
char MarkOf(const std::unordered_map<std::string, char>& table, std::string_view folded) {
  if (!folded.empty() && folded.back() == '.') folded.remove_suffix(1);
  const auto it = table.find(std::string(folded));
  return it != table.end() && (it->second == 'm' || it->second == 'f') ? it->second : 0;
}

}  // namespace

char Finder::PronounGender(const Subject& sub) const {
  if (sub.kind != SubjectKind::kPronoun) return 0;
  return MarkOf(t_.pronouns, text::Fold(Slice(text_, sub.span.begin, sub.span.end)));
}

bool Finder::GenderAgrees(const std::string& full_name, char g) const {
  if (g == 0) return true;
  const char have = GenderOf(full_name);
  return have == 0 || have == g;
}

char Finder::GenderOf(const std::string& full_name) const {
  if (const auto it = gender_.find(full_name); it != gender_.end()) return it->second;
  char found = 0;
  bool conflict = false;
  auto note = [&](char g) {
    if (g == 0) return;
    if (found != 0 && found != g) conflict = true;
    found = g;
  };
  // An honorific: the word right before a mention, or the mention's own
  // first word.
  for (const auto& m : people_.mentions) {
    if (m.full_name != full_name) continue;
    const Sentence* s = SentenceAt(m.span.begin);
    if (!s) continue;
    for (size_t k = 0; k < s->toks.size(); ++k) {
      const Token& tk = s->toks[k];
      if (tk.end <= m.span.begin) continue;
      if (tk.begin < m.span.end && tk.kind == TokenKind::kWord) note(MarkOf(t_.honorifics, F(tk)));
      size_t b = k;
      if (b > 0 && IsPunct(s->toks[b - 1], '.')) --b;
      if (b > 0 && s->toks[b - 1].kind == TokenKind::kWord) note(MarkOf(t_.honorifics, F(s->toks[b - 1])));
      break;
    }
  }
  if (found == 0 && !conflict && syn_) note(GenderOnTree(full_name, &conflict));
  const char g = conflict ? 0 : found;
  gender_.emplace(full_name, g);
  return g;
}

// A gendered possessive ("his", "her") in the clause whose nsubj is one of
// the person's mentions, after the mention, with no other person named and
// no quotation mark or other noun subject
// between them: the person's own.
char Finder::GenderOnTree(const std::string& full_name, bool* conflict) const {
  char found = 0;
  const Sentence* last = nullptr;
  for (const auto& m : people_.mentions) {
    if (m.full_name != full_name) continue;
    const Sentence* s = SentenceAt(m.span.begin);
    if (!s || s == last) continue;
    last = s;
    // Only a sentence that holds a gendered word is parsed.
    bool gendered = false;
    for (const Token& tk : s->toks)
      gendered = gendered || (tk.begin >= m.span.end && tk.kind == TokenKind::kWord && MarkOf(t_.pronouns, F(tk)));
    if (!gendered) continue;
    const syntax::Sentence* t = syn_->Get(s->index);
    if (!t) continue;
    for (const auto& mm : people_.mentions) {
      if (mm.full_name != full_name || SentenceAt(mm.span.begin) != s) continue;
      int verb = -1;
      for (int w = 0; w < t->size() && verb < 0; ++w) {
        const syntax::Word& x = t->words[static_cast<size_t>(w)];
        if (x.begin >= mm.span.begin && x.end <= mm.span.end && syntax::Sentence::Base(x.deprel) == "nsubj")
          verb = x.head;
      }
      if (verb < 0) continue;
      const syntax::WordRange r = t->Subtree(verb);
      for (int w = r.first; w <= r.last; ++w) {
        const syntax::Word& x = t->words[static_cast<size_t>(w)];
        if (x.begin < mm.span.end || x.deprel != "nmod:poss") continue;
        const char g = MarkOf(t_.pronouns, text::Fold(x.form));
        if (g == 0) continue;
        bool between = false;
        for (const auto& o : people_.mentions)
          between = between || (o.full_name != full_name && o.span.begin >= mm.span.end && o.span.end <= x.begin);
        for (const Token& tk : s->toks)
          between = between || (tk.kind == TokenKind::kQuote && tk.begin >= mm.span.end && tk.end <= x.begin);
        // "X said the minister would bring his ...": another noun subject.
        for (int v = 0; v < w && !between; ++v) {
          const syntax::Word& y = t->words[static_cast<size_t>(v)];
          between = y.begin >= mm.span.end && syntax::Sentence::Base(y.deprel) == "nsubj" &&
                    (y.upos == "NOUN" || y.upos == "PROPN");
        }
        if (between) break;  // later possessives may be the other person's
        if (found != 0 && found != g) *conflict = true;
        found = g;
        break;  // the first possessive after the subject speaks for it
      }
    }
  }
  return found;
}

// When every usual antecedent of a gendered pronoun is shown to be of the
// other gender: the last speaker so far the page shows to be of its gender,
// else the last person of its gender named in full in the pronoun's
// paragraph or the two before it; else none (no speaker is guessed).
std::string Finder::SpeakerOfGender(const std::vector<Quote>& out, const RawQuote& r, char g) const {
  if (g == 0) return "";
  for (size_t i = out.size(), seen = 0; i-- > 0 && seen < 8; ++seen)
    if (GenderOf(out[i].speaker) == g) return out[i].speaker;
  const size_t para = ParaOf(r.subject.span.begin);
  std::string best;
  for (const auto& m : people_.mentions) {
    if (m.span.begin >= r.subject.span.begin) break;
    if (m.span.begin >= r.begin && m.span.end <= r.end) continue;
    const size_t p = ParaOf(m.span.begin);
    if (p > para || p + 2 < para || m.full_name.find(' ') == std::string::npos) continue;
    if (GenderOf(m.full_name) == g) best = m.full_name;
  }
  return best;
}

}  // namespace attache::quotes::internal
