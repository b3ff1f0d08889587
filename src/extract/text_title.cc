// The headline of page text: form, position and the address's slug.
#include "extract/text_title.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <optional>

#include "extract/boilerplate.h"
#include "extract/text_dates_parts.h"

namespace attache::extract::text {
namespace {

// Titles that open a personal name: a capitalised word before one of these
// cannot belong to the same name, so a title line may break there.
constexpr std::array<const char*, 14> kHonorifics = {
    "prof.", "dr.", "mr.", "mrs.", "ms.", "gen.", "col.", "sen.", "rep.", "gov.", "amb.", "rev.",
    "sir", "lt."};

// Words too common to tell a headline from another line by the slug.
constexpr std::array<const char*, 24> kSlugStopWords = {
    "the", "a", "an", "of", "in", "on", "to", "for", "and", "or", "with", "at", "by", "from",
    "is", "are", "was", "as", "its", "his", "her", "news", "amp", "html"};

// A page's words for comparing with a slug: ASCII letters, folded, two
// letters or more, no stop words ("Aliyev's" -> "aliyev", "s").
std::vector<std::string> ContentWords(std::string_view s) {
  std::vector<std::string> out;
  std::string w;
  auto flush = [&] {
    if (w.size() >= 2 && IndexIn(kSlugStopWords, w) < 0 &&
        std::find(out.begin(), out.end(), w) == out.end())
      out.push_back(w);
    w.clear();
  };
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      w.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    } else {
      flush();
    }
  }
  flush();
  return out;
}

// The words of the address's slug: the last path segment that reads as
// words ("/2023/12/07/putin-hails-ties-a83356" -> putin, hails, ties).
// Segments without three such words (ids, "index.html") give nothing.
std::vector<std::string> SlugWords(std::string_view url) {
  size_t i = url.find("://");
  i = i == std::string_view::npos ? 0 : url.find('/', i + 3);
  if (i == std::string_view::npos) return {};
  std::string_view path = url.substr(i, url.find_first_of("?#", i) - i);
  std::vector<std::string> best;
  size_t b = 0;
  while (b < path.size()) {
    size_t e = path.find('/', b);
    if (e == std::string_view::npos) e = path.size();
    std::string_view seg = path.substr(b, e - b);
    b = e + 1;
    // Words are the pieces between separators that hold no digit.
    std::string letters;
    size_t k = 0;
    while (k <= seg.size()) {
      size_t j = seg.find_first_of("-_.+", k);
      if (j == std::string_view::npos) j = seg.size();
      std::string_view piece = seg.substr(k, j - k);
      if (piece.find_first_of("0123456789") == std::string_view::npos) letters.append(piece).push_back(' ');
      k = j + 1;
    }
    std::vector<std::string> words = ContentWords(letters);
    if (words.size() >= 3) best = std::move(words);
  }
  return best;
}

size_t Common(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  size_t n = 0;
  for (const std::string& w : a) n += std::find(b.begin(), b.end(), w) != b.end();
  return n;
}

// "Jan.", "January", "Sept": a month's name, its full stops aside.
bool IsMonthWord(std::string_view w) {
  while (!w.empty() && w.back() == '.') w.remove_suffix(1);
  return dparts::MonthOf(w) != 0;
}

// A clock time "H:MM" anywhere in the line.
bool HasClockTime(std::string_view s) {
  for (size_t i = 1; i + 2 < s.size(); ++i) {
    auto digit = [&](size_t k) { return s[k] >= '0' && s[k] <= '9'; };
    if (s[i] == ':' && digit(i - 1) && digit(i + 1) && digit(i + 2) && (i + 3 == s.size() || !digit(i + 3)))
      return true;
  }
  return false;
}

// A breadcrumb's step mark: ">", "/", "|", a guillemet or a single angle quote.
bool IsCrumbSeparator(std::string_view w) {
  return w == ">" || w == "/" || w == "|" || w == "\xC2\xBB" || w == "\xE2\x80\xBA";
}

// Page furniture that has a headline's form: a widget ("+ A - 16 px"), a
// timestamp or update note, a breadcrumb or credit ("World > Europe >",
// "Name / POOL / AGENCY"), a byline, a photo caption with its credit.
bool IsFurnitureLine(const Line& l) {
  if (IsTitleFurniture(l.text)) return true;
  size_t alpha = 0, separators = 0;
  for (std::string_view w : l.words) {
    size_t letters = 0;
    for (char c : w) letters += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (static_cast<unsigned char>(c) >= 0xC0);
    alpha += letters >= 2;
    separators += IsCrumbSeparator(w);
  }
  // (Bars after a headline of five words or more are a page title's
  // "Headline | Section | Site", not a breadcrumb.)
  const size_t bar = l.text.find(" | ");
  const bool page_title = bar != std::string_view::npos && Words(l.text.substr(0, bar)).size() >= 5 &&
                          HasLower(l.text.substr(0, bar)) && l.words.front() != "By";
  if (alpha < 2 || (separators >= 2 && !page_title) || HasClockTime(l.text)) return true;
  // A breadcrumb of two steps that opens with a site label ("Home |
  // World", "Home > Politics").
  if (separators == 1 && l.words.size() <= 6) {
    const size_t sep =
        static_cast<size_t>(std::find_if(l.words.begin(), l.words.end(), IsCrumbSeparator) - l.words.begin());
    std::string first;
    for (size_t k = 0; k < sep; ++k) first += (k ? " " : "") + std::string(l.words[k]);
    if (IsBoilerplateLabel(first)) return true;
  }
  // A field and its number: "Story Code : 151278", "Journalist ID: 2379".
  const size_t colon = l.text.rfind(':');
  if (colon != std::string_view::npos && l.words.size() <= 5 &&
      Trim(l.text.substr(colon + 1)).find_first_not_of("0123456789") == std::string_view::npos)
    return true;
  // A dateline without its year: "Baku, Azerbaijan, Jan. 16".
  if (l.words.size() <= 5 && l.text.find(',') != std::string_view::npos && l.words.size() >= 2 &&
      Trim(l.words.back()).find_first_not_of("0123456789") == std::string_view::npos &&
      IsMonthWord(l.words[l.words.size() - 2]))
    return true;
  // Two sentences or more: "... State Visit. The deadline is 12 May. Apply".
  size_t breaks = 0;
  for (size_t k = 0; k + 1 < l.words.size(); ++k) {
    std::string_view w = l.words[k];
    const std::string_view stem = w.substr(0, w.size() - 1);
    const bool number = !stem.empty() && stem.find_first_not_of("0123456789") == std::string_view::npos;
    if (w.size() >= 5 && w.back() == '.' && IsCapitalised(l.words[k + 1]) && !IsMonthWord(w) &&
        IndexIn(kHonorifics, Fold(w)) < 0 && (HasLower(w) || number))
      ++breaks;
  }
  if (breaks >= 2) return true;
  if (l.words.front() == "By" && l.words.size() <= 8) return true;
  const std::string folded = Fold(l.text);
  if (folded.find("photo:") != std::string::npos || folded.find("photo by") != std::string::npos) return true;
  // "... (Ints Kalnins/REUTERS)": a closing credit in brackets.
  const size_t open = l.text.rfind('(');
  if (!l.text.empty() && l.text.back() == ')' && open != std::string_view::npos &&
      l.text.find('/', open) != std::string_view::npos)
    return true;
  if (IsFurnitureParagraph(l.text)) return true;
  // A widget with a number in it ("3 min read", "Reading time: 3 min"): a
  // label once its numbers (and the colons, bars and dashes between its
  // words) are left out.
  std::string without_numbers;
  bool numbers = false;
  for (std::string_view w : l.words) {
    while (!w.empty() && (w.back() == ':' || w.back() == ',' || w.back() == '|' || w.back() == '-')) w.remove_suffix(1);
    if (w.empty()) continue;
    if (w.find_first_not_of("0123456789") == std::string_view::npos) {
      numbers = true;
      continue;
    }
    without_numbers += (without_numbers.empty() ? "" : " ") + std::string(w);
  }
  return numbers && IsBoilerplateLabel(without_numbers);
}

// A headline's form without its position: a few words, no closing full
// stop; capitals only are allowed (some sites print headlines so).
bool HasHeadlineForm(const Line& l) {
  const size_t n = l.words.size();
  if (n < 3 || n > 30 || l.kind == Kind::kChrome || l.kind == Kind::kDate || l.kind == Kind::kBlank) return false;
  std::string_view end = StripClosers(l.text);
  if (end.empty() || end.back() == ',' || end.back() == ':' || end.back() == ';') return false;
  if (end.back() == '.' && !DotOfAbbreviation(end)) return false;
  return !IsFurnitureLine(l);
}

// The same text on the line right before or after (no blank line between):
// an image's alt text and its caption, not a headline.
bool RepeatedNextToItself(const std::vector<Line>& lines, size_t i) {
  return (i > 0 && lines[i - 1].text == lines[i].text) ||
         (i + 1 < lines.size() && lines[i + 1].text == lines[i].text);
}

// Whether line i is the page's first headline-shaped line, with no prose
// above it (menus, section labels and dates aside).
bool FirstText(const std::vector<Line>& lines, size_t i) {
  for (size_t k = 0; k < i; ++k)
    if (lines[k].kind == Kind::kProse || HasHeadlineForm(lines[k])) return false;
  return true;
}

}  // namespace

bool IsTitleFurniture(std::string_view text) {
  text = Trim(text);
  const std::vector<std::string_view> words = Words(text);
  if (words.empty()) return true;
  // A widget: two symbols or more and under two words ("+ A - 16 px"); or
  // a text-size control, two lone letters or more (with or without a sign:
  // "A", "A+", "a-") that with the symbols make half the line ("A+ A- Font
  // size", "Text size: A A A").
  size_t symbols = 0, alpha = 0, lone_letters = 0;
  for (std::string_view w : words) {
    size_t letters = 0, digits = 0, signs = 0, others = 0;
    for (int32_t i = 0; i < static_cast<int32_t>(w.size());) {
      UChar32 c;
      U8_NEXT(reinterpret_cast<const uint8_t*>(w.data()), i, static_cast<int32_t>(w.size()), c);
      if (c > 0 && u_isalpha(c)) {
        ++letters;
      } else if (c > 0 && u_isdigit(c)) {
        ++digits;
      } else if (c == '+' || c == '-' || c == 0x2212) {  // plus, hyphen-minus, minus sign
        ++signs;
      } else {
        ++others;
      }
    }
    symbols += letters == 0 && digits == 0;
    alpha += letters > 0 && w.size() >= 2;
    lone_letters += letters == 1 && digits == 0 && others == 0 && signs <= 1;
  }
  if (symbols >= 2 && alpha < 2) return true;
  if (lone_letters >= 2 && 2 * (lone_letters + symbols) >= words.size()) return true;
  // An update note or timestamp: a clock time with a posting word.
  if (HasClockTime(text)) {
    const std::string folded = Fold(text);
    for (const char* w : {"posted", "updated", "added", "published", "version", "utc", "gmt"}) {
      if (ContainsWord(folded, w, false)) return true;
    }
  }
  return false;
}

bool IsTitleLike(const Line& l) {
  // (A line in capitals only is a headline from five words on: shorter,
  // it is a section label or a kicker.)
  return l.kind == Kind::kOther && (HasLower(l.text) || l.words.size() >= 5) && HasHeadlineForm(l);
}

std::vector<size_t> TitleCandidates(const std::vector<Line>& lines, size_t body_begin, size_t body_end,
                                    std::string_view url) {
  // By position: title-like lines above the body, nearest first, up to
  // prose or chrome.
  std::vector<size_t> cands;
  size_t scanned = 0;
  for (size_t i = body_begin; i-- > 0 && scanned < 8;) {
    const Line& l = lines[i];
    if (l.kind == Kind::kBlank) continue;
    ++scanned;
    if (l.kind == Kind::kProse || (l.kind == Kind::kChrome && !cands.empty())) break;
    if (IsTitleLike(l) && !RepeatedNextToItself(lines, i) &&
        (cands.empty() || lines[cands.back()].text != l.text))
      cands.push_back(i);
    if (cands.size() == 3) break;
  }
  std::reverse(cands.begin(), cands.end());

  // By the slug: the topmost headline-shaped line of the page's top (down
  // to the body's first lines) that shares half the address's words. A slug
  // is written from the headline, so a line sharing no word with it is no
  // headline.
  const std::vector<std::string> slug = SlugWords(url);
  if (slug.size() < 3) return cands;
  const size_t limit = std::min(lines.size(), std::max(body_begin + 4, std::min(body_end, size_t{60})));
  const size_t needed = std::max<size_t>(2, (std::min<size_t>(slug.size(), 8) + 1) / 2);
  // The slug is this page's when some line shares half its words (an
  // address may carry another story's slug, or another language's).
  bool slug_of_page = false;
  for (size_t i = 0; i < lines.size() && !slug_of_page; ++i) {
    slug_of_page = Common(ContentWords(lines[i].text), slug) >= needed;
  }
  for (size_t i = 0; i < limit; ++i) {
    if (!HasHeadlineForm(lines[i])) continue;
    if (Common(ContentWords(lines[i].text), slug) < needed) continue;
    // A line printed twice in a row is an image's alt text and caption,
    // unless it is the page's first headline-shaped line: a headline
    // printed by the page's title and again by its heading.
    if (RepeatedNextToItself(lines, i) && !FirstText(lines, i)) continue;
    // The topmost line that agrees with the slug; the subtitle below it.
    std::vector<size_t> out = {i};
    for (size_t c : cands) {
      if (c > i && lines[c].text != lines[i].text) {
        out.push_back(c);
        break;
      }
    }
    return out;
  }
  if (!slug_of_page) return cands;
  while (!cands.empty() && Common(ContentWords(lines[cands.front()].text), slug) == 0) cands.erase(cands.begin());
  return cands;
}

bool SplitTitle(std::string_view line, std::string* title, std::string* subtitle) {
  const std::vector<std::string_view> w = Words(line);
  for (size_t i = 3; i + 3 <= w.size(); ++i) {
    if (IndexIn(kHonorifics, Fold(w[i])) < 0 || !IsCapitalised(w[i - 1])) continue;
    if (IndexIn(kHonorifics, Fold(w[i - 1])) >= 0 || w[i - 1].back() == ':' || w[i - 1].back() == ',') continue;
    const size_t cut = static_cast<size_t>(w[i].data() - line.data());
    *title = std::string(Trim(line.substr(0, cut)));
    *subtitle = std::string(Trim(line.substr(cut)));
    return true;
  }
  return false;
}

// The registrable part of an address's host: "https://m.hanoitimes.vn/x"

}  // namespace attache::extract::text
