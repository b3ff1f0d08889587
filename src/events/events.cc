// The finder's driver: sentences and their trigger classes, the dateline,
// the places of each sentence; FindEvents.
#include "events/finder.h"

namespace attache::events::internal {

Events Finder::Run(const text::TextLayer& layer) {
  people_ = layer.people;
  sentences_.reserve(layer.sentences.size());
  for (size_t i = 0; i < layer.sentences.size(); ++i) {
    Sentence s;
    s.span = layer.sentences[i];
    s.toks = layer.tokens[i];
    for (const Token& t : s.toks) {
      s.low.push_back(text::Fold(Slice(t)));
      s.cls.push_back(t.kind == TokenKind::kWord ? ClassBits(t_, s.low.back()) : 0);
    }
    // Only sentences with a trigger word are read further.
    bool trigger = false;
    for (uint32_t c : s.cls) trigger = trigger || (c & (kTriggers | kConfer));
    if (trigger) FindPlaces(&s);
    sentences_.push_back(std::move(s));
  }
  FindDateline(layer.datelines);
  if (anchor_.size() < 10) {
    // No publication day: the first full date the article states (within
    // the month or year known, if any).
    for (const auto& d : text::FindDates(text_, {0, static_cast<uint32_t>(text_.size())}, "", t_))
      if (d.value.size() == 10 && d.value[0] != 'X') {
        if (Compatible(anchor_, d.value))
          anchor_ = d.value;
        break;
      }
  }
  for (size_t i = 0; i < sentences_.size(); ++i) {
    Read(sentences_[i]);
    ReadTree(sentences_[i], i);
    ReadMeetingTree(sentences_[i], i);
    ReadCompanions(sentences_[i]);
  }
  VisitsOfTalksAtHome();
  return Merge();
}

// "ISLAMABAD: ...", "RIYADH, Aug. 17 (Xinhua) --": a city in capitals at
// the start of one of the first paragraphs is where the story was filed.
// A date after it is the day of the news: it becomes the anchor when it
// falls on or up to two days before the publication date (a wire story
// published the next morning), or when the page gives no date.
// The text layer's datelines give a city written as a name ("Manama:",
// "Tehran, March 25, Agency -") and their date.
void Finder::FindDateline(const std::vector<text::Dateline>& datelines) {
  size_t b = 0;
  for (int para = 0; para < 6 && b < text_.size() && b < 2000; ++para) {
    if (DatelineAt(b)) return;
    b = text_.find('\n', b);
    if (b == std::string_view::npos) break;
    while (b < text_.size() && (text_[b] == '\n' || text_[b] == ' ')) ++b;
  }
  for (const text::Dateline& d : datelines) {
    if (d.span.begin >= 2000) break;
    if (d.entity->kind != text::EntityKind::kCity) continue;
    dateline_ = PlaceHit{0, 0, d.entity};
    if (d.date.size() > 0) DatelineDay(d.date.begin, d.date.end);
    return;
  }
}

bool Finder::DatelineAt(size_t b) {
  size_t e = b;
  while (e < text_.size() && e < b + 40 &&
         ((text_[e] >= 'A' && text_[e] <= 'Z') || text_[e] == ' ' || text_[e] == '-'))
    ++e;
  while (e > b && text_[e - 1] == ' ') --e;
  if (e < b + 3 || e >= text_.size() || !(text_[e] == ':' || text_[e] == ',' || text_[e] == '.' || text_[e] == ' '))
    return false;
  const text::Place* p = text::LookupPlaceInCapitals(text_.substr(b, e - b), t_.lang);
  if (!p || p->kind != text::EntityKind::kCity) return false;
  dateline_ = PlaceHit{0, 0, p};
  if (text_[e] != ',') return true;
  DatelineDay(static_cast<uint32_t>(e + 1), static_cast<uint32_t>(std::min(text_.size(), e + 30)));
  return true;
}

// The date that opens text_[from, to), the day of the news.
void Finder::DatelineDay(uint32_t from, uint32_t to) {
  const auto dates = text::FindDates(text_, {from, to}, anchor_, t_);
  if (dates.empty() || dates[0].begin > from + 2 || dates[0].value.size() != 10 || dates[0].value[0] == 'X')
    return;
  const std::string& day = dates[0].value;
  if (anchor_.size() < 10) {
    if (Compatible(anchor_, day)) anchor_ = day;
  } else if (const long gap = DayGap(anchor_, day); gap >= 0 && gap <= 2 && day <= anchor_) {
    anchor_ = day;
  }
}

void Finder::FindPlaces(Sentence* s) const {
  if (s->placed) return;
  s->placed = true;
  for (int i = 0; i < static_cast<int>(s->toks.size()); ++i) {
    const Token& t = s->toks[i];
    if (!t.cap) {
      // "paid a visit to the capital": the city named just before (places.cc).
      if (const text::Entity* city = CapitalReferredTo(*s, i)) s->places.push_back({i, i, city});
      continue;
    }
    text::Entry e;
    const size_t len = text::MatchAt(text_, t.begin, &e, t_.lang);
    if (len == 0 || !e.entity) continue;
    int last = i;
    while (last + 1 < static_cast<int>(s->toks.size()) && s->toks[last + 1].end <= t.begin + len) ++last;
    if (e.role != text::Entry::Role::kName) {
      // "the Turkmen capital": the country of the demonym (places.cc).
      if (const int end = CapitalNoun(*s, i, last, *e.entity); end > last) {
        s->places.push_back({i, end, e.entity});
        i = end;
      }
      continue;
    }
    if (e.entity->kind != text::EntityKind::kCountry && e.entity->kind != text::EntityKind::kCity) continue;
    s->places.push_back({i, last, e.entity});
    i = last;
  }
}

}  // namespace attache::events::internal

namespace attache::events {

Events FindEvents(std::string_view text, std::string_view published, const text::LanguageTables& tables) {
  return FindEvents(text, published, tables, text::BuildTextLayer(text, tables));
}

Events FindEvents(std::string_view text, std::string_view published, const text::LanguageTables& tables,
                  const text::TextLayer& layer) {
  internal::Finder f(text, published, tables);
  return f.Run(layer);
}

Events FindEvents(std::string_view text, std::string_view published, const text::LanguageTables& tables,
                  const text::TextLayer& layer, const syntax::DocumentSyntax* syntax) {
  internal::Finder f(text, published, tables);
  f.UseSyntax(syntax);
  return f.Run(layer);
}

}  // namespace attache::events
