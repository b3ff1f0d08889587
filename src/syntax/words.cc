// Syntax stage: from the text layer's tokens to syntactic words, by the
// language's word table (model.h): cut at split characters ("well-known" ->
// "well" "-" "known"), then split off a listed suffix ("don't" -> "do" "n't",
// "Putin's" -> "Putin" "'s"). Each word keeps the byte offsets of its part.
#include <string>

#include "syntax/model.h"
#include "syntax/syntax.h"

namespace attache::syntax {

namespace {

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

void Push(std::vector<Word>* out, std::string_view text, uint32_t b, uint32_t e, int token) {
  Word w;
  w.begin = b;
  w.end = e;
  w.form.assign(text.substr(b, e - b));
  w.token = token;
  out->push_back(std::move(w));
}

// One piece of a token: split off the longest listed suffix it ends with.
void PushPiece(const WordTable& t, std::vector<Word>* out, std::string_view text, uint32_t b, uint32_t e, int token) {
  const std::string low = LowerAscii(text.substr(b, e - b));
  for (const std::string& suf : t.suffixes) {
    if (low.size() > suf.size() && low.compare(low.size() - suf.size(), suf.size(), suf) == 0) {
      const uint32_t cut = e - static_cast<uint32_t>(suf.size());
      Push(out, text, b, cut, token);
      Push(out, text, cut, e, token);
      return;
    }
  }
  Push(out, text, b, e, token);
}

}  // namespace

std::vector<Word> SplitWords(const Model& model, std::string_view text, const std::vector<text::Token>& tokens) {
  const WordTable& t = model.words;
  std::vector<Word> out;
  out.reserve(tokens.size() + 4);
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const text::Token& tok = tokens[k];
    const int idx = static_cast<int>(k);
    const std::string_view form = text.substr(tok.begin, tok.end - tok.begin);
    if (tok.kind != text::TokenKind::kWord) {
      Push(&out, text, tok.begin, tok.end, idx);
      continue;
    }
    const std::string low = LowerAscii(form);
    bool keep = false;
    for (const std::string& kw : t.keep) keep = keep || kw == low;
    if (keep) {
      Push(&out, text, tok.begin, tok.end, idx);
      continue;
    }
    uint32_t start = tok.begin;
    for (uint32_t i = tok.begin; i < tok.end; ++i) {
      if (t.split_chars.find(text[i]) == std::string::npos || i == tok.begin || i + 1 == tok.end) continue;
      if (i > start) PushPiece(t, &out, text, start, i, idx);
      Push(&out, text, i, i + 1, idx);
      start = i + 1;
    }
    if (start < tok.end) PushPiece(t, &out, text, start, tok.end, idx);
  }
  return out;
}

}  // namespace attache::syntax
