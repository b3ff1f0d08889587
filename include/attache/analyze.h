// attache/analyze.h: what an article says: quotations (and, later, visits
// and meetings).
//
// Analyze() takes an extracted Article and finds every attributed statement
// in its text: direct quotations in any common quote marks and reported
// speech ("X said that ...", "According to X, ..."), with the speaker's full
// name as the article gives it, the role it states, and the outlet the
// speaker talked to. Pure function of its input; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "attache/document.h"
#include "attache/status.h"

namespace attache {

struct Quote {
  std::string speaker;                      // full name, or an institution ("Foreign Ministry")
  std::optional<std::string> speaker_role;  // as stated where this quote is attributed
  std::optional<std::string> channel;       // the outlet the speaker talked to
  bool direct = false;                      // inside quotation marks
  std::string text;                         // the whole quoted or reported content
  std::size_t begin = 0, end = 0;           // byte offsets of `text` in Article::text
  std::string cue;                          // the word or phrase that attributes it ("said", "according to")
};

struct Analysis {
  Article article;
  std::vector<Quote> quotes;
};

// Analyses an extracted article. Never fails on text; returns a non-OK
// Status only for input it cannot treat as text.
Result<Analysis> Analyze(Article article);

// One JSON object: the Article's fields (as ArticleToJson) plus "quotes".
std::string AnalysisToJson(const Analysis& a);

}  // namespace attache
