// Syntax stage: the public entry points (attache/syntax.h) - parse an
// article or a CoNLL-U file, evaluate, train.
#include <cstdio>
#include <algorithm>
#include <array>
#include <map>
#include <tuple>

#include "attache/syntax.h"
#include "core/json.h"
#include "syntax/conllu.h"
#include "syntax/syntax.h"
#include "syntax/trainer.h"
#include "text/names.h"
#include "text/tables.h"

namespace attache {

namespace {

Result<const syntax::Model*> NeedModel(std::string_view lang) {
  const syntax::Model* m = syntax::ModelFor(lang);
  if (!m) return Status::NotFound(syntax::ModelError(lang));
  return m;
}

// A gold sentence's words as a syntax::Sentence (offsets within the
// sentence's forms joined by spaces).
syntax::Sentence FromTreebank(const syntax::TreebankSentence& t) {
  syntax::Sentence s;
  uint32_t at = 0;
  for (const std::string& f : t.forms) {
    syntax::Word w;
    w.form = f;
    w.begin = at;
    w.end = at + static_cast<uint32_t>(f.size());
    at = w.end + 1;
    s.words.push_back(std::move(w));
  }
  return s;
}

std::string Field(std::string_view s) { return s.empty() ? "_" : std::string(s); }

void AppendConlluWords(std::string* out, const syntax::Sentence& s) {
  std::vector<std::string> ent(s.words.size(), "O");
  for (const auto& e : s.entities) {
    const char* t = e.type == syntax::EntityType::kPerson ? "PER" : e.type == syntax::EntityType::kPlace ? "LOC" : "ORG";
    for (int i = e.first; i <= e.last; ++i) ent[i] = std::string(i == e.first ? "B-" : "I-") + t;
  }
  for (int i = 0; i < s.size(); ++i) {
    const syntax::Word& w = s.words[i];
    *out += std::to_string(i + 1) + "\t" + Field(w.form) + "\t" + Field(w.lemma) + "\t" + Field(w.upos) + "\t_\t_\t" +
            std::to_string(w.head + 1) + "\t" + Field(w.deprel) + "\t_\tOffsets=" + std::to_string(w.begin) + ":" +
            std::to_string(w.end) + (ent[i] != "O" ? "|Entity=" + ent[i] : "") + "\n";
  }
}

}  // namespace

Result<std::string> ParseArticle(const Article& a, ParseFormat format) {
  const std::string lang = a.lang ? *a.lang : "en";
  const text::LanguageTables* tables = text::FindTables(lang);
  if (!tables) return Status::Unsupported("no language tables for '" + lang + "'");
  auto mr = NeedModel(lang);
  if (!mr.ok()) return mr.status();
  const syntax::Model& m = *mr.value();
  const text::TextLayer layer = text::BuildTextLayer(a.text, *tables);
  std::string out;
  if (format == ParseFormat::kJson) {
    out = "{\"source\":";
    json::AppendString(&out, a.source);
    json::AppendField(&out, "url", a.url);
    out += ",\"sentences\":[";
  } else {
    out = "# newdoc id = " + a.source + "\n";
  }
  std::size_t too_long = 0;
  for (std::size_t i = 0; i < layer.sentences.size(); ++i) {
    syntax::Sentence s;
    s.words = syntax::SplitWords(m, a.text, layer.tokens[i]);
    if (!syntax::Analyze(m, &s)) {
      too_long += s.size() > syntax::kMaxSentenceWords;
      continue;
    }
    const text::Span sp = layer.sentences[i];
    const std::string_view st = std::string_view(a.text).substr(sp.begin, sp.size());
    if (format == ParseFormat::kConllu) {
      std::string flat(st);
      for (char& c : flat)
        if (c == '\n' || c == '\r') c = ' ';
      out += "# sent_id = " + std::to_string(i + 1) + "\n# text = " + flat + "\n# begin = " + std::to_string(sp.begin) + "\n";
      AppendConlluWords(&out, s);
      out += "\n";
      continue;
    }
    if (out.back() != '[') out += ",";
    out += "{\"begin\":" + std::to_string(sp.begin) + ",\"end\":" + std::to_string(sp.end) + ",\"words\":[";
    for (int k = 0; k < s.size(); ++k) {
      const syntax::Word& w = s.words[k];
      if (k) out += ",";
      out += "{\"id\":" + std::to_string(k + 1) + ",\"form\":";
      json::AppendString(&out, w.form);
      out += ",\"lemma\":";
      json::AppendString(&out, w.lemma);
      out += ",\"upos\":";
      json::AppendString(&out, w.upos);
      out += ",\"head\":" + std::to_string(w.head + 1) + ",\"deprel\":";
      json::AppendString(&out, w.deprel);
      out += ",\"begin\":" + std::to_string(w.begin) + ",\"end\":" + std::to_string(w.end) + "}";
    }
    out += "],\"entities\":[";
    for (std::size_t k = 0; k < s.entities.size(); ++k) {
      const syntax::Entity& e = s.entities[k];
      if (k) out += ",";
      out += "{\"type\":";
      json::AppendString(&out, syntax::EntityTypeName(e.type));
      out += ",\"text\":";
      json::AppendString(&out, std::string_view(a.text).substr(e.begin, e.end - e.begin));
      out += ",\"begin\":" + std::to_string(e.begin) + ",\"end\":" + std::to_string(e.end) + "}";
    }
    out += "]}";
  }
  if (format == ParseFormat::kJson) out += "],\"too_long\":" + std::to_string(too_long) + "}\n";
  return out;
}

Result<std::string> ParseConlluFile(const std::string& path, std::string_view lang) {
  auto mr = NeedModel(lang);
  if (!mr.ok()) return mr.status();
  auto text = syntax::ReadFile(path);
  if (!text.ok()) return text.status();
  std::vector<syntax::TreebankSentence> sents;
  if (Status st = syntax::ReadConllu(text.value(), path, &sents); !st.ok()) return st;
  std::string out;
  for (const auto& t : sents) {
    syntax::Sentence s = FromTreebank(t);
    const bool ok = syntax::Analyze(*mr.value(), &s);
    std::size_t w = 0;
    for (std::size_t li = 0; li < t.lines.size(); ++li) {
      if (w < t.word_line.size() && t.word_line[w] == static_cast<int>(li)) {
        const syntax::Word& x = s.words[w];
        out += std::to_string(w + 1) + "\t" + t.forms[w] + "\t" + (ok ? Field(x.lemma) : "_") + "\t" +
               (ok ? Field(x.upos) : "_") + "\t_\t_\t" + (ok ? std::to_string(x.head + 1) : "_") + "\t" +
               (ok ? Field(x.deprel) : "_") + "\t_\t_\n";
        ++w;
        continue;
      }
      const std::string& line = t.lines[li];
      if (line[0] == '#') {
        out += line + "\n";
        continue;
      }
      const std::size_t tab = line.find('\t');
      const std::string id = line.substr(0, tab);
      if (id.find('.') != std::string::npos) continue;  // empty nodes are dropped
      const std::size_t tab2 = line.find('\t', tab + 1);
      out += id + "\t" + line.substr(tab + 1, tab2 - tab - 1) + "\t_\t_\t_\t_\t_\t_\t_\t_\n";
    }
    out += "\n";
  }
  return out;
}

Result<std::string> EvaluateConlluFile(const std::string& path, std::string_view lang) {
  auto mr = NeedModel(lang);
  if (!mr.ok()) return mr.status();
  auto text = syntax::ReadFile(path);
  if (!text.ok()) return text.status();
  std::vector<syntax::TreebankSentence> gold;
  if (Status st = syntax::ReadConllu(text.value(), path, &gold); !st.ok()) return st;
  std::size_t words = 0, upos = 0, uas = 0, las = 0;
  std::map<std::string, std::pair<std::size_t, std::size_t>> by_rel;  // gold base relation -> (count, correct)
  for (const auto& t : gold) {
    syntax::Sentence s = FromTreebank(t);
    const bool ok = syntax::Analyze(*mr.value(), &s);
    for (std::size_t i = 0; i < t.forms.size(); ++i) {
      ++words;
      const std::string base(syntax::Sentence::Base(t.deprels[i]));
      ++by_rel[base].first;
      if (!ok) continue;
      upos += s.words[i].upos == t.upos[i];
      const int gh = t.heads[i] < 0 ? 0 : t.heads[i];
      if (s.words[i].head + 1 != gh) continue;
      ++uas;
      if (syntax::Sentence::Base(s.words[i].deprel) == base) ++las, ++by_rel[base].second;
    }
  }
  auto pct = [&](std::size_t k) { char b[32]; std::snprintf(b, sizeof b, "%.2f", words ? 100.0 * k / words : 0.0); return std::string(b); };
  std::string out = path + ": " + std::to_string(words) + " words, UPOS " + pct(upos) + ", UAS " + pct(uas) +
                    ", LAS " + pct(las) + "\nLAS by gold relation (count, LAS, share of all LAS errors):\n";
  std::vector<std::pair<std::size_t, std::string>> rows;
  for (const auto& [r, c] : by_rel) rows.push_back({c.first - c.second, r});
  std::sort(rows.rbegin(), rows.rend());
  const std::size_t errors = words - las;
  for (const auto& [err, r] : rows) {
    const auto& c = by_rel[r];
    char b[160];
    std::snprintf(b, sizeof b, "  %-12s %6zu  %6.2f  %5.1f%%\n", r.c_str(), c.first, c.first ? 100.0 * c.second / c.first : 0.0,
                  errors ? 100.0 * err / errors : 0.0);
    out += b;
  }
  return out;
}

Result<std::string> EvaluateEntitiesFile(const std::string& path, std::string_view lang) {
  auto mr = NeedModel(lang);
  if (!mr.ok()) return mr.status();
  auto text = syntax::ReadFile(path);
  if (!text.ok()) return text.status();
  std::vector<syntax::TreebankSentence> gold;
  if (Status st = syntax::ReadIob2(text.value(), path, &gold); !st.ok()) return st;
  std::map<std::string, std::array<std::size_t, 3>> c;  // type -> tp, pred, gold
  for (const auto& t : gold) {
    syntax::Sentence s = FromTreebank(t);
    if (!syntax::Analyze(*mr.value(), &s)) s.entities.clear();
    std::vector<std::tuple<int, int, std::string>> g, p;
    for (std::size_t i = 0; i < t.ner.size(); ++i) {
      if (t.ner[i].size() < 3 || t.ner[i][0] != 'B') continue;
      std::size_t j = i;
      while (j + 1 < t.ner.size() && t.ner[j + 1] == "I-" + t.ner[i].substr(2)) ++j;
      g.emplace_back(static_cast<int>(i), static_cast<int>(j), t.ner[i].substr(2));
    }
    for (const auto& e : s.entities)
      p.emplace_back(e.first, e.last,
                     e.type == syntax::EntityType::kPerson ? "PER" : e.type == syntax::EntityType::kPlace ? "LOC" : "ORG");
    for (const auto& x : g) ++c[std::get<2>(x)][2], ++c["all"][2];
    for (const auto& x : p) {
      ++c[std::get<2>(x)][1], ++c["all"][1];
      if (std::find(g.begin(), g.end(), x) != g.end()) ++c[std::get<2>(x)][0], ++c["all"][0];
    }
  }
  std::string out = path + ": entities (exact span and type)\n";
  for (const auto& [type, v] : c) {
    const double p = v[1] ? 1.0 * v[0] / v[1] : 0, r = v[2] ? 1.0 * v[0] / v[2] : 0, f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    char b[160];
    std::snprintf(b, sizeof b, "  %-4s gold %5zu  predicted %5zu  P %.3f  R %.3f  F1 %.3f\n", type.c_str(), v[2], v[1], p, r, f);
    out += b;
  }
  return out;
}

Status TrainSyntax(const TrainSyntaxOptions& o, const std::function<void(const std::string&)>& log) {
  if (!o.convert.empty()) {
    auto m = syntax::Model::Load(o.convert);
    if (!m.ok()) return m.status();
    log("converting " + o.convert + " to format version " + std::to_string(syntax::kModelVersion) + ": " + o.out);
    return m.value().Save(o.out);
  }
  std::vector<syntax::TreebankSentence> train, dev;
  for (const auto& f : o.train) {
    auto t = syntax::ReadFile(f);
    if (!t.ok()) return t.status();
    if (Status st = syntax::ReadConllu(t.value(), f, &train); !st.ok()) return st;
  }
  for (const auto& f : o.dev) {
    auto t = syntax::ReadFile(f);
    if (!t.ok()) return t.status();
    if (Status st = syntax::ReadConllu(t.value(), f, &dev); !st.ok()) return st;
  }
  auto table = syntax::ReadFile(o.words_table);
  if (!table.ok()) return table.status();
  syntax::TrainConfig cfg;
  cfg.lang = o.lang;
  cfg.attribution = o.attribution;
  cfg.word_table_text = table.value();
  cfg.tagger_epochs = o.tagger_epochs;
  cfg.parser_epochs = o.parser_epochs;
  cfg.entity_epochs = o.entity_epochs;
  cfg.seed = o.seed;
  cfg.log = log;
  log("training on " + std::to_string(train.size()) + " sentences, dev " + std::to_string(dev.size()));
  auto m = syntax::Train(train, dev, cfg);
  if (!m.ok()) return m.status();
  return m.value().Save(o.out);
}

}  // namespace attache
