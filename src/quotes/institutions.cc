// Institutions as speakers: an institution's head words ("ministry",
// "Foreign Office"), the acronyms the text defines or can spell, and the
// institution phrase that ends at a token ("the Foreign Ministry", "the
// presidential press service", "Ministry of External Affairs") with the
// lower-case modifiers that may belong to it.
#include <string>

#include "quotes/finder.h"
#include "text/gazetteer.h"

namespace attache::quotes::internal {

bool Finder::IsInstitutionWord(std::string_view w) const {
  if (t_.institutions.count(std::string(w))) return true;
  if (w.empty() || !(w[0] >= 'a' && w[0] <= 'z')) return false;
  std::string cap(w);
  cap[0] = static_cast<char>(cap[0] - 32);
  return t_.institutions.count(cap) > 0;
}

// Acronyms the text defines or can spell: "Ministry of External Affairs
// (MEA)", "Foreign Office" for "FO".
void Finder::FindAcronyms() {
  for (const Sentence& s : sentences_) {
    const auto& tk = s.toks;
    for (size_t i = 0; i + 2 < tk.size(); ++i) {
      if (!(IsPunct(tk[i], '(') && tk[i + 1].all_caps && IsPunct(tk[i + 2], ')')) || i == 0) continue;
      // The capitalised run before the parenthesis.
      size_t b = i;
      while (b > 0 && tk[b - 1].kind == TokenKind::kWord &&
             (tk[b - 1].cap || IsWord(tk[b - 1], "of") || IsWord(tk[b - 1], "for") || IsWord(tk[b - 1], "and")))
        --b;
      if (b < i) acronyms_.emplace_back(std::string(W(tk[i + 1])), std::string(Slice(text_, tk[b].begin, tk[i - 1].end)));
    }
  }
}

std::string Finder::ExpandAcronym(std::string_view a) const {
  for (const auto& [abbr, full] : acronyms_)
    if (abbr == a) return full;
  // Initials of a capitalised institution name found in the text.
  for (const Sentence& s : sentences_) {
    const auto& tk = s.toks;
    for (size_t i = 0; i + a.size() <= tk.size(); ++i) {
      bool ok = true;
      bool institution = false;
      size_t j = i;
      // "Ministry of External Affairs" for "MEA": a short lower-case joiner
      // between two initials spells nothing.
      for (size_t k = 0; k < a.size() && ok; ++k, ++j) {
        if (k > 0 && j + 1 < tk.size() && tk[j].kind == TokenKind::kWord && !tk[j].cap && tk[j].end - tk[j].begin <= 3)
          ++j;
        if (j >= tk.size()) {
          ok = false;
          break;
        }
        const Token& t = tk[j];
        ok = t.kind == TokenKind::kWord && t.cap && !t.all_caps && text_[t.begin] == a[k];
        institution = institution || IsInstitutionWord(W(t));
      }
      if (ok && institution) return std::string(Slice(text_, tk[i].begin, tk[j - 1].end));
    }
  }
  return "";
}

// An institution: capitalised words (with "of", "and", "for") that hold
// an institution word: "the Foreign Ministry", "Ministry of External
// Affairs", "the ministry", "a statement from the Foreign Office". An
// institution named by a lower-case noun phrase keeps its modifiers when a
// determiner or a possessive opens the phrase: "the German foreign
// office", "the presidential press service", "the Kremlin's press service"
// (a person's possessive is left out: "Lula's presidential office").
Subject Finder::InstitutionEndingAt(const Sentence& s, int j) const {
  Subject sub;
  if (j < 0 || j >= static_cast<int>(s.toks.size())) return sub;
  const Token& t = s.toks[j];
  const std::string& w = F(t);
  int k = j;
  bool institution = false;
  int start = j;
  int plain_start = j;  // the phrase without lower-case modifiers
  bool joined = false;  // an "of", "and" or "for" was crossed
  int modifiers = 0;
  bool in_plain = true;
  while (k >= 0) {
    const Token& d = s.toks[k];
    if (d.kind != TokenKind::kWord) break;
    const std::string& dw = F(d);
    const bool inst = IsInstitutionWord(W(d));
    if (inst) institution = true;
    if (d.cap || inst) {
      start = k;
      if (in_plain) plain_start = k;
    } else if (dw == "of" || dw == "and" || dw == "for") {
      joined = true;
    } else if (k > 0 && k < j && IsDeterminer(dw) && !IsPossessive(dw) && IsWord(s.toks[k - 1], "of") &&
               s.toks[k + 1].cap) {
      // "the press service of the President of Azerbaijan": an article
      // after "of" opens a named part of the phrase.
    } else if (k > 0 && k < j && IsPreposition(d) && !institution && !joined &&
               IsInstitutionWord(W(s.toks[k - 1])) && text::LookupPlace(Slice(text_, s.toks[k + 1].begin, t.end))) {
      // "the Danish Embassy in Oslo": the place of the institution after
      // its head.
    } else if (!joined && institution && modifiers < 3 && IsModifier(d)) {
      start = k;
      ++modifiers;
      in_plain = false;
    } else {
      break;
    }
    --k;
  }
  if (!(institution && (t.cap || IsInstitutionWord(w)))) return sub;
  if (start != plain_start) {
    // Lower-case modifiers stand only in a phrase that a determiner or a
    // possessive opens (or that opens the sentence).
    const std::string& lead = F(s.toks[start]);
    const bool possessive_lead = s.toks[start].cap && IsPossessive(lead);
    const bool determiner = k >= 0 && s.toks[k].kind == TokenKind::kWord && IsDeterminer(F(s.toks[k]));
    if (!(determiner || possessive_lead || k < 0)) start = plain_start;
  }
  // A person's possessive is not part of the institution's name.
  if (start < j && IsPossessive(F(s.toks[start])) && MentionEndingIn(s.toks[start])) ++start;
  sub.kind = SubjectKind::kInstitution;
  sub.span = {s.toks[start].begin, t.end};
  return sub;
}

// A lower-case word that can modify an institution's head noun
// ("foreign", "defence", "presidential"): not a function word, pronoun,
// adverb, number or role noun.
bool Finder::IsModifier(const Token& d) const {
  if (d.kind != TokenKind::kWord || d.cap) return false;
  const std::string& dw = F(d);
  if (dw.size() < 2 || IsDeterminer(dw) || IsSkippable(d)) return false;
  if (t_.function_words.count(dw) || t_.generic_speakers.count(dw) || t_.role_nouns.count(dw)) return false;
  for (char c : dw)
    if (!((c >= 'a' && c <= 'z') || c == '-' || static_cast<unsigned char>(c) >= 0x80)) return false;
  return true;
}

}  // namespace attache::quotes::internal
