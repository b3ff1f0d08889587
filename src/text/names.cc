#include "text/names.h"

#include <algorithm>

#include "text/gazetteer.h"
#include "text/officeholders.h"

namespace attache::text {

namespace {

std::string_view Word(std::string_view text, const Token& t) { return text.substr(t.begin, t.end - t.begin); }

// "Lavrov’s" -> "Lavrov": the byte length without a possessive ending.
uint32_t WithoutPossessive(std::string_view w) {
  if (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s") return static_cast<uint32_t>(w.size() - 4);
  if (w.size() > 2 && w.substr(w.size() - 2) == "'s") return static_cast<uint32_t>(w.size() - 2);
  return static_cast<uint32_t>(w.size());
}

// The words of a name, each folded as names are compared: case, accents and
// common transliteration variants ("Sergei"/"Sergey", "Milei"/"Miley").
std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(FoldPersonName(s.substr(i, j - i)));
    i = j;
  }
  return out;
}

bool IsTitleWord(std::string_view w, const LanguageTables& tables) {
  return tables.titles.count(std::string(w)) > 0;
}

// A regnal number after a name ("Abdullah II", "Charles III"): capitals
// I, V, X, two to five of them ("I" alone is the pronoun).
bool IsRegnalNumber(std::string_view text, const Token& t) {
  if (t.kind != TokenKind::kWord) return false;
  std::string_view w = Word(text, t);
  w = w.substr(0, WithoutPossessive(w));
  if (w.size() < 2 || w.size() > 5) return false;
  for (char c : w)
    if (c != 'I' && c != 'V' && c != 'X') return false;
  return true;
}

}  // namespace

bool IsNameWord(std::string_view text, const Token& t, const LanguageTables& tables) {
  if (t.kind != TokenKind::kWord) return false;
  std::string_view w = Word(text, t);
  w = w.substr(0, WithoutPossessive(w));
  if (!t.cap) {
    // "al-Sisi", "el-Sisi", "bin-Zayed": a particle joined by a hyphen to a
    // capitalised word.
    const size_t hyphen = w.find('-');
    return hyphen != std::string_view::npos && hyphen + 1 < w.size() && w[hyphen + 1] >= 'A' &&
           w[hyphen + 1] <= 'Z' && tables.particles.count(std::string(w.substr(0, hyphen))) &&
           w.find('-', hyphen + 1) == std::string_view::npos;
  }
  if (w.size() == 2 && w[1] == '.') return true;  // an initial
  // Initials written together: "F.W.", "K.P.", "J.R.R." (capitals and dots
  // alternating; "U.S." and "U.K." are places, kept out by the caller).
  if (w.size() >= 4 && w.size() <= 6 && w.back() == '.') {
    bool initials = true;
    for (size_t i = 0; i < w.size() && initials; ++i)
      initials = i % 2 == 0 ? (w[i] >= 'A' && w[i] <= 'Z') : w[i] == '.';
    if (initials) return true;
  }
  if (w.size() < 2) return false;
  // Words in capitals are acronyms (NATO, RFE) or datelines (JERUSALEM).
  if (t.all_caps) return false;
  // "President-elect", "Vice-President": a title with a hyphen.
  const size_t hyphen = w.find('-');
  if (hyphen != std::string_view::npos && hyphen + 1 < w.size() && w[hyphen + 1] >= 'a' && w[hyphen + 1] <= 'z' &&
      tables.titles.count(std::string(w.substr(0, hyphen))))
    return false;
  const std::string s(w);
  return !tables.not_names.count(s) && !tables.titles.count(s) && !tables.institutions.count(s);
}

const PersonMention* PeopleIndex::At(uint32_t begin) const {
  auto it = std::lower_bound(mentions.begin(), mentions.end(), begin,
                             [](const PersonMention& m, uint32_t b) { return m.span.begin < b; });
  return it != mentions.end() && it->span.begin == begin ? &*it : nullptr;
}

std::string PeopleIndex::Resolve(std::string_view name) const {
  const std::vector<std::string> words = SplitWords(name);
  if (words.empty()) return "";
  const std::string& last = words.back();
  // A full name with the same last word first, then one that shares any word.
  for (size_t i = 0; i < full_names.size(); ++i) {
    const auto& fw = full_name_words[i];
    if (!fw.empty() && fw.back() == last) return full_names[i];
  }
  for (size_t i = 0; i < full_names.size(); ++i) {
    const auto& fw = full_name_words[i];
    for (const auto& w : words)
      if (w.size() > 2 && std::find(fw.begin(), fw.end(), w) != fw.end()) return full_names[i];
  }
  return "";
}

TextLayer BuildTextLayer(std::string_view text, const LanguageTables& tables) {
  TextLayer layer;
  layer.sentences = SplitSentences(text, tables, &layer.datelines);
  layer.tokens.reserve(layer.sentences.size());
  for (const Span& s : layer.sentences) layer.tokens.push_back(Tokenize(text, s, &tables));
  layer.people = FindPeople(text, layer.sentences, layer.tokens, tables);
  return layer;
}

PeopleIndex FindPeople(std::string_view text, const std::vector<Span>& sentences, const LanguageTables& tables) {
  std::vector<std::vector<Token>> tokens;
  tokens.reserve(sentences.size());
  for (const Span& s : sentences) tokens.push_back(Tokenize(text, s, &tables));
  return FindPeople(text, sentences, tokens, tables);
}

PeopleIndex FindPeople(std::string_view text, const std::vector<Span>& sentences,
                       const std::vector<std::vector<Token>>& all_tokens, const LanguageTables& tables) {
  PeopleIndex idx;
  struct Run {
    Span span;
    int words;
    uint32_t full_begin;  // where the full name starts: a royal title before "Abdullah II" is part of it
    uint32_t sentence_begin;
    size_t first_token;
    const std::vector<Token>* tokens;
  };
  std::vector<Run> runs;
  for (size_t si = 0; si < sentences.size() && si < all_tokens.size(); ++si) {
    const Span& s = sentences[si];
    const std::vector<Token>& toks = all_tokens[si];
    // Places, demonyms and organisations are not names ("Kenya Meg Whitman"
    // is "Meg Whitman"; "Tel Aviv" is no one).
    std::vector<bool> place(toks.size(), false);
    std::vector<bool> city_word(toks.size(), false);  // a city named by this one word
    for (size_t i = 0; i < toks.size(); ++i) {
      if (!toks[i].cap) continue;
      Entry e;
      const size_t len = MatchAt(text, toks[i].begin, &e, tables.lang);
      for (size_t k = i; len > 0 && k < toks.size() && toks[k].end <= toks[i].begin + len; ++k) place[k] = true;
      city_word[i] = len == toks[i].end - toks[i].begin && e.entity && e.entity->kind == EntityKind::kCity;
    }
    // "President Santiago Peña", "Assistant Secretary Victoria Nuland": a
    // one-word city between a title word and a name word is a first name.
    for (size_t i = 1; i + 1 < toks.size(); ++i)
      if (city_word[i] && !place[i + 1] && toks[i - 1].kind == TokenKind::kWord &&
          IsTitleWord(Word(text, toks[i - 1]), tables) && IsNameWord(text, toks[i + 1], tables) &&
          WithoutPossessive(Word(text, toks[i])) == toks[i].end - toks[i].begin)
        place[i] = false;
    auto name_word = [&](size_t k) { return !place[k] && IsNameWord(text, toks[k], tables); };
    for (size_t i = 0; i < toks.size();) {
      if (!name_word(i)) {
        ++i;
        continue;
      }
      size_t j = i + 1;
      int words = 1;
      while (j < toks.size()) {
        if (name_word(j) && WithoutPossessive(Word(text, toks[j - 1])) == toks[j - 1].end - toks[j - 1].begin) {
          ++words;
          ++j;
        } else if (j + 1 < toks.size() && toks[j].kind == TokenKind::kWord &&
                   tables.particles.count(std::string(Word(text, toks[j]))) && name_word(j + 1)) {
          words += 2;
          j += 2;
        } else {
          break;
        }
      }
      // "King Abdullah II": the number is part of the name, and so is the
      // title of a monarch known by one name and a number.
      uint32_t full_begin = toks[i].begin;
      if (j < toks.size() && IsRegnalNumber(text, toks[j]) &&
          WithoutPossessive(Word(text, toks[j - 1])) == toks[j - 1].end - toks[j - 1].begin) {
        ++j;
        ++words;
        if (words == 2 && i > 0 && toks[i - 1].cap && IsTitleWord(Word(text, toks[i - 1]), tables))
          full_begin = toks[i - 1].begin;
      }
      // A single capitalised word right before a title is an adjective of
      // that title ("Russian Foreign Minister"), not a name.
      const bool before_title = words == 1 && j < toks.size() && toks[j].kind == TokenKind::kWord &&
                                IsTitleWord(Word(text, toks[j]), tables);
      // "Reports say", "Analysts said": generic words, not names.
      const bool generic = words == 1 && tables.generic_speakers.count(Fold(Word(text, toks[i])));
      // "the Grand National Assembly", "the Heydar Aliyev Foundation": words
      // before an institution noun name the institution, not a person.
      const bool institution = j < toks.size() && toks[j].kind == TokenKind::kWord && toks[j].cap &&
                               tables.institutions.count(std::string(Word(text, toks[j]))) &&
                               WithoutPossessive(Word(text, toks[j - 1])) == toks[j - 1].end - toks[j - 1].begin;
      if (words <= 6 && !before_title && !generic && !institution) {
        Span sp{toks[i].begin, toks[j - 1].begin + WithoutPossessive(Word(text, toks[j - 1]))};
        runs.push_back({sp, words, full_begin, s.begin, i, &toks});
      }
      i = j;
    }
  }
  // Full names: runs of two or more name words, in order of appearance.
  for (const Run& r : runs) {
    if (r.words < 2) continue;
    std::string name(text.substr(r.full_begin, r.span.end - r.full_begin));
    if (std::find(idx.full_names.begin(), idx.full_names.end(), name) == idx.full_names.end()) {
      idx.full_name_words.push_back(SplitWords(name));
      idx.full_names.push_back(std::move(name));
    }
  }
  // "AMLO": capitals that spell the initials of a full name in the text
  // stand for that person.
  std::vector<std::pair<uint32_t, std::string>> acronym_names;
  for (size_t si = 0; si < sentences.size() && si < all_tokens.size(); ++si) {
    const std::vector<Token>& toks = all_tokens[si];
    for (size_t i = 0; i < toks.size(); ++i) {
      const Token& t = toks[i];
      if (!t.all_caps || t.kind != TokenKind::kWord || t.end - t.begin < 3 || t.end - t.begin > 5) continue;
      const std::string_view a = Word(text, t);
      for (const auto& full : idx.full_names) {
        std::string initials;
        bool start = true;
        for (char c : full) {
          if (c == ' ' || c == '-') {
            start = true;
            continue;
          }
          if (start && !(c >= 'a' && c <= 'z')) initials.push_back(c);
          start = false;
        }
        if (initials == a) {
          runs.push_back({{t.begin, t.end}, 1, t.begin, sentences[si].begin, i, &toks});
          acronym_names.emplace_back(t.begin, full);
          break;
        }
      }
    }
  }
  std::sort(runs.begin(), runs.end(), [](const Run& x, const Run& y) { return x.span.begin < y.span.begin; });
  uint32_t prev_end = 0;
  for (const Run& r : runs) {
    PersonMention m;
    m.span = r.span;
    const std::string_view surface = text.substr(r.span.begin, r.span.size());
    m.full_name = r.words >= 2 ? std::string(text.substr(r.full_begin, r.span.end - r.full_begin)) : idx.Resolve(surface);
    // A longer full name that contains this one ("Mohammed bin Salman" within
    // "Mohammed bin Salman Al Saud") stands for it.
    if (r.words >= 2) {
      const std::string longer = idx.Resolve(surface);
      if (longer.size() > m.full_name.size() && longer.find(m.full_name) != std::string::npos) m.full_name = longer;
    }
    for (const auto& [at, full] : acronym_names)
      if (at == r.span.begin) m.full_name = full;
    if (m.full_name.empty()) m.full_name = std::string(surface);
    // The title run before the name: title words, capitalised words and
    // connectors, with at least one title word, not reaching into the
    // previous mention.
    const std::vector<Token>& toks = *r.tokens;
    size_t k = r.first_token;
    size_t title_start = k;
    bool has_title = false;
    while (k > 0) {
      const Token& t = toks[k - 1];
      if (t.begin < prev_end) break;
      // A comma inside a title ("for Democracy, Human Rights and Labor")
      // joins two title words.
      if (t.kind == TokenKind::kPunct && text[t.begin] == ',' && k >= 2 && toks[k - 2].kind == TokenKind::kWord &&
          IsTitleWord(Word(text, toks[k - 2]), tables) && IsTitleWord(Word(text, toks[k]), tables)) {
        --k;
        continue;
      }
      if (t.kind != TokenKind::kWord) break;
      const std::string_view w = Word(text, t);
      const bool title = IsTitleWord(w, tables);
      const bool connector = w == "of" || w == "for" || w == "and" || w == "the" || w == "to";
      const bool cap = t.cap && !tables.function_words.count(Fold(w));
      if (!(title || cap || connector)) break;
      has_title = has_title || title;
      --k;
      if (title || cap) title_start = k;
    }
    if (has_title && title_start < r.first_token) {
      m.title = {toks[title_start].begin, toks[r.first_token - 1].end};
    } else if (r.first_token >= 3 && toks[r.first_token - 1].kind == TokenKind::kPunct &&
               text[toks[r.first_token - 1].begin] == ',') {
      // "The Argentine president, Javier Milei, ...": a description set
      // before the name by a comma is its title.
      const size_t noun = r.first_token - 2;
      if (tables.role_nouns.count(Fold(Word(text, toks[noun])))) {
        for (size_t d = noun; d-- > 0 && noun - d <= 4;) {
          const std::string dw = Fold(Word(text, toks[d]));
          if (dw == "the" || dw == "a" || dw == "an") {
            m.title = {toks[d + 1].begin, toks[noun].end};
            break;
          }
          if (toks[d].kind != TokenKind::kWord) break;
        }
      }
    }
    prev_end = r.span.end;
    idx.mentions.push_back(std::move(m));
  }
  return idx;
}

}  // namespace attache::text
