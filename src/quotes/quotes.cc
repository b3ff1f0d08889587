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
#include <unordered_set>

#include "text/names.h"
#include "text/text.h"
#include "text/word_set.h"

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
  std::string name;                  // a resolved name when there is no mention ("AMLO")
  uint32_t start = 0;                // where the subject phrase begins (title or determiner included)
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
  bool pending = false;          // opens a paragraph, speaker not yet known
  uint32_t attribution_end = 0;  // end of ", X said" after it
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
  bool first_byte[256] = {};
  for (const auto& [open, close] : tables.quote_marks) {
    first_byte[static_cast<unsigned char>(open[0])] = true;
    first_byte[static_cast<unsigned char>(close[0])] = true;
  }
  for (uint32_t i = b; i < e;) {
    if (!first_byte[static_cast<unsigned char>(text[i])]) {
      ++i;
      continue;
    }
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
    if (m.can_close && m.can_open && ms == os && !IsSingleMark(ms) && m.pos > para.begin &&
        !IsSpace(text[m.pos - 1]) && (text[m.pos - 1] == '.' || text[m.pos - 1] == ',')) {
      // "…partners.“The purpose …": one mark closes a quotation and opens
      // the next.
      spans.push_back({o.pos, o.pos + o.len, m.pos, m.pos + m.len, true, false, false, 0});
      open = static_cast<int>(k);
    } else if (m.can_close || (!m.can_open)) {
      spans.push_back({o.pos, o.pos + o.len, m.pos, m.pos + m.len, true, false, false, 0});
      open = -1;
    } else {
      // An opening-shaped mark while a quotation is open: the open one was
      // never closed; a new one starts here.
      spans.push_back({o.pos, o.pos + o.len, m.pos, m.pos, false, false, false, 0});
      open = static_cast<int>(k);
    }
  }
  if (open >= 0) {
    const MarkAt& o = marks[open];
    spans.push_back({o.pos, o.pos + o.len, para.end, para.end, false, false, false, 0});
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

using text::WordSet;

struct Sentence {
  Span span;
  std::vector<Token> toks;
};

class Finder {
 public:
  Finder(std::string_view text, const LanguageTables& tables) : text_(text), t_(tables) {}

  std::vector<Quote> Run(const text::TextLayer& layer) {
    people_ = layer.people;
    sentences_.reserve(layer.sentences.size());
    for (size_t i = 0; i < layer.sentences.size(); ++i) sentences_.push_back({layer.sentences[i], layer.tokens[i]});
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
    for (size_t i = 0; i < paras_.size(); ++i) Paragraph(i);
    LookAhead();
    std::sort(raw_.begin(), raw_.end(), [](const RawQuote& a, const RawQuote& b) { return a.begin < b.begin; });
    return Resolve();
  }

 private:
  // ------------------------------------------------------------ helpers
  std::string_view W(const Token& t) const { return Slice(text_, t.begin, t.end); }
  const std::string& F(const Token& t) const { return folded_[t.index]; }
  bool IsWord(const Token& t, std::string_view w) const { return t.kind == TokenKind::kWord && F(t) == w; }
  bool IsPunct(const Token& t, char c) const {
    return t.kind == TokenKind::kPunct && t.end - t.begin == 1 && text_[t.begin] == c;
  }
  bool IsInstitutionWord(std::string_view w) const {
    if (t_.institutions.count(std::string(w))) return true;
    if (w.empty() || !(w[0] >= 'a' && w[0] <= 'z')) return false;
    std::string cap(w);
    cap[0] = static_cast<char>(cap[0] - 32);
    return t_.institutions.count(cap) > 0;
  }

  // Acronyms the text defines or can spell: "Ministry of External Affairs
  // (MEA)", "Foreign Office" for "FO".
  void FindAcronyms() {
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

  std::string ExpandAcronym(std::string_view a) const {
    for (const auto& [abbr, full] : acronyms_)
      if (abbr == a) return full;
    // Initials of a capitalised institution name found in the text.
    for (const Sentence& s : sentences_) {
      const auto& tk = s.toks;
      for (size_t i = 0; i + a.size() <= tk.size(); ++i) {
        bool ok = true;
        bool institution = false;
        for (size_t k = 0; k < a.size() && ok; ++k) {
          const Token& t = tk[i + k];
          ok = t.kind == TokenKind::kWord && t.cap && !t.all_caps && text_[t.begin] == a[k];
          institution = institution || IsInstitutionWord(W(t));
        }
        if (ok && institution) return std::string(Slice(text_, tk[i].begin, tk[i + a.size() - 1].end));
      }
    }
    return "";
  }

  // Words that may stand between a subject and its verb.
  bool IsSkippable(const Token& t) const {
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
  const text::PersonMention* MentionEndingIn(const Token& t) const {
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
  Subject SubjectEndingAt(const Sentence& s, int j) const {
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

  Subject SubjectCore(const Sentence& s, int j) const {
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
    // A description: "the (political) commentator", "Turkey’s president".
    if (t_.role_nouns.count(w)) {
      for (int k = j - 1; k >= 0 && k >= j - 5; --k) {
        const Token& d = s.toks[k];
        if (d.kind != TokenKind::kWord) break;
        const std::string& dw = F(d);
        const bool possessive = dw.size() > 2 && (dw.compare(dw.size() - 2, 2, "'s") == 0 ||
                                                  (dw.size() > 4 && dw.compare(dw.size() - 4, 4, "\xE2\x80\x99s") == 0));
        if (dw == "the" || dw == "this" || dw == "our" || dw == "a" || dw == "an" || possessive) {
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

  // An institution: capitalised words (with "of", "and", "for") that hold
  // an institution word: "the Foreign Ministry", "Ministry of External
  // Affairs", "the ministry", "a statement from the Foreign Office". An
  // institution named by a lower-case noun phrase keeps its modifiers when a
  // determiner or a possessive opens the phrase: "the German foreign
  // office", "the presidential press service", "the Kremlin's press service"
  // (a person's possessive is left out: "Lula's presidential office").
  Subject InstitutionEndingAt(const Sentence& s, int j) const {
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

  static bool IsPossessive(std::string_view w) {
    return (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) ||
           (w.size() > 4 && w.compare(w.size() - 4, 4, "\xE2\x80\x99s") == 0);
  }

  static bool IsDeterminer(std::string_view w) {
    return w == "the" || w == "a" || w == "an" || w == "its" || w == "his" || w == "her" || w == "their" ||
           w == "our" || w == "this" || IsPossessive(w);
  }

  // A lower-case word that can modify an institution's head noun
  // ("foreign", "defence", "presidential"): not a function word, pronoun,
  // adverb, number or role noun.
  bool IsModifier(const Token& d) const {
    if (d.kind != TokenKind::kWord || d.cap) return false;
    const std::string& dw = F(d);
    if (dw.size() < 2 || IsDeterminer(dw) || IsSkippable(d)) return false;
    if (t_.function_words.count(dw) || t_.generic_speakers.count(dw) || t_.role_nouns.count(dw)) return false;
    for (char c : dw)
      if (!((c >= 'a' && c <= 'z') || c == '-' || static_cast<unsigned char>(c) >= 0x80)) return false;
    return true;
  }

  // A role as stated; lower-cased when it only opens a sentence, without
  // honorifics ("Mr", "Dr").
  std::string RoleText(Span span, uint32_t sentence_begin) const {
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
  Subject ClauseSubject(const Sentence& s, int before) const {
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
    for (int k = start; k < before && k < start + 8; ++k) {
      Subject sub = SubjectEndingAt(s, k);
      if (sub.kind != SubjectKind::kNone) return sub;
    }
    return {};
  }

  // Whether a comma-set phrase starting with `t` can describe a person:
  // "a member of ...", "head of ...", "who heads ...", "Deputy ..."; not
  // "by his visit to China".
  bool AppositiveStart(const Token& t) const {
    if (t.kind != TokenKind::kWord) return false;
    if (t.cap) return true;
    const std::string& w = F(t);
    static const WordSet kStarts = {"a", "an", "the", "who", "whose", "which", "one", "former", "senior",
                                    "deputy", "chief", "acting", "then", "also", "now", "himself", "herself"};
    return kStarts.has(w) || t_.titles.count(w) > 0 || t_.role_nouns.count(w) > 0;
  }

  // The subject of the speech verb at toks[v], looking left over adverbs and,
  // when a comma stands there, over an appositive ("X, head of Y, said").
  Subject SubjectOf(const Sentence& s, int v, int floor) const {
    int j = v - 1;
    while (j > floor && IsSkippable(s.toks[j])) --j;
    if (j < floor) return {};
    Subject sub = SubjectEndingAt(s, j);
    if (sub.kind != SubjectKind::kNone) return sub;
    if (IsWord(s.toks[j], "and")) return ClauseSubject(s, j);  // "X quoted Y and said"
    if (!IsPunct(s.toks[j], ',')) return {};
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
  Subject SlotSubject(const Sentence& s, Span slot) const {
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

  // ------------------------------------------------------------ frames
  // Matches the words of a frame at toks[i]; slots take the tokens up to
  // the next fixed word (or the end). Returns the token after the match.
  int MatchFrame(const Sentence& s, int i, const text::Frame& f, Span* slot, int limit) const {
    // Quick refusal: a fixed first word that is not this token.
    if (i >= limit) return -1;
    if (f.types[0] == text::FrameWord::kWord && F(s.toks[i]) != f.words[0]) return -1;
    int k = i;
    *slot = {};
    for (size_t w = 0; w < f.words.size(); ++w) {
      const std::string& fw = f.words[w];
      const text::FrameWord type = f.types[w];
      if (type == text::FrameWord::kSlot) {
        const std::string* next = w + 1 < f.words.size() ? &f.words[w + 1] : nullptr;
        const bool next_comma = next && f.types[w + 1] == text::FrameWord::kComma;
        const int start = k;
        while (k < limit && k - start < 14) {
          const Token& t = s.toks[k];
          if (next && (next_comma ? IsPunct(t, ',') : F(t) == *next)) break;
          if (!next && (IsPunct(t, ',') || IsPunct(t, '.') || IsPunct(t, ':') || t.kind == TokenKind::kQuote ||
                        IsWord(t, "that")))
            break;
          ++k;
        }
        if (k == start || (next && k >= limit)) return -1;
        *slot = {s.toks[start].begin, s.toks[k - 1].end};
        continue;
      }
      if (k >= limit) return -1;
      const Token& t = s.toks[k];
      if (type == text::FrameWord::kPossessive) {
        const std::string& tw = F(t);
        if (tw != "his" && tw != "her" && tw != "their") return -1;
        ++k;
        continue;
      }
      if (type == text::FrameWord::kComma) {
        if (!IsPunct(t, ',')) return -1;
      } else if (F(t) != fw) {
        return -1;
      }
      ++k;
    }
    return k;
  }

  // An outlet named by an object phrase: its capitalised run ("the SABC",
  // "Xinhua via email" -> "Xinhua"), unless it names a person or an audience.
  std::optional<std::string> OutletOf(const Sentence& s, int b, int e) const {
    if (b < e && IsWord(s.toks[b], "the")) ++b;
    if (b >= e || !s.toks[b].cap) return std::nullopt;
    int k = b;
    while (k < e) {
      const Token& t = s.toks[k];
      const bool joiner = IsPunct(t, '/') || IsPunct(t, '.') || IsPunct(t, '-') || IsWord(t, "of") || IsWord(t, "the");
      // "of the Voice of America": a joiner may be followed by "the".
      const bool joins = joiner && k + 1 < e &&
                         (s.toks[k + 1].cap || (IsWord(s.toks[k + 1], "the") && k + 2 < e && s.toks[k + 2].cap));
      if (!(t.cap || t.kind == TokenKind::kNumber || joins)) break;
      if (t.kind == TokenKind::kWord && t_.titles.count(std::string(W(t)))) return std::nullopt;  // a person's title
      if (t.kind == TokenKind::kWord) {
        const text::PersonMention* m = MentionEndingIn(t);
        if (m && m->title.size() > 0) return std::nullopt;  // a person, not an outlet
      }
      ++k;
    }
    if (k == b) return std::nullopt;
    // "the Ukrainian Service of the Voice of America": the outlet is the
    // whole after "of (the)" when a part of an outlet is named first.
    for (int p = b; p + 2 < k; ++p) {
      if (t_.outlet_parts.count(F(s.toks[p])) && IsWord(s.toks[p + 1], "of")) {
        b = p + 2;
        if (b < k && IsWord(s.toks[b], "the")) ++b;
        break;
      }
    }
    if (b >= k) return std::nullopt;
    std::string outlet(Slice(text_, s.toks[b].begin, s.toks[k - 1].end));
    if (t_.audience.count(text::Fold(outlet))) return std::nullopt;
    return outlet;
  }

  std::optional<std::string> ChannelOf(const Sentence& s, int* frame_end) const {
    *frame_end = -1;
    const int n = static_cast<int>(s.toks.size());
    for (int i = 0; i < n; ++i) {
      for (const text::Frame& f : t_.frames) {
        if (f.kind != text::FrameKind::kChannel || f.words[0] == "told") continue;
        Span slot;
        const int k = MatchFrame(s, i, f, &slot, n);
        if (k < 0 || slot.size() == 0) continue;
        int b = i;
        while (b < k && s.toks[b].end <= slot.begin) ++b;
        if (auto outlet = OutletOf(s, b, k)) {
          *frame_end = k;
          return outlet;
        }
      }
    }
    return std::nullopt;
  }

  // ------------------------------------------------------------ reported speech
  // Whether `pos` lies in an accepted quotation or its attribution. Spans are
  // in text order and do not overlap, so only the last few that open before
  // `pos` can hold it.
  bool InAccepted(uint32_t pos) const {
    auto it = std::upper_bound(spans_.begin(), spans_.end(), pos,
                               [](uint32_t p, const DirectSpan& d) { return p < d.open; });
    for (int back = 0; back < 3 && it != spans_.begin(); ++back) {
      --it;
      if (it->accepted && pos < std::max(it->close_end, it->attribution_end)) return true;
    }
    return false;
  }

  uint32_t ContentEnd(const Sentence& s, uint32_t b) const {
    uint32_t e = s.span.end;
    for (const DirectSpan& d : spans_)
      if (d.accepted && d.open >= b && d.open < e) e = d.open;
    return e;
  }

  void AddReported(uint32_t b, uint32_t e, const Subject& sub, std::optional<std::string> channel, std::string cue) {
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
  static bool IsFinite(std::string_view w) {
    static const WordSet kFinite = {"is", "are", "was", "were", "will", "would", "could", "can", "may", "might",
                                    "must", "should", "shall", "has", "have", "had", "does", "did", "do", "isn't",
                                    "aren't", "wasn't", "won't", "wouldn't", "can't", "remains", "remain", "needs",
                                    "wants", "plans", "intends", "hopes", "expects", "believes"};
    return kFinite.has(w);
  }

  bool LooksLikeClause(const Sentence& s, int c) const {
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

  bool IsPreposition(const Token& t) const {
    if (t.kind != TokenKind::kWord || t.cap) return false;
    static const WordSet kPreps = {"on", "in", "at", "during", "after", "before", "via", "while", "when",
                                   "ahead", "by", "from", "with", "to", "for", "about", "upon", "following"};
    return kPreps.has(F(t));
  }

  // Temporal and place adjuncts after a speech verb: "said here on
  // Thursday", "said on Monday that", "said in a statement that".
  int SkipAdjuncts(const Sentence& s, int c) const {
    const int n = static_cast<int>(s.toks.size());
    static const WordSet kAdverbs = {"here", "today", "yesterday", "tonight", "again", "also", "earlier",
                                     "later", "recently", "previously", "publicly", "separately"};
    static const WordSet kPreps = {"on", "in", "at", "during", "after", "before", "late", "early", "last",
                                   "this", "next", "via", "through", "by", "while", "when", "ahead"};
    static const WordSet kTime = {"week", "month", "year", "weekend", "morning", "afternoon", "evening", "night",
                                  "day"};
    for (int guard = 0; guard < 4 && c < n; ++guard) {
      const std::string& w = F(s.toks[c]);
      if (kAdverbs.has(w)) {
        ++c;
        continue;
      }
      if (!kPreps.has(w)) break;
      // A preposition opens an adjunct: up to "that" within a few words, or
      // over capitalised words, numbers and time words.
      for (int k = c + 1; k < n && k < c + 10; ++k) {
        if (IsPunct(s.toks[k], ',') || IsPunct(s.toks[k], '.') || s.toks[k].kind == TokenKind::kQuote) break;
        if (IsWord(s.toks[k], "that")) return k;  // the caller takes "that"
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

  // Whether the words from toks[c] to the end of the sentence are only an
  // adjunct of the speech verb before them: "said during a news briefing.",
  // "said in a statement published in Berlin this morning." (a preposition,
  // then no finite verb, "that", comma or quotation).
  bool AdjunctToEnd(const Sentence& s, int c) const {
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
  bool VerbUsed(uint32_t pos) const {
    auto it = std::upper_bound(used_.begin(), used_.end(), pos,
                               [](uint32_t p, const std::pair<uint32_t, uint32_t>& u) { return p < u.first; });
    return it != used_.begin() && pos < std::prev(it)->second;
  }

  // Reported speech in one sentence: at most one quote.
  void Reported(const Sentence& s) {
    const int n = static_cast<int>(s.toks.size());
    if (n < 3) return;
    int frame_end = -1;
    std::optional<std::string> channel = ChannelOf(s, &frame_end);
    if (channel && frame_end > 0) {
      // "Speaking to the SABC, Pandor outlined ...": the speaker of what follows.
      const Subject sub = ClauseSubject(s, n);
      if (sub.kind == SubjectKind::kPerson) {
        pending_speaker_ = sub;
        pending_channel_ = channel;
        pending_para_ = ParaOf(s.span.begin);
      }
    }
    if (SpeechVerb(s, channel, frame_end)) return;
    if (BeforeFrame(s, channel)) return;
    // ", X said on Monday, according to the agency": the speaker is X, the
    // agency the source of the report.
    if (TrailingAttribution(s, channel)) return;
    if (AfterFrame(s, channel)) return;
    Participle(s, channel);
  }

  bool SpeechVerb(const Sentence& s, const std::optional<std::string>& channel, int frame_end) {
    const int n = static_cast<int>(s.toks.size());
    for (int v = 1; v < n; ++v) {
      const Token& vt = s.toks[v];
      if (vt.kind != TokenKind::kWord || vt.cap || InAccepted(vt.begin) || VerbUsed(vt.begin)) continue;
      const VerbClass vc = t_.verb(F(vt));
      if (vc == VerbClass::kNone || vc == VerbClass::kIng) continue;
      const Subject sub = SubjectOf(s, v, frame_end > 0 && frame_end < v ? frame_end : 0);
      if (sub.kind == SubjectKind::kNone) continue;
      int c = v + 1;
      if (c < n && (IsWord(s.toks[c], "out") || IsWord(s.toks[c], "up"))) ++c;
      // Parenthetical: ", the analyst suggests, CONTENT".
      int before_sub = -1;
      for (int k = v - 1; k >= 0; --k)
        if (s.toks[k].end <= std::min(sub.span.begin, sub.start)) {
          before_sub = k;
          break;
        }
      if (c < n && IsPunct(s.toks[c], ',') && before_sub >= 0 && IsPunct(s.toks[before_sub], ',')) {
        const uint32_t b = s.toks[c].end;
        AddReported(b, ContentEnd(s, b), sub, channel, std::string(W(vt)));
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
          (c != after_verb || IsPunct(s.toks[c], ',') || IsPunct(s.toks[c], '.') || IsPreposition(s.toks[c])))
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
      const uint32_t b = s.toks[c].begin;
      AddReported(b, ContentEnd(s, b), sub, ch, std::string(W(vt)));
      return true;
    }
    return false;
  }

  bool BeforeFrame(const Sentence& s, const std::optional<std::string>& channel) {
    const int n = static_cast<int>(s.toks.size());
    for (int i = 0; i < n; ++i) {
      if (InAccepted(s.toks[i].begin)) continue;
      if (i > 2 && !IsPunct(s.toks[i - 1], ',')) continue;
      for (const text::Frame& f : t_.frames) {
        if (f.kind != text::FrameKind::kBefore) continue;
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
        return true;
      }
    }
    return false;
  }

  // The start of the content that a sentence-final attribution closes: the
  // sentence start, or the end of an accepted quotation before it.
  uint32_t ClauseStart(const Sentence& s, uint32_t limit) const {
    uint32_t b = s.span.begin;
    for (const DirectSpan& d : spans_)
      if (d.accepted && d.close_end > b && d.close_end <= limit) b = std::max(d.close_end, d.attribution_end);
    return b;
  }

  bool AfterFrame(const Sentence& s, const std::optional<std::string>& channel) {
    const int n = static_cast<int>(s.toks.size());
    for (int i = 1; i < n; ++i) {
      for (const text::Frame& f : t_.frames) {
        if (f.kind != text::FrameKind::kAfter || f.words.size() < 3 || f.words[1] == "SPEAKER") continue;
        Span slot;
        const int k = MatchFrame(s, i, f, &slot, n);
        if (k < 0 || slot.size() == 0) continue;
        if (k < n && !(IsPunct(s.toks[k], '.') || IsPunct(s.toks[k], ',') || IsPunct(s.toks[k], '('))) continue;
        // "“...,” Aydin said after the meeting, according to the press
        // service": the source of a report already attributed.
        if (VerbUsed(s.toks[i].begin)) continue;
        const Subject sub = SlotSubject(s, slot);
        if (sub.kind == SubjectKind::kNone) continue;
        AddReported(ClauseStart(s, s.toks[i].begin), s.toks[i].begin, sub, channel,
                    std::string(Slice(text_, s.toks[i + 1].begin, s.toks[k - 1].end)));
        return true;
      }
    }
    return false;
  }

  // "CONTENT, Turkey’s president said Friday." / "CONTENT, said Troy
  // Stangarone, senior director ..." / "CONTENT, he said."
  bool TrailingAttribution(const Sentence& s, const std::optional<std::string>& channel) {
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
        Subject sub = SubjectOf(s, v, c + 1);
        // "..., Kanyi Daily reported.": an outlet is not a speaker.
        if (trailing_verb && !ReportingSubject(s, sub)) break;
        if (sub.kind == SubjectKind::kNone && v == c + 1 && !trailing_verb) {
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
        const bool adjunct_tail = after < n && vc != VerbClass::kSayThat && IsPreposition(s.toks[after]) &&
                                  !IsWord(s.toks[after], "to") && !IsWord(s.toks[after], "for");
        if (!ends && !adjunct_tail && v != c + 1) break;
        AddReported(ClauseStart(s, s.toks[c].begin), s.toks[c].begin, sub, channel, std::string(W(vt)));
        return true;
      }
    }
    return false;
  }

  // The subject of a reporting verb ("the ministry reported"): an
  // institution that is not a news outlet, a description, a pronoun or a
  // titled person; not "Kanyi Daily", "the Saudi Press Agency".
  bool ReportingSubject(const Sentence& s, const Subject& sub) const {
    if (sub.kind == SubjectKind::kNone || (sub.kind == SubjectKind::kPerson && !sub.role)) return false;
    for (const Token& t : s.toks)
      if (t.begin >= sub.span.begin && t.end <= sub.span.end && t.kind == TokenKind::kWord &&
          t_.outlet_heads.count(F(t)))
        return false;
    return true;
  }

  // "..., saying (that) CONTENT": the participle's subject is the clause's.
  bool Participle(const Sentence& s, const std::optional<std::string>& channel) {
    const int n = static_cast<int>(s.toks.size());
    for (int v = 2; v + 1 < n; ++v) {
      if (!IsPunct(s.toks[v - 1], ',') || t_.verb(F(s.toks[v])) != VerbClass::kIng) continue;
      const Subject sub = ClauseSubject(s, v);
      if (sub.kind == SubjectKind::kNone) return false;
      int c = v + 1;
      if (IsWord(s.toks[c], "that")) ++c;
      if (c >= n) return false;
      const uint32_t b = s.toks[c].begin;
      AddReported(b, ContentEnd(s, b), sub, channel, std::string(W(s.toks[v])));
      return true;
    }
    return false;
  }

  // ------------------------------------------------------------ direct quotes
  // Binary searches: sentences and paragraphs are in text order.
  const Sentence* SentenceAt(uint32_t pos) const {
    auto it = std::upper_bound(sentences_.begin(), sentences_.end(), pos,
                               [](uint32_t p, const Sentence& s) { return p < s.span.begin; });
    if (it == sentences_.begin()) return nullptr;
    --it;
    return pos < it->span.end ? &*it : nullptr;
  }

  size_t ParaOf(uint32_t pos) const {
    auto it = std::upper_bound(paras_.begin(), paras_.end(), pos, [](uint32_t p, const Span& s) { return p < s.begin; });
    if (it == paras_.begin()) return paras_.size();
    --it;
    return pos <= it->end ? static_cast<size_t>(it - paras_.begin()) : paras_.size();
  }

  // Attribution after a closing mark: ", Tkachenko said.", ", said Mr X.",
  // ", a statement signed by X, read."
  bool AttributionAfter(DirectSpan& d, Subject* sub, std::string* cue, std::optional<std::string>* ch) {
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
    const bool statement = p < static_cast<int>(idx.size()) && p + 1 < static_cast<int>(idx.size()) &&
                           (IsWord(s->toks[idx[p]], "a") || IsWord(s->toks[idx[p]], "the")) &&
                           IsWord(s->toks[idx[p + 1]], "statement");
    for (int q = p; q < static_cast<int>(idx.size()) && q < p + (statement ? 24 : 8); ++q) {
      const Token& t = s->toks[idx[q]];
      if (t.kind == TokenKind::kQuote) break;
      if (t.kind != TokenKind::kWord) {
        if (IsPunct(t, '.') || (IsPunct(t, ',') && !statement)) break;
        continue;
      }
      const std::string& w = F(t);
      if (t.cap || (t_.verb(w) == VerbClass::kNone && !t_.closing_verbs.count(w) && !t_.trailing_verbs.count(w)))
        continue;
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
      used_.emplace_back(d.close_end, s->span.end);
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
    for (size_t i = raw_.size(), seen = 0; i-- > 0 && seen < 16; ++seen) {
      const RawQuote& q = raw_[i];
      if (!q.direct && q.begin >= s->span.begin && q.begin < d.open && q.end <= d.open + 1) {
        *sub = q.subject;
        *cue = q.cue;
        *ch = q.channel;
        return true;
      }
    }
    int limit = 0;
    while (limit < static_cast<int>(s->toks.size()) && s->toks[limit].begin < k) ++limit;
    const int lowest = last == ',' ? std::max(0, limit - 2) : 0;
    for (int v = limit - 1; v >= lowest; --v) {
      const Token& t = s->toks[v];
      if (t.kind != TokenKind::kWord || t.cap) continue;
      const std::string& w = F(t);
      if (t_.verb(w) == VerbClass::kNone) continue;
      Subject sj = SubjectOf(*s, v, 0);
      if (sj.kind == SubjectKind::kNone) continue;
      *sub = sj;
      *cue = w;
      return true;
    }
    if (last == ':') {
      // "Lukashenko welcomed the diplomats ...: “...”": the person the
      // clause is about introduces the quotation.
      const Subject sj = ClauseSubject(*s, limit);
      if (sj.kind == SubjectKind::kPerson && sj.span.begin == s->span.begin) {
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

  // The speaker of a paragraph that ends "SUBJ said:" with no quotation
  // after it: the statement follows in the next paragraphs.
  bool IntroducesStatement(Span para, Subject* sub) const {
    uint32_t e = para.end;
    while (e > para.begin && IsSpace(text_[e - 1])) --e;
    if (e == para.begin || text_[e - 1] != ':') return false;
    const Sentence* s = SentenceAt(e - 1);
    if (!s) return false;
    const int n = static_cast<int>(s->toks.size());
    for (int v = n - 1; v >= 0 && v >= n - 3; --v) {
      const Token& t = s->toks[v];
      if (t.kind == TokenKind::kWord && !t.cap && t_.verb(F(t)) != VerbClass::kNone) {
        *sub = SubjectOf(*s, v, 0);
        return sub->kind != SubjectKind::kNone;
      }
    }
    return false;
  }

  void Paragraph(size_t pi) {
    const Span para = paras_[pi];
    const size_t first_span = spans_.size();
    for (DirectSpan& d : FindSpans(text_, para, t_)) spans_.push_back(d);
    std::vector<const Sentence*> in_para;
    auto first_sentence = std::lower_bound(sentences_.begin(), sentences_.end(), para.begin,
                                           [](const Sentence& s, uint32_t b) { return s.span.begin < b; });
    for (auto it = first_sentence; it != sentences_.end() && it->span.begin < para.end; ++it)
      if (it->span.end <= para.end) in_para.push_back(&*it);
    // A statement announced by the previous paragraph ("X said:"), without
    // quotation marks.
    if (statement_speaker_ && first_span == spans_.size() && CountWords(Slice(text_, para.begin, para.end)) >= 6) {
      RawQuote q;
      q.begin = para.begin;
      q.end = para.end;
      TrimContent(text_, &q.begin, &q.end);
      q.direct = true;
      q.subject = *statement_speaker_;
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
      if (k != d.open) continue;
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
    if (IntroducesStatement(para, &intro)) {
      statement_speaker_ = intro;
      statement_paragraphs_ = 0;
    }
  }

  bool OpensWithQuote(size_t pi) const {
    uint32_t k = paras_[pi].begin;
    while (k < paras_[pi].end && IsSpace(text_[k])) ++k;
    for (const auto& [open, close] : t_.quote_marks)
      if (text_.compare(k, open.size(), open) == 0) return true;
    return false;
  }

  bool ParagraphEndsWithQuote(size_t pi) const {
    const Span para = paras_[pi];
    for (size_t i = raw_.size(), seen = 0; i-- > 0 && seen < 64; ++seen)
      if (raw_[i].begin >= para.begin && raw_[i].begin < para.end) return true;
    return false;
  }

  // Paragraph-opening quotations with no speaker take the speaker of the
  // next paragraph's opening quotation (a statement over several
  // paragraphs, attributed at its end).
  void LookAhead() {
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

  void AddDirect(const DirectSpan& d, const Subject& sub, const std::string& cue, std::optional<std::string> ch) {
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

  // ------------------------------------------------------------ resolution
  // Words of a role or title, folded.
  std::vector<std::string> RoleWords(std::string_view role) const {
    std::vector<std::string> out;
    std::string cur;
    for (char c : role) {
      if (c == ' ' || c == ',' || c == '(' || c == ')') {
        if (!cur.empty()) out.push_back(text::Fold(cur));
        cur.clear();
      } else {
        cur.push_back(c);
      }
    }
    if (!cur.empty()) out.push_back(text::Fold(cur));
    return out;
  }

  // The person a description refers to: one whose title holds the
  // description's words ("the Saudi minister" -> "Saudi Foreign Minister
  // Faisal ..."), nearest before it, else nearest after it.
  // `before`: a holder named before `pos`, else after it. `full`: every
  // word of the description in the title, else the head noun only.
  std::string PersonByRole(const std::string& role, uint32_t pos, bool before_pos, bool full) const {
    std::vector<std::string> want;
    for (auto& w : RoleWords(role)) {
      if (w.size() > 4 && (w.compare(w.size() - 4, 4, "\xE2\x80\x99s") == 0)) w.resize(w.size() - 4);
      if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) w.resize(w.size() - 2);
      if (w != "the" && w != "a" && w != "an" && w != "this" && w != "our") want.push_back(w);
    }
    if (want.empty()) return "";
    auto matches = [&](const text::PersonMention& m) {
      if (m.title.size() == 0) return false;
      const auto have = RoleWords(Slice(text_, m.title.begin, m.title.end));
      // The head noun must match; the other words may be missing from the
      // title only when they name the person's country or another mention.
      if (std::find(have.begin(), have.end(), want.back()) == have.end()) return false;
      int hits = 0;
      for (const auto& w : want) hits += std::find(have.begin(), have.end(), w) != have.end();
      return !full || hits == static_cast<int>(want.size());
    };
    std::string before, after;
    for (const auto& m : people_.mentions) {
      if (!matches(m)) continue;
      if (m.span.begin < pos) before = m.full_name;
      else if (after.empty()) after = m.full_name;
    }
    return before_pos ? before : after;
  }

  std::vector<Quote> Resolve() {
    std::vector<Quote> out;
    std::string last_person;   // the last person who spoke
    std::string last_speaker;  // person or institution
    std::vector<std::pair<std::string, std::string>> channels;
    std::vector<std::string> institutions;  // institutions quoted so far, as named
    for (size_t r_i = 0; r_i < raw_.size(); ++r_i) {
      const RawQuote& r = raw_[r_i];
      Quote q;
      q.direct = r.direct;
      q.begin = r.begin;
      q.end = r.end;
      q.text = std::string(Slice(text_, r.begin, r.end));
      q.cue = r.cue;
      q.channel = r.channel;
      switch (r.subject.kind) {
        case SubjectKind::kPerson:
          q.speaker = r.subject.person ? r.subject.person->full_name
                      : !r.subject.name.empty() ? r.subject.name
                                                : std::string(Slice(text_, r.subject.span.begin, r.subject.span.end));
          q.speaker_role = r.subject.role;
          break;
        case SubjectKind::kDescription:
          // Nearest named holder of the role before it, else the last
          // speaker, else a holder named later, else the next speaker.
          q.speaker = PersonByRole(*r.subject.role, r.begin, true, true);
          if (q.speaker.empty()) q.speaker = PersonByRole(*r.subject.role, r.begin, true, false);
          q.speaker_role = r.subject.role;
          if (q.speaker.empty()) q.speaker = last_person;
          if (q.speaker.empty()) q.speaker = PersonByRole(*r.subject.role, r.begin, false, true);
          if (q.speaker.empty()) q.speaker = PersonByRole(*r.subject.role, r.begin, false, false);
          if (q.speaker.empty()) q.speaker = NextPersonSpeaker(r_i);
          break;
        case SubjectKind::kPronoun:
          q.speaker = last_person;
          if (q.speaker.empty()) {
            for (const auto& m : people_.mentions)
              if (m.span.begin < r.begin && m.full_name.find(' ') != std::string::npos) q.speaker = m.full_name;
          }
          break;
        case SubjectKind::kPrevious:
          q.speaker = last_speaker;
          break;
        case SubjectKind::kInstitution: {
          std::string name(Slice(text_, r.subject.span.begin, r.subject.span.end));
          if (name.rfind("the ", 0) == 0 || name.rfind("The ", 0) == 0) name.erase(0, 4);
          // "the Kremlin's press service" is the Kremlin press service.
          for (const std::string_view mark : {std::string_view("\xE2\x80\x99s "), std::string_view("'s ")})
            for (size_t at = name.find(mark); at != std::string::npos; at = name.find(mark, at))
              name.erase(at, mark.size() - 1);
          bool acronym = !name.empty();
          for (char c : name) acronym = acronym && ((c >= 'A' && c <= 'Z') || c == '.');
          if (acronym) {
            const std::string full = ExpandAcronym(name);
            if (!full.empty()) name = full;
          }
          // "the embassy" after "the US embassy said": the institution named
          // before with the same head noun.
          if (!name.empty() && name.find(' ') == std::string::npos && name[0] >= 'a' && name[0] <= 'z') {
            for (size_t i = institutions.size(); i-- > 0;) {
              const std::string& known = institutions[i];
              const size_t sp = known.rfind(' ');
              if (sp != std::string::npos && text::Fold(std::string_view(known).substr(sp + 1)) == name) {
                name = known;
                break;
              }
            }
          }
          if (std::find(institutions.begin(), institutions.end(), name) == institutions.end())
            institutions.push_back(name);
          q.speaker = name;
          break;
        }
        case SubjectKind::kNone:
          break;
      }
      if (q.speaker.empty()) continue;
      if (q.speaker_role && q.speaker_role->empty()) q.speaker_role.reset();
      if (r.subject.kind != SubjectKind::kInstitution) last_person = q.speaker;
      last_speaker = q.speaker;
      auto it = std::find_if(channels.begin(), channels.end(), [&](const auto& p) { return p.first == q.speaker; });
      if (q.channel) {
        if (it == channels.end()) channels.emplace_back(q.speaker, *q.channel);
        else it->second = *q.channel;
      } else if (it != channels.end()) {
        q.channel = it->second;
      }
      // The same words reported twice (a caption repeating the lead) are
      // one quote.
      bool dup = false;
      for (size_t i = out.size(), seen = 0; i-- > 0 && seen < 32; ++seen) {
        Quote& o = out[i];
        if (o.speaker == q.speaker && o.text == q.text) {
          if (!o.speaker_role) o.speaker_role = q.speaker_role;
          dup = true;
        }
      }
      if (!dup) out.push_back(std::move(q));
    }
    return out;
  }

  std::string NextPersonSpeaker(size_t from) const {
    for (size_t i = from + 1; i < raw_.size(); ++i)
      if (raw_[i].subject.kind == SubjectKind::kPerson && raw_[i].subject.person) return raw_[i].subject.person->full_name;
    return "";
  }

  std::string_view text_;
  const LanguageTables& t_;
  text::PeopleIndex people_;
  std::vector<Sentence> sentences_;
  std::vector<Span> paras_;
  std::vector<DirectSpan> spans_;
  std::vector<RawQuote> raw_;
  std::vector<std::pair<std::string, std::string>> acronyms_;
  std::vector<std::pair<uint32_t, uint32_t>> used_;  // attributions already read
  std::vector<std::string> folded_;                   // by Token::index
  std::vector<const text::PersonMention*> mentions_by_end_;
  std::optional<Subject> statement_speaker_;
  int statement_paragraphs_ = 0;
  std::optional<Subject> pending_speaker_;
  std::optional<std::string> pending_channel_;
  size_t pending_para_ = 0;
};

}  // namespace

std::vector<Quote> FindQuotes(std::string_view text, const text::LanguageTables& tables) {
  return FindQuotes(text, tables, text::BuildTextLayer(text, tables));
}

std::vector<Quote> FindQuotes(std::string_view text, const text::LanguageTables& tables, const text::TextLayer& layer) {
  Finder f(text, tables);
  return f.Run(layer);
}

std::vector<Quote> FindQuotes(std::string_view text, const text::LanguageTables& tables, const text::TextLayer& layer,
                              const syntax::DocumentSyntax* syntax) {
  (void)syntax;  // the finder's rules do not read trees yet
  return FindQuotes(text, tables, layer);
}

}  // namespace attache::quotes
