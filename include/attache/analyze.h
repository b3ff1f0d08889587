// attache/analyze.h: what an article says: quotations, visits and meetings.
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
  // The office-holder table's spelling of the speaker when the table knows
  // the person under any transliteration, else `speaker` (as Visit::visitor_canonical).
  std::string speaker_canonical;
};

// Event codes other tools use: CAMEO ("042" make a visit, "043" host a
// visit, "044" meet at a third location, "036" express intent to meet,
// "040" consult) and the PLOVER type and mode they map to (CAMEO2PLOVER).
struct EventCodes {
  std::string cameo;
  std::string plover_type;  // "CONSULT", "AGREE"
  std::string plover_mode;  // "visit", "third-party", "multilateral", or ""
};

struct Visit {
  std::string visitor;                         // full name as the article gives it
  std::optional<std::string> visitor_role;     // as stated, else from the office-holder table
  std::optional<std::string> visitor_country;  // ISO alpha-3, or an organisation code ("EU")
  std::string host_country;                    // ISO alpha-3
  std::optional<std::string> place;            // city named, or null
  std::optional<std::string> date;             // YYYY-MM-DD | YYYY-MM | YYYY | XXXX-MM-DD | null
  std::string status;                          // planned | ongoing | past
  EventCodes codes;
  std::vector<std::size_t> mentions;           // byte offsets in Article::text of the words that report it
  // The office-holder table's spelling of the visitor when the table knows
  // the person under any transliteration ("Aliev" -> "Ilham Aliyev"), else
  // `visitor` (the article's fullest form).
  std::string visitor_canonical;
};

struct Meeting {
  std::vector<std::string> participants;  // full names
  std::vector<std::string> participants_canonical;  // each as Visit::visitor_canonical
  std::optional<std::string> place;
  std::optional<std::string> date;
  std::string status;  // planned | ongoing | past
  EventCodes codes;
  std::vector<std::size_t> mentions;
};

struct Analysis {
  Article article;
  std::vector<Quote> quotes;
  std::vector<Visit> visits;
  std::vector<Meeting> meetings;
};

// Analyses an extracted article. Never fails on text; returns a non-OK
// Status only for input it cannot treat as text.
Result<Analysis> Analyze(Article article);

// One JSON object: the Article's fields (as ArticleToJson) plus "quotes",
// "visits" and "meetings".
std::string AnalysisToJson(const Analysis& a);

}  // namespace attache
