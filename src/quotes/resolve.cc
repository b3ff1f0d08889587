// Resolution: in text order, subjects become speakers (names to full names,
// pronouns and descriptions to the last or the matching person, institutions
// as named or expanded from an acronym), and a speaker's channel is carried to
// the quotes that follow.
#include <algorithm>
#include <optional>
#include <string>

#include "quotes/finder.h"
#include "text/gazetteer.h"
#include "text/officeholders.h"

namespace attache::quotes::internal {

// ------------------------------------------------------------ resolution
// Words of a role or title, folded.
std::vector<std::string> Finder::RoleWords(std::string_view role) const {
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
std::string Finder::PersonByTitle(const std::string& role, uint32_t pos, bool before_pos, bool full) const {
  std::vector<std::string> want;
  for (auto& w : RoleWords(role)) {
    w = std::string(WithoutPossessive(w));
    if (w != "the" && w != "a" && w != "an" && w != "this" && w != "our") want.push_back(w);
  }
  if (want.empty()) return "";
  // "the Iranian president": the country a demonym of the role names; a
  // holder of the head noun's title from that country (by the office-holder
  // table) is the one meant. The role's demonym words (folded) are the
  // only words a title may lack ("Saudi" in "the Saudi minister").
  std::string_view country;
  std::vector<std::string> demonyms;
  size_t from = 0;
  while (from < role.size()) {
    size_t to = role.find(' ', from);
    if (to == std::string::npos) to = role.size();
    const std::string_view word = std::string_view(role).substr(from, to - from);
    if (!word.empty() && word[0] >= 'A' && word[0] <= 'Z')
      if (const text::Country* c = text::LookupDemonym(word); c && c->kind == text::EntityKind::kCountry) {
        if (country.empty()) country = c->code;
        demonyms.push_back(text::Fold(word));
      }
    from = to + 1;
  }
  auto matches = [&](const text::PersonMention& m) {
    if (m.title.size() == 0) return false;
    const auto have = RoleWords(Slice(text_, m.title.begin, m.title.end));
    // The head noun must match; the other words may be missing from the
    // title only when they name the person's country or another mention.
    if (std::find(have.begin(), have.end(), want.back()) == have.end()) return false;
    int hits = 0, missing_other = 0;
    for (const auto& w : want) {
      const bool hit = std::find(have.begin(), have.end(), w) != have.end();
      hits += hit;
      if (!hit && std::find(demonyms.begin(), demonyms.end(), w) == demonyms.end()) ++missing_other;
    }
    if (full) return hits == static_cast<int>(want.size());
    // "the German Foreign Office spokesperson" is not "State Department
    // spokesperson X", nor "the newly sworn-in President" a "former
    // President": only a country's word may be missing from the title.
    if (missing_other > 0) return false;
    if (country.empty() || hits == static_cast<int>(want.size())) return true;
    const text::Office* office = text::OfficeOf(m.full_name);
    return !office || office->country == country;
  };
  std::string before, after;
  for (const auto& m : people_.mentions) {
    if (!matches(m)) continue;
    if (m.span.begin < pos) before = m.full_name;
    else if (after.empty()) after = m.full_name;
  }
  // No title in the article says it: a person the office-holder table
  // gives an office of that country with the head noun in its name.
  if (!full && !country.empty() && (before_pos ? before : after).empty()) {
    for (const auto& m : people_.mentions) {
      const text::Office* office = text::OfficeOf(m.full_name);
      if (!office || office->country != country) continue;
      const auto have = RoleWords(office->office);
      if (std::find(have.begin(), have.end(), want.back()) == have.end()) continue;
      if (m.span.begin < pos) before = m.full_name;
      else if (after.empty()) after = m.full_name;
    }
  }
  return before_pos ? before : after;
}

std::vector<Quote> Finder::Resolve() {
  std::vector<Quote> out;
  std::string last_person;   // the last person who spoke
  std::string last_speaker;  // person or institution
  std::string last_institution;
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
        // "an FCO spokeswoman said", "a senior official told ...": an
        // indefinite description introduces an unnamed source, who is the
        // speaker as described.
        if (IndefiniteDescription(r.subject)) {
          q.speaker = *r.subject.role;
          q.speaker_role = r.subject.role;
          break;
        }
        // Nearest named holder of the role before it, else the last
        // speaker, else a holder named later, else the next speaker.
        q.speaker = PersonByRole(*r.subject.role, r.begin, true, true);
        if (q.speaker.empty()) q.speaker = PersonByRole(*r.subject.role, r.begin, true, false);
        q.speaker_role = r.subject.role;
        {
          // "with a German Foreign Office spokesperson saying": an
          // indefinite description introduces someone new, not the last
          // speaker: a holder of its title named later, else the next
          // speaker, else the one described ("An FCO spokeswoman said": no
          // one in the article holds the role).
          const bool indefinite = IndefiniteArticle(r.subject);
          if (q.speaker.empty() && !indefinite) q.speaker = last_person;
          if (q.speaker.empty()) q.speaker = PersonByRole(*r.subject.role, r.begin, false, true);
          if (q.speaker.empty()) q.speaker = PersonByRole(*r.subject.role, r.begin, false, false);
          if (q.speaker.empty()) q.speaker = NextPersonSpeaker(r_i);
          if (q.speaker.empty() && indefinite) q.speaker = *r.subject.role;
          if (q.speaker.empty()) q.speaker = last_person;
        }
        break;
      case SubjectKind::kPronoun: {
        // "she said" is never a person the page shows to be a man: each
        // candidate in turn must agree with the pronoun's gender.
        const char g = PronounGender(r.subject);
        auto agrees = [&](const std::string& name) { return !name.empty() && GenderAgrees(name, g); };
        q.speaker = SentenceAntecedent(r, g);
        if (!agrees(q.speaker)) q.speaker = PreviousSubject(r);
        if (!agrees(q.speaker)) q.speaker = last_person;
        if (q.speaker.empty()) {
          for (const auto& m : people_.mentions)
            if (m.span.begin < r.begin && m.full_name.find(' ') != std::string::npos) q.speaker = m.full_name;
        }
        if (!agrees(q.speaker)) q.speaker = SpeakerOfGender(out, r, g);
        break;
      }
      case SubjectKind::kPrevious:
        q.speaker = last_speaker;
        break;
      case SubjectKind::kNeuter:
        // "“...,” it added.": the institution quoted last, if any.
        q.speaker = last_institution;
        break;
      case SubjectKind::kInstitution: {
        std::string name(Slice(text_, r.subject.span.begin, r.subject.span.end));
        if (name.rfind("the ", 0) == 0 || name.rfind("The ", 0) == 0) name.erase(0, 4);
        // "the Kremlin's press service" is the Kremlin press service; "the
        // Latvian president's office" keeps its lower-case possessor's mark.
        for (const std::string_view mark : {std::string_view("\xE2\x80\x99s "), std::string_view("'s ")})
          for (size_t at = name.find(mark); at != std::string::npos; at = name.find(mark, at)) {
            const size_t word = name.rfind(' ', at);
            const char c = name[word == std::string::npos ? 0 : word + 1];
            if (c >= 'a' && c <= 'z') {
              at += mark.size();
              continue;
            }
            name.erase(at, mark.size() - 1);
          }
        bool acronym = !name.empty();
        for (char c : name) acronym = acronym && ((c >= 'A' && c <= 'Z') || c == '.');
        if (acronym) {
          const std::string full = ExpandAcronym(name);
          // "the US said": a country's short form, under the country's name.
          const text::Place* place = full.empty() ? text::LookupPlace(name) : nullptr;
          if (!full.empty()) name = full;
          else if (place && place->kind == text::EntityKind::kCountry) name = std::string(place->name);
        }
        // "the embassy" after "the US embassy said", "the Ministry" after
        // "Russian Foreign Ministry said": the institution named before with
        // the same head noun.
        if (!name.empty() && name.find(' ') == std::string::npos && !acronym) {
          for (size_t i = institutions.size(); i-- > 0;) {
            const std::string& known = institutions[i];
            const size_t sp = known.rfind(' ');
            if (sp != std::string::npos && text::Fold(std::string_view(known).substr(sp + 1)) == text::Fold(name)) {
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
    if (r.subject.kind == SubjectKind::kPerson && LoneWord(r.subject, q)) continue;
    if (r.subject.kind != SubjectKind::kInstitution && r.subject.kind != SubjectKind::kNeuter) last_person = q.speaker;
    else last_institution = q.speaker;
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
  MergeSentenceParts(&out);
  CarryInterviewChannel(&out);
  return out;
}

// A later part of the same speaker's direct (or reported) words in the
// sentence where the last quote ends ("“...,” he said, adding that “...”")
// extends that quote.
void Finder::MergeSentenceParts(std::vector<Quote>* out) const {
  std::vector<Quote> merged;
  merged.reserve(out->size());
  for (Quote& q : *out) {
    const Sentence* sq = SentenceAt(static_cast<uint32_t>(q.begin));
    Quote* into = nullptr;
    if (!merged.empty()) {
      Quote& o = merged.back();
      const Sentence* so = SentenceAt(static_cast<uint32_t>(o.end > o.begin ? o.end - 1 : o.begin));
      if (sq && so == sq && o.speaker == q.speaker && o.direct == q.direct) into = &o;
    }
    if (!into) {
      merged.push_back(std::move(q));
      continue;
    }
    if (q.end > into->end) {
      into->end = q.end;
      into->text = std::string(Slice(text_, static_cast<uint32_t>(into->begin), static_cast<uint32_t>(into->end)));
    }
    if (!into->channel) into->channel = q.channel;
    if (!into->speaker_role) into->speaker_role = q.speaker_role;
  }
  *out = std::move(merged);
}

bool Finder::IndefiniteArticle(const Subject& sub) const {
  if (!sub.role || sub.role->empty()) return false;
  const std::string head = text::Fold(Slice(text_, sub.start, std::min(sub.span.end, sub.start + 3)));
  return head.rfind("a ", 0) == 0 || head == "an ";
}

bool Finder::IndefiniteDescription(const Subject& sub) const {
  if (!sub.role || sub.role->empty()) return false;
  if (sub.unnamed) return true;
  // Only a source the sentence keeps anonymous ("on condition of
  // anonymity", "who asked not to be named"); "a presidential aide said" is
  // otherwise the aide the article names.
  const Sentence* s = SentenceAt(sub.span.begin);
  if (!s) return false;
  const std::string_view words = Slice(text_, s->span.begin, s->span.end);
  bool unnamed = false;
  for (const std::string& cue : t_.anonymity) unnamed = unnamed || words.find(cue) != std::string_view::npos;
  if (!unnamed) return false;
  // "a presidential aide, Jakub Kumoch, said": named in apposition.
  for (const auto& m : people_.mentions)
    if (m.span.begin >= sub.span.end && m.span.begin <= sub.span.end + 3) return false;
  const std::string head = text::Fold(Slice(text_, sub.span.begin, std::min(sub.span.end, sub.span.begin + 3)));
  return head.rfind("a ", 0) == 0 || head == "an ";
}

// A person subject that is one capitalised word, with no title, role or
// fuller name anywhere in the article ("According to Trend, ...", "Frankly,
// ..."), is a name only by its shape: an outlet, a place or a sentence
// adverb. No speaker is read from it.
bool Finder::LoneWord(const Subject& sub, const Quote& q) const {
  if (!sub.person || !sub.name.empty() || q.speaker_role) return false;
  if (sub.person->title.size() > 0) return false;
  if (q.speaker.find(' ') != std::string::npos || q.speaker.find('-') != std::string::npos) return false;
  for (const auto& full : people_.full_names)
    if (full.find(' ') != std::string::npos && full.find(q.speaker) != std::string::npos) return false;
  // A lone surname after a speech verb may be a person the article names
  // no further ("Retno said"); a word in a frame's slot ("according to
  // Trend") is an outlet or a document more often than a person.
  return q.cue.find(' ') != std::string::npos;
}

// Whether two speakers' names are one person's: equal, or one's last word
// is a word of the other ("Kuleba" in "Dmytro Kuleba"), words split at
// spaces and at a full stop glued to a word ("Kuleba.PAP").
bool Finder::SamePerson(const std::string& a, const std::string& b) const {
  if (a == b) return true;
  auto words = [](const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
      if (c == ' ' || c == '.') {
        if (cur.size() > 1) out.push_back(cur);
        cur.clear();
      } else {
        cur.push_back(c);
      }
    }
    if (cur.size() > 1) out.push_back(cur);
    return out;
  };
  const auto wa = words(a), wb = words(b);
  if (wa.empty() || wb.empty()) return false;
  auto has = [](const std::vector<std::string>& ws, const std::string& w) {
    return std::find(ws.begin(), ws.end(), w) != ws.end();
  };
  // Institutions ("Foreign Ministry") are compared whole.
  for (const auto* ws : {&wa, &wb})
    for (const std::string& w : *ws)
      if (IsInstitutionWord(text::Fold(w)) || !(w[0] >= 'A' && w[0] <= 'Z')) return false;
  return has(wb, wa.back()) || has(wa, wb.back());
}

// An article that ties a speaker to one outlet ("X told Trend", "in an
// interview with APA, X ...", even in a sentence with no statement of its
// own) gives that outlet to each of the speaker's quotes, before the tie as
// well as after it. A speaker tied to two outlets keeps each quote's own.
void Finder::CarryInterviewChannel(std::vector<Quote>* out) const {
  std::vector<std::pair<std::string, std::string>> ties;  // speaker, outlet
  auto tie = [&](const std::string& speaker, const std::string& outlet) {
    for (const auto& [sp, o] : ties)
      if (sp == speaker && o == outlet) return;
    ties.emplace_back(speaker, outlet);
  };
  for (const Quote& q : *out)
    if (q.channel) tie(q.speaker, *q.channel);
  for (const auto& [person, outlet] : interview_ties_) tie(person->full_name, outlet);
  for (Quote& q : *out) {
    if (q.channel) continue;
    const std::string* only = nullptr;
    int n = 0;
    for (const auto& [sp, o] : ties)
      if (SamePerson(sp, q.speaker)) {
        only = &o;
        ++n;
      }
    if (n == 1) q.channel = *only;
  }
}

// The person a pronoun subject refers to inside its own sentence: the
// nearest person before it who is the subject of a clause of the
// sentence ("Abe would make a tour, though he earlier said ..."); not a
// person in an object or an adjunct ("After talks with X, he said").
std::string Finder::SentenceAntecedent(const RawQuote& r, char g) const {
  if (!syn_) return "";
  const uint32_t pos = r.subject.span.begin;
  const Sentence* s = SentenceAt(pos);
  if (!s) return "";
  const syntax::Sentence* t = nullptr;
  const text::PersonMention* best = nullptr;
  for (const auto& m : people_.mentions) {
    if (m.span.begin < s->span.begin || m.span.end > pos || m.full_name.find(' ') == std::string::npos) continue;
    // Not a name inside the quotation itself.
    if (m.span.begin < r.end && m.span.end > r.begin) continue;
    if (InAccepted(m.span.begin)) continue;
    if (best && m.span.begin < best->span.begin) continue;
    if (!GenderAgrees(m.full_name, g)) continue;
    if (!t && !(t = syn_->Get(s->index))) return "";
    bool subject = false;
    for (int w = 0; w < t->size() && !subject; ++w) {
      const syntax::Word& x = t->words[static_cast<size_t>(w)];
      subject = x.begin >= m.span.begin && x.end <= m.span.end && syntax::Sentence::Base(x.deprel) == "nsubj";
    }
    if (subject) best = &m;
  }
  return best ? best->full_name : "";
}

// The person a pronoun subject refers to across a sentence boundary: the
// named subject of the main clause of the sentence just before, when that
// sentence holds no statement ("X slammed the plan. “...,” he told the
// council."): the person the text is about, not the last one who spoke.
// Only within the pronoun's paragraph or the one before it.
std::string Finder::PreviousSubject(const RawQuote& r) const {
  if (!syn_) return "";
  const Sentence* s = SentenceAt(r.subject.span.begin);
  if (!s || s == &sentences_.front()) return "";
  const Sentence* prev = s - 1;
  const size_t pp = ParaOf(prev->span.begin), ps = ParaOf(s->span.begin);
  if (pp >= paras_.size() || ps >= paras_.size() || pp + 1 < ps) return "";
  if (InAccepted(prev->span.begin)) return "";
  // raw_ is in text order: only the last few quotes opening before the
  // sentence's end can reach into it.
  auto after = std::lower_bound(raw_.begin(), raw_.end(), prev->span.end,
                                [](const RawQuote& q, uint32_t e) { return q.begin < e; });
  for (int back = 0; back < 8 && after != raw_.begin(); ++back)
    if ((--after)->end > prev->span.begin) return "";
  // The answer is a person named in full in that sentence: none, no parse.
  bool named = false;
  for (const auto& m : people_.mentions)
    named = named || (m.span.begin < prev->span.end && prev->span.begin < m.span.end &&
                      m.full_name.find(' ') != std::string::npos);
  if (!named) return "";
  const syntax::Sentence* t = syn_->Get(prev->index);
  if (!t) return "";
  const int root = t->Root();
  if (root < 0) return "";
  int subj = t->Child(root, "nsubj");
  // "The arrival was covered by reporter X.": the agent of a passive.
  if (subj >= 0 && t->words[static_cast<size_t>(subj)].deprel == "nsubj:pass")
    for (int c : t->Children(root)) {
      if (t->words[static_cast<size_t>(c)].deprel != "obl:agent") continue;
      const text::Span r = t->SubtreeBytes(c);
      for (const auto& m : people_.mentions)
        if (r.begin <= m.span.begin && m.span.end <= r.end && m.full_name.find(' ') != std::string::npos)
          return m.full_name;
    }
  // "During his stay, X also held ...": the tree may hang a name after a
  // fronted phrase elsewhere; the words right before the main verb, over
  // adverbs and auxiliaries, are then its subject.
  for (int w = root - 1; subj < 0 && w >= 0; --w) {
    const std::string_view upos = t->words[static_cast<size_t>(w)].upos;
    if (upos == "ADV" || upos == "AUX" || upos == "PART") continue;
    if (upos == "PROPN") subj = w;
    break;
  }
  if (subj < 0) return "";
  const syntax::Word& x = t->words[static_cast<size_t>(subj)];
  for (const auto& m : people_.mentions)
    if (m.span.begin <= x.begin && x.end <= m.span.end && m.full_name.find(' ') != std::string::npos)
      return m.full_name;
  return "";
}

std::string Finder::NextPersonSpeaker(size_t from) const {
  for (size_t i = from + 1; i < raw_.size(); ++i)
    if (raw_[i].subject.kind == SubjectKind::kPerson && raw_[i].subject.person) return raw_[i].subject.person->full_name;
  return "";
}

}  // namespace attache::quotes::internal
