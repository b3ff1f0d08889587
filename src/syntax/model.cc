// Syntax stage: the model file (model.h), the word table and the lemmatiser.
#include "syntax/model.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <cstdio>
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
  std::string out(32, '\0');  // the header, filled in at the end
  PutStr(&out, lang);
  PutStr(&out, attribution);
  PutStr(&out, word_table_text);
  PutNames(&out, upos);
  PutNames(&out, deprels);
  PutNames(&out, ner);
  std::vector<std::pair<std::string, std::string>> dict(lemmas.dict.begin(), lemmas.dict.end());
  std::sort(dict.begin(), dict.end());  // deterministic bytes
  PutU32(&out, static_cast<uint32_t>(dict.size()));
  for (const auto& [k, v] : dict) {
    PutStr(&out, k);
    PutStr(&out, v);
  }
  std::vector<std::pair<std::string, Lemmatizer::Rule>> rules(lemmas.rules.begin(), lemmas.rules.end());
  std::sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  PutU32(&out, static_cast<uint32_t>(rules.size()));
  for (const auto& [k, r] : rules) {
    PutStr(&out, k);
    out.push_back(static_cast<char>(r.cut));
    PutStr(&out, r.append);
  }
  tagger.Write(&out);
  parser.Write(&out);
  labeller.Write(&out);
  entities.Write(&out);

  const std::string_view payload = std::string_view(out).substr(32);
  const uint64_t hash = XXH3_64bits(payload.data(), payload.size()), size = payload.size();
  std::memcpy(out.data(), kModelMagic, 8);
  std::memcpy(out.data() + 8, &kModelVersion, 4);  // bytes 12-15 stay zero
  std::memcpy(out.data() + 16, &hash, 8);
  std::memcpy(out.data() + 24, &size, 8);
  return out;
}

namespace {

// The strings, class names and lemmas (the same in both versions); leaves
// r->p after them.
bool ReadHead(Reader* r, Model* m) {
  uint32_t n = 0;
  bool ok = r->Str(&m->lang) && r->Str(&m->attribution) && r->Str(&m->word_table_text) && r->Names(&m->upos, 64) &&
            r->Names(&m->deprels, 250) && r->Names(&m->ner, 64) && r->U32(&n);
  if (ok) m->lemmas.dict.reserve(n);
  for (uint32_t i = 0; ok && i < n; ++i) {
    std::string k, v;
    ok = r->Str(&k) && r->Str(&v);
    m->lemmas.dict.emplace(std::move(k), std::move(v));
  }
  ok = ok && r->U32(&n);
  for (uint32_t i = 0; ok && i < n; ++i) {
    std::string k;
    Lemmatizer::Rule rule{};
    ok = r->Str(&k) && r->U8(&rule.cut) && r->Str(&rule.append);
    m->lemmas.rules.emplace(std::move(k), std::move(rule));
  }
  return ok;
}

// Version 1: the zlib-compressed payload, parsed and copied.
Result<Model> ParseV1(std::string_view file, const std::string& name) {
  auto bad = [&](const std::string& why) { return Status::Corrupt("syntax model " + name + ": " + why); };
  uint32_t crc = 0;
  uint64_t sizes[2];
  std::memcpy(&crc, file.data() + 12, 4);
  std::memcpy(sizes, file.data() + 16, 16);
  if (sizes[0] != file.size() - 32) return bad("truncated or padded (payload size does not match the file)");
  if (sizes[1] > (uint64_t{1} << 31)) return bad("payload size out of range");
  std::string payload(sizes[1], '\0');
  uLongf got = sizes[1];
  if (uncompress(reinterpret_cast<Bytef*>(payload.data()), &got, reinterpret_cast<const Bytef*>(file.data() + 32),
                 sizes[0]) != Z_OK || got != sizes[1])
    return bad("payload does not decompress");
  if (crc32_z(0, reinterpret_cast<const Bytef*>(payload.data()), payload.size()) != crc) return bad("checksum mismatch");
  Model m;
  Reader r{payload.data(), payload.data() + payload.size(), ""};
  if (!ReadHead(&r, &m)) return bad("payload " + r.error);
  std::string err;
  if (!m.tagger.ReadV1(r.p, r.end, &err) || !m.parser.ReadV1(r.p, r.end, &err) ||
      !m.labeller.ReadV1(r.p, r.end, &err) || !m.entities.ReadV1(r.p, r.end, &err))
    return bad(err);
  if (r.p != r.end) return bad("trailing bytes after the classifiers");
  return m;
}

// Version 2: the payload as stored; the classifiers point into `file`, which
// `keep` owns.
Result<Model> ParseV2(std::string_view file, std::shared_ptr<const void> keep, const std::string& name) {
  auto bad = [&](const std::string& why) { return Status::Corrupt("syntax model " + name + ": " + why); };
  uint32_t flags = 0;
  uint64_t hash = 0, size = 0;
  std::memcpy(&flags, file.data() + 12, 4);
  std::memcpy(&hash, file.data() + 16, 8);
  std::memcpy(&size, file.data() + 24, 8);
  if (size != file.size() - 32) return bad("truncated or padded (payload size does not match the file)");
  if (flags != 0) return bad("unknown header flags");
  if (XXH3_64bits(file.data() + 32, file.size() - 32) != hash) return bad("checksum mismatch");
  Model m;
  Reader r{file.data() + 32, file.data() + file.size(), ""};
  if (!ReadHead(&r, &m)) return bad("payload " + r.error);
  std::size_t at = static_cast<std::size_t>(r.p - file.data());
  std::string err;
  if (!m.tagger.View(file, &at, keep, &err) || !m.parser.View(file, &at, keep, &err) ||
      !m.labeller.View(file, &at, keep, &err) || !m.entities.View(file, &at, keep, &err))
    return bad(err);
  if (at != file.size()) return bad("trailing bytes after the classifiers");
  return m;
}

// `keep` owns the bytes of `file` (version 2 uses them in place).
Result<Model> Parse(std::string_view file, std::shared_ptr<const void> keep, const std::string& name) {
  auto bad = [&](const std::string& why) { return Status::Corrupt("syntax model " + name + ": " + why); };
  if (file.size() < 32) return bad("file too short to be a model (" + std::to_string(file.size()) + " bytes)");
  if (std::memcmp(file.data(), kModelMagic, 8) != 0) return bad("not an attache syntax model (bad magic)");
  uint32_t version = 0;
  std::memcpy(&version, file.data() + 8, 4);
  if (version != 1 && version != kModelVersion)
    return Status::Unsupported("syntax model " + name + ": format version " + std::to_string(version) +
                               ", this build reads versions 1 and " + std::to_string(kModelVersion) +
                               " (retrain with scripts/train-models)");
  Result<Model> m = version == 1 ? ParseV1(file, name) : ParseV2(file, std::move(keep), name);
  if (!m.ok()) return m;
  const Model& v = m.value();
  if (v.tagger.classes() != static_cast<int>(v.upos.size()) || v.parser.classes() != 3 ||
      v.labeller.classes() != static_cast<int>(v.deprels.size()) ||
      v.entities.classes() != static_cast<int>(v.ner.size()))
    return bad("classifier sizes do not match the class names");
  m.value().Prepare();
  return m;
}

}  // namespace

Result<Model> Model::Deserialize(std::string_view file, const std::string& name) {
  // A copy, 8-byte aligned, that the model owns (the index is read in place).
  auto copy = std::make_shared<std::vector<uint64_t>>((file.size() + 7) / 8);
  if (!file.empty()) std::memcpy(copy->data(), file.data(), file.size());
  const std::string_view view(reinterpret_cast<const char*>(copy->data()), file.size());
  return Parse(view, std::move(copy), name);
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
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::NotFound("syntax model " + path + ": cannot open (missing?)");
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status::IoError("syntax model " + path + ": not a readable file");
  }
  const std::size_t size = static_cast<std::size_t>(st.st_size);
  void* map = size >= 32 ? ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0) : MAP_FAILED;
  if (map == MAP_FAILED) {  // too short to map, or no mapping here: read it
    std::string bytes(size, '\0');
    std::size_t got = 0;
    while (got < size) {
      const ssize_t n = ::read(fd, bytes.data() + got, size - got);
      if (n <= 0) break;
      got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    bytes.resize(got);
    return Deserialize(bytes, path);
  }
  ::close(fd);
  std::shared_ptr<const void> keep(map, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });
  return Parse(std::string_view(static_cast<const char*>(map), size), std::move(keep), path);
}

Status Model::Save(const std::string& path) const {
  const std::string bytes = Serialize();
  // Written beside, then renamed over: a process that has the old file
  // mapped keeps reading the old bytes.
  const std::string tmp = path + ".tmp";
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  if (!out) return Status::IoError("cannot write " + tmp);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::IoError("cannot write " + path);
  }
  return Status::Ok();
}

}  // namespace attache::syntax
