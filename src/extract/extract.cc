// Extract stage entry point: decides HTML or page text, then hands over.
#include "attache/extract.h"
#include "encoding/encoding.h"

namespace attache {

Result<Article> Extract(const RawDocument& doc, const ExtractLimits& limits) {
  (void)limits;
  if (doc.body.empty()) return Status::Empty("empty page");
  Article a;
  a.source = doc.source;
  if (!doc.url.empty()) a.url = doc.url;
  a.text = encoding::ToUtf8(doc.body, encoding::DetectCharset(doc.body, doc.http_charset, false));
  return a;
}

}  // namespace attache
