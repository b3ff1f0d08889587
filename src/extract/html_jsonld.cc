// JSON-LD of an HTML page: scripts parsed with depth and size limits, article
// objects indexed and ranked.
#include "extract/html_jsonld.h"

#include <algorithm>

namespace attache::extract::meta {

namespace {

constexpr std::size_t kMaxJsonLdBytes = 2u << 20;
constexpr int kMaxJsonLdDepth = 64;
constexpr std::size_t kMaxJsonLdNodes = 200000;

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

}  // namespace

JsonLd ParseJsonLd(const Document& doc, const std::vector<uint32_t>& scripts) {
  JsonLd ld;
  std::string prepared;
  for (uint32_t script : scripts) {
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
std::string LdString(const JsonLd& ld, const char* key, int max_rank) {
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

}  // namespace attache::extract::meta
