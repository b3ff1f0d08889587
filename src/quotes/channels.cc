// Frames and channels: matching the language's frames ("according to
// SPEAKER", "in an interview with OUTLET", "tweeted =Twitter": a frame may
// name its platform itself) and reading the outlet a speaker talked to from
// an object phrase.
#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "quotes/finder.h"
#include "text/gazetteer.h"

namespace attache::quotes::internal {

// ------------------------------------------------------------ frames
// Matches the words of a frame from its word `first` on at toks[i]; slots
// take the tokens up to the next fixed word (or the end). Returns the token
// after the match.
int Finder::MatchFrame(const Sentence& s, int i, const text::Frame& f, Span* slot, int limit, size_t first) const {
  // Quick refusal: a fixed first word that is not this token.
  if (i >= limit) return -1;
  if (f.types[first] == text::FrameWord::kWord && F(s.toks[i]) != f.words[first]) return -1;
  int k = i;
  *slot = {};
  for (size_t w = first; w < f.words.size(); ++w) {
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
    // "=Twitter": the outlet the frame itself names; it matches no word.
    if (type == text::FrameWord::kWord && !fw.empty() && fw[0] == '=') continue;
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
      // After a function word, the frame's noun may take modifiers ("in a
      // wide-ranging interview with"): a few lower-case words before it.
      if (w == first || !t_.function_words.count(f.words[w - 1])) return -1;
      int m = k;
      while (m < limit && m - k < 4 && F(s.toks[m]) != fw &&
             ((s.toks[m].kind == TokenKind::kWord && !s.toks[m].cap) || IsPunct(s.toks[m], '-')))
        ++m;
      if (m == k || m >= limit || F(s.toks[m]) != fw) return -1;
      k = m;
    }
    ++k;
  }
  return k;
}

// An outlet named by an object phrase: its capitalised run ("the SABC",
// "Xinhua via email" -> "Xinhua"), unless it names a person or an audience.
std::optional<std::string> Finder::OutletOf(const Sentence& s, int b, int e) const {
  const bool definite = b < e && IsWord(s.toks[b], "the");
  if (definite) ++b;
  if (b >= e) return std::nullopt;
  // "the American broadcaster CNN", "the news agency Reuters": a described
  // outlet in apposition, named after its lower-case head noun.
  for (int h = b; h + 1 < e && h < b + 4; ++h) {
    const Token& t = s.toks[h];
    if (t.kind != TokenKind::kWord || t.cap) continue;
    if (!t_.outlet_heads.count(F(t))) break;
    if (s.toks[h + 1].cap) {
      b = h + 1;
      break;
    }
  }
  // "Poland's TVN24": the country that owns an outlet is not its name;
  // "CNN's State of the Union": an outlet's programme is the outlet's.
  bool owner = false;
  if (b + 1 < e && s.toks[b].cap && IsPossessive(F(s.toks[b])) && s.toks[b + 1].cap) {
    if (text::LookupPlace(WithoutPossessive(W(s.toks[b])))) ++b;
    else owner = true;
  }
  if (!s.toks[b].cap) {
    // "state TV", "local television": a lower-case outlet, a modifier and
    // the head noun.
    if (b + 1 < e && IsModifier(s.toks[b]) && s.toks[b + 1].kind == TokenKind::kWord &&
        t_.outlet_heads.count(F(s.toks[b + 1])) && (b + 2 >= e || !(s.toks[b + 2].kind == TokenKind::kWord)))
      return std::string(Slice(text_, s.toks[b].begin, s.toks[b + 1].end));
    return std::nullopt;
  }
  int k = b;
  if (owner) e = b + 1;
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
      // "told Raisi": a person the article names more fully elsewhere.
      if (m && m->full_name.find(' ') != std::string::npos && m->full_name != Slice(text_, m->span.begin, m->span.end))
        return std::nullopt;
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
  // "wrote on Monday", "said on 5 May": a date, not an outlet.
  if (t_.dates.weekdays.count(F(s.toks[b])) || t_.dates.months.count(F(s.toks[b])) ||
      s.toks[b].kind == TokenKind::kNumber)
    return std::nullopt;
  // "the Anatolia news agency": lower-case head nouns of an outlet after
  // its name are the outlet's, when "the" opens the phrase and they end it
  // (not "a Twitter post").
  if (definite && !IsPossessive(F(s.toks[k - 1]))) {
    int h = k;
    while (h < e && h < k + 2 && s.toks[h].kind == TokenKind::kWord && !s.toks[h].cap &&
           t_.outlet_heads.count(F(s.toks[h])))
      ++h;
    if (h > k && (h >= static_cast<int>(s.toks.size()) || s.toks[h].kind != TokenKind::kWord ||
                  IsPreposition(s.toks[h]) || IsWord(s.toks[h], "that")))
      k = h;
  }
  // "told Trend's correspondent": the outlet, not its possessive.
  std::string outlet(WithoutPossessive(Slice(text_, s.toks[b].begin, s.toks[k - 1].end)));
  if (t_.audience.count(text::Fold(outlet))) return std::nullopt;
  return outlet;
}

namespace {

// The channel frames of a language's tables (but "told OUTLET", read
// elsewhere; "told our correspondent", naming no outlet, is kept),
// by their fixed first word, and those that open with a slot; each list in
// the tables' order. Built once per thread and tables.
struct ChannelFrames {
  std::unordered_map<std::string, std::vector<const text::Frame*>> by_first;
  std::vector<const text::Frame*> open;
};

const ChannelFrames& ChannelFramesOf(const text::LanguageTables& t) {
  thread_local const text::LanguageTables* owner = nullptr;
  thread_local ChannelFrames cache;
  if (owner != &t) {
    cache = ChannelFrames();
    for (const text::Frame& f : t.frames) {
      if (f.kind != text::FrameKind::kChannel || f.words.empty()) continue;
      if (f.words[0] == "told" && f.words.back()[0] != '=') continue;
      if (f.types[0] == text::FrameWord::kWord) {
        cache.by_first[f.words[0]].push_back(&f);
      } else {
        cache.open.push_back(&f);
      }
    }
    owner = &t;
  }
  return cache;
}

}  // namespace

std::optional<std::string> Finder::ChannelOf(const Sentence& s, int* frame_end) const {
  *frame_end = -1;
  const int n = static_cast<int>(s.toks.size());
  const ChannelFrames& frames = ChannelFramesOf(t_);
  static const std::vector<const text::Frame*> kNone;
  for (int i = 0; i < n; ++i) {
    // Only the frames whose first word is this token's, and those that open
    // with a slot, can match here; tried in the tables' order (the frames
    // live in one vector, so address order is the tables' order).
    const auto it = frames.by_first.find(F(s.toks[i]));
    const std::vector<const text::Frame*>& fixed = it == frames.by_first.end() ? kNone : it->second;
    size_t a = 0, o = 0;
    while (a < fixed.size() || o < frames.open.size()) {
      const bool take_fixed =
          o == frames.open.size() || (a < fixed.size() && std::less<>()(fixed[a], frames.open[o]));
      const text::Frame* fp = take_fixed ? fixed[a++] : frames.open[o++];
      const text::Frame& f = *fp;
      Span slot;
      const int k = MatchFrame(s, i, f, &slot, n);
      if (k < 0) continue;
      // "he tweeted": a frame that names its platform ("=Twitter").
      if (const std::string& last = f.words.back(); slot.size() == 0 && last.size() > 1 && last[0] == '=') {
        // "=PAGE": the page's own outlet ("told our correspondent").
        if (last == "=PAGE") {
          if (page_outlet_.empty()) continue;
          *frame_end = k;
          return page_outlet_;
        }
        *frame_end = k;
        return last.substr(1);
      }
      if (slot.size() == 0) continue;
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

}  // namespace attache::quotes::internal
