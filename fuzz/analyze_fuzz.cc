// Fuzzes quote, visit and meeting extraction: the public attache::Analyze
// on an English Article whose text is the input (sentences, tokens, names,
// the gazetteer, dates, quotation marks, attributions, event triggers).
// Offsets must lie in the text and the Analysis must serialise to one
// valid JSON object.
#include <cstddef>
#include <cstdint>
#include <string>

#include "attache/analyze.h"
#include "fuzz_util.h"

using attache_fuzz::Check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  attache::Article article;
  article.source = "fuzz";
  article.url = "https://news.example/fuzz";
  article.title = "Fuzz";
  article.published = "2023-02-27T16:55";
  article.lang = "en";
  article.text.assign(reinterpret_cast<const char*>(data), size);
  auto r = attache::Analyze(article);
  if (!r.ok()) return 0;
  const attache::Analysis& a = r.value();
  Check(a.article.text.size() == size, "Analyze changed the article text");
  for (const auto& q : a.quotes) {
    Check(q.begin <= q.end && q.end <= size, "a quote's offsets outside the text");
    Check(!q.speaker.empty(), "a quote without a speaker");
  }
  for (const auto& v : a.visits)
    for (size_t m : v.mentions) Check(m < size, "a visit mention outside the text");
  for (const auto& m : a.meetings)
    for (size_t at : m.mentions) Check(at < size, "a meeting mention outside the text");
  attache_fuzz::CheckJsonObject(attache::AnalysisToJson(a), "AnalysisToJson is not one JSON object");
  return 0;
}
