#include "store/rows.h"

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

std::string RowJson(const Stmt& s) {
  sqlite3_stmt* raw = s.get();
  const int n = sqlite3_column_count(raw);
  std::string o = "{";
  for (int i = 0; i < n; ++i) {
    std::string_view name = sqlite3_column_name(raw, i);
    const bool is_json = name.size() > 5 && name.substr(name.size() - 5) == "_json";
    if (is_json) name.remove_suffix(5);
    if (i) o.push_back(',');
    json::AppendString(&o, name);
    o.push_back(':');
    switch (sqlite3_column_type(raw, i)) {
      case SQLITE_NULL:
        o += is_json ? "[]" : "null";
        break;
      case SQLITE_INTEGER:
        o += std::to_string(sqlite3_column_int64(raw, i));
        break;
      case SQLITE_FLOAT:
        o += std::to_string(sqlite3_column_double(raw, i));
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
