// Objects: the people a meeting or host verb names after it ("met A and
// B", "received a delegation led by X").
#include "events/finder.h"

namespace attache::events::internal {

// People after a meeting trigger: "with A and B", "met A", "between A and B".
// Only people in object position count: right after the trigger, after
// "with", or after "and"/"," that join them; an adjunct ("in Jerusalem",
// "on Wednesday") in between is passed over, anything else ends the list.
std::vector<const text::PersonMention*> Finder::ObjectsOf(const Sentence& s, int from, int limit) const {
  static const WordSet kArticles = {"the", "a", "an", "his", "her", "their", "its", "both", "also", "then",
                                    "other", "senior", "including", "such", "as", "top", "several",
                                    "visiting"};  // "received the visiting minister X"
  static const WordSet kAdjunctPreps = {"in", "on", "at", "during", "later", "early", "next", "this", "last"};
  std::vector<const text::PersonMention*> out;
  const int n = static_cast<int>(s.toks.size());
  bool expect = true;
  for (int k = from; k < n && k < limit; ++k) {
    const Token& t = s.toks[k];
    const std::string& w = s.low[k];
    if (t.kind == TokenKind::kPunct && (w == "." || w == ";" || w == ":")) break;
    // "Defence Minister X (Greens) and Speaker Y": a short aside in
    // brackets after a person is passed over; any other bracket ends the
    // list.
    if (w == "(") {
      int e = k + 1;
      while (e < n && e < k + 10 && s.low[e] != ")" && s.low[e] != "(") ++e;
      if (out.empty() || expect || e >= n || s.low[e] != ")") break;
      k = e;
      continue;
    }
    // "Crown Prince Mohammed — the country's ruler — and President Z": the
    // aside between dashes is passed over.
    if (t.kind == TokenKind::kPunct && (w == "\xE2\x80\x94" || w == "\xE2\x80\x93")) {
      int e = k + 1;
      while (e < n && e < k + 16 && s.low[e] != w) ++e;
      if (e < n && s.low[e] == w) k = e;
      continue;
    }
    if (const auto* m = MentionAt(s, k)) {
      // A capitalised word taken for a name ("the National Assembly
      // Speaker X"): part of the title of the person that follows.
      if (!Known(m) && m->title.size() == 0) continue;
      // "... in Moscow on April 2, spokeswoman X said": the speaker after a
      // comma ends the list.
      {
        const int e = MentionEnd(s, k, m);
        int b = TokenAfter(s, m->title.size() ? m->title.begin : m->span.begin);
        while (b > from && s.toks[b - 1].kind == TokenKind::kWord && !s.toks[b - 1].cap &&
               !t_.function_words.count(s.low[b - 1]))
          --b;  // "Foreign Ministry spokeswoman X"
        if (b > from && s.low[b - 1] == "," && e + 1 < n && t_.verbs.count(s.low[e + 1])) break;
      }
      if (expect && std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
      k = MentionEnd(s, k, m);
      expect = false;
      continue;
    }
    // "President of Turkmenistan X", "Minister of Foreign Affairs of
    // Georgia X": the words of a title run belong to the person after
    // ("the Deputy Prime Minister of Moldova X" is X, not a minister named
    // before).
    if (expect && t.kind == TokenKind::kWord && TitleAt(s, k)) continue;
    // "seeing the UAE leader", "met the Japanese prime minister": a
    // description of a person named before.
    if (expect && t.kind == TokenKind::kWord && t_.role_nouns.count(w) && !(k + 1 < n && MentionAt(s, k + 1)) &&
        !(k + 2 < n && s.low[k + 1] == "," && MentionAt(s, k + 2)))
      if (const auto* m = ByDescription(s, k)) {
        if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
        expect = false;
        continue;
      }
    // "the Foreign Minister of Russia, X", "the ambassador of the United
    // States, Y": a title's "of" before a capitalised word; "X of Russia and
    // Y": the country after a name.
    if (w == "of" && k + 1 < n &&
        (s.toks[k + 1].cap || (s.low[k + 1] == "the" && k + 2 < n && s.toks[k + 2].cap)))
      continue;
    if (w == "with" || w == "and" || w == ",") {
      expect = true;
      continue;
    }
    if (kAdjunctPreps.has(w)) {
      // Pass over the adjunct up to the next "with"/"and"/",".
      expect = false;
      continue;
    }
    if (t.kind == TokenKind::kWord && (t.cap || kArticles.has(w) || t_.titles.count(w) || t_.role_nouns.count(w) ||
                                       Skippable(s, k)))
      continue;
    if (t.kind == TokenKind::kNumber) continue;
    // "Vice President A and other senior figures, including B": the
    // people a group noun introduces.
    int inc = k;
    while (inc < n && inc < k + 5 && s.toks[inc].kind == TokenKind::kWord && s.low[inc] != "including") ++inc;
    if (inc < n && s.low[inc] == ",") ++inc;
    if (!out.empty() && inc < n && inc > k && s.low[inc] == "including") {
      k = inc;
      expect = true;
      continue;
    }
    break;
  }
  return out;
}

// People named as the object at `from`, as far as they are guests: not
// "welcomed X's decision" (a possessive names what is welcomed).
std::vector<const text::PersonMention*> Finder::GuestsFrom(const Sentence& s, int from, int limit) const {
  auto out = ObjectsOf(s, from, limit);
  // Only a person right at the object position: "received a letter from
  // X" ends the list before X.
  out.erase(std::remove_if(out.begin(), out.end(),
                           [&](const text::PersonMention* m) {
                             const int n = static_cast<int>(s.toks.size());
                             const int k = TokenAfter(s, m->span.begin);
                             if (k >= n) return true;
                             const int e = MentionEnd(s, k, m);
                             if (Possessive(s, e)) return true;
                             // "will receive a Stadia controller": a name
                             // inside a noun phrase, not a guest.
                             const int b = TokenAfter(s, m->title.size() ? m->title.begin : m->span.begin);
                             if (b > 0 && (s.low[b - 1] == "a" || s.low[b - 1] == "an")) return true;
                             return e + 1 < n && s.toks[e + 1].kind == TokenKind::kWord && !s.toks[e + 1].cap &&
                                    !t_.function_words.count(s.low[e + 1]) && !Skippable(s, e + 1) &&
                                    s.low[e + 1] != "who" && s.low[e + 1] != "whom";
                           }),
            out.end());
  return out;
}

}  // namespace attache::events::internal
