#include "extract/text_page.h"

namespace attache::extract {

void ExtractPageText(std::string_view text, const ExtractLimits& limits, Article* out) {
  (void)limits;
  out->text.assign(text);
}

}  // namespace attache::extract
