// Syntax stage: the trainer (trainer.h). Order: lemma tables, tagger,
// (jack-knifed) tags for the parser's training, parser with the dynamic
// oracle, name finder on the predicted tags and trees.
#include "syntax/trainer.h"

#include <algorithm>
#include <map>
#include <random>

#include "syntax/decode.h"
#include "syntax/syntax.h"
#include "syntax/features.h"

namespace attache::syntax {

namespace {

// Longer training sentences are left out of the parser's training.
constexpr int kMaxTrainWords = 150;

struct Prepared {
  std::vector<WordHashes> w;
  std::vector<int> tags, heads, labels, ner;  // gold, 1-based (index 0 unused)
  std::vector<int> auto_tags;                 // the tags the parser trains on
};

int Index(std::vector<std::string>* names, const std::string& s) {
  auto it = std::find(names->begin(), names->end(), s);
  if (it != names->end()) return static_cast<int>(it - names->begin());
  names->push_back(s);
  return static_cast<int>(names->size()) - 1;
}

int Find(const std::vector<std::string>& names, const std::string& s) {
  auto it = std::find(names.begin(), names.end(), s);
  return it == names.end() ? 0 : static_cast<int>(it - names.begin());
}

Prepared Prepare(const TreebankSentence& s, const Model& m) {
  Prepared p;
  std::vector<std::string_view> forms(s.forms.begin(), s.forms.end());
  HashWords(forms, &p.w);
  MarkGazetteer(forms, m.lang, &p.w);
  const int n = static_cast<int>(s.forms.size());
  p.tags.assign(n + 1, 0);
  p.heads.assign(n + 1, 0);
  p.labels.assign(n + 1, 0);
  p.ner.assign(n + 1, 0);
  for (int i = 0; i < n; ++i) {
    p.tags[i + 1] = Find(m.upos, s.upos[i]);
    p.heads[i + 1] = s.heads[i] < 0 ? 0 : s.heads[i];
    p.labels[i + 1] = Find(m.deprels, s.deprels[i]);
    if (!s.ner.empty()) p.ner[i + 1] = Find(m.ner, s.ner[i]);
  }
  p.auto_tags = p.tags;
  return p;
}

// Deterministic order of examples for an epoch.
std::vector<std::size_t> Order(std::size_t n, std::mt19937_64* rng) {
  std::vector<std::size_t> o(n);
  for (std::size_t i = 0; i < n; ++i) o[i] = i;
  for (std::size_t i = n; i > 1; --i) std::swap(o[i - 1], o[(*rng)() % i]);
  return o;
}

void TrainTaggerEpoch(Linear* t, const std::vector<Prepared>& data, const std::vector<std::size_t>& order) {
  uint64_t feats[kMaxFeatures];
  float scores[256];
  std::vector<int> tags;
  for (std::size_t idx : order) {
    const Prepared& p = data[idx];
    const int n = static_cast<int>(p.w.size()) - 1;
    tags.assign(n + 1, 0);
    for (int i = 1; i <= n; ++i) {
      const std::size_t k = TaggerFeatures(p.w, tags, i, feats);
      t->Score(feats, k, scores);
      const int guess = Best(scores, t->classes());
      t->Update(feats, k, p.tags[i], guess);
      t->Tick();
      tags[i] = p.tags[i];  // teacher forcing: the tags before are the true ones
    }
  }
}

double TagAccuracy(const Model& m, const std::vector<Prepared>& data) {
  std::size_t ok = 0, all = 0;
  std::vector<int> tags;
  for (const Prepared& p : data) {
    TagWords(m, p.w, &tags);
    for (std::size_t i = 1; i < tags.size(); ++i) ok += tags[i] == p.tags[i], ++all;
  }
  return all ? static_cast<double>(ok) / all : 0;
}

void TrainParserEpoch(Linear* parser, Linear* labeller, const std::vector<Prepared>& data,
                      const std::vector<std::size_t>& order, bool explore, std::mt19937_64* rng) {
  uint64_t feats[kMaxFeatures];
  float scores[256];
  Config c;
  for (std::size_t idx : order) {
    const Prepared& p = data[idx];
    const int n = static_cast<int>(p.w.size()) - 1;
    if (n > kMaxTrainWords) continue;
    c.Init(n);
    while (!c.Terminal()) {
      const std::size_t k = ParserFeatures(c, p.w, p.auto_tags, feats);
      parser->Score(feats, k, scores);
      int cost[kMoves], best_cost = 1 << 20;
      bool allowed[kMoves], zero[kMoves];
      for (int t = 0; t < kMoves; ++t) {
        allowed[t] = c.Allowed(static_cast<Move>(t));
        cost[t] = allowed[t] ? MoveCost(c, static_cast<Move>(t), p.heads) : 1 << 20;
        best_cost = std::min(best_cost, cost[t]);
      }
      for (int t = 0; t < kMoves; ++t) zero[t] = allowed[t] && cost[t] == best_cost;
      const int guess = Best(scores, kMoves, allowed);
      const int truth = Best(scores, kMoves, zero);
      if (cost[guess] > best_cost) parser->Update(feats, k, truth, guess);
      parser->Tick();
      const bool follow = explore && cost[guess] > best_cost && ((*rng)() % 10) < 9;
      const Move mv = static_cast<Move>(follow ? guess : truth);
      int lab = -1;
      if (mv != kShift) {
        int h, d;
        c.Arc(mv, &h, &d);
        const std::size_t kl = LabelFeatures(c, p.w, p.auto_tags, h, d, feats);
        labeller->Score(feats, kl, scores);
        const int lguess = Best(scores, labeller->classes());
        if (p.heads[d] == h) {
          labeller->Update(feats, kl, p.labels[d], lguess);
          labeller->Tick();
          lab = p.labels[d];
        } else {
          lab = lguess;
        }
      }
      c.Apply(mv, lab);
    }
  }
}

void TrainEntityEpoch(Linear* e, const Model& m, const std::vector<Prepared>& data,
                      const std::vector<std::vector<int>>& heads, const std::vector<std::vector<int>>& labels,
                      const std::vector<std::vector<int>>& tags, const std::vector<std::size_t>& order) {
  uint64_t feats[kMaxFeatures];
  float scores[256];
  bool allowed[256];
  std::vector<int> ner;
  for (std::size_t idx : order) {
    const Prepared& p = data[idx];
    const int n = static_cast<int>(p.w.size()) - 1;
    ner.assign(n + 1, 0);
    for (int i = 1; i <= n; ++i) {
      const std::size_t k = EntityFeatures(p.w, tags[idx], ner, heads[idx], labels[idx], i, feats);
      e->Score(feats, k, scores);
      for (int c = 0; c < e->classes(); ++c) allowed[c] = EntityAllowed(m.ner, i > 1 ? ner[i - 1] : 0, c);
      const int guess = Best(scores, e->classes(), allowed);
      e->Update(feats, k, p.ner[i], guess);
      e->Tick();
      ner[i] = p.ner[i];
    }
  }
}

// Entity spans (first, last, label) of BIO labels.
std::vector<std::tuple<int, int, std::string>> Spans(const std::vector<std::string>& names, const std::vector<int>& ner) {
  std::vector<std::tuple<int, int, std::string>> out;
  for (std::size_t i = 1; i < ner.size(); ++i) {
    const std::string& l = names[ner[i]];
    if (l.size() < 3 || l[0] != 'B') continue;
    std::size_t j = i;
    while (j + 1 < ner.size() && names[ner[j + 1]] == "I-" + l.substr(2)) ++j;
    out.emplace_back(static_cast<int>(i), static_cast<int>(j), l.substr(2));
  }
  return out;
}

}  // namespace

ParseScores Evaluate(const Model& m, const std::vector<TreebankSentence>& gold) {
  ParseScores sc;
  std::vector<int> tags, heads, labels;
  std::vector<WordHashes> w;
  for (const TreebankSentence& s : gold) {
    std::vector<std::string_view> forms(s.forms.begin(), s.forms.end());
    HashWords(forms, &w);
    MarkGazetteer(forms, m.lang, &w);
    const int n = static_cast<int>(s.forms.size());
    sc.words += n;
    if (n > kMaxSentenceWords) continue;
    TagWords(m, w, &tags);
    ParseWords(m, w, tags, &heads, &labels);
    for (int i = 0; i < n; ++i) {
      sc.upos += m.upos[tags[i + 1]] == s.upos[i];
      const int gh = s.heads[i] < 0 ? 0 : s.heads[i];
      if (heads[i + 1] != gh) continue;
      ++sc.uas;
      const std::string_view pl = labels[i + 1] >= 0 ? std::string_view(m.deprels[labels[i + 1]]) : "";
      const std::string_view gl = s.deprels[i];
      sc.las += pl.substr(0, pl.find(':')) == gl.substr(0, gl.find(':'));
    }
  }
  return sc;
}

Result<Model> Train(const std::vector<TreebankSentence>& train, const std::vector<TreebankSentence>& dev,
                    const TrainConfig& cfg) {
  auto log = [&](const std::string& s) { if (cfg.log) cfg.log(s); };
  if (train.empty()) return Status::InvalidArgument("no training sentences");
  Model m;
  m.lang = cfg.lang;
  m.attribution = cfg.attribution;
  m.word_table_text = cfg.word_table_text;
  m.ner = {"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"};
  // Class names in order of first appearance in the training data.
  for (const auto& s : train)
    for (std::size_t i = 0; i < s.forms.size(); ++i) {
      Index(&m.upos, s.upos[i]);
      Index(&m.deprels, s.deprels[i]);
    }
  if (m.upos.size() > 64 || m.deprels.size() > 250) return Status::InvalidArgument("too many tags or relations");
  m.Prepare();

  // Lemmas: dictionary of (form, tag) -> most frequent lemma; suffix rules.
  {
    std::map<std::string, std::map<std::string, int>> dict;
    std::map<std::string, std::map<std::pair<int, std::string>, int>> rules;
    for (const auto& s : train)
      for (std::size_t i = 0; i < s.forms.size(); ++i) {
        const int u = Find(m.upos, s.upos[i]);
        const std::string& f = s.forms[i];
        const std::string& l = s.lemmas[i];
        if (l == "_" || l.empty()) continue;
        ++dict[f + '\t' + static_cast<char>(u)][l];
        std::string low = f;
        for (char& c : low) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        std::size_t common = 0;
        while (common < low.size() && common < l.size() && low[common] == l[common]) ++common;
        const int cut = static_cast<int>(low.size() - common);
        if (cut > 255 || common == 0) continue;
        for (std::size_t k = 1; k <= 4 && k <= low.size(); ++k)
          ++rules[std::string(1, static_cast<char>(u)) + low.substr(low.size() - k)][{cut, l.substr(common)}];
      }
    for (const auto& [k, counts] : dict) {
      auto best = std::max_element(counts.begin(), counts.end(),
                                   [](const auto& a, const auto& b) { return a.second < b.second; });
      const std::string form = k.substr(0, k.find('\t'));
      if (best->first != form) m.lemmas.dict[k] = best->first;
    }
    for (const auto& [k, counts] : rules) {
      auto best = std::max_element(counts.begin(), counts.end(),
                                   [](const auto& a, const auto& b) { return a.second < b.second; });
      if (best->second >= 3 && (best->first.first != 0 || !best->first.second.empty()))
        m.lemmas.rules[k] = {static_cast<uint8_t>(best->first.first), best->first.second};
    }
    // A word whose lemma is itself in training needs no dictionary entry
    // unless a rule would change it: keep those with an identity override.
    for (const auto& [k, counts] : dict) {
      auto best = std::max_element(counts.begin(), counts.end(),
                                   [](const auto& a, const auto& b) { return a.second < b.second; });
      const std::string form = k.substr(0, k.find('\t'));
      if (best->first == form && m.lemmas.Lemma(form, k.back(), false) != form) m.lemmas.dict[k] = form;
    }
    log("lemmas: " + std::to_string(m.lemmas.dict.size()) + " dictionary entries, " +
        std::to_string(m.lemmas.rules.size()) + " suffix rules");
  }

  std::vector<Prepared> tr, dv;
  for (const auto& s : train) tr.push_back(Prepare(s, m));
  for (const auto& s : dev) dv.push_back(Prepare(s, m));
  std::mt19937_64 rng(cfg.seed);

  // Tagger.
  {
    Linear t(cfg.tagger_bits, static_cast<int>(m.upos.size()));
    double best = -1;
    for (int ep = 1; ep <= cfg.tagger_epochs; ++ep) {
      TrainTaggerEpoch(&t, tr, Order(tr.size(), &rng));
      Model probe;
      probe.tagger = t.Finalized();
      const double acc = TagAccuracy(probe, dv);
      log("tagger epoch " + std::to_string(ep) + ": dev UPOS " + std::to_string(acc * 100));
      if (acc > best) best = acc, m.tagger = std::move(probe.tagger);
    }
  }
  // Tags for the parser's training: from taggers that did not see the sentence.
  if (cfg.folds > 1) {
    const int epochs = std::max(1, cfg.tagger_epochs * 2 / 3);
    for (int f = 0; f < cfg.folds; ++f) {
      Linear t(cfg.tagger_bits, static_cast<int>(m.upos.size()));
      std::vector<Prepared> part;
      std::vector<std::size_t> held;
      for (std::size_t i = 0; i < tr.size(); ++i) (static_cast<int>(i % cfg.folds) == f ? held.push_back(i) : part.push_back(tr[i]));
      for (int ep = 1; ep <= epochs; ++ep) TrainTaggerEpoch(&t, part, Order(part.size(), &rng));
      Model probe;
      probe.tagger = t.Finalized();
      std::vector<int> tags;
      for (std::size_t i : held) {
        TagWords(probe, tr[i].w, &tags);
        tr[i].auto_tags = tags;
      }
    }
    log("jack-knifed tags for the parser: " + std::to_string(cfg.folds) + " folds");
  }
  for (Prepared& p : dv) TagWords(m, p.w, &p.auto_tags);

  // Parser and labeller.
  {
    Linear par(cfg.parser_bits, kMoves), lab(cfg.labeller_bits, static_cast<int>(m.deprels.size()));
    double best = -1;
    for (int ep = 1; ep <= cfg.parser_epochs; ++ep) {
      TrainParserEpoch(&par, &lab, tr, Order(tr.size(), &rng), ep > 1, &rng);
      Model probe = m;
      probe.parser = par.Finalized();
      probe.labeller = lab.Finalized();
      const ParseScores sc = Evaluate(probe, dev);
      const double las = sc.words ? 100.0 * sc.las / sc.words : 0;
      log("parser epoch " + std::to_string(ep) + ": dev UAS " + std::to_string(100.0 * sc.uas / sc.words) + " LAS " +
          std::to_string(las));
      if (las > best) best = las, m.parser = std::move(probe.parser), m.labeller = std::move(probe.labeller);
    }
  }

  // Name finder, on sentences with entity annotations, over predicted tags and trees.
  {
    std::vector<Prepared> etr, edv;
    std::vector<std::vector<int>> th, tl, tt, dh, dl, dt;
    auto add = [&](const std::vector<TreebankSentence>& src, const std::vector<Prepared>& prep, std::vector<Prepared>* out,
                   std::vector<std::vector<int>>* hs, std::vector<std::vector<int>>* ls, std::vector<std::vector<int>>* ts) {
      for (std::size_t i = 0; i < src.size(); ++i) {
        if (!src[i].has_entities) continue;
        out->push_back(prep[i]);
        std::vector<int> tags, heads, labels;
        TagWords(m, prep[i].w, &tags);
        ParseWords(m, prep[i].w, tags, &heads, &labels);
        ts->push_back(tags);
        hs->push_back(heads);
        ls->push_back(labels);
      }
    };
    add(train, tr, &etr, &th, &tl, &tt);
    add(dev, dv, &edv, &dh, &dl, &dt);
    Linear e(cfg.entity_bits, static_cast<int>(m.ner.size()));
    double best = -1;
    m.entities = e.Finalized();
    for (int ep = 1; ep <= cfg.entity_epochs && !etr.empty(); ++ep) {
      TrainEntityEpoch(&e, m, etr, th, tl, tt, Order(etr.size(), &rng));
      Model probe = m;
      probe.entities = e.Finalized();
      std::size_t tp = 0, pred = 0, gold = 0;
      std::vector<int> ner;
      for (std::size_t i = 0; i < edv.size(); ++i) {
        EntityWords(probe, edv[i].w, dt[i], dh[i], dl[i], &ner);
        const auto ps = Spans(m.ner, ner), gs = Spans(m.ner, edv[i].ner);
        pred += ps.size();
        gold += gs.size();
        for (const auto& x : ps) tp += std::find(gs.begin(), gs.end(), x) != gs.end();
      }
      const double f1 = pred + gold ? 2.0 * tp / (pred + gold) : 0;
      log("entities epoch " + std::to_string(ep) + ": dev F1 " + std::to_string(f1 * 100));
      if (f1 > best) best = f1, m.entities = std::move(probe.entities);
    }
  }
  return m;
}

}  // namespace attache::syntax
