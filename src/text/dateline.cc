#include "text/dateline.h"

#include <string>
#include <vector>

namespace attache::text {

namespace {

std::string_view Slice(std::string_view text, const Token& t) { return text.substr(t.begin, t.end - t.begin); }

bool IsDash(std::string_view w) { return w == "-" || w == "\xE2\x80\x93" || w == "\xE2\x80\x94"; }

const Place* PlaceNamed(std::string_view name, bool caps, const LanguageTables& tables) {
  if (const Place* p = LookupPlace(name, tables.lang)) return p;
  return caps ? LookupPlaceInCapitals(name, tables.lang) : nullptr;
}

// A month or weekday name, written out or abbreviated ("Aug.", "NOV").
bool IsDateWord(std::string_view w, const LanguageTables& tables) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  const std::string f = Fold(w);
  return tables.dates.months.count(f) > 0 || tables.dates.weekdays.count(f) > 0;
}

bool OpensBody(std::string_view text, const Token& t) {
  return (t.kind == TokenKind::kWord && t.cap) || t.kind == TokenKind::kNumber || t.kind == TokenKind::kQuote ||
         Slice(text, t) == "(";
}

}  // namespace

std::optional<Dateline> DatelineAt(std::string_view text, Span paragraph, const LanguageTables& tables) {
  uint32_t b = paragraph.begin;
  while (b < paragraph.end && (text[b] == ' ' || text[b] == '\t' || text[b] == '\n' || text[b] == '\r')) ++b;
  // A dateline is short: its end is within the paragraph's first 200 bytes.
  const std::vector<Token> toks = Tokenize(text, {b, std::min(paragraph.end, b + 200)}, &tables);
  if (toks.empty() || toks[0].begin != b) return std::nullopt;

  // The place: the longest run of up to four capitalised words the gazetteer
  // knows, as written or (in capitals) as a name is written.
  Dateline d;
  size_t k = 0;
  bool caps = true;
  for (size_t n = 1; n <= 4 && n <= toks.size(); ++n) {
    const Token& t = toks[n - 1];
    if (t.kind != TokenKind::kWord || !t.cap || (n > 1 && t.begin != toks[n - 2].end + 1)) break;
    bool all = true;
    for (size_t i = 0; i < n; ++i) all = all && toks[i].all_caps;
    if (const Place* p = PlaceNamed(text.substr(b, t.end - b), all, tables)) {
      d.entity = p;
      k = n;
      caps = all;
    }
  }
  if (!d.entity) return std::nullopt;
  d.place = {b, toks[k - 1].end};

  // Then a country, a date and the agency, up to the closing mark.
  int depth = 0;
  uint32_t open = 0, slash = 0;
  bool slash_open = false;
  size_t body = 0;  // the token that opens the story
  size_t run_begin = 0, run_end = 0;  // the last run of capitalised words outside brackets
  for (size_t j = k; j < toks.size() && j < k + 24 && body == 0; ++j) {
    const Token& t = toks[j];
    const std::string_view w = Slice(text, t);
    const bool last = j + 1 >= toks.size();
    if (depth > 0) {
      if (w == "(" || w == "[") ++depth;
      if ((w == ")" || w == "]") && --depth == 0) {
        if (d.source.size() == 0) d.source = {open, t.end};
        // "TEHRAN (Agency - date) The minister ...": the bracket closes it.
        if (caps && !last && toks[j + 1].kind == TokenKind::kWord && toks[j + 1].cap) body = j + 1;
      }
      continue;
    }
    if (t.kind == TokenKind::kNumber || (t.kind == TokenKind::kWord && IsDateWord(w, tables))) {
      if (d.date.size() == 0) d.date.begin = t.begin;
      d.date.end = t.end;
      continue;
    }
    if (t.kind == TokenKind::kWord) {
      if (!t.cap) return std::nullopt;
      if (j > k && toks[j - 1].kind == TokenKind::kWord && toks[j - 1].end + 1 == t.begin && run_end == j) {
        run_end = j + 1;
      } else {
        run_begin = j;
        run_end = j + 1;
      }
      continue;
    }
    if (t.kind != TokenKind::kPunct) return std::nullopt;
    if (w == "(" || w == "[") {
      depth = 1;
      open = t.begin;
    } else if (w == "/") {
      if (slash_open && d.source.size() == 0) d.source = {slash, t.end};
      slash_open = !slash_open;
      slash = t.begin;
    } else if (w == ":" || (IsDash(w) && t.begin > 0 && text[t.begin - 1] == ' ')) {
      size_t n = j + 1;
      while (n < toks.size() && IsDash(Slice(text, toks[n])) && toks[n].begin == toks[n - 1].end) ++n;
      if (n >= toks.size() || !OpensBody(text, toks[n])) return std::nullopt;
      body = n;
    } else if (w == ".") {
      // "NOV." of a date; a dot before the agency ("November 23. /TASS/.");
      // the dot after it ends the dateline.
      if (j > k && toks[j - 1].end == t.begin && IsDateWord(Slice(text, toks[j - 1]), tables)) continue;
      if (!last && (Slice(text, toks[j + 1]) == "/" || Slice(text, toks[j + 1]) == "(")) continue;
      const bool agency = d.source.size() > 0 || (d.date.size() > 0 && run_end == j && run_end > run_begin);
      if (!agency || last || !OpensBody(text, toks[j + 1])) return std::nullopt;
      body = j + 1;
    } else if (w != ",") {
      return std::nullopt;
    }
  }
  if (body == 0) return std::nullopt;
  // The agency in capitals after the place ("TBILISI, Agency --"), unless it
  // is the country.
  if (d.source.size() == 0 && run_end > run_begin) {
    const Span run{toks[run_begin].begin, toks[run_end - 1].end};
    if (!PlaceNamed(text.substr(run.begin, run.size()), true, tables)) d.source = run;
  }
  d.span = {b, toks[body - 1].end};
  // A place written as a name, alone before the dash, is a dateline only
  // before a story: a headline "City – words" is not one.
  if (!caps && d.date.size() == 0 && d.source.size() == 0) {
    if (d.entity->kind != EntityKind::kCity) return std::nullopt;
    if (paragraph.end < toks[body].begin + 100) return std::nullopt;
  }
  return d;
}

}  // namespace attache::text
