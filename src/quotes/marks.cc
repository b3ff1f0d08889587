// Quotation marks: every mark of the language's pairs in a paragraph, with
// whether it may open or close by its surroundings (apostrophes inside words
// are not marks), then the spans they enclose, forgiving of pages that close
// a quotation with the opening mark or never close it.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "quotes/finder.h"

namespace attache::quotes::internal {

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

namespace {

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

}  // namespace

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

}  // namespace attache::quotes::internal
