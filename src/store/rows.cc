#include "store/rows.h"

#include <algorithm>

#include "core/json.h"

namespace attache::store {

void Where::Add(std::string_view clause, std::vector<std::string> values) {
  std::string c;
  size_t k = 0;
  for (char ch : clause) {
    c.push_back(ch);
    if (ch == '?') c += std::to_string(first_ + static_cast<int>(values_.size() + k++));
  }
  for (auto& v : values) values_.push_back(std::move(v));
  if (!sql_.empty()) sql_ += " AND ";
  sql_ += "(" + c + ")";
}

void Where::BindTo(Stmt* s) const {
  for (size_t i = 0; i < values_.size(); ++i) s->Bind(first_ + static_cast<int>(i), values_[i]);
}

std::string RowJson(const Stmt& s, int columns) {
  const int n = columns < 0 ? s.ColumnCount() : columns;
  std::string o = "{";
  for (int i = 0; i < n; ++i) {
    std::string name = s.ColumnName(i);
    const bool is_json = name.size() > 5 && name.substr(name.size() - 5) == "_json";
    if (is_json) name.resize(name.size() - 5);
    if (i) o.push_back(',');
    json::AppendString(&o, name);
    o.push_back(':');
    switch (s.Type(i)) {
      case ColumnType::kNull:
        o += is_json ? "[]" : "null";
        break;
      case ColumnType::kInteger:
        o += std::to_string(s.Int(i));
        break;
      case ColumnType::kFloat:
        o += s.Text(i);
        break;
      default:
        if (is_json) {
          o += s.Text(i);
        } else {
          json::AppendString(&o, s.Text(i));
        }
    }
  }
  o.push_back('}');
  return o;
}

std::vector<std::string> RowsToJson(Stmt* s, Status* st) {
  std::vector<std::string> rows;
  while (s->Step(st)) rows.push_back(RowJson(*s));
  return rows;
}

std::string JoinArray(const std::vector<std::string>& rows) {
  std::string out = "[";
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i) out.push_back(',');
    out += rows[i];
  }
  out.push_back(']');
  return out;
}

std::string FtsQuery(std::string_view user) {
  std::string out;
  auto add_term = [&](std::string_view term, bool prefix) {
    std::string t;
    for (char c : term) {
      if (c == '"') t += "\"\"";
      else t.push_back(c);
    }
    if (t.empty()) return;
    if (!out.empty()) out.push_back(' ');
    out += "\"" + t + "\"";
    if (prefix) out.push_back('*');
  };
  size_t i = 0;
  while (i < user.size()) {
    const unsigned char c = static_cast<unsigned char>(user[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    if (c == '"') {
      const size_t close = user.find('"', i + 1);
      const size_t end = close == std::string_view::npos ? user.size() : close;
      add_term(user.substr(i + 1, end - i - 1), false);
      i = close == std::string_view::npos ? user.size() : close + 1;
      continue;
    }
    size_t j = i;
    while (j < user.size() && user[j] != ' ' && user[j] != '\t' && user[j] != '\n' && user[j] != '\r' &&
           user[j] != '"') {
      ++j;
    }
    std::string_view w = user.substr(i, j - i);
    i = j;
    if (w == "OR" && !out.empty()) {
      out += " OR";
      continue;
    }
    bool prefix = false;
    if (w.size() > 1 && w.back() == '*') {
      prefix = true;
      w.remove_suffix(1);
    }
    add_term(w, prefix);
  }
  // A dangling OR at the end would be a syntax error.
  while (out.size() >= 3 && out.compare(out.size() - 3, 3, " OR") == 0) out.resize(out.size() - 3);
  return out;
}

namespace {

struct Term {
  std::string word;  // ASCII lower-cased
  bool prefix = false;
};

std::vector<Term> QueryTerms(std::string_view q) {
  std::vector<Term> terms;
  size_t i = 0;
  while ((i = q.find('"', i)) != std::string_view::npos) {
    std::string t;
    size_t j = i + 1;
    for (; j < q.size(); ++j) {
      if (q[j] == '"') {
        if (j + 1 < q.size() && q[j + 1] == '"') {
          t.push_back('"');
          ++j;
          continue;
        }
        break;
      }
      t.push_back(q[j]);
    }
    Term term;
    term.prefix = j + 1 < q.size() && q[j + 1] == '*';
    // A phrase's words are matched one by one.
    std::string w;
    for (char c : t + " ") {
      if (c == ' ') {
        if (!w.empty()) terms.push_back({w, term.prefix});
        w.clear();
      } else {
        w.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
      }
    }
    i = j + 1;
  }
  return terms;
}

bool WordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Length of the word at `pos` matched by a term, else 0.
size_t MatchAt(std::string_view text, size_t pos, const std::vector<Term>& terms) {
  size_t end = pos;
  while (end < text.size() && WordByte(static_cast<unsigned char>(text[end]))) ++end;
  const size_t len = end - pos;
  for (const Term& t : terms) {
    if (t.word.size() > len || (!t.prefix && t.word.size() != len)) continue;
    bool same = true;
    for (size_t k = 0; k < t.word.size() && same; ++k) {
      char c = text[pos + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      same = c == t.word[k];
    }
    if (same) return len;
  }
  return 0;
}

}  // namespace

std::string MakeSnippet(std::string_view text, std::string_view fts_query, size_t width) {
  const std::vector<Term> terms = QueryTerms(fts_query);
  size_t first = std::string_view::npos;
  for (size_t i = 0; i < text.size() && first == std::string_view::npos; ++i) {
    if (WordByte(static_cast<unsigned char>(text[i])) && (i == 0 || !WordByte(static_cast<unsigned char>(text[i - 1])))) {
      if (MatchAt(text, i, terms)) first = i;
    }
  }
  size_t begin = 0;
  if (first != std::string_view::npos && first > width / 3) {
    begin = text.rfind(' ', first - width / 3);
    begin = begin == std::string_view::npos ? 0 : begin + 1;
  }
  size_t end = std::min(text.size(), begin + width);
  if (end < text.size()) {
    const size_t space = text.rfind(' ', end);
    if (space != std::string_view::npos && space > begin) end = space;
  }
  while (end < text.size() && end > begin && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  std::string out = begin > 0 ? "…" : "";
  for (size_t i = begin; i < end;) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (WordByte(c) && (i == 0 || !WordByte(static_cast<unsigned char>(text[i - 1])))) {
      if (const size_t n = MatchAt(text, i, terms); n && i + n <= end) {
        out += "[";
        out.append(text.substr(i, n));
        out += "]";
        i += n;
        continue;
      }
    }
    out.push_back(text[i] == '\n' ? ' ' : text[i]);
    ++i;
  }
  if (end < text.size()) out += "…";
  return out;
}

std::string CsvField(std::string_view v) {
  bool quote = false;
  for (char c : v) {
    if (c == ',' || c == '"' || c == '\n' || c == '\r') quote = true;
  }
  if (!quote) return std::string(v);
  std::string o = "\"";
  for (char c : v) {
    if (c == '"') o += "\"\"";
    else o.push_back(c);
  }
  o.push_back('"');
  return o;
}

}  // namespace attache::store

namespace attache::store {

std::string SourcesSql(std::string_view kind, std::string_view id_column) {
  const std::string table = kind == "visit" ? "visit_sources" : "meeting_sources";
  const std::string key = kind == "visit" ? "visit_id" : "meeting_id";
  return "(SELECT json_group_array(json_object('id', s.id, 'title', s.title, 'outlet', s.outlet, 'date', "
         "s.published, 'url', s.url)) FROM (SELECT a.id, a.title, a.outlet, a.published, a.url FROM " +
         table + " x JOIN articles a ON a.id = x.article_id WHERE x." + key + " = " + std::string(id_column) +
         " ORDER BY a.published_day IS NOT NULL, a.published_day, a.id) s)";  // NULL first on both backends
}

const std::string& VisitColumns() {
  static const std::string k =
      "v.id, v.visitor, v.visitor_role, v.visitor_country, "
      "attache_country_name(v.visitor_country) AS visitor_country_name, v.host_country, "
      "attache_country_name(v.host_country) AS host_country_name, v.place, v.date, v.status, "
      "v.cameo, v.plover_type, v.plover_mode, v.reports, " +
      SourcesSql("visit", "v.id") + " AS sources_json";
  return k;
}

const std::string& MeetingColumns() {
  static const std::string k =
      "m.id, m.participants AS participants_json, m.place, m.date, m.status, m.cameo, m.plover_type, "
      "m.plover_mode, m.reports, " +
      SourcesSql("meeting", "m.id") + " AS sources_json";
  return k;
}

}  // namespace attache::store
