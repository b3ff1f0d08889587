#include "text/text.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <memory>

#include "text/dateline.h"

namespace attache::text {

namespace {

// One sentence iterator per thread and language, built once: building it
// costs far more than using it. The language's abbreviations are applied
// after it, on whole words (`Suppressed`): ICU's own filter matches an
// abbreviation as the end of any word ("Africa." as "ca.", "NATO." as "O.")
// and gives up on an initial that opens a longer abbreviation ("D." of
// "D.C.").
icu::BreakIterator* SentenceIterator(const LanguageTables& tables) {
  thread_local std::string lang;
  thread_local std::unique_ptr<icu::BreakIterator> it;
  if (it && lang == tables.lang) return it.get();
  UErrorCode err = U_ZERO_ERROR;
  const icu::Locale locale(tables.lang.c_str());
  std::unique_ptr<icu::BreakIterator> base(icu::BreakIterator::createSentenceInstance(locale, err));
  if (U_FAILURE(err) || !base) return nullptr;
  it = std::move(base);
  lang = tables.lang;
  return it.get();
}

bool IsSpaceByte(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

void AddTrimmed(std::string_view text, uint32_t b, uint32_t e, std::vector<Span>* out) {
  while (b < e && IsSpaceByte(text[b])) ++b;
  while (e > b && IsSpaceByte(text[e - 1])) --e;
  if (e > b) out->push_back({b, e});
}

bool IsLetterAt(std::string_view s, int32_t i) {
  if (i < 0 || i >= static_cast<int32_t>(s.size())) return false;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c >= 0 && u_isalpha(c);
}

bool IsLowerAt(std::string_view s, int32_t i) {
  if (i < 0 || i >= static_cast<int32_t>(s.size())) return false;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c >= 0 && u_islower(c);
}

bool IsLetterBefore(std::string_view s, int32_t i) {
  if (i <= 0) return false;
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, i, c);
  return c >= 0 && u_isalpha(c);
}

// Whether the break ICU puts at byte `b` of `para` is no sentence end:
// - the word before it is one of the language's abbreviations ("Gen.",
//   "U.S."), the whole word and not the end of a longer one;
// - that word is an initial, one capital letter and its dot ("Tod D.
//   Wolters");
// - it follows a '?' written between two letters, an apostrophe lost to the
//   encoding ("Ukraine?s");
// - the text goes on in lower case after a line broken inside a sentence,
//   or after a question or exclamation quoted inside one ("?” he said").
bool Suppressed(std::string_view para, int32_t b, const LanguageTables& tables) {
  int32_t e = b;
  while (e > 0 && IsSpaceByte(para[e - 1])) --e;
  if (e == 0) return false;
  if (para[e - 1] == '?' && e == b) return IsLetterAt(para, b) && IsLetterBefore(para, e - 1);
  int32_t next = b;  // the first character after the break's spaces
  while (next < static_cast<int32_t>(para.size()) && IsSpaceByte(para[next])) ++next;
  if (e < next && IsLowerAt(para, next)) {
    const char last = para[e - 1];
    const std::string_view gap = para.substr(static_cast<size_t>(e), static_cast<size_t>(next - e));
    if (last != '.' && last != '?' && last != '!' && gap.find('\n') != std::string_view::npos) return true;
    int32_t q = e;
    if (q >= 3 && (para.substr(static_cast<size_t>(q - 3), 3) == "\xE2\x80\x9D" ||
                   para.substr(static_cast<size_t>(q - 3), 3) == "\xE2\x80\x99"))
      q -= 3;
    else if (para[q - 1] == '"' || para[q - 1] == '\'')
      --q;
    if (q < e && q > 0 && (para[q - 1] == '?' || para[q - 1] == '!')) return true;
  }
  if (para[e - 1] != '.') return false;
  int32_t w = e - 1;
  while (w > 0 && !IsSpaceByte(para[w - 1])) --w;
  // An opening bracket or quotation mark before the word is not part of it.
  for (bool more = true; more && w < e - 1;) {
    more = false;
    if (para[w] == '(' || para[w] == '[' || para[w] == '"' || para[w] == '\'') {
      ++w;
      more = true;
    } else if (para.substr(static_cast<size_t>(w), 3) == "\xE2\x80\x9C" ||
               para.substr(static_cast<size_t>(w), 3) == "\xE2\x80\x98") {
      w += 3;
      more = true;
    }
  }
  const std::string_view word = para.substr(static_cast<size_t>(w), static_cast<size_t>(e - w));
  for (const auto& a : tables.abbreviations)
    if (a == word) return true;
  int32_t i = w;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(para.data()), i, e, c);
  return i == e - 1 && c >= 0 && u_isupper(c);
}

bool IsQuoteMark(UChar32 c) {
  switch (c) {
    case '"': case '\'': case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2018: case 0x2019:
    case 0x201A: case 0x201B: case 0x00AB: case 0x00BB: case 0x2039: case 0x203A:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::vector<Span> SplitSentences(std::string_view text, const LanguageTables& tables,
                                 std::vector<Dateline>* datelines) {
  std::vector<Span> out;
  icu::BreakIterator* bi = SentenceIterator(tables);
  // Paragraphs first: ICU would otherwise join a paragraph that lacks final
  // punctuation to the next one.
  size_t p = 0;
  while (p < text.size()) {
    size_t q = text.find("\n\n", p);
    // A paragraph that goes on in lower case continues a sentence the page
    // broke ("the President also\n\nnoted that ...").
    while (q != std::string_view::npos && q > p && text[q - 1] != '.' && text[q - 1] != '?' && text[q - 1] != '!') {
      size_t r = q;
      while (r < text.size() && IsSpaceByte(text[r])) ++r;
      if (!IsLowerAt(text, static_cast<int32_t>(r))) break;
      q = text.find("\n\n", r);
    }
    if (q == std::string_view::npos) q = text.size();
    // A dateline is a sentence of its own; the story starts after it.
    if (auto d = DatelineAt(text, {static_cast<uint32_t>(p), static_cast<uint32_t>(q)}, tables)) {
      AddTrimmed(text, d->span.begin, d->span.end, &out);
      if (datelines) datelines->push_back(*d);
      p = d->span.end;
    }
    const std::string_view para = text.substr(p, q - p);
    if (!bi) {
      AddTrimmed(text, static_cast<uint32_t>(p), static_cast<uint32_t>(q), &out);
    } else {
      UErrorCode err = U_ZERO_ERROR;
      UText* ut = utext_openUTF8(nullptr, para.data(), static_cast<int64_t>(para.size()), &err);
      if (U_FAILURE(err)) {
        AddTrimmed(text, static_cast<uint32_t>(p), static_cast<uint32_t>(q), &out);
      } else {
        bi->setText(ut, err);
        int32_t start = bi->first();
        for (int32_t end = bi->next(); end != icu::BreakIterator::DONE; end = bi->next()) {
          if (end < static_cast<int32_t>(para.size()) && Suppressed(para, end, tables)) continue;
          AddTrimmed(text, static_cast<uint32_t>(p + start), static_cast<uint32_t>(p + end), &out);
          start = end;
        }
        utext_close(ut);
      }
    }
    p = q + 2;
  }
  return out;
}

std::vector<Token> Tokenize(std::string_view text, Span span, const LanguageTables* tables) {
  std::vector<Token> out;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = static_cast<int32_t>(span.begin);
  const int32_t n = static_cast<int32_t>(span.end);
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0 || u_isUWhiteSpace(c)) continue;
    Token t;
    t.begin = static_cast<uint32_t>(start);
    if (u_isalnum(c)) {
      const bool digit_start = u_isdigit(c);
      bool any_lower = false, any_upper = false;
      t.cap = u_isupper(c) || u_istitle(c);
      if (u_islower(c)) any_lower = true;
      if (u_isupper(c)) any_upper = true;
      int32_t end = i;
      while (i < n) {
        int32_t j = i;
        UChar32 d;
        U8_NEXT(s, j, n, d);
        if (d >= 0 && u_isalnum(d)) {
          if (u_islower(d)) any_lower = true;
          if (u_isupper(d)) any_upper = true;
          i = end = j;
          continue;
        }
        // Inner apostrophe, hyphen or dot followed by a letter or digit
        // ("Lavrov’s", "Al-Saud", "U.S", "3.5"); a '?' between letters is an
        // apostrophe the encoding lost ("Ukraine?s").
        if (d == '\'' || d == 0x2019 || d == '-' || d == 0x2010 || d == '.' || d == ',' || d == '?') {
          int32_t k = j;
          UChar32 e = -1;
          if (k < n) U8_NEXT(s, k, n, e);
          const bool joins = e >= 0 && u_isalnum(e) && (d != ',' || (digit_start && u_isdigit(e))) &&
                             (d != '?' || (!digit_start && u_isalpha(e)));
          if (joins && !(d == ',' && !digit_start)) {
            i = end = j;
            continue;
          }
          // "U.S." keeps its final dot when letters and dots alternate.
          if (d == '.' && end - start >= 3 && s[end - 2] == '.') end = j;
        }
        break;
      }
      // An initial: one capital letter and its dot ("Michael J. Mazarr").
      if (end - start == 1 && t.cap && end < n && s[end] == '.') ++end;
      // An abbreviation keeps its dot ("Mr. Suga").
      if (tables && end < n && s[end] == '.' && end - start <= 6) {
        const std::string with_dot(text.substr(static_cast<size_t>(start), static_cast<size_t>(end - start + 1)));
        for (const auto& a : tables->abbreviations)
          if (a == with_dot) {
            ++end;
            break;
          }
      }
      i = end;
      t.end = static_cast<uint32_t>(end);
      t.kind = digit_start ? TokenKind::kNumber : TokenKind::kWord;
      t.all_caps = any_upper && !any_lower;
    } else {
      t.end = static_cast<uint32_t>(i);
      t.kind = IsQuoteMark(c) ? TokenKind::kQuote : TokenKind::kPunct;
    }
    out.push_back(t);
  }
  return out;
}

std::string Fold(std::string_view word) {
  std::string out;
  bool ascii = true;
  for (char c : word) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    out.reserve(word.size());
    for (char c : word) out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
    return out;
  }
  icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())))
      .foldCase()
      .toUTF8String(out);
  return out;
}

}  // namespace attache::text
