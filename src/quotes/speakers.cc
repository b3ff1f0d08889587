// Speakers: the subject phrase that ends at a token (a named person, a
// pronoun, a description such as "the analyst", an institution, an acronym),
// the subject of a speech verb over adverbs and appositives, and the
// speaker named in a frame's slot. The institution phrase itself and the
// acronyms are read in institutions.cc.
#include <algorithm>
#include <optional>
#include <string>

#include "quotes/finder.h"

namespace attache::quotes::internal {

// Words that may stand between a subject and its verb.
bool Finder::IsSkippable(const Token& t) const {
  if (t.kind != TokenKind::kWord) return false;
  static const WordSet kSkip = {"also", "further", "again", "then", "later", "earlier", "previously", "once",
                                "not", "never", "did", "does", "do", "has", "have", "had", "will", "would",
                                "could", "can", "may", "might", "must", "should", "to", "fail", "failed",
                                "already", "still", "even", "himself", "herself", "today", "yesterday",
                                "recently", "repeatedly", "reportedly", "however", "nevertheless", "meanwhile",
                                "separately", "too", "is", "was", "been", "on", "monday", "tuesday",
                                "wednesday", "thursday", "friday", "saturday", "sunday"};
  const std::string& w = F(t);
  if (kSkip.has(w)) return true;
  // Adverbs: bluntly, publicly (lower case only: "Chaly" is a name).
  return !t.cap && w.size() > 4 && w.compare(w.size() - 2, 2, "ly") == 0;
}

// ------------------------------------------------------------ subjects
// The person mention that ends inside token t (possessive endings aside).
const text::PersonMention* Finder::MentionEndingIn(const Token& t) const {
  auto it = std::upper_bound(mentions_by_end_.begin(), mentions_by_end_.end(), t.begin,
                             [](uint32_t b, const text::PersonMention* m) { return b < m->span.end; });
  const text::PersonMention* found = nullptr;
  for (; it != mentions_by_end_.end() && (*it)->span.end <= t.end; ++it) {
    if ((*it)->span.begin <= t.begin) return *it;
    if (!found) found = *it;
  }
  return found;
}

// The subject whose last token is toks[j], if any, with `start` set to the
// beginning of its phrase: its title, or a possessive before it ("his office").
Subject Finder::SubjectEndingAt(const Sentence& s, int j) const {
  Subject sub = SubjectCore(s, j);
  if (sub.kind == SubjectKind::kNone) return sub;
  sub.start = sub.span.begin;
  if (sub.person && sub.person->title.size() > 0) sub.start = std::min(sub.start, sub.person->title.begin);
  for (int k = j; k > 0; --k) {
    if (s.toks[k].begin > sub.start) continue;
    if (s.toks[k].begin == sub.start) {
      const std::string& w = F(s.toks[k - 1]);
      if (w == "his" || w == "her" || w == "its" || w == "their" || w == "the" || w == "a") sub.start = s.toks[k - 1].begin;
    }
    break;
  }
  return sub;
}

Subject Finder::SubjectCore(const Sentence& s, int j) const {
  Subject sub;
  if (j < 0 || j >= static_cast<int>(s.toks.size())) return sub;
  const Token& t = s.toks[j];
  if (t.kind != TokenKind::kWord) return sub;
  const std::string& w = F(t);
  if (w == "he" || w == "she") {
    sub.kind = SubjectKind::kPronoun;
    sub.span = {t.begin, t.end};
    return sub;
  }
  // "..., it said.": a pronoun the tables give no gender ('n').
  if (const auto p = t_.pronouns.find(w); p != t_.pronouns.end() && p->second == 'n') {
    sub.kind = SubjectKind::kNeuter;
    sub.span = {t.begin, t.end};
    return sub;
  }
  if (const text::PersonMention* m = MentionEndingIn(t)) {
    // "the Centre for Regional Studies said": a name-like run inside an
    // institution's name is the institution.
    if (m->title.size() == 0) {
      const Subject inst = InstitutionEndingAt(s, j);
      if (inst.kind == SubjectKind::kInstitution && inst.span.begin < m->span.begin) return inst;
    }
    sub.kind = SubjectKind::kPerson;
    sub.span = m->span;
    sub.person = m;
    if (m->title.size() > 0) sub.role = RoleText(m->title, s.span.begin);
    return sub;
  }
  // "AMLO": a person by the initials of a full name in the text.
  if (t.all_caps && t.end - t.begin >= 3 && t.end - t.begin <= 5) {
    const std::string_view a = W(t);
    for (const auto& full : people_.full_names) {
      std::string initials;
      bool start = true;
      for (char c : full) {
        if (c == ' ' || c == '-') {
          start = true;
        } else {
          if (start && !(c >= 'a' && c <= 'z')) initials.push_back(c);
          start = false;
        }
      }
      if (initials == a) {
        sub.kind = SubjectKind::kPerson;
        sub.span = {t.begin, t.end};
        sub.name = full;
        return sub;
      }
    }
  }
  // "the FO", "the MEA": an institution by its acronym.
  if (t.all_caps && j > 0 && IsWord(s.toks[j - 1], "the")) {
    sub.kind = SubjectKind::kInstitution;
    sub.span = {t.begin, t.end};
    return sub;
  }
  // An unnamed group that the text qualifies by a country or an
  // organisation: "Turkish diplomatic sources", "UN officials" (not "some
  // officials", "experts"): the speaker as described.
  // Opinion groups ("Azerbaijani experts", "analysts") stay vague: only
  // those who speak for an office are a source.
  if (t_.generic_speakers.count(w) && t_.office_groups.count(w)) {
    int k = j - 1;
    bool named = false;
    while (k >= 0 && k >= j - 3) {
      const Token& d = s.toks[k];
      if (d.kind == TokenKind::kWord && d.cap && !IsPossessive(F(d)) && k > 0) {
        named = true;
      } else if (d.kind == TokenKind::kWord && d.cap && k == 0 && !t_.function_words.count(F(d)) &&
                 !t_.not_names.count(std::string(W(d)))) {
        named = true;  // opens the sentence: a name or a demonym all the same
      } else if (!IsModifier(d)) {
        break;
      }
      --k;
    }
    // "X and other senior U.S. officials": the group is the one X belongs to.
    if (named && k >= 0 && VagueQuantifier(s.toks[k])) named = false;
    if (named && k + 1 < j) {
      sub.kind = SubjectKind::kDescription;
      sub.span = {s.toks[k + 1].begin, t.end};
      sub.role = std::string(Slice(text_, s.toks[k + 1].begin, t.end));
      sub.unnamed = true;
      return sub;
    }
    if (const int b = UnqualifiedGroupStart(s, j); b >= 0) {
      sub.kind = SubjectKind::kDescription;
      sub.span = {s.toks[b].begin, t.end};
      sub.role = std::string(Slice(text_, s.toks[b].begin, t.end));
      sub.unnamed = true;
      return sub;
    }
  }
  // "His Majesty said": a title after a possessive pronoun, with no name
  // after it, is the one who holds it: a description by the title.
  if (t.cap && j > 0 && t_.titles.count(std::string(W(t))) && !t_.role_nouns.count(w) &&
      t_.pronouns.count(F(s.toks[j - 1])) && IsDeterminer(F(s.toks[j - 1]))) {
    sub.kind = SubjectKind::kDescription;
    sub.span = {s.toks[j - 1].begin, t.end};
    sub.role = std::string(W(t));
    return sub;
  }
  // A description: "the (political) commentator", "Turkey’s president".
  if (t_.role_nouns.count(w)) {
    for (int k = j - 1; k >= 0 && k >= j - 5; --k) {
      const Token& d = s.toks[k];
      if (d.kind != TokenKind::kWord) break;
      const std::string& dw = F(d);
      const bool possessive = IsPossessive(dw);
      if (dw == "the" || dw == "this" || dw == "our" || dw == "a" || dw == "an" || possessive) {
        // "the press service of the President": the description closes an
        // institution's name.
        if (t.cap) {
          const Subject inst = InstitutionEndingAt(s, j);
          if (inst.kind == SubjectKind::kInstitution && inst.span.begin < d.begin) return inst;
        }
        sub.kind = SubjectKind::kDescription;
        sub.span = {d.begin, t.end};
        sub.role = std::string(Slice(text_, (possessive ? d : s.toks[k + 1]).begin, t.end));
        return sub;
      }
    }
    return sub;
  }
  return InstitutionEndingAt(s, j);
}

// "some", "other", "several": a lower-case quantifier that leaves a group
// vague (a generic word that never begins a name).
bool Finder::VagueQuantifier(const Token& d) const {
  if (d.kind != TokenKind::kWord || d.cap) return false;
  // not_names spells its words capitalised, as they open a sentence; the
  // quantifiers of the tables are ASCII words.
  std::string cap(W(d));
  if (cap.empty() || cap[0] < 'a' || cap[0] > 'z') return false;
  cap[0] = static_cast<char>(cap[0] - 'a' + 'A');
  return t_.not_names.count(cap) > 0 && t_.generic_speakers.count(F(d)) > 0;
}

// An office group the text does not qualify by a name: "officials said",
// "sources told X", "official sources", "according to ministry officials",
// "a diplomatic source said" (the singular with its indefinite article). Its
// lower-case modifiers belong to it; a quantifier or a determiner before it
// makes it vague or a group named before ("some officials", "other
// officials", "the officials"): no speaker. The first token of the phrase,
// else -1.
int Finder::UnqualifiedGroupStart(const Sentence& s, int j) const {
  const Token& t = s.toks[j];
  if (t.cap && j > 0) return -1;
  int k = j - 1;
  // "official sources": a singular generic word modifies the head.
  auto modifier = [&](const Token& d) {
    if (IsModifier(d)) return !VagueQuantifier(d);
    return d.kind == TokenKind::kWord && !d.cap && !VagueQuantifier(d) && t_.generic_speakers.count(F(d)) &&
           F(d).back() != 's';
  };
  while (k >= 0 && k >= j - 3 && modifier(s.toks[k])) --k;
  if (k < 0) return k + 1;
  const Token& p = s.toks[k];
  if (p.kind != TokenKind::kWord) return p.kind == TokenKind::kQuote && k + 1 == j ? -1 : k + 1;
  const std::string& pw = F(p);
  const bool plural = F(t).back() == 's';
  if (!plural) return (pw == "a" || pw == "an") ? k : -1;
  if ((p.cap && !t_.function_words.count(pw)) || VagueQuantifier(p) || IsDeterminer(pw) || t_.pronouns.count(pw))
    return -1;
  return k + 1;
}

bool Finder::IsPossessive(std::string_view w) {
  return (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) ||
         (w.size() > 4 && w.compare(w.size() - 4, 4, "\xE2\x80\x99s") == 0);
}

std::string_view Finder::WithoutPossessive(std::string_view w) {
  for (const std::string_view mark : {std::string_view("\xE2\x80\x99s"), std::string_view("'s")})
    if (w.size() > mark.size() && w.substr(w.size() - mark.size()) == mark) w.remove_suffix(mark.size());
  return w;
}

bool Finder::IsDeterminer(std::string_view w) {
  return w == "the" || w == "a" || w == "an" || w == "its" || w == "his" || w == "her" || w == "their" ||
         w == "our" || w == "this" || IsPossessive(w);
}

// A role as stated; lower-cased when it only opens a sentence, without
// honorifics ("Mr", "Dr").
std::string Finder::RoleText(Span span, uint32_t sentence_begin) const {
  std::string r(Slice(text_, span.begin, span.end));
  static const char* const kHonorifics[] = {"Mr. ", "Mrs. ", "Ms. ", "Dr. ", "Mr ", "Mrs ", "Ms ", "Dr "};
  for (const char* h : kHonorifics)
    if (r.rfind(h, 0) == 0) r.erase(0, std::char_traits<char>::length(h));
  if (r == "Mr" || r == "Mrs" || r == "Ms" || r == "Dr" || r == "Mr." || r == "Dr.") return "";
  if (span.begin == sentence_begin && !r.empty() && r[0] >= 'A' && r[0] <= 'Z') {
    std::string lower = r.substr(0, r.find(' '));
    lower[0] = static_cast<char>(lower[0] + 32);
    if (t_.titles.count(lower)) r[0] = static_cast<char>(r[0] + 32);
  }
  return r;
}

// The first subject of the sentence: the person, pronoun, description or
// institution it opens with (after a leading adverbial ending in a comma).
Subject Finder::ClauseSubject(const Sentence& s, int before) const {
  int start = 0;
  // A leading adverbial ("In a video message, ...", "Speaking to X, ...")
  // opens with a function word or a participle.
  if (!s.toks.empty() && s.toks[0].kind == TokenKind::kWord) {
    const std::string& first = F(s.toks[0]);
    const bool adverbial = t_.function_words.count(first) || t_.not_names.count(std::string(W(s.toks[0]))) ||
                           (first.size() > 4 && first.compare(first.size() - 3, 3, "ing") == 0);
    for (int k = 0; adverbial && k < before && k < 16; ++k)
      if (IsPunct(s.toks[k], ',')) {
        start = k + 1;
        break;
      }
  }
  // A quotation that opens the sentence is the speaker's words, not its
  // subject ("“We’ll give details,” Mr Haq said, adding ..."): skipped.
  auto quoted = [&](uint32_t pos) {
    for (const DirectSpan& d : spans_)
      if (d.accepted && d.open <= pos && pos < d.close_end) return true;
    return false;
  };
  bool inside = false;  // within a quotation the spans left unaccepted
  for (int k = start, seen = 0; k < before && seen < 8; ++k) {
    const Token& t = s.toks[k];
    if (t.kind == TokenKind::kQuote) {
      // A mark followed by a space closes a quotation of the sentence
      // before; any other one opens or closes one here.
      if (inside || (t.end < text_.size() && !IsSpace(text_[t.end]))) inside = !inside;
      continue;
    }
    if (inside || quoted(t.begin)) continue;
    ++seen;
    Subject sub = SubjectEndingAt(s, k);
    if (sub.kind == SubjectKind::kNone) continue;
    // "The U.S. Ambassador to Kenya Anna Holm ... and said": a country or
    // an institution inside a person's title is that person's.
    // The mentions (in text order) from the first after the phrase on.
    if (sub.kind == SubjectKind::kInstitution || sub.kind == SubjectKind::kDescription)
      for (auto it = std::partition_point(people_.mentions.begin(), people_.mentions.end(),
                                          [&](const text::PersonMention& m) { return m.span.begin < sub.span.end; });
           it != people_.mentions.end(); ++it) {
        const text::PersonMention& m = *it;
        if (m.span.begin > s.span.end) break;
        if (m.title.size() == 0 || m.title.begin > sub.span.begin) continue;
        for (int e = k + 1; e < before; ++e)
          if (s.toks[e].end == m.span.end) {
            const Subject person = SubjectEndingAt(s, e);
            if (person.kind == SubjectKind::kPerson) return person;
          }
      }
    return sub;
  }
  return {};
}

// Whether a comma-set phrase starting with `t` can describe a person:
// "a member of ...", "head of ...", "who heads ...", "Deputy ..."; not
// "by his visit to China".
bool Finder::AppositiveStart(const Token& t) const {
  if (t.kind != TokenKind::kWord) return false;
  if (t.cap) return true;
  const std::string& w = F(t);
  static const WordSet kStarts = {"a", "an", "the", "who", "whose", "which", "one", "former", "senior",
                                  "deputy", "chief", "acting", "then", "also", "now", "himself", "herself"};
  return kStarts.has(w) || t_.titles.count(w) > 0 || t_.role_nouns.count(w) > 0;
}

// The subject of the speech verb at toks[v], looking left over adverbs and,
// when a comma stands there, over an appositive ("X, head of Y, said").
Subject Finder::SubjectOf(const Sentence& s, int v, int floor) const {
  int j = v - 1;
  while (j > floor && IsSkippable(s.toks[j])) --j;
  if (j < floor) return {};
  Subject sub = SubjectEndingAt(s, j);
  if (sub.kind != SubjectKind::kNone) return sub;
  // "An official who asked not to be named told ...": a relative clause
  // with no commas between the subject and its verb.
  for (int k = j - 1; k > floor && k > 0 && k >= j - 10; --k) {
    const Token& r = s.toks[k];
    if (r.kind != TokenKind::kWord) break;
    if (!IsWord(r, "who") && !IsWord(r, "which")) continue;
    const Subject head = SubjectEndingAt(s, k - 1);
    if (head.kind == SubjectKind::kDescription || head.kind == SubjectKind::kInstitution) return head;
    break;
  }
  if (IsWord(s.toks[j], "and")) return ClauseSubject(s, j);  // "X quoted Y and said"
  if (!IsPunct(s.toks[j], ',')) return {};
  // "Berg, for her part, said", "the ministry, in turn, said": a short
  // lower-case adverbial set off by commas stands between subject and verb.
  for (int k = j - 1; k > floor && k >= j - 5; --k) {
    const Token& a = s.toks[k];
    if (IsPunct(a, ',')) {
      if (k == j - 1) break;
      const Subject before = SubjectEndingAt(s, k - 1);
      if (before.kind != SubjectKind::kNone) return before;
      break;
    }
    if (a.kind != TokenKind::kWord || a.cap) break;
  }
  // Appositive: the first subject in the clause that a comma follows.
  for (int i = std::max(floor, 0); i + 1 < j; ++i) {
    if (!IsPunct(s.toks[i + 1], ',')) continue;
    Subject cand = SubjectEndingAt(s, i);
    if (cand.kind != SubjectKind::kPerson && cand.kind != SubjectKind::kPronoun &&
        cand.kind != SubjectKind::kDescription)
      continue;
    int a = i + 2;
    if (!AppositiveStart(s.toks[a])) continue;
    int end = j;
    for (int k = a; k < j; ++k) {
      if (IsPunct(s.toks[k], ',') && k + 1 < j &&
          (IsWord(s.toks[k + 1], "who") || IsWord(s.toks[k + 1], "which") || IsWord(s.toks[k + 1], "whose"))) {
        end = k;
        break;
      }
    }
    if (a < end && (IsWord(s.toks[a], "who") || IsWord(s.toks[a], "which"))) ++a;
    if (a < end && (IsWord(s.toks[a], "a") || IsWord(s.toks[a], "an") || IsWord(s.toks[a], "the"))) ++a;
    if (a < end && cand.kind == SubjectKind::kPerson)
      cand.role = std::string(Slice(text_, s.toks[a].begin, s.toks[end - 1].end));
    return cand;
  }
  return {};
}

// A SPEAKER slot's subject: the first person named in it ("a statement
// made by Mao Ning the spokesperson"), else what it ends with.
Subject Finder::SlotSubject(const Sentence& s, Span slot) const {
  int last = -1;
  for (int k = 0; k < static_cast<int>(s.toks.size()); ++k) {
    const Token& t = s.toks[k];
    if (t.begin < slot.begin || t.end > slot.end) continue;
    if (IsPunct(t, '(')) break;  // "Ministry of External Affairs (MEA)"
    if (const text::PersonMention* m = MentionEndingIn(t)) {
      if (m->span.begin >= slot.begin) {
        // "the Centre for Regional Studies": a name inside an institution's
        // name is the institution's.
        int end = k;
        while (end + 1 < static_cast<int>(s.toks.size()) && s.toks[end + 1].end <= slot.end &&
               !IsPunct(s.toks[end + 1], '('))
          ++end;
        const Subject whole = InstitutionEndingAt(s, end);
        if (whole.kind == SubjectKind::kInstitution && whole.span.begin <= m->span.begin) return whole;
        return SubjectEndingAt(s, k);
      }
    }
    last = k;
  }
  Subject sub = SubjectEndingAt(s, last);
  if (sub.kind == SubjectKind::kNone && last >= 0) {
    const std::string& w = F(s.toks[last]);
    if (w == "him" || w == "her") {
      sub.kind = SubjectKind::kPronoun;
      sub.span = slot;
    } else if (w == "statement" || w == "report" || w == "release" || w == "communique") {
      sub.kind = SubjectKind::kPrevious;  // "according to the statement"
      sub.span = slot;
    }
  }
  return sub;
}

bool Finder::TaggedNotVerb(const Sentence& s, int k) const {
  if (!syn_) return false;
  // Before "that", a colon or the end of a clause the word can only be the
  // verb ("the ministry reports that", "..., the ministry reports.").
  if (k + 1 >= static_cast<int>(s.toks.size())) return false;
  const Token& next = s.toks[k + 1];
  if (IsWord(next, "that") || next.kind == TokenKind::kQuote || IsPunct(next, ':') || IsPunct(next, ',') ||
      IsPunct(next, '.'))
    return false;
  // Both the tag and the word's place in the tree: a noun that is a
  // subject, object, oblique or modifier of another word. The tag first:
  // a word tagged a verb needs no parse.
  const syntax::Sentence* tagged = syn_->Tagged(s.index);
  if (!tagged) return false;
  const int wi = tagged->WordOfToken(k);
  if (wi < 0) return false;
  const std::string_view upos = tagged->words[wi].upos;
  if (!(upos == "NOUN" || upos == "PROPN" || upos == "ADJ")) return false;
  const syntax::Sentence* tree = syn_->Get(s.index);
  if (!tree) return false;
  const std::string_view rel = syntax::Sentence::Base(tree->words[wi].deprel);
  return rel == "nsubj" || rel == "obj" || rel == "iobj" || rel == "obl" || rel == "nmod" || rel == "compound" ||
         rel == "appos" || rel == "amod" || rel == "flat";
}

// "the leaders of Turkic states", "the former Soviet states", "three
// Balkan states": a capitalised word that modifies a plural noun spelled
// like a speech verb ("states", "notes", "reports") is no subject. It
// follows a preposition, a determiner or a quantifier; a subject follows
// the sentence start, a comma or a conjunction.
bool Finder::ModifierOfNoun(const Sentence& s, const Subject& sub, int v) const {
  if (sub.kind == SubjectKind::kNone || sub.kind == SubjectKind::kPronoun || v <= 0) return false;
  const std::string& verb = F(s.toks[v]);
  if (verb.size() < 4 || verb.back() != 's') return false;
  // One capitalised word.
  int words = 0;
  for (int k = 0; k < v; ++k)
    if (s.toks[k].begin >= sub.span.begin && s.toks[k].end <= sub.span.end) {
      ++words;
      if (!s.toks[k].cap) return false;
    }
  if (words != 1) return false;
  int b = -1;
  for (int k = v - 1; k >= 0; --k)
    if (s.toks[k].begin < sub.span.begin) {
      b = k;
      break;
    }
  if (b < 0) return false;
  const Token& t = s.toks[b];
  if (t.kind == TokenKind::kNumber) return true;
  if (t.kind != TokenKind::kWord || t.cap) return false;
  static const WordSet kQuantifiers = {"former", "other", "several", "many", "both", "all", "some", "few",
                                       "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                       "ten", "neighbouring", "neighboring", "fellow", "member", "these", "those"};
  return IsPreposition(t) || IsDeterminer(F(t)) || kQuantifiers.has(F(t)) || IsWord(t, "of") ||
         IsWord(t, "among") || IsWord(t, "between");
}

}  // namespace attache::quotes::internal
