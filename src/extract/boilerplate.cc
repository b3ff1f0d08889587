#include "extract/boilerplate.h"

#include <algorithm>
#include <iterator>
#include <string>

#include <unicode/stringpiece.h>
#include <unicode/unistr.h>

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
    "about the author", "related posts", "similar articles", "print recipe", "show image", "related coverage",
    "external content", "listen to this article", "listen to the article", "listen to this story",
    "audio version", "text size", "font size", "reading mode", "skip to main content", "skip to navigation",
    "log in register", "login register", "sign in", "register", "sign in to save this article", "save article",
    "save this article", "copy link", "decrease font size increase font size",
    "increase font size decrease font size", "home", "homepage", "home page",
    // ... and with their numbers left out (a page-text headline is tested
    // so): "3 min read", "Reading time: 3 min", "Listen to this article 3 min".
    "min read", "mins read", "minute read", "minutes read", "read time", "reading time", "reading time min",
    "reading time mins", "reading time minutes", "listen to this article min", "listen min",
    // German
    "anzeige", "werbung", "teilen", "mehr zum thema", "weitere artikel", "das könnte sie auch interessieren",
    "kommentare", "drucken", "artikel teilen", "zum thema", "gefällt mir", "wird geladen", "wird geladen...",
    "kommentar schreiben", "mehr themen", "weitere themen", "inhaltsverzeichnis", "kontakt", "von",
    "weitere informationen", "vergrössern" /* folded ß */, "alle angaben ohne gewähr", "(alle angaben ohne gewähr)",
    "über den autor", "über die autorin", "kommentieren", "ähnliche nachrichten", "ähnliche artikel",
    "ähnliche beiträge", "rezept drucken", "bild anzeigen", "das könnte dich auch interessieren", "siehe auch",
    "quellenangaben", "zusatzinformationen", "originalartikel", "originalpublikation", "externer inhalt",
    "quellen ausblenden", "quellen anzeigen", "über diese reihe",
    // Spanish, Portuguese, French, Italian
    "publicidad", "publicidade", "compartir", "compartilhe", "leia também", "leia mais", "lea también",
    "publicité", "partager", "lire aussi", "pubblicità", "condividi", "leggi anche", "você pode gostar",
    "te puede interesar", "le puede interesar", "contenido relacionado", "noticias relacionadas",
    "notas relacionadas", "artículos relacionados",
    // Polish
    "dowiedz się więcej", "czytaj więcej", "czytaj także", "zobacz także",
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
    "sharing is caring", "related post:", "more great", "this post may contain affiliate",
    "post comment", "subscribe now", "you can view our", "ios and android", "on twitter and",
    "straight to your phone", "suggested citation", "you must be logged in", "consider supporting our",
    "support our journalism", "first-time subscribers",
    // German
    "newsletter abonnieren", "folgen sie uns", "jetzt abonnieren", "sie sind aktuell nicht eingeloggt",
    "weitere beiträge aus", "weitere infos unter", "gefällt mir", "impressum", "datenschutz",
    "sie müssen sich anmelden", "sie müssen sich einloggen", "melden sie sich an", "direkt in dein postfach",
    "direkt in ihr postfach", "jede kleine spende", "unterstützen sie unsere arbeit",
    // Spanish
    "cancela cuando quieras", "hazte miembro", "apoya nuestro periodismo",
    // Polish
    "zapraszamy też do subskrypcji", "zapraszamy do subskrypcji",
    // Russian
    "подписывайтесь на", "подпишитесь на",
};

// Openings that introduce a link to another page ("Read more: ...",
// "Le puede interesar: ..."): a short paragraph that starts with one of these
// and a colon or dash is a related link, not article text.
constexpr std::string_view kLeadLabels[] = {
    "read more", "read also", "also read", "see also", "related", "more on this", "watch", "photo", "foto",
    "you are here",
    "bild", "image", "credit", "photo credit", "vergrössern", "abbildung", "titelbild", "figure", "fig.", "quelle", "source",
    "lesen sie auch", "mehr zum thema", "auch interessant", "anzeige", "das könnte sie interessieren",
    "le puede interesar", "te puede interesar", "lee también", "leia também", "leia mais", "lire aussi",
    "читайте также", "смотрите также",
};

// Openings of a page's own date or byline line ("Published: 10:48, Tue, ...",
// "Updated at 1:23 p.m.").
constexpr std::string_view kDatelineOpenings[] = {
    // English
    "published", "first published", "last updated", "updated", "posted", "last modified", "date:",
    // German, Spanish, Portuguese, French
    "veröffentlicht", "aktualisiert", "stand:", "publicado", "actualizado", "atualizado", "publié",
    "mis à jour",
    // Russian
    "опубликовано", "обновлено", "дата публикации",
};

// Words that lead from a dateline opening into the date: prepositions, and
// three-letter weekday and month stems (matched as prefixes).
constexpr std::string_view kDateLeads[] = {
    "at", "on", "am", "um", "el", "le", "em", "в", "de",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

// Closing words of a writer's sign-off, matched as the line's first word
// (or words), followed by a name or nothing. Words that also open headlines
// ("love", "best") are left out.
constexpr std::string_view kSignOffOpenings[] = {
    // English
    "cheers", "best wishes", "kind regards", "regards", "yours", "xoxo", "xx", "x",
    // German (case folding writes ß as ss)
    "euer", "eure", "dein", "deine", "liebe grüsse", "viele grüsse", "herzliche grüsse", "lg", "bis bald",
};

// Lower case by Unicode case folding (ICU), so "Реклама" matches "реклама".
std::string Normalise(std::string_view p) {
  std::string s;
  icu::UnicodeString::fromUTF8(icu::StringPiece(p.data(), static_cast<int32_t>(p.size())))
      .foldCase()
      .toUTF8String(s);
  while (!s.empty()) {
    if (s.back() == '.' || s.back() == ':' || s.back() == ' ' || s.back() == '|' || s.back() == '!' || s.back() == '>') {
      s.pop_back();
    } else if (s.size() >= 3 && s.compare(s.size() - 3, 3, "\u2026") == 0) {  // an ellipsis
      s.resize(s.size() - 3);
    } else {
      break;
    }
  }
  while (!s.empty() && (s.front() == ' ' || s.front() == '|')) s.erase(0, 1);
  return s;
}

bool LabelNormalised(std::string_view s) {
  return std::find(std::begin(kLabels), std::end(kLabels), s) != std::end(kLabels);
}

bool DatelineNormalised(std::string_view s) {
  bool has_digit = false;
  for (char c : s) has_digit = has_digit || (c >= '0' && c <= '9');
  if (!has_digit) return false;
  for (std::string_view opening : kDatelineOpenings) {
    if (s.compare(0, opening.size(), opening) != 0) continue;
    // What follows the opening is a date or time: after separators, a digit,
    // or a short word that leads into one ("at", "on", a weekday or month).
    size_t k = opening.size();
    if (k < s.size() && s[k] >= 'a' && s[k] <= 'z') continue;  // "updatedness"
    while (k < s.size() && (s[k] == ' ' || s[k] == ':' || s[k] == '-' || s[k] == '|' || s[k] == ',')) ++k;
    if (k >= s.size()) continue;
    if (s[k] >= '0' && s[k] <= '9') return true;
    size_t e = k;
    while (e < s.size() && s[e] != ' ' && s[e] != ',' && s[e] != '.') ++e;
    const std::string_view word = std::string_view(s).substr(k, e - k);
    for (std::string_view lead : kDateLeads)
      if (word == lead || (lead.size() == 3 && word.substr(0, 3) == lead)) return true;
  }
  return false;
}

bool LeadLabelNormalised(std::string_view s) {
  if (!s.empty() && s.front() == '(') s.remove_prefix(1);  // "(Credit: ...)"
  for (std::string_view lead : kLeadLabels) {
    if (s.size() <= lead.size() || s.compare(0, lead.size(), lead) != 0) continue;
    size_t k = lead.size();
    while (k < s.size() && s[k] == ' ') ++k;
    // A figure's number ("Abbildung 4:", "Figure 2 -").
    const size_t digits = k;
    while (k < s.size() && s[k] >= '0' && s[k] <= '9') ++k;
    if (k > digits)
      while (k < s.size() && s[k] == ' ') ++k;
    if (k < s.size() && (s[k] == ':' || s[k] == '-' || s[k] == '|')) return true;
    if (s.compare(k, 3, "\xe2\x80\x93") == 0 || s.compare(k, 3, "\xe2\x80\x94") == 0) return true;  // en, em dash
  }
  return false;
}

// Picture credits that close a caption ("... im Jahresverlauf. Foto: Anna
// Beispiel", "(Photo: Getty)"), matched as the opening of the caption's last
// part: a label, a colon, and at most four words.
constexpr std::string_view kCreditLabels[] = {
    "foto", "fotos", "photo", "photos", "bild", "bildrechte", "bildquelle", "credit", "image",
};

bool EndsInCreditNormalised(std::string_view s) {
  if (!s.empty() && s.back() == ')') s.remove_suffix(1);
  for (std::string_view label : kCreditLabels) {
    for (size_t at = s.rfind(label); at != std::string_view::npos && at > 0;
         at = at == 0 ? std::string_view::npos : s.rfind(label, at - 1)) {
      const char before = s[at - 1];
      if (before != ' ' && before != '(' && before != '|') continue;
      size_t k = at + label.size();
      if (k >= s.size() || s[k] != ':') continue;
      int words = 0;
      bool in_word = false;
      for (++k; k < s.size(); ++k) {
        const bool sep = s[k] == ' ';
        words += !sep && !in_word;
        in_word = !sep;
      }
      if (words >= 1 && words <= 4) return true;
      break;
    }
  }
  return false;
}

bool CallToActionNormalised(std::string_view s) {
  for (std::string_view phrase : kCallToAction)
    if (s.find(phrase) != std::string_view::npos) return true;
  return false;
}

constexpr size_t kMaxLabel = 64, kMaxDateline = 160, kMaxCallToAction = 240, kMaxLeadLabel = 200;

}  // namespace

bool IsBoilerplateLabel(std::string_view p) { return p.size() <= kMaxLabel && LabelNormalised(Normalise(p)); }
bool IsDatelineOfPage(std::string_view p) { return p.size() <= kMaxDateline && DatelineNormalised(Normalise(p)); }
bool IsCallToAction(std::string_view p) { return p.size() <= kMaxCallToAction && CallToActionNormalised(Normalise(p)); }

bool IsSignOff(std::string_view p) {
  if (p.size() > kMaxLabel) return false;
  const std::string s = Normalise(p);
  for (std::string_view opening : kSignOffOpenings) {
    if (s.compare(0, opening.size(), opening) != 0) continue;
    size_t k = opening.size();
    if (k < s.size() && s[k] != ' ' && s[k] != ',') continue;  // "bestimmt", "xylophone"
    // What follows is a name: at most three words, no digits.
    size_t words = 0;
    bool in_word = false, digit = false;
    for (; k < s.size(); ++k) {
      const char c = s[k];
      digit = digit || (c >= '0' && c <= '9');
      const bool sep = c == ' ' || c == ',';
      words += !sep && !in_word;
      in_word = !sep;
    }
    // A one- or two-letter opening ("x", "lg") is a sign-off only before a
    // name: alone, "X" is a share button.
    if (!digit && words <= 3 && (words >= 1 || opening.size() > 2)) return true;
  }
  return false;
}

bool IsFurnitureParagraph(std::string_view p) {
  if (p.size() > kMaxCallToAction) return false;
  // A short line carrying a copyright sign is a picture credit or the
  // page's copyright notice.
  if (p.size() <= kMaxDateline && p.find("\xc2\xa9") != std::string_view::npos) return true;
  const std::string s = Normalise(p);
  return (p.size() <= kMaxLabel && LabelNormalised(s)) || (p.size() <= kMaxDateline && DatelineNormalised(s)) ||
         CallToActionNormalised(s) ||
         (p.size() <= kMaxLeadLabel && (LeadLabelNormalised(s) || EndsInCreditNormalised(s)));
}

}  // namespace attache::extract
