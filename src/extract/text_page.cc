// Page text to Article. The page is split into lines, each line is
// classified from its own features (text_lines.cc), the body is the
// best-scoring run of prose lines, and the metadata is read from the lines
// around it: the headline (text_title.cc), the publication date
// (text_dates.cc), the outlet, views and section (here).
#include "extract/text_page.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "extract/text_dates.h"
#include "extract/text_lines.h"
#include "extract/text_title.h"

namespace attache::extract {

using namespace text;  // NOLINT: the page-text helpers of this stage

namespace {

// Words that mark a short top line as the site's name.
constexpr std::array<const char*, 22> kOutletWords = {
    "news", "times", "post", "daily", "today", "press", "agency", "media", "tv", "herald", "tribune",
    "journal", "gazette", "telegraph", "review", "report", "online", "weekly", "observer", "monitor",
    "express", "chronicle"};

// Line-score weights for the body search (in words).
constexpr int kOtherPenalty = 2;
constexpr int kTeaserPenalty = 6;
constexpr int kChromePenalty = 40;
constexpr long kBarrier = 1 << 24;

// Finds the run of lines [*begin, *end) with the largest score: prose lines
// add their word count, anything else costs a little, chrome a lot, and
// article-ending chrome cannot be crossed.
bool FindBody(const std::vector<Line>& lines, size_t* begin, size_t* end) {
  long best = 0, run = 0;
  size_t run_begin = 0;
  bool found = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    long s = 0;
    switch (l.kind) {
      case Kind::kBlank: continue;
      case Kind::kProse: s = static_cast<long>(l.words.size()); break;
      case Kind::kTeaser: s = -kTeaserPenalty; break;
      case Kind::kChrome: s = l.ends_article ? -kBarrier : -kChromePenalty; break;
      default: s = -kOtherPenalty; break;
    }
    if (run <= 0) {
      run = 0;
      run_begin = i;
    }
    run += s;
    if (run > best) {
      best = run, *begin = run_begin, *end = i + 1, found = true;
    }
  }
  return found;
}

// The registrable part of an address's host: "https://m.hanoitimes.vn/x"
// -> "hanoitimes.vn", "thenews.com.pk" stays whole.
std::string HostOf(std::string_view url) {
  size_t i = url.find("://");
  if (i == std::string_view::npos) return "";
  i += 3;
  const size_t j = url.find_first_of("/?#:", i);
  const std::string host = Fold(url.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i));
  std::vector<size_t> dots;
  for (size_t k = 0; k < host.size(); ++k) {
    if (host[k] == '.') dots.push_back(k);
  }
  if (dots.size() < 2) return host;
  size_t keep = 2;  // labels kept from the right
  const std::string_view sld = std::string_view(host).substr(dots[dots.size() - 2] + 1,
                                                             dots.back() - dots[dots.size() - 2] - 1);
  for (std::string_view g : {"com", "co", "org", "net", "gov", "ac", "edu"}) {
    if (sld == g) keep = 3;
  }
  if (dots.size() < keep) return host;
  return host.substr(dots[dots.size() - keep] + 1);
}

// A name on the page that spells the address's site label: "Kanyi Daily"
// for kanyidaily.com, "TASS" for tass.com, "Beautiful Virgin Islands" for
// bvi.org.
std::optional<std::string> NameForHost(const std::vector<Line>& lines, std::string_view host) {
  const std::string label = Squash(host.substr(0, host.find('.')));
  if (label.size() < 3) return std::nullopt;
  for (const Line& l : lines) {
    const auto& w = l.words;
    for (size_t i = 0; i < w.size(); ++i) {
      std::string joined, initials;
      for (size_t k = i; k < w.size() && k < i + 4; ++k) {
        const std::string_view word = StripClosers(StripOpeners(w[k]));
        if (!IsCapitalised(word) || word.empty()) break;
        joined += Squash(word);
        initials += Squash(word.substr(0, 1));
        if (joined == label || (k > i && initials == label)) {
          const char* b = StripOpeners(w[i]).data();
          std::string_view last = StripClosers(StripOpeners(w[k]));
          while (!last.empty() && !IsAsciiAlnum(last.back()) && static_cast<unsigned char>(last.back()) < 0x80)
            last.remove_suffix(1);
          return std::string(b, static_cast<size_t>(last.data() + last.size() - b));
        }
      }
    }
  }
  return std::nullopt;
}

// The name in a copyright line: "Caliber.az © 2025. ." -> "Caliber.az".
std::optional<std::string> CopyrightName(std::string_view line) {
  std::string_view rest = line;
  const size_t c = line.find("\xC2\xA9");
  std::string name;
  for (std::string_view w : Words(rest)) {
    std::string f = Fold(w);
    if (f == "\xC2\xA9" || f == "copyright" || f == "(c)") continue;
    if (Squash(w).size() == 4 && Squash(w).find_first_not_of("0123456789") == std::string::npos) {
      if (!name.empty() && c != std::string_view::npos && w.data() > line.data() + c) break;
      continue;
    }
    if (!IsCapitalised(w)) break;
    std::string_view clean = w;
    while (!clean.empty() && (clean.back() == '.' || clean.back() == ',')) clean.remove_suffix(1);
    if (clean.empty()) break;
    if (!name.empty()) name += ' ';
    name += std::string(clean);
    if (w.back() == '.' || w.back() == ',') break;
  }
  if (name.empty() || Words(name).size() > 4) return std::nullopt;
  return name;
}

bool SameName(std::string_view a, std::string_view b) { return !Squash(a).empty() && Squash(a) == Squash(b); }

// The headline of a headline line the crawl joined to the site's name
// ("Board approves levy | Coast Wire", "Coast Wire - Board approves levy",
// for coastwire.example) or to its date ("Board approves levy -
// 09.12.2031"): the name and the date left out.
std::string_view HeadlineOfLine(std::string_view line, std::string_view host) {
  if (std::optional<DateHit> date = TrailingDate(line)) line = Trim(line.substr(0, date->begin));
  // A date that opens the line, set off by a bar or a dash ("09.12.2031 -
  // Board approves levy").
  if (std::optional<DateHit> date = FindDate(line); date && date->begin == 0) {
    const std::string_view rest = Trim(line.substr(date->end));
    for (std::string_view sep : {"|", "-", "\xE2\x80\x93", "\xE2\x80\x94"}) {
      if (rest.substr(0, sep.size()) == sep && Words(rest.substr(sep.size())).size() >= 3) {
        line = Trim(rest.substr(sep.size()));
        break;
      }
    }
  }
  // The headline printed twice on one line (the page's title and its heading).
  if (const size_t half = line.size() / 2; line.size() % 2 == 1 && line[half] == ' ' &&
                                           Words(line).size() >= 6 && line.substr(0, half) == line.substr(half + 1))
    return line.substr(0, half);
  if (host.empty()) return line;
  // Bar, dash, en and em dashes, "::", guillemet, bullet, middle dot.
  static constexpr std::string_view kSeparators[] = {" | ",          " - ",          " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                                     " :: ",         " \xC2\xBB ", " \xE2\x80\xA2 ", " \xC2\xB7 "};
  auto is_site = [&](std::string_view part) {
    part = Trim(part);
    Line l;
    l.text = part;
    l.words = Words(part);
    if (l.words.empty() || l.words.size() > 5) return false;
    // The host itself ("CoastWire.com"), its label, or a name that spells it.
    if (SameName(part, host) || SameName(part, host.substr(0, host.find('.')))) return true;
    const std::optional<std::string> name = NameForHost({l}, host);
    return name && SameName(*name, part);
  };
  for (std::string_view sep : kSeparators) {
    const size_t last = line.rfind(sep), first = line.find(sep);
    if (last != std::string_view::npos && is_site(line.substr(last + sep.size())) &&
        Words(line.substr(0, last)).size() >= 3) {
      // And a section's name of a word or two between them ("Headline |
      // World | Site").
      std::string_view head = Trim(line.substr(0, last));
      const size_t section = head.rfind(sep);
      if (section != std::string_view::npos && Words(head.substr(section + sep.size())).size() <= 2 &&
          Words(head.substr(0, section)).size() >= 3)
        head = Trim(head.substr(0, section));
      return head;
    }
    if (first != std::string_view::npos && is_site(line.substr(0, first)) &&
        Words(line.substr(first + sep.size())).size() >= 3)
      return Trim(line.substr(first + sep.size()));
  }
  return line;
}

// A headline that asks a question reads as a sentence: the page's first
// prose line, one short question with a date line right under it, is a
// headline's line, not the text's.
void QuestionHeadline(std::vector<Line>* lines) {
  for (size_t i = 0; i < lines->size(); ++i) {
    Line& l = (*lines)[i];
    if (l.kind != Kind::kProse) continue;
    const std::string_view end = StripClosers(l.text);
    if (l.words.size() > 20 || end.empty() || end.back() != '?') return;
    // One sentence: no full stop, question or exclamation mark inside.
    for (size_t k = 0; k + 1 < l.words.size(); ++k) {
      const char c = StripClosers(l.words[k]).empty() ? ' ' : StripClosers(l.words[k]).back();
      if (c == '.' || c == '?' || c == '!') return;
    }
    size_t n = i + 1;
    while (n < lines->size() && (*lines)[n].kind == Kind::kBlank) ++n;
    if (n < lines->size() && (*lines)[n].kind == Kind::kDate) l.kind = Kind::kOther;
    return;
  }
}

bool IsNameLine(const Line& l) {
  if (l.kind != Kind::kOther || l.words.empty() || l.words.size() > 4) return false;
  for (std::string_view w : l.words) {
    if (!IsCapitalised(w)) return false;
  }
  return true;
}

std::optional<int64_t> ViewCount(std::string_view line) {
  if (Words(line).size() > 4 || Fold(line).find("view") == std::string::npos) return std::nullopt;
  int64_t v = 0;
  bool any = false;
  for (char c : line) {
    if (c >= '0' && c <= '9') {
      if (v > (int64_t{1} << 50)) return std::nullopt;
      v = v * 10 + (c - '0'), any = true;
    } else if (any && c != ',' && c != ' ' && c != '.') {
      break;
    }
  }
  if (!any) return std::nullopt;
  return v;
}

}  // namespace

void ExtractPageText(std::string_view text, const ExtractLimits& limits, Article* out) {
  // Lines; a leading "URL:" line and the store's " date YYYY-MM-DD" prefix
  // are metadata, not page text.
  std::vector<Line> lines;
  size_t pos = 0;
  bool first = true;
  std::optional<std::string> store_date;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view raw = Trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    if (first && !raw.empty()) {
      first = false;
      if (raw.substr(0, 4) == "URL:") {
        std::string_view url = Trim(raw.substr(4));
        if (!url.empty()) out->url = std::string(url);
        first = true;
        continue;
      }
      if (raw.substr(0, 5) == "date " && raw.size() >= 15) {
        std::optional<DateHit> hit = FindDate(raw.substr(5, 10));
        if (hit && hit->begin == 0 && hit->end == 10) {
          store_date = hit->iso;
          raw = Trim(raw.substr(15));
        }
      }
    }
    Line l;
    l.text = raw;
    l.words = Words(raw);
    lines.push_back(std::move(l));
  }
  std::deque<std::string> joined;  // texts of lines joined by JoinHardWrapped
  JoinHardWrapped(&lines, &joined);
  size_t last_nonblank = lines.size();
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].words.empty()) last_nonblank = i;
  }
  for (size_t i = 0; i < lines.size(); ++i) Classify(&lines[i], i == last_nonblank);
  QuestionHeadline(&lines);

  size_t body_begin = 0, body_end = 0;
  if (!FindBody(lines, &body_begin, &body_end)) {
    // No prose at all: keep the longest non-chrome line.
    size_t best = lines.size();
    for (size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].kind != Kind::kChrome && lines[i].kind != Kind::kBlank &&
          (best == lines.size() || lines[i].words.size() > lines[best].words.size()))
        best = i;
    }
    if (best < lines.size()) body_begin = best, body_end = best + 1;
  } else {
    // A lead-in that hands over to the text ("A spokeswoman said:", "The
    // statement reads:"): a short sentence that ends in a colon right above
    // the body belongs to it.
    size_t i = body_begin;
    while (i > 0 && lines[i - 1].kind == Kind::kBlank) --i;
    if (i > 0) {
      const Line& l = lines[i - 1];
      const size_t n = l.words.size();
      if ((l.kind == Kind::kOther || l.kind == Kind::kProse) && n >= 3 && n <= 20 && !l.text.empty() &&
          l.text.back() == ':' && IsCapitalised(l.words.front()) && HasLower(l.text))
        body_begin = i - 1;
    }
  }

  // Headline and subtitle (text_title.cc); a short site-name line at the
  // top is the outlet.
  std::vector<size_t> cands = TitleCandidates(lines, body_begin, body_end, out->url ? *out->url : "");
  const std::string host = out->url ? HostOf(*out->url) : "";
  size_t top = 0;
  while (top < lines.size() && (lines[top].kind == Kind::kBlank || lines[top].kind == Kind::kChrome)) ++top;
  std::optional<std::string> site;
  if (top < body_begin && lines[top].kind == Kind::kOther && lines[top].words.size() <= 5 &&
      (cands.empty() || cands.front() != top || cands.size() > 1)) {
    const Line& t = lines[top];
    bool repeated = false, outlet_word = false;
    for (size_t i = 0; i < lines.size(); ++i) repeated |= i != top && lines[i].text == t.text;
    for (std::string_view w : t.words) outlet_word |= IndexIn(kOutletWords, Fold(w)) >= 0;
    std::optional<std::string> host_name = host.empty() ? std::nullopt : NameForHost({t}, host);
    // The site's name opening a short line: "Coast Wire, en Español".
    bool opens_with_host = false;
    if (host_name) {
      const std::string line = Fold(t.text), name = Fold(*host_name);
      if (line.size() > name.size() && line.compare(0, name.size(), name) == 0) {
        const std::string_view rest = Trim(std::string_view(line).substr(name.size()));
        for (std::string_view sep : {",", "|", "-", ":", "\xE2\x80\x93", "\xE2\x80\x94"})  // and en, em dashes
          opens_with_host |= rest.substr(0, sep.size()) == sep;
      }
    }
    if (repeated || outlet_word || opens_with_host || (host_name && SameName(*host_name, t.text))) {
      site = opens_with_host ? *host_name : std::string(t.text);
      if (!cands.empty() && cands.front() == top) cands.erase(cands.begin());
    }
  }
  size_t headline_line = body_begin;
  if (!cands.empty()) {
    headline_line = cands.front();
    std::string title, subtitle;
    const std::string_view headline = HeadlineOfLine(lines[cands.front()].text, host);
    if (SplitTitle(headline, &title, &subtitle)) {
      out->title = title;
      out->subtitle = subtitle;
    } else {
      out->title = CollapseSpaces(headline);
      if (cands.size() > 1) out->subtitle = CollapseSpaces(lines[cands[1]].text);
    }
    // A section label: an all-capitals word or two above the headline.
    for (size_t i = headline_line; i-- > 0;) {
      const Line& l = lines[i];
      if (l.kind == Kind::kOther && l.words.size() <= 3 && HasLetter(l.text) && !HasLower(l.text) &&
          Squash(l.text).size() >= 3 && l.text.find_first_of("?!:") == std::string_view::npos) {
        out->section = std::string(l.text);
        break;
      }
      if (l.kind == Kind::kProse) break;
    }
  }

  // Published (text_dates.cc): the store's date, else the page's date line
  // by the headline, checked against the address's date.
  if (store_date) {
    // The store's day; the page's own date line of that day adds its time.
    out->published = store_date;
    std::optional<std::string> page =
        ChoosePublished(lines, cands.empty() ? lines.size() : headline_line, out->url ? *out->url : "");
    if (page && page->size() > 10 && page->compare(0, 10, *store_date) == 0) out->published = page;
  } else {
    out->published = ChoosePublished(lines, cands.empty() ? lines.size() : headline_line, out->url ? *out->url : "");
  }

  // Views, copyright name, and a signature line right after the body.
  std::optional<std::string> copyright, signature;
  for (const Line& l : lines) {
    if (l.kind != Kind::kChrome) continue;
    if (!out->views) out->views = ViewCount(l.text);
    if (!copyright && (l.text.find("\xC2\xA9") != std::string_view::npos || Fold(l.text).find("copyright") == 0))
      copyright = CopyrightName(l.text);
  }
  for (size_t i = body_end; i < lines.size(); ++i) {
    if (lines[i].kind == Kind::kBlank) continue;
    if (IsNameLine(lines[i])) signature = std::string(lines[i].text);
    break;
  }
  std::optional<std::string> host_name = host.empty() ? std::nullopt : NameForHost(lines, host);
  if (signature && ((copyright && SameName(*signature, *copyright)) || (site && SameName(*signature, *site)) ||
                    (host_name && SameName(*signature, *host_name)) ||
                    (!host.empty() && SameName(*signature, host)))) {
    out->outlet = signature;
  } else if (site) {
    out->outlet = site;
  } else if (copyright) {
    out->outlet = copyright;
  } else if (host_name) {
    out->outlet = host_name;
  } else if (!host.empty()) {
    out->outlet = host;
  }

  // Body text: every non-chrome line of the run, one paragraph each.
  std::string body;
  for (size_t i = body_begin; i < body_end; ++i) {
    const Line& l = lines[i];
    if (l.kind == Kind::kBlank || l.kind == Kind::kChrome) continue;
    std::string para = CollapseSpaces(l.text);
    if (!body.empty() && body.size() + 2 + para.size() > limits.max_output_bytes) break;
    if (!body.empty()) body += "\n\n";
    body += para;
  }
  if (body.size() > limits.max_output_bytes) {  // one huge paragraph: cut on a character
    size_t cut = limits.max_output_bytes;
    while (cut > 0 && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) --cut;
    body.resize(cut);
  }
  out->text = std::move(body);
}

}  // namespace attache::extract
