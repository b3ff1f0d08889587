// Extract stage entry point: decides HTML or page text, then hands over.
#include "attache/extract.h"

#include <string_view>

#include "encoding/encoding.h"
#include "extract/text_page.h"

namespace attache {
namespace {

// True when the start of `body` has tag-like structure ("<p>", "<!doctype",
// "</div>"): '<' then a letter, '!', '/' or '?', and a '>' soon after.
bool LooksLikeMarkup(std::string_view body) {
  const std::string_view head = body.substr(0, 1024);
  for (size_t i = head.find('<'); i != std::string_view::npos; i = head.find('<', i + 1)) {
    if (i + 1 >= head.size()) break;
    const char c = head[i + 1];
    const bool opener = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '!' || c == '/' || c == '?';
    if (opener && body.substr(i, 256).find('>') != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

Result<Article> Extract(const RawDocument& doc, const ExtractLimits& limits) {
  if (doc.body.empty()) return Status::Empty("empty page");
  Article a;
  a.source = doc.source;
  if (!doc.url.empty()) a.url = doc.url;
  const bool text = doc.kind == ContentKind::kText ||
                    (doc.kind == ContentKind::kUnknown && !LooksLikeMarkup(doc.body));
  const std::string utf8 =
      encoding::ToUtf8(doc.body, encoding::DetectCharset(doc.body, doc.http_charset, !text));
  if (text) {
    extract::ExtractPageText(utf8, limits, &a);
  } else {
    a.text = utf8;  // HTML extraction lands with the html stage.
  }
  return a;
}

}  // namespace attache
