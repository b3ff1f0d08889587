#include "extract/html_meta.h"

namespace attache::extract {

void ExtractHtmlMetadata(const html::Document& doc, Article* out) {
  for (uint32_t i = 0; i != html::kNone; i = doc.Next(i)) {
    const html::Node& n = doc.node(i);
    if (n.tag == html::Tag::kTitle && !out->title) {
      out->title = doc.InnerText(i);
    }
  }
}

}  // namespace attache::extract
