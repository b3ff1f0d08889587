// Article metadata from what an HTML page declares, then from what it shows.
//
// One pass over the tree collects the declarations (meta tags, JSON-LD
// scripts, <title>, <html lang>) and the candidate elements (h1, <time>,
// bylines, date lines); the fields are then decided in order of trust.
#include "extract/html_meta.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/dates.h"

namespace attache::extract {
namespace {

using html::Document;
using html::kNone;
using html::Node;
using html::Tag;
using Json = nlohmann::json;

constexpr std::size_t kMaxValueBytes = 1000;
constexpr std::size_t kMaxJsonLdBytes = 2u << 20;
constexpr int kMaxJsonLdDepth = 64;
constexpr std::size_t kMaxJsonLdNodes = 200000;
constexpr std::size_t kMaxAuthors = 10;
constexpr std::size_t kMaxParentWalk = 1024;

// ---- Text helpers ----

bool IsAsciiSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

bool ContainsIgnoreCase(std::string_view s, std::string_view needle) {
  if (needle.empty()) return true;
  if (s.size() < needle.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= s.size(); ++i) {
    if (EqualsIgnoreCase(s.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

// Length in bytes of a Unicode space (or zero-width character) at s[i], 0
// when there is none. Covers NBSP, U+2000..U+200B, U+202F, U+205F, U+3000,
// U+2028/9, U+FEFF.
std::size_t UnicodeSpaceAt(std::string_view s, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (IsAsciiSpace(c)) return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (i + 2 < s.size()) {
    unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    unsigned char c2 = static_cast<unsigned char>(s[i + 2]);
    if (c == 0xE2 && c1 == 0x80 && (c2 <= 0x8B || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF)) return 3;
    if (c == 0xE2 && c1 == 0x81 && c2 == 0x9F) return 3;
    if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) return 3;
    if (c == 0xEF && c1 == 0xBB && c2 == 0xBF) return 3;
  }
  return 0;
}

// Cuts `s` to at most `max` bytes without splitting a UTF-8 sequence.
void TruncateUtf8(std::string* s, std::size_t max) {
  if (s->size() <= max) return;
  std::size_t n = max;
  while (n > 0 && (static_cast<unsigned char>((*s)[n]) & 0xC0) == 0x80) --n;
  s->resize(n);
  while (!s->empty() && s->back() == ' ') s->pop_back();
}

// Collapses runs of whitespace to one space, trims, caps the length.
std::string CleanText(std::string_view s, std::size_t max = kMaxValueBytes) {
  std::string out;
  out.reserve(std::min(s.size(), max + 8));
  bool pending_space = false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t sp = UnicodeSpaceAt(s, i);
    if (sp) {
      pending_space = !out.empty();
      i += sp;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(s[i]);
    ++i;
    if (out.size() > max + 4) break;
  }
  TruncateUtf8(&out, max);
  return out;
}

// For values that may still hold markup or character references (JSON-LD):
// drops tags, decodes references, cleans.
std::string CleanMarkupText(std::string_view s) {
  if (s.size() > 16 * kMaxValueBytes) s = s.substr(0, 16 * kMaxValueBytes);
  std::string no_tags;
  if (s.find('<') != std::string_view::npos) {
    bool in_tag = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (!in_tag && c == '<' && i + 1 < s.size() &&
          (std::isalpha(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '/' || s[i + 1] == '!')) {
        in_tag = true;
        no_tags.push_back(' ');
      } else if (in_tag && c == '>') {
        in_tag = false;
      } else if (!in_tag) {
        no_tags.push_back(c);
      }
    }
    s = no_tags;
  }
  if (s.find('&') != std::string_view::npos) {
    std::string decoded;
    html::AppendDecoded(s, false, &decoded);
    return CleanText(decoded);
  }
  return CleanText(s);
}

bool LooksLikeUrl(std::string_view s) {
  return StartsWithIgnoreCase(s, "http://") || StartsWithIgnoreCase(s, "https://") ||
         StartsWithIgnoreCase(s, "www.") || StartsWithIgnoreCase(s, "//") ||
         (s.find('/') != std::string_view::npos && s.find(' ') == std::string_view::npos);
}

// Lower-case ASCII alphanumeric words (non-ASCII bytes kept as word bytes).
std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      cur.push_back(AsciiLower(c));
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

std::size_t CountWords(std::string_view s) { return Words(s).size(); }

// Same words, ignoring case and punctuation.
bool SameWords(std::string_view a, std::string_view b) {
  std::vector<std::string> wa = Words(a), wb = Words(b);
  return !wa.empty() && wa == wb;
}

// ---- Tree helpers ----

bool IsInlineTag(Tag t) {
  switch (t) {
    case Tag::kA: case Tag::kAbbr: case Tag::kB: case Tag::kCite: case Tag::kCode: case Tag::kEm:
    case Tag::kFont: case Tag::kI: case Tag::kMark: case Tag::kQ: case Tag::kS: case Tag::kSmall:
    case Tag::kSpan: case Tag::kStrong: case Tag::kSub: case Tag::kSup: case Tag::kTime:
    case Tag::kU: case Tag::kTt: case Tag::kKbd: case Tag::kVar: case Tag::kDel: case Tag::kIns:
    case Tag::kText:
      return true;
    default:
      return false;
  }
}

bool IsHiddenTag(Tag t) {
  return t == Tag::kScript || t == Tag::kStyle || t == Tag::kNoscript || t == Tag::kTemplate ||
         t == Tag::kSvg || t == Tag::kMath || t == Tag::kSelect || t == Tag::kButton;
}

// Visible text of a subtree, with a space at block and <br> boundaries, cleaned.
std::string ElementText(const Document& doc, uint32_t i, std::size_t max_bytes = kMaxValueBytes) {
  std::string out;
  const uint32_t stop = doc.Next(i, true);
  for (uint32_t j = i; j != kNone && j != stop;) {
    const Node& n = doc.node(j);
    if (n.is_text()) {
      out.append(doc.text(n));
      if (out.size() > 4 * max_bytes) break;
    } else if (j != i) {
      if (IsHiddenTag(n.tag)) {
        j = doc.Next(j, true);
        continue;
      }
      if (!IsInlineTag(n.tag)) out.push_back(' ');
    }
    j = doc.Next(j);
  }
  return CleanText(out, max_bytes);
}

bool IsAncestor(const Document& doc, uint32_t ancestor, uint32_t node) {
  if (ancestor == 0) return true;
  uint32_t cur = node;
  for (std::size_t steps = 0; cur != kNone && steps < kMaxParentWalk; ++steps) {
    if (cur == ancestor) return true;
    cur = doc.node(cur).parent;
  }
  return false;
}

// True when some class token (or the id) of `n` contains one of `needles`.
// `lower_names` is the element's class and id, lower-cased and joined by a
// space (NamesOf); `needles` are lower case.
bool NamesContain(std::string_view lower_names, std::initializer_list<std::string_view> needles) {
  if (lower_names.empty()) return false;
  for (std::string_view needle : needles)
    if (lower_names.find(needle) != std::string_view::npos) return true;
  return false;
}

std::string NamesOf(const Document& doc, const Node& n) {
  std::string_view cls = doc.attr(n, "class");
  std::string_view id = doc.attr(n, "id");
  if (cls.empty() && id.empty()) return {};
  std::string out = Lower(cls);
  out.push_back(' ');
  out += Lower(id);
  return out;
}

bool ClassOrIdContains(const Document& doc, const Node& n, std::initializer_list<std::string_view> needles) {
  if (n.attr_count == 0) return false;
  return NamesContain(NamesOf(doc, n), needles);
}

// ---- Collected declarations ----

struct MetaTag {
  std::string key;  // lower-case name / property / itemprop / http-equiv
  std::string content;
};

struct Collected {
  std::vector<MetaTag> metas;
  uint32_t title_node = kNone;
  std::string html_lang;
  std::vector<uint32_t> ld_scripts;
  std::vector<uint32_t> h1s;
  std::vector<uint32_t> articles;  // <article>
  std::vector<uint32_t> mains;     // <main>, role=main
  std::vector<uint32_t> times;     // <time>
  std::vector<uint32_t> date_props;    // itemprop=datePublished (not meta)
  std::vector<uint32_t> strong_authors;  // rel=author, itemprop=author
  std::vector<uint32_t> class_authors;   // class/id author, byline
  std::vector<uint32_t> date_lines;      // class/id date, time, publish(ed), posted, dateline
};

std::string_view FirstMeta(const Collected& c, std::string_view key) {
  for (const MetaTag& m : c.metas) {
    if (m.key == key && !m.content.empty()) return m.content;
  }
  return {};
}

bool IsAuthorClassCandidate(std::string_view lower_names) {
  if (!NamesContain(lower_names, {"author", "byline"})) return false;
  return !NamesContain(lower_names, {"bio", "avatar", "image", "img", "photo", "pic", "social", "desc", "about",
                                     "follow", "more", "twitter", "email", "thumb", "icon", "title-"});
}

// The comment area of a blog or news page ("#comments", "#respond",
// ".comments-area"): judged by whole class tokens, not substrings.
bool IsCommentSection(const Document& doc, const Node& n) {
  if (n.tag == Tag::kBody || n.tag == Tag::kHtml || n.tag == Tag::kArticle || n.tag == Tag::kMain) return false;
  std::string id = Lower(doc.attr(n, "id"));
  if (id.rfind("comments", 0) == 0 || id == "respond" || id == "disqus_thread") return true;
  std::string_view cls = doc.attr(n, "class");
  std::size_t i = 0;
  while (i < cls.size()) {
    std::size_t j = cls.find_first_of(" \t\n\r\f", i);
    if (j == std::string_view::npos) j = cls.size();
    std::string tok = Lower(cls.substr(i, j - i));
    if (tok == "comments" || tok == "comments-area" || tok == "comment-respond" || tok == "comment-form" ||
        tok == "comment-list" || tok == "commentlist") {
      return true;
    }
    i = j + 1;
  }
  return false;
}

Collected Collect(const Document& doc) {
  Collected c;
  for (uint32_t i = 0; i != kNone && i < doc.size();) {
    const Node& n = doc.node(i);
    if (n.is_text()) {
      i = doc.Next(i);
      continue;
    }
    switch (n.tag) {
      case Tag::kHtml:
        if (c.html_lang.empty()) c.html_lang = std::string(doc.attr(n, "lang"));
        if (c.html_lang.empty()) c.html_lang = std::string(doc.attr(n, "xml:lang"));
        break;
      case Tag::kMeta: {
        std::string_view content = doc.attr(n, "content");
        for (std::string_view a : {"property", "name", "itemprop", "http-equiv"}) {
          std::string_view key = doc.attr(n, a);
          if (!key.empty() && key.size() < 100) {
            c.metas.push_back({Lower(CleanText(key, 100)), CleanText(content)});
          }
        }
        break;
      }
      case Tag::kTitle:
        if (c.title_node == kNone) c.title_node = i;
        break;
      case Tag::kScript: {
        std::string type = Lower(CleanText(doc.attr(n, "type"), 100));
        if (type.rfind("application/ld+json", 0) == 0) c.ld_scripts.push_back(i);
        i = doc.Next(i, true);
        continue;
      }
      case Tag::kStyle: case Tag::kTemplate: case Tag::kSvg:
        i = doc.Next(i, true);
        continue;
      case Tag::kH1:
        c.h1s.push_back(i);
        break;
      case Tag::kArticle:
        c.articles.push_back(i);
        break;
      case Tag::kMain:
        c.mains.push_back(i);
        break;
      case Tag::kTime:
        c.times.push_back(i);
        break;
      default:
        break;
    }
    if (n.tag != Tag::kMain && EqualsIgnoreCase(doc.attr(n, "role"), "main")) c.mains.push_back(i);
    std::string_view itemprop = doc.attr(n, "itemprop");
    if (n.tag != Tag::kMeta && ContainsIgnoreCase(itemprop, "datePublished")) c.date_props.push_back(i);
    // Class and id, lower-cased once for the checks below.
    const std::string names = n.attr_count ? NamesOf(doc, n) : std::string();
    const bool form_like = n.tag == Tag::kForm || n.tag == Tag::kLabel || n.tag == Tag::kInput ||
                           n.tag == Tag::kTextarea || n.tag == Tag::kButton || n.tag == Tag::kSelect ||
                           NamesContain(names, {"comment", "reply", "respond"});
    // (Not every <form>: some frameworks wrap the whole page in one.)
    if (IsCommentSection(doc, n)) {
      // Comment sections and forms hold commenters and input labels, not bylines.
      i = doc.Next(i, true);
      continue;
    }
    if (form_like) {
    } else if (ContainsIgnoreCase(doc.attr(n, "rel"), "author") ||
        (ContainsIgnoreCase(itemprop, "author") || ContainsIgnoreCase(itemprop, "creator"))) {
      c.strong_authors.push_back(i);
    } else if (n.tag != Tag::kBody && n.tag != Tag::kHtml && n.tag != Tag::kArticle &&
               n.tag != Tag::kMeta && IsAuthorClassCandidate(names)) {
      c.class_authors.push_back(i);
    }
    if (n.tag != Tag::kBody && n.tag != Tag::kHtml && n.tag != Tag::kArticle && n.tag != Tag::kMain &&
        NamesContain(names, {"date", "time", "publish", "posted", "byline", "meta"}) &&
        !NamesContain(names, {"update", "modif"})) {
      c.date_lines.push_back(i);
    }
    i = doc.Next(i);
  }
  return c;
}

// ---- JSON-LD ----

// Prepares a JSON-LD script text for parsing: strips comment/CDATA wrappers,
// turns raw control characters inside strings into spaces (a common
// publisher error), and rejects nesting deeper than kMaxJsonLdDepth so that
// the recursive parser stays shallow.
bool PrepareJsonLd(std::string_view raw, std::string* out) {
  std::string_view s = raw;
  auto trim = [&s] {
    while (!s.empty() && IsAsciiSpace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && IsAsciiSpace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  };
  trim();
  for (std::string_view p : {"<!--", "//<![CDATA[", "<![CDATA["}) {
    if (s.substr(0, p.size()) == p) { s.remove_prefix(p.size()); trim(); }
  }
  for (std::string_view p : {"-->", "//]]>", "]]>"}) {
    if (s.size() >= p.size() && s.substr(s.size() - p.size()) == p) { s.remove_suffix(p.size()); trim(); }
  }
  if (s.empty()) return false;
  out->clear();
  out->reserve(s.size());
  int depth = 0;
  bool in_string = false, escaped = false;
  for (char c : s) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        c = ' ';
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > kMaxJsonLdDepth) return false;
    } else if (c == '}' || c == ']') {
      if (depth > 0) --depth;
    }
    out->push_back(c);
  }
  return true;
}

std::string TypeName(std::string_view t) {
  for (std::string_view p : {"http://schema.org/", "https://schema.org/", "schema:"}) {
    if (t.substr(0, p.size()) == p) t.remove_prefix(p.size());
  }
  return std::string(t);
}

// 0: news article, 1: other article, 2: web page, -1: not an article.
int ArticleRank(std::string_view type) {
  if (type.find("NewsArticle") != std::string_view::npos) return 0;
  static constexpr std::string_view kArticles[] = {
      "Article", "BlogPosting", "LiveBlogPosting", "Report", "ScholarlyArticle", "TechArticle",
      "SatiricalArticle", "AdvertiserContentArticle", "SocialMediaPosting", "DiscussionForumPosting",
      "OpinionArticle", "AnalysisArticle"};
  for (std::string_view a : kArticles) {
    if (type == a) return 1;
  }
  if (type == "WebPage" || type == "ItemPage" || (type.size() > 4 && type.substr(type.size() - 4) == "Page")) return 2;
  return -1;
}

struct JsonLd {
  std::deque<Json> docs;  // stable addresses
  std::vector<std::pair<int, const Json*>> articles;  // (rank, object), ranked later
  std::unordered_map<std::string, const Json*> by_id;
  std::string org_name;      // first NewsMediaOrganization / Organization name
  std::string website_name;  // first WebSite name
};

const Json* Field(const Json* obj, const char* key) {
  if (obj == nullptr || !obj->is_object()) return nullptr;
  auto it = obj->find(key);
  if (it == obj->end()) return nullptr;
  return &*it;
}

std::string StringOf(const Json* v) {
  if (v == nullptr) return {};
  if (v->is_string()) return CleanMarkupText(v->get_ref<const std::string&>());
  if (v->is_array()) {
    for (const Json& e : *v) {
      if (e.is_string()) {
        std::string s = CleanMarkupText(e.get_ref<const std::string&>());
        if (!s.empty()) return s;
      }
    }
  }
  if (v->is_object()) {
    // {"@value": "..."}
    return StringOf(Field(v, "@value"));
  }
  return {};
}

const Json* Resolve(const JsonLd& ld, const Json* v) {
  if (v == nullptr || !v->is_object()) return v;
  if (v->size() <= 2) {
    const Json* id = Field(v, "@id");
    if (id != nullptr && id->is_string() && Field(v, "name") == nullptr) {
      auto it = ld.by_id.find(id->get_ref<const std::string&>());
      if (it != ld.by_id.end()) return it->second;
    }
  }
  return v;
}

std::vector<std::string> TypesOf(const Json& obj) {
  std::vector<std::string> types;
  const Json* t = Field(&obj, "@type");
  if (t == nullptr) return types;
  if (t->is_string()) {
    types.push_back(TypeName(t->get_ref<const std::string&>()));
  } else if (t->is_array()) {
    for (const Json& e : *t) {
      if (e.is_string() && types.size() < 8) types.push_back(TypeName(e.get_ref<const std::string&>()));
    }
  }
  return types;
}

void IndexJsonLd(JsonLd* ld, const Json& root) {
  std::vector<const Json*> stack{&root};
  std::size_t visited = 0;
  while (!stack.empty() && visited < kMaxJsonLdNodes) {
    const Json* v = stack.back();
    stack.pop_back();
    ++visited;
    if (v->is_array()) {
      for (auto it = v->rbegin(); it != v->rend(); ++it) {
        if (it->is_structured()) stack.push_back(&*it);
      }
      continue;
    }
    if (!v->is_object()) continue;
    const Json* id = Field(v, "@id");
    if (id != nullptr && id->is_string() && v->size() > 2) ld->by_id.emplace(id->get_ref<const std::string&>(), v);
    int rank = -1;
    for (const std::string& t : TypesOf(*v)) {
      int r = ArticleRank(t);
      if (r >= 0 && (rank < 0 || r < rank)) rank = r;
      if (ld->org_name.empty() && (t == "NewsMediaOrganization" || t == "Organization")) {
        ld->org_name = StringOf(Field(v, "name"));
      }
      if (ld->website_name.empty() && t == "WebSite") ld->website_name = StringOf(Field(v, "name"));
    }
    if (rank >= 0) ld->articles.emplace_back(rank, v);
    // Children in document order.
    std::vector<const Json*> kids;
    for (auto it = v->begin(); it != v->end(); ++it) {
      if (it->is_structured()) kids.push_back(&*it);
    }
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
  }
}

JsonLd ParseJsonLd(const Document& doc, const Collected& c) {
  JsonLd ld;
  std::string prepared;
  for (uint32_t script : c.ld_scripts) {
    if (ld.docs.size() >= 32) break;
    std::string raw = doc.InnerText(script, kMaxJsonLdBytes + 1);
    if (raw.size() > kMaxJsonLdBytes) continue;
    if (!PrepareJsonLd(raw, &prepared)) continue;
    try {
      Json j = Json::parse(prepared, nullptr, false);
      if (j.is_discarded() || !j.is_structured()) continue;
      ld.docs.push_back(std::move(j));
      IndexJsonLd(&ld, ld.docs.back());
    } catch (...) {
      // Defensive: the non-throwing parse should not throw; drop the script.
    }
  }
  std::stable_sort(ld.articles.begin(), ld.articles.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  return ld;
}

// The first article-like object (best rank first) with a usable `key`.
std::string LdString(const JsonLd& ld, const char* key, int max_rank = 2) {
  for (const auto& [rank, obj] : ld.articles) {
    if (rank > max_rank) break;
    std::string s = StringOf(Field(obj, key));
    if (!s.empty()) return s;
  }
  return {};
}

std::string NameOf(const JsonLd& ld, const Json* v) {
  v = Resolve(ld, v);
  if (v == nullptr) return {};
  if (v->is_string()) return CleanMarkupText(v->get_ref<const std::string&>());
  if (v->is_object()) {
    std::string name = StringOf(Field(v, "name"));
    if (name.empty()) {
      std::string given = StringOf(Field(v, "givenName"));
      std::string family = StringOf(Field(v, "familyName"));
      name = CleanText(given + " " + family);
    }
    return name;
  }
  if (v->is_array()) {
    for (const Json& e : *v) {
      std::string s = NameOf(ld, &e);  // one level: arrays of arrays are not followed
      if (!s.empty()) return s;
    }
  }
  return {};
}

std::string LdPublisher(const JsonLd& ld) {
  for (const auto& [rank, obj] : ld.articles) {
    const Json* p = Field(obj, "publisher");
    if (p == nullptr) continue;
    std::string name = p->is_array() ? (p->empty() ? std::string() : NameOf(ld, &(*p)[0])) : NameOf(ld, p);
    if (!name.empty() && !LooksLikeUrl(name)) return name;
  }
  return {};
}

// Author names with whether each came from a Person/Organization object
// (one entity, not to be split on "and").
std::vector<std::pair<std::string, bool>> LdAuthorNames(const JsonLd& ld) {
  std::vector<std::pair<std::string, bool>> names;
  for (const auto& [rank, obj] : ld.articles) {
    if (rank > 1) break;
    const Json* a = Field(obj, "author");
    if (a == nullptr) a = Field(obj, "creator");
    if (a == nullptr) continue;
    if (a->is_array()) {
      for (const Json& e : *a) {
        if (names.size() >= 4 * kMaxAuthors) break;
        if (e.is_array()) continue;
        std::string n = NameOf(ld, &e);
        if (!n.empty()) names.emplace_back(std::move(n), !e.is_string());
      }
    } else {
      std::string n = NameOf(ld, a);
      if (!n.empty()) names.emplace_back(std::move(n), !a->is_string());
    }
    if (!names.empty()) break;
  }
  return names;
}

// ---- Authors ----

bool MatchesSite(std::string_view part, std::string_view site);

// Words that make a byline piece a job title rather than a name.
bool IsStrongRoleWord(std::string_view w) {
  static constexpr std::string_view kRoles[] = {
      "writer", "reporter", "editor", "correspondent", "contributor", "columnist", "producer",
      "journalist", "staff", "large", "bureau", "intern", "freelance", "redaktion", "redakteur"};
  for (std::string_view r : kRoles) {
    if (w == r) return true;
  }
  return false;
}

bool IsDateWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
      "wed", "thu", "fri", "sat", "sun", "updated", "published", "posted", "on", "at", "today",
      "yesterday"};
  std::string l = Lower(w);
  for (std::string_view k : kWords) {
    if (l == k) return true;
  }
  return false;
}

bool ContainsDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsRoleWord(std::string_view w) {
  static constexpr std::string_view kRoles[] = {
      "staff", "writer", "reporter", "editor", "correspondent", "contributor", "senior", "chief",
      "political", "columnist", "journalist", "producer", "digital", "news", "desk", "team",
      "associate", "contributing", "special", "national", "international", "managing", "deputy",
      "business", "sports", "science", "health", "the", "for", "and", "of", "updated",
      "published", "posted", "share", "follow", "comments", "comment", "read", "min", "more",
      "email", "facebook", "twitter", "linkedin", "print", "author", "authors", "by", "view",
      "all", "articles", "posts", "photo", "photos", "video", "wire",
      "services", "service", "name", "required", "on", "at", "in"};
  for (std::string_view r : kRoles) {
    if (w == r) return true;
  }
  return false;
}

// Strips a leading "By", "Written by", "Author:" and kin.
std::string_view StripByPrefix(std::string_view s) {
  static constexpr std::string_view kPrefixes[] = {
      "written by", "posted by", "words by", "story by", "reported by", "analysis by",
      "opinion by", "commentary by", "review by", "text by", "interview by", "authors:", "author:",
      "by:", "by", "von", "par", "por", "door", "di", "автор:", "автор"};
  for (int round = 0; round < 2; ++round) {
    for (std::string_view p : kPrefixes) {
      if (StartsWithIgnoreCase(s, p) &&
          (p.back() == ':' || s.size() == p.size() || s[p.size()] == ' ' || s[p.size()] == ':')) {
        s.remove_prefix(p.size());
        while (!s.empty() && (s.front() == ' ' || s.front() == ':')) s.remove_prefix(1);
        break;
      }
    }
  }
  return s;
}

// Adds the person names in a byline text to `names`. With `split_and`, "A
// and B" is two people; a name from a structured declaration is one entity.
// Pieces after the first that name the outlet or a job title are dropped.
void AddAuthorNames(std::string_view text, bool split_and, std::string_view outlet,
                    std::vector<std::string>* names) {
  std::string t = CleanText(text, 400);
  if (t.empty()) return;
  // Cut at separators that start another piece of the byline (a date, a
  // role); keep the piece with "By" if there is one, else the first.
  std::vector<std::string> pieces;
  {
    std::string cur;
    std::string_view s = t;
    for (std::size_t i = 0; i < s.size();) {
      std::size_t sep = 0;
      if (s[i] == '|' || s[i] == '\n' || s[i] == '/') sep = 1;
      for (std::string_view d : {"\xE2\x80\xA2", "\xC2\xB7", "\xE2\x80\x94", "\xE2\x80\x93"}) {
        if (s.substr(i, d.size()) == d) sep = d.size();
      }
      if (s.substr(i, 3) == " - ") sep = 3;
      if (sep) {
        pieces.push_back(cur);
        cur.clear();
        i += sep;
      } else {
        cur.push_back(s[i]);
        ++i;
      }
    }
    pieces.push_back(cur);
  }
  std::string_view chosen;
  for (const std::string& p : pieces) {
    std::string_view v = p;
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    if (StartsWithIgnoreCase(v, "by ") || StartsWithIgnoreCase(v, "by:")) { chosen = v; break; }
  }
  if (chosen.empty()) {
    for (const std::string& p : pieces) {
      std::string_view v = p;
      while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
      if (!v.empty() && !FindDateInText(v)) { chosen = v; break; }
    }
  }
  std::string body(StripByPrefix(chosen));
  // Split on "and", "&", ",", ";".
  std::vector<std::string> parts;
  {
    std::string cur;
    for (std::size_t i = 0; i < body.size();) {
      std::size_t sep = 0;
      if (body[i] == ',' || body[i] == ';' || (split_and && body[i] == '&')) sep = 1;
      for (std::string_view d : {" and ", " und ", " et ", " y ", " e ", " и "}) {
        if (split_and && body.size() - i >= d.size() && EqualsIgnoreCase(std::string_view(body).substr(i, d.size()), d)) sep = d.size();
      }
      if (sep) {
        parts.push_back(cur);
        cur.clear();
        i += sep;
      } else {
        cur.push_back(body[i]);
        ++i;
      }
    }
    parts.push_back(cur);
  }
  for (std::size_t part_index = 0; part_index < parts.size(); ++part_index) {
    const std::string& p = parts[part_index];
    // Drop @handles.
    std::string kept;
    {
      std::string_view sv = p;
      std::string out;
      std::size_t i = 0;
      while (i < sv.size()) {
        std::size_t j = sv.find(' ', i);
        if (j == std::string_view::npos) j = sv.size();
        std::string_view word = sv.substr(i, j - i);
        if (!word.empty() && word.front() != '@') {
          if (!out.empty()) out.push_back(' ');
          out.append(word);
        }
        i = j + 1;
      }
      kept = CleanText(out, 120);
    }
    std::string_view name = StripByPrefix(kept);
    // Trailing "Monday", "Updated" and the like leak in from date lines.
    for (int round = 0; round < 4; ++round) {
      while (!name.empty() && (name.back() == '.' || name.back() == ':' || name.back() == ' ' ||
                               name.back() == ',')) {
        name.remove_suffix(1);
      }
      std::size_t sp = name.rfind(' ');
      if (sp == std::string_view::npos || !IsDateWord(name.substr(sp + 1))) break;
      name = name.substr(0, sp);
    }
    // A bare domain ("Example.com") is the outlet, not a person.
    if (name.find(' ') == std::string_view::npos && name.find('.') != std::string_view::npos &&
        name.find('.') + 1 < name.size()) {
      continue;
    }
    if (name.size() < 2 || name.size() > 80 || ContainsDigit(name) || LooksLikeUrl(name)) continue;
    if (name.find('@') != std::string_view::npos) continue;
    std::vector<std::string> words = Words(name);
    if (words.empty() || words.size() > 6) continue;
    if (std::all_of(words.begin(), words.end(), [](const std::string& w) { return IsRoleWord(w); })) continue;
    if (part_index > 0 &&
        std::any_of(words.begin(), words.end(), [](const std::string& w) { return IsStrongRoleWord(w); })) {
      continue;
    }
    if (part_index > 0 && !outlet.empty()) {
      // "Jane Roe, CNN Business": a piece that names the outlet.
      std::vector<std::string> ow = Words(outlet);
      bool all_in_outlet = std::all_of(words.begin(), words.end(), [&](const std::string& w) {
        return std::find(ow.begin(), ow.end(), w) != ow.end();
      });
      if (all_in_outlet || MatchesSite(name, outlet) || (!ow.empty() && words[0] == ow[0])) continue;
    }
    names->emplace_back(name);
    if (names->size() >= 4 * kMaxAuthors) return;
  }
}

void DedupeAuthors(std::vector<std::string>* names) {
  std::vector<std::string> out;
  for (std::string& n : *names) {
    bool dup = false;
    for (const std::string& o : out) dup = dup || SameWords(o, n);
    if (!dup) out.push_back(std::move(n));
    if (out.size() >= kMaxAuthors) break;
  }
  *names = std::move(out);
}

// ---- Titles ----

struct Split {
  std::string_view head, tail;
};

// Splits "Headline | Site" at the last site separator; empty tail if none.
Split SplitLastSeparator(std::string_view title, bool allow_dash) {
  static constexpr std::string_view kStrong[] = {" | ", " :: ", " \xC2\xB7 ", " \xE2\x80\xA2 ", " \xC2\xAB ", " \xC2\xBB "};
  static constexpr std::string_view kDash[] = {" - ", " \xE2\x80\x94 ", " \xE2\x80\x93 "};
  std::size_t best = std::string_view::npos, best_len = 0;
  auto consider = [&](std::string_view sep) {
    std::size_t p = title.rfind(sep);
    if (p != std::string_view::npos && (best == std::string_view::npos || p > best)) {
      best = p;
      best_len = sep.size();
    }
  };
  for (std::string_view s : kStrong) consider(s);
  if (allow_dash) {
    for (std::string_view s : kDash) consider(s);
  }
  if (best == std::string_view::npos) return {title, {}};
  return {title.substr(0, best), title.substr(best + best_len)};
}

// Splits at the first separator ("Site | Headline").
Split SplitFirstSeparator(std::string_view title) {
  static constexpr std::string_view kSeps[] = {" | ", " :: ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 "};
  std::size_t best = std::string_view::npos, best_len = 0;
  for (std::string_view sep : kSeps) {
    std::size_t p = title.find(sep);
    if (p != std::string_view::npos && p < best) {
      best = p;
      best_len = sep.size();
    }
  }
  if (best == std::string_view::npos) return {title, {}};
  return {title.substr(0, best), title.substr(best + best_len)};
}

bool MatchesSite(std::string_view part, std::string_view site) {
  if (site.empty() || part.empty()) return false;
  if (SameWords(part, site)) return true;
  // "Example News" vs "example.com", "The Example" vs "Example".
  std::vector<std::string> a = Words(part), b = Words(site);
  if (a.empty() || b.empty()) return false;
  {
    std::string ja, jb;
    for (const auto& w : a) ja += w;
    for (const auto& w : b) jb += w;
    if (ja == jb) return true;
  }
  auto strip = [](std::vector<std::string>* w) {
    if (!w->empty() && (*w)[0] == "the") w->erase(w->begin());
    while (!w->empty() && (w->back() == "com" || w->back() == "org" || w->back() == "net" || w->back() == "co" ||
                           w->back() == "uk" || w->back() == "www")) {
      w->pop_back();
    }
    if (!w->empty() && (*w)[0] == "www") w->erase(w->begin());
  };
  strip(&a);
  strip(&b);
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  std::string ja, jb;
  for (const auto& w : a) ja += w;
  for (const auto& w : b) jb += w;
  return ja == jb;
}

// A title part that reads like a site's name rather than part of a headline.
bool LooksLikeSiteName(std::string_view tail, std::string_view head, bool dash) {
  std::size_t tw = CountWords(tail), hw = CountWords(head);
  if (tw == 0 || tw > 5 || tail.size() > 50 || hw < 2 || hw < tw) return false;
  if (tail.back() == '?' || tail.back() == '!') return false;
  if (dash) {
    // After a dash, only capitalised words or a domain.
    if (tail.find('.') != std::string_view::npos && tail.find(' ') == std::string_view::npos) return true;
    std::size_t i = 0;
    while (i < tail.size()) {
      std::size_t j = tail.find(' ', i);
      if (j == std::string_view::npos) j = tail.size();
      std::string_view w = tail.substr(i, j - i);
      if (!w.empty()) {
        unsigned char c = static_cast<unsigned char>(w[0]);
        if (std::islower(c)) return false;
      }
      i = j + 1;
    }
    return tw <= 4;
  }
  return true;
}

// Removes a " | Site" suffix (or "Site | " prefix) when it names `site`.
std::string StripKnownSite(std::string_view title, std::string_view site) {
  if (site.empty()) return std::string(title);
  Split last = SplitLastSeparator(title, true);
  if (!last.tail.empty() && MatchesSite(last.tail, site) && !last.head.empty()) return CleanText(last.head);
  Split first = SplitFirstSeparator(title);
  if (!first.tail.empty() && MatchesSite(first.head, site) && !first.tail.empty()) return CleanText(first.tail);
  return std::string(title);
}

// <title> to headline: strips a known site name, else a suffix that looks
// like one (reported through *suffix).
std::string StripTitleSuffix(std::string_view title, std::string_view site, std::string* suffix) {
  std::string known = StripKnownSite(title, site);
  if (known.size() != title.size()) {
    // Strip a further known-site part ("Headline | Section | Site").
    return known;
  }
  Split strong = SplitLastSeparator(title, false);
  if (!strong.tail.empty() && LooksLikeSiteName(strong.tail, strong.head, false)) {
    if (suffix) *suffix = CleanText(strong.tail);
    return CleanText(strong.head);
  }
  Split any = SplitLastSeparator(title, true);
  if (!any.tail.empty() && LooksLikeSiteName(any.tail, any.head, true)) {
    if (suffix) *suffix = CleanText(any.tail);
    return CleanText(any.head);
  }
  return std::string(title);
}

// Share of the words of `h1` that occur in `title`.
double Overlap(std::string_view h1, std::string_view title) {
  std::vector<std::string> a = Words(h1), b = Words(title);
  if (a.empty() || b.empty()) return 0;
  std::size_t hit = 0;
  for (const std::string& w : a) {
    if (std::find(b.begin(), b.end(), w) != b.end()) ++hit;
  }
  return static_cast<double>(hit) / static_cast<double>(a.size());
}

// ---- Small fields ----

std::string LangTag(std::string_view v) {
  std::string s = CleanText(v, 40);
  std::size_t cut = s.find_first_of("-_ ,;");
  if (cut != std::string::npos) s.resize(cut);
  if (s.size() < 2 || s.size() > 3) return {};
  for (char& c : s) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return {};
    c = AsciiLower(c);
  }
  return s;
}

bool IsSubtitleClass(const Document& doc, const Node& n) {
  return ClassOrIdContains(doc, n, {"subtitle", "sub-title", "subhead", "standfirst", "deck", "dek",
                                    "lead", "summary", "excerpt", "intro", "strapline"}) &&
         !ClassOrIdContains(doc, n, {"leader", "mislead", "lead-image", "lead-media", "leadimage",
                                     "lead-photo", "decker"});
}

}  // namespace

void ExtractHtmlMetadata(const html::Document& doc, Article* out) {
  if (doc.size() == 0) return;
  const Collected c = Collect(doc);
  const JsonLd ld = ParseJsonLd(doc, c);

  // Article area: the <article>/<main> holding the first h1 that lies in
  // one, else the first <article>, else <main>, else the whole page.
  uint32_t main_h1 = c.h1s.empty() ? kNone : c.h1s[0];
  uint32_t root = 0;
  for (uint32_t h : c.h1s) {
    for (uint32_t a : c.articles) {
      if (IsAncestor(doc, a, h)) { root = a; break; }
    }
    if (root == 0) {
      for (uint32_t m : c.mains) {
        if (IsAncestor(doc, m, h)) { root = m; break; }
      }
    }
    if (root != 0) { main_h1 = h; break; }
  }
  if (root == 0 && !c.articles.empty()) root = c.articles[0];
  if (root == 0 && !c.mains.empty()) root = c.mains[0];
  const uint32_t root_end = doc.Next(root, true);
  auto in_root = [&](uint32_t i) { return IsAncestor(doc, root, i); };
  // Nodes before the end of the article area (headers above it count).
  auto before_root_end = [&](uint32_t i) { return root_end == kNone || i < root_end; };

  // ---- Outlet (site name, also used to strip titles) ----
  std::string outlet;
  auto try_outlet = [&outlet](std::string_view v) {
    if (!outlet.empty()) return;
    std::string o = CleanText(v, 200);
    if (!o.empty() && o[0] == '@') o.erase(0, 1);
    if (o.empty() || LooksLikeUrl(o)) return;
    outlet = std::move(o);
  };
  try_outlet(LdPublisher(ld));
  try_outlet(FirstMeta(c, "og:site_name"));
  try_outlet(FirstMeta(c, "application-name"));
  {
    std::string_view tw = FirstMeta(c, "twitter:site");
    if (tw.find(' ') == std::string_view::npos) try_outlet(tw);
  }
  try_outlet(ld.org_name);
  try_outlet(ld.website_name);

  // ---- Section ----
  std::string section = LdString(ld, "articleSection", 1);
  if (section.empty()) section = std::string(FirstMeta(c, "article:section"));
  if (!section.empty()) out->section = section;

  // ---- Title ----
  std::string page_title = c.title_node == kNone ? std::string() : CleanText(doc.InnerText(c.title_node, 8192));
  std::string title = LdString(ld, "headline", 2);
  if (title.empty()) title = LdString(ld, "name", 1);
  if (title.empty()) title = std::string(FirstMeta(c, "og:title"));
  if (title.empty()) title = std::string(FirstMeta(c, "twitter:title"));
  if (!title.empty()) title = StripKnownSite(title, outlet);
  if (!title.empty() && !section.empty()) {
    // "Opinion | Headline": a leading part that repeats the section.
    Split first = SplitFirstSeparator(title);
    if (!first.tail.empty() && SameWords(first.head, section)) title = CleanText(first.tail);
  }
  std::string title_suffix;
  std::string stripped_page_title = page_title.empty() ? std::string() : StripTitleSuffix(page_title, outlet, &title_suffix);
  if (title.empty()) {
    // An h1 in the article area that agrees with <title>.
    for (uint32_t h : c.h1s) {
      if (!in_root(h) && root != 0) continue;
      std::string t = ElementText(doc, h);
      if (t.empty()) continue;
      if (page_title.empty() || Overlap(t, page_title) >= 0.6 || Overlap(page_title, t) >= 0.8) {
        title = t;
        main_h1 = h;
        break;
      }
    }
  }
  if (title.empty()) title = stripped_page_title;
  if (!title.empty()) out->title = title;

  if (outlet.empty() && !title_suffix.empty()) outlet = title_suffix;
  if (!outlet.empty()) out->outlet = outlet;

  // ---- Subtitle ----
  std::string subtitle = LdString(ld, "alternativeHeadline", 1);
  if (!subtitle.empty() && SameWords(subtitle, title)) subtitle.clear();
  if (subtitle.empty() && main_h1 != kNone) {
    // The next few elements after the headline.
    uint32_t j = doc.Next(main_h1, true);
    int seen = 0;
    while (j != kNone && seen < 8) {
      const Node& n = doc.node(j);
      if (n.is_text()) { j = doc.Next(j); continue; }
      if (IsHiddenTag(n.tag)) { j = doc.Next(j, true); continue; }
      ++seen;
      if (n.tag == Tag::kH1) break;
      if (IsSubtitleClass(doc, n)) {
        std::string t = ElementText(doc, j);
        if (t.size() >= 10 && !SameWords(t, title) && !FindDateInText(t)) subtitle = t;
        break;
      }
      j = doc.Next(j);
    }
  }
  if (!subtitle.empty()) out->subtitle = subtitle;

  // ---- Published ----
  std::optional<std::string> published;
  if (std::string v = LdString(ld, "datePublished", 2); !v.empty()) published = NormalizeDate(v);
  if (!published) {
    if (std::string v = LdString(ld, "dateCreated", 1); !v.empty()) published = NormalizeDate(v);
  }
  if (!published) {
    static constexpr std::string_view kDateMetas[] = {
        "article:published_time", "article:published", "og:published_time", "datepublished",
        "date", "pubdate", "publishdate", "publish-date", "publish_date", "published_time",
        "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dc.date.created",
        "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
        "cxenseparse:recs:publishtime", "originalpublicationdate", "release_date"};
    for (std::string_view key : kDateMetas) {
      std::string_view v = FirstMeta(c, key);
      if (!v.empty()) published = NormalizeDate(v);
      if (published) break;
    }
  }
  if (!published) {
    for (uint32_t i : c.date_props) {
      const Node& n = doc.node(i);
      for (std::string_view a : {"content", "datetime"}) {
        std::string_view v = doc.attr(n, a);
        if (!v.empty()) published = NormalizeDate(v);
        if (published) break;
      }
      if (!published) published = FindDateInText(ElementText(doc, i, 300));
      if (published) break;
    }
  }
  if (!published) {
    // <time datetime> in the article area: one marked as the publication
    // time first, then the first one.
    std::optional<std::string> first;
    for (uint32_t i : c.times) {
      if (!in_root(i)) continue;
      const Node& n = doc.node(i);
      std::string_view dt = doc.attr(n, "datetime");
      std::optional<std::string> v = dt.empty() ? std::nullopt : NormalizeDate(dt);
      if (!v) continue;
      bool pub_attr = false;
      doc.attr(n, "pubdate", &pub_attr);
      const Node* parent = n.parent == kNone ? nullptr : &doc.node(n.parent);
      bool marked = pub_attr || ClassOrIdContains(doc, n, {"publish", "posted", "created"}) ||
                    (parent != nullptr && ClassOrIdContains(doc, *parent, {"publish", "posted", "created"}));
      bool updated = ClassOrIdContains(doc, n, {"update", "modif"}) ||
                     (parent != nullptr && ClassOrIdContains(doc, *parent, {"update", "modif"}));
      if (marked) { published = v; break; }
      if (!first && !updated) first = v;
    }
    if (!published) published = first;
  }
  if (!published) {
    // A visible date line: in the article area first, then anywhere above its end.
    for (int pass = 0; pass < 2 && !published; ++pass) {
      for (uint32_t i : c.date_lines) {
        if (pass == 0 ? !in_root(i) : (in_root(i) || !before_root_end(i))) continue;
        std::string t = ElementText(doc, i, 300);
        if (t.empty() || t.size() >= 300) continue;
        published = FindDateInText(t);
        if (published) break;
      }
      if (!published && pass == 0) {
        for (uint32_t i : c.times) {
          if (!in_root(i)) continue;
          published = FindDateInText(ElementText(doc, i, 300));
          if (published) break;
        }
      }
    }
  }
  if (published) out->published = *published;

  // ---- Authors ----
  std::vector<std::string> authors;
  for (const auto& [n, is_object] : LdAuthorNames(ld)) AddAuthorNames(n, !is_object, outlet, &authors);
  if (authors.empty()) {
    static constexpr std::string_view kAuthorMetas[] = {
        "author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
        "dcterms.creator", "byl", "citation_author"};
    for (std::string_view key : kAuthorMetas) {
      for (const MetaTag& m : c.metas) {
        if (m.key == key && !m.content.empty() && !LooksLikeUrl(m.content)) AddAuthorNames(m.content, true, outlet, &authors);
      }
      if (!authors.empty()) break;
    }
  }
  if (authors.empty()) {
    for (int pass = 0; pass < 2 && authors.empty(); ++pass) {
      for (uint32_t i : c.strong_authors) {
        if (pass == 0 ? !in_root(i) : !before_root_end(i)) continue;
        const Node& n = doc.node(i);
        if (n.tag == Tag::kLink) continue;
        // itemprop=author with a nested itemprop=name.
        std::string name;
        const uint32_t stop = doc.Next(i, true);
        for (uint32_t j = doc.Next(i); j != kNone && j != stop; j = doc.Next(j)) {
          const Node& m = doc.node(j);
          if (!m.is_text() && EqualsIgnoreCase(doc.attr(m, "itemprop"), "name")) {
            name = m.tag == Tag::kMeta ? CleanText(doc.attr(m, "content")) : ElementText(doc, j, 200);
            break;
          }
        }
        if (name.empty() && n.tag == Tag::kMeta) name = CleanText(doc.attr(n, "content"));
        if (name.empty()) name = ElementText(doc, i, 300);
        if (!name.empty() && name.size() < 300) AddAuthorNames(name, true, outlet, &authors);
      }
      if (!authors.empty()) break;
      for (uint32_t i : c.class_authors) {
        if (pass == 0 ? !in_root(i) : !before_root_end(i)) continue;
        std::string t = ElementText(doc, i, 300);
        if (t.empty() || t.size() >= 300) continue;
        AddAuthorNames(t, true, outlet, &authors);
        if (!authors.empty()) break;
      }
    }
  }
  DedupeAuthors(&authors);
  if (!authors.empty()) out->authors = std::move(authors);


  // ---- Language ----
  std::string lang = LangTag(c.html_lang);
  if (lang.empty()) lang = LangTag(FirstMeta(c, "content-language"));
  if (lang.empty()) lang = LangTag(FirstMeta(c, "og:locale"));
  if (!lang.empty()) out->lang = lang;
}

}  // namespace attache::extract
