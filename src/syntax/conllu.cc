// Syntax stage: CoNLL-U and IOB2 readers (conllu.h).
#include "syntax/conllu.h"

#include <fstream>
#include <sstream>

namespace attache::syntax {

namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cols;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || line[i] == '\t') {
      cols.push_back(line.substr(start, i - start));
      start = i + 1;
    }
  }
  return cols;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// GUM's MISC Entity=(1-person-...(2-place-...)1) : entity types opened and
// closed at a word. Only person, place and organization are kept.
const char* NerType(std::string_view t) {
  if (t == "person") return "PER";
  if (t == "place") return "LOC";
  if (t == "organization") return "ORG";
  return nullptr;
}

// Marks words with BIO labels from the Entity= annotations. Named entities
// only: a mention is kept when it holds a PROPN word, and its label covers
// the run of PROPN words around the mention's first PROPN.
void EntitiesFromMisc(TreebankSentence* s, const std::vector<std::string>& misc) {
  const int n = static_cast<int>(s->forms.size());
  s->ner.assign(n, "O");
  struct Open {
    std::string id;
    const char* type;
    int first;
  };
  std::vector<Open> open;
  std::vector<std::pair<int, int>> spans;
  std::vector<const char*> types;
  for (int i = 0; i < n; ++i) {
    const std::string& m = misc[i];
    const std::size_t at = m.find("Entity=");
    if (at == std::string::npos) continue;
    s->has_entities = true;
    std::string_view v(m);
    v = v.substr(at + 7);
    v = v.substr(0, v.find('|'));
    std::size_t p = 0;
    while (p < v.size()) {
      if (v[p] == '(') {
        std::size_t q = p + 1;
        while (q < v.size() && v[q] != '(' && v[q] != ')') ++q;
        const std::string_view body = v.substr(p + 1, q - p - 1);
        const std::size_t d1 = body.find('-');
        const std::string id(body.substr(0, d1));
        std::string_view rest = d1 == std::string_view::npos ? "" : body.substr(d1 + 1);
        const char* type = NerType(rest.substr(0, rest.find('-')));
        if (q < v.size() && v[q] == ')') {
          if (type) spans.push_back({i, i}), types.push_back(type);
          ++q;
        } else {
          open.push_back({id, type, i});
        }
        p = q;
      } else {
        std::size_t q = p;
        while (q < v.size() && v[q] != '(' && v[q] != ')') ++q;
        const std::string id(v.substr(p, q - p));
        for (std::size_t k = open.size(); k-- > 0;) {
          if (open[k].id != id) continue;
          if (open[k].type) spans.push_back({open[k].first, i}), types.push_back(open[k].type);
          open.erase(open.begin() + static_cast<long>(k));
          break;
        }
        p = q < v.size() ? q + 1 : q;
      }
    }
  }
  for (std::size_t k = 0; k < spans.size(); ++k) {
    int f = -1;
    for (int i = spans[k].first; i <= spans[k].second && f < 0; ++i)
      if (s->upos[i] == "PROPN") f = i;
    if (f < 0) continue;
    // The name: the run of capitalised words around it inside the mention
    // (not a leading determiner or preposition), bridging one lower-case
    // ADP between capitalised words ("Bank of England").
    auto cap = [&](int i) {
      const std::string& w = s->forms[i];
      return !w.empty() && ((w[0] >= 'A' && w[0] <= 'Z') || s->upos[i] == "PROPN") && s->upos[i] != "DET" &&
             s->upos[i] != "ADP" && s->upos[i] != "PUNCT" && s->upos[i] != "PRON";
    };
    int a = f, b = f;
    while (a > spans[k].first && cap(a - 1)) --a;
    for (;;) {
      if (b < spans[k].second && cap(b + 1)) ++b;
      else if (b + 2 <= spans[k].second && s->upos[b + 1] == "ADP" && cap(b + 2)) b += 2;
      else break;
    }
    bool free = true;
    for (int i = a; i <= b; ++i) free = free && s->ner[i] == "O";
    if (!free) continue;  // nested mentions: the outer one came first
    s->ner[a] = std::string("B-") + types[k];
    for (int i = a + 1; i <= b; ++i) s->ner[i] = std::string("I-") + types[k];
  }
}

}  // namespace

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Status ReadConllu(std::string_view text, const std::string& name, std::vector<TreebankSentence>* out) {
  TreebankSentence cur;
  std::vector<std::string> misc;
  std::size_t lineno = 0, pos = 0;
  auto flush = [&]() {
    if (!cur.forms.empty()) {
      EntitiesFromMisc(&cur, misc);
      if (!cur.has_entities) cur.ner.clear();
      out->push_back(std::move(cur));
    }
    cur = TreebankSentence{};
    misc.clear();
  };
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      flush();
      if (nl == text.size()) break;
      continue;
    }
    cur.lines.emplace_back(line);
    if (line[0] == '#') continue;
    const auto cols = SplitTabs(line);
    if (cols.size() != 10)
      return Status::InvalidArgument(name + ":" + std::to_string(lineno) + ": expected 10 tab-separated columns, found " +
                                     std::to_string(cols.size()));
    if (!AllDigits(cols[0])) continue;  // a range or an empty node
    if (std::stoul(std::string(cols[0])) != cur.forms.size() + 1)
      return Status::InvalidArgument(name + ":" + std::to_string(lineno) + ": word ID " + std::string(cols[0]) +
                                     " out of sequence");
    cur.word_line.push_back(static_cast<int>(cur.lines.size()) - 1);
    cur.forms.emplace_back(cols[1]);
    cur.lemmas.emplace_back(cols[2]);
    cur.upos.emplace_back(cols[3]);
    cur.heads.push_back(AllDigits(cols[6]) ? std::stoi(std::string(cols[6])) : -1);
    cur.deprels.emplace_back(cols[7]);
    misc.emplace_back(cols[9]);
  }
  flush();
  for (const auto& s : *out)
    for (int h : s.heads)
      if (h > static_cast<int>(s.forms.size())) return Status::InvalidArgument(name + ": a HEAD points past its sentence");
  return Status::Ok();
}

Status ReadIob2(std::string_view text, const std::string& name, std::vector<TreebankSentence>* out) {
  TreebankSentence cur;
  std::size_t lineno = 0, pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      if (!cur.forms.empty()) out->push_back(std::move(cur));
      cur = TreebankSentence{};
      if (nl == text.size()) break;
      continue;
    }
    if (line[0] == '#') continue;
    const auto cols = SplitTabs(line);
    if (cols.size() < 3) return Status::InvalidArgument(name + ":" + std::to_string(lineno) + ": expected ID, FORM, LABEL");
    cur.forms.emplace_back(cols[1]);
    std::string lab(cols[2]);
    if (lab.size() > 2 && lab[1] == '-' && lab.substr(2) != "PER" && lab.substr(2) != "LOC" && lab.substr(2) != "ORG")
      lab = "O";
    cur.ner.push_back(lab);
    cur.has_entities = true;
  }
  if (!cur.forms.empty()) out->push_back(std::move(cur));
  return Status::Ok();
}

}  // namespace attache::syntax
