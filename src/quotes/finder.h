// Internal to the quotes stage: the Finder that every rule family of
// quotes/*.cc adds its methods to, and the records they share. Where each
// family is decided (see ARCHITECTURE.md):
//   marks.cc       quotation-mark spans (FindSpans)
//   paragraphs.cc  the driver: paragraph by paragraph, statements over
//                  several paragraphs, speakers carried to the next one
//   direct.cc      attributions after and before a quotation
//   interview.cc   question-and-answer interviews
//   reported.cc    reported speech: speech verbs, frames, trailing
//                  attributions, participles
//   speakers.cc    the subject phrase: persons, pronouns, descriptions,
//                  appositive roles
//   institutions.cc  institution phrases, acronyms
//   channels.cc    frames and the outlet a speaker talked to
//   tree.cc        reported speech read on the dependency tree
//   resolve.cc     subjects to speakers in text order; channels carried
//                  over a speaker's quotes
//   roles.cc       descriptions that name an office in other words
//   gender.cc      the gender the page shows for a person, against a
//                  pronoun subject's
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "attache/analyze.h"
#include "syntax/syntax.h"
#include "text/names.h"
#include "text/tables.h"
#include "text/text.h"
#include "text/word_set.h"

namespace attache::quotes::internal {

using text::LanguageTables;
using text::Span;
using text::Token;
using text::TokenKind;
using text::VerbClass;
using text::WordSet;

constexpr int kMinDirectWords = 4;   // shorter quoted spans are scare quotes or titles
constexpr int kMinReportedWords = 3;

// kNeuter: a pronoun of no gender ("it said"), an institution's.
enum class SubjectKind { kNone, kPerson, kPronoun, kDescription, kInstitution, kPrevious, kNeuter };

struct Subject {
  SubjectKind kind = SubjectKind::kNone;
  Span span;                         // the subject as written
  const text::PersonMention* person = nullptr;
  std::optional<std::string> role;   // title, appositive or description
  std::string name;                  // a resolved name when there is no mention ("AMLO")
  uint32_t start = 0;                // where the subject phrase begins (title or determiner included)
  bool unnamed = false;              // a qualified unnamed group ("UN officials"), spoken for as described
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

struct Sentence {
  Span span;
  std::vector<Token> toks;
  size_t index = 0;  // in the text layer (and the document's syntax)
};

inline std::string_view Slice(std::string_view text, uint32_t b, uint32_t e) { return text.substr(b, e - b); }

inline bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Trims spaces and the punctuation that frames content (":", ",", quote
// marks left open) from both ends of [b, e).
void TrimContent(std::string_view text, uint32_t* b, uint32_t* e);

int CountWords(std::string_view s);

// The quotation-mark spans of one paragraph (marks.cc).
std::vector<DirectSpan> FindSpans(std::string_view text, Span para, const LanguageTables& tables);

class Finder {
 public:
  Finder(std::string_view text, const LanguageTables& tables, const syntax::DocumentSyntax* syn = nullptr)
      : text_(text), t_(tables), syn_(syn) {
    // The after-frames that attributions after a clause or a quotation read
    // (not ", SPEAKER said": a trailing attribution's), picked once.
    for (const text::Frame& f : t_.frames)
      if (f.kind == text::FrameKind::kAfter && f.words.size() >= 3 &&
          !(f.words[1] == "SPEAKER" && f.words.size() == 3))
        after_frames_.push_back(&f);
  }

  std::vector<Quote> Run(const text::TextLayer& layer);
  // The outlet that published the page: the channel of its own interview
  // when the introduction names no other.
  void SetPageOutlet(std::string outlet) { page_outlet_ = std::move(outlet); }

 private:
  // ------------------------------------------------------------ helpers
  std::string_view W(const Token& t) const { return Slice(text_, t.begin, t.end); }
  const std::string& F(const Token& t) const { return folded_[t.index]; }
  bool IsWord(const Token& t, std::string_view w) const { return t.kind == TokenKind::kWord && F(t) == w; }
  bool IsPunct(const Token& t, char c) const {
    return t.kind == TokenKind::kPunct && t.end - t.begin == 1 && text_[t.begin] == c;
  }
  bool IsInstitutionWord(std::string_view w) const;

  // Acronyms the text defines or can spell: "Ministry of External Affairs
  // (MEA)", "Foreign Office" for "FO".
  void FindAcronyms();

  std::string ExpandAcronym(std::string_view a) const;

  // Words that may stand between a subject and its verb.
  bool IsSkippable(const Token& t) const;

  // ------------------------------------------------------------ subjects
  // The person mention that ends inside token t (possessive endings aside).
  const text::PersonMention* MentionEndingIn(const Token& t) const;

  // The subject whose last token is toks[j], if any, with `start` set to the
  // beginning of its phrase: its title, or a possessive before it ("his office").
  Subject SubjectEndingAt(const Sentence& s, int j) const;

  Subject SubjectCore(const Sentence& s, int j) const;

  // An institution: capitalised words (with "of", "and", "for") that hold
  // an institution word: "the Foreign Ministry", "Ministry of External
  // Affairs", "the ministry", "a statement from the Foreign Office". An
  // institution named by a lower-case noun phrase keeps its modifiers when a
  // determiner or a possessive opens the phrase: "the German foreign
  // office", "the presidential press service", "the Kremlin's press service"
  // (a person's possessive is left out: "Lula's presidential office").
  Subject InstitutionEndingAt(const Sentence& s, int j) const;

  static bool IsPossessive(std::string_view w);

  // The word or name without its possessive ending ("Trend's" -> "Trend").
  static std::string_view WithoutPossessive(std::string_view w);

  static bool IsDeterminer(std::string_view w);

  // A lower-case word that can modify an institution's head noun
  // ("foreign", "defence", "presidential"): not a function word, pronoun,
  // adverb, number or role noun.
  int UnqualifiedGroupStart(const Sentence& s, int j) const;
  bool VagueQuantifier(const Token& d) const;
  bool IsModifier(const Token& d) const;

  // A role as stated; lower-cased when it only opens a sentence, without
  // honorifics ("Mr", "Dr").
  std::string RoleText(Span span, uint32_t sentence_begin) const;

  // The first subject of the sentence: the person, pronoun, description or
  // institution it opens with (after a leading adverbial ending in a comma).
  Subject ClauseSubject(const Sentence& s, int before) const;

  // Whether a comma-set phrase starting with `t` can describe a person:
  // "a member of ...", "head of ...", "who heads ...", "Deputy ..."; not
  // "by his visit to China".
  bool AppositiveStart(const Token& t) const;

  // The subject of the speech verb at toks[v], looking left over adverbs and,
  // when a comma stands there, over an appositive ("X, head of Y, said").
  Subject SubjectOf(const Sentence& s, int v, int floor) const;

  // A SPEAKER slot's subject: the first person named in it ("a statement
  // made by Mao Ning the spokesperson"), else what it ends with.
  Subject SlotSubject(const Sentence& s, Span slot) const;

  // ------------------------------------------------------------ frames
  // Matches the words of a frame from its word `first` on at toks[i];
  // slots take the tokens up to the next fixed word (or the end). Returns
  // the token after the match.
  int MatchFrame(const Sentence& s, int i, const text::Frame& f, Span* slot, int limit, size_t first = 0) const;

  // An outlet named by an object phrase: its capitalised run ("the SABC",
  // "Xinhua via email" -> "Xinhua"), unless it names a person or an audience.
  std::optional<std::string> OutletOf(const Sentence& s, int b, int e) const;

  std::optional<std::string> ChannelOf(const Sentence& s, int* frame_end) const;

  // ------------------------------------------------------------ reported speech
  // Whether `pos` lies in an accepted quotation or its attribution. Spans are
  // in text order and do not overlap, so only the last few that open before
  // `pos` can hold it.
  bool InAccepted(uint32_t pos) const;

  uint32_t ContentEnd(const Sentence& s, uint32_t b) const;

  void AddReported(uint32_t b, uint32_t e, const Subject& sub, std::optional<std::string> channel, std::string cue);

  // Whether the words from toks[c] read as a clause (they hold a finite verb:
  // an auxiliary, a modal or a past form) rather than a noun phrase.
  static bool IsFinite(std::string_view w);

  bool LooksLikeClause(const Sentence& s, int c) const;

  bool IsPreposition(const Token& t) const;

  // Whether the tagger reads the sentence's first word as opening a noun
  // phrase rather than an adverbial; false without a tagger (reported.cc).
  bool NominalStart(const Sentence& s) const;

  // Temporal and place adjuncts after a speech verb: "said here on
  // Thursday", "said on Monday that", "said in a statement that".
  int SkipAdjuncts(const Sentence& s, int c) const;

  // Whether the preposition at toks[c] opens words with a verb of their
  // own before a "that" ("said at the meeting they discussed that").
  bool ClauseAfterAdjunct(const Sentence& s, int c) const;

  // Whether the words from toks[c] to the end of the sentence are only an
  // adjunct of the speech verb before them: "said during a news briefing.",
  // "said in a statement published in Berlin this morning." (a preposition,
  // then no finite verb, "that", comma or quotation).
  bool AdjunctToEnd(const Sentence& s, int c) const;

  // Attributions are recorded in text order; only the last one starting at
  // or before `pos` can hold it.
  bool VerbUsed(uint32_t pos) const;

  // Reported speech in one sentence: at most one quote.
  void Reported(const Sentence& s);

  bool SpeechVerb(const Sentence& s, const std::optional<std::string>& channel, int frame_end);

  bool BeforeFrame(const Sentence& s, const std::optional<std::string>& channel);

  // The start of the content that a sentence-final attribution closes: the
  // sentence start, or the end of an accepted quotation before it.
  uint32_t ClauseStart(const Sentence& s, uint32_t limit) const;

  bool AfterFrame(const Sentence& s, const std::optional<std::string>& channel);

  // "CONTENT, Turkey’s president said Friday." / "CONTENT, said Troy
  // Stangarone, senior director ..." / "CONTENT, he said."
  bool TrailingAttribution(const Sentence& s, const std::optional<std::string>& channel);

  // The subject of a reporting verb ("the ministry reported"): an
  // institution that is not a news outlet, a description, a pronoun or a
  // titled person; not "Kanyi Daily", "the Saudi Press Agency".
  bool ReportingSubject(const Sentence& s, const Subject& sub) const;

  // Whether a subject phrase names a news outlet ("news agency IRNA").
  bool NamesOutlet(const Sentence& s, const Subject& sub) const;

  // "..., saying (that) CONTENT": the participle's subject is the clause's.
  bool Participle(const Sentence& s, const std::optional<std::string>& channel);

  // Whether the tree reads the words from toks[c] as the noun object of the
  // verb at toks[v] ("stressed the importance of ..."), with no clause.
  // `to_end`: only when the object runs to the end of the sentence.
  bool TopicObject(const Sentence& s, int v, int c, bool to_end = false) const;

  // ------------------------------------------------------------ on the tree (tree.cc)
  // Whether the sentence holds a speech cue not yet read that the tree
  // rule could read (tags and words only, no parse): only such sentences
  // are parsed.
  bool SpeechCue(const Sentence& s) const;

  // The subject phrase of the tree's nsubj word `subj`, before the verb at
  // token `verb_tok`; a place or organisation entity as an institution.
  // tree.cc: the antecedent of a relative pronoun subject ("X, who said"),
  // else the subject itself.
  static int RelativeAntecedent(const syntax::Sentence& t, int subj);
  Subject TreeSubject(const Sentence& s, const syntax::Sentence& t, int subj, int verb_tok) const;

  // The tree's nsubj of the verb at toks[v] when its phrase lies between
  // the comma at toks[c] and the verb ("..., NATO said.").
  Subject TreeSubjectBetween(const Sentence& s, int c, int v) const;

  // Whether the tree reads the speech verb at toks[v] as a passive ("was
  // told"): no one is its speaker.
  bool PassiveOnTree(const Sentence& s, int v) const;

  // An outlet told something at an institution: "X was told at the
  // ministry that ...", "As X was told in the press service, ..." (tree.cc).
  // Asked, like ReportedOnTree, only of a sentence SpeechCue passed.
  bool ToldAtInstitution(const Sentence& s);

  // "Stressing that CONTENT, X noted ...": a participle of speech opening
  // the sentence; the main verb's subject speaks (tree.cc).
  bool FrontedParticiple(const Sentence& s, const std::optional<std::string>& channel);

  // The token of tree word w when it is a verb (the first word of its
  // token) that no quote has read yet, else -1 (tree.cc).
  int UnreadVerb(const Sentence& s, const syntax::Sentence& t, int w) const;

  // Reported speech read on the tree: the ccomp of a speech verb, or the
  // "that" clause of a stance noun ("expressed hope that"), spoken by the
  // verb's nsubj. Asked only of a sentence SpeechCue passed (Reported).
  bool ReportedOnTree(const Sentence& s, const std::optional<std::string>& channel);

  // ------------------------------------------------------------ direct quotes
  // Binary searches: sentences and paragraphs are in text order.
  const Sentence* SentenceAt(uint32_t pos) const;

  size_t ParaOf(uint32_t pos) const;

  // Attribution after a closing mark: ", Tkachenko said.", ", said Mr X.",
  // ", a statement signed by X, read."
  bool AttributionAfter(DirectSpan& d, Subject* sub, std::string* cue, std::optional<std::string>* ch);

  // Attribution before an opening mark: the clause before it ends with ':'
  // or ',' and holds a speaker ("He says that ...:", "he said,").
  bool AttributionBefore(const DirectSpan& d, Span para, Subject* sub, std::string* cue,
                         std::optional<std::string>* ch) const;

  // The speaker of a paragraph that ends "SUBJ said:" with no quotation
  // after it: the statement follows in the next paragraphs.
  bool IntroducesStatement(Span para, Subject* sub, std::optional<std::string>* channel) const;

  void Paragraph(size_t pi);

  // Whether a paragraph holds a speech verb with a subject of its own (a
  // person, an institution, a description): it does not go on with the
  // statement a paragraph before announced (paragraphs.cc).
  bool HasOwnAttribution(const std::vector<const Sentence*>& in_para) const;

  // A quotation opening inside the writer's clause becomes that clause's
  // reported quote (paragraphs.cc).
  void EmbeddedFragment(const DirectSpan& d);

  // A quotation inside a paragraph, after the reported words of a speaker
  // with no other person named between, is that speaker's (paragraphs.cc).
  void ContinuedQuotation(DirectSpan& d, Span para);

  // A paragraph that only closes a quotation opened paragraphs before.
  void ClosingParagraph(size_t pi);

  // Question-and-answer interviews (interview.cc): which paragraphs answer,
  // who answers, to which outlet; Answer() records an answer paragraph.
  void FindInterview();
  bool Answer(size_t pi);

  bool OpensWithQuote(size_t pi) const;

  // Whether a closed quotation is a title: every word capitalised but short
  // joiners ("Asia In First Place"), at least three (paragraphs.cc).
  bool TitleCase(const DirectSpan& d) const;

  bool ParagraphEndsWithQuote(size_t pi) const;

  // Paragraph-opening quotations with no speaker take the speaker of the
  // next paragraph's opening quotation (a statement over several
  // paragraphs, attributed at its end).
  void LookAhead();

  void AddDirect(const DirectSpan& d, const Subject& sub, const std::string& cue, std::optional<std::string> ch);

  // ------------------------------------------------------------ resolution
  // Words of a role or title, folded.
  std::vector<std::string> RoleWords(std::string_view role) const;

  // The person a description refers to: one whose title holds the
  // description's words ("the Saudi minister" -> "Saudi Foreign Minister
  // Faisal ..."), nearest before it, else nearest after it.
  // `before`: a holder named before `pos`, else after it. `full`: every
  // word of the description in the title, else the head noun only.
  std::string PersonByRole(const std::string& role, uint32_t pos, bool before_pos, bool full) const;
  // PersonByRole for the role's own words (resolve.cc); PersonByRole tries
  // them, then the title the description names in other words (roles.cc).
  std::string PersonByTitle(const std::string& role, uint32_t pos, bool before_pos, bool full) const;
  // The role with a description that names an office in other words
  // replaced by the office's title ("the premier" -> "the Prime Minister",
  // role_equivalents.txt); "" when it holds none.
  std::string EquivalentRole(std::string_view role) const;

  std::vector<Quote> Resolve();

  void CarryInterviewChannel(std::vector<Quote>* out) const;

  // The same speaker's words of the same type, later in the sentence where
  // the last quote ends, extend that quote (resolve.cc).
  void MergeSentenceParts(std::vector<Quote>* out) const;

  // Whether two speakers' names are one person's ("Kuleba", "Dmytro Kuleba").
  bool SamePerson(const std::string& a, const std::string& b) const;

  bool LoneWord(const Subject& sub, const Quote& q) const;

  // Whether a description opens with an indefinite article ("an official").
  bool IndefiniteDescription(const Subject& sub) const;

  // Whether a description's phrase opens with "a" or "an".
  bool IndefiniteArticle(const Subject& sub) const;

  std::string NextPersonSpeaker(size_t from) const;

  // The person a pronoun refers to across a sentence boundary: the named
  // nsubj of the main clause of the sentence before, when that sentence
  // holds no statement (resolve.cc).
  std::string PreviousSubject(const RawQuote& r) const;

  // The person a quote's pronoun subject refers to within its sentence:
  // the nearest person named before it, outside quotations, as a
  // clause's subject (by the tree).
  // Only a person whose gender (gender.cc) agrees with `g` ('m', 'f', 0).
  std::string SentenceAntecedent(const RawQuote& r, char g = 0) const;

  // gender.cc: the gender a pronoun subject marks ('m', 'f', else 0); the
  // gender the page shows for a person (an honorific before a mention, a
  // possessive in a clause the person is the subject of; 0 when it shows
  // none or both); whether a person may be referred to by gender `g`.
  char PronounGender(const Subject& sub) const;
  char GenderOf(const std::string& full_name) const;
  char GenderOnTree(const std::string& full_name, bool* conflict) const;
  bool GenderAgrees(const std::string& full_name, char g) const;
  std::string SpeakerOfGender(const std::vector<Quote>& out, const RawQuote& r, char g) const;

  // Whether the tree reads toks[k] as a noun, proper noun or adjective in a
  // nominal relation ("the Turkic states stretching ...", "his comments"),
  // not the verb its spelling could be; false when there is no tree.
  bool TaggedNotVerb(const Sentence& s, int k) const;

  // Whether a name-like subject only modifies a plural noun spelled like
  // the speech verb at toks[v] ("of Turkic states").
  bool ModifierOfNoun(const Sentence& s, const Subject& sub, int v) const;

  std::string_view text_;
  const LanguageTables& t_;
  const syntax::DocumentSyntax* syn_ = nullptr;
  text::PeopleIndex people_;
  std::vector<Sentence> sentences_;
  std::vector<Span> paras_;
  std::vector<DirectSpan> spans_;
  std::vector<RawQuote> raw_;
  std::vector<std::pair<std::string, std::string>> acronyms_;
  std::vector<std::pair<uint32_t, uint32_t>> used_;  // attributions already read
  std::vector<std::string> folded_;                   // by Token::index
  std::vector<const text::PersonMention*> mentions_by_end_;
  std::vector<const text::Frame*> after_frames_;  // AfterFrame, AttributionAfter
  std::optional<Subject> statement_speaker_;
  int statement_paragraphs_ = 0;
  std::optional<std::string> statement_channel_;  // "X told OUTLET:"
  std::optional<Subject> pending_speaker_;
  std::optional<std::string> pending_channel_;
  size_t pending_para_ = 0;
  // Persons a sentence ties to an outlet ("X made the remark in an
  // interview with OUTLET"), whether or not it holds a statement.
  std::vector<std::pair<const text::PersonMention*, std::string>> interview_ties_;
  std::vector<bool> answers_;  // by paragraph
  const text::PersonMention* interviewee_ = nullptr;
  // A transcript's turns: the person whose name (after a title) labels a
  // paragraph ("President Anna Berg: Thank you ..."), by paragraph.
  std::vector<const text::PersonMention*> turns_;
  std::optional<std::string> interview_channel_;
  std::string page_outlet_;
  mutable std::unordered_map<std::string, char> gender_;  // GenderOf, by full name
};

}  // namespace attache::quotes::internal
