// Groups of people a meeting's subject describes without naming them, read
// on the tree (src/syntax) for the meetings of meetings_tree.cc:
//   - a plural description with a count, "the two presidents will hold
//     talks", "the two leaders met": that many people named before it,
//     those whose title holds the noun (its lemma) first, else the latest
//     with a title or an office;
//   - a plural description with no count, "the envoys will meet A, B and
//     C": the visitors of the trip reported just before it, when it has two
//     or more.
// The noun must be a role noun (role_nouns.txt, by its lemma), in the
// plural (its lemma differs from its form), under a determiner, or
// counted by the countries of its "of" phrase ("leaders of the two
// countries"); "two ministers met" (no determiner) describes no one named.
#include "events/finder.h"

namespace attache::events::internal {

namespace {

using Tree = syntax::Sentence;

// How far back (bytes) the people a group description stands for may be
// named.
constexpr size_t kGroupLookBack = 1500;

}  // namespace

std::vector<const text::PersonMention*> Finder::GroupDescribed(const Sentence& s, const Tree& t, int w) const {
  const int n = static_cast<int>(s.toks.size());
  const syntax::Word& x = t.words[static_cast<size_t>(w)];
  const int tok = x.token;
  if (x.upos != "NOUN" || tok < 0 || tok >= n || (s.toks[tok].cap && tok > 0)) return {};
  const std::string lemma = text::Fold(x.lemma);
  if (lemma.empty() || lemma == s.low[tok] || !t_.role_nouns.count(lemma)) return {};
  size_t count = 0;
  bool det = false;
  for (int c : t.Children(w)) {
    const std::string_view rel = Tree::Base(t.words[static_cast<size_t>(c)].deprel);
    const int ct = t.words[static_cast<size_t>(c)].token;
    if (ct < 0 || ct >= n) continue;
    if (rel == "nummod") count = CountWord(s.low[ct]);
    // A quantifier ("some", "several", "other") is no definite group.
    else if (rel == "det") det = !t_.event_word(s.low[ct], "quantity");
  }
  // "(The) leaders of the two countries met": the count of the countries
  // (lands) of its "of" phrase, under a determiner, is the group's.
  for (int c : t.Children(w)) {
    if (count > 0) break;
    const int ct = t.words[static_cast<size_t>(c)].token;
    const int of = t.Child(c, "case");
    if (Tree::Base(t.words[static_cast<size_t>(c)].deprel) != "nmod" || ct < 0 || ct >= n || of < 0 ||
        text::Fold(t.words[static_cast<size_t>(of)].form) != "of" || !t_.event_word(s.low[ct], "lands"))
      continue;
    const int num = t.Child(c, "nummod");
    const int nt = num >= 0 ? t.words[static_cast<size_t>(num)].token : -1;
    if (nt >= 0 && nt < n && t.Child(c, "det") >= 0) {
      count = CountWord(s.low[nt]);
      det = det || count > 0;
    }
  }
  if (!det) return {};
  const uint32_t until = s.toks[tok].begin;
  const uint32_t since = until > kGroupLookBack ? until - static_cast<uint32_t>(kGroupLookBack) : 0;
  std::vector<const text::PersonMention*> out;
  if (count == 0) {
    // The visitors of the latest trip read before the sentence.
    int group = -1;
    for (auto it = candidates_.rbegin(); it != candidates_.rend() && group < 0; ++it)
      if (!it->implied && it->mention && it->pos < s.span.begin && it->pos >= since) group = it->group;
    if (group < 0) return {};
    for (const Candidate& c : candidates_)
      if (c.group == group && !c.implied && c.mention && Known(c.mention) &&
          std::none_of(out.begin(), out.end(), [&](const auto* p) { return p->full_name == c.visitor; }))
        out.push_back(c.mention);
    if (out.size() < 2 || out.size() > 6) return {};
    return out;
  }
  if (count > 6) return {};
  // The people named before it, latest first, with whether a title of
  // theirs there holds the noun or any title.
  struct Named {
    const text::PersonMention* person;
    bool noun, title;
  };
  const auto& ms = people_.mentions;
  auto it = std::lower_bound(ms.begin(), ms.end(), until,
                             [](const text::PersonMention& m, uint32_t b) { return m.span.begin < b; });
  std::vector<Named> named;
  for (std::ptrdiff_t back = 0; it != ms.begin() && back < kDescriptionLookBack; ++back) {
    const text::PersonMention& m = *--it;
    if (m.span.begin < since) break;
    if (!Known(&m) || IsPlaceName(m.full_name)) continue;
    auto at = std::find_if(named.begin(), named.end(), [&](const Named& p) { return p.person->full_name == m.full_name; });
    if (at == named.end()) {
      named.push_back({&m, false, text::OfficeOf(m.full_name, anchor_) != nullptr});
      at = named.end() - 1;
    }
    if (m.title.size() > 0) {
      at->title = true;
      at->noun = at->noun || text::Fold(Slice(m.title.begin, m.title.end)).find(lemma) != std::string::npos;
    }
  }
  // Those whose title holds the noun ("the two presidents"), latest first;
  // else, of those with a title or office, the ones the sentence names
  // before it, then the visitors of the trips read (the sides of the
  // visit the article tells of), then the others ("the two leaders").
  for (const Named& p : named)
    if (out.size() < count && p.noun) out.push_back(p.person);
  if (out.size() == count) return out;
  const auto visitor = [&](const Named& p) {
    return std::any_of(candidates_.begin(), candidates_.end(), [&](const Candidate& c) {
      return !c.implied && c.visitor == p.person->full_name && c.pos >= since && c.pos < until;
    });
  };
  out.clear();
  for (int rank = 0; rank < 3; ++rank)
    for (const Named& p : named)
      if (out.size() < count && p.title &&
          std::find(out.begin(), out.end(), p.person) == out.end() &&
          (rank == 2 || (rank == 0 ? p.person->span.begin >= s.span.begin : visitor(p))))
        out.push_back(p.person);
  if (out.size() == count) return out;
  return {};
}

}  // namespace attache::events::internal
