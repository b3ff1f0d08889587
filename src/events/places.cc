// Places: countries and cities after a trigger, lists of them, "all
// three countries", the place of a reception or of a meeting.
#include "events/finder.h"

namespace attache::events::internal {

namespace {

// The number a count word names ("two" is 2, up to "ten"), else 0.
size_t CountWord(std::string_view w) {
  static const char* const kCountWords[] = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
  for (size_t c = 0; c < std::size(kCountWords); ++c)
    if (w == kCountWords[c]) return c + 2;
  return 0;
}

}  // namespace

// Places named from token `from` on: "Azerbaijan", "Turkey and Armenia",
// "Egypt, Tunisia, Togo, and Côte d’Ivoire"; after an optional "the".
std::vector<const PlaceHit*> Finder::PlacesFrom(const Sentence& s, int from, int max_gap) const {
  std::vector<const PlaceHit*> out;
  int k = from;
  while (k < static_cast<int>(s.toks.size())) {
    const PlaceHit* hit = nullptr;
    for (const PlaceHit& p : s.places)
      if (p.first >= k && p.first <= k + max_gap) {
        hit = &p;
        break;
      }
    if (!hit) break;
    // Nothing but articles and adjectives between.
    bool clean = true;
    for (int g = k; g < hit->first; ++g)
      if (s.toks[g].kind != TokenKind::kWord || s.low[g] == "and" || s.low[g] == "with") clean = out.empty() && clean;
    if (!clean) break;
    out.push_back(hit);
    k = hit->last + 1;
    if (k < static_cast<int>(s.toks.size()) && (s.low[k] == "," || s.low[k] == "and")) {
      ++k;
      if (k < static_cast<int>(s.toks.size()) && s.low[k] == "and") ++k;
      max_gap = 1;
      continue;
    }
    break;
  }
  return out;
}

// A demonym of a country after "the" and before a noun of a capital city
// ("in the Kenyan capital", "the Turkmen capital's"): the country itself,
// its city unnamed. Returns the noun's token, else -1.
int Finder::CapitalNoun(const Sentence& s, int first, int last, const text::Entity& country) const {
  const int n = static_cast<int>(s.toks.size());
  if (country.kind != text::EntityKind::kCountry || first == 0 || last + 1 >= n) return -1;
  if (static_cast<int>(s.low.size()) != n) return -1;
  if (s.low[first - 1] != "the" || s.toks[last + 1].kind != TokenKind::kWord) return -1;
  return t_.event_word(s.low[last + 1], "capital") ? last + 1 : -1;
}

// "arrived in the capital", "paid a visit to the capital" at token k (a
// capital noun after "the" and "in", "at" or "to", no name or "of" after
// it): the city named last in the two sentences before, else nullptr.
const text::Entity* Finder::CapitalReferredTo(const Sentence& s, int k) const {
  const int n = static_cast<int>(s.toks.size());
  if (k < 2 || static_cast<int>(s.low.size()) != n || !t_.event_word(s.low[k], "capital")) return nullptr;
  if (s.low[k - 1] != "the" || !(s.low[k - 2] == "in" || s.low[k - 2] == "at" || s.low[k - 2] == "to")) return nullptr;
  if (k + 1 < n && (s.toks[k + 1].cap || s.low[k + 1] == "of" || s.low[k + 1] == "," || s.low[k + 1] == "city"))
    return nullptr;
  auto it = std::lower_bound(sentences_.begin(), sentences_.end(), s.span.begin,
                             [](const Sentence& x, uint32_t b) { return x.span.begin < b; });
  for (int back = 0; back < 2 && it != sentences_.begin(); ++back) {
    --it;
    std::vector<PlaceHit> hits = it->places;
    if (!it->placed) {
      Sentence tmp;
      tmp.toks = it->toks;
      FindPlaces(&tmp);
      hits = std::move(tmp.places);
    }
    for (auto p = hits.rbegin(); p != hits.rend(); ++p)
      if (p->entity->kind == text::EntityKind::kCity) return p->entity;
  }
  return nullptr;
}

// "three G20 member states – the United Kingdom, France and Turkey",
// "three countries in Africa: Kenya, Ghana and Senegal", "the Baltic
// states of Estonia, Latvia and Lithuania", "several African countries,
// including Kenya and Ghana" from token `from`: a plural noun of countries
// or cities (after a count or quantifier and up to three words; a place
// "in" a region may follow it) and, after a dash, colon, comma or bracket,
// a list of the places it counts; after "of", two or more; after
// "including", those named.
std::vector<const PlaceHit*> Finder::CountedList(const Sentence& s, int from) const {
  static const WordSet kNouns = {"countries", "nations", "states", "capitals", "cities"};
  static const WordSet kSome = {"several", "many", "some", "various", "other"};
  const int n = static_cast<int>(s.toks.size());
  int k = from;
  if (k < n && s.low[k] == "the") ++k;
  const size_t count = k < n ? CountWord(s.low[k]) : 0;
  const bool some = k < n && kSome.has(s.low[k]);
  int noun = -1;
  for (int j = count || some ? k + 1 : k; j < n && j <= k + 4 && noun < 0; ++j)
    if (kNouns.has(s.low[j])) noun = j;
    else if (s.toks[j].kind != TokenKind::kWord && s.toks[j].kind != TokenKind::kNumber) break;
  if (noun < 0) return {};
  int sep = noun + 1;
  // "three countries in Africa:" (a region's capitalised words).
  if (sep + 1 < n && s.low[sep] == "in" && s.toks[sep + 1].cap) {
    sep += 2;
    while (sep < n && sep <= noun + 5 && s.toks[sep].cap) ++sep;
  }
  if (sep < n && s.low[sep] == "," && sep + 1 < n && s.low[sep + 1] == "including") ++sep;
  if (sep + 1 >= n) return {};
  const std::string& w = s.low[sep];
  const bool of = w == "of" && sep == noun + 1, including = w == "including";
  const bool mark = w == ":" || w == "," || w == "(" || w == "-" || w == "\xE2\x80\x93" || w == "\xE2\x80\x94";
  if (!(of || including || (count && mark))) return {};
  auto places = PlacesFrom(s, sep + 1, 1);
  if (including ? places.empty() : count ? places.size() != count : places.size() < 2) return {};
  return places;
}

// "all three countries", "the two nations", "both countries" at token k:
// the latest list of exactly that many countries (or their cities) named
// together in this sentence or the few before it ("Saudi Arabia, Qatar and
// the United Arab Emirates").
std::vector<PlaceHit> Finder::CountriesReferredTo(const Sentence& s, int k) const {
  static const WordSet kNouns = {"countries", "nations", "states", "capitals"};
  const int n = static_cast<int>(s.toks.size());
  if (k < n && (s.low[k] == "all" || s.low[k] == "each")) ++k;
  if (k < n && s.low[k] == "of") ++k;
  if (k < n && s.low[k] == "the") ++k;
  size_t count = 0;
  if (k < n && s.low[k] == "both") count = 2;
  else if (k < n) count = CountWord(s.low[k]);
  if (count == 0) return {};
  ++k;
  if (k < n && s.toks[k].cap) ++k;  // "the three Gulf states"
  if (k >= n || !kNouns.has(s.low[k])) return {};
  const size_t here = static_cast<size_t>(&s - sentences_.data());
  if (here >= sentences_.size()) return {};
  for (size_t back = 0; back <= 8 && back <= here; ++back) {
    const Sentence& o = sentences_[here - back];
    std::vector<PlaceHit> hits = o.places;
    if (hits.empty() && back > 0) {
      Sentence tmp;
      tmp.toks = o.toks;
      FindPlaces(&tmp);
      hits = std::move(tmp.places);
    }
    // Runs of places joined by commas, "and", "the"; the latest run of
    // the right size.
    std::vector<PlaceHit> best, run;
    auto close = [&] {
      std::vector<std::string_view> codes;
      for (const PlaceHit& p : run)
        if (std::find(codes.begin(), codes.end(), p.entity->code) == codes.end()) codes.push_back(p.entity->code);
      if (codes.size() == count && run.size() == count) best = run;
      run.clear();
    };
    for (const PlaceHit& p : hits) {
      if (back == 0 && p.first >= k) break;
      if (!run.empty()) {
        bool joined = true;
        for (int g = run.back().last + 1; g < p.first && joined; ++g)
          joined = o.low[g] == "," || o.low[g] == "and" || o.low[g] == "the";
        if (!joined) close();
      }
      run.push_back(p);
    }
    close();
    if (!best.empty()) return best;
  }
  return {};
}

// The place of a reception: a city or country after "in", "at" or "to"
// following the people (token `from` on, over adjuncts: "at the Elysee
// Palace in Paris"), else in a leading adverbial ("In Baku, X received
// Y").
const PlaceHit* Finder::HostPlace(const Sentence& s, int from) const {
  for (const PlaceHit& p : s.places) {
    int prep = p.first - 1;
    if (prep >= 0 && s.low[prep] == "the") --prep;
    if (prep < 0 || !(s.low[prep] == "in" || s.low[prep] == "at" || s.low[prep] == "to")) continue;
    if (Possessive(s, p.last)) continue;
    if (p.first < from) {
      if (p.last < AdverbialEnd(s)) return &p;
      continue;
    }
    if (p.first > from + 16) break;
    bool ok = true;
    int venue = 0;  // lower-case words of a venue: "at the presidential palace in Baku"
    for (int k = from; k < prep && ok; ++k) {
      const Token& t = s.toks[k];
      const std::string& w = s.low[k];
      if (w == "at") venue = 4;
      ok = t.cap || t.kind == TokenKind::kNumber || w == "," || w == "the" || w == "at" || w == "in" ||
           w == "on" || w == "to" || w == "of" || Skippable(s, k) || t_.titles.count(w) || t_.particles.count(w);
      if (!ok && venue > 0 && t.kind == TokenKind::kWord && !t_.function_words.count(w)) {
        ok = true;
        --venue;
      }
    }
    if (ok) return &p;
  }
  return nullptr;
}

// The place a meeting trigger at v names in its own words: a city or
// country after "in" or "at" ("meet X in Doha", "meet X at the Vatican",
// "a meeting between A and B was held in Astana"), with only the
// meeting's people, their titles, "with", "and", commas and time words
// between ("meet Qatar's emir, Sheikh Tamim, in Doha"); not another clause
// ("spoke about ... in Tunis").
const PlaceHit* Finder::OwnPlace(const Sentence& s, int v) const {
  for (const PlaceHit& p : s.places) {
    if (p.first <= v || p.first > v + 24 || p.first < 2) continue;
    int prep = p.first - 1;
    if (s.low[prep] == "the") --prep;
    if (s.low[prep] != "in" && s.low[prep] != "at") continue;
    bool own = true;
    for (int k = v + 1; k < prep && own; ++k) {
      const Token& t = s.toks[k];
      const std::string& w = s.low[k];
      own = t.cap || t.kind == TokenKind::kNumber || w == "," || w == "with" || w == "and" || w == "the" ||
            w == "his" || w == "her" || w == "their" || t_.titles.count(w) || t_.role_nouns.count(w) ||
            t_.particles.count(w) || Skippable(s, k) || w == "\xE2\x80\x99s" || w == "'s" || w == "between" ||
            w == "held" || w == "took" || w == "place" ||
            // "met on the sidelines of the summit in Z".
            w == "sidelines" || w == "margins" || w == "margin" || w == "of" || w == "a" || w == "an" ||
            ((s.cls[k] & kMeeting) && !t.cap);
    }
    if (own) return &p;
  }
  // "In Doha, X met Y", "On the sidelines of the summit in Astana, X met
  // Y": the place that ends a leading adverbial.
  const int lead = AdverbialEnd(s);
  if (lead > 0 && lead - 1 < v &&
      (s.low[0] == "in" || s.low[0] == "at" || s.low[0] == "on" || s.low[0] == "during" || s.low[0] == "while"))
    for (const PlaceHit& p : s.places) {
      if (p.first >= lead) break;
      if (p.last == lead - 2 && !Possessive(s, p.last) &&
          (p.first <= 2 || s.low[p.first - 1] == "in" || s.low[p.first - 1] == "at"))
        return &p;
    }
  return nullptr;
}

bool Finder::IsPlaceName(const std::string& name) const {
  if (text::LookupPlace(name, t_.lang) || text::LookupDemonym(name, t_.lang) || text::LookupOrg(name, t_.lang))
    return true;
  // "Turkey-Azerbaijan", "India-Sri Lanka": places joined by a hyphen.
  const size_t dash = name.find('-');
  if (dash == std::string::npos || dash == 0 || dash + 1 >= name.size()) return false;
  for (size_t b = 0; b <= name.size();) {
    size_t e = name.find('-', b);
    if (e == std::string::npos) e = name.size();
    const std::string part = name.substr(b, e - b);
    if (!text::LookupPlace(part, t_.lang) && !text::LookupDemonym(part, t_.lang)) return false;
    b = e + 1;
  }
  return true;
}

}  // namespace attache::events::internal
