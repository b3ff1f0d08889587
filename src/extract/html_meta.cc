// Article metadata from what an HTML page declares, then from what it shows.
//
// One pass over the tree collects the declarations (meta tags, JSON-LD
// scripts, <title>, <html lang>) and the candidate elements (h1, <time>,
// bylines, date lines); the fields are then decided in order of trust.
// JSON-LD is read in html_jsonld.cc, bylines in html_authors.cc, titles
// against site names in html_title.cc.
#include "extract/html_meta.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/dates.h"
#include "extract/html_authors.h"
#include "extract/html_jsonld.h"
#include "extract/html_meta_text.h"
#include "extract/html_title.h"
#include "extract/text_dates.h"
#include "extract/text_title.h"

namespace attache::extract {

using namespace meta;  // NOLINT: this reader's own helpers

namespace {

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
  const JsonLd ld = ParseJsonLd(doc, c.ld_scripts);

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
  if (text::IsTitleFurniture(title)) title.clear();  // widgets and timestamps never become titles
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
      if (t.empty() || text::IsTitleFurniture(t)) continue;
      if (page_title.empty() || Overlap(t, page_title) >= 0.6 || Overlap(page_title, t) >= 0.8) {
        title = t;
        main_h1 = h;
        break;
      }
    }
  }
  if (title.empty() && !text::IsTitleFurniture(stripped_page_title)) title = stripped_page_title;
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
  // What the page declares (JSON-LD, meta tags, itemprop) is trusted; what
  // it only shows (<time>, date lines) may be a sidebar's or a stale widget's.
  const bool declared = published.has_value();
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
  // The address's date beats a shown date more than a day from it (a time
  // zone apart is the same publication), and stands in for a missing one.
  if (out->url && (!published || !declared)) {
    if (std::optional<std::string> address = text::UrlDate(*out->url)) {
      if (!published || text::DaysApart(*published, *address) > 1) published = address;
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
