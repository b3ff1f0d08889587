#include "extract/boilerplate.h"

#include <algorithm>
#include <iterator>
#include <string>

namespace attache::extract {

namespace {

// Whole-paragraph labels, lower case, without trailing punctuation.
constexpr std::string_view kLabels[] = {
    // English
    "advert", "advertisement", "sponsored", "sponsored content", "tags", "related", "related articles",
    "related stories", "related news", "related tags", "read more", "more", "share", "share this",
    "share this article", "share on facebook", "share on twitter", "tweet", "email", "print", "comments",
    "leave a comment", "leave a reply", "don't miss", "don’t miss", "most popular", "most read",
    "trending", "recommended", "you may also like", "you might also like", "see also", "also read",
    "read also", "continue reading", "click here", "back to top", "skip to content", "by", "photo",
    "video", "listen", "this slideshow requires javascript", "loading", "key points", "opinion",
    "topics", "more from", "latest news", "top stories", "sign up", "subscribe", "log in", "login",
    // German
    "anzeige", "werbung", "teilen", "mehr zum thema", "weitere artikel", "das könnte sie auch interessieren",
    "kommentare", "drucken", "artikel teilen", "zum thema",
    // Spanish, Portuguese, French, Italian
    "publicidad", "publicidade", "compartir", "compartilhe", "leia também", "leia mais", "lea también",
    "publicité", "partager", "lire aussi", "pubblicità", "condividi", "leggi anche", "você pode gostar",
    // Russian
    "реклама", "поделиться", "читайте также", "читать также", "комментарии", "добавить отзыв",
};

// Phrases that mark a short paragraph as a call to action.
constexpr std::string_view kCallToAction[] = {
    // English
    "subscribe to our", "sign up for our", "sign up to our", "our newsletter", "newsletters",
    "follow us on", "follow her on twitter", "follow him on twitter", "like us on facebook",
    "get the latest updates", "have a tip?", "tell us what you think", "click here to",
    "download our app", "all rights reserved", "this slideshow requires javascript",
    "to view the full story", "already a subscriber", "we'd like to hear what you think",
    // German
    "newsletter abonnieren", "folgen sie uns", "jetzt abonnieren",
    // Russian
    "подписывайтесь на", "подпишитесь на",
};

std::string Normalise(std::string_view p) {
  std::string s;
  s.reserve(p.size());
  for (char c : p) s.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
  while (!s.empty() && (s.back() == '.' || s.back() == ':' || s.back() == ' ' || s.back() == '|' ||
                        s.back() == '!' || s.back() == '>'))
    s.pop_back();
  while (!s.empty() && (s.front() == ' ' || s.front() == '|')) s.erase(0, 1);
  return s;
}

}  // namespace

bool IsBoilerplateLabel(std::string_view paragraph) {
  if (paragraph.size() > 64) return false;
  const std::string s = Normalise(paragraph);
  return std::find(std::begin(kLabels), std::end(kLabels), s) != std::end(kLabels);
}

bool IsCallToAction(std::string_view paragraph) {
  if (paragraph.size() > 240) return false;
  const std::string s = Normalise(paragraph);
  for (std::string_view phrase : kCallToAction)
    if (s.find(phrase) != std::string::npos) return true;
  return false;
}

}  // namespace attache::extract
