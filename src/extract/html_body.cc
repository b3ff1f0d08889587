// Article body extraction: content scoring over the flat HTML tree.
//
// 1. Top-down, mark subtrees that never hold article text: scripts, forms,
//    navigation, hidden elements, and elements whose class/id name them as
//    page furniture (comments, share bars, related lists, ads...).
// 2. Bottom-up, sum text and link-text lengths per element. Nodes are stored
//    in document order and a parent always precedes its children, so a
//    reverse scan visits children before parents without recursion.
// 3. Each block with enough text of its own scores its ancestors; the best
//    ancestor, discounted by link density, is the article container.
// 4. The container's text is written out block by block, dropping blocks that
//    are mostly links or are page furniture by name.
// 5. Second looks: class names that would leave no prose on the page are
//    second-guessed; a container that writes out nothing is a page of links
//    or the wrong choice (chosen again without it); a recipe's ingredient
//    list joins the text wherever the page puts it.
#include "extract/html_body.h"

#include "extract/boilerplate.h"

#include <algorithm>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <cstdio>
#include <cstdlib>
#include <array>
#include <unordered_map>
#include <unordered_set>
#include <string_view>
#include <vector>

namespace attache::extract {

namespace {

using html::Document;
using html::kNone;
using html::Node;
using html::Tag;

bool IsBlock(Tag t) {
  switch (t) {
    case Tag::kAddress: case Tag::kArticle: case Tag::kAside: case Tag::kBlockquote: case Tag::kBody:
    case Tag::kCaption: case Tag::kCenter: case Tag::kDd: case Tag::kDetails: case Tag::kDialog:
    case Tag::kDiv: case Tag::kDl: case Tag::kDt: case Tag::kFieldset: case Tag::kFigcaption:
    case Tag::kFigure: case Tag::kFooter: case Tag::kForm: case Tag::kH1: case Tag::kH2: case Tag::kH3:
    case Tag::kH4: case Tag::kH5: case Tag::kH6: case Tag::kHeader: case Tag::kHgroup: case Tag::kHr:
    case Tag::kHtml: case Tag::kLi: case Tag::kMain: case Tag::kMenu: case Tag::kNav: case Tag::kOl:
    case Tag::kP: case Tag::kPre: case Tag::kSection: case Tag::kSummary: case Tag::kTable:
    case Tag::kTbody: case Tag::kTd: case Tag::kTfoot: case Tag::kTh: case Tag::kThead: case Tag::kTr:
    case Tag::kUl: case Tag::kDocument: case Tag::kBr:
      return true;
    default:
      return false;
  }
}

// Elements whose content is never article text.
bool IsNeverContent(Tag t) {
  switch (t) {
    case Tag::kScript: case Tag::kStyle: case Tag::kNoscript: case Tag::kTemplate: case Tag::kHead:
    case Tag::kTitle: case Tag::kMeta: case Tag::kLink: case Tag::kButton:
    case Tag::kSelect: case Tag::kOption: case Tag::kOptgroup: case Tag::kTextarea: case Tag::kInput:
    case Tag::kLabel: case Tag::kSvg: case Tag::kMath: case Tag::kCanvas: case Tag::kIframe:
    case Tag::kObject: case Tag::kEmbed: case Tag::kAudio: case Tag::kVideo:
    case Tag::kNoembed: case Tag::kNoframes: case Tag::kFrame: case Tag::kFigcaption: case Tag::kPicture:
    case Tag::kImg:
      return true;
    default:
      return false;
  }
}

// Words in class/id names. A name is split into lower-case words at every
// character that is not a letter or digit ("post-share_bar" -> post, share,
// bar); furniture words mark a subtree as page furniture unless a content
// word is present too.
constexpr std::string_view kFurnitureWords[] = {
    "ad", "ads", "adv", "advert", "advertisement", "advertising", "affiliate", "agegate", "alert",
    "author-bio", "banner", "bio", "breadcrumb", "breadcrumbs", "byline", "caption", "combx", "comment",
    "comments", "community", "consent", "contact", "cookie", "cookies", "copyright", "credit",
    "credits", "disqus", "dropdown", "footer", "footnote", "gdpr", "masthead", "menu",
    "meta", "modal", "more", "nav", "navbar", "navigation", "newsletter", "outbrain", "pagination",
    "pager", "paywall", "popular", "popup", "print", "promo", "promotion", "rail", "rating", "recirc",
    "recommend", "recommended", "related", "remark", "replies", "reply", "rss", "share", "sharing",
    "shoutbox", "sidebar", "signup", "skip", "social", "sponsor", "sponsored", "subscribe",
    "subscription", "supplemental", "tag", "tags", "taboola", "toolbar", "tools", "trending",
    "widget", "wp-caption-text", "login", "signin", "jump", "teaser", "teasers", "topics", "most",
    "readmore", "read-more", "latest", "next", "prev", "previous",
    "legend", "email", "mail", "cta", "date", "time", "author", "authors", "published", "updated", "overlay", "offscreen", "visually-hidden", "sr-only", "screen-reader-text",
};
// Furniture markers matched anywhere inside a class or id name
// ("imageEmbedCaption", "socialShareBar").
constexpr std::string_view kFurnitureInfixes[] = {
    "caption", "credit", "share", "social", "related", "comment", "newsletter", "advert", "promo",
    "byline", "breadcrumb", "sidebar", "footer", "subscribe", "signup", "cookie", "popup", "sponsor",
    "recommend", "trending", "timestamp", "dateline", "published", "updated", "posted", "author",
    "disclaimer", "disclosure", "copyright", "toolbar", "keypoints", "key-points", "tags", "pagination",
};

constexpr std::string_view kContentWords[] = {
    "article", "body", "content", "entry", "main", "post", "story", "text", "blog", "column",
    "prose", "richtext", "rich-text", "articlebody", "article-body", "story-body", "post-content",
    "entry-content",
};
constexpr std::string_view kStrongContentWords[] = {
    "articlebody", "article-body", "story-body", "post-content", "entry-content", "article-content",
    "story-content", "post-body", "article-text", "story-text", "articletext", "storytext",
    "main-content", "content-body", "body-text", "bodytext",
};

// A set of short strings bucketed by first byte, for ClassifyName's lookups:
// most probes end at the bucket or the length check.
class WordSet {
 public:
  WordSet(const std::string_view* b, const std::string_view* e) {
    for (; b != e; ++b)
      if (!b->empty()) buckets_[static_cast<unsigned char>(b->front())].push_back(*b);
  }
  bool Has(std::string_view w) const {
    if (w.empty()) return false;
    for (std::string_view x : buckets_[static_cast<unsigned char>(w.front())])
      if (x.size() == w.size() && Equal(x.data(), w.data(), w.size())) return true;
    return false;
  }
  // Whether any member occurs inside `s`.
  bool AnyInside(std::string_view s) const {
    for (size_t i = 0; i < s.size(); ++i) {
      for (std::string_view x : buckets_[static_cast<unsigned char>(s[i])])
        if (x.size() <= s.size() - i && Equal(x.data(), s.data() + i, x.size())) return true;
    }
    return false;
  }

 private:
  // Short strings: a plain loop beats a call to memcmp.
  static bool Equal(const char* a, const char* b, size_t n) {
    for (size_t k = 0; k < n; ++k)
      if (a[k] != b[k]) return false;
    return true;
  }

  std::array<std::vector<std::string_view>, 256> buckets_;
};

bool IsFurnitureWord(std::string_view w) {
  static const WordSet kSet(std::begin(kFurnitureWords), std::end(kFurnitureWords));
  return kSet.Has(w);
}

struct NameClass {
  int furniture = 0;   // furniture words seen
  int content = 0;     // content words seen
  int strong = 0;      // whole names that are strong content markers
};

// Words that say what an element has or lacks rather than what it is
// ("has-ads", "with-sidebar", "non-paywall"): a furniture word after one of
// these does not name the element's role. ("no-comments" does: it is the
// notice that there are none.)
constexpr std::string_view kQualifierWords[] = {"has", "with", "without", "non"};

bool IsFurnitureWord(std::string_view w);

// Blanks each qualifier word and the furniture word after it (to '_', a
// separator), so that neither word nor infix matching sees them. Content words
// after a qualifier stay ("headline-with-text").
void BlankQualifiedWords(std::string* lower) {
  std::string& s = *lower;
  auto is_alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  size_t i = 0;
  while (i < s.size()) {
    if (!is_alnum(s[i])) {
      ++i;
      continue;
    }
    size_t e = i;
    while (e < s.size() && is_alnum(s[e])) ++e;
    const std::string_view word(s.data() + i, e - i);
    const bool qualifier = std::find(std::begin(kQualifierWords), std::end(kQualifierWords), word) !=
                           std::end(kQualifierWords);
    // Only inside a name: the next word must follow a hyphen or underscore.
    if (qualifier && e + 1 < s.size() && (s[e] == '-' || s[e] == '_') && is_alnum(s[e + 1])) {
      size_t k = e + 1;
      while (k < s.size() && is_alnum(s[k])) ++k;
      if (IsFurnitureWord(std::string_view(s.data() + e + 1, k - e - 1))) {
        for (size_t j = i; j < k; ++j) s[j] = '_';
        i = k;
        continue;
      }
    }
    i = e;
  }
}

void ClassifyNameUncached(std::string_view value, NameClass* nc) {
  static const WordSet kStrong(std::begin(kStrongContentWords), std::end(kStrongContentWords));
  static const WordSet kInfixes(std::begin(kFurnitureInfixes), std::end(kFurnitureInfixes));
  static const WordSet kContent(std::begin(kContentWords), std::end(kContentWords));
  // Lower-case once; names and words are slices of this buffer.
  thread_local std::string lower;
  lower.assign(value);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  BlankQualifiedWords(&lower);
  const std::string_view v(lower);
  // Words of one space-separated name count together: a name that joins a
  // content word to a furniture word names a part of the article that is
  // furniture ("article-contact", "author-box--content", "post-donation-cta"),
  // so its content words do not count.
  int name_furniture = 0, name_content = 0;
  bool furniture_last = false;  // a furniture word after the name's last content word
  auto flush_word = [&](std::string_view word) {
    if (word.empty()) return;
    if (IsFurnitureWord(word)) {
      ++name_furniture;
      furniture_last = true;
    }
    if (kContent.Has(word)) {
      ++name_content;
      furniture_last = false;
    }
  };
  // Whole names (strong markers keep their hyphens).
  auto flush_name = [&](std::string_view name) {
    if (!name.empty()) {
      if (kStrong.Has(name)) ++nc->strong;
      if (name.size() >= 4 && kInfixes.AnyInside(name)) ++name_furniture;
      if (name == "wp-caption-text" || name == "screen-reader-text" || name == "sr-only" ||
          name == "visually-hidden" || name == "read-more" || name == "author-bio")
        ++name_furniture;
    }
    nc->furniture += name_furniture;
    if (!furniture_last) nc->content += name_content;
    name_furniture = name_content = 0;
    furniture_last = false;
  };
  size_t name_start = 0, word_start = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    const char l = v[i];
    if (l == ' ' || l == '\t' || l == '\n') {
      flush_word(v.substr(word_start, i - word_start));
      flush_name(v.substr(name_start, i - name_start));
      name_start = word_start = i + 1;
      continue;
    }
    if (!((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9'))) {
      flush_word(v.substr(word_start, i - word_start));
      word_start = i + 1;
    }
  }
  flush_word(v.substr(word_start));
  flush_name(v.substr(name_start));
}

// Pages repeat the same class and id values many times: remember what each
// value counts (bounded; values are classified the same on every page).
void ClassifyName(std::string_view value, NameClass* nc) {
  if (value.empty()) return;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  thread_local std::unordered_map<std::string, NameClass, Hash, std::equal_to<>> memo;
  auto it = memo.find(value);
  if (it == memo.end()) {
    if (memo.size() >= 8192) memo.clear();
    NameClass delta;
    ClassifyNameUncached(value, &delta);
    it = memo.emplace(std::string(value), delta).first;
  }
  nc->furniture += it->second.furniture;
  nc->content += it->second.content;
  nc->strong += it->second.strong;
}

// Runs of letters and digits in a class or id value.
int CountNameWords(std::string_view v) {
  int words = 0;
  bool in_word = false;
  for (char c : v) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    words += alnum && !in_word;
    in_word = alnum;
  }
  return words;
}

bool IsHiddenStyle(std::string_view style) {
  std::string s;
  s.reserve(style.size());
  for (char c : style)
    if (c != ' ' && c != '\t' && c != '\n') s.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
  return s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos;
}

// Counts characters of whitespace-collapsed text (UTF-8 lead bytes only) and
// commas.
void MeasureText(std::string_view s, uint32_t* chars, uint32_t* commas) {
  bool space = true;
  size_t i = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time: a whitespace byte counts when the byte before it
  // is not whitespace; other bytes count unless they continue a character.
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i ws = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))),
                     _mm_cmpeq_epi8(v, _mm_set1_epi8('\f'))));
    const auto wsm = static_cast<unsigned>(_mm_movemask_epi8(ws));
    const auto cont = static_cast<unsigned>(_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(static_cast<char>(0xC0))), _mm_set1_epi8(static_cast<char>(0x80)))));
    const auto comma = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(','))));
    auto ef = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xEF)))));
    const unsigned prev_ws = ((wsm << 1) | (space ? 1u : 0u)) & 0xFFFFu;
    *chars += static_cast<uint32_t>(__builtin_popcount(wsm & ~prev_ws) + __builtin_popcount(~(wsm | cont) & 0xFFFFu));
    *commas += static_cast<uint32_t>(__builtin_popcount(comma));
    while (ef != 0) {  // full-width comma U+FF0C
      const size_t k = i + static_cast<size_t>(__builtin_ctz(ef));
      ef &= ef - 1;
      if (k + 2 < s.size() && p[k + 1] == 0xBC && p[k + 2] == 0x8C) ++*commas;
    }
    space = (wsm >> 15) & 1;
  }
#endif
  for (; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      if (!space) ++*chars;
      space = true;
      continue;
    }
    space = false;
    if ((c & 0xC0) != 0x80) ++*chars;
    if (c == ',') ++*commas;
    // Full-width and Arabic commas.
    if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC &&
        static_cast<unsigned char>(s[i + 2]) == 0x8C)
      ++*commas;
  }
}

struct Stats {
  uint32_t text = 0;      // characters of text in the subtree (not skipped)
  uint32_t link = 0;      // of which inside links
  uint32_t own_text = 0;  // characters of text directly in this block (not nested blocks)
  uint32_t own_commas = 0;
  uint32_t paragraphs = 0;  // <p> elements with text in the subtree
  float score = 0;
  uint32_t ptext = 0;     // characters of prose: own text of blocks with 80+ characters
  bool skip = false;
  bool hard_skip = false;   // never content, whatever it holds
  bool furniture = false;   // named as page furniture; skipped unless it holds the prose
  bool in_link = false;
  bool furniture_by_name = false;  // furniture only by its class or id
  int weight = 0;  // from class/id names
};

// Prose (characters) that a page keeps after its furniture is skipped, below
// which the furniture its class names mark is second-guessed.
constexpr uint32_t kRescuedProse = 200;
// Bytes of text below which a container wrote out nothing of use.
constexpr size_t kEmptyOutput = 25;

class BodyExtractor {
 public:
  BodyExtractor(const Document& doc, size_t max_bytes) : doc_(doc), max_bytes_(max_bytes), st_(doc.size()) {}

  std::string Run() {
    Mark();
    Measure();
    const uint32_t prose = st_[0].ptext;
    if (SkipFurniture(prose)) {
      Measure();
      // When names would leave no prose to speak of on a page that has it, the
      // names mislead: the page's own paragraphs or posts carry a class
      // that reads as furniture ("tagStyle", "comment" on every forum post,
      // "Section--Ads"). Then only elements and roles say what is furniture.
      if (prose >= 2 * kRescuedProse && st_[0].ptext < kRescuedProse) {
        for (Stats& s : st_) {
          if (s.furniture_by_name) s.furniture = false;
          s.skip = s.hard_skip;
        }
        Measure();
        SkipFurniture(prose);
        Measure();
      }
    }
    const uint32_t best = PickContainer();
    if (best == kNone) return "";
    std::vector<uint32_t> parts = WithSiblings(best);
    if (const char* needle = std::getenv("ATTACHE_DEBUG_FIND")) {
      for (uint32_t i = 1; i < doc_.size(); ++i) {
        if (!doc_.node(i).is_text() || doc_.text(doc_.node(i)).find(needle) == std::string_view::npos) continue;
        // Script data repeats the text of many pages; the markup's copy is the one to show.
        const Tag pt = doc_.node(doc_.node(i).parent).tag;
        if (pt == Tag::kScript || pt == Tag::kStyle) continue;
        for (uint32_t a = i; a != kNone; a = doc_.node(a).parent) {
          const Node& n = doc_.node(a);
          std::fprintf(stderr, "  %u <%.*s class=%.*s id=%.*s> skip=%d hard=%d furn=%d score=%.1f text=%u ptext=%u\n",
                       a, static_cast<int>(doc_.tag_name(n).size()), doc_.tag_name(n).data(),
                       static_cast<int>(doc_.attr(n, "class").size()), doc_.attr(n, "class").data(),
                       static_cast<int>(doc_.attr(n, "id").size()), doc_.attr(n, "id").data(), st_[a].skip,
                       st_[a].hard_skip, st_[a].furniture, st_[a].score, st_[a].text, st_[a].ptext);
        }
        break;
      }
    }
    if (std::getenv("ATTACHE_DEBUG_BODY")) {
      for (uint32_t p : parts) {
        const Node& n = doc_.node(p);
        std::fprintf(stderr, "part %u <%.*s class=%.*s> score=%.1f text=%u link=%u\n", p,
                     static_cast<int>(doc_.tag_name(n).size()), doc_.tag_name(n).data(),
                     static_cast<int>(doc_.attr(n, "class").size()), doc_.attr(n, "class").data(), st_[p].score,
                     st_[p].text, st_[p].link);
      }
    }
    Write(parts);
    // A container whose every block is links is a page of links (a blog post
    // that lists what the writer read): its links are its text.
    if (out_.size() < kEmptyOutput && !parts.empty()) {
      uint32_t text = 0, link = 0;
      for (uint32_t p : parts) text += st_[p].text, link += st_[p].link;
      if (text >= 2 * kRescuedProse && link * 2 > text) {
        keep_links_ = true;
        Write(parts, /*trim=*/false);  // each link's title is a short line
        keep_links_ = false;
      }
    }
    // A container that writes out nothing (a form, an overlay, a list of
    // buttons) was the wrong choice: choose again without it, once.
    if (out_.size() < kEmptyOutput && !parts.empty() && st_[0].ptext >= 2 * kRescuedProse) {
      for (uint32_t p : parts)
        for (uint32_t i = p, end = EndOf(p); i < end; ++i) st_[i].skip = true;
      for (Stats& s : st_) s.score = 0;
      Measure();
      const uint32_t again = PickContainer();
      parts.clear();
      if (again != kNone && again != 0) parts = WithSiblings(again);
      Write(parts);
    }
    const std::vector<uint32_t> ingredients = Ingredients(parts);
    if (!ingredients.empty()) {
      // Written as they are, before or after the trimmed text by their place.
      std::string body = std::move(out_);
      std::string before, after;
      for (uint32_t i : ingredients) {
        Write({i}, /*trim=*/false);
        std::string& side = parts.empty() || i < parts.front() ? before : after;
        if (!side.empty() && !out_.empty()) side.append("\n\n");
        side.append(out_);
      }
      out_ = std::move(before);
      for (std::string* piece : {&body, &after}) {
        if (out_.size() >= max_bytes_) break;  // the limit, as Break keeps it
        if (!out_.empty() && !piece->empty()) out_.append("\n\n");
        out_.append(*piece);
      }
    }
    return std::move(out_);
  }

 private:
  // Step 1: top-down marks (parents precede children in node order).
  void Mark() {
    for (uint32_t i = 1; i < doc_.size(); ++i) {
      const Node& n = doc_.node(i);
      Stats& s = st_[i];
      const Stats& p = st_[n.parent];
      s.skip = s.hard_skip = p.hard_skip;
      s.in_link = p.in_link || n.tag == Tag::kA;
      if (n.is_text() || s.skip) continue;
      if (IsNeverContent(n.tag) || IsRubyAnnotation(n)) {
        s.skip = s.hard_skip = true;
        continue;
      }
      // Page furniture by element: skipped unless it holds the prose.
      if (n.tag == Tag::kForm || n.tag == Tag::kNav || n.tag == Tag::kAside || n.tag == Tag::kFooter ||
          n.tag == Tag::kMenu || n.tag == Tag::kDialog)
        s.furniture = true;
      if (n.attr_count == 0) continue;
      bool found = false;
      doc_.attr(n, "hidden", &found);
      if (found || doc_.attr(n, "aria-hidden") == "true" || IsHiddenStyle(doc_.attr(n, "style"))) {
        s.skip = s.hard_skip = true;
        continue;
      }
      const std::string_view role = doc_.attr(n, "role");
      const bool furniture_role = role == "navigation" || role == "complementary" || role == "banner" ||
                                  role == "contentinfo" || role == "menu" || role == "dialog" || role == "alert";
      NameClass nc;
      ClassifyName(doc_.attr(n, "class"), &nc);
      // A heading's id of three or more words is an anchor made from its
      // text ("what-comes-next"), not a name of its role ("comments-title").
      const std::string_view id = doc_.attr(n, "id");
      if (!(n.tag >= Tag::kH1 && n.tag <= Tag::kH6 && CountNameWords(id) >= 3)) ClassifyName(id, &nc);
      const std::string_view itemprop = doc_.attr(n, "itemprop");
      if (itemprop == "articleBody" || itemprop == "text" || itemprop == "reviewBody") nc.strong += 2;
      s.weight = 50 * nc.strong + (nc.content > 0 ? 18 : 0) - 25 * (nc.furniture > 0 ? 1 : 0);
      // Quotations and embedded posts are content whatever their names say.
      const bool structural = n.tag == Tag::kBody || n.tag == Tag::kHtml || n.tag == Tag::kArticle ||
                              n.tag == Tag::kMain || n.tag == Tag::kBlockquote;
      if (nc.furniture > 0 && nc.content == 0 && nc.strong == 0 && !structural && !furniture_role)
        s.furniture = s.furniture_by_name = true;
      if (furniture_role) s.furniture = true;
    }
  }

  // The reading printed above or beside ruby text (<rt>, and the <rp>
  // brackets for browsers without ruby): "漢字<rt>かんじ</rt>" reads "漢字".
  bool IsRubyAnnotation(const Node& n) const {
    if (n.tag != Tag::kOther) return false;
    const std::string_view name = doc_.tag_name(n);
    return name == "rt" || name == "rp";
  }

  static bool IsParagraphLike(Tag t) {
    return t == Tag::kP || t == Tag::kPre || t == Tag::kBlockquote || t == Tag::kLi || t == Tag::kTd ||
           t == Tag::kDd || (t >= Tag::kH2 && t <= Tag::kH6);
  }

  // Step 2: bottom-up sums.
  void Measure() {
    for (Stats& s : st_) s.text = s.link = s.own_text = s.own_commas = s.paragraphs = s.ptext = 0;
    for (uint32_t i = static_cast<uint32_t>(doc_.size()); i-- > 1;) {
      const Node& n = doc_.node(i);
      Stats& s = st_[i];
      if (s.skip) continue;
      if (n.is_text()) {
        uint32_t chars = 0, commas = 0;
        MeasureText(doc_.text(n), &chars, &commas);
        s.text = chars;
        if (s.in_link) s.link = chars;
        // Own text goes to the nearest block ancestor.
        uint32_t b = n.parent;
        while (b != 0 && !IsBlock(doc_.node(b).tag)) b = doc_.node(b).parent;
        st_[b].own_text += chars;
        st_[b].own_commas += commas;

      } else if (n.tag == Tag::kP && s.text > 0) {
        ++s.paragraphs;
      }
      // Prose: text of blocks that hold a sentence or more of their own.
      if (!n.is_text() && IsBlock(n.tag) && s.own_text >= 80) s.ptext += s.own_text;
      Stats& p = st_[n.parent];
      p.text += s.text;
      p.link += s.link;
      p.paragraphs += s.paragraphs;
      p.ptext += s.ptext;
    }
  }

  // Furniture by name is skipped unless it holds most of the page's
  // paragraph text, `total` (a wrapper whose class happens to name a menu or
  // a meta block); a comment section with long house rules beside a short
  // article holds much, but less than the rest. Needs the measures of a pass
  // with nothing skipped but the never-content. Returns whether anything was
  // skipped.
  bool SkipFurniture(uint32_t total) {
    bool any = false;
    for (uint32_t i = 1; i < doc_.size(); ++i) {
      Stats& s = st_[i];
      if (s.hard_skip) continue;
      s.skip = st_[doc_.node(i).parent].skip;
      if (!s.skip && s.furniture && (total == 0 || s.ptext * 2 < total)) s.skip = true;
      any = any || s.skip;
    }
    return any;
  }

  // Step 3: blocks with text of their own score their ancestors.
  uint32_t PickContainer() {
    for (uint32_t i = 1; i < doc_.size(); ++i) {
      const Node& n = doc_.node(i);
      const Stats& s = st_[i];
      if (n.is_text() || s.skip || !IsBlock(n.tag)) continue;
      if (s.own_text < 25) continue;
      const float link_density = s.text ? static_cast<float>(s.link) / s.text : 0.f;
      if (link_density > 0.5f) continue;
      float score = 1.f + static_cast<float>(s.own_commas) + std::min(static_cast<float>(s.own_text) / 100.f, 3.f);
      if (!IsParagraphLike(n.tag)) score *= 0.5f;  // text loose in a div counts, but less
      // Paragraphs credit their parent first; a div or section with loose
      // text of its own is a container itself and is credited first.
      uint32_t a = (n.tag == Tag::kLi || n.tag == Tag::kTd || n.tag == Tag::kDd) ? n.parent : i;
      if (IsParagraphLike(n.tag) || n.tag == Tag::kLi || n.tag == Tag::kTd) a = doc_.node(a).parent;
      for (int level = 0; a != kNone && a != 0 && level < 5; ++level) {
        const float divider = level == 0 ? 1.f : level == 1 ? 2.f : static_cast<float>(level * 3);
        st_[a].score += score / divider;
        a = doc_.node(a).parent;
      }
    }
    uint32_t best = kNone;
    float best_score = 0;
    for (uint32_t i = 1; i < doc_.size(); ++i) {
      Stats& s = st_[i];
      if (s.skip || (s.score <= 0 && (s.weight <= 0 || s.text < 100))) continue;
      const float link_density = s.text ? static_cast<float>(s.link) / s.text : 0.f;
      // Names vouch for an element in proportion to the text it holds.
      // A paragraph is never the container, whatever its class says ("text").
      const float bonus = IsParagraphLike(doc_.node(i).tag) && s.weight > 0
                              ? 0.f
                              : static_cast<float>(s.weight) * std::min(1.f, static_cast<float>(s.text) / 500.f);
      float final_score = (s.score + bonus) * (1.f - 0.8f * link_density);
      // The whole page is the article only when nothing inside it is.
      if (doc_.node(i).tag == Tag::kBody || doc_.node(i).tag == Tag::kHtml) final_score *= 0.5f;
      s.score = final_score;
      if (final_score > best_score) {
        best_score = final_score;
        best = i;
      }
    }
    if (best == kNone) {
      // No scored block: fall back to the body (or the whole document).
      for (uint32_t i = 1; i < doc_.size(); ++i)
        if (doc_.node(i).tag == Tag::kBody) return i;
      return 0;
    }
    if (std::getenv("ATTACHE_DEBUG_BODY")) {
      std::vector<uint32_t> top;
      for (uint32_t i = 1; i < doc_.size(); ++i)
        if (st_[i].score > 0 && !st_[i].skip) top.push_back(i);
      std::sort(top.begin(), top.end(), [&](uint32_t x, uint32_t y) { return st_[x].score > st_[y].score; });
      for (size_t k = 0; k < top.size() && k < 5; ++k) {
        const Node& n = doc_.node(top[k]);
        std::fprintf(stderr, "top %u <%.*s class=%.*s> score=%.1f text=%u link=%u weight=%d\n", top[k],
                     static_cast<int>(doc_.tag_name(n).size()), doc_.tag_name(n).data(),
                     static_cast<int>(doc_.attr(n, "class").size()), doc_.attr(n, "class").data(),
                     st_[top[k]].score, st_[top[k]].text, st_[top[k]].link, st_[top[k]].weight);
      }
    }
    // An article cut into sections scores several strong candidates: when
    // other candidates almost as good as the best share an ancestor with it,
    // that ancestor is the article.
    {
      std::vector<uint32_t> alternatives;
      for (uint32_t i = 1; i < doc_.size(); ++i)
        if (i != best && !st_[i].skip && st_[i].score >= 0.75f * best_score && !IsAncestor(i, best) &&
            !IsAncestor(best, i))
          alternatives.push_back(i);
      // Wrappers of the same block are one candidate: keep the deepest.
      if (alternatives.size() > 64) alternatives.clear();  // no clear article; keep the best
      std::vector<uint32_t> distinct;
      for (uint32_t x : alternatives) {
        bool wraps_another = false;
        for (uint32_t y : alternatives) wraps_another = wraps_another || (x != y && IsAncestor(x, y));
        if (!wraps_another) distinct.push_back(x);
      }
      alternatives.swap(distinct);
      if (alternatives.size() >= 2) {
        for (uint32_t a = doc_.node(best).parent; a != kNone && a != 0; a = doc_.node(a).parent) {
          const Tag t = doc_.node(a).tag;
          if (t == Tag::kBody || t == Tag::kHtml || st_[a].skip) break;
          int inside = 0;
          for (uint32_t alt : alternatives) inside += IsAncestor(a, alt);
          if (inside >= 2) {
            best = a;
            break;
          }
        }
      }
    }
    // Climb while the parent holds much the same text (a wrapper around the
    // container), so headings and paragraphs beside the best block come too.
    uint32_t cur = best;
    while (true) {
      const uint32_t p = doc_.node(cur).parent;
      if (p == kNone || p == 0 || st_[p].skip) break;
      const Tag pt = doc_.node(p).tag;
      if (pt == Tag::kBody || pt == Tag::kHtml) break;
      if (st_[p].text > st_[cur].text + st_[cur].text / 4 + 40) break;
      cur = p;
    }
    return cur;
  }

  // Whether the subtree holds an <h1>.
  bool HoldsHeadline(uint32_t root) const {
    const uint32_t end = EndOf(root);
    for (uint32_t i = root; i < end; ++i)
      if (doc_.node(i).tag == Tag::kH1) return true;
    return false;
  }
  // One past the last node of the subtree (nodes are in document order).
  uint32_t EndOf(uint32_t root) const {
    for (uint32_t a = root; a != kNone; a = doc_.node(a).parent)
      if (doc_.node(a).next_sibling != kNone) return doc_.node(a).next_sibling;
    return static_cast<uint32_t>(doc_.size());
  }

  // True when `a` is a proper ancestor of `n`. Walks parents: O(depth).
  bool IsAncestor(uint32_t a, uint32_t n) const {
    for (uint32_t p = doc_.node(n).parent; p != kNone; p = doc_.node(p).parent)
      if (p == a) return true;
    return false;
  }

  // Siblings of the container that look like more of the article.
  std::vector<uint32_t> WithSiblings(uint32_t best) {
    const uint32_t parent = doc_.node(best).parent;
    if (parent == kNone || parent == 0) return {best};
    const float threshold = std::max(10.f, st_[best].score * 0.2f);
    std::vector<uint32_t> children;
    size_t at = 0;
    for (uint32_t c = doc_.node(parent).first_child; c != kNone; c = doc_.node(c).next_sibling) {
      if (c == best) at = children.size();
      const Node& n = doc_.node(c);
      if (c == best || !(n.is_text() || st_[c].skip || st_[c].text == 0)) children.push_back(c);
    }
    std::vector<char> take(children.size(), 0);
    take[at] = 1;
    for (size_t k = 0; k < children.size(); ++k) {
      if (k == at) continue;
      const Node& n = doc_.node(children[k]);
      const Stats& s = st_[children[k]];
      const float link_density = static_cast<float>(s.link) / s.text;
      take[k] = (s.score >= threshold && link_density < 0.3f) ||
                (n.tag == Tag::kP && s.text > 80 && link_density < 0.25f);
    }
    // Blocks of prose right above the container (or above a part already
    // taken) open the article: a lead or intro in a block of its own, the
    // first section of an article cut into several. Not the page's header
    // with the headline (its deck is the subtitle), nor furniture kept only
    // for the prose it holds, nor a block larger than the container. Below
    // the container such blocks are more often notes, disclaimers and
    // teasers than article text.
    auto opens_article = [&](uint32_t c) {
      const Stats& s = st_[c];
      const float link_density = static_cast<float>(s.link) / s.text;
      return IsBlock(doc_.node(c).tag) && s.ptext >= 80 && s.ptext * 2 >= s.text && link_density < 0.2f &&
             !s.furniture && s.weight >= 0 && s.text <= st_[best].text && !HoldsHeadline(c);
    };
    for (size_t k = at; k-- > 0 && (take[k] || opens_article(children[k]));) take[k] = 1;
    // Below it, only more blocks of the container's own kind (same element,
    // same class) continue it: an article cut into repeated sections.
    const std::string_view kind = doc_.attr(doc_.node(best), "class");
    auto continues_article = [&](uint32_t c) {
      const Stats& s = st_[c];
      return !kind.empty() && doc_.node(c).tag == doc_.node(best).tag && doc_.attr(doc_.node(c), "class") == kind &&
             s.ptext >= 80 && s.ptext * 2 >= s.text && s.link * 5 < s.text && !s.furniture;
    };
    for (size_t k = at + 1; k < children.size() && (take[k] || continues_article(children[k])); ++k) take[k] = 1;
    std::vector<uint32_t> parts;
    for (size_t k = 0; k < children.size(); ++k)
      if (take[k]) parts.push_back(children[k]);
    return parts;
  }

  // A recipe's list of ingredients (a block whose class names them) belongs
  // to the recipe wherever the page puts it beside the method. At most four
  // blocks, outside the parts, in document order.
  std::vector<uint32_t> Ingredients(const std::vector<uint32_t>& parts) {
    std::vector<uint32_t> found;
    for (uint32_t i = 1; i < doc_.size() && found.size() < 4; ++i) {
      const Node& n = doc_.node(i);
      const Stats& s = st_[i];
      if (n.is_text() || s.skip || !IsBlock(n.tag) || n.attr_count == 0) continue;
      if (!NamesIngredients(doc_.attr(n, "class"))) continue;
      bool overlaps = false;
      for (uint32_t p : parts) overlaps = overlaps || p == i || IsAncestor(p, i) || IsAncestor(i, p);
      if (!overlaps && s.text >= 30 && s.link * 2 <= s.text) found.push_back(i);
      i = EndOf(i) - 1;  // the topmost such block only
    }
    return found;
  }

  static bool NamesIngredients(std::string_view cls) {
    constexpr std::string_view kWord = "ingredients";
    for (size_t i = 0; i + kWord.size() <= cls.size(); ++i) {
      size_t k = 0;
      while (k < kWord.size() && (cls[i + k] | 0x20) == kWord[k]) ++k;
      if (k == kWord.size()) return true;
    }
    return false;
  }

  // Writes the parts out, replacing what was written before; `trim` drops
  // the labels at the edges.
  void Write(const std::vector<uint32_t>& parts, bool trim = true) {
    out_.clear();
    para_.clear();
    pending_space_ = false;
    for (uint32_t p : parts) Emit(p);
    Flush();
    if (trim) TrimEdges();
  }
  // Step 4: writing the text out. A walk over the subtree that breaks the
  // paragraph on entering and on leaving every block element.
  void Emit(uint32_t root) {
    uint32_t i = root;
    while (true) {
      const Node& n = doc_.node(i);
      bool descend = false;
      if (!st_[i].skip) {
        if (n.is_text()) {
          AppendText(doc_.text(n));
        } else if (n.tag == Tag::kBr) {
          Break();
        } else if (!(IsBlock(n.tag) && DropBlock(i))) {
          if (IsBlock(n.tag)) Break();
          descend = n.first_child != kNone;
        }
      }
      if (descend) {
        i = n.first_child;
        continue;
      }
      while (true) {  // leave i, and every ancestor that has no next sibling
        const Node& m = doc_.node(i);
        if (!m.is_text() && IsBlock(m.tag)) Break();
        if (i == root) {
          Break();
          return;
        }
        if (m.next_sibling != kNone) {
          i = m.next_sibling;
          break;
        }
        i = m.parent;
      }
    }
  }

  // Blocks inside the container that are not article text.
  bool DropBlock(uint32_t i) {
    const Node& n = doc_.node(i);
    const Stats& s = st_[i];
    if (n.tag == Tag::kH1) return true;  // the headline, reported as the title
    if (s.text == 0 || keep_links_) return false;
    const float link_density = static_cast<float>(s.link) / s.text;
    if (n.tag == Tag::kUl || n.tag == Tag::kOl || n.tag == Tag::kDl || n.tag == Tag::kDiv ||
        n.tag == Tag::kSection || n.tag == Tag::kTable) {
      if (link_density > 0.5f) return true;
      if (link_density > 0.25f && s.paragraphs == 0 && s.text < 300) return true;
    }
    if ((n.tag == Tag::kP || n.tag == Tag::kLi || (n.tag >= Tag::kH2 && n.tag <= Tag::kH6)) &&
        link_density > 0.8f && s.text < 200)
      return true;
    return false;
  }

  // Short lines that open or close the text without ending a sentence are
  // labels, datelines of the page or widget titles ("Advertisement",
  // "Related Tags", "Updated 3 hours ago"), not article prose.
  static bool IsLabel(std::string_view para, bool at_end) {
    if (para.size() > 90) return false;
    size_t words = 1;
    for (char c : para) words += c == ' ';
    if (words > 8) return false;
    const char last = para.back();
    if (at_end && last == ':') return true;  // introduces something that is not there
    if (last == '.' || last == '!' || last == '?' || last == '"' || last == ':' || last == ')') return false;
    // A sentence or quotation may also end in a closing quote of any
    // language (” “ ’ » «) or a full stop of Chinese or Japanese. (Not an
    // ellipsis: "You might also like…" trails off into a list.)
    for (std::string_view end : {"\u201D", "\u201C", "\u2019", "\u00BB", "\u00AB", "\u3002", "\uFF01", "\uFF1F"})
      if (para.size() >= end.size() && para.substr(para.size() - end.size()) == end) return false;
    return true;
  }

  void TrimEdges() {
    while (!out_.empty()) {
      const size_t end = out_.find("\n\n");
      if (end == std::string::npos || !IsLabel(std::string_view(out_).substr(0, end), false)) break;
      out_.erase(0, end + 2);
    }
    while (!out_.empty()) {
      const size_t start = out_.rfind("\n\n");
      if (start == std::string::npos) break;
      const std::string_view last = std::string_view(out_).substr(start + 2);
      if (!IsLabel(last, true) || IsSignOff(last)) break;
      out_.erase(start);
    }
  }

  void AppendText(std::string_view t) {
    size_t k = 0;
    while (k < t.size()) {
      // A run of characters other than whitespace is appended at once.
      size_t e = k;
      while (e < t.size()) {
        const char c = t[e];
        const bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
        // U+00A0 no-break space reads as a space.
        const bool nbsp = static_cast<unsigned char>(c) == 0xC2 && e + 1 < t.size() &&
                          static_cast<unsigned char>(t[e + 1]) == 0xA0;
        if (ws || nbsp) break;
        ++e;
      }
      if (e > k) {
        if (pending_space_) {
          para_.push_back(' ');
          pending_space_ = false;
        }
        para_.append(t.data() + k, e - k);
        k = e;
        continue;
      }
      k += static_cast<unsigned char>(t[k]) == 0xC2 ? 2 : 1;  // whitespace or a no-break space
      pending_space_ = !para_.empty();
    }
  }

  void Break() {
    pending_space_ = false;
    if (para_.empty()) return;
    if (IsFurnitureParagraph(para_)) {
      para_.clear();
      return;
    }
    if (out_.size() < max_bytes_) {
      if (!out_.empty()) out_.append("\n\n");
      out_.append(para_);
    }
    para_.clear();
  }
  void Flush() { Break(); }

  const Document& doc_;
  size_t max_bytes_;
  std::vector<Stats> st_;
  std::string out_;
  std::string para_;
  bool pending_space_ = false;
  bool keep_links_ = false;  // DropBlock keeps blocks of links
};

}  // namespace

std::string ExtractHtmlBody(const html::Document& doc, std::size_t max_bytes) {
  BodyExtractor ex(doc, max_bytes);
  return ex.Run();
}

}  // namespace attache::extract
