// Syntax stage: the model file (model.h), the word table and the lemmatiser.
#include "syntax/model.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>

namespace attache::syntax {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

void PutU32(std::string* out, uint32_t v) { out->append(reinterpret_cast<const char*>(&v), 4); }
void PutStr(std::string* out, std::string_view s) {
  PutU32(out, static_cast<uint32_t>(s.size()));
  out->append(s);
}
void PutNames(std::string* out, const std::vector<std::string>& names) {
  PutU32(out, static_cast<uint32_t>(names.size()));
  for (const auto& n : names) PutStr(out, n);
}

struct Reader {
  const char* p;
  const char* end;
  std::string error;
  bool U32(uint32_t* v) {
    if (end - p < 4) return error = "cut short", false;
    std::memcpy(v, p, 4);
    p += 4;
    return true;
  }
  bool U8(uint8_t* v) {
    if (end - p < 1) return error = "cut short", false;
    *v = static_cast<uint8_t>(*p++);
    return true;
  }
  bool Str(std::string* s) {
    uint32_t n = 0;
    if (!U32(&n)) return false;
    if (static_cast<uint32_t>(end - p) < n) return error = "string longer than the file", false;
    s->assign(p, n);
    p += n;
    return true;
  }
  bool Names(std::vector<std::string>* names, uint32_t max) {
    uint32_t n = 0;
    if (!U32(&n)) return false;
    if (n > max) return error = "too many class names", false;
    names->resize(n);
    for (auto& s : *names)
      if (!Str(&s)) return false;
    return true;
  }
};

}  // namespace

WordTable WordTable::Parse(std::string_view text) {
  WordTable t;
  std::istringstream in{std::string(text)};
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t sp = line.find(' ');
    if (sp == std::string::npos) continue;
    const std::string key = line.substr(0, sp), value = line.substr(sp + 1);
    if (key == "suffix") t.suffixes.push_back(Lower(value));
    else if (key == "split") t.split_chars += value;
    else if (key == "keep") t.keep.push_back(Lower(value));
  }
  std::sort(t.suffixes.begin(), t.suffixes.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return t;
}

std::string Lemmatizer::Lemma(std::string_view form, int upos, bool keep_case) const {
  const char u = static_cast<char>(upos);
  std::string key(form);
  key.push_back('\t');
  key.push_back(u);
  if (auto it = dict.find(key); it != dict.end()) return it->second;
  const std::string low = Lower(form);
  key = low + '\t' + u;
  if (auto it = dict.find(key); it != dict.end()) return it->second;
  if (keep_case) return std::string(form);
  for (size_t n = std::min<size_t>(4, low.size()); n >= 1; --n) {
    std::string rk(1, u);
    rk += low.substr(low.size() - n);
    auto it = rules.find(rk);
    if (it == rules.end()) continue;
    if (it->second.cut >= low.size()) break;
    return low.substr(0, low.size() - it->second.cut) + it->second.append;
  }
  return low;
}

std::string Model::Serialize() const {
  std::string payload;
  PutStr(&payload, lang);
  PutStr(&payload, attribution);
  PutStr(&payload, word_table_text);
  PutNames(&payload, upos);
  PutNames(&payload, deprels);
  PutNames(&payload, ner);
  std::vector<std::pair<std::string, std::string>> dict(lemmas.dict.begin(), lemmas.dict.end());
  std::sort(dict.begin(), dict.end());  // deterministic bytes
  PutU32(&payload, static_cast<uint32_t>(dict.size()));
  for (const auto& [k, v] : dict) {
    PutStr(&payload, k);
    PutStr(&payload, v);
  }
  std::vector<std::pair<std::string, Lemmatizer::Rule>> rules(lemmas.rules.begin(), lemmas.rules.end());
  std::sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  PutU32(&payload, static_cast<uint32_t>(rules.size()));
  for (const auto& [k, r] : rules) {
    PutStr(&payload, k);
    payload.push_back(static_cast<char>(r.cut));
    PutStr(&payload, r.append);
  }
  tagger.Write(&payload);
  parser.Write(&payload);
  labeller.Write(&payload);
  entities.Write(&payload);

  uLongf bound = compressBound(payload.size());
  std::string packed(bound, '\0');
  compress2(reinterpret_cast<Bytef*>(packed.data()), &bound, reinterpret_cast<const Bytef*>(payload.data()),
            payload.size(), 9);
  packed.resize(bound);
  std::string out(kModelMagic, 8);
  PutU32(&out, kModelVersion);
  PutU32(&out, static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(payload.data()), payload.size())));
  const uint64_t sizes[2] = {packed.size(), payload.size()};
  out.append(reinterpret_cast<const char*>(sizes), 16);
  out += packed;
  return out;
}

Result<Model> Model::Deserialize(std::string_view file, const std::string& name) {
  auto bad = [&](const std::string& why) { return Status::Corrupt("syntax model " + name + ": " + why); };
  if (file.size() < 32) return bad("file too short to be a model (" + std::to_string(file.size()) + " bytes)");
  if (std::memcmp(file.data(), kModelMagic, 8) != 0) return bad("not an attache syntax model (bad magic)");
  uint32_t version = 0, crc = 0;
  uint64_t sizes[2];
  std::memcpy(&version, file.data() + 8, 4);
  std::memcpy(&crc, file.data() + 12, 4);
  std::memcpy(sizes, file.data() + 16, 16);
  if (version != kModelVersion)
    return Status::Unsupported("syntax model " + name + ": format version " + std::to_string(version) +
                               ", this build reads version " + std::to_string(kModelVersion) +
                               " (retrain with scripts/train-models)");
  if (sizes[0] != file.size() - 32) return bad("truncated or padded (payload size does not match the file)");
  if (sizes[1] > (uint64_t{1} << 31)) return bad("payload size out of range");
  std::string payload(sizes[1], '\0');
  uLongf got = sizes[1];
  if (uncompress(reinterpret_cast<Bytef*>(payload.data()), &got, reinterpret_cast<const Bytef*>(file.data() + 32),
                 sizes[0]) != Z_OK || got != sizes[1])
    return bad("payload does not decompress");
  if (crc32(0, reinterpret_cast<const Bytef*>(payload.data()), payload.size()) != crc) return bad("checksum mismatch");

  Model m;
  Reader r{payload.data(), payload.data() + payload.size(), ""};
  uint32_t n = 0;
  bool ok = r.Str(&m.lang) && r.Str(&m.attribution) && r.Str(&m.word_table_text) && r.Names(&m.upos, 64) &&
            r.Names(&m.deprels, 250) && r.Names(&m.ner, 64) && r.U32(&n);
  for (uint32_t i = 0; ok && i < n; ++i) {
    std::string k, v;
    ok = r.Str(&k) && r.Str(&v);
    m.lemmas.dict.emplace(std::move(k), std::move(v));
  }
  ok = ok && r.U32(&n);
  for (uint32_t i = 0; ok && i < n; ++i) {
    std::string k;
    Lemmatizer::Rule rule{};
    ok = r.Str(&k) && r.U8(&rule.cut) && r.Str(&rule.append);
    m.lemmas.rules.emplace(std::move(k), std::move(rule));
  }
  if (!ok) return bad("payload " + r.error);
  std::string err;
  if (!m.tagger.Read(r.p, r.end, &err) || !m.parser.Read(r.p, r.end, &err) || !m.labeller.Read(r.p, r.end, &err) ||
      !m.entities.Read(r.p, r.end, &err))
    return bad(err);
  if (r.p != r.end) return bad("trailing bytes after the classifiers");
  if (m.tagger.classes() != static_cast<int>(m.upos.size()) || m.parser.classes() != 3 ||
      m.labeller.classes() != static_cast<int>(m.deprels.size()) ||
      m.entities.classes() != static_cast<int>(m.ner.size()))
    return bad("classifier sizes do not match the class names");
  m.Prepare();
  return m;
}

void Model::Prepare() {
  words = WordTable::Parse(word_table_text);
  propn = punct = -1;
  for (size_t i = 0; i < upos.size(); ++i) {
    if (upos[i] == "PROPN") propn = static_cast<int>(i);
    if (upos[i] == "PUNCT") punct = static_cast<int>(i);
  }
}

Result<Model> Model::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("syntax model " + path + ": cannot open (missing?)");
  std::ostringstream ss;
  ss << in.rdbuf();
  return Deserialize(ss.str(), path);
}

Status Model::Save(const std::string& path) const {
  const std::string bytes = Serialize();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::IoError("cannot write " + path);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return Status::IoError("cannot write " + path);
  return Status::Ok();
}

}  // namespace attache::syntax
