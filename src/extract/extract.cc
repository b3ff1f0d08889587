// Extract stage entry point: decides HTML or page text, then hands over.
#include "attache/extract.h"

#include <cctype>

#include <nlohmann/json.hpp>

#include "encoding/encoding.h"
#include "extract/dates.h"
#include "extract/html_body.h"
#include "extract/html_meta.h"
#include "extract/jsonld_body.h"
#include "extract/lang.h"
#include "extract/text_page.h"
#include "html/html.h"

namespace attache {

namespace {

// Markup when the first non-blank character opens a tag, or tags are dense
// near the start.
bool LooksLikeHtml(std::string_view s) {
  size_t i = 0;
  if (s.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')) ++i;
  if (i < s.size() && s[i] == '<') return true;
  const std::string_view head = s.substr(0, 4096);
  size_t tags = 0;
  for (size_t k = 0; k + 1 < head.size(); ++k)
    if (head[k] == '<' && (std::isalpha(static_cast<unsigned char>(head[k + 1])) || head[k + 1] == '/')) ++tags;
  return tags >= 8;
}

// Below this many bytes, a body from the markup is thin enough to look for
// one the page declares.
constexpr size_t kThinBody = 300;

// The headline repeated as the body's first paragraph is not body text. (A
// deck or standfirst is: it stays in the text and is also the subtitle.)
void DropLeadingRepeats(Article* a) {
  for (int round = 0; round < 2; ++round) {
    const size_t end = a->text.find("\n\n");
    const std::string_view first = std::string_view(a->text).substr(0, end);
    if (first.empty()) return;
    if (a->title && first == *a->title) {
      a->text.erase(0, end == std::string::npos ? std::string::npos : end + 2);
    } else {
      return;
    }
  }
}

// A JSON-lines record's own metadata (title, subtitle, published, outlet,
// authors, section, lang, views) is the article's: it overrides what the
// page says, and leaves the record's other fields, so that no key is written
// twice. A value of the wrong type, or a date that cannot be read, is
// dropped: the contract field keeps its meaning and its one place.
void TakeRecordMetadata(Article* a) {
  if (a->extra_json.empty()) return;
  nlohmann::json j = nlohmann::json::parse(a->extra_json, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return;
  auto take_string = [&](const char* key, std::optional<std::string>* field, bool is_date) {
    auto it = j.find(key);
    if (it == j.end()) return;
    if (it->is_null()) {
      j.erase(it);
      return;
    }
    if (it->is_string()) {
      const std::string v = it->get<std::string>();
      if (is_date) {
        if (auto d = extract::NormalizeDate(v)) *field = *d;
      } else if (!v.empty()) {
        *field = v;
      }
    }
    j.erase(key);
  };
  take_string("title", &a->title, false);
  take_string("subtitle", &a->subtitle, false);
  take_string("published", &a->published, true);
  take_string("outlet", &a->outlet, false);
  take_string("section", &a->section, false);
  take_string("lang", &a->lang, false);
  if (auto it = j.find("authors"); it != j.end()) {
    if (it->is_array()) {
      std::vector<std::string> authors;
      for (const auto& x : *it)
        if (x.is_string()) authors.push_back(x.get<std::string>());
      a->authors = std::move(authors);
    }
    j.erase(it);
  }
  if (auto it = j.find("views"); it != j.end()) {
    if (it->is_number_integer()) a->views = it->get<int64_t>();
    j.erase(it);
  }
  for (const char* key : {"source", "url", "text"}) j.erase(key);  // the contract's own
  a->extra_json = j.empty() ? std::string() : j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

Result<Article> Extract(const RawDocument& doc, const ExtractLimits& limits) {
  if (doc.body.empty()) return Status::Empty("empty page");
  Article a;
  a.source = doc.source;
  if (!doc.url.empty()) a.url = doc.url;
  a.extra_json = doc.extra_json;
  const bool is_html = doc.kind == ContentKind::kHtml || (doc.kind == ContentKind::kUnknown && LooksLikeHtml(doc.body));
  std::string converted;  // holds the text only when it is not doc.body as it is
  const std::string_view utf8 =
      encoding::ToUtf8View(doc.body, encoding::DetectCharset(doc.body, doc.http_charset, is_html), &converted);
  if (is_html) {
    html::ParseOptions po;
    po.max_depth = limits.max_depth;
    const html::Document tree = html::Parse(utf8, po);
    extract::ExtractHtmlMetadata(tree, &a);
    a.text = extract::ExtractHtmlBody(tree, limits.max_output_bytes);
    // Pages whose text is drawn by scripts may still declare it.
    if (a.text.size() < kThinBody) {
      std::string declared = extract::JsonLdArticleBody(tree);
      if (declared.size() > a.text.size() * 2 && declared.size() <= limits.max_output_bytes) a.text = std::move(declared);
    }
    if (a.text.size() < kThinBody) {
      // A how-to declared with its steps (the steps drawn by scripts).
      const std::string howto = extract::JsonLdHowToMarkup(tree);
      if (howto.size() > a.text.size() * 2) {
        std::string declared = extract::ExtractHtmlBody(html::Parse(howto, po), limits.max_output_bytes);
        if (declared.size() > a.text.size() * 2) a.text = std::move(declared);
      }
    }
    if (a.text.size() < kThinBody) {
      // Markup kept for scripts to insert: <script type="text/template"> and
      // <noscript> hold HTML as raw text.
      std::string inner;
      for (uint32_t i = 0; i != html::kNone; i = tree.Next(i)) {
        const html::Node& n = tree.node(i);
        const bool holds_markup =
            n.tag == html::Tag::kNoscript ||
            (n.tag == html::Tag::kScript && tree.attr(n, "type").find("template") != std::string_view::npos);
        if (holds_markup && inner.size() < utf8.size()) inner += tree.InnerText(i, utf8.size());
      }
      if (!inner.empty()) {
        std::string second = extract::ExtractHtmlBody(html::Parse(inner, po), limits.max_output_bytes);
        if (second.size() > a.text.size() * 2) a.text = std::move(second);
      }
    }
    DropLeadingRepeats(&a);
  } else {
    extract::ExtractPageText(utf8, limits, &a);
  }
  TakeRecordMetadata(&a);
  if (a.text.empty() && !a.title) return Status::Empty("no article text found");
  // What the page declares (<html lang>) wins; otherwise the text decides.
  if (!a.lang) {
    std::string guess = extract::GuessLanguage(a.text);
    if (!guess.empty()) a.lang = std::move(guess);
  }
  return a;
}

}  // namespace attache
