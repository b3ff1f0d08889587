// The body extractor's reading of class and id names: furniture words and
// infixes, content words and strong content markers, and qualifier words
// that take a furniture word back ("with-sidebar").
#include "extract/html_body_names.h"

#include <algorithm>
#include <array>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace attache::extract::body {

namespace {

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

}  // namespace

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

}  // namespace attache::extract::body
